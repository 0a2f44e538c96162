"""Tests of scratchmath.matrices.orthogonal.

Theorems and properties checked:

- QᵀQ = I, R upper triangular and QR = A, with Householder's error ~ n·ε.
- QR needs square roots: exact input gives float Q, R with QR ≈ A.
- A = BᵀB + I is symmetric positive definite, and L Lᵀ = A with L lower, lᵢᵢ > 0.
- −BᵀB is symmetric but never positive definite: cholesky says so.
- bad qr and cholesky
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
