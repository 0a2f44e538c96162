"""Tests of scratchmath.probability.counts.

Theorems and properties checked:

- fast binomial cdf agrees with the exact sum
- poisson cdf tails keep relative accuracy
"""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.probability import (
    Binomial,
    Poisson,
)
from scratchmath.probability.special import (
    log_poisson_pmf,
)
from tests.probability.helpers import close


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
