"""Summing and integrating against a distribution: the machinery under expectations.

=======================  ==================================================================
``discrete_points``      the outcomes a sum over a discrete distribution must visit
``discrete_sum``         Σₓ term(x, p(x)) over the support, infinite tails included
``Frame`` / ``frame_of`` the standardised variable u = (x − median)/spread, and break points
``integrate_pieces``     ∫ f between the break points, by ``calculus.integrate``, to 10⁻¹²
``float_total``          Σ terms as a correctly rounded float (±inf beyond the range)
=======================  ==================================================================

``expectation.py`` (E[g(X)], the variance) and ``information.py`` (entropy, cross-entropy,
KL divergence) are sums and integrals of the same shape against a distribution; this module
is that shape, written once. Discrete sums are exact for rational masses and values, and an
infinite support is followed until the terms are below rounding; integrals are taken in the
standardised variable so that N(0, 10⁻⁸) and Exponential(10⁻⁸) are as accurate as N(0, 1).

>>> from scratchmath.probability import DiscreteUniform
>>> discrete_sum(DiscreteUniform(1, 6), lambda x, p: x * p)
Fraction(7, 2)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.discrete import Categorical, IntegerDistribution
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    DiscreteDistribution,
    Real,
    is_exact,
)
from scratchmath.scalars import REAL, accurate_sum, magnitude, to_float

__all__ = [
    "MAX_EXTRA_TERMS",
    "MAX_TERMS",
    "Frame",
    "discrete_points",
    "discrete_sum",
    "exact_or_float_total",
    "float_total",
    "frame_of",
    "integrate_pieces",
    "spread",
]

#: At most this many outcomes are summed (a DiscreteUniform(1, 10⁹) is refused, not hung on).
MAX_TERMS = 2_000_000

#: At most this many terms are added past the bulk of the mass before the sum is declared
#: divergent.
MAX_EXTRA_TERMS = 100_000

# Beyond the bulk of the mass, a sum stops after this many successive terms below
# 2⁻⁶⁰·|running total| (they are shrinking geometrically, with the probabilities).
_QUIET_RUN = 8


def exact_or_float_total(terms: list[Real]) -> Real:
    """Σ terms: exact when every term is an int or Fraction, else math.fsum (no rounding
    build-up however many terms)."""
    if all(is_exact(t) for t in terms):
        return sum(terms, Fraction(0))
    return float_total(terms)


def float_total(terms: list[Real]) -> float:
    """Σ terms as a float, correctly rounded; ±inf (never OverflowError) beyond the range."""
    return float(accurate_sum((to_float(t) for t in terms), REAL))


def discrete_points(dist: DiscreteDistribution) -> tuple[list[Any], bool]:
    """The outcomes a sum over ``dist`` must visit, and whether they are the whole support.

    A finite support with exact probabilities is visited whole, so the sum is exact. Else
    the bulk lo..hi of :meth:`significant_range` (the mass outside is provably below 10⁻²⁴)
    is visited, and the caller continues past it while the terms still matter.
    """
    if isinstance(dist, Categorical):
        return [x for x, p in dist.mapping.items() if p > 0], True
    if not isinstance(dist, IntegerDistribution):
        raise TypeError(f"cannot list the outcomes of {type(dist).__name__}")
    low, high = dist._low(), dist._high()
    if not math.isinf(high) and dist._is_exact() and high - low < MAX_TERMS:
        return list(range(low, int(high) + 1)), True
    lo, hi = dist.significant_range()
    if hi - lo >= MAX_TERMS:
        raise DomainError(f"{dist!r} has more than {MAX_TERMS} likely outcomes to sum over")
    return list(range(lo, hi + 1)), lo == low and hi == high


def discrete_sum(dist: DiscreteDistribution, term: Callable[[Any, Real], Real]) -> Real:
    """Σₓ term(x, p(x)) over the support of ``dist``.

    Finite supports are summed whole. Infinite (or huge) ones are summed over the bulk of the
    mass, then outward while the terms still matter: the sum stops after a run of terms below
    2⁻⁶⁰ of the total. For a term growing no faster than a polynomial times p(x) (every g of
    practical use) the rest is then below rounding; a term that does not shrink (E[2ˣ] for
    Geometric(1/2), which is infinite) runs into the bound and raises ConvergenceError.
    """
    points, whole = discrete_points(dist)
    terms = [term(x, dist.pmf(x)) for x in points]
    if whole:
        return exact_or_float_total(terms)
    assert isinstance(dist, IntegerDistribution)
    sides: list[tuple[int, int, float]] = [
        (points[-1] + 1, 1, dist._high()),
        (points[0] - 1, -1, dist._low()),
    ]
    for start, step, end in sides:
        if (step == 1 and start > end) or (step == -1 and start < end):
            continue
        quiet = 0
        k = start
        running = float_total([magnitude(value) for value in terms])
        for _ in range(MAX_EXTRA_TERMS):
            t = term(k, dist.pmf(k))
            terms.append(t)
            size = magnitude(t)
            running += size
            quiet = quiet + 1 if size <= 2.0**-60 * running else 0
            if quiet >= _QUIET_RUN or k == end:
                break
            k += step
        else:
            raise ConvergenceError(
                f"the sum over {dist!r} does not settle in {MAX_EXTRA_TERMS} terms past the "
                "bulk: the expectation seems infinite",
                iterations=MAX_EXTRA_TERMS,
                estimate=float_total(terms),
            )
    return float_total(terms)


# The continuous machinery: every integral is taken in the standardised variable
# u = (x − c)/s, with c the median and s the interquartile spread of the (first) distribution.
# Over u the bulk of the mass lies within a few units of 0 whatever the scale of X, so an
# integrator tuned to unit scales meets N(0, 10⁻⁴) and Exponential(10⁻⁵) alike.

#: The quantile levels at which the range of integration is split: every piece then holds a
#: well-scaled part of the mass (an adaptive rule over (−∞, ∞) could miss a bump at 10⁶).
_LEVELS = (0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999)

#: Below this spread the offsets x − c = s·u fall among the subnormal floats and lose their
#: digits: such a distribution is refused rather than integrated wrongly.
_NARROWEST = 2.0**-970


class Frame(NamedTuple):
    """The standardised variable u = (x − centre)/scale, and the break points of the
    integration in it (±inf for an infinite support)."""

    centre: float
    scale: float
    log_scale: float
    breaks: list[float]

    def log_density(self, dist: ContinuousDistribution, u: float) -> float:
        """log of the density of U = (X − centre)/scale at u: log s + log f(centre + s·u),
        with centre + s·u never rounded (see ``_logpdf_shifted``)."""
        return self.log_scale + dist._logpdf_shifted(self.centre, self.scale * u)


def spread(dist: ContinuousDistribution) -> float:
    """A width that holds the bulk of the mass: the interquartile range (or a wider one
    where the quartiles coincide in floats)."""
    for low, high in ((0.25, 0.75), (0.05, 0.95), (0.001, 0.999)):
        width = float(dist.ppf(high)) - float(dist.ppf(low))
        if 0.0 < width < math.inf:
            return width
    raise DomainError(f"{dist!r} has no spread that a float can hold")


def frame_of(
    dists: Sequence[ContinuousDistribution], within: ContinuousDistribution | None = None
) -> Frame:
    """The frame of the first of ``dists``, with breaks at the supports' ends and quantiles
    of every one of them (only those inside the support of ``within``, when given).

    Raises DomainError when the spread is too narrow (or too wide) for floats to resolve.
    """
    first = dists[0]
    centre = float(first.ppf(0.5))
    scale = spread(first)
    if scale < _NARROWEST:
        raise DomainError(
            f"{first!r} is too narrow to integrate in floats: its spread {scale:.3g} is "
            "below the spacing of the floats that would resolve it"
        )
    points: set[float] = set()
    lows, highs = [], []
    for dist in dists:
        low, high = (float(v) for v in dist.support())
        lows.append(low)
        highs.append(high)
        points.update((low, high))
        points.update(float(dist.ppf(level)) for level in _LEVELS)
    low, high = min(lows), max(highs)
    if within is not None:
        low, high = (float(v) for v in within.support())
    points.update((low, high))
    breaks = set()
    for x in points:
        if low <= x <= high:
            u = (x - centre) / scale
            if not math.isnan(u):
                breaks.add(u)
    return Frame(centre, scale, math.log(scale), sorted(breaks))


def _stretched(f: Callable[[float], float], start: float, w: float) -> Callable[[float], float]:
    """v ↦ |w|·f(start + w·v): f over [start, ±∞) as a function over [0, ∞) (w < 0 leftwards)."""
    width = abs(w)
    return lambda v: width * f(start + w * v)


def _absolute(f: Callable[[float], float]) -> Callable[[float], float]:
    return lambda x: abs(f(x))


def _finite_pieces(
    f: Callable[[float], float], breaks: list[float]
) -> list[tuple[Callable[[float], float], float, float]]:
    """The pieces [a, b] between the breaks, with an infinite piece [a, ∞) rewritten over
    v ∈ [0, ∞) by u = a + w·v, w the distance from the middle break to a.

    Why: the integrator maps [0, ∞) onto (0, 1] at unit scale; w carries the tail's own
    scale (how far out the outer quantiles lie), so a tail that decays over 10⁶ units
    (a wide q against a narrow p) is not seen as a spike at its start.
    """
    finite = [v for v in breaks if math.isfinite(v)]
    middle = finite[len(finite) // 2] if finite else 0.0
    pieces: list[tuple[Callable[[float], float], float, float]] = []
    for a, b in itertools.pairwise(breaks):
        if not a < b:
            continue
        if math.isinf(a) and math.isinf(b):
            pieces.append((f, a, b))
        elif math.isinf(b):
            pieces.append((_stretched(f, a, a - middle if a > middle else 1.0), 0.0, math.inf))
        elif math.isinf(a):
            pieces.append((_stretched(f, b, b - middle if b < middle else -1.0), 0.0, math.inf))
        else:
            pieces.append((f, a, b))
    return pieces


def integrate_pieces(f: Callable[[float], float], breaks: list[float]) -> float:
    """∫ f over the union of the pieces between the breaks, by calculus.integrate.

    The absolute tolerance must follow the size of f: an integral that is 0 by symmetry (or a
    density of height 10⁻²⁵⁰) has no relative accuracy to reach. So a cheap first pass
    measures S = ∫|f| to four digits, and the real pass asks for 10⁻¹² relative or 10⁻¹⁴·S
    absolute, whichever is looser. Should rounding still stall a piece, its estimate is
    accepted when the integrator's own error bound is below 10⁻¹¹·S.
    """
    from scratchmath.calculus import integrate  # layer 3, imported when first needed

    pieces = _finite_pieces(f, breaks)
    sizes = [integrate(_absolute(g), a, b, rel_tol=1e-4, abs_tol=1e-300) for g, a, b in pieces]
    scale: float = accurate_sum(sizes, REAL)
    if scale == 0.0:
        return 0.0
    if not math.isfinite(scale):
        return scale  # the integral overflows the floats (a variance beyond 10³⁰⁸, say)
    e = math.frexp(scale)[1]
    if not -400 <= e <= 400:
        # Integrate f·2⁻ᵉ, whose ∫|·| is near 1, and scale the result back: exact, and the
        # tolerance 10⁻¹⁴·S no longer underflows to 0 (E[10⁻³¹⁰·X] asked for abs_tol = 0)
        # nor do the integrator's weighted sums lose digits among the subnormal floats.
        pieces = [(_times_power_of_two(g, -e), a, b) for g, a, b in pieces]
        return math.ldexp(_integrate_scaled(pieces, math.ldexp(scale, -e)), e)
    return _integrate_scaled(pieces, scale)


def _times_power_of_two(f: Callable[[float], float], e: int) -> Callable[[float], float]:
    return lambda u: math.ldexp(f(u), e)


def _integrate_scaled(
    pieces: list[tuple[Callable[[float], float], float, float]], scale: float
) -> float:
    """Σ ∫ over the pieces to 10⁻¹² relative or 10⁻¹⁴·scale absolute (see integrate_pieces)."""
    from scratchmath.calculus import integrate  # layer 3, imported when first needed

    total = []
    for g, a, b in pieces:
        try:
            total.append(integrate(g, a, b, rel_tol=1e-12, abs_tol=1e-14 * scale))
        except ConvergenceError as exc:
            if not (isinstance(exc.estimate, float) and exc.error <= 1e-11 * scale):
                raise
            total.append(exc.estimate)
    result: float = accurate_sum(total, REAL)
    return result
