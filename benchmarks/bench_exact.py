"""Benchmark: exact linear algebra against sympy, the fastest pure-Python algebra system.

Targets (one run, ratios scratchmath ÷ sympy ``DomainMatrix``):
- every exact operation (det, inverse, solve, rref, null_space) at or below sympy
  ``DomainMatrix``'s time (ratio ≤ 1.0) at n = 40 and n = 80, for integer and Fraction input;
- float ``det``, ``solve`` (n = 100) and ``inverse`` (n = 60) at most 1.0× the textbook
  pure-Python elimination (partial pivoting, the ``map(sub, …, map(mul, …))`` row update, no
  checks), although scratchmath also validates, checks finiteness and reports singularity;
- float ``det``, ``solve`` and ``inverse`` at least 20× faster than mpmath's matrices (n = 40).

The matrices: random integers in −9…9 (seeded), the Hilbert matrix 1/(i + j + 1) and the
Pascal matrix C(i + j, i). ``DomainMatrix`` runs over ZZ for integer input where it offers
the operation (det, rref) and over QQ otherwise (inverse, solve, Hilbert); sympy is on its
pure-Python ground types unless gmpy2 is installed (the table says which). sympy's classic
``Matrix`` is timed where it finishes in reasonable time (small n). The growth exponents fit
time ∝ nᵏ between the two largest sizes: exact elimination costs n³ operations on integers
whose length grows like n (the minors), so k ≈ 4–5 in bit operations, not 3.
"""

from __future__ import annotations

import math
import operator
import random
import sys
from fractions import Fraction
from itertools import repeat
from pathlib import Path
from typing import Any

try:
    from benchmarks.timing import medians
except ImportError:  # run as a script
    from timing import medians  # type: ignore[no-redef]

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.known_matrices
from scratchmath.matrices import Matrix, det, inverse, null_space, rref, solve
from scratchmath.vectors import Vector
from tests.known_matrices import hilbert, pascal


def _random_int_rows(n: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]


def _hilbert(n: int) -> list[list[Fraction]]:
    return [list(row) for row in hilbert(n).rows]


def _pascal(n: int) -> list[list[int]]:
    return [list(row) for row in pascal(n).rows]


def _singular(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows with the last replaced by the sum of the first two: rank n − 1."""
    return [*rows[:-1], [a + b for a, b in zip(rows[0], rows[1], strict=True)]]


def _domain_matrix(rows: list[list[Any]], integers: bool) -> Any:
    from sympy import QQ, ZZ
    from sympy.polys.matrices import DomainMatrix

    n = len(rows)
    if integers:
        return DomainMatrix([[ZZ(int(x)) for x in r] for r in rows], (n, len(rows[0])), ZZ)
    entries = [[QQ(Fraction(x).numerator, Fraction(x).denominator) for x in r] for r in rows]
    return DomainMatrix(entries, (n, len(rows[0])), QQ)


def _contenders(rows: list[list[Any]], op: str) -> dict[str, Any]:
    n = len(rows)
    integers = all(type(x) is int for row in rows for x in row)
    A, singular = Matrix(rows), Matrix(_singular(rows))
    b = Vector([(-1) ** i * (i + 1) for i in range(n)])
    qq = _domain_matrix(rows, integers=False)
    dm = _domain_matrix(rows, integers=integers)
    singular_dm = _domain_matrix(_singular(rows), integers=False)
    bq = _domain_matrix([[x] for x in b], integers=False)
    ours = {
        "det": lambda: det(A),
        "inverse": lambda: inverse(A),
        "solve": lambda: solve(A, b),
        "rref": lambda: rref(A),
        "null_space": lambda: null_space(singular),
    }
    theirs = {
        "det": lambda: dm.det(),
        "inverse": lambda: qq.inv(),
        "solve": lambda: qq.lu_solve(bq),
        "rref": lambda: dm.rref(),
        "null_space": lambda: singular_dm.nullspace(),
    }
    return {"scratchmath": ours[op], "DomainMatrix": theirs[op]}


def _textbook_eliminate(a: list[list[float]]) -> float:
    """In-place elimination with partial pivoting, as a first course writes it; returns det."""
    n, d = len(a), 1.0
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(a[i][k]))
        if p != k:
            a[k], a[p] = a[p], a[k]
            d = -d
        pivot, tail = a[k][k], a[k][k + 1 :]
        d *= pivot
        for i in range(k + 1, n):
            f = a[i][k] / pivot
            a[i][k] = f
            a[i][k + 1 :] = map(operator.sub, a[i][k + 1 :], map(operator.mul, repeat(f), tail))
    return d


def _textbook_solve(rows: list[list[float]], rhs: list[list[float]]) -> list[list[float]]:
    """Elimination on [A | B], then back substitution for each column of B."""
    n, k = len(rows), len(rhs[0])
    a = [list(r) + list(b) for r, b in zip(rows, rhs, strict=True)]
    _textbook_eliminate_augmented(a, n)
    x = [[0.0] * k for _ in range(n)]
    for i in reversed(range(n)):
        row = a[i]
        for j in range(k):
            s = sum(row[c] * x[c][j] for c in range(i + 1, n))
            x[i][j] = (row[n + j] - s) / row[i]
    return x


def _textbook_eliminate_augmented(a: list[list[float]], n: int) -> None:
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(a[i][k]))
        a[k], a[p] = a[p], a[k]
        pivot, tail = a[k][k], a[k][k + 1 :]
        for i in range(k + 1, n):
            f = a[i][k] / pivot
            a[i][k + 1 :] = map(operator.sub, a[i][k + 1 :], map(operator.mul, repeat(f), tail))


def _float_operation(label: str, rows: list[list[float]], b: list[float]) -> Any:
    """scratchmath's det, solve or inverse of the float matrix ``rows``, as a timed call."""
    A = Matrix(rows)
    return {
        "det": lambda: det(A),
        "solve": lambda: solve(A, Vector(b)),
        "inverse": lambda: inverse(A),
    }[label]


def _float_table(repeats: int) -> list[str]:
    rng = random.Random(7)
    lines = [
        "",
        "## Float elimination against the textbook loop",
        "",
        "| operation | scratchmath | textbook | ratio (target ≤ 1.0) |",
        "|---|---|---|---|",
    ]
    for label, n in (("det", 100), ("solve", 100), ("inverse", 60)):
        rows = [[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)]
        b = [rng.uniform(-1.0, 1.0) for _ in range(n)]
        identity = [[float(i == j) for j in range(n)] for i in range(n)]
        ours = _float_operation(label, rows, b)
        textbook = {
            "det": lambda rows=rows: _textbook_eliminate([list(r) for r in rows]),
            "solve": lambda rows=rows, b=b: _textbook_solve(rows, [[x] for x in b]),
            "inverse": lambda rows=rows, identity=identity: _textbook_solve(rows, identity),
        }[label]
        t = medians({"ours": ours, "textbook": textbook}, max(repeats, 5))
        lines.append(
            f"| {label} n = {n} | {1000 * t['ours']:.1f} ms | {1000 * t['textbook']:.1f} ms "
            f"| {t['ours'] / t['textbook']:.2f}× |"
        )
    return lines


def _mpmath_table(repeats: int) -> list[str]:
    """Float det, solve and inverse against mpmath's matrices (at 53 bits, its default)."""
    import mpmath

    rng = random.Random(11)
    lines = [
        "",
        "## Float elimination against mpmath",
        "",
        "| operation | scratchmath | mpmath | speed-up (target ≥ 20×) |",
        "|---|---|---|---|",
    ]
    for label, n in (("det", 40), ("solve", 40), ("inverse", 40)):
        rows = [[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)]
        b = [rng.uniform(-1.0, 1.0) for _ in range(n)]
        M, bm = mpmath.matrix(rows), mpmath.matrix(b)
        ours = _float_operation(label, rows, b)
        theirs = {
            "det": lambda M=M: mpmath.det(M),
            "solve": lambda M=M, bm=bm: mpmath.lu_solve(M, bm),
            "inverse": lambda M=M: M**-1,
        }[label]
        t = medians({"ours": ours, "mpmath": theirs}, max(repeats, 3))
        lines.append(
            f"| {label} n = {n} | {1000 * t['ours']:.1f} ms | {1000 * t['mpmath']:.1f} ms "
            f"| {t['mpmath'] / t['ours']:.1f}× |"
        )
    return lines


def _sympy_matrix_table(repeats: int) -> list[str]:
    """The classic sympy ``Matrix`` (what most users call), at sizes where it finishes."""
    lines = [
        "",
        "## Exact linear algebra: scratchmath against sympy's classic Matrix",
        "",
        "times in ms; ratio = scratchmath ÷ sympy Matrix.",
        "",
        "| matrices | n | det | inverse | solve | rref | null_space |",
        "|---|---|---|---|---|---|---|",
    ]
    for family, rows in (
        ("random int", _random_int_rows(10, seed=10)),
        ("random int", _random_int_rows(20, seed=20)),
        ("Hilbert", _hilbert(10)),
    ):
        lines.append(_sympy_matrix_row(family, rows, repeats))
    return lines


def _sympy_matrix_row(family: str, rows: list[list[Any]], repeats: int) -> str:
    import sympy

    n = len(rows)
    A, singular = Matrix(rows), Matrix(_singular(rows))
    b = Vector([(-1) ** i * (i + 1) for i in range(n)])
    S = sympy.Matrix([[sympy.Rational(x) for x in r] for r in rows])
    S_singular = sympy.Matrix([[sympy.Rational(x) for x in r] for r in _singular(rows)])
    bs = sympy.Matrix(list(b))
    pairs = {
        "det": (lambda: det(A), lambda: S.det()),
        "inverse": (lambda: inverse(A), lambda: S.inv()),
        "solve": (lambda: solve(A, b), lambda: S.LUsolve(bs)),
        "rref": (lambda: rref(A), lambda: S.rref()),
        "null_space": (lambda: null_space(singular), lambda: S_singular.nullspace()),
    }
    cells = []
    for ours, theirs in pairs.values():
        t = medians({"ours": ours, "sympy": theirs}, repeats)
        cells.append(
            f"{1000 * t['ours']:.1f} / {1000 * t['sympy']:.1f} ({t['ours'] / t['sympy']:.3f}×)"
        )
    return f"| {family} | {n} | " + " | ".join(cells) + " |"


def _ground_types() -> str:
    try:
        from sympy.external.gmpy import GROUND_TYPES

        return str(GROUND_TYPES)
    except ImportError:  # pragma: no cover - older sympy
        return "unknown"


def run(quick: bool = False) -> str:
    """Run the benchmark and return the table it prints."""
    repeats = 1 if quick else 3
    sizes = (10, 20, 40) if quick else (10, 20, 40, 80)
    special_sizes = (10, 20) if quick else (10, 20, 40)
    families: list[tuple[str, Any, tuple[int, ...]]] = [
        ("random int", lambda n: _random_int_rows(n, seed=n), sizes),
        (
            "random Fraction",
            lambda n: [
                [Fraction(x, 1 + abs(x) % 4) for x in r] for r in _random_int_rows(n, seed=n)
            ],
            sizes,
        ),
        ("Hilbert", _hilbert, special_sizes),
        ("Pascal", _pascal, special_sizes),
    ]
    operations = ("det", "inverse", "solve", "rref", "null_space")
    lines = [
        "## Exact linear algebra: scratchmath against sympy DomainMatrix",
        "",
        f"sympy ground types: {_ground_types()}; medians of {repeats} interleaved run(s); "
        "times in ms; ratio = scratchmath ÷ DomainMatrix (≤ 1.0 is the target at n = 40, 80).",
        "",
        "| matrices | n | " + " | ".join(operations) + " |",
        "|---|---|" + "---|" * len(operations),
    ]
    worst_at_target = 0.0
    growth: dict[str, list[tuple[int, float]]] = {op: [] for op in operations}
    for family, make, ns in families:
        for n in ns:
            rows = make(n)
            cells = []
            for op in operations:
                times = medians(_contenders(rows, op), repeats)
                ours, theirs = times["scratchmath"], times["DomainMatrix"]
                ratio = ours / theirs
                if n >= 40:
                    worst_at_target = max(worst_at_target, ratio)
                if family == "random int":
                    growth[op].append((n, ours))
                cells.append(f"{1000 * ours:.1f} / {1000 * theirs:.1f} ({ratio:.2f}×)")
            lines.append(f"| {family} | {n} | " + " | ".join(cells) + " |")
    lines += ["", f"Worst ratio at n ≥ 40: {worst_at_target:.2f}× (target ≤ 1.0).", ""]
    lines.append("Growth on random int matrices, time ∝ nᵏ between the two largest n:")
    lines.append("")
    for op, points in growth.items():
        (n1, t1), (n2, t2) = points[-2], points[-1]
        lines.append(f"- {op}: k = {math.log(t2 / t1) / math.log(n2 / n1):.2f}")
    lines += _sympy_matrix_table(repeats)
    lines += _float_table(repeats)
    lines += _mpmath_table(repeats)
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
