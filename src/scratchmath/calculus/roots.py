"""Roots and critical points: where f = 0, and where f′ = 0.

===========================  ===========================================================
``find_root``                a root of f in a bracket [a, b] where f changes sign (Brent)
``newton``                   a root of f near x₀ by Newton's iteration xₖ₊₁ = xₖ − f/f′
``critical_points``          the points of [a, b] where f′(x) = 0, sorted
``classify_critical_point``  minimum, maximum, saddle or inconclusive, by the second
                             derivative (one variable) or the Hessian (several)
===========================  ===========================================================

A maximum or minimum of a smooth f inside an interval is a root of f′, so the two halves of
this module are one idea: find roots (of f, or of f′), then read the curvature f″ to tell a
valley from a hill. The roadmap's warning case is f(x) = x³: f′(0) = 0 but 0 is neither.

>>> roots = critical_points(lambda x: x ** 3 - 3 * x, -3.0, 3.0)   # f′ = 3x² − 3
>>> [round(x, 9) for x in roots]
[-1.0, 1.0]
>>> [classify_critical_point(lambda x: x ** 3 - 3 * x, x) for x in roots]
['maximum', 'minimum']
>>> classify_critical_point(lambda x: x ** 3, 0.0)
'inconclusive'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from scratchmath.calculus.derivatives import (
    RealFunction,
    _check_callable,
    _check_positive,
    _check_real,
    _derivative_with_error,
    _value,
)
from scratchmath.errors import ConvergenceError, DomainError

__all__ = ["classify_critical_point", "critical_points", "find_root", "newton"]

_EPS = 2.0**-52
#: Brent's method needs at most about (log₂(width/tol))² steps even when every interpolation
#: is rejected; 1000 covers any bracket of doubles and still bounds the loop.
_MAX_BRENT = 1000


def _finite_value(f: RealFunction, x: float) -> float:
    y = _value(f, x)
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
    _check_callable(f)
    a = _check_real(a, "a")
    b = _check_real(b, "b")
    tol = _check_positive(tol, "tol")
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
        if abs(e) >= half_tol and abs(fa) > abs(fb):
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
            # Accept the interpolated step only if it stays in the bracket and is less than
            # half the step before last (so the bracket shrinks at least geometrically).
            if 2 * p < min(3 * middle * q - abs(half_tol * q), abs(e * q)):
                e, d = d, p / q
            else:
                d = e = middle
        else:
            d = e = middle
        a, fa = b, fb
        b += d if abs(d) > half_tol else math.copysign(half_tol, middle)
        fb = _finite_value(f, b)
    raise ConvergenceError(
        f"Brent's method did not shrink the bracket below tol = {tol!r} in {_MAX_BRENT} steps",
        iterations=_MAX_BRENT,
        estimate=b,
        error=abs(c - b),
    )


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
    _check_callable(f)
    if fprime is not None:
        _check_callable(fprime, "fprime")
    x = _check_real(x0, "x0")
    tol = _check_positive(tol, "tol")
    if isinstance(max_iter, bool) or not isinstance(max_iter, int):
        raise TypeError(f"max_iter must be an int, got {type(max_iter).__name__}")
    if max_iter < 1:
        raise DomainError(f"max_iter must be at least 1, got {max_iter}")
    step = math.inf
    for iteration in range(1, max_iter + 1):
        fx = _finite_value(f, x)
        if fx == 0:
            return x
        slope = _derivative_with_error(f, x, 1)[0] if fprime is None else _value(fprime, x)
        if slope == 0 or not math.isfinite(slope):
            raise ConvergenceError(
                f"f′({x!r}) = {slope!r}: the tangent line is horizontal (or undefined), "
                "so Newton's step is undefined; start elsewhere or use find_root",
                iterations=iteration,
                estimate=x,
                error=abs(step),
            )
        step = fx / slope
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


def _slope(f: RealFunction) -> Callable[[float], float]:
    return lambda x: _derivative_with_error(f, x, 1)[0]


def _sampled_slope(f: RealFunction, x: float) -> float:
    """f′(x), or NaN where f has no derivative (a kink, a jump, a pole): a gap in the sample."""
    try:
        return _derivative_with_error(f, x, 1)[0]
    except (DomainError, ConvergenceError):
        return math.nan


def critical_points(f: RealFunction, a: float, b: float, *, samples: int = 200) -> list[float]:
    """The critical points of f in [a, b]: the x where f′(x) = 0, sorted, each once.

    Definition:   c is a critical point of f when f′(c) = 0. Fermat's theorem: an extremum
    of a differentiable f inside an interval is a critical point (not conversely: x³ at 0).

    f′ is sampled at ``samples + 1`` evenly spaced points; each sign change of f′ between
    neighbours is refined by :func:`find_root` applied to f′, and kept only if |f′| there is
    far below its size at both ends (f′ of 1/x² changes sign through its pole, where |f′|
    is huge: that is no critical point). A root where f′ touches zero without changing sign
    (x³ at 0: f′ = 3x² ≥ 0) shows as a local minimum of |f′| on the grid; there f″ changes
    sign, :func:`find_root` applied to f″ locates it, and it is kept only if |f′| there is
    zero to within 1e−10 of the largest |f′| sampled. Points where f is not differentiable
    (|x| at 0) have no f′ and are not listed. Critical points closer together than the grid
    spacing may be missed: raise ``samples``.

    >>> [round(x, 9) for x in critical_points(lambda x: (x - 1) ** 2, -2.0, 2.0)]
    [1.0]
    >>> [round(x, 9) + 0.0 for x in critical_points(lambda x: x ** 3, -1.0, 2.0)]  # a touch
    [0.0]
    >>> critical_points(lambda x: 1 / x ** 2, -1.0, 1.1)    # a pole, not a critical point
    []

    Raises:
        TypeError: if f is not callable or a bound or ``samples`` has the wrong type.
        DomainError: if a bound is NaN or infinite, samples < 2, or f′ = 0 on a whole stretch
            of samples (f constant there: every point of it is critical, too many to list).
    """
    _check_callable(f)
    a = _check_real(a, "a")
    b = _check_real(b, "b")
    if isinstance(samples, bool) or not isinstance(samples, int):
        raise TypeError(f"samples must be an int, got {type(samples).__name__}")
    if samples < 2:
        raise DomainError(f"samples must be at least 2, got {samples}")
    if a > b:
        a, b = b, a
    fp = _slope(f)
    if a == b:
        return [a] if fp(a) == 0 else []
    grid = [a + (b - a) * i / samples for i in range(samples + 1)]
    slopes = [_sampled_slope(f, x) for x in grid]
    largest = max((abs(s) for s in slopes if not math.isnan(s)), default=0.0)
    _refuse_flat_stretches(grid, slopes, largest, a, b)
    found = [x for x, s in zip(grid, slopes, strict=True) if s == 0]
    for i in range(samples):
        left, right = slopes[i], slopes[i + 1]
        if left * right < 0:  # a sign change (False when either is 0 or NaN)
            root = _refined(fp, grid[i], grid[i + 1])
            if root is not None and abs(fp(root)) <= max(
                1e-3 * min(abs(left), abs(right)), 1e-10 * largest
            ):
                found.append(root)
    # Touches: |f′| has a local minimum at a grid point without a sign change around it.
    for i in range(1, samples):
        left, middle, right = slopes[i - 1], slopes[i], slopes[i + 1]
        if not (middle * left > 0 and middle * right > 0):
            continue  # a zero, a gap or a sign change: handled above
        if not (abs(middle) <= abs(left) and abs(middle) <= abs(right)):
            continue
        curvature = _curvature_function(f)
        lo, hi = grid[i - 1], grid[i + 1]
        c_lo, c_hi = curvature(lo), curvature(hi)
        if c_lo == 0 or c_hi == 0 or (c_lo > 0) == (c_hi > 0):
            continue
        candidate = _refined(curvature, lo, hi)
        if candidate is not None and abs(fp(candidate)) <= 1e-10 * largest:
            found.append(candidate)
    return _merge(sorted(found), 1e-9 * (b - a))


def _refuse_flat_stretches(
    grid: list[float], slopes: list[float], largest: float, a: float, b: float
) -> None:
    """Raise DomainError where f′ = 0 at two neighbouring samples: f is flat between them.

    A constant stretch has every point critical; listing the grid points there would
    present a sample as if it were the answer.
    """
    flat = [i for i in range(len(grid) - 1) if slopes[i] == 0 and slopes[i + 1] == 0]
    if not flat:
        return
    if largest == 0:
        raise DomainError(f"f is constant on [{a!r}, {b!r}]: every point is critical")
    first = flat[0]
    last = first
    while last + 1 in flat:
        last += 1
    raise DomainError(
        f"f′ = 0 on the whole stretch [{grid[first]!r}, {grid[last + 1]!r}]: f is constant "
        "there and every point of it is critical"
    )


def _refined(g: Callable[[float], float], lo: float, hi: float) -> float | None:
    """The root of g in a sign-changing bracket, or None where g (a derivative) fails inside."""
    try:
        return find_root(g, lo, hi)
    except (DomainError, ConvergenceError):
        return None


def _curvature_function(f: RealFunction) -> Callable[[float], float]:
    return lambda x: _derivative_with_error(f, x, 2)[0]


def _merge(points: list[float], gap: float) -> list[float]:
    """Sorted points with near-duplicates (closer than ``gap``) merged into one."""
    merged: list[float] = []
    for x in points:
        if merged and x - merged[-1] <= gap:
            continue
        merged.append(x)
    return merged


def classify_critical_point(f: Callable[..., float], x: object) -> str:
    """What kind of critical point x is: "minimum", "maximum", "saddle" or "inconclusive".

    Definition (the second-derivative test, one variable): if f′(c) = 0 and f″(c) > 0, c is a
    local minimum; if f″(c) < 0, a local maximum; if f″(c) = 0 the test says nothing
    ("inconclusive": x³ at 0 is neither, x⁴ at 0 is a minimum, and the test cannot tell).
    For several variables (x a Vector or a sequence) the Hessian's eigenvalues play the part
    of f″ and "saddle" becomes possible.

    f″(c) counts as zero when it is within a few times its own estimated error of zero.
    The slope is checked first: a point where f′ (or ∇f) is not 0 is no critical point,
    and classifying it would answer a question that was not asked (x² at 1 is no minimum).

    >>> classify_critical_point(lambda x: x * x, 0.0)
    'minimum'
    >>> classify_critical_point(lambda x: -(x - 2) ** 2, 2.0)
    'maximum'
    >>> classify_critical_point(lambda x: x ** 3, 0.0)
    'inconclusive'

    >>> classify_critical_point(lambda x: x * x, 1.0)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: x is not a critical point: |f′(x)| = 2, not 0 ...

    Raises:
        TypeError: if f is not callable, or x is neither a real number nor a sequence.
        DomainError: if x is NaN or infinite, f(x) is not finite, f is not differentiable
            at x, or x is not a critical point (|f′(x)| or ‖∇f(x)‖ is not 0).
    """
    _check_callable(f)
    if isinstance(x, bool | str | bytes):
        raise TypeError(f"x must be a real number or a Vector, got {type(x).__name__}")
    if not isinstance(x, numbers.Real):
        from scratchmath.calculus.multivariable import _classify_multivariate

        return _classify_multivariate(f, x)
    point = _check_real(x, "x")
    slope, slope_error = _derivative_with_error(f, point, 1)
    curvature, error = _derivative_with_error(f, point, 2)
    check_critical(abs(slope), slope_error, abs(curvature), abs(point), "|f′(x)|")
    if abs(curvature) <= 8 * error:
        return "inconclusive"
    return "minimum" if curvature > 0 else "maximum"


def check_critical(
    slope: float, slope_error: float, curvature: float, size: float, name: str
) -> None:
    """Raise DomainError unless a point with this slope and curvature is a critical point.

    The slope is taken as 0 when it is within 8 times its own error estimate, or when the
    point lies within 1e−6·max(1, |x|) of the critical point that Newton's step
    slope/curvature points to (so the end of a gradient descent, stopped at ‖∇f‖ ≤ 1e−8,
    still counts). ``name`` says which slope it is (|f′(x)| or ‖∇f(x)‖).

    >>> check_critical(2.0, 1e-15, 2.0, 1.0, "|f′(x)|")     # x² at 1: slope 2, curvature 2
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: x is not a critical point: |f′(x)| = 2, not 0 ...
    """
    if slope <= 8 * slope_error or slope <= 1e-6 * max(1.0, size) * curvature:
        return
    raise DomainError(
        f"x is not a critical point: {name} = {slope:.3g}, not 0 (the second-derivative "
        "test classifies only points where the slope vanishes)"
    )
