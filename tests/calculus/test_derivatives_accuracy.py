"""Tests of scratchmath.calculus.derivatives: accuracy at the edges, no silent wrong answers.

The rule every test here checks: the answer is right to its claimed accuracy, or the call
raises a scratchmath error (DomainError, ConvergenceError) that says why.

Theorems and properties checked:

- derivative of sin pi x reproducer
- derivative of sin k pi x at many points
- derivative of cos two to the k x
- derivative of polynomials over many magnitudes
- derivative at tiny and subnormal points
- derivative far from zero
- derivative of sin where floats are coarser than its period
- derivative of x cubed at zero is zero
- derivative refuses a kink
- derivative where f and f prime are both zero
- derivative refuses a step function
- derivative of math floor at an integer is refused
- derivative at a pole
- derivative near a pole is right or refused
- derivative beside a pole inside the steps
- derivative at a root where f rounds its argument
- derivative with rounding inside f is honest
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    derivative,
    second_derivative,
)
from scratchmath.calculus.derivatives import derivative_with_error
from scratchmath.errors import ConvergenceError, DomainError


def right_or_refused(call: Callable[[], float], truth: float, rel: float) -> None:
    """The call returns truth to rel (relative to max(1, |truth|)), or raises an allowed error."""
    try:
        got = call()
    except (DomainError, ConvergenceError):
        return
    assert abs(got - truth) <= rel * max(1.0, abs(truth)), (got, truth)


# --------------------------------------------------------------------------------------------
# Derivatives: periodic functions with power-of-two periods, far from 0, kinks, jumps, poles
# --------------------------------------------------------------------------------------------


def test_derivative_of_sin_pi_x_reproducer() -> None:
    assert derivative(lambda t: math.sin(math.pi * t), 5.2) == pytest.approx(
        math.pi * math.cos(math.pi * 5.2), rel=1e-10
    )
    assert derivative(lambda t: 10 + math.sin(4 * math.pi * t), 0.0) == pytest.approx(
        4 * math.pi, rel=1e-10
    )


@given(st.integers(1, 8), st.floats(-50, 50))
@settings(max_examples=40)
def test_derivative_of_sin_k_pi_x_at_many_points(k: int, x: float) -> None:
    slope = derivative(lambda t: math.sin(k * math.pi * t), x)
    assert slope == pytest.approx(k * math.pi * math.cos(k * math.pi * x), abs=1e-8 * k * 4)


@given(st.integers(-3, 6), st.floats(-20, 20))
@settings(max_examples=40)
def test_derivative_of_cos_two_to_the_k_x(k: int, x: float) -> None:
    c = 2.0**k
    slope = derivative(lambda t: math.cos(c * t), x)
    assert slope == pytest.approx(-c * math.sin(c * x), abs=1e-8 * c)


@given(
    st.lists(st.integers(-5, 5), min_size=1, max_size=5),
    st.integers(-8, 8),
    st.floats(0.5, 2.0),
)
@settings(max_examples=40)
def test_derivative_of_polynomials_over_many_magnitudes(
    coefficients: list[int], exponent: int, mantissa: float
) -> None:
    x = mantissa * 10.0**exponent

    def p(t: float) -> float:
        return sum(c * t**k for k, c in enumerate(coefficients))

    exact = sum(k * c * x ** (k - 1) for k, c in enumerate(coefficients) if k)
    size = sum(abs(k * c * x ** (k - 1)) for k, c in enumerate(coefficients) if k)
    assert abs(derivative(p, x) - exact) <= 1e-9 * size + 1e-12


@pytest.mark.parametrize("x", [2.2250738585e-313, 5e-324, -1e-310, 2.2e-308, 1e-300])
def test_derivative_at_tiny_and_subnormal_points(x: float) -> None:
    # Steps scaled to a subnormal |x| carry a few bits only (gave 22.0 for 7π).
    assert derivative(lambda t: math.sin(7 * math.pi * t), x) == pytest.approx(
        7 * math.pi, rel=1e-10
    )


def test_derivative_far_from_zero() -> None:
    x = 2 * math.pi * 1e4
    assert derivative(lambda t: math.sin(t) + t, x) == pytest.approx(2.0, rel=1e-8)
    assert second_derivative(math.cos, x) == pytest.approx(-1.0, rel=1e-6)


@pytest.mark.parametrize("x", [1e14, 1e16, 1e20, 1e300, -1e300])
def test_derivative_of_sin_where_floats_are_coarser_than_its_period(x: float) -> None:
    # Near 1e16 the floats are 2 apart: no step can see sin's wiggle. Refuse, never 1e-15.
    right_or_refused(lambda: derivative(math.sin, x), math.cos(x), 1e-8)
    right_or_refused(lambda: second_derivative(math.sin, x), -math.sin(x), 1e-6)


def test_derivative_of_x_cubed_at_zero_is_zero() -> None:
    assert abs(derivative(lambda t: t**3, 0.0)) < 1e-12
    assert abs(derivative(lambda t: t**3, 0.0, n=2)) < 1e-9
    assert derivative(lambda t: t**3, 0.0, n=3) == pytest.approx(6.0, rel=1e-7)


@pytest.mark.parametrize(
    ("f", "left", "right"),
    [(abs, "-1", "1"), (lambda t: max(t, 0.0), "0", "1"), (lambda t: abs(t - 0.0) * 3, "-3", "3")],
)
def test_derivative_refuses_a_kink(f: Callable[[float], float], left: str, right: str) -> None:
    with pytest.raises(DomainError, match=rf"not differentiable.*left ≈ {left}.*right ≈ {right}"):
        derivative(f, 0.0)


def test_derivative_where_f_and_f_prime_are_both_zero() -> None:
    assert abs(derivative(lambda t: t * abs(t), 0.0)) < 1e-12
    assert abs(derivative(lambda t: t * t if t > 0 else 0.0, 0.0)) < 1e-12


@pytest.mark.parametrize("jump_at", [0.0, 1.0, 0.3, -2.5])
def test_derivative_refuses_a_step_function(jump_at: float) -> None:
    with pytest.raises((DomainError, ConvergenceError)):
        derivative(lambda t: 1.0 if t >= jump_at else 0.0, jump_at)


def test_derivative_of_math_floor_at_an_integer_is_refused() -> None:
    with pytest.raises((DomainError, ConvergenceError)):
        derivative(math.floor, 3.0)


def test_derivative_at_a_pole() -> None:
    # f's own exception is the user's and passes through; an infinite value is refused.
    with pytest.raises(ZeroDivisionError):
        derivative(lambda t: 1 / t, 0.0)
    with pytest.raises(DomainError, match="not finite"):
        derivative(lambda t: 1 / t if t else math.inf, 0.0)


@pytest.mark.parametrize("x", [1e-3, -1e-3, 1e-8, 1e-100, 1e-300, 1e-310])
def test_derivative_near_a_pole_is_right_or_refused(x: float) -> None:
    truth = -1 / x / x if abs(x) > 1e-150 else -math.inf
    if math.isinf(truth):
        with pytest.raises((DomainError, ConvergenceError)):
            derivative(lambda t: 1 / t, x)
    else:
        assert derivative(lambda t: 1 / t, x) == pytest.approx(truth, rel=1e-8)


def test_derivative_beside_a_pole_inside_the_steps() -> None:
    right_or_refused(lambda: derivative(lambda t: 1 / (t - 1), 0.999), -1e6, 1e-8)
    right_or_refused(lambda: derivative(lambda t: math.tan(t), math.pi / 2 - 1e-4), 1e8, 1e-8)


@pytest.mark.parametrize("x", [16.0, -16.0, 32.0, 17.0, 8.0])
def test_derivative_at_a_root_where_f_rounds_its_argument(x: float) -> None:
    """sin(5πt) at t = 16: f rounds 5π·t, an error of ε·|5πt| that f's tiny values near its
    root cannot show. The table once went on to steps where only that rounding was left and
    returned 16.0 with a claimed error of 1e-14 (true 5π = 15.70796…)."""
    from scratchmath.calculus.derivatives import derivative_with_error

    value, error = derivative_with_error(lambda t: math.sin(5 * math.pi * t), x)
    true = 5 * math.pi * math.cos(5 * math.pi * x)
    assert abs(value - true) <= 1e-10 * abs(true)
    assert abs(value - true) <= 2 * error + 1e-15


def test_derivative_with_rounding_inside_f_is_honest() -> None:
    from scratchmath.calculus.derivatives import derivative_with_error

    # Found by the autodiff property test: at t = 2⁻⁶, f ≈ 1.5e-8 but its values are
    # quantised in steps of ~5.5e-17 (the rounding of 1 + y); derivative_with_error
    # returned 2⁻¹⁷ = 7.6294e-6 ± 4e-15, while f′(t) = 7.6266e-6.
    def f(t: float) -> float:
        return 0.5 * math.log(1 + math.log(1 + t * t) ** 2)

    t = 0.015625
    y = math.log(1 + t * t)
    truth = y / (1 + y * y) * 2 * t / (1 + t * t)
    value, error = derivative_with_error(f, t)
    assert abs(value - truth) <= error


def test_derivative_at_a_double_root_computed_by_cancellation() -> None:
    # Found by the tangent_plane property test: ∂/∂y (y² + 2y) at y = −1 is 0, but
    # derivative raised "keep changing at steps below the one that looked settled": the
    # rounding of terms of size 1 cancelling to (t + 1)² ≈ 0 is far above ε·|f|. The noise
    # measured in f's values sees it.
    assert derivative(lambda t: t**2 + 1.0 + 2 * t, -1.0) == pytest.approx(0.0, abs=1e-10)


@pytest.mark.xfail(
    reason="seven values measure the noise of f poorly: here the sixth differences are 0 by "
    "chance, the measurement says 'smooth', and the error claimed (1.4e-15) is below the "
    "true error (3.6e-15); found by a property test over x in [−1.01, −0.99]",
    raises=AssertionError,
    strict=True,
)
def test_derivative_of_a_square_computed_by_cancellation() -> None:
    # (t + 1)² written out as t² + 1 + 2t: the derivative 2(x + 1), with an honest error.
    x = -0.9922675297380594
    value, error = derivative_with_error(lambda t: t**2 + 1.0 + 2 * t, x)
    assert abs(value - 2 * (x + 1)) <= error


def _single(y: float) -> float:
    """y rounded to single precision (float32), as numpy.float32 would compute it."""
    return float(struct.unpack("f", struct.pack("f", y))[0])


QUANTISED = [
    ("sin in float32 at 1", lambda t: _single(math.sin(t)), math.cos(1.0), 1.0),
    ("sin in float32 at 0.1", lambda t: _single(math.sin(t)), math.cos(0.1), 0.1),
    ("exp in float32 at 0.3", lambda t: _single(math.exp(t)), math.exp(0.3), 0.3),
    ("sin rounded to 6 decimals", lambda t: round(math.sin(t), 6), math.cos(1.0), 1.0),
]


@pytest.mark.parametrize(
    ("f", "slope", "x"), [q[1:] for q in QUANTISED], ids=[q[0] for q in QUANTISED]
)
def test_derivative_of_a_quantised_function_is_never_a_silent_zero(
    f: Callable[[float], float], slope: float, x: float
) -> None:
    # A function computed in single precision, or rounded, has values in steps of ~1e-7: at
    # small steps f(x + h) = f(x − h), and three rows agreed on a derivative of exactly 0
    # (derivative(float32 sin, 1.0) returned 0.0 ± 2e-7). Right to the precision f's values
    # allow (about 1e-5 here), or refused.
    try:
        value = derivative(f, x)
    except ConvergenceError:
        return
    assert abs(value - slope) <= 1e-5


@pytest.mark.xfail(
    reason="the error claimed for float32 sin at 1 is 4.1e-7, the true error 7.6e-7: the noise "
    "of f's values (steps of 6e-8) is not measured where f′·δ is below one step",
    raises=AssertionError,
    strict=True,
)
def test_derivative_error_claim_of_a_float32_function() -> None:
    value, error = derivative_with_error(lambda t: _single(math.sin(t)), 1.0)
    assert abs(value - math.cos(1.0)) <= error


@given(st.floats(-700.0, 700.0))
def test_derivative_of_exp_far_from_zero(x: float) -> None:
    # exp′ = exp at every x. The first step, 0.1·|x|, is far larger than the scale on which exp
    # varies (at x = 500 the first quotients are e⁵⁰ times f′): the absolute floor of the
    # stopping rule must not be taken from those rows. It once was, and derivative(exp, 500)
    # returned −35·e⁵⁰⁰ without a word.
    value, error = derivative_with_error(math.exp, x)
    assert abs(value - math.exp(x)) <= error <= 1e-10 * math.exp(x)
