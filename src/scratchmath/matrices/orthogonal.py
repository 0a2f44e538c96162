"""Orthogonal factorizations: QR by Householder reflections, and Cholesky.

============  ============================================================================
``qr``        A = Q R, Q with orthonormal columns, R upper triangular (Householder)
``cholesky``  A = L Lᴴ for a Hermitian (real: symmetric) positive definite A, L lower
============  ============================================================================

Both need square roots, so their results are floats even for exact input.

>>> Q, R = qr(Matrix([[3, 1], [4, 2]]))
>>> Q.isclose(Matrix([[-0.6, -0.8], [-0.8, 0.6]]), abs_tol=1e-15)
True
>>> R.isclose(Matrix([[-5.0, -2.2], [0.0, 0.4]]), abs_tol=1e-15)
True
>>> cholesky(Matrix([[4, 2], [2, 5]]))
Matrix([[2.0, 0.0], [1.0, 2.0]])

Why Householder and not Gram–Schmidt? Gram–Schmidt builds Q from A's columns by
subtracting projections, and in floating point the computed columns of Q drift from
orthogonal in proportion to the condition number of A (‖QᵀQ − I‖ ≈ ε·κ(A) for the
modified variant, ε·κ(A)² for the classical one). A Householder reflection
H = I − 2vvᵀ/(vᵀv) is exactly orthogonal in exact arithmetic, and a product of computed
reflections stays orthogonal to rounding level, ‖QᵀQ − I‖ ≈ n·ε, whatever A's
condition. (Gram–Schmidt itself lives in ``vectors.gram_schmidt``, for teaching.)
"""

from __future__ import annotations

import math
import operator
import sys
from collections.abc import Iterable
from fractions import Fraction
from itertools import repeat
from typing import Any, overload

from scratchmath.errors import DomainError
from scratchmath.matrices.core import (
    Matrix,
    check_matrix,
    require_finite_matrix,
    require_square,
)
from scratchmath.scalars import COMPLEX as _COMPLEX
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import REAL as _REAL
from scratchmath.scalars import magnitude
from scratchmath.scalars import promote as _promote

__all__ = ["cholesky", "qr"]


def _float_rows(A: Matrix) -> list[list[Any]]:
    """A's rows as mutable lists of floats (complex stays complex)."""
    kind = max(A._kind, _REAL)  # exact → float
    return [list(_promote(row, kind)) for row in A._rows]


# Reflections need square roots: a real A (exact ones included) gives float factors.
@overload
def qr(
    A: Matrix[float] | Matrix[Fraction], mode: str = ...
) -> tuple[Matrix[float], Matrix[float]]: ...
@overload
def qr(A: Matrix, mode: str = ...) -> tuple[Matrix, Matrix]: ...
def qr(A: Matrix, mode: str = "reduced") -> tuple[Matrix, Matrix]:
    """The QR factorization A = Q R by Householder reflections.

    Q has orthonormal columns (QᴴQ = I) and R is upper triangular. With k = min(m, n):
    mode "reduced" gives Q m×k and R k×n; mode "complete" gives a square orthogonal Q m×m
    and R m×n (its last m − k rows zero). Column j of A is a combination of Q's first
    j + 1 columns with weights R's column j.

    Step j reflects column j below the diagonal onto a multiple of e_j with
    H = I − 2vvᴴ/(vᴴv), v = x + sign(x₀)‖x‖e₀ — the sign chosen so that x₀ and the added
    term never cancel. Q is the product of the reflections, accumulated backwards.

    >>> Q, R = qr(Matrix([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]))
    >>> Q.shape, R.shape
    ((3, 2), (2, 2))
    >>> Q, R = qr(Matrix([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]), mode="complete")
    >>> Q.shape, R.shape
    ((3, 3), (3, 2))

    Raises:
        TypeError: A is not a Matrix.  DomainError: mode is not "reduced" or "complete",
            or A has NaN or infinite entries.
    """
    A = check_matrix(A)
    if mode not in ("reduced", "complete") or not isinstance(mode, str):
        raise DomainError(f"mode must be 'reduced' or 'complete', got {mode!r}")
    require_finite_matrix(A, "factor")
    complex_entries = A._kind == _COMPLEX
    r = _float_rows(A)
    m, n = A.shape
    k = min(m, n)
    zero = 0j if complex_entries else 0.0
    reflectors: list[tuple[int, list[Any]] | None] = []
    for j in range(min(m - 1, n) if m > 1 else 0):
        v = _reflector([r[i][j] for i in range(j, m)])
        if v is not None:
            _reflect(r, v, j, range(j, n))  # rows j.. of R, columns j..
            for i in range(j + 1, m):
                r[i][j] = zero  # exactly zero below the diagonal
        reflectors.append(None if v is None else (j, v))
    size = m if mode == "complete" else k
    # Q = H₀ H₁ … applied to the first `size` columns of I, innermost reflection first.
    one = 1 + zero
    q = [[one if i == c else zero for c in range(size)] for i in range(m)]
    for item in reversed(reflectors):
        if item is not None:
            _reflect(q, item[1], item[0], range(size))
    rows_of_r = m if mode == "complete" else k
    R = tuple(tuple(r[i][c] if c >= i else zero for c in range(n)) for i in range(rows_of_r))
    Q = tuple(map(tuple, q))
    return Matrix._trusted(Q), Matrix._trusted(R)


def _reflector(x: list[Any]) -> list[Any] | None:
    """v of the reflection H = I − 2vvᴴ/(vᴴv) with Hx = −phase(x₀)·‖x‖·e₀, or None when x
    is already a nonnegative multiple of e₀ (H = I).

    v = x + phase(x₀)‖x‖e₀: the sign (phase) chosen so that x₀ and the added term never
    cancel. H depends only on the direction of v, so v is built from x / max|xᵢ|: vᴴv is
    then about 1 and cannot underflow (x ~ 1e-280) or overflow (x ~ 1e200).
    """
    norm_x = math.hypot(*(abs(t) for t in x))  # hypot: no overflow, no underflow
    if norm_x == 0 or (all(t == 0 for t in x[1:]) and _is_nonnegative_real(x[0])):
        return None
    phase = (x[0] / abs(x[0])) if x[0] != 0 else 1.0
    scale = max(abs(t) for t in x)
    v = [t / scale for t in x]
    v[0] += phase * (norm_x / scale)
    return v


def _reflect(table: list[list[Any]], v: list[Any], j: int, columns: range) -> None:
    """Apply H = I − 2vvᴴ/(vᴴv) to rows j.. of the table, in place, column by column."""
    vv = math.fsum(abs(t) ** 2 for t in v)
    m = len(table)
    for c in columns:
        column = [table[i][c] for i in range(j, m)]
        s = 2 * sum(map(operator.mul, map(_conj, v), column)) / vv
        if s != 0:
            updated = list(map(operator.sub, column, map(operator.mul, repeat(s), v)))
            for i in range(j, m):
                table[i][c] = updated[i - j]


def _conj(z: Any) -> Any:
    return z.conjugate()


def _is_nonnegative_real(z: Any) -> bool:
    return bool(z.imag == 0 and z.real >= 0) if isinstance(z, complex) else bool(z >= 0)


@overload
def cholesky(A: Matrix[int] | Matrix[float] | Matrix[Fraction]) -> Matrix[float]: ...
@overload
def cholesky(A: Matrix[complex]) -> Matrix[complex]: ...
@overload
def cholesky(A: Matrix) -> Matrix: ...
def cholesky(A: Matrix) -> Matrix:
    """The Cholesky factor: the lower triangular L with positive diagonal and A = L Lᴴ.

    It exists exactly when A is Hermitian positive definite: A = Aᴴ (aᵢⱼ = conj(aⱼᵢ); for a
    real A this is symmetry, and Lᴴ = Lᵀ) and xᴴAx > 0 for x ≠ 0. Column by column:
    lⱼⱼ = √(aⱼⱼ − Σₖ<ⱼ |lⱼₖ|²), lᵢⱼ = (aᵢⱼ − Σₖ<ⱼ lᵢₖ·conj(lⱼₖ)) / lⱼⱼ for i > j. It is
    stable without pivoting (the entries of L are bounded by √aⱼⱼ), and the square root
    of a non-positive number is exactly the sign that A is not positive definite. The
    diagonal of L is real and positive even for a complex A (it is √ of a real pivot).
    Float input may be asymmetric by rounding (8n·ε relative), and only its lower triangle
    is used; the sums use ``math.fsum`` (on real and imaginary parts), and exact input
    gives a float L.

    >>> L = cholesky(Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]]))
    >>> L
    Matrix([[2.0, 0.0, 0.0], [6.0, 1.0, 0.0], [-8.0, 5.0, 3.0]])
    >>> L @ L.T
    Matrix([[4.0, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]])

    A complex Hermitian matrix (its diagonal is real, its off-diagonal entries conjugate):

    >>> cholesky(Matrix([[4, -2j], [2j, 5]]))
    Matrix([[(2+0j), 0j], [1j, (2+0j)]])

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: A is not Hermitian (symmetric, if real) positive definite (the message
            says which), or has NaN or infinite entries.
    """
    A = check_matrix(A)
    n = require_square(A, "cholesky")
    require_finite_matrix(A, "factor")
    if A._kind == _COMPLEX:
        return _hermitian_cholesky(A._rows, n)
    # Floats may carry rounding asymmetry (A = BᵀB computed some other way): accept
    # |aᵢⱼ − aⱼᵢ| ≤ 8n·ε·max|aₖₗ| and use the lower triangle. Exact input must be symmetric.
    if not A.is_symmetric(tol=0 if A._kind == _EXACT else 8 * n * sys.float_info.epsilon):
        i, j = next((i, j) for i in range(n) for j in range(i) if A[i, j] != A[j, i])
        raise DomainError(
            f"the matrix is not symmetric positive definite: it is not symmetric "
            f"(a[{i}][{j}] = {A[i, j]!r} but a[{j}][{i}] = {A[j, i]!r})"
        )
    a: Any = A._rows
    L: list[list[float]] = [[0.0] * n for _ in range(n)]
    for j in range(n):
        row_j = L[j]
        diagonal = a[j][j] - math.fsum(t * t for t in row_j[:j])
        if not diagonal > 0:
            raise DomainError(
                f"the matrix is not symmetric positive definite: the pivot of column {j} "
                f"is {float(diagonal):.6g} ≤ 0"
            )
        root = math.sqrt(diagonal)
        row_j[j] = root
        for i in range(j + 1, n):
            row_i = L[i]
            row_i[j] = (a[i][j] - math.fsum(map(operator.mul, row_i[:j], row_j[:j]))) / root
    return Matrix._trusted(tuple(map(tuple, L)))


def _complex_fsum(terms: Iterable[complex]) -> complex:
    """Σ of complex numbers, its real and imaginary parts each correctly rounded."""
    parts = [(z.real, z.imag) for z in terms]
    return complex(math.fsum(p[0] for p in parts), math.fsum(p[1] for p in parts))


def _hermitian_cholesky(a: Any, n: int) -> Matrix:
    """``cholesky`` of a complex matrix: A = LLᴴ, the same recurrence with conjugates.

    Hermitian within rounding: |aᵢⱼ − conj(aⱼᵢ)| ≤ 8n·ε·max|aₖₗ|, |Im aⱼⱼ| as well (the
    diagonal of a Hermitian matrix is real); the lower triangle and Re aⱼⱼ are used.
    """
    # max(|Re|, |Im|) rather than |z|: abs(1e308 + 1e308j) overflows (within √2 of max|z|)
    largest = max(max(abs(z.real), abs(z.imag)) for row in a for z in row)
    bound = 8 * n * sys.float_info.epsilon * largest
    for i in range(n):
        for j in range(i + 1):
            if magnitude(a[i][j] - a[j][i].conjugate()) > bound:
                what = (
                    f"a[{i}][{i}] = {a[i][i]!r} is not real"
                    if i == j
                    else f"a[{i}][{j}] = {a[i][j]!r} but a[{j}][{i}] = {a[j][i]!r}, "
                    f"not its conjugate"
                )
                raise DomainError(
                    f"the matrix is not Hermitian positive definite: it is not Hermitian ({what})"
                )
    L: list[list[complex]] = [[0j] * n for _ in range(n)]
    for j in range(n):
        row_j = L[j]
        diagonal = a[j][j].real - math.fsum(t.real * t.real + t.imag * t.imag for t in row_j[:j])
        if not diagonal > 0:
            raise DomainError(
                f"the matrix is not Hermitian positive definite: the pivot of column {j} "
                f"is {diagonal:.6g} ≤ 0"
            )
        root = math.sqrt(diagonal)
        row_j[j] = complex(root, 0.0)
        conj_j = [t.conjugate() for t in row_j[:j]]
        for i in range(j + 1, n):
            row_i = L[i]
            row_i[j] = (a[i][j] - _complex_fsum(map(operator.mul, row_i[:j], conj_j))) / root
    return Matrix._trusted(tuple(map(tuple, L)))
