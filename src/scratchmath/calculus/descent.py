"""Gradient descent: walk downhill against the gradient until the slope vanishes.

======================  ===================================================================
``gradient_descent``    x ← x − η·∇f(x) until ‖∇f(x)‖ ≤ tol
``DescentResult``       (x, value, steps, converged, path, reason); ``result[:5]`` is the
                        five-tuple (x, value, steps, converged, path)
======================  ===================================================================

>>> result = gradient_descent(lambda v: (v[0] - 1) ** 2 + (v[1] + 2) ** 2, [0.0, 0.0])
>>> result.converged, [round(c, 6) for c in result.x]
(True, [1.0, -2.0])
>>> x, value, steps, converged, path = result[:5]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple, cast

from scratchmath.calculus.derivatives import positive_float
from scratchmath.calculus.multivariable import (
    ScalarField,
    as_point,
    gradient_values,
    scalar_value,
    vector_value,
)
from scratchmath.checks import check_callable
from scratchmath.errors import DimensionError, DomainError
from scratchmath.vectors import Vector

__all__ = ["DescentResult", "gradient_descent"]


class DescentResult(NamedTuple):
    """What ``gradient_descent`` returns: (x, value, steps, converged, path, reason).

    ``x`` is the last iterate (a Vector), ``value`` = f(x), ``steps`` the number of steps
    taken, ``converged`` whether ‖∇f(x)‖ ≤ tol was reached, ``path`` the list x₀, x₁, …,
    x_steps (so ``len(path) == steps + 1``), ready to draw, and ``reason`` says in words why
    the descent stopped. The first five fields are the contract's five-tuple: unpack them
    with ``x, value, steps, converged, path = result[:5]``.

    >>> r = DescentResult(Vector([0.0]), 0.0, 0, True, [Vector([0.0])], "at a minimum")
    >>> x, value, steps, converged, path = r[:5]
    >>> steps, converged, r.reason
    (0, True, 'at a minimum')
    """

    x: Vector[float]
    value: float
    steps: int
    converged: bool
    path: list[Vector[float]]
    reason: str = ""

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


def _check_rates(learning_rate: object, tol: object, max_steps: object) -> tuple[float, float]:
    """The learning rate (finite, > 0) and the tolerance (> 0) as floats; max_steps checked."""
    eta = positive_float(learning_rate, "learning_rate")
    if eta == math.inf:
        raise DomainError("learning_rate must be finite, got inf")
    tolerance = positive_float(tol, "tol")
    if isinstance(max_steps, bool) or not isinstance(max_steps, int):
        raise TypeError(f"max_steps must be an int, not {type(max_steps).__name__}")
    if max_steps < 0:
        raise DomainError(f"max_steps must be non-negative, got {max_steps}")
    return eta, tolerance


def _slope_function(
    f: ScalarField, grad: Callable[[Vector[float]], Sequence[float]] | None
) -> Callable[[tuple[float, ...]], tuple[float, ...]]:
    """∇f as a function of a point: the user's ``grad`` (checked) or the numerical gradient."""

    def slope_at(point: tuple[float, ...]) -> tuple[float, ...]:
        if grad is None:
            return gradient_values(f, point)
        value = vector_value(grad, point, None)
        if len(value) != len(point):
            raise DimensionError(
                f"grad returned a vector of dimension {len(value)} at a point of dimension "
                f"{len(point)}"
            )
        return value

    return slope_at


def gradient_descent(
    f: ScalarField,
    x0: Vector | Sequence[float],
    *,
    learning_rate: float = 0.1,
    grad: Callable[[Vector[float]], Sequence[float]] | None = None,
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
    check_callable(f)
    if grad is not None:
        check_callable(grad, "grad")
    x = as_point(x0, "x0")
    eta, tolerance = _check_rates(learning_rate, tol, max_steps)
    slope_at = _slope_function(f, grad)
    return _descend(f, x, eta, tolerance, max_steps, slope_at)


def _descend(
    f: ScalarField,
    x: tuple[float, ...],
    eta: float,
    tolerance: float,
    max_steps: int,
    slope_at: Callable[[tuple[float, ...]], tuple[float, ...]],
) -> DescentResult:
    """The descent itself, from a checked start: step until a stopping reason appears."""
    path = [Vector._trusted(x)]
    value = scalar_value(f, x)
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
        previous, value = value, scalar_value(f, x)
        rising = rising + 1 if value > previous else 0
        if rising >= _RISING_STEPS:
            reason = _rising_reason(path)
            break
    return DescentResult(path[-1], value, steps, converged, path, reason)
