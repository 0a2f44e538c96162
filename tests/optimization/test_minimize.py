"""Tests of scratchmath.optimization.minimize.

Theorems and properties checked:

- bfgs update keeps positive definite
- bfgs update satisfies secant equation
- bfgs update refuses negative curvature
- newton direction is a descent direction
- minimize finds every test problem minimum
- newton reaches rosenbrock minimum in under 50 steps
- newton converges in one step on a quadratic
- newton escapes a maximum
- gd is exact over fractions on a quadratic
- first order methods reach rosenbrock minimum
- non convergent run reports a reason
- run reports leaving the domain
- minimize on a number returns numbers
- minimize with a given gradient agrees with autodiff
- every first order method decreases a bowl
- minimize refuses bad input
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.autodiff import log
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.optimization import (
    METHODS,
    minimize,
)
from scratchmath.optimization.minimize import bfgs_update, is_positive_definite, newton_direction
from scratchmath.optimization.test_functions import (
    TEST_PROBLEMS,
    rosenbrock,
)
from scratchmath.vectors import Vector
from tests.optimization.helpers import rosenbrock_gradient
from tests.strategies import fractions

# --------------------------------------------------------------------------------------------
# Newton's direction and the BFGS update.


def positive_definite(entries: list[Fraction]) -> Matrix:
    """MᵀM + I for a 2×2 M: symmetric positive definite, exact."""
    M = Matrix([entries[:2], entries[2:]])
    return M.T @ M + Matrix.identity(2)


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_bfgs_update_keeps_positive_definite(
    entries: list[Fraction], s: list[Fraction], y: list[Fraction]
) -> None:
    H, sv, yv = positive_definite(entries), Vector(s), Vector(y)
    if not yv.dot(sv) > 0:
        return
    updated = bfgs_update(H, sv, yv)
    assert updated == updated.T
    assert is_positive_definite(updated)


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_bfgs_update_satisfies_secant_equation(
    entries: list[Fraction], s: list[Fraction], y: list[Fraction]
) -> None:
    H, sv, yv = positive_definite(entries), Vector(s), Vector(y)
    if not yv.dot(sv) > 0:
        return
    assert bfgs_update(H, sv, yv) @ yv == sv  # H⁺y = s, exactly


def test_bfgs_update_refuses_negative_curvature() -> None:
    with pytest.raises(DomainError, match=r"BFGS needs the curvature yᵀs > 0, got -1"):
        bfgs_update(Matrix.identity(2), Vector([1, 0]), Vector([-1, 0]))


@given(st.lists(fractions(), min_size=4, max_size=4), st.lists(fractions(), min_size=2, max_size=2))
def test_newton_direction_is_a_descent_direction(
    entries: list[Fraction], g: list[Fraction]
) -> None:
    # Whatever the symmetric H (definite or not), the shifted Newton step goes downhill.
    H = Matrix([[entries[0], entries[1]], [entries[1], entries[2]]])
    gv = Vector(g)
    p, tau = newton_direction(H, gv)
    assert tau >= 0
    assert is_positive_definite(H + Matrix.identity(2) * tau)
    if gv != Vector([0, 0]):
        assert gv.dot(p) < 0
    if is_positive_definite(H):
        assert tau == 0 and H @ p == -gv


# --------------------------------------------------------------------------------------------
# minimize.


def nearest_minimum_distance(x: Vector, minima: tuple[Vector, ...]) -> float:
    return min(max(abs(a - b) for a, b in zip(x, m, strict=True)) for m in minima)


@pytest.mark.parametrize("method", ["bfgs", "newton"])
@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_minimize_finds_every_test_problem_minimum(name: str, method: str) -> None:
    f, start, minima = TEST_PROBLEMS[name]
    result = minimize(f, start, method=method)
    # 1e-6 in x: the minima are known to 16 digits and every run gets to 1e-9 or better;
    # Ackley's minimum is a kink, where only x (not the gradient) can be asked to be small.
    assert nearest_minimum_distance(result.x, minima) < 1e-6
    assert abs(result.value - f(minima[0])) < 1e-10
    if name != "ackley":
        assert result.converged, result.reason
    assert result.path[0] == start and result.path[-1] == result.x
    assert result.steps == len(result.path) - 1


def test_newton_reaches_rosenbrock_minimum_in_under_50_steps() -> None:
    result = minimize(rosenbrock, [-1.2, 1.0], method="newton")
    assert result.converged and result.steps < 50
    assert nearest_minimum_distance(result.x, (Vector([1, 1]),)) < 1e-8


@given(st.lists(fractions(), min_size=4, max_size=4), st.lists(fractions(), min_size=2, max_size=2))
def test_newton_converges_in_one_step_on_a_quadratic(
    entries: list[Fraction], b: list[Fraction]
) -> None:
    A, bv = positive_definite(entries), Vector(b)

    def f(v: Any) -> Any:  # ½xᵀAx + bᵀx, minimum where Ax = −b
        return (
            (v[0] * (A[0, 0] * v[0] + A[0, 1] * v[1]) + v[1] * (A[1, 0] * v[0] + A[1, 1] * v[1]))
            / 2
            + bv[0] * v[0]
            + bv[1] * v[1]
        )

    result = minimize(f, [3.0, -2.0], method="newton", tol=1e-6)
    assert result.steps <= 1 and result.converged
    residual = A @ result.x + bv
    assert max(map(abs, residual)) < 1e-9 * (1 + max(map(abs, bv)))


def test_newton_escapes_a_maximum() -> None:
    # Himmelblau's local maximum near (−0.2708, −0.9230): H is negative definite there,
    # an unshifted Newton step would stay; the shifted one walks down to a minimum.
    f, _, minima = TEST_PROBLEMS["himmelblau"]
    result = minimize(f, [-0.27, -0.92], method="newton")
    assert result.converged and nearest_minimum_distance(result.x, minima) < 1e-8


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_gd_is_exact_over_fractions_on_a_quadratic(
    entries: list[Fraction], b: list[Fraction], x0: list[Fraction]
) -> None:
    A, bv = positive_definite(entries), Vector(b)

    def f(v: Any) -> Any:
        Av = [A[0, 0] * v[0] + A[0, 1] * v[1], A[1, 0] * v[0] + A[1, 1] * v[1]]
        return (v[0] * Av[0] + v[1] * Av[1]) / 2 + bv[0] * v[0] + bv[1] * v[1]

    lr = Fraction(1, 20)
    result = minimize(f, Vector(x0), method="gd", lr=lr, max_steps=6, tol=Fraction(1, 10**12))
    x, expected = Vector(x0), [Vector(x0)]
    for _ in range(result.steps):
        x = x - lr * (A @ x + bv)  # the closed form: ∇f = Ax + b
        expected.append(x)
    assert list(result.path) == expected
    assert all(type(c) is Fraction for p in result.path for c in p)


@pytest.mark.parametrize(
    ("method", "lr", "budget"),
    [
        ("gd", 0.0015, 11_500),
        ("momentum", 0.001, 1_700),
        ("nesterov", 0.001, 1_700),
        ("adagrad", 1.0, 9_500),
        ("rmsprop", 0.0003, 14_000),
        ("adam", 0.2, 900),
    ],
)
def test_first_order_methods_reach_rosenbrock_minimum(method: str, lr: float, budget: int) -> None:
    # The budgets of docs/optimization.md: steps to come within 1e-3 of (1, 1) from (−1.2, 1).
    result = minimize(
        rosenbrock, [-1.2, 1.0], method=method, lr=lr, max_steps=budget, grad=rosenbrock_gradient
    )
    first = next(
        k
        for k, p in enumerate(result.path)
        if nearest_minimum_distance(p, (Vector([1, 1]),)) < 1e-3
    )
    assert first <= budget


def test_non_convergent_run_reports_a_reason() -> None:
    f = lambda v: v[0] ** 2 + 10 * v[1] ** 2  # noqa: E731  L = 20: gd diverges for lr > 0.1
    diverged = minimize(f, [1.0, 1.0], method="gd", lr=0.2)
    assert not diverged.converged and diverged.reason.startswith("diverged at step")
    short = minimize(f, [1.0, 1.0], method="gd", lr=0.01, max_steps=5)
    assert not short.converged and short.steps == 5 and "max_steps = 5 reached" in short.reason
    assert minimize(f, [1.0, 1.0], max_steps=0).steps == 0


def test_run_reports_leaving_the_domain() -> None:
    result = minimize(lambda x: -log(x) + x, 0.5, method="gd", lr=10.0)
    assert not result.converged and result.reason.startswith("f could not be evaluated at step")
    assert "log needs x > 0" in result.reason
    assert result.x == result.path[-1] and result.value == -math.log(result.x) + result.x


def test_minimize_on_a_number_returns_numbers() -> None:
    result = minimize(lambda x: (x - 2) ** 2, 0.0)
    assert result.converged and isinstance(result.x, float) and abs(result.x - 2) < 1e-9
    assert all(isinstance(p, float) for p in result.path)


def test_minimize_with_a_given_gradient_agrees_with_autodiff() -> None:
    given_grad = minimize(rosenbrock, [-1.2, 1.0], grad=rosenbrock_gradient)
    autodiff = minimize(rosenbrock, [-1.2, 1.0])
    assert given_grad.converged and autodiff.converged
    assert nearest_minimum_distance(given_grad.x, (autodiff.x,)) < 1e-10
    newton = minimize(rosenbrock, [-1.2, 1.0], method="newton", grad=rosenbrock_gradient)
    assert newton.converged and nearest_minimum_distance(newton.x, (Vector([1, 1]),)) < 1e-8


@pytest.mark.parametrize("method", [m for m in METHODS if m not in ("newton", "bfgs")])
def test_every_first_order_method_decreases_a_bowl(method: str) -> None:
    result = minimize(
        lambda v: (v[0] - 1) ** 2 + (v[1] + 1) ** 2,
        [0.0, 0.0],
        method=method,
        lr=0.05,
        max_steps=400,
    )
    assert result.value < 0.01 * 2  # f(x0) = 2


def test_minimize_refuses_bad_input() -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match="unknown method 'sgd': choose one of gd, momentum"):
        minimize(f, [1.0], method="sgd")
    with pytest.raises(TypeError, match="method must be a string, got int"):
        minimize(f, [1.0], method=1)
    with pytest.raises(DomainError, match="lr does not apply to method 'bfgs'"):
        minimize(f, [1.0], lr=0.1)
    with pytest.raises(DomainError, match="lr must be positive, got 0"):
        minimize(f, [1.0], method="gd", lr=0)
    with pytest.raises(DomainError, match="tol must be positive, got -1"):
        minimize(f, [1.0], tol=-1)
    with pytest.raises(DomainError, match="max_steps must be an integer ≥ 0, got -1"):
        minimize(f, [1.0], max_steps=-1)
    with pytest.raises(TypeError, match="max_steps must be an int, got float"):
        minimize(f, [1.0], max_steps=10.0)
    with pytest.raises(TypeError, match="x0 must be a number, a Vector or a sequence"):
        minimize(f, "1")
    with pytest.raises(TypeError, match="x0 must hold real numbers, got complex"):
        minimize(f, [1j])
    with pytest.raises(DomainError, match="x0 must be finite"):
        minimize(f, [math.inf])
    with pytest.raises(DimensionError, match="x0 must have at least one coordinate"):
        minimize(f, [])
    with pytest.raises(TypeError, match="f must be a callable function, got str"):
        minimize("f", [1.0])
    with pytest.raises(DimensionError, match="grad\\(x\\) has 2 components, x has 1"):
        minimize(f, [1.0], grad=lambda v: [1.0, 2.0])
    with pytest.raises(DomainError, match="f and its gradient must be finite at x0"):
        minimize(lambda v: v[0] * math.inf, [1.0])
    with pytest.raises(TypeError, match="f must return a real number, got str"):
        minimize(lambda v: "x", [1.0], grad=lambda v: v)
    with pytest.raises(TypeError, match=r"not a number: float\(\) \(and math\.log"):
        minimize(lambda v: math.exp(v[0]), [1.0])
