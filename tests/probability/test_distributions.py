"""Tests of scratchmath.probability.distributions.

Theorems and properties checked:

- ppf at the ends
- distributions are immutable values with a readable repr
- std is the root of the variance
- constructors reject bad parameters
- methods reject bad arguments
- no raw python exception leaks from a distribution
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
    Categorical,
    DiscreteDistribution,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)
from tests.probability.helpers import ALL, LEAKS, NAN, distributions

open_exact_probabilities = st.builds(Fraction, st.integers(1, 11), st.just(12))


def test_ppf_at_the_ends() -> None:
    assert Normal().ppf(0) == -math.inf and Normal().ppf(1) == math.inf
    assert Poisson(3).ppf(1) == math.inf and Geometric(0.5).ppf(1) == math.inf
    assert Binomial(10, 0.5).ppf(1) == 10 and Binomial(10, 0.5).ppf(0) == 0
    assert Bernoulli(1).ppf(0.0) == 1 and Bernoulli(0).ppf(1.0) == 0


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


# ---------------------------------------------------------------------------------------
# The leak hunt: whatever the parameters and arguments, only documented exceptions escape.
# ---------------------------------------------------------------------------------------

EXTREMES = [0.0, 5e-324, 1e-310, 1e-300, 1e-20, 0.5, 1.0 - 1e-16, 1.0, 7.0, 1e20, 1e300, 1e308]
extreme_reals = st.one_of(
    st.sampled_from(EXTREMES + [-x for x in EXTREMES] + [10**400, -(10**400), Fraction(1, 3)]),
    st.floats(allow_nan=False),
    st.integers(-(10**30), 10**30),
)
METHODS = ["pdf", "pmf", "cdf", "sf", "logpdf", "logpmf", "logcdf", "logsf", "ppf", "isf"]


@given(distributions, st.sampled_from(METHODS), extreme_reals)
@settings(max_examples=100, deadline=None)
def test_no_raw_python_exception_leaks_from_a_distribution(dist: Any, name: str, x: Any) -> None:
    method = getattr(dist, name, None)
    if method is None:
        return
    if name in ("ppf", "isf"):
        x = min(max(x, 0), 1) if not isinstance(x, float) or math.isfinite(x) else 0.5
    try:
        method(x)
    except (DomainError, ConvergenceError):
        pass
    except LEAKS as exc:
        if type(exc) is not DomainError:
            raise AssertionError(f"{dist!r}.{name}({x!r}) leaked {exc!r}") from exc
