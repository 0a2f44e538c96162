"""The distributions of inference: Gamma and Beta, and the χ², t and F built from them.

===========================  ====================================================================
name                         the distribution of …
===========================  ====================================================================
``Gamma(shape, rate)``       a waiting time for ``shape`` events of a Poisson process at ``rate``
``ChiSquared(df)``           Z₁² + … + Zₖ², k = df independent standard normals (Gamma(k/2, ½))
``Beta(a, b)``               a probability: the a-th smallest of a + b − 1 uniforms (integer a, b)
``StudentT(df)``             Z/√(V/ν), V ~ χ²ᵥ independent of Z: a mean over its estimated SE
``FDistribution(d1, d2)``    (V₁/d₁)/(V₂/d₂): a ratio of two variance estimates
===========================  ====================================================================

Their distribution functions are the regularised incomplete gamma and beta functions of
:mod:`.special`, evaluated so that *both* tails keep their relative precision: ``cdf`` far
below the median and ``1 − cdf`` far above it are each computed directly, never as 1 minus
a number near 1. ``ppf`` inverts them by a safeguarded Newton iteration (below).

>>> round(StudentT(10).ppf(0.975), 12)     # the t-table's 2.228
2.228138851986
>>> ChiSquared(4).mean(), ChiSquared(4).variance()
(Fraction(4, 1), Fraction(8, 1))

Moments that do not exist raise: ``StudentT(1).mean()`` (the Cauchy distribution has none)
is a DomainError; a moment that is infinite (``StudentT(2).variance()``) is ``math.inf``.
Sampling: Gamma by Marsaglia and Tsang's squeeze (2000) — a transformed normal accepted
with probability above 95 % — and the others from it (χ² = Gamma, Beta = X/(X + Y),
t = Z/√(V/ν), F = (V₁/d₁)/(V₂/d₂)).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from scratchmath.checks import check_real
from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.distributions import ContinuousDistribution, Real
from scratchmath.probability.special import (
    beta_kernel,
    beta_pair,
    gamma_kernel,
    gamma_pq,
    log_beta,
    log_beta_pair,
    log_gamma_pq,
)
from scratchmath.scalars import to_float

__all__ = ["Beta", "ChiSquared", "FDistribution", "Gamma", "StudentT"]

Tails = Callable[[float], tuple[float, float]]


def _parameter(name: str, value: object) -> Real:
    real = check_real(value, name)
    if not (real > 0 and math.isfinite(real)):
        raise DomainError(f"{name} must be positive and finite, got {real!r}")
    return real


def _ratio(a: Real, b: Real) -> Real:
    """a / b, exact (a Fraction) when both are int or Fraction."""
    if isinstance(a, int | Fraction) and isinstance(b, int | Fraction):
        return Fraction(a) / Fraction(b)
    return a / b


def _point(x: object) -> float:
    """x as a float; an int or Fraction beyond the float range saturates to ±inf (the density
    there is 0 and the cdf 0 or 1, as at ±inf), never an OverflowError."""
    return to_float(check_real(x, "x"))


def _level(q: object) -> float:
    level = check_real(q, "q")
    if not 0 <= level <= 1:
        raise DomainError(f"q must be in [0, 1], got {level!r}")
    return float(level)


# ---------------------------------------------------------------------------------------------
# The quantile: solve F(x) = q by Newton's method on log F, kept inside a bracket.


def _bracket(
    side: Callable[[float], float], x0: float, low: float, high: float
) -> tuple[float, float]:
    """(lo, hi) inside (low, high) with side(lo) ≤ 0 ≤ side(hi), side increasing.

    The steps away from x0 grow by squaring (2, 4, 16, 256, …), so even a quantile at 10⁻³⁰⁰
    is bracketed in about ten evaluations.
    """
    lo, hi = x0, x0
    step = 2.0
    for _ in range(64):
        if side(hi) >= 0:
            break
        lo = hi
        hi = hi * step if low >= 0 else (hi + step if hi < 1 else hi * step)
        hi = min(hi, high)
        step = min(step * step, 1e300)
    step = 2.0
    for _ in range(64):
        if side(lo) <= 0:
            break
        hi = lo
        lo = lo / step if low >= 0 else (lo - step if lo > -1 else lo * step)
        lo = max(lo, low)
        step = min(step * step, 1e300)
    return lo, hi


def _quantile(
    q: float, tails: Tails, pdf: Callable[[float], float], x0: float, low: float, high: float
) -> float:
    """The x with F(x) = q, where tails(x) = (F(x), 1 − F(x)), each accurate.

    Newton's method on h(x) = log F(x) − log q (or log S(x) − log(1 − q) above the median,
    S = 1 − F): on the log scale h is close to linear in both tails, so Newton converges
    even at q = 10⁻³⁰⁰, where F itself is too flat and too small for a plain Newton step.
    Every step is kept inside a bracket [lo, hi] with h(lo) ≤ 0 ≤ h(hi), and a step that
    would leave it bisects instead (geometrically on a positive bracket), so the iteration
    cannot diverge; it stops when the bracket or the step is down to a few ulp.
    """
    if q == 0.0:
        return low
    if q == 1.0:
        return high
    upper = q > 0.5
    target = math.log1p(-q) if upper else math.log(q)

    def side(x: float) -> float:
        f, s = tails(x)
        value = s if upper else f
        h = (math.log(value) if value > 0 else -math.inf) - target
        return -h if upper else h

    lo, hi = _bracket(side, x0, low, high)
    biggest = 1.7976931348623157e308
    if lo == -math.inf:
        lo = -biggest
        if side(lo) > 0:
            return -math.inf  # the quantile lies beyond the floats
    if hi == math.inf:
        hi = biggest
        if side(hi) < 0:
            return math.inf
    x = min(max(x0, lo), hi) if lo < x0 < hi else 0.5 * (lo + hi)
    for _ in range(200):
        h = side(x)
        if h == 0:
            return x
        if h < 0:
            lo = x
        else:
            hi = x
        f, s = tails(x)
        density = pdf(x)
        tail = s if upper else f
        newton = x - h * tail / density if density > 0 and tail > 0 else math.nan
        if lo < newton < hi:
            step = abs(newton - x)
            x = newton
            if step <= 2e-16 * abs(x):
                return x
        else:
            x = _bisect(lo, hi)
        if hi - lo <= 4e-16 * max(abs(lo), abs(hi)) or not lo < x < hi:
            return x
    raise ConvergenceError(
        f"the quantile at q = {q!r} did not converge", iterations=200, estimate=x, error=hi - lo
    )


def _bisect(lo: float, hi: float) -> float:
    """The middle of the bracket [lo, hi]: geometric when it is one-signed and spans more than
    a factor 4 (bisect the exponent: 10⁻³⁰⁰ is far from 1), arithmetic otherwise."""
    if lo > 0 and hi > 4 * lo:
        return math.sqrt(lo) * math.sqrt(hi)
    if hi < 0 and lo < 4 * hi:
        return -math.sqrt(-lo) * math.sqrt(-hi)
    return lo + 0.5 * (hi - lo)


# ---------------------------------------------------------------------------------------------
# Gamma and χ².


def _standard_gamma(shape: float, rng: random.Random) -> float:
    """One Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 via U^(1/shape) boosting)."""
    boost = 1.0
    if shape < 1.0:
        u = rng.random()
        boost = (u if u > 0 else 1e-300) ** (1.0 / shape)
        shape += 1.0
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    for _ in range(10_000):  # each try succeeds with probability > 0.95
        z = rng.gauss(0.0, 1.0)
        v = 1.0 + c * z
        if v <= 0:
            continue
        v = v * v * v
        u = rng.random()
        if u > 0 and math.log(u) < 0.5 * z * z + d - d * v + d * math.log(v):
            return boost * d * v
    raise ConvergenceError("the Gamma sampler rejected 10 000 times", iterations=10_000)


class Gamma(ContinuousDistribution):
    """The Gamma distribution with shape α and rate β: the time to the α-th event at rate β.

    Definition: f(x) = βᵅ xᵅ⁻¹ e^(−βx)/Γ(α) for x > 0; F(x) = P(α, βx), the regularised lower
    incomplete gamma function. Gamma(1, λ) is Exponential(λ); Gamma(k/2, ½) is χ²ₖ.

    >>> Gamma(2, 3).mean(), Gamma(2, 3).variance()
    (Fraction(2, 3), Fraction(2, 9))
    >>> round(Gamma(1, 1).cdf(1.0), 15)     # 1 − 1/e
    0.632120558828558

    Raises:
        TypeError: if shape or rate is not a real number.
        DomainError: if shape or rate is not positive and finite.
    """

    __slots__ = ("_rate", "_shape")

    def __init__(self, shape: Real, rate: Real = 1) -> None:
        self._shape = _parameter("shape", shape)
        self._rate = _parameter("rate", rate)

    @property
    def shape(self) -> Real:
        """The shape α (the number of events waited for).

        >>> Gamma(2, 3).shape
        2
        """
        return self._shape

    @property
    def rate(self) -> Real:
        """The rate β (events per unit time).

        >>> Gamma(2, 3).rate
        3
        """
        return self._rate

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("shape", self._shape), ("rate", self._rate))

    def pdf(self, x: Real) -> float:
        """The density f(x) = βᵅ xᵅ⁻¹ e^(−βx)/Γ(α) for x > 0 (0 for x < 0).

        >>> Gamma(2, 1).pdf(1.0) == math.exp(-1)
        True

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        value = _point(x)
        a, rate = float(self._shape), float(self._rate)
        if value < 0:
            return 0.0
        z = rate * value
        if z == 0:  # x = 0, or so small that βx underflows
            return math.inf if a < 1 else (rate if a == 1 else 0.0)
        return rate * gamma_kernel(a, z) / z if math.isfinite(z) else 0.0

    def _tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return 0.0, 1.0
        return gamma_pq(float(self._shape), float(self._rate) * x)

    def cdf(self, x: Real) -> float:
        """F(x) = P(α, βx), the regularised incomplete gamma function.

        >>> Gamma(1, 2).cdf(0)
        0.0

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[0]

    def sf(self, x: Real) -> float:
        """The survival function 1 − F(x) = Q(α, βx), accurate far into the upper tail.

        >>> Gamma(1, 1).sf(700) > 0
        True

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[1]

    def _log_tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return -math.inf, 0.0
        rate = float(self._rate)
        z = rate * x
        if z == 0.0:  # βx underflows: P(α, z) = zᵅ/Γ(α + 1)·(1 − O(z)), with log z in parts
            return float(self._shape) * (math.log(rate) + math.log(x)) - math.lgamma(
                float(self._shape) + 1.0
            ), 0.0
        return log_gamma_pq(float(self._shape), z)

    def _logcdf(self, x: Real) -> float:
        return self._log_tails(_point(x))[0]

    def _logsf(self, x: Real) -> float:
        return self._log_tails(_point(x))[1]

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q), by safeguarded Newton on log F (accurate down to q = 10⁻³⁰⁰).

        >>> round(Gamma(1, 1).ppf(0.5), 15)      # log 2
        0.693147180559945

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        mean = float(self._shape) / float(self._rate)
        return _quantile(_level(q), self._tails, self.pdf, mean, 0.0, math.inf)

    def support(self) -> tuple[float, float]:
        """The half-line (0, ∞).

        >>> Gamma(2).support()
        (0.0, inf)
        """
        return (0.0, math.inf)

    def mean(self) -> Real:
        """E[X] = α/β.

        >>> Gamma(3, 2).mean()
        Fraction(3, 2)
        """
        return _ratio(self._shape, self._rate)

    def variance(self) -> Real:
        """Var X = α/β².

        >>> Gamma(3, 2).variance()
        Fraction(3, 4)
        """
        return _ratio(_ratio(self._shape, self._rate), self._rate)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        a, scale = float(self._shape), 1.0 / float(self._rate)
        return [scale * _standard_gamma(a, rng) for _ in range(n)]


class ChiSquared(Gamma):
    """The χ² distribution with k degrees of freedom: the sum of k squared standard normals.

    Definition: f(x) = x^(k/2 − 1) e^(−x/2)/(2^(k/2) Γ(k/2)) for x > 0, that is Gamma(k/2, ½);
    k may be any positive real.

    >>> math.isclose(ChiSquared(2).cdf(2.0), 1 - math.exp(-1), rel_tol=1e-15)
    True
    >>> round(ChiSquared(1).ppf(0.95), 12)      # 1.96² = 3.84
    3.841458820694

    Raises:
        TypeError: if df is not a real number.
        DomainError: if df is not positive and finite.
    """

    __slots__ = ("_df",)

    def __init__(self, df: Real) -> None:
        self._df = _parameter("df", df)
        super().__init__(_ratio(self._df, 2), Fraction(1, 2))

    @property
    def df(self) -> Real:
        """The degrees of freedom k.

        >>> ChiSquared(3).df
        3
        """
        return self._df

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("df", self._df),)


# ---------------------------------------------------------------------------------------------
# Beta.


class Beta(ContinuousDistribution):
    """The Beta distribution on [0, 1]: the belief about a probability after a − 1 successes and
    b − 1 failures (from a flat start).

    Definition: f(x) = x^(a−1)(1 − x)^(b−1)/B(a, b) for 0 < x < 1; F(x) = Iₓ(a, b), the
    regularised incomplete beta function.

    >>> Beta(2, 3).mean(), Beta(2, 3).variance()
    (Fraction(2, 5), Fraction(1, 25))
    >>> Beta(1, 1).cdf(0.25)                  # Beta(1, 1) is uniform
    0.25

    Raises:
        TypeError: if a or b is not a real number.
        DomainError: if a or b is not positive and finite.
    """

    __slots__ = ("_a", "_b")

    def __init__(self, a: Real, b: Real) -> None:
        self._a = _parameter("a", a)
        self._b = _parameter("b", b)

    @property
    def a(self) -> Real:
        """The first shape a (the exponent of x).

        >>> Beta(2, 3).a
        2
        """
        return self._a

    @property
    def b(self) -> Real:
        """The second shape b (the exponent of 1 − x).

        >>> Beta(2, 3).b
        3
        """
        return self._b

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("a", self._a), ("b", self._b))

    def pdf(self, x: Real) -> float:
        """The density x^(a−1)(1 − x)^(b−1)/B(a, b) on (0, 1), 0 outside.

        >>> round(Beta(2, 2).pdf(0.5), 14)
        1.5

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        value = _point(x)
        a, b = float(self._a), float(self._b)
        if value < 0 or value > 1:
            return 0.0
        if value == 0 or value == 1:
            shape, other = (a, b) if value == 0 else (b, a)
            return (
                math.inf if shape < 1 else (math.exp(-log_beta(1.0, other)) if shape == 1 else 0.0)
            )
        y = 1.0 - value
        return beta_kernel(a, b, value, y) / (value * y)

    def _tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return 0.0, 1.0
        if x >= 1:
            return 1.0, 0.0
        return beta_pair(x, float(self._a), float(self._b))

    def _log_tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return -math.inf, 0.0
        if x >= 1:
            return 0.0, -math.inf
        return log_beta_pair(x, float(self._a), float(self._b))

    def _logcdf(self, x: Real) -> float:
        return self._log_tails(_point(x))[0]

    def _logsf(self, x: Real) -> float:
        return self._log_tails(_point(x))[1]

    def cdf(self, x: Real) -> float:
        """F(x) = Iₓ(a, b).

        >>> round(Beta(2, 3).cdf(0.5), 15)
        0.6875

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[0]

    def sf(self, x: Real) -> float:
        """1 − F(x) = I₁₋ₓ(b, a), computed directly.

        >>> round(Beta(2, 3).sf(0.5), 15)
        0.3125

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[1]

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q), by safeguarded Newton on log F.

        >>> round(Beta(2, 2).ppf(0.5), 15)
        0.5

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        mean = float(self._a) / (float(self._a) + float(self._b))
        return _quantile(_level(q), self._tails, self.pdf, mean, 0.0, 1.0)

    def support(self) -> tuple[float, float]:
        """The interval (0, 1).

        >>> Beta(1, 2).support()
        (0.0, 1.0)
        """
        return (0.0, 1.0)

    def mean(self) -> Real:
        """E[X] = a/(a + b).

        >>> Beta(1, 3).mean()
        Fraction(1, 4)
        """
        return _ratio(self._a, self._a + self._b)

    def variance(self) -> Real:
        """Var X = ab/((a + b)²(a + b + 1)).

        >>> Beta(1, 1).variance()
        Fraction(1, 12)
        """
        total = self._a + self._b
        return _ratio(self._a * self._b, total * total * (total + 1))

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        a, b = float(self._a), float(self._b)
        out = []
        for _ in range(n):
            x, y = _standard_gamma(a, rng), _standard_gamma(b, rng)
            out.append(x / (x + y) if x + y > 0 else (1.0 if a > b else 0.0))
        return out


# ---------------------------------------------------------------------------------------------
# Student's t and Fisher's F.


class StudentT(ContinuousDistribution):
    """Student's t distribution with ν degrees of freedom: Z/√(V/ν), Z ~ N(0, 1), V ~ χ²ᵥ.

    Definition: f(t) = (1 + t²/ν)^(−(ν+1)/2)/(√ν·B(ν/2, ½)); for t < 0,
    F(t) = ½·I_{ν/(ν+t²)}(ν/2, ½), and F(−t) = 1 − F(t). As ν → ∞ it tends to N(0, 1);
    StudentT(1) is the Cauchy distribution.

    >>> round(StudentT(1).cdf(1.0), 15)       # Cauchy: ½ + atan(1)/π
    0.75
    >>> StudentT(5).variance()
    Fraction(5, 3)

    Raises:
        TypeError: if df is not a real number.
        DomainError: if df is not positive and finite.
    """

    __slots__ = ("_df",)

    def __init__(self, df: Real) -> None:
        self._df = _parameter("df", df)

    @property
    def df(self) -> Real:
        """The degrees of freedom ν.

        >>> StudentT(4).df
        4
        """
        return self._df

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("df", self._df),)

    def pdf(self, x: Real) -> float:
        """The density (1 + t²/ν)^(−(ν+1)/2)/(√ν·B(ν/2, ½)).

        >>> math.isclose(StudentT(1).pdf(0), 1 / math.pi, rel_tol=1e-15)
        True

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        t = _point(x)
        nu = float(self._df)
        if math.isinf(t):
            return 0.0
        if abs(t) > 1e150 * math.sqrt(nu):  # r² = t²/ν would overflow: log(1 + r²) ≈ 2 log r
            log_r2 = 2.0 * (math.log(abs(t)) - 0.5 * math.log(nu))
        else:
            r = t / math.sqrt(nu)
            log_r2 = math.log1p(r * r)
        log_f = -0.5 * (nu + 1.0) * log_r2 - 0.5 * math.log(nu) - log_beta(0.5 * nu, 0.5)
        return math.exp(log_f)

    def _tails(self, t: float) -> tuple[float, float]:
        nu = float(self._df)
        if t == 0:
            return 0.5, 0.5
        if math.isinf(t):
            small = 0.0
        elif abs(t) > 1e150 * math.sqrt(nu):
            # The far-tail closed form ½·r^(−ν)/((ν/2)·B(ν/2, ½)) in a few roundings (the
            # exponential of its logarithm would carry ε·|log|: 4·10⁻¹⁴ for Cauchy at 10²⁰⁰).
            power = (abs(t) / math.sqrt(nu)) ** -nu
            beta = math.exp(log_beta(0.5 * nu, 0.5))
            if power > 1e-300 and 0.0 < beta < math.inf:
                small = 0.5 * power / (0.5 * nu * beta)
            else:
                small = math.exp(self._log_smaller_tail(t))
        else:
            x, y, log_xy = self._beta_point(t)
            small = 0.5 * beta_pair(x, 0.5 * nu, 0.5, y, log_xy=log_xy)[0]
        # 1 − small is computed only where small ≤ ½, so it keeps its digits.
        return (small, 1.0 - small) if t < 0 else (1.0 - small, small)

    def _beta_point(self, t: float) -> tuple[float, float, tuple[float, float]]:
        """x = 1/(1 + r²), y = r²/(1 + r²) (r = t/√ν), and their logarithms from log1p:
        x^(ν/2) from the rounded x would carry ε·ν/2 of relative error (10⁻⁶ at ν = 10¹⁰)."""
        r = abs(t) / math.sqrt(float(self._df))
        r2 = r * r
        log_x = -math.log1p(r2)
        log_r2 = 2.0 * math.log(r) if r > 0.0 else -math.inf  # t = 5e-324 at ν = 10¹⁰: r = 0
        return 1.0 / (1.0 + r2), r2 / (1.0 + r2), (log_x, log_r2 + log_x)

    def _log_tails(self, t: float) -> tuple[float, float]:
        if t == 0:
            return math.log(0.5), math.log(0.5)
        log_small = self._log_smaller_tail(t)
        # log1p(−small) with small itself where it is a normal float (e^(log small) would
        # carry ε·|log small| of relative error), its exponential where that is negligible.
        small = min(self._tails(t)) if log_small > -690.0 else math.exp(log_small)
        log_large = math.log1p(-small)
        return (log_small, log_large) if t < 0 else (log_large, log_small)

    def _log_smaller_tail(self, t: float) -> float:
        """log F(−|t|) = log(½·I_x(ν/2, ½)), x = 1/(1 + t²/ν), kept as a logarithm so that
        StudentT(5).logsf(10⁷⁰) ≈ −805 does not become log 0."""
        nu = float(self._df)
        if math.isinf(t):
            return -math.inf
        if abs(t) > 1e150 * math.sqrt(nu):
            # r² = t²/ν would overflow: I_x(ν/2, ½) ≈ x^(ν/2)/((ν/2)·B(ν/2, ½)) with x ≈ r⁻²,
            # the neglected factor 1 + O(r⁻²) being 1 to the last bit.
            log_r = math.log(abs(t)) - 0.5 * math.log(nu)
            return math.log(0.5) - nu * log_r - math.log(0.5 * nu) - log_beta(0.5 * nu, 0.5)
        x, y, log_xy = self._beta_point(t)
        return math.log(0.5) + log_beta_pair(x, 0.5 * nu, 0.5, y, log_xy=log_xy)[0]

    def _logcdf(self, x: Real) -> float:
        return self._log_tails(_point(x))[0]

    def _logsf(self, x: Real) -> float:
        return self._log_tails(_point(x))[1]

    def cdf(self, x: Real) -> float:
        """F(t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t < 0, and 1 − F(−t) for t > 0.

        >>> StudentT(3).cdf(0)
        0.5

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[0]

    def sf(self, x: Real) -> float:
        """1 − F(t) = F(−t), accurate far into the upper tail.

        >>> round(StudentT(1).sf(1.0), 15)
        0.25

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[1]

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q) (symmetric: F⁻¹(1 − q) = −F⁻¹(q)), by safeguarded Newton.

        >>> round(StudentT(1).ppf(0.75), 15)      # Cauchy: tan(π/4)
        1.0

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = _level(q)
        if level == 0.5:
            return 0.0
        if level > 0.5:  # solve in the lower tail, where the level 1 − q is exact
            return -_quantile(1.0 - level, self._tails, self.pdf, -1.0, -math.inf, 0.0)
        return _quantile(level, self._tails, self.pdf, -1.0, -math.inf, 0.0)

    def support(self) -> tuple[float, float]:
        """The whole real line.

        >>> StudentT(3).support()
        (-inf, inf)
        """
        return (-math.inf, math.inf)

    def mean(self) -> Real:
        """E[T] = 0 for ν > 1; for ν ≤ 1 the mean does not exist (DomainError).

        >>> StudentT(2).mean()
        0

        Raises:
            DomainError: if ν ≤ 1 (the integral of |t|·f(t) diverges at both ends).
        """
        if self._df <= 1:
            raise DomainError(f"StudentT({self._df!r}) has no mean: it needs df > 1")
        return 0

    def variance(self) -> Real:
        """Var T = ν/(ν − 2) for ν > 2; ∞ for 1 < ν ≤ 2; undefined for ν ≤ 1.

        >>> StudentT(4).variance(), StudentT(2).variance()
        (Fraction(2, 1), inf)

        Raises:
            DomainError: if ν ≤ 1 (no mean, so no variance about it).
        """
        if self._df <= 1:
            raise DomainError(f"StudentT({self._df!r}) has no variance: it needs df > 1")
        if self._df <= 2:
            return math.inf
        return _ratio(self._df, self._df - 2)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        nu = float(self._df)
        out = []
        for _ in range(n):
            v = 2.0 * _standard_gamma(0.5 * nu, rng)
            z = rng.gauss(0.0, 1.0)
            out.append(z / math.sqrt(v / nu) if v > 0 else math.copysign(math.inf, z))
        return out


class FDistribution(ContinuousDistribution):
    """Fisher's F distribution: (V₁/d₁)/(V₂/d₂) for independent V₁ ~ χ²(d₁), V₂ ~ χ²(d₂).

    Definition: f(x) = √((d₁x)^d₁ d₂^d₂/(d₁x + d₂)^(d₁+d₂))/(x·B(d₁/2, d₂/2)) for x > 0;
    F(x) = I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2). If T ~ t(ν) then T² ~ F(1, ν).

    >>> FDistribution(2, 2).cdf(1.0)          # F(2, 2): x/(1 + x)
    0.5
    >>> FDistribution(3, 10).mean()
    Fraction(5, 4)

    Raises:
        TypeError: if d1 or d2 is not a real number.
        DomainError: if d1 or d2 is not positive and finite.
    """

    __slots__ = ("_d1", "_d2")

    def __init__(self, d1: Real, d2: Real) -> None:
        self._d1 = _parameter("d1", d1)
        self._d2 = _parameter("d2", d2)

    @property
    def d1(self) -> Real:
        """The numerator's degrees of freedom d₁.

        >>> FDistribution(3, 7).d1
        3
        """
        return self._d1

    @property
    def d2(self) -> Real:
        """The denominator's degrees of freedom d₂.

        >>> FDistribution(3, 7).d2
        7
        """
        return self._d2

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("d1", self._d1), ("d2", self._d2))

    def _xy(self, x: float) -> tuple[float, float]:
        """(d₁x/(d₁x + d₂), d₂/(d₁x + d₂)), each without subtracting from 1."""
        r = float(self._d1) * x / float(self._d2)
        if math.isinf(r):
            return 1.0, 0.0
        return r / (1.0 + r), 1.0 / (1.0 + r)

    def pdf(self, x: Real) -> float:
        """The density, as the Beta(d₁/2, d₂/2) kernel at d₁x/(d₁x + d₂) over x.

        >>> FDistribution(2, 2).pdf(1.0)          # 1/(1 + x)²
        0.25

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        value = _point(x)
        d1, d2 = float(self._d1), float(self._d2)
        if value < 0:
            return 0.0
        if value == 0:
            return math.inf if d1 < 2 else (1.0 if d1 == 2 else 0.0)
        u, w = self._xy(value)
        return beta_kernel(0.5 * d1, 0.5 * d2, u, w) / value if w > 0 else 0.0

    def _tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return 0.0, 1.0
        if math.isfinite(x) and float(self._d1) * x > 1e300 * float(self._d2):
            # w = 1/(1 + r) is below 10⁻³⁰⁰ (or r overflows): the closed form of the far tail
            # (F(2, 1).sf(10³⁰⁷) ≈ 10⁻¹⁵⁴ was 0.0, from w rounded to 0).
            a, b = 0.5 * float(self._d1), 0.5 * float(self._d2)
            r = float(self._d1) * x / float(self._d2)
            beta = math.exp(log_beta(a, b))
            if math.isfinite(r) and 0.0 < beta < math.inf:  # wᵇ/(b·B(a, b)), few roundings
                small = r**-b / (b * beta)
            else:
                small = math.exp(self._log_tails(x)[1])
            return 1.0 - small, small
        u, w = self._xy(x)
        return beta_pair(u, 0.5 * float(self._d1), 0.5 * float(self._d2), w)

    def _log_tails(self, x: float) -> tuple[float, float]:
        if x <= 0:
            return -math.inf, 0.0
        if math.isinf(x):
            return 0.0, -math.inf
        a, b = 0.5 * float(self._d1), 0.5 * float(self._d2)
        log_r = math.log(float(self._d1)) - math.log(float(self._d2)) + math.log(x)
        if log_r > 690.0:
            # r = d₁x/d₂ > 10³⁰⁰: 1 − F = I_w(d₂/2, d₁/2) with w = 1/(1 + r) below 10⁻³⁰⁰,
            # where the fraction and (1 − w)^(d₁/2) are 1 to the last bit: wᵇ/(b·B(a, b)).
            log_sf = -b * log_r - math.log(b) - log_beta(a, b)
            return 0.0 - math.exp(log_sf), log_sf
        u, w = self._xy(x)
        return log_beta_pair(u, a, b, w)

    def _logcdf(self, x: Real) -> float:
        return self._log_tails(_point(x))[0]

    def _logsf(self, x: Real) -> float:
        return self._log_tails(_point(x))[1]

    def cdf(self, x: Real) -> float:
        """F(x) = I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2).

        >>> FDistribution(2, 2).cdf(3.0)
        0.75

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[0]

    def sf(self, x: Real) -> float:
        """1 − F(x), computed directly (the p-value of an F test).

        >>> FDistribution(2, 2).sf(3.0)
        0.25

        Raises:
            TypeError: if x is not a real number.  DomainError: if x is NaN.
        """
        return self._tails(_point(x))[1]

    def ppf(self, q: Real) -> float:
        """The quantile F⁻¹(q), by safeguarded Newton on log F.

        >>> round(FDistribution(2, 2).ppf(0.75), 12)
        3.0

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        return _quantile(_level(q), self._tails, self.pdf, 1.0, 0.0, math.inf)

    def support(self) -> tuple[float, float]:
        """The half-line (0, ∞).

        >>> FDistribution(1, 1).support()
        (0.0, inf)
        """
        return (0.0, math.inf)

    def mean(self) -> Real:
        """E[X] = d₂/(d₂ − 2) for d₂ > 2, and ∞ for d₂ ≤ 2 (X > 0, so the mean is infinite).

        >>> FDistribution(5, 4).mean(), FDistribution(5, 2).mean()
        (Fraction(2, 1), inf)
        """
        if self._d2 <= 2:
            return math.inf
        return _ratio(self._d2, self._d2 - 2)

    def variance(self) -> Real:
        """Var X = 2d₂²(d₁ + d₂ − 2)/(d₁(d₂ − 2)²(d₂ − 4)) for d₂ > 4; ∞ for 2 < d₂ ≤ 4.

        >>> FDistribution(2, 6).variance()
        Fraction(27, 4)

        Raises:
            DomainError: if d₂ ≤ 2 (the mean is infinite, so there is no variance about it).
        """
        d1, d2 = self._d1, self._d2
        if d2 <= 2:
            raise DomainError(f"FDistribution({d1!r}, {d2!r}) has no variance: it needs d2 > 2")
        if d2 <= 4:
            return math.inf
        return _ratio(2 * d2 * d2 * (d1 + d2 - 2), d1 * (d2 - 2) * (d2 - 2) * (d2 - 4))

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        d1, d2 = float(self._d1), float(self._d2)
        out = []
        for _ in range(n):
            v1 = 2.0 * _standard_gamma(0.5 * d1, rng)
            v2 = 2.0 * _standard_gamma(0.5 * d2, rng)
            out.append((v1 / d1) / (v2 / d2) if v2 > 0 else math.inf)
        return out
