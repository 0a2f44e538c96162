"""Tests of scratchmath.statistics.descriptive.

Unbiasedness theorems are checked by *exact* expectation: on a small discrete model the
expectation of an estimator is a finite sum over every possible sample, computed in Fractions.

Theorems and properties checked:

- descriptive exact values
- quantile is type 7
- quantile matches python inclusive quartiles
- sample variance two formulas agree exactly
- sample variance is unbiased formula
- sample mean is unbiased and its variance is sigma2 over n
- descriptive bad input
"""

from __future__ import annotations

import itertools
import math
import statistics as pystats
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.statistics import (
    correlation,
    covariance,
    median,
    quantile,
    sample_mean,
    sample_std,
    sample_variance,
)
from tests.strategies import fractions

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
