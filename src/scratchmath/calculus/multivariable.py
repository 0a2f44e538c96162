"""Calculus of several variables: where linear algebra and calculus meet.

===========================  ===========================================================
``partial_derivative``       ∂f/∂xᵢ: the slope of f along the i-th axis
``gradient``                 ∇f(x) = (∂f/∂x₀, …, ∂f/∂xₙ₋₁): the direction of steepest ascent
``directional_derivative``   D_v f(x) = ∇f(x)·v: the slope along v
``jacobian``                 J f(x), m×n: the total derivative of f: ℝⁿ → ℝᵐ
``hessian``                  H f(x), n×n, symmetric: the second partial derivatives
``DescentResult``            what gradient descent returns: x, value, steps, converged, path
``gradient_descent``         x ← x − η·∇f(x) until ‖∇f(x)‖ ≤ tol
===========================  ===========================================================

A function of several variables takes a point x = (x₀, …, xₙ₋₁) — a ``Vector`` or any
sequence of numbers — and f receives it as a ``Vector``. Every derivative here is a
one-variable derivative in disguise: fix all coordinates but one (a partial derivative) or
walk along a line x + t·u (a directional one), and hand the resulting function of t to the
same extrapolated central differences that ``derivative`` uses, so they share its accuracy.

>>> f = lambda v: v[0] ** 2 + 3 * v[0] * v[1]          # f(x, y) = x² + 3xy
>>> [round(g, 9) for g in gradient(f, [1.0, 2.0])]       # (2x + 3y, 3x)
[8.0, 3.0]
>>> result = gradient_descent(lambda v: (v[0] - 1) ** 2 + (v[1] + 2) ** 2, [0.0, 0.0])
>>> result.converged, [round(c, 6) for c in result.x]
(True, [1.0, -2.0])
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, NamedTuple, cast

from scratchmath.calculus.derivatives import (
    _check_callable,
    _check_positive,
    _derivative_with_error,
)
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, eigh
from scratchmath.scalars import REAL, accurate_sum
from scratchmath.vectors import Vector

__all__ = [
    "DescentResult",
    "directional_derivative",
    "gradient",
    "gradient_descent",
    "hessian",
    "jacobian",
    "partial_derivative",
]

ScalarField = Callable[[Vector], float]
VectorField = Callable[[Vector], Any]


# --------------------------------------------------------------------------------------------
# Points and values: checking what goes in and what f gives back.
# --------------------------------------------------------------------------------------------


def _point(x: object, name: str = "x") -> tuple[float, ...]:
    """x (a Vector or a sequence of real numbers) as a tuple of finite floats."""
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


def _scalar_value(f: ScalarField, x: tuple[float, ...]) -> float:
    """f(x) as a float; f must return a real number."""
    y = f(Vector._trusted(x))
    if isinstance(y, float):
        return y
    if isinstance(y, bool) or not isinstance(y, numbers.Real):
        raise TypeError(f"f must return a real number, got {type(y).__name__}")
    try:
        return float(y)
    except OverflowError:
        return math.inf if y > 0 else -math.inf


def _vector_value(f: VectorField, x: tuple[float, ...], m: int | None) -> tuple[float, ...]:
    """f(x) as a tuple of floats; f must return a Vector or a sequence of m real numbers."""
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


def _along_axis(f: ScalarField, x: tuple[float, ...], i: int) -> Callable[[float], float]:
    """The function of one variable t ↦ f(x₀, …, xᵢ₋₁, t, xᵢ₊₁, …)."""
    before, after = x[:i], x[i + 1 :]
    return lambda t: _scalar_value(f, (*before, t, *after))


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
    _check_callable(f)
    point = _point(x)
    axis = _check_axis(i, len(point))
    return _derivative_with_error(_along_axis(f, point, axis), point[axis], 1)[0]


def gradient(f: ScalarField, x: Vector | Sequence[float]) -> Vector:
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
    _check_callable(f)
    return Vector._trusted(_gradient(f, _point(x)))


def _gradient(f: ScalarField, point: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(
        _derivative_with_error(_along_axis(f, point, i), point[i], 1)[0] for i in range(len(point))
    )


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
    _check_callable(f)
    point, direction = _point(x), _point(v, "v")
    if len(direction) != len(point):
        raise DimensionError(
            f"the direction v has dimension {len(direction)} but x has {len(point)}"
        )
    slope = _gradient(f, point)
    return _finite_sum([g * d for g, d in zip(slope, direction, strict=True)], "∇f(x)·v")


def jacobian(f: VectorField, x: Vector | Sequence[float]) -> Matrix:
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
    _check_callable(f)
    point = _point(x)
    m = len(_vector_value(f, point, None))
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
                cache[t] = _vector_value(f, (*point[:j], t, *point[j + 1 :]), m)
            return cache[t]

        columns.append(
            [_derivative_with_error(_component(value_at, i), point[j], 1)[0] for i in range(m)]
        )
    return Matrix._trusted(tuple(tuple(columns[j][i] for j in range(n)) for i in range(m)))


def _component(values: Callable[[float], tuple[float, ...]], i: int) -> Callable[[float], float]:
    """t ↦ the i-th component of values(t)."""
    return lambda t: values(t)[i]


# --------------------------------------------------------------------------------------------
# Second derivatives: the Hessian, and what it says about critical points.
# --------------------------------------------------------------------------------------------


def _hessian_with_error(
    f: ScalarField, point: tuple[float, ...]
) -> tuple[list[list[float]], float]:
    """The Hessian and an estimate of the Frobenius norm of its error.

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
        value, error = _derivative_with_error(_along_axis(f, point, i), point[i], 2)
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
                    return _scalar_value(f, tuple(c + t * d for c, d in zip(point, u, strict=True)))

                parts.append(_derivative_with_error(along, 0.0, 2, floor=1e-12 * curvature))
            denominator = 4.0 * scale[i] * scale[j]
            H[i][j] = H[j][i] = (parts[0][0] - parts[1][0]) / denominator
            entry_error = (parts[0][1] + parts[1][1]) / denominator
            squared_error += 2 * entry_error * entry_error
    return H, math.sqrt(squared_error)


def hessian(f: ScalarField, x: Vector | Sequence[float]) -> Matrix:
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
    _check_callable(f)
    H, _ = _hessian_with_error(f, _point(x))
    return Matrix._trusted(tuple(map(tuple, H)))


def _classify_multivariate(f: Callable[..., float], x: object) -> str:
    """The second-derivative test in several variables, by the eigenvalues of the Hessian.

    All eigenvalues > 0: a minimum (f curves up in every direction); all < 0: a maximum;
    some > 0 and some < 0: a saddle; otherwise (some eigenvalue is zero and the rest agree
    in sign) the test says nothing. An eigenvalue counts as zero when |λ| is within four
    times the estimated error of the Hessian (by Weyl's inequality a perturbation E moves
    each eigenvalue by at most ‖E‖₂ ≤ ‖E‖_F). A point where ∇f is not 0 is refused first.
    """
    from scratchmath.calculus.roots import check_critical

    _check_callable(f)
    point = _point(x)
    slopes = [
        _derivative_with_error(_along_axis(f, point, i), point[i], 1) for i in range(len(point))
    ]
    H, error = _hessian_with_error(f, point)
    values, _ = eigh(Matrix._trusted(tuple(map(tuple, H))))
    check_critical(
        math.hypot(*(s for s, _ in slopes)),
        math.hypot(*(e for _, e in slopes)),
        max(map(abs, values)),
        max(map(abs, point)),
        "‖∇f(x)‖",
    )
    zero = 4.0 * error
    positive = any(v > zero for v in values)
    negative = any(v < -zero for v in values)
    if positive and negative:
        return "saddle"
    if all(v > zero for v in values):
        return "minimum"
    if all(v < -zero for v in values):
        return "maximum"
    return "inconclusive"


# --------------------------------------------------------------------------------------------
# Gradient descent.
# --------------------------------------------------------------------------------------------


class _DescentFields(NamedTuple):
    x: Vector
    value: float
    steps: int
    converged: bool
    path: list[Vector]


class DescentResult(_DescentFields):
    """What ``gradient_descent`` returns: a named tuple (x, value, steps, converged, path).

    ``x`` is the last iterate (a Vector), ``value`` = f(x), ``steps`` the number of steps
    taken, ``converged`` whether ‖∇f(x)‖ ≤ tol was reached, and ``path`` the list
    x₀, x₁, …, x_steps (so ``len(path) == steps + 1``), ready to draw. The attribute
    ``reason`` says in words why the descent stopped.

    >>> r = DescentResult(Vector([0.0]), 0.0, 0, True, [Vector([0.0])], reason="at a minimum")
    >>> x, value, steps, converged, path = r
    >>> steps, converged, r.reason
    (0, True, 'at a minimum')
    """

    reason: str

    def __new__(
        cls,
        x: Vector,
        value: float,
        steps: int,
        converged: bool,
        path: list[Vector],
        *,
        reason: str = "",
    ) -> DescentResult:
        self = super().__new__(cls, x, value, steps, converged, path)
        self.reason = reason
        return self

    def _replace(self, **changes: Any) -> DescentResult:
        reason = changes.pop("reason", self.reason)
        return DescentResult(*super()._replace(**changes), reason=reason)

    @classmethod
    def _make(cls, iterable: Any) -> DescentResult:  # type: ignore[override]
        return cls(*iterable)

    def __repr__(self) -> str:
        return (
            f"DescentResult(x={self.x!r}, value={self.value!r}, steps={self.steps}, "
            f"converged={self.converged}, path=[…{len(self.path)} points], reason={self.reason!r})"
        )


#: Stop after this many steps in a row that increased f, and say why (diverging or oscillating).
_RISING_STEPS = 20


def _rising_reason(path: list[Vector]) -> str:
    """Why f keeps rising: the steps run away (diverging), or they flip back and forth.

    At the edge of stability (η just above 2/L near a minimum, L the largest curvature) each
    step overshoots the valley floor and the next comes back, so successive steps point
    nearly opposite ways while their length barely grows; f rises slowly from a tiny value
    and the iterates stay where they are. Divergence makes the steps grow geometrically.
    Told apart by the angle between the last two steps and the growth of the step length
    over the rising stretch.
    """
    recent = [cast(tuple[float, ...], tuple(p)) for p in path[-_RISING_STEPS - 1 :]]
    last = [tuple(b - a for a, b in zip(p, q, strict=True)) for p, q in pairwise(recent)]
    newest, before, oldest = last[-1], last[-2], last[0]
    lengths = math.hypot(*newest), math.hypot(*before), math.hypot(*oldest)
    if 0 not in lengths:
        cosine = math.fsum(a * b for a, b in zip(newest, before, strict=True))
        cosine /= lengths[0] * lengths[1]
        if cosine < -0.5 and lengths[0] <= 2 * lengths[2]:
            return (
                f"oscillating: f rose for {_RISING_STEPS} steps in a row while the steps flip "
                "back and forth without growing: the learning rate is at the edge of stability "
                "(η ≈ 2/L for the largest curvature L); a smaller learning_rate converges"
            )
    return f"diverging: f rose for {_RISING_STEPS} steps in a row; try a smaller learning_rate"


def gradient_descent(
    f: ScalarField,
    x0: Vector | Sequence[float],
    *,
    learning_rate: float = 0.1,
    grad: Callable[[Vector], Sequence[float]] | None = None,
    tol: float = 1e-8,
    max_steps: int = 10_000,
) -> DescentResult:
    """Minimise f by gradient descent: x_{k+1} = x_k − η·∇f(x_k), until ‖∇f(x_k)‖ ≤ tol.

    The gradient points uphill, so a small step against it lowers f. With a fixed learning
    rate η the method converges on a smooth convex f when η < 2/L (L the largest curvature,
    the Hessian's largest eigenvalue); a larger η overshoots and diverges. ``grad`` gives
    ∇f exactly if you know it; otherwise it is computed numerically with ``gradient``.

    The run stops with ``converged=True`` when ‖∇f(x)‖₂ ≤ tol, and with ``converged=False``
    (and a ``reason``) when ``max_steps`` are used up, when f or the gradient becomes NaN
    or infinite (x itself overflowing too; then ``value`` is NaN), or when f has risen for
    20 steps in a row: "diverging" when the steps grow, "oscillating" when they flip back
    and forth at a steady length (η at the edge of stability, ≈ 2/L).

    >>> r = gradient_descent(lambda v: v[0] ** 2 + 10 * v[1] ** 2, [1.0, 1.0],
    ...                      learning_rate=0.05, grad=lambda v: [2 * v[0], 20 * v[1]])
    >>> r.converged, r.steps, [round(c, 8) for c in r.x]
    (True, 182, [0.0, 0.0])
    >>> r = gradient_descent(lambda v: v[0] ** 2, [1.0], learning_rate=1.5)   # η > 2/L = 1
    >>> r.converged, r.reason
    (False, 'diverging: f rose for 20 steps in a row; try a smaller learning_rate')

    Raises:
        TypeError: f or grad is not callable, x0 is not a sequence of real numbers, f
            returns a non-number, or max_steps is not an int.
        DimensionError: x0 is empty, or grad returns a vector of the wrong dimension.
        DomainError: learning_rate ≤ 0, tol ≤ 0, max_steps < 0, x0 not finite.
    """
    _check_callable(f)
    if grad is not None:
        _check_callable(grad, "grad")
    x = _point(x0, "x0")
    eta = _check_positive(learning_rate, "learning_rate")
    if eta == math.inf:
        raise DomainError("learning_rate must be finite, got inf")
    tolerance = _check_positive(tol, "tol")
    if isinstance(max_steps, bool) or not isinstance(max_steps, int):
        raise TypeError(f"max_steps must be an int, not {type(max_steps).__name__}")
    if max_steps < 0:
        raise DomainError(f"max_steps must be non-negative, got {max_steps}")

    def slope_at(point: tuple[float, ...]) -> tuple[float, ...]:
        if grad is None:
            return _gradient(f, point)
        value = _vector_value(grad, point, None)
        if len(value) != len(point):
            raise DimensionError(
                f"grad returned a vector of dimension {len(value)} at a point of dimension "
                f"{len(point)}"
            )
        return value

    path = [Vector._trusted(x)]
    value = _scalar_value(f, x)
    rising = 0
    reason = f"max_steps = {max_steps} reached before ‖∇f‖ ≤ tol"
    converged = False
    steps = 0
    while True:  # bounded: each pass breaks or takes a step, and steps stop at max_steps
        if not math.isfinite(value):
            reason = f"diverged: f became {value} at step {steps}"
            break
        slope = slope_at(x)
        size = math.hypot(*slope)
        if not math.isfinite(size):
            reason = f"diverged: the gradient became non-finite at step {steps}"
            break
        if size <= tolerance:
            converged, reason = True, f"‖∇f(x)‖ = {size:.3g} ≤ tol after {steps} steps"
            break
        if steps >= max_steps:
            break
        x = tuple(c - eta * g for c, g in zip(x, slope, strict=True))
        steps += 1
        path.append(Vector._trusted(x))
        if not all(map(math.isfinite, x)):
            reason = f"diverged: x became non-finite at step {steps}"
            value = math.nan
            break
        previous, value = value, _scalar_value(f, x)
        rising = rising + 1 if value > previous else 0
        if rising >= _RISING_STEPS:
            reason = _rising_reason(path)
            break
    return DescentResult(path[-1], value, steps, converged, path, reason=reason)
