"""Expected value from its definition, and the law of large numbers that makes it observable.

=============================  ================================================================
name                           what it computes
=============================  ================================================================
``expectation(dist, g=None)``  E[g(X)] = Σ g(x)p(x), or ∫ g(x)f(x) dx, from the definition
``variance(dist)``             Var X = E[(X − E[X])²], from the definition
``running_mean(samples)``      the averages x̄₁, x̄₂, …, x̄ₙ of the first 1, 2, …, n samples
``law_of_large_numbers``       the running averages of n draws of a distribution
=============================  ================================================================

The expected value is the long-run average: the average of many independent draws settles
at E[X] (the law of large numbers). These functions compute it from the definition, never
from a family's closed form ``mean()`` — so each checks the other.

The essay's dice game: roll a die; on a 1 or a 2 win 300, otherwise lose 200. So
E[gain] = 300·(2/6) − 200·(4/6) = −100/3 per game: in the long run you lose.

>>> from scratchmath.probability import DiscreteUniform
>>> expectation(DiscreteUniform(1, 6), lambda x: 300 if x <= 2 else -200)
Fraction(-100, 3)
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.discrete import Categorical, _IntegerDistribution
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    DiscreteDistribution,
    Real,
    _exact,
)
from scratchmath.scalars import REAL, accurate_sum, magnitude, to_float

__all__ = ["expectation", "law_of_large_numbers", "running_mean", "variance"]

#: Below this an int total divides to a float without overflow (int / int rounds once).
_FLOAT_SAFE_INT = 2**1000

#: At most this many outcomes are summed (a DiscreteUniform(1, 10⁹) is refused, not hung on).
MAX_TERMS = 2_000_000

#: At most this many terms are added past the bulk of the mass before the sum is declared
#: divergent.
MAX_EXTRA_TERMS = 100_000

# Beyond the bulk of the mass, a sum stops after this many successive terms below
# 2⁻⁶⁰·|running total| (they are shrinking geometrically, with the probabilities).
_QUIET_RUN = 8


def _value(g: Callable[[Any], Any], x: Any) -> Real:
    """g(x), checked to be a real number (g's own exceptions pass through unchanged)."""
    y = g(x)
    if isinstance(y, bool) or not isinstance(y, int | float | Fraction):
        raise TypeError(f"g must return real numbers, got {type(y).__name__} {y!r} at x = {x!r}")
    if isinstance(y, float) and math.isnan(y):
        raise DomainError(f"g returned NaN at x = {x!r}")
    return y


def _weighted(y: Real, mass: Real, x: Any) -> Real:
    """The term y·p(x) of an expectation's sum; one beyond the float range means the sum is
    infinite or beyond 10³⁰⁸ (E[2ˣ] for Geometric(½)): a ConvergenceError, as documented."""
    try:
        return y * mass
    except OverflowError:
        raise ConvergenceError(
            f"the term g(x)·p(x) at x = {x!r} exceeds the float range: the expectation is "
            "infinite, or beyond 10³⁰⁸",
            estimate=math.inf,
        ) from None


def _identity(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, int | float | Fraction):
        raise TypeError(f"the outcomes must be numbers to average them, got {x!r}; pass g")
    return x


def _total(terms: list[Real]) -> Real:
    """Σ terms: exact when every term is an int or Fraction, else math.fsum (no rounding
    build-up however many terms)."""
    if all(_exact(t) for t in terms):
        return sum(terms, Fraction(0))
    return _float_total(terms)


def _float_total(terms: list[Real]) -> float:
    """Σ terms as a float, correctly rounded; ±inf (never OverflowError) beyond the range."""
    return float(accurate_sum((to_float(t) for t in terms), REAL))


def _discrete_points(dist: DiscreteDistribution) -> tuple[list[Any], bool]:
    """The outcomes a sum over ``dist`` must visit, and whether they are the whole support.

    A finite support with exact probabilities is visited whole, so the sum is exact. Else
    the bulk lo..hi of :meth:`significant_range` (the mass outside is provably below 10⁻²⁴)
    is visited, and the caller continues past it while the terms still matter.
    """
    if isinstance(dist, Categorical):
        return [x for x, p in dist.mapping.items() if p > 0], True
    if not isinstance(dist, _IntegerDistribution):
        raise TypeError(f"cannot list the outcomes of {type(dist).__name__}")
    low, high = dist._low(), dist._high()
    if not math.isinf(high) and dist._is_exact() and high - low < MAX_TERMS:
        return list(range(low, int(high) + 1)), True
    lo, hi = dist.significant_range()
    if hi - lo >= MAX_TERMS:
        raise DomainError(f"{dist!r} has more than {MAX_TERMS} likely outcomes to sum over")
    return list(range(lo, hi + 1)), lo == low and hi == high


def _discrete_sum(dist: DiscreteDistribution, term: Callable[[Any, Real], Real]) -> Real:
    """Σₓ term(x, p(x)) over the support of ``dist``.

    Finite supports are summed whole. Infinite (or huge) ones are summed over the bulk of the
    mass, then outward while the terms still matter: the sum stops after a run of terms below
    2⁻⁶⁰ of the total. For a term growing no faster than a polynomial times p(x) (every g of
    practical use) the rest is then below rounding; a term that does not shrink (E[2ˣ] for
    Geometric(1/2), which is infinite) runs into the bound and raises ConvergenceError.
    """
    points, whole = _discrete_points(dist)
    terms = [term(x, dist.pmf(x)) for x in points]
    if whole:
        return _total(terms)
    assert isinstance(dist, _IntegerDistribution)
    sides: list[tuple[int, int, float]] = [
        (points[-1] + 1, 1, dist._high()),
        (points[0] - 1, -1, dist._low()),
    ]
    for start, step, end in sides:
        if (step == 1 and start > end) or (step == -1 and start < end):
            continue
        quiet = 0
        k = start
        running = _float_total([magnitude(value) for value in terms])
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
                estimate=_float_total(terms),
            )
    return _float_total(terms)


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


class _Frame(NamedTuple):
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


def _spread(dist: ContinuousDistribution) -> float:
    """A width that holds the bulk of the mass: the interquartile range (or a wider one
    where the quartiles coincide in floats)."""
    for low, high in ((0.25, 0.75), (0.05, 0.95), (0.001, 0.999)):
        width = float(dist.ppf(high)) - float(dist.ppf(low))
        if 0.0 < width < math.inf:
            return width
    raise DomainError(f"{dist!r} has no spread that a float can hold")


def _frame(
    dists: Sequence[ContinuousDistribution], within: ContinuousDistribution | None = None
) -> _Frame:
    """The frame of the first of ``dists``, with breaks at the supports' ends and quantiles
    of every one of them (only those inside the support of ``within``, when given).

    Raises DomainError when the spread is too narrow (or too wide) for floats to resolve.
    """
    first = dists[0]
    centre = float(first.ppf(0.5))
    scale = _spread(first)
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
    return _Frame(centre, scale, math.log(scale), sorted(breaks))


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


def _integrate_pieces(f: Callable[[float], float], breaks: list[float]) -> float:
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
    """Σ ∫ over the pieces to 10⁻¹² relative or 10⁻¹⁴·scale absolute (see _integrate_pieces)."""
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


def _standardised_moments(dist: ContinuousDistribution) -> tuple[_Frame, float, float]:
    """The frame of ``dist`` and the mean m and variance v of U = (X − c)/s, from the
    definitions m = ∫ u f_U(u) du and v = ∫ (u − m)² f_U(u) du."""
    frame = _frame([dist])

    def density(u: float) -> float:
        log_f = frame.log_density(dist, u)
        return 0.0 if log_f == -math.inf else math.exp(log_f)

    m = _integrate_pieces(lambda u: u * density(u), frame.breaks)
    v = _integrate_pieces(lambda u: (u - m) * (u - m) * density(u), frame.breaks)
    return frame, m, v


def expectation(
    dist: DiscreteDistribution | ContinuousDistribution, g: Callable[[Any], Any] | None = None
) -> Real:
    """The expected value E[g(X)], from the definition (g = identity gives the mean E[X]).

    Definition: E[g(X)] = Σₓ g(x)·p(x) for a discrete X, ∫ g(x)·f(x) dx for a continuous X.
    The sum is exact (a Fraction) when the probabilities and the values of g are rational;
    an infinite support is summed until the tail is below rounding (see ``_discrete_sum``).
    The integral goes through :func:`scratchmath.calculus.integrate`, in the standardised
    variable u = (x − median)/(interquartile range) and split at quantiles, so a narrow
    N(0, 10⁻⁸) or a wide Exponential(10⁻⁸) is as accurate as N(0, 1). The closed-form
    ``mean()`` is never consulted.

    >>> from scratchmath.probability import Bernoulli, DiscreteUniform, Exponential
    >>> expectation(DiscreteUniform(1, 6))
    Fraction(7, 2)
    >>> expectation(Bernoulli(Fraction(1, 3)), lambda x: 10 * x)
    Fraction(10, 3)
    >>> round(expectation(Exponential(2)), 12)
    0.5

    Raises:
        TypeError: if dist is not a distribution, g is not callable or returns a non-number,
            or (g omitted) the outcomes are not numbers.
        DomainError: if g returns NaN, the support is too large to sum, or the distribution
            is too narrow (a spread below 10⁻²⁹²) for floats to resolve.
        ConvergenceError: if the sum or integral does not settle (an infinite expectation).
    """
    if g is not None and not callable(g):
        raise TypeError(f"g must be callable, got {type(g).__name__}")
    h = _identity if g is None else g
    if isinstance(dist, DiscreteDistribution):
        return _discrete_sum(dist, lambda x, p: _weighted(_value(h, x), p, x))
    if isinstance(dist, ContinuousDistribution):
        if g is None:
            # E[X] = c + s·E[U]: the mean in the standardised variable, moved back. Summing
            # x·f(x) directly would round every node x = c + s·u near a large c.
            frame, m, _ = _standardised_moments(dist)
            return frame.centre + frame.scale * m
        frame = _frame([dist])

        def integrand(u: float) -> float:
            log_f = frame.log_density(dist, u)
            if log_f == -math.inf:
                return 0.0
            return float(_value(h, frame.centre + frame.scale * u)) * math.exp(log_f)

        return _integrate_pieces(integrand, frame.breaks)
    raise TypeError(f"expectation needs a distribution, got {type(dist).__name__}")


def variance(dist: DiscreteDistribution | ContinuousDistribution) -> Real:
    """The variance Var X = E[(X − μ)²] with μ = E[X], both from the definition.

    The two-pass form E[(X − μ)²] rather than E[X²] − μ²: the latter subtracts two large
    numbers when the mean is far from 0 and can even come out negative.

    >>> from scratchmath.probability import DiscreteUniform, Uniform
    >>> variance(DiscreteUniform(1, 6))
    Fraction(35, 12)
    >>> round(variance(Uniform(0, 1)), 12)
    0.083333333333

    Raises:
        TypeError: if dist is not a distribution or its outcomes are not numbers.
        ConvergenceError: if the variance is infinite.
    """
    if isinstance(dist, ContinuousDistribution):
        # Var X = s²·Var U in the standardised variable U = (X − c)/s (see ``_frame``).
        frame, _, v = _standardised_moments(dist)
        return frame.scale * (frame.scale * v)
    if not isinstance(dist, DiscreteDistribution):
        raise TypeError(f"variance needs a distribution, got {type(dist).__name__}")
    mu = expectation(dist)
    return expectation(dist, lambda x: (x - mu) * (x - mu))


def running_mean(samples: Iterable[Real], *, exact: bool = False) -> list[Real]:
    """The running averages x̄ₖ = (x₁ + … + xₖ)/k for k = 1, …, n.

    Floats by default, as a learner plotting a coin's average expects; each average of int or
    Fraction samples is the exact one rounded once (the running total is kept exactly). With
    ``exact=True`` int and Fraction samples give Fractions. Float samples are summed with
    Neumaier's compensated summation, so a million samples lose no more than one rounding.

    >>> running_mean([1, 0, 1, 1])
    [1.0, 0.5, 0.6666666666666666, 0.75]
    >>> running_mean([1, 0, 1, 1], exact=True)
    [Fraction(1, 1), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)]
    >>> running_mean([0.5, 1.5])
    [0.5, 1.0]

    Raises:
        TypeError: if samples is not iterable or holds a non-number (a bool, a str), or if
            ``exact=True`` meets a float sample.
        DomainError: if a sample is NaN.
    """
    try:
        iterator = iter(samples)
    except TypeError:
        raise TypeError(f"samples must be iterable, got {type(samples).__name__}") from None
    out: list[Real] = []
    exact_total: Real = 0
    exact_so_far = True
    total, compensation = 0.0, 0.0
    for k, x in enumerate(iterator, start=1):
        if isinstance(x, bool) or not isinstance(x, int | float | Fraction):
            raise TypeError(f"samples must be real numbers, got {type(x).__name__} {x!r}")
        if exact_so_far and _exact(x):
            exact_total += x
            if exact:
                out.append(exact_total / Fraction(k))
            elif isinstance(exact_total, int) and abs(exact_total) < _FLOAT_SAFE_INT:
                out.append(exact_total / k)  # int / int is correctly rounded
            else:
                out.append(to_float(exact_total / Fraction(k)))
            continue
        if exact:
            raise TypeError(f"exact=True needs int or Fraction samples; sample {k} is {x!r}")
        if math.isnan(x):
            raise DomainError(f"sample {k} is NaN")
        if exact_so_far:  # the first float: carry the exact total over into the float sum
            exact_so_far = False
            total = float(exact_total)
        value = float(x)
        new_total = total + value
        if abs(total) >= abs(value):
            compensation += (total - new_total) + value
        else:
            compensation += (value - new_total) + total
        total = new_total
        out.append((total + compensation) / k)
    return out


def law_of_large_numbers(
    dist: DiscreteDistribution | ContinuousDistribution,
    n: int,
    *,
    rng: random.Random | int | None = None,
    exact: bool = False,
) -> list[Real]:
    """The running averages of n draws of ``dist``: they settle at E[X] as n grows.

    Floats unless ``exact=True`` (then Fractions for a discrete distribution), as in
    :func:`running_mean`; a million Bernoulli draws take well under a second.

    Theorem (the law of large numbers): for independent draws X₁, X₂, … with mean μ, the
    average X̄ₙ = (X₁ + … + Xₙ)/n tends to μ; its spread shrinks like σ/√n.

    >>> from scratchmath.probability import Bernoulli
    >>> averages = law_of_large_numbers(Bernoulli(0.5), 10_000, rng=7)
    >>> len(averages), abs(averages[-1] - 0.5) < 0.03
    (10000, True)

    Raises:
        TypeError: if dist is not a distribution or n is not an int.
        DomainError: if n < 0.
    """
    if not isinstance(dist, DiscreteDistribution | ContinuousDistribution):
        raise TypeError(f"law_of_large_numbers needs a distribution, got {type(dist).__name__}")
    return running_mean(dist.sample(n, rng), exact=exact)
