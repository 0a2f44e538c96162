"""The three continuous families: flat, bell-shaped and memoryless.

=========================  =====================================================================
name                       the distribution of …
=========================  =====================================================================
``Uniform(a, b)``          a point chosen with constant density on the interval [a, b]
``Normal(mu=0, sigma=1)``  the bell curve N(μ, σ²): sums of many small independent effects
``Exponential(rate)``      the waiting time until the next event of a Poisson process
=========================  =====================================================================

All three are sampled by inversion, X = F⁻¹(U) with U uniform: for each the quantile
function is cheap and exact to rounding (Φ⁻¹ from :func:`.special.normal_ppf`).

>>> Normal(0, 1).cdf(0.0), Exponential(2).mean(), Uniform(0, 4).variance()
(0.5, Fraction(1, 2), Fraction(4, 3))
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any, Generic, overload

from scratchmath.errors import DomainError
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    Real,
    RealT,
    exact_ratio,
    is_exact,
    require_finite,
    require_quantile,
    require_real,
)
from scratchmath.probability.special import (
    log_normal_cdf,
    normal_cdf,
    normal_ppf,
    normal_ppf_fast,
    normal_sf,
)
from scratchmath.scalars import to_float

__all__ = ["Exponential", "Normal", "Uniform"]

_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)


def _positive(name: str, value: object) -> Real:
    real = require_finite(name, value)
    if real <= 0:
        raise DomainError(f"{name} must be positive and finite, got {real!r}")
    return real


class Uniform(ContinuousDistribution):
    """A point chosen with constant density on the interval [a, b], a < b.

    Definition: f(x) = 1/(b − a) on [a, b], 0 elsewhere; F(x) = (x − a)/(b − a) on [a, b].
    Exact (Fractions) when a, b and x are ints or Fractions.

    >>> Uniform(0, 4).pdf(1), Uniform(0, 4).cdf(1)
    (Fraction(1, 4), Fraction(1, 4))

    Raises:
        TypeError: if a or b is not a real number.
        DomainError: if a or b is NaN or infinite, or a ≥ b.
    """

    __slots__ = ("_a", "_b")

    def __init__(self, a: Real, b: Real) -> None:
        self._a = require_finite("a", a)
        self._b = require_finite("b", b)
        if not self._a < self._b:
            raise DomainError(f"Uniform needs a < b, got a = {a!r}, b = {b!r}")

    @property
    def a(self) -> Real:
        """The left end of the interval.

        >>> Uniform(0, 4).a
        0
        """
        return self._a

    @property
    def b(self) -> Real:
        """The right end of the interval.

        >>> Uniform(0, 4).b
        4
        """
        return self._b

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("a", self._a), ("b", self._b))

    def pdf(self, x: Real) -> Real:
        """The density f(x) = 1/(b − a) for a ≤ x ≤ b, else 0.

        >>> Uniform(0, 2).pdf(1.5), Uniform(0, 2).pdf(3)
        (Fraction(1, 2), 0)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        value = require_real("x", x)
        if value < self._a or value > self._b:
            return 0
        return exact_ratio(1, self._b - self._a)

    def cdf(self, x: Real) -> Real:
        """The distribution function F(x) = (x − a)/(b − a), clamped to [0, 1].

        >>> Uniform(0, 4).cdf(3)
        Fraction(3, 4)

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        value = require_real("x", x)
        if value <= self._a:
            return 0
        if value >= self._b:
            return 1
        return exact_ratio(value - self._a, self._b - self._a)

    def ppf(self, q: Real) -> Real:
        """The quantile F⁻¹(q) = a + q·(b − a).

        >>> Uniform(0, 4).ppf(Fraction(1, 4))
        Fraction(1, 1)

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        if is_exact(level) and is_exact(self._a) and is_exact(self._b):
            return self._a + Fraction(level) * (self._b - self._a)
        return self._a + float(level) * (self._b - self._a)

    def support(self) -> tuple[Real, Real]:
        """The interval (a, b).

        >>> Uniform(-1, 1).support()
        (-1, 1)
        """
        return (self._a, self._b)

    def mean(self) -> Real:
        """The mean E[X] = (a + b)/2.

        >>> Uniform(0, 1).mean()
        Fraction(1, 2)
        """
        return exact_ratio(self._a + self._b, 2)

    def variance(self) -> Real:
        """The variance Var X = (b − a)²/12.

        >>> Uniform(0, 1).variance()
        Fraction(1, 12)
        """
        width = self._b - self._a
        return exact_ratio(width * width, 12)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # Inversion: X = a + U·(b − a).
        a, width = float(self._a), float(self._b - self._a)
        draw = rng.random
        return [a + width * draw() for _ in range(n)]


class Normal(ContinuousDistribution, Generic[RealT]):
    """The normal (Gaussian) distribution N(μ, σ²), the bell curve.

    Definition: f(x) = e^(−(x − μ)²/(2σ²)) / (σ√(2π)); F(x) = Φ((x − μ)/σ).

    >>> Normal(0, 1).pdf(0) == 1 / math.sqrt(2 * math.pi)
    True
    >>> round(Normal(100, 15).cdf(130), 6)
    0.97725

    Raises:
        TypeError: if mu or sigma is not a real number.
        DomainError: if mu is NaN or infinite, or sigma is not positive and finite.
    """

    __slots__ = ("_mu", "_sigma")
    _mu: RealT
    _sigma: RealT

    # The mean is μ and the variance σ², of the kind given: floats (or ints) give floats,
    # exact parameters give exact moments. These overloads say so to a type checker.
    @overload
    def __init__(self: Normal[float], mu: float = 0, sigma: float = 1) -> None: ...
    @overload
    def __init__(
        self: Normal[Fraction], mu: int | Fraction = 0, sigma: int | Fraction = 1
    ) -> None: ...
    @overload
    def __init__(self, mu: Real = 0, sigma: Real = 1) -> None: ...
    def __init__(self, mu: Real = 0, sigma: Real = 1) -> None:
        checked_mu: Any = require_finite("mu", mu)  # of the kind RealT the overloads name
        checked_sigma: Any = _positive("sigma", sigma)
        self._mu = checked_mu
        self._sigma = checked_sigma

    @property
    def mu(self) -> RealT:
        """The mean μ.

        >>> Normal(3, 2).mu
        3
        """
        return self._mu

    @property
    def sigma(self) -> RealT:
        """The standard deviation σ.

        >>> Normal(3, 2).sigma
        2
        """
        return self._sigma

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("mu", self._mu), ("sigma", self._sigma))

    def _z(self, x: object) -> float:
        return (to_float(require_real("x", x)) - float(self._mu)) / float(self._sigma)

    def pdf(self, x: Real) -> float:
        """The density f(x) = e^(−z²/2)/(σ√(2π)) with z = (x − μ)/σ.

        >>> round(Normal(0, 1).pdf(1), 12)
        0.241970724519

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        z = self._z(x)
        return math.exp(-0.5 * z * z - _LOG_SQRT_2PI) / float(self._sigma)

    def _logpdf(self, x: float) -> float:
        z = self._z(x)
        return -0.5 * z * z - _LOG_SQRT_2PI - math.log(self._sigma)

    def _logpdf_shifted(self, centre: float, t: float) -> float:
        z = ((centre - float(self._mu)) + t) / float(self._sigma)
        return -0.5 * z * z - _LOG_SQRT_2PI - math.log(self._sigma)

    def _log_density_ratio(self, other: ContinuousDistribution, centre: float, t: float) -> float:
        if not isinstance(other, Normal):
            return super()._log_density_ratio(other, centre, t)
        # log(q/p) = (z_p² − z_q²)/2 + log(σ_p/σ_q) = (z_p − z_q)(z_p + z_q)/2 + log(σ_p/σ_q),
        # with z_p − z_q = (z_p(σ_q − σ_p) + (μ_q − μ_p))/σ_q: no difference of near-equal
        # logarithms, so a KL of 10⁻¹⁷ keeps its digits.
        mu_p, sigma_p = float(self._mu), float(self._sigma)
        mu_q, sigma_q = float(other._mu), float(other._sigma)
        z_p = ((centre - mu_p) + t) / sigma_p
        z_q = ((centre - mu_q) + t) / sigma_q
        gap = (z_p * (sigma_q - sigma_p) + (mu_q - mu_p)) / sigma_q
        return 0.5 * gap * (z_p + z_q) + math.log1p((sigma_p - sigma_q) / sigma_q)

    def cdf(self, x: Real) -> float:
        """The distribution function F(x) = Φ((x − μ)/σ) = ½ erfc(−z/√2).

        >>> Normal(0, 1).cdf(0)
        0.5

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        return normal_cdf(self._z(x))

    def _sf(self, x: Real) -> float:
        return normal_sf(self._z(x))

    def _isf(self, q: Real) -> float:  # S⁻¹(q) = μ − σ·Φ⁻¹(q), by symmetry
        return float(self._mu) - float(self._sigma) * normal_ppf(float(q))

    def _logcdf(self, x: Real) -> float:
        return log_normal_cdf(self._z(x))

    def _logsf(self, x: Real) -> float:
        return log_normal_cdf(-self._z(x))

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q) = μ + σ·Φ⁻¹(q), accurate in the far tails.

        >>> round(Normal(0, 1).ppf(0.975), 6)
        1.959964

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        return float(self._mu) + float(self._sigma) * normal_ppf(float(level))

    def support(self) -> tuple[float, float]:
        """The whole real line, (−∞, ∞).

        >>> Normal().support()
        (-inf, inf)
        """
        return (-math.inf, math.inf)

    def mean(self) -> RealT:
        """The mean E[X] = μ.

        >>> Normal(3, 2).mean()
        3
        """
        return self._mu

    def variance(self) -> RealT:
        """The variance Var X = σ².

        >>> Normal(3, 2).variance()
        4
        """
        sigma: Any = self._sigma
        variance: RealT = sigma * sigma  # σ² has σ's kind: an int's square is an int
        return variance

    def std(self) -> float:
        """The standard deviation σ itself (√(σ²) would overflow for σ = 10²⁰⁰).

        >>> Normal(3, 2).std()
        2.0
        """
        return float(self._sigma)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # Inversion, X = μ + σ·Φ⁻¹(U), with U redrawn in the (probability 2⁻⁵³) case U = 0.
        mu, sigma = float(self._mu), float(self._sigma)
        draw = rng.random
        out = []
        for _ in range(n):
            u = draw()
            while u == 0.0:
                u = draw()
            out.append(mu + sigma * normal_ppf_fast(u))
        return out


class Exponential(ContinuousDistribution):
    """The waiting time until the next event when events come at rate λ (memoryless).

    Definition: f(x) = λe^(−λx) for x ≥ 0; F(x) = 1 − e^(−λx), computed as −expm1(−λx) so
    that small x keeps its digits.

    >>> Exponential(2).pdf(0), Exponential(2).mean()
    (2.0, Fraction(1, 2))

    Raises:
        TypeError: if rate is not a real number.
        DomainError: if rate is NaN, not positive, or infinite.
    """

    __slots__ = ("_rate",)

    def __init__(self, rate: Real) -> None:
        self._rate = _positive("rate", rate)

    @property
    def rate(self) -> Real:
        """The rate λ (events per unit time).

        >>> Exponential(2).rate
        2
        """
        return self._rate

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("rate", self._rate),)

    def pdf(self, x: Real) -> float:
        """The density f(x) = λe^(−λx) for x ≥ 0, else 0.

        >>> Exponential(1).pdf(-1)
        0.0

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        value = to_float(require_real("x", x))
        if value < 0.0:
            return 0.0
        rate = float(self._rate)
        return rate * math.exp(-rate * value)

    def _logpdf(self, x: float) -> float:
        value = float(x)
        if value < 0.0:
            return -math.inf
        return math.log(self._rate) - float(self._rate) * value

    def _log_density_ratio(self, other: ContinuousDistribution, centre: float, t: float) -> float:
        if not isinstance(other, Exponential):
            return super()._log_density_ratio(other, centre, t)
        # log(q/p) = log(λ_q/λ_p) − (λ_q − λ_p)·x, without subtracting two near-equal logs.
        rate_p, rate_q = float(self._rate), float(other._rate)
        return math.log1p((rate_q - rate_p) / rate_p) - (rate_q - rate_p) * (centre + t)

    def cdf(self, x: Real) -> float:
        """The distribution function F(x) = 1 − e^(−λx) for x ≥ 0, else 0.

        >>> Exponential(1).cdf(0.0)
        0.0

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        value = to_float(require_real("x", x))
        if value <= 0.0:
            return 0.0
        return -math.expm1(-float(self._rate) * value)

    def _sf(self, x: Real) -> float:  # S(x) = e^(−λx), no 1 − F
        return math.exp(self._logsf(x))

    def _logsf(self, x: Real) -> float:
        return 0.0 - float(self._rate) * max(to_float(require_real("x", x)), 0.0)  # 0.0, not −0.0

    def _logcdf(self, x: Real) -> float:  # log(1 − e^(−λx)) = log(−expm1(−λx))
        value = to_float(require_real("x", x))
        if value <= 0:
            return -math.inf
        t = float(self._rate) * value
        if t < 1e-300:  # λx underflows: log(1 − e^(−t)) = log t − t/2 + ⋯ = log λ + log x
            return math.log(self._rate) + math.log(value)
        return math.log(-math.expm1(-t))

    def _isf(self, q: Real) -> float:  # S⁻¹(q) = −log(q)/λ
        return -math.log(q) / float(self._rate) + 0.0 if q > 0 else math.inf  # + 0.0: not −0.0

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q) = −log(1 − q)/λ, computed as −log1p(−q)/λ.

        >>> Exponential(1).ppf(0.0), Exponential(1).ppf(1.0)
        (0.0, inf)

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = float(require_quantile(q))
        if level == 1.0:
            return math.inf
        return -math.log1p(-level) / float(self._rate)

    def support(self) -> tuple[float, float]:
        """The half-line (0, ∞).

        >>> Exponential(3).support()
        (0.0, inf)
        """
        return (0.0, math.inf)

    def mean(self) -> Real:
        """The mean E[X] = 1/λ.

        >>> Exponential(4).mean()
        Fraction(1, 4)
        """
        return exact_ratio(1, self._rate)

    def variance(self) -> Real:
        """The variance Var X = 1/λ².

        >>> Exponential(2).variance()
        Fraction(1, 4)
        """
        return exact_ratio(exact_ratio(1, self._rate), self._rate)  # 1/λ/λ: no underflow of λ·λ

    def std(self) -> float:
        """The standard deviation σ = 1/λ (not √(1/λ²), which overflows for λ = 10⁻³⁰⁰).

        >>> Exponential(4).std()
        0.25
        """
        return float(exact_ratio(1, self._rate))

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # Inversion: X = −log(1 − U)/λ (U in [0, 1), so 1 − U is never 0).
        scale = -1.0 / float(self._rate)
        draw = rng.random
        log1p = math.log1p
        return [scale * log1p(-draw()) for _ in range(n)]
