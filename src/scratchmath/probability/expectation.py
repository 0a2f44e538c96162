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
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.discrete import Categorical, _IntegerDistribution
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    DiscreteDistribution,
    Real,
    _exact,
)

__all__ = ["expectation", "law_of_large_numbers", "running_mean", "variance"]

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


def _identity(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, int | float | Fraction):
        raise TypeError(f"the outcomes must be numbers to average them, got {x!r}; pass g")
    return x


def _total(terms: list[Real]) -> Real:
    """Σ terms: exact when every term is an int or Fraction, else math.fsum (no rounding
    build-up however many terms)."""
    if all(_exact(t) for t in terms):
        return sum(terms, Fraction(0))
    return math.fsum(terms)


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
        running = math.fsum(abs(float(value)) for value in terms)
        for _ in range(MAX_EXTRA_TERMS):
            t = term(k, dist.pmf(k))
            terms.append(t)
            size = abs(float(t))
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
                estimate=math.fsum(terms),
            )
    return math.fsum(terms)


def _pieces(dists: Iterable[ContinuousDistribution]) -> list[float]:
    """Break points for integrating against these densities: their supports' ends and a few
    quantiles of each, so every piece holds a well-scaled part of the mass (an adaptive rule
    over (−∞, ∞) could otherwise miss a narrow bump at x = 10⁶)."""
    lows, highs, points = [], [], set()
    for dist in dists:
        low, high = dist.support()
        lows.append(float(low))
        highs.append(float(high))
        for level in (0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999):
            points.add(float(dist.ppf(level)))
        points.update(float(v) for v in (low, high))
    low, high = min(lows), max(highs)
    points.update((low, high))
    return sorted(v for v in points if low <= v <= high)


def _integrate_pieces(f: Callable[[float], float], breaks: list[float]) -> float:
    """∫ f over the union of the pieces [breaks[i], breaks[i+1]], by calculus.integrate.

    The absolute tolerance must follow the size of f: an integral that is 0 by symmetry (or a
    density of height 10⁻²⁵⁰) has no relative accuracy to reach. So a cheap first pass
    measures S = ∫|f| to four digits, and the real pass asks for 10⁻¹² relative or 10⁻¹⁴·S
    absolute, whichever is looser. Should rounding still stall a piece, its estimate is
    accepted when the integrator's own error bound is below 10⁻¹¹·S.
    """
    from scratchmath.calculus import integrate  # layer 3, imported when first needed

    pieces = [(a, b) for a, b in itertools.pairwise(breaks) if a < b]

    def size(x: float) -> float:
        return abs(f(x))

    scale = math.fsum(integrate(size, a, b, rel_tol=1e-4, abs_tol=1e-300) for a, b in pieces)
    if scale == 0.0:
        return 0.0
    total = []
    for a, b in pieces:
        try:
            total.append(integrate(f, a, b, rel_tol=1e-12, abs_tol=1e-14 * scale))
        except ConvergenceError as exc:
            if not (isinstance(exc.estimate, float) and exc.error <= 1e-11 * scale):
                raise
            total.append(exc.estimate)
    return math.fsum(total)


def expectation(
    dist: DiscreteDistribution | ContinuousDistribution, g: Callable[[Any], Any] | None = None
) -> Real:
    """The expected value E[g(X)], from the definition (g = identity gives the mean E[X]).

    Definition: E[g(X)] = Σₓ g(x)·p(x) for a discrete X, ∫ g(x)·f(x) dx for a continuous X.
    The sum is exact (a Fraction) when the probabilities and the values of g are rational;
    an infinite support is summed until the tail is below rounding (see ``_discrete_sum``).
    The integral goes through :func:`scratchmath.calculus.integrate`, split at quantiles of
    the distribution. The closed-form ``mean()`` is never consulted.

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
        DomainError: if g returns NaN, or the support is too large to sum.
        ConvergenceError: if the sum or integral does not settle (an infinite expectation).
    """
    if g is not None and not callable(g):
        raise TypeError(f"g must be callable, got {type(g).__name__}")
    h = _identity if g is None else g
    if isinstance(dist, DiscreteDistribution):
        return _discrete_sum(dist, lambda x, p: _value(h, x) * p)
    if isinstance(dist, ContinuousDistribution):
        if g is None:
            # E[X] = c + ∫ (x − c) f(x) dx for any c, as ∫ f = 1. With c the median, the
            # quadrature's small error in the mass (nodes near x = 10⁶ are rounded to 10⁻¹⁰)
            # is not multiplied by the size of x.
            centre = float(dist.ppf(0.5))

            def centred(x: float) -> float:
                density = dist.pdf(x)
                return (x - centre) * density if density else 0.0

            return centre + _integrate_pieces(centred, _pieces([dist]))

        def integrand(x: float) -> float:
            density = dist.pdf(x)
            return float(_value(h, x)) * density if density else 0.0

        return _integrate_pieces(integrand, _pieces([dist]))
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
    if not isinstance(dist, DiscreteDistribution | ContinuousDistribution):
        raise TypeError(f"variance needs a distribution, got {type(dist).__name__}")
    mu = expectation(dist)
    return expectation(dist, lambda x: (x - mu) * (x - mu))


def running_mean(samples: Iterable[Real]) -> list[Real]:
    """The running averages x̄ₖ = (x₁ + … + xₖ)/k for k = 1, …, n.

    Exact (Fractions) for int or Fraction samples; for floats the running sum is kept with
    Neumaier's compensated summation, so a million samples lose no more than one rounding.

    >>> running_mean([1, 0, 1, 1])
    [Fraction(1, 1), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)]
    >>> running_mean([0.5, 1.5])
    [0.5, 1.0]

    Raises:
        TypeError: if samples is not iterable or holds a non-number (a bool, a str).
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
        if isinstance(x, float) and math.isnan(x):
            raise DomainError(f"sample {k} is NaN")
        if exact_so_far and _exact(x):
            exact_total += x
            out.append(
                Fraction(exact_total, k) if isinstance(exact_total, int) else exact_total / k
            )
            continue
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
) -> list[Real]:
    """The running averages of n draws of ``dist``: they settle at E[X] as n grows.

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
    return running_mean(dist.sample(n, rng))
