"""Tests of scratchmath.probability.counts: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:

- binomial mass near p equals one
- binomial mass for huge n is not spoiled by the rounding of np
- a non integer count is a domain error
- discrete tails as logarithms
- sf is one minus cdf
- tail leaks found by the hunt
- isf deep in the upper tail
- binomial with a subnormal mean is not nan
- huge poisson cdf matches mpmath
- poisson of 1e15 median
- ppf is min k with cdf at least q
- poisson cdf continuous across the expansion threshold
- huge poisson logsf monotone deep tail
- poisson logsf beyond the floats matches mpmath

The tail tests from issue 21 (no silent wrong answers in the tails): certified values computed
with mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
the expression that produced its numbers.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    DiscreteUniform,
    Exponential,
    Geometric,
    Poisson,
)
from tests.probability.helpers import near


def test_binomial_mass_near_p_equals_one() -> None:
    # The exact mass for the float p = 1 − 10⁻¹⁴ (mpmath, 50 digits): 0.125109635879059521…
    got = Binomial(10**15, 1 - 1e-14).pmf(10**15 - 10)
    assert near(got, 0.12510963587905952, 1e-14)  # was 4e-4 off


def test_binomial_mass_for_huge_n_is_not_spoiled_by_the_rounding_of_np() -> None:
    # n·p is 2.6·10¹¹ ± 3·10⁻⁵; its rounding once moved the mass by 7·10⁻¹¹ relative.
    # Oracle: exp(lgamma …) in mpmath at 50 digits for the float p.
    n, p, k = 10**12, 0.25891675029296335, 258914797451
    assert near(Binomial(n, p).pmf(k), _binomial_oracle(n, p, k), 1e-14)


def _binomial_oracle(n: int, p: float, k: int) -> float:
    """C(n, k)pᵏ(1 − p)ⁿ⁻ᵏ in 60-digit decimals, log m! by Stirling's series (three terms are
    exact to 10⁻⁴⁰ for the m > 10¹⁰ used here)."""
    from decimal import Decimal, localcontext

    with localcontext() as context:
        context.prec = 60
        return _binomial_log_mass(n, Decimal(p), k)


def _binomial_log_mass(n: int, dp: Any, k: int) -> float:
    from decimal import Decimal

    def log_factorial(m: int) -> Decimal:
        x = Decimal(m)
        pi2 = Decimal("6.283185307179586476925286766559005768394338798750211641949889")
        s = (x + Decimal("0.5")) * x.ln() - x + pi2.ln() / 2
        inv = 1 / x
        return s + inv / 12 - inv**3 / 360 + inv**5 / 1260

    log_mass = (
        log_factorial(n)
        - log_factorial(k)
        - log_factorial(n - k)
        + k * dp.ln()
        + (n - k) * (1 - dp).ln()
    )
    return float(log_mass.exp())


def test_a_non_integer_count_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match=r"n must be a whole number, got 3\.5"):
        Binomial(3.5, 0.5)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="n must be a whole number, got nan"):
        Binomial(math.nan, 0.5)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="b must be a whole number, got Fraction"):
        DiscreteUniform(1, Fraction(7, 2))  # type: ignore[arg-type]


def test_discrete_tails_as_logarithms() -> None:
    # log P(Poisson(1) > 300) = log Σ_{j>300} e⁻¹/j! (mpmath: −1421.60964349361635…)
    assert Poisson(1).sf(300) == 0.0
    assert near(Poisson(1).logsf(300), -1421.6096434936163565510453, 1e-14)
    assert near(Binomial(2000, 0.5).logpmf(0), 2000 * math.log(0.5), 1e-15)
    assert near(Binomial(2000, 0.5).logcdf(0), 2000 * math.log(0.5), 1e-15)
    assert Poisson(3).sf(40) > 0.0 and 1.0 - Poisson(3).cdf(40) == 0.0
    assert near(Poisson(3).sf(40), Poisson(3).pmf(41) * (1 + 3 / 42 + 9 / (42 * 43)), 1e-3)
    assert Geometric(Fraction(1, 2)).sf(10001) == Fraction(1, 2**10001)
    assert near(Geometric(1e-12).logsf(10**15), 10**15 * math.log1p(-1e-12), 1e-15)
    assert Bernoulli(1e-20).sf(0) == 1e-20  # 1 − F(0) = 1 − (1 − 10⁻²⁰) would be 0
    assert DiscreteUniform(1, 6).sf(2) == Fraction(2, 3) and DiscreteUniform(1, 6).isf(0.5) == 3
    assert Bernoulli(0.5).logpmf(2) == -math.inf and Bernoulli(0.5).logpmf("a") == -math.inf


@given(st.sampled_from([Poisson(2.5), Binomial(30, 0.2), Geometric(0.3), Bernoulli(0.4)]))
@settings(max_examples=20)
def test_sf_is_one_minus_cdf(dist: Any) -> None:
    for k in range(-1, 12):
        assert near(dist.sf(k) + dist.cdf(k), 1.0, 1e-14)


def test_tail_leaks_found_by_the_hunt() -> None:
    # log(1 − e^(−λx)) with λx = 2.5·10⁻⁶⁴⁷ (underflows to 0): log λ + log x, not log 0
    assert near(Exponential(5e-324).logcdf(5e-324), 2 * math.log(5e-324), 1e-15)
    far = 10**400  # float(far) overflows: an outcome of an unbounded family in the far tail
    assert Poisson(1e-300).pmf(far) == 0 and Poisson(1).logpmf(far) == -math.inf
    assert Poisson(1).cdf(far) == 1.0 and Poisson(1).sf(far) == 0.0
    assert Poisson(1).logsf(far) == -math.inf and Poisson(1).logcdf(far) == 0.0
    assert Geometric(0.5).sf(far) == 0.0 and Geometric(0.5).logsf(far) == -math.inf
    assert DiscreteUniform(0, 10**500).pmf(far) == Fraction(1, 10**500 + 1)  # bounded: exact


def test_isf_deep_in_the_upper_tail() -> None:
    # Poisson(3): S(38) = 1.7·10⁻³⁰ > 10⁻³⁰ ≥ S(39); F⁻¹(1 − 10⁻³⁰) = F⁻¹(1.0) stopped early
    assert Poisson(3).isf(1e-30) == 39
    assert Geometric(0.5).isf(1e-30) == 100 and Geometric(Fraction(1, 2)).isf(Fraction(1, 4)) == 2
    assert Bernoulli(0.3).isf(0.3) == 0 and Bernoulli(0.3).isf(0.29) == 1
    assert Poisson(2).isf(0) == math.inf and Binomial(10, 0.5).isf(0) == 10
    assert Poisson(3).isf(0.5) == Poisson(3).ppf(0.5)


def test_binomial_with_a_subnormal_mean_is_not_nan() -> None:
    # n·p = 4.9·10⁻³¹⁸: x/m overflowed in the deviance, P(X = 1) came out NaN and cdf(0)
    # summed NaNs for 20 seconds; now the logs are taken apart
    b = Binomial(10**6, 5e-324)
    assert b.pmf(1) == pytest.approx(10**6 * 5e-324, rel=1e-6, abs=0)  # subnormal: 24 bits
    assert b.cdf(0) == 1.0 and b.sf(0) == pytest.approx(4.94e-318, rel=1e-3, abs=0)


# ---------------------------------------------------------------------------------------------
# 4. Huge Poissons: the distribution function from Temme's expansion, the quantile by search.

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
