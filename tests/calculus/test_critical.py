"""Tests of scratchmath.calculus.critical.

Theorems and properties checked:

- derivative is zero at the critical points found
- critical points touch and endpoints
- second derivative test
- classify critical point in several variables
- classify critical point one variable vector
- classify saddle with a cross term at the origin
- classify shifted saddle with a cross term
- determinant test agrees with the eigenvalue test
- determinant test on the learners examples
- determinant test refuses bad input
- critical points of sin pi x
- classify cos two pi t at an integer
- critical points skips a pole
- every critical point has a small slope
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    classify_critical_point,
    critical_points,
    derivative,
    hessian_determinant_test,
)
from scratchmath.errors import DimensionError, DomainError
from scratchmath.vectors import Vector
from tests.calculus.helpers import rosenbrock


@given(st.floats(-3, 0), st.floats(0.2, 3))
@settings(max_examples=15)
def test_derivative_is_zero_at_the_critical_points_found(r1: float, gap: float) -> None:
    r2 = r1 + gap

    def f(x: float) -> float:  # f′ = 3(x − r1)(x − r2)
        return x**3 - 1.5 * (r1 + r2) * x * x + 3 * r1 * r2 * x

    found = critical_points(f, -4.0, 4.0)
    assert found == pytest.approx([r1, r2], abs=1e-8)
    for c in found:
        assert abs(derivative(f, c)) <= 1e-8 * (1 + abs(c)) ** 2


def test_critical_points_touch_and_endpoints() -> None:
    assert critical_points(lambda x: x**3, -1.0, 2.0) == pytest.approx([0.0], abs=1e-9)
    assert critical_points(lambda x: x**3 + 1e-3 * x, -1.0, 2.0) == []
    assert critical_points(lambda x: x * x, 0.0, 1.0) == [0.0]
    sines = critical_points(math.sin, 10.0, 0.0)
    assert sines == pytest.approx([math.pi / 2, 3 * math.pi / 2, 5 * math.pi / 2], abs=1e-10)
    assert critical_points(math.exp, -1.0, 1.0) == []


def test_second_derivative_test() -> None:
    assert classify_critical_point(lambda x: x * x, 0.0) == "minimum"
    assert classify_critical_point(math.cos, 0) == "maximum"
    assert classify_critical_point(math.cos, math.pi) == "minimum"
    assert classify_critical_point(lambda x: x**3, 0.0) == "inconclusive"
    assert classify_critical_point(lambda x: x**4, 0.0) == "inconclusive"
    assert classify_critical_point(lambda x: (x - 0.1) ** 3, 0.1) == "inconclusive"
    assert classify_critical_point(lambda x: 1e-6 * x * x, 0.0) == "minimum"


# --------------------------------------------------------------------------------------------
# The second-derivative test: classify_critical_point on Vectors and lists
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "x", "kind"),
    [
        (lambda v: v[0] ** 2 + v[1] ** 2, Vector([0.0, 0.0]), "minimum"),
        (lambda v: (v[0] - 1) ** 2 + 3 * (v[1] + 2) ** 2 + 7, [1.0, -2.0], "minimum"),
        (lambda v: -(v[0] ** 2) - v[1] ** 2 + v[0] * v[1], [0.0, 0.0], "maximum"),
        (lambda v: 5 - (v[0] - 2) ** 2 - 2 * (v[1] - 1) ** 2, Vector([2.0, 1.0]), "maximum"),
        (lambda v: v[0] ** 2 - v[1] ** 2, Vector([0.0, 0.0]), "saddle"),
        (lambda v: v[0] * v[1], [0.0, 0.0], "saddle"),  # eigenvalues ±1 off the axes
        (lambda v: v[0] ** 2 + v[1] ** 2 - v[2] ** 2, [0.0, 0.0, 0.0], "saddle"),
        (lambda v: v[0] ** 4 + v[1] ** 2, Vector([0.0, 0.0]), "inconclusive"),
        (lambda v: v[0] ** 3 + v[1] ** 2, [0.0, 0.0], "inconclusive"),
        (lambda v: -(v[0] ** 4) - v[1] ** 2, [0.0, 0.0], "inconclusive"),
        (rosenbrock, Vector([1.0, 1.0]), "minimum"),
        (rosenbrock, (1.0, 1.0), "minimum"),
        (lambda v: math.cos(v[0]) + math.cos(v[1]), [math.pi, 0.0], "saddle"),
        (lambda v: math.cos(v[0]) + math.cos(v[1]), [0.0, 0.0], "maximum"),
    ],
)
def test_classify_critical_point_in_several_variables(
    f: Callable[[Vector], float], x: Sequence[float], kind: str
) -> None:
    assert classify_critical_point(f, x) == kind


def test_classify_critical_point_one_variable_vector() -> None:
    assert classify_critical_point(lambda v: (v[0] - 3) ** 2, [3.0]) == "minimum"
    assert classify_critical_point(lambda v: -((v[0] - 3) ** 2), Vector([3])) == "maximum"


def test_classify_saddle_with_a_cross_term_at_the_origin() -> None:
    # x² + y² + 3xy: H = [[2, 3], [3, 2]], eigenvalues 5 and −1: a saddle, although both
    # diagonal entries are positive (a diagonal-only test would say "minimum").
    assert classify_critical_point(lambda v: v[0] ** 2 + v[1] ** 2 + 3 * v[0] * v[1], [0, 0]) == (
        "saddle"
    )


def test_classify_shifted_saddle_with_a_cross_term() -> None:
    # The same saddle moved to (0.3, −0.7), where f = 0 (an early version of the Ridders loop
    # made the off-diagonal entry 0.5 instead of 3 there, and called this a minimum).
    def f(v: Vector) -> float:
        a, b = v[0] - 0.3, v[1] + 0.7
        return a * a + b * b + 3 * a * b

    assert classify_critical_point(f, [0.3, -0.7]) == "saddle"


@settings(max_examples=60)
@given(st.integers(-6, 6), st.integers(-6, 6), st.integers(-6, 6))
def test_determinant_test_agrees_with_the_eigenvalue_test(a: int, b: int, c: int) -> None:
    """D = λ₁λ₂ and f_xx + f_yy = λ₁ + λ₂: for q = ax² + 2bxy + cy² at 0 the two tests of
    the second-derivative theorem give the same verdict (H = 2[[a, b], [b, c]] exactly)."""

    def q(v: Sequence[float]) -> float:
        x, y = v
        return a * x * x + 2 * b * x * y + c * y * y

    D = 4 * (a * c - b * b)
    verdict = hessian_determinant_test(q, [0.0, 0.0])
    if D < 0:
        assert verdict == "saddle"
    elif D > 0:
        assert verdict == ("minimum" if a > 0 else "maximum")
    else:
        assert verdict == "inconclusive"
    assert verdict == classify_critical_point(q, [0.0, 0.0])


def test_determinant_test_on_the_learners_examples() -> None:
    assert hessian_determinant_test(lambda v: v[0] ** 2 + v[1] ** 2, [0.0, 0.0]) == "minimum"
    assert hessian_determinant_test(lambda v: -(v[0] ** 2) - v[1] ** 2, [0, 0]) == "maximum"
    assert hessian_determinant_test(lambda v: v[0] * v[1], [0.0, 0.0]) == "saddle"
    # the monkey saddle x³ − 3xy² has H = 0 at the origin: the test says nothing
    assert hessian_determinant_test(lambda v: v[0] ** 3 - 3 * v[0] * v[1] ** 2, [0, 0]) == (
        "inconclusive"
    )
    # Rosenbrock's minimum at (1, 1)
    rosen = lambda v: (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2  # noqa: E731
    assert hessian_determinant_test(rosen, [1.0, 1.0]) == "minimum"


def test_determinant_test_refuses_bad_input() -> None:
    with pytest.raises(DimensionError, match="two variables, got 3"):
        hessian_determinant_test(lambda v: v[0] ** 2, [0.0, 0.0, 0.0])
    with pytest.raises(DomainError, match="not a critical point"):
        hessian_determinant_test(lambda v: v[0] ** 2 + v[1] ** 2, [1.0, 0.0])
    with pytest.raises(TypeError, match="callable"):
        hessian_determinant_test("f", [0.0, 0.0])  # type: ignore[arg-type]


def test_critical_points_of_sin_pi_x() -> None:
    found = critical_points(lambda x: math.sin(math.pi * x), 8.05, 8.95)
    assert found == [pytest.approx(8.5, abs=1e-9)]


def test_classify_cos_two_pi_t_at_an_integer() -> None:
    assert classify_critical_point(lambda t: math.cos(2 * math.pi * t), 4.0) == "maximum"


def test_critical_points_skips_a_pole() -> None:
    assert critical_points(lambda x: 1 / x**2, -1.0, 1.1) == []
    assert critical_points(lambda x: 1 / x, -1.0, 1.1) == []


@given(st.lists(st.integers(-4, 4), min_size=3, max_size=6))
@settings(max_examples=30)
def test_every_critical_point_has_a_small_slope(coefficients: list[int]) -> None:
    def p(t: float) -> float:
        return sum(c * t**k for k, c in enumerate(coefficients))

    def p_prime(t: float) -> float:
        return sum(k * c * t ** (k - 1) for k, c in enumerate(coefficients) if k)

    if all(c == 0 for c in coefficients[1:]):
        return
    try:
        found = critical_points(p, -2.0, 2.0)
    except DomainError:
        return
    largest = max(abs(p_prime(-2 + 4 * i / 100)) for i in range(101))
    for x in found:
        assert abs(p_prime(x)) <= 1e-6 * max(1.0, largest)
