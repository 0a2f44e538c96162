"""Tests of scratchmath.calculus.multivariable.

Tolerances. The derivatives are Ridders-extrapolated central differences. A derivative
cannot be more accurate than the cancellation it performs, so every comparison is relative
to a *scale*: the sum of the magnitudes of the terms that make up the exact answer, plus
|f(x)| / max(1, |xᵢ|) (rounding in f's values, divided by a step of order max(1, |xᵢ|)).
First derivatives (gradient, Jacobian, directional derivative) are claimed accurate to
~1e-10 of that scale for smooth functions, so ``REL_1 = 1e-10``; a second difference
divides rounding by h² and keeps fewer digits, claimed ~1e-7, so ``REL_2 = 1e-7`` for
Hessian entries. (Measured over 300 examples per property, without shrinking: the worst
first-derivative error was 1e-12 of its scale, the worst Hessian error 5e-13 — well inside
the claims, which are what the tests hold the library to; none was widened to pass.)

Theorems and properties checked:

- gradient of linear function is its coefficients
- gradient of quadratic form is A plus AT x
- gradient of quadratic form exact small case
- gradient matches the analytic gradient
- directional derivative is gradient dot v
- gradient is direction of steepest ascent
- multivariate chain rule
- chain rule for a layer
- jacobian accepts vectors tuples and lists
- jacobian of polar to cartesian has determinant r
- jacobian of a scalar function is the gradient as a row
- hessian is symmetric
- hessian is jacobian of gradient
- hessian is jacobian of the numerical gradient
- jacobian of gradient where a hessian entry is almost zero
- rosenbrock gradient and hessian known answers
- rosenbrock gradient vanishes at its minimum
- rosenbrock hessian at its minimum
- gradient where f vanishes but its slope does not
- gradient where f is tiny but its slope is not
- non callable f is a type error
- x must be a sequence of real numbers
- x as a string is a type error
- empty x is a dimension error
- x must be finite
- partial derivative index
- directional derivative direction
- scalar f returning a non number is a type error
- scalar f not finite at x is a domain error
- jacobian bad values
- jacobian huge integer component is a domain error
- exception inside f passes through
- exception inside f passes through unchanged
- tangent plane is the best linear approximation
- tangent plane of the essays bowl
- tangent plane refuses bad input
- gradient and hessian of sin pi x
- hessian and classification near a saddle
- no leaks several variables
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    classify_critical_point,
    derivative,
    directional_derivative,
    gradient,
    gradient_descent,
    hessian,
    jacobian,
    partial_derivative,
    tangent_plane,
)
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, det
from scratchmath.vectors import Vector
from tests.calculus.helpers import (
    Point,
    coefficient,
    dot,
    extreme,
    float_matrix,
    floats_list,
    functions,
    matvec,
    no_leak,
    rosenbrock,
    rosenbrock_gradient,
    square_sum,
)
from tests.strategies import floats

#: First derivatives (gradient, Jacobian, directional), relative to their scale.
REL_1 = 1e-10
#: Second derivatives (Hessian entries), relative to their scale.
REL_2 = 1e-7


def close(value: float, exact: float, scale: float, rel: float) -> bool:
    """|value − exact| ≤ rel·max(scale, |exact|)."""
    return abs(value - exact) <= rel * max(scale, abs(exact))


def matmul(A: Sequence[Sequence[float]], B: Sequence[Sequence[float]]) -> list[list[float]]:
    columns = list(zip(*B, strict=True))
    return [[dot(row, col) for col in columns] for row in A]


def rows_of(M: Matrix) -> list[list[float]]:
    return [list(map(float, row)) for row in M.rows]


coordinate = floats(1e-3, 2)
rate = floats(1e-3, 1)


class SmoothField:
    """f(x) = a·sin(w·x + c) + d·exp(u·x) + ½·xᵀQx (Q symmetric), with ∇f and H f exact:

    ∇f = a·cos(w·x + c)·w + d·exp(u·x)·u + Qx,
    H f = −a·sin(w·x + c)·wwᵀ + d·exp(u·x)·uuᵀ + Q.
    """

    def __init__(
        self, a: float, w: Point, c: float, d: float, u: Point, Q: list[list[float]]
    ) -> None:
        n = len(w)
        self.a, self.w, self.c, self.d, self.u = a, w, c, d, u
        self.Q = [[(Q[i][j] + Q[j][i]) / 2 for j in range(n)] for i in range(n)]

    def __repr__(self) -> str:
        parts = (self.a, self.w, self.c, self.d, self.u, self.Q)
        return f"SmoothField{parts!r}"

    def __call__(self, x: Sequence[float]) -> float:
        quadratic = dot(x, matvec(self.Q, x)) / 2
        return (
            self.a * math.sin(dot(self.w, x) + self.c)
            + self.d * math.exp(dot(self.u, x))
            + quadratic
        )

    def grad(self, x: Sequence[float]) -> list[float]:
        s, e, Qx = math.cos(dot(self.w, x) + self.c), math.exp(dot(self.u, x)), matvec(self.Q, x)
        return [
            self.a * s * wi + self.d * e * ui + qi
            for wi, ui, qi in zip(self.w, self.u, Qx, strict=True)
        ]

    def hess(self, x: Sequence[float]) -> list[list[float]]:
        s, e = math.sin(dot(self.w, x) + self.c), math.exp(dot(self.u, x))
        n = len(x)
        return [
            [
                -self.a * s * self.w[i] * self.w[j]
                + self.d * e * self.u[i] * self.u[j]
                + self.Q[i][j]
                for j in range(n)
            ]
            for i in range(n)
        ]

    def scale(self, x: Sequence[float]) -> float:
        """The size of the terms of f and its first two derivatives (see module docstring)."""
        e = math.exp(dot(self.u, x))
        w, u = max(map(abs, self.w)), max(map(abs, self.u))
        q = max(abs(q) for row in self.Q for q in row)
        width = max(1.0, max(map(abs, x)))
        terms = abs(self.a) * (1 + w) ** 2 + abs(self.d) * e * (1 + u) ** 2 + q * (1 + width) ** 2
        return terms + abs(self(x))


@st.composite
def fields(draw: st.DrawFn, n: int | None = None) -> tuple[SmoothField, Point]:
    """A random SmoothField on ℝⁿ (1 ≤ n ≤ 3) and a point x."""
    if n is None:
        n = draw(st.integers(1, 3))
    f = SmoothField(
        draw(coefficient),
        draw(floats_list(rate, n)),
        draw(coefficient),
        draw(coefficient),
        draw(floats_list(rate, n)),
        draw(float_matrix(coefficient, n, n)),
    )
    return f, draw(floats_list(coordinate, n))


# --------------------------------------------------------------------------------------------
# The gradient
# --------------------------------------------------------------------------------------------


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(*[floats_list(coefficient, n)] * 2)), rate)
def test_gradient_of_linear_function_is_its_coefficients(cx: tuple[Point, Point], d: float) -> None:
    # ∇(c·x + d) = c. The only error is rounding in f's values: |f| ≤ Σ|cⱼxⱼ| + |d|, divided
    # by a step ~ max(1, |xᵢ|).
    c, x = cx

    def f(v: Vector) -> float:
        return dot(c, v) + d

    g = gradient(f, x)
    assert isinstance(g, Vector) and len(g) == len(c)
    size = math.fsum(abs(ci * xi) for ci, xi in zip(c, x, strict=True)) + abs(d)
    for i, (gi, ci) in enumerate(zip(g, c, strict=True)):
        assert close(gi, ci, abs(ci) + size / max(1.0, abs(x[i])), REL_1)
        assert partial_derivative(f, x, i) == gi


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            float_matrix(coefficient, n, n), st.lists(coordinate, min_size=n, max_size=n)
        )
    )
)
def test_gradient_of_quadratic_form_is_A_plus_AT_x(data: tuple[list[list[float]], Point]) -> None:
    # ∇(xᵀAx) = (A + Aᵀ)x. Scale: Σⱼ(|Aᵢⱼxⱼ| + |Aⱼᵢxⱼ|) (the terms cancelled in the exact
    # answer, each rounded on its own when f is evaluated: an antisymmetric A has ∇ = 0 exactly,
    # but the computed f is not exactly 0) plus the values' rounding Σ|Aᵢⱼxᵢxⱼ| / max(1, |xᵢ|).
    A, x = data
    n = len(x)
    AT = [list(col) for col in zip(*A, strict=True)]
    exact = matvec([[A[i][j] + AT[i][j] for j in range(n)] for i in range(n)], x)
    values = math.fsum(abs(A[i][j] * x[i] * x[j]) for i in range(n) for j in range(n))
    # Where ∇ = 0 and f is pure rounding (antisymmetric A) this once refused: the noise
    # inside f is now measured, so no refusal is accepted anywhere.
    g = gradient(lambda v: dot(v, matvec(A, v)), Vector(x))
    for i in range(n):
        terms = math.fsum(abs(A[i][j] * x[j]) + abs(A[j][i] * x[j]) for j in range(n))
        assert close(g[i], exact[i], terms + values / max(1.0, abs(x[i])), REL_1)


def test_gradient_of_quadratic_form_exact_small_case() -> None:
    # A = [[1, 2], [0, 3]], x = (1, −1): (A + Aᵀ)x = [[2, 2], [2, 6]]·(1, −1) = (0, −4).
    A = [[1.0, 2.0], [0.0, 3.0]]
    g = gradient(lambda v: dot(v, matvec(A, v)), [1.0, -1.0])
    assert g.isclose(Vector([0.0, -4.0]), abs_tol=1e-12)


@settings(max_examples=30)
@given(fields())
def test_gradient_matches_the_analytic_gradient(field: tuple[SmoothField, Point]) -> None:
    f, x = field
    exact, scale = f.grad(x), f.scale(x)
    for value, e in zip(gradient(f, x), exact, strict=True):
        assert close(value, e, scale, REL_1)


@settings(max_examples=30)
@given(fields(), floats_list(coefficient, 3))
def test_directional_derivative_is_gradient_dot_v(
    field: tuple[SmoothField, Point], v3: Point
) -> None:
    # D_v f(x) = lim (f(x + hv) − f(x))/h, taken here by the one-variable derivative of
    # t ↦ f(x + tv), equals ∇f(x)·v — and both equal the analytic ∇f·v. Scale: ‖v‖₁·scale.
    f, x = field
    v = v3[: len(x)]
    exact = dot(f.grad(x), v)
    scale = f.scale(x) * max(1.0, math.fsum(map(abs, v)))
    value = directional_derivative(f, x, v)
    assert close(value, exact, scale, REL_1)
    # The definition, with x + tv formed in floats (rounding ε·|x| in the argument, which
    # moves f by ε·|x|·‖∇f‖; its quotient over steps of order 1 stays within the scale).
    along = derivative(lambda t: f([xi + t * vi for xi, vi in zip(x, v, strict=True)]), 0.0)
    assert close(along, exact, scale, REL_1)
    # Not normalised: doubling v doubles D_v f (exactly: ∇f·(2v) = 2(∇f·v) in floats).
    assert directional_derivative(f, x, [2 * vi for vi in v]) == 2 * value


def slope_along(f: SmoothField, x: Point, u: Sequence[float]) -> float:
    """The rate of change of f along u from its definition: d/dt f(x + t·u) at t = 0."""
    return derivative(lambda t: f([xi + t * ui for xi, ui in zip(x, u, strict=True)]), 0.0)


@settings(max_examples=20)
@given(fields(), st.lists(floats_list(floats(1e-3, 1), 3), min_size=4, max_size=4))
def test_gradient_is_direction_of_steepest_ascent(
    field: tuple[SmoothField, Point], directions: list[Point]
) -> None:
    # For every unit u, the slope d/dt f(x + tu) (taken from its definition, not from the
    # gradient) is ≤ ‖∇f(x)‖ (Cauchy–Schwarz), with equality at u = ∇f/‖∇f‖ and the minimum
    # −‖∇f‖ at −∇f/‖∇f‖. Slack: the slopes' own error, REL_1·scale.
    f, x = field
    n = len(x)
    g = gradient(f, x)
    norm = math.hypot(*g)
    slack = REL_1 * f.scale(x)
    axes = [[1.0 if k == i else 0.0 for k in range(n)] for i in range(n)]
    for u in [d[:n] for d in directions] + axes + [[-c for c in a] for a in axes]:
        length = math.hypot(*u)
        if length > 1e-3:
            unit = [c / length for c in u]
            assert slope_along(f, x, unit) <= norm + slack
            assert directional_derivative(f, x, unit) <= norm + slack
    if norm > 1e-6:
        steepest = [c / norm for c in g]
        assert close(slope_along(f, x, steepest), norm, f.scale(x), REL_1)
        assert close(slope_along(f, x, [-c for c in steepest]), -norm, f.scale(x), REL_1)


# --------------------------------------------------------------------------------------------
# The Jacobian and the chain rule
# --------------------------------------------------------------------------------------------


def logistic(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def logistic_prime(z: float) -> float:
    s = logistic(z)
    return s * (1 - s)


class SineMap:
    """g(x) = sin(Bx + c) componentwise, ℝⁿ → ℝᵐ, with J g = diag(cos(Bx + c))·B."""

    def __init__(self, B: list[list[float]], c: Point) -> None:
        self.B, self.c = B, c

    def __repr__(self) -> str:
        return f"SineMap({self.B!r}, {self.c!r})"

    def __call__(self, x: Sequence[float]) -> list[float]:
        return [math.sin(z + ci) for z, ci in zip(matvec(self.B, x), self.c, strict=True)]

    def jac(self, x: Sequence[float]) -> list[list[float]]:
        z = [zi + ci for zi, ci in zip(matvec(self.B, x), self.c, strict=True)]
        return [[math.cos(zi) * b for b in row] for zi, row in zip(z, self.B, strict=True)]

    def scale(self, x: Sequence[float]) -> float:
        width = max(1.0, max(map(abs, x)))
        return max(abs(b) for row in self.B for b in row) + 1 / width


@st.composite
def sine_maps(draw: st.DrawFn, m: int, n: int) -> SineMap:
    return SineMap(draw(float_matrix(coefficient, m, n)), draw(floats_list(coefficient, m)))


@settings(max_examples=25)
@given(
    st.tuples(*[st.integers(1, 3)] * 3).flatmap(
        lambda d: st.tuples(
            sine_maps(d[2], d[1]), sine_maps(d[1], d[0]), floats_list(coordinate, d[0])
        )
    )
)
def test_multivariate_chain_rule(data: tuple[SineMap, SineMap, Point]) -> None:
    # J(f ∘ g)(x) = J f(g(x)) · J g(x), all three Jacobians numerical. Each entry of a
    # Jacobian is within REL_1·scale; the product's entries sum n_inner such products, so its
    # error is ≤ n_inner·REL_1·(scale_f·‖Jg‖ + ‖Jf‖·scale_g) — a few times REL_1·scale².
    f, g, x = data
    J_fg = rows_of(jacobian(lambda v: f(g(v)), x))
    y = g(x)
    product = matmul(rows_of(jacobian(f, y)), rows_of(jacobian(g, x)))
    analytic = matmul(f.jac(y), g.jac(x))
    inner = len(y)
    scale = (
        inner * (f.scale(y) * max(1.0, max(abs(b) for r in g.B for b in r)) + 1) * (g.scale(x) + 1)
    )
    for got, via_product, exact in zip(
        (e for row in J_fg for e in row),
        (e for row in product for e in row),
        (e for row in analytic for e in row),
        strict=True,
    ):
        assert close(got, via_product, scale, REL_1)
        assert close(got, exact, scale, REL_1)


@settings(max_examples=30)
@given(
    st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
        lambda mn: st.tuples(
            float_matrix(coefficient, *mn),
            floats_list(coefficient, mn[0]),
            floats_list(coordinate, mn[1]),
        )
    )
)
def test_chain_rule_for_a_layer(data: tuple[list[list[float]], Point, Point]) -> None:
    # A layer σ(Ax + b), σ the logistic function: J = diag(σ′(Ax + b))·A. Entry (i, j) is
    # σ′(zᵢ)·Aᵢⱼ; its scale adds the rounding of σ's values (≤ 1) over a step max(1, |xⱼ|).
    A, b, x = data
    layer = jacobian(lambda v: [logistic(z + bi) for z, bi in zip(matvec(A, v), b, strict=True)], x)
    assert layer.shape == (len(A), len(x))
    z = [zi + bi for zi, bi in zip(matvec(A, x), b, strict=True)]
    for i, row in enumerate(rows_of(layer)):
        for j, value in enumerate(row):
            exact = logistic_prime(z[i]) * A[i][j]
            scale = abs(A[i][j]) * logistic_prime(z[i]) + 1 / max(1.0, abs(x[j]))
            assert close(value, exact, scale, REL_1)


def test_jacobian_accepts_vectors_tuples_and_lists() -> None:
    for wrap in (Vector, tuple, list):
        J = jacobian(lambda p, wrap=wrap: wrap([p[0] * p[1], p[0] + 2 * p[1]]), [2.0, 3.0])
        assert isinstance(J, Matrix) and J.isclose(Matrix([[3, 2], [1, 2]]), abs_tol=1e-12)


def test_jacobian_of_polar_to_cartesian_has_determinant_r() -> None:
    # (r, θ) ↦ (r cos θ, r sin θ): J = [[cos θ, −r sin θ], [sin θ, r cos θ]], det J = r.
    def polar(p: Vector) -> list[float]:
        return [p[0] * math.cos(p[1]), p[0] * math.sin(p[1])]

    for r, theta in [(1.0, 0.0), (2.0, math.pi / 6), (0.5, 2.0), (3.0, -1.0), (10.0, 4.0)]:
        J = jacobian(polar, [r, theta])
        exact = [
            [math.cos(theta), -r * math.sin(theta)],
            [math.sin(theta), r * math.cos(theta)],
        ]
        for got_row, exact_row in zip(rows_of(J), exact, strict=True):
            for got, e in zip(got_row, exact_row, strict=True):
                assert close(got, e, r, REL_1)
        assert close(float(det(J)), r, r, REL_1)


def test_jacobian_of_a_scalar_function_is_the_gradient_as_a_row() -> None:
    f = SmoothField(1.5, [0.3, -0.7], 0.2, -0.8, [0.5, 0.1], [[1.0, 2.0], [0.0, -1.0]])
    x = [0.4, -1.1]
    J = jacobian(lambda v: [f(v)], x)
    assert J.shape == (1, 2)
    assert Vector(J.rows[0]).isclose(gradient(f, x), rel_tol=REL_1, abs_tol=REL_1 * f.scale(x))


# --------------------------------------------------------------------------------------------
# The Hessian
# --------------------------------------------------------------------------------------------


@settings(max_examples=20)
@given(fields())
def test_hessian_is_symmetric(field: tuple[SmoothField, Point]) -> None:
    # Schwarz: ∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ for f ∈ C². hessian builds H symmetric, so this is
    # exact; and each entry is the analytic second partial within REL_2·scale.
    f, x = field
    H = hessian(f, x)
    assert H == H.T
    assert H.is_symmetric()
    exact, scale = f.hess(x), f.scale(x)
    for got_row, exact_row in zip(rows_of(H), exact, strict=True):
        for got, e in zip(got_row, exact_row, strict=True):
            assert close(got, e, scale, REL_2)


@settings(max_examples=25)
@given(fields())
def test_hessian_is_jacobian_of_gradient(field: tuple[SmoothField, Point]) -> None:
    # H f = J(∇f): the Hessian against the Jacobian of the analytic gradient. Both are
    # compared at REL_2 (the Hessian's accuracy; the Jacobian is a first derivative, better).
    f, x = field
    H = rows_of(hessian(f, x))
    J = rows_of(jacobian(f.grad, x))
    scale = f.scale(x)
    for i in range(len(x)):
        for j in range(len(x)):
            assert close(H[i][j], J[i][j], scale, REL_2)


def test_hessian_is_jacobian_of_the_numerical_gradient() -> None:
    # The same theorem with both derivatives numerical: the Jacobian of ``gradient``. The
    # inner gradient carries ~1e-11·scale noise, so the outer one is a second derivative
    # in accuracy: compare at REL_2.
    f = SmoothField(1.2, [0.5, -0.3], 0.4, 0.8, [0.2, 0.6], [[1.0, -0.5], [0.3, 2.0]])
    for x in ([0.3, -0.4], [1.5, 0.7], [-1.0, 2.0]):
        H = rows_of(hessian(f, x))
        J = rows_of(jacobian(lambda v: gradient(f, v), x))
        for i in range(2):
            for j in range(2):
                assert close(H[i][j], J[i][j], f.scale(x), REL_2)


def test_jacobian_of_gradient_where_a_hessian_entry_is_almost_zero() -> None:
    f = SmoothField(
        -1.6449941313325798,
        [-0.001, 0.0],
        0.0,
        -2.358655930105262,
        [0.0, 0.001],
        [[0.0, -0.001], [-0.001, 2.8165608789061363]],
    )
    x = [-0.001, 0.001]
    J = rows_of(jacobian(lambda v: gradient(f, v), x))
    for got_row, exact_row in zip(J, f.hess(x), strict=True):
        for got, e in zip(got_row, exact_row, strict=True):
            assert close(got, e, f.scale(x), REL_2)


def rosenbrock_hessian(p: Sequence[float]) -> list[list[float]]:
    x, y = p
    return [[2 - 400 * y + 1200 * x * x, -400 * x], [-400 * x, 200.0]]


ROSENBROCK_POINTS = [
    (-1.2, 1.0),
    (0.0, 0.0),
    (2.0, -3.0),
    (0.5, 0.25),
    (-0.3, 0.7),
    (10.0, 100.0),
    (-30.0, 5.0),
    (0.001, 50.0),
]


@pytest.mark.parametrize("p", ROSENBROCK_POINTS)
def test_rosenbrock_gradient_and_hessian_known_answers(p: tuple[float, float]) -> None:
    # Scale: Rosenbrock's terms are 100·(|y| + x²) times up to 12·max(1, |x|)² in the Hessian.
    x, y = p
    scale = 1200 * max(1.0, x * x) + 400 * (1 + abs(y))
    for got, e in zip(gradient(rosenbrock, p), rosenbrock_gradient(p), strict=True):
        assert close(got, e, scale, REL_1)
    H = rows_of(hessian(rosenbrock, list(p)))
    for got_row, exact_row in zip(H, rosenbrock_hessian(p), strict=True):
        for got, e in zip(got_row, exact_row, strict=True):
            assert close(got, e, scale, REL_2)


def test_rosenbrock_gradient_vanishes_at_its_minimum() -> None:
    # The exact gradient is 0; its terms 2(1 − x) and 400x(y − x²) have size ~400·h over a
    # step h ≤ 1, so the scale is ~1000.
    g = gradient(rosenbrock, Vector([1.0, 1.0]))
    assert g.isclose(Vector([0.0, 0.0]), abs_tol=REL_1 * 1000)


def test_rosenbrock_hessian_at_its_minimum() -> None:
    # f(1, 1) = 0: the polarization second differences of t ↦ f(x + t·u) see only values
    # that vanish at t = 0 (an early version of the Ridders loop returned 0 here).
    H = rows_of(hessian(rosenbrock, [1.0, 1.0]))
    for got_row, exact_row in zip(H, [[802.0, -400.0], [-400.0, 200.0]], strict=True):
        for got, e in zip(got_row, exact_row, strict=True):
            assert close(got, e, 1000, REL_2)


def test_gradient_where_f_vanishes_but_its_slope_does_not() -> None:
    # f(0, 0) = 0 while ∇f = (2, −2); the inner 1 + x rounds away tiny steps.
    g = gradient(lambda v: (v[0] + 1) ** 2 - 1 + (v[1] - 2) * v[1], [0.0, 0.0])
    assert g.isclose(Vector([2.0, -2.0]), rel_tol=REL_1, abs_tol=REL_1 * 4)


def test_gradient_where_f_is_tiny_but_its_slope_is_not() -> None:
    # f = 1e-20 here: at steps where 1 + h == 1 the rows are constant, not zero (an early
    # version of the Ridders loop accepted their quotient 0 as exact).
    g = gradient(lambda v: math.log(1 + v[0]) + v[1] ** 2, [0.0, 1e-10])
    assert g.isclose(Vector([1.0, 2e-10]), rel_tol=REL_1)
    g = gradient(lambda v: (v[0] + 1) ** 2 - 1 + v[1] ** 2, [0.0, 1e-10])
    assert g.isclose(Vector([2.0, 2e-10]), rel_tol=REL_1)


def vec_identity(v: Vector) -> list[float]:
    return list(v)


# Each public function as a call on (f, x), so the argument checks can be shared.
CALLS: dict[str, Callable[[object, object], object]] = {
    "partial_derivative": lambda f, x: partial_derivative(f, x, 0),  # type: ignore[arg-type]
    "gradient": lambda f, x: gradient(f, x),  # type: ignore[arg-type]
    "directional_derivative": lambda f, x: directional_derivative(  # type: ignore[arg-type]
        f,
        x,
        [1.0] * len(x) if isinstance(x, Sequence) else [1.0],  # type: ignore[arg-type]
    ),
    "hessian": lambda f, x: hessian(f, x),  # type: ignore[arg-type]
    "jacobian": lambda f, x: jacobian(  # type: ignore[arg-type]
        (lambda v: [f(v)]) if callable(f) else f, x
    ),
    "gradient_descent": lambda f, x: gradient_descent(f, x),  # type: ignore[arg-type]
    "classify_critical_point": lambda f, x: classify_critical_point(f, x),  # type: ignore[arg-type]
}
NAMES = list(CALLS)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("f", [3, "f", None, [1.0]])
def test_non_callable_f_is_a_type_error(name: str, f: object) -> None:
    with pytest.raises(TypeError, match=r"f must be a callable function, got"):
        CALLS[name](f, [1.0, 2.0])


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("x", "message"),
    [
        ({1.0, 2.0}, r"must be a Vector or a sequence of numbers, not set"),
        (iter([1.0]), r"must be a Vector or a sequence of numbers, not list_iterator"),
        ([1.0, "2"], r"\[1\] must be a real number, not str"),
        ((True, 1.0), r"\[0\] must be a real number, not bool"),
        ([1.0, 2j], r"\[1\] must be a real number, not complex"),
        ([[1.0, 2.0]], r"\[0\] must be a real number, not list"),
    ],
)
def test_x_must_be_a_sequence_of_real_numbers(name: str, x: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        CALLS[name](square_sum, x)


@pytest.mark.parametrize("name", NAMES)
def test_x_as_a_string_is_a_type_error(name: str) -> None:
    with pytest.raises(TypeError, match=r"not str|got str"):
        CALLS[name](square_sum, "12")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("x", [[], (), Vector([])])
def test_empty_x_is_a_dimension_error(name: str, x: object) -> None:
    with pytest.raises(DimensionError, match=r"must have at least one coordinate"):
        CALLS[name](square_sum, x)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("x", "message"),
    [
        ([1.0, math.nan], r"\[1\] must be finite, got nan"),
        ([math.inf, 1.0], r"\[0\] must be finite, got inf"),
        ((0.0, -math.inf), r"\[1\] must be finite, got -inf"),
        ([10**400, 1.0], r"\[0\] = 1000.* is too large for a float"),
    ],
)
def test_x_must_be_finite(name: str, x: object, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        CALLS[name](square_sum, x)


def test_partial_derivative_index() -> None:
    for i in (2, -1, 10):
        with pytest.raises(DomainError, match=rf"0 ≤ i < 2, got {i}"):
            partial_derivative(square_sum, [1.0, 2.0], i)
    for i in (1.0, True, "0", None):
        with pytest.raises(TypeError, match=r"i must be an int"):
            partial_derivative(square_sum, [1.0, 2.0], i)  # type: ignore[arg-type]


def test_directional_derivative_direction() -> None:
    with pytest.raises(DimensionError, match=r"v has dimension 3 but x has 2"):
        directional_derivative(square_sum, [1.0, 2.0], [1.0, 0.0, 0.0])
    with pytest.raises(DimensionError, match=r"v has dimension 1 but x has 2"):
        directional_derivative(square_sum, [1.0, 2.0], Vector([1.0]))
    with pytest.raises(DimensionError, match=r"v must have at least one coordinate"):
        directional_derivative(square_sum, [1.0, 2.0], [])
    with pytest.raises(DomainError, match=r"v\[0\] must be finite, got nan"):
        directional_derivative(square_sum, [1.0, 2.0], [math.nan, 0.0])
    with pytest.raises(TypeError, match=r"v must be a Vector or a sequence of numbers, not float"):
        directional_derivative(square_sum, [1.0, 2.0], 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"v\[1\] must be a real number, not str"):
        directional_derivative(square_sum, [1.0, 2.0], [1.0, "x"])  # type: ignore[list-item]


SCALAR_NAMES = [n for n in NAMES if n != "jacobian"]


@pytest.mark.parametrize("name", SCALAR_NAMES)
@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("1", "str"),
        ([1.0], "list"),
        (Vector([1.0]), "Vector"),
        (None, "NoneType"),
        (1j, "complex"),
        (True, "bool"),
    ],
)
def test_scalar_f_returning_a_non_number_is_a_type_error(
    name: str, value: object, kind: str
) -> None:
    with pytest.raises(TypeError, match=rf"f must return a real number, got {kind}"):
        CALLS[name](lambda v: value, [1.0, 2.0])


@pytest.mark.parametrize("name", [n for n in SCALAR_NAMES if n != "gradient_descent"])
def test_scalar_f_not_finite_at_x_is_a_domain_error(name: str) -> None:
    # (gradient_descent reports a non-finite f in its result instead: tested above.)
    with pytest.raises(DomainError, match=r"= nan: no derivative where f is not finite"):
        CALLS[name](lambda v: math.nan, [1.0, 2.0])


def test_jacobian_bad_values() -> None:
    with pytest.raises(
        TypeError, match=r"f must return a Vector or a sequence of numbers, got str"
    ):
        jacobian(lambda v: "12", [1.0])
    with pytest.raises(TypeError, match=r"got float"):
        jacobian(lambda v: 3.0, [1.0])
    with pytest.raises(TypeError, match=r"component 1 of f\(x\) must be a real number, got str"):
        jacobian(lambda v: [1.0, "2"], [1.0])
    with pytest.raises(TypeError, match=r"component 0 of f\(x\) must be a real number, got bool"):
        jacobian(lambda v: [True], [1.0])
    with pytest.raises(DimensionError, match=r"f must return at least one component"):
        jacobian(lambda v: [], [1.0])
    with pytest.raises(DomainError, match=r"not finite"):
        jacobian(lambda v: [v[0], math.inf], [1.0])
    # different lengths at different points
    with pytest.raises(DimensionError, match=r"f returned 3 components at one point and 2"):
        jacobian(lambda v: [1.0, 2.0] if v[0] == 1.0 else [1.0, 2.0, 3.0], [1.0])
    with pytest.raises(DimensionError, match=r"f returned 1 components at one point and 2"):
        jacobian(lambda v: [v[0], v[1]] if v[1] == 2.0 else [v[0]], [1.0, 2.0])


def test_jacobian_huge_integer_component_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match=r"not finite"):
        jacobian(lambda v: [10**400], [1.0])


class Boom(Exception):
    """The user's own error."""


def boom(v: Vector) -> float:
    raise Boom("raised inside f")


@pytest.mark.parametrize("name", NAMES)
def test_exception_inside_f_passes_through(name: str) -> None:
    with pytest.raises(Boom, match="raised inside f"):
        CALLS[name](boom, [1.0, 2.0])


@pytest.mark.parametrize("error", [ZeroDivisionError, KeyError, ValueError, OverflowError])
def test_exception_inside_f_passes_through_unchanged(error: type[Exception]) -> None:
    # Even the exception classes the library must never raise itself are the user's to keep.
    def f(v: Vector) -> float:
        if v[0] != 1.0:
            raise error("mine")
        return 0.0

    for call in (
        lambda: gradient(f, [1.0, 2.0]),
        lambda: hessian(f, [1.0, 2.0]),
        lambda: jacobian(lambda v: [f(v)], [1.0, 2.0]),
        lambda: gradient_descent(f, [2.0], grad=lambda v: [1.0]),
    ):
        with pytest.raises(error):
            call()
    with pytest.raises(Boom):
        gradient_descent(square_sum, [1.0], grad=boom)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The tangent plane and the essay's determinant test (two variables)
# --------------------------------------------------------------------------------------------


@settings(max_examples=40)
@given(
    st.lists(st.integers(-5, 5), min_size=5, max_size=5),
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
    st.tuples(floats(-1e-3, 1e-3), floats(-1e-3, 1e-3)),
)
def test_tangent_plane_is_the_best_linear_approximation(
    coefficients: list[int], centre: tuple[int, int], h: tuple[float, float]
) -> None:
    """f(x₀ + h) − T(x₀ + h) = ½hᵀHh for a quadratic f: the error is second order in ‖h‖,
    and exactly that quadratic form, so a wrong slope (first order) cannot hide in it."""
    a, b, c, d, e = coefficients

    def f(v: Sequence[float]) -> float:
        x, y = v
        return a * x * x + b * x * y + c * y * y + d * x + e * y

    x0 = [float(centre[0]), float(centre[1])]
    # A partial derivative that is 0 at a root computed by cancellation (y² + 2y at y = −1)
    # once made this refuse; the noise inside f is now measured.
    T = tangent_plane(f, x0)
    point = [x0[0] + h[0], x0[1] + h[1]]
    expected_gap = a * h[0] ** 2 + b * h[0] * h[1] + c * h[1] ** 2
    scale = abs(f(point)) + sum(abs(t) for t in coefficients) * (1 + 9) + 1
    assert abs((f(point) - T(point)) - expected_gap) <= 1e-9 * scale


def test_tangent_plane_of_the_essays_bowl() -> None:
    T = tangent_plane(lambda v: v[0] ** 2 + v[1] ** 2, Vector([1.0, 2.0]))
    assert math.isclose(T([1.0, 2.0]), 5.0, rel_tol=1e-12)
    assert math.isclose(T([2.0, 3.0]), 5.0 + 2.0 + 4.0, rel_tol=1e-9)
    linear = tangent_plane(lambda v: 3 * v[0] - 2 * v[1] + 1, [0.5, -0.25])
    assert math.isclose(linear([10.0, 7.0]), 3 * 10.0 - 2 * 7.0 + 1, rel_tol=1e-9)


def test_tangent_plane_refuses_bad_input() -> None:
    T = tangent_plane(lambda v: v[0] * v[1], [1.0, 1.0])
    with pytest.raises(DimensionError, match="lives in 2 dimensions, got a point of 3"):
        T([1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="callable"):
        tangent_plane(3, [1.0, 2.0])  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="x0"):
        tangent_plane(lambda v: v[0], [math.nan, 1.0])


def test_gradient_and_hessian_of_sin_pi_x() -> None:
    f = lambda v: math.sin(math.pi * v[0]) * math.cos(math.pi * v[1])  # noqa: E731
    g = gradient(f, [2.0, 4.0])
    assert list(g) == [pytest.approx(math.pi, rel=1e-10), pytest.approx(0.0, abs=1e-10)]
    H = hessian(f, [2.5, 4.0])
    assert H.rows[0][0] == pytest.approx(-(math.pi**2), rel=1e-7)


def test_hessian_and_classification_near_a_saddle() -> None:
    H = hessian(lambda v: v[0] ** 2 - v[1] ** 2, [1e-9, 0.0])
    assert [[round(e, 6) + 0.0 for e in row] for row in H.rows] == [[2.0, 0.0], [0.0, -2.0]]
    assert classify_critical_point(lambda v: v[0] ** 2 - v[1] ** 2, [1e-9, 0.0]) == "saddle"


SEVERAL_VARIABLES = [
    lambda f, x, v: partial_derivative(f, x, 0),
    lambda f, x, v: gradient(f, x),
    lambda f, x, v: directional_derivative(f, x, v),
    lambda f, x, v: jacobian(lambda p: [f(p), f(p)], x),
    lambda f, x, v: hessian(f, x),
    lambda f, x, v: classify_critical_point(f, x),
    lambda f, x, v: gradient_descent(f, x, max_steps=5),
]


@pytest.mark.parametrize("call", SEVERAL_VARIABLES, ids=range(len(SEVERAL_VARIABLES)))
@given(
    g=functions(),
    x=st.lists(extreme, min_size=1, max_size=2),
    v=st.lists(extreme, min_size=1, max_size=2),
)
@settings(max_examples=25)
def test_no_leaks_several_variables(call: Any, g: Any, x: Any, v: Any) -> None:
    no_leak(lambda: call(lambda p: g(p[0]), x, v))
    no_leak(lambda: call(lambda p: p[0] * p[-1] * 1e300, x, v))
