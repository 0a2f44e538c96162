"""Integrals in several variables: iterated Gauss–Kronrod, and (quasi-)Monte Carlo.

========================  ================================================================
``multiple_integral``     ∫…∫ f over a region whose bounds may depend on the outer variables
``MonteCarloResult``      (value, standard_error, n): what a Monte Carlo estimate returns
``halton_points``         the first n points of the Halton sequence in [0, 1)ᵈ
``sobol_points``          the first n points of Sobol's sequence in [0, 1)ᵈ (Joe–Kuo numbers)
``monte_carlo_integral``  ∫ f over a box as volume × the mean of f at n (quasi-)random points
========================  ================================================================

A double integral is the volume under a surface z = f(x, y). Fubini's theorem turns it into
two integrals of one variable, one inside the other:

    ∫∫_R f = ∫ₐᵇ ( ∫_{c(x)}^{d(x)} f(x, y) dy ) dx,

and that is exactly how :func:`multiple_integral` computes it: the inner integral, for each x
the outer rule asks about, is itself an adaptive integral. The inner bounds may depend on x,
so a disk is ∫₋₁¹ ∫_{−√(1−x²)}^{√(1−x²)} 1 dy dx:

>>> import math
>>> disk = [(-1, 1), (lambda x: -math.sqrt(1 - x * x), lambda x: math.sqrt(1 - x * x))]
>>> round(multiple_integral(lambda x, y: 1.0, disk).value, 8)         # the area π
3.14159265
>>> result = monte_carlo_integral(lambda x, y: x * y, [(0, 1), (0, 1)], 4096, rng=1,
...                               sequence="sobol")
>>> abs(result.value - 0.25) < 4 * result.standard_error < 1e-3      # ∫∫ xy = 1/4
True

In many dimensions nested rules cost (21 points)ᵈ and Monte Carlo wins: its error σ/√n does
not depend on d (the law of large numbers), and quasi-random points, spread more evenly than
random ones, do better still on smooth integrands.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable, Sequence
from typing import NamedTuple

from scratchmath.calculus.integrals import (
    GK15,
    GK21,
    GaussKronrodRule,
    IntegrationResult,
)
from scratchmath.checks import check_callable, check_int, check_positive, check_real, real_result
from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.scalars import EPS

__all__ = [
    "MonteCarloResult",
    "halton_points",
    "monte_carlo_integral",
    "multiple_integral",
    "sobol_points",
]

Bound = float | Callable[..., float]
"""A bound of one variable: a number (±inf allowed) or a function of the outer variables."""

#: The share of a level's tolerance granted to the errors of the inner integrals beneath it.
#: The rest is for the level's own rule; both are added up in the error that is reported.
_INNER_SHARE = 0.8

#: At most this many pieces for one inner integral (the outermost has only the budget): an
#: inner integral that cannot settle reports its honest error rather than eat the budget.
_INNER_PIECES = 200


# --------------------------------------------------------------------------------------------
# Checking the limits
# --------------------------------------------------------------------------------------------


def _check_limits(limits: object, *, box: bool) -> list[tuple[Bound, Bound]]:
    """limits as a list of (low, high), each a float or (not for a box) a callable."""
    if isinstance(limits, (str, bytes)) or not isinstance(limits, Sequence):
        raise TypeError(f"limits must be a list of (low, high) pairs, got {type(limits).__name__}")
    if len(limits) == 0:
        raise DomainError("limits must give a (low, high) pair for at least one variable")
    checked: list[tuple[Bound, Bound]] = []
    for i, pair in enumerate(limits):
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence):
            raise TypeError(f"limits[{i}] must be a (low, high) pair, got {type(pair).__name__}")
        if len(pair) != 2:
            raise DomainError(f"limits[{i}] must be a (low, high) pair, got {len(pair)} items")
        bounds: list[Bound] = []
        for side, bound in zip(("low", "high"), pair, strict=True):
            name = f"the {side} bound of limits[{i}]"
            if callable(bound):
                if box:
                    raise DomainError(
                        f"{name} is a function, but Monte Carlo needs a box (numbers); "
                        "use multiple_integral for a region whose bounds vary"
                    )
                if i == 0:
                    raise DomainError(
                        f"{name} is a function, but the outermost variable has no outer "
                        "variables to depend on"
                    )
                bounds.append(bound)
                continue
            value = float(check_real(bound, name))
            if box and math.isinf(value):
                raise DomainError(f"{name} must be finite for Monte Carlo, got {value!r}")
            bounds.append(value)
        checked.append((bounds[0], bounds[1]))
    return checked


def _resolve(bound: Bound, outer: tuple[float, ...], where: str) -> float:
    """A bound's value at the outer point: the number itself or the function's value."""
    if not callable(bound):
        return bound
    value = real_result(bound(*outer), f"{where} at {outer!r}")
    if math.isnan(value):
        raise DomainError(f"{where} is NaN at {outer!r}")
    return value


# --------------------------------------------------------------------------------------------
# One variable's range as a finite interval
# --------------------------------------------------------------------------------------------


class _Range(NamedTuple):
    """[lo, hi] of the variable t, the rule to use, and t ↦ (x, dx/dt)."""

    lo: float
    hi: float
    rule: GaussKronrodRule
    to_x: Callable[[float], tuple[float, float]]


def _finite_range(low: float, high: float) -> _Range:
    """The range of t for a variable running from low < high (either may be infinite).

    An infinite range is mapped onto a finite one: x = a + t/(1 − t) takes [0, 1) onto
    [a, ∞) with dx/dt = 1/(1 − t)², and x = t/(1 − t²) takes (−1, 1) onto ℝ with
    dx/dt = (1 + t²)/(1 − t²)². The Gauss–Kronrod nodes never touch t = ±1, where x is
    infinite; the 15-point rule serves there, as in QUADPACK's QAGI.
    """
    if math.isfinite(low) and math.isfinite(high):
        return _Range(low, high, GK21, lambda t: (t, 1.0))
    if math.isfinite(low):
        return _Range(0.0, 1.0, GK15, lambda t: _half_line(low, t, 1.0))
    if math.isfinite(high):
        return _Range(0.0, 1.0, GK15, lambda t: _half_line(high, t, -1.0))

    def whole_line(t: float) -> tuple[float, float]:
        gap = max(1.0 - t * t, EPS * EPS)
        return t / gap, (1.0 + t * t) / (gap * gap)

    return _Range(-1.0, 1.0, GK15, whole_line)


def _half_line(start: float, t: float, direction: float) -> tuple[float, float]:
    gap = max(1.0 - t, EPS * EPS)  # t never reaches 1, but rounding could put it there
    return start + direction * t / gap, 1.0 / (gap * gap)


# --------------------------------------------------------------------------------------------
# The iterated integrator
# --------------------------------------------------------------------------------------------


class _OutOfBudget(Exception):
    """Raised inside the nest when the next rule would exceed the evaluation budget."""


class _Piece(NamedTuple):
    lo: float
    hi: float
    value: float
    error: float  # the rule's own error estimate plus the inner integrals' errors
    floor: float  # the part of ``error`` due to rounding alone (50ε·∫|g|)
    trusted: bool  # False when |K − G| is so large that the rescaled estimate was capped


class _Level(NamedTuple):
    value: float
    error: float
    settled: bool  # whether the tolerance was reached
    trouble: str  # why not, when it was not


class _Iterated:
    """The fixed data of one call of :func:`multiple_integral`, and its evaluation count.

    Each integral is adaptive Gauss–Kronrod (21 points; 15 on an infinite range after a
    change of variable) with QUADPACK's error estimate, bisecting the worst piece until the
    errors add up to at most max(abs_tol, rel_tol·|∫|). An inner integral is computed for
    every node of the rule outside it, to a tolerance tightened so that the inner errors,
    weighted by the outer rule, take at most half of the outer tolerance; the error reported
    is the sum of both parts, so it bounds the true error whenever the one-variable
    estimates do (they are cautious: tests check it on the Genz families and on singular
    and unbounded regions). Every bisection of an outer piece repeats the inner integrals,
    which is why a kink inside the region is costly.
    """

    __slots__ = ("budget", "depth", "f", "limits", "trouble", "used")

    def __init__(self, f: Callable[..., float], limits: list[tuple[Bound, Bound]], budget: int):
        self.f, self.limits, self.depth, self.budget = f, limits, len(limits), budget
        self.used = 0
        self.trouble = ""

    def values(
        self,
        level: int,
        outer: tuple[float, ...],
        span: _Range,
        ts: list[float],
        tol: float,
        rel: float,
        width: float,
    ) -> tuple[list[float], list[float]]:
        """g(t) = F(x(t))·dx/dt at the nodes ts, and the error of each value.

        F is f itself at the innermost level (exact values, no error) and an inner integral
        otherwise, computed to max(tol/(width·dx/dt), rel·|F|): the weighted sum of the inner
        errors, Σ wᵢ·errorᵢ ≈ ∫ error, then stays below tol + rel·∫|g|.
        """
        points = [span.to_x(t) for t in ts]
        if level == self.depth - 1:
            if self.used + len(ts) > self.budget:
                raise _OutOfBudget
            self.used += len(ts)
            f = self.f
            out = []
            for x, jacobian in points:
                y = f(*outer, x)
                if type(y) is not float:
                    y = real_result(y, f"{(*outer, x)!r}")
                if y - y != 0:  # NaN or ±inf
                    raise DomainError(
                        f"the integrand is {y} at {(*outer, x)!r}: no finite integral there"
                    )
                out.append(y * jacobian)
            return out, [0.0] * len(out)
        values, errors = [], []
        for x, jacobian in points:
            inner = self.integral(level + 1, (*outer, x), tol / (width * jacobian), rel)
            if not inner.settled:
                self.trouble = inner.trouble
            values.append(inner.value * jacobian)
            errors.append(inner.error * jacobian)
        return values, errors

    def piece(
        self,
        level: int,
        outer: tuple[float, ...],
        span: _Range,
        lo: float,
        hi: float,
        tol: float,
        rel: float,
    ) -> _Piece:
        """Apply the Gauss–Kronrod rule to [lo, hi]: the value and QUADPACK's error estimate.

        The raw |K − G| overestimates the error of K for smooth g, so QUADPACK rescales it:
        ρ·min(1, (200·|K − G|/ρ)^1.5) with ρ = ∫|g − mean|, never below 50ε·∫|g| (rounding).
        The inner integrals' own errors are added, weighted as the rule weights their values.
        """
        rule = span.rule
        centre, half = 0.5 * lo + 0.5 * hi, 0.5 * hi - 0.5 * lo
        ts = [centre]
        for node in rule.nodes[:-1]:
            ts += (centre - half * node, centre + half * node)
        g, e = self.values(level, outer, span, ts, tol, rel, span.hi - span.lo)
        wk, wg = rule.kronrod, rule.gauss
        kronrod = wk[-1] * g[0]
        gauss = wg[-1] * g[0] if rule.centre_is_gauss else 0.0
        inner_error = wk[-1] * e[0]
        for j in range(len(wk) - 1):
            pair = g[2 * j + 1] + g[2 * j + 2]
            kronrod += wk[j] * pair
            inner_error += wk[j] * (e[2 * j + 1] + e[2 * j + 2])
            if j % 2:
                gauss += wg[j // 2] * pair
        mean = 0.5 * kronrod
        weights = [wk[-1], *(wk[j // 2] for j in range(2 * len(wk) - 2))]
        magnitude = math.fsum(w * abs(v) for w, v in zip(weights, g, strict=True))
        spread = math.fsum(w * abs(v - mean) for w, v in zip(weights, g, strict=True))
        error, trusted = abs(kronrod - gauss), True
        if spread != 0 and error != 0:
            scaled = (200 * error / spread) ** 1.5
            trusted = scaled < 1
            error = spread * min(1.0, scaled)
        floor = 50 * EPS * magnitude
        error = max(error, floor) + inner_error
        value = kronrod * half
        # In the subnormal range error·half underflows to 0, though the value itself is
        # rounded to the subnormal spacing there: claim at least one unit in its last place.
        error = max(error * half, math.ulp(value))
        return _Piece(lo, hi, value, error, floor * half, trusted)

    def integral(self, level: int, outer: tuple[float, ...], tol: float, rel: float) -> _Level:
        """∫ over variable ``level`` at the outer point, to max(tol, rel·|∫|).

        Global adaptive bisection (QUADPACK's strategy without the extrapolation): always
        split the piece with the largest error, so the work goes where the error is. The
        inner integrals share half of the tolerance τ = max(tol, rel·|∫|) (see ``halves``);
        the first piece's, before τ is known, get the level's own tolerances, halved.
        """
        where = f"limits[{level}]"
        low = _resolve(self.limits[level][0], outer, f"the low bound of {where}")
        high = _resolve(self.limits[level][1], outer, f"the high bound of {where}")
        if low == high:
            return _Level(0.0, 0.0, True, "")
        sign = 1.0 if low < high else -1.0
        span = _finite_range(min(low, high), max(low, high))
        share = _INNER_SHARE
        first = self.piece(level, outer, span, span.lo, span.hi, share * tol, share * rel)
        # A heap ordered by error: the worst piece is always at the top (O(log n) a step).
        heap = [(-first.error, 0, first)]
        serial = 0  # ties in the error are broken by age, so pieces are never compared
        area, errsum, floor = first.value, first.error, first.floor
        limit = math.inf if level == 0 else _INNER_PIECES
        while True:
            target = max(tol, rel * abs(area))
            rounding = errsum <= 2 * floor
            # One piece is accepted only if its estimate is trusted (not capped), or is all
            # rounding (g constant to the last bits): a capped one has not resolved g yet.
            if errsum <= target and (len(heap) > 1 or first.trusted or rounding):
                value = math.fsum(p.value for _, _, p in heap)
                return _Level(sign * value, math.fsum(p.error for _, _, p in heap), True, "")
            trouble = ""
            if rounding:
                trouble = "rounding errors stop the error estimate from reaching the tolerance"
            elif len(heap) >= limit:
                trouble = f"an inner integral did not settle in {limit} pieces"
            parent = heap[0][2]
            middle = 0.5 * parent.lo + 0.5 * parent.hi
            if not trouble and not parent.lo < middle < parent.hi:
                trouble = "the integrand is too irregular (a non-integrable singularity?)"
            if trouble:
                near = f" (variable {level} near {span.to_x(middle)[0]:.6g}, outer {outer!r})"
                return _Level(sign * area, errsum, False, trouble + near)
            try:
                left, right = self.halves(level, outer, span, parent, 0.5 * share * target, floor)
            except _OutOfBudget:
                if level > 0:
                    raise
                ran_out = f"the budget of {self.budget} evaluations ran out"
                return _Level(sign * area, errsum, False, ran_out)
            serial += 2
            heapq.heapreplace(heap, (-left.error, serial - 1, left))
            heapq.heappush(heap, (-right.error, serial, right))
            area += left.value + right.value - parent.value
            errsum += left.error + right.error - parent.error
            floor += left.floor + right.floor - parent.floor

    def halves(
        self,
        level: int,
        outer: tuple[float, ...],
        span: _Range,
        parent: _Piece,
        inner_abs: float,
        floor: float,
    ) -> tuple[_Piece, _Piece]:
        """The two halves of ``parent``, each inner integral to max(inner_abs, inner_rel·|F|).

        With A = ∫|g| (from the rounding floors 50ε·∫|g|), each inner integral at a node gets
        max(¼τ/(width·dx/dt), ¼τ·|F|/A): summed under the rule, at most ¼τ + ¼τ. The
        relative half lets the inner integrals be coarser where |F| is large (a peak), where
        they are hardest, without spending more of τ.
        """
        magnitude = floor / (50 * EPS)
        inner_rel = inner_abs / magnitude if magnitude > 0 else 0.0
        middle = 0.5 * parent.lo + 0.5 * parent.hi
        left = self.piece(level, outer, span, parent.lo, middle, inner_abs, inner_rel)
        right = self.piece(level, outer, span, middle, parent.hi, inner_abs, inner_rel)
        return left, right

    def result(self, tol: float, rel: float) -> IntegrationResult:
        """The whole integral to max(tol, rel·|∫|), or a ConvergenceError saying why not."""
        try:
            outcome = self.integral(0, (), tol, rel)
        except _OutOfBudget:
            raise ConvergenceError(
                f"the budget of {self.budget} evaluations ran out before a first estimate: one"
                f" rule per variable needs 21**{self.depth} = {21**self.depth} evaluations",
                iterations=self.used,
                estimate=math.nan,
                error=math.inf,
            ) from None
        if outcome.settled:
            return IntegrationResult(outcome.value, outcome.error, self.used)
        inner = f"; an inner integral: {self.trouble}" if self.trouble else ""
        raise ConvergenceError(
            f"the {self.depth}-fold integral did not reach the tolerance: {outcome.trouble}"
            f"{inner}; best estimate {outcome.value!r} ± {outcome.error:.3g}",
            iterations=self.used,
            estimate=outcome.value,
            error=outcome.error,
        )


def multiple_integral(
    f: Callable[..., float],
    limits: Sequence[tuple[Bound, Bound]],
    *,
    rel_tol: float = 1e-8,
    abs_tol: float = 1e-12,
    max_evaluations: int = 2_000_000,
) -> IntegrationResult:
    """∫…∫ f(x₀, …, x_{d−1}) over a region, with an error estimate and the evaluations spent.

    Definition (Fubini): for a region {a ≤ x₀ ≤ b, c(x₀) ≤ x₁ ≤ d(x₀), …},
    ∫∫ f = ∫ₐᵇ ( ∫_{c(x₀)}^{d(x₀)} f(x₀, x₁) dx₁ ) dx₀, and so on for more variables.

    ``limits`` lists one (low, high) pair per variable, the outermost first; f takes the
    d variables in that order. A bound is a number, ±math.inf, or a function of the outer
    variables (the bounds of x₂ are called as bound(x₀, x₁)), which describes triangles,
    disks and balls. low > high flips the sign, as in one variable.

    How: each integral is adaptive Gauss–Kronrod (21 points; 15 on an infinite range), and
    the inner integrals, one per node of the rule outside them, get tightened tolerances, so
    the error reported bounds the true error whenever the one-variable estimates do (see
    ``_Iterated``). The cost grows like 21ᵈ: beyond d ≈ 4 use Monte Carlo. A kink or a jump
    of f inside the region is costly too: loosen rel_tol there, or split the region at the
    kink. So is an integrable singularity along a whole edge (1/√(xy) on [0, 1]²), which
    bisection approaches slowly: substitute x = u² (dx = 2u du), which removes it.

    >>> result = multiple_integral(lambda x, y: x * y, [(0, 1), (0, 1)])   # (½)·(½)
    >>> result.value, result.evaluations
    (0.25, 441)
    >>> triangle = [(0, 1), (0, lambda x: x)]                              # 0 ≤ y ≤ x ≤ 1
    >>> round(multiple_integral(lambda x, y: 1.0, triangle).value, 12)
    0.5
    >>> import math
    >>> gauss = multiple_integral(lambda x, y: math.exp(-x * x - y * y),
    ...                           [(-math.inf, math.inf)] * 2)
    >>> abs(gauss.value - math.pi) <= gauss.error < 1e-7
    True

    Raises:
        TypeError: if f is not callable, limits is not a list of pairs, a bound or a
            tolerance is not a real number, or f or a bound returns something that is not.
        DomainError: if limits is empty, a pair does not have two items, the outermost
            bounds are functions, a bound or tolerance is NaN, a tolerance is ≤ 0,
            max_evaluations < 21, or f returns NaN or ±inf inside the region.
        ConvergenceError: if the tolerance is not reached (the budget runs out, rounding
            stalls it, or the integrand is not integrable); it carries the best
            ``estimate``, its ``error`` and the evaluations spent as ``iterations``.
    """
    check_callable(f)
    checked = _check_limits(limits, box=False)
    rel = max(float(check_positive(rel_tol, "rel_tol")), 50 * EPS)
    tol = float(check_positive(abs_tol, "abs_tol"))
    budget = check_int(max_evaluations, "max_evaluations", minimum=21)
    return _Iterated(f, checked, budget).result(tol, rel)


# --------------------------------------------------------------------------------------------
# Quasi-random points
# --------------------------------------------------------------------------------------------
# Random points clump and leave gaps by chance; that is why plain Monte Carlo's error falls
# only like 1/√n. Low-discrepancy sequences fill the cube evenly by construction: for a
# smooth integrand the error of their average falls nearly like 1/n.


def _primes(count: int) -> list[int]:
    """The first ``count`` primes, by trial division (count is a dimension: small)."""
    primes: list[int] = []
    candidate = 2
    while len(primes) < count:
        if all(candidate % p for p in primes if p * p <= candidate):
            primes.append(candidate)
        candidate += 1
    return primes


def _radical_inverse(index: int, base: int) -> float:
    """φ_b(i): the digits of i in base b mirrored about the point, 0.d₀d₁d₂… (van der Corput)."""
    numerator, denominator = 0, 1
    while index:
        index, digit = divmod(index, base)
        numerator, denominator = numerator * base + digit, denominator * base
    return numerator / denominator


def _check_count_dimension(n: object, d: object) -> tuple[int, int]:
    return check_int(n, "n", minimum=0), check_int(d, "d", minimum=1)


def halton_points(n: int, d: int) -> list[tuple[float, ...]]:
    """The first n points of the Halton sequence in [0, 1)ᵈ, starting with the origin.

    Definition:   xᵢ = (φ₂(i), φ₃(i), φ₅(i), …), i = 0, 1, 2, …, where φ_b(i) mirrors the
    base-b digits of i about the point: i = Σ dₖbᵏ ↦ Σ dₖb⁻ᵏ⁻¹ (van der Corput). Each
    coordinate uses the next prime base, so the coordinates never line up.

    >>> halton_points(4, 2)
    [(0.0, 0.0), (0.5, 0.3333333333333333), (0.25, 0.6666666666666666), (0.75, 0.1111111111111111)]

    Raises:
        TypeError: if n or d is not an int.
        DomainError: if n < 0 or d < 1.
    """
    n, d = _check_count_dimension(n, d)
    bases = _primes(d)
    return [tuple(_radical_inverse(i, b) for b in bases) for i in range(n)]


#: Joe and Kuo's direction numbers for dimensions 2 to 32 ("new-joe-kuo-6.21201", S. Joe and
#: F. Y. Kuo, SIAM J. Sci. Comput. 30 (2008) 2635–2654): the degree s of the primitive
#: polynomial, its inner coefficients a as bits, and the initial odd numbers m₁ … mₛ.
#: Dimension 1 is van der Corput's sequence (all mₖ = 1).
_JOE_KUO = (
    (1, 0, (1,)),
    (2, 1, (1, 3)),
    (3, 1, (1, 3, 1)),
    (3, 2, (1, 1, 1)),
    (4, 1, (1, 1, 3, 3)),
    (4, 4, (1, 3, 5, 13)),
    (5, 2, (1, 1, 5, 5, 17)),
    (5, 4, (1, 1, 5, 5, 5)),
    (5, 7, (1, 1, 7, 11, 19)),
    (5, 11, (1, 1, 5, 1, 1)),
    (5, 13, (1, 1, 1, 3, 11)),
    (5, 14, (1, 3, 5, 5, 31)),
    (6, 1, (1, 3, 3, 9, 7, 49)),
    (6, 13, (1, 1, 1, 15, 21, 21)),
    (6, 16, (1, 3, 1, 13, 27, 49)),
    (6, 19, (1, 1, 1, 15, 7, 5)),
    (6, 22, (1, 3, 1, 15, 13, 25)),
    (6, 25, (1, 1, 5, 5, 19, 61)),
    (7, 1, (1, 3, 7, 11, 23, 15, 103)),
    (7, 4, (1, 3, 7, 13, 13, 15, 69)),
    (7, 7, (1, 1, 3, 13, 7, 35, 63)),
    (7, 8, (1, 3, 5, 9, 1, 25, 53)),
    (7, 14, (1, 3, 1, 13, 9, 35, 107)),
    (7, 19, (1, 3, 1, 5, 27, 61, 31)),
    (7, 21, (1, 1, 5, 11, 19, 41, 61)),
    (7, 28, (1, 3, 5, 3, 3, 13, 69)),
    (7, 31, (1, 1, 7, 13, 1, 19, 1)),
    (7, 32, (1, 3, 7, 5, 13, 19, 59)),
    (7, 37, (1, 1, 3, 9, 25, 29, 41)),
    (7, 41, (1, 3, 5, 13, 23, 1, 55)),
    (7, 42, (1, 3, 7, 3, 13, 59, 17)),
)

#: Bits per coordinate: a Sobol' point is an integer of this many bits over 2 to that power.
_BITS = 52
_SOBOL_MAX_DIMENSION = 1 + len(_JOE_KUO)


def _direction_numbers(dimension: int, count: int) -> list[int]:
    """v₁ … v_count of one coordinate, as _BITS-bit integers vₖ = mₖ·2^(BITS − k).

    Beyond the initial mₖ, the recurrence of the primitive polynomial
    xˢ + a₁xˢ⁻¹ + … + aₛ₋₁x + 1 over GF(2):
    mₖ = 2a₁mₖ₋₁ ⊕ 4a₂mₖ₋₂ ⊕ … ⊕ 2ˢ⁻¹aₛ₋₁mₖ₋ₛ₊₁ ⊕ 2ˢmₖ₋ₛ ⊕ mₖ₋ₛ.
    """
    if dimension == 0:
        m = [1] * count
    else:
        s, a, initial = _JOE_KUO[dimension - 1]
        m = list(initial[:count])
        for k in range(s, count):
            value = m[k - s] ^ (m[k - s] << s)
            for j in range(1, s):
                if (a >> (s - 1 - j)) & 1:
                    value ^= m[k - j] << j
            m.append(value)
    return [mk << (_BITS - k) for k, mk in enumerate(m, start=1)]


def _scrambled(directions: list[int], rng: random.Random) -> list[int]:
    """The direction numbers after a random linear (Matoušek) scramble of the digits.

    Each output digit becomes its own digit plus a random GF(2) combination of the more
    significant ones: a random lower-triangular binary matrix with unit diagonal, applied to
    every vₖ. The net structure (each dyadic box gets its share of points) survives, and the
    points become random: the error of their average can then be estimated by repetition.
    """
    columns = [(1 << p) | rng.getrandbits(p) if p else 1 for p in range(_BITS)]
    scrambled = []
    for v in directions:
        word = 0
        while v:
            low = v & -v
            word ^= columns[low.bit_length() - 1]
            v ^= low
        scrambled.append(word)
    return scrambled


def _sobol(n: int, d: int, rng: random.Random | None) -> list[tuple[float, ...]]:
    """n Sobol' points in Gray-code order; scrambled and digitally shifted when rng is given.

    Gray-code order changes one bit of the index at a time, so each point is the previous
    one XOR a single direction number: one operation per coordinate.
    """
    count = max(1, (n - 1).bit_length())
    tables = [_direction_numbers(j, count) for j in range(d)]
    words = [0] * d
    if rng is not None:
        tables = [_scrambled(table, rng) for table in tables]
        words = [rng.getrandbits(_BITS) for _ in range(d)]  # the digital shift
    scale = 2.0**-_BITS
    points = [tuple(w * scale for w in words)]
    for i in range(n - 1):
        lowest_zero = (~i & (i + 1)).bit_length() - 1  # the bit that flips from i to i + 1
        words = [w ^ table[lowest_zero] for w, table in zip(words, tables, strict=True)]
        points.append(tuple(w * scale for w in words))
    return points[:n]


def sobol_points(n: int, d: int) -> list[tuple[float, ...]]:
    """The first n points of Sobol's sequence in [0, 1)ᵈ (Joe–Kuo direction numbers).

    Definition:   the coordinate j of point i is the XOR of the direction numbers vₖ of j
    for the bits k of i's Gray code i ⊕ ⌊i/2⌋, read as a binary fraction. The first 2ᵐ
    points form a (t, m, d)-net: every box of volume 2ᵗ⁻ᵐ with dyadic sides holds exactly
    2ᵗ of them. Hence a warning: use n = 2ᵐ points, where the net is complete, and do not
    drop the first point (the origin), which belongs to it.

    >>> sobol_points(4, 3)
    [(0.0, 0.0, 0.0), (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75)]

    Raises:
        TypeError: if n or d is not an int.
        DomainError: if n < 0, d < 1, or d > 32 (the direction numbers stored here).
    """
    n, d = _check_count_dimension(n, d)
    _check_sobol_dimension(d)
    return _sobol(n, d, None) if n else []


def _check_sobol_dimension(d: int) -> None:
    if d > _SOBOL_MAX_DIMENSION:
        raise DomainError(
            f"Sobol' points are available here up to {_SOBOL_MAX_DIMENSION} dimensions, got "
            f"d = {d}; use sequence='halton' or 'random'"
        )


def _shifted_halton(n: int, d: int, rng: random.Random) -> list[tuple[float, ...]]:
    """n Halton points moved by one random shift U, modulo 1 (Cranley and Patterson)."""
    shift = [rng.random() for _ in range(d)]
    return [
        tuple((x + u) % 1.0 for x, u in zip(point, shift, strict=True))
        for point in halton_points(n, d)
    ]


# --------------------------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------------------------


class MonteCarloResult(NamedTuple):
    """A Monte Carlo estimate: the value, its standard error, and the evaluations of f.

    ``standard_error`` estimates the standard deviation of ``value`` over the randomness;
    the true integral lies within 2 standard errors in about 95% of runs.

    >>> MonteCarloResult(3.14, 0.01, 4096).n
    4096
    """

    value: float
    standard_error: float
    n: int


#: Randomised quasi-Monte Carlo averages this many independent randomisations; their spread
#: gives the standard error (with REPLICATES − 1 = 15 degrees of freedom).
REPLICATES = 16

_SEQUENCES = ("random", "halton", "sobol")


def _check_rng(rng: object) -> random.Random:
    if rng is None:
        return random.Random()
    if isinstance(rng, random.Random):
        return rng
    if isinstance(rng, int) and not isinstance(rng, bool):
        return random.Random(rng)
    raise TypeError(f"rng must be a random.Random, an int seed or None, got {type(rng).__name__}")


def _average(
    f: Callable[..., float], points: list[tuple[float, ...]], lows: list[float], widths: list[float]
) -> tuple[float, list[float]]:
    """The mean of f over the points of [0, 1)ᵈ mapped onto the box, and the values."""
    values = []
    for u in points:
        x = tuple(lo + w * t for lo, w, t in zip(lows, widths, u, strict=True))
        y = f(*x)
        if type(y) is not float:
            y = real_result(y, f"{x!r}")
        if y - y != 0:
            raise DomainError(f"the integrand is {y} at {x!r}: no finite integral there")
        values.append(y)
    return math.fsum(values) / len(values), values


def monte_carlo_integral(
    f: Callable[..., float],
    limits: Sequence[tuple[float, float]],
    n: int,
    *,
    rng: random.Random | int | None = None,
    sequence: str = "random",
) -> MonteCarloResult:
    """∫ f over a box as its volume times the average of f at n points, with a standard error.

    Definition:   ∫_B f = vol(B)·E[f(U)] for U uniform on B, so by the law of large numbers
    vol(B)·(1/n)·Σ f(Uᵢ) → ∫_B f, with standard error vol(B)·σ/√n, σ² = Var f(U): the
    error halves when n is quadrupled, in any number of dimensions.

    ``sequence="random"`` draws n independent uniform points; the standard error is
    vol(B)·s/√n with s the sample standard deviation. ``"halton"`` and ``"sobol"`` use
    quasi-random points, randomised so that the error can be measured: n is split into
    16 independent replicates of n/16 points each (Halton shifted at random modulo 1;
    Sobol' scrambled and digitally shifted, Owen-style), the value is their mean and the
    standard error the spread of the 16 estimates over 4. For Sobol' take n = 2ᵏ (so each
    replicate is a complete net of 2ᵏ⁻⁴ points): other n work but converge more slowly.
    ``limits`` is a list of (low, high) numbers, one per variable; low > high flips the sign.

    >>> result = monte_carlo_integral(lambda x, y: x + y, [(0, 1), (0, 2)], 1024, rng=7)
    >>> abs(result.value - 3) < 3 * result.standard_error   # ∫∫ x + y = 1 + 2 = 3
    True
    >>> sobol = monte_carlo_integral(lambda x, y: x + y, [(0, 1), (0, 2)], 1024, rng=7,
    ...                              sequence="sobol")
    >>> sobol.standard_error < result.standard_error / 10
    True

    Raises:
        TypeError: if f is not callable, limits is not a list of pairs of numbers, n is not
            an int, rng is not a random.Random, int or None, or f returns a non-number.
        DomainError: if a bound is NaN, infinite or a function, n < 2, n is not a multiple
            of 16 (at least 32) for a quasi-random sequence, sequence is unknown, d > 32
            for Sobol', or f returns NaN or ±inf.
    """
    check_callable(f)
    box = _check_limits(limits, box=True)
    n = check_int(n, "n", minimum=2)
    generator = _check_rng(rng)
    if sequence not in _SEQUENCES:
        raise DomainError(f"sequence must be 'random', 'halton' or 'sobol', got {sequence!r}")
    lows = [float(low) for low, _ in box]  # type: ignore[arg-type]
    widths = [float(high) - low for (_, high), low in zip(box, lows, strict=True)]  # type: ignore[arg-type]
    if sequence == "random":
        return _independent_points(f, n, generator, lows, widths)
    return _randomised_replicates(f, n, sequence, generator, lows, widths)


def _independent_points(
    f: Callable[..., float], n: int, rng: random.Random, lows: list[float], widths: list[float]
) -> MonteCarloResult:
    """Plain Monte Carlo: n independent uniform points, the error from their sample variance."""
    volume, d = math.prod(widths), len(widths)
    points = [tuple(rng.random() for _ in range(d)) for _ in range(n)]
    mean, values = _average(f, points, lows, widths)
    variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return MonteCarloResult(volume * mean, abs(volume) * math.sqrt(variance / n), n)


def _randomised_replicates(
    f: Callable[..., float],
    n: int,
    sequence: str,
    rng: random.Random,
    lows: list[float],
    widths: list[float],
) -> MonteCarloResult:
    """Quasi-Monte Carlo: REPLICATES independently randomised point sets of n/REPLICATES
    points each; the value is their mean, the error the spread of their estimates."""
    volume, d = math.prod(widths), len(widths)
    if n % REPLICATES or n < 2 * REPLICATES:
        raise DomainError(
            f"n must be a multiple of {REPLICATES} and at least {2 * REPLICATES} for "
            f"sequence={sequence!r} ({REPLICATES} randomised replicates of n/{REPLICATES} "
            f"points), got {n}"
        )
    if sequence == "sobol":
        _check_sobol_dimension(d)
    size = n // REPLICATES
    estimates = []
    for _ in range(REPLICATES):
        points = _sobol(size, d, rng) if sequence == "sobol" else _shifted_halton(size, d, rng)
        estimates.append(volume * _average(f, points, lows, widths)[0])
    value = math.fsum(estimates) / REPLICATES
    spread = math.fsum((e - value) ** 2 for e in estimates) / (REPLICATES - 1)
    return MonteCarloResult(value, math.sqrt(spread / REPLICATES), n)
