"""Tests of scratchmath.matrices.svd.

Theorems and properties checked:

- A = UΣVᵀ with UᵀU = VᵀV = I and σ₁ ≥ … ≥ σₖ ≥ 0.
- full svd completes orthonormal bases
- σᵢ² = λᵢ(AᵀA); AᵀA is formed exactly (integers), so eigh is a fair oracle.
- ‖A‖₂ = max‖Ax‖/‖x‖ = σ₁, attained at x = v₁.
- ‖A − Aₖ‖₂ = σₖ₊₁ and ‖A − Aₖ‖_F = √(σₖ₊₁² + ⋯).
- pseudo inverse penrose conditions
- pinv of rank deficient and zero matrices
- cond of known matrices
- singular values of exact rank deficient matrix are exactly zero
- singular values of complex and tiny and huge matrices
- hilbert singular values are normwise accurate
- one sided jacobi has relative accuracy on graded matrices
- w₁ maximizes Var(Xw) over unit w; the maximum is explained_variance[0].
- pca components are orthonormal and variances sum to total
- pca on a synthetic data set
- svd functions reject bad input
- low rank approximation rejects bad k
- pca rejects bad input
- cond in each norm learner cases
- cond is scale invariant even at the edge of the range
- cond bad input
- Complex SVD: U and V unitary (thin and full), A = UΣVᴴ, Σσᵢ² = ‖A‖_F².
- The four Moore–Penrose conditions for a complex A, with ᴴ; a rank-1 complex pinv.
- Textbook complex SVDs, real input stored as complex unchanged, Eckart–Young for complex A.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import (
    DimensionError,
    DomainError,
)
from scratchmath.matrices import (
    Matrix,
    PCAResult,
    cond,
    eigh,
    low_rank_approximation,
    matrix_norm,
    pca,
    pinv,
    singular_values,
    svd,
)
from scratchmath.vectors import Vector
from tests.matrices.complex_helpers import H, complex_matrices
from tests.matrices.eigen_helpers import (
    EPS,
    INF,
    NAN,
    RECT,
    fro,
    max_abs,
    orthogonality_error,
    square_int_matrices,
)
from tests.matrices.helpers import LEARNER
from tests.strategies import floats


@st.composite
def rectangular_float_matrices(draw: st.DrawFn, max_size: int = 6) -> Matrix:
    m, n = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    return Matrix([[draw(floats()) for _ in range(n)] for _ in range(m)])


# ---------------------------------------------------------------------------------------
# The SVD.
# ---------------------------------------------------------------------------------------


@given(rectangular_float_matrices())
def test_svd_theorem_a_equals_u_sigma_v_transpose(A: Matrix) -> None:
    """A = UΣVᵀ with UᵀU = VᵀV = I and σ₁ ≥ … ≥ σₖ ≥ 0."""
    m, n = A.shape
    U, sigma, V = svd(A)
    k = min(m, n)
    assert U.shape == (m, k) and V.shape == (n, k) and len(sigma) == k
    assert sigma == sorted(sigma, reverse=True) and sigma[-1] >= 0
    assert orthogonality_error(U) <= 8 * max(m, n) * EPS
    assert orthogonality_error(V) <= 8 * max(m, n) * EPS
    assert max_abs(U @ Matrix.diagonal(sigma) @ V.T - A) <= 8 * max(m, n) * EPS * fro(A)


@settings(max_examples=30)
@given(rectangular_float_matrices())
def test_full_svd_completes_orthonormal_bases(A: Matrix) -> None:
    m, n = A.shape
    U, sigma, V = svd(A, full_matrices=True)
    k = min(m, n)
    assert U.shape == (m, m) and V.shape == (n, n)
    assert orthogonality_error(U) <= 8 * max(m, n) * EPS
    assert orthogonality_error(V) <= 8 * max(m, n) * EPS
    Uk = Matrix([row[:k] for row in U.rows])
    Vk = Matrix([row[:k] for row in V.rows])
    assert max_abs(Uk @ Matrix.diagonal(sigma) @ Vk.T - A) <= 8 * max(m, n) * EPS * fro(A)


@given(square_int_matrices(bound=20) | st.builds(lambda A: A.T @ A, square_int_matrices()))
def test_singular_values_squared_are_the_eigenvalues_of_a_transpose_a(A: Matrix) -> None:
    """σᵢ² = λᵢ(AᵀA); AᵀA is formed exactly (integers), so eigh is a fair oracle."""
    sigma = singular_values(A)
    gram, _ = eigh(A.T @ A)
    scale = fro(A) ** 2
    for s, lam in zip(sigma, reversed(gram), strict=True):
        assert abs(s * s - lam) <= 32 * A.shape[0] * EPS * scale


@settings(max_examples=40)
@given(rectangular_float_matrices(), st.data())
def test_spectral_norm_is_the_largest_singular_value(A: Matrix, data: st.DataObject) -> None:
    """‖A‖₂ = max‖Ax‖/‖x‖ = σ₁, attained at x = v₁."""
    _, sigma, V = svd(A)
    assert matrix_norm(A, 2) == sigma[0]
    assert abs(abs(A @ V.columns[0]) - sigma[0]) <= 8 * max(A.shape) * EPS * fro(A)
    x = Vector([data.draw(floats()) for _ in range(A.shape[1])])
    assume(abs(x) > 0)
    assert abs(A @ x) <= sigma[0] * abs(x) * (1 + 8 * max(A.shape) * EPS)
    assert matrix_norm(A, "nuc") == pytest.approx(math.fsum(sigma), rel=1e-15)


@settings(max_examples=40)
@given(rectangular_float_matrices(), st.data())
def test_eckart_young_truncation_error_is_the_next_singular_value(
    A: Matrix, data: st.DataObject
) -> None:
    """‖A − Aₖ‖₂ = σₖ₊₁ and ‖A − Aₖ‖_F = √(σₖ₊₁² + ⋯)."""
    sigma = singular_values(A)
    k = data.draw(st.integers(1, len(sigma)))
    error = A - low_rank_approximation(A, k)
    tol = 16 * max(A.shape) * EPS * fro(A)
    next_sigma = sigma[k] if k < len(sigma) else 0.0
    assert abs(singular_values(error)[0] - next_sigma) <= tol
    assert abs(fro(error) - math.hypot(*sigma[k:])) <= tol


@settings(max_examples=30)
@given(rectangular_float_matrices())
def test_pseudo_inverse_penrose_conditions(A: Matrix) -> None:
    """X = A⁺ satisfies AXA = A, XAX = X, and AX, XA symmetric — for full-rank A; our
    strategy may draw rank-deficient ones, where the cutoff decides, so require a margin."""
    sigma = singular_values(A)
    assume(sigma[-1] > 1e-6 * sigma[0])
    X = pinv(A)
    kappa = sigma[0] / sigma[-1]
    tol = 64 * max(A.shape) * EPS * kappa
    assert max_abs(A @ X @ A - A) <= tol * fro(A)
    assert max_abs(X @ A @ X - X) <= tol * fro(X)
    assert (A @ X).is_symmetric(tol=tol) and (X @ A).is_symmetric(tol=tol)


def test_pinv_of_rank_deficient_and_zero_matrices() -> None:
    assert pinv(Matrix([[1, 2], [2, 4]])).isclose(Matrix([[1, 2], [2, 4]]) / 25)
    assert pinv(Matrix.zeros(2, 3)) == Matrix.zeros(3, 2) * 1.0


def test_cond_of_known_matrices() -> None:
    assert cond(Matrix.identity(3)) == 1.0
    assert cond(Matrix([[1, 2], [2, 4]])) == math.inf  # exact rank 1
    assert cond(Matrix.zeros(2, 2)) == math.inf
    hilbert = Matrix.from_function(6, 6, lambda i, j: Fraction(1, i + j + 1))
    assert cond(hilbert) == pytest.approx(1.495105864e7, rel=1e-8)


def test_singular_values_of_exact_rank_deficient_matrix_are_exactly_zero() -> None:
    sigma = singular_values(Matrix([[1, 2, 3], [2, 4, 6], [1, 1, 1]]))
    assert sigma[2] == 0.0 and sigma[1] > 0.1
    U, sigma, _ = svd(Matrix([[1, 2], [2, 4]]))
    assert sigma[1] == 0.0 and orthogonality_error(U) <= 1e-15


def test_singular_values_of_complex_and_tiny_and_huge_matrices() -> None:
    assert singular_values(Matrix([[3j, 0], [0, 4]])) == pytest.approx([4, 3], rel=1e-15)
    assert singular_values(Matrix([[1e150, 0], [0, 1e-150]])) == [1e150, 1e-150]
    assert singular_values(Matrix([[1e200, 1e200], [1e200, -1e200]])) == pytest.approx(
        [2**0.5 * 1e200] * 2, rel=1e-15
    )
    assert singular_values(Matrix([[3e-200, 4e-200]])) == pytest.approx([5e-200], rel=1e-15)


def test_hilbert_singular_values_are_normwise_accurate() -> None:
    """H₈ (rounded to floats) has σ₈ = 1.11153896948881e-10 (mpmath, 50 digits, on the same
    float entries); a backward-stable SVD gets each σᵢ to within a few ε·σ₁."""
    hilbert = Matrix.from_function(8, 8, lambda i, j: 1.0 / (i + j + 1))
    sigma = singular_values(hilbert)
    assert sigma[0] == pytest.approx(1.69593899692, rel=1e-11)
    assert abs(sigma[-1] - 1.11153896948881e-10) <= 8 * EPS * sigma[0]


def test_one_sided_jacobi_has_relative_accuracy_on_graded_matrices() -> None:
    """A = B·diag(1, 10⁻¹²) with B = [[1, ½], [½, 1]] well-conditioned: σ₂ = |det A|/σ₁ =
    0.75·10⁻¹²/√1.25 (to 1e-24). One-sided Jacobi gets it to full relative accuracy, where a
    bound of ε‖A‖ would allow a relative error of 4·10⁻⁴."""
    sigma = singular_values(Matrix([[1, 0.5e-12], [0.5, 1e-12]]))
    assert sigma[1] == pytest.approx(0.75e-12 / math.sqrt(1.25), rel=4 * EPS)


# ---------------------------------------------------------------------------------------
# PCA.
# ---------------------------------------------------------------------------------------


@st.composite
def data_sets(draw: st.DrawFn) -> list[list[float]]:
    samples, features = draw(st.integers(2, 8)), draw(st.integers(1, 4))
    return [[draw(floats()) for _ in range(features)] for _ in range(samples)]


@settings(max_examples=40)
@given(data_sets(), st.data())
def test_pca_first_component_maximizes_projected_variance(
    data: list[list[float]], draws: st.DataObject
) -> None:
    """w₁ maximizes Var(Xw) over unit w; the maximum is explained_variance[0]."""
    total = sum(sum((x - sum(col) / len(col)) ** 2 for x in col) for col in zip(*data, strict=True))
    assume(total > 0)
    result = pca(data, 1)
    w1 = result.components[0]

    def variance(w: Vector) -> float:
        projections = [x @ w for x in Matrix(data).rows]
        mean = sum(projections) / len(projections)
        return sum((p - mean) ** 2 for p in projections) / (len(projections) - 1)

    best = variance(w1)
    tol = 64 * len(data) * EPS * total
    assert abs(best - result.explained_variance[0]) <= tol
    w = Vector([draws.draw(floats()) for _ in range(len(data[0]))])
    assume(abs(w) > 0)
    assert variance(w / abs(w)) <= best + tol


@settings(max_examples=40)
@given(data_sets())
def test_pca_components_are_orthonormal_and_variances_sum_to_total(
    data: list[list[float]],
) -> None:
    features = len(data[0])
    k = min(len(data), features)
    total = sum(sum((x - sum(col) / len(col)) ** 2 for x in col) for col in zip(*data, strict=True))
    assume(total > 0)
    result = pca(data, k)
    assert isinstance(result, PCAResult)
    gram = Matrix.from_rows(result.components) @ Matrix.from_columns(result.components)
    assert max_abs(gram - Matrix.identity(k)) <= 16 * features * EPS
    variance = total / (len(data) - 1)
    assert abs(sum(result.explained_variance) - variance) <= 64 * len(data) * EPS * variance
    assert sum(result.explained_variance_ratio) == pytest.approx(1, abs=1e-12)
    assert result.explained_variance == sorted(result.explained_variance, reverse=True)
    for w in result.components:
        biggest = max(w, key=abs)
        assert biggest > 0 or abs(-biggest - max(map(abs, w))) <= 1e-12


def test_pca_on_a_synthetic_data_set() -> None:
    """Points on the line y = 2x plus a small perpendicular wiggle: the first component is
    the line's direction (1, 2)/√5 and explains almost all the variance."""
    wiggle = [1, -1, 1, -1, 1, -1, 1]
    data = [
        Vector([t, 2 * t]) + s * Vector([-2, 1]) / 10
        for t, s in zip(range(-3, 4), wiggle, strict=True)
    ]
    result = pca(data, 2)
    assert result.components[0].isclose(Vector([1, 2]) / math.sqrt(5), rel_tol=1e-12)
    assert result.explained_variance_ratio[0] > 0.99
    assert result.mean.isclose(Vector([-2, 1]) / 70)  # Σt = 0, Σ wiggle = 1
    coords = result.transform(data)
    assert coords.shape == (7, 2)
    # sample 3 is (0.2, −0.1): on the line's normal, so no first coordinate
    assert coords[3, 0] == pytest.approx(0, abs=1e-12)
    assert abs(coords[3, 1]) == pytest.approx((0.5 + 1 / 14) / math.sqrt(5), rel=1e-12)


ANY_SHAPE = [
    lambda A: svd(A),
    lambda A: singular_values(A),
    lambda A: pinv(A),
    lambda A: cond(A),
    lambda A: low_rank_approximation(A, 1),
]


@pytest.mark.parametrize("f", ANY_SHAPE)
def test_svd_functions_reject_bad_input(f: Any) -> None:
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(NAN)
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(INF)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        f([[1, 0], [0, 1]])


def test_low_rank_approximation_rejects_bad_k() -> None:
    with pytest.raises(DomainError, match=r"k must satisfy 1 ≤ k ≤ min\(m, n\) = 2 .* got 3"):
        low_rank_approximation(RECT, 3)
    with pytest.raises(DomainError, match="got 0"):
        low_rank_approximation(RECT, 0)
    with pytest.raises(TypeError, match="k must be an int, not bool"):
        low_rank_approximation(RECT, True)


def test_pca_rejects_bad_input() -> None:
    with pytest.raises(DomainError, match=r"pca needs at least 2 samples .* got 1"):
        pca([[1, 2]], 1)
    with pytest.raises(DomainError, match=r"k must satisfy 1 ≤ k ≤ min\(samples, features\)"):
        pca([[1, 2], [3, 4], [5, 7]], 3)
    with pytest.raises(DomainError, match="all samples are equal"):
        pca([[1, 2], [1, 2]], 1)
    with pytest.raises(DimensionError, match="a matrix needs at least one row"):
        pca([], 1)
    with pytest.raises(DimensionError, match="ragged rows"):
        pca([[1, 2], [3]], 1)
    with pytest.raises(TypeError, match="data must be a Matrix or a list of rows, not int"):
        pca(5, 1)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        pca([[1.0, 2.0], [math.inf, 0.0]], 1)
    result = pca([[1, 2], [3, 4], [5, 7]], 1)
    with pytest.raises(
        DimensionError, match="the samples have 3 features but the PCA was fitted on 2"
    ):
        result.transform([[1, 2, 3]])


def test_cond_in_each_norm_learner_cases() -> None:
    A = Matrix([[1, 2], [3, 4]])  # A⁻¹ = [[−2, 1], [3/2, −1/2]]
    assert cond(A, 1) == 7 * 3  # ‖A‖₁ = 6 + … : column sums 4, 6 → 6; of A⁻¹ 7/2 → 6·7/2
    assert cond(A, math.inf) == 7 * 3
    assert math.isclose(cond(A, "fro"), math.sqrt(30) * math.sqrt(7.5), rel_tol=1e-15)
    assert math.isclose(cond(A), cond(A, 2), rel_tol=0) and math.isclose(cond(A), 14.933034373659)
    assert cond(Matrix([[1, 2], [2, 4]]), 1) == math.inf
    assert cond(Matrix([[1.0, 2.0], [2.0, 4.0]]), "fro") == math.inf


def test_cond_is_scale_invariant_even_at_the_edge_of_the_range() -> None:
    for p in (1, math.inf, "fro", 2):
        assert math.isclose(cond(LEARNER, p), cond(Matrix([[1.0, 1.0], [1.0, -1.0]]), p))
    A = Matrix([[1.0, 2.0], [3.0, 4.0]])
    for k in (-1000, -996, 996, 1000):
        assert cond(A * 2.0**k, 1) == cond(A, 1)  # exactly: a power of two adds no rounding


def test_cond_bad_input() -> None:
    with pytest.raises(DomainError, match="unknown norm p = 3"):
        cond(Matrix([[1, 2], [3, 4]]), 3)
    with pytest.raises(DomainError, match="unknown norm p = True"):
        cond(Matrix([[1, 2], [3, 4]]), True)
    with pytest.raises(DimensionError, match="needs a square matrix, got 1×2"):
        cond(Matrix([[1, 2]]), 1)
    assert cond(Matrix([[3, 4]])) == 1.0  # κ₂ of a non-square matrix: σ₁/σₖ


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


def _hadamard(n: int) -> list[list[int]]:
    """Sylvester's n×n Hadamard matrix (n a power of 2): ±1 entries, orthogonal columns."""
    h = [[1]]
    while len(h) < n:
        h = [row + row for row in h] + [row + [-x for x in row] for row in h]
    return h


def test_pca_mean_is_the_sample_mean_despite_cancellation() -> None:
    # Column 0 sums to 2⁵³ + 1 − 2⁵³ + 1 = 2 exactly, so its mean is exactly ½; summing in
    # order in floats loses the first 1 (2⁵³ + 1 rounds to 2⁵³) and gives ¼.
    big = 2.0**53
    data = [[big, 1.0], [1.0, 2.0], [-big, 3.0], [1.0, 5.0]]
    result = pca(data, 1)
    assert list(result.mean) == [0.5, 2.75]


def test_explained_variance_ratios_sum_to_one() -> None:
    # Σ σᵢ² / Σ σⱼ² = 1. The data: 32 samples of 21 features, the columns 1..21 of a 32×32
    # Hadamard matrix (orthogonal, mean 0), the first of size 1 and twenty of size 2⁻²⁷:
    # each small σᵢ² is 2⁻⁵⁴ of the large one, below half its ulp, so a running sum of the
    # σ² drops all twenty (1 + 20·2⁻⁵⁴ ≈ 1 + 5ε). With the total summed exactly (rounded
    # once) each ratio is within 2 roundings: Σ ratios within about 2ε of 1.
    h = _hadamard(32)
    k = 21
    data = [[float(row[1])] + [math.ldexp(row[j], -27) for j in range(2, k + 1)] for row in h]
    ratios = pca(data, k).explained_variance_ratio
    assert len(ratios) == k
    assert abs(math.fsum(ratios) - 1) <= 2 * EPS


# ---------------------------------------------------------------------------------------
# Complex matrices: A = UΣVᴴ, and the pseudo-inverse (issue 21).
# ---------------------------------------------------------------------------------------


@given(complex_matrices())
def test_svd_unitary_factors(A: Matrix) -> None:
    # UᴴU = VᴴV = I (k×k), thin and full. One-sided Jacobi: V is a product of plane
    # rotations and phases, unitary to ≈ k·ε; U = AV/σ inherits the columns' orthogonality,
    # which Jacobi drives to m·ε·(their norms). Measured ≈ 3nε; 16·max(m, n)·ε is the bound.
    U, sigma, V = svd(A)
    m, n = A.shape
    k = min(m, n)
    bound = 16 * max(m, n) * EPS
    assert fro(H(V) @ V - Matrix.identity(k)) <= bound
    if sigma[-1] > 1e-6 * sigma[0]:  # completed columns are orthonormal too, but U = AV/σ
        assert fro(H(U) @ U - Matrix.identity(k)) <= bound  # needs σ well away from 0
    U, _, V = svd(A, full_matrices=True)
    assert fro(H(V) @ V - Matrix.identity(n)) <= bound
    assert fro(H(U) @ U - Matrix.identity(m)) <= bound or sigma[-1] <= 1e-6 * sigma[0]


@given(complex_matrices())
def test_svd_reconstructs(A: Matrix) -> None:
    # A = UΣVᴴ to backward error c·max(m, n)·ε·‖A‖, σ real, descending, ≥ 0.
    U, sigma, V = svd(A)
    m, n = A.shape
    assert all(type(s) is float for s in sigma)
    assert sigma == sorted(sigma, reverse=True) and sigma[-1] >= 0
    assert fro(U @ Matrix.diagonal(sigma) @ H(V) - A) <= 16 * max(m, n) * EPS * fro(A)
    # σ₁ = ‖A‖₂ ≥ every column's norm, and Σσᵢ² = ‖A‖_F²: exact identities of the SVD.
    assert math.fsum(s * s for s in sigma) == pytest.approx(fro(A) ** 2, rel=16 * n * EPS)


@given(complex_matrices())
def test_pinv_moore_penrose_conditions(A: Matrix) -> None:
    # The four Penrose equations. Drawn matrices are nearly always of full rank; the relative
    # residuals are then ≈ κ(A)·ε, so the test keeps to κ ≤ 10⁶ and allows 16·max(m, n)·κ·ε.
    sigma = singular_values(A)
    assume(sigma[-1] > 1e-6 * sigma[0])
    X = pinv(A)
    m, n = A.shape
    kappa = sigma[0] / sigma[-1]
    tol = 16 * max(m, n) * kappa * EPS
    AX, XA = A @ X, X @ A
    assert fro(AX @ A - A) <= tol * fro(A)
    assert fro(XA @ X - X) <= tol * fro(X)
    assert fro(H(AX) - AX) <= tol * fro(AX)
    assert fro(H(XA) - XA) <= tol * fro(XA)


def test_pinv_of_a_rank_deficient_complex_matrix() -> None:
    # A = u·vᴴ with u = (1, i), v = (1, 1): rank 1, A⁺ = v·uᴴ/(‖u‖²‖v‖²) = v·uᴴ/4.
    A = Matrix([[1, 1], [1j, 1j]])
    expected = Matrix([[1, -1j], [1, -1j]]) / 4
    assert pinv(A).isclose(expected, abs_tol=8 * EPS)
    assert singular_values(A) == pytest.approx([2.0, 0.0], abs=8 * EPS)


def test_svd_of_textbook_complex_matrices() -> None:
    # diag(2i, −1): σ = 2, 1, V = I (largest entries positive), U carries the phases.
    U, sigma, V = svd(Matrix([[2j, 0], [0, -1]]))
    assert sigma == [2.0, 1.0]
    identity, phases = Matrix.identity(2), Matrix([[1j, 0], [0, -1]])
    assert (phases, identity) == (U, V)
    # A wide matrix, [1, i]: σ = √2, U = [1], V = (1, −i)/√2 (Aᴴ's column (1, −i) normalised).
    U, sigma, V = svd(Matrix([[1, 1j]]))
    assert sigma == pytest.approx([math.sqrt(2)], rel=2 * EPS)
    assert V.isclose(Matrix([[1], [-1j]]) / math.sqrt(2), abs_tol=4 * EPS)
    assert U.isclose(Matrix([[1]]), abs_tol=4 * EPS)


def test_svd_of_real_input_is_unchanged() -> None:
    # A complex matrix whose entries are all real is the real matrix: the same real factors.
    A = Matrix([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0]])
    assert svd(A * (1 + 0j)) == svd(A)
    assert pinv(A * (1 + 0j)) == pinv(A)


def test_low_rank_approximation_of_a_complex_matrix() -> None:
    # Eckart–Young: ‖A − A₁‖₂ = σ₂; for diag(3i, 1) the best rank-1 matrix is diag(3i, 0).
    A1 = low_rank_approximation(Matrix([[3j, 0], [0, 1]]), 1)
    assert A1.isclose(Matrix([[3j, 0], [0, 0]]), abs_tol=8 * EPS)


def test_svd_and_pinv_refuse_non_finite_complex_matrices() -> None:
    bad = Matrix([[1j, complex(math.inf, 0)]])
    for f in (svd, pinv, singular_values):
        with pytest.raises(DomainError, match="NaN or infinite entries"):
            f(bad)
