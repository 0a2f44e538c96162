"""Tests of scratchmath.statistics: descriptive statistics, regression, estimators, inference.

Unbiasedness theorems are checked by *exact* expectation: on a small discrete model the
expectation of an estimator is a finite sum over every possible sample, computed in
Fractions. Regression is checked against all 11 NIST StRD linear datasets (every certified
value, to one unit in its 15th significant digit); coverage of intervals by seeded
simulation with a binomial tolerance.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics as pystats
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath import autodiff as ad
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, rank
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
    bootstrap,
    chi2_test,
    confidence_interval,
    correlation,
    covariance,
    linear_regression,
    maximum_likelihood,
    median,
    method_of_moments,
    mle,
    permutation_test,
    quantile,
    sample_mean,
    sample_std,
    sample_variance,
    t_test,
    two_sample_t_test,
)
from scratchmath.vectors import Vector
from tests.nist_strd import load
from tests.strategies import fractions

NIST = load()


# ---------------------------------------------------------------------------------------------
# Descriptive statistics.


def test_descriptive_exact_values() -> None:
    assert sample_mean([1, 2, 4]) == Fraction(7, 3)
    assert sample_variance([2, 4, 4, 4, 5, 5, 7, 9]) == Fraction(32, 7)
    assert sample_std([1, 3]) == math.sqrt(2)
    assert median([3, 1, 2]) == 2 and median([4, 1, 3, 2]) == Fraction(5, 2)
    assert covariance([1, 2, 3], [1, 2, 4]) == Fraction(3, 2)
    assert correlation([1, 2, 3], [2, 4, 6]) == 1.0
    assert sample_mean([0.5, 0.25]) == 0.375


@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=30), st.floats(0, 1))
def test_quantile_is_type_7(data: list[float], q: float) -> None:
    ours = quantile(data, q)
    xs = sorted(data)
    h = (len(xs) - 1) * q
    lo = math.floor(h)
    expected = xs[lo] if lo == len(xs) - 1 else xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])
    assert ours == pytest.approx(expected, rel=1e-12, abs=1e-9)


def test_quantile_matches_python_inclusive_quartiles() -> None:
    data = [1, 5, 2, 8, 4, 9, 3]
    assert [quantile(data, Fraction(k, 4)) for k in (1, 2, 3)] == pystats.quantiles(
        data, n=4, method="inclusive"
    )


@given(st.lists(fractions(), min_size=2, max_size=8))
def test_sample_variance_two_formulas_agree_exactly(data: list[Fraction]) -> None:
    n = len(data)
    shortcut = (sum(x * x for x in data) - n * sample_mean(data) ** 2) / (n - 1)
    assert sample_variance(data) == shortcut


def _all_samples(dist: dict[int, Fraction], n: int):  # type: ignore[no-untyped-def]
    for sample in itertools.product(dist, repeat=n):
        yield list(sample), math.prod(dist[x] for x in sample)


@pytest.mark.parametrize("n", [2, 3, 4])
def test_sample_variance_is_unbiased_formula(n: int) -> None:
    # E[s²] = σ² and E[s²ₙ] = (n − 1)σ²/n, exactly, by summing over all nᵏ samples.
    dist = {0: Fraction(1, 2), 1: Fraction(1, 3), 5: Fraction(1, 6)}
    mu = sum(x * p for x, p in dist.items())
    sigma2 = sum((x - mu) ** 2 * p for x, p in dist.items())
    expected_s2 = sum(p * sample_variance(s) for s, p in _all_samples(dist, n))
    assert expected_s2 == sigma2
    biased = sum(p * sample_variance(s) * Fraction(n - 1, n) for s, p in _all_samples(dist, n))
    assert biased == Fraction(n - 1, n) * sigma2


def test_sample_mean_is_unbiased_and_its_variance_is_sigma2_over_n() -> None:
    dist = {1: Fraction(1, 4), 2: Fraction(1, 4), 6: Fraction(1, 2)}
    mu = sum(x * p for x, p in dist.items())
    sigma2 = sum((x - mu) ** 2 * p for x, p in dist.items())
    n = 3
    assert sum(p * sample_mean(s) for s, p in _all_samples(dist, n)) == mu
    assert sum(p * (sample_mean(s) - mu) ** 2 for s, p in _all_samples(dist, n)) == sigma2 / n


def test_descriptive_bad_input() -> None:
    with pytest.raises(DomainError, match=r"data needs at least 2 value\(s\), got 1"):
        sample_variance([1])
    with pytest.raises(DomainError, match="data needs at least 1"):
        sample_mean([])
    with pytest.raises(TypeError, match="data must be a sequence of numbers, not str"):
        median("123")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="a value of data must be a number, got NaN"):
        sample_std([1.0, math.nan])
    with pytest.raises(DomainError, match=r"q must be in \[0, 1\], got 2"):
        quantile([1, 2], 2)
    with pytest.raises(DimensionError, match="x and y must have one length, got 2 and 3"):
        covariance([1, 2], [1, 2, 3])
    with pytest.raises(DomainError, match="constant"):
        correlation([1, 1, 1], [1, 2, 3])
    with pytest.raises(TypeError, match="a value of data must be a real number"):
        sample_mean([1, "2"])  # type: ignore[list-item]


# ---------------------------------------------------------------------------------------------
# Regression: NIST StRD, and the theorems.


def _within_one_unit_of_15th_digit(computed: object, certified: Fraction) -> bool:
    if certified == 0:
        return abs(Fraction(computed)) <= Fraction(1, 10**15)  # type: ignore[arg-type]
    unit = Fraction(10) ** (math.floor(math.log10(abs(certified))) - 14)
    return abs(Fraction(computed) - certified) <= unit  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(NIST))
def test_nist_strd_certified_values(name: str) -> None:
    s = NIST[name]
    fit = linear_regression(s.X, s.y, intercept=s.intercept)
    a = fit.anova
    pairs = [
        *zip(fit.coefficients, s.b, strict=True),
        *zip(fit.standard_errors, s.se, strict=True),
        (fit.residual_std, s.sdres),
        (fit.r_squared, s.r2),
        (a.ss_regression, s.regression[1]),
        (a.ms_regression, s.regression[2]),
        (a.ss_residual, s.residual[1]),
        (a.ms_residual, s.residual[2]),
    ]
    if s.regression[3] is None:
        assert a.f_statistic == math.inf
    else:
        pairs.append((a.f_statistic, s.regression[3]))
    assert (a.df_regression, a.df_residual) == (s.regression[0], s.residual[0])
    assert fit.degrees_of_freedom == s.residual[0]
    bad = [(c, t) for c, t in pairs if not _within_one_unit_of_15th_digit(c, t)]
    assert not bad


def test_longley_in_floats_keeps_seven_digits() -> None:
    s = NIST["Longley"]
    fit = linear_regression([[float(v) for v in r] for r in s.X], [float(v) for v in s.y])
    for c, t in zip(fit.coefficients, s.b, strict=True):
        assert math.isclose(c, t, rel_tol=1e-7)
    assert math.isclose(fit.r_squared, s.r2, rel_tol=1e-10)


@st.composite
def designs(draw: st.DrawFn) -> tuple[list[list[Fraction]], list[Fraction]]:
    k = draw(st.integers(1, 3))
    n = draw(st.integers(k + 2, 7))
    X = draw(st.lists(st.lists(fractions(), min_size=k, max_size=k), min_size=n, max_size=n))
    y = draw(st.lists(fractions(), min_size=n, max_size=n))
    return X, y


@given(designs())
@settings(max_examples=25)  # each example is an exact fit with its SVD: keep the suite quick
def test_regression_residuals_orthogonal_to_columns(design: tuple) -> None:  # type: ignore[type-arg]
    X, y = design
    A = Matrix([[1, *r] for r in X])
    assume(rank(A) == A.shape[1] and len(set(y)) > 1)
    fit = linear_regression(X, y)
    residual = Vector(y) - A @ fit.coefficients
    assert A.T @ residual == Vector.zeros(A.shape[1])  # the normal equations, exactly
    assert sum(residual) == 0  # with an intercept the residuals sum to zero


@given(designs(), fractions().filter(lambda c: c != 0), fractions())
@settings(max_examples=25)
def test_r_squared_invariant_under_affine_change_of_y(
    design: tuple, c: Fraction, d: Fraction
) -> None:  # type: ignore[type-arg]
    X, y = design
    assume(rank(Matrix([[1, *r] for r in X])) == len(X[0]) + 1 and len(set(y)) > 1)
    assert (
        linear_regression(X, [c * v + d for v in y]).r_squared == linear_regression(X, y).r_squared
    )


def test_gauss_markov_unbiasedness_by_exact_expectation() -> None:
    # y = Xβ + ε with iid errors taking −1, 0, 2 with probabilities 1/2, 1/4, 1/4 (mean 0):
    # E[β̂] = β, summed exactly over all 3⁴ error vectors.
    X = [[0], [1], [2], [4]]
    beta = (Fraction(1), Fraction(3, 2))
    errors = {-1: Fraction(1, 2), 0: Fraction(1, 4), 2: Fraction(1, 4)}
    expectation = [Fraction(0), Fraction(0)]
    for eps in itertools.product(errors, repeat=len(X)):
        p = math.prod(errors[e] for e in eps)
        y = [beta[0] + beta[1] * r[0] + e for r, e in zip(X, eps, strict=True)]
        constant = len(set(y)) == 1  # a constant y has R² undefined but β̂ = (y, 0)
        coefficients = [y[0], 0] if constant else list(linear_regression(X, y).coefficients)
        expectation = [a + p * b for a, b in zip(expectation, coefficients, strict=True)]
    assert tuple(expectation) == beta


def test_regression_bad_input() -> None:
    with pytest.raises(DimensionError, match="X has 3 rows but y has 2 values"):
        linear_regression([1, 2, 3], [1, 2])
    with pytest.raises(DomainError, match="needs more than 2 observations, got 2"):
        linear_regression([1, 2], [1, 2])
    with pytest.raises(DomainError, match="linearly dependent"):
        linear_regression([[1, 2], [2, 4], [3, 6], [4, 8]], [1, 2, 3, 5])
    with pytest.raises(DomainError, match="y is constant"):
        linear_regression([1, 2, 3], [5, 5, 5])
    with pytest.raises(DimensionError, match="one length"):
        linear_regression([[1, 2], [3]], [1, 2])


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


# ---------------------------------------------------------------------------------------------
# Inference.


def test_tests_match_reference_values() -> None:
    # scipy.stats 1.17: ttest_1samp, ttest_ind(equal_var=False), chisquare, t.interval.
    assert math.isclose(
        t_test([5.1, 4.9, 5.3, 5.2, 4.8], 5).p_value, 0.5528894339334139, rel_tol=1e-10
    )
    welch = two_sample_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7])
    assert math.isclose(welch.p_value, 0.03493878235996401, rel_tol=1e-10)
    assert math.isclose(
        chi2_test([16, 18, 16, 14, 12, 12], [88 / 6] * 6).p_value, 0.8491450360846096, rel_tol=1e-10
    )
    low, high = confidence_interval([1, 2, 3, 4, 5])
    assert math.isclose(low, 1.0367568385224428, rel_tol=1e-12)
    assert math.isclose(high, 4.963243161477557, rel_tol=1e-12)


def test_ci_coverage() -> None:
    # 2000 seeded intervals of n = 8 normal draws: the count covering μ is Binomial(2000, 0.95),
    # whose standard deviation is 9.7; we allow 4 of them.
    rng = random.Random(2024)
    reps, covered = 2000, 0
    for _ in range(reps):
        data = [rng.gauss(10.0, 3.0) for _ in range(8)]
        low, high = confidence_interval(data)
        covered += low <= 10.0 <= high
    assert abs(covered - 0.95 * reps) <= 4 * math.sqrt(reps * 0.95 * 0.05)


def test_z_interval() -> None:
    low, high = confidence_interval([1, 2, 3], method="z", sigma=1)
    assert math.isclose(high - low, 2 * 1.959963984540054 / math.sqrt(3), rel_tol=1e-12)


def test_permutation_test() -> None:
    diff = lambda x, y: sum(x) / len(x) - sum(y) / len(y)  # noqa: E731
    far = permutation_test([1, 2, 3, 4, 5], [11, 12, 13, 14, 15], diff, n=999, rng=1)
    assert far.p_value <= 2 / 1000 * 5  # all 252 splits: only 2 are as extreme
    same = permutation_test([1, 2, 3], [1, 2, 3], diff, n=99, rng=1)
    assert same.p_value == 1.0
    assert permutation_test([1, 5], [2, 3], diff, n=50, rng=7) == permutation_test(
        [1, 5], [2, 3], diff, n=50, rng=7
    )


def test_bootstrap_percentile_and_bca() -> None:
    data = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.9, 4.2]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    p = bootstrap(data, mean, n=2000, rng=5)
    b = bootstrap(data, mean, n=2000, rng=5, method="bca")
    low, high = confidence_interval(data)
    for r in (p, b):
        assert r.low < pystats.fmean(data) < r.high
        assert abs(r.low - low) < 0.5 and abs(r.high - high) < 0.5
        assert math.isclose(r.standard_error, pystats.stdev(data) / math.sqrt(10), rel_tol=0.15)
    assert bootstrap(data, mean, n=100, rng=1) == bootstrap(data, mean, n=100, rng=1)


def test_inference_bad_input() -> None:
    with pytest.raises(DomainError, match='method="z" needs the known sigma'):
        confidence_interval([1, 2], method="z")
    with pytest.raises(DomainError, match='method must be "t" or "z"'):
        confidence_interval([1, 2], method="x")
    with pytest.raises(DomainError, match=r"level must be in \(0, 1\), got 1.0"):
        confidence_interval([1, 2], level=1.0)
    with pytest.raises(DomainError, match="not all equal"):
        t_test([2, 2, 2], 1)
    with pytest.raises(DomainError, match="not both constant"):
        two_sample_t_test([1, 1], [2, 2])
    with pytest.raises(DomainError, match="must add up to the observed"):
        chi2_test([1, 2], [1, 1])
    with pytest.raises(DimensionError, match="one length ≥ 2"):
        chi2_test([1, 2], [3])
    with pytest.raises(DomainError, match="expected counts > 0"):
        chi2_test([1, 2], [3, 0])
    with pytest.raises(TypeError, match="statistic must be a callable function, got int"):
        permutation_test([1], [2], 3, n=10)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match='method must be "percentile" or "bca"'):
        bootstrap([1, 2, 3], sum, method="basic")
    with pytest.raises(DomainError, match="BCa needs replicates on both sides"):
        bootstrap([1, 2, 3], lambda xs: 0.0, method="bca", n=20, rng=1)
    with pytest.raises(TypeError, match=r"rng must be a random\.Random"):
        bootstrap([1, 2, 3], sum, rng="x")  # type: ignore[arg-type]
