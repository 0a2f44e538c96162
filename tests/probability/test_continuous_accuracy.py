"""Tests of scratchmath.probability.continuous: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:

- mean of a fast exponential
- normal tails as logarithms
- narrow normal tails
- normal logcdf and logsf are reflections
- exponential tails
- uniform survival is exact
- survival bad input
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Exponential,
    Normal,
    Poisson,
    Uniform,
    expectation,
)
from tests.probability.helpers import near, scales


def test_mean_of_a_fast_exponential() -> None:
    assert near(expectation(Exponential(2e4)), 5e-5, 1e-12)  # was 4.96e-5


# ---------------------------------------------------------------------------------------
# Survival and log functions: sf, isf, logpdf, logpmf, logcdf, logsf, deep in the tails.
# Oracles: mpmath-checked values written out (log Φ(−40) = −804.6084420137537881…).
# ---------------------------------------------------------------------------------------

LOG_PHI_MINUS_40 = -804.60844201375378816660683291860993620014963199878


def test_normal_tails_as_logarithms() -> None:
    n = Normal(0, 1)
    assert n.sf(40) == 0.0  # 3.6·10⁻³⁵⁰ is below the floats …
    assert near(n.logsf(40), LOG_PHI_MINUS_40, 1e-15)  # … its logarithm is not
    assert near(n.logcdf(-40), LOG_PHI_MINUS_40, 1e-15)
    assert near(n.logpdf(40), -800 - 0.5 * math.log(2 * math.pi), 1e-15)
    assert n.sf(10) == n.cdf(-10) and n.sf(10) > 0.0 and 1.0 - n.cdf(10) == 0.0
    assert near(n.isf(1e-30), -n.ppf(1e-30), 1e-15) and n.isf(0.5) == 0.0
    assert n.isf(0) == math.inf and n.isf(1) == -math.inf


def test_narrow_normal_tails() -> None:
    n = Normal(0, 1e-4)  # the learner's σ = 10⁻⁴: z = x/σ
    assert near(n.logsf(4e-3), LOG_PHI_MINUS_40, 1e-14)
    assert near(n.logpdf(0.0), -math.log(1e-4) - 0.5 * math.log(2 * math.pi), 1e-15)
    assert near(n.isf(1e-30), 1e-4 * Normal(0, 1).isf(1e-30), 1e-15)
    assert near(n.sf(1e-4), Normal(0, 1).sf(1.0), 1e-15)


@given(st.floats(-60.0, 60.0), scales)
@settings(max_examples=60)
def test_normal_logcdf_and_logsf_are_reflections(z: float, sigma: float) -> None:
    n = Normal(0, sigma)
    assert near(n.logcdf(-z * sigma), n.logsf(z * sigma), 1e-13)


def test_exponential_tails() -> None:
    e = Exponential(2)
    assert e.logsf(1000) == -2000.0 and e.sf(1000) == 0.0  # e⁻²⁰⁰⁰: only its log is a float
    assert e.sf(1.0) == math.exp(-2.0) and e.sf(-1) == 1.0 and e.logsf(-1) == 0.0
    assert near(e.logcdf(1e-20), math.log(2e-20), 1e-15)  # log(1 − e^(−2·10⁻²⁰)): expm1
    assert near(e.isf(1e-300), 300 * math.log(10) / 2, 1e-15) and e.isf(1) == 0.0
    assert e.isf(0) == math.inf
    assert near(Exponential(2e4).isf(math.exp(-1)), 5e-5, 1e-15)


def test_uniform_survival_is_exact() -> None:
    u = Uniform(0, 2)
    assert u.sf(Fraction(1, 2)) == Fraction(3, 4) and u.isf(0.25) == 1.5
    assert u.logsf(2) == -math.inf and u.logcdf(-1) == -math.inf and u.logpdf(3) == -math.inf


def test_survival_bad_input() -> None:
    with pytest.raises(DomainError, match=r"q must be in \[0, 1\], got 2"):
        Normal(0, 1).isf(2)
    with pytest.raises(DomainError, match=r"q must be in \[0, 1\], got -0\.5"):
        Poisson(1).isf(-0.5)
    with pytest.raises(DomainError, match="x must be a number, got NaN"):
        Normal(0, 1).logsf(math.nan)
    with pytest.raises(DomainError, match="x must be a number, got NaN"):
        Poisson(1).logpmf(math.nan)
    with pytest.raises(TypeError, match="x must be a real number"):
        Exponential(1).logcdf("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x must be a real number"):
        Poisson(1).sf("1")  # type: ignore[arg-type]
