"""Tests of scratchmath.probability.inference.

Tests of the distributions of inference (Gamma, ChiSquared, Beta, StudentT, FDistribution)
and of the incomplete gamma and beta functions in scratchmath.probability.special.

Reference values were computed once with mpmath at 60 significant digits (regularised
incomplete gamma and beta), rounded to 17, and are hard-coded here; the quantiles agree with
the printed t, χ² and F tables to their 3–4 digits. The identities between the families
(T² ~ F(1, ν), χ²ₖ = Gamma(k/2, ½), the Beta/F relation) are checked as properties.

Theorems and properties checked:

- isf of a family without a formula is found on sf
- tails against a 60 digit reference
- quantiles match the tables
- ppf inverts cdf to the far tails
- ppf ends
- t squared is f 1 nu
- chi squared is gamma k half rate half
- f is a transformed beta
- beta symmetry
- gamma p plus q is one
- exponential is gamma one
- t tends to normal
- densities integrate to the cdf
- moments exact and by simulation
- infinite and undefined moments
- sampling is seeded
- pdf edges
- special function values
- bad parameters
- repr and latex
- ints beyond the float range behave as infinity
"""

from __future__ import annotations

import math
import statistics
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Beta,
    ChiSquared,
    Exponential,
    FDistribution,
    Gamma,
    Normal,
    StudentT,
)
from scratchmath.probability.special import (
    log_beta,
    regularized_beta,
    regularized_gamma_p,
    regularized_gamma_q,
)
from tests.probability.helpers import near


@pytest.mark.parametrize("q", [1e-300, 1e-30, 1e-5, 0.2])
def test_isf_of_a_family_without_a_formula_is_found_on_sf(q: float) -> None:
    # the base class's S⁻¹ bisects on S itself: F⁻¹(1 − 10⁻³⁰⁰) = F⁻¹(1.0) = inf was the
    # silent answer for a family without its own isf
    from scratchmath.probability.inference import ChiSquared, FDistribution, Gamma, StudentT

    for dist in (StudentT(3), Gamma(2.0, 3.0), ChiSquared(4), FDistribution(3, 7)):
        x = dist.isf(q)
        assert math.isfinite(x) and near(dist.sf(x), q, 1e-12), (dist, q, x)


REFERENCE = [
    (StudentT, (1,), -1e10, "cdf", "3.1830988618379067e-11"),
    (StudentT, (3,), -50.0, "cdf", "8.8085760206359871e-6"),
    (StudentT, (10,), -2.0, "cdf", "0.036694017385370183"),
    (StudentT, (10,), 2.228, "cdf", "0.97499411409144432"),
    (StudentT, (30,), -10.0, "cdf", "2.2876257041148066e-11"),
    (StudentT, (1000,), -30.0, "cdf", "7.6873437220217411e-142"),
    (StudentT, (2.5,), -1e5, "cdf", "2.2747519231756221e-13"),
    (ChiSquared, (1,), 1e-10, "cdf", "7.9788456078956729e-6"),
    (ChiSquared, (1,), 1e-10, "sf", "0.9999920211543921"),
    (ChiSquared, (2,), 0.5, "cdf", "0.22119921692859513"),
    (ChiSquared, (2,), 0.5, "sf", "0.77880078307140487"),
    (ChiSquared, (10,), 3.0, "cdf", "0.018575936222140674"),
    (ChiSquared, (10,), 3.0, "sf", "0.98142406377785933"),
    (ChiSquared, (10,), 100.0, "sf", "5.4497019829205293e-17"),
    (ChiSquared, (100,), 400.0, "sf", "1.6927979958857088e-37"),
    (ChiSquared, (0.5,), 50.0, "cdf", "0.99999999999966702"),
    (ChiSquared, (0.5,), 50.0, "sf", "3.3298347276499366e-13"),
    (ChiSquared, (1000,), 700.0, "cdf", "2.8903599395611956e-14"),
    (ChiSquared, (1000,), 700.0, "sf", "0.9999999999999711"),
    (FDistribution, (3, 10), 3.708, "cdf", "0.94999121839545755"),
    (FDistribution, (3, 10), 3.708, "sf", "0.050008781604542454"),
    (FDistribution, (1, 1), 1e6, "cdf", "0.99936338043983888"),
    (FDistribution, (1, 1), 1e6, "sf", "0.00063661956016111788"),
    (FDistribution, (5, 2), 1e-8, "cdf", "9.8821170703938574e-20"),
    (FDistribution, (20, 30), 0.1, "cdf", "7.8868941331449573e-7"),
    (FDistribution, (20, 30), 0.1, "sf", "0.99999921131058669"),
    (FDistribution, (2.5, 7), 40.0, "cdf", "0.99988879979456575"),
    (FDistribution, (2.5, 7), 40.0, "sf", "0.00011120020543424804"),
    (Beta, (2, 3), 0.01, "cdf", "0.00059203000000000002"),
    (Beta, (2, 3), 0.01, "sf", "0.99940797"),
    (Beta, (0.5, 0.5), 0.999, "cdf", "0.9798649583666225"),
    (Beta, (0.5, 0.5), 0.999, "sf", "0.0201350416333775"),
    (Beta, (50, 60), 0.2, "cdf", "1.0328973362230187e-9"),
    (Beta, (50, 60), 0.2, "sf", "0.99999999896710266"),
    (Beta, (200, 3), 0.9, "cdf", "1.5662275621214909e-7"),
    (Beta, (200, 3), 0.9, "sf", "0.99999984337724379"),
    (Beta, (0.1, 10), 1e-20, "cdf", "0.013172835503953122"),
    (Beta, (0.1, 10), 1e-20, "sf", "0.98682716449604688"),
]


@pytest.mark.parametrize(("family", "params", "x", "which", "expected"), REFERENCE)
def test_tails_against_a_60_digit_reference(
    family: type, params: tuple[float, ...], x: float, which: str, expected: str
) -> None:
    value = getattr(family(*params), which)(x)
    assert math.isclose(value, float(expected), rel_tol=1e-12)


QUANTILES = [
    (StudentT, (10,), 0.975, 2.2281388519862742),  # the t-table's 2.228
    (StudentT, (1,), 0.975, 12.706204736174693),  # 12.71
    (StudentT, (30,), 0.995, 2.749995653567225),  # 2.750
    (ChiSquared, (1,), 0.95, 3.841458820694124),  # 3.841
    (ChiSquared, (10,), 0.95, 18.307038053275146),  # 18.31
    (ChiSquared, (10,), 0.05, 3.9402991361190605),  # 3.940
    (FDistribution, (3, 10), 0.95, 3.7082648190468435),  # 3.71
    (FDistribution, (1, 1), 0.95, 161.4476387975882),  # 161.4
]


@pytest.mark.parametrize(("family", "params", "q", "expected"), QUANTILES)
def test_quantiles_match_the_tables(
    family: type, params: tuple[float, ...], q: float, expected: float
) -> None:
    assert math.isclose(family(*params).ppf(q), expected, rel_tol=1e-12)


@pytest.mark.parametrize(
    "dist",
    [StudentT(5), StudentT(0.7), ChiSquared(3), ChiSquared(200), Gamma(0.5, 3), Beta(2, 5)],
    ids=repr,
)
@pytest.mark.parametrize("q", [1e-300, 1e-100, 1e-10, 0.01, 0.5, 0.9, 1 - 1e-9])
def test_ppf_inverts_cdf_to_the_far_tails(dist: object, q: float) -> None:
    x = dist.ppf(q)  # type: ignore[attr-defined]
    if (x == 0.0 and q < 0.5) or math.isinf(x):  # beyond the floats (Gamma(½): 10⁻⁶⁰⁰)
        smallest = math.copysign(5e-324 if x == 0 else 1.7976931348623157e308, x)
        assert dist.cdf(smallest) > q  # type: ignore[attr-defined]
        return
    tail = dist.cdf(x) if q <= 0.5 else dist.sf(x)  # type: ignore[attr-defined]
    target = q if q <= 0.5 else 1 - q
    assert math.isclose(tail, target, rel_tol=1e-9)


def test_ppf_ends() -> None:
    assert Gamma(2).ppf(0) == 0.0 and Gamma(2).ppf(1) == math.inf
    assert StudentT(3).ppf(0) == -math.inf and StudentT(3).ppf(1) == math.inf
    assert Beta(2, 3).ppf(1) == 1.0 and StudentT(3).ppf(0.5) == 0.0


@given(st.floats(0.5, 200), st.floats(0.01, 0.49))
def test_t_squared_is_f_1_nu(nu: float, q: float) -> None:
    # P(T² ≤ t²) = P(|T| ≤ t) = 1 − 2·P(T ≤ −t): the identity T² ~ F(1, ν).
    t = -StudentT(nu).ppf(q)
    assert math.isclose(FDistribution(1, nu).sf(t * t), 2 * q, rel_tol=1e-10)


@given(st.floats(0.2, 300), st.floats(0.001, 1000))
def test_chi_squared_is_gamma_k_half_rate_half(k: float, x: float) -> None:
    assert math.isclose(ChiSquared(k).cdf(x), Gamma(k / 2, 0.5).cdf(x), rel_tol=1e-14)
    assert ChiSquared(k).pdf(x) == Gamma(k / 2, 0.5).pdf(x)


@given(st.floats(0.5, 100), st.floats(0.5, 100), st.floats(0.001, 100))
def test_f_is_a_transformed_beta(d1: float, d2: float, x: float) -> None:
    # X ~ F(d₁, d₂) ⇔ d₁X/(d₁X + d₂) ~ Beta(d₁/2, d₂/2).
    u = d1 * x / (d1 * x + d2)
    assert math.isclose(FDistribution(d1, d2).cdf(x), Beta(d1 / 2, d2 / 2).cdf(u), rel_tol=1e-9)


@given(st.floats(0.1, 50), st.floats(0.1, 50), st.floats(0.01, 0.99))
def test_beta_symmetry(a: float, b: float, x: float) -> None:
    # Iₓ(a, b) = 1 − I₁₋ₓ(b, a)
    assert math.isclose(regularized_beta(x, a, b), 1 - regularized_beta(1 - x, b, a), abs_tol=1e-14)


@given(st.floats(0.05, 500), st.floats(0.0, 2000))
def test_gamma_p_plus_q_is_one(a: float, x: float) -> None:
    assert math.isclose(regularized_gamma_p(a, x) + regularized_gamma_q(a, x), 1.0, rel_tol=1e-15)


def test_exponential_is_gamma_one() -> None:
    for x in (0.001, 0.5, 3.0, 40.0):
        assert math.isclose(Gamma(1, 2).cdf(x), Exponential(2).cdf(x), rel_tol=1e-14)
        assert math.isclose(Gamma(1, 2).pdf(x), Exponential(2).pdf(x), rel_tol=1e-14)


def test_t_tends_to_normal() -> None:
    # F_ν(x) = Φ(x) − φ(x)(x³ + x)/(4ν) + O(ν⁻²): a relative 2.5·10⁻⁷ at ν = 10⁸, x = −3
    assert math.isclose(StudentT(1e8).cdf(-3.0), Normal().cdf(-3.0), rel_tol=1e-6)
    assert math.isclose(StudentT(1e8).ppf(0.975), Normal().ppf(0.975), rel_tol=1e-7)


def test_densities_integrate_to_the_cdf() -> None:
    from scratchmath.calculus import integrate

    for dist, a, b in [
        (StudentT(3), -2.0, 1.5),
        (ChiSquared(5), 0.5, 7.0),
        (FDistribution(4, 9), 0.2, 3.0),
        (Beta(2.5, 1.5), 0.1, 0.8),
        (Gamma(3, 2), 0.1, 4.0),
    ]:
        area = integrate(dist.pdf, a, b)
        assert math.isclose(area, dist.cdf(b) - dist.cdf(a), rel_tol=1e-10)


def test_moments_exact_and_by_simulation() -> None:
    assert ChiSquared(4).mean() == 4 and ChiSquared(4).variance() == 8
    assert Gamma(3, 2).mean() == Fraction(3, 2) and Gamma(3, 2).variance() == Fraction(3, 4)
    assert Beta(2, 3).mean() == Fraction(2, 5) and Beta(2, 3).variance() == Fraction(1, 25)
    assert StudentT(5).variance() == Fraction(5, 3) and StudentT(5).mean() == 0
    assert FDistribution(3, 10).mean() == Fraction(5, 4)
    assert FDistribution(2, 6).variance() == Fraction(27, 4)
    for dist in [Gamma(0.5, 2), Gamma(4, 1), Beta(2, 3), StudentT(6), FDistribution(5, 12)]:
        xs = dist.sample(20_000, rng=7)
        se = math.sqrt(float(dist.variance()) / len(xs))
        assert abs(statistics.fmean(xs) - float(dist.mean())) < 5 * se, dist


def test_infinite_and_undefined_moments() -> None:
    with pytest.raises(DomainError, match=r"StudentT\(1\) has no mean: it needs df > 1"):
        StudentT(1).mean()
    with pytest.raises(DomainError, match="has no variance"):
        StudentT(0.5).variance()
    assert StudentT(2).variance() == math.inf and StudentT(1.5).std() == math.inf
    assert FDistribution(3, 2).mean() == math.inf and FDistribution(3, 3).variance() == math.inf
    with pytest.raises(DomainError, match=r"FDistribution\(3, 2\) has no variance"):
        FDistribution(3, 2).variance()


def test_sampling_is_seeded() -> None:
    for dist in [Gamma(2, 1), ChiSquared(3), Beta(1, 2), StudentT(4), FDistribution(2, 3)]:
        assert dist.sample(5, rng=3) == dist.sample(5, rng=3)
        assert len(dist.sample(0, rng=1)) == 0


def test_pdf_edges() -> None:
    assert Gamma(0.5).pdf(0) == math.inf and Gamma(1, 3).pdf(0) == 3.0 and Gamma(2).pdf(0) == 0
    assert Gamma(2).pdf(-1) == 0.0 and Beta(2, 2).pdf(1.5) == 0.0
    assert Beta(1, 3).pdf(0) == pytest.approx(3.0) and Beta(0.5, 2).pdf(0) == math.inf
    assert FDistribution(2, 5).pdf(0) == 1.0 and FDistribution(1, 5).pdf(0) == math.inf
    assert StudentT(2).pdf(1e300) >= 0.0


def test_special_function_values() -> None:
    assert math.isclose(math.exp(log_beta(2, 3)), 1 / 12, rel_tol=1e-15)
    assert math.isclose(regularized_gamma_q(1, 700), math.exp(-700), rel_tol=1e-13)
    assert regularized_gamma_p(3, 0) == 0.0 and regularized_gamma_q(2, math.inf) == 0.0
    assert regularized_beta(0, 2, 3) == 0.0 and regularized_beta(1, 2, 3) == 1.0


def test_bad_parameters() -> None:
    with pytest.raises(DomainError, match="df must be positive and finite, got 0"):
        StudentT(0)
    with pytest.raises(DomainError, match="shape must be positive and finite"):
        Gamma(-1, 1)
    with pytest.raises(DomainError, match="rate must be positive and finite"):
        Gamma(1, math.inf)
    with pytest.raises(DomainError, match="d2 must be positive and finite"):
        FDistribution(1, -2)
    with pytest.raises(DomainError, match="b must be positive and finite"):
        Beta(1, 0)
    with pytest.raises(TypeError, match="df must be a real number"):
        ChiSquared("3")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"q must be in \[0, 1\], got 1.5"):
        StudentT(3).ppf(1.5)
    with pytest.raises(DomainError, match="x must be a number"):
        Beta(1, 2).cdf(math.nan)
    with pytest.raises(DomainError, match="x must be in"):
        regularized_beta(1.5, 1, 2)
    with pytest.raises(DomainError, match="x must be a number ≥ 0"):
        regularized_gamma_p(1, -1)
    with pytest.raises(DomainError, match="a must be positive and finite"):
        log_beta(0, 1)


def test_repr_and_latex() -> None:
    assert repr(StudentT(3)) == "StudentT(df=3)"
    assert repr(Gamma(2, 3)) == "Gamma(shape=2, rate=3)"
    assert "\\nu = 3" in StudentT(3)._repr_latex_()
    assert "Beta" in Beta(1, 2)._repr_latex_()


@pytest.mark.parametrize(
    "dist",
    [StudentT(3), ChiSquared(3), Gamma(2, 1), Beta(2, 3), FDistribution(2, 3)],
    ids=lambda d: type(d).__name__,
)
def test_ints_beyond_the_float_range_behave_as_infinity(dist: Any) -> None:
    """10**400 is a real number a learner may pass: the density there is 0 and the cdf is
    the one at ±inf, never an OverflowError."""
    for huge, infinity in ((10**400, math.inf), (-(10**400), -math.inf)):
        assert dist.pdf(huge) == dist.pdf(infinity) == 0.0
        assert dist.cdf(huge) == dist.cdf(infinity)
        assert dist.sf(huge) == dist.sf(infinity)
