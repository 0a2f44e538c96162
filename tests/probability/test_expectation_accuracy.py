"""Tests of scratchmath.probability.expectation: accuracy at the edges, no silent wrong answers.

Theorems and properties checked:

- expectation meets the closed form mean at every scale
- variance meets the closed form at every scale
- variance of a narrow normal
- a variance beyond the float range is inf
- an expectation beyond the floats is a convergence error
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings

from scratchmath.errors import ConvergenceError
from scratchmath.probability import (
    Geometric,
    Normal,
    expectation,
    variance,
)
from tests.probability.helpers import near, scaled_families

# Tolerances: the integrals ask for 10⁻¹² relative (to ∫|integrand|); the centre c rounds by
# ε|c|, and the closed forms themselves by a few ε. A tenfold margin gives 10⁻¹¹.


@given(scaled_families())
@settings(max_examples=60)
def test_expectation_meets_the_closed_form_mean_at_every_scale(case: Any) -> None:
    dist, mean, var, _ = case
    spread = math.sqrt(var)
    assert near(float(expectation(dist)), mean, 8 * 2.0**-52, 1e-11 * spread)


@given(scaled_families())
@settings(max_examples=60)
def test_variance_meets_the_closed_form_at_every_scale(case: Any) -> None:
    dist, _, var, _ = case
    assert near(float(variance(dist)), var, 1e-10)


# ---------------------------------------------------------------------------------------------
# Issue 21, class 1: expectations over narrow or wide densities.


def test_variance_of_a_narrow_normal() -> None:
    assert near(variance(Normal(0, 1e-4)), 1e-8, 1e-12)  # was 9.77e-9


def test_a_variance_beyond_the_float_range_is_inf() -> None:
    assert variance(Normal(0, 1e200)) == math.inf == Normal(0, 1e200).variance()


def test_an_expectation_beyond_the_floats_is_a_convergence_error() -> None:
    with pytest.raises(ConvergenceError, match="exceeds the float range"):
        expectation(Geometric(0.5), lambda k: 2**k)  # was OverflowError
