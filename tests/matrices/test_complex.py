"""Complex matrices in the factorizations: cholesky, eigh, svd, pinv, eig (issue 21).

The property tests are named after the theorems they check. Tolerances are those of
backward stability, n·ε·‖A‖ times a small constant that the comment beside each states:
Jacobi and Householder methods produce factors exact for a matrix within that distance of A,
and unitary factors unitary to c·n·ε. Each wrong implementation they are meant to catch — a
transpose where the conjugate transpose belongs, a phase applied to one side only, a lost
conjugate in a Gram–Schmidt step — misses by O(1), far outside these bounds.
"""

from __future__ import annotations

import math
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    cholesky,
    eig,
    eigh,
    eigvals,
    low_rank_approximation,
    matrix_norm,
    pinv,
    singular_values,
    svd,
)

EPS = sys.float_info.epsilon

# ---------------------------------------------------------------------------------------
# Strategies and helpers.
# ---------------------------------------------------------------------------------------

_PARTS = st.floats(-10.0, 10.0, allow_nan=False, allow_infinity=False)
_ENTRIES = st.builds(complex, _PARTS, _PARTS)


def H(A: Matrix) -> Matrix:
    """The conjugate transpose Aᴴ."""
    return Matrix([[z.conjugate() for z in column] for column in A.columns])


def fro(A: Matrix) -> float:
    return matrix_norm(A, "fro")


@st.composite
def complex_matrices(
    draw: st.DrawFn, max_m: int = 6, max_n: int = 6, *, square: bool = False
) -> Matrix:
    """m×n matrices with real and imaginary parts in [−10, 10], some imaginary part ≠ 0."""
    m = draw(st.integers(1, max_m))
    n = m if square else draw(st.integers(1, max_n))
    rows = [[draw(_ENTRIES) for _ in range(n)] for _ in range(m)]
    if all(z.imag == 0 for row in rows for z in row):
        rows[0][0] = complex(rows[0][0].real, 1.0)  # a truly complex matrix
    return Matrix(rows)


@st.composite
def hermitian_matrices(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    """(B + Bᴴ)/2 for a square complex B: Hermitian, exactly (entries conjugate to the bit)."""
    n = draw(st.integers(2, max_n))
    b = [[draw(_ENTRIES) for _ in range(n)] for _ in range(n)]
    rows = [[complex(b[i][i].real, 0.0) if i == j else 0j for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            rows[i][j] = complex(b[i][j].real, b[i][j].imag or 1.0)
            rows[j][i] = rows[i][j].conjugate()
    return Matrix(rows)


@st.composite
def hermitian_positive_definite(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    """BᴴB + I: Hermitian positive definite (eigenvalues ≥ 1), made exactly Hermitian."""
    B = draw(complex_matrices(max_m=max_n, max_n=max_n))
    G = H(B) @ B
    n = G.shape[0]
    rows = [
        [complex(G[i, i].real + 1.0, 0.0) if i == j else G[i, j] for j in range(n)]
        for i in range(n)
    ]
    for i in range(n):
        for j in range(i):
            rows[i][j] = rows[j][i].conjugate()
    return Matrix(rows)


# ---------------------------------------------------------------------------------------
# Cholesky: A = LLᴴ.
# ---------------------------------------------------------------------------------------


@given(hermitian_positive_definite())
def test_cholesky_reconstructs_hermitian(A: Matrix) -> None:
    # Backward error of Cholesky: |A − LLᴴ| ≤ γₙ₊₁|L||Lᴴ| entrywise, and ‖|L||Lᴴ|‖_F ≤
    # ‖L‖_F² = trace(A); complex arithmetic adds a small factor (4 here).
    L = cholesky(A)
    n = A.shape[0]
    assert all(L[i, j] == 0 for i in range(n) for j in range(i + 1, n))  # lower triangular
    assert all(L[i, i].imag == 0 and L[i, i].real > 0 for i in range(n))  # real positive
    trace = sum(A[i, i].real for i in range(n))
    assert fro(L @ H(L) - A) <= 4 * (n + 1) * EPS * trace


def test_cholesky_of_a_textbook_hermitian_matrix() -> None:
    # [[4, −2i], [2i, 5]] = LLᴴ with L = [[2, 0], [i, 2]]: every step exact in floats.
    assert cholesky(Matrix([[4, -2j], [2j, 5]])) == Matrix([[2, 0], [1j, 2]])
    # A real matrix stored as complex is factored as a complex one, with the same numbers.
    assert cholesky(Matrix([[4 + 0j, 2], [2, 5]])) == Matrix([[2, 0], [1, 2]])


def test_cholesky_rejects_non_hermitian_and_indefinite_matrices() -> None:
    with pytest.raises(DomainError, match=r"not Hermitian positive definite: it is not "):
        cholesky(Matrix([[2, 1j], [1j, 2]]))  # a₁₀ = a₀₁ rather than its conjugate
    with pytest.raises(DomainError, match=r"not Hermitian.*a\[1\]\[1\] = \(2\+1j\) is not real"):
        cholesky(Matrix([[2, 1j], [-1j, 2 + 1j]]))
    with pytest.raises(DomainError, match=r"not Hermitian positive definite: the pivot of "):
        cholesky(Matrix([[1, 2j], [-2j, 1]]))  # eigenvalues −1 and 3
    with pytest.raises(DimensionError, match="cholesky"):
        cholesky(Matrix([[1j, 2]]))


# ---------------------------------------------------------------------------------------
# The Hermitian eigenproblem: A = QΛQᴴ.
# ---------------------------------------------------------------------------------------


@given(hermitian_matrices())
def test_hermitian_eigenvalues_are_real(A: Matrix) -> None:
    # Real, ascending, and their sum is the (real) trace: Σλᵢ = Σaᵢᵢ up to rounding.
    values, _ = eigh(A)
    assert all(type(x) is float for x in values)
    assert values == sorted(values)
    n = A.shape[0]
    trace = math.fsum(A[i, i].real for i in range(n))
    assert abs(math.fsum(values) - trace) <= 8 * n * EPS * fro(A)


@given(hermitian_matrices())
def test_spectral_theorem_hermitian(A: Matrix) -> None:
    # QᴴQ = I and A = QΛQᴴ. A product of k plane rotations is unitary to about k·ε per
    # entry; Jacobi's measured figures are ≈ 4nε (orthogonality) and ≈ 2nε·‖A‖ (reconstruction)
    # in the Frobenius norm, so 16nε leaves room without letting an O(1) error through.
    values, Q = eigh(A)
    n = A.shape[0]
    assert fro(H(Q) @ Q - Matrix.identity(n)) <= 16 * n * EPS
    assert fro(Q @ Matrix.diagonal(values) @ H(Q) - A) <= 16 * n * EPS * fro(A)
    assert fro(A @ Q - Q @ Matrix.diagonal(values)) <= 16 * n * EPS * fro(A)


@given(hermitian_matrices())
def test_eigenvector_phase_convention(A: Matrix) -> None:
    # Each column's entry of largest modulus is real and positive (the first of near ties).
    _, Q = eigh(A)
    for column in Q.columns:
        largest = max(abs(z) for z in column)
        first = next(z for z in column if abs(z) >= largest * (1 - 1e-9))
        assert first.imag == 0 and first.real > 0


def test_eigh_of_the_textbook_hermitian_matrix() -> None:
    # [[2, i], [−i, 2]]: λ = 1 with (1, i)/√2 and λ = 3 with (1, −i)/√2.
    values, Q = eigh(Matrix([[2, 1j], [-1j, 2]]))
    assert values == pytest.approx([1.0, 3.0], abs=4 * EPS)
    expected = Matrix([[1, 1], [1j, -1j]]) / math.sqrt(2)
    assert Q.isclose(expected, abs_tol=4 * EPS)
    # The Pauli matrix σ_y = [[0, −i], [i, 0]]: eigenvalues ±1.
    values, Q = eigh(Matrix([[0, -1j], [1j, 0]]))
    assert values == pytest.approx([-1.0, 1.0], abs=4 * EPS)


def test_eigh_of_real_input_is_unchanged() -> None:
    # A complex matrix whose entries are all real takes the real path: a real Q.
    A = Matrix([[2.0, 1.0], [1.0, 2.0]])
    assert eigh(Matrix([[2 + 0j, 1], [1, 2]])) == eigh(A)
    assert all(type(x) is float for x in eigh(A)[1][0])


def test_eigh_of_a_block_diagonal_hermitian_matrix() -> None:
    # [[3]] ⊕ [[1, i], [−i, 1]]: eigenvalues 0, 2 (the block) and 3; e₁ stays an eigenvector.
    values, Q = eigh(Matrix([[3, 0, 0], [0, 1, 1j], [0, -1j, 1]]))
    assert values == pytest.approx([0.0, 2.0, 3.0], abs=8 * EPS)
    assert Q.columns[2] == Matrix.identity(3).columns[0]


def test_eigh_rejects_non_hermitian_matrices() -> None:
    with pytest.raises(
        DomainError,
        match=r"eigh needs a Hermitian matrix: a\[0, 1\] = 1j but a\[1, 0\] = 1j, not its conj",
    ):
        eigh(Matrix([[2, 1j], [1j, 2]]))
    with pytest.raises(DomainError, match=r"eigh needs a Hermitian matrix: a\[0, 0\] = 1j is"):
        eigh(Matrix([[1j, 1], [1, 2]]))
    with pytest.raises(DomainError, match="NaN or infinite"):
        eigh(Matrix([[1j, complex(math.nan, 0)], [1, 2]]))
    with pytest.raises(DimensionError, match="eigh"):
        eigh(Matrix([[1j, 2]]))


# ---------------------------------------------------------------------------------------
# The SVD: A = UΣVᴴ, and the pseudo-inverse.
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


# ---------------------------------------------------------------------------------------
# The general eigenproblem: AV = VΛ for any complex A.
# ---------------------------------------------------------------------------------------


@given(complex_matrices(square=True))
def test_eigenvalues_sum_to_the_trace(A: Matrix) -> None:
    # Σλᵢ = tr A. QR is backward stable: the λᵢ are exact for A + E, ‖E‖ ≈ c·n·ε·‖A‖, and
    # |tr E| ≤ √n‖E‖_F; 16n·ε·‖A‖_F covers it. A lost conjugate in a rotation misses by O(‖A‖).
    values = eigvals(A)
    n = A.shape[0]
    assert len(values) == n and all(type(z) is complex for z in values)
    trace = sum(A[i, i] for i in range(n))
    assert abs(sum(values) - trace) <= 16 * n * EPS * fro(A)


@given(complex_matrices(square=True))
def test_eigen_equation_complex(A: Matrix) -> None:
    # AV = VΛ with unit columns: inverse iteration stops at a residual ‖Avⱼ − λⱼvⱼ‖ ≤ 4nε‖A‖_F
    # (eig's own criterion, or it raises); the whole residual is then ≤ 4n^1.5·ε·‖A‖_F.
    values, V = eig(A)
    n = A.shape[0]
    assert values == eigvals(A)
    assert all(abs(math.hypot(*map(abs, v)) - 1) <= 4 * n * EPS for v in V.columns)
    assert fro(A @ V - V @ Matrix.diagonal(values)) <= 4 * n**1.5 * EPS * fro(A)


@given(hermitian_matrices())
def test_eigvals_of_a_hermitian_matrix_agree_with_eigh(A: Matrix) -> None:
    # Two different algorithms (complex QR, complex Jacobi) on a matrix whose eigenvalues are
    # perfectly conditioned (Weyl: |δλ| ≤ ‖E‖₂): they agree to c·n·ε·‖A‖_F.
    general = sorted(z.real for z in eigvals(A))
    hermitian, _ = eigh(A)
    n = A.shape[0]
    assert all(abs(z.imag) <= 16 * n * EPS * fro(A) for z in eigvals(A))
    assert all(abs(g - h) <= 16 * n * EPS * fro(A) for g, h in zip(general, hermitian, strict=True))


def test_eigvals_of_textbook_complex_matrices() -> None:
    # Triangular: the diagonal. A rotation by θ times i: i·e^{±iθ}.
    assert eigvals(Matrix([[1j, 5], [0, 2]])) == [2, 1j]
    theta = 0.3
    R = Matrix.rotation(theta) * 1j
    expected = [1j * complex(math.cos(theta), s * math.sin(theta)) for s in (1, -1)]
    got = sorted(eigvals(R), key=lambda z: z.real)
    assert got == pytest.approx(sorted(expected, key=lambda z: z.real), abs=8 * EPS)
    # A 3×3 cyclic shift times i: i times the cube roots of unity.
    values = eigvals(Matrix([[0, 1j, 0], [0, 0, 1j], [1j, 0, 0]]))
    assert all(abs(z**3 - (-1j)) <= 16 * EPS for z in values)


def test_eig_and_eigvals_of_real_input_are_unchanged() -> None:
    A = Matrix([[4.0, 1.0], [2.0, 3.0]])
    assert eigvals(A * (1 + 0j)) == eigvals(A) and eig(A * (1 + 0j)) == eig(A)


def test_eig_and_eigvals_refuse_bad_complex_input() -> None:
    for f in (eig, eigvals):
        with pytest.raises(DimensionError, match="needs a square matrix, got 1×2"):
            f(Matrix([[1j, 2]]))
        with pytest.raises(DomainError, match="NaN or infinite entries"):
            f(Matrix([[1j, 0], [complex(0, math.nan), 1]]))


# ---------------------------------------------------------------------------------------
# Near the ends of the float range: |z| of 1e308 + 1e308j overflows, its parts do not.
# ---------------------------------------------------------------------------------------


def test_factorizations_scale_complex_matrices_near_overflow() -> None:
    # A/4 is comfortably inside the range; A's results are 4 times A/4's (a power of two),
    # except where the true value itself (σ₁ ≈ 2.7e308) is beyond it and saturates to inf.
    A = Matrix([[1e308, 1e308 + 1e308j], [1e308 - 1e308j, 1.5e308]])
    quarter = A / 4
    assert eigh(A)[0] == [4 * eigh(quarter)[0][0], math.inf]
    assert singular_values(A) == [math.inf, 4 * singular_values(quarter)[1]]
    small, large = eigvals(quarter)[1], eigvals(A)[1]
    assert abs(large - 4 * small) <= 8 * EPS * abs(large)
    tiny = quarter * 2.0**-1000 * 2.0**-1000  # entries near 1e-295: squares would underflow
    expected = eigh(quarter)[0][1] * 2.0**-1000 * 2.0**-1000
    assert eigh(tiny)[0][1] == pytest.approx(expected, rel=8 * EPS)
    assert singular_values(tiny)[0] == pytest.approx(expected, rel=8 * EPS)


def test_eigh_of_a_real_matrix_near_overflow() -> None:
    # The symmetrizing average ½(aᵢⱼ + aⱼᵢ) overflowed at 1.5e308 and turned λ = 0 into −inf.
    assert eigh(Matrix([[1.5e308, 1.5e308], [1.5e308, 1.5e308]]))[0] == [0.0, math.inf]
