"""Integrals of a function of one variable: the teaching rules, then an adaptive integrator.

========================  ================================================================
``riemann_sum``           Σ f(ξᵢ)·Δx with ξᵢ the left end, right end or midpoint of each piece
``trapezoid``             the trapezoid rule: chords instead of steps, error O(Δx²)
``simpson``               Simpson's rule: parabolas through three points, error O(Δx⁴)
``IntegrationResult``     (value, error, evaluations): what an adaptive integration returns
``integrate_with_error``  ∫ₐᵇ f(x) dx with an error estimate (adaptive Gauss–Kronrod)
``integrate``             ∫ₐᵇ f(x) dx to a tolerance, as a float
``antiderivative``        F(x) = ∫ₐˣ f(t) dt, as a callable (the fundamental theorem)
========================  ================================================================

The integral is the signed area under the graph: the limit of Riemann sums as the pieces
shrink. The teaching rules *are* such sums; they converge, but slowly and blindly (the same
spacing everywhere). :func:`integrate` spends its evaluations where the function is hard:
it keeps a list of pieces, each with an estimate of its own error, and keeps splitting the
worst one, accelerating the convergence near singularities by extrapolation.

>>> riemann_sum(lambda x: x, 0.0, 1.0, 4)      # the area of a triangle of base 1, height 1
0.5
>>> simpson(lambda x: x ** 3, 0.0, 2.0, 2)     # exact for cubics: 2⁴/4 = 4
4.0
>>> round(integrate(lambda x: 1 / x ** 0.5, 0.0, 1.0), 10)   # a singularity at 0: 2√x
2.0
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable
from typing import NamedTuple, NoReturn

from scratchmath.calculus.derivatives import (
    RealFunction,
    as_float,
    evaluate,
    positive_float,
)
from scratchmath.checks import check_callable
from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import REAL, accurate_sum

__all__ = [
    "IntegrationResult",
    "antiderivative",
    "integrate",
    "integrate_with_error",
    "riemann_sum",
    "simpson",
    "trapezoid",
]

_TINY = 2.0**-1022


# --------------------------------------------------------------------------------------------
# The teaching rules: equal pieces, fixed n
# --------------------------------------------------------------------------------------------


def _check_pieces(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of subintervals n must be an int, got {type(n).__name__}")
    if n < 1:
        raise DomainError(f"the number of subintervals n must be at least 1, got {n}")
    return n


def _rule_arguments(f: object, a: object, b: object, n: object) -> tuple[float, float, int]:
    check_callable(f)
    return as_float(a, "a"), as_float(b, "b"), _check_pieces(n)


def _node(a: float, b: float, width: float, t: float, n: int) -> float:
    """The point a + t·Δx of the equal pieces, exactly b at t = n, without overflow.

    Near ±1.8e308, t·Δx itself can overflow though the point is a float; then the point is
    formed as the weighted mean a·(1 − t/n) + b·(t/n), whose terms cannot.
    """
    if t == n:
        return b
    point = a + t * width
    return point if math.isfinite(point) else a * (1 - t / n) + b * (t / n)


def _weighted_sum(terms: list[tuple[float, float]]) -> float:
    """Σ value·weight, correctly rounded, the weights (widths) applied before the sum.

    Weighting first keeps a sum of values near 1e308 from overflowing on the way to a
    finite area; a sum that overflows all the same saturates to ±inf, and one that would be
    ∞ − ∞ is a DomainError rather than a bare ValueError from ``math.fsum``.
    """
    total = accurate_sum([value * weight for value, weight in terms], REAL)
    if math.isnan(total):
        raise DomainError("the sum is undefined: f's weighted values reach both +inf and -inf")
    return float(total)


def riemann_sum(f: RealFunction, a: float, b: float, n: int, rule: str = "midpoint") -> float:
    """A Riemann sum of f over [a, b] with n equal pieces.

    Definition:   Σᵢ₌₀ⁿ⁻¹ f(ξᵢ)·Δx,  Δx = (b − a)/n,  ξᵢ = a + iΔx ("left"),
    a + (i + 1)Δx ("right") or a + (i + ½)Δx ("midpoint"). As n → ∞ it tends to ∫ₐᵇ f.
    The left and right sums have error O(Δx); the midpoint sum O(Δx²) (the error of a
    tangent-line approximation cancels on the two halves of each piece).

    >>> f = lambda x: x * x
    >>> riemann_sum(f, 0.0, 1.0, 2, "left"), riemann_sum(f, 0.0, 1.0, 2, "right")
    (0.125, 0.625)
    >>> riemann_sum(f, 0.0, 1.0, 2)        # (¼² + ¾²)/2 = 0.3125, near 1/3
    0.3125

    Raises:
        TypeError: if f is not callable, a bound is not a real number, or n is not an int.
        DomainError: if a bound is NaN or infinite, n < 1, or rule is not one of the three.
    """
    a, b, n = _rule_arguments(f, a, b, n)
    offsets = {"left": 0.0, "right": 1.0, "midpoint": 0.5}
    if rule not in offsets:
        raise DomainError(f"rule must be 'left', 'right' or 'midpoint', got {rule!r}")
    width = b / n - a / n  # not (b − a)/n, which overflows for bounds near ±1.8e308
    shift = offsets[rule]
    return _weighted_sum([(evaluate(f, _node(a, b, width, i + shift, n)), width) for i in range(n)])


def trapezoid(f: RealFunction, a: float, b: float, n: int) -> float:
    """The trapezoid rule with n equal pieces: replace f by its chords.

    Definition:   Δx·(f(x₀)/2 + f(x₁) + … + f(xₙ₋₁) + f(xₙ)/2),  xᵢ = a + iΔx, Δx = (b − a)/n.
    The error is −(b − a)·Δx²·f″(ξ)/12: halving Δx divides it by 4.

    >>> trapezoid(lambda x: x * x, 0.0, 1.0, 2)    # (0/2 + ¼ + 1/2)/2 = 0.375
    0.375

    Raises:
        TypeError: if f is not callable, a bound is not a real number, or n is not an int.
        DomainError: if a bound is NaN or infinite, or n < 1.
    """
    a, b, n = _rule_arguments(f, a, b, n)
    width = b / n - a / n  # not (b − a)/n, which overflows for bounds near ±1.8e308
    ends = [(evaluate(f, a), width / 2), (evaluate(f, b), width / 2)]
    return _weighted_sum(
        ends + [(evaluate(f, _node(a, b, width, i, n)), width) for i in range(1, n)]
    )


def simpson(f: RealFunction, a: float, b: float, n: int) -> float:
    """Simpson's rule with n (even) equal pieces: a parabola through each three points.

    Definition:   (Δx/3)·(f(x₀) + 4f(x₁) + 2f(x₂) + 4f(x₃) + … + 4f(xₙ₋₁) + f(xₙ)).
    It is exact for cubics, and its error −(b − a)·Δx⁴·f⁽⁴⁾(ξ)/180 is divided by 16 when Δx
    is halved.

    >>> simpson(lambda x: x * x, 0.0, 1.0, 2)      # exact: (0 + 4·¼ + 1)/6 = 1/3
    0.3333333333333333

    Raises:
        TypeError: if f is not callable, a bound is not a real number, or n is not an int.
        DomainError: if a bound is NaN or infinite, n < 1, or n is odd.
    """
    a, b, n = _rule_arguments(f, a, b, n)
    if n % 2:
        raise DomainError(f"Simpson's rule pairs the pieces, so n must be even, got {n}")
    width = b / n - a / n  # not (b − a)/n, which overflows for bounds near ±1.8e308
    weights = (width / 3, 4 * width / 3, 2 * width / 3)
    return _weighted_sum(
        [
            (evaluate(f, _node(a, b, width, i, n)), weights[0 if i in (0, n) else 2 - i % 2])
            for i in range(n + 1)
        ]
    )


# --------------------------------------------------------------------------------------------
# Gauss–Kronrod rules
# --------------------------------------------------------------------------------------------
# An n-point Gauss rule integrates polynomials of degree 2n − 1 exactly, the most any n
# points can. Kronrod added n + 1 points to it so that the 2n + 1 points together are exact
# to degree 3n + 1 while *reusing* the Gauss values: the difference between the two results
# then costs nothing extra and serves as the error estimate. The nodes and weights below are
# those of QUADPACK (Piessens, de Doncker-Kapenga, Überhuber, Kahaner, 1983), as computed in
# 80-digit arithmetic by L. W. Fullerton (Bell Labs, 1981); tests/calculus/test_integrals.py
# checks the degrees of exactness. Nodes are on [−1, 1], listed from the end towards 0 (the
# last one); the odd-indexed nodes (1, 3, …) are the Gauss nodes.

_K21_NODES = (
    0.995657163025808080735527280689003,
    0.973906528517171720077964012084452,
    0.930157491355708226001207180059508,
    0.865063366688984510732096688423493,
    0.780817726586416897063717578345042,
    0.679409568299024406234327365114874,
    0.562757134668604683339000099272694,
    0.433395394129247190799265943165784,
    0.294392862701460198131126603103866,
    0.148874338981631210884826001129720,
    0.0,
)
_K21_WEIGHTS = (
    0.011694638867371874278064396062192,
    0.032558162307964727478818972459390,
    0.054755896574351996031381300244580,
    0.075039674810919952767043140916190,
    0.093125454583697605535065465083366,
    0.109387158802297641899210590325805,
    0.123491976262065851077958109831074,
    0.134709217311473325928054001771707,
    0.142775938577060080797094273138717,
    0.147739104901338491374841515972068,
    0.149445554002916905664936468389821,
)
_G10_WEIGHTS = (  # at the nodes _K21_NODES[1], [3], [5], [7], [9]
    0.066671344308688137593568809893332,
    0.149451349150580593145776339657697,
    0.219086362515982043995534934228163,
    0.269266719309996355091226921569469,
    0.295524224714752870173892994651338,
)
_K15_NODES = (
    0.991455371120812639206854697526329,
    0.949107912342758524526189684047851,
    0.864864423359769072789712788640926,
    0.741531185599394439863864773280788,
    0.586087235467691130294144838258730,
    0.405845151377397166906606412076961,
    0.207784955007898467600689403773245,
    0.0,
)
_K15_WEIGHTS = (
    0.022935322010529224963732008058970,
    0.063092092629978553290700663189204,
    0.104790010322250183839876322541518,
    0.140653259715525918745189590510238,
    0.169004726639267902826583426598550,
    0.190350578064785409913256402421014,
    0.204432940075298892414161999234649,
    0.209482141084727828012999174891714,
)
_G7_WEIGHTS = (  # at _K15_NODES[1], [3], [5] and the centre [7]
    0.129484966168869693270611432679082,
    0.279705391489276667901467771423780,
    0.381830050505118944950369775488975,
    0.417959183673469387755102040816327,
)


class _Rule(NamedTuple):
    """A Gauss–Kronrod pair: Kronrod nodes and weights, and the Gauss weights, on [−1, 1]."""

    nodes: tuple[float, ...]
    kronrod: tuple[float, ...]
    gauss: tuple[float, ...]
    #: Whether the centre node 0 is also a Gauss node (true for G7, false for G10).
    centre_is_gauss: bool


_GK21 = _Rule(_K21_NODES, _K21_WEIGHTS, _G10_WEIGHTS, False)
_GK15 = _Rule(_K15_NODES, _K15_WEIGHTS, _G7_WEIGHTS, True)

#: The rules under public names, for calculus.multiple: it applies them to integrands whose
#: values are inner integrals carrying errors of their own, so it needs the weights themselves.
#: One table, two users: the nodes are written down once, here.
GaussKronrodRule = _Rule
GK21 = _GK21
GK15 = _GK15


class _Piece(NamedTuple):
    """One piece [lo, hi] of the range with its Kronrod value and error estimate."""

    lo: float
    hi: float
    value: float
    error: float
    magnitude: float  # ∫|f| over the piece (the Kronrod estimate), to judge rounding
    spread: float  # ∫|f − mean| over the piece: how much f varies on it
    difference: float  # |Kronrod − Gauss|, the raw error estimate before QUADPACK's rescaling
    low: float  # the least and greatest value of g at the nodes: the levels of a jump
    high: float
    samples: tuple[float, ...] = ()  # g at the rule's nodes, in the order of _node_list
    probed: bool = False  # whether _probe has checked the piece between its nodes


def _apply_rule(g: Callable[[float], float], rule: _Rule, lo: float, hi: float) -> _Piece:
    """The Kronrod value of ∫ g over [lo, hi] and QUADPACK's error estimate for it.

    The raw estimate |K − G| is pessimistic for smooth g (K is far better than G), so it is
    rescaled as in QUADPACK: ρ·min(1, (200·|K − G|/ρ)^1.5), where ρ = ∫|g − mean| measures
    the variation of g on the piece; it is never allowed below 50ε·∫|g| (rounding).
    """
    centre, half = 0.5 * lo + 0.5 * hi, 0.5 * hi - 0.5 * lo  # no overflow near ±1.8e308
    nodes, kronrod, gauss = rule.nodes, rule.kronrod, rule.gauss
    f_centre = g(centre)
    pairs = [(g(centre - half * x), g(centre + half * x)) for x in nodes[:-1]]
    k_sum = kronrod[-1] * f_centre
    g_sum = gauss[-1] * f_centre if rule.centre_is_gauss else 0.0
    abs_sum = kronrod[-1] * abs(f_centre)
    for j, (left, right) in enumerate(pairs):
        k_sum += kronrod[j] * (left + right)
        abs_sum += kronrod[j] * (abs(left) + abs(right))
        if j % 2:
            g_sum += gauss[j // 2] * (left + right)
    mean = 0.5 * k_sum
    spread = kronrod[-1] * abs(f_centre - mean) + sum(
        w * (abs(left - mean) + abs(right - mean))
        for w, (left, right) in zip(kronrod, pairs, strict=False)
    )
    value = k_sum * half
    magnitude = abs_sum * abs(half)
    spread *= abs(half)
    error = difference = abs((k_sum - g_sum) * half)
    if spread != 0 and error != 0:
        error = spread * min(1.0, (200 * error / spread) ** 1.5)
    if magnitude > _TINY / (50 * _EPS):
        error = max(50 * _EPS * magnitude, error)
    if not math.isfinite(value) or not math.isfinite(error):
        raise DomainError(
            f"the integrand's values overflow on the piece [{lo!r}, {hi!r}]: no finite integral"
        )
    low = min(f_centre, *(min(pair) for pair in pairs))
    high = max(f_centre, *(max(pair) for pair in pairs))
    samples = (f_centre, *(y for pair in pairs for y in pair))
    return _Piece(lo, hi, value, error, magnitude, spread, difference, low, high, samples)


# --------------------------------------------------------------------------------------------
# The probe: a denser sample of a piece before its error estimate is believed
# --------------------------------------------------------------------------------------------


def _node_list(rule: _Rule) -> tuple[float, ...]:
    """The rule's nodes on [−1, 1] in the order _apply_rule stores the samples: 0, ∓x₀, …"""
    return (0.0, *(t for x in rule.nodes[:-1] for t in (-x, x)))


@functools.cache
def _probe_table(rule: _Rule) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    """(nodes, barycentric weights, probe points) of a rule, computed once.

    The weights wⱼ = 1/Πₖ₍ₖ≠ⱼ₎(xⱼ − xₖ) give the polynomial through the samples at a point t
    as Σ wⱼyⱼ/(t − xⱼ) / Σ wⱼ/(t − xⱼ) (the barycentric formula: O(n) per point, and stable).
    The probes sit halfway between the centre and its neighbours, in the widest gaps of the
    Gauss–Kronrod nodes (which crowd towards the ends of the piece).
    """
    nodes = _node_list(rule)
    weights = tuple(1 / math.prod(x - y for y in nodes if y != x) for x in nodes)
    gap = min(abs(x) for x in nodes if x != 0)
    return nodes, weights, (-0.5 * gap, 0.5 * gap)


def _probe(g: Callable[[float], float], rule: _Rule, piece: _Piece) -> _Piece:
    """The piece with its error estimate checked by two more values of g between its nodes.

    The Kronrod–Gauss difference can vanish by coincidence: ⌊x⌋ on [0, 2.875] has jumps at
    relative positions 0.348 and 0.696, where the two rules agree to 1e−14 while both are off
    by 0.125. No rule sees what falls between its nodes; a denser sample can. The polynomial
    through the piece's 21 (or 15) samples predicts g at the probes; for a smooth g it is
    right to rounding, for a jump or a kink hidden between the nodes it rings, and the
    misprediction d, times the width, is a size of error the piece may hide. The piece's
    error becomes at least that, so bisection goes on where the sample shows it must.
    """
    nodes, weights, probes = _probe_table(rule)
    centre, half = 0.5 * piece.lo + 0.5 * piece.hi, 0.5 * piece.hi - 0.5 * piece.lo
    # Work with g·2⁻ᵉ, its largest sample in [½, 1): no sum below can overflow.
    e = math.frexp(max(map(abs, piece.samples)))[1]
    samples = [math.ldexp(y, -e) for y in piece.samples]
    misprediction = 0.0
    for t in probes:
        terms = [w / (t - x) for w, x in zip(weights, nodes, strict=True)]
        predicted = math.fsum(c * y for c, y in zip(terms, samples, strict=True))
        predicted /= math.fsum(terms)
        probe = math.ldexp(g(centre + half * t), -e)
        misprediction = max(misprediction, abs(probe - predicted))
    hidden = misprediction * (piece.hi - piece.lo)
    error = piece.error if hidden == 0 else max(piece.error, _scaled_up(hidden, e))
    return piece._replace(error=error, probed=True)


def _scaled_up(x: float, e: int) -> float:
    """x·2ᵉ, saturating at the largest float (an error bar, so never inf)."""
    try:
        return math.ldexp(x, e)
    except OverflowError:
        return sys.float_info.max


# --------------------------------------------------------------------------------------------
# Wynn's epsilon algorithm: the limit of a slowly converging sequence
# --------------------------------------------------------------------------------------------


class _WynnEpsilon:
    """Wynn's ε-algorithm applied to the sequence of running totals S₀, S₁, S₂, ….

    Near an endpoint singularity such as 1/√x, each bisection of the piece next to it changes
    the total by amounts that shrink geometrically, so the totals behave like
    S + c₁q₁ⁿ + c₂q₂ⁿ + …. Shanks' transformation removes those terms one by one; Wynn's
    rhombus rule computes it stably:  ε₋₁⁽ⁿ⁾ = 0, ε₀⁽ⁿ⁾ = Sₙ,
    εₖ₊₁⁽ⁿ⁾ = εₖ₋₁⁽ⁿ⁺¹⁾ + 1/(εₖ⁽ⁿ⁺¹⁾ − εₖ⁽ⁿ⁾); the even columns ε₂, ε₄, … estimate the limit.
    This is the acceleration of QUADPACK's QAGS, and what lets √x, 1/√x and log x on [0, 1]
    reach full accuracy in a few hundred evaluations instead of never.

    Only the newest ascending diagonal εₖ⁽ᴺ⁻ᵏ⁾ is stored; a new total extends it. As in
    QUADPACK, a limit is trusted only from the fourth one on, and its error estimate is its
    distance to the three limits before it (a cautious measure: it is large while the limits
    still move).
    """

    __slots__ = ("_diagonal", "_limits")

    #: Columns kept; the deepest ones rest on the oldest, least accurate totals.
    _DEPTH = 49

    def __init__(self) -> None:
        self._diagonal: list[float] = []
        self._limits: list[float] = []

    def add(self, total: float) -> tuple[float, float]:
        """Append a running total; return (extrapolated limit, its error estimate)."""
        old = self._diagonal
        new = [total]
        limit, table_error = total, math.inf
        for k, older in enumerate(old):
            difference = new[k] - older
            if abs(difference) <= _EPS * max(abs(new[k]), abs(older)):
                # An extrapolated (even, k ≥ 2) column that stopped moving is the limit; two
                # equal plain totals (k = 0) prove nothing: a round may leave the total
                # unchanged without touching the piece that holds the error.
                if k % 2 == 0 and k > 0:
                    self._diagonal = new
                    limit = new[k]
                    return limit, max(abs(difference), 5 * _EPS * abs(limit))
                break
            entry = (old[k - 1] if k else 0.0) + 1 / difference
            if not math.isfinite(entry):
                break
            new.append(entry)
            if k % 2 == 1:  # column k + 1 is even: an estimate of the limit
                below, below_older = new[k - 1], old[k - 1]
                error = abs(entry - below) + abs(below - below_older)
                if error < table_error:
                    limit, table_error = entry, error
        self._diagonal = new[: self._DEPTH]
        limits = self._limits
        limits.append(limit)
        if len(limits) < 4:
            return limit, math.inf
        del limits[0]
        error = math.fsum(abs(limit - previous) for previous in limits[:3])
        return limit, max(error, 5 * _EPS * abs(limit))

    def __len__(self) -> int:
        return len(self._diagonal)


# --------------------------------------------------------------------------------------------
# The globally adaptive integrator (QUADPACK's QAGS strategy): mechanism, then policy
# --------------------------------------------------------------------------------------------


#: The ε-algorithm's own error estimate (the spread of its last limits) is trusted only
#: after this safety factor: at a kink inside the range (|sin x| say), where the totals do
#: not follow its model, the limits can agree with each other better than with the truth.
_EXTRAPOLATION_SAFETY = 4.0


def _halves(
    g: Callable[[float], float], rule: _Rule, parent: _Piece, middle: float
) -> tuple[_Piece, _Piece]:
    """The two halves of ``parent``, their error estimates checked against the bisection.

    Bisection is a denser sample of the parent: the change d = |parent − (left + right)| is
    about the parent's true error. When the parent's own Kronrod–Gauss difference was of
    that size too, the Kronrod rule was no better than the Gauss rule there: f is not smooth
    on this scale (a kink, a jump), and QUADPACK's rescaled estimate, which assumes
    smoothness, can be far too small (|sin 17x| on [0, 7]: 4e−10 claimed, 6e−7 true). Then
    each half is given at least d/2, which its own bisection confirms or refutes.
    """
    left = _apply_rule(g, rule, parent.lo, middle)
    right = _apply_rule(g, rule, middle, parent.hi)
    change = abs(parent.value - (left.value + right.value))
    if change > _ROUGH * parent.difference and change > left.error + right.error:
        floor = 0.5 * change
        left = left._replace(error=max(left.error, floor))
        right = right._replace(error=max(right.error, floor))
    return left, right


#: A bisection that changes the value by more than this fraction of the parent's
#: Kronrod–Gauss difference shows that the Kronrod rule was not much better than the Gauss
#: rule: f is not smooth on the parent's scale.
_ROUGH = 0.1


class _Outcome(NamedTuple):
    value: float
    error: float
    pieces: int
    failure: str  # empty when the tolerance was reached
    where: tuple[float, float]  # the last piece bisected, to name a trouble spot


class _Bisection:
    """Plain worst-piece bisection: the mechanism under the adaptive integrator.

    It keeps the pieces of [lo, hi], each with its value and error estimate, the running
    total and the sum of the errors, and on request splits the piece with the largest error
    (among those wider than a given width, when one is given). Nothing here decides when to
    stop or whether to extrapolate: that policy is :func:`_adaptive`'s.
    """

    __slots__ = ("error_sum", "g", "last", "pieces", "rule", "total")

    def __init__(self, g: Callable[[float], float], rule: _Rule, first: _Piece) -> None:
        self.g, self.rule = g, rule
        self.pieces = [first]
        self.total, self.error_sum = first.value, first.error
        self.last = (first.lo, first.hi)  # the last piece split: where the trouble is

    def split_worst(self, wider_than: float | None = None) -> tuple[_Piece, _Piece, _Piece]:
        """Bisect the piece with the largest error; return (parent, left half, right half)."""
        pieces = self.pieces
        candidates: list[int] | range = range(len(pieces))
        if wider_than is not None:
            candidates = [i for i in candidates if pieces[i].hi - pieces[i].lo > wider_than]
            candidates = candidates or range(len(pieces))
        index = max(candidates, key=lambda i: pieces[i].error)
        parent = pieces[index]
        left, right = _halves(self.g, self.rule, parent, 0.5 * parent.lo + 0.5 * parent.hi)
        pieces[index] = left
        pieces.append(right)
        self.total += left.value + right.value - parent.value
        self.error_sum += left.error + right.error - parent.error
        self.last = (parent.lo, parent.hi)
        return parent, left, right

    def probe(self, wider_than: float = 0.0) -> None:
        """Probe every piece wider than ``wider_than`` not probed yet (see :func:`_probe`),
        raising the error of those whose samples hide something, and the error sum with it."""
        pieces = self.pieces
        for i, piece in enumerate(pieces):
            if not piece.probed and piece.hi - piece.lo > wider_than:
                pieces[i] = _probe(self.g, self.rule, piece)
                self.error_sum += pieces[i].error - piece.error

    def worst_is_wider_than(self, width: float) -> bool:
        """Whether the piece with the largest error is wider than ``width``."""
        worst = max(self.pieces, key=lambda p: p.error)
        return worst.hi - worst.lo > width

    def outcome(self, count: int, failure: str) -> _Outcome:
        """The plain (not extrapolated) result: the correctly rounded sum of the pieces."""
        value = math.fsum(p.value for p in self.pieces)
        return _Outcome(value, self.error_sum, count, failure, self.last)


class _RoundoffWatch:
    """QUADPACK's rounding watch: bisections that stop helping, counted by kind.

    A bisection *stalls* when the halves change neither the value (to 1e−5) nor the error
    (it stays above 99% of the parent's): rounding, not truncation, sets the error there.
    It *rises* when the halves claim more error than their parent did.
    """

    __slots__ = ("rises", "stalls", "stalls_while_extrapolating")

    def __init__(self) -> None:
        self.stalls = self.stalls_while_extrapolating = self.rises = 0

    def record(
        self, parent: _Piece, left: _Piece, right: _Piece, count: int, extrapolating: bool
    ) -> None:
        if left.spread == left.error or right.spread == right.error:
            return  # a half whose error is its whole variation: unresolved, not rounding
        halves, halves_error = left.value + right.value, left.error + right.error
        if abs(parent.value - halves) <= 1e-5 * abs(halves) and halves_error >= 0.99 * parent.error:
            if extrapolating:
                self.stalls_while_extrapolating += 1
            else:
                self.stalls += 1
        if count > 10 and halves_error > parent.error:
            self.rises += 1

    def failed(self) -> bool:
        return self.stalls + self.stalls_while_extrapolating >= 10 or self.rises >= 20

    def stalled(self) -> bool:
        """Rounding already stalls the extrapolated phase: its error must be allowed for."""
        return self.stalls_while_extrapolating >= 5


class _JumpWatch:
    """Whether the trouble spot is a jump of f, where extrapolation must not be trusted.

    Wynn's ε-algorithm assumes the running totals approach their limit like a sum of
    geometric terms, as they do next to an integrable singularity. Next to a jump the
    totals' changes follow the binary digits of the jump's position: for a while they can be
    exactly geometric (a jump near 5/6 = 0.110101…₂ halves them with alternating sign) and
    the algorithm returns that pattern's limit with a tiny error estimate, wrong by 2e−4.
    Bisection alone converges at a jump (the piece's error halves with its width), so the
    extrapolation is switched off once the piece being split keeps the same two levels of f
    (the least and greatest node values) as its parent, twice in a row: f is bounded and
    discontinuous there. Singularities change the levels (log x, 1/√x grow without bound,
    √x and |x| flatten), so they keep the extrapolation.
    """

    __slots__ = ("previous", "seen")

    def __init__(self) -> None:
        self.previous: _Piece | None = None
        self.seen = 0

    def record(self, parent: _Piece, left: _Piece, right: _Piece) -> bool:
        """Note a bisection; True once a jump has been seen twice in a row."""
        worse = left if left.error >= right.error else right
        levels = parent.high - parent.low
        same_levels = (
            levels > 0
            and abs(worse.high - parent.high) <= 1e-3 * levels
            and abs(worse.low - parent.low) <= 1e-3 * levels
        )
        self.seen = self.seen + 1 if same_levels and parent is self.previous else 0
        self.previous = worse
        return self.seen >= 2


class _Extrapolation:
    """The extrapolation step: feed the running total to Wynn's ε-algorithm, keep the best.

    ``target`` is the tolerance an extrapolated value must meet; ``best`` and ``best_error``
    the best limit so far, and ``large_error_at_best`` the error then left on the large
    pieces (added to the best error if rounding stalls the run).
    """

    __slots__ = (
        "abs_tol",
        "best",
        "best_error",
        "large_error_at_best",
        "rel_tol",
        "since_improvement",
        "table",
        "target",
    )

    def __init__(self, total: float, target: float, abs_tol: float, rel_tol: float) -> None:
        self.table = _WynnEpsilon()
        self.table.add(total)
        self.best, self.best_error, self.large_error_at_best = total, math.inf, 0.0
        self.target, self.abs_tol, self.rel_tol = target, abs_tol, rel_tol
        self.since_improvement = 0

    def step(self, total: float, error_sum: float, large_error: float) -> tuple[bool, bool]:
        """Extrapolate once more; return (accepted, stuck: no improvement for a while)."""
        limit, limit_error = self.table.add(total)
        limit_error *= _EXTRAPOLATION_SAFETY
        self.since_improvement += 1
        stuck = self.since_improvement > 5 and self.best_error < 1e-3 * error_sum
        if limit_error <= self.target and abs(limit - self.best) <= self.target:
            # Two extrapolations in a row agree within the tolerance: accept. (One alone can
            # be fooled when the error sits at a kink rather than a true singularity.)
            self.best_error = max(limit_error, abs(limit - self.best))
            self.best, self.large_error_at_best = limit, large_error
            return True, stuck
        if limit_error < self.best_error:
            self.since_improvement = 0
            self.best, self.best_error, self.large_error_at_best = limit, limit_error, large_error
            self.target = max(self.abs_tol, self.rel_tol * abs(limit))
        return False, stuck


def _first_piece_outcome(first: _Piece, tolerance: float, max_pieces: int) -> _Outcome | None:
    """The answer from the first rule alone, when it settles the matter; else None."""
    where = (first.lo, first.hi)
    if first.error <= 100 * _EPS * first.magnitude and first.error > tolerance:
        return _Outcome(first.value, first.error, 1, "roundoff", where)
    if (first.error <= tolerance and first.error != first.spread) or first.error == 0:
        return _Outcome(first.value, first.error, 1, "", where)
    if max_pieces <= 1:
        return _Outcome(first.value, first.error, 1, "budget", where)
    return None


def _adaptive(
    g: Callable[[float], float],
    rule: _Rule,
    lo: float,
    hi: float,
    abs_tol: float,
    rel_tol: float,
    max_pieces: int,
    extrapolate: bool = True,
) -> _Outcome:
    """∫ g over [lo, hi] by worst-piece bisection, extrapolated by Wynn's ε-algorithm.

    Longer than a screen because it is QUADPACK's QAGS policy in one loop (the mechanisms
    are _Bisection, _RoundoffWatch, _Extrapolation, _WynnEpsilon): always bisect the piece
    with the largest error. When the piece to bisect next is already among the smallest
    (width ≤ ``small``), the error is concentrated at a point, typically a singularity:
    first bisect the *larger* pieces until their error is below the target, then take one
    extrapolation step, and halve ``small``. Before either result is believed, the pieces
    it rests on are probed between their nodes (``_Bisection.probe``); a piece that hid
    something is bisected further. With ``extrapolate=False`` it is plain bisection,
    without the extrapolation and the rounding tests.
    """
    first = _apply_rule(g, rule, lo, hi)
    tolerance = max(abs_tol, rel_tol * abs(first.value))
    if first.error <= tolerance:
        first = _probe(g, rule, first)
    early = _first_piece_outcome(first, tolerance, max_pieces)
    if early is not None:
        return early
    state = _Bisection(g, rule, first)
    watch, jumps = _RoundoffWatch(), _JumpWatch()
    extrapolation = _Extrapolation(first.value, tolerance, abs_tol, rel_tol)
    small = large_error = 0.0  # the width below which pieces count as small; their error
    extrapolating, use_extrapolation = False, extrapolate
    failure, count = "", 1
    while count < max_pieces:
        count += 1
        parent, left, right = state.split_worst(small if extrapolating else None)
        watch.record(parent, left, right, count, extrapolating)
        if use_extrapolation and jumps.record(parent, left, right):
            use_extrapolation = False  # a jump: bisection converges; extrapolation may lie
            extrapolation.best_error = math.inf
        failure = _failure(state, watch, extrapolate, count, max_pieces, parent) or failure
        if state.error_sum <= max(abs_tol, rel_tol * abs(state.total)):
            state.probe()  # before the estimate is believed, a denser sample
            if state.error_sum <= max(abs_tol, rel_tol * abs(state.total)):
                return state.outcome(count, "")
            extrapolating = False  # a piece hid a feature: bisect it first
        if failure:
            break
        if count == 2:
            small, large_error = abs(hi - lo) * 0.375, state.error_sum
            extrapolation.target = max(abs_tol, rel_tol * abs(state.total))
            extrapolation.table.add(state.total)
            continue
        if not use_extrapolation:
            continue
        large_error -= parent.error
        if left.hi - left.lo > small:
            large_error += left.error + right.error
        if not extrapolating:
            if state.worst_is_wider_than(small):
                continue
            extrapolating = True
        large_left = any(p.hi - p.lo > small for p in state.pieces)
        if not watch.stalled() and large_error > extrapolation.target and large_left:
            continue  # first bisect the large pieces whose error still counts
        accepted, stuck = extrapolation.step(state.total, state.error_sum, large_error)
        failure = failure or ("extrapolation" if stuck else "")
        if accepted:
            before = state.error_sum
            state.probe(small)  # the large pieces, whose error the limit assumes is settled
            if state.error_sum - before <= extrapolation.target:
                break
            large_error += state.error_sum - before
            extrapolation.best_error = math.inf  # that limit assumed a false error
            extrapolating = False
            continue
        if len(extrapolation.table) == 1:
            use_extrapolation = False
        if failure:
            break
        extrapolating, small, large_error = False, small * 0.5, state.error_sum
    return _choose(state, extrapolation, watch, failure, count, first)


def _failure(
    state: _Bisection,
    watch: _RoundoffWatch,
    extrapolate: bool,
    count: int,
    max_pieces: int,
    parent: _Piece,
) -> str:
    """Why the run must stop after this bisection ("" if it may go on)."""
    middle = 0.5 * parent.lo + 0.5 * parent.hi
    scale = max(abs(parent.lo), abs(parent.hi))
    if scale <= (1 + 100 * _EPS) * (abs(middle) + 1000 * _TINY):
        return "tiny"  # a piece as narrow as the floats allow still has a large error
    if count == max_pieces:
        return "budget"
    if extrapolate and watch.failed():
        return "roundoff"
    return ""


def _choose(
    state: _Bisection,
    extrapolation: _Extrapolation,
    watch: _RoundoffWatch,
    failure: str,
    count: int,
    first: _Piece,
) -> _Outcome:
    """Choose between the extrapolated value and the plain sum, as QAGS does, and distrust
    an extrapolation that contradicts the plain sum's own error bar or suggests divergence."""
    best, best_error, total, error_sum = (
        extrapolation.best,
        extrapolation.best_error,
        state.total,
        state.error_sum,
    )
    if best_error == math.inf:
        return state.outcome(count, failure or "budget")
    if failure or watch.stalled():
        if watch.stalled():
            best_error += extrapolation.large_error_at_best
        failure = failure or "roundoff"
        if best == 0 or total == 0:
            if best_error > error_sum:
                return state.outcome(count, failure)
            if total == 0:
                return _Outcome(best, best_error, count, failure, state.last)
    if best != 0 and total != 0 and best_error / abs(best) > error_sum / abs(total):
        return state.outcome(count, failure)
    if abs(best - total) > error_sum + best_error:
        # The plain sum carries its own error bar (each piece's estimate); an extrapolated
        # value outside it contradicts that evidence: the totals converged irregularly
        # (jumps off the bisection grid) and the ε-algorithm agreed with itself on a wrong
        # limit. Distrust it.
        return state.outcome(count, failure or "extrapolation")
    # Divergence test: the extrapolated and plain values should be of one size and sign.
    one_signed = abs(first.value) >= (1 - 50 * _EPS) * first.magnitude
    if one_signed or max(abs(best), abs(total)) > 0.01 * first.magnitude:
        ratio = best / total if total != 0 else math.inf
        if ratio < 0.01 or ratio > 100 or error_sum > abs(total):
            failure = "divergent"
    return _Outcome(best, best_error, count, failure, state.last)


# --------------------------------------------------------------------------------------------
# The public integrator
# --------------------------------------------------------------------------------------------


class IntegrationResult(NamedTuple):
    """The outcome of an adaptive integration: the value, its error estimate, the cost.

    ``error`` estimates |value − ∫ₐᵇ f| (cautiously: it is meant to be an upper bound);
    ``evaluations`` counts the calls of f.

    >>> IntegrationResult(2.0, 1e-14, 21).value
    2.0
    """

    value: float
    error: float
    evaluations: int


#: The default budget of evaluations of f: about 1200 pieces of 21 points.
_DEFAULT_BUDGET = 50_000


class _Counted:
    """g, counting its calls (the rules' and the probes')."""

    __slots__ = ("calls", "g")

    def __init__(self, g: Callable[[float], float]) -> None:
        self.g, self.calls = g, 0

    def __call__(self, x: float) -> float:
        self.calls += 1
        return self.g(x)


def _checked(f: RealFunction) -> Callable[[float], float]:
    """f as a float-valued function that refuses NaN and ±inf, naming the point."""

    def g(x: float) -> float:
        y = evaluate(f, x)
        if y - y != 0:  # NaN or ±inf (the cheapest test: inf − inf is NaN)
            raise DomainError(f"the integrand is {y} at x = {x!r}: no finite integral there")
        return y

    return g


def _integrand(
    f: RealFunction, a: float, b: float
) -> tuple[Callable[[float], float], int, _Rule, float, float]:
    """What the adaptive integrator integrates: (g, calls of f per call of g, rule, lo, hi).

    A finite range keeps f (checked) and the 21-point rule; an infinite one is mapped onto
    (0, 1] (see :func:`_transformed`) and uses the 15-point rule, whose nodes avoid t = 0.
    """
    if math.isinf(a) or math.isinf(b):
        g, calls = _transformed(f, a, b)
        return g, calls, _GK15, 0.0, 1.0
    return _checked(f), 1, _GK21, a, b


def _transformed(f: RealFunction, a: float, b: float) -> tuple[Callable[[float], float], int]:
    """An integrand on t ∈ (0, 1] equivalent to f on an infinite range, and its calls per t.

    x = a + (1 − t)/t maps (0, 1] onto [a, ∞) with dx = −dt/t², so
    ∫ₐ^∞ f(x) dx = ∫₀¹ f(a + (1 − t)/t)/t² dt; likewise for (−∞, b]; and ℝ folds onto [0, ∞)
    as f(x) + f(−x). The transformed integrand is usually singular at t = 0 (that is the
    infinity), which the extrapolation handles, and the Gauss nodes never touch t = 0.
    """
    g = _checked(f)
    if math.isinf(a) and math.isinf(b):
        return (lambda t: (g((1 - t) / t) + g((t - 1) / t)) / t / t), 2
    if math.isinf(b):
        return (lambda t: g(a + (1 - t) / t) / t / t), 1
    return (lambda t: g(b - (1 - t) / t) / t / t), 1


def integrate_with_error(
    f: RealFunction,
    a: float,
    b: float,
    *,
    rel_tol: float = 1e-10,
    abs_tol: float = 1e-12,
    max_evaluations: int = _DEFAULT_BUDGET,
) -> IntegrationResult:
    """∫ₐᵇ f(x) dx with an error estimate and the number of evaluations it cost.

    Definition:   ∫ₐᵇ f(x) dx = lim Σ f(ξᵢ)·Δxᵢ (the signed area); ∫ₐᵇ = −∫ᵦᵃ; a or b
    may be ±∞ (the limit of ∫ₐᴿ as R → ∞).

    How: the 21-point Gauss–Kronrod rule on each piece (15-point on an infinite range, after
    x = a + (1 − t)/t), bisecting the piece with the largest error until the errors sum below
    max(abs_tol, rel_tol·|∫|), with Wynn's ε-algorithm extrapolating near a singularity
    (QUADPACK's QAGS and QAGI); before an estimate is believed, f is sampled twice more
    between the nodes (where a jump or kink both rules missed shows). The result is returned
    only when the tolerance is reached, its error estimate then, on all but pathological
    integrands, at least the true error (a feature narrower than the nodes' spacing wherever
    it is sampled stays invisible to any such method). A rel_tol below 50ε ≈ 1.1e−14 is
    raised to it; ``max_evaluations`` bounds the calls of f (default 50 000, about 1200 pieces).

    >>> result = integrate_with_error(lambda x: x * x, 0.0, 3.0)   # x³/3 from 0 to 3 = 9
    >>> round(result.value, 12), result.evaluations     # 21 nodes and 2 probes
    (9.0, 23)
    >>> result.error < 1e-12
    True

    Raises:
        TypeError: if f is not callable, a bound or tolerance is not a real number, or f
            returns something other than a real number.
        DomainError: if a bound is NaN, a tolerance ≤ 0, max_evaluations is too small for
            one rule, or f returns NaN or ±inf inside the range.
        ConvergenceError: if the tolerance cannot be reached — the integral seems to diverge
            (1/x on [0, 1]), rounding stalls it, or the budget runs out. It carries the best
            ``estimate``, its ``error`` and the evaluations spent as ``iterations``.
    """
    check_callable(f)
    a, b = as_float(a, "a", allow_inf=True), as_float(b, "b", allow_inf=True)
    rel_tol = max(positive_float(rel_tol, "rel_tol"), 50 * _EPS)
    abs_tol = positive_float(abs_tol, "abs_tol")
    if isinstance(max_evaluations, bool) or not isinstance(max_evaluations, int):
        raise TypeError(f"max_evaluations must be an int, got {type(max_evaluations).__name__}")
    if a == b:
        return IntegrationResult(0.0, 0.0, 0)
    if a > b:
        flipped = integrate_with_error(
            f, b, a, rel_tol=rel_tol, abs_tol=abs_tol, max_evaluations=max_evaluations
        )
        return IntegrationResult(-flipped.value, flipped.error, flipped.evaluations)
    g, calls, rule, lo, hi = _integrand(f, a, b)
    max_pieces = _pieces_within(max_evaluations, calls, rule)
    counted = _Counted(g)
    outcome, _ = _adaptive_with_retry(counted, rule, lo, hi, abs_tol, rel_tol, max_pieces)
    evaluations = counted.calls * calls
    if not outcome.failure:
        return IntegrationResult(outcome.value, outcome.error, evaluations)
    _raise_unmet(outcome, a, b, max_evaluations, evaluations)


def _pieces_within(max_evaluations: int, calls: int, rule: _Rule) -> int:
    """The most pieces ``max_evaluations`` calls of f pay for (``calls`` per value of g); a
    DomainError if they do not pay for one application of the rule."""
    per_rule = calls * len(rule.kronrod) * 2 - calls
    if max_evaluations < per_rule:
        raise DomainError(
            f"max_evaluations = {max_evaluations} is below the {per_rule} evaluations of one rule"
        )
    # Each rule's piece may also be probed once (two more values): budget for both.
    return (max_evaluations // (per_rule + 2 * calls) + 1) // 2


def _adaptive_with_retry(
    g: Callable[[float], float],
    rule: _Rule,
    lo: float,
    hi: float,
    abs_tol: float,
    rel_tol: float,
    max_pieces: int,
) -> tuple[_Outcome, int]:
    """The adaptive integration, retried as plain bisection if its rounding or extrapolation
    tests gave up; the outcome (failure "" when the tolerance is met) and the rules spent."""
    outcome = _adaptive(g, rule, lo, hi, abs_tol, rel_tol, max_pieces)
    rules = 2 * outcome.pieces - 1
    reached = outcome.error <= max(abs_tol, rel_tol * abs(outcome.value))
    # QUADPACK's rounding flag is a warning: when the error estimate (which then includes the
    # extra allowance for rounding) still meets the tolerance, the value is good.
    if not outcome.failure or (outcome.failure == "roundoff" and reached):
        return outcome._replace(failure=""), rules
    if (
        outcome.failure in ("roundoff", "extrapolation", "divergent")
        and outcome.pieces < max_pieces
    ):
        # The rounding and extrapolation tests can be misled by kinks inside the range
        # (|g| of a smooth g), where a bisection briefly fails to lower the error, and the
        # ε-algorithm can extrapolate a slowly growing total to nonsense, which the
        # divergence test then rejects (1/(1 + x²) on [0, 1e6]). Plain adaptive bisection,
        # without extrapolation and those tests, handles both: try it with the budget left,
        # and keep it only if it reaches the tolerance.
        try:
            retry = _adaptive(
                g, rule, lo, hi, abs_tol, rel_tol, max_pieces - outcome.pieces, extrapolate=False
            )
        except DomainError:  # its pieces reached values that overflow: no better answer
            return outcome, rules
        rules += 2 * retry.pieces - 1
        if not retry.failure:
            return retry, rules
    return outcome, rules


def _raise_unmet(
    outcome: _Outcome, a: float, b: float, max_evaluations: int, evaluations: int
) -> NoReturn:
    """Raise the ConvergenceError that says why the tolerance was not reached, and where."""
    near = _location(outcome.where, a, b)
    reasons = {
        "budget": f"the budget of {max_evaluations} evaluations ran out",
        "roundoff": "rounding errors stop the error estimate from reaching the tolerance",
        "tiny": f"the integrand is too irregular (a non-integrable singularity?) {near}",
        "extrapolation": "the extrapolation does not settle",
        "divergent": f"the integral appears to diverge (a non-integrable singularity?) {near}",
    }
    raise ConvergenceError(
        f"∫ from {a!r} to {b!r} did not reach the tolerance: {reasons[outcome.failure]}; "
        f"best estimate {outcome.value!r} ± {outcome.error:.3g}",
        iterations=evaluations,
        estimate=outcome.value,
        error=outcome.error,
    )


def _location(where: tuple[float, float], a: float, b: float) -> str:
    """Describe the last piece bisected, in the variable x of the user's range."""
    lo, hi = where
    if math.isinf(a) or math.isinf(b):
        return "far out towards infinity" if lo == 0.0 else "on a finite part of the range"
    return f"near [{lo!r}, {hi!r}]"


def integrate(
    f: RealFunction,
    a: float,
    b: float,
    *,
    rel_tol: float = 1e-10,
    abs_tol: float = 1e-12,
    max_evaluations: int = _DEFAULT_BUDGET,
) -> float:
    """∫ₐᵇ f(x) dx, the signed area under f, to max(abs_tol, rel_tol·|∫|).

    Definition:   ∫ₐᵇ f(x) dx = lim_{n→∞} Σᵢ f(ξᵢ)·Δx  (Riemann); ∫ₐᵇ = −∫ᵦᵃ.

    The value of :func:`integrate_with_error`, which says how it is computed. a or b may be
    ±math.inf; integrable singularities at the ends (1/√x, log x) are fine.

    >>> import math
    >>> round(integrate(math.sin, 0.0, math.pi), 12)               # the arch of a sine
    2.0
    >>> round(integrate(lambda x: math.exp(-x * x), -math.inf, math.inf) ** 2, 12)   # π
    3.14159265359
    >>> round(integrate(lambda x: x, 1.0, 0.0), 12)                # a > b flips the sign
    -0.5

    Raises:
        TypeError: if f is not callable or a bound or tolerance is not a real number.
        DomainError: if a bound is NaN, a tolerance ≤ 0, or f returns NaN or ±inf.
        ConvergenceError: if the tolerance cannot be reached (a divergent integral such as
            1/x on [0, 1], or an exhausted budget); it carries the best estimate.
    """
    return integrate_with_error(
        f, a, b, rel_tol=rel_tol, abs_tol=abs_tol, max_evaluations=max_evaluations
    ).value


def antiderivative(f: RealFunction, a: float) -> Callable[[float], float]:
    """An antiderivative of f: the function F(x) = ∫ₐˣ f(t) dt, so that F′ = f and F(a) = 0.

    Definition:   F(x) = ∫ₐˣ f(t) dt. The fundamental theorem of calculus: if f is
    continuous, F′(x) = f(x); and ∫ₐᵇ f = F(b) − F(a) for any antiderivative F.

    Each call F(x) is one adaptive integration (:func:`integrate`).

    >>> F = antiderivative(lambda t: 2 * t, 0.0)    # F(x) = x²
    >>> round(F(3.0), 12)
    9.0

    Raises:
        TypeError: if f is not callable, a is not a real number (or F is called with one).
        DomainError: if a is NaN or infinite; F(x) raises what :func:`integrate` raises.
    """
    check_callable(f)
    a = as_float(a, "a")

    def primitive(x: float) -> float:
        return integrate(f, a, x)

    primitive.__doc__ = f"F(x) = ∫ f(t) dt from {a!r} to x."
    return primitive
