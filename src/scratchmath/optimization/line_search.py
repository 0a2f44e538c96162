"""Line searches: how far to walk along a descent direction.

===========================  ===============================================================
``Objective``                f and ∇f on points (Vectors), from autodiff or a given grad,
                             counting evaluations
``as_point``                 a number, Vector or sequence as the Vector the searches walk in
``backtracking_line_search`` the first α in 1, ½, ¼, … with sufficient decrease (Armijo)
``LineSearchResult``         (step, value, satisfied): what the Wolfe search found
``wolfe_line_search``        a step with sufficient decrease and a flattened slope
                             (the strong Wolfe conditions), never None
``search_along``             the strong Wolfe search on a function φ(α) of one variable
===========================  ===============================================================

Given a point x and a descent direction d (∇f(x)·d < 0), a line search chooses the step α
of x + α·d by looking at the one-variable function φ(α) = f(x + α·d), whose slope at 0 is
φ′(0) = ∇f(x)·d < 0. Too long a step overshoots the valley; too short a one crawls. Two
conditions (Nocedal & Wright, *Numerical Optimization*, §3.1) rule out both:

- sufficient decrease (Armijo):  φ(α) ≤ φ(0) + c₁·α·φ′(0), with 0 < c₁ < 1;
- curvature (strong Wolfe):      |φ′(α)| ≤ c₂·|φ′(0)|, with c₁ < c₂ < 1.

>>> f = lambda v: (v[0] - 3) ** 2               # from x = 0 along d = 1: the minimum at α = 3
>>> backtracking_line_search(f, [0], [1])       # α = 1 already decreases f enough
1
>>> wolfe_line_search(f, [0.0], [1.0])           # α = 1: the slope -4 is flat enough...
LineSearchResult(step=1, value=4.0, satisfied=True)
>>> wolfe_line_search(f, [0.0], [1.0], c2=0.1)   # ...but not for c₂ = 0.1
LineSearchResult(step=3.0, value=0.0, satisfied=True)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.autodiff import Var, value_and_grad
from scratchmath.checks import check_callable, check_real
from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.scalars import is_finite
from scratchmath.vectors import Vector

__all__ = [
    "LineSearchResult",
    "Objective",
    "as_point",
    "backtracking_line_search",
    "search_along",
    "wolfe_line_search",
]

#: Backtracking stops once α has shrunk below 2⁻⁶⁰ ≈ 1e-18, below any step that still
#: moves a float: with shrink s that is at most ⌈60·ln 2 / −ln s⌉ trials (60 for s = ½).
SMALLEST_STEP_EXPONENT = 60

#: At most this many evaluations in each of the two phases of the Wolfe search.
MAX_WOLFE_EVALUATIONS = 40

#: What a user's f may raise at a trial point that left its domain (log of a negative
#: number, an overflow): the trial is treated as infinitely bad and the step shortened.
TRIAL_FAILURES = (DomainError, ArithmeticError)


# --------------------------------------------------------------------------------------------
# Points and the objective.


def as_point(x: object, name: str = "x") -> Vector:
    """x as a Vector of finite real numbers: a number becomes a 1-dimensional Vector.

    >>> as_point([1, 2]), as_point(Fraction(1, 2))
    (Vector([1, 2]), Vector([Fraction(1, 2)]))

    Raises: TypeError for anything but a real number, a Vector or a sequence of real
    numbers; DimensionError for an empty one; DomainError for NaN or ±inf in it.
    """
    if isinstance(x, (Matrix, str, bytes)) or not isinstance(x, (Vector, Sequence)):
        if isinstance(x, bool) or not isinstance(x, numbers.Real):
            raise TypeError(
                f"{name} must be a number, a Vector or a sequence of numbers, "
                f"not {type(x).__name__}"
            )
        x = [x]
    entries = []
    for c in x:
        if isinstance(c, bool) or not isinstance(c, numbers.Real):
            raise TypeError(f"{name} must hold real numbers, got {type(c).__name__}")
        entries.append(c if isinstance(c, (int, float, Fraction)) else float(c))
    point = x if isinstance(x, Vector) else Vector(entries)
    if len(point) == 0:
        raise DimensionError(f"{name} must have at least one coordinate")
    if not all(map(is_finite, point)):
        raise DomainError(f"{name} must be finite, got {point!r}")
    return point


class Objective:
    """A function f to minimise, on Vectors: its value, and its gradient from autodiff (or
    from ``grad`` when one is given), counting how often each is asked for.

    ``scalar=True`` means the user's f and grad take a number, not a Vector: the point is
    then a 1-dimensional Vector here and its coordinate is passed on.

    >>> obj = Objective(lambda v: v[0] ** 2 + v[1] ** 2)
    >>> obj.value_and_grad(Vector([1, 2]))
    (5, Vector([2, 4]))
    >>> obj.values, obj.gradients
    (1, 1)

    Raises (when evaluating): TypeError when f or grad returns something that is not a
    number (f) or not of x's shape (grad); DimensionError for a gradient of another dimension.
    """

    __slots__ = ("f", "grad", "gradients", "scalar", "values")

    def __init__(
        self,
        f: Callable[[Any], Any],
        grad: Callable[[Any], Any] | None = None,
        *,
        scalar: bool = False,
    ) -> None:
        check_callable(f)
        if grad is not None:
            check_callable(grad, "grad")
        self.f, self.grad, self.scalar = f, grad, scalar
        self.values = 0
        self.gradients = 0

    def argument(self, x: Vector) -> Any:
        """What the user's f receives for the point x: x itself, or its coordinate."""
        return x[0] if self.scalar else x

    def value(self, x: Vector) -> Any:
        """f(x), a real number (kept exact when f computes exactly)."""
        self.values += 1
        y = self.f(self.argument(x))
        if isinstance(y, Var):
            y = y.value
        if isinstance(y, bool) or not isinstance(y, (int, float, Fraction)):
            raise TypeError(f"f must return a real number, got {type(y).__name__}")
        return y

    def value_and_grad(self, x: Vector) -> tuple[Any, Vector]:
        """(f(x), ∇f(x)): one forward and one backward pass, or f and the given grad."""
        if self.grad is None:
            self.values += 1
            self.gradients += 1
            if self.scalar:
                y, g = value_and_grad(self.f, x[0])
                return y, Vector([g])
            y, g = value_and_grad(self.f, x)
            return y, g
        y = self.value(x)
        self.gradients += 1
        return y, self.as_gradient(self.grad(self.argument(x)), len(x))

    def as_gradient(self, g: Any, n: int) -> Vector:
        """What the user's grad returned, as a Vector of n components."""
        if self.scalar and not isinstance(g, (Vector, Sequence)):
            g = [g]
        try:
            gradient = as_point(g, "grad(x)")
        except DomainError:  # a NaN or ±inf slope: the caller reports the divergence
            gradient = Vector(list(g))
        if len(gradient) != n:
            raise DimensionError(
                f"grad(x) has {len(gradient)} components, x has {n}: they must match"
            )
        return gradient


def slope_along(g: Vector, d: Vector) -> Any:
    """The directional derivative ∇f·d, exact for rationals."""
    return g.dot(d)


def _safe_value(obj: Objective, x: Vector) -> Any:
    try:
        y = obj.value(x)
    except TRIAL_FAILURES:
        return math.inf
    return y if is_finite(y) else math.inf


def _check_unit_constant(c: object, name: str) -> Any:
    c = check_real(c, name)
    if not 0 < c < 1:
        raise DomainError(f"{name} must lie strictly between 0 and 1, got {c!r}")
    return c


def _start(
    f: Callable[[Any], Any], x: object, direction: object, grad: Callable[[Any], Any] | None
) -> tuple[Objective, Vector, Vector, Any, Any]:
    """The objective, point, direction, f(x) and φ′(0), checked."""
    scalar = not isinstance(x, (Vector, Sequence))
    point = as_point(x, "x")
    d = as_point(direction, "direction")
    if len(d) != len(point):
        raise DimensionError(
            f"direction has {len(d)} components, x has {len(point)}: they must match"
        )
    obj = Objective(f, grad, scalar=scalar)
    fx, g = obj.value_and_grad(point)
    if not is_finite(fx) or not all(map(is_finite, g)):
        raise DomainError(f"f and its gradient must be finite at x, got f(x) = {fx!r}, ∇f = {g!r}")
    slope = slope_along(g, d)
    if not slope < 0:
        raise DomainError(
            f"direction is not a descent direction: ∇f(x)·d = {slope!r} ≥ 0 (try d = −∇f(x))"
        )
    return obj, point, d, fx, slope


# --------------------------------------------------------------------------------------------
# Backtracking: the simplest search that is guaranteed to end.


def armijo_backtrack(
    obj: Objective, x: Vector, d: Vector, fx: Any, slope: Any, c: Any, shrink: Any
) -> tuple[Any, Any]:
    """(α, f(x + α·d)) for the first α in 1, s, s², … with f(x + αd) ≤ f(x) + c·α·∇f·d.

    Raises: ConvergenceError when no step of the bounded sequence decreases f enough (the
    step no longer moves x in floating point, or α fell below 2⁻⁶⁰).
    """
    alpha: Any = 1
    trials = math.ceil(SMALLEST_STEP_EXPONENT * math.log(2) / -math.log(shrink)) + 1
    for _ in range(trials):
        trial = x + alpha * d
        if trial == x:
            break  # the step is below the resolution of x: nothing smaller will help
        value = _safe_value(obj, trial)
        threshold = fx + c * alpha * slope
        # Once c·α·∇f·d is lost in the rounding of f(x), the test would pass on f(x + αd) =
        # f(x): then ask for a real decrease, so a wrong gradient is not hidden by rounding.
        if value <= threshold and (threshold < fx or value < fx):
            return alpha, value
        alpha = alpha * shrink
    raise ConvergenceError(
        "backtracking found no step with sufficient decrease: f is not decreasing along d "
        "at the resolution of floating point (x is at a minimum to rounding, or ∇f is wrong)",
        iterations=trials,
        estimate=0,
    )


def backtracking_line_search(
    f: Callable[[Any], Any],
    x: object,
    direction: object,
    *,
    grad: Callable[[Any], Any] | None = None,
    c: object = 1e-4,
    shrink: object = 0.5,
) -> Any:
    """The first step α in 1, s, s², … (s = ``shrink``) with sufficient decrease (Armijo):

    f(x + α·d) ≤ f(x) + c·α·∇f(x)·d

    Trying α = 1 first lets Newton's and quasi-Newton steps, whose natural length is 1, be
    taken whole near a minimum (and so keep their fast convergence). Since d is a descent
    direction, the condition holds for every small enough α, so the search ends; it is
    bounded anyway (α stops at 2⁻⁶⁰). A trial point where f raises a DomainError or overflows
    counts as a failure, and the step is shortened. The gradient comes from autodiff
    unless ``grad`` is given. With exact x, d, c and shrink the step is exact.

    >>> f = lambda v: v[0] ** 2 + 10 * v[1] ** 2
    >>> backtracking_line_search(f, [1, 1], [-2, -20])      # the gradient step overshoots
    0.0625

    Raises: DomainError when d is not a descent direction (∇f(x)·d ≥ 0), when f(x) or
    ∇f(x) is not finite, or when c or shrink is not in (0, 1); DimensionError when x and d
    differ in dimension; ConvergenceError when floating point leaves no step to take;
    TypeError for a non-callable f or grad, or non-numbers.
    """
    c = _check_unit_constant(c, "c")
    shrink = _check_unit_constant(shrink, "shrink")
    obj, point, d, fx, slope = _start(f, x, direction, grad)
    return armijo_backtrack(obj, point, d, fx, slope, c, shrink)[0]


# --------------------------------------------------------------------------------------------
# The strong Wolfe search (Nocedal & Wright, Algorithms 3.5 and 3.6).


class LineSearchResult(NamedTuple):
    """What ``wolfe_line_search`` found: the step α, f(x + α·d), and whether α satisfies
    the strong Wolfe conditions (when it does not, α is the best step found, 0 if none
    decreased f).

    >>> result = wolfe_line_search(lambda v: v[0] ** 2, [1.0], [-1.0])
    >>> result.satisfied, 0 < result.step <= 2
    (True, True)
    """

    step: Any
    value: Any
    satisfied: bool


Phi = Callable[[Any], tuple[Any, Any]]


def _cubic_minimizer(a: float, fa: float, da: float, b: float, fb: float, db: float) -> float:
    """The minimiser of the cubic matching φ and φ′ at a and b (N&W eq. 3.59), or the
    midpoint when that cubic has none or the numbers are not usable."""
    try:
        d1 = da + db - 3 * (fa - fb) / (a - b)
        disc = d1 * d1 - da * db
        if disc >= 0 and math.isfinite(disc):
            d2 = math.copysign(math.sqrt(disc), b - a)
            alpha = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2)
            if math.isfinite(alpha):
                return alpha
    except (ZeroDivisionError, OverflowError):
        pass
    return (a + b) / 2


class _Wolfe(NamedTuple):
    """The tests of a strong Wolfe search, given φ(0) = f0 and φ′(0) = s0 < 0."""

    f0: Any
    s0: Any
    c1: Any
    c2: Any
    noise: Any

    def too_long(self, alpha: Any, value: Any, slope: Any, f_before: Any) -> bool:
        """True when α has gone past a good step: no sufficient decrease, or f rose above
        the value at the previous (shorter) step. Within ``noise`` of f0 the values say
        nothing, and the slope decides: φ′(α) ≤ (2c₁ − 1)·φ′(0) is the sufficient decrease
        condition for the quadratic through φ′(0) and φ′(α) (Hager & Zhang's approximate
        Wolfe condition)."""
        if value > self.f0 + self.noise:
            return bool(value > self.f0 + self.c1 * alpha * self.s0 or value >= f_before)
        if value <= self.f0 + self.c1 * alpha * self.s0 and value < f_before:
            return False
        return not (self.noise and slope <= (2 * self.c1 - 1) * self.s0)

    def flat(self, slope: Any) -> bool:
        """The strong curvature condition |φ′(α)| ≤ c₂·|φ′(0)|."""
        return bool(abs(slope) <= -self.c2 * self.s0)


def _zoom(
    phi: Phi, lo: tuple[Any, ...], hi: tuple[Any, ...], test: _Wolfe, best: list[Any]
) -> LineSearchResult | None:
    """Algorithm 3.6: shrink the bracket [lo, hi] (each a triple α, φ, φ′) that holds a
    strong Wolfe step; None when the bounded iterations run out."""
    for _ in range(MAX_WOLFE_EVALUATIONS):
        (a_lo, f_lo, d_lo), (a_hi, f_hi, d_hi) = lo, hi
        width = a_hi - a_lo
        if width == 0 or a_lo + width == a_lo:
            return None
        if math.isfinite(f_hi) and math.isfinite(d_hi):
            alpha = _cubic_minimizer(
                float(a_lo), float(f_lo), float(d_lo), float(a_hi), float(f_hi), float(d_hi)
            )
        else:
            alpha = (a_lo + a_hi) / 2
        left, right = min(a_lo, a_hi), max(a_lo, a_hi)
        margin = 0.1 * (right - left)  # safeguard: stay off the ends, so the bracket shrinks
        if not left + margin <= alpha <= right - margin:
            alpha = (a_lo + a_hi) / 2
        value, slope = phi(alpha)
        if test.too_long(alpha, value, slope, f_lo):
            hi = (alpha, value, slope)
            continue
        best.append((value, alpha))
        if test.flat(slope):
            return LineSearchResult(alpha, value, True)
        if slope * (a_hi - a_lo) >= 0:
            hi = lo
        lo = (alpha, value, slope)
    return None


def search_along(
    phi: Phi,
    f0: Any,
    s0: Any,
    *,
    c1: Any = 1e-4,
    c2: Any = 0.9,
    initial: Any = 1,
    noise: Any = 0,
) -> LineSearchResult:
    """The strong Wolfe search on φ(α) = f(x + α·d), given φ(0) = f0 and φ′(0) = s0 < 0;
    ``phi(α)`` returns (φ(α), φ′(α)), with (inf, nan) where f cannot be evaluated.

    Algorithm 3.5 of Nocedal & Wright: from α = ``initial``, double the step until the
    bracket [previous, current] must hold a strong Wolfe point (f rose, or the slope turned
    non-negative), then shrink the bracket by safeguarded cubic interpolation
    (Algorithm 3.6). Both phases are bounded; when they run out the best step that
    decreased f is returned with satisfied=False, or α = 0 if none did.

    ``noise`` > 0 is the size of the rounding errors in f's values: near a minimum, where
    f no longer changes by more than that, sufficient decrease is judged from the slope
    (Hager & Zhang's approximate Wolfe condition) and the search can still make progress
    on the gradient. ``satisfied`` then means: to within that noise.

    >>> phi = lambda a: ((a - 2) ** 2, 2 * (a - 2))
    >>> search_along(phi, 4, -4)
    LineSearchResult(step=1, value=1, satisfied=True)
    """
    test = _Wolfe(f0, s0, c1, c2, noise)
    best: list[Any] = []
    prev = (0, f0, s0)
    alpha = initial
    for i in range(MAX_WOLFE_EVALUATIONS):
        value, slope = phi(alpha)
        if test.too_long(alpha, value, slope, prev[1] if i > 0 else math.inf):
            found = _zoom(phi, prev, (alpha, value, slope), test, best)
            break
        best.append((value, alpha))
        if test.flat(slope):
            return LineSearchResult(alpha, value, True)
        if slope >= 0:
            found = _zoom(phi, (alpha, value, slope), prev, test, best)
            break
        prev = (alpha, value, slope)
        alpha = 2 * alpha
    else:
        found = None
    if found is not None:
        return found
    if not best:
        return LineSearchResult(0, f0, False)
    value, alpha = min(best, key=lambda pair: pair[0])
    return LineSearchResult(alpha, value, False)


def line_function(obj: Objective, x: Vector, d: Vector, cache: dict[Any, Any] | None = None) -> Phi:
    """φ(α) = f(x + α·d) with its slope φ′(α) = ∇f(x + α·d)·d, as ``search_along`` wants
    it; each gradient is stored in ``cache`` under α (BFGS reuses the accepted one)."""

    def phi(alpha: Any) -> tuple[Any, Any]:
        point = x + alpha * d
        try:
            value, g = obj.value_and_grad(point)
        except TRIAL_FAILURES:
            return math.inf, math.nan
        if not is_finite(value) or not all(map(is_finite, g)):
            return math.inf, math.nan
        if cache is not None:
            cache[alpha] = (point, value, g)
        return value, slope_along(g, d)

    return phi


def wolfe_line_search(
    f: Callable[[Any], Any],
    x: object,
    direction: object,
    *,
    grad: Callable[[Any], Any] | None = None,
    c1: object = 1e-4,
    c2: object = 0.9,
) -> LineSearchResult:
    """A step α satisfying the strong Wolfe conditions, as ``LineSearchResult(step, value,
    satisfied)`` — never None:

    f(x + α·d) ≤ f(x) + c₁·α·∇f(x)·d         (sufficient decrease)
    |∇f(x + α·d)·d| ≤ c₂·|∇f(x)·d|           (the slope has flattened)

    The second condition keeps steps from being too short, and guarantees the curvature
    yᵀs > 0 that keeps BFGS's Hessian estimate positive definite. The search brackets a
    good step by doubling α from 1 and then narrows the bracket by cubic interpolation
    (Nocedal & Wright, Algorithms 3.5–3.6), with bounded iterations in both phases. When
    they run out (f not bounded below along d, say), the best step found is returned with
    satisfied=False — scipy's ``line_search`` returns None there.

    >>> f = lambda v: v[0] ** 4 - 2 * v[0] ** 2          # from x = 0.5 along d = 1
    >>> result = wolfe_line_search(f, [0.5], [1.0])
    >>> result.satisfied, round(result.step, 6), round(result.value, 6)
    (True, 0.5, -1.0)

    Raises: DomainError when d is not a descent direction, when f(x) or ∇f(x) is not
    finite, or unless 0 < c1 < c2 < 1; DimensionError when x and d differ in dimension;
    TypeError for a non-callable f or grad, or non-numbers.
    """
    c1_, c2_ = _check_unit_constant(c1, "c1"), _check_unit_constant(c2, "c2")
    if not c1_ < c2_:
        raise DomainError(f"c1 must be smaller than c2, got c1 = {c1_!r}, c2 = {c2_!r}")
    obj, point, d, fx, slope = _start(f, x, direction, grad)
    return search_along(line_function(obj, point, d), fx, slope, c1=c1_, c2=c2_)
