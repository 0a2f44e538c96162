"""Tests of scratchmath.matrices.orthogonal.

Theorems and properties checked:

- QᵀQ = I, R upper triangular and QR = A, with Householder's error ~ n·ε.
- QR needs square roots: exact input gives float Q, R with QR ≈ A.
- A = BᵀB + I is symmetric positive definite, and L Lᵀ = A with L lower, lᵢᵢ > 0.
- −BᵀB is symmetric but never positive definite: cholesky says so.
- bad qr and cholesky
- Complex Hermitian positive definite A = BᴴB + I: LLᴴ = A with L lower, lᵢᵢ real > 0.
- cholesky of a textbook Hermitian matrix, exactly; non-Hermitian and indefinite refused.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    cholesky,
    matrix_norm,
    qr,
)
from tests.matrices.complex_helpers import H, fro, hermitian_positive_definite
from tests.matrices.helpers import (
    EPS,
    NON_SQUARE,
    float_matrices,
    frobenius_distance,
    rectangular_fraction_matrices,
    square_int_matrices,
)

# ---------------------------------------------------------------------------------------
# Orthogonal factorizations.
# ---------------------------------------------------------------------------------------


@settings(max_examples=40)
@given(float_matrices(7, 7), st.sampled_from(["reduced", "complete"]))
def test_qr_q_orthonormal_and_r_upper_triangular(A: Matrix, mode: str) -> None:
    """QᵀQ = I, R upper triangular and QR = A, with Householder's error ~ n·ε."""
    m, n = A.shape
    k = min(m, n)
    Q, R = qr(A, mode)
    cols = m if mode == "complete" else k
    assert Q.shape == (m, cols) and R.shape == (cols, n)
    assert (Q.T @ Q).isclose(Matrix.identity(cols), rel_tol=0, abs_tol=8 * m * EPS)
    assert all(R[i, j] == 0 for i in range(cols) for j in range(min(i, n)))
    assert frobenius_distance(Q @ R, A) <= 8 * m * EPS * matrix_norm(A) + 1e-300


@given(rectangular_fraction_matrices())
def test_qr_of_exact_input_is_float(A: Matrix) -> None:
    """QR needs square roots: exact input gives float Q, R with QR ≈ A."""
    Q, R = qr(A)
    assert all(type(x) is float for row in Q.rows for x in row)
    assert frobenius_distance(Q @ R, A) <= 32 * EPS * matrix_norm(A) + 1e-300


@given(square_int_matrices(max_n=5))
def test_cholesky_l_lt_equals_a(B: Matrix) -> None:
    """A = BᵀB + I is symmetric positive definite, and L Lᵀ = A with L lower, lᵢᵢ > 0."""
    n = B.shape[0]
    A = B.T @ B + Matrix.identity(n)
    L = cholesky(A)
    assert all(L[i, j] == 0 for i in range(n) for j in range(i + 1, n))
    assert all(L[i, i] > 0 for i in range(n))
    assert frobenius_distance(L @ L.T, A) <= 8 * n * EPS * matrix_norm(A)


@given(square_int_matrices(max_n=4))
def test_cholesky_refuses_what_is_not_positive_definite(B: Matrix) -> None:
    """−BᵀB is symmetric but never positive definite: cholesky says so."""
    with pytest.raises(DomainError, match="not symmetric positive definite"):
        cholesky(-(B.T @ B))


def test_bad_qr_and_cholesky() -> None:
    with pytest.raises(DomainError, match="mode must be 'reduced' or 'complete', got 'full'"):
        qr(Matrix([[1.0]]), "full")
    with pytest.raises(DimensionError, match="cholesky needs a square matrix, got 2×3"):
        cholesky(NON_SQUARE)
    with pytest.raises(DomainError, match="not symmetric positive definite: it is not symmetric"):
        cholesky(Matrix([[2, 1], [0, 2]]))
    with pytest.raises(DomainError, match=r"not symmetric positive definite.*column 1"):
        cholesky(Matrix([[1, 2], [2, 1]]))
    with pytest.raises(DomainError, match=r"not symmetric positive definite.*column 0"):
        cholesky(Matrix([[0]]))
    with pytest.raises(DomainError, match="NaN or infinite"):
        cholesky(Matrix([[math.inf]]))
    with pytest.raises(DomainError, match=r"not Hermitian positive definite.*a\[0\]\[0\] = 1j"):
        cholesky(Matrix([[1j]]))
    with pytest.raises(TypeError, match="A must be a Matrix, not int"):
        cholesky(1)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Cholesky of a complex Hermitian matrix: A = LLᴴ (issue 21).
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
