"""Theorems about the discrete distributions that mutation testing showed nobody checked:
F(k) = Σ_{j ≤ k} p(j) exactly over Fractions (Geometric with a rational p included), and
S(k) = 1 − F(k)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    DiscreteUniform,
    Geometric,
    Poisson,
)

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
