"""Tests of scratchmath.statistics.estimation.

Theorems and properties checked:

- mle closed forms
- poisson mle maximises the likelihood
- method of moments matches the moments exactly
- maximum likelihood agrees with the closed forms
- estimator bad input
"""

from __future__ import annotations

import math
import statistics as pystats
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath import autodiff as ad
from scratchmath.errors import DomainError
from scratchmath.probability import (
    Bernoulli,
    Beta,
    Binomial,
    Exponential,
    Gamma,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)
from scratchmath.statistics import (
    maximum_likelihood,
    method_of_moments,
    mle,
)
from scratchmath.vectors import Vector

# ---------------------------------------------------------------------------------------------
# Estimators.


def test_mle_closed_forms() -> None:
    assert mle(Bernoulli, [1, 0, 1, 1]) == Bernoulli(Fraction(3, 4))
    assert mle(Binomial, [3, 5, 4], n=10) == Binomial(10, Fraction(2, 5))
    assert mle(Poisson, [1, 2, 6]) == Poisson(3)
    assert mle(Geometric, [1, 2, 3]) == Geometric(Fraction(1, 2))
    assert mle(Exponential, [1, 2, 3]) == Exponential(Fraction(1, 2))
    fit = mle(Normal, [1, 2, 3, 4])
    assert fit.mu == Fraction(5, 2) and fit.sigma == math.sqrt(5 / 4)
    assert mle(Uniform, [3, 1, 2]) == Uniform(1, 3)


@given(st.lists(st.integers(0, 12), min_size=1, max_size=20).filter(any), st.floats(0.5, 1.5))
def test_poisson_mle_maximises_the_likelihood(data: list[int], factor: float) -> None:
    lam = float(mle(Poisson, data).mean())
    other = lam * factor

    def loglik(r: float) -> float:
        return sum(k * math.log(r) - r - math.lgamma(k + 1) for k in data)

    assert loglik(lam) >= loglik(other) - 1e-9


def test_method_of_moments_matches_the_moments_exactly() -> None:
    data = [1, 2, 3, 6]
    m, v = Fraction(3), Fraction(7, 2)
    g = method_of_moments(Gamma, data)
    assert g.mean() == m and g.variance() == v
    b = method_of_moments(Beta, [Fraction(1, 4), Fraction(1, 2), Fraction(1, 2), Fraction(3, 4)])
    assert b.mean() == Fraction(1, 2) and b.variance() == Fraction(1, 32)
    u = method_of_moments(Uniform, [0, 1, 2])
    assert math.isclose(float(u.mean()), 1.0) and math.isclose(float(u.variance()), 2 / 3)
    assert method_of_moments(Poisson, [1, 2, 6]) == Poisson(3)


def test_maximum_likelihood_agrees_with_the_closed_forms() -> None:
    data = [2.0, 3.0, 7.0, 1.5]
    fit = maximum_likelihood(lambda lam: len(data) * ad.log(lam) - lam * sum(data), 1.0)
    assert fit.converged and math.isclose(fit.theta, 1 / pystats.fmean(data), rel_tol=1e-7)
    normal = [1.0, 2.0, 4.0, 7.0]

    def loglik(theta: Vector) -> object:
        mu, log_sigma = theta[0], theta[1]
        z = [(x - mu) * ad.exp(-log_sigma) for x in normal]
        return -len(normal) * log_sigma - 0.5 * sum(t * t for t in z)

    fit2 = maximum_likelihood(loglik, Vector([0.0, 0.0]))
    expected = mle(Normal, normal)
    assert math.isclose(fit2.theta[0], float(expected.mu), rel_tol=1e-6)
    assert math.isclose(math.exp(fit2.theta[1]), expected.sigma, rel_tol=1e-6)


def test_estimator_bad_input() -> None:
    with pytest.raises(DomainError, match="Binomial needs the number of trials"):
        mle(Binomial, [1, 2])
    with pytest.raises(DomainError, match=r"Bernoulli data must be whole numbers in 0\.\.1, got 2"):
        mle(Bernoulli, [0, 2])
    with pytest.raises(TypeError, match="mle knows Bernoulli"):
        mle(Gamma, [1, 2])
    with pytest.raises(TypeError, match="takes no known parameter 'n'"):
        mle(Poisson, [1, 2], n=3)
    with pytest.raises(DomainError, match="Beta needs a mean in"):
        method_of_moments(Beta, [2, 3])
    with pytest.raises(DomainError, match="zero variance"):
        method_of_moments(Gamma, [2, 2])
    with pytest.raises(TypeError, match="log_likelihood must be a callable function, got int"):
        maximum_likelihood(3, 1.0)  # type: ignore[arg-type]
