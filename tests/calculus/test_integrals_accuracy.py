"""Tests of scratchmath.calculus.integrals: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:

- integral of floor is honest
- integral of abs sin 17x is honest
- three spikes is honest
- three spikes is solved
- divergent integrals are refused not extrapolated
- divergent tail is refused
- a long range with the mass near one end
- claim on a step function
- claim on a kink
- claim on a narrow spike
- no leaks one variable
- no leaks with a smooth f
"""

from __future__ import annotations

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
    find_root,
    integrate,
    integrate_with_error,
    newton,
    riemann_sum,
    second_derivative,
    simpson,
    tangent_line,
    trapezoid,
)
from scratchmath.errors import ConvergenceError
from tests.calculus.helpers import extreme, functions, no_leak


def sech(t: float) -> float:
    """1/cosh t without overflow for large |t|."""
    t = abs(t)
    return 0.0 if t > 700 else 1 / math.cosh(t)


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
@settings(max_examples=10)  # a recorded gap (xfail): a few draws show it
@KNOWN_GAP
def test_claim_on_a_step_function(jump: float, height: float, b: float) -> None:
    b = max(b, 1.0)
    truth = height * (b - jump)
    honest(lambda x: height if x >= jump else 0.0, 0.0, b, truth, factor=2.0)


@given(st.floats(0.01, 0.99), st.floats(0.1, 10))
@settings(max_examples=10)  # a recorded gap (xfail): a few draws show it
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
