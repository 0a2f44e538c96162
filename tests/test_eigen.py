"""Tests of eigenvalues, eigenvectors, the SVD and PCA (matrices/eigen.py, symmetric.py, svd.py).

The property tests are named after the theorems they check. Floating-point tolerances are
those of backward stability: a result is exact for a matrix within a small multiple of
n·ε·‖A‖ of A, so residuals and invariants (trace, orthogonality) are held to c·n·ε·‖A‖
with a modest constant c; eigenvalues themselves are only compared where their condition
is known to be good (symmetric matrices, where a perturbation E moves them by ≤ ‖E‖₂).
"""

from __future__ import annotations

import cmath
import math
import random
import sys
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    PCAResult,
    cond,
    det,
    eig,
    eigh,
    eigvals,
    inverse_iteration,
    low_rank_approximation,
    matrix_norm,
    pca,
    pinv,
    power_iteration,
    rayleigh_quotient_iteration,
    singular_values,
    svd,
)
from scratchmath.matrices.eigen import characteristic_polynomial
from scratchmath.vectors import Vector
from tests.strategies import floats, fractions, ints

EPS = sys.float_info.epsilon

# ---------------------------------------------------------------------------------------
# Strategies and helpers.
# ---------------------------------------------------------------------------------------


@st.composite
def square_float_matrices(draw: st.DrawFn, max_n: int = 5) -> Matrix:
    """Square matrices of floats with |x| in [1e-3, 1e3] or 0 (tests/strategies.floats)."""
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(floats()) for _ in range(n)] for _ in range(n)])


@st.composite
def symmetric_float_matrices(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    n = draw(st.integers(1, max_n))
    upper = {(i, j): draw(floats()) for i in range(n) for j in range(i, n)}
    return Matrix([[upper[min(i, j), max(i, j)] for j in range(n)] for i in range(n)])


@st.composite
def rectangular_float_matrices(draw: st.DrawFn, max_size: int = 6) -> Matrix:
    m, n = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    return Matrix([[draw(floats()) for _ in range(n)] for _ in range(m)])


@st.composite
def square_int_matrices(draw: st.DrawFn, max_n: int = 5, bound: int = 9) -> Matrix:
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(ints(bound)) for _ in range(n)] for _ in range(n)])


@st.composite
def square_fraction_matrices(draw: st.DrawFn, max_n: int = 4) -> Matrix:
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(fractions(9, 4)) for _ in range(n)] for _ in range(n)])


def table(A: Matrix) -> list[list[Any]]:
    return [list(row) for row in A.rows]


def fro(A: Matrix) -> float:
    return matrix_norm(A, "fro")


def max_abs(A: Matrix) -> float:
    return max(abs(x) for row in A.rows for x in row)


def orthogonality_error(Q: Matrix) -> float:
    """max |QᴴQ − I| entrywise."""
    cols = Q.columns
    return max(
        abs(sum(a.conjugate() * b for a, b in zip(ci, cj, strict=True)) - (i == j))
        for i, ci in enumerate(cols)
        for j, cj in enumerate(cols)
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


ROSSER = Matrix(
    [
        [611, 196, -192, 407, -8, -52, -49, 29],
        [196, 899, 113, -192, -71, -43, -8, -44],
        [-192, 113, 899, 196, 61, 49, 8, 52],
        [407, -192, 196, 611, 8, 44, 59, -23],
        [-8, -71, 61, 8, 411, -599, 208, 208],
        [-52, -43, 49, 44, -599, 411, 208, 208],
        [-49, -8, 8, 59, 208, 208, 99, -911],
        [29, -44, 52, -23, 208, 208, -911, 99],
    ]
)
# The exact eigenvalues (Rosser et al., 1951): a double one, a nearly equal pair, a zero,
# a tiny one and a close triple near 1020.
ROSSER_EIGENVALUES = sorted(
    [
        -10 * math.sqrt(10405),
        0.0,
        510 - 100 * math.sqrt(26),
        1000.0,
        1000.0,
        510 + 100 * math.sqrt(26),
        1020.0,
        10 * math.sqrt(10405),
    ]
)


def wilkinson_plus(n: int = 21) -> Matrix:
    """W⁺ₙ: diagonal |m − i| (m = (n−1)/2), ones beside it; its largest eigenvalues come in
    pairs that agree to about 14 digits."""
    m = (n - 1) // 2
    return Matrix.from_function(
        n, n, lambda i, j: abs(m - i) if i == j else (1 if abs(i - j) == 1 else 0)
    )


# ---------------------------------------------------------------------------------------
# Eigenvalues of general matrices.
# ---------------------------------------------------------------------------------------


@settings(max_examples=60)
@given(square_float_matrices())
def test_eigenpair_equation_av_equals_lambda_v(A: Matrix) -> None:
    """Every returned pair satisfies Av = λv (to ~nε‖A‖), with ‖v‖₂ = 1."""
    values, V = eig(A)
    n = A.shape[0]
    scale = fro(A)
    for j, lam in enumerate(values):
        v = V.columns[j]
        assert abs(abs(v) - 1) <= 4 * n * EPS
        residual = abs(A @ v - lam * v)
        assert residual <= 64 * n * EPS * scale


@given(square_float_matrices())
def test_sum_of_eigenvalues_is_the_trace(A: Matrix) -> None:
    """Σλᵢ = tr A; a backward error E moves the sum by tr E only, so this is well-conditioned."""
    values = eigvals(A)
    n = A.shape[0]
    total = sum(values)
    assert abs(total.imag if isinstance(total, complex) else 0.0) <= 64 * n * EPS * fro(A)
    assert abs(total.real - A.trace()) <= 64 * n * n * EPS * fro(A)


@given(square_int_matrices())
def test_product_of_eigenvalues_is_the_determinant(A: Matrix) -> None:
    """Πλᵢ = det A (exact for an integer matrix); ∂det/∂A is the adjugate, so a backward
    error of nε‖A‖ moves the product by at most about n²ε‖A‖ⁿ."""
    n = A.shape[0]
    product = math.prod(eigvals(A)) if n > 0 else 1
    bound = 64 * n * n * EPS * max(1.0, fro(A)) ** n
    assert abs(product - det(A)) <= bound


@given(square_float_matrices())
def test_conjugate_eigenvalues_come_in_pairs(A: Matrix) -> None:
    """A real matrix's characteristic polynomial is real, so non-real roots pair up."""
    values = eigvals(A)
    complex_ones = [z for z in values if isinstance(z, complex)]
    assert all(z.imag != 0 for z in complex_ones)
    assert sorted((z.real, z.imag) for z in complex_ones) == sorted(
        (z.real, -z.imag) for z in complex_ones
    )
    assert len(values) == A.shape[0]


@given(st.floats(-3.1, 3.1).filter(lambda t: abs(t) > 1e-3))
def test_rotation_eigenvalues_are_e_to_the_plus_minus_i_theta(theta: float) -> None:
    values = eigvals(Matrix.rotation(theta))
    expected = [cmath.exp(1j * abs(theta)), cmath.exp(-1j * abs(theta))]
    assert len(values) == 2
    for got, want in zip(values, expected, strict=True):
        assert abs(got - want) <= 8 * EPS


@settings(max_examples=30)
@given(square_fraction_matrices())
def test_cayley_hamilton(A: Matrix) -> None:
    """Every square matrix satisfies its own characteristic polynomial: p(A) = 0, exactly."""
    n = A.shape[0]
    coefficients = characteristic_polynomial(A)
    result = Matrix.zeros(n, n)
    for c in coefficients:  # Horner: ((A + c₁I)A + c₂I)A + …
        result = result @ A + c * Matrix.identity(n)
    assert result == Matrix.zeros(n, n)


@given(square_fraction_matrices())
def test_characteristic_polynomial_holds_trace_and_determinant(A: Matrix) -> None:
    """det(λI − A) = λⁿ − (tr A)λⁿ⁻¹ + ⋯ + (−1)ⁿ det A, exactly."""
    n = A.shape[0]
    coefficients = characteristic_polynomial(A)
    assert coefficients[0] == 1 and len(coefficients) == n + 1
    assert coefficients[1] == -A.trace()
    assert coefficients[n] == (-1) ** n * det(A)


@given(st.lists(ints(9), min_size=4, max_size=4))
def test_eigvals_agrees_with_the_quadratic_formula_for_2x2(entries: list[int]) -> None:
    """The fast algorithm against the definition: the roots of λ² − (a + d)λ + (ad − bc)."""
    a, b, c, d = entries
    values = eigvals(Matrix([[a, b], [c, d]]))
    disc = complex((a + d) ** 2 - 4 * (a * d - b * c))
    roots = [((a + d) + cmath.sqrt(disc)) / 2, ((a + d) - cmath.sqrt(disc)) / 2]
    scale = math.hypot(a, b, c, d)
    for z in values:
        # a double root is ill-conditioned: it moves by √(ε)·‖A‖, not ε‖A‖
        assert min(abs(z - r) for r in roots) <= 4 * math.sqrt(EPS * scale * scale) + 8 * EPS


def test_rosser_matrix_eigenvalues() -> None:
    for values in (eigh(ROSSER)[0], sorted(eigvals(ROSSER))):
        assert all(isinstance(x, float) for x in values)
        for got, want in zip(values, ROSSER_EIGENVALUES, strict=True):
            assert abs(got - want) <= 1e-12 * fro(ROSSER)


def test_frank_matrix_eigenvalues_come_in_reciprocal_pairs() -> None:
    """The Frank matrix Fₙ (fᵢⱼ = n + 1 − max(i, j) for j ≥ i − 1) has det 1 and eigenvalues
    in pairs λ, 1/λ (all real and positive); its small ones are notoriously ill-conditioned."""
    n = 8
    F = Matrix.from_function(n, n, lambda i, j: n - max(i, j) if j >= i - 1 else 0)
    assert det(F) == 1
    values = sorted(eigvals(F))
    assert all(isinstance(x, float) and x > 0 for x in values)
    assert abs(math.prod(values) - 1) <= 1e-9
    for small, large in zip(values, reversed(values), strict=True):
        assert abs(small * large - 1) <= 1e-7


def test_companion_matrix_eigenvalues_are_the_polynomial_roots() -> None:
    """(x − 1)(x − 2)(x + 3)(x² + 4) = x⁵ − 3x³ + 6x² − 28x + 24: its companion matrix."""
    coefficients = [0, -3, 6, -28, 24]  # of x⁴, x³, x², x, 1
    n = len(coefficients)
    C = Matrix.from_function(
        n, n, lambda i, j: -coefficients[j] if i == 0 else (1 if i == j + 1 else 0)
    )
    values = eigvals(C)
    roots = [2j, -2j, 1, 2, -3]
    for root in roots:
        assert min(abs(z - root) for z in values) <= 1e-12
    assert isinstance(values[0], float) and values[0] == pytest.approx(2, abs=1e-12)


def test_eigvals_of_triangular_matrix_is_its_diagonal() -> None:
    T = Matrix([[4, 7, -2, 1], [0, -1, 3, 5], [0, 0, 2.5, 8], [0, 0, 0, 9]])
    assert sorted(eigvals(T)) == [-1.0, 2.5, 4.0, 9.0]


def test_eig_of_identity_gives_an_orthonormal_eigenbasis() -> None:
    values, V = eig(Matrix.identity(4))
    assert values == [1.0] * 4
    assert orthogonality_error(V) <= 1e-14


def test_eig_of_a_defective_matrix() -> None:
    """[[1, 1], [0, 1]] has the eigenvalue 1 twice but only the eigenvector e₁."""
    values, V = eig(Matrix([[1, 1], [0, 1]]))
    assert values == [1.0, 1.0]
    for v in V.columns:
        assert abs(v[0]) == pytest.approx(1) and abs(v[1]) <= 1e-12


def test_eig_of_a_rotation_gives_conjugate_eigenvectors() -> None:
    values, V = eig(Matrix([[0, -1], [1, 0]]))
    assert values == [1j, -1j]
    v, w = V.columns
    assert w == Vector([c.conjugate() for c in v])
    assert v.isclose(Vector([1, -1j]) / math.sqrt(2), abs_tol=1e-15)


def test_eig_of_the_zero_matrix() -> None:
    values, V = eig(Matrix.zeros(2, 2))
    assert values == [0.0, 0.0]
    assert Matrix([[1.0, 0.0], [0.0, 1.0]]) == V


@settings(max_examples=25)
@given(st.integers(5, 12), st.integers(0, 2**32).map(random.Random))
def test_eig_on_larger_random_matrices(n: int, rng: random.Random) -> None:
    A = Matrix([[rng.gauss(0, 1) for _ in range(n)] for _ in range(n)])
    values, V = eig(A)
    for j, lam in enumerate(values):
        v = V.columns[j]
        assert abs(A @ v - lam * v) <= 16 * n * EPS * fro(A)
    assert abs(sum(values) - A.trace()) <= 16 * n * EPS * fro(A)


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


# ---------------------------------------------------------------------------------------
# The iterations.
# ---------------------------------------------------------------------------------------


@settings(max_examples=40)
@given(symmetric_float_matrices(max_n=5))
def test_power_iteration_finds_the_dominant_eigenpair(A: Matrix) -> None:
    values, _ = eigh(A)
    by_modulus = sorted(values, key=abs)
    assume(len(values) == 1 or abs(by_modulus[-1]) - abs(by_modulus[-2]) > 0.1 * fro(A))
    lam, v = power_iteration(A)
    assert abs(lam - by_modulus[-1]) <= 1e-11 * fro(A)
    assert abs(abs(v) - 1) <= 1e-15 * 8
    assert abs(A @ v - lam * v) <= 1e-12 * fro(A)


@settings(max_examples=40)
@given(symmetric_float_matrices(max_n=5), st.floats(-0.3, 0.3))
def test_inverse_iteration_finds_the_eigenvalue_nearest_the_shift(A: Matrix, t: float) -> None:
    values, _ = eigh(A)
    scale = fro(A)
    assume(scale > 0)
    k = len(values) // 2
    gaps = [abs(values[k] - x) for i, x in enumerate(values) if i != k]
    assume(not gaps or min(gaps) > 0.1 * scale)
    lam, v = inverse_iteration(A, values[k] + t * min(gaps, default=scale))
    assert abs(lam - values[k]) <= 1e-11 * scale
    assert abs(A @ v - lam * v) <= 1e-12 * scale


@settings(max_examples=40)
@given(symmetric_float_matrices(max_n=5))
def test_rayleigh_quotient_iteration_converges_to_an_eigenpair(A: Matrix) -> None:
    assume(fro(A) > 0)
    n = A.shape[0]
    lam, v = rayleigh_quotient_iteration(A, Vector([1.0 + 0.1 * i for i in range(n)]))
    values, _ = eigh(A)
    assert min(abs(lam - x) for x in values) <= 1e-11 * fro(A)
    assert abs(A @ v - lam * v) <= 1e-12 * fro(A)


def test_inverse_iteration_with_a_complex_shift_finds_a_complex_pair() -> None:
    R = Matrix.rotation(0.5)
    lam, v = inverse_iteration(R, 1j, tol=1e-15)
    assert abs(lam - cmath.exp(0.5j)) <= 1e-14
    assert abs(R @ v - lam * v) <= 1e-14


def test_power_iteration_on_an_exact_eigenvector_and_on_zero() -> None:
    assert power_iteration(Matrix([[2, 0], [0, 1]]), Vector([1, 0])) == (2.0, Vector([1.0, 0.0]))
    assert power_iteration(Matrix.zeros(2, 2))[0] == 0.0


def test_power_iteration_cannot_separate_plus_minus_lambda() -> None:
    with pytest.raises(ConvergenceError, match="did not converge in 100 iterations") as info:
        power_iteration(Matrix([[1, 0], [0, -1]]), Vector([1, 1]), max_iter=100)
    assert info.value.iterations == 100
    assert info.value.estimate == pytest.approx(0.0, abs=1e-15)
    assert info.value.error > 0.5


def test_qr_algorithm_reports_non_convergence(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the step budget cut to 1, a 3×3 block cannot deflate: ConvergenceError, not a hang."""
    import scratchmath.matrices.eigen as eigen_module

    monkeypatch.setattr(eigen_module, "_QR_STEPS_PER_EIGENVALUE", 1)
    cyclic = Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    with pytest.raises(ConvergenceError, match="the QR algorithm did not converge") as info:
        eigvals(cyclic)
    assert info.value.iterations >= 1


def test_rotation_defeats_real_iterations() -> None:
    with pytest.raises(ConvergenceError, match="rayleigh_quotient_iteration did not converge"):
        rayleigh_quotient_iteration(Matrix.rotation(1.0), Vector([1, 0]), max_iter=20)
    with pytest.raises(ConvergenceError, match="inverse_iteration did not converge"):
        inverse_iteration(Matrix.rotation(1.0), 0.3, max_iter=20)


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


# ---------------------------------------------------------------------------------------
# Bad inputs.
# ---------------------------------------------------------------------------------------

NAN = Matrix([[1.0, math.nan], [0.0, 1.0]])
INF = Matrix([[1.0, 0.0], [math.inf, 1.0]])
RECT = Matrix([[1, 2, 3], [4, 5, 6]])
SQUARE_ONLY = [
    ("eigvals", lambda A: eigvals(A)),
    ("eig", lambda A: eig(A)),
    ("eigh", lambda A: eigh(A)),
    ("power_iteration", lambda A: power_iteration(A)),
    ("inverse_iteration", lambda A: inverse_iteration(A, 1.0)),
    ("rayleigh_quotient_iteration", lambda A: rayleigh_quotient_iteration(A, Vector([1, 0]))),
    ("the characteristic polynomial", lambda A: characteristic_polynomial(A)),
]
ANY_SHAPE = [
    lambda A: svd(A),
    lambda A: singular_values(A),
    lambda A: pinv(A),
    lambda A: cond(A),
    lambda A: low_rank_approximation(A, 1),
]


@pytest.mark.parametrize(("name", "f"), SQUARE_ONLY)
def test_square_only_functions_reject_bad_input(name: str, f: Any) -> None:
    with pytest.raises(DimensionError, match=f"{name} needs a square matrix, got 2×3"):
        f(RECT)
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(NAN)
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(INF)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        f([[1, 0], [0, 1]])


@pytest.mark.parametrize("f", ANY_SHAPE)
def test_svd_functions_reject_bad_input(f: Any) -> None:
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(NAN)
    with pytest.raises(DomainError, match="NaN or infinite entries"):
        f(INF)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        f([[1, 0], [0, 1]])


def test_eigh_refuses_a_non_hermitian_complex_matrix() -> None:
    # Complex matrices are welcome everywhere (tests/test_complex_linalg.py); eigh needs A = Aᴴ.
    with pytest.raises(DomainError, match="eigh needs a Hermitian matrix"):
        eigh(Matrix([[1, 1j], [0, 1]]))


def test_eigh_rejects_non_symmetric_matrices() -> None:
    with pytest.raises(DomainError, match=r"eigh needs a symmetric matrix: a\[0, 1\] = 2"):
        eigh(Matrix([[1, 2], [3, 4]]))
    with pytest.raises(DomainError, match="eigh needs a symmetric matrix"):
        eigh(Matrix([[1, Fraction(1, 10**30)], [0, 1]]))  # exact input: exactly symmetric
    with pytest.raises(DomainError, match="eigh needs a symmetric matrix"):
        eigh(Matrix([[1.0, 2.0], [2.0 + 1e-8, 3.0]]))


def test_iterations_reject_bad_parameters() -> None:
    A = Matrix([[2, 1], [1, 2]])
    with pytest.raises(DomainError, match="max_iter must be at least 1, got 0"):
        power_iteration(A, max_iter=0)
    with pytest.raises(TypeError, match="max_iter must be an int, not float"):
        power_iteration(A, max_iter=10.0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="tol must be positive and finite, got -1"):
        power_iteration(A, tol=-1)
    with pytest.raises(DimensionError, match="x0 has dimension 3 but A is 2×2"):
        power_iteration(A, Vector([1, 2, 3]))
    with pytest.raises(DomainError, match="x0 must not be the zero vector"):
        rayleigh_quotient_iteration(A, Vector([0, 0]))
    with pytest.raises(DomainError, match="x0 has NaN or infinite components"):
        inverse_iteration(A, 1.0, x0=Vector([math.nan, 1.0]))
    with pytest.raises(TypeError, match="x0 must be a Vector, not list"):
        power_iteration(A, [1, 0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="shift must be a number, not str"):
        inverse_iteration(A, "1")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="shift must be finite, got nan"):
        inverse_iteration(A, math.nan)
    with pytest.raises(DomainError, match="power_iteration needs a real start vector"):
        power_iteration(A, Vector([1j, 0]))


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
