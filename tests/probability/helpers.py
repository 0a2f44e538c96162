"""Strategies and helpers shared by several test files of scratchmath.probability."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    ContinuousDistribution,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)

# ---------------------------------------------------------------------------------------------
# Strategies: distributions with exact (Fraction) parameters and with float parameters.

exact_probabilities = st.builds(Fraction, st.integers(0, 12), st.just(12))
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


# ---------------------------------------------------------------------------------------------
# Bad inputs: class and message.

NAN = math.nan

LN2 = math.log(2.0)

# A scale 10ᵉ with e anywhere in [−8, 8] (the learner's σ = 10⁻⁴ and a rate of 10⁵ included).
scales = st.floats(-8.0, 8.0).map(lambda e: 10.0**e)
# Offsets of the centre, in units of the spread: 0, moderate, and far (N(10³, 0.01²)).
offsets = st.sampled_from([0.0, 1.0, -3.5, 250.0, 1e5])


@st.composite
def scaled_families(draw: Any) -> tuple[ContinuousDistribution, float, float, float]:
    """A continuous distribution of spread s, with its closed-form mean, variance, and
    differential entropy in bits."""
    s = draw(scales)
    kind = draw(st.sampled_from(["normal", "exponential", "uniform"]))
    if kind == "normal":
        mu = draw(offsets) * s
        return Normal(mu, s), mu, s * s, 0.5 * math.log2(2 * math.pi * math.e * s * s)
    if kind == "exponential":
        rate = 1.0 / s
        return Exponential(rate), 1.0 / rate, 1.0 / rate / rate, (1.0 - math.log(rate)) / LN2
    a = draw(offsets) * s
    b = a + s
    width = b - a
    return Uniform(a, b), (a + b) / 2, width * width / 12, math.log2(width)


def near(got: float, want: float, rel: float, abs_: float = 0.0) -> bool:
    return abs(got - want) <= rel * abs(want) + abs_


positive_reals = st.sampled_from([5e-324, 1e-300, 1e-20, 0.5, 1.0, 7.0, 1e20, 1e300, 1e308])
probabilities = st.sampled_from([0, 0.0, 5e-324, 1e-20, 0.5, 1.0 - 1e-16, 1.0, Fraction(1, 3)])
distributions = st.one_of(
    st.builds(Normal, st.sampled_from([0.0, -1e308, 1e300, 5e-324]), positive_reals),
    st.builds(Exponential, positive_reals),
    st.builds(Uniform, st.sampled_from([-1e308, 0.0, 1e-300]), st.sampled_from([1e308, 1.0])),
    st.builds(Poisson, st.sampled_from([1e-300, 0.5, 7.0, 1e6])),
    st.builds(Binomial, st.sampled_from([0, 1, 40, 10**6]), probabilities),
    st.builds(Geometric, st.sampled_from([5e-324, 1e-20, 0.5, 1.0, Fraction(1, 3)])),
    st.builds(Bernoulli, probabilities),
    st.builds(DiscreteUniform, st.sampled_from([0, -(10**20)]), st.sampled_from([0, 10**20])),
)
LEAKS = (ZeroDivisionError, OverflowError, IndexError, RecursionError, ValueError)
