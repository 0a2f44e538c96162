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

import itertools
import math
import numbers
from collections.abc import Callable
from typing import Any, NamedTuple

from scratchmath.checks import check_callable, real_result
from scratchmath.errors import ConvergenceError, DomainError, ScratchMathError
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import REAL, accurate_sum

__all__ = ["derivative", "difference_quotient", "second_derivative", "tangent_line"]

RealFunction = Callable[[float], float]


# --------------------------------------------------------------------------------------------
# Checking arguments and evaluating f: the helpers every calculus module shares
# --------------------------------------------------------------------------------------------


def as_float(x: object, name: str, *, allow_inf: bool = False) -> float:
    """``x`` as a float: a point or a bound of a calculus function, checked.

    >>> as_float(3, "x")
    3.0
    >>> as_float(10**400, "b")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: b = 1000...000 is too large for a float

    Raises: TypeError for a non-number (a bool included); DomainError for NaN, for a number
    beyond the float range, and for ±inf unless ``allow_inf``.
    """
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(x).__name__}")
    try:
        value = float(x)
    except OverflowError:
        shown = repr(x) if len(repr(x)) < 20 else f"{repr(x)[:4]}...{repr(x)[-3:]}"
        raise DomainError(f"{name} = {shown} is too large for a float") from None
    if math.isnan(value):
        raise DomainError(f"{name} must not be NaN")
    if math.isinf(value) and not allow_inf:
        raise DomainError(f"{name} must be finite, got {value}")
    return value


def positive_float(value: object, name: str) -> float:
    """A tolerance, a step or a rate as a float > 0 (inf allowed: no limit).

    >>> positive_float(1e-8, "tol")
    1e-08
    >>> positive_float(0, "tol")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: tol must be positive, got 0

    Raises: TypeError for a non-number; DomainError for NaN or a number ≤ 0.
    """
    number = as_float(value, name, allow_inf=True)
    if not number > 0:
        raise DomainError(f"{name} must be positive, got {value!r}")
    return number


def _check_order(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the order n must be an int, got {type(n).__name__}")
    if n < 1:
        raise DomainError(f"the order n must be at least 1, got {n}")
    return n


def evaluate(f: Callable[[Any], object], x: Any, where: str = "") -> float:
    """f(x) as a float, the one way every calculus function reads a user's f.

    A result that is not a real number is a TypeError; an exact result beyond the float
    range saturates to ±inf (the caller decides what an infinite value means). An exception
    raised inside f is the user's own and passes through unchanged. ``where`` names the
    point in messages (default ``x = <x>``).

    >>> evaluate(lambda t: t / 2, 3), evaluate(lambda t: 10**400, 0.0)
    (1.5, inf)
    >>> evaluate(lambda t: "one", 0.5)
    Traceback (most recent call last):
    ...
    TypeError: f must return a real number, got str at x = 0.5

    Raises: TypeError if f returns something other than a real number.
    """
    y = f(x)
    if type(y) is float:  # the common case, without building a message
        return y
    return real_result(y, where or f"x = {x!r}")


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
        DomainError: if x or h is NaN or infinite, h = 0, or x + h overflows.
    """
    check_callable(f)
    x = as_float(x, "x")
    h = as_float(h, "h")
    if h == 0:
        raise DomainError("the step h must be non-zero: the quotient divides by h")
    if not math.isfinite(x + h):
        raise DomainError(f"x + h = {x!r} + {h!r} overflows the floats")
    return (evaluate(f, x + h) - evaluate(f, x)) / h


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


#: How many columns of the Richardson table are kept: each removes one more power of h, but
#: the deepest columns mix in the largest steps, so a bounded depth keeps them local.
_DEPTH = 7
#: Steps shrink by this ratio from row to row. Not 2: a ladder of powers of two aliases with
#: the periods a learner types first (sin(πx) has period 2, so at the steps 2, 1, ½ … its
#: quotients are all 0 and agree perfectly, and wrongly). 1.4 is Ridders' own choice.
_RATIO = 1.4
#: What f raises where it has no value: math.exp's OverflowError past 709.78, math.log's
#: ValueError below 0, 1/t's ZeroDivisionError at 0. At a stepped point these mean the step
#: left f's domain; any other exception (and any at x itself) is the user's and passes through.
_OUTSIDE_F_DOMAIN = (OverflowError, ZeroDivisionError, ValueError)
#: The step of the noise measurement: 2⁻²⁶ ≈ 1.5e−8, so small that
#: the sixth differences of a smooth f are far below its rounding, large enough to span many
#: roundings of f's values.
_NOISE_STEP = 2.0**-26
#: Measured noise above NOISE_CEILING·ε·max(1, |f|) is not rounding but a feature of f.
_NOISE_CEILING = 4096.0
#: Rows at most: 1.4⁻¹⁶⁰ ≈ 4e−24 takes the step from 0.1·scale far below any useful step.
_MAX_ROWS = 160
#: Ridders' safety factor: once settled, stop when the newest rows move by SAFE × the best error.
_SAFE = 2.0
#: An absolute error below FLOOR × (the largest quotient seen) counts as converged: it is what
#: rounding leaves of a derivative that is exactly 0 (t·|t| at 0), where no relative test can pass.
_FLOOR = 64 * _EPS
#: "The largest quotient seen" counts only rows on f's own scale. A first step far larger than
#: the scale on which f varies (e^x at x = 500 steps by 50) gives quotients e⁵⁰ times f′, and
#: a floor taken from them would accept any answer. Such rows announce themselves: the next
#: quotient is smaller by a large factor. At a zero of f′ the quotients fall like h² (a factor
#: 1.96 a row), like h⁴ or h⁶ at zeros of higher order (3.8, 7.5): COARSE stays above those.
_COARSE = 16.0


class _Estimate(NamedTuple):
    """An extrapolated value, its error estimate, and the rounding-noise level of its row."""

    value: float
    error: float
    noise: float


_NONE = _Estimate(math.nan, math.inf, math.inf)


def _richardson_step(finer: float, coarser: float, ratio: float) -> float:
    """One step of Richardson's extrapolation: remove the leading error term of T.

    If T(h) = L + c·hᵖ + …, two values T(h) (finer) and T(H) (coarser) with (H/h)ᵖ = ratio
    give L ≈ T(h) + (T(h) − T(H)) / (ratio − 1): the c·hᵖ terms cancel. Done over and over
    along a table (Neville's arrangement) it removes the error terms one power at a time.

    >>> _richardson_step(2.25, 3.0, 4.0)   # T(h) = 2 + h²: T(½) = 2.25, T(1) = 3, (1/½)² = 4
    2.0
    """
    return finer + (finer - coarser) / (ratio - 1)


class _Table:
    """A Richardson table read by Ridders' rule: rows of extrapolations, the best one kept.

    Each row starts from a quotient T(h) at a smaller step h and extrapolates it against the
    row before (``power`` is the variable of the error series: h² for a central quotient,
    whose error has even powers only; h for a one-sided slope). An entry's error estimate is
    its distance to the two entries it was made from (Ridders), never below the row's
    rounding noise. A row's best entry is trusted only as far as it agrees with the best
    entries of the two rows before it: one or two rows can agree by coincidence (periodic f
    at a step that is a multiple of the period), three in a row hardly.
    """

    __slots__ = ("best", "power", "recent", "row", "steps")

    def __init__(self, power: int) -> None:
        self.power = power
        self.steps: list[float] = []
        self.row: list[float] = []
        self.recent: list[float] = []  # the best entries of the latest rows
        self.best = _NONE

    def reset(self) -> None:
        """Forget the rows (a step left f's domain): the next row starts a new table."""
        self.steps, self.row, self.recent = [], [], []

    def add(self, quotient: float, h: float, noise: float) -> _Estimate:
        """Add the row of step h; return this row's estimate (agreement with the last rows)."""
        steps, previous = self.steps, self.row
        steps.append(h)
        row = [quotient]
        row_best = _NONE
        for j in range(1, min(len(previous), _DEPTH) + 1):
            ratio = (steps[-1 - j] / h) ** self.power
            value = _richardson_step(row[j - 1], previous[j - 1], ratio)
            error = max(abs(value - row[j - 1]), abs(value - previous[j - 1]), noise)
            row.append(value)
            if error < row_best.error:
                row_best = _Estimate(value, error, noise)
        self.row = row
        if row_best is _NONE:
            return _NONE
        recent = self.recent
        agreement = max([row_best.error, *(abs(row_best.value - v) for v in recent[-2:])])
        recent.append(row_best.value)
        if len(recent) < 3:
            return _NONE
        estimate = _Estimate(row_best.value, agreement, noise)
        if estimate.error < self.best.error:
            self.best = estimate
        return estimate


def _step_on_the_grid(x: float, h: float) -> float:
    """A step close to h for which x + h and x − h are exact floats (for h ≤ |x|/2).

    Stepping away from 0 first, t = fl(|x| + h) is a float and h′ = t − |x| is computed
    exactly (Sterbenz); |x| − h′ is then a multiple of ulp(x) above |x|/2, so it is exact too.
    Exact points keep the stencil symmetric, which is what makes the error even in h.
    """
    # Eight significant bits: m·h is exact for the small offsets m, and x ± h needs few more
    # bits than x, so a polynomial with simple coefficients is evaluated there exactly.
    mantissa, exponent = math.frexp(h)
    h = math.ldexp(round(math.ldexp(mantissa, 8)), exponent - 8)
    magnitude = abs(x)
    if h > magnitude / 2:
        return h
    return (magnitude + h) - magnitude


def _stencil_fits(x: float, h: float, reach: int, n: int) -> bool:
    """Whether x ± reach·h and hⁿ are finite floats (``h**n`` would raise OverflowError)."""
    return math.isfinite(x - reach * h) and math.isfinite(x + reach * h) and math.log2(h) * n < 1023


def _ridders(
    g: RealFunction, x: float, n: int, first_step: float, centre: float, measured: float
) -> tuple[_Estimate, _Estimate, float, bool]:
    """One pass of Ridders' method from ``first_step`` down; the central and kink estimates.

    Returns (f⁽ⁿ⁾ estimate, the jump estimate, the largest |quotient| of the first rows,
    whether rows after the best one disagreed far beyond rounding: f has structure at
    smaller steps that the best entry never saw, as sin has near x = 1e16, where the steps
    that can still move x are as large as its period).
    For n = 1 the same values give a kink estimate, extrapolated too (``_half_jump``).
    The steps stop shrinking when rounding noise (which grows like 1/hⁿ) exceeds the best
    error reached, when that error is below the absolute floor, or (once the table has
    settled) when new rows move away from the best (rounding inside f that the noise
    estimate cannot see). Empty estimates (error ∞) mean no three rows ever agreed.
    """
    stencil = _stencil(n)
    reach = max(abs(m) for m, _ in stencil)
    central, kink = _Table(2), _Table(1)
    nominal, largest, previous_step = first_step, 0.0, math.inf
    resolved = restless = moved = False
    worse = counted = 0
    refusal: Exception | None = None  # the first exception f raised at a stepped point
    evaluated = False
    for _row in range(_MAX_ROWS):
        h = _step_on_the_grid(x, nominal)
        nominal /= _RATIO
        if h > 1e150 and not _stencil_fits(x, h, reach, n):
            continue  # the stencil or hⁿ leaves the floats: a smaller step may not
        scale = h**n
        if x + reach * h == x or scale == 0:
            break  # the steps no longer move x: nothing smaller can help
        if h >= previous_step:
            continue  # near the grid of floats two nominal steps can round to one
        previous_step = h
        try:
            raw = [evaluate(g, x + m * h) for m, _ in stencil]
        except _OUTSIDE_F_DOMAIN as error:
            if isinstance(error, ScratchMathError):
                raise
            # f refused a point the stencil reached (math.exp past 709.78, math.log below 0):
            # like an infinite value, this step left f's domain, and a smaller one may not.
            refusal = refusal or error
            central.reset()
            kink.reset()
            continue
        evaluated = True
        values = [c * y for (_, c), y in zip(stencil, raw, strict=True)]
        if resolved and not any(values):
            # f no longer tells these points apart (its values have underflowed or rounded
            # to 0, as (1 + t)² − 1 does for tiny t): such a row carries no information.
            break
        resolved = resolved or any(values)
        total = accurate_sum(values, REAL)  # saturates to ±inf (or nan) instead of raising
        if total == 0 and moved:
            # The differences vanished just after a row where they stood far above rounding:
            # f's values come in steps coarser than f′·h (a float32 or rounded f), and smaller
            # steps see only those. Neither this row nor any after it says anything about f⁽ⁿ⁾.
            # (At a zero of f⁽ⁿ⁾, as cos′ at π, the row before was itself at rounding level.)
            break
        quotient = total / scale
        if not math.isfinite(quotient):
            central.reset()  # this step left f's domain of finite values: try a smaller one
            kink.reset()
            continue
        noise = _rounding_noise(values, scale, n, x, quotient, h, measured)
        moved = abs(quotient) > 1e3 * noise
        if counted < 3:  # f's slopes at the scale of the first steps on f's own scale
            if abs(quotient) * _COARSE < largest:
                largest, counted = 0.0, 0  # the rows before were too coarse for f: forget them
            largest, counted = max(largest, abs(quotient)), counted + 1
        before = central.best
        estimate = central.add(quotient, h, noise)
        if central.best is not before:
            restless = False
        elif estimate.error > max(1e3 * before.error, 1e6 * noise):
            restless = True
        if n == 1:
            kink.add(*_half_jump(raw, centre, h, measured))
        stop, worse = _ridders_stopping_rule(central.best, estimate, noise, largest, worse)
        if stop:
            break
    if refusal is not None and not evaluated:
        raise refusal  # f raised at every point tried: the exception is the user's to see
    return central.best, kink.best, largest, restless


def _measured_noise(g: RealFunction, x: float, centre: float) -> float:
    """The noise in f's own values near x, measured: the size of the rounding inside f.

    ε·|f(x)| is the rounding of a correctly rounded f. A computed f can be far noisier: terms
    of size 1 cancelling to t² + 2t + 1 ≈ 0, or log(1 + y) with y ≈ 6e−8, whose values come
    in steps of ε/2 while f itself is 3e−8. No formula sees that; the values show it (Moré and
    Wild's idea, "Estimating computational noise", 2011). Seven values f(x + iδ), i = −3…3,
    at a step δ far below f's own scale: their k-th differences are the smooth part times δᵏ
    (negligible by k = 4) plus the noise, whose k-th differences of independent errors of
    size σ have mean square C(2k, k)·σ². So each order gives an estimate σₖ; when σ₄, σ₅ and
    σ₆ agree (within a factor 4) the differences are noise, and the largest is returned. When
    they fall with k, f is smooth at this scale and its noise is not measurable: 0 (the
    ε·|f| model stands).
    """
    magnitude = abs(x)
    if 0 < magnitude < 2.0**-900:
        return 0.0  # steps near the subnormals carry too few bits to measure anything
    # δ = 2⁻²⁶ ≈ 1.5e−8, or 64 spacings of the floats near x where those are wider (|x| > 2²⁰),
    # so that the seven points are distinct; relative to |x| if f is not defined that far
    # (log near 0).
    values: list[float] = []
    for delta in (max(_NOISE_STEP, 64 * math.ulp(x)), _NOISE_STEP * magnitude):
        try:
            values = [evaluate(g, x + i * delta) if i else centre for i in range(-3, 4)]
            break
        except _OUTSIDE_F_DOMAIN as error:
            if isinstance(error, ScratchMathError):
                raise
    if not values:
        return 0.0
    if not all(map(math.isfinite, values)):
        return 0.0
    sizes = []
    differences = values
    for order in range(1, 7):
        differences = [later - earlier for earlier, later in itertools.pairwise(differences)]
        if order >= 4:
            mean_square = accurate_sum([d * d for d in differences], REAL) / len(differences)
            sizes.append(math.sqrt(mean_square / math.comb(2 * order, order)))
    noise = max(sizes)
    if min(sizes) == 0 or noise > 4 * min(sizes):
        return 0.0  # falling with the order: f is smooth at this scale
    # Differences that do not fall with k are noise, or a feature inside [x − 3δ, x + 3δ]: a
    # kink, a jump, a pole, a period shorter than δ (sin at 1e16). Those are far larger than
    # rounding can be: rounding stays within a few thousand ε of the terms f adds, and those
    # are of f's own size or of the unit size of its constants (t² + 1 + 2t at −1).
    if noise > _NOISE_CEILING * _EPS * max(1.0, max(map(abs, values))):
        return 0.0
    return noise


def _rounding_noise(
    values: list[float], scale: float, n: int, x: float, quotient: float, h: float, measured: float
) -> float:
    """The rounding error of one difference quotient Σ cᵢ·f(x + mᵢh) / hⁿ: ε times its terms'
    magnitudes, or the noise measured in f's values (``measured``, per value) times Σ|cᵢ| if
    that is larger; for n = 1 also f's rounding of its own argument: f(x(1 + δ)), |δ| ≤ ε, is
    off by about ε·|x|·|f′|, which the size of f's values cannot show at a root of f (sin 5πt
    at t = 16)."""
    noise: float = _EPS * accurate_sum(map(abs, values), REAL) / scale
    if measured:
        noise = max(noise, measured * len(values) * 2 / scale)
    if n == 1:
        noise += 0.1 * _EPS * abs(x) * abs(quotient) / h
    return noise


def _half_jump(
    raw: list[float], centre: float, h: float, measured: float
) -> tuple[float, float, float]:
    """(s(h), h, its rounding noise) for the kink table: half the jump of the one-sided slopes,
    s(h) = (f(x + h) − 2f(x) + f(x − h)) / 2h, which tends to 0 where f is differentiable and
    to (f′₊ − f′₋)/2 at a kink such as |x| at 0."""
    bend = ((raw[0] - centre) + (raw[-1] - centre)) / (2 * h)
    bend_noise = max(_EPS * (abs(raw[0]) + 2 * abs(centre) + abs(raw[-1])), 4 * measured) / (2 * h)
    return bend, h, bend_noise


def _ridders_stopping_rule(
    best: _Estimate, estimate: _Estimate, noise: float, largest: float, worse: int
) -> tuple[bool, int]:
    """Whether to stop shrinking the step, and the count of rows in a row that moved away.

    Stop when the best error is 0 or below the absolute floor (a zero derivative), when the
    rounding noise of the newest row (growing like 1/hⁿ) exceeds the best error reached, or
    — Ridders' rule, once the table has settled to within rounding of its best — when two
    rows in a row are worse than the best by the factor SAFE.
    """
    if best.error == 0 or best.error <= _FLOOR * largest:
        return True, worse
    if noise > best.error:
        return True, worse  # from here on rounding noise exceeds the error already reached
    settled = best.error <= 1e3 * best.noise < math.inf
    worse = worse + 1 if settled and estimate.error >= _SAFE * best.error else 0
    return worse >= 2, worse


def _refuse_unless_settled(
    x: float, n: int, best: _Estimate, kink: _Estimate, floor: float, centre: float, largest: float
) -> None:
    """Ridders' acceptance rule: raise unless the best entry of the table can be trusted.

    ``floor`` is the absolute error accepted as converged: at a zero of f⁽ⁿ⁾ no relative test
    can pass, and 1e−12 of the largest quotient seen (the size of f's slopes at the scale of
    the first step) is all the precision the table has there. ``kink`` is the extrapolated
    half-jump of the one-sided slopes (n = 1): clearly non-zero means a corner like |x| at 0.
    """
    if not math.isfinite(best.error):
        raise ConvergenceError(
            f"no three finite difference quotients of order {n} agreed at x = {x!r}",
            iterations=0,
            estimate=best.value,
            error=best.error,
        )
    if n == 1 and abs(kink.value) > max(8 * kink.error, floor, 1e-9 * abs(best.value)):
        left, right = best.value - kink.value, best.value + kink.value
        raise DomainError(
            f"f is not differentiable at x = {x!r}: its one-sided slopes differ "
            f"(from the left ≈ {left:.6g}, from the right ≈ {right:.6g})"
        )
    # The table never settled although rounding was not the obstacle: f is probably not
    # differentiable here (a jump, a cusp, a pole nearby). An error that is tiny beside f's
    # own size and beside the slopes seen is not that: it is rounding inside f, which
    # ε·|values| underestimates (cancellation inside f), around a derivative near 0; so is an
    # error below 64ε at the unit scale of x.
    rounding_inside_f = best.error <= 1e-8 * abs(centre) and best.error <= 1e-6 * largest
    if (
        best.error > 1e-6 * abs(best.value)
        and best.error > 1000 * best.noise
        and best.error > floor
        and best.error > _FLOOR * max(1.0, abs(x))
        and not rounding_inside_f
    ):
        raise ConvergenceError(
            f"the difference quotients of order {n} at x = {x!r} do not converge "
            f"(estimate {best.value!r} ± {best.error:.3g}); f may not be differentiable there",
            iterations=0,
            estimate=best.value,
            error=best.error,
        )


def derivative_with_error(
    f: RealFunction, x: float, n: int = 1, *, floor: float = 0.0
) -> tuple[float, float]:
    """f⁽ⁿ⁾(x) and an estimate of its absolute error: the machinery behind :func:`derivative`.

    The several-variable derivatives and the critical-point finders call it with their own
    one-variable slices of f; an error below ``floor`` is accepted as converged (the Hessian
    passes the size of its other entries, so that an entry that is 0 can be recognised).

    >>> value, error = derivative_with_error(math.exp, 0.0)
    >>> round(value, 12), error < 1e-13
    (1.0, True)

    The first step is 0.1·max(1, |x|) (divided by the stencil's reach): large enough that
    the truncation error is far above rounding, so the table can watch it fall through
    several rows before rounding takes over; tied to |x| because a step below ε·|x| cannot
    move x; tied to 1 because away from 0 a function varies on its own scale, not on |x|'s
    (sin at 1e4 wiggles with period 2π). Near zero a function defined only for x > 0 (log,
    √ at 1e−8) needs steps below |x|, so a first pass starts from 0.1·|x| and the second,
    from 0.1, runs only if the first is not accurate; the better of the two is kept.

    Raises: TypeError and DomainError for bad arguments as :func:`derivative` does;
    DomainError at a kink (one-sided slopes that differ) or where f(x) is not finite;
    ConvergenceError when no three rows of the table agree.
    """
    check_callable(f)
    x = as_float(x, "x")
    n = _check_order(n)
    g = f
    centre = evaluate(g, x)
    if not math.isfinite(centre):
        raise DomainError(f"f({x!r}) = {centre}: no derivative where f is not finite")
    reach = max(abs(m) for m, _ in _stencil(n))
    measured = _measured_noise(g, x, centre)
    magnitude = abs(x)
    scales = [magnitude, 1.0] if 2.0**-900 < magnitude < 1 else [max(1.0, magnitude)]
    best, kink, largest, restless = _NONE, _NONE, 0.0, False
    for scale in scales:
        try:
            estimate, bend, seen, unsettled = _ridders(
                g, x, n, 0.1 * scale / reach, centre, measured
            )
        except _OUTSIDE_F_DOMAIN:
            if math.isfinite(best.error):
                break  # f refused every point of the larger steps: keep the smaller steps' answer
            raise
        largest = max(largest, seen)
        if estimate.error < best.error:
            best, kink, restless = estimate, bend, unsettled
        if best.error <= 1e-11 * abs(best.value):
            break
    _refuse_unless_settled(x, n, best, kink, max(floor, 1e-12 * largest), centre, largest)
    if restless and best.error > 1e-6 * abs(best.value):
        raise ConvergenceError(
            f"the difference quotients of order {n} at x = {x!r} keep changing at steps below "
            f"the one that looked settled (estimate {best.value!r} ± {best.error:.3g}): f may "
            "not be differentiable there, or it varies on a scale the floats near x cannot see",
            iterations=0,
            estimate=best.value,
            error=best.error,
        )
    return best.value, best.error + 2 * _EPS * abs(best.value)


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
    check_callable(f)
    x = as_float(x, "x")
    n = _check_order(n)
    return derivative_with_error(f, x, n)[0]


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
    check_callable(f)
    x0 = as_float(x0, "x0")
    height = evaluate(f, x0)
    slope = derivative_with_error(f, x0, 1)[0]

    def line(x: float) -> float:
        return height + slope * (as_float(x, "x", allow_inf=True) - x0)

    line.__doc__ = f"The tangent line y = {height!r} + {slope!r}·(x − {x0!r})."
    return line
