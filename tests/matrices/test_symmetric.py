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
- Hermitian matrices have real eigenvalues, summing to the trace (complex Jacobi).
- Spectral theorem, Hermitian: A = QΛQᴴ and QᴴQ = I to c·n·ε.
- The phase convention: each column's largest entry is real and positive.
- eigh of [[2, i], [−i, 2]] and of Pauli's σ_y; real input stored as complex stays real.
- eigh rejects non-Hermitian complex matrices; the ends of the float range (1e308 + 1e308j).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    eigh,
    eigvals,
    singular_values,
)
from tests.known_matrices import wilkinson_plus
from tests.matrices.complex_helpers import H, hermitian_matrices
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


# ---------------------------------------------------------------------------------------
# The Hermitian eigenproblem: A = QΛQᴴ (issue 21).
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
