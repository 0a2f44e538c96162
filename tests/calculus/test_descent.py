"""Tests of scratchmath.calculus.descent.

Theorems and properties checked:

- gradient descent converges on convex quadratic
- gradient descent decreases f every step
- gradient descent path and fields
- gradient descent analytic and numeric gradients agree
- gradient descent on rosenbrock with the analytic gradient
- gradient descent stops at max steps
- gradient descent detects a rising f
- gradient descent stops when f is not finite
- gradient descent never marks nan converged
- gradient descent stops when the iterate overflows
- gradient descent with grad stops when the iterate overflows
- descent result replace keeps a reason
- gradient descent result is consistent
- gradient descent bad parameters
- gradient descent grad of wrong dimension
- gradient descent on sin pi x moves
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    gradient_descent,
)
from scratchmath.calculus.descent import DescentResult
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, eigh, solve
from scratchmath.vectors import Vector
from tests.calculus.helpers import (
    Point,
    coefficient,
    float_matrix,
    floats_list,
    quadratic,
    rosenbrock,
    rosenbrock_gradient,
    square_sum,
)

# --------------------------------------------------------------------------------------------
# Gradient descent
# --------------------------------------------------------------------------------------------


@st.composite
def convex_quadratics(draw: st.DrawFn) -> tuple[list[list[float]], Point, Point, float]:
    """(A, b, x0, η): A = BᵀB + I (symmetric positive definite, λ_min ≥ 1), a learning rate
    η = c/λ_max with c ∈ [0.3, 1.9] (so 0 < η < 2/λ_max)."""
    n = draw(st.integers(2, 3))
    B = draw(float_matrix(st.floats(-2, 2, allow_nan=False), n, n))
    A = [
        [
            math.fsum(B[k][i] * B[k][j] for k in range(n)) + (1.0 if i == j else 0.0)
            for j in range(n)
        ]
        for i in range(n)
    ]
    eigenvalues, _ = eigh(Matrix(A))
    c = draw(st.floats(0.3, 1.9))
    return (
        A,
        draw(floats_list(coefficient, n)),
        draw(floats_list(coefficient, n)),
        c / max(eigenvalues),
    )


def exact_quadratic(A: list[list[float]], b: Point, x: Sequence[float]) -> Fraction:
    """½xᵀAx − bᵀx evaluated exactly (every float is a rational)."""
    X = [Fraction(c) for c in x]
    n = len(X)
    AX = [sum((Fraction(A[i][j]) * X[j] for j in range(n)), Fraction(0)) for i in range(n)]
    return sum((X[i] * AX[i] / 2 - Fraction(b[i]) * X[i] for i in range(n)), Fraction(0))


@settings(max_examples=25)
@given(convex_quadratics())
def test_gradient_descent_converges_on_convex_quadratic(
    data: tuple[list[list[float]], Point, Point, float],
) -> None:
    # With 0 < η < 2/λ_max every error component shrinks by |1 − ηλ| < 1, so the run reaches
    # ‖∇f‖ = ‖Ax − b‖ ≤ tol; then ‖x − x*‖ = ‖A⁻¹(Ax − b)‖ ≤ tol/λ_min ≤ tol (λ_min ≥ 1).
    # x* itself is solved in floats: add κ·ε·‖x*‖ with κ ≤ λ_max ≤ 1 + 36 for these B.
    A, b, x0, eta = data
    f, grad = quadratic(A, b)
    tol = 1e-8
    result = gradient_descent(f, x0, learning_rate=eta, grad=grad, tol=tol)
    assert result.converged, result.reason
    solution = solve(Matrix(A), Vector(b))
    size = max(1.0, max(abs(float(c)) for c in solution))
    for got, exact in zip(result.x, solution, strict=True):
        assert abs(got - float(exact)) <= tol + 37 * 2.0**-52 * size * 10
    assert math.hypot(*grad(result.x)) <= tol
    assert result.value == f(result.x)


@settings(max_examples=25)
@given(convex_quadratics())
def test_gradient_descent_decreases_f_every_step(
    data: tuple[list[list[float]], Point, Point, float],
) -> None:
    # f(x − ηg) − f(x) = −η‖g‖²(1 − ηgᵀAg/(2‖g‖²)) < 0 for η < 2/λ_max. Evaluated exactly (in
    # Fractions) at the float iterates, so f's own rounding cannot hide or fake a rise; the
    # rounding of the iterates (ε·|x|, moving f by ~ε·|x|·‖g‖) is far below η‖g‖² while
    # ‖g‖ > tol.
    A, b, x0, eta = data
    f, grad = quadratic(A, b)
    result = gradient_descent(f, x0, learning_rate=eta, grad=grad, max_steps=300)
    values = [exact_quadratic(A, b, p) for p in result.path]
    for k, (before, after) in enumerate(itertools.pairwise(values)):
        assert after < before, f"f rose at step {k + 1}"


def test_gradient_descent_path_and_fields() -> None:
    f, grad = quadratic([[2.0, 0.0], [0.0, 20.0]], [2.0, -4.0])
    x0 = [3.0, 1.0]
    result = gradient_descent(f, x0, learning_rate=0.05, grad=grad)
    assert isinstance(result, DescentResult) and isinstance(result, tuple)
    x, value, steps, converged, path = result[:5]  # the contract's five-tuple, then reason
    assert len(result) == 6 and result[5] == result.reason
    assert (x, value, steps, converged, path) == (
        result.x,
        result.value,
        result.steps,
        result.converged,
        result.path,
    )
    assert isinstance(x, Vector) and all(isinstance(p, Vector) for p in path)
    assert path[0] == Vector(x0)
    assert path[-1] == x
    assert len(path) == steps + 1
    assert converged and isinstance(result.reason, str) and "tol" in result.reason
    assert x.isclose(Vector([1.0, -0.2]), abs_tol=1e-8)
    assert value == f(x)
    assert "DescentResult(" in repr(result)


def test_gradient_descent_analytic_and_numeric_gradients_agree() -> None:
    f, grad = quadratic([[3.0, 1.0], [1.0, 2.0]], [1.0, -1.0])  # x* = (0.6, −0.8)
    exact = gradient_descent(f, [0.0, 0.0], learning_rate=0.2, grad=grad)
    numeric = gradient_descent(f, Vector([0.0, 0.0]), learning_rate=0.2)
    assert exact.converged and numeric.converged
    # Both stop at ‖∇f‖ ≤ 1e-8, i.e. within 1e-8/λ_min ≈ 0.7e-8 of x*.
    for r in (exact, numeric):
        assert r.x.isclose(Vector([0.6, -0.8]), abs_tol=2e-8)
    assert abs(exact.steps - numeric.steps) <= 1


def test_gradient_descent_on_rosenbrock_with_the_analytic_gradient() -> None:
    r = gradient_descent(
        rosenbrock, [-1.2, 1.0], learning_rate=1e-3, grad=rosenbrock_gradient, max_steps=5000
    )
    assert not r.converged and "max_steps" in r.reason  # the famous slow valley
    assert r.steps == 5000 and len(r.path) == 5001
    assert r.value < rosenbrock([-1.2, 1.0])


def test_gradient_descent_stops_at_max_steps() -> None:
    r = gradient_descent(lambda v: v[0] ** 2, [1.0], max_steps=3)
    assert (r.steps, r.converged, len(r.path)) == (3, False, 4)
    assert "max_steps = 3" in r.reason
    assert r.x.isclose(Vector([0.512]), rel_tol=1e-9)  # 1 → 0.8 → 0.64 → 0.512
    r0 = gradient_descent(lambda v: v[0] ** 2, [1.0], max_steps=0)
    assert (r0.steps, r0.converged, r0.path) == (0, False, [Vector([1.0])])
    at_minimum = gradient_descent(lambda v: v[0] ** 2, [0.0], max_steps=0)
    assert at_minimum.converged and at_minimum.steps == 0


def test_gradient_descent_detects_a_rising_f() -> None:
    # η = 1.5 > 2/L = 1 on x²: x ↦ −2x, so f quadruples every step.
    r = gradient_descent(lambda v: v[0] ** 2, [1.0], learning_rate=1.5)
    assert not r.converged and "diverging" in r.reason and "learning_rate" in r.reason
    assert r.steps < 100 and len(r.path) == r.steps + 1
    # in 2-d: η = 0.15 > 2/20 along y only
    r2 = gradient_descent(
        lambda v: v[0] ** 2 + 10 * v[1] ** 2,
        [1.0, 1.0],
        learning_rate=0.15,
        grad=lambda v: [2 * v[0], 20 * v[1]],
    )
    assert not r2.converged and "diverging" in r2.reason


@pytest.mark.parametrize("bad", [math.inf, math.nan, -math.inf])
def test_gradient_descent_stops_when_f_is_not_finite(bad: float) -> None:
    # η = 1.5 on x² jumps 1 → −2 → 4; f is `bad` beyond |x| = 3.
    def f(v: Vector) -> float:
        return bad if abs(v[0]) > 3 else v[0] ** 2

    r = gradient_descent(f, [1.0], learning_rate=1.5, grad=lambda v: [2 * v[0]])
    assert not r.converged
    assert "diverged" in r.reason and str(bad) in r.reason
    assert r.steps == 2 and len(r.path) == 3
    assert r.x == Vector([4.0])


def test_gradient_descent_never_marks_nan_converged() -> None:
    r = gradient_descent(lambda v: math.nan, [1.0])
    assert not r.converged and "nan" in r.reason and r.steps == 0
    r = gradient_descent(lambda v: v[0] ** 2, [1.0], grad=lambda v: [math.nan])
    assert not r.converged and "gradient" in r.reason
    r = gradient_descent(lambda v: v[0] ** 2, [1.0], grad=lambda v: [math.inf])
    assert not r.converged and "gradient" in r.reason
    # a gradient that stays finite but overshoots to inf coordinates
    r = gradient_descent(lambda v: v[0] * v[0], [1.0], learning_rate=1e300)
    assert not r.converged and "f became inf" in r.reason


def test_gradient_descent_stops_when_the_iterate_overflows() -> None:
    # f(x) = −x falls forever; steps of 1e308 take x past the largest float at step 2.
    r = gradient_descent(lambda v: -v[0], [1.0], learning_rate=1e308)
    assert not r.converged and "diverged: x became non-finite at step 2" in r.reason
    assert math.isnan(r.value) and r.steps == 2


def test_gradient_descent_with_grad_stops_when_the_iterate_overflows() -> None:
    r = gradient_descent(lambda v: math.atan(v[0]), [1.0], grad=lambda v: [1e308])
    assert not r.converged and "diverged" in r.reason and r.steps < 100


def test_descent_result_replace_keeps_a_reason() -> None:
    r = gradient_descent(lambda v: v[0] ** 2, [1.0], max_steps=2)
    assert isinstance(r._replace(steps=5).reason, str)


@settings(max_examples=20)
@given(st.floats(1e-3, 1e3), st.floats(-10, 10), st.integers(0, 50))
def test_gradient_descent_result_is_consistent(eta: float, start: float, max_steps: int) -> None:
    # Whatever the learning rate: the path has steps + 1 points starting at x0, ends at x,
    # a converged result has a finite value and gradient ≤ tol, and there is always a reason.
    r = gradient_descent(
        lambda v: v[0] * v[0],
        [start],
        learning_rate=eta,
        grad=lambda v: [2 * v[0]],
        max_steps=max_steps,
    )
    assert len(r.path) == r.steps + 1 <= max_steps + 1
    assert r.path[0] == Vector([start]) and r.path[-1] == r.x
    assert r.reason
    if r.converged:
        assert math.isfinite(r.value) and abs(2 * r.x[0]) <= 1e-8


def test_gradient_descent_bad_parameters() -> None:
    x0 = [1.0, 2.0]
    for eta in (0, 0.0, -0.1, -math.inf):
        with pytest.raises(DomainError, match=r"learning_rate must be positive"):
            gradient_descent(square_sum, x0, learning_rate=eta)
    with pytest.raises(DomainError, match=r"learning_rate must not be NaN"):
        gradient_descent(square_sum, x0, learning_rate=math.nan)
    with pytest.raises(TypeError, match=r"learning_rate must be a real number, got str"):
        gradient_descent(square_sum, x0, learning_rate="0.1")  # type: ignore[arg-type]
    for tol in (0, -1e-8):
        with pytest.raises(DomainError, match=r"tol must be positive"):
            gradient_descent(square_sum, x0, tol=tol)
    with pytest.raises(DomainError, match=r"tol must not be NaN"):
        gradient_descent(square_sum, x0, tol=math.nan)
    with pytest.raises(DomainError, match=r"max_steps must be non-negative, got -1"):
        gradient_descent(square_sum, x0, max_steps=-1)
    for steps in (10.0, True, "10", None):
        with pytest.raises(TypeError, match=r"max_steps must be an int"):
            gradient_descent(square_sum, x0, max_steps=steps)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"grad must be a callable function, got list"):
        gradient_descent(square_sum, x0, grad=[1.0, 2.0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"x0 must be a Vector or a sequence of numbers"):
        gradient_descent(square_sum, 1.0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"x0\[0\] must be finite"):
        gradient_descent(square_sum, [math.nan])


def test_gradient_descent_grad_of_wrong_dimension() -> None:
    with pytest.raises(
        DimensionError, match=r"grad returned a vector of dimension 3 at a point of dimension 2"
    ):
        gradient_descent(square_sum, [1.0, 2.0], grad=lambda v: [1.0, 2.0, 3.0])
    with pytest.raises(
        DimensionError, match=r"grad returned a vector of dimension 1 at a point of dimension 2"
    ):
        gradient_descent(square_sum, [1.0, 2.0], grad=lambda v: Vector([1.0]))
    with pytest.raises(TypeError, match=r"got str"):
        gradient_descent(square_sum, [1.0, 2.0], grad=lambda v: "12")
    with pytest.raises(TypeError, match=r"got float"):
        gradient_descent(square_sum, [1.0, 2.0], grad=lambda v: 1.0)


def test_gradient_descent_on_sin_pi_x_moves() -> None:
    result = gradient_descent(lambda v: math.sin(math.pi * v[0]), [8.0], learning_rate=0.05)
    assert result.steps > 0
    assert result.converged
    assert result.x[0] == pytest.approx(7.5, abs=1e-6)
