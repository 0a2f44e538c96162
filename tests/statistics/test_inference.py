"""Tests of scratchmath.statistics.inference.

Coverage of intervals is checked by seeded simulation with a binomial tolerance.

Theorems and properties checked:

- tests match reference values
- ci coverage
- z interval
- permutation test
- bootstrap percentile and bca
- inference bad input
"""

from __future__ import annotations

import math
import random
import statistics as pystats

import pytest

from scratchmath.errors import DimensionError, DomainError
from scratchmath.statistics import (
    bootstrap,
    chi2_test,
    confidence_interval,
    permutation_test,
    t_test,
    two_sample_t_test,
)

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
