"""Tests of scratchmath.probability.summation.

Theorems and properties checked:

- convergent integrals do not appear to diverge
- too narrow a density is refused not misintegrated
"""

from __future__ import annotations

import math

import pytest

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Exponential,
    Normal,
    cross_entropy,
    entropy,
    kl_divergence,
    variance,
)
from tests.probability.helpers import LN2, near


def test_convergent_integrals_do_not_appear_to_diverge() -> None:
    assert near(entropy(Exponential(1e5)), (1 - math.log(1e5)) / LN2, 1e-13)
    assert near(kl_divergence(Normal(0, 1), Normal(1e-8, 1), base=math.e), 0.5e-16, 1e-9)


def test_too_narrow_a_density_is_refused_not_misintegrated() -> None:
    for compute in (
        lambda: entropy(Normal(0, 5e-324)),
        lambda: cross_entropy(Normal(0, 5e-324), Normal(0, 1)),
        lambda: variance(Normal(0, 1e-300)),
    ):
        with pytest.raises(DomainError, match="too narrow to integrate in floats"):
            compute()
