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

import math
import random
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any, overload

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    DiscreteDistribution,
    Real,
    is_exact,
)
from scratchmath.probability.summation import (
    Frame,
    discrete_sum,
    frame_of,
    integrate_pieces,
)
from scratchmath.scalars import to_float

__all__ = ["expectation", "law_of_large_numbers", "running_mean", "variance"]

#: Below this an int total divides to a float without overflow (int / int rounds once).
_FLOAT_SAFE_INT = 2**1000


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


#: g's values are kept within 2^±900 of 1 (rescaled by a power of two when they are not), so
#: that g(x)·p(x), and the integrator's sums and error estimates, neither underflow nor
#: overflow: E[10⁻³¹⁰·X²] for N(0, 1) was 0.0 and E[10³⁰⁷·X²] a DomainError.
_SAFE_EXPONENT = 900
#: Below this a subnormal value of g has fewer than 43 significant bits (its spacing is
#: 2⁻¹⁰⁷⁴): too few for an integral's relative tolerance of 10⁻¹².
_FEW_DIGITS = 2.0**-1031


class _OutOfScale(Exception):
    """g returned a float beyond 2^900: the pass is restarted with g's values scaled down."""

    def __init__(self, size: float) -> None:
        super().__init__(size)
        self.size = size


def _rescaled(run: Callable[[Callable[[Real], Real]], Real], *, needs_digits: bool = False) -> Real:
    """``run(scale)`` — an expectation whose every value of g goes through ``scale`` — computed
    so that those values stay near 1: E[c·g] = c·E[g] with c = 2ᵏ, which multiplies exactly.

    A first pass watches the float values of g; where they are all below 2⁻⁹⁰⁰ (or one is
    above 2⁹⁰⁰), a second pass multiplies each by 2ᵏ, with 2ᵏ·(largest seen) in [½, 1), and
    the result is divided by 2ᵏ again (rounded once, if it is itself subnormal). With
    ``needs_digits`` (an integral, which must meet a relative tolerance), values of g that
    are all below 2⁻¹⁰³¹ ≈ 4·10⁻³¹¹ — rounded to multiples of 5·10⁻³²⁴ inside g, so with
    fewer than 43 bits left — are reported as soon as 256 of them have been seen, rather than
    ground on.
    """
    largest = 0.0
    count = 0

    def watch(y: Real) -> Real:
        nonlocal largest, count
        if isinstance(y, float):
            size = abs(y)
            largest = max(largest, size)
            count += 1
            if 2.0**_SAFE_EXPONENT < size < math.inf:
                raise _OutOfScale(size)
            if needs_digits and count >= 256 and 0.0 < largest < _FEW_DIGITS:
                raise _subnormal_values(largest)
        return y

    try:
        result = run(watch)
    except _OutOfScale as too_big:
        return _rerun_scaled(run, too_big.size)
    if needs_digits and 0.0 < largest < _FEW_DIGITS:
        raise _subnormal_values(largest)
    if 0.0 < largest < 2.0**-_SAFE_EXPONENT:
        return _rerun_scaled(run, largest)
    return result


def _subnormal_values(size: float) -> ConvergenceError:
    return ConvergenceError(
        f"g's values are subnormal (|g| up to {size!r}): they carry fewer than 43 bits, "
        "so the integral cannot reach its tolerance; scale g up (E[c·g] = c·E[g])",
        estimate=None,
    )


def _rerun_scaled(run: Callable[[Callable[[Real], Real]], Real], size: float) -> Real:
    k = -math.frexp(size)[1]
    factor = Fraction(2) ** k

    def scale(y: Real) -> Real:
        return math.ldexp(y, k) if isinstance(y, float) else y * factor

    result = run(scale)
    if isinstance(result, float):
        return math.ldexp(result, -k)
    return result / factor


def _identity(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, int | float | Fraction):
        raise TypeError(f"the outcomes must be numbers to average them, got {x!r}; pass g")
    return x


def _standardised_moments(dist: ContinuousDistribution) -> tuple[Frame, float, float]:
    """The frame of ``dist`` and the mean m and variance v of U = (X − c)/s, from the
    definitions m = ∫ u f_U(u) du and v = ∫ (u − m)² f_U(u) du."""
    frame = frame_of([dist])

    def density(u: float) -> float:
        log_f = frame.log_density(dist, u)
        return 0.0 if log_f == -math.inf else math.exp(log_f)

    m = integrate_pieces(lambda u: u * density(u), frame.breaks)
    v = integrate_pieces(lambda u: (u - m) * (u - m) * density(u), frame.breaks)
    return frame, m, v


# A continuous expectation is an integral, so a float; a discrete one is a sum, exact where
# the probabilities and the values of g are.
@overload
def expectation(dist: ContinuousDistribution, g: Callable[[float], Any] | None = None) -> float: ...
@overload
def expectation(
    dist: DiscreteDistribution | ContinuousDistribution, g: Callable[[Any], Any] | None = None
) -> Real: ...
def expectation(
    dist: DiscreteDistribution | ContinuousDistribution, g: Callable[[Any], Any] | None = None
) -> Real:
    """The expected value E[g(X)], from the definition (g = identity gives the mean E[X]).

    Definition: E[g(X)] = Σₓ g(x)·p(x) for a discrete X, ∫ g(x)·f(x) dx for a continuous X.
    The sum is exact (a Fraction) when the probabilities and the values of g are rational;
    an infinite support is summed until the tail is below rounding (see ``discrete_sum``).
    The integral goes through :func:`scratchmath.calculus.integrate`, in the standardised
    variable u = (x − median)/(interquartile range) and split at quantiles, so a narrow
    N(0, 10⁻⁸) is as accurate as N(0, 1); ``mean()`` is never consulted. Values of g far from
    1 are rescaled by a power of two (E[2ᵏg] = 2ᵏE[g]): E[10⁻³¹⁰·X²] is 10⁻³¹⁰, not 0.0.

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
        DomainError: if g returns NaN (or, for a density, ±inf), the support is too large to
            sum, or the distribution is too narrow (a spread below 10⁻²⁹²) for floats to
            resolve.
        ConvergenceError: if the sum or integral does not settle (an infinite expectation, or
            values of g so small that they are subnormal and have lost their digits).
    """
    if g is not None and not callable(g):
        raise TypeError(f"g must be callable, got {type(g).__name__}")
    h = _identity if g is None else g
    if isinstance(dist, DiscreteDistribution):
        return _rescaled(
            lambda scale: discrete_sum(dist, lambda x, p: _weighted(scale(_value(h, x)), p, x))
        )
    if isinstance(dist, ContinuousDistribution):
        if g is None:
            # E[X] = c + s·E[U]: the mean in the standardised variable, moved back. Summing
            # x·f(x) directly would round every node x = c + s·u near a large c.
            frame, m, _ = _standardised_moments(dist)
            return frame.centre + frame.scale * m
        frame = frame_of([dist])

        def integral(scale: Callable[[Real], Real]) -> Real:
            def integrand(u: float) -> float:
                density = math.exp(frame.log_density(dist, u))
                if density == 0.0:  # beyond the floats' reach of f (N(0, 1) past 38.6)
                    return 0.0
                x = frame.centre + frame.scale * u
                y = float(_value(h, x))
                if math.isinf(y):  # g itself overflowed (10³⁰⁷·x² at x = 5, say)
                    raise DomainError(f"g returned {y} at x = {x!r}: no finite integral there")
                return float(scale(y)) * density

            return integrate_pieces(integrand, frame.breaks)

        return _rescaled(integral, needs_digits=True)
    raise TypeError(f"expectation needs a distribution, got {type(dist).__name__}")


@overload
def variance(dist: ContinuousDistribution) -> float: ...
@overload
def variance(dist: DiscreteDistribution | ContinuousDistribution) -> Real: ...
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
        # Var X = s²·Var U in the standardised variable U = (X − c)/s (see ``frame``).
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
        if exact_so_far and is_exact(x):
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
