"""How cost grows: time against n for @, det, solve, eigh and svd, and the fitted exponent.

Each of these algorithms does Θ(n³) arithmetic on an n×n matrix, so time ∝ nᵏ with k ≈ 3
once n is large enough for the inner loops to dominate (for small n, Python's per-call
overheads make the fitted k smaller). The exponent is the least-squares slope of
log(time) against log(n). For ``integrate``, the cost is counted in evaluations of f, against
the requested tolerance.

    python -m benchmarks --only growth     or     python benchmarks/bench_growth.py
"""

from __future__ import annotations

import math
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

try:
    from benchmarks.timing import median_time as _median_time
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import median_time as _median_time  # type: ignore[no-redef]
from scratchmath.calculus import integrate_with_error
from scratchmath.matrices import Matrix, det, eigh, solve, svd
from scratchmath.vectors import Vector


def _random_matrix(n: int, rng: random.Random) -> Matrix:
    return Matrix([[rng.uniform(-1, 1) for _ in range(n)] for _ in range(n)])


def _symmetric(n: int, rng: random.Random) -> Matrix:
    A = _random_matrix(n, rng)
    return (A + A.T) / 2


def _slope(ns: list[int], times: list[float]) -> float:
    """Least-squares slope of log t against log n."""
    xs, ys = [math.log(n) for n in ns], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.fsum(
        (x - mx) ** 2 for x in xs
    )


def _growth_table(quick: bool) -> str:
    rng = random.Random(2026)
    big = [25, 50, 100] if quick else [25, 50, 100, 200]
    small = [10, 20, 40] if quick else [25, 50, 100]
    operations: list[tuple[str, list[int], Callable[[int], Callable[[], object]]]] = []

    def matmul(n: int) -> Callable[[], object]:
        A, B = _random_matrix(n, rng), _random_matrix(n, rng)
        return lambda: A @ B

    def determinant(n: int) -> Callable[[], object]:
        A = _random_matrix(n, rng)
        return lambda: det(A)

    def linear_solve(n: int) -> Callable[[], object]:
        A, b = _random_matrix(n, rng), Vector([rng.uniform(-1, 1) for _ in range(n)])
        return lambda: solve(A, b)

    def symmetric_eigen(n: int) -> Callable[[], object]:
        A = _symmetric(n, rng)
        return lambda: eigh(A)

    def singular(n: int) -> Callable[[], object]:
        A = _random_matrix(n, rng)
        return lambda: svd(A)

    operations = [
        ("A @ B", big, matmul),
        ("det", big, determinant),
        ("solve", big, linear_solve),
        ("eigh", small, symmetric_eigen),
        ("svd", small, singular),
    ]
    lines = []
    for group in (big, small):
        lines.append(
            f"{'operation':<10}"
            + "".join(f"{'n=' + str(n):>12}" for n in group)
            + f"{'k (fit)':>10}{'k (theory)':>12}"
        )
        for name, sizes, make in operations:
            if sizes is not group:
                continue
            times = [_median_time(make(n), 3 if n <= 50 else 1) for n in sizes]
            cells = "".join(f"{t * 1e3:>10.1f}ms" for t in times)
            lines.append(f"{name:<10}{cells}{_slope(sizes, times):>10.2f}{3:>12}")
        lines.append("")
    return "\n".join(lines)


def _integration_table() -> str:
    cases: list[tuple[str, Callable[[float], float], float, float, float]] = [
        ("e^x on [0, 1]", math.exp, 0.0, 1.0, math.e - 1),
        ("1/√x on [0, 1]", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
        ("e^{-x²} on ℝ", lambda x: math.exp(-x * x), -math.inf, math.inf, math.sqrt(math.pi)),
        (
            "cos(50x) on [0, 1]",
            lambda x: math.cos(50 * x),
            0.0,
            1.0,
            math.sin(50) / 50,
        ),
    ]
    tolerances = [1e-4, 1e-6, 1e-8, 1e-10, 1e-12]
    lines = [f"{'integrand':<24}" + "".join(f"{'tol ' + format(t, '.0e'):>14}" for t in tolerances)]
    for name, f, a, b, exact in cases:
        cells = []
        for tol in tolerances:
            result = integrate_with_error(f, a, b, rel_tol=tol, abs_tol=tol * 1e-2)
            error = abs(result.value - exact) / max(abs(exact), 1e-300)
            cells.append(f"{result.evaluations} ({error:.0e})")
        lines.append(f"{name:<24}" + "".join(f"{c:>14}" for c in cells))
    lines.append("cells: evaluations of f (relative error reached)")
    return "\n".join(lines)


def run(quick: bool = False) -> str:
    """Both tables: matrix growth and integration cost."""
    return _growth_table(quick) + "\n\n" + _integration_table()


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
