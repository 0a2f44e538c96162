"""Tests of scratchmath.optimization.test_functions.

Theorems and properties checked:

- gradient vanishes at every known minimum
- test functions take known values
- any dimension functions refuse dimension one
- two variable functions refuse other dimensions
- test functions refuse a number
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from scratchmath.autodiff import grad
from scratchmath.errors import DimensionError
from scratchmath.optimization.test_functions import (
    TEST_PROBLEMS,
    ackley,
    beale,
    booth,
    goldstein_price,
    himmelblau,
    matyas,
    rastrigin,
    rosenbrock,
)
from scratchmath.vectors import Vector

# --------------------------------------------------------------------------------------------
# The test functions.


@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_gradient_vanishes_at_every_known_minimum(name: str) -> None:
    f, _, minima = TEST_PROBLEMS[name]
    for m in minima:
        if name == "ackley":  # a kink: no gradient at the minimum, but f = 0 there
            assert abs(f(m)) < 1e-15
            continue
        assert max(map(abs, grad(f, m))) < 1e-12


def test_test_functions_take_known_values() -> None:
    assert rosenbrock(Vector([1, 1, 1, 1])) == 0 and grad(rosenbrock, Vector([1, 1, 1])) == Vector(
        [0, 0, 0]
    )
    assert rosenbrock([0, 0, 0]) == 2
    assert beale([3, Fraction(1, 2)]) == 0 and booth([1, 3]) == 0 and himmelblau([3, 2]) == 0
    assert goldstein_price([0, -1]) == 3 and matyas([0, 0]) == 0
    assert rastrigin([0.0, 0.0, 0.0]) == 0 and rastrigin([1.0, 0.0]) == pytest.approx(1.0)
    assert abs(ackley([0.0, 0.0, 0.0, 0.0])) < 1e-15 and ackley([1.0, 1.0]) > 3
    assert matyas([1, 1]) == Fraction(1, 25)  # exact at rational points


@pytest.mark.parametrize("f", [rosenbrock, rastrigin, ackley])
def test_any_dimension_functions_refuse_dimension_one(f: Any) -> None:
    with pytest.raises(DimensionError, match=f"{f.__name__} needs a point of dimension ≥ 2, got 1"):
        f([1.0])


@pytest.mark.parametrize("f", [beale, booth, himmelblau, goldstein_price, matyas])
def test_two_variable_functions_refuse_other_dimensions(f: Any) -> None:
    with pytest.raises(
        DimensionError,
        match=f"{f.__name__} is a function of 2 variables, got a point of dimension 3",
    ):
        f([1.0, 2.0, 3.0])


@pytest.mark.parametrize(
    "f", [rosenbrock, beale, booth, himmelblau, rastrigin, ackley, goldstein_price, matyas]
)
def test_test_functions_refuse_a_number(f: Any) -> None:
    with pytest.raises(
        TypeError, match=f"{f.__name__} takes a point \\(a Vector or sequence\\), not float"
    ):
        f(1.0)
