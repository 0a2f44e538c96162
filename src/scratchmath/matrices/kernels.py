"""The float-table kernels of linear algebra, each written once (the engine room of layer 2).

================================  ==========================================================
``binary_exponent``               e with max|aᵢⱼ|·2⁻ᵉ in [½, 1): the exponent to scale by
``scale_table`` / ``scale_back``  multiply a table / a number by 2ᵉ, exactly, saturating
``equilibrate``                   each row scaled by its own power of two (extreme rows only)
``lu_factor`` / ``lu_solve``      P A = L U with partial pivoting, and its two triangular solves
``householder``                   the reflection I − βvvᵀ that maps x to α·e₁
``jacobi_tangent``                tan φ of the plane rotation that zeroes one off-diagonal pair
``rotate_pair``                   that rotation applied to two rows (or columns)
``orthonormal_completion``        more orthonormal vectors: Gram–Schmidt, applied twice
``sign_fixed``                    an eigen/singular vector with its largest entry made positive
``rotate_complex_pair``           ``rotate_pair`` for complex lists (a real rotation)
``unitary_completion``            ``orthonormal_completion`` for complex vectors
``complex_binary_exponent``       ``binary_exponent`` for complex tables, safe where |z| overflows
================================  ==========================================================

These work on plain ``list[list[float]]`` tables (complex numbers where noted), never on a
Matrix: they are what the chapters of ``matrices/`` (elimination, determinants, eigen,
symmetric, svd) share, so that each idea — the scaling policy above all — lives in one place.

**The scaling policy.** Floats hold numbers from 2⁻¹⁰⁷⁴ to 2¹⁰²⁴, but a product or a sum of
squares of entries near 10³⁰⁸ overflows and one of entries near 10⁻³⁰⁸ underflows. Scaling a
table by a power of two is *exact* (only the exponent changes), so every algorithm here first
brings its largest entry into [½, 1), works there, and scales the answer back once, saturating
to ±inf only if the true answer is itself beyond the float range.

>>> table = [[3e300, 1e300], [2e300, 4e300]]
>>> e = binary_exponent(table)
>>> scale_table(table, -e)
>>> max(abs(x) for row in table for x in row) < 1, scale_back(table[1][1], e) == 4e300
(True, True)
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import repeat
from typing import Any

from scratchmath.scalars import magnitude, saturating_ldexp

__all__ = [
    "SAFE_EXPONENT",
    "binary_exponent",
    "complex_binary_exponent",
    "equilibrate",
    "householder",
    "jacobi_tangent",
    "lu_factor",
    "lu_solve",
    "orthonormal_completion",
    "rotate_complex_pair",
    "rotate_pair",
    "scale_back",
    "scale_table",
    "sign_fixed",
    "unitary_completion",
]

Table = list[list[Any]]
_MUL, _SUB = operator.mul, operator.sub

#: Tables whose rows all have their largest entry within 2^±SAFE_EXPONENT need no scaling
#: before elimination: its sums and products of a few entries stay far inside the float range.
SAFE_EXPONENT = 400


# ---------------------------------------------------------------------------------------
# Scaling by powers of two.
# ---------------------------------------------------------------------------------------


def binary_exponent(rows: Iterable[Iterable[Any]]) -> int:
    """e with max|aᵢⱼ|·2⁻ᵉ in [½, 1); 0 for a zero (or non-finite) table.

    >>> binary_exponent([[0.75, -3.0]]), binary_exponent([[0.0]])
    (2, 0)
    """
    try:  # abs mapped in C over each row: no Python call per entry
        largest = magnitude(max((max(map(abs, row), default=0) for row in rows), default=0))
    except OverflowError:  # abs of a complex number beyond the float range
        largest = math.inf
    return math.frexp(largest)[1] if 0 < largest < math.inf else 0


def scale_back(z: Any, e: int) -> Any:
    """z·2ᵉ for a real or complex z: exact, saturating to ±inf instead of OverflowError.

    >>> scale_back(0.75, 2), scale_back(complex(1, -1), 1), scale_back(1.0, 2000)
    (3.0, (2-2j), inf)
    """
    if isinstance(z, complex):
        return complex(saturating_ldexp(z.real, e), saturating_ldexp(z.imag, e))
    return saturating_ldexp(z, e)


def scale_table(a: Table, e: int) -> None:
    """Multiply every entry of the table by 2ᵉ, in place (see ``scale_back``)."""
    for row in a:
        row[:] = [scale_back(x, e) for x in row]


def equilibrate(a: Table) -> list[int] | None:
    """Scale each row of the table by its own power of two when some row is extreme.

    Returns the exponents eᵢ (row i was multiplied by 2⁻ᵉⁱ, its largest entry is now in
    [½, 1)), or None when every row's largest entry already lies within 2^±400 and the table
    is left as it is — then elimination cannot overflow, and its results stay bit for bit
    those of the unscaled table. Row scaling is the textbook remedy for rows of very
    different sizes; with powers of two it adds no rounding at all.

    >>> table = [[1e308, 1e308], [1e308, -1e308]]
    >>> equilibrate(table), table[1]
    ([1024, 1024], [0.5562684646268004, -0.5562684646268004])
    >>> equilibrate([[1.0, 2.0]]) is None
    True
    """
    exponents = [binary_exponent((row,)) for row in a]
    if all(-SAFE_EXPONENT <= e <= SAFE_EXPONENT for e in exponents):
        return None
    for row, e in zip(a, exponents, strict=True):
        row[:] = [scale_back(x, -e) for x in row]
    return exponents


# ---------------------------------------------------------------------------------------
# LU with partial pivoting.
# ---------------------------------------------------------------------------------------


def lu_factor(
    rows: Sequence[Sequence[Any]], exact: bool, floor: float = 0.0
) -> tuple[Table, list[int], int]:
    """LU-factor a square table with partial pivoting: (LU, perm, sign), PA = LU.

    On return the strict lower triangle holds the multipliers lᵢₖ (L has a unit diagonal,
    not stored), the upper triangle holds U, row i of PA is row perm[i] of the input, and
    sign = det P = ±1. Exact tables (Fractions) pivot on the first nonzero entry; floats on
    the largest in the column, so that |lᵢₖ| ≤ 1 and rounding is not amplified.

    A column with no nonzero pivot is skipped (its multipliers are 0), so a singular table
    still factors with a zero on U's diagonal — unless ``floor`` > 0: then a pivot smaller
    than the floor is raised to it, with its sign (inverse iteration's A − σI is singular
    when σ is an eigenvalue, and that perturbation, far below the rounding in σ, lets it
    solve).

    >>> lu, perm, sign = lu_factor([[1.0, 2.0], [3.0, 4.0]], exact=False)
    >>> lu, perm, sign
    ([[3.0, 4.0], [0.3333333333333333, 0.6666666666666667]], [1, 0], -1)
    """
    a: Table = [[Fraction(x) for x in row] if exact else list(row) for row in rows]
    n = len(a)
    perm, sign = list(range(n)), 1
    for k in range(n):
        if exact:
            p = next((i for i in range(k, n) if a[i][k] != 0), k)
        else:
            magnitudes = [abs(row[k]) for row in a[k:]]  # one comprehension, no key= calls
            p = k + magnitudes.index(max(magnitudes))
        if p != k:
            a[k], a[p] = a[p], a[k]
            perm[k], perm[p] = perm[p], perm[k]
            sign = -sign
        pivot_row = a[k]
        if floor and abs(pivot_row[k]) < floor:
            pivot = pivot_row[k]
            pivot_row[k] = floor if pivot == 0 else pivot / abs(pivot) * floor
        pivot = pivot_row[k]
        if pivot == 0:
            continue  # the whole column below is zero: nothing to eliminate
        tail = pivot_row[k + 1 :]
        for i in range(k + 1, n):
            row = a[i]
            if row[k] == 0:
                continue
            f = row[k] / pivot
            row[k] = f
            # rowᵢ ← rowᵢ − f·rowₖ, the loop over columns in C (map), not in Python.
            row[k + 1 :] = map(_SUB, row[k + 1 :], map(_MUL, repeat(f), tail))
    return a, perm, sign


def lu_solve(lu: Table, perm: list[int], b: Sequence[Any]) -> list[Any]:
    """Solve L U x = P b for one right side: forward, then back substitution.

    >>> lu, perm, _ = lu_factor([[1.0, 2.0], [3.0, 4.0]], exact=False)
    >>> lu_solve(lu, perm, [5.0, 6.0])
    [-3.9999999999999987, 4.499999999999999]
    """
    n = len(lu)
    y: list[Any] = []
    for i in range(n):
        y.append(b[perm[i]] - sum(map(_MUL, lu[i][:i], y)))
    x: list[Any] = [0] * n
    for i in reversed(range(n)):
        row = lu[i]
        x[i] = (y[i] - sum(map(_MUL, row[i + 1 :], x[i + 1 :]))) / row[i]
    return x


# ---------------------------------------------------------------------------------------
# Reflections and rotations.
# ---------------------------------------------------------------------------------------


def householder(x: Sequence[float]) -> tuple[list[float], float, float]:
    """v, β, α with (I − βvvᵀ)x = α·e₁, |α| = ‖x‖; α takes the sign opposite to x₀ so that
    v₀ = x₀ − α involves no cancellation. β = 0 when x = 0 (the identity reflection).

    v is formed from x/max|xᵢ| — the reflection does not depend on v's length — so that
    β = 2/(vᵀv) neither overflows nor underflows when x is huge or subnormal.

    >>> householder([3.0, 4.0])
    ([2.0, 1.0], 0.4, -5.0)
    """
    size = max(map(abs, x))
    if size == 0:
        return [0.0] * len(x), 0.0, 0.0
    v = [c / size for c in x]
    norm = math.hypot(*v)
    if v[0] > 0:
        norm = -norm
    beta = 1.0 / (norm * (norm - v[0]))  # = 2/(vᵀv) once v₀ ← v₀ − norm
    v[0] -= norm
    return v, beta, norm * size


def jacobi_tangent(app: float, aqq: float, apq: float) -> float:
    """t = tan φ of the plane rotation that zeroes apq in the symmetric 2×2 [[app, apq],
    [apq, aqq]]: the root of t² + 2θt − 1 = 0 of smaller magnitude, θ = (aqq − app)/(2apq),
    so |φ| ≤ π/4 (the choice that makes Jacobi's method converge). With app = ‖aᵢ‖²,
    aqq = ‖aⱼ‖², apq = aᵢ·aⱼ it is also the rotation that makes two columns orthogonal.

    >>> jacobi_tangent(1.0, 1.0, 1.0)
    1.0
    """
    theta = (aqq - app) / (2 * apq)
    if abs(theta) > 1e150:  # θ² would overflow; t ≈ 1/(2θ)
        return 0.5 / theta
    return math.copysign(1.0, theta) / (abs(theta) + math.sqrt(theta * theta + 1))


# ---------------------------------------------------------------------------------------
# Orthonormal vectors and the sign convention.
# ---------------------------------------------------------------------------------------


def orthonormal_completion(basis: Sequence[Sequence[float]], dim: int, count: int) -> Table:
    """Extend orthonormal vectors of length dim to ``count`` orthonormal vectors.

    Each new vector is the standard basis vector eₖ least covered by the current ones (the
    largest 1 − Σⱼ qⱼ[k]², its squared distance from their span), orthogonalised against
    them by Gram–Schmidt, twice (Kahan–Parlett: once can leave a visible overlap when eₖ is
    nearly in the span; twice is enough).

    >>> orthonormal_completion([[1.0, 0.0]], 2, 2)
    [[1.0, 0.0], [0.0, 1.0]]
    """
    out = [list(q) for q in basis]
    for _ in range(count - len(out)):
        k = max(range(dim), key=lambda i: 1 - math.fsum(q[i] * q[i] for q in out))
        w = [1.0 if i == k else 0.0 for i in range(dim)]
        for _ in range(2):
            for q in out:
                c = sum(map(_MUL, q, w))
                w = [wi - c * qi for wi, qi in zip(w, q, strict=True)]
        norm = math.hypot(*w)
        out.append([wi / norm for wi in w])
    return out


def sign_fixed(x: Sequence[Any]) -> tuple[list[Any], Any]:
    """(x/phase, phase): x with its phase fixed so that its largest entry is real > 0.

    A unit eigenvector (or singular vector) is defined only up to a factor of modulus 1 (±1
    for real vectors); fixing it makes results reproducible and comparable. Entries equal in
    modulus up to rounding count as a tie, won by the first, so (1, −1)/√2 is chosen over
    (−1, 1)/√2 whatever the rounding. The phase is returned so a partner vector (uᵢ of the
    pair uᵢ, vᵢ) can be divided by it too.

    >>> sign_fixed([0.6, -0.8])
    ([-0.6, 0.8], -1.0)
    """
    largest = max(map(abs, x))
    k = next(i for i, c in enumerate(x) if abs(c) >= largest * (1 - 1e-9))
    if isinstance(x[k], complex):
        phase = x[k] / abs(x[k])
        y: list[Any] = [c / phase for c in x]
        y[k] = complex(abs(x[k]), 0.0)
        return y, phase
    sign = -1.0 if x[k] < 0 else 1.0
    return [float(sign * c) for c in x], sign


def rotate_pair(
    x: Sequence[float], y: Sequence[float], c: float, s: float
) -> tuple[list[float], list[float]]:
    """The plane rotation [[c, −s], [s, c]] applied to a pair of lists: (c·x − s·y, s·x + c·y).

    With c = 1/√(t² + 1), s = t·c from ``jacobi_tangent``, it is one step of Jacobi's method.

    >>> rotate_pair([1.0, 0.0], [0.0, 1.0], 0.0, 1.0)
    ([0.0, -1.0], [1.0, 0.0])
    """
    return (
        [c * a - s * b for a, b in zip(x, y, strict=True)],
        [s * a + c * b for a, b in zip(x, y, strict=True)],
    )


# ---------------------------------------------------------------------------------------
# Complex tables: a rotation, and unitary completion.
# ---------------------------------------------------------------------------------------


def rotate_complex_pair(
    x: Sequence[complex], y: Sequence[complex], c: float, s: float
) -> tuple[list[complex], list[complex]]:
    """``rotate_pair`` for lists of complex numbers (c and s stay real): (c·x − s·y, s·x + c·y).

    >>> rotate_complex_pair([1j, 0j], [0j, 1j], 0.0, 1.0)
    ([0j, -1j], [1j, 0j])
    """
    return (
        [c * a - s * b for a, b in zip(x, y, strict=True)],
        [s * a + c * b for a, b in zip(x, y, strict=True)],
    )


def unitary_completion(basis: Sequence[Sequence[complex]], dim: int, count: int) -> Table:
    """``orthonormal_completion`` for complex vectors: orthonormal in ⟨x, y⟩ = Σ conj(xᵢ)yᵢ.

    >>> unitary_completion([[1j, 0j]], 2, 2)
    [[1j, 0j], [0j, (1+0j)]]
    """
    out = [list(q) for q in basis]
    for _ in range(count - len(out)):
        k = max(range(dim), key=lambda i: 1 - math.fsum(abs(q[i]) ** 2 for q in out))
        w = [1.0 + 0j if i == k else 0j for i in range(dim)]
        for _ in range(2):  # Gram–Schmidt twice (Kahan–Parlett), as in the real case
            for q in out:
                c = sum(map(_MUL, map(complex.conjugate, q), w))
                w = [wi - c * qi for wi, qi in zip(w, q, strict=True)]
        norm = math.hypot(*map(abs, w))
        out.append([wi / norm for wi in w])
    return out


def complex_binary_exponent(rows: Iterable[Iterable[complex]]) -> int:
    """e with max|zᵢⱼ|·2⁻ᵉ in [¼, 1) for a finite complex table; 0 for a zero table.

    ``binary_exponent`` measures |z|, and abs(1e308 + 1e308j) overflows (it would answer 0,
    "do not scale", for exactly the tables that need it most); this measures the parts,
    max(|Re z|, |Im z|) ≤ |z| ≤ √2·max(|Re z|, |Im z|), and allows for the √2.

    >>> complex_binary_exponent([[1e308 + 1e308j]]), complex_binary_exponent([[0.75j]])
    (1025, 1)
    """
    largest = max((max(abs(z.real), abs(z.imag)) for row in rows for z in row), default=0.0)
    return math.frexp(largest)[1] + 1 if 0 < largest < math.inf else 0
