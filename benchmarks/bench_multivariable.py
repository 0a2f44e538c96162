"""Gradient, Jacobian and Hessian accuracy against analytic answers, beside numdifftools.

Target (issue 6): entries to relative error ≤ 1e-9 for gradients and Jacobians, ≤ 1e-6 for
Hessians, on a battery of analytic test functions. The error of an entry is measured
relative to the largest entry of its array (an entry that is exactly 0 has no relative
error of its own).

    python -m benchmarks --only multivariable      or      python benchmarks/bench_multivariable.py
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

try:
    from benchmarks.timing import median_time as _median_time
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import median_time as _median_time  # type: ignore[no-redef]
from scratchmath.calculus.multivariable import gradient, hessian, jacobian

Point = list[float]


def _rosen(v: Sequence[float]) -> float:
    x, y = v[0], v[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def _rosen_grad(v: Sequence[float]) -> list[float]:
    x, y = v
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


def _rosen_hess(v: Sequence[float]) -> list[list[float]]:
    x, y = v
    return [[2 - 400 * (y - x * x) + 800 * x * x, -400 * x], [-400 * x, 200.0]]


def _expsin(v: Sequence[float]) -> float:
    return math.exp(v[0]) * math.sin(v[1])


def _expsin_grad(v: Sequence[float]) -> list[float]:
    return [math.exp(v[0]) * math.sin(v[1]), math.exp(v[0]) * math.cos(v[1])]


def _expsin_hess(v: Sequence[float]) -> list[list[float]]:
    e, s, c = math.exp(v[0]), math.sin(v[1]), math.cos(v[1])
    return [[e * s, e * c], [e * c, -e * s]]


def _logsumexp(v: Sequence[float]) -> float:
    top = max(v)
    return top + math.log(math.fsum(math.exp(x - top) for x in v))


def _softmax(v: Sequence[float]) -> list[float]:
    top = max(v)
    weights = [math.exp(x - top) for x in v]
    total = math.fsum(weights)
    return [w / total for w in weights]


def _logsumexp_hess(v: Sequence[float]) -> list[list[float]]:
    p = _softmax(v)
    return [[(p[i] if i == j else 0.0) - p[i] * p[j] for j in range(len(v))] for i in range(len(v))]


def _quartic(v: Sequence[float]) -> float:
    return math.fsum(x**4 for x in v) + v[0] * v[1] * v[2]


def _quartic_grad(v: Sequence[float]) -> list[float]:
    x, y, z = v
    return [4 * x**3 + y * z, 4 * y**3 + x * z, 4 * z**3 + x * y]


def _quartic_hess(v: Sequence[float]) -> list[list[float]]:
    x, y, z = v
    return [[12 * x * x, z, y], [z, 12 * y * y, x], [y, x, 12 * z * z]]


def _gauss(v: Sequence[float]) -> float:
    return math.exp(-(v[0] ** 2) - 2 * v[1] ** 2)


def _gauss_grad(v: Sequence[float]) -> list[float]:
    g = _gauss(v)
    return [-2 * v[0] * g, -4 * v[1] * g]


def _gauss_hess(v: Sequence[float]) -> list[list[float]]:
    g, x, y = _gauss(v), v[0], v[1]
    return [[(4 * x * x - 2) * g, 8 * x * y * g], [8 * x * y * g, (16 * y * y - 4) * g]]


#: (name, f, ∇f, Hf, points)
SCALAR_CASES: list[
    tuple[str, Callable[..., float], Callable[..., Any], Callable[..., Any], list[Point]]
] = [
    ("Rosenbrock", _rosen, _rosen_grad, _rosen_hess, [[-1.2, 1.0], [1.0, 1.0], [0.3, -0.7]]),
    ("e^x sin y", _expsin, _expsin_grad, _expsin_hess, [[0.5, 1.2], [-2.0, 3.0], [3.0, 0.1]]),
    (
        "log-sum-exp",
        _logsumexp,
        _softmax,
        _logsumexp_hess,
        [[0.1, 0.2, 0.3], [1.0, -2.0, 3.0, 0.5]],
    ),
    ("x⁴+y⁴+z⁴+xyz", _quartic, _quartic_grad, _quartic_hess, [[1.0, 2.0, -1.0], [0.3, 0.4, 0.5]]),
    ("Gaussian bump", _gauss, _gauss_grad, _gauss_hess, [[0.3, -0.2], [1.5, 0.5]]),
]


def _polar(p: Sequence[float]) -> list[float]:
    return [p[0] * math.cos(p[1]), p[0] * math.sin(p[1])]


def _polar_jac(p: Sequence[float]) -> list[list[float]]:
    r, t = p
    return [[math.cos(t), -r * math.sin(t)], [math.sin(t), r * math.cos(t)]]


def _spherical(p: Sequence[float]) -> list[float]:
    r, t, f = p
    return [r * math.sin(t) * math.cos(f), r * math.sin(t) * math.sin(f), r * math.cos(t)]


def _spherical_jac(p: Sequence[float]) -> list[list[float]]:
    r, t, f = p
    st, ct, sf, cf = math.sin(t), math.cos(t), math.sin(f), math.cos(f)
    return [
        [st * cf, r * ct * cf, -r * st * sf],
        [st * sf, r * ct * sf, r * st * cf],
        [ct, -r * st, 0.0],
    ]


def _layer(v: Sequence[float]) -> list[float]:
    A, b = [[1.0, -2.0, 0.5], [0.5, 3.0, -1.0]], [0.1, -0.2]
    return [
        math.tanh(sum(a * x for a, x in zip(row, v, strict=True)) + c)
        for row, c in zip(A, b, strict=True)
    ]


def _layer_jac(v: Sequence[float]) -> list[list[float]]:
    A, b = [[1.0, -2.0, 0.5], [0.5, 3.0, -1.0]], [0.1, -0.2]
    out = []
    for row, c in zip(A, b, strict=True):
        z = sum(a * x for a, x in zip(row, v, strict=True)) + c
        out.append([(1 - math.tanh(z) ** 2) * a for a in row])
    return out


VECTOR_CASES: list[tuple[str, Callable[..., Any], Callable[..., Any], list[Point]]] = [
    ("polar → cartesian", _polar, _polar_jac, [[2.0, 0.3], [0.5, 2.5]]),
    ("spherical → cartesian", _spherical, _spherical_jac, [[1.5, 0.7, 0.2], [3.0, 2.0, -1.0]]),
    ("tanh layer", _layer, _layer_jac, [[0.3, 0.4, -0.5], [1.0, -1.0, 2.0]]),
]


def _relative_error(got: Sequence[Sequence[float]], want: Sequence[Sequence[float]]) -> float:
    scale = max(abs(w) for row in want for w in row) or 1.0
    return (
        max(
            abs(g - w)
            for gr, wr in zip(got, want, strict=True)
            for g, w in zip(gr, wr, strict=True)
        )
        / scale
    )


def _row(
    name: str,
    point: Point,
    what: str,
    ours: Callable[[], Any],
    theirs: Callable[[], Any] | None,
    want: Any,
    repeats: int,
) -> tuple[str, float]:
    """One line of the table, and scratchmath's error on it."""
    error = _relative_error(ours(), want)
    peer = _relative_error(theirs(), want) if theirs else math.nan
    t_ours = _median_time(ours, repeats)
    t_peer = _median_time(theirs, repeats) if theirs else math.nan
    label = "(" + ", ".join(f"{c:g}" for c in point) + ")"
    line = (
        f"{name:<24}{label:<22}{what:<10}{error:>13.1e}{peer:>14.1e}"
        f"{t_ours * 1e3:>8.1f}ms{t_peer * 1e3:>8.1f}ms"
    )
    return line, error


def _cases(nd: Any, np: Any) -> list[tuple[str, Point, str, Any, Any, Any]]:
    """(name, point, what, ours, theirs, want) for every case of the battery."""
    cases = []
    for name, f, grad_f, hess_f, points in SCALAR_CASES:
        for point in points:

            def scalar(a: Any, f: Callable[..., float] = f) -> float:
                return f(list(a))

            x = np.array(point) if np else None
            cases.append(
                (
                    name,
                    point,
                    "gradient",
                    lambda f=f, p=point: [list(gradient(f, p))],
                    (lambda g=nd.Gradient(scalar), x=x: [list(g(x))]) if nd else None,
                    [grad_f(point)],
                )
            )
            cases.append(
                (
                    name,
                    point,
                    "hessian",
                    lambda f=f, p=point: [list(r) for r in hessian(f, p).rows],
                    (lambda h=nd.Hessian(scalar), x=x: h(x).tolist()) if nd else None,
                    hess_f(point),
                )
            )
    for name, f, jac_f, points in VECTOR_CASES:
        for point in points:

            def vector(a: Any, f: Callable[..., Any] = f) -> Any:
                return np.array(f(list(a)))

            x = np.array(point) if np else None
            cases.append(
                (
                    name,
                    point,
                    "jacobian",
                    lambda f=f, p=point: [list(r) for r in jacobian(f, p).rows],
                    (lambda j=nd.Jacobian(vector), x=x: j(x).tolist()) if nd else None,
                    jac_f(point),
                )
            )
    return cases


def run(quick: bool = False) -> str:
    """Run the battery and return the table."""
    try:
        import numdifftools as nd  # the peer, from the bench extra
        import numpy as np
    except ImportError:  # pragma: no cover - the bench extra is not installed
        nd = np = None
    repeats = 1 if quick else 3
    rows = [
        f"{'function':<24}{'point':<22}{'what':<10}{'scratchmath':>13}{'numdifftools':>14}"
        f"{'time sm':>10}{'time nd':>10}"
    ]
    worst = {"gradient": 0.0, "jacobian": 0.0, "hessian": 0.0}
    for name, point, what, ours, theirs, want in _cases(nd, np):
        line, error = _row(name, point, what, ours, theirs, want, repeats)
        rows.append(line)
        worst[what] = max(worst[what], error)
    rows.append("")
    rows.append(
        f"worst relative error: gradient {worst['gradient']:.1e} (target 1e-9), "
        f"jacobian {worst['jacobian']:.1e} (target 1e-9), "
        f"hessian {worst['hessian']:.1e} (target 1e-6)"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
