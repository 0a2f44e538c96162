"""Reverse-mode autodiff: what a gradient costs, against micrograd and finite differences.

Targets (issue 13): ``grad`` of an n-input function costs a small constant times one
evaluation (finite differences cost ~2n evaluations); one epoch (forward + backward) of a
64-32-10 MLP over 1 347 samples of 64 features ≥ 50× faster than a scalar graph such as
micrograd, and under 5 s on a 2-core machine.

Five tables:

1. n-input function f(v) = Σ wᵢ tanh(vᵢ) + logsumexp(v): seconds for f, for ``grad`` and
   for Ridders' ``calculus.gradient``; the ratio grad / f (the "cheap gradient" constant)
   and, beside it, the 2n evaluations a central difference needs.
2. A function both libraries can write (relu and squares), n = 10, 100, 1 000: time and
   peak memory of the gradient, scratchmath against micrograd.
3. The 64-32-10 relu MLP with squared error on one-hot targets, on the 8×8 digits: one
   sample's gradient (scratchmath one node per layer operation, micrograd one node per
   number), its peak memory, and one epoch of 1 347 samples (scratchmath in mini-batches
   of 32 rows; micrograd's epoch is its per-sample time × 1 347, measured on a few samples,
   as a full epoch takes minutes).
4. A small MLP (8-8-3, 99 parameters): ``grad`` against Ridders over the flattened
   parameters — time ratio and largest relative difference.

5. Accuracy: ``grad`` of smooth compositions against mpmath's 50-digit derivative
   (target: within 1e-12 relative).

micrograd and mpmath come from the ``bench`` extra; without it its columns say "absent".

    python -m benchmarks --only autodiff      or      python benchmarks/bench_autodiff.py
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

try:
    from benchmarks.timing import median_time, medians
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import median_time, medians  # type: ignore[no-redef]
from scratchmath import autodiff as ad
from scratchmath.autodiff import Var
from scratchmath.calculus import gradient as ridders_gradient
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

try:
    from micrograd.nn import MLP as MicroMLP
except ImportError:  # the bench extra is not installed
    MicroMLP = None

SAMPLES = 1347
SIZES = (64, 32, 10)


# -- 1. the cost of a gradient against the cost of an evaluation ------------------------


def _scalar_function(n: int) -> Callable[[Any], Any]:
    weights = Vector([(-1.0) ** i / (1 + i) for i in range(n)])

    def f(v: Any) -> Any:
        return (ad.tanh(v) * weights).sum() + ad.logsumexp(v)

    return f


def _plain(f: Callable[[Any], Any]) -> Callable[[Any], float]:
    """f on a constant Var: the same code, no graph kept (as check_grad evaluates it)."""
    return lambda v: float(f(Var(Vector(v), requires_grad=False)).value)


def _cost_table(quick: bool) -> list[str]:
    lines = [
        "f(v) = Σ wᵢ tanh(vᵢ) + logsumexp(v), n inputs",
        "       n    f (ms)   grad (ms)   grad/f   Ridders (ms)   Ridders/f   2n",
    ]
    repeats = 3 if quick else 7
    for n in (10, 100, 1000):
        f = _scalar_function(n)
        x = Vector([0.01 * ((7 * i) % 13 - 6) for i in range(n)])
        plain = _plain(f)
        t_f = median_time(lambda: plain(x), repeats)  # noqa: B023
        t_grad = median_time(lambda: ad.grad(f, x), repeats)  # noqa: B023
        if n <= (10 if quick else 100):
            t_ridders = median_time(lambda: ridders_gradient(plain, x), 1)  # noqa: B023
            ridders = f"{t_ridders * 1e3:12.1f}   {t_ridders / t_f:9.0f}"
        else:
            ridders = f"{'(skipped)':>12}   {'':>9}"
        lines.append(
            f"    {n:4d}  {t_f * 1e3:8.3f}  {t_grad * 1e3:10.3f}  {t_grad / t_f:7.1f}"
            f"   {ridders}   {2 * n}"
        )
    return lines


def _micrograd_gradient(values: list[float], weights: list[float]) -> Any:
    from micrograd.engine import Value

    v = [Value(e) for e in values]
    loss = sum((w * e.relu() ** 2 for w, e in zip(weights, v, strict=True)), Value(0.0))
    loss = loss + sum((e * e for e in v), Value(0.0))
    loss.backward()
    return [e.grad for e in v]


def _micrograd_table(quick: bool) -> list[str]:
    """The same function in both libraries, one micrograd supports (relu and powers)."""
    lines = [
        "",
        "f(v) = Σ wᵢ relu(vᵢ)² + Σ vᵢ², grad in both libraries",
        "       n   scratchmath (ms)  micrograd (ms)   ratio   peak KiB: ours  micrograd",
    ]
    if MicroMLP is None:
        return [*lines, "  micrograd: absent (pip install -e '.[bench]')"]
    for n in (10, 100, 1000):
        values = [0.01 * ((7 * i) % 13 - 6) for i in range(n)]
        weights = [(-1.0) ** i / (1 + i) for i in range(n)]
        w = Vector(weights)

        def ours(v: Any, w: Vector = w) -> Any:
            return (w * ad.relu(v) ** 2).sum() + (v * v).sum()

        x = Vector(values)
        t_ours = median_time(lambda: ad.grad(ours, x), 3 if quick else 7)  # noqa: B023
        ours_kib = _peak_kib(lambda: ad.grad(ours, x))  # noqa: B023
        try:
            t_micro = median_time(lambda: _micrograd_gradient(values, weights), 3)  # noqa: B023
            micro_kib = _peak_kib(lambda: _micrograd_gradient(values, weights))  # noqa: B023
            micro = f"{t_micro * 1e3:14.2f}   {t_micro / t_ours:5.1f}×"
            micro_memory = f"{micro_kib:9.0f}"
        except RecursionError:  # micrograd orders its graph recursively
            micro, micro_memory = f"{'RecursionError':>14}   {'':>6}", f"{'—':>9}"
        lines.append(
            f"    {n:4d}  {t_ours * 1e3:16.2f}  {micro}   {ours_kib:14.0f}  {micro_memory}"
        )
    return lines


# -- 2. a 64-32-10 MLP on the digits: scratchmath against micrograd ---------------------


def _data() -> tuple[list[list[float]], list[int]]:
    """The first 1 347 digits (8×8 pixels scaled to [0, 1]) or, without the dataset, noise."""
    try:
        from scratchmath.networks.datasets import digits

        d = digits()
        rows = [[float(e) / 16 for e in row] for row in list(d.X.rows)[:SAMPLES]]
        return rows, list(d.y[:SAMPLES])
    except ImportError:
        rng = random.Random(0)
        return [[rng.random() for _ in range(64)] for _ in range(SAMPLES)], [
            rng.randrange(10) for _ in range(SAMPLES)
        ]


def _parameters(rng: random.Random) -> list[Var]:
    n_in, n_hidden, n_out = SIZES
    scale1, scale2 = n_in**-0.5, n_hidden**-0.5
    return [
        Var(Matrix([[rng.uniform(-scale1, scale1) for _ in range(n_in)] for _ in range(n_hidden)])),
        Var(Vector([0.0] * n_hidden)),
        Var(
            Matrix([[rng.uniform(-scale2, scale2) for _ in range(n_hidden)] for _ in range(n_out)])
        ),
        Var(Vector([0.0] * n_out)),
    ]


def _one_hot(labels: list[int]) -> Matrix:
    return Matrix([[1.0 if k == label else 0.0 for k in range(SIZES[2])] for label in labels])


def _batch_gradient(params: list[Var], X: Matrix, Y: Matrix) -> None:
    """Forward and backward of L = Σ (relu(X W₁ᵀ + b₁) W₂ᵀ + b₂ − Y)² / rows."""
    W1, b1, W2, b2 = params
    for p in params:
        p.grad = None
    H = ad.relu(X @ W1.T + b1)
    Z = H @ W2.T + b2
    loss = ((Z - Y) ** 2).sum() / X.shape[0]
    loss.backward()


def _epoch(params: list[Var], rows: list[list[float]], labels: list[int], batch: int) -> None:
    for start in range(0, len(rows), batch):
        X = Matrix(rows[start : start + batch])
        _batch_gradient(params, X, _one_hot(labels[start : start + batch]))


def _micrograd_sample(model: Any, x: list[float], label: int) -> None:
    out = model(x)
    loss = sum((o - (1.0 if k == label else 0.0)) ** 2 for k, o in enumerate(out))
    model.zero_grad()
    loss.backward()


def _peak_kib(f: Callable[[], Any]) -> float:
    tracemalloc.start()
    f()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def _mlp_table(quick: bool) -> list[str]:
    rows, labels = _data()
    params = _parameters(random.Random(1))
    x, label = rows[0], labels[0]
    X1, Y1 = Matrix([x]), _one_hot([label])
    repeats = 3 if quick else 9
    contenders: dict[str, Callable[[], Any]] = {
        "scratchmath": lambda: _batch_gradient(params, X1, Y1)
    }
    model = None
    if MicroMLP is not None:
        model = MicroMLP(SIZES[0], list(SIZES[1:]))
        contenders["micrograd"] = lambda: _micrograd_sample(model, x, label)
    times = medians(contenders, repeats)
    lines = ["", "64-32-10 relu MLP, squared error, the 8×8 digits"]
    lines.append("  one sample's gradient:      time (ms)   peak memory (KiB)")
    for name, f in contenders.items():
        lines.append(f"    {name:<12}  {times[name] * 1e3:19.2f}   {_peak_kib(f):17.0f}")
    t_epoch = median_time(lambda: _epoch(params, rows, labels, 32), 1 if quick else 3)
    lines.append(f"  one epoch ({SAMPLES} samples), scratchmath, batches of 32: {t_epoch:.2f} s")
    if model is None:
        lines.append("  micrograd: absent (pip install -e '.[bench]')")
        return lines
    micro_epoch = times["micrograd"] * SAMPLES
    lines.append(
        f"  one epoch, micrograd (per-sample time × {SAMPLES}, extrapolated): {micro_epoch:.0f} s"
    )
    lines.append(
        f"  ratio micrograd / scratchmath: {times['micrograd'] / times['scratchmath']:.1f}× per "
        f"sample, {micro_epoch / t_epoch:.0f}× per epoch (target ≥ 50×, epoch < 5 s)"
    )
    return lines


# -- 3. grad against finite differences on a small MLP ----------------------------------


def _small_mlp() -> tuple[Callable[[Any], Any], Vector]:
    """L(θ) for an 8-8-3 tanh MLP, θ the 99 parameters flattened; and a point θ."""
    rng = random.Random(2)
    x = Vector([rng.uniform(-1, 1) for _ in range(8)])
    target = Vector([1.0, 0.0, 0.0])

    def loss(theta: Any) -> Any:
        h = ad.tanh(_affine(theta, 0, 8, 8, x))
        z = _affine(theta, 72, 3, 8, h)
        return ((z - target) ** 2).sum()

    theta = Vector([rng.uniform(-0.5, 0.5) for _ in range(8 * 8 + 8 + 3 * 8 + 3)])
    return loss, theta


def _affine(theta: Any, start: int, m: int, n: int, x: Any) -> Any:
    """W x + b with W (m×n) and b (m) read from θ[start:]: each output a sum of products."""
    outputs = []
    for i in range(m):
        row = theta[start + i * n : start + (i + 1) * n]
        outputs.append(row @ x + theta[start + m * n + i])
    return _stack(outputs)


def _stack(items: list[Any]) -> Any:
    """A Vector-valued node from scalar nodes: Σᵢ itemᵢ·eᵢ."""
    n = len(items)
    total: Any = None
    for i, item in enumerate(items):
        term = item * Vector.basis(n, i)
        total = term if total is None else total + term
    return total


def _finite_difference_table(quick: bool) -> list[str]:
    loss, theta = _small_mlp()
    plain = _plain(loss)
    t_grad = median_time(lambda: ad.grad(loss, theta), 3 if quick else 7)
    t_ridders = median_time(lambda: ridders_gradient(plain, theta), 1)
    g, r = ad.grad(loss, theta), ridders_gradient(plain, theta)
    scale = max(abs(e) for e in g)
    worst = max(abs(a - b) for a, b in zip(g, r, strict=True)) / scale
    return [
        "",
        f"8-8-3 tanh MLP, {len(theta)} parameters: grad against Ridders' finite differences",
        f"  grad {t_grad * 1e3:.1f} ms, Ridders {t_ridders * 1e3:.0f} ms: "
        f"{t_ridders / t_grad:.0f}× faster; largest difference {worst:.1e} of ‖∇L‖∞",
    ]


# -- 4. accuracy against a 50-digit reference -----------------------------------------

COMPOSITIONS: list[tuple[str, Callable[[Any], Any], Callable[[Any, Any], Any]]] = [
    (
        "sin(eˣ)·tanh x",
        lambda x: ad.sin(ad.exp(x)) * ad.tanh(x),
        lambda m, x: m.sin(m.exp(x)) * m.tanh(x),
    ),
    (
        "ln(1 + x²)/√(1 + x²)",
        lambda x: ad.log(1 + x * x) / ad.sqrt(1 + x * x),
        lambda m, x: m.log(1 + x * x) / m.sqrt(1 + x * x),
    ),
    (
        "σ(3x)·softplus(x)",
        lambda x: ad.sigmoid(3 * x) * ad.softplus(x),
        lambda m, x: m.log(1 + m.exp(x)) / (1 + m.exp(-3 * x)),
    ),
    (
        "e^(−x²)·cos 5x",
        lambda x: ad.exp(-(x * x)) * ad.cos(5 * x),
        lambda m, x: m.exp(-x * x) * m.cos(5 * x),
    ),
    ("x⁵/(1 + x⁴)", lambda x: x**5 / (1 + x**4), lambda m, x: x**5 / (1 + x**4)),
]


def _accuracy_table() -> list[str]:
    try:
        import mpmath
    except ImportError:
        return ["", "accuracy against mpmath: absent (pip install -e '.[bench]')"]
    mpmath.mp.dps = 50
    lines = [
        "",
        "grad against mpmath's 50-digit derivative, 9 points in [−2, 2]: max relative error",
    ]
    for name, f, reference in COMPOSITIONS:
        worst = 0.0
        for k in range(9):
            x = -2.0 + 0.5 * k + 0.0123
            exact = mpmath.diff(lambda t: reference(mpmath, t), mpmath.mpf(x))  # noqa: B023
            worst = max(worst, float(abs((ad.grad(f, x) - exact) / exact)))
        lines.append(f"  {name:<24} {worst:.1e}")
    return lines


def run(quick: bool = False) -> str:
    return "\n".join(
        _cost_table(quick)
        + _micrograd_table(quick)
        + _mlp_table(quick)
        + _finite_difference_table(quick)
        + _accuracy_table()
    )


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
