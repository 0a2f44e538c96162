"""minimize (BFGS, Newton) against scipy.optimize.minimize (BFGS, Newton-CG) on TEST_PROBLEMS.

For each problem and method: the steps taken, the evaluations of f (for scratchmath's
Newton these include the n forward-mode passes of each Hessian) and of ∇f, the steps
until the iterate first came within 1e-6 of a known minimiser, and the final distance.
scipy gets the same exact gradient (and Hessian, for Newton-CG), computed by
scratchmath.autodiff, so the counts compare the algorithms, not the derivatives.
Target (issue 14): BFGS within 1.5× scipy's BFGS evaluation count (f + ∇f) on every
problem; Newton from (−1.2, 1) to Rosenbrock's minimum within 1e-8 in < 50 iterations.

    python -m benchmarks --only optimization      or      python benchmarks/bench_optimization.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from scratchmath.autodiff import Var, grad, hessian
from scratchmath.optimization import minimize
from scratchmath.optimization.test_functions import TEST_PROBLEMS
from scratchmath.vectors import Vector

CLOSE = 1e-6


def _distance(x: Any, minima: tuple[Vector, ...]) -> float:
    return min(max(abs(float(a) - float(b)) for a, b in zip(x, m, strict=True)) for m in minima)


def _first_close(path: list[Any], minima: tuple[Vector, ...]) -> str:
    k = next((k for k, p in enumerate(path) if _distance(p, minima) < CLOSE), None)
    return "—" if k is None else str(k)


def _ours(
    f: Callable[[Any], Any], start: Vector, minima: tuple[Vector, ...], method: str
) -> dict[str, Any]:
    counts = {"f": 0, "g": 0}

    def counted(x: Any) -> Any:
        counts["f"] += 1
        counts["g"] += isinstance(x, Var)  # a call on a Var is one forward + one backward pass
        return f(x)

    began = time.perf_counter()
    r = minimize(counted, start, method=method)
    elapsed = time.perf_counter() - began
    return {
        "steps": r.steps,
        "f": counts["f"],
        "g": counts["g"],
        "close": _first_close(list(r.path), minima),
        "error": _distance(r.x, minima),
        "time": elapsed,
    }


def _scipy(
    so: Any,
    np: Any,
    f: Callable[[Any], Any],
    start: Vector,
    minima: tuple[Vector, ...],
    method: str,
) -> dict[str, Any]:
    def value(a: Any) -> float:
        return float(f(Vector([float(c) for c in a])))

    def gradient(a: Any) -> Any:
        return np.array([float(c) for c in grad(f, Vector([float(c) for c in a]))])

    def second(a: Any) -> Any:
        H = hessian(f, Vector([float(c) for c in a]))
        return np.array([[float(e) for e in row] for row in H.rows])

    path = [list(start)]
    options = {"gtol": 1e-8} if method == "BFGS" else {"xtol": 1e-10}
    extra = {"hess": second} if method == "Newton-CG" else {}
    began = time.perf_counter()
    r = so.minimize(
        value,
        np.array([float(c) for c in start]),
        jac=gradient,
        method=method,
        options=options,
        callback=lambda xk: path.append(list(xk)),
        **extra,
    )
    elapsed = time.perf_counter() - began
    return {
        "steps": int(r.nit),
        "f": int(r.nfev),
        "g": int(r.njev),
        "close": _first_close(path, minima),
        "error": _distance(r.x, minima),
        "time": elapsed,
    }


def _row(problem: str, who: str, m: dict[str, Any]) -> str:
    return (
        f"{problem:<16}{who:<22}{m['steps']:>6}{m['f']:>7}{m['g']:>7}{m['close']:>9}"
        f"{m['error']:>11.1e}{m['time'] * 1e3:>10.1f}"
    )


#: The first-order methods with the learning rates of docs/optimization.md's Rosenbrock
#: table, and the step budget each gets on every problem.
FIRST_ORDER = (
    ("gd", 0.0015),
    ("momentum", 0.001),
    ("nesterov", 0.001),
    ("adagrad", 1.0),
    ("rmsprop", 0.0003),
    ("adam", 0.2),
)
FIRST_ORDER_BUDGET = 5_000


def _first_order_table() -> list[str]:
    """Steps each first-order method needs to come within 1e-6 of a minimiser ("—": not
    within the budget, or it diverged): one learning rate per method, as a learner would."""
    names = list(TEST_PROBLEMS)
    rows = [
        f"first-order methods: steps to within {CLOSE:g} of a minimiser "
        f"(budget {FIRST_ORDER_BUDGET}; — = not reached)",
        f"{'method':<10}{'lr':>8}" + "".join(f"{n[:10]:>11}" for n in names),
    ]
    for method, lr in FIRST_ORDER:
        cells = []
        for name in names:
            f, start, minima = TEST_PROBLEMS[name]
            r = minimize(f, start, method=method, lr=lr, max_steps=FIRST_ORDER_BUDGET)
            cells.append(f"{_first_close(list(r.path), minima):>11}")
        rows.append(f"{method:<10}{lr:>8g}" + "".join(cells))
    return rows


def run(quick: bool = False) -> str:
    """Run every problem with both libraries and return the table."""
    try:
        import numpy as np
        import scipy.optimize as so
    except ImportError:  # pragma: no cover - the bench extra is not installed
        np = so = None
    rows = [
        f"{'problem':<16}{'method':<22}{'steps':>6}{'f':>7}{'∇f':>7}{'to 1e-6':>9}"
        f"{'distance':>11}{'ms':>10}"
    ]
    ratios: list[tuple[str, float]] = []
    for name, (f, start, minima) in TEST_PROBLEMS.items():
        bfgs = _ours(f, start, minima, "bfgs")
        rows.append(_row(name, "scratchmath bfgs", bfgs))
        if so is not None:
            theirs = _scipy(so, np, f, start, minima, "BFGS")
            rows.append(_row("", "scipy BFGS", theirs))
            ratios.append((name, (bfgs["f"] + bfgs["g"]) / (theirs["f"] + theirs["g"])))
        if not quick:
            rows.append(_row("", "scratchmath newton", _ours(f, start, minima, "newton")))
            if so is not None and name != "ackley":  # Newton-CG needs a Hessian at the kink
                rows.append(
                    _row("", "scipy Newton-CG", _scipy(so, np, f, start, minima, "Newton-CG"))
                )
    if not quick:
        rows += ["", *_first_order_table()]
    rows.append("")
    if not ratios:
        rows.append("scipy is not installed (pip install -e '.[bench]'): no comparison.")
    else:
        worst_name, worst = max(ratios, key=lambda pair: pair[1])
        rows.append(
            f"BFGS evaluations (f + ∇f) / scipy's: worst {worst:.2f} ({worst_name}), target ≤ 1.5"
        )
    newton = minimize(TEST_PROBLEMS["rosenbrock"].f, [-1.2, 1.0], method="newton")
    rows.append(
        f"Newton on Rosenbrock from (−1.2, 1): {newton.steps} iterations, distance "
        f"{_distance(newton.x, (Vector([1, 1]),)):.1e} (target < 50 iterations, 1e-8)"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
