"""Tests of scratchmath.probability.information: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:

- entropy meets the closed form at every scale
- kl divergence meets the closed form at every scale
- entropy of a coin keeps its digits for every bias
- cross entropy is entropy plus kl at every scale
- entropy of a narrow normal
- kl of narrow normals
- entropy of a nearly certain coin
- kl of a distribution with itself is zero with zero mass outcomes
- no raw python exception leaks from moments
- kl between near equal members matches mpmath
- kl of near equal bernoullis is half the fisher information
- kl of near equal poissons is half the fisher information

The tail tests from issue 21 (no silent wrong answers in the tails): certified values computed
with mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
the expression that produced its numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    ContinuousDistribution,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
    cross_entropy,
    entropy,
    expectation,
    kl_divergence,
)
from tests.probability.helpers import (
    LEAKS,
    LN2,
    distributions,
    near,
    scaled_families,
    scales,
)


@given(scaled_families())
@settings(max_examples=60)
def test_entropy_meets_the_closed_form_at_every_scale(case: Any) -> None:
    dist, _, _, h = case
    # ∫|f log f| ≤ |h| + 2/(e ln 2)·(mass where f > 1 or < 1): within |h| + 2 bits.
    assert near(entropy(dist), h, 0.0, 1e-11 * (abs(h) + 2.0))


def excess(x: Fraction) -> float:
    """x − log(1 + x) ≥ 0 for the exact x, without the cancellation near x = 0."""
    if abs(x) < Fraction(1, 10**4):  # the series x²/2 − x³/3 + …, to 10⁻²⁰ relative
        return float(sum((-1) ** k * x**k / k for k in range(2, 7)))
    return float(x) - math.log1p(float(x))


@st.composite
def family_pairs(draw: Any) -> tuple[ContinuousDistribution, ContinuousDistribution, float]:
    """Two members of one family at a common scale s, and D(p‖q) in nats (from the float
    parameters themselves, exactly: the ratio 1 + 10⁻⁹ is not a float)."""
    s = draw(scales)
    kind = draw(st.sampled_from(["normal", "exponential", "uniform"]))
    ratio = draw(st.sampled_from([1.0, 1.0 + 1e-9, 0.5, 3.0, 40.0]))
    if kind == "normal":
        shift = draw(st.sampled_from([0.0, 1e-8, 0.3, 4.0]))
        p, q = Normal(0.0, s), Normal(shift * s, ratio * s)
        # D = ½(ρ² − 1 − log ρ²) + (Δμ)²/(2σ_q²), ρ = σ_p/σ_q.
        rho = Fraction(p.sigma) / Fraction(q.sigma)
        gap = float(q.mu) / float(q.sigma)
        return p, q, 0.5 * excess(rho * rho - 1) + 0.5 * gap * gap
    if kind == "exponential":
        p, q = Exponential(1.0 / s), Exponential(ratio / s)
        return p, q, excess(Fraction(q.rate) / Fraction(p.rate) - 1)  # r − 1 − log r
    return Uniform(0.0, s), Uniform(-s, ratio * s + s), math.log((ratio * s + 2 * s) / s)


@given(family_pairs())
@settings(max_examples=60)
def test_kl_divergence_meets_the_closed_form_at_every_scale(case: Any) -> None:
    p, q, kl = case
    assert near(kl_divergence(p, q, base=math.e), kl, 1e-9, 1e-300)


@given(st.floats(-300.0, math.log10(0.5)))
def test_entropy_of_a_coin_keeps_its_digits_for_every_bias(e: float) -> None:
    p = 10.0**e
    want = (-p * math.log(p) - (1 - p) * math.log1p(-p)) / LN2
    assert near(entropy(Bernoulli(p)), want, 1e-14)


@given(family_pairs())
@settings(max_examples=30)
def test_cross_entropy_is_entropy_plus_kl_at_every_scale(case: Any) -> None:
    p, q, _ = case
    h, d, x = entropy(p), kl_divergence(p, q), cross_entropy(p, q)
    assert near(x, h + d, 0.0, 1e-10 * (abs(h) + d + 2.0))


def test_entropy_of_a_narrow_normal() -> None:
    h = 0.5 * math.log2(2 * math.pi * math.e * 1e-10)
    assert near(entropy(Normal(0, 1e-5)), h, 1e-13)  # was off by 0.014 bits


def test_kl_of_narrow_normals() -> None:
    kl = math.log(2.0) + (1e-10 + 1e-10) / (2 * 4e-10) - 0.5
    assert near(kl_divergence(Normal(0, 1e-5), Normal(1e-5, 2e-5), base=math.e), kl, 1e-12)


# ---------------------------------------------------------------------------------------------
# Issue 21, class 2: tails and exactness.


def test_entropy_of_a_nearly_certain_coin() -> None:
    p = 1e-20  # 1 − p rounds to 1.0; H = −p log p − (1 − p) log1p(−p)
    want = (-p * math.log(p) - (1 - p) * math.log1p(-p)) / LN2
    assert near(entropy(Bernoulli(p)), want, 1e-14)  # was 2 % low


# ---------------------------------------------------------------------------------------
# KL divergence with outcomes of zero probability listed in the support: 0·log(0/0) = 0.
# ---------------------------------------------------------------------------------------


def test_kl_of_a_distribution_with_itself_is_zero_with_zero_mass_outcomes() -> None:
    from scratchmath.probability import Categorical

    listed = Categorical({"a": 0.5, "b": 0.5, "c": 0.0})
    assert kl_divergence(listed, listed) == 0.0  # was inf
    exact = Categorical({"a": Fraction(1, 2), "b": Fraction(1, 2), "c": 0})
    assert kl_divergence(exact, exact) == 0.0
    for d in (Bernoulli(0), Bernoulli(1.0), Binomial(5, 0.0), Geometric(1)):
        assert kl_divergence(d, d) == 0.0 and entropy(d) == 0.0 and cross_entropy(d, d) == 0.0


@given(distributions, st.sampled_from(["mean", "variance", "std", "entropy", "expectation"]))
@settings(max_examples=60, deadline=None)
def test_no_raw_python_exception_leaks_from_moments(dist: Any, name: str) -> None:
    function = {"entropy": entropy, "expectation": expectation}.get(name)
    try:
        function(dist) if function else getattr(dist, name)()
    except (DomainError, ConvergenceError):
        pass
    except LEAKS as exc:
        raise AssertionError(f"{name} of {dist!r} leaked {exc!r}") from exc


# ---------------------------------------------------------------------------------------------
# 5. KL divergence between near-equal members of one family.

# mpmath.mp.dps = 50: p·log(p/q) + (1 − p)·log((1 − p)/(1 − q)) (Bernoulli; n times it for
# the Binomial) and λ·log(λ/μ) + μ − λ (Poisson), at the float parameters written here.
KL_NEAR_EQUAL = [
    (Bernoulli(0.5), Bernoulli(0.5 + 1e-9), 1.99999988687227575e-18),
    (Bernoulli(0.3), Bernoulli(0.30000000000099997), 2.3808470405901375171e-24),
    (Binomial(1000, 0.2), Binomial(1000, 0.20000000010000002), 3.1250005163460898143e-17),
    (Poisson(100.0), Poisson(100.00000001000001), 5.0000079325008799558e-19),
]


@pytest.mark.parametrize(("p", "q", "expected"), KL_NEAR_EQUAL)
def test_kl_between_near_equal_members_matches_mpmath(p: Any, q: Any, expected: float) -> None:
    # Before: log q − log p lost 5·10⁻⁵ (Bernoulli(0.3)), 4·10⁻⁸ (Binomial), 3·10⁻⁷ (Poisson).
    assert math.isclose(kl_divergence(p, q, base=math.e), expected, rel_tol=1e-14)


@given(st.floats(0.01, 0.99), st.integers(6, 13), st.booleans())
def test_kl_of_near_equal_bernoullis_is_half_the_fisher_information(
    p: float, digits: int, up: bool
) -> None:
    # D(p‖p + δ) = δ²/(2p(1 − p))·(1 + O(δ/p(1 − p))): the Fisher information of a coin.
    q = p + (1 if up else -1) * p * (1 - p) * 10.0**-digits
    delta = q - p  # the step the floats actually took
    expected = delta * delta / (2 * p * (1 - p))
    assert math.isclose(
        kl_divergence(Bernoulli(p), Bernoulli(q), base=math.e), expected, rel_tol=1e-5
    )


@given(st.floats(0.1, 1e3), st.integers(6, 13))
def test_kl_of_near_equal_poissons_is_half_the_fisher_information(lam: float, digits: int) -> None:
    # D(Poisson(λ)‖Poisson(λ + δ)) = δ²/(2λ)·(1 + O(δ/λ)).
    mu = lam * (1 + 10.0**-digits)
    delta = mu - lam
    expected = delta * delta / (2 * lam)
    assert math.isclose(
        kl_divergence(Poisson(lam), Poisson(mu), base=math.e), expected, rel_tol=1e-5
    )
