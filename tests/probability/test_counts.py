"""Tests of scratchmath.probability.counts.

Theorems and properties checked:

- fast binomial cdf agrees with the exact sum
- poisson cdf tails keep relative accuracy
- huge poisson cdf matches mpmath
- poisson of 1e15 median
- ppf is min k with cdf at least q
- poisson cdf continuous across the expansion threshold
- huge poisson logsf monotone deep tail
- poisson logsf beyond the floats matches mpmath
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------------------------------
# No silent wrong answers in the tails (issue 21). The certified values were computed with
# mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
# the expression that produced its numbers.


# mpmath.mp.dps = 50: gammainc(k + 1, λ, inf, regularized=True) = P(X ≤ k).
POISSON_CDF = [
    (1e9, 10**9, 0.50000841044173899253),
    (1e9, 10**9 + 150000, 0.9999989487759769836),
    (1e10, 10**10 - 500000, 2.8659954010315791203e-7),
]


@pytest.mark.parametrize(("lam", "k", "expected"), POISSON_CDF)
def test_huge_poisson_cdf_matches_mpmath(lam: float, k: int, expected: float) -> None:
    assert math.isclose(Poisson(lam).cdf(k), expected, rel_tol=1e-14)
    assert math.isclose(Poisson(lam).sf(k), 1 - expected, rel_tol=1e-9)  # 1 − float: no more


def test_poisson_of_1e15_median() -> None:
    # It took more than 5 s (a sum of ~10⁸ masses per cdf value); now microseconds.
    d = Poisson(1e15)
    k = d.ppf(0.5)
    assert k == 10**15
    assert d.cdf(k) >= 0.5 > d.cdf(k - 1)


@given(st.floats(6.0, 15.0), st.floats(1e-12, 1 - 1e-12))
def test_ppf_is_min_k_with_cdf_at_least_q(log10_lam: float, q: float) -> None:
    d = Poisson(10.0**log10_lam)
    k = d.ppf(q)
    assert d.cdf(k) >= q > d.cdf(k - 1)


@settings(max_examples=15)  # each value below the threshold sums ~10⁴ masses
@given(st.integers(-30, 30), st.integers(1, 100))
def test_poisson_cdf_continuous_across_the_expansion_threshold(z: int, ulps: int) -> None:
    # Just below λ = 10⁶ the cdf is a sum of masses, from 10⁶ on Temme's expansion: the two
    # must agree to the change of λ (≤ 10⁻⁸, moving F by ≤ 4·10⁻¹²): a wrong Taylor
    # coefficient of C₀ (whose term is ~10⁻³ of the tail) would show.
    below, at = Poisson(1e6 - ulps * 1e-10), Poisson(1e6)
    k = 10**6 + 100 * z
    f_below, f_at = below.cdf(k), at.cdf(k)
    assert math.isclose(min(f_below, 1 - f_below), min(f_at, 1 - f_at), rel_tol=1e-10)


@given(st.floats(1e6, 1e14), st.floats(38.0, 200.0))
def test_huge_poisson_logsf_monotone_deep_tail(lam: float, z: float) -> None:
    d = Poisson(lam)
    k = int(lam + z * math.sqrt(lam))
    values = [d.logsf(k + j * int(math.sqrt(lam))) for j in range(4)]
    assert all(math.isfinite(v) and v < -700 for v in values)
    assert all(b < a for a, b in itertools.pairwise(values))


def test_poisson_logsf_beyond_the_floats_matches_mpmath() -> None:
    # mpmath (dps 40): log(gammainc(mpf(1040001), mpf(1e6), inf...)) for P(X > 1040000):
    # log(gammainc(1040001, 0, 10**6, regularized=True)) = −794.16975681600650525.
    assert math.isclose(Poisson(1e6).logsf(1040000), -794.16975681600650525, rel_tol=1e-15)
