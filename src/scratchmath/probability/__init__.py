"""Probability and information theory: distributions, expectation, sampling, entropy and KL.

=================================  ============================================================
name                               what it is
=================================  ============================================================
``DiscreteDistribution``           the base of distributions with a probability mass function
``ContinuousDistribution``         the base of distributions with a density
``IntegerDistribution``            the base of the families on a run of integers
``Bernoulli``, ``Binomial``        one trial; the number of successes in n trials
``Categorical``                    any finite set of outcomes with given probabilities
``DiscreteUniform``, ``Geometric``  a fair die a..b; the trials up to the first success
``Poisson``                        the number of rare events at rate λ
``Uniform``, ``Normal``            a flat density on [a, b]; the bell curve N(μ, σ²)
``Exponential``                    the waiting time at rate λ
``Gamma``, ``ChiSquared``, ``Beta``  waiting for α events; a sum of k squared normals; a probability
``StudentT``, ``FDistribution``    a mean over its estimated standard error; a variance ratio
``expectation``, ``variance``      E[g(X)] and Var X from their definitions (a sum or integral)
``running_mean``                   the running averages of a sequence of samples
``law_of_large_numbers``           the running averages of n draws: they settle at E[X]
``entropy``                        H(p) = −Σ p log p (differential −∫ f log f if continuous)
``cross_entropy``                  H(p, q) = −Σ p log q
``kl_divergence``                  D(p‖q) = Σ p log(p/q) = H(p, q) − H(p) ≥ 0
``cross_entropy_loss``             −log p̂[label], the classifier's loss
=================================  ============================================================

The modules read in that order: :mod:`.special` (the special functions), :mod:`.distributions`
(the two base classes), :mod:`.discrete`, :mod:`.counts`, :mod:`.continuous` and
:mod:`.inference` (the fourteen families), :mod:`.summation` (summing and integrating against
a distribution), :mod:`.expectation` and :mod:`.information`.

>>> from fractions import Fraction
>>> die = DiscreteUniform(1, 6)
>>> expectation(die)
Fraction(7, 2)
>>> entropy(DiscreteUniform(1, 1024))
10.0
"""

from scratchmath.probability.continuous import Exponential, Normal, Uniform
from scratchmath.probability.counts import Binomial, Poisson
from scratchmath.probability.discrete import (
    Bernoulli,
    Categorical,
    DiscreteUniform,
    Geometric,
    IntegerDistribution,
)
from scratchmath.probability.distributions import ContinuousDistribution, DiscreteDistribution
from scratchmath.probability.expectation import (
    expectation,
    law_of_large_numbers,
    running_mean,
    variance,
)
from scratchmath.probability.inference import Beta, ChiSquared, FDistribution, Gamma, StudentT
from scratchmath.probability.information import (
    cross_entropy,
    cross_entropy_loss,
    entropy,
    kl_divergence,
)

__all__ = [
    "Bernoulli",
    "Beta",
    "Binomial",
    "Categorical",
    "ChiSquared",
    "ContinuousDistribution",
    "DiscreteDistribution",
    "DiscreteUniform",
    "Exponential",
    "FDistribution",
    "Gamma",
    "Geometric",
    "IntegerDistribution",
    "Normal",
    "Poisson",
    "StudentT",
    "Uniform",
    "cross_entropy",
    "cross_entropy_loss",
    "entropy",
    "expectation",
    "kl_divergence",
    "law_of_large_numbers",
    "running_mean",
    "variance",
]
