"""Tests of scratchmath.matrices.symmetric.

Theorems and properties checked:

- A = QΛQᵀ with Q orthogonal and Λ real, ascending.
- symmetric matrix has real eigenvalues and orthogonal eigenvectors
- eigh matches sturm bisection on tridiagonal matrices
- wilkinson w21 plus close pairs
- A = I + 𝟙𝟙ᵀ (4×4) has eigenvalue 5 once and 1 three times.
- eigh accepts exact and nearly symmetric input
- eigh keeps relative accuracy of tiny eigenvalues
- eigh rejects non symmetric matrices
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.matrices import (
    Matrix,
    eigh,
    eigvals,
)
from tests.known_matrices import wilkinson_plus
from tests.matrices.eigen_helpers import (
    EPS,
    fro,
    max_abs,
    orthogonality_error,
    symmetric_float_matrices,
)


def sturm_count(diagonal: list[float], off: list[float], x: float) -> int:
    """The number of eigenvalues < x of a symmetric tridiagonal matrix (Sylvester's law of
    inertia on the LDLᵀ factorization of T − xI, as in Kahan's bisection): an oracle that
    shares nothing with the Jacobi method."""
    count, d = 0, 1.0
    for i, a in enumerate(diagonal):
        d = a - x - (off[i - 1] ** 2 / d if i > 0 else 0.0)
        if d == 0:
            d = -EPS * (abs(a) + abs(x) + 1)
        if d < 0:
            count += 1
    return count


def bisection_eigenvalues(diagonal: list[float], off: list[float]) -> list[float]:
    n = len(diagonal)
    bound = max(abs(a) + 2 * max(map(abs, off), default=0.0) for a in diagonal) + 1
    values = []
    for k in range(n):  # the (k+1)-th smallest eigenvalue
        lo, hi = -bound, bound
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if mid in (lo, hi):
                break
            if sturm_count(diagonal, off, mid) > k:
                hi = mid
            else:
                lo = mid
        values.append(0.5 * (lo + hi))
    return values


# ---------------------------------------------------------------------------------------
# The symmetric eigenproblem.
# ---------------------------------------------------------------------------------------


@given(symmetric_float_matrices())
def test_spectral_theorem_a_equals_q_lambda_q_transpose(A: Matrix) -> None:
    """A = QΛQᵀ with Q orthogonal and Λ real, ascending."""
    values, Q = eigh(A)
    n = A.shape[0]
    assert all(isinstance(x, float) for x in values) and values == sorted(values)
    assert orthogonality_error(Q) <= 8 * n * EPS
    reconstruction = Q @ Matrix.diagonal(values) @ Q.T
    assert max_abs(reconstruction - A) <= 16 * n * EPS * fro(A)


@settings(max_examples=50)
@given(symmetric_float_matrices())
def test_symmetric_matrix_has_real_eigenvalues_and_orthogonal_eigenvectors(A: Matrix) -> None:
    """The general algorithm, given a symmetric A, finds (up to rounding) real eigenvalues —
    the same ones as eigh (a symmetric perturbation E moves them by at most ‖E‖₂)."""
    n = A.shape[0]
    general = eigvals(A)
    assert all(abs(z.imag) <= 64 * n * EPS * fro(A) for z in general if isinstance(z, complex))
    symmetric, Q = eigh(A)
    for got, want in zip(sorted(z.real for z in general), symmetric, strict=True):
        assert abs(got - want) <= 64 * n * EPS * fro(A)
    columns = Q.columns
    for i in range(n):
        for j in range(i + 1, n):
            assert abs(columns[i] @ columns[j]) <= 8 * n * EPS


@settings(max_examples=30)
@given(st.integers(2, 12), st.integers(0, 2**32).map(random.Random))
def test_eigh_matches_sturm_bisection_on_tridiagonal_matrices(n: int, rng: random.Random) -> None:
    diagonal = [rng.uniform(-5, 5) for _ in range(n)]
    off = [rng.uniform(-2, 2) for _ in range(n - 1)]
    T = Matrix.from_function(
        n,
        n,
        lambda i, j: diagonal[i] if i == j else (off[min(i, j)] if abs(i - j) == 1 else 0.0),
    )
    values, _ = eigh(T)
    for got, want in zip(values, bisection_eigenvalues(diagonal, off), strict=True):
        assert abs(got - want) <= 32 * n * EPS * fro(T)


def test_wilkinson_w21_plus_close_pairs() -> None:
    W = wilkinson_plus(21)
    values, Q = eigh(W)
    diagonal = [float(abs(10 - i)) for i in range(21)]
    oracle = bisection_eigenvalues(diagonal, [1.0] * 20)
    for got, want in zip(values, oracle, strict=True):
        assert abs(got - want) <= 1e-13 * fro(W)
    # the two largest agree to ~14 digits, yet their eigenvectors are orthogonal
    assert values[-1] == pytest.approx(10.746194182903393, abs=1e-12)
    assert 0 < values[-1] - values[-2] < 1e-12
    assert orthogonality_error(Q) <= 1e-14
    assert max_abs(W @ Q - Q @ Matrix.diagonal(values)) <= 1e-13 * fro(W)
    assert sum(values) == pytest.approx(110, abs=1e-12)


def test_repeated_eigenvalues_get_an_orthonormal_basis() -> None:
    """A = I + 𝟙𝟙ᵀ (4×4) has eigenvalue 5 once and 1 three times."""
    A = Matrix.from_function(4, 4, lambda i, j: 2 if i == j else 1)
    values, Q = eigh(A)
    assert values == pytest.approx([1, 1, 1, 5], abs=1e-14)
    assert orthogonality_error(Q) <= 1e-15 * 8
    assert eigh(Matrix.identity(3)) == ([1.0, 1.0, 1.0], Matrix.identity(3) * 1.0)


def test_eigh_accepts_exact_and_nearly_symmetric_input() -> None:
    values, _ = eigh(Matrix([[Fraction(1, 2), 1], [1, Fraction(1, 2)]]))
    assert values == pytest.approx([-0.5, 1.5], abs=1e-15)
    eigh(Matrix([[1.0, 2.0], [2.0 + 1e-14, 3.0]]))  # rounding-level asymmetry is accepted


def test_eigh_keeps_relative_accuracy_of_tiny_eigenvalues() -> None:
    """A graded positive definite matrix: Jacobi gets the tiny eigenvalue to full relative
    accuracy, where ε‖A‖-accurate methods would only get it to ±1e-16·1e20."""
    A = Matrix([[1e20, 1e9], [1e9, 1.0]])  # eigenvalues ≈ 1e20 and 1 − 1e-2 = 0.99
    values, _ = eigh(A)
    assert values[0] == pytest.approx(0.99, rel=1e-14)


def test_eigh_rejects_non_symmetric_matrices() -> None:
    with pytest.raises(DomainError, match=r"eigh needs a symmetric matrix: a\[0, 1\] = 2"):
        eigh(Matrix([[1, 2], [3, 4]]))
    with pytest.raises(DomainError, match="eigh needs a symmetric matrix"):
        eigh(Matrix([[1, Fraction(1, 10**30)], [0, 1]]))  # exact input: exactly symmetric
    with pytest.raises(DomainError, match="eigh needs a symmetric matrix"):
        eigh(Matrix([[1.0, 2.0], [2.0 + 1e-8, 3.0]]))
