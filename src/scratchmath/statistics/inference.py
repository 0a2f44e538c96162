"""Inference: confidence intervals, hypothesis tests and the bootstrap.

=========================  ====================================================================
``confidence_interval``    x̄ ± t·s/√n (or z·σ/√n with σ known)
``TestResult``             (statistic, p_value) of a test
``t_test``                 one-sample t test of H₀: μ = μ₀ (two-sided)
``two_sample_t_test``      Welch's t test of H₀: μ_a = μ_b, unequal variances (two-sided)
``chi2_test``              Pearson's χ² goodness-of-fit test of observed against expected counts
``permutation_test``       a two-sided test by random relabelling, for any statistic
``BootstrapResult``        (estimate, low, high, standard_error)
``bootstrap``              percentile and BCa bootstrap intervals for any statistic
=========================  ====================================================================

What a 95 % confidence interval means: the *procedure* covers the true μ in 95 % of repeated
samples. A single computed interval either contains μ or not; "μ is in it with probability
0.95" is not what it says (μ is not random). The coverage is checked by simulation in the
tests and in ``docs/statistics.md``.

>>> round(t_test([5.1, 4.9, 5.3, 5.2, 4.8], 5).p_value, 6)
0.552889
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from scratchmath.checks import check_callable, check_int, check_positive, check_real
from scratchmath.errors import DimensionError, DomainError
from scratchmath.probability import ChiSquared, StudentT
from scratchmath.probability.special import normal_cdf, normal_ppf
from scratchmath.statistics.descriptive import as_data, quantile

__all__ = [
    "BootstrapResult",
    "TestResult",
    "bootstrap",
    "chi2_test",
    "confidence_interval",
    "permutation_test",
    "t_test",
    "two_sample_t_test",
]


class TestResult(NamedTuple):
    """A test's statistic and its p-value: P(a statistic at least as extreme | H₀).

    >>> result = t_test([5.1, 4.9, 5.2, 5.0, 4.8], 5)
    >>> round(result.statistic, 9) + 0.0, result.p_value > 0.9
    (0.0, True)
    """

    statistic: float
    p_value: float


TestResult.__test__ = False  # type: ignore[attr-defined]  # a result, not a test for pytest


class BootstrapResult(NamedTuple):
    """The statistic on the data, a bootstrap confidence interval, and the bootstrap SE.

    >>> from scratchmath.statistics import sample_mean
    >>> result = bootstrap([1, 2, 3, 4, 5, 6, 7, 8], sample_mean, n=200, rng=1)
    >>> result.estimate, result.low < 4.5 < result.high
    (Fraction(9, 2), True)
    """

    estimate: Any
    low: float
    high: float
    standard_error: float


def _mean_var(values: list[Any]) -> tuple[float, float]:
    n = len(values)
    m = math.fsum(map(float, values)) / n
    return m, math.fsum((float(x) - m) ** 2 for x in values) / (n - 1)


def _level(level: object) -> float:
    value = float(check_real(level, "level"))
    if not 0 < value < 1:
        raise DomainError(f"level must be in (0, 1), got {value!r}")
    return value


def _rng(rng: object) -> random.Random:
    if isinstance(rng, random.Random):
        return rng
    if rng is None or (isinstance(rng, int) and not isinstance(rng, bool)):
        return random.Random(rng)
    raise TypeError(f"rng must be a random.Random, an int seed or None, not {type(rng).__name__}")


@functools.lru_cache(maxsize=256)
def _t_quantile(df: float, p: float) -> float:
    """Student's t quantile, remembered: a coverage simulation asks for the same one often."""
    return StudentT(df).ppf(p)


def confidence_interval(
    data: Any, *, level: float = 0.95, method: str = "t", sigma: float | None = None
) -> tuple[float, float]:
    """A confidence interval for the mean μ: x̄ ± t_{n−1, 1−α/2}·s/√n, or x̄ ± z·σ/√n.

    ``method="t"`` (σ unknown, estimated by s) is exact for normal data; ``method="z"``
    needs the known ``sigma``. α = 1 − level.

    >>> low, high = confidence_interval([1, 2, 3, 4, 5])
    >>> round(low, 6), round(high, 6)
    (1.036757, 4.963243)
    >>> confidence_interval([1, 2, 3], method="z", sigma=1, level=0.5)[0] > 1
    True

    Raises:
        DomainError: fewer than 2 values (t), a level outside (0, 1), a bad method, a
            missing or non-positive sigma for "z", NaN/inf data.
    """
    a = _level(level)
    if method == "t":
        values = as_data(data, minimum=2)
        m, v = _mean_var(values)
        half = _t_quantile(len(values) - 1, 0.5 + a / 2) * math.sqrt(v / len(values))
    elif method == "z":
        if sigma is None:
            raise DomainError('method="z" needs the known sigma: confidence_interval(…, sigma=σ)')
        s = float(check_positive(sigma, "sigma"))
        values = as_data(data)
        m = math.fsum(map(float, values)) / len(values)
        half = normal_ppf(0.5 + a / 2) * s / math.sqrt(len(values))
    else:
        raise DomainError(f'method must be "t" or "z", got {method!r}')
    return (m - half, m + half)


def t_test(data: Any, mu0: float) -> TestResult:
    """One-sample t test of H₀: μ = μ₀ against μ ≠ μ₀ (two-sided).

    Statistic t = (x̄ − μ₀)/(s/√n), which under H₀ (normal data) has Student's t distribution
    with n − 1 degrees of freedom; p = 2·P(T > |t|).

    >>> result = t_test([1, 2, 3, 4, 5], 3)
    >>> result.statistic, result.p_value
    (0.0, 1.0)

    Raises:
        DomainError: fewer than 2 values, NaN/inf, or constant data (s = 0: t undefined).
    """
    values = as_data(data, minimum=2)
    mu = float(check_real(mu0, "mu0"))
    m, v = _mean_var(values)
    if v == 0:
        raise DomainError("t_test needs data that are not all equal (s = 0)")
    t = (m - mu) / math.sqrt(v / len(values))
    return TestResult(t, min(1.0, 2.0 * StudentT(len(values) - 1).sf(abs(t))))


def two_sample_t_test(a: Any, b: Any) -> TestResult:
    """Welch's two-sample t test of H₀: μ_a = μ_b (two-sided), not assuming equal variances.

    t = (x̄_a − x̄_b)/√(s_a²/n_a + s_b²/n_b), referred to Student's t with the
    Welch–Satterthwaite degrees of freedom ν = (s_a²/n_a + s_b²/n_b)²/Σ (s²/n)²/(n − 1).
    Welch's is the safe default: Student's pooled test is wrong when the variances differ
    and the sizes too, and loses almost nothing when they are equal.

    >>> round(two_sample_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7]).p_value, 6)
    0.034939

    Raises:
        DomainError: fewer than 2 values in a sample, NaN/inf, or both samples constant.
    """
    xs, ys = as_data(a, "a", minimum=2), as_data(b, "b", minimum=2)
    (ma, va), (mb, vb) = _mean_var(xs), _mean_var(ys)
    ua, ub = va / len(xs), vb / len(ys)
    if ua + ub == 0:
        raise DomainError("two_sample_t_test needs samples that are not both constant")
    t = (ma - mb) / math.sqrt(ua + ub)
    df = (ua + ub) ** 2 / (ua * ua / (len(xs) - 1) + ub * ub / (len(ys) - 1))
    return TestResult(t, min(1.0, 2.0 * StudentT(df).sf(abs(t))))


def chi2_test(observed: Sequence[Any], expected: Sequence[Any]) -> TestResult:
    """Pearson's χ² goodness-of-fit test: X² = Σ (Oᵢ − Eᵢ)²/Eᵢ on k − 1 degrees of freedom.

    The expected counts must be positive and add up to the observed total (within 10⁻⁹).

    >>> chi2_test([10, 10, 10], [10, 10, 10])
    TestResult(statistic=0.0, p_value=1.0)
    >>> round(chi2_test([16, 18, 16, 14, 12, 12], [14.666666666666666] * 6).p_value, 6)
    0.849145

    Raises:
        DimensionError: observed and expected differ in length, or fewer than 2 categories.
        DomainError: negative observed or non-positive expected counts, unequal totals.
    """
    obs, exp = as_data(observed, "observed"), as_data(expected, "expected")
    if len(obs) != len(exp) or len(obs) < 2:
        raise DimensionError(
            f"observed and expected need one length ≥ 2, got {len(obs)} and {len(exp)}"
        )
    if any(o < 0 for o in obs) or any(e <= 0 for e in exp):
        raise DomainError("observed counts must be ≥ 0 and expected counts > 0")
    total_o, total_e = math.fsum(map(float, obs)), math.fsum(map(float, exp))
    if abs(total_o - total_e) > 1e-9 * max(total_o, total_e):
        raise DomainError(f"expected counts must add up to the observed {total_o}, not {total_e}")
    stat = math.fsum((float(o) - float(e)) ** 2 / float(e) for o, e in zip(obs, exp, strict=True))
    return TestResult(stat, ChiSquared(len(obs) - 1).sf(stat))


def permutation_test(
    a: Any,
    b: Any,
    statistic: Callable[[list[Any], list[Any]], float],
    *,
    n: int = 10_000,
    rng: random.Random | int | None = None,
) -> TestResult:
    """A two-sided permutation test: how often does relabelling give |T| ≥ |T_observed|?

    Under H₀ (a and b come from one distribution) every split of the pooled data into groups
    of the original sizes is equally likely. The p-value (1 + #{|T*| ≥ |T|})/(n + 1) counts
    the observed split among n random ones, so it is never 0 and the test is exact at its
    level. ``statistic(a, b)`` should be centred at 0 under H₀ (a difference of means, say).

    >>> diff = lambda x, y: sum(x) / len(x) - sum(y) / len(y)
    >>> permutation_test([1, 2, 3], [1, 2, 3], diff, n=99, rng=1).p_value
    1.0

    Raises:
        TypeError: statistic not callable, or a bad rng.
        DomainError: an empty sample or n < 1.
    """
    check_callable(statistic, "statistic")
    xs, ys = as_data(a, "a"), as_data(b, "b")
    count = check_int(n, "n", minimum=1)
    generator = _rng(rng)
    observed = abs(float(statistic(xs, ys)))
    pooled = xs + ys
    hits = 0
    tolerance = 1e-12 * max(1.0, observed)  # equal up to rounding counts as "as extreme"
    for _ in range(count):
        generator.shuffle(pooled)
        if abs(float(statistic(pooled[: len(xs)], pooled[len(xs) :]))) >= observed - tolerance:
            hits += 1
    return TestResult(observed, (hits + 1) / (count + 1))


def _jackknife_acceleration(values: list[Any], statistic: Callable[[list[Any]], Any]) -> float:
    """BCa's acceleration a = Σ(θ̄ − θ₍ᵢ₎)³/(6·(Σ(θ̄ − θ₍ᵢ₎)²)^(3/2)) from leave-one-out values."""
    leave_one_out = [float(statistic(values[:i] + values[i + 1 :])) for i in range(len(values))]
    mean = math.fsum(leave_one_out) / len(leave_one_out)
    d = [mean - t for t in leave_one_out]
    s2 = math.fsum(x * x for x in d)
    return 0.0 if s2 == 0 else math.fsum(x**3 for x in d) / (6.0 * s2**1.5)


def bootstrap(
    data: Any,
    statistic: Callable[[list[Any]], Any],
    *,
    n: int = 2000,
    level: float = 0.95,
    method: str = "percentile",
    rng: random.Random | int | None = None,
) -> BootstrapResult:
    """A bootstrap confidence interval for statistic(data): resample with replacement n times.

    "percentile": the α/2 and 1 − α/2 quantiles (type 7) of the n replicates θ*.
    "bca" (Efron 1987): the same replicates at the adjusted levels
    Φ(z₀ + (z₀ + z)/(1 − a(z₀ + z))), z = z_{α/2}, z_{1−α/2}, with the bias correction
    z₀ = Φ⁻¹(#{θ* < θ̂}/n) and the jackknife acceleration a: second-order accurate, and right
    where the percentile interval is biased (skewed statistics, like the variance).

    >>> result = bootstrap([1, 2, 3, 4, 5, 6, 7, 8], lambda xs: sum(xs) / len(xs), n=500, rng=3)
    >>> result.low < 4.5 < result.high
    True

    Raises:
        TypeError: statistic not callable, or a bad rng.
        DomainError: fewer than 2 values, n < 10, a level outside (0, 1), a bad method, or
            (bca) every replicate on one side of θ̂, where z₀ is infinite.
    """
    check_callable(statistic, "statistic")
    values = as_data(data, minimum=2)
    count = check_int(n, "n", minimum=10)
    a = _level(level)
    if method not in ("percentile", "bca"):
        raise DomainError(f'method must be "percentile" or "bca", got {method!r}')
    generator = _rng(rng)
    estimate = statistic(values)
    size = len(values)
    replicates = sorted(float(statistic(generator.choices(values, k=size))) for _ in range(count))
    mean = math.fsum(replicates) / count
    se = math.sqrt(math.fsum((t - mean) ** 2 for t in replicates) / (count - 1))
    low_q, high_q = (1 - a) / 2, (1 + a) / 2
    if method == "bca":
        below = sum(1 for t in replicates if t < float(estimate))
        if below == 0 or below == count:
            raise DomainError("BCa needs replicates on both sides of the estimate")
        z0 = normal_ppf(below / count)
        acc = _jackknife_acceleration(values, statistic)
        low_q, high_q = (
            normal_cdf(z0 + (z0 + z) / (1 - acc * (z0 + z)))
            for z in (normal_ppf(low_q), normal_ppf(high_q))
        )
    return BootstrapResult(
        estimate, float(quantile(replicates, low_q)), float(quantile(replicates, high_q)), se
    )
