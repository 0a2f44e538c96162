"""Tests of scratchmath.probability.continuous.

Theorems and properties checked:

- pdf integrates to one
- continuous cdf is monotone with limits 0 and 1
- ppf inverts cdf
- continuous samplers pass a kolmogorov smirnov test
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.probability import (
    ContinuousDistribution,
    Exponential,
    Normal,
    Uniform,
)
from scratchmath.probability.summation import frame_of, integrate_pieces
from tests.probability.helpers import close, continuous


@given(continuous)
@settings(max_examples=25)
def test_pdf_integrates_to_one(dist: ContinuousDistribution) -> None:
    frame = frame_of([dist])  # x = c + s·u: the density of u is s·f(c + s·u)
    total = integrate_pieces(
        lambda u: frame.scale * float(dist.pdf(frame.centre + frame.scale * u)), frame.breaks
    )
    assert close(total, 1.0, 1e-11)


@given(continuous, st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=20))
def test_continuous_cdf_is_monotone_with_limits_0_and_1(
    dist: ContinuousDistribution, xs: list[float]
) -> None:
    values = [dist.cdf(x) for x in sorted(xs)]
    assert all(a <= b for a, b in itertools.pairwise(values))
    assert dist.cdf(-math.inf) == 0 and dist.cdf(math.inf) == 1
    assert all(0 <= v <= 1 for v in values)


@given(continuous, st.floats(1e-12, 1 - 1e-12))
def test_ppf_inverts_cdf(dist: ContinuousDistribution, q: float) -> None:
    x = dist.ppf(q)
    # F(F⁻¹(q)) = q, to the rounding of x: |ΔF| ≤ f(x)·|x|·ε·4.
    slack = 4 * 2.0**-52 * (abs(q) + float(dist.pdf(x)) * (abs(x) + 1))
    assert abs(dist.cdf(x) - q) <= slack + 1e-15 * q


@pytest.mark.parametrize("dist", [Normal(1, 2), Exponential(0.5), Uniform(2, 5)], ids=repr)
def test_continuous_samplers_pass_a_kolmogorov_smirnov_test(dist: Any) -> None:
    draws = sorted(dist.sample(20_000, rng=5))
    n = len(draws)
    d = max(max((i + 1) / n - dist.cdf(x), dist.cdf(x) - i / n) for i, x in enumerate(draws))
    assert d * math.sqrt(n) < 1.95  # the 0.1 % critical value of the KS statistic is 1.95
