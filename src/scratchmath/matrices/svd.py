"""The singular value decomposition, and what it buys: pseudo-inverse, condition, PCA (layer 2).

==========================  ============================================================
``svd``                     A = UΣVᵀ (complex: UΣVᴴ), orthonormal U, V, σ₁ ≥ … ≥ 0 (Jacobi)
``singular_values``         σ₁ ≥ … ≥ σₖ, k = min(m, n), for any matrix (complex too)
``pinv``                    the Moore–Penrose pseudo-inverse A⁺ = VΣ⁺Uᵀ (complex: VΣ⁺Uᴴ)
``cond``                    the condition number κ₂(A) = σ₁/σₖ
``low_rank_approximation``  the best rank-k approximation Σᵢ₍ᵢ≤ₖ₎ σᵢuᵢvᵢᵀ (Eckart–Young)
``PCAResult``               components, explained variance (and ratio), mean, ``transform``
``pca``                     principal component analysis of data whose rows are samples
==========================  ============================================================

**Theorem (SVD).** Every real m×n matrix factors as A = UΣVᵀ with U (m×k) and V (n×k)
having orthonormal columns, k = min(m, n), and Σ = diag(σ₁, …, σₖ), σ₁ ≥ … ≥ σₖ ≥ 0. So
every linear map is a rotation (Vᵀ), a scaling along the axes (Σ), and another rotation (U).
Avᵢ = σᵢuᵢ and Aᵀuᵢ = σᵢvᵢ; the σᵢ² are the eigenvalues of AᵀA, and the vᵢ its eigenvectors.
A complex matrix factors the same way with the conjugate transpose, A = UΣVᴴ, U and V
unitary (UᴴU = VᴴV = I) and the σᵢ still real and ≥ 0.

A short worked example; this A maps the unit circle onto an ellipse with semi-axes 3 and 1:

>>> from scratchmath.matrices import Matrix
>>> A = Matrix([[2, 1], [1, 2]])
>>> U, sigma, V = svd(A)
>>> [round(s, 12) for s in sigma]
[3.0, 1.0]
>>> (U @ Matrix.diagonal(sigma) @ V.T).isclose(A)
True

Numbers. The algorithms work in ``float`` (an exact matrix is converted once) and return
float matrices; NaN or ±inf entries are a ``DomainError``. A complex matrix (with some
imaginary part ≠ 0) gets complex U and V; ``pca`` alone needs real data.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, NamedTuple, overload

from scratchmath.errors import DimensionError, DomainError, SingularMatrixError
from scratchmath.matrices.core import (
    Matrix,
    check_matrix,
    complex_rows,
    matrix_norm,
    real_table,
    require_finite_matrix,
)
from scratchmath.matrices.elimination import inverse
from scratchmath.matrices.kernels import (
    binary_exponent,
    orthonormal_completion,
    scale_back,
    unitary_completion,
)
from scratchmath.matrices.singular import (
    SVDTable,
    complex_svd_table,
    exact_rank,
    scaled_singular_values,
    svd_table,
)
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import saturating_ldexp
from scratchmath.vectors import Scalar, Vector

__all__ = [
    "PCAResult",
    "cond",
    "low_rank_approximation",
    "pca",
    "pinv",
    "singular_values",
    "svd",
]

_MUL = operator.mul

Table = list[list[float]]


# ---------------------------------------------------------------------------------------
# The boundary.
# ---------------------------------------------------------------------------------------


def _matrix(rows: Iterable[Iterable[float]]) -> Matrix[float]:
    return Matrix._trusted(tuple(tuple(map(float, row)) for row in rows))


def _exact_rank(A: Matrix) -> int | None:
    return exact_rank(A._rows) if A._kind == _EXACT else None


def _complex_rows(A: object, what: str) -> Any:
    """A's rows if it is a complex Matrix with some imaginary part ≠ 0, else None.

    A complex Matrix whose entries are all real is treated as the real matrix it is, so
    its factors are real (and exactly those of the real matrix)."""
    return complex_rows(check_matrix(A), what)


def _decomposition(A: Matrix, what: str) -> SVDTable:
    """The SVD table of A: ``complex_svd_table`` for a complex A, ``svd_table`` otherwise."""
    rows = _complex_rows(A, what)
    if rows is not None:
        return complex_svd_table(rows)
    return svd_table(real_table(A, what), _exact_rank(A))


@overload
def svd(
    A: Matrix[int] | Matrix[float] | Matrix[Fraction], *, full_matrices: bool = ...
) -> tuple[Matrix[float], list[float], Matrix[float]]: ...
@overload
def svd(
    A: Matrix[complex], *, full_matrices: bool = ...
) -> tuple[Matrix[complex], list[float], Matrix[complex]]: ...
@overload
def svd(A: Matrix, *, full_matrices: bool = ...) -> tuple[Matrix, list[float], Matrix]: ...
def svd(A: Matrix, *, full_matrices: bool = False) -> tuple[Matrix, list[float], Matrix]:
    """The singular value decomposition A = U·diag(σ)·Vᵀ (note: returns V, not Vᵀ).

    For a complex A it is A = U·diag(σ)·Vᴴ (Vᴴ = ``V.H``, the conjugate transpose), with U
    and V unitary and σ real; a complex Matrix whose entries are all real is treated as real.

    Thin by default: U is m×k and V is n×k with orthonormal columns, k = min(m, n).
    With ``full_matrices=True`` U is m×m and V is n×n (their first k columns as before, the
    rest completing orthonormal bases), and A = U[:, :k]·diag(σ)·V[:, :k]ᵀ.

    Algorithm: one-sided Jacobi (Hestenes, 1958) on the columns of A, or of Aᵀ when m < n —
    chosen over Golub–Kahan bidiagonalization for being short and at least as accurate: U
    and V are orthogonal to rounding, every σᵢ is within a few ε·σ₁, and when A = B·D with
    D diagonal and B well-conditioned (graded columns) even the tiny σᵢ have high relative
    accuracy (Demmel & Veselić, 1992). A column that ends exactly zero (σᵢ = 0) gets its uᵢ by
    completion. For an exact (int/Fraction) matrix the exact rank r is computed first and
    σᵣ₊₁, … are exactly 0. Signs: each vᵢ has its largest entry positive (complex: its entry
    of largest modulus real and positive, uᵢ taking the same phase). A complex A gets the
    complex one-sided Jacobi (see ``singular.complex_hestenes``): it rotates A's columns
    directly, never forming AᴴA, whose eigenvalues σᵢ² would lose the small σᵢ to rounding
    (σᵢ below √ε·σ₁ would be lost entirely); so U and V are unitary to rounding and each σᵢ
    is within a few ε·σ₁.

    >>> U, sigma, V = svd(Matrix([[3, 0], [0, -2]]))
    >>> sigma, V
    ([3.0, 2.0], Matrix([[1.0, 0.0], [0.0, 1.0]]))
    >>> U
    Matrix([[1.0, 0.0], [0.0, -1.0]])
    >>> A = Matrix([[2, 1j], [-1j, 2]])   # Hermitian: σᵢ = |λᵢ| = 3, 1
    >>> U, sigma, V = svd(A)
    >>> [round(s, 12) for s in sigma]
    [3.0, 1.0]
    >>> (U @ Matrix.diagonal(sigma) @ V.H).isclose(A, abs_tol=1e-15)
    True

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries.
        ConvergenceError: Jacobi did not converge in 60 sweeps (not known to happen).
    """
    decomposition = _decomposition(A, "svd")
    m, n = A.shape
    u_cols, sigma, v_cols = decomposition.u_columns, decomposition.sigma, decomposition.v_columns
    if u_cols and isinstance(u_cols[0][0], complex):
        if full_matrices:
            u_cols = unitary_completion(u_cols, m, m)
            v_cols = unitary_completion(v_cols, n, n)
        U = Matrix._trusted(tuple(zip(*u_cols, strict=True)))
        return U, sigma, Matrix._trusted(tuple(zip(*v_cols, strict=True)))
    if full_matrices:
        u_cols = orthonormal_completion(u_cols, m, m)
        v_cols = orthonormal_completion(v_cols, n, n)
    U = _matrix(zip(*u_cols, strict=True))
    V = _matrix(zip(*v_cols, strict=True))
    return U, sigma, V


def singular_values(A: Matrix) -> list[float]:
    """The singular values σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0 of A (k = min(m, n)): σᵢ = √λᵢ(AᵀA).

    By one-sided Jacobi, as in ``svd``. A complex A = B + iC works through the real matrix
    [[B, −C], [C, B]] of twice the size, whose singular values are those of A, each twice.
    This gives ``matrix_norm(A, 2) = σ₁`` and ``matrix_norm(A, "nuc") = Σσᵢ``.

    >>> sigma = singular_values(Matrix([[3, 0], [4, 5]]))   # AᵀA has eigenvalues 45 and 5
    >>> [round(s * s, 12) for s in sigma]
    [45.0, 5.0]
    >>> singular_values(Matrix([[1j]]))
    [1.0]

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries.
    """
    scaled, e = _scaled_singular_values(A)
    return [saturating_ldexp(x, e) for x in scaled]


def _scaled_singular_values(A: object) -> tuple[list[float], int]:
    """(σ₁·2⁻ᵉ, …, σₖ·2⁻ᵉ) and e, for a real or complex A (see ``singular_values``)."""
    A = check_matrix(A)
    require_finite_matrix(A, "compute singular values of")
    rows: Any = A._rows
    if isinstance(rows[0][0], complex):
        return scaled_singular_values(rows)
    decomposition = svd_table(real_table(A, "singular_values"), _exact_rank(A))
    return decomposition.scaled_sigma, decomposition.exponent


@overload
def pinv(A: Matrix[int] | Matrix[float] | Matrix[Fraction]) -> Matrix[float]: ...
@overload
def pinv(A: Matrix[complex]) -> Matrix[complex]: ...
@overload
def pinv(A: Matrix) -> Matrix: ...
def pinv(A: Matrix) -> Matrix:
    """The Moore–Penrose pseudo-inverse A⁺ = V·Σ⁺·Uᴴ, Σ⁺ = diag(1/σᵢ for σᵢ > cutoff, else 0).

    A⁺ is the unique X with AXA = A, XAX = X, (AX)ᴴ = AX, (XA)ᴴ = XA (ᴴ the conjugate
    transpose, which is ᵀ for a real A; a complex A gives a complex A⁺); x = A⁺b is the
    least-squares solution of Ax ≈ b of least norm. Singular values at or below the cutoff
    max(m, n)·ε·σ₁ (NumPy's convention) are rounding noise of a rank-deficient A, and are
    treated as 0 rather than inverted into huge numbers.

    >>> pinv(Matrix([[1, 0], [0, 2], [0, 0]]))
    Matrix([[1.0, 0.0, 0.0], [0.0, 0.5, 0.0]])
    >>> pinv(Matrix([[1, 1], [1, 1]])).isclose(Matrix([[1, 1], [1, 1]]) / 4)   # rank 1
    True
    >>> pinv(Matrix([[1j, 0], [0, 0]]))   # 1/i = −i
    Matrix([[-1j, 0j], [0j, 0j]])

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries.
    """
    A = check_matrix(A)
    decomposition = _decomposition(A, "pinv")
    u_cols, sigma, v_cols = (
        decomposition.u_columns,
        decomposition.scaled_sigma,
        decomposition.v_columns,
    )
    e = decomposition.exponent
    m, n = A.shape
    cutoff = max(m, n) * _EPS * sigma[0]
    kept = [r for r, s in enumerate(sigma) if s > cutoff]
    # (A⁺)ᵢⱼ = Σᵣ vᵢᵣ·uⱼᵣ/σᵣ over the kept r, with σᵣ = 2ᵉ·(scaled σᵣ): the 2⁻ᵉ comes last.
    v_rows = list(zip(*(v_cols[r] for r in kept), strict=True)) if kept else [()] * n
    complex_entries = bool(u_cols) and isinstance(u_cols[0][0], complex)
    if complex_entries:  # A⁺ = VΣ⁺Uᴴ: the conjugates of U's entries
        scaled_u = [[z.conjugate() / sigma[r] for z in u_cols[r]] for r in kept]
    else:
        scaled_u = [[x / sigma[r] for x in u_cols[r]] for r in kept]
    u_rows = list(zip(*scaled_u, strict=True))
    zeros: list[Any] = [0j if complex_entries else 0.0] * m
    rows: list[list[Any]] = [
        [scale_back(sum(map(_MUL, vrow, urow)), -e) for urow in u_rows] or zeros for vrow in v_rows
    ]
    return Matrix._trusted(tuple(map(tuple, rows))) if complex_entries else _matrix(rows)


def cond(A: Matrix, p: str | float = 2) -> float:
    """The condition number κ(A) = ‖A‖·‖A⁻¹‖ in the norm p: 2 (the default), 1, math.inf
    or "fro"; ``math.inf`` for a singular A.

    It bounds how much relative error in b (or A) can grow in the solution of Ax = b:
    ‖δx‖/‖x‖ ≤ κ(A)·‖δb‖/‖b‖. Rule of thumb: expect to lose log₁₀ κ digits.

    - p = 2: κ₂ = σ₁/σₖ (k = min(m, n)) from the singular values, for any m×n A (then it
      measures the least-squares problem); computed on the scaled σᵢ, so it never overflows
      before its value does.
    - p = 1, math.inf, "fro": ‖A‖ₚ·‖A⁻¹‖ₚ with the exact inverse for an exact A and LU's
      inverse for floats, A square. A float A that elimination finds singular to working
      precision (a pivot ≤ n·ε·‖A‖∞, so κ beyond about 1/(nε)) gives math.inf, as an exactly
      singular one does: no digit of such a κ could be trusted.

    >>> cond(Matrix([[2, 0], [0, 0.5]]))
    4.0
    >>> cond(Matrix([[1, 2], [2, 4]]))
    inf
    >>> cond(Matrix([[1, 2], [3, 4]]), 1), cond(Matrix([[1, 2], [3, 4]]), math.inf)
    (21.0, 21.0)

    Raises:
        TypeError: A is not a Matrix.  DomainError: NaN or infinite entries, or an unknown p.
        DimensionError: p ≠ 2 and A is not square.
    """
    if isinstance(p, bool) or p not in (2, 1, math.inf, "fro"):
        raise DomainError(f"unknown norm p = {p!r} for cond: use 2, 1, math.inf or 'fro'")
    if p == 2:
        sigma, _ = _scaled_singular_values(A)  # the ratio of scaled values: no early overflow
        if sigma[-1] == 0:
            return math.inf
        return sigma[0] / sigma[-1]
    A = check_matrix(A)
    if A.shape[0] != A.shape[1]:
        raise DimensionError(f"cond(A, {p!r}) needs a square matrix, got {A.shape[0]}×{A.shape[1]}")
    if A._kind != _EXACT:  # κ(cA) = κ(A): scale to max|aᵢⱼ| ≈ 1 so ‖A‖ cannot overflow
        e = binary_exponent(A._rows)
        A = Matrix._trusted(tuple(tuple(scale_back(x, -e) for x in row) for row in A._rows))
    try:
        inverse_of_a = inverse(A)
    except SingularMatrixError:
        return math.inf
    return matrix_norm(A, p) * matrix_norm(inverse_of_a, p)


@overload
def low_rank_approximation(
    A: Matrix[int] | Matrix[float] | Matrix[Fraction], k: int
) -> Matrix[float]: ...
@overload
def low_rank_approximation(A: Matrix[complex], k: int) -> Matrix[complex]: ...
@overload
def low_rank_approximation(A: Matrix, k: int) -> Matrix: ...
def low_rank_approximation(A: Matrix, k: int) -> Matrix:
    """The best rank-k approximation Aₖ = Σᵢ₌₁ᵏ σᵢuᵢvᵢᵀ: truncate the SVD.

    **Eckart–Young theorem.** Among all matrices B of rank ≤ k, ‖A − B‖₂ and ‖A − B‖_F are
    smallest for B = Aₖ, with ‖A − Aₖ‖₂ = σₖ₊₁ and ‖A − Aₖ‖_F = √(σₖ₊₁² + ⋯). This is
    compression: Aₖ needs k(m + n + 1) numbers instead of mn. A complex A: Σ σᵢuᵢvᵢᴴ.

    >>> low_rank_approximation(Matrix([[3, 0], [0, 1]]), 1)
    Matrix([[3.0, 0.0], [0.0, 0.0]])

    Raises:
        TypeError: A not a Matrix or k not an int.  DomainError: k outside 1 ≤ k ≤ min(m, n),
        NaN/inf entries.
    """
    A = check_matrix(A)
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an int, not {type(k).__name__}")
    m, n = A.shape
    if not 1 <= k <= min(m, n):
        raise DomainError(
            f"k must satisfy 1 ≤ k ≤ min(m, n) = {min(m, n)} for a {m}×{n} matrix, got {k}"
        )
    rows = _complex_rows(A, "low_rank_approximation")
    if rows is None:
        decomposition = svd_table(real_table(A, "low_rank_approximation"), None)
    else:
        decomposition = complex_svd_table(rows)
    sigma, e = decomposition.scaled_sigma, decomposition.exponent
    # (Aₖ)ᵢⱼ = Σᵣ₌₁ᵏ uᵢᵣ·σᵣ·conj(vⱼᵣ), with the scaled σᵣ and the 2ᵉ applied last (saturating).
    u_rows = list(zip(*decomposition.u_columns[:k], strict=True))
    if rows is not None:
        scaled_vh = [
            [sigma[r] * z.conjugate() for z in decomposition.v_columns[r]] for r in range(k)
        ]
        return Matrix._trusted(
            tuple(
                tuple(
                    scale_back(sum(map(_MUL, urow, vcol)), e)
                    for vcol in zip(*scaled_vh, strict=True)
                )
                for urow in u_rows
            )
        )
    scaled_v = [[sigma[r] * x for x in decomposition.v_columns[r]] for r in range(k)]
    v_cols_k = list(zip(*scaled_v, strict=True))
    return _matrix(
        [[saturating_ldexp(sum(map(_MUL, urow, vcol)), e) for vcol in v_cols_k] for urow in u_rows]
    )


# ---------------------------------------------------------------------------------------
# Principal component analysis.
# ---------------------------------------------------------------------------------------


def _data_table(data: object, what: str) -> Table:
    """Samples (rows) as a table of floats: a Matrix, or an iterable of rows or Vectors."""
    if not isinstance(data, Matrix):
        if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
            raise TypeError(
                f"{what}: data must be a Matrix or a list of rows, not {type(data).__name__}"
            )
        data = Matrix(data)
    return real_table(data, what)


class PCAResult(NamedTuple):
    """The result of ``pca``: an immutable record with a ``transform`` method.

    - ``components``: the k principal directions, unit Vectors, by descending variance;
    - ``explained_variance``: the sample variance of the data along each, λᵢ = σᵢ²/(N − 1);
    - ``explained_variance_ratio``: λᵢ / (total variance), the share each explains;
    - ``mean``: the mean sample x̄, subtracted before projecting.

    >>> result = pca([[0, 0], [2, 2]], 1)
    >>> result.components, result.mean
    ([Vector([0.7071067811865475, 0.7071067811865475])], Vector([1.0, 1.0]))
    >>> round(result.explained_variance[0], 12)   # ((−√2)² + (√2)²)/(2 − 1)
    4.0
    """

    components: list[Vector[float]]
    explained_variance: list[float]
    explained_variance_ratio: list[float]
    mean: Vector[float]

    def transform(self, data: Matrix | Iterable[Iterable[Scalar]]) -> Matrix[float]:
        """The coordinates of each sample along the components: row i is (xᵢ − x̄)·wⱼ, j < k.

        >>> pca([[0, 0], [2, 2]], 1).transform([[3, 3], [1, 1]])
        Matrix([[2.82842712474619], [0.0]])

        Raises:
            TypeError: data is not a Matrix or list of rows.  DimensionError: the samples'
            dimension is not that of the mean.  DomainError: NaN/inf entries.
        """
        x = _data_table(data, "transform")
        d = len(self.mean)
        if len(x[0]) != d:
            raise DimensionError(
                f"transform: the samples have {len(x[0])} features but the PCA was fitted on {d}"
            )
        mean: list[Any] = list(self.mean)
        centered = [[xi - mi for xi, mi in zip(row, mean, strict=True)] for row in x]
        comps: list[list[Any]] = [list(w) for w in self.components]
        return _matrix([[sum(map(_MUL, row, w)) for w in comps] for row in centered])


def pca(data: Matrix | Iterable[Iterable[Scalar]], k: int) -> PCAResult:
    """Principal component analysis: the k orthogonal directions of greatest variance.

    With N samples xᵢ (rows) of mean x̄ and the centered matrix X (rows xᵢ − x̄), the sample
    covariance is C = XᵀX/(N − 1). Its eigenvectors are the principal components: w₁
    maximizes the projected variance wᵀCw over unit w, w₂ does so orthogonal to w₁, and so
    on, with variances the eigenvalues. Computed from the SVD X = UΣVᵀ (so C = VΣ²Vᵀ/(N − 1),
    without forming C, which would square the condition): wⱼ = vⱼ and λⱼ = σⱼ²/(N − 1) —
    the N − 1 denominator of the unbiased sample variance, as scikit-learn. Each component's
    sign is fixed so that its largest entry is positive.

    >>> data = [[2, 0], [0, 1], [-2, 0], [0, -1]]
    >>> result = pca(data, 2)
    >>> result.components
    [Vector([1.0, 0.0]), Vector([0.0, 1.0])]
    >>> result.explained_variance, result.explained_variance_ratio
    ([2.6666666666666665, 0.6666666666666666], [0.8, 0.2])

    Raises:
        TypeError: data is not a Matrix or list of rows, or k not an int.
        DimensionError: ragged rows.  DomainError: fewer than 2 samples, k outside
        1 ≤ k ≤ min(N, d), all samples equal (no variance), NaN/inf entries.
    """
    x = _data_table(data, "pca")
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an int, not {type(k).__name__}")
    samples, d = len(x), len(x[0])
    if samples < 2:
        raise DomainError(
            f"pca needs at least 2 samples (rows) to estimate a variance, got {samples}"
        )
    if not 1 <= k <= min(samples, d):
        raise DomainError(
            f"k must satisfy 1 ≤ k ≤ min(samples, features) = {min(samples, d)}, got {k}"
        )
    # Work on the data scaled by 2⁻ᵉ (max |entry| in [½, 1)), so that sums of samples near
    # 10³⁰⁸ cannot overflow; the mean and the variances are scaled back at the end.
    e = binary_exponent(x)
    x = [[math.ldexp(v, -e) for v in row] for row in x]
    mean = [math.fsum(col) / samples for col in zip(*x, strict=True)]
    centered = [[xi - mi for xi, mi in zip(row, mean, strict=True)] for row in x]
    decomposition = svd_table(centered, None)
    squares = decomposition.squares  # of the scaled data: finite
    total = math.fsum(squares)
    if total == 0:
        raise DomainError("pca: all samples are equal, so there is no variance to explain")
    variance = [saturating_ldexp(s2 / (samples - 1), 2 * e) for s2 in squares[:k]]
    ratio = [s2 / total for s2 in squares[:k]]
    components = [Vector._trusted(tuple(v)) for v in decomposition.v_columns[:k]]
    unscaled_mean = tuple(saturating_ldexp(v, e) for v in mean)
    return PCAResult(components, variance, ratio, Vector._trusted(unscaled_mean))
