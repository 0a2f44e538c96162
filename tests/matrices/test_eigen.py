"""Tests of scratchmath.matrices.eigen.

The property tests are named after the theorems they check. Floating-point tolerances are
those of backward stability: a result is exact for a matrix within a small multiple of
n·ε·‖A‖ of A, so residuals and invariants (trace, orthogonality) are held to c·n·ε·‖A‖
with a modest constant c; eigenvalues themselves are only compared where their condition
is known to be good (symmetric matrices, where a perturbation E moves them by ≤ ‖E‖₂).

Theorems and properties checked:

- Every returned pair satisfies Av = λv (to ~nε‖A‖), with ‖v‖₂ = 1.
- Σλᵢ = tr A; a backward error E moves the sum by tr E only, so this is well-conditioned.
- product of eigenvalues is the determinant
- A real matrix's characteristic polynomial is real, so non-real roots pair up.
- rotation eigenvalues are e to the plus minus i theta
- Every square matrix satisfies its own characteristic polynomial: p(A) = 0, exactly.
- det(λI − A) = λⁿ − (tr A)λⁿ⁻¹ + ⋯ + (−1)ⁿ det A, exactly.
- The fast algorithm against the definition: the roots of λ² − (a + d)λ + (ad − bc).
- rosser matrix eigenvalues
- frank matrix eigenvalues come in reciprocal pairs
- (x − 1)(x − 2)(x + 3)(x² + 4) = x⁵ − 3x³ + 6x² − 28x + 24: its companion matrix.
- eigvals of triangular matrix is its diagonal
- eig of identity gives an orthonormal eigenbasis
- [[1, 1], [0, 1]] has the eigenvalue 1 twice but only the eigenvector e₁.
- eig of a rotation gives conjugate eigenvectors
- eig of the zero matrix
- eig on larger random matrices
- power iteration finds the dominant eigenpair
- inverse iteration finds the eigenvalue nearest the shift
- rayleigh quotient iteration converges to an eigenpair
- inverse iteration with a complex shift finds a complex pair
- power iteration on an exact eigenvector and on zero
- power iteration cannot separate plus minus lambda
- With the step budget cut to 1, a 3×3 block cannot deflate: ConvergenceError, not a hang.
- rotation defeats real iterations
- square only functions reject bad input
- eigh refuses a non-Hermitian complex matrix
- iterations reject bad parameters
- Complex A: Σλᵢ = tr A, AV = VΛ with unit columns (complex Hessenberg + single-shift QR).
- eigvals of a complex Hermitian matrix agree with eigh's; textbook complex matrices.
- An entry near underflow no longer makes the complex Hessenberg reduction produce NaNs.
- eigh refuses a non hermitian complex matrix
- eigenvalues of the cyclic permutation are the roots of unity
- eigenvalues of a shifted scaled cycle
- eigenvalues sum to the trace
- eigen equation complex
- eigvals of a hermitian matrix agree with eigh
- eigvals of textbook complex matrices
- eig and eigvals of real input are unchanged
- eig and eigvals refuse bad complex input
- eigvals with an entry near underflow
- an eigenvector start converges in one iteration
"""

from __future__ import annotations

import cmath
import math
import random
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    det,
    eig,
    eigh,
    eigvals,
    inverse_iteration,
    power_iteration,
    rayleigh_quotient_iteration,
)
from scratchmath.matrices.eigen import characteristic_polynomial
from scratchmath.vectors import Vector
from tests.known_matrices import ROSSER_EIGENVALUES, rosser
from tests.matrices.complex_helpers import complex_matrices, hermitian_matrices
from tests.matrices.eigen_helpers import (
    EPS,
    INF,
    NAN,
    RECT,
    fro,
    orthogonality_error,
    square_int_matrices,
    symmetric_float_matrices,
)
from tests.strategies import floats, fractions, ints

# ---------------------------------------------------------------------------------------
# Strategies and helpers.
# ---------------------------------------------------------------------------------------


@st.composite
def square_float_matrices(draw: st.DrawFn, max_n: int = 5) -> Matrix:
    """Square matrices of floats with |x| in [1e-3, 1e3] or 0 (tests/strategies.floats)."""
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(floats()) for _ in range(n)] for _ in range(n)])


@st.composite
def square_fraction_matrices(draw: st.DrawFn, max_n: int = 4) -> Matrix:
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(fractions(9, 4)) for _ in range(n)] for _ in range(n)])


def table(A: Matrix) -> list[list[Any]]:
    return [list(row) for row in A.rows]


ROSSER = rosser()  # its exact eigenvalues: ROSSER_EIGENVALUES (tests/known_matrices.py)


# ---------------------------------------------------------------------------------------
# Eigenvalues of general matrices.
# ---------------------------------------------------------------------------------------


@settings(max_examples=60)
@given(square_float_matrices())
@example(  # the defective eigenvalue 0: the second vector must not be a worse copy
    Matrix(
        [
            [0.0, 0, 579, 0, 0],
            [0, 0, -100, 0, 0],
            [0, 0, 0, -1, 0],
            [0, -1, 0, 0, 0],
            [1, 0, 0, 0, 0],
        ]
    )
)
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


SQUARE_ONLY = [
    ("eigvals", lambda A: eigvals(A)),
    ("eig", lambda A: eig(A)),
    ("eigh", lambda A: eigh(A)),
    ("power_iteration", lambda A: power_iteration(A)),
    ("inverse_iteration", lambda A: inverse_iteration(A, 1.0)),
    ("rayleigh_quotient_iteration", lambda A: rayleigh_quotient_iteration(A, Vector([1, 0]))),
    ("the characteristic polynomial", lambda A: characteristic_polynomial(A)),
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


def test_eigh_refuses_a_non_hermitian_complex_matrix() -> None:
    # Complex matrices are welcome everywhere (tests/matrices/test_complex.py); eigh needs A = Aᴴ.
    with pytest.raises(DomainError, match="eigh needs a Hermitian matrix"):
        eigh(Matrix([[1, 1j], [0, 1]]))


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


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


def _cyclic(n: int) -> Matrix:
    """The n×n cyclic shift P eⱼ = eⱼ₊₁: its eigenvalues are the n-th roots of unity."""
    return Matrix([[1.0 if j == (i + 1) % n else 0.0 for j in range(n)] for i in range(n)])


@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 8])
def test_eigenvalues_of_the_cyclic_permutation_are_the_roots_of_unity(n: int) -> None:
    # P is orthogonal, so its eigenvalues are perfectly conditioned: a backward stable QR
    # algorithm finds each within a small multiple of n·ε of the exact root.
    values = [complex(v) for v in eigvals(_cyclic(n))]
    roots = [cmath.exp(2j * math.pi * k / n) for k in range(n)]
    assert len(values) == n
    for root in roots:
        assert min(abs(v - root) for v in values) <= 64 * n * EPS
    for v in values:
        assert min(abs(v - root) for root in roots) <= 64 * n * EPS


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_eigenvalues_of_a_shifted_scaled_cycle(n: int) -> None:
    # λ(2P + 3I) = 2ω + 3: the same cycle of shifts, away from the origin.
    A = Matrix([[2.0 * x + (3.0 if i == j else 0.0) for j, x in enumerate(row)]
                for i, row in enumerate(_cyclic(n).rows)])  # fmt: skip
    values = [complex(v) for v in eigvals(A)]
    for k in range(n):
        expected = 2 * cmath.exp(2j * math.pi * k / n) + 3
        assert min(abs(v - expected) for v in values) <= 256 * n * EPS
    # the trace is the sum of the eigenvalues: 3n (their imaginary parts cancel in pairs)
    assert abs(sum(values) - 3 * n) <= 256 * n * n * EPS


# ---------------------------------------------------------------------------------------
# Complex matrices: AV = VΛ for any complex A (issue 21).
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


def test_eigvals_with_an_entry_near_underflow() -> None:
    # Balancing turns the 1e-308 entry into ≈ 4e-155, whose square is subnormal: the
    # Hessenberg reflection, built from x itself, divided by that square and made NaNs (found
    # by Hypothesis). det(λI − A) = λ²(λ − i).
    A = Matrix([[0j, 0j, 0j], [0j, 0j, 1.1125369292536007e-308j], [1j, 0j, 1j]])
    assert eigvals(A) == [1j, 0, 0]


def test_an_eigenvector_start_converges_in_one_iteration() -> None:
    # x₀ = e₁ is an eigenvector of diag(2, 1): A x₀ = 2x₀, so one step is exact and max_iter = 1
    # is a legal budget (the smallest allowed).
    A = Matrix([[2.0, 0.0], [0.0, 1.0]])
    assert power_iteration(A, Vector([1.0, 0.0]), max_iter=1) == (2.0, Vector([1.0, 0.0]))
    assert rayleigh_quotient_iteration(A, Vector([1.0, 0.0]), max_iter=1) == (
        2.0,
        Vector([1.0, 0.0]),
    )


@pytest.mark.parametrize("scale", [1.0, 1e-3])
def test_power_iteration_meets_its_tolerance_whatever_the_size_of_the_entries(
    scale: float,
) -> None:
    # A = [[1, 1000s], [0, 0.9]]: λ = 1 dominates 0.9 (the error shrinks by 0.9 per step) and
    # the entries are far larger than λ. The error asked for is relative to λ, not to ‖A‖
    # (while ε·‖A‖ stays below tol·|λ|: beyond that rounding alone exceeds the tolerance).
    A = Matrix([[1.0, 1000.0 * scale], [0.0, 0.9]])
    value, _ = power_iteration(A, Vector([1.0, 1.0]), tol=1e-12)
    assert abs(value - 1.0) <= 1e-10
