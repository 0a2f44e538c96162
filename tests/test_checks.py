"""Layer 0, the argument checks: each check accepts exactly its set, and is the identity there.

Theorems checked (x ranges over ints, Fractions and floats, boundaries included):
- check_probability accepts x exactly when 0 ≤ x ≤ 1;
- check_nonnegative accepts x exactly when x ≥ 0; check_positive exactly when x > 0;
- check_finite accepts x exactly when x is finite; check_real refuses only NaN among reals;
- check_int(n, minimum=m) accepts n exactly when n ≥ m (every int when m is None);
- on what it accepts, every check returns its argument unchanged (an exact value stays exact);
- real_result saturates an exact value beyond the float range to ±inf with its sign;
- a bool, a string or a complex number is a TypeError, never a number.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.checks import (
    check_callable,
    check_finite,
    check_int,
    check_nonnegative,
    check_positive,
    check_probability,
    check_real,
    real_result,
)
from scratchmath.errors import DomainError

reals = st.one_of(
    st.integers(-3, 3),
    st.fractions(min_value=-2, max_value=2, max_denominator=7),
    st.floats(allow_nan=False),
    st.sampled_from([0, 0.0, 1, 1.0, Fraction(0), Fraction(1), -0.0, math.inf, -math.inf]),
)


def _accepts(check: Callable[[object, str], object], x: object) -> bool:
    try:
        result = check(x, "x")
    except DomainError:
        return False
    assert result == x and type(result) is type(x)  # the identity on what it accepts
    return True


@given(reals)
def test_check_probability_accepts_exactly_the_unit_interval(x: float) -> None:
    assert _accepts(check_probability, x) == (0 <= x <= 1)


@given(reals)
def test_check_nonnegative_accepts_exactly_the_half_line(x: float) -> None:
    assert _accepts(check_nonnegative, x) == (x >= 0)


@given(reals)
def test_check_positive_accepts_exactly_the_open_half_line(x: float) -> None:
    assert _accepts(check_positive, x) == (x > 0)


@given(reals)
def test_check_finite_accepts_exactly_the_finite_reals(x: float) -> None:
    assert _accepts(check_finite, x) == math.isfinite(x)
    assert _accepts(check_real, x)


@given(st.integers(-5, 5), st.one_of(st.none(), st.integers(-5, 5)))
def test_check_int_accepts_exactly_from_the_minimum(n: int, minimum: int | None) -> None:
    try:
        result = check_int(n, "n", minimum=minimum)
    except DomainError as error:
        assert minimum is not None and n < minimum
        assert f"n must be an integer ≥ {minimum}, got {n}" in str(error)
    else:
        assert result == n and (minimum is None or n >= minimum)


@pytest.mark.parametrize(
    "check",
    [check_real, check_finite, check_positive, check_nonnegative, check_probability],
)
@pytest.mark.parametrize("bad", [True, "1", 1j])
def test_a_non_real_is_a_type_error(check: Callable[[object, str], object], bad: object) -> None:
    with pytest.raises(TypeError, match=f"rate must be a real number, got {type(bad).__name__}"):
        check(bad, "rate")


def test_nan_is_a_domain_error_everywhere() -> None:
    for check in (check_real, check_finite, check_positive, check_nonnegative):
        with pytest.raises(DomainError, match="rate must be a number, got NaN"):
            check(math.nan, "rate")
    with pytest.raises(DomainError, match=r"x must be finite, got -inf"):
        check_finite(-math.inf, "x")
    with pytest.raises(DomainError, match=r"p must be a probability in \[0, 1\], got 1.5"):
        check_probability(1.5, "p")


def test_check_int_refuses_bools_and_floats() -> None:
    with pytest.raises(TypeError, match="n must be an int, got bool"):
        check_int(True, "n")
    with pytest.raises(TypeError, match="n must be an int, got float"):
        check_int(2.0, "n", minimum=0)
    assert check_int(7, "n") == 7


def test_real_result_saturates_with_the_sign() -> None:
    assert real_result(-(10**400), "x = 1") == -math.inf
    assert real_result(Fraction(10**400, 3), "x = 1") == math.inf
    assert real_result(Fraction(-1, 4), "x = 1") == -0.25
    with pytest.raises(TypeError, match="f must return a real number, got bool at x = 1"):
        real_result(True, "x = 1")
    with pytest.raises(TypeError, match="f must return a real number, got complex at x = 1"):
        real_result(1j, "x = 1")


def test_check_callable() -> None:
    check_callable(abs)
    with pytest.raises(TypeError, match="g must be a callable function, got str"):
        check_callable("abs", "g")
