"""Tour chapter: mathematical statistics — estimators as random variables, least squares as
projection, maximum likelihood as optimisation, and what a confidence interval promises."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction
from typing import Any

from scratchmath import autodiff as ad
from scratchmath.probability import Bernoulli, Normal
from scratchmath.scalars import to_float
from scratchmath.statistics import (
    confidence_interval,
    linear_regression,
    maximum_likelihood,
    mle,
    sample_variance,
    t_test,
)
from scratchmath.tour import CHAPTERS


def _unbiasedness_lines() -> list[str]:
    # A die with faces 0, 1, 5 (probabilities ½, ⅓, ⅙): sum over all 27 samples of size 3.
    die = {0: Fraction(1, 2), 1: Fraction(1, 3), 5: Fraction(1, 6)}
    mu = sum(x * p for x, p in die.items())
    sigma2 = sum((x - mu) ** 2 * p for x, p in die.items())
    n = 3
    e_s2: Any = Fraction(0)
    for sample in itertools.product(die, repeat=n):
        e_s2 += math.prod(die[x] for x in sample) * sample_variance(list(sample))
    return [
        "An estimator is a random variable: a formula applied to random data.",
        f"  A die with faces 0, 1, 5 (probabilities ½, ⅓, ⅙) has σ² = {sigma2}.",
        f"  Over all 27 samples of size 3: E[s²] = {e_s2}  (s² divides by n − 1: unbiased),",
        f"  and E[s²ₙ] = {e_s2 * Fraction(n - 1, n)} = (n − 1)σ²/n  (dividing by n is biased).",
    ]


def _regression_lines() -> list[str]:
    # NIST's Wampler1: y = 1 + x + x² + x³ + x⁴ + x⁵ at x = 0..20, fitted by a quintic.
    X = [[x**k for k in range(1, 6)] for x in range(21)]
    y = [sum(x**k for k in range(6)) for x in range(21)]
    exact = linear_regression(X, y)
    floats = linear_regression([[float(v) for v in r] for r in X], [float(v) for v in y])
    worst = max(abs(to_float(c) - 1) for c in floats.coefficients)
    return [
        "",
        "Least squares projects y onto the column space of X: the residual y − Xβ̂ is",
        "orthogonal to every column (the normal equations XᵀXβ̂ = Xᵀy).",
        "  NIST's Wampler1 (a quintic through 21 points; every certified coefficient is 1):",
        f"    exact:  linear_regression(X, y).coefficients = {list(exact.coefficients)}",
        f"    floats: the worst coefficient is off by {worst:.1e} (condition number ~10¹⁵ of XᵀX)",
    ]


def _likelihood_lines() -> list[str]:
    flips = [1, 0, 1, 1, 0, 1, 1, 1]
    closed = mle(Bernoulli, flips)
    heads, n = sum(flips), len(flips)

    def log_likelihood(p: object) -> object:
        # Σ log p̂(yᵢ): the negative of the cross-entropy loss a classifier minimises.
        return heads * ad.log(p) + (n - heads) * ad.log(1 - p)  # type: ignore[operator]

    numeric = maximum_likelihood(log_likelihood, 0.5)
    return [
        "",
        "Maximum likelihood is optimisation: θ̂ = argmax Σ log p(xᵢ; θ), i.e. the θ that",
        "minimises the cross-entropy loss −Σ log p̂(yᵢ) of a classifier.",
        f"  8 coin flips, 6 heads: mle(Bernoulli, flips) = {closed!r};",
        f"  maximum_likelihood by BFGS on the log-likelihood: p̂ = {numeric.theta:.10f}",
    ]


def _coverage_lines() -> list[str]:
    rng = random.Random(7)
    truth = Normal(10, 3)
    reps = 400
    covered = sum(
        low <= 10 <= high
        for low, high in (confidence_interval(truth.sample(8, rng)) for _ in range(reps))
    )
    data = truth.sample(8, rng)
    result = t_test(data, 10)
    return [
        "",
        "A 95% confidence interval is a promise about the procedure, not about one interval:",
        f"  of {reps} t-intervals from samples of 8 normal draws, {covered} covered μ = 10",
        "  (each single interval either contains μ or not; μ is not random).",
        f"  t_test on one sample against the true μ: t = {result.statistic:+.3f}, "
        f"p = {result.p_value:.3f}",
    ]


def chapter() -> str:
    """The statistics chapter, computed live.

    >>> "unbiased" in chapter()
    True
    """
    lines = _unbiasedness_lines() + _regression_lines() + _likelihood_lines()
    return "\n".join(lines + _coverage_lines())


CHAPTERS["statistics"] = ("Mathematical statistics: estimators, regression, inference", chapter)
