"""Tests of scratchmath.probability: the theorems of probability and information theory as
Hypothesis properties (exact over Fractions where the quantities are rational), known answers,
sampling, and the errors every constructor and function raises on bad input."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    ContinuousDistribution,
    DiscreteDistribution,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
    cross_entropy,
    cross_entropy_loss,
    entropy,
    expectation,
    kl_divergence,
    law_of_large_numbers,
    running_mean,
    variance,
)
from scratchmath.probability.special import (
    binomial_pmf,
    log_binomial_pmf,
    log_poisson_pmf,
    normal_cdf,
    normal_ppf,
    normal_sf,
)
from scratchmath.probability.summation import frame_of, integrate_pieces

# ---------------------------------------------------------------------------------------------
# Strategies: distributions with exact (Fraction) parameters and with float parameters.

exact_probabilities = st.builds(Fraction, st.integers(0, 12), st.just(12))
open_exact_probabilities = st.builds(Fraction, st.integers(1, 11), st.just(12))
float_probabilities = st.floats(0.01, 0.99)


@st.composite
def exact_categoricals(draw: Any, min_size: int = 1, max_size: int = 6) -> Categorical:
    weights = draw(st.lists(st.integers(0, 9), min_size=min_size, max_size=max_size))
    assume(sum(weights) > 0)
    outcomes = draw(
        st.lists(st.integers(-20, 20), min_size=len(weights), max_size=len(weights), unique=True)
    )
    total = sum(weights)
    return Categorical({x: Fraction(w, total) for x, w in zip(outcomes, weights, strict=True)})


@st.composite
def float_categoricals(draw: Any) -> Categorical:
    weights = draw(st.lists(st.floats(0.01, 10.0), min_size=1, max_size=6))
    total = math.fsum(weights)
    probabilities = [w / total for w in weights]
    return Categorical({i: p for i, p in enumerate(probabilities)})


exact_finite_discretes = st.one_of(
    st.builds(Bernoulli, exact_probabilities),
    st.builds(Binomial, st.integers(0, 30), exact_probabilities),
    exact_categoricals(),
    st.builds(lambda a, w: DiscreteUniform(a, a + w), st.integers(-10, 10), st.integers(0, 12)),
)

float_discretes = st.one_of(
    st.builds(Bernoulli, float_probabilities),
    st.builds(Binomial, st.integers(1, 200), float_probabilities),
    float_categoricals(),
    st.builds(Geometric, st.floats(0.05, 1.0)),
    st.builds(Poisson, st.floats(0.1, 200.0)),
)

continuous = st.one_of(
    st.builds(lambda a, w: Uniform(a, a + w), st.floats(-50, 50), st.floats(0.01, 20.0)),
    st.builds(Normal, st.floats(-100, 100), st.floats(0.01, 50.0)),
    st.builds(Exponential, st.floats(0.01, 50.0)),
)


def close(a: float, b: float, rel: float, abs_: float = 0.0) -> bool:
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_)


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


@given(continuous)
@settings(max_examples=25)
def test_pdf_integrates_to_one(dist: ContinuousDistribution) -> None:
    frame = frame_of([dist])  # x = c + s·u: the density of u is s·f(c + s·u)
    total = integrate_pieces(
        lambda u: frame.scale * float(dist.pdf(frame.centre + frame.scale * u)), frame.breaks
    )
    assert close(total, 1.0, 1e-11)


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


@given(continuous, st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=20))
def test_continuous_cdf_is_monotone_with_limits_0_and_1(
    dist: ContinuousDistribution, xs: list[float]
) -> None:
    values = [dist.cdf(x) for x in sorted(xs)]
    assert all(a <= b for a, b in itertools.pairwise(values))
    assert dist.cdf(-math.inf) == 0 and dist.cdf(math.inf) == 1
    assert all(0 <= v <= 1 for v in values)


@given(continuous, st.floats(1e-12, 1 - 1e-12))
def test_ppf_inverts_cdf(dist: ContinuousDistribution, q: float) -> None:
    x = dist.ppf(q)
    # F(F⁻¹(q)) = q, to the rounding of x: |ΔF| ≤ f(x)·|x|·ε·4.
    slack = 4 * 2.0**-52 * (abs(q) + float(dist.pdf(x)) * (abs(x) + 1))
    assert abs(dist.cdf(x) - q) <= slack + 1e-15 * q


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


def test_ppf_at_the_ends() -> None:
    assert Normal().ppf(0) == -math.inf and Normal().ppf(1) == math.inf
    assert Poisson(3).ppf(1) == math.inf and Geometric(0.5).ppf(1) == math.inf
    assert Binomial(10, 0.5).ppf(1) == 10 and Binomial(10, 0.5).ppf(0) == 0
    assert Bernoulli(1).ppf(0.0) == 1 and Bernoulli(0).ppf(1.0) == 0


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
# Information theory.


@given(st.one_of(exact_finite_discretes, float_discretes))
@settings(max_examples=40)
def test_entropy_is_nonnegative(dist: DiscreteDistribution) -> None:
    assert entropy(dist) >= 0


@given(exact_categoricals(min_size=1, max_size=8))
def test_entropy_is_maximal_for_the_uniform(dist: Categorical) -> None:
    n = len(dist.support())
    assert entropy(dist) <= math.log2(n) + 1e-12
    uniform = Categorical(dict.fromkeys(dist.support(), Fraction(1, n)))
    assert close(entropy(uniform), math.log2(n), 1e-14, 1e-15)


@pytest.mark.parametrize("n", [1, 2, 6, 1000, 1024])
def test_entropy_of_n_equally_likely_outcomes_is_log_n(n: int) -> None:
    assert close(entropy(DiscreteUniform(1, n)), math.log2(n), 1e-15)
    assert close(entropy(DiscreteUniform(1, n), base=math.e), math.log(n), 1e-15)


def test_entropy_of_the_guessing_game_is_ten_bits() -> None:
    assert entropy(DiscreteUniform(1, 1024)) == 10.0


@given(
    exact_categoricals(min_size=2, max_size=5),
    st.lists(st.integers(1, 9), min_size=5, max_size=5),
)
def test_gibbs_inequality(p: Categorical, weights: list[int]) -> None:
    outcomes = sorted(p.mapping)
    total = sum(weights[: len(outcomes)])
    q = Categorical({x: Fraction(w, total) for x, w in zip(outcomes, weights, strict=False)})
    d = kl_divergence(p, q)
    assert d >= 0
    assert (d == 0) == (p == q)
    assert kl_divergence(p, p) == 0


@given(st.one_of(float_discretes, exact_finite_discretes), float_discretes)
@settings(max_examples=30)
def test_gibbs_inequality_between_families(p: DiscreteDistribution, q: Any) -> None:
    assert kl_divergence(p, q) >= 0
    assert kl_divergence(p, p) == 0


@given(continuous, continuous)
@settings(max_examples=15)
def test_gibbs_inequality_for_densities(p: ContinuousDistribution, q: Any) -> None:
    assert kl_divergence(p, q) >= 0
    assert kl_divergence(p, p) == 0


@given(exact_categoricals(min_size=2, max_size=5), exact_categoricals(min_size=2, max_size=5))
def test_cross_entropy_is_entropy_plus_kl(p: Categorical, q: Categorical) -> None:
    h_pq = cross_entropy(p, q)
    if math.isinf(h_pq):
        assert math.isinf(kl_divergence(p, q))
    else:
        assert close(h_pq, entropy(p) + kl_divergence(p, q), 1e-13, 1e-14)


@given(
    st.builds(Normal, st.floats(-3, 3), st.floats(0.5, 3)),
    st.builds(Normal, st.floats(-3, 3), st.floats(0.5, 3)),
)
@settings(max_examples=10)
def test_cross_entropy_is_entropy_plus_kl_for_densities(p: Normal, q: Normal) -> None:
    assert close(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), 1e-10, 1e-11)


def test_kl_of_normals_meets_the_closed_form() -> None:
    # D(N(μ₁, σ₁²)‖N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½
    for (m1, s1), (m2, s2) in [((0, 1), (1, 2)), ((5, 0.1), (5.2, 0.3)), ((1e3, 4), (1e3, 1))]:
        exact = math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5
        got = kl_divergence(Normal(m1, s1), Normal(m2, s2), base=math.e)
        assert close(got, exact, 1e-10)


def test_kl_and_cross_entropy_across_families_of_densities() -> None:
    # D(Exp(1)‖N(0, 1)) = ∫₀^∞ e^(−x)(−x + x²/2 + ½ln 2π) dx = ½ ln 2π
    half_log_2pi = 0.5 * math.log(2 * math.pi)
    assert close(kl_divergence(Exponential(1), Normal(), base=math.e), half_log_2pi, 1e-13)
    assert close(cross_entropy(Exponential(1), Normal(), base=math.e), 1 + half_log_2pi, 1e-13)
    # D(U(0, 1)‖N(0, 1)) = ½ ln 2π + E[X²]/2 with E[X²] = 1/3
    assert close(kl_divergence(Uniform(0, 1), Normal(), base=math.e), half_log_2pi + 1 / 6, 1e-13)
    assert kl_divergence(Normal(), Exponential(1)) == math.inf


def test_kl_is_infinite_where_q_is_zero_and_p_is_not() -> None:
    assert kl_divergence(Poisson(2), Binomial(100, 0.02)) == math.inf
    assert cross_entropy(Poisson(2), Binomial(100, 0.02)) == math.inf
    assert kl_divergence(Uniform(0, 2), Uniform(0, 1)) == math.inf
    assert close(kl_divergence(Uniform(0, 1), Uniform(0, 2)), 1.0, 1e-12)
    assert kl_divergence(Categorical({"a": 1}), Poisson(1)) == math.inf
    assert kl_divergence(Bernoulli(0.5), Categorical({0: 0.5, 2: 0.5})) == math.inf


def test_kl_between_families_sums_over_the_union_of_supports() -> None:
    # Binomial(n, λ/n) → Poisson(λ): the law of rare events, seen as a shrinking divergence.
    values = [kl_divergence(Binomial(n, 2 / n), Poisson(2)) for n in (10, 100, 1000)]
    assert values[0] > values[1] > values[2] > 0
    # mass of q outside p's support counts: p on {0}, q = Poisson(1): D = 0 − ln e⁻¹ = 1 nat
    assert close(kl_divergence(Bernoulli(0), Poisson(1), base=math.e), 1.0, 1e-15)


def test_kl_survives_underflow_of_the_masses() -> None:
    # Poisson(1000) against Poisson(1): D = λ₁ln(λ₁/λ₂) − λ₁ + λ₂ in nats.
    assert close(
        kl_divergence(Poisson(1000), Poisson(1), base=math.e), 1000 * math.log(1000) - 999, 1e-12
    )


def test_cross_entropy_loss_is_minus_log_of_the_true_class() -> None:
    assert cross_entropy_loss([0.1, 0.7, 0.2], 1) == -math.log(0.7)
    assert cross_entropy_loss([Fraction(1, 4), Fraction(3, 4)], 0) == math.log(4)
    assert cross_entropy_loss([0.0, 1.0], 0) == math.inf
    assert cross_entropy_loss((1,), 0) == 0.0


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


# ---------------------------------------------------------------------------------------------
# Known answers for the special functions and the families.


def test_normal_quantiles_known_answers() -> None:
    # reference values from mpmath at 50 digits, then rounded to the nearest double
    assert normal_ppf(0.975) == 1.9599639845400538  # 1.959963984540053855…
    assert close(normal_ppf(1e-12), -7.034483825301132, 2.3e-16)  # −7.034483825301131930…
    assert close(normal_ppf(1e-300), -37.0470962993612, 2.3e-16)  # −37.04709629936119924…
    # (1 − q is exact; the last ulp or two are lost to the rounding of erfc's argument x/√2)
    assert close(normal_ppf(1 - 1e-12), 7.0344869100478356, 4.5e-16)  # 7.03448691004783521…
    assert normal_ppf(0.5) == 0.0
    assert close(normal_cdf(-10), 7.619853024160525e-24, 1e-14)
    assert normal_sf(10) == normal_cdf(-10)


@given(st.floats(1e-300, 0.5))
def test_normal_ppf_is_odd(q: float) -> None:
    assert normal_ppf(q) <= 0
    assert normal_cdf(normal_ppf(q)) == pytest.approx(q, rel=1e-13)


def test_loader_forms_agree_with_exact_rationals() -> None:
    # the teaching formula C(n, k)pᵏqⁿ⁻ᵏ over Fractions against the fast float forms
    for n, k in [(10, 3), (100, 50), (2000, 600), (2000, 10)]:
        exact = math.comb(n, k) * Fraction(3, 10) ** k * Fraction(7, 10) ** (n - k)
        assert close(math.exp(log_binomial_pmf(k, n, 0.3)), exact, 2e-13)
        assert close(binomial_pmf(k, n, 0.3), exact, 2e-13)
    for lam, k in [(2.5, 0), (2.5, 7), (1000.0, 1000), (1000.0, 1200)]:
        exact_log = k * math.log(Fraction(lam)) - lam - math.lgamma(k + 1)
        assert close(log_poisson_pmf(k, lam), exact_log, 1e-13, 1e-13)


def test_fast_binomial_cdf_agrees_with_the_exact_sum() -> None:
    for n, k in [(40, 5), (40, 30), (300, 90), (300, 60)]:
        exact = Binomial(n, Fraction(3, 10)).cdf(k)
        definition = sum(Binomial(n, Fraction(3, 10)).pmf(j) for j in range(k + 1))
        assert exact == definition
        assert close(Binomial(n, 0.3).cdf(k), exact, 1e-13)


def test_poisson_cdf_tails_keep_relative_accuracy() -> None:
    # P(X ≤ 0) = e^(−λ); deep lower tail of Poisson(1000) against the summed definition
    assert close(Poisson(50).cdf(0), math.exp(-50), 1e-14)
    definition = math.fsum(math.exp(log_poisson_pmf(j, 1000.0)) for j in range(801))
    assert close(Poisson(1000).cdf(800), definition, 1e-13)
    assert close(Poisson(3).cdf(2), math.exp(-3) * (1 + 3 + 4.5), 1e-15)


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


# ---------------------------------------------------------------------------------------------
# Sampling.

ALL = [
    Bernoulli(0.3),
    Binomial(20, 0.4),
    Binomial(2000, 0.3),
    Categorical({"a": 0.2, "b": 0.0, "c": 0.8}),
    DiscreteUniform(-2, 3),
    Geometric(0.3),
    Poisson(3.5),
    Poisson(1000),
    Uniform(-1, 1),
    Normal(5, 2),
    Exponential(3),
]


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


@pytest.mark.parametrize("dist", [Normal(1, 2), Exponential(0.5), Uniform(2, 5)], ids=repr)
def test_continuous_samplers_pass_a_kolmogorov_smirnov_test(dist: Any) -> None:
    draws = sorted(dist.sample(20_000, rng=5))
    n = len(draws)
    d = max(max((i + 1) / n - dist.cdf(x), dist.cdf(x) - i / n) for i, x in enumerate(draws))
    assert d * math.sqrt(n) < 1.95  # the 0.1 % critical value of the KS statistic is 1.95


def test_samples_stay_in_the_support() -> None:
    assert set(Categorical({"a": 0.2, "b": 0.0, "c": 0.8}).sample(2000, rng=1)) == {"a", "c"}
    assert set(DiscreteUniform(1, 6).sample(2000, rng=1)) == set(range(1, 7))
    assert all(x >= 1 for x in Geometric(0.9).sample(1000, rng=1))
    assert all(x >= 0 for x in Exponential(1).sample(1000, rng=1))
    assert set(Bernoulli(1).sample(10, rng=1)) == {1} and set(Bernoulli(0).sample(10, rng=1)) == {0}


# ---------------------------------------------------------------------------------------------
# Value semantics.


def test_distributions_are_immutable_values_with_a_readable_repr() -> None:
    assert repr(Normal(0, 1)) == "Normal(mu=0, sigma=1)"
    assert repr(Binomial(10, Fraction(1, 2))) == "Binomial(n=10, p=Fraction(1, 2))"
    assert repr(Categorical({"H": 0.5, "T": 0.5})) == "Categorical({'H': 0.5, 'T': 0.5})"
    assert Poisson(2) == Poisson(2) and Poisson(2) != Poisson(3) and Poisson(2) != Normal(2, 1)
    assert len({Poisson(2), Poisson(2), Categorical({1: 1}), Categorical({1: 1})}) == 2
    with pytest.raises(AttributeError):
        Normal().mu = 3  # type: ignore[misc]
    assert not hasattr(Normal(), "__dict__")
    assert Categorical({1: 0.5, 2: 0.5}) == Categorical({2: 0.5, 1: 0.5})


def test_std_is_the_root_of_the_variance() -> None:
    assert Normal(0, 3).std() == 3.0 and Binomial(100, 0.5).std() == 5.0


# ---------------------------------------------------------------------------------------------
# Bad inputs: class and message.

NAN = math.nan


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Bernoulli(1.5), DomainError, r"p must be a probability in \[0, 1\], got 1.5"),
        (lambda: Bernoulli(NAN), DomainError, "p must be a number, got NaN"),
        (lambda: Bernoulli(True), TypeError, "p must be a real number"),
        (lambda: Bernoulli("0.5"), TypeError, "p must be a real number"),
        (lambda: Binomial(-1, 0.5), DomainError, "n must be a non-negative integer, got -1"),
        (lambda: Binomial(2.0, 0.5), TypeError, "n must be an int"),
        (lambda: Binomial(3, -0.1), DomainError, r"p must be a probability in \[0, 1\]"),
        (lambda: Categorical([0.5, 0.5]), TypeError, "Categorical needs a mapping"),
        (lambda: Categorical({}), DomainError, "at least one outcome"),
        (lambda: Categorical({1: 0.5, 2: 0.4}), DomainError, "must sum to 1, got 0.9"),
        (lambda: Categorical({1: Fraction(1, 3), 2: Fraction(1, 3)}), DomainError, "sum to 1"),
        (lambda: Categorical({1: -0.5, 2: 1.5}), DomainError, "probability of 1 must be"),
        (lambda: Categorical({1: NAN}), DomainError, "probability of 1 must be a number, got NaN"),
        (lambda: Categorical({1: "1"}), TypeError, "probability of 1 must be a real number"),
        (lambda: DiscreteUniform(3, 1), DomainError, "a ≤ b, got a = 3 > b = 1"),
        (lambda: DiscreteUniform(1.0, 3), TypeError, "a must be an int"),
        (lambda: Geometric(0), DomainError, r"p in \(0, 1\], got 0"),
        (lambda: Geometric(NAN), DomainError, "p must be a number, got NaN"),
        (lambda: Poisson(-1), DomainError, "lam must be a finite rate λ ≥ 0, got -1"),
        (lambda: Poisson(math.inf), DomainError, "lam must be a finite rate"),
        (lambda: Poisson(NAN), DomainError, "lam must be a number, got NaN"),
        (lambda: Poisson(False), TypeError, "lam must be a real number"),
        (lambda: Uniform(1, 1), DomainError, "a < b, got a = 1, b = 1"),
        (lambda: Uniform(0, math.inf), DomainError, "b must be finite, got inf"),
        (lambda: Uniform(NAN, 1), DomainError, "a must be a number, got NaN"),
        (lambda: Normal(0, 0), DomainError, "sigma must be positive and finite, got 0"),
        (lambda: Normal(0, -1), DomainError, "sigma must be positive"),
        (lambda: Normal(NAN, 1), DomainError, "mu must be a number, got NaN"),
        (lambda: Normal(0, NAN), DomainError, "sigma must be a number, got NaN"),
        (lambda: Normal("0", 1), TypeError, "mu must be a real number"),
        (lambda: Exponential(0), DomainError, "rate must be positive and finite, got 0"),
        (lambda: Exponential(True), TypeError, "rate must be a real number"),
    ],
)
def test_constructors_reject_bad_parameters(make: Any, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize("dist", ALL, ids=repr)
def test_methods_reject_bad_arguments(dist: Any) -> None:
    with pytest.raises(DomainError, match="n must be a non-negative number of samples, got -1"):
        dist.sample(-1)
    with pytest.raises(TypeError, match="n must be an int"):
        dist.sample(2.0)
    with pytest.raises(TypeError, match=r"rng must be a random\.Random, an int seed or None"):
        dist.sample(2, rng="seed")
    with pytest.raises(TypeError, match=r"rng must be a random\.Random, an int seed or None"):
        dist.sample(2, rng=True)
    with pytest.raises(TypeError, match="n must be an int, got bool"):
        dist.sample(True)
    if not isinstance(dist, Categorical):
        with pytest.raises(DomainError, match=r"q must be in \[0, 1\], got 1.5"):
            dist.ppf(1.5)
        with pytest.raises(DomainError, match="q must be a number, got NaN"):
            dist.ppf(NAN)
        with pytest.raises(DomainError, match="x must be a number, got NaN"):
            dist.cdf(NAN)
        with pytest.raises(TypeError, match="x must be a real number"):
            dist.cdf("1")
        density = dist.pmf if isinstance(dist, DiscreteDistribution) else dist.pdf
        with pytest.raises(DomainError, match="x must be a number, got NaN"):
            density(NAN)
        with pytest.raises(TypeError, match="x must be a real number"):
            density(None)


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


def test_special_functions_reject_bad_arguments() -> None:
    with pytest.raises(DomainError, match="normal_cdf needs a number, got NaN"):
        normal_cdf(NAN)
    with pytest.raises(DomainError, match="normal_sf needs a number, got NaN"):
        normal_sf(NAN)
    with pytest.raises(DomainError, match=r"q in \[0, 1\], got 2"):
        normal_ppf(2)
    with pytest.raises(DomainError, match="k ≥ 0, got -1"):
        log_poisson_pmf(-1, 1.0)
    with pytest.raises(DomainError, match=r"λ ≥ 0, got -1\.0"):
        log_poisson_pmf(1, -1.0)
    with pytest.raises(DomainError, match="n ≥ 0, got -2"):
        log_binomial_pmf(0, -2, 0.5)
    with pytest.raises(DomainError, match=r"p in \[0, 1\], got 2"):
        binomial_pmf(0, 2, 2)


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


def test_information_functions_reject_bad_arguments() -> None:
    for bad_base, message in [
        (1, "base must be positive, finite and ≠ 1, got 1"),
        (0, "got 0"),
        (-2, "got -2"),
        (math.inf, "got inf"),
        (NAN, "base must be a number, got NaN"),
    ]:
        with pytest.raises(DomainError, match=message):
            entropy(Bernoulli(0.5), base=bad_base)
        with pytest.raises(DomainError, match=message):
            cross_entropy(Bernoulli(0.5), Bernoulli(0.5), base=bad_base)
        with pytest.raises(DomainError, match=message):
            kl_divergence(Bernoulli(0.5), Bernoulli(0.5), base=bad_base)
    with pytest.raises(TypeError, match="base must be a real number"):
        entropy(Bernoulli(0.5), base="2")  # type: ignore[arg-type]
    mixed = "two discrete or two continuous distributions, got Poisson and Normal"
    with pytest.raises(TypeError, match=mixed):
        kl_divergence(Poisson(1), Normal())
    with pytest.raises(TypeError, match=mixed):
        cross_entropy(Poisson(1), Normal())
    with pytest.raises(TypeError, match="entropy needs distributions, got list"):
        entropy([0.5, 0.5])  # type: ignore[arg-type]


def test_cross_entropy_loss_rejects_bad_arguments() -> None:
    cases: list[tuple[Any, Any, type, str]] = [
        ([0.5, 0.5], 2, DomainError, r"label must be in 0..1, got 2"),
        ([0.5, 0.5], -1, DomainError, r"label must be in 0..1, got -1"),
        ([0.5, 0.5], 1.0, TypeError, "label must be an int index, got float"),
        ([0.5, 0.5], True, TypeError, "label must be an int index, got bool"),
        ([0.5, 0.6], 0, DomainError, "the probabilities must sum to 1, got 1.1"),
        ([1.5, -0.5], 0, DomainError, r"probabilities\[0\] must be a probability"),
        ([NAN, 1.0], 0, DomainError, r"probabilities\[0\] must be a number, got NaN"),
        ([], 0, DomainError, "needs at least one probability"),
        ("ab", 0, TypeError, "probabilities must be a sequence of numbers, got str"),
        ({0: 1.0}, 0, TypeError, "probabilities must be a sequence of numbers, got dict"),
        (["a"], 0, TypeError, r"probabilities\[0\] must be a real number"),
    ]
    for probabilities, label, error, message in cases:
        with pytest.raises(error, match=message):
            cross_entropy_loss(probabilities, label)
