"""Critical points: where f′ = 0 (or ∇f = 0), and what kind of point each one is.

============================  ==========================================================
``critical_points``           the points of [a, b] where f′(x) = 0, sorted
``classify_critical_point``   minimum, maximum, saddle or inconclusive, by the second
                              derivative (one variable) or the Hessian (several)
``hessian_determinant_test``  the two-variable test by D = f_xx·f_yy − f_xy²
``check_critical``            refuse a point whose slope is not 0
============================  ==========================================================

A maximum or minimum of a smooth f inside an interval is a root of f′, so this module is
root finding (of f′) followed by reading the curvature f″ to tell a valley from a hill, in
one variable and in several. The roadmap's warning case is f(x) = x³: f′(0) = 0 but 0 is
neither.

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

from scratchmath.calculus.derivatives import RealFunction, as_float, derivative_with_error
from scratchmath.calculus.multivariable import along_axis, as_point, hessian_with_error
from scratchmath.calculus.roots import find_root
from scratchmath.checks import check_callable
from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices import Matrix, eigh

__all__ = [
    "check_critical",
    "classify_critical_point",
    "critical_points",
    "hessian_determinant_test",
]


def _slope(f: RealFunction) -> Callable[[float], float]:
    return lambda x: derivative_with_error(f, x, 1)[0]


def _sampled_slope(f: RealFunction, x: float) -> float:
    """f′(x), or NaN where f has no derivative (a kink, a jump, a pole): a gap in the sample."""
    try:
        return derivative_with_error(f, x, 1)[0]
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
    check_callable(f)
    a = as_float(a, "a")
    b = as_float(b, "b")
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
    found += _touches(f, grid, slopes, largest)
    return _merge(sorted(found), 1e-9 * (b - a))


def _touches(
    f: RealFunction, grid: list[float], slopes: list[float], largest: float
) -> list[float]:
    """Roots where f′ touches 0 without changing sign (x³ at 0), found through f″.

    |f′| has a local minimum at a grid point with no sign change around it; where f″ changes
    sign across the two neighbours, its root is a candidate, kept if |f′| there is zero to
    within 1e−10 of the largest |f′| sampled.
    """
    fp = _slope(f)
    found = []
    for i in range(1, len(grid) - 1):
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
    return found


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
    return lambda x: derivative_with_error(f, x, 2)[0]


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
    check_callable(f)
    if isinstance(x, bool | str | bytes):
        raise TypeError(f"x must be a real number or a Vector, got {type(x).__name__}")
    if not isinstance(x, numbers.Real):
        return _classify_several(f, x)
    point = as_float(x, "x")
    slope, slope_error = derivative_with_error(f, point, 1)
    curvature, error = derivative_with_error(f, point, 2)
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


def _hessian_at_critical_point(
    f: Callable[..., float], x: object
) -> tuple[tuple[float, ...], list[list[float]], float]:
    """The checked point, the Hessian there and its error; refuses a point where ∇f ≠ 0."""
    check_callable(f)
    point = as_point(x)
    slopes = [
        derivative_with_error(along_axis(f, point, i), point[i], 1) for i in range(len(point))
    ]
    H, error = hessian_with_error(f, point)
    curvature = max(abs(h) for row in H for h in row)
    check_critical(
        math.hypot(*(s for s, _ in slopes)),
        math.hypot(*(e for _, e in slopes)),
        curvature,
        max(map(abs, point)),
        "‖∇f(x)‖",
    )
    return point, H, error


def _classify_several(f: Callable[..., float], x: object) -> str:
    """The second-derivative test in several variables, by the eigenvalues of the Hessian.

    All eigenvalues > 0: a minimum (f curves up in every direction); all < 0: a maximum;
    some > 0 and some < 0: a saddle; otherwise (some eigenvalue is zero and the rest agree
    in sign) the test says nothing. An eigenvalue counts as zero when |λ| is within four
    times the estimated error of the Hessian (by Weyl's inequality a perturbation E moves
    each eigenvalue by at most ‖E‖₂ ≤ ‖E‖_F). A point where ∇f is not 0 is refused first.
    """
    _, H, error = _hessian_at_critical_point(f, x)
    values, _ = eigh(Matrix._trusted(tuple(map(tuple, H))))
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


def hessian_determinant_test(f: Callable[..., float], x: object) -> str:
    """The second-derivative test in two variables, by the determinant of the Hessian.

    Definition: at a critical point (x₀, y₀) let D = f_xx·f_yy − f_xy². If D > 0 and f_xx > 0,
    a minimum; D > 0 and f_xx < 0, a maximum; D < 0, a saddle; D = 0, "inconclusive". It is the
    eigenvalue test in disguise: D = λ₁λ₂ (the determinant is the product of the
    eigenvalues), so D < 0 means eigenvalues of opposite signs, and when D > 0 both share the
    sign of f_xx (f_xx + f_yy = λ₁ + λ₂, and f_xx, f_yy have one sign when f_xx·f_yy > f_xy²).
    D counts as 0 when it is within its own error, propagated from the Hessian's.

    >>> hessian_determinant_test(lambda v: v[0] ** 2 + 3 * v[1] ** 2, [0.0, 0.0])
    'minimum'
    >>> hessian_determinant_test(lambda v: v[0] ** 2 - v[1] ** 2, [0.0, 0.0])
    'saddle'
    >>> hessian_determinant_test(lambda v: v[0] ** 4 + v[1] ** 2, [0.0, 0.0])
    'inconclusive'

    Raises:
        TypeError: f is not callable or x is not a sequence of real numbers.
        DimensionError: x does not have two coordinates (for more, use
            ``classify_critical_point``, whose eigenvalue test works in any dimension).
        DomainError: x or f(x) is not finite, or x is not a critical point (‖∇f(x)‖ ≠ 0).
        ConvergenceError: f is not twice differentiable at x.
    """
    check_callable(f)
    if len(as_point(x)) != 2:
        raise DimensionError(
            f"the determinant test is for two variables, got {len(as_point(x))}; "
            "classify_critical_point tests any number by the Hessian's eigenvalues"
        )
    _, H, error = _hessian_at_critical_point(f, x)
    (fxx, fxy), (_, fyy) = H
    D = fxx * fyy - fxy * fxy
    # |ΔD| ≤ |f_yy|·e + |f_xx|·e + 2|f_xy|·e + 2e² for entries each off by at most e.
    zero = 4.0 * (error * (abs(fxx) + abs(fyy) + 2.0 * abs(fxy)) + 2.0 * error * error)
    if -zero > D:
        return "saddle"
    if zero < D:
        return "minimum" if fxx > 0 else "maximum"
    return "inconclusive"
