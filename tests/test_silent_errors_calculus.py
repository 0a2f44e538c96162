"""No silent wrong answers in calculus: the cases a learner types first, and the classes
behind them (derivatives of periodic functions whose period is a power of two, points far
from 0, kinks, jumps and poles; integrals whose error estimate could lie: jumps, kinks,
narrow spikes, divergent tails), and no raw ZeroDivisionError / OverflowError / ValueError /
IndexError / RecursionError from any public calculus function.

The rule every test here checks: the answer is right to its claimed accuracy, or the call
raises a scratchmath error (DomainError, ConvergenceError) that says why.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    antiderivative,
    classify_critical_point,
    critical_points,
    derivative,
    difference_quotient,
    directional_derivative,
    find_root,
    gradient,
    gradient_descent,
    hessian,
    integrate,
    integrate_with_error,
    jacobian,
    newton,
    partial_derivative,
    riemann_sum,
    second_derivative,
    simpson,
    tangent_line,
    trapezoid,
)
from scratchmath.errors import ConvergenceError, DimensionError, DomainError

#: What a public calculus function may raise: the library's own errors and TypeError.
ALLOWED = (DomainError, ConvergenceError, DimensionError, TypeError)


def right_or_refused(call: Callable[[], float], truth: float, rel: float) -> None:
    """The call returns truth to rel (relative to max(1, |truth|)), or raises an allowed error."""
    try:
        got = call()
    except (DomainError, ConvergenceError):
        return
    assert abs(got - truth) <= rel * max(1.0, abs(truth)), (got, truth)


def sech(t: float) -> float:
    """1/cosh t without overflow for large |t|."""
    t = abs(t)
    return 0.0 if t > 700 else 1 / math.cosh(t)


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


def test_critical_points_of_sin_pi_x() -> None:
    found = critical_points(lambda x: math.sin(math.pi * x), 8.05, 8.95)
    assert found == [pytest.approx(8.5, abs=1e-9)]


def test_classify_cos_two_pi_t_at_an_integer() -> None:
    assert classify_critical_point(lambda t: math.cos(2 * math.pi * t), 4.0) == "maximum"


def test_gradient_descent_on_sin_pi_x_moves() -> None:
    result = gradient_descent(lambda v: math.sin(math.pi * v[0]), [8.0], learning_rate=0.05)
    assert result.steps > 0
    assert result.converged
    assert result.x[0] == pytest.approx(7.5, abs=1e-6)


def test_gradient_and_hessian_of_sin_pi_x() -> None:
    f = lambda v: math.sin(math.pi * v[0]) * math.cos(math.pi * v[1])  # noqa: E731
    g = gradient(f, [2.0, 4.0])
    assert list(g) == [pytest.approx(math.pi, rel=1e-10), pytest.approx(0.0, abs=1e-10)]
    H = hessian(f, [2.5, 4.0])
    assert H.rows[0][0] == pytest.approx(-(math.pi**2), rel=1e-7)


def test_critical_points_skips_a_pole() -> None:
    assert critical_points(lambda x: 1 / x**2, -1.0, 1.1) == []
    assert critical_points(lambda x: 1 / x, -1.0, 1.1) == []


@given(st.lists(st.integers(-4, 4), min_size=3, max_size=6))
@settings(max_examples=30)
def test_every_critical_point_has_a_small_slope(coefficients: list[int]) -> None:
    def p(t: float) -> float:
        return sum(c * t**k for k, c in enumerate(coefficients))

    def p_prime(t: float) -> float:
        return sum(k * c * t ** (k - 1) for k, c in enumerate(coefficients) if k)

    if all(c == 0 for c in coefficients[1:]):
        return
    try:
        found = critical_points(p, -2.0, 2.0)
    except DomainError:
        return
    largest = max(abs(p_prime(-2 + 4 * i / 100)) for i in range(101))
    for x in found:
        assert abs(p_prime(x)) <= 1e-6 * max(1.0, largest)


def test_hessian_and_classification_near_a_saddle() -> None:
    H = hessian(lambda v: v[0] ** 2 - v[1] ** 2, [1e-9, 0.0])
    assert [[round(e, 6) + 0.0 for e in row] for row in H.rows] == [[2.0, 0.0], [0.0, -2.0]]
    assert classify_critical_point(lambda v: v[0] ** 2 - v[1] ** 2, [1e-9, 0.0]) == "saddle"


# --------------------------------------------------------------------------------------------
# Integrals: the reported error must bound the true error, or the call must raise
# --------------------------------------------------------------------------------------------


#: Known gaps (issue 21, left open): a jump whose position makes the Kronrod and Gauss sums
#: agree by coincidence, and a spike narrower than the node spacing, are invisible to every
#: rule that samples f at fixed nodes (scipy's quad fails the same cases); these tests
#: record the gap until the integrator samples more densely where it cannot see.
KNOWN_GAP = pytest.mark.xfail(reason="a feature between the nodes is invisible", strict=False)


def honest(
    f: Callable[[float], float], a: float, b: float, truth: float, factor: float = 1.0
) -> None:
    """integrate_with_error's claim is at least the true error / factor, or it raises."""
    try:
        result = integrate_with_error(f, a, b)
    except ConvergenceError:
        return
    assert abs(result.value - truth) <= factor * result.error + 1e-15 * abs(truth), (
        result,
        truth,
    )


def test_integral_of_floor_is_honest() -> None:
    # [0, 2.875] holds jumps at relative positions 0.348 and 0.696, where the Kronrod and
    # Gauss sums agree to 1e-14 while both are off by 0.125: the probes between the nodes see it.
    honest(math.floor, 0.0, 5.75, 13.75)
    honest(math.floor, 0.0, 5.9, 14.5)
    assert integrate(math.floor, 0.0, 5.75) == pytest.approx(13.75, rel=1e-10)


def test_integral_of_abs_sin_17x_is_honest() -> None:
    truth = (75 - math.cos(119 - 37 * math.pi)) / 17
    honest(lambda x: abs(math.sin(17 * x)), 0.0, 7.0, truth)


def three_spikes(x: float) -> float:
    """Gander and Gautschi's test integrand: three spikes of widths 0.1, 0.01, 0.001."""
    return sech(10 * (x - 0.2)) ** 2 + sech(100 * (x - 0.4)) ** 4 + sech(1000 * (x - 0.6)) ** 6


def _sech_power_integral(power: int, u: float) -> float:
    """∫₀ᵘ sechᵖ for p = 2, 4, 6, in powers of tanh."""
    t = math.tanh(u)
    return {2: t, 4: t - t**3 / 3, 6: t - 2 * t**3 / 3 + t**5 / 5}[power]


THREE_SPIKES = (
    (_sech_power_integral(2, 8) + _sech_power_integral(2, 2)) / 10
    + (_sech_power_integral(4, 60) + _sech_power_integral(4, 40)) / 100
    + (_sech_power_integral(6, 400) + _sech_power_integral(6, 600)) / 1000
)


@KNOWN_GAP
def test_three_spikes_is_honest() -> None:
    honest(three_spikes, 0.0, 1.0, THREE_SPIKES)


@KNOWN_GAP
def test_three_spikes_is_solved() -> None:
    assert integrate(three_spikes, 0.0, 1.0) == pytest.approx(THREE_SPIKES, rel=1e-10)


def test_divergent_integrals_are_refused_not_extrapolated() -> None:
    with pytest.raises(ConvergenceError):
        integrate_with_error(lambda x: 1 / x, 0.0, 1.0)
    with pytest.raises(ConvergenceError, match="appears to diverge"):
        integrate_with_error(lambda x: 1.0, -math.inf, math.inf)


def test_divergent_tail_is_refused() -> None:
    with pytest.raises(ConvergenceError):
        integrate_with_error(lambda x: 1 / (x * math.log(x)), 2.0, math.inf)


def test_a_long_range_with_the_mass_near_one_end() -> None:
    result = integrate_with_error(lambda x: 1 / (1 + x * x), 0.0, 1e6)
    assert result.value == pytest.approx(math.atan(1e6), rel=1e-10)
    assert abs(result.value - math.atan(1e6)) <= result.error


@given(st.floats(0.01, 0.99), st.floats(0.1, 10), st.sampled_from([0.0, 1.0, 2.5]))
@settings(max_examples=30)
@KNOWN_GAP
def test_claim_on_a_step_function(jump: float, height: float, b: float) -> None:
    b = max(b, 1.0)
    truth = height * (b - jump)
    honest(lambda x: height if x >= jump else 0.0, 0.0, b, truth, factor=2.0)


@given(st.floats(0.01, 0.99), st.floats(0.1, 10))
@settings(max_examples=30)
@KNOWN_GAP
def test_claim_on_a_kink(corner: float, slope: float) -> None:
    truth = slope * (corner**2 + (1 - corner) ** 2) / 2
    honest(lambda x: slope * abs(x - corner), 0.0, 1.0, truth, factor=4.0)


@given(st.floats(0.05, 0.95), st.sampled_from([1e-2, 3e-3, 1e-3]))
@settings(max_examples=30)
def test_claim_on_a_narrow_spike(centre: float, width: float) -> None:
    # ∫ width²/((x−c)² + width²) over [0, 1] = width·(atan((1−c)/width) + atan(c/width))
    truth = width * (math.atan((1 - centre) / width) + math.atan(centre / width))
    honest(lambda x: width * width / ((x - centre) ** 2 + width * width), 0.0, 1.0, truth, 2.0)


# --------------------------------------------------------------------------------------------
# No leaks: extreme inputs and extreme values of f reach only scratchmath's errors
# --------------------------------------------------------------------------------------------

extreme = st.sampled_from(
    [
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        2.2e-308,
        1e-300,
        1.0,
        -1.0,
        1e300,
        -1e300,
        1.7976931348623157e308,
        -1.7976931348623157e308,
        math.inf,
        -math.inf,
        math.nan,
        10**400,
        -(10**400),
    ]
)
values = st.sampled_from(
    [0.0, 1.0, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan, 10**400, -(10**400)]
)


def functions() -> st.SearchStrategy[Callable[[float], Any]]:
    """Functions returning extreme values: constants, and ones that change with x."""
    constant = values.map(lambda v: lambda x: v)
    scaled = values.map(lambda v: lambda x: v * x if isinstance(v, float) else v)
    switching = st.tuples(values, values).map(lambda p: lambda x: p[0] if x < 0.5 else p[1])
    return st.one_of(constant, scaled, switching)


def no_leak(call: Callable[[], object]) -> None:
    with contextlib.suppress(*ALLOWED):
        call()


ONE_VARIABLE = [
    lambda f, a, b: derivative(f, a),
    lambda f, a, b: derivative(f, a, n=3),
    lambda f, a, b: second_derivative(f, a),
    lambda f, a, b: difference_quotient(f, a, b),
    lambda f, a, b: tangent_line(f, a)(b),
    lambda f, a, b: find_root(f, a, b),
    lambda f, a, b: newton(f, a, max_iter=5),
    lambda f, a, b: critical_points(f, a, b, samples=4),
    lambda f, a, b: classify_critical_point(f, a),
    lambda f, a, b: riemann_sum(f, a, b, 3),
    lambda f, a, b: trapezoid(f, a, b, 3),
    lambda f, a, b: simpson(f, a, b, 2),
    lambda f, a, b: integrate_with_error(f, a, b, max_evaluations=200),
    lambda f, a, b: integrate(f, a, b, max_evaluations=200),
    lambda f, a, b: antiderivative(f, a)(b),
]


@pytest.mark.parametrize("call", ONE_VARIABLE, ids=range(len(ONE_VARIABLE)))
@given(f=functions(), a=extreme, b=extreme)
@settings(max_examples=25)
def test_no_leaks_one_variable(call: Any, f: Any, a: Any, b: Any) -> None:
    no_leak(lambda: call(f, a, b))


@pytest.mark.parametrize("call", ONE_VARIABLE, ids=range(len(ONE_VARIABLE)))
@given(a=extreme, b=extreme)
@settings(max_examples=10)
def test_no_leaks_with_a_smooth_f(call: Any, a: Any, b: Any) -> None:
    no_leak(lambda: call(math.sin, a, b))
    no_leak(lambda: call(lambda t: t * t, a, b))


SEVERAL_VARIABLES = [
    lambda f, x, v: partial_derivative(f, x, 0),
    lambda f, x, v: gradient(f, x),
    lambda f, x, v: directional_derivative(f, x, v),
    lambda f, x, v: jacobian(lambda p: [f(p), f(p)], x),
    lambda f, x, v: hessian(f, x),
    lambda f, x, v: classify_critical_point(f, x),
    lambda f, x, v: gradient_descent(f, x, max_steps=5),
]


@pytest.mark.parametrize("call", SEVERAL_VARIABLES, ids=range(len(SEVERAL_VARIABLES)))
@given(
    g=functions(),
    x=st.lists(extreme, min_size=1, max_size=2),
    v=st.lists(extreme, min_size=1, max_size=2),
)
@settings(max_examples=25)
def test_no_leaks_several_variables(call: Any, g: Any, x: Any, v: Any) -> None:
    no_leak(lambda: call(lambda p: g(p[0]), x, v))
    no_leak(lambda: call(lambda p: p[0] * p[-1] * 1e300, x, v))


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
