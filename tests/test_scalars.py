"""Layer 0, the number kinds: each rule of scalars.py as a theorem.

Theorems checked:
- exact_sqrt is correctly rounded: for every positive rational q, the exact √q lies between the
  midpoints of its float and the float's two neighbours (so no float is nearer), including
  round-half-to-even ties, subnormal roots, and q beyond the float range;
- exact_sqrt agrees with IEEE 754's correctly rounded math.sqrt on every float;
- accurate_sum is correctly rounded: over floats and over complex numbers (part by part) it is
  the float nearest the exact rational sum, even with cancellation designed to defeat ``sum``;
  and where fsum cannot answer (overflow) it gives the IEEE answer of the plain sum;
- divide is exact over the rationals: divide(a, b)·b = a, and a whole quotient is an int;
- homogenize promotes to the widest kind and never changes a value;
- the kinds are ordered EXACT < REAL < COMPLEX (max is the wider kind);
- is_finite is false when either part of a complex number is infinite; a bool is not a number.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.scalars import (
    COMPLEX,
    EXACT,
    REAL,
    accurate_sum,
    check_scalar,
    divide,
    exact_sqrt,
    homogenize,
    is_finite,
    kind_of,
    latex_scalar,
    magnitude,
    saturating_ldexp,
    to_float,
)


def _is_nearest_root(q: Fraction, r: float) -> bool:
    """Whether r is the float nearest √q (ties to the even float), checked exactly."""
    below, above = Fraction(math.nextafter(r, 0.0)), Fraction(math.nextafter(r, math.inf))
    low, high = (below + Fraction(r)) / 2, (Fraction(r) + above) / 2
    if not low * low <= q <= high * high:
        return False
    if q in (low * low, high * high):  # a tie: the float with an even last bit wins
        return Fraction(r) / Fraction(math.ulp(r)) % 2 == 0
    return True


positive_rationals = st.builds(
    lambda n, d, k: Fraction(n, d) * Fraction(2) ** k,
    st.integers(1, 10**30),
    st.integers(1, 10**30),
    st.integers(-2200, 900),  # down to results below 2⁻¹⁰²² (subnormal floats)
)


@given(positive_rationals)
def test_exact_sqrt_is_correctly_rounded(q: Fraction) -> None:
    r = exact_sqrt(q)
    if r == math.inf:
        assert q > Fraction(2) ** 2047
    else:
        assert _is_nearest_root(q, r)


@given(st.floats(min_value=0.0, allow_infinity=False, allow_nan=False))
def test_exact_sqrt_agrees_with_ieee_sqrt(x: float) -> None:
    assert exact_sqrt(Fraction(x)) == math.sqrt(x)


@pytest.mark.parametrize("offset", [0, 1, -1])
def test_exact_sqrt_rounds_ties_to_even(offset: int) -> None:
    # m = 2⁵³ + 1 lies halfway between the floats 2⁵³ and 2⁵³ + 2: √(m²) = m is a tie (to
    # even, 2⁵³), and √(m² ± 1) is just above or below it (the sticky bit must say so).
    m = 2**53 + 1
    expected = {0: 2.0**53, 1: 2.0**53 + 2, -1: 2.0**53}[offset]
    assert exact_sqrt(m * m + offset) == expected
    assert exact_sqrt(Fraction(m * m + offset, 4**60)) == expected / 2**60


def test_exact_sqrt_of_tiny_huge_and_zero() -> None:
    # A subnormal result, rounded once (ldexp of a rounded float would round twice here).
    assert exact_sqrt(Fraction(335096536421362672, 2**2110)) == 1.49947608621489e-309
    assert exact_sqrt(Fraction(1, 2**800)) == 2.0**-400
    assert exact_sqrt(Fraction(1, 4**1100)) == 0.0  # 2⁻¹¹⁰⁰ underflows to zero
    assert exact_sqrt(Fraction(9, 4)) == 1.5
    assert exact_sqrt(0) == 0.0 and exact_sqrt(Fraction(0)) == 0.0
    assert exact_sqrt(4**1100) == math.inf


finite_floats = st.floats(-1e300, 1e300, allow_nan=False)


def _cancelling(values: list[float]) -> list[float]:
    """values with a huge term and its negative inserted (a plain sum loses everything)."""
    return [1e200, *values, -1e200, 3.0]


@given(st.lists(finite_floats, max_size=8))
def test_accurate_sum_is_correctly_rounded_over_floats(values: list[float]) -> None:
    items = _cancelling(values)
    exact = sum(map(Fraction, items), Fraction(0))
    assert accurate_sum(items, REAL) == float(exact)


@given(st.lists(st.tuples(finite_floats, finite_floats), max_size=6))
def test_accurate_sum_is_correctly_rounded_over_complex_numbers(
    parts: list[tuple[float, float]],
) -> None:
    reals = _cancelling([x for x, _ in parts])
    imags = _cancelling([y for _, y in parts])[::-1]
    items = [complex(x, y) for x, y in zip(reals, imags, strict=True)]
    total = accurate_sum(items, COMPLEX)
    assert type(total) is complex
    assert total.real == float(sum(map(Fraction, reals), Fraction(0)))
    assert total.imag == float(sum(map(Fraction, imags), Fraction(0)))


def test_accurate_sum_designed_cancellation() -> None:
    assert accurate_sum([1e100, 1.0, -1e100], REAL) == 1.0
    assert accurate_sum([1e100j, 1 + 1j, -1e100j, 1e100, -1e100], COMPLEX) == 1 + 1j
    assert accurate_sum([Fraction(1, 3)] * 3, EXACT) == 1
    assert accurate_sum([], EXACT) == 0 and accurate_sum([], REAL) == 0.0


def test_accurate_sum_overflow_gives_the_ieee_answer() -> None:
    total = accurate_sum([1e308, 1e308, -1e308], REAL)
    assert type(total) is float and total == math.inf
    assert math.isnan(accurate_sum([math.inf, -math.inf], REAL))
    assert accurate_sum([1e308 + 1j, 1e308 + 2j], COMPLEX) == complex(math.inf, 3.0)


@given(
    st.fractions(max_denominator=50),
    st.fractions(max_denominator=50).filter(lambda b: b != 0),
)
def test_divide_is_exact_over_the_rationals(a: Fraction, b: Fraction) -> None:
    q = divide(a, b)
    assert q * b == a
    assert type(q) is (int if q.denominator == 1 else Fraction)


def test_divide_by_zero_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match=r"division by zero \(1.0 / 0\)"):
        divide(1.0, 0)
    assert divide(6, 3) == 2 and type(divide(6, 3)) is int
    assert divide(1.0, 4) == 0.25


@given(
    st.lists(
        st.one_of(st.integers(-5, 5), st.fractions(max_denominator=9), finite_floats),
        max_size=5,
    ),
    st.booleans(),
)
def test_homogenize_promotes_to_the_widest_kind(values: list[object], with_complex: bool) -> None:
    data = [*values, 1j] if with_complex else values
    result = homogenize(data)
    kinds = {kind_of(x) for x in result}
    widest = max((kind_of(check_scalar(x)) for x in data), default=EXACT)
    assert kinds <= {widest} if widest != EXACT else kinds <= {EXACT}
    convert = {EXACT: check_scalar, REAL: float, COMPLEX: complex}[widest]
    assert all(x == convert(y) for x, y in zip(result, data, strict=True))  # type: ignore[operator]


def test_kinds_are_ordered() -> None:
    assert EXACT < REAL < COMPLEX
    assert (kind_of(1), kind_of(Fraction(1, 2)), kind_of(1.0), kind_of(1j)) == (0, 1 - 1, 1, 2)


def test_is_finite_looks_at_both_parts() -> None:
    assert not is_finite(complex(math.inf, 0.0))
    assert not is_finite(complex(0.0, math.nan))
    assert is_finite(1 + 1j) and is_finite(10**400) and not is_finite(math.nan)


def test_a_bool_and_a_decimal_are_not_scalars() -> None:
    with pytest.raises(TypeError, match=r"must be a number .* not bool"):
        check_scalar(True)
    with pytest.raises(TypeError, match=r"a weight must be a number .* not Decimal"):
        check_scalar(Decimal(1), "a weight")
    assert check_scalar(3) == 3


def test_saturation_keeps_the_sign() -> None:
    assert to_float(10**400) == math.inf and to_float(-(10**400)) == -math.inf
    assert saturating_ldexp(1.0, 2000) == math.inf
    assert saturating_ldexp(complex(-1.0, 1.0), 2000) == complex(-math.inf, math.inf)
    assert magnitude(-(10**400)) == math.inf and magnitude(3 + 4j) == 5.0


def test_latex_of_complex_signs() -> None:
    assert latex_scalar(1 + 0j) == "1 + 0i"
    assert latex_scalar(1 - 2j) == "1 - 2i"
    assert latex_scalar(Fraction(1, 3)) == "\\frac{1}{3}"
    assert latex_scalar(Fraction(3, 2)) == "\\frac{3}{2}" and latex_scalar(Fraction(4, 2)) == "2"
    assert latex_scalar(-math.inf) == "-\\infty"
