"""Roots: where f = 0 (critical points, the roots of f′, are in :mod:`critical`).

===========================  ===========================================================
``find_root``                a root of f in a bracket [a, b] where f changes sign (Brent)
``newton``                   a root of f near x₀ by Newton's iteration xₖ₊₁ = xₖ − f/f′
===========================  ===========================================================

Brent's method is safe (it keeps a sign-changing bracket) and fast near a simple root;
Newton's is faster still near one, and can wander far from it.

>>> round(find_root(lambda x: x ** 3 - 2 * x - 5, 2.0, 3.0), 12)   # Wallis's cubic
2.094551481542
"""

from __future__ import annotations

import math

from scratchmath.calculus.derivatives import (
    RealFunction,
    as_float,
    derivative_with_error,
    evaluate,
    positive_float,
)
from scratchmath.checks import check_callable
from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1

__all__ = ["find_root", "newton"]

#: Brent's method needs at most about (log₂(width/tol))² steps even when every interpolation
#: is rejected; 1000 covers any bracket of doubles and still bounds the loop.
_MAX_BRENT = 1000


def _finite_value(f: RealFunction, x: float) -> float:
    y = evaluate(f, x)
    if math.isnan(y):
        raise DomainError(f"f returned NaN at x = {x!r}")
    return y


def find_root(f: RealFunction, a: float, b: float, *, tol: float = 1e-12) -> float:
    """A root of f inside [a, b], given that f(a) and f(b) have opposite signs.

    Definition:   find r ∈ [a, b] with f(r) = 0; by the intermediate value theorem one exists
    when f is continuous and f(a)·f(b) < 0.

    Brent's method: keep a bracket [b, c] with a sign change; try inverse quadratic
    interpolation through the last three points (or the secant through two), but accept that
    step only if it lands well inside the bracket and shrinks it fast enough; otherwise bisect.
    It is as safe as bisection and, near a simple root, superlinear. It stops when the bracket
    is narrower than tol·max(1, |x|), and returns the end with the smaller |f|. a > b is fine.

    >>> round(find_root(lambda x: x * x - 2, 0.0, 2.0), 12)    # √2
    1.414213562373
    >>> find_root(lambda x: x - 1, 1.0, 5.0)                   # f(a) = 0: a is returned
    1.0

    Raises:
        TypeError: if f is not callable or a bound is not a real number.
        DomainError: if a bound is NaN or infinite, tol ≤ 0, f(a) and f(b) have the same
            sign, or f returns NaN.
        ConvergenceError: if the (bounded) iteration runs out, which needs a pathological f.
    """
    check_callable(f)
    a = as_float(a, "a")
    b = as_float(b, "b")
    tol = positive_float(tol, "tol")
    fa = _finite_value(f, a)
    if fa == 0:
        return a
    fb = _finite_value(f, b)
    if fb == 0:
        return b
    if (fa > 0) == (fb > 0):
        raise DomainError(
            f"f(a) and f(b) have the same sign (f({a!r}) = {fa!r}, f({b!r}) = {fb!r}): "
            "no sign change, so no root is bracketed"
        )
    while not math.isfinite(b - a):  # wider than the floats reach: halve it first (≤ 2 times)
        middle = 0.5 * a + 0.5 * b
        f_middle = _finite_value(f, middle)
        if f_middle == 0:
            return middle
        a, fa, b, fb = (
            (middle, f_middle, b, fb) if (f_middle > 0) == (fa > 0) else (a, fa, middle, f_middle)
        )
    return _brent(f, a, fa, b, fb, tol)


def _brent(f: RealFunction, a: float, fa: float, b: float, fb: float, tol: float) -> float:
    """Brent's iteration on a checked bracket [a, b] with f(a)·f(b) < 0 and b − a finite."""
    # Invariant: the root lies between b and c; b is the best guess (|f(b)| ≤ |f(c)|);
    # a is the previous b (for the interpolation); d is the last step, e the one before.
    c, fc = a, fa
    d = e = b - a
    for _ in range(_MAX_BRENT):
        if (fb > 0) == (fc > 0):
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, fa, b, fb, c, fc = b, fb, c, fc, b, fb
        half_tol = max(0.5 * tol * max(1.0, abs(b)), 2 * _EPS * abs(b))
        middle = 0.5 * (c - b)
        if abs(middle) <= half_tol or fb == 0:
            return b
        d, e = _brent_step(a, fa, b, fb, c, fc, d, e, half_tol)
        a, fa = b, fb
        b += d if abs(d) > half_tol else math.copysign(half_tol, middle)
        fb = _finite_value(f, b)
    raise ConvergenceError(
        f"Brent's method did not shrink the bracket below tol = {tol!r} in {_MAX_BRENT} steps",
        iterations=_MAX_BRENT,
        estimate=b,
        error=abs(c - b),
    )


def _brent_step(
    a: float,
    fa: float,
    b: float,
    fb: float,
    c: float,
    fc: float,
    d: float,
    e: float,
    half_tol: float,
) -> tuple[float, float]:
    """Brent's choice of the next step from b: (the step d, the step before it e).

    Interpolate — the secant through (a, fa), (b, fb) when a = c, else the inverse quadratic
    through all three points — but accept the step only if it stays well inside the bracket
    [b, c] and is less than half the step before last, so that the bracket shrinks at least
    geometrically; otherwise bisect (d = e = the half-width).
    """
    middle = 0.5 * (c - b)
    if abs(e) < half_tol or abs(fa) <= abs(fb):
        return middle, middle
    s = fb / fa
    if a == c:  # two points only: the secant
        p, q = 2 * middle * s, 1 - s
    else:  # three points: inverse quadratic interpolation
        q, r = fa / fc, fb / fc
        p = s * (2 * middle * q * (q - r) - (b - a) * (r - 1))
        q = (q - 1) * (r - 1) * (s - 1)
    if p > 0:
        q = -q
    p = abs(p)
    if 2 * p < min(3 * middle * q - abs(half_tol * q), abs(e * q)):
        return p / q, d
    return middle, middle


def _check_max_iter(max_iter: object) -> int:
    if isinstance(max_iter, bool) or not isinstance(max_iter, int):
        raise TypeError(f"max_iter must be an int, got {type(max_iter).__name__}")
    if max_iter < 1:
        raise DomainError(f"max_iter must be at least 1, got {max_iter}")
    return max_iter


def newton(
    f: RealFunction,
    x0: float,
    *,
    fprime: RealFunction | None = None,
    tol: float = 1e-12,
    max_iter: int = 100,
) -> float:
    """A root of f near x₀ by Newton's method: follow the tangent line down to zero.

    Definition:   xₖ₊₁ = xₖ − f(xₖ) / f′(xₖ), the zero of the tangent line at xₖ.

    Near a simple root the number of correct digits doubles at each step (quadratic
    convergence); far from one it can wander, so the steps are counted and bounded. It stops
    when a step is below tol·max(1, |x|) or f(x) = 0. Without ``fprime``, f′ is computed by
    :func:`~scratchmath.calculus.derivative`.

    >>> round(newton(lambda x: x * x - 2, 1.0, fprime=lambda x: 2 * x), 15)   # √2
    1.414213562373095

    Raises:
        TypeError: if f or fprime is not callable, or x₀ is not a real number.
        DomainError: if x₀ is NaN or infinite, tol ≤ 0, max_iter < 1, or f returns NaN.
        ConvergenceError: if f′(xₖ) = 0, an iterate is not finite, or max_iter steps do not
            converge; it carries ``iterations``, the last ``estimate`` and the last step as
            ``error``.
    """
    check_callable(f)
    if fprime is not None:
        check_callable(fprime, "fprime")
    x = as_float(x0, "x0")
    tol = positive_float(tol, "tol")
    max_iter = _check_max_iter(max_iter)
    step = math.inf
    for iteration in range(1, max_iter + 1):
        fx = _finite_value(f, x)
        if fx == 0:
            return x
        step = _tangent_step(f, fprime, x, fx, iteration, step)
        x_next = x - step
        if not math.isfinite(x_next):
            raise ConvergenceError(
                f"Newton's iteration diverged: the step from x = {x!r} is {-step!r}",
                iterations=iteration,
                estimate=x,
                error=abs(step),
            )
        x = x_next
        if abs(step) <= tol * max(1.0, abs(x)):
            return x
    raise ConvergenceError(
        f"Newton's method did not converge in {max_iter} steps from x0 = {x0!r} "
        f"(last iterate {x!r}, last step {abs(step):.3g})",
        iterations=max_iter,
        estimate=x,
        error=abs(step),
    )


def _tangent_step(
    f: RealFunction,
    fprime: RealFunction | None,
    x: float,
    fx: float,
    iteration: int,
    previous: float,
) -> float:
    """f(x)/f′(x): how far the zero of the tangent line at x lies below x; ConvergenceError
    when the tangent is horizontal or undefined (``previous``, the last step, is its error)."""
    slope = derivative_with_error(f, x, 1)[0] if fprime is None else evaluate(fprime, x)
    if slope == 0 or not math.isfinite(slope):
        raise ConvergenceError(
            f"f′({x!r}) = {slope!r}: the tangent line is horizontal (or undefined), "
            "so Newton's step is undefined; start elsewhere or use find_root",
            iterations=iteration,
            estimate=x,
            error=abs(previous),
        )
    return fx / slope
