"""Tests of scratchmath.optimization.line_search.

Theorems and properties checked:

- armijo condition holds for backtracking step
- backtracking is exact over fractions
- strong wolfe conditions hold for returned step
- strong wolfe conditions hold on every test problem
- wolfe line search never returns none
- line searches shorten steps that leave the domain
- line searches take a number and a given gradient
- backtracking reports when rounding leaves no step
- line searches refuse bad input
- line search constants are checked
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scratchmath.autodiff import grad, log
from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.optimization import (
    LineSearchResult,
    backtracking_line_search,
    wolfe_line_search,
)
from scratchmath.optimization.test_functions import (
    TEST_PROBLEMS,
    rosenbrock,
)
from scratchmath.vectors import Vector
from tests.optimization.helpers import rosenbrock_gradient
from tests.strategies import fractions

points = st.tuples(st.floats(-2, 2), st.floats(-1, 3)).map(lambda p: Vector(list(p)))


@given(points, st.floats(0.1, 0.9))
@example(Vector([1.0, 2.0]), 0.8984375)  # a gentle shrink needs hundreds of trials here
def test_armijo_condition_holds_for_backtracking_step(x: Vector, shrink: float) -> None:
    g = rosenbrock_gradient(x)
    if max(map(abs, g)) < 1e-6:
        return
    d = -g
    alpha = backtracking_line_search(rosenbrock, x, d, shrink=shrink)
    slope = g.dot(d)
    assert rosenbrock(x + alpha * d) <= rosenbrock(x) + 1e-4 * alpha * slope
    if alpha != 1:  # the first of 1, s, s², … that works: the one before it failed
        longer = alpha / shrink
        assert rosenbrock(x + longer * d) > rosenbrock(x) + 1e-4 * longer * slope


@given(
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions().filter(lambda q: q != 0), min_size=2, max_size=2),
)
def test_backtracking_is_exact_over_fractions(x: list[Fraction], g_scale: list[Fraction]) -> None:
    # f = Σ cᵢxᵢ² with rational c: the step is a power of 1/2 and the Armijo test is exact.
    c = [abs(q) + 1 for q in g_scale]

    def f(v: Any) -> Any:
        return c[0] * v[0] ** 2 + c[1] * v[1] ** 2

    point = Vector(x)
    d = -grad(f, point)
    if d == Vector([0, 0]):
        return
    alpha = backtracking_line_search(f, point, d, shrink=Fraction(1, 2), c=Fraction(1, 4))
    assert type(alpha) in (int, Fraction)
    assert f(point + alpha * d) <= f(point) + Fraction(1, 4) * alpha * grad(f, point).dot(d)


@given(points, st.floats(0.1, 0.9))
def test_strong_wolfe_conditions_hold_for_returned_step(x: Vector, c2: float) -> None:
    g = rosenbrock_gradient(x)
    if max(map(abs, g)) < 1e-6:
        return
    d = -g
    result = wolfe_line_search(rosenbrock, x, d, c2=c2)
    assert result.satisfied
    alpha = result.step
    slope = g.dot(d)
    assert result.value == rosenbrock(x + alpha * d)
    assert result.value <= rosenbrock(x) + 1e-4 * alpha * slope
    assert abs(rosenbrock_gradient(x + alpha * d).dot(d)) <= c2 * abs(slope)


@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_strong_wolfe_conditions_hold_on_every_test_problem(name: str) -> None:
    f, start, _ = TEST_PROBLEMS[name]
    g = grad(f, start)
    result = wolfe_line_search(f, start, -g, c2=0.5)
    slope = -g.dot(g)
    assert result.satisfied
    assert result.value <= f(start) + 1e-4 * result.step * slope
    assert abs(grad(f, start - result.step * g).dot(-g)) <= 0.5 * abs(slope)


def test_wolfe_line_search_never_returns_none() -> None:
    # f = −x is unbounded below along d = 1: no step satisfies the curvature condition.
    result = wolfe_line_search(lambda v: -v[0], [0.0], [1.0])
    assert isinstance(result, LineSearchResult)
    assert result.satisfied is False and result.step > 0 and result.value == -result.step


def test_line_searches_shorten_steps_that_leave_the_domain() -> None:
    def barrier(v: Any) -> Any:  # minimum at 1/2; log of a negative number outside (0, 1)
        return -log(v[0]) - log(1 - v[0])

    alpha = backtracking_line_search(barrier, [0.2], [10.0])
    assert 0 < alpha < 0.08 and barrier([0.2 + 10 * alpha]) < barrier([0.2])
    result = wolfe_line_search(barrier, [0.2], [10.0])
    assert result.satisfied and 0 < 0.2 + 10 * result.step < 1


def test_line_searches_take_a_number_and_a_given_gradient() -> None:
    assert backtracking_line_search(lambda x: x * x, 1, -1, grad=lambda x: 2 * x) == 1
    result = wolfe_line_search(lambda x: x * x, 1.0, -1.0, grad=lambda x: 2 * x)
    assert result == LineSearchResult(1, 0.0, True)


def test_backtracking_reports_when_rounding_leaves_no_step() -> None:
    # A wrong "gradient" claims descent where f is flat: no step can decrease f.
    with pytest.raises(ConvergenceError, match="backtracking found no step"):
        backtracking_line_search(lambda v: v[0] * 0 + 1, [1.0], [1.0], grad=lambda v: [-1.0])


@pytest.mark.parametrize("search", [backtracking_line_search, wolfe_line_search])
def test_line_searches_refuse_bad_input(search: Any) -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match=r"not a descent direction: ∇f\(x\)·d = 2\.0 ≥ 0"):
        search(f, [1.0], [1.0])
    with pytest.raises(DimensionError, match="direction has 2 components, x has 1"):
        search(f, [1.0], [1.0, 2.0])
    with pytest.raises(TypeError, match="f must be a callable function, got int"):
        search(3, [1.0], [-1.0])
    with pytest.raises(TypeError, match="grad must be a callable function, got int"):
        search(f, [1.0], [-1.0], grad=3)
    with pytest.raises(TypeError, match="x must be a number, a Vector or a sequence"):
        search(f, "1", [-1.0])
    with pytest.raises(DomainError, match="direction must be finite"):
        search(f, [1.0], [math.nan])
    with pytest.raises(DimensionError, match="x must have at least one coordinate"):
        search(f, [], [])
    with pytest.raises(DomainError, match="f and its gradient must be finite at x"):
        search(lambda v: v[0] * math.inf, [1.0], [-1.0])


def test_line_search_constants_are_checked() -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match=r"c must lie strictly between 0 and 1, got 1"):
        backtracking_line_search(f, [1.0], [-1.0], c=1)
    with pytest.raises(DomainError, match=r"shrink must lie strictly between 0 and 1, got 0"):
        backtracking_line_search(f, [1.0], [-1.0], shrink=0)
    with pytest.raises(DomainError, match=r"c1 must be smaller than c2, got c1 = 0\.5, c2 = 0\.1"):
        wolfe_line_search(f, [1.0], [-1.0], c1=0.5, c2=0.1)
    with pytest.raises(DomainError, match=r"c2 must lie strictly between 0 and 1, got 1"):
        wolfe_line_search(f, [1.0], [-1.0], c2=1)
