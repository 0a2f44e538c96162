"""Gaussian elimination: LU, solving Ax = b, the inverse, rank, rref and the null space.

==============  ==========================================================================
``lu``          P A = L U: a permutation, a unit lower and an upper triangular factor
``solve``       the x with A x = b, for a vector or a matrix right side b
``inverse``     A⁻¹, the solution of A X = I
``rref``        the reduced row echelon form (Gauss–Jordan)
``rank``        the number of independent rows (= of independent columns)
``null_space``  a basis of {x : A x = 0}
==============  ==========================================================================

Elimination subtracts multiples of one row from the rows below it until the matrix is
upper triangular; recording the multipliers gives L, and the row swaps give P. It needs
only + − × ÷, so exact (``int``/``Fraction``) matrices give exact answers:

>>> A = Matrix([[2, 1], [1, 3]])
>>> solve(A, Vector([3, 5]))
Vector([Fraction(4, 5), Fraction(7, 5)])
>>> inverse(A)
Matrix([[Fraction(3, 5), Fraction(-1, 5)], [Fraction(-1, 5), Fraction(2, 5)]])
>>> rank(Matrix([[1, 2, 3], [2, 4, 6]])), null_space(Matrix([[1, 2, 3], [2, 4, 6]]))
(1, [Vector([-2, 1, 0]), Vector([-3, 0, 1])])

Pivoting. For exact matrices the pivot is the first nonzero entry of the column: in exact
arithmetic any nonzero pivot is as good as another. For floats it is the entry of largest
magnitude (*partial pivoting*): then every multiplier has |lᵢₖ| ≤ 1, rounding errors are not
amplified by large multipliers, and the computed solution is the exact solution of a
nearby system (backward stability in practice).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from fractions import Fraction
from itertools import repeat
from typing import Any, overload

from scratchmath.errors import DimensionError, DomainError, SingularMatrixError
from scratchmath.matrices.core import (
    Matrix,
    Rows,
    check_matrix,
    real_table,
    require_finite_matrix,
    require_square,
    shape_text,
    tidy,
    tidy_rows,
)
from scratchmath.matrices.fraction_free import (
    divided,
    gauss_jordan,
    integer_rows,
    rank_modulo_prime,
)
from scratchmath.matrices.kernels import (
    binary_exponent,
    equilibrate,
    lu_factor,
    lu_solve,
    orthonormal_completion,
    scale_back,
    scale_table,
)
from scratchmath.matrices.singular import exact_rank, scaled_singular_values, svd_table
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import is_finite as _is_finite
from scratchmath.scalars import promote as _promote
from scratchmath.scalars import saturating_ldexp
from scratchmath.vectors import Scalar, Vector, check_tolerance

__all__ = ["inverse", "lu", "null_space", "rank", "rref", "solve"]


# ---------------------------------------------------------------------------------------
# The elimination kernel shared by lu, solve, inverse and det.
# ---------------------------------------------------------------------------------------


def _working_rows(rows: Rows, exact: bool) -> list[list[Any]]:
    """A mutable copy of the rows; exact entries as Fractions so that ÷ stays exact."""
    table: Any = rows
    if exact:
        return [[Fraction(x) for x in row] for row in table]
    return [list(row) for row in table]


def _eliminate(rows: Rows, exact: bool) -> tuple[list[list[Any]], list[int], int]:
    """LU-factor a square table: (LU, perm, sign), see ``kernels.lu_factor``."""
    return lu_factor(rows, exact)


def _noise_level(rows: Rows, count: int) -> float:
    """count·ε·‖A‖∞, ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|: the rounding noise elimination leaves behind.

    Summed over the entries scaled by 2⁻ᵉ and scaled back at the end, so that for entries
    near 10³⁰⁸ the norm does not overflow to inf (which made every pivot "negligible").
    """
    table: Any = rows
    try:  # the plain sum, abs mapped in C, unless it overflows
        norm = float(max(sum(map(abs, row)) for row in table))
    except OverflowError:  # abs of a complex number beyond the float range
        norm = math.inf
    if norm < math.inf:
        return count * _EPS * norm
    e = binary_exponent(table)
    norm = max(float(sum(saturating_ldexp(abs(x), -e) for x in row)) for row in table)
    level: float = saturating_ldexp(count * _EPS * norm, e)
    return level


def _check_pivots(lu_rows: list[list[Any]], A: Matrix, exact: bool, what: str) -> None:
    """Raise SingularMatrixError if a pivot is zero or, for floats, below n·ε·‖A‖∞.

    A float pivot that small is indistinguishable from a zero that rounding disguised: the
    matrix is singular to working precision, and a "solution" would be noise.
    """
    n = len(lu_rows)
    threshold = 0.0 if exact else _noise_level(A._rows, n)
    for k in range(n):
        pivot = lu_rows[k][k]
        if pivot == 0 or (not exact and abs(pivot) <= threshold):
            detail = (
                ""
                if exact or pivot == 0
                else f" (|pivot| = {abs(pivot):.3g} ≤ n·ε·‖A‖∞ = {threshold:.3g})"
            )
            raise SingularMatrixError(
                f"cannot {what}: the {n}×{n} matrix is singular, elimination found no "
                f"usable pivot in column {k}{detail}"
            )


def _require_rows_finite(A: Matrix, what: str) -> bool:
    """Check A for NaN/inf; return whether it is exact."""
    require_finite_matrix(A, what)
    return A._kind == _EXACT


# ---------------------------------------------------------------------------------------
# LU, solve, inverse.
# ---------------------------------------------------------------------------------------


# P is a permutation matrix (ints); L and U have A's kind (exact or float).
@overload
def lu(A: Matrix[int | Fraction]) -> tuple[Matrix[int], Matrix[Fraction], Matrix[Fraction]]: ...
@overload
def lu(A: Matrix[float]) -> tuple[Matrix[int], Matrix[float], Matrix[float]]: ...
@overload
def lu(A: Matrix) -> tuple[Matrix[int], Matrix, Matrix]: ...
def lu(A: Matrix) -> tuple[Matrix[int], Matrix, Matrix]:
    """The LU factorization with partial pivoting: (P, L, U) with P A = L U.

    P is a permutation matrix (the row swaps), L is unit lower triangular (the multipliers
    lᵢₖ = aᵢₖ / aₖₖ of elimination, ones on the diagonal), U is upper triangular (what
    elimination leaves). Every square matrix has one, singular ones included (U then has
    a zero on its diagonal). Exact input gives exact factors; pivots: see the module notes.

    >>> P, L, U = lu(Matrix([[0, 1], [2, 3]]))
    >>> P, L, U
    (Matrix([[0, 1], [1, 0]]), Matrix([[1, 0], [0, 1]]), Matrix([[2, 3], [0, 1]]))
    >>> P @ Matrix([[0, 1], [2, 3]]) == L @ U
    True

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN or infinite entries.
    """
    A = check_matrix(A)
    n = require_square(A, "lu")
    exact = _require_rows_finite(A, "factor")
    a, perm, _ = _eliminate(A._rows, exact)
    one, zero = _promote((1, 0), A._kind)
    lower = tuple(
        tuple(a[i][j] if j < i else (one if j == i else zero) for j in range(n)) for i in range(n)
    )
    upper = tuple(tuple(a[i][j] if j >= i else zero for j in range(n)) for i in range(n))
    if exact:
        lower, upper = tidy_rows(lower), tidy_rows(upper)
    P = tuple(tuple(1 if j == perm[i] else 0 for j in range(n)) for i in range(n))
    return Matrix._trusted(P), Matrix._trusted(lower), Matrix._trusted(upper)


def _substitute(a: list[list[Any]], perm: list[int], b: list[list[Any]]) -> list[list[Any]]:
    """Solve L U X = P B for X by forward then back substitution, rows of B at a time.

    Each step is a whole-row update X[i] ← X[i] − lᵢⱼ·X[j] over all right sides at once.
    """
    n = len(a)
    mul, sub = operator.mul, operator.sub
    x = [list(b[perm[i]]) for i in range(n)]
    for i in range(n):  # L y = P b (L has a unit diagonal)
        row, xi = a[i], x[i]
        for j in range(i):
            f = row[j]
            if f != 0:
                xi = list(map(sub, xi, map(mul, repeat(f), x[j])))
        x[i] = xi
    _back_substitute(a, x)  # U x = y
    return x


def _back_substitute(a: list[list[Any]], x: list[list[Any]]) -> None:
    """Solve U X = Y in place (Y given as the rows x, U the upper triangle of a), bottom row
    first, by whole-row updates X[i] ← (X[i] − Σⱼ uᵢⱼ·X[j]) / uᵢᵢ over all right sides at once."""
    mul, sub = operator.mul, operator.sub
    for i in reversed(range(len(a))):
        row, xi = a[i], x[i]
        for j in range(i + 1, len(a)):
            f = row[j]
            if f != 0:
                xi = list(map(sub, xi, map(mul, repeat(f), x[j])))
        pivot = row[i]
        x[i] = [v / pivot for v in xi]


def _right_side(A: Matrix, b: object) -> tuple[Vector | Matrix, Matrix]:
    """b (a list read as a Vector) and b as an n×k Matrix, checked against the n×n A."""
    n = require_square(A, "solve")
    if isinstance(b, (list, tuple)):
        b = Vector(b)  # a plain list of numbers is read as a vector
    if isinstance(b, Vector):
        if len(b) != n:
            raise DimensionError(
                f"cannot solve {shape_text(A.shape)} against a vector of dimension {len(b)}"
            )
        right = Matrix._trusted(tuple((x,) for x in b))
    elif isinstance(b, Matrix):
        if b.shape[0] != n:
            raise DimensionError(
                f"cannot solve {shape_text(A.shape)} against {shape_text(b.shape)}"
            )
        right = b
    else:
        raise TypeError(
            f"b must be a Vector or a Matrix (or a list of numbers), not {type(b).__name__}"
        )
    return b, right


# x has the kind of A and b together: exact (Fraction) for exact ones, float for floats.
@overload
def solve(A: Matrix[int | Fraction], b: Sequence[int | Fraction]) -> Vector[Fraction]: ...
@overload
def solve(A: Matrix[int | Fraction], b: Matrix[int | Fraction]) -> Matrix[Fraction]: ...
@overload
def solve(A: Matrix[float], b: Sequence[float]) -> Vector[float]: ...
@overload
def solve(A: Matrix[float], b: Matrix[float]) -> Matrix[float]: ...
@overload
def solve(A: Matrix[complex], b: Sequence[complex]) -> Vector[complex]: ...
@overload
def solve(A: Matrix[complex], b: Matrix[complex]) -> Matrix[complex]: ...
@overload
def solve(A: Matrix, b: Sequence[Scalar]) -> Vector: ...
@overload
def solve(A: Matrix, b: Matrix) -> Matrix: ...
def solve(A: Matrix, b: Sequence[Scalar] | Matrix) -> Any:
    """The solution x of the linear system A x = b (A square and invertible).

    b may be a Vector or a plain list of numbers (then x is a Vector) or an n×k Matrix
    (then X is n×k with A X = B, one system per column). Computed by LU with partial
    pivoting and two triangular solves — never through A⁻¹, which costs more and is less
    accurate. Exact A and b give an exact x. A float A counts as singular when a pivot is
    exactly zero or at most n·ε·‖A‖∞ (ε = 2⁻⁵²): such a matrix is singular to working
    precision.

    >>> solve(Matrix([[1, 1], [1, -1]]), Vector([3, 1]))
    Vector([2, 1])
    >>> solve(Matrix([[2.0, 0.0], [0.0, 4.0]]), Matrix([[2.0, 4.0], [2.0, 8.0]]))
    Matrix([[1.0, 2.0], [0.5, 2.0]])

    Raises:
        TypeError: A is not a Matrix, or b is neither a Vector nor a Matrix.
        DimensionError: A is not square, or b does not have n rows.
        SingularMatrixError: A is singular.  DomainError: NaN or infinite entries.
    """
    A = check_matrix(A)
    b, right = _right_side(A, b)
    require_finite_matrix(right, "solve with")
    kind = max(A._kind, right._kind)
    exact = kind == _EXACT
    require_finite_matrix(A, "solve with")
    if exact:
        solution = _solve_fraction_free(A, right)
        if isinstance(b, Vector):
            return Vector._trusted(tuple(row[0] for row in solution))
        return Matrix._trusted(solution)
    if A._kind != kind:
        A = Matrix._trusted(tuple(_promote(row, kind) for row in A._rows))
    vector = isinstance(b, Vector)
    x = _solve_float(A, tuple(_promote(row, kind) for row in right._rows), vector)
    for row in x:
        _require_finite_solution(row)
    if vector:
        return Vector._trusted(tuple(row[0] for row in x))
    return Matrix._trusted(tuple(map(tuple, x)))


def _solve_float(A: Matrix, right: Rows, vector: bool) -> list[list[Any]]:
    """The float X with A X = B (as rows), by LU with partial pivoting.

    Rows of extreme size (an entry beyond 2^±400) are first scaled by powers of two, A's
    row i by 2⁻ᵉⁱ (see ``kernels.equilibrate``) and B's row i by 2⁻ᵉⁱ⁻ᶠ, f chosen so that
    B's largest entry lands near 1: D A X = D B 2⁻ᶠ has the solution X·2⁻ᶠ, and no sum in
    the elimination can overflow — unscaled, [[a, a], [a, −a]] with a = 10³⁰⁸ meets the
    pivot −2a = −inf. X is scaled back by 2ᶠ once, at the end. Powers of two add no
    rounding; tables that need no scaling are solved exactly as they are.
    """
    a = [list(row) for row in A._rows]
    b = [list(row) for row in right]
    exponents = equilibrate(a)
    f = 0
    if exponents is not None or not -400 <= binary_exponent(b) <= 400:
        exponents = exponents or [0] * len(a)
        f = max(binary_exponent((row,)) - e for row, e in zip(b, exponents, strict=True))
        b = [[scale_back(v, -e - f) for v in row] for row, e in zip(b, exponents, strict=True)]
        A = Matrix._trusted(tuple(map(tuple, a)))
    lu, perm, _ = lu_factor(a, exact=False)
    _check_pivots(lu, A, False, "solve")
    if vector:
        x = [[v] for v in lu_solve(lu, perm, [row[0] for row in b])]
    else:
        x = _substitute(lu, perm, b)
    if f:
        scale_table(x, f)
    return x


def _solve_fraction_free(A: Matrix, right: Matrix) -> Rows:
    """The exact X with A X = B, by fraction-free Gauss–Jordan on the integer table [A | B].

    Each equation (a row of [A | B]) is scaled to integers, which changes no solution; the
    elimination then leaves d·I beside d·X (see ``fraction_free``), so X = (d·X) / d.
    """
    n = A.shape[0]
    table, _ = integer_rows(a + b for a, b in zip(A._rows, right._rows, strict=True))
    table, d, pivots = gauss_jordan(table, n)
    if len(pivots) < n:
        missing = next(k for k in range(n) if k >= len(pivots) or pivots[k] != k)
        raise SingularMatrixError(
            f"cannot solve: the {n}×{n} matrix is singular, elimination found no "
            f"usable pivot in column {missing}"
        )
    return tuple(map(tuple, divided([row[n:] for row in table], d)))


def _require_finite_solution(values: list[Any]) -> None:
    # Finite A and b can still have a solution beyond the float range (a subnormal pivot,
    # 1 / 2e-313): returning inf would be a silent wrong answer, so say so instead.
    if not all(map(_is_finite, values)):
        raise DomainError(
            "the solution overflows the float range (A is nearly singular at this scale); "
            "use exact (int or Fraction) entries to solve it exactly"
        )


@overload
def inverse(A: Matrix[int | Fraction]) -> Matrix[Fraction]: ...
@overload
def inverse(A: Matrix[float]) -> Matrix[float]: ...
@overload
def inverse(A: Matrix[complex]) -> Matrix[complex]: ...
@overload
def inverse(A: Matrix) -> Matrix: ...
def inverse(A: Matrix) -> Matrix:
    """The inverse A⁻¹, the matrix with A A⁻¹ = A⁻¹ A = I; it exists iff det A ≠ 0.

    Computed as the solution X of A X = I (LU once, then n pairs of triangular solves).
    Exact input gives the exact inverse: integer entries become Fractions where needed.

    >>> inverse(Matrix([[4, 7], [2, 6]]))
    Matrix([[Fraction(3, 5), Fraction(-7, 10)], [Fraction(-1, 5), Fraction(2, 5)]])

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        SingularMatrixError: A is singular (for floats: to working precision, see ``solve``).
        DomainError: NaN or infinite entries.
    """
    A = check_matrix(A)
    n = require_square(A, "inverse")
    one, zero = _promote((1, 0), A._kind)
    require_finite_matrix(A, "invert")
    if A._kind != _EXACT:
        return _inverse_float(A, one, zero)
    identity = Matrix._trusted(
        tuple(tuple(one if i == j else zero for j in range(n)) for i in range(n))
    )
    try:
        result: Matrix = solve(A, identity)
    except SingularMatrixError as exc:
        raise SingularMatrixError(str(exc).replace("cannot solve", "cannot invert")) from None
    return result


def _inverse_float(A: Matrix, one: Any, zero: Any) -> Matrix:
    """A⁻¹ for a float or complex A, from P A = L U as A⁻¹ = U⁻¹ L⁻¹ P.

    Why not solve A X = I column by column: L⁻¹ is lower triangular, so its row i has
    only i + 1 entries that can be nonzero, and computing it costs n³/6 multiplications,
    not the n³/2 of a forward solve against n full right sides; the back solve with U
    costs n³/2 and LU n³/3 — n³ in all, the count of LAPACK's getri. Extreme rows are
    scaled first (D A, D = diag(2⁻ᵉⁱ), see ``kernels.equilibrate``); then
    A⁻¹ = (D A)⁻¹ D, column i scaled back by 2⁻ᵉⁱ.
    """
    a = [list(row) for row in A._rows]
    exponents = equilibrate(a)
    scaled = A if exponents is None else Matrix._trusted(tuple(map(tuple, a)))
    lu, perm, _ = lu_factor(a, exact=False)
    _check_pivots(lu, scaled, False, "invert")
    n, mul, sub = len(lu), operator.mul, operator.sub
    x: list[list[Any]] = []
    for i in range(n):  # row i of L⁻¹: eᵢ − Σⱼ lᵢⱼ (row j of L⁻¹), on its first i + 1 entries
        row, xi = lu[i], [zero] * i + [one]
        for j in range(i):
            f = row[j]
            if f != 0:
                xi[: j + 1] = map(sub, xi[: j + 1], map(mul, repeat(f), x[j]))
        x.append(xi)
    x = [xi + [zero] * (n - 1 - i) for i, xi in enumerate(x)]
    _back_substitute(lu, x)  # U X = L⁻¹
    inverse_rows = []
    for xi in x:  # X P: entry k of the row is column perm[k] of A⁻¹
        out = [zero] * n
        for k, column in enumerate(perm):
            out[column] = xi[k]
        if exponents is not None:
            out = [scale_back(v, -e) for v, e in zip(out, exponents, strict=True)]
        _require_finite_solution(out)
        inverse_rows.append(tuple(out))
    return Matrix._trusted(tuple(inverse_rows))


# ---------------------------------------------------------------------------------------
# Reduced row echelon form, rank and null space (any m×n matrix).
# ---------------------------------------------------------------------------------------


def _row_echelon(A: Matrix, tol: float | None) -> tuple[list[list[Any]], list[int]]:
    """Forward elimination of any m×n matrix to row echelon form, and the pivot columns.

    Exact: pivot on the first nonzero entry of the column; a column is skipped when it has
    none. Floats: partial pivoting (the largest candidate), and a column counts as zero —
    its candidates are rounding noise — when the largest candidate is ≤ tol, by default
    max(m, n)·ε·‖A‖∞ (the default of MATLAB's rref): elimination leaves noise of a few ε
    times the entries it combined, which ‖A‖∞ bounds up to the growth of the entries.
    """
    exact = A._kind == _EXACT
    a = _working_rows(A._rows, exact)
    m, n = A.shape
    zero = _promote((0,), A._kind)[0]
    mul, sub = operator.mul, operator.sub
    threshold = 0.0
    if not exact:
        # Row operations do not care about a common factor, so work on A·2⁻ᵉ (max entry in
        # [½, 1)): no row combination of entries near 10³⁰⁸ can overflow.
        e = binary_exponent(a)
        a = [[saturating_ldexp(x, -e) for x in row] for row in a]
        scaled: Any = a
        threshold = _noise_level(scaled, max(m, n)) if tol is None else saturating_ldexp(tol, -e)
    pivots: list[int] = []
    r = 0
    for c in range(n):
        if r == m:
            break
        if exact:
            p = next((i for i in range(r, m) if a[i][c] != 0), None)
        else:
            p = max(range(r, m), key=lambda i: abs(a[i][c]))
            if abs(a[p][c]) <= threshold:
                p = None
        if p is None:
            if not exact:
                for i in range(r, m):
                    a[i][c] = zero  # noise below the tolerance: a true zero
            continue
        a[r], a[p] = a[p], a[r]
        pivot_row = a[r]
        pivot = pivot_row[c]
        for i in range(r + 1, m):
            row = a[i]
            if row[c] != 0:
                f = row[c] / pivot
                row[c + 1 :] = map(sub, row[c + 1 :], map(mul, repeat(f), pivot_row[c + 1 :]))
                row[c] = zero
        pivots.append(c)
        r += 1
    return a, pivots


def _reduce(a: list[list[Any]], pivots: list[int], kind: int) -> list[list[Any]]:
    """From row echelon to *reduced* row echelon form: scale pivots to 1, clear above them."""
    one, zero = _promote((1, 0), kind)
    mul, sub = operator.mul, operator.sub
    for r in reversed(range(len(pivots))):
        c = pivots[r]
        pivot = a[r][c]
        a[r] = [x / pivot for x in a[r]]
        a[r][c] = one  # exactly
        pivot_row = a[r]
        for i in range(r):
            f = a[i][c]
            if f != 0:
                a[i] = list(map(sub, a[i], map(mul, repeat(f), pivot_row)))
                a[i][c] = zero  # exactly
    return a


def _check_optional_tolerance(tol: object) -> float | None:
    if tol is None:
        return None
    return float(check_tolerance(tol))


def _rref_fraction_free(A: Matrix) -> tuple[list[list[int | Fraction]], list[int]]:
    """The exact rref of an int/Fraction matrix and its pivot columns (see ``fraction_free``).

    A matrix of full column rank has the rref [I; 0], which a cheap elimination modulo a
    prime can certify (see ``rank_modulo_prime``); only the others need the exact one.
    """
    m, n = A.shape
    table, _ = integer_rows(A._rows)
    if m >= n and rank_modulo_prime(table) == n:
        identity = [[int(i == j) for j in range(n)] for i in range(m)]
        return identity, list(range(n))  # type: ignore[return-value]
    table, d, pivots = gauss_jordan(table, n)
    return divided(table, d), pivots


def rref(A: Matrix, tol: float | None = None) -> Matrix:
    """The reduced row echelon form of A (Gauss–Jordan elimination).

    Each nonzero row starts with a 1 (its pivot), every pivot is to the right of the one
    above, and each pivot column is zero apart from its pivot. It is unique, and row
    operations do not change the row space, so it displays the rank and the null space.
    Exact for rationals (tol is ignored). For floats, partial pivoting, and a column counts
    as zero when its largest candidate pivot is ≤ tol, by default max(m, n)·ε·‖A‖∞.

    >>> rref(Matrix([[1, 2, 1], [2, 4, 0]]))
    Matrix([[1, 2, 0], [0, 0, 1]])

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries, or tol < 0.
    """
    A = check_matrix(A)
    exact = _require_rows_finite(A, "row-reduce")
    if exact:
        return Matrix._trusted(tuple(map(tuple, _rref_fraction_free(A)[0])))
    a, pivots = _row_echelon(A, _check_optional_tolerance(tol))
    a = _reduce(a, pivots, A._kind)
    return Matrix._trusted(tidy_rows(a) if exact else tuple(map(tuple, a)))


def rank(A: Matrix, tol: float | None = None) -> int:
    """The rank of A: the dimension of its column space (= of its row space).

    It is the number of pivots elimination finds. Exact matrices: exact elimination, so
    the rank is exact (tol is ignored). Floats: the number of singular values σᵢ > tol, by
    default tol = max(m, n)·ε·σ₁ (NumPy's ``matrix_rank``): the singular values measure the
    distance to the nearest matrix of each lower rank, so σᵢ below the rounding noise of A
    mean A is within rounding of a matrix of rank < i. Pivots cannot tell this: Kahan's
    triangular matrix has no small pivot at all, yet is within 10⁻¹⁶‖A‖ of rank n − 1.

    >>> rank(Matrix([[1, 2], [2, 4]])), rank(Matrix.identity(3))
    (1, 3)
    >>> rank(Matrix([[1.0, 2.0], [3.0, 6.0 + 1e-15]]))
    1

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries, or tol < 0.
    """
    A = check_matrix(A)
    exact = _require_rows_finite(A, "take the rank of")
    tolerance = _check_optional_tolerance(tol)
    if exact:
        return exact_rank(A._rows)
    return _numerical_rank(A, tolerance)


def _numerical_rank(A: Matrix, tol: float | None) -> int:
    """The number of singular values above tol (default max(m, n)·ε·σ₁), for a float A."""
    sigma, e = scaled_singular_values(A._rows)  # σᵢ·2⁻ᵉ: compared in the scaled units
    m, n = A.shape
    threshold = max(m, n) * _EPS * sigma[0] if tol is None else saturating_ldexp(tol, -e)
    return sum(1 for s in sigma if s > threshold)


def null_space(A: Matrix, tol: float | None = None) -> list[Vector]:
    """A basis of the null space N(A) = {x : A x = 0}, as a list of Vectors.

    Read off the rref: each free (non-pivot) column j gives one basis vector, with xⱼ = 1,
    the other free unknowns 0, and each pivot unknown solved from its row. So
    rank A + dim N(A) = n (the rank–nullity theorem). Exact input gives an exact basis; an
    invertible A gives []. Floats use the rref's tolerance (see ``rref``) when its pivots
    agree with the numerical rank (see ``rank``); where they do not — elimination can miss a
    near-dependence that leaves no small pivot (Kahan's matrix) — the basis is instead the
    right singular vectors of the singular values at or below the rank's threshold
    (orthonormal, as SciPy's ``null_space``), so that rank A + dim N(A) = n always.

    >>> null_space(Matrix([[1, 1], [1, 1]]))
    [Vector([-1, 1])]
    >>> null_space(Matrix.identity(2))
    []

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries, or tol < 0.
    """
    A = check_matrix(A)
    exact = _require_rows_finite(A, "find the null space of")
    n = A.shape[1]
    if exact:
        a, pivots = _rref_fraction_free(A)
    else:
        tolerance = _check_optional_tolerance(tol)
        a, pivots = _row_echelon(A, tolerance)
        numerical_rank = _numerical_rank(A, tolerance)
        if numerical_rank != len(pivots):
            # the right singular vectors of the smallest σᵢ: V's last columns (as svd's V)
            v_cols = svd_table(real_table(A, "svd")).v_columns
            smallest = orthonormal_completion(v_cols, n, n)[numerical_rank:]
            return [Vector._trusted(tuple(map(float, v))) for v in smallest]
        a = _reduce(a, pivots, A._kind)
    one, zero = _promote((1, 0), A._kind)
    basis: list[Vector] = []
    pivot_set = set(pivots)
    for free in range(n):
        if free in pivot_set:
            continue
        x: list[Any] = [zero] * n
        x[free] = one
        for row, c in enumerate(pivots):
            x[c] = -a[row][free]
        basis.append(Vector._trusted(tuple(map(tidy, x)) if exact else tuple(x)))
    return basis
