"""Tests of scratchmath.calculus.roots.

Theorems and properties checked:

- newton counts its iterations exactly
- find root on a bracket wider than the floats
- find root brackets the root
- find root known answers
- newton known answers
- newton carries its state when it fails
- exceptions from f pass through
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.calculus import (
    classify_critical_point,
    critical_points,
    derivative,
    find_root,
    integrate,
    newton,
    simpson,
)
from scratchmath.errors import ConvergenceError

# --------------------------------------------------------------------------------------------
# Roots and critical points
# --------------------------------------------------------------------------------------------


def test_newton_counts_its_iterations_exactly() -> None:
    # One iteration suffices at a root; a linear f needs two (one step, then f = 0).
    assert newton(lambda x: x - 2, 2.0, max_iter=1) == 2.0
    assert newton(lambda x: x - 2, 0.0, fprime=lambda x: 1.0, max_iter=2) == 2.0
    with pytest.raises(ConvergenceError):
        newton(lambda x: x - 2, 0.0, fprime=lambda x: 1.0, max_iter=1)


def test_find_root_on_a_bracket_wider_than_the_floats() -> None:
    # b − a overflows: the bracket is halved first, keeping the half with the sign change.
    root = find_root(lambda x: (1e308 - x) * 1e-309, -1.7e308, 1.7e308)
    assert root == pytest.approx(1e308, rel=1e-9)
    assert find_root(lambda x: x + 0.5, -1.7e308, 1.7e308) == pytest.approx(-0.5, abs=1e-9)


@given(st.floats(-5, 5), st.floats(0.1, 4), st.floats(0.1, 4))
def test_find_root_brackets_the_root(root: float, left: float, right: float) -> None:
    def f(x: float) -> float:
        return (x - root) * (1 + (x - root) ** 2)

    found = find_root(f, root - left, root + right)
    assert abs(found - root) <= 1e-12 * max(1.0, abs(root))
    assert find_root(f, root + right, root - left) == pytest.approx(found, abs=1e-11)


def test_find_root_known_answers() -> None:
    assert find_root(lambda x: x * x - 2, 0, 2) == pytest.approx(math.sqrt(2), abs=1e-12)
    assert find_root(math.cos, 0, 3) == pytest.approx(math.pi / 2, abs=1e-12)
    assert find_root(lambda x: x - 1, 1.0, 5.0) == 1.0
    assert find_root(lambda x: x - 5, 1.0, 5.0) == 5.0
    assert find_root(lambda x: math.exp(x) - 1e6, 0, 100, tol=1e-14) == pytest.approx(
        math.log(1e6), rel=1e-14
    )
    assert isinstance(find_root(lambda x: x - 1, 1, 5), float)


def test_newton_known_answers() -> None:
    assert newton(lambda x: x * x - 2, 1.0) == pytest.approx(math.sqrt(2), rel=1e-15)
    assert newton(math.cos, 1.0, fprime=lambda x: -math.sin(x)) == pytest.approx(math.pi / 2)
    assert newton(lambda x: x, 0.0) == 0.0


def test_newton_carries_its_state_when_it_fails() -> None:
    with pytest.raises(ConvergenceError, match="horizontal") as info:
        newton(lambda x: x * x + 1, 0.0)
    assert info.value.estimate == 0.0 and info.value.iterations == 1
    with pytest.raises(ConvergenceError, match="did not converge in 5 steps") as info:
        newton(lambda x: x * x + 1, 0.5, max_iter=5)
    assert info.value.iterations == 5 and isinstance(info.value.estimate, float)
    assert info.value.error > 0


def test_exceptions_from_f_pass_through() -> None:
    class Mine(Exception):
        pass

    def hostile(x: float) -> float:
        raise Mine("from f")

    for call in [
        lambda: derivative(hostile, 1.0),
        lambda: find_root(hostile, 0, 1),
        lambda: newton(hostile, 1.0),
        lambda: integrate(hostile, 0, 1),
        lambda: simpson(hostile, 0, 1, 2),
        lambda: critical_points(hostile, 0, 1),
        lambda: classify_critical_point(hostile, 0.0),
    ]:
        with pytest.raises(Mine, match="from f"):
            call()
