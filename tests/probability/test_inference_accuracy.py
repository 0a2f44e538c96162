"""Tests of scratchmath.probability.inference: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:
- log tail beyond the floats matches mpmath
- log tail of the larger side is log1p of the tiny one
- f sf where the beta point underflows
- gamma logcdf where the scaled point underflows
- logsf is log of sf where sf is normal
- logsf monotone deep tail
- beta logcdf is a log x near zero
- t sf of the far tail closed form
- t cdf at the smallest float
- t cdf at large df matches mpmath
- t cdf tends to normal with its first correction

The tail tests from issue 21 (no silent wrong answers in the tails): certified values computed
with mpmath at 50 digits by one-off scripts (mpmath is not a test dependency); each block names
the expression that produced its numbers.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.probability import (
    Beta,
    ChiSquared,
    FDistribution,
    Gamma,
    StudentT,
)
from scratchmath.probability.special import normal_cdf

# ---------------------------------------------------------------------------------------------
# 1. The log tails of Gamma, χ², Beta, t and F where the tail is below the smallest float.

# mpmath.mp.dps = 50; Gamma: log(gammainc(a, x, inf, regularized=True)) (sf) and
# log(gammainc(a, 0, mpf(x), regularized=True)) (cdf); Beta: log(betainc(a, b, 0, mpf(x),
# regularized=True)); t: log(betainc(ν/2, ½, 0, ν/(ν + t²), regularized=True)/2);
# F: log(betainc(d₂/2, d₁/2, 0, d₂/(d₂ + d₁x), regularized=True)).
DEEP_TAILS: list[tuple[Any, str, float, float]] = [
    (Gamma(2), "logsf", 800.0, -793.31413905293164078),
    (Gamma(0.5), "logsf", 1000.0, -1004.026741958951945),
    (Gamma(100), "logsf", 2000.0, -1606.5941221221887574),
    (Gamma(3), "logsf", 1e5, -99977.66727625061949),
    (ChiSquared(4), "logsf", 1600.0, -793.31413905293164078),  # = Gamma(2, ½) at 1600
    (Gamma(2), "logcdf", 1e-200, -921.72718437817821895),
    (Gamma(50), "logcdf", 1e-10, -1299.7703134488939115),
    (Beta(2, 3), "logcdf", 1e-200, -919.24227772839021864),
    (Beta(30, 40), "logcdf", 1e-12, -784.03008176364021896),
    (StudentT(5), "logsf", 1e70, -803.65452631210251314),
    (StudentT(5), "logcdf", -1e70, -803.65452631210251314),
    (StudentT(50), "logsf", 1e10, -1056.3719210640644091),
    (StudentT(1000), "logcdf", -200.0, -1861.1467781670602329),
    (StudentT(1e6), "logsf", 40.0, -803.96832475034200031),
    (FDistribution(3, 4), "logsf", 1e160, -735.62325695376868291),
    (FDistribution(10, 20), "logsf", 1e40, -907.19381061270360023),
]


@pytest.mark.parametrize(("dist", "method", "x", "expected"), DEEP_TAILS)
def test_log_tail_beyond_the_floats_matches_mpmath(
    dist: Any, method: str, x: float, expected: float
) -> None:
    # Before issue 21 each of these was −inf (log of an underflowed 0) or, for F(3, 4), lost
    # 7 digits to the subnormal range.
    assert math.isclose(getattr(dist, method)(x), expected, rel_tol=4e-16)


def test_log_tail_of_the_larger_side_is_log1p_of_the_tiny_one() -> None:
    assert Gamma(2).logcdf(800.0) == 0.0
    assert StudentT(5).logcdf(1e70) == 0.0
    assert Beta(2, 3).logsf(1e-200) == 0.0
    assert Gamma(1).logsf(0) == 0.0 and Gamma(1).logcdf(0) == -math.inf
    assert FDistribution(2, 3).logsf(math.inf) == -math.inf


def test_f_sf_where_the_beta_point_underflows() -> None:
    # F(2, 1) at x = 10³⁰⁷: w = 1/(1 + 2x) is below 10⁻³⁰⁰; S = √w-ish ≈ 2.2·10⁻¹⁵⁴ was 0.0.
    # mpmath (dps 50): betainc(½, 1, 0, 1/(1 + 2·mpf(1e307)), regularized=True).
    expected = 2.2360679774997897120e-154
    assert math.isclose(FDistribution(2, 1).sf(1e307), expected, rel_tol=1e-15)
    assert math.isclose(FDistribution(2, 1).logsf(1e307), math.log(expected), rel_tol=1e-15)
    assert FDistribution(2, 1).isf(1e-200) == math.inf  # the quantile lies beyond the floats


def test_gamma_logcdf_where_the_scaled_point_underflows() -> None:
    # Gamma(2, 10⁻³⁰⁰) at x = 10⁻³⁰⁰: βx = 10⁻⁶⁰⁰ is 0 as a float, but P ≈ (βx)²/2.
    expected = 2 * (math.log(1e-300) + math.log(1e-300)) - math.log(2)
    assert math.isclose(Gamma(2, 1e-300).logcdf(1e-300), expected, rel_tol=1e-15)


# Families whose tails reach below 10⁻³⁰⁸ at moderate parameters, with a way to walk out.
FAMILIES = st.one_of(
    st.builds(Gamma, st.floats(0.1, 200.0), st.floats(0.1, 10.0)),
    st.builds(ChiSquared, st.floats(0.5, 300.0)),
    st.builds(StudentT, st.floats(0.5, 1e6)),
    st.builds(FDistribution, st.floats(0.5, 100.0), st.floats(0.5, 100.0)),
)


@given(FAMILIES, st.floats(1e-250, 0.4))
def test_logsf_is_log_of_sf_where_sf_is_normal(dist: Any, q: float) -> None:
    x = dist.isf(q)
    survival = dist.sf(x)
    if survival < 1e-300 or not math.isfinite(x):
        return
    assert math.isclose(dist.logsf(x), math.log(survival), rel_tol=1e-13, abs_tol=1e-15)
    assert math.isclose(dist.logcdf(x), math.log1p(-survival), rel_tol=1e-13, abs_tol=1e-300)


@given(FAMILIES, st.floats(1.0, 1e6))
def test_logsf_monotone_deep_tail(dist: Any, stretch: float) -> None:
    # From the point where S = 10⁻²⁰⁰ outward (across the switch to the log-space forms near
    # 10⁻³⁰¹): log S is finite and does not increase.
    x0 = dist.isf(1e-200)
    if not math.isfinite(x0):
        return
    points = [x for j in range(9) if math.isfinite(x := x0 * (1.0 + stretch * j / 8))]
    logs = [dist.logsf(x) for x in points]
    assert all(math.isfinite(v) for v in logs)
    assert all(b <= a for a, b in itertools.pairwise(logs))


@given(st.floats(0.5, 200.0), st.floats(0.5, 200.0), st.floats(-300.0, -1.0))
def test_beta_logcdf_is_a_log_x_near_zero(a: float, b: float, log10_x: float) -> None:
    # I_x(a, b) = xᵃ/(a·B(a, b))·(1 + O(x)) as x → 0: so log I − a·log x is bounded by the
    # constant −log(a·B(a, b)) plus O(x·(a + b)) — whatever the depth of the tail.
    x = 10.0**log10_x
    if x * (a + b) > 1e-3:
        return
    from scratchmath.probability.special import log_beta

    expected = a * math.log(x) - math.log(a) - log_beta(a, b)
    assert math.isclose(Beta(a, b).logcdf(x), expected, rel_tol=1e-12, abs_tol=2 * x * (a + b))


# ---------------------------------------------------------------------------------------------
# 2. Student's t at huge ν.

# mpmath.mp.dps = 50: betainc(ν/2, ½, 0, ν/(ν + t²), regularized=True)/2 (1 minus it for t > 0).
T_AT_LARGE_DF = [
    (1e6, -2.0, 0.022750266925659604211),
    (1e8, -2.0, 0.022750133297953376441),
    (1e8, -5.0, 2.8665205506336430084e-7),
    (1e10, -2.0, 0.022750131961676948829),
    (1e12, 3.0, 0.99865010196833666661),
    (1e15, -2.0, 0.022750131948179342178),
]


def test_t_sf_of_the_far_tail_closed_form() -> None:
    # |t| > 10¹⁵⁰·√ν: S = ½·r^(−ν)/((ν/2)·B(ν/2, ½)); as e^(its log) it was 4·10⁻¹⁴ off.
    # mpmath (dps 40): betainc(½, ½, 0, 1/(1 + mpf(1e200)²), regularized=True)/2.
    assert math.isclose(StudentT(1).sf(1e200), 3.1830988618379068117e-201, rel_tol=2e-15)


def test_t_cdf_at_the_smallest_float() -> None:
    # t/√ν underflows to 0 (it was a ValueError from log 0): F(−5·10⁻³²⁴) is ½ to rounding.
    assert StudentT(1e10).cdf(-5e-324) == 0.5
    assert StudentT(1e10).logsf(5e-324) == math.log(0.5)


@pytest.mark.parametrize(("nu", "t", "expected"), T_AT_LARGE_DF)
def test_t_cdf_at_large_df_matches_mpmath(nu: float, t: float, expected: float) -> None:
    # Before: relative errors 3·10⁻⁹ (ν = 10⁸) up to 2·10⁻² (ν = 10¹⁵), from 1 − x in the
    # incomplete beta's continued fraction.
    assert math.isclose(StudentT(nu).cdf(t), expected, rel_tol=1e-14)


@given(st.floats(1e10, 1e15), st.floats(-8.0, 8.0))
def test_t_cdf_tends_to_normal_with_its_first_correction(nu: float, t: float) -> None:
    # F_ν(t) = Φ(t) − φ(t)·(t³ + t)/(4ν) + O(ν⁻²): with ν ≥ 10¹⁰ the remainder is below 10⁻¹⁴
    # of the tail, while the old continued fraction was off by up to ε·ν/t².
    # Compared on the smaller tail, F(−|t|), which the t cdf computes directly.
    s = -abs(t)
    phi = math.exp(-0.5 * s * s) / math.sqrt(2 * math.pi)
    expected = normal_cdf(s) - phi * (s**3 + s) / (4 * nu)
    assert math.isclose(StudentT(nu).cdf(s), expected, rel_tol=1e-13)
    assert StudentT(nu).sf(-s) == StudentT(nu).cdf(s)  # and the upper tail by symmetry
