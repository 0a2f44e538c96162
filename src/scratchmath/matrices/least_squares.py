"""Least squares and bases: the best x for an overdetermined Ax ≈ b, and what a basis is.

============================  ====================================================================
``LeastSquaresResult``        x, the residual norm ‖Ax − b‖₂, the rank of A and its singular values
``lstsq``                     the x minimising ‖Ax − b‖₂ (of least norm when A is rank-deficient)
``is_linearly_independent``   c₁v₁ + … + cₖvₖ = 0 only for c = 0
``span_contains``             whether v is a linear combination of the given vectors
``coordinates``               the unique c with v = Σ cᵢbᵢ, for a basis b
============================  ====================================================================

Least squares is a projection: x minimises ‖Ax − b‖₂ exactly when the residual r = b − Ax is
orthogonal to every column of A, Aᵀ(b − Ax) = 0 — the *normal equations* AᵀAx = Aᵀb. Then
Ax is the orthogonal projection of b onto the column space of A.

>>> from scratchmath.vectors import Vector
>>> A = Matrix([[1, 0], [1, 1], [1, 2]])        # fit a line y = c₀ + c₁t to three points
>>> fit = lstsq(A, Vector([6, 0, 0]))
>>> fit.x, fit.rank
(Vector([5, -3]), 2)
>>> A.T @ (Vector([6, 0, 0]) - A @ fit.x)      # the residual is orthogonal to the columns
Vector([0, 0])

How it is computed, and why:

- int/Fraction data of full column rank: the normal equations solved **exactly** (fraction-free
  elimination). Squaring the condition number costs nothing when there is no rounding, and
  the answer is the true least-squares solution to every digit (NIST's Filip and Longley).
- floats of full column rank: Householder QR, A = QR, then Rx = Qᵀb. The normal equations in
  floating point would square the condition number (κ(AᵀA) = κ(A)²) and lose twice the digits;
  QR works on A itself, and Householder keeps Q orthogonal to rounding.
- rank-deficient A (or fewer rows than columns): the minimum-norm solution x = A⁺b through the
  SVD, since then infinitely many x reach the least residual, and the shortest is the one that
  does not depend on how rounding split the null space.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices.core import Matrix
from scratchmath.matrices.elimination import rank, solve
from scratchmath.matrices.orthogonal import qr
from scratchmath.matrices.svd import pinv, singular_values
from scratchmath.scalars import EPS, exact_sqrt, magnitude, to_float
from scratchmath.vectors import Vector

__all__ = [
    "LeastSquaresResult",
    "coordinates",
    "is_linearly_independent",
    "lstsq",
    "span_contains",
]


class LeastSquaresResult(NamedTuple):
    """The answer of ``lstsq``: x, ‖Ax − b‖₂, rank(A) and the singular values of A.

    ``residual_norm`` is the Euclidean norm of b − Ax (the Frobenius norm when b is a Matrix).
    ``condition_number`` is σ₁/σₙ: about log₁₀ κ digits of a float x may be wrong.

    >>> from scratchmath.matrices import Matrix
    >>> from scratchmath.vectors import Vector
    >>> result = lstsq(Matrix([[1, 0], [1, 1], [1, 2]]), Vector([1, 2, 4]))
    >>> result.x, result.rank
    (Vector([Fraction(5, 6), Fraction(3, 2)]), 2)
    """

    x: Any
    residual_norm: float
    rank: int
    singular_values: list[float]

    @property
    def condition_number(self) -> float:
        """κ₂(A) = σ₁/σₙ, the largest over the smallest singular value (inf if σₙ = 0).

        >>> lstsq(Matrix([[1, 0], [0, 1e-8], [0, 0]]), Vector([1, 1, 0])).condition_number
        100000000.0
        """
        smallest = self.singular_values[-1] if self.singular_values else 0.0
        return math.inf if smallest == 0.0 else self.singular_values[0] / smallest


def _is_exact(M: Matrix) -> bool:
    return all(type(x) is int or type(x) is Fraction for row in M.rows for x in row)


def _right_side(A: Matrix, b: object) -> tuple[Matrix, bool]:
    """b as an m×k Matrix, and whether it came as a vector."""
    if isinstance(b, (list, tuple)):
        b = Vector(b)
    if isinstance(b, Vector):
        if len(b) != A.shape[0]:
            raise DimensionError(
                f"cannot fit {A.shape[0]}×{A.shape[1]} to a vector of dimension {len(b)}"
            )
        return Matrix([[x] for x in b]), True
    if isinstance(b, Matrix):
        if b.shape[0] != A.shape[0]:
            raise DimensionError(
                f"cannot fit {A.shape[0]}×{A.shape[1]} to {b.shape[0]}×{b.shape[1]}"
            )
        return b, False
    raise TypeError(
        f"b must be a Vector or a Matrix (or a list of numbers), not {type(b).__name__}"
    )


def _numerical_rank(sigma: list[float], m: int, n: int) -> int:
    # NumPy's and pinv's cutoff: a singular value at most max(m, n)·ε·σ₁ is rounding noise.
    cutoff = max(m, n) * EPS * (sigma[0] if sigma else 0.0)
    return sum(1 for s in sigma if s > cutoff)


def _back_substitute(R: Matrix, y: Matrix) -> Matrix:
    """X with RX = Y for an upper-triangular n×n R with a non-zero diagonal."""
    n = R.shape[1]
    r: list[list[Any]] = [list(row) for row in R.rows]
    columns = []
    for col in y.columns:
        x: list[Any] = [0.0] * n
        for i in range(n - 1, -1, -1):
            s = math.fsum([to_float(col[i])] + [-r[i][j] * x[j] for j in range(i + 1, n)])
            x[i] = s / r[i][i]
        columns.append(Vector(x))
    return Matrix.from_columns(columns)


def lstsq(A: Matrix, b: Vector | Matrix) -> LeastSquaresResult:
    """The least-squares solution of Ax ≈ b: the x minimising ‖Ax − b‖₂.

    Definition: x̂ = argminₓ ‖Ax − b‖₂, characterised by the normal equations AᵀAx̂ = Aᵀb
    (the residual b − Ax̂ is orthogonal to the column space of A). When A has full column
    rank x̂ is unique; otherwise ``lstsq`` returns the one of least norm, x̂ = A⁺b.

    Exact (int/Fraction) A and b of full column rank give an exact x (normal equations solved
    without rounding); floats use Householder QR; a rank-deficient A uses the SVD. The float
    rank counts singular values above max(m, n)·ε·σ₁. A Vector b gives a Vector x, a Matrix b
    a Matrix x (one column per right-hand side).

    >>> fit = lstsq(Matrix([[1, 1], [1, 2], [1, 3]]), Vector([1, 2, 2]))
    >>> fit.x
    Vector([Fraction(2, 3), Fraction(1, 2)])
    >>> round(fit.residual_norm ** 2, 12)    # ‖b − Ax‖² = 1/6
    0.166666666667

    Raises:
        TypeError: A is not a Matrix, or b is not a Vector or Matrix.
        DimensionError: b does not have as many rows as A.
        DomainError: NaN, infinite or complex entries.
    """
    if not isinstance(A, Matrix):
        raise TypeError(f"A must be a Matrix, not {type(A).__name__}")
    B, as_vector = _right_side(A, b)
    for M in (A, B):
        if any(isinstance(x, complex) for row in M.rows for x in row):
            raise DomainError("lstsq needs real entries, got a complex number")
        if any(isinstance(x, float) and not math.isfinite(x) for row in M.rows for x in row):
            raise DomainError("lstsq needs finite entries, got NaN or inf")
    m, n = A.shape
    sigma = singular_values(A)
    exact = _is_exact(A) and _is_exact(B)
    r = rank(A) if _is_exact(A) else _numerical_rank(sigma, m, n)
    if exact and r == n:
        X = solve(A.T @ A, A.T @ B)  # exact: κ(AᵀA) = κ(A)² does no harm without rounding
    elif r == n:
        Q, R = qr(A)
        X = _back_substitute(R, Q.T @ B)
    else:
        X = pinv(A) @ B
    residual: Matrix[Any] = B - A @ X
    squares = sum(x * x for row in residual.rows for x in row)
    norm = exact_sqrt(squares) if exact else math.hypot(*(x for row in residual.rows for x in row))
    x_out = Vector(X.columns[0]) if as_vector else X
    return LeastSquaresResult(x_out, norm, r, sigma)


def _column_matrix(vectors: object, what: str) -> tuple[list[Vector], int]:
    """The vectors as a list of Vectors of one dimension, and that dimension (0 if none)."""
    if isinstance(vectors, Vector) or not isinstance(vectors, (list, tuple)):
        raise TypeError(f"{what} must be a list of Vectors, not {type(vectors).__name__}")
    items = [v if isinstance(v, Vector) else Vector(v) for v in vectors]
    dims = {len(v) for v in items}
    if len(dims) > 1:
        raise DimensionError(f"{what} must all have one dimension, got dimensions {sorted(dims)}")
    dim = dims.pop() if dims else 0
    if items and dim == 0:
        raise DimensionError(f"{what} must have at least one component")
    return items, dim


def is_linearly_independent(vectors: list[Vector]) -> bool:
    """Whether c₁v₁ + … + cₖvₖ = 0 forces c₁ = … = cₖ = 0.

    Equivalently: the matrix with the vectors as columns has rank k. Exact for int/Fraction
    vectors; for floats the rank counts singular values above max(m, n)·ε·σ₁. The empty
    list is independent (the empty sum is the only combination, and it has no coefficients).

    >>> is_linearly_independent([Vector([1, 0, 1]), Vector([0, 1, 1])])
    True
    >>> is_linearly_independent([Vector([1, 2]), Vector([2, 4])])
    False

    Raises:
        TypeError: vectors is not a list of Vectors.
        DimensionError: the vectors have different dimensions.
    """
    items, dim = _column_matrix(vectors, "vectors")
    if not items:
        return True
    if len(items) > dim:
        return False  # more vectors than dimensions: always dependent
    return rank(Matrix.from_columns(items)) == len(items)


def span_contains(vectors: list[Vector], v: Vector) -> bool:
    """Whether v lies in span{v₁, …, vₖ}: v = c₁v₁ + … + cₖvₖ for some numbers cᵢ.

    Equivalently: appending v as a column does not raise the rank. The span of no vectors
    is {0}. Exact for int/Fraction vectors.

    >>> span_contains([Vector([1, 0, 1]), Vector([0, 1, 1])], Vector([2, 3, 5]))
    True
    >>> span_contains([Vector([1, 0, 1]), Vector([0, 1, 1])], Vector([0, 0, 1]))
    False

    Raises:
        TypeError: vectors is not a list of Vectors, or v not a Vector.
        DimensionError: the dimensions differ.
    """
    if not isinstance(v, Vector):
        raise TypeError(f"v must be a Vector, not {type(v).__name__}")
    if isinstance(vectors, Vector) or not isinstance(vectors, (list, tuple)):
        raise TypeError(f"vectors must be a list of Vectors, not {type(vectors).__name__}")
    items, _ = _column_matrix([*vectors, v], "vectors and v")
    if len(items) == 1:
        return all(x == 0 for x in v)
    return rank(Matrix.from_columns(items[:-1])) == rank(Matrix.from_columns(items))


def coordinates(v: Vector, basis: list[Vector]) -> Vector:
    """The coordinates of v in a basis: the unique c with v = c₁b₁ + … + cₖbₖ.

    ``basis`` must be linearly independent, and v must lie in its span (for a basis of all
    of ℝⁿ it always does). Exact for int/Fraction input (the normal equations, solved without
    rounding); floats through least squares, with v accepted in the span when the residual
    is within 1e-10·‖v‖.

    >>> coordinates(Vector([3, 1]), [Vector([1, 1]), Vector([1, -1])])
    Vector([2, 1])

    Raises:
        TypeError: v is not a Vector, or basis not a list of Vectors.
        DimensionError: the dimensions differ, or the basis is empty.
        DomainError: the vectors are not a basis (dependent), or v is not in their span.
    """
    if not isinstance(v, Vector):
        raise TypeError(f"v must be a Vector, not {type(v).__name__}")
    items, dim = _column_matrix(basis, "basis")
    if not items:
        raise DimensionError("basis must have at least one vector")
    if dim != len(v):
        raise DimensionError(f"v has dimension {len(v)} but the basis vectors have {dim}")
    if not is_linearly_independent(items):
        raise DomainError("basis is not a basis: its vectors are linearly dependent")
    A = Matrix.from_columns(items)
    fit = lstsq(A, v)
    exact = _is_exact(A) and _is_exact(Matrix([list(v)]))
    if fit.residual_norm > (0 if exact else 1e-10 * max(magnitude(x) for x in v)):
        raise DomainError("v is not in the span of the basis, so it has no coordinates in it")
    coords: Vector = fit.x
    return coords
