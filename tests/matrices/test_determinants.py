"""Tests of scratchmath.matrices.determinants.

Determinants: the float and complex paths meet the same theorems as the exact one.

Theorems and properties checked:
- backward stability: det of a float (or complex) matrix with small integer entries is the
  exact determinant (Bareiss over ints, or Leibniz over Gaussian integers) to within
  n²·ε·Π‖aᵢ‖ (Hadamard's bound), including matrices that need pivoting ([[1e-20, 1], [1, 1]]);
- multiplicativity det(AB) = det A · det B over floats and complex numbers, not only ℚ;
- scaling row i by sᵢ scales det by sᵢ: bitwise for powers of two, however extreme (2⁷⁰⁰);
- det(cI) = cⁿ, and 0 (not −0.0) for a singular matrix;
- det = det_leibniz = det_cofactor exactly over ℤ (so the sign of a permutation is right);
- slogdet: sign·exp(log|det|) = det, log|det| exact-to-rounding for exact determinants near 1,
  huge (10⁴⁰⁰) and tiny (10⁻⁴⁰⁰), and n·ln c for cIₙ beyond the float range.
- det(AB) = det A · det B, exactly.
- det Aᵀ = det A.
- Swapping two rows negates the determinant (it flips orientation).
- Adding c·(row j) to row i (i ≠ j) leaves det unchanged: the basis of elimination.
- Leibniz's sum over permutations, Laplace expansion and elimination agree exactly.
- Fraction-free (int) and rational elimination give the same exact int.
- Pivoted float det is close to the exact det of the same (float-valued) entries.
- |det [u v]| is the area of the parallelogram on u and v.
- det(R(θ)·diag(sx, sy)) = sx·sy, and a mirror gives −sx·sy.
- A is invertible exactly when det A ≠ 0 (and then rank A = n).
- hilbert inverse and det
- det [xᵢʲ] = Π_{i<j} (xⱼ − xᵢ).
- known small answers
- bad determinants
- definitions refuse large matrices
"""

from __future__ import annotations

import cmath
import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError, SingularMatrixError
from scratchmath.matrices import (
    Matrix,
    det,
    det_cofactor,
    det_leibniz,
    inverse,
    matrix_norm,
    null_space,
    qr,
    rank,
    rref,
    slogdet,
    solve,
)
from scratchmath.vectors import Vector
from tests.known_matrices import hilbert
from tests.matrices.helpers import (
    EPS,
    NAN_MATRIX,
    NON_SQUARE,
    float_matrices,
    fraction_matrix_pairs_square,
    rationals,
    square_fraction_matrices,
    square_int_matrices,
    vectors_of,
)

# ---------------------------------------------------------------------------------------
# Determinants.
# ---------------------------------------------------------------------------------------


@given(fraction_matrix_pairs_square())
def test_det_is_multiplicative(pair: tuple[Matrix, Matrix]) -> None:
    """det(AB) = det A · det B, exactly."""
    A, B = pair
    assert det(A @ B) == det(A) * det(B)


@given(square_fraction_matrices(max_n=5))
def test_det_of_transpose(A: Matrix) -> None:
    """det Aᵀ = det A."""
    assert det(A.T) == det(A)


@given(square_fraction_matrices(max_n=5), st.data())
def test_row_swap_flips_det_sign(A: Matrix, data: st.DataObject) -> None:
    """Swapping two rows negates the determinant (it flips orientation)."""
    n = A.shape[0]
    assume(n >= 2)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(0, n - 1).filter(lambda t: t != i))
    rows = list(A.rows)
    rows[i], rows[j] = rows[j], rows[i]
    assert det(Matrix.from_rows(rows)) == -det(A)


@given(square_fraction_matrices(max_n=5), st.data())
def test_row_replacement_keeps_det(A: Matrix, data: st.DataObject) -> None:
    """Adding c·(row j) to row i (i ≠ j) leaves det unchanged: the basis of elimination."""
    n = A.shape[0]
    assume(n >= 2)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(0, n - 1).filter(lambda t: t != i))
    c = data.draw(rationals)
    rows = list(A.rows)
    rows[i] = rows[i] + c * rows[j]
    assert det(Matrix.from_rows(rows)) == det(A)


@settings(max_examples=30)
@given(square_fraction_matrices(max_n=5))
def test_three_determinant_definitions_agree(A: Matrix) -> None:
    """Leibniz's sum over permutations, Laplace expansion and elimination agree exactly."""
    assert det_leibniz(A) == det_cofactor(A) == det(A)


@given(square_int_matrices(max_n=6))
def test_bareiss_det_agrees_with_rational_elimination(A: Matrix) -> None:
    """Fraction-free (int) and rational elimination give the same exact int."""
    d = det(A)
    assert type(d) is int
    as_fractions = Matrix([[Fraction(x) for x in row] for row in A.rows])
    assert det(as_fractions) == d


@settings(max_examples=40)
@given(float_matrices(5, 5).filter(lambda A: A.shape[0] == A.shape[1]))
def test_float_det_agrees_with_exact_det(A: Matrix) -> None:
    """Pivoted float det is close to the exact det of the same (float-valued) entries.

    Tolerance: backward error of LU, ~n·ε relative per row, so an absolute error of a few
    n·ε times Hadamard's bound Π‖rowᵢ‖ ≥ |det A|.
    """
    exact = det(Matrix([[Fraction(x) for x in row] for row in A.rows]))
    hadamard = math.prod(abs(row) for row in A.rows)
    n = A.shape[0]
    assert abs(det(A) - exact) <= 4 * n * n * EPS * hadamard


@given(vectors_of(rationals, 2), vectors_of(rationals, 2))
def test_det_2x2_is_parallelogram_area(u: Vector, v: Vector) -> None:
    """|det [u v]| is the area of the parallelogram on u and v.

    The area comes independently from lengths and the angle: area² = ‖u‖²‖v‖² − ⟨u, v⟩²
    (= ‖u‖²‖v‖² sin²θ, Lagrange's identity), exact over the rationals.
    """
    area_squared = (u @ u) * (v @ v) - (u @ v) ** 2
    assert det(Matrix.from_columns([u, v])) ** 2 == area_squared


@given(st.floats(-10, 10), st.floats(0.1, 10), st.floats(0.1, 10))
def test_det_is_the_volume_factor(theta: float, sx: float, sy: float) -> None:
    """det(R(θ)·diag(sx, sy)) = sx·sy, and a mirror gives −sx·sy."""
    A = Matrix.rotation(theta) @ Matrix.diagonal([sx, sy])
    assert math.isclose(det(A), sx * sy, rel_tol=8 * EPS)
    mirror = Matrix([[1, 0], [0, -1]])
    assert math.isclose(det(A @ mirror), -sx * sy, rel_tol=8 * EPS)


@given(square_fraction_matrices(max_n=4))
def test_singular_iff_det_zero(A: Matrix) -> None:
    """A is invertible exactly when det A ≠ 0 (and then rank A = n)."""
    n = A.shape[0]
    if det(A) == 0:
        assert rank(A) < n
        with pytest.raises(SingularMatrixError, match="singular"):
            inverse(A)
    else:
        assert rank(A) == n
        inverse(A)


# ---------------------------------------------------------------------------------------
# Known answers.
# ---------------------------------------------------------------------------------------


def _hilbert_inverse_entry(n: int, i: int, j: int) -> int:
    """The closed form of (Hₙ⁻¹)ᵢⱼ (1-based i, j), an independent oracle."""
    return (
        (-1) ** (i + j)
        * (i + j - 1)
        * math.comb(n + i - 1, n - j)
        * math.comb(n + j - 1, n - i)
        * math.comb(i + j - 2, i - 1) ** 2
    )


def _hilbert_det(n: int) -> Fraction:
    """det Hₙ = cₙ⁴ / c₂ₙ with cₙ = Π_{k<n} k!."""

    def c(m: int) -> int:
        return math.prod(math.factorial(k) for k in range(1, m))

    return Fraction(c(n) ** 4, c(2 * n))


@pytest.mark.parametrize("n", [1, 2, 3, 6, 8, 12])
def test_hilbert_inverse_and_det(n: int) -> None:
    H_inv = inverse(hilbert(n))
    expected = Matrix.from_function(n, n, lambda i, j: _hilbert_inverse_entry(n, i + 1, j + 1))
    assert H_inv == expected
    assert all(type(x) is int for row in H_inv.rows for x in row)
    assert det(hilbert(n)) == _hilbert_det(n)
    assert det_cofactor(hilbert(min(n, 6))) == _hilbert_det(min(n, 6))


def test_vandermonde_determinant() -> None:
    """det [xᵢʲ] = Π_{i<j} (xⱼ − xᵢ)."""
    xs = [Fraction(1, 2), 2, -3, 5, Fraction(7, 3)]
    V = Matrix.from_function(5, 5, lambda i, j: xs[i] ** j)
    expected = math.prod(xs[j] - xs[i] for i in range(5) for j in range(i + 1, 5))
    assert det(V) == det_leibniz(V) == expected


def test_known_small_answers() -> None:
    A = Matrix([[1, 2], [3, 4]])
    assert A.det() == -2 and type(A.det()) is int
    assert A.inverse() == Matrix([[-2, 1], [Fraction(3, 2), Fraction(-1, 2)]])
    assert A.inverse() == A**-1
    assert Matrix([[7, 10], [15, 22]]) == A**2
    assert A.trace() == 5
    assert A.rank() == 2 and A.rref() == Matrix.identity(2)
    B = Matrix([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    assert rank(B) == 2
    (v,) = null_space(B)
    assert v.isclose(Vector([1.0, -2.0, 1.0]), rel_tol=1e-14)
    assert rref(B).isclose(Matrix([[1, 0, -1], [0, 1, 2], [0, 0, 0]]), rel_tol=1e-14)
    assert det(Matrix([[2.0, 0.0], [0.0, 1e-200]])) == 2e-200
    big = Matrix.diagonal([1e200] * 3)
    assert det(big) == math.inf and det(Matrix.diagonal([1e-200] * 3)) == 0.0
    # Pivot products that overflow on the way but not at the end.
    assert math.isclose(det(Matrix.diagonal([1e200, 1e200, 1e-300])), 1e100)
    assert det(Matrix([[1, 2], [2, 4]]) * 1.0) == 0.0
    assert solve(Matrix([[0, 1], [1, 0]]), Vector([2, 3])) == Vector([3, 2])
    Q, _ = qr(Matrix([[3, 1], [4, 2]]))
    assert Q.isclose(Matrix([[-0.6, -0.8], [-0.8, 0.6]]), abs_tol=1e-15)
    assert matrix_norm(Matrix([[1, -2], [3, 4]]), 1) == 6.0
    assert matrix_norm(Matrix([[1e200, 1e200]]), "fro") == math.hypot(1e200, 1e200)
    assert Matrix([[3j, 4]]).norm() == 5.0
    assert det(Matrix([[1j, 0], [0, 1j]])) == -1


@pytest.mark.parametrize("function", [det, det_leibniz, det_cofactor])
def test_bad_determinants(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DimensionError, match="needs a square matrix, got 2×3"):
        function(NON_SQUARE)
    with pytest.raises(DomainError, match="NaN or infinite"):
        function(NAN_MATRIX)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        function([[1]])


@pytest.mark.parametrize("function", [det_leibniz, det_cofactor])
def test_definitions_refuse_large_matrices(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match=r"n = 10 > 9 is too large.*use det\(A\)"):
        function(Matrix.identity(10))
    assert function(Matrix.identity(9)) == 1


def _int_matrices(n_min: int = 1, n_max: int = 4) -> st.SearchStrategy[list[list[int]]]:
    return st.integers(n_min, n_max).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(-6, 6), min_size=n, max_size=n), min_size=n, max_size=n
        )
    )


def _hadamard(rows: list[list[complex]]) -> float:
    return math.prod(math.sqrt(sum(abs(x) ** 2 for x in row)) for row in rows)


@given(_int_matrices())
def test_float_det_is_backward_stable(rows: list[list[int]]) -> None:
    n = len(rows)
    exact = det(Matrix(rows))
    got = det(Matrix([[float(x) for x in row] for row in rows]))
    assert abs(got - exact) <= 4 * n * n * EPS * _hadamard(rows)  # type: ignore[arg-type]


@given(_int_matrices(1, 3), _int_matrices(1, 3))
def test_complex_det_is_backward_stable(real: list[list[int]], imag: list[list[int]]) -> None:
    n = min(len(real), len(imag))
    rows = [[complex(real[i][j], imag[i][j]) for j in range(n)] for i in range(n)]
    exact = det_leibniz(Matrix(rows))  # sums of products of Gaussian integers: exact
    got = det(Matrix(rows))
    assert isinstance(got, complex)
    assert abs(got - exact) <= 4 * n * n * EPS * _hadamard(rows)  # type: ignore[arg-type]


def test_det_needs_pivoting() -> None:
    assert det(Matrix([[1e-20, 1.0], [1.0, 1.0]])) == -1.0
    assert det(Matrix([[1e-20j, 1.0 + 0j], [1.0 + 0j, 1.0 + 0j]])) == complex(-1.0, 1e-20)


@given(_int_matrices(2, 3), _int_matrices(2, 3), st.booleans())
def test_det_is_multiplicative_over_floats_and_complex(
    a: list[list[int]], b: list[list[int]], rotate: bool
) -> None:
    n = min(len(a), len(b))
    unit = 1j if rotate else 1.0
    A = Matrix([[x * unit + 0.5 for x in row[:n]] for row in a[:n]])
    B = Matrix([[float(x) for x in row[:n]] for row in b[:n]])
    product = det(A @ B)
    # Rows of AB are bounded by ‖rowᵢ A‖·‖B‖_F, so ‖B‖_Fⁿ·H(A) bounds H(A)H(B) and H(AB).
    frobenius = math.sqrt(sum(abs(x) ** 2 for row in B.tolist() for x in row))
    bound = 8 * n**3 * EPS * _hadamard(A.tolist()) * frobenius**n
    assert abs(product - det(A) * det(B)) <= bound


@given(
    _int_matrices(2, 4).filter(lambda rows: det(Matrix(rows)) != 0),
    st.lists(st.integers(-700, 700), min_size=4, max_size=4),
)
def test_scaling_a_row_scales_the_determinant(rows: list[list[int]], powers: list[int]) -> None:
    # Scaling by powers of two adds no rounding: det(DA)·2^(−Σeᵢ) is still det A to within
    # the backward-error bound, however far the rows are from 1 (2⁷⁰⁰, 2⁻⁷⁰⁰).
    n = len(rows)
    exact = det(Matrix(rows))
    assert isinstance(exact, int)
    scaled = Matrix([[math.ldexp(x, powers[i]) for x in row] for i, row in enumerate(rows)])
    total = sum(powers[:n])
    bound = 4 * n * n * EPS * _hadamard(rows)  # type: ignore[arg-type]
    if abs(total) < 900:
        assert abs(math.ldexp(det(scaled), -total) - exact) <= bound  # type: ignore[arg-type]
    sign, log_size = slogdet(scaled)
    assert sign == math.copysign(1.0, exact)
    want = math.log(abs(exact)) + total * math.log(2)
    assert abs(log_size - want) <= bound / abs(exact) + 1e-13 * abs(want)


@pytest.mark.parametrize(("c", "n"), [(2.0, 3), (-3.0, 3), (0.5, 4), (1e300, 2), (1j, 3)])
def test_det_of_a_multiple_of_the_identity(c: complex, n: int) -> None:
    rows = [[c if i == j else 0 * c for j in range(n)] for i in range(n)]
    want = c**n if n * math.log10(abs(c)) < 308 else math.inf
    assert det(Matrix(rows)) == want


def test_a_singular_det_is_a_positive_zero() -> None:
    zero = det(Matrix([[1.0, 2.0], [-2.0, -4.0]]))
    assert zero == 0 and math.copysign(1.0, zero) == 1.0
    assert det(Matrix([[1j, 2j], [1j, 2j]])) == 0
    assert slogdet(Matrix([[1.0, 2.0], [2.0, 4.0]])) == (0.0, -math.inf)
    assert slogdet(Matrix([[1, 2], [2, 4]])) == (0, -math.inf)
    assert det(Matrix([[0, 0], [0, 1]])) == 0 and det(Matrix([[0, 1], [0, 1]])) == 0


@given(_int_matrices(1, 5).map(lambda rows: [[x if x % 3 else 0 for x in row] for row in rows]))
def test_det_equals_leibniz_and_cofactor_over_the_integers(rows: list[list[int]]) -> None:
    A = Matrix(rows)
    d = det(A)
    assert d == det_leibniz(A) == det_cofactor(A)
    swapped = Matrix(rows[1:] + rows[:1])  # a cyclic shift of n rows: sign (−1)^(n−1)
    assert det(swapped) == (-1) ** (len(rows) - 1) * d


def test_det_of_rationals_clears_each_row_scale() -> None:
    A = Matrix([[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 5), Fraction(1, 7)]])
    assert det(A) == Fraction(1, 14) - Fraction(1, 15)
    assert det(Matrix([[Fraction(3, 2), 0], [0, Fraction(2, 3)]])) == 1


def test_definition_sizes() -> None:
    identity9 = Matrix([[int(i == j) for j in range(9)] for i in range(9)])
    assert det_cofactor(identity9) == 1
    identity10 = Matrix([[int(i == j) for j in range(10)] for i in range(10)])
    with pytest.raises(DomainError, match=r"det_cofactor takes n! steps: n = 10 > 9"):
        det_cofactor(identity10)


@pytest.mark.parametrize(
    "value",
    [
        Fraction(10**20 + 1, 10**20),  # log1p(10⁻²⁰): log would return 0
        Fraction(10**20 - 1, 10**20),
        Fraction(3, 2),
        Fraction(7, 1),
        10**400,
        Fraction(1, 10**400),
        Fraction(10**400 + 1, 10**399),
    ],
)
def test_slogdet_of_exact_determinants(value: Fraction) -> None:
    for sign in (1, -1):
        A = Matrix([[sign * value, 0], [0, 1]])
        got_sign, log_size = slogdet(A)
        exact = math.log(value.numerator) - math.log(value.denominator)
        if abs(value - 1) < Fraction(1, 10**10):
            exact = float(value - 1) - float(value - 1) ** 2 / 2
        assert got_sign == sign
        assert math.isclose(log_size, exact, rel_tol=1e-14)


@pytest.mark.parametrize(("c", "n"), [(10.0, 400), (0.1, 400), (-2.0, 3), (1j, 5)])
def test_slogdet_of_a_multiple_of_the_identity(c: complex, n: int) -> None:
    A = Matrix([[c if i == j else 0 * c for j in range(n)] for i in range(n)])
    sign, log_size = slogdet(A)
    assert math.isclose(log_size, n * math.log(abs(c)), rel_tol=1e-14, abs_tol=1e-15)
    assert cmath.isclose(sign, (c / abs(c)) ** n, abs_tol=1e-15)
