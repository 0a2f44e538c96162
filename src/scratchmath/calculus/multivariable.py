"""Calculus of several variables: where linear algebra and calculus meet.

===========================  ===========================================================
``partial_derivative``       ∂f/∂xᵢ: the slope of f along the i-th axis
``gradient``                 ∇f(x) = (∂f/∂x₀, …, ∂f/∂xₙ₋₁): the direction of steepest ascent
``directional_derivative``   D_v f(x) = ∇f(x)·v: the slope along v
``jacobian``                 J f(x), m×n: the total derivative of f: ℝⁿ → ℝᵐ
``hessian``                  H f(x), n×n, symmetric: the second partial derivatives
===========================  ===========================================================

The helpers the other several-variable modules share (``critical``, ``descent``):
``as_point`` (a checked point as a tuple of floats), ``scalar_value`` and ``vector_value``
(f's value, checked), ``gradient_values`` (∇f as floats), ``along_axis`` (the slice
t ↦ f(…, t, …)) and ``hessian_with_error``.

A function of several variables takes a point x = (x₀, …, xₙ₋₁) — a ``Vector`` or any
sequence of numbers — and f receives it as a ``Vector``. Every derivative here is a
one-variable derivative in disguise: fix all coordinates but one (a partial derivative) or
walk along a line x + t·u (a directional one), and hand the resulting function of t to the
same extrapolated central differences that ``derivative`` uses, so they share its accuracy.

>>> f = lambda v: v[0] ** 2 + 3 * v[0] * v[1]          # f(x, y) = x² + 3xy
>>> [round(g, 9) for g in gradient(f, [1.0, 2.0])]       # (2x + 3y, 3x)
[8.0, 3.0]
>>> [[round(e, 9) for e in row] for row in hessian(f, [1.0, 2.0]).rows]
[[2.0, 3.0], [3.0, 0.0]]
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any

from scratchmath.calculus.derivatives import (
    derivative_with_error,
)
from scratchmath.checks import check_callable, real_result
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.scalars import REAL, accurate_sum
from scratchmath.vectors import Vector

__all__ = [
    "along_axis",
    "as_point",
    "directional_derivative",
    "gradient",
    "gradient_values",
    "hessian",
    "hessian_with_error",
    "jacobian",
    "partial_derivative",
    "scalar_value",
    "tangent_plane",
    "vector_value",
]

# f receives its point as a Vector of floats (see ``as_point``).
ScalarField = Callable[[Vector[float]], float]
VectorField = Callable[[Vector[float]], Any]


# --------------------------------------------------------------------------------------------
# Points and values: checking what goes in and what f gives back.
# --------------------------------------------------------------------------------------------


def as_point(x: object, name: str = "x") -> tuple[float, ...]:
    """x (a Vector or a sequence of real numbers) as a tuple of finite floats.

    >>> as_point([1, 2.5])
    (1.0, 2.5)

    Raises: TypeError for a non-sequence or a non-number; DimensionError for no coordinates;
    DomainError for a coordinate that is NaN, infinite or too large for a float.
    """
    if isinstance(x, (str, bytes)) or not isinstance(x, (Vector, Sequence)):
        raise TypeError(f"{name} must be a Vector or a sequence of numbers, not {type(x).__name__}")
    if len(x) == 0:
        raise DimensionError(f"{name} must have at least one coordinate")
    coordinates = []
    for i, c in enumerate(x):
        if isinstance(c, bool) or not isinstance(c, numbers.Real):
            raise TypeError(f"{name}[{i}] must be a real number, not {type(c).__name__}")
        try:
            value = float(c)
        except OverflowError:
            raise DomainError(f"{name}[{i}] = {c!r} is too large for a float") from None
        if not math.isfinite(value):
            raise DomainError(f"{name}[{i}] must be finite, got {value}")
        coordinates.append(value)
    return tuple(coordinates)


def scalar_value(f: ScalarField, x: tuple[float, ...]) -> float:
    """f(x) as a float, f receiving the point as a Vector (see ``evaluate``).

    >>> scalar_value(lambda v: v[0] * v[1], (2.0, 3.0))
    6.0

    Raises: TypeError if f returns something other than a real number.
    """
    y = f(Vector._trusted(x))
    if type(y) is float:  # the common case, without building a message
        return y
    return real_result(y, f"x = {x!r}")


def vector_value(f: VectorField, x: tuple[float, ...], m: int | None) -> tuple[float, ...]:
    """f(x) as a tuple of floats; f must return a Vector or a sequence of m real numbers.

    >>> vector_value(lambda v: [v[0], 2 * v[0]], (1.5,), 2)
    (1.5, 3.0)

    Raises: TypeError for a result that is not a sequence of real numbers; DimensionError
    when it has other than m components (m = None accepts any number).
    """
    y = f(Vector._trusted(x))
    if isinstance(y, (str, bytes)) or not isinstance(y, (Vector, Sequence)):
        raise TypeError(f"f must return a Vector or a sequence of numbers, got {type(y).__name__}")
    if m is not None and len(y) != m:
        raise DimensionError(f"f returned {len(y)} components at one point and {m} at another")
    values = []
    for i, c in enumerate(y):
        if isinstance(c, bool) or not isinstance(c, numbers.Real):
            raise TypeError(f"component {i} of f(x) must be a real number, got {type(c).__name__}")
        try:
            values.append(float(c))
        except OverflowError:  # an int beyond the float range
            values.append(math.inf if c > 0 else -math.inf)  # type: ignore[operator]
    return tuple(values)


def along_axis(f: ScalarField, x: tuple[float, ...], i: int) -> Callable[[float], float]:
    """The function of one variable t ↦ f(x₀, …, xᵢ₋₁, t, xᵢ₊₁, …): f along axis i.

    >>> along_axis(lambda v: v[0] + 10 * v[1], (1.0, 2.0), 1)(5.0)
    51.0
    """
    before, after = x[:i], x[i + 1 :]
    return lambda t: scalar_value(f, (*before, t, *after))


def _check_axis(i: object, n: int) -> int:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"i must be an int, not {type(i).__name__}")
    if not 0 <= i < n:
        raise DomainError(f"the variable index i must satisfy 0 ≤ i < {n}, got {i}")
    return i


# --------------------------------------------------------------------------------------------
# First derivatives: partial, gradient, directional, Jacobian.
# --------------------------------------------------------------------------------------------


def partial_derivative(f: ScalarField, x: Vector | Sequence[float], i: int) -> float:
    """The partial derivative ∂f/∂xᵢ at x: the slope of f along the i-th axis (0-based).

    Definition:   ∂f/∂xᵢ(x) = lim_{h→0} (f(x + h·eᵢ) − f(x)) / h.

    All coordinates but xᵢ are frozen, and the one-variable function t ↦ f(…, t, …) is
    differentiated at t = xᵢ by extrapolated central differences (see ``derivative``).

    >>> f = lambda v: v[0] ** 2 * v[1]              # f(x, y) = x²y
    >>> round(partial_derivative(f, [3.0, 2.0], 0), 9)   # ∂f/∂x = 2xy
    12.0
    >>> round(partial_derivative(f, [3.0, 2.0], 1), 9)   # ∂f/∂y = x²
    9.0

    Raises:
        TypeError: f is not callable, x is not a sequence of real numbers, i is not an int,
            or f returns a non-number.
        DimensionError: x is empty.  DomainError: i is out of range, x is not finite, or
            f(x) is not finite.  ConvergenceError: f is not differentiable there.
    """
    check_callable(f)
    point = as_point(x)
    axis = _check_axis(i, len(point))
    return derivative_with_error(along_axis(f, point, axis), point[axis], 1)[0]


def gradient(f: ScalarField, x: Vector | Sequence[float]) -> Vector[float]:
    """The gradient ∇f(x) = (∂f/∂x₀, …, ∂f/∂xₙ₋₁): the vector of partial derivatives.

    It points in the direction of steepest ascent, and its length is that steepest slope —
    which is why stepping against it (gradient descent) goes downhill.

    >>> [round(g, 9) for g in gradient(lambda v: v[0] * v[1] + v[1] ** 3, [2.0, 1.0])]
    [1.0, 5.0]

    Raises:
        TypeError: f is not callable, x is not a sequence of real numbers, or f returns a
            non-number.  DimensionError: x is empty.  DomainError: x or f(x) is not
            finite.  ConvergenceError: f is not differentiable there.
    """
    check_callable(f)
    return Vector._trusted(gradient_values(f, as_point(x)))


def gradient_values(f: ScalarField, point: tuple[float, ...]) -> tuple[float, ...]:
    """∇f at a checked point (see ``as_point``), as a tuple of floats.

    >>> gradient_values(lambda v: v[0] * v[1], (2.0, 3.0))
    (3.0, 2.0)

    Raises: what ``gradient`` raises.
    """
    return tuple(
        derivative_with_error(along_axis(f, point, i), point[i], 1)[0] for i in range(len(point))
    )


def tangent_plane(f: ScalarField, x0: Vector | Sequence[float]) -> Callable[..., float]:
    """The tangent plane of f at x₀, as a function: the best linear approximation near x₀.

    Definition:   T(x) = f(x₀) + ∇f(x₀)·(x − x₀), the several-variable ``tangent_line``.
    Near x₀, f(x) = T(x) + o(‖x − x₀‖): that is what differentiable means.

    >>> T = tangent_plane(lambda v: v[0] ** 2 + v[1] ** 2, [1.0, 2.0])  # 5 + 2(x−1) + 4(y−2)
    >>> round(T([2.0, 3.0]), 9)
    11.0

    Raises:
        TypeError: f is not callable, x₀ (or a point T is called at) is not a sequence of
            real numbers, or f returns a non-number.  DimensionError: x₀ is empty, or T is
            called at a point of another dimension.  DomainError: x₀ or f(x₀) is not finite.
        ConvergenceError: f is not differentiable at x₀.
    """
    check_callable(f)
    base = as_point(x0, "x0")
    height = scalar_value(f, base)
    slopes = gradient_values(f, base)

    def plane(x: Vector | Sequence[float]) -> float:
        point = as_point(x)
        if len(point) != len(base):
            raise DimensionError(
                f"the tangent plane lives in {len(base)} dimensions, got a point of {len(point)}"
            )
        steps = [g * (c - c0) for g, c, c0 in zip(slopes, point, base, strict=True)]
        return _finite_sum([height, *steps], "the tangent plane's value")

    plane.__doc__ = f"The tangent plane at {base!r}: f(x₀) = {height!r}, ∇f(x₀) = {slopes!r}."
    return plane


def _finite_sum(terms: list[float], what: str) -> float:
    """Σ terms, correctly rounded; ±inf where it overflows, DomainError where it is ∞ − ∞."""
    total = accurate_sum(terms, REAL)
    if math.isnan(total):
        raise DomainError(f"{what} is undefined: its terms overflow to both +inf and -inf")
    return float(total)


def directional_derivative(
    f: ScalarField, x: Vector | Sequence[float], v: Vector | Sequence[float]
) -> float:
    """The directional derivative D_v f(x) = ∇f(x)·v: the rate of change of f along v.

    Definition:   D_v f(x) = lim_{h→0} (f(x + h·v) − f(x)) / h, which for differentiable f
    equals ∇f(x)·v. v is not normalised: doubling v doubles the result.

    >>> f = lambda p: p[0] ** 2 + p[1] ** 2
    >>> round(directional_derivative(f, [1.0, 1.0], [1.0, -1.0]), 9)   # along a level curve
    0.0
    >>> round(directional_derivative(f, [1.0, 1.0], [3.0, 4.0]), 9)    # (2, 2)·(3, 4)
    14.0

    Raises:
        TypeError: as for ``gradient``, or v is not a sequence of real numbers.
        DimensionError: v and x differ in dimension.  DomainError: v is not finite.
    """
    check_callable(f)
    point, direction = as_point(x), as_point(v, "v")
    if len(direction) != len(point):
        raise DimensionError(
            f"the direction v has dimension {len(direction)} but x has {len(point)}"
        )
    slope = gradient_values(f, point)
    return _finite_sum([g * d for g, d in zip(slope, direction, strict=True)], "∇f(x)·v")


def jacobian(f: VectorField, x: Vector | Sequence[float]) -> Matrix[float]:
    """The Jacobian matrix J f(x), m×n: the total derivative of f: ℝⁿ → ℝᵐ at x.

    Definition:   J f(x)ᵢⱼ = ∂fᵢ/∂xⱼ(x); row i is the gradient of the component fᵢ, and
    f(x + h) ≈ f(x) + J f(x)·h is the best linear approximation of f near x. The chain rule
    says J(f ∘ g)(x) = J f(g(x)) · J g(x): total derivatives compose by matrix product.

    Column j is found from the one-variable functions t ↦ fᵢ(…, t, …); their values are
    computed once per t and shared by all m components.

    >>> J = jacobian(lambda p: [p[0] * p[1], p[0] + 2 * p[1]], [2.0, 3.0])
    >>> [[round(e, 9) for e in row] for row in J.rows]
    [[3.0, 2.0], [1.0, 2.0]]

    Raises:
        TypeError: f is not callable, x is not a sequence of real numbers, or f returns
            something other than a Vector or sequence of real numbers.
        DimensionError: x is empty, f returns no components, or returns different numbers
            of components at different points.  DomainError: x or f(x) is not finite.
        ConvergenceError: f is not differentiable there.
    """
    check_callable(f)
    point = as_point(x)
    m = len(vector_value(f, point, None))
    if m == 0:
        raise DimensionError("f must return at least one component")
    n = len(point)
    columns = []
    for j in range(n):
        cache: dict[float, tuple[float, ...]] = {}

        def value_at(
            t: float, j: int = j, cache: dict[float, tuple[float, ...]] = cache
        ) -> tuple[float, ...]:
            if t not in cache:
                cache[t] = vector_value(f, (*point[:j], t, *point[j + 1 :]), m)
            return cache[t]

        columns.append(
            [derivative_with_error(_component(value_at, i), point[j], 1)[0] for i in range(m)]
        )
    return Matrix._trusted(tuple(tuple(columns[j][i] for j in range(n)) for i in range(m)))


def _component(values: Callable[[float], tuple[float, ...]], i: int) -> Callable[[float], float]:
    """t ↦ the i-th component of values(t)."""
    return lambda t: values(t)[i]


# --------------------------------------------------------------------------------------------
# Second derivatives: the Hessian, and what it says about critical points.
# --------------------------------------------------------------------------------------------


def hessian_with_error(f: ScalarField, point: tuple[float, ...]) -> tuple[list[list[float]], float]:
    """The Hessian (as rows of floats) and an estimate of the Frobenius norm of its error.

    >>> H, error = hessian_with_error(lambda v: v[0] * v[1], (1.0, 2.0))
    >>> [[round(e, 9) + 0.0 for e in row] for row in H], error < 1e-6
    ([[0.0, 1.0], [1.0, 0.0]], True)

    Diagonal entries are second derivatives along the axes. Off the diagonal, polarization:
    along u = sᵢeᵢ ± sⱼeⱼ the second derivative of t ↦ f(x + t·u) at 0 is uᵀHu, so
    Hᵢⱼ = (D²₊ − D²₋) / (4·sᵢ·sⱼ). Every entry is then a one-variable second derivative with
    Ridders' accuracy, and H is symmetric by construction. The scales sₖ = max(1, |xₖ|) let
    the steps grow with the coordinates.
    """
    n = len(point)
    scale = [max(1.0, abs(c)) for c in point]
    H = [[0.0] * n for _ in range(n)]
    squared_error = 0.0
    for i in range(n):
        value, error = derivative_with_error(along_axis(f, point, i), point[i], 2)
        H[i][i] = value
        squared_error += error * error
    # An off-diagonal part uᵀHu can be 0 exactly (v₀² − v₁² along (1, ±1)), where only an
    # absolute test can accept it: beside the curvature along the axes, 1e−12 of it is 0.
    curvature = max(abs(H[k][k]) * scale[k] ** 2 for k in range(n))
    for i in range(n):
        for j in range(i):
            parts = []
            for sign in (1.0, -1.0):
                u = [0.0] * n
                u[i], u[j] = scale[i], sign * scale[j]

                def along(t: float, u: list[float] = u) -> float:
                    return scalar_value(f, tuple(c + t * d for c, d in zip(point, u, strict=True)))

                parts.append(derivative_with_error(along, 0.0, 2, floor=1e-12 * curvature))
            denominator = 4.0 * scale[i] * scale[j]
            H[i][j] = H[j][i] = (parts[0][0] - parts[1][0]) / denominator
            entry_error = (parts[0][1] + parts[1][1]) / denominator
            squared_error += 2 * entry_error * entry_error
    return H, math.sqrt(squared_error)


def hessian(f: ScalarField, x: Vector | Sequence[float]) -> Matrix[float]:
    """The Hessian matrix H f(x), n×n: all second partial derivatives of a scalar f.

    Definition:   H f(x)ᵢⱼ = ∂²f/∂xᵢ∂xⱼ(x). For f with continuous second derivatives it is
    symmetric (Schwarz), it is the Jacobian of the gradient, and f(x + h) ≈ f(x) + ∇f·h +
    ½ hᵀHh. The second-derivative test reads its eigenvalues.

    >>> H = hessian(lambda p: p[0] ** 2 * p[1] + p[1] ** 3, [1.0, 2.0])   # [[2y, 2x], [2x, 6y]]
    >>> [[round(e, 6) for e in row] for row in H.rows]
    [[4.0, 2.0], [2.0, 12.0]]

    Raises:
        TypeError: f is not callable, x is not a sequence of real numbers, or f returns a
            non-number.  DimensionError: x is empty.  DomainError: x or f(x) is not finite.
        ConvergenceError: f is not twice differentiable there.
    """
    check_callable(f)
    H, _ = hessian_with_error(f, as_point(x))
    return Matrix._trusted(tuple(map(tuple, H)))
