"""Tests of scratchmath.probability.expectation.

Theorems and properties checked:

- expectation is linear exactly
- expectation is linear
- expectation of a subnormal multiple
- closed form mean and variance equal the definition exactly
- closed form mean and variance equal the definition
- expectation of the dice game is an exact loss
- expectation of non numeric outcomes through g
- expectation of infinite supports meets the closed forms
- infinite expectation raises
- running mean approaches the mean
- running mean is exact for rationals when asked
- running mean gives correctly rounded floats by default
- running mean is the average of the prefix
- expectation rejects bad arguments
- running mean and law of large numbers reject bad arguments
- expectation rescales tiny and huge values of g
- expectation is homogeneous in powers of two
- expectation reports g that lost its digits or overflowed
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability import (
    Bernoulli,
    Categorical,
    DiscreteDistribution,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
    expectation,
    law_of_large_numbers,
    running_mean,
    variance,
)
from tests.probability.helpers import (
    NAN,
    close,
    continuous,
    exact_finite_discretes,
    float_discretes,
)

# ---------------------------------------------------------------------------------------------
# Expectation: linear, and equal to the closed forms.


@given(exact_finite_discretes, st.integers(-5, 5), st.integers(-5, 5))
def test_expectation_is_linear_exactly(dist: DiscreteDistribution, a: int, b: int) -> None:
    def g(x: Any) -> Any:
        return x * x

    def h(x: Any) -> Any:
        return 3 * x - 1

    combined = expectation(dist, lambda x: a * g(x) + b * h(x))
    assert combined == a * expectation(dist, g) + b * expectation(dist, h)


# Coefficients whose products with the function values and the probabilities stay normal
# floats. A subnormal b (5·10⁻³²⁴) makes x ↦ a·g(x) + b·h(x), *as evaluated in floats*, a
# different function — b·h(x) rounds to a multiple of 2⁻¹⁰⁷⁴, and b·h(x)·p(x) to 0 — so
# linearity of E, a theorem about the exact functions, says nothing about it: no algorithm
# that sees only those float values could meet a relative tolerance there. Coefficients down
# to 10⁻³¹⁰ are handled (test_expectation_of_a_subnormal_multiple below).
coefficients = st.floats(-5, 5).filter(lambda c: c == 0 or abs(c) >= 1e-290)


@given(st.one_of(float_discretes, continuous), coefficients, coefficients)
@settings(max_examples=25)
def test_expectation_is_linear(dist: Any, a: float, b: float) -> None:
    mu = float(dist.mean())
    sd = math.sqrt(float(dist.variance()))
    assume(sd > 0)

    def g(x: Any) -> float:
        return ((x - mu) / sd) ** 2  # standardised: every term has the scale 1

    def h(x: Any) -> float:
        return (x - mu) / sd

    combined = expectation(dist, lambda x: a * g(x) + b * h(x))
    separate = a * expectation(dist, g) + b * expectation(dist, h)
    assert close(combined, separate, 1e-10, 1e-10 * (abs(a) + abs(b)))


def test_expectation_of_a_subnormal_multiple() -> None:
    # E[c·Z²] = c for Z standardised, c = 10⁻³¹⁰: the integrator once got abs_tol = 10⁻¹⁴·c,
    # which underflowed to 0 and raised "abs_tol must be positive"; now f is scaled by 2⁻ᵉ.
    for dist in (Normal(0, 1), Exponential(1.0), Uniform(0, 1), Normal(3, 2)):
        mu, sd = float(dist.mean()), math.sqrt(float(dist.variance()))
        got = expectation(dist, lambda x, m=mu, s=sd: 1e-310 * ((x - m) / s) ** 2)
        assert close(got, 1e-310, 1e-9, 0.0)  # 1e-310 itself carries only 42 bits
        centred = expectation(dist, lambda x, m=mu, s=sd: 1e-310 * (x - m) / s)
        assert abs(centred) <= 1e-320
    assert close(expectation(Poisson(2.5), lambda k: 1e-310 * (k - 2.5) ** 2), 2.5e-310, 1e-9, 0)


@given(exact_finite_discretes)
def test_closed_form_mean_and_variance_equal_the_definition_exactly(
    dist: DiscreteDistribution,
) -> None:
    assert expectation(dist) == dist.mean()
    assert variance(dist) == dist.variance()


@given(st.one_of(float_discretes, continuous))
@settings(max_examples=30)
def test_closed_form_mean_and_variance_equal_the_definition(dist: Any) -> None:
    sd = math.sqrt(float(dist.variance()))
    assert close(expectation(dist), dist.mean(), 1e-10, 1e-10 * sd)
    assert close(variance(dist), dist.variance(), 1e-9)


def test_expectation_of_the_dice_game_is_an_exact_loss() -> None:
    # The essay's game: on a 1 or a 2 win 300, otherwise lose 200.
    game = expectation(DiscreteUniform(1, 6), lambda face: 300 if face <= 2 else -200)
    assert game == Fraction(-100, 3) and isinstance(game, Fraction)
    assert expectation(Categorical({300: Fraction(1, 3), -200: Fraction(2, 3)})) == game
    # The essay's own arithmetic, with a win of 100, gives −100.
    assert expectation(DiscreteUniform(1, 6), lambda face: 100 if face <= 2 else -200) == -100


def test_expectation_of_non_numeric_outcomes_through_g() -> None:
    coin = Categorical({"heads": Fraction(1, 2), "tails": Fraction(1, 2)})
    assert expectation(coin, lambda side: 1 if side == "heads" else 0) == Fraction(1, 2)


def test_expectation_of_infinite_supports_meets_the_closed_forms() -> None:
    assert close(expectation(Poisson(1e5)), 1e5, 1e-13)
    assert close(expectation(Geometric(0.001)), 1000.0, 1e-12)
    # E[X⁴] = λ⁴ + 6λ³ + 7λ² + λ for a Poisson(λ)
    assert close(expectation(Poisson(4), lambda k: k**4), 256 + 6 * 64 + 7 * 16 + 4, 1e-13)
    assert close(variance(Normal(1e6, 1)), 1.0, 1e-10)


def test_infinite_expectation_raises() -> None:
    with pytest.raises(ConvergenceError, match="seems infinite"):
        # terms ≈ 0.001·(1.0011·0.999)ᵏ grow: E[1.0011ˣ] = ∞ for Geometric(0.001)
        expectation(Geometric(0.001), lambda k: 1.0011**k)


# ---------------------------------------------------------------------------------------------
# The law of large numbers.


@pytest.mark.parametrize(
    "dist",
    [Bernoulli(0.3), Poisson(4.5), Geometric(0.2), Normal(10, 3), Exponential(0.5), Uniform(-1, 3)],
    ids=repr,
)
def test_running_mean_approaches_the_mean(dist: Any) -> None:
    n = 20_000
    averages = law_of_large_numbers(dist, n, rng=2024)
    sd = math.sqrt(float(dist.variance()))
    assert len(averages) == n
    # X̄ₙ − μ has standard deviation σ/√n: 4.5 of them is a 1-in-150 000 event for a fixed seed.
    assert abs(averages[-1] - dist.mean()) <= 4.5 * sd / math.sqrt(n)
    # and is far from settled after 10 draws (it could not fail the test if it were always 0)
    assert averages[9] != averages[-1]


def test_running_mean_is_exact_for_rationals_when_asked() -> None:
    assert running_mean([1, 0, 0, Fraction(1, 2)], exact=True) == [
        1,
        Fraction(1, 2),
        Fraction(1, 3),
        Fraction(3, 8),
    ]
    assert running_mean([]) == []
    assert running_mean([1, 2.5]) == [1, 1.75]


def test_running_mean_gives_correctly_rounded_floats_by_default() -> None:
    # a coin's running mean is what a learner plots: floats, each the exact mean rounded once
    averages = running_mean([1, 0, 0, Fraction(1, 2), 10**400, -(10**400)])
    assert all(type(a) is float for a in averages)
    assert averages[:4] == [1.0, 0.5, 1 / 3, 0.375]
    assert averages[5] == 1.5 / 6  # the huge pair cancels exactly, not into inf − inf
    assert law_of_large_numbers(Bernoulli(Fraction(1, 2)), 3, rng=1, exact=True)[0] in (0, 1)
    assert type(law_of_large_numbers(Bernoulli(Fraction(1, 2)), 3, rng=1)[0]) is float
    with pytest.raises(TypeError, match="exact=True needs int or Fraction samples"):
        running_mean([1, 0.5], exact=True)


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50))
def test_running_mean_is_the_average_of_the_prefix(xs: list[float]) -> None:
    averages = running_mean(xs)
    for k in (1, len(xs)):
        assert close(averages[k - 1], math.fsum(xs[:k]) / k, 1e-15, 1e-9)


def test_expectation_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError, match="expectation needs a distribution, got list"):
        expectation([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="g must be callable, got int"):
        expectation(Bernoulli(0.5), 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="g must return real numbers, got str"):
        expectation(Bernoulli(0.5), lambda x: "x")
    with pytest.raises(DomainError, match="g returned NaN at x = 0"):
        expectation(Bernoulli(0.5), lambda x: NAN)
    with pytest.raises(TypeError, match="outcomes must be numbers to average them, got 'a'"):
        expectation(Categorical({"a": 1}))
    with pytest.raises(DomainError, match="more than 2000000 likely outcomes"):
        expectation(DiscreteUniform(0, 10**9))
    with pytest.raises(ZeroDivisionError):  # the user's own error passes through unchanged
        expectation(Bernoulli(0.5), lambda x: 1 / x)
    with pytest.raises(TypeError, match="variance needs a distribution, got str"):
        variance("N(0, 1)")  # type: ignore[arg-type]


def test_running_mean_and_law_of_large_numbers_reject_bad_arguments() -> None:
    with pytest.raises(TypeError, match="samples must be iterable, got int"):
        running_mean(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="samples must be real numbers, got str 'a'"):
        running_mean(["a"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="samples must be real numbers, got bool"):
        running_mean([True])
    with pytest.raises(DomainError, match="sample 2 is NaN"):
        running_mean([1.0, NAN])
    with pytest.raises(DomainError, match="n must be a non-negative number of samples, got -5"):
        law_of_large_numbers(Bernoulli(0.5), -5)
    with pytest.raises(TypeError, match="law_of_large_numbers needs a distribution, got int"):
        law_of_large_numbers(5, 10)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="samples must be real numbers, got str"):
        law_of_large_numbers(Categorical({"H": 1}), 3, rng=1)


# ---------------------------------------------------------------------------------------------
# No silent wrong answers in the tails (issue 21). The certified values were computed with
# mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
# the expression that produced its numbers.


def test_expectation_rescales_tiny_and_huge_values_of_g() -> None:
    # E[c·Z²] = c for Z ~ N(0, 1): c = 10⁻³⁰⁵ (g·f was near underflow) and c = 10³⁰⁵ (g
    # overflows only where the density is 0); E[10⁻³¹⁰·K] for a Poisson was 12 ulps off.
    assert math.isclose(expectation(Normal(0, 1), lambda x: 1e-305 * x * x), 1e-305, rel_tol=1e-12)
    assert math.isclose(expectation(Normal(0, 1), lambda x: 1e305 * x * x), 1e305, rel_tol=1e-12)
    assert expectation(Poisson(3), lambda k: 1e-310 * k) == 3e-310
    assert expectation(Poisson(3), lambda k: 5e-324 * k) == 1.5e-323  # exact multiples
    assert math.isclose(expectation(Poisson(3), lambda k: 1e300 * k), 3e300, rel_tol=1e-14)


@settings(max_examples=20)
@given(st.integers(-1020, 1000), st.sampled_from(["normal", "exponential", "poisson"]))
def test_expectation_is_homogeneous_in_powers_of_two(k: int, family: str) -> None:
    # E[2ᵏ·g] = 2ᵏ·E[g]: exact in exact arithmetic, and to rounding here, from g's values
    # near 2⁻¹⁰²⁰ (where g·p would underflow) to near 2¹⁰⁰⁰ (where the sums would overflow).
    dist: Any = {"normal": Normal(0, 1), "exponential": Exponential(1), "poisson": Poisson(3)}[
        family
    ]
    base = expectation(dist, lambda x: x * x)
    scaled = expectation(dist, lambda x: math.ldexp(x * x, k) if abs(x) < 2**10 else 0.0)
    assert math.isclose(scaled, math.ldexp(base, k), rel_tol=1e-12)


def test_expectation_reports_g_that_lost_its_digits_or_overflowed() -> None:
    # 5·10⁻³²⁴·x² (it returned 0.0) and 10⁻³¹⁵·x are rounded to multiples of 5·10⁻³²⁴
    # inside g: at most a few digits are left, and an integral cannot meet its tolerance.
    with pytest.raises(ConvergenceError, match="g's values are subnormal"):
        expectation(Normal(0, 1), lambda x: 5e-324 * x * x)
    with pytest.raises(ConvergenceError, match="g's values are subnormal"):
        expectation(Exponential(1), lambda x: 1e-315 * x)
    # 10³⁰⁷·x² is inf from x = 4.3 on, where the density is not yet 0.
    with pytest.raises(DomainError, match="g returned inf at x = "):
        expectation(Normal(0, 1), lambda x: 1e307 * x * x)
