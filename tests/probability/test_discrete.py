"""Tests of scratchmath.probability.discrete.

Theorems and properties checked:

- pmf sums to one exactly
- pmf sums to one
- cdf is monotone with limits 0 and 1
- discrete ppf inverts cdf
- families known values
- pmf is zero off the integers
- same seed gives the same numbers
- samplers pass a chi square test
- samples stay in the support
- categorical methods reject bad arguments
- geometric with an exact p is exact far out
- moments of extreme parameters do not divide by zero
- log mass ratio declines what it cannot improve

The tail tests from issue 21 (no silent wrong answers in the tails): certified values computed
with mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
the expression that produced its numbers.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    DiscreteDistribution,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)
from scratchmath.scalars import exact_sqrt
from tests.probability.helpers import ALL, close, exact_finite_discretes, float_discretes, near

# ---------------------------------------------------------------------------------------------
# The axioms of a distribution.


@given(exact_finite_discretes)
def test_pmf_sums_to_one_exactly(dist: DiscreteDistribution) -> None:
    assert sum(dist.pmf(x) for x in dist.support()) == 1


@given(float_discretes)
@settings(max_examples=30)
def test_pmf_sums_to_one(dist: DiscreteDistribution) -> None:
    if isinstance(dist, Categorical):
        outcomes: Any = dist.support()
    else:
        low, high = dist.significant_range(tail=1e-20)  # type: ignore[attr-defined]
        outcomes = range(low, high + 1)
    assert close(math.fsum(float(dist.pmf(x)) for x in outcomes), 1.0, 1e-13)


@given(st.one_of(exact_finite_discretes, float_discretes))
@settings(max_examples=40)
def test_cdf_is_monotone_with_limits_0_and_1(dist: DiscreteDistribution) -> None:
    outcomes = list(dist.support())[:300] if isinstance(dist, Categorical) else None
    if outcomes is None:
        low, high = dist.significant_range()  # type: ignore[attr-defined]
        outcomes = list(range(low, min(high, low + 400) + 1))
    below = next(iter(dist.support())) - 1
    values = [dist.cdf(x) for x in [below, *outcomes]]
    assert values[0] == 0
    assert all(a <= b for a, b in itertools.pairwise(values))
    assert dist.cdf(math.inf) == 1 and dist.cdf(-math.inf) == 0


@given(st.one_of(exact_finite_discretes, float_discretes), st.floats(0.0, 1.0))
@settings(max_examples=40)
def test_discrete_ppf_inverts_cdf(dist: DiscreteDistribution, q: float) -> None:
    if isinstance(dist, Categorical):
        k = dist.ppf(q)
        smaller = [x for x in dist.support() if x < k]
        assert dist.cdf(k) >= q
        assert not smaller or dist.cdf(max(smaller)) < q
        return
    k = dist.ppf(q)
    if k == math.inf:  # only an infinite support at q = 1: no finite k has F(k) = 1
        assert q == 1 and math.isinf(dist._high())  # type: ignore[attr-defined]
        return
    assert dist.cdf(k) >= q
    assert k == next(iter(dist.support())) if q == 0 else dist.cdf(k - 1) < q


def test_families_known_values() -> None:
    assert Binomial(4, Fraction(1, 2)).pmf(2) == Fraction(3, 8)
    assert Geometric(Fraction(1, 6)).pmf(2) == Fraction(5, 36)
    assert close(Geometric(0.5).cdf(3), 0.875, 1e-16)
    assert DiscreteUniform(1, 6).cdf(Fraction(7, 2)) == Fraction(1, 2)
    assert Poisson(0).pmf(0) == 1 and Poisson(0).cdf(0) == 1
    assert Uniform(0, 4).pdf(5) == 0 and Uniform(0, 4).ppf(0.5) == 2.0
    assert close(Normal(100, 15).cdf(130), 0.9772498680518208, 1e-15)
    assert close(Exponential(2).cdf(1), 1 - math.exp(-2), 1e-15)
    assert Exponential(2).ppf(0.75) == pytest.approx(math.log(4) / 2, rel=1e-15)
    assert Bernoulli(0).pmf(1) == 0 and Bernoulli(1).pmf(1) == 1
    assert list(Binomial(5, 0).support()) == [0] and list(Binomial(5, 1).support()) == [5]
    assert Categorical({1: 0.5, 2: 0.5, "x": 0}).pmf("x") == 0


def test_pmf_is_zero_off_the_integers() -> None:
    assert Poisson(2).pmf(1.5) == 0 and Binomial(3, 0.5).pmf(-1) == 0
    assert Poisson(2).pmf(Fraction(1, 2)) == 0 and Geometric(0.5).pmf(0) == 0


@pytest.mark.parametrize("dist", ALL, ids=repr)
def test_same_seed_gives_the_same_numbers(dist: Any) -> None:
    state = random.getstate()
    first = dist.sample(50, rng=123)
    assert first == dist.sample(50, rng=123)
    assert first == dist.sample(50, rng=random.Random(123))
    assert random.getstate() == state  # the global generator is never touched
    assert len(dist.sample(7)) == 7 and dist.sample(0, rng=1) == []


def _chi_square(dist: DiscreteDistribution, draws: list[Any]) -> tuple[float, int]:
    counts = Counter(draws)
    n = len(draws)
    stat, bins, spare_obs, spare_exp = 0.0, 0, 0, 0.0
    low, high = dist.significant_range(1e-12)  # type: ignore[attr-defined]
    for k in range(low, high + 1):
        spare_obs += counts.get(k, 0)
        spare_exp += n * float(dist.pmf(k))
        if spare_exp >= 20:
            stat += (spare_obs - spare_exp) ** 2 / spare_exp
            bins, spare_obs, spare_exp = bins + 1, 0, 0.0
    return stat, bins - 1


@pytest.mark.parametrize(
    "dist",
    [
        Poisson(3.5),
        Poisson(40),
        Poisson(1000),
        Binomial(30, 0.2),
        Binomial(400, 0.7),
        Geometric(0.3),
    ],
    ids=repr,
)
def test_samplers_pass_a_chi_square_test(dist: Any) -> None:
    # PTRS (Poisson λ ≥ 10), BTRS (Binomial, n·min(p, q) ≥ 10) and the inversions: the
    # statistic must stay below df + 6·√(2·df) (p ≈ 10⁻⁵ for a fixed seed).
    stat, df = _chi_square(dist, dist.sample(40_000, rng=99))
    assert stat <= df + 6 * math.sqrt(2 * df)


def test_samples_stay_in_the_support() -> None:
    assert set(Categorical({"a": 0.2, "b": 0.0, "c": 0.8}).sample(2000, rng=1)) == {"a", "c"}
    assert set(DiscreteUniform(1, 6).sample(2000, rng=1)) == set(range(1, 7))
    assert all(x >= 1 for x in Geometric(0.9).sample(1000, rng=1))
    assert all(x >= 0 for x in Exponential(1).sample(1000, rng=1))
    assert set(Bernoulli(1).sample(10, rng=1)) == {1} and set(Bernoulli(0).sample(10, rng=1)) == {0}


def test_categorical_methods_reject_bad_arguments() -> None:
    letters = Categorical({"a": 0.5, "b": 0.5})
    with pytest.raises(TypeError, match="an outcome must be hashable, got list"):
        letters.pmf([1])
    with pytest.raises(TypeError, match="mean needs numeric outcomes, got 'a'"):
        letters.mean()
    with pytest.raises(TypeError, match="variance needs numeric outcomes"):
        letters.variance()
    with pytest.raises(TypeError, match="cdf needs numeric outcomes"):
        letters.cdf(1)
    with pytest.raises(TypeError, match="ppf needs numeric outcomes"):
        letters.ppf(0.5)
    with pytest.raises(DomainError, match=r"q must be in \[0, 1\]"):
        Categorical({1: 1}).ppf(-0.5)


def test_geometric_with_an_exact_p_is_exact_far_out() -> None:
    g = Geometric(Fraction(1, 2))
    assert g.pmf(10001) == Fraction(1, 2**10001)  # was 0.0
    assert g.cdf(10001) == 1 - Fraction(1, 2**10001)


def test_moments_of_extreme_parameters_do_not_divide_by_zero() -> None:
    assert Exponential(1e-300).variance() == math.inf  # was ZeroDivisionError
    assert near(Exponential(1e-300).std(), 1e300, 2.0**-52)
    assert Geometric(1e-300).variance() == math.inf
    assert Normal(0, 1e200).std() == 1e200
    assert DiscreteUniform(0, 10**400).std() == math.inf  # √(10⁸⁰⁰/12) saturates
    assert DiscreteUniform(0, 10**40).std() == exact_sqrt(DiscreteUniform(0, 10**40).variance())


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


exact_probabilities = st.fractions(0, 1, max_denominator=12)
positive_probabilities = st.fractions(Fraction(1, 12), 1, max_denominator=12)


@st.composite
def exact_integer_distributions(draw: Any) -> Any:
    """A distribution on the integers with rational masses, and a range covering its mass."""
    kind = draw(st.sampled_from(["bernoulli", "binomial", "uniform", "geometric", "categorical"]))
    if kind == "bernoulli":
        return Bernoulli(draw(exact_probabilities)), range(-2, 3)
    if kind == "binomial":
        n = draw(st.integers(0, 12))
        return Binomial(n, draw(exact_probabilities)), range(-2, n + 3)
    if kind == "uniform":
        a, width = draw(st.integers(-10, 10)), draw(st.integers(0, 8))
        return DiscreteUniform(a, a + width), range(a - 2, a + width + 3)
    if kind == "geometric":
        return Geometric(draw(positive_probabilities)), range(-2, 25)
    weights = draw(st.lists(st.integers(1, 9), min_size=1, max_size=5))
    outcomes = draw(st.lists(st.integers(-8, 8), min_size=len(weights), max_size=5, unique=True))
    total = sum(weights)
    mapping = {x: Fraction(w, total) for x, w in zip(outcomes, weights, strict=False)}
    return Categorical(mapping), range(-10, 11)


@given(exact_integer_distributions())
def test_cdf_is_running_sum_of_pmf(case: Any) -> None:
    # F(k) = Σ_{j ≤ k} p(j), exactly: a cdf with a wrong sign or power shows at once.
    dist, ks = case
    running = Fraction(0)
    for k in ks:
        running += dist.pmf(k)
        assert dist.cdf(k) == running, (dist, k)
        assert dist.sf(k) == 1 - running, (dist, k)


@given(positive_probabilities, st.integers(1, 40))
def test_geometric_cdf_is_one_minus_the_chance_of_k_failures(p: Fraction, k: int) -> None:
    # P(X ≤ k) = 1 − (1 − p)ᵏ: the first success is within k trials unless all k fail.
    dist = Geometric(p)
    assert dist.cdf(k) == 1 - (1 - p) ** k
    assert dist.cdf(k) == sum(dist.pmf(j) for j in range(1, k + 1))


@given(st.floats(0.01, 0.99), st.integers(1, 60))
def test_geometric_float_cdf_is_running_sum_of_pmf(p: float, k: int) -> None:
    # Over floats: the running sum (fsum of k terms, each within a few ulps) agrees to 1e-13.
    dist = Geometric(p)
    total = math.fsum(float(dist.pmf(j)) for j in range(1, k + 1))
    assert math.isclose(float(dist.cdf(k)), total, rel_tol=1e-13, abs_tol=1e-15)


@given(st.floats(0.1, 30.0), st.integers(0, 60))
def test_poisson_cdf_is_running_sum_of_pmf(lam: float, k: int) -> None:
    dist = Poisson(lam)
    total = math.fsum(float(dist.pmf(j)) for j in range(k + 1))
    assert math.isclose(float(dist.cdf(k)), total, rel_tol=1e-12, abs_tol=1e-15)


def test_log_mass_ratio_declines_what_it_cannot_improve() -> None:
    assert Bernoulli(0.5).log_mass_ratio(Poisson(1.0), 1) is None  # another family
    assert Binomial(10, 0.5).log_mass_ratio(Binomial(11, 0.5), 3) is None  # another n
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), "heads") is None
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), True) is None
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), 2) is None  # outside the support
    assert Bernoulli(0.0).log_mass_ratio(Bernoulli(0.25), 1) is None  # p(1) = 0
    exact = Bernoulli(Fraction(1, 3)).log_mass_ratio(Bernoulli(Fraction(1, 2)), 1)
    assert exact == math.log(1.5)
    assert math.isclose(
        Geometric(0.5).log_mass_ratio(Geometric(0.25), 3),
        math.log((0.75**2 * 0.25) / (0.5**2 * 0.5)),
        rel_tol=1e-15,
    )
