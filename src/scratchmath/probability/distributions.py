"""The two kinds of probability distribution, and the checks every family's parameters pass.

============================  ================================================================
name                          what it is
============================  ================================================================
``DiscreteDistribution``      outcomes you can list: pmf, cdf, ppf, support, mean, variance,
                              std, sample
``ContinuousDistribution``    outcomes on the real line: pdf, cdf, ppf, support, mean,
                              variance, std, sample
============================  ================================================================

A *random variable* X is described by its distribution. A discrete one has a probability mass
function p(x) = P(X = x) with Σₓ p(x) = 1; a continuous one has a density f(x) with
P(a ≤ X ≤ b) = ∫ₐᵇ f(x) dx and ∫ f = 1. Both have a distribution function F(x) = P(X ≤ x),
which rises from 0 to 1, and a quantile function F⁻¹(q) = min{x : F(x) ≥ q}, which undoes it.

The families themselves live in :mod:`.discrete` and :mod:`.continuous`; every one is an
immutable value object: its parameters are checked once, in the constructor, and never change.

>>> from scratchmath.probability import Bernoulli
>>> coin = Bernoulli(0.5)
>>> coin.pmf(1), coin.cdf(0), coin.mean()
(0.5, 0.5, 0.5)
>>> isinstance(coin, DiscreteDistribution)
True
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from scratchmath.errors import DomainError
from scratchmath.scalars import exact_sqrt, latex_scalar, to_float

__all__ = ["ContinuousDistribution", "DiscreteDistribution"]

#: The real numbers scratchmath accepts as parameters and arguments.
Real = int | float | Fraction

if TYPE_CHECKING:  # read by type checkers only: typing_extensions is never imported at run time
    from typing_extensions import TypeVar

    RealT = TypeVar("RealT", bound=Real, covariant=True, default=Real)
else:
    from typing import TypeVar

    RealT = TypeVar("RealT", bound=Real, covariant=True)
#: For a type checker, the kind of a family's parameters where its moments keep that kind:
#: ``Normal(0.0, 1.0)`` is a ``Normal[float]``, whose ``mean()`` is a float.


# ---------------------------------------------------------------------------------------------
# Checks shared by every family. Each names the offending parameter and its allowed range.


def require_real(name: str, value: object) -> Real:
    """``value`` as a real number (int, float or Fraction); NaN is a DomainError.

    The parameter check of every family (argument order: the name first, as the families
    call it with their parameter names).

    >>> require_real("p", "0.5")
    Traceback (most recent call last):
    ...
    TypeError: p must be a real number (int, float or Fraction), got str '0.5'
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        raise TypeError(
            f"{name} must be a real number (int, float or Fraction), "
            f"got {type(value).__name__} {value!r}"
        )
    if isinstance(value, float) and math.isnan(value):
        raise DomainError(f"{name} must be a number, got NaN")
    return value


def require_finite(name: str, value: object) -> Real:
    """``value`` as a finite real number.

    >>> require_finite("mu", 1e308 * 10)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: mu must be finite, got inf
    """
    real = require_real(name, value)
    if isinstance(real, float) and math.isinf(real):
        raise DomainError(f"{name} must be finite, got {real!r}")
    return real


def require_probability(name: str, value: object) -> Real:
    """``value`` as a probability, a real number in [0, 1].

    >>> require_probability("p", Fraction(1, 3))
    Fraction(1, 3)
    """
    real = require_real(name, value)
    if not 0 <= real <= 1:
        raise DomainError(f"{name} must be a probability in [0, 1], got {real!r}")
    return real


def require_count(name: str, value: object) -> int:
    """``value`` as a non-negative int.

    >>> require_count("n", 10)
    10

    A real number that is not a whole number (3.5, NaN, ∞) lies outside the domain of a count
    (DomainError, as a negative one does); any other non-int, a whole float like 2.0
    included, is the wrong type (TypeError).
    """
    value = require_integer(name, value)
    if value < 0:
        raise DomainError(f"{name} must be a non-negative integer, got {value}")
    return value


def require_integer(name: str, value: object) -> int:
    """``value`` as an int; a real number that is not a whole number is a DomainError.

    >>> require_integer("n", 3.5)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: n must be a whole number, got 3.5
    """
    if isinstance(value, Fraction) and value.denominator != 1:
        raise DomainError(f"{name} must be a whole number, got {value!r}")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise DomainError(f"{name} must be a whole number, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    return value


def require_quantile(q: object) -> Real:
    """``q`` as a level for a quantile function, in [0, 1].

    >>> require_quantile(1.5)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: q must be in [0, 1], got 1.5
    """
    level = require_real("q", q)
    if not 0 <= level <= 1:
        raise DomainError(f"q must be in [0, 1], got {level!r}")
    return level


def _make_rng(rng: object) -> random.Random:
    """The generator to draw from: a given ``random.Random``, a fresh one seeded by an int, or a
    fresh unseeded one for ``None``. Never the module-level global generator."""
    if rng is None:
        return random.Random()
    if isinstance(rng, random.Random):
        return rng
    if isinstance(rng, int) and not isinstance(rng, bool):
        return random.Random(rng)
    raise TypeError(f"rng must be a random.Random, an int seed or None, got {type(rng).__name__}")


def is_exact(value: object) -> bool:
    """True when ``value`` is an int or a Fraction: arithmetic on it stays exact.

    >>> is_exact(Fraction(1, 3)), is_exact(0.5), is_exact(True)
    (True, False, False)
    """
    return isinstance(value, int | Fraction) and not isinstance(value, bool)


def exact_ratio(numerator: Real, denominator: Real) -> Real:
    """numerator / denominator, kept exact (a Fraction) when both are exact.

    >>> exact_ratio(1, 3), exact_ratio(1, 4.0)
    (Fraction(1, 3), 0.25)
    """
    if is_exact(numerator) and is_exact(denominator):
        return Fraction(numerator) / Fraction(denominator)
    return numerator / denominator


# ---------------------------------------------------------------------------------------------
# The two base classes.


class _Distribution(ABC):
    """What discrete and continuous distributions share: moments, sampling, value semantics."""

    __slots__ = ()

    @abstractmethod
    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        """The (name, value) pairs that define the distribution, for repr, == and hash."""

    @abstractmethod
    def mean(self) -> Real:
        """The mean E[X], by the family's closed form (``expectation`` computes it from the
        definition instead).

        >>> from scratchmath.probability import Binomial
        >>> Binomial(10, 0.5).mean()
        5.0

        Raises:
            TypeError: for a Categorical with outcomes that are not numbers.
        """

    @abstractmethod
    def variance(self) -> Real:
        """The variance Var X = E[(X − E[X])²], by the family's closed form.

        >>> from scratchmath.probability import Binomial
        >>> Binomial(10, 0.5).variance()
        2.5

        Raises:
            TypeError: for a Categorical with outcomes that are not numbers.
        """

    @abstractmethod
    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        """n independent draws from ``rng``."""

    def std(self) -> float:
        """The standard deviation σ = √Var X.

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(0.5).std()
        0.5

        Raises:
            TypeError: if the variance is undefined (a Categorical with non-numeric outcomes).
        """
        variance = self.variance()
        if is_exact(variance):  # correctly rounded, and no OverflowError for 10⁴⁰⁰
            return exact_sqrt(variance)  # type: ignore[arg-type]
        return math.sqrt(variance)

    def sample(self, n: int, rng: random.Random | int | None = None) -> list[Any]:
        """n independent draws from the distribution, as a list.

        Draws come from ``rng`` only (a ``random.Random``, or an int seed for a fresh one; None
        means a fresh unseeded generator), never from the global random state: the same seed
        always gives the same numbers. Most families use inverse-transform sampling
        X = F⁻¹(U), U uniform on [0, 1); each family's docstring names its method.

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(0.5).sample(5, rng=1) == Bernoulli(0.5).sample(5, rng=1)
        True

        Raises:
            TypeError: if n is not an int or rng is not a Random, an int or None.
            DomainError: if n < 0.
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, got {type(n).__name__} {n!r}")
        if n < 0:
            raise DomainError(f"n must be a non-negative number of samples, got {n}")
        return self._draw(n, _make_rng(rng))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self._parameters())
        return f"{type(self).__name__}({inner})"

    def _repr_latex_(self) -> str:
        r"""The family, its parameters and its pmf or pdf in LaTeX (Jupyter shows it as maths).

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(Fraction(1, 3))._repr_latex_()
        '$X \\sim \\mathrm{Bernoulli}(p = \\frac{1}{3}),\\quad P(X = k) = p^k (1 - p)^{1 - k},...'
        """
        return latex_of_distribution(type(self).__name__, self._parameters())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Distribution)
        return self._parameters() == other._parameters()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._parameters()))


class DiscreteDistribution(_Distribution):
    """A distribution over outcomes you can list: p(x) = P(X = x) with Σₓ p(x) = 1.

    Subclasses give ``pmf``, ``cdf``, ``support``, ``mean``, ``variance`` and their sampler;
    ``ppf`` is defined here from the definition F⁻¹(q) = min{x : F(x) ≥ q}.

    >>> from scratchmath.probability import DiscreteUniform
    >>> die = DiscreteUniform(1, 6)
    >>> die.pmf(3), die.cdf(2)
    (Fraction(1, 6), Fraction(1, 3))

    Raises:
        TypeError: it is abstract; instantiate one of the families.
    """

    __slots__ = ()

    @abstractmethod
    def pmf(self, x: Any) -> Real:
        """The probability mass p(x) = P(X = x); 0 outside the support.

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(0.25).pmf(1)
        0.25

        Raises:
            TypeError: if x is not a number (for the integer-valued families).
            DomainError: if x is NaN.
        """

    @abstractmethod
    def cdf(self, x: Real) -> Real:
        """The distribution function F(x) = P(X ≤ x) = Σ_{y ≤ x} p(y).

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(0.25).cdf(0)
        0.75

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """

    @abstractmethod
    def support(self) -> Iterable[Any]:
        """The outcomes with p(x) > 0, in increasing order (possibly infinitely many).

        >>> from scratchmath.probability import Bernoulli
        >>> list(Bernoulli(0.25).support())
        [0, 1]

        Raises:
            Nothing.
        """

    def _logpmf(self, x: Hashable) -> float:
        """log p(x) (−inf outside the support), never raising: the information-theory sums
        ask it about outcomes of *another* distribution. Families override it where p(x)
        underflows to 0.0 although it is positive."""
        try:
            mass = self.pmf(x)
        except (TypeError, DomainError):
            return -math.inf
        return log_real(mass) if mass > 0 else -math.inf

    def logpmf(self, x: Any) -> float:
        """log p(x), the natural logarithm of the mass; −inf outside the support.

        Accurate where p(x) itself underflows to 0.0: Binomial(1000, ½).logpmf(0) is
        1000·log ½ ≈ −693.1, not log 0.

        >>> from scratchmath.probability import Binomial
        >>> round(Binomial(2000, 0.5).logpmf(0), 6), Binomial(2000, 0.5).pmf(0)
        (-1386.294361, 0.0)

        Raises:
            DomainError: if x is NaN.
        """
        if isinstance(x, float) and math.isnan(x):
            raise DomainError("x must be a number, got NaN")
        return self._logpmf(x)

    def sf(self, x: Real) -> Real:
        """The survival function S(x) = P(X > x) = 1 − F(x), accurate in the upper tail.

        1 − F(x) computed as written loses every digit once F(x) rounds to 1; the families
        sum the upper tail itself instead. Exact (a Fraction) where F is.

        >>> from scratchmath.probability import Poisson
        >>> Poisson(3).sf(40) > 0.0, 1.0 - Poisson(3).cdf(40)
        (True, 0.0)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._sf(x)

    def _sf(self, x: Real) -> Real:
        return 1 - self.cdf(x)

    def logcdf(self, x: Real) -> float:
        """log F(x), accurate where F(x) is tiny (and where it is near 1: log1p(−S(x))).

        >>> from scratchmath.probability import Bernoulli
        >>> Bernoulli(0.5).logcdf(0) == math.log(0.5)
        True

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._logcdf(x)

    def _logcdf(self, x: Real) -> float:
        return _log_probability(self.cdf(x), lambda: self.sf(x))

    def logsf(self, x: Real) -> float:
        """log S(x) = log P(X > x), accurate deep in the upper tail.

        >>> from scratchmath.probability import Bernoulli, Poisson
        >>> Bernoulli(0.5).logsf(0) == math.log(0.5)
        True
        >>> Poisson(1).sf(300), round(Poisson(1).logsf(300), 6)   # S(300) ≈ 10⁻⁶¹⁷
        (0.0, -1421.609643)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._logsf(x)

    def _logsf(self, x: Real) -> float:
        return _log_probability(self.sf(x), lambda: self.cdf(x))

    def isf(self, q: Real) -> Any:
        """The inverse survival function: the least x in the support with S(x) ≤ q.

        The upper-tail quantile, F⁻¹(1 − q) in exact arithmetic; computed from S itself, so
        that q = 10⁻³⁰ is not rounded to 1 − q = 1.

        >>> from scratchmath.probability import DiscreteUniform
        >>> DiscreteUniform(1, 6).isf(0.5)
        3

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        return self.ppf(1 - Fraction(level))

    def ppf(self, q: Real) -> Any:
        """The quantile function F⁻¹(q) = min{x in the support : F(x) ≥ q}.

        The definition, walked through the support in order; families with many outcomes
        override it with a search that starts near the answer.

        >>> from scratchmath.probability import DiscreteUniform
        >>> DiscreteUniform(1, 6).ppf(0.5)
        3

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        total: Real = 0
        last: Any = None
        for count, x in enumerate(self.support()):
            if count > 10_000_000:
                raise DomainError(f"{self!r}.ppf({q!r}) would walk more than 10⁷ outcomes")
            total = total + self.pmf(x)
            last = x
            if total >= level:
                return x
        return last  # only reached when rounding left the running total a hair below 1


class ContinuousDistribution(_Distribution):
    """A distribution with a density: P(a ≤ X ≤ b) = ∫ₐᵇ f(x) dx and ∫ f = 1.

    Subclasses give ``pdf``, ``cdf``, ``ppf``, ``support`` → (low, high), ``mean``,
    ``variance`` and their sampler.

    >>> from scratchmath.probability import Uniform
    >>> Uniform(0, 2).pdf(1), Uniform(0, 2).cdf(0.5)
    (Fraction(1, 2), 0.25)

    Raises:
        TypeError: it is abstract; instantiate one of the families.
    """

    __slots__ = ()

    @abstractmethod
    def pdf(self, x: Real) -> Real:
        """The density f(x) = F′(x); 0 outside the support.

        >>> from scratchmath.probability import Uniform
        >>> Uniform(0, 4).pdf(1)
        Fraction(1, 4)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """

    @abstractmethod
    def cdf(self, x: Real) -> Real:
        """The distribution function F(x) = P(X ≤ x) = ∫₋∞ˣ f(t) dt.

        >>> from scratchmath.probability import Uniform
        >>> Uniform(0, 4).cdf(1)
        Fraction(1, 4)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """

    @abstractmethod
    def ppf(self, q: Real) -> Real:
        """The quantile function F⁻¹(q): the x with F(x) = q.

        >>> from scratchmath.probability import Uniform
        >>> Uniform(0, 4).ppf(0.25)
        1.0

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """

    @abstractmethod
    def support(self) -> tuple[Real, Real]:
        """The interval (low, high) outside which f = 0; ±inf allowed.

        >>> from scratchmath.probability import Uniform
        >>> Uniform(0, 4).support()
        (0, 4)

        Raises:
            Nothing.
        """

    def logpdf(self, x: Real) -> float:
        """log f(x), the natural logarithm of the density; −inf outside the support.

        Accurate where f(x) itself underflows: Normal(0, 1).logpdf(40) = −800.92, not log 0.

        >>> from scratchmath.probability import Normal
        >>> round(Normal(0, 1).logpdf(40), 6), Normal(0, 1).pdf(40)
        (-800.918939, 0.0)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._logpdf(to_float(require_real("x", x)))  # saturating: 10⁴⁰⁰ → inf

    def sf(self, x: Real) -> Real:
        """The survival function S(x) = P(X > x) = 1 − F(x), accurate in the upper tail.

        >>> from scratchmath.probability import Normal
        >>> Normal(0, 1).sf(10), 1.0 - Normal(0, 1).cdf(10)
        (7.619853024160498e-24, 0.0)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._sf(x)

    def _sf(self, x: Real) -> Real:
        return 1 - self.cdf(x)

    def isf(self, q: Real) -> Real:
        """The inverse survival function S⁻¹(q): the x with P(X > x) = q.

        The upper-tail quantile, F⁻¹(1 − q), but without forming 1 − q (which is 1 for
        q = 10⁻³⁰): the families invert S itself.

        >>> from scratchmath.probability import Normal
        >>> round(Normal(0, 1).isf(1e-30), 6)
        11.464025

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        return self._isf(require_quantile(q))

    def _isf(self, q: Real) -> Real:
        """S⁻¹(q) for a family without a formula: F⁻¹(1 − q) where q ≥ ¼ (1 − q keeps its
        digits there), else the root of S(x) = q found on S itself — doubling steps out from
        the upper quartile until S(x) ≤ q, then bisection to the last float — so that
        q = 10⁻³⁰⁰ is not read as 1 − q = 1."""
        if q >= 0.25 or q <= 0:
            return self.ppf(1 - q)
        low = float(self.ppf(0.75))  # S(low) = ¼ > q
        high = float(self.support()[1])
        step = max(abs(low), 1.0)
        for _ in range(2100):  # the floats end after about 2¹⁰²⁴: the loop is bounded
            above = min(low + step, high)
            if above == high or self.sf(above) <= q:
                break
            low, step = above, 2 * step
        for _ in range(2100):  # bisection: S(low) > q ≥ S(above)
            middle = low + (above - low) / 2
            if middle in (low, above):
                break
            low, above = (low, middle) if self.sf(middle) <= q else (middle, above)
        return above

    def logcdf(self, x: Real) -> float:
        """log F(x), accurate where F(x) is far below 10⁻³⁰⁸ (and near 1: log1p(−S(x))).

        >>> from scratchmath.probability import Normal
        >>> round(Normal(0, 1).logcdf(-40), 6)
        -804.608442

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._logcdf(require_real("x", x))

    def _logcdf(self, x: Real) -> float:
        return _log_probability(self.cdf(x), lambda: self.sf(x))

    def logsf(self, x: Real) -> float:
        """log S(x) = log P(X > x), accurate deep in the upper tail.

        Normal(0, 1).sf(40) ≈ 3.6·10⁻³⁵⁰ is below the smallest float, but its logarithm is not.

        >>> from scratchmath.probability import Normal
        >>> round(Normal(0, 1).logsf(40), 6)
        -804.608442

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return self._logsf(require_real("x", x))

    def _logsf(self, x: Real) -> float:
        return _log_probability(self.sf(x), lambda: self.cdf(x))

    def _logpdf(self, x: float) -> float:
        """log f(x) (−inf outside the support); families override it where f underflows."""
        density = self.pdf(x)
        return math.log(density) if density > 0 else -math.inf

    def _logpdf_shifted(self, centre: float, t: float) -> float:
        """log f(centre + t), without rounding centre + t where a family can avoid it: an
        integral over t near 0 then keeps its accuracy for N(10³, 0.01²), whose x-nodes near
        10³ would be rounded to 10⁻¹³ — a relative 10⁻¹¹ of σ."""
        return self._logpdf(centre + t)

    def _log_density_ratio(self, other: ContinuousDistribution, centre: float, t: float) -> float:
        """log(g(x)/f(x)) at x = centre + t, f this density and g the other's (−inf where
        g = 0 < f). Families override it for a member of their own family, where the
        difference of the two logarithms would cancel (N(0, 1) against N(10⁻⁸, 1))."""
        return other._logpdf_shifted(centre, t) - self._logpdf_shifted(centre, t)


def _log_probability(probability: Real, complement: Callable[[], Real]) -> float:
    """log P from P, or from its complement 1 − P where P > ½ (log1p keeps the digits that
    P itself lost to rounding near 1); −inf for P = 0."""
    if probability > 0.5:
        rest = complement()
        if is_exact(rest):
            return log_real(1 - Fraction(rest))
        return math.log1p(-float(rest)) + 0.0  # + 0.0: log 1 is 0.0, not −0.0
    return log_real(probability) if probability > 0 else -math.inf


def log_real(x: Real, base: Real | None = None) -> float:
    """log x for a positive real x, in the given base (natural when None), exact-aware.

    A Fraction is converted to the nearest float first (correctly rounded); only one too
    small or too large for a float, like Fraction(1, 10**400), is logged through its integer
    parts. Base 2 and 10 use math.log2 and math.log10, so log₂(1/1024) is exactly −10. A
    Fraction near 1 (a mass of 256224/256225, say) is logged as log1p(x − 1) with x − 1 exact:
    rounding x to a float first would keep only the leading digits of its distance from 1.
    """
    if isinstance(x, Fraction) and Fraction(1, 2) < x < 2 and x != 1:
        natural = math.log1p(float(x - 1))
        return natural if base is None else natural / math.log(base)
    value = float(x) if isinstance(x, Fraction) else x
    if isinstance(x, Fraction) and (value == 0.0 or math.isinf(value)):
        natural = math.log(x.numerator) - math.log(x.denominator)
        return natural if base is None else natural / math.log(base)
    if base is None:
        return math.log(value)
    if base == 2:
        return math.log2(value)
    if base == 10:
        return math.log10(value)
    return math.log(value) / math.log(base)


# ---------------------------------------------------------------------------------------------
# How a notebook shows a distribution: its family, parameters and mass or density function.

#: family name → its pmf or pdf in LaTeX (the parameters by their usual symbols).
FORMULAS: dict[str, str] = {
    "Bernoulli": r"P(X = k) = p^k (1 - p)^{1 - k},\ k \in \{0, 1\}",
    "Binomial": r"P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k},\ k = 0, \ldots, n",
    "Categorical": r"P(X = x) = p_x",
    "DiscreteUniform": r"P(X = k) = \frac{1}{b - a + 1},\ k = a, \ldots, b",
    "Geometric": r"P(X = k) = (1 - p)^{k - 1} p,\ k = 1, 2, \ldots",
    "Poisson": r"P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!},\ k = 0, 1, \ldots",
    "Uniform": r"f(x) = \frac{1}{b - a},\ a \le x \le b",
    "Normal": r"f(x) = \frac{1}{\sigma \sqrt{2\pi}} e^{-(x - \mu)^2 / (2\sigma^2)}",
    "Exponential": r"f(x) = \lambda e^{-\lambda x},\ x \ge 0",
    "StudentT": r"f(x) = \frac{\Gamma(\frac{\nu + 1}{2})}{\sqrt{\nu\pi}\,"
    r"\Gamma(\frac{\nu}{2})} \left(1 + \frac{x^2}{\nu}\right)^{-\frac{\nu + 1}{2}}",
    "ChiSquared": r"f(x) = \frac{x^{\nu/2 - 1} e^{-x/2}}{2^{\nu/2} \Gamma(\nu/2)},\ x > 0",
    "FDistribution": r"f(x) = \frac{\sqrt{\frac{(d_1 x)^{d_1} d_2^{d_2}}"
    r"{(d_1 x + d_2)^{d_1 + d_2}}}}{x\, B(\frac{d_1}{2}, \frac{d_2}{2})},\ x > 0",
    "Gamma": r"f(x) = \frac{\lambda^\alpha}{\Gamma(\alpha)} x^{\alpha - 1} e^{-\lambda x},\ x > 0",
    "Beta": r"f(x) = \frac{x^{a - 1} (1 - x)^{b - 1}}{B(a, b)},\ 0 < x < 1",
}

#: parameter name → its usual symbol.
SYMBOLS = {
    "mu": r"\mu",
    "sigma": r"\sigma",
    "lam": r"\lambda",
    "rate": r"\lambda",
    "df": r"\nu",
    "d1": "d_1",
    "d2": "d_2",
    "shape": r"\alpha",
}


def latex_of_distribution(family: str, parameters: tuple[tuple[str, Any], ...]) -> str:
    r"""``X ~ Family(parameters), formula`` in LaTeX, for a notebook's display.

    >>> print(latex_of_distribution("Poisson", (("lam", 2),)))
    $X \sim \mathrm{Poisson}(\lambda = 2),\quad P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!},...
    """
    shown = []
    for name, value in parameters:
        if name == "mapping":
            value = ", ".join(f"p_{{{x}}} = {_latex_number(p)}" for x, p in value)
            shown.append(value)
        else:
            shown.append(f"{SYMBOLS.get(name, name)} = {_latex_number(value)}")
    formula = FORMULAS.get(family)
    tail = f",\\quad {formula}" if formula else ""
    return f"$X \\sim \\mathrm{{{family}}}({', '.join(shown)}){tail}$"


def _latex_number(value: Any) -> str:
    if isinstance(value, (int, float, Fraction, complex)) and not isinstance(value, bool):
        return latex_scalar(value)
    return str(value)


# The former private names of the checks above, kept for code written against them.
_check_real, _check_finite, _check_probability = require_real, require_finite, require_probability
_check_count, _check_integer, _check_quantile = require_count, require_integer, require_quantile
_exact, _ratio, _log_real = is_exact, exact_ratio, log_real
