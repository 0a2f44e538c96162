"""No silent wrong answers in the tails (issue 21): the log tails of the inference families
where the tail itself underflows, Student's t at huge ν, expectations of tiny or huge
integrands, quantiles of huge Poissons, and KL divergences between near-equal distributions.

The certified values were computed with mpmath at 50 digits by one-off scripts (mpmath is not
a test dependency); each block names the expression that produced its numbers.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability import (
    Bernoulli,
    Beta,
    Binomial,
    ChiSquared,
    Exponential,
    FDistribution,
    Gamma,
    Geometric,
    Normal,
    Poisson,
    StudentT,
    expectation,
    kl_divergence,
)
from scratchmath.probability.special import log_beta_pair, log_gamma_pq, normal_cdf

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


# ---------------------------------------------------------------------------------------------
# 5. KL divergence between near-equal members of one family.

# mpmath.mp.dps = 50: p·log(p/q) + (1 − p)·log((1 − p)/(1 − q)) (Bernoulli; n times it for
# the Binomial) and λ·log(λ/μ) + μ − λ (Poisson), at the float parameters written here.
KL_NEAR_EQUAL = [
    (Bernoulli(0.5), Bernoulli(0.5 + 1e-9), 1.99999988687227575e-18),
    (Bernoulli(0.3), Bernoulli(0.30000000000099997), 2.3808470405901375171e-24),
    (Binomial(1000, 0.2), Binomial(1000, 0.20000000010000002), 3.1250005163460898143e-17),
    (Poisson(100.0), Poisson(100.00000001000001), 5.0000079325008799558e-19),
]


@pytest.mark.parametrize(("p", "q", "expected"), KL_NEAR_EQUAL)
def test_kl_between_near_equal_members_matches_mpmath(p: Any, q: Any, expected: float) -> None:
    # Before: log q − log p lost 5·10⁻⁵ (Bernoulli(0.3)), 4·10⁻⁸ (Binomial), 3·10⁻⁷ (Poisson).
    assert math.isclose(kl_divergence(p, q, base=math.e), expected, rel_tol=1e-14)


@given(st.floats(0.01, 0.99), st.integers(6, 13), st.booleans())
def test_kl_of_near_equal_bernoullis_is_half_the_fisher_information(
    p: float, digits: int, up: bool
) -> None:
    # D(p‖p + δ) = δ²/(2p(1 − p))·(1 + O(δ/p(1 − p))): the Fisher information of a coin.
    q = p + (1 if up else -1) * p * (1 - p) * 10.0**-digits
    delta = q - p  # the step the floats actually took
    expected = delta * delta / (2 * p * (1 - p))
    assert math.isclose(
        kl_divergence(Bernoulli(p), Bernoulli(q), base=math.e), expected, rel_tol=1e-5
    )


@given(st.floats(0.1, 1e3), st.integers(6, 13))
def test_kl_of_near_equal_poissons_is_half_the_fisher_information(lam: float, digits: int) -> None:
    # D(Poisson(λ)‖Poisson(λ + δ)) = δ²/(2λ)·(1 + O(δ/λ)).
    mu = lam * (1 + 10.0**-digits)
    delta = mu - lam
    expected = delta * delta / (2 * lam)
    assert math.isclose(
        kl_divergence(Poisson(lam), Poisson(mu), base=math.e), expected, rel_tol=1e-5
    )


def test_log_mass_ratio_declines_what_it_cannot_improve() -> None:
    assert Bernoulli(0.5).log_mass_ratio(Poisson(1.0), 1) is None  # another family
    assert Binomial(10, 0.5).log_mass_ratio(Binomial(11, 0.5), 3) is None  # another n
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), "heads") is None
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), True) is None
    assert Bernoulli(0.5).log_mass_ratio(Bernoulli(0.25), 2) is None  # outside the support
    assert Bernoulli(0.0).log_mass_ratio(Bernoulli(0.25), 1) is None  # p(1) = 0
    exact = Bernoulli(Fraction(1, 3)).log_mass_ratio(Bernoulli(Fraction(1, 2)), 1)
    assert exact == math.log(1.5)
    assert math.isclose(
        Geometric(0.5).log_mass_ratio(Geometric(0.25), 3),
        math.log((0.75**2 * 0.25) / (0.5**2 * 0.5)),
        rel_tol=1e-15,
    )


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


# ---------------------------------------------------------------------------------------------
# 3. Expectations of tiny and huge integrands.


def test_expectation_rescales_tiny_and_huge_values_of_g() -> None:
    # E[c·Z²] = c for Z ~ N(0, 1): c = 10⁻³⁰⁵ (g·f was near underflow) and c = 10³⁰⁵ (g
    # overflows only where the density is 0); E[10⁻³¹⁰·K] for a Poisson was 12 ulps off.
    assert math.isclose(expectation(Normal(0, 1), lambda x: 1e-305 * x * x), 1e-305, rel_tol=1e-12)
    assert math.isclose(expectation(Normal(0, 1), lambda x: 1e305 * x * x), 1e305, rel_tol=1e-12)
    assert expectation(Poisson(3), lambda k: 1e-310 * k) == 3e-310
    assert expectation(Poisson(3), lambda k: 5e-324 * k) == 1.5e-323  # exact multiples
    assert math.isclose(expectation(Poisson(3), lambda k: 1e300 * k), 3e300, rel_tol=1e-14)


@settings(max_examples=20)
@given(st.integers(-1020, 1000), st.sampled_from(["normal", "exponential", "poisson"]))
def test_expectation_is_homogeneous_in_powers_of_two(k: int, family: str) -> None:
    # E[2ᵏ·g] = 2ᵏ·E[g]: exact in exact arithmetic, and to rounding here, from g's values
    # near 2⁻¹⁰²⁰ (where g·p would underflow) to near 2¹⁰⁰⁰ (where the sums would overflow).
    dist: Any = {"normal": Normal(0, 1), "exponential": Exponential(1), "poisson": Poisson(3)}[
        family
    ]
    base = expectation(dist, lambda x: x * x)
    scaled = expectation(dist, lambda x: math.ldexp(x * x, k) if abs(x) < 2**10 else 0.0)
    assert math.isclose(scaled, math.ldexp(base, k), rel_tol=1e-12)


def test_expectation_reports_g_that_lost_its_digits_or_overflowed() -> None:
    # 5·10⁻³²⁴·x² (it returned 0.0) and 10⁻³¹⁵·x are rounded to multiples of 5·10⁻³²⁴
    # inside g: at most a few digits are left, and an integral cannot meet its tolerance.
    with pytest.raises(ConvergenceError, match="g's values are subnormal"):
        expectation(Normal(0, 1), lambda x: 5e-324 * x * x)
    with pytest.raises(ConvergenceError, match="g's values are subnormal"):
        expectation(Exponential(1), lambda x: 1e-315 * x)
    # 10³⁰⁷·x² is inf from x = 4.3 on, where the density is not yet 0.
    with pytest.raises(DomainError, match="g returned inf at x = "):
        expectation(Normal(0, 1), lambda x: 1e307 * x * x)
