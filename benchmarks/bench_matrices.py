"""Benchmark: scratchmath.matrices against plain Python and mpmath (issue 3's targets).

Targets:
- 100×100 float ``@``: at most 1.2× the best plain-Python idiom
  ``[[sum(map(mul, row, col)) for col in cols] for row in rows]`` (columns pre-transposed,
  outside the timing), and at least 5× faster than mpmath's matrices;
- ``det`` and ``solve`` at 100×100, ``inverse`` at 60×60 (floats): at least 10× faster than
  mpmath, relative residual ‖Ax − b‖∞ / (‖A‖∞‖x‖∞) ≤ 1e-14 (computed exactly, in Fractions);
- 12×12 Fraction Hilbert matrix: ``det`` and ``inverse`` each under a second.

Medians over repeats; the contenders are interleaved within each repeat so that machine
load affects them alike. Run: ``python benchmarks/bench_matrices.py`` (``run(quick=True)``
uses smaller sizes for mpmath and one repeat).
"""

from __future__ import annotations

import operator
import random
import sys
from fractions import Fraction
from pathlib import Path

try:
    from benchmarks.timing import medians, time_once
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import medians, time_once  # type: ignore[no-redef]

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.known_matrices
from scratchmath.matrices import Matrix, det, inverse, solve
from scratchmath.vectors import Vector
from tests.known_matrices import hilbert

_time, _medians = time_once, medians


def _random_rows(n: int, seed: int) -> list[list[float]]:
    rng = random.Random(seed)
    return [[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)]


def _relative_residual(
    rows: list[list[float]], x: list[list[float]], b: list[list[float]]
) -> float:
    """‖AX − B‖∞ / (‖A‖∞ ‖X‖∞), with AX − B computed exactly in Fractions."""
    A = [[Fraction(v) for v in row] for row in rows]
    X = [[Fraction(v) for v in row] for row in x]
    columns = list(zip(*X, strict=True))
    residual = max(
        sum(
            abs(sum(map(operator.mul, A[i], col)) - Fraction(b[i][j]))
            for j, col in enumerate(columns)
        )
        for i in range(len(A))
    )

    def norm(M: list[list[Fraction]]) -> Fraction:
        return max(sum(map(abs, row)) for row in M)

    return float(residual / (norm(A) * norm(X)))


def run(quick: bool = False) -> str:
    """Run the benchmark and return the table it prints."""
    import mpmath

    repeats = 1 if quick else 5
    mp_repeats = 1 if quick else 3
    n_mat, n_inv = 100, 60
    n_mp, n_mp_inv = (40, 30) if quick else (n_mat, n_inv)
    lines = [
        f"scratchmath.matrices benchmark ({'quick' if quick else 'full'}; medians of "
        f"{repeats} repeats, mpmath {mp_repeats})",
        "",
        f"{'operation':<34}{'scratchmath':>13}{'peer':>13}{'ratio':>9}  peer",
    ]

    def row(label: str, ours: float, theirs: float, peer: str) -> None:
        lines.append(
            f"{label:<34}{ours * 1e3:>10.2f} ms{theirs * 1e3:>10.2f} ms"
            f"{theirs / ours:>8.3g}×  {peer}"
        )

    # Matrix product against the plain idiom (same size) and mpmath.
    a_rows, b_rows = _random_rows(n_mat, 1), _random_rows(n_mat, 2)
    A, B = Matrix(a_rows), Matrix(b_rows)
    cols = list(zip(*b_rows, strict=True))
    mul = operator.mul
    t = _medians(
        {
            "ours": lambda: A @ B,
            "idiom": lambda: [[sum(map(mul, r, c)) for c in cols] for r in a_rows],
        },
        3 if quick else 15,  # the closest race: more repeats against machine noise
    )
    row(f"{n_mat}×{n_mat} A @ B", t["ours"], t["idiom"], "plain idiom (≥ 1/1.2 = 0.83×)")
    a_mp, b_mp = Matrix(_random_rows(n_mp, 1)), Matrix(_random_rows(n_mp, 2))
    ma, mb = mpmath.matrix(_random_rows(n_mp, 1)), mpmath.matrix(_random_rows(n_mp, 2))
    t = _medians({"ours": lambda: a_mp @ b_mp, "mp": lambda: ma * mb}, mp_repeats)
    row(f"{n_mp}×{n_mp} A @ B", t["ours"], t["mp"], "mpmath (target ≥ 5×)")

    # det and solve against mpmath, with residuals.
    rows_mp = _random_rows(n_mp, 3)
    A_mp, M_mp = Matrix(rows_mp), mpmath.matrix(rows_mp)
    rhs = [random.Random(4).uniform(-1, 1) for _ in range(n_mp)]
    b_vec, b_mp = Vector(rhs), mpmath.matrix(rhs)
    t = _medians({"ours": lambda: det(A_mp), "mp": lambda: mpmath.det(M_mp)}, mp_repeats)
    row(f"{n_mp}×{n_mp} det", t["ours"], t["mp"], "mpmath (target ≥ 10×)")
    with mpmath.workdps(40):
        exact_det = mpmath.det(mpmath.matrix(rows_mp))
    det_error = float(abs((det(A_mp) - exact_det) / exact_det))
    t = _medians(
        {"ours": lambda: solve(A_mp, b_vec), "mp": lambda: mpmath.lu_solve(M_mp, b_mp)},
        mp_repeats,
    )
    row(f"{n_mp}×{n_mp} solve", t["ours"], t["mp"], "mpmath (target ≥ 10×)")
    x = solve(A_mp, b_vec)
    solve_residual = _relative_residual(rows_mp, [[v] for v in x], [[v] for v in rhs])

    rows_inv = _random_rows(n_mp_inv, 5)
    A_inv, M_inv = Matrix(rows_inv), mpmath.matrix(rows_inv)
    t = _medians({"ours": lambda: inverse(A_inv), "mp": lambda: M_inv**-1}, mp_repeats)
    row(f"{n_mp_inv}×{n_mp_inv} inverse", t["ours"], t["mp"], "mpmath (target ≥ 10×)")
    # numpy: the compiled lower bound (LAPACK), same matrices; ratios below 1 are expected.
    import numpy as np

    na, nb = np.array(a_rows), np.array(b_rows)
    n_det, n_rhs, n_inv_np = np.array(rows_mp), np.array(rhs), np.array(rows_inv)
    for label, ours, theirs in (
        (f"{n_mat}×{n_mat} A @ B", lambda: A @ B, lambda: na @ nb),
        (f"{n_mp}×{n_mp} det", lambda: det(A_mp), lambda: np.linalg.det(n_det)),
        (f"{n_mp}×{n_mp} solve", lambda: solve(A_mp, b_vec), lambda: np.linalg.solve(n_det, n_rhs)),
        (f"{n_mp_inv}×{n_mp_inv} inverse", lambda: inverse(A_inv), lambda: np.linalg.inv(n_inv_np)),
    ):
        t = _medians({"ours": ours, "np": theirs}, repeats)
        row(label, t["ours"], t["np"], "numpy (compiled lower bound)")
    X = inverse(A_inv)
    identity = [[1.0 if i == j else 0.0 for j in range(n_mp_inv)] for i in range(n_mp_inv)]
    inverse_residual = _relative_residual(rows_inv, [list(r) for r in X.rows], identity)

    lines += [
        "",
        "accuracy (target: relative residual ≤ 1e-14)",
        f"  det     relative error vs 40-digit mpmath     {det_error:.2e}",
        f"  solve   ‖Ax − b‖∞ / (‖A‖∞‖x‖∞)                {solve_residual:.2e}",
        f"  inverse ‖AX − I‖∞ / (‖A‖∞‖X‖∞)                {inverse_residual:.2e}",
    ]

    # Exact: the 12×12 Hilbert matrix in Fractions.
    H = hilbert(12)
    t = _medians({"det": lambda: det(H), "inverse": lambda: inverse(H)}, repeats)
    integral = all(type(v) is int for r in inverse(H).rows for v in r)
    lines += [
        "",
        "exact 12×12 Fraction Hilbert matrix (target: each < 1 s)",
        f"  det      {t['det'] * 1e3:8.2f} ms   = 1/{float(1 / det(H)):.6e}",
        f"  inverse  {t['inverse'] * 1e3:8.2f} ms   integer entries: {integral}",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
