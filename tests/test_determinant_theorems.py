"""Determinants: the float and complex paths meet the same theorems as the exact one.

Theorems checked:
- backward stability: det of a float (or complex) matrix with small integer entries is the
  exact determinant (Bareiss over ints, or Leibniz over Gaussian integers) to within
  n²·ε·Π‖aᵢ‖ (Hadamard's bound), including matrices that need pivoting ([[1e-20, 1], [1, 1]]);
- multiplicativity det(AB) = det A · det B over floats and complex numbers, not only ℚ;
- scaling row i by sᵢ scales det by sᵢ: bitwise for powers of two, however extreme (2⁷⁰⁰);
- det(cI) = cⁿ, and 0 (not −0.0) for a singular matrix;
- det = det_leibniz = det_cofactor exactly over ℤ (so the sign of a permutation is right);
- slogdet: sign·exp(log|det|) = det, log|det| exact-to-rounding for exact determinants near 1,
  huge (10⁴⁰⁰) and tiny (10⁻⁴⁰⁰), and n·ln c for cIₙ beyond the float range.
"""

from __future__ import annotations

import cmath
import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.matrices import Matrix, det, det_cofactor, det_leibniz, slogdet

EPS = 2.0**-52


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
