"""Tests of scratchmath.probability.special.

Theorems and properties checked:

- normal quantiles known answers
- normal ppf is odd
- loader forms agree with exact rationals
- special functions reject bad arguments
- log tail functions reject bad arguments
- log tail functions at their ends
- incomplete gamma at huge shape uses the uniform expansion
- incomplete gamma tails sum to one at huge shape

The tail tests from issue 21 (no silent wrong answers in the tails): certified values computed
with mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
the expression that produced its numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability.special import (
    binomial_pmf,
    gamma_pq,
    log_beta_pair,
    log_binomial_pmf,
    log_gamma_pq,
    log_poisson_pmf,
    normal_cdf,
    normal_ppf,
    normal_sf,
)
from tests.probability.helpers import NAN, close

# ---------------------------------------------------------------------------------------------
# Known answers for the special functions and the families.


def test_normal_quantiles_known_answers() -> None:
    # reference values from mpmath at 50 digits, then rounded to the nearest double
    assert normal_ppf(0.975) == 1.9599639845400538  # 1.959963984540053855…
    assert close(normal_ppf(1e-12), -7.034483825301132, 2.3e-16)  # −7.034483825301131930…
    assert close(normal_ppf(1e-300), -37.0470962993612, 2.3e-16)  # −37.04709629936119924…
    # (1 − q is exact; the last ulp or two are lost to the rounding of erfc's argument x/√2)
    assert close(normal_ppf(1 - 1e-12), 7.0344869100478356, 4.5e-16)  # 7.03448691004783521…
    assert normal_ppf(0.5) == 0.0
    assert close(normal_cdf(-10), 7.619853024160525e-24, 1e-14)
    assert normal_sf(10) == normal_cdf(-10)


@given(st.floats(1e-300, 0.5))
def test_normal_ppf_is_odd(q: float) -> None:
    assert normal_ppf(q) <= 0
    assert normal_cdf(normal_ppf(q)) == pytest.approx(q, rel=1e-13)


def test_loader_forms_agree_with_exact_rationals() -> None:
    # the teaching formula C(n, k)pᵏqⁿ⁻ᵏ over Fractions against the fast float forms
    for n, k in [(10, 3), (100, 50), (2000, 600), (2000, 10)]:
        exact = math.comb(n, k) * Fraction(3, 10) ** k * Fraction(7, 10) ** (n - k)
        assert close(math.exp(log_binomial_pmf(k, n, 0.3)), exact, 2e-13)
        assert close(binomial_pmf(k, n, 0.3), exact, 2e-13)
    for lam, k in [(2.5, 0), (2.5, 7), (1000.0, 1000), (1000.0, 1200)]:
        exact_log = k * math.log(Fraction(lam)) - lam - math.lgamma(k + 1)
        assert close(log_poisson_pmf(k, lam), exact_log, 1e-13, 1e-13)


def test_special_functions_reject_bad_arguments() -> None:
    with pytest.raises(DomainError, match="normal_cdf needs a number, got NaN"):
        normal_cdf(NAN)
    with pytest.raises(DomainError, match="normal_sf needs a number, got NaN"):
        normal_sf(NAN)
    with pytest.raises(DomainError, match=r"q in \[0, 1\], got 2"):
        normal_ppf(2)
    with pytest.raises(DomainError, match="k ≥ 0, got -1"):
        log_poisson_pmf(-1, 1.0)
    with pytest.raises(DomainError, match=r"λ ≥ 0, got -1\.0"):
        log_poisson_pmf(1, -1.0)
    with pytest.raises(DomainError, match="n ≥ 0, got -2"):
        log_binomial_pmf(0, -2, 0.5)
    with pytest.raises(DomainError, match=r"p in \[0, 1\], got 2"):
        binomial_pmf(0, 2, 2)


def test_log_tail_functions_reject_bad_arguments() -> None:
    with pytest.raises(DomainError, match="a must be positive and finite"):
        log_gamma_pq(-1.0, 2.0)
    with pytest.raises(DomainError, match="x must be a number ≥ 0"):
        log_gamma_pq(2.0, math.nan)
    with pytest.raises(DomainError, match=r"x must be in \[0, 1\]"):
        log_beta_pair(1.5, 2.0, 3.0)
    with pytest.raises(DomainError, match="b must be positive and finite"):
        log_beta_pair(0.5, 2.0, math.inf)


def test_log_tail_functions_at_their_ends() -> None:
    assert log_gamma_pq(3, 0) == (-math.inf, 0.0)
    assert log_gamma_pq(3, math.inf) == (0.0, -math.inf)
    assert log_beta_pair(0.0, 2, 3) == (-math.inf, 0.0)
    assert log_beta_pair(1.0, 2, 3) == (0.0, -math.inf)
    # Q(a, x) for a shape below 10⁻³⁰⁰: a·E₁(x) (mpmath: log(gammainc(mpf(1e-310), 1, inf,
    # regularized=True)) = −715.31831078715621071).
    assert math.isclose(log_gamma_pq(1e-310, 1.0)[1], -715.31831078715621071, rel_tol=1e-15)


def test_incomplete_gamma_at_huge_shape_uses_the_uniform_expansion() -> None:
    # a = 10¹²: the series and the continued fraction would need ~10⁶ terms and raised a
    # ConvergenceError; Temme's expansion costs one erfc. mpmath (dps 40):
    # gammainc(mpf(1e12), mpf(1e12 + 5e6), inf, regularized=True) and the log of
    # gammainc(mpf(1e8), mpf(1e8 + 5e5), inf, regularized=True), which is below 10⁻⁵⁰⁰.
    p, q = gamma_pq(1e12, 1e12 + 5e6)
    assert math.isclose(q, 2.866634658372595864e-7, rel_tol=1e-14)
    assert p == 1.0 - q
    assert math.isclose(log_gamma_pq(1e8, 1e8 + 5e5)[1], -1250.6802592296949831, rel_tol=1e-15)
    assert log_gamma_pq(1e8, 1e8 - 5e5)[1] == 0.0  # log(1 − 10⁻⁵⁴³) rounds to 0


@given(st.floats(1e6, 1e15), st.floats(-8.0, 8.0))
def test_incomplete_gamma_tails_sum_to_one_at_huge_shape(a: float, z: float) -> None:
    # P + Q = 1 and the smaller tail is the directly computed one: 1 − larger loses nothing.
    p, q = gamma_pq(a, a + z * math.sqrt(a))
    assert abs(p + q - 1.0) <= 2.3e-16
    assert 0.0 <= min(p, q) <= 0.5
