"""Derivatives of a function of one variable: from the definition to Ridders' method.

=========================  ===========================================================
``difference_quotient``    the definition: (f(x + h) − f(x)) / h, for one chosen h
``derivative``             f⁽ⁿ⁾(x) by central differences with Richardson extrapolation
``second_derivative``      f″(x), the curvature the second-derivative test reads
``tangent_line``           the line L(t) = f(x₀) + f′(x₀)·(t − x₀), as a callable
=========================  ===========================================================

The derivative is the limit of the difference quotient, f′(x) = lim_{h→0} (f(x+h) − f(x))/h.
A computer cannot take the limit, and it cannot simply use a tiny h either: the quotient
subtracts two nearly equal numbers and divides by h, so rounding errors of size ε·|f| grow
like ε·|f|/h while the truncation error shrinks like h. :func:`derivative` escapes the trap by
*extrapolating* to h = 0 from several moderate steps, and it reads its own error estimate to
decide which extrapolation to believe.

>>> difference_quotient(lambda x: x * x, 3.0, 0.5)   # (3.5² − 3²)/0.5 = 6.5: slope of a chord
6.5
>>> round(derivative(lambda x: x * x, 3.0), 12)       # the limit of those slopes
6.0
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from scratchmath.errors import ConvergenceError, DomainError

__all__ = ["derivative", "difference_quotient", "second_derivative", "tangent_line"]

RealFunction = Callable[[float], float]

_EPS = 2.0**-52


# --------------------------------------------------------------------------------------------
# Checking arguments (shared with roots.py, integrals.py and multivariable.py)
# --------------------------------------------------------------------------------------------


def _check_callable(f: object, name: str = "f") -> None:
    if not callable(f):
        raise TypeError(f"{name} must be a callable function, got {type(f).__name__}")


def _check_real(x: object, name: str, *, allow_inf: bool = False) -> float:
    """``x`` as a float, refusing non-numbers (TypeError) and NaN or ±inf (DomainError)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(x).__name__}")
    try:
        value = float(x)
    except OverflowError:
        raise DomainError(f"{name} = {x!r} is too large for a float") from None
    if math.isnan(value):
        raise DomainError(f"{name} must not be NaN")
    if math.isinf(value) and not allow_inf:
        raise DomainError(f"{name} must be finite, got {value}")
    return value


def _check_positive(value: object, name: str) -> float:
    """A tolerance or step: a real number > 0."""
    number = _check_real(value, name, allow_inf=True)
    if not number > 0:
        raise DomainError(f"{name} must be positive, got {value!r}")
    return number


def _check_order(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the order n must be an int, got {type(n).__name__}")
    if n < 1:
        raise DomainError(f"the order n must be at least 1, got {n}")
    return n


def _value(f: RealFunction, x: float) -> float:
    """f(x) as a float; a result that is not a real number is a TypeError."""
    y = f(x)
    if isinstance(y, float):
        return y
    if isinstance(y, bool) or not isinstance(y, numbers.Real):
        raise TypeError(f"f must return a real number, got {type(y).__name__} at x = {x!r}")
    try:
        return float(y)
    except OverflowError:  # an int or Fraction beyond the float range
        return math.inf if y > 0 else -math.inf


# --------------------------------------------------------------------------------------------
# The definition
# --------------------------------------------------------------------------------------------


def difference_quotient(f: RealFunction, x: float, h: float) -> float:
    """The difference quotient: the slope of the chord from (x, f(x)) to (x + h, f(x + h)).

    Definition:   Δf/Δx = (f(x + h) − f(x)) / h,  h ≠ 0;   f′(x) = lim_{h→0} Δf/Δx.

    It is kept literal, so a learner can watch it approach the derivative as h shrinks, and
    then watch rounding ruin it when h becomes too small (the reason :func:`derivative`
    extrapolates instead).

    >>> f = lambda x: x ** 2
    >>> [difference_quotient(f, 1.0, h) for h in (1.0, 0.5, 0.25)]   # 2 + h → 2
    [3.0, 2.5, 2.25]

    Raises:
        TypeError: if f is not callable, or x or h is not a real number.
        DomainError: if x or h is NaN or infinite, or h = 0.
    """
    _check_callable(f)
    x = _check_real(x, "x")
    h = _check_real(h, "h")
    if h == 0:
        raise DomainError("the step h must be non-zero: the quotient divides by h")
    return (_value(f, x + h) - _value(f, x)) / h


# --------------------------------------------------------------------------------------------
# Central differences and Richardson's extrapolation
# --------------------------------------------------------------------------------------------


def _stencil(n: int) -> list[tuple[int, float]]:
    """The central difference of order n: offsets m and weights c with
    Σ c·f(x + m·h) / hⁿ = f⁽ⁿ⁾(x) + a₁h² + a₂h⁴ + ….

    Even n: the n-th central difference δⁿ, weights (−1)ᵏ·C(n, k) at offsets n/2 − k.
    Odd n: δⁿ would need half steps, so it is averaged over two half-shifts, μδⁿ, whose
    offsets are whole numbers.  Both are symmetric, which is why only even powers of h
    appear in the error, and why each extrapolation step gains two orders.
    """
    binomial = [(-1) ** k * math.comb(n, k) for k in range(n + 1)]
    if n % 2 == 0:
        pairs = [(n // 2 - k, float(c)) for k, c in enumerate(binomial)]
    else:
        padded = [0, *binomial, 0]
        pairs = [((n + 1) // 2 - k, (padded[k + 1] + padded[k]) / 2) for k in range(n + 2)]
    return [(m, c) for m, c in pairs if c != 0]


#: How many columns of the Richardson table are kept: each removes one more power h², but
#: the deepest columns mix in the largest steps, so a bounded depth keeps them local.
_DEPTH = 7
#: Steps halve from row to row; 2⁻⁹⁰ spans any useful range of steps for a double.
_MAX_ROWS = 90
#: Ridders' safety factor: stop when the newest extrapolation moves by SAFE × the best error.
_SAFE = 2.0


def _ridders(
    g: RealFunction, x: float, n: int, scale: float, stencil: list[tuple[int, float]]
) -> tuple[float, float, float]:
    """One pass of Richardson extrapolation from the step ``scale``-ish downwards.

    Returns (best estimate, its error estimate, the rounding-noise level at that row).
    Steps are powers of 2, so that m·h is exact and x ± m·h is rounded at most once.
    """
    reach = max(abs(m) for m, _ in stencil)
    # h₀ = the largest power of 2 with reach·h₀ ≤ scale/2 (frexp: no underflow, no log of 0)
    exponent = math.frexp(scale)[1] - 2 - math.ceil(math.log2(reach))
    best, best_error, best_noise = math.nan, math.inf, math.inf
    previous: list[float] = []
    resolved = settled = False
    for _row in range(_MAX_ROWS):
        h = math.ldexp(1.0, exponent)
        if x + reach * h == x or exponent < -1000:
            break  # the steps no longer move x: nothing smaller can help
        values = [c * _value(g, x + m * h) for m, c in stencil]
        if resolved and not any(values):
            # f no longer tells these points apart (its values have underflowed or rounded
            # to 0, as (1 + t)² − 1 does for tiny t): such a row carries no information, and
            # its quotients would agree perfectly, and wrongly, on 0.
            break
        resolved = resolved or any(values)
        total = math.fsum(values)
        if not math.isfinite(total):
            previous = []  # this step left f's domain of finite values: try a smaller one
            exponent -= 1
            continue
        # Dividing by hⁿ with ldexp is exact and cannot overflow on the way.
        quotient = math.ldexp(total, -n * exponent)
        noise = math.ldexp(_EPS * math.fsum(map(abs, values)), -n * exponent)
        row = [quotient]
        for j in range(1, min(len(previous), _DEPTH) + 1):
            lower, older = row[j - 1], previous[j - 1]
            extrapolated = lower + (lower - older) / (4**j - 1)
            # Ridders' estimate: the distance to the two entries the new one was made from,
            # but never below the rounding noise (at steps too small to move f, every
            # quotient is 0 and they would agree perfectly, and wrongly).
            error = max(abs(extrapolated - lower), abs(extrapolated - older), noise)
            row.append(extrapolated)
            if error < best_error:
                best, best_error, best_noise = extrapolated, error, noise
        if settled and abs(row[-1] - previous[-1]) >= _SAFE * best_error:
            # Once the table has settled, a newest entry that moves by more than twice the
            # best error estimate means rounding has taken over (Ridders' stopping rule). It
            # catches rounding inside f that the noise estimate cannot see, as near a root of
            # f where the values shrink but f's own rounding does not.
            break
        # Settled: the best error estimate has come down to within 1000× the rounding-noise
        # estimate of its own row (far above it, as for sin at 1e8 with steps of 1e7, the
        # table has not begun to converge, and a chance agreement is no reason to stop).
        settled = settled or best_error <= 1e3 * best_noise < math.inf
        previous = row
        if best_error == 0 or noise > best_error:
            # From here on rounding noise (which grows like 1/hⁿ) exceeds the error already
            # reached: smaller steps can only make things worse.
            break
        exponent -= 1
    return best, best_error, best_noise


def _derivative_with_error(g: RealFunction, x: float, n: int) -> tuple[float, float]:
    """f⁽ⁿ⁾(x) and an estimate of its absolute error, for a one-variable callable ``g``.

    The machinery :func:`derivative` and the several-variable functions share. ``x`` must be
    a finite float and ``n ≥ 1`` (checked by the callers).

    The first pass starts from steps proportional to |x| (so that at x = 1e−8 the stencil
    stays inside (0, 2x) and log or √ can be differentiated there, and at x = 1e8 the steps are
    large enough to move x). Near zero, a function whose values do not shrink with x (eˣ at
    x = 1e−8) needs steps of order 1 to beat rounding, so if the first pass is not accurate
    a second pass starts from steps of order 1, and the better of the two is kept.
    """
    stencil = _stencil(n)
    centre = _value(g, x)
    if not math.isfinite(centre):
        raise DomainError(f"f({x!r}) = {centre}: no derivative where f is not finite")
    # (Below 2⁻⁹⁰⁰ steps scaled to |x| cannot move f at all: start from 1 directly.)
    scales = [abs(x)] if abs(x) >= 1 else ([abs(x), 1.0] if abs(x) > 2.0**-900 else [1.0])
    best, error, noise = math.nan, math.inf, math.inf
    for scale in scales:
        value, value_error, value_noise = _ridders(g, x, n, scale, stencil)
        if value_error < error:
            best, error, noise = value, value_error, value_noise
        if error <= 1e-11 * abs(best):
            break
    if not math.isfinite(error):
        raise ConvergenceError(
            f"no finite difference quotient of order {n} could be formed at x = {x!r}",
            iterations=0,
            estimate=best,
            error=error,
        )
    if error > 1e-6 * abs(best) and error > 1000 * noise and error > 1e-8 * abs(centre):
        # The table never settled although rounding was not the obstacle: f is probably not
        # differentiable here (a jump, a cusp, a pole nearby). An error that is tiny beside
        # f's own size is not that: it is rounding inside f, which ε·|values| underestimates
        # (f computed from other numerical derivatives, say) around a derivative near 0.
        raise ConvergenceError(
            f"the difference quotients of order {n} at x = {x!r} do not converge "
            f"(estimate {best!r} ± {error:.3g}); f may not be differentiable there",
            iterations=0,
            estimate=best,
            error=error,
        )
    return best, error + 2 * _EPS * abs(best)


# --------------------------------------------------------------------------------------------
# The public functions
# --------------------------------------------------------------------------------------------


def derivative(f: RealFunction, x: float, *, n: int = 1) -> float:
    """The n-th derivative f⁽ⁿ⁾(x), by extrapolated central differences (Ridders' method).

    Definition:   f′(x) = lim_{h→0} (f(x + h) − f(x)) / h,   f⁽ⁿ⁾ = (f⁽ⁿ⁻¹⁾)′.

    The symmetric quotient (f(x + h) − f(x − h)) / 2h has error a₁h² + a₂h⁴ + … in even powers
    only. Computing it for h, h/2, h/4, … and combining neighbours as
    T′ = T(h/2) + (T(h/2) − T(h)) / 3 cancels the h² term; repeating cancels h⁴, h⁶, …
    (Richardson's extrapolation, organised as Ridders did). The difference between successive
    entries estimates the error; the entry with the smallest estimate is returned, and the
    steps stop shrinking once rounding noise would exceed it. The first steps are scaled to
    |x|, so the same call works at x = 1e−8 and at x = 1e8.

    >>> round(derivative(lambda x: x ** 3, 2.0), 10)           # 3·2² = 12
    12.0
    >>> round(derivative(lambda x: x ** 3, 2.0, n=2), 10)      # 6·2 = 12
    12.0
    >>> import math
    >>> abs(derivative(math.sin, 0.0) - 1.0) < 1e-13           # cos 0 = 1
    True

    Notes: f is evaluated on both sides of x, first within |x|/2 of it (so log and √ can be
    differentiated at x = 1e−8), then, if that is not accurate, up to ½ away; at the very edge
    of f's domain (√x at 0) f itself will raise. At a point where f is not differentiable but
    symmetric (|x| at 0) the symmetric quotient is 0 for every h, and 0 is what you get.

    Raises:
        TypeError: if f is not callable, x is not a real number, n is not an int, or f
            returns something other than a real number.
        DomainError: if x is NaN or infinite, n < 1, or f(x) is not finite.
        ConvergenceError: if the quotients do not settle (f is not differentiable at x).
    """
    _check_callable(f)
    x = _check_real(x, "x")
    n = _check_order(n)
    return _derivative_with_error(f, x, n)[0]


def second_derivative(f: RealFunction, x: float) -> float:
    """The second derivative f″(x): the rate of change of the slope, i.e. the curvature sign.

    Definition:   f″(x) = lim_{h→0} (f(x + h) − 2f(x) + f(x − h)) / h².

    Computed as ``derivative(f, x, n=2)``: the second central difference, extrapolated.

    >>> round(second_derivative(lambda x: x ** 2, 5.0), 10)   # a parabola bends at rate 2
    2.0

    Raises:
        TypeError: if f is not callable or x is not a real number.
        DomainError: if x is NaN or infinite, or f(x) is not finite.
        ConvergenceError: if the quotients do not settle.
    """
    return derivative(f, x, n=2)


def tangent_line(f: RealFunction, x0: float) -> Callable[[float], float]:
    """The tangent line of f at x₀, as a function: the best linear approximation near x₀.

    Definition:   L(x) = f(x₀) + f′(x₀)·(x − x₀).

    >>> L = tangent_line(lambda x: x ** 2, 1.0)   # slope 2 through (1, 1): L(x) = 2x − 1
    >>> round(L(3.0), 10)
    5.0

    Raises:
        TypeError: if f is not callable, x₀ is not a real number, or L is called with a
            non-number.
        DomainError: if x₀ is NaN or infinite, or f(x₀) is not finite.
    """
    _check_callable(f)
    x0 = _check_real(x0, "x0")
    height = _value(f, x0)
    slope = _derivative_with_error(f, x0, 1)[0]

    def line(x: float) -> float:
        return height + slope * (_check_real(x, "x", allow_inf=True) - x0)

    line.__doc__ = f"The tangent line y = {height!r} + {slope!r}·(x − {x0!r})."
    return line
