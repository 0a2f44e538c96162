"""The two counting families: successes in n trials, and rare events at a rate.

=========================  =====================================================================
name                       the distribution of …
=========================  =====================================================================
``Binomial(n, p)``         the number of successes in n independent Bernoulli(p) trials
``Poisson(lam)``           the number of rare, independent events when on average λ happen
=========================  =====================================================================

Both are built on :class:`.discrete._IntegerDistribution`. Their masses use Loader's
saddle-point forms (:mod:`.special`), their distribution functions sum the shorter tail
(so both tails keep their relative accuracy), and their samplers switch from inversion to
Hörmann's exact transformed-rejection methods (BTRS, PTRS) once the mean passes 10, where
inversion would walk ~√mean steps per draw.

Binomial(n, λ/n) tends to Poisson(λ) as n grows (the law of rare events):

>>> round(Binomial(1000, 0.002).pmf(2), 4), round(Poisson(2).pmf(2), 4)
(0.2709, 0.2707)
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

from scratchmath.errors import DomainError
from scratchmath.probability.discrete import EXACT_LIMIT, IntegerDistribution, tail_sum
from scratchmath.probability.distributions import (
    Real,
    is_exact,
    require_count,
    require_probability,
    require_quantile,
    require_real,
)
from scratchmath.probability.special import (
    TEMME_MIN_A,
    binomial_pmf,
    gamma_pq,
    log_binomial_pmf,
    log_gamma_pq,
    log_poisson_pmf,
    normal_ppf,
)

__all__ = ["Binomial", "Poisson"]


class Binomial(IntegerDistribution):
    """The number of successes in n independent trials, each succeeding with probability p.

    Definition: p(k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ for k = 0, 1, …, n.
    With a Fraction p (and n ≤ 10 000) every probability is an exact Fraction; else the mass is
    Loader's saddle-point form (accurate for n = 10⁹) and the distribution function sums the
    shorter tail, so both tails keep their relative accuracy.

    >>> Binomial(2, 0.5).pmf(1)
    0.5
    >>> Binomial(4, Fraction(1, 2)).cdf(1)
    Fraction(5, 16)

    Raises:
        TypeError: if n is not an int or p not a real number.
        DomainError: if n < 0 or not a whole number (3.5), or p is NaN or outside [0, 1].
    """

    __slots__ = ("_n", "_p")

    def __init__(self, n: int, p: Real) -> None:
        self._n = require_count("n", n)
        self._p = require_probability("p", p)

    @property
    def n(self) -> int:
        """The number of trials.

        >>> Binomial(10, 0.5).n
        10
        """
        return self._n

    @property
    def p(self) -> Real:
        """The probability of success of each trial.

        >>> Binomial(10, 0.5).p
        0.5
        """
        return self._p

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("n", self._n), ("p", self._p))

    def _low(self) -> int:
        return self._n if self._p == 1 else 0

    def _high(self) -> float:
        return 0 if self._p == 0 else self._n

    def _is_exact(self) -> bool:
        return is_exact(self._p) and self._n <= EXACT_LIMIT

    def _mass(self, k: int) -> Real:
        n, p = self._n, self._p
        if is_exact(p) and n <= EXACT_LIMIT:
            return math.comb(n, k) * Fraction(p) ** k * (1 - Fraction(p)) ** (n - k)
        return binomial_pmf(k, n, float(p))

    def _log_mass(self, k: int) -> float:
        if self._is_exact():
            return super()._log_mass(k)
        return log_binomial_pmf(k, self._n, float(self._p))

    def _mode(self) -> int:
        return min(self._high_int(), max(self._low(), math.floor((self._n + 1) * self._p)))

    def _family_log_ratio(self, other: Any, k: int) -> float | None:
        # q(k)/p(k) = (q/p)ᵏ·((1 − q)/(1 − p))ⁿ⁻ᵏ for one n, each factor as 1 + (difference).
        if other.n != self._n:
            return None
        p, q = float(self._p), float(other._p)
        total = 0.0
        if k > 0:
            if p == 0.0 or q == 0.0:
                return None
            total += k * math.log1p((q - p) / p)
        if k < self._n:
            if p == 1.0 or q == 1.0:
                return None
            total += (self._n - k) * math.log1p((p - q) / (1.0 - p))
        return total

    def _high_int(self) -> int:
        return 0 if self._p == 0 else self._n

    def _ratio_up(self, k: int) -> float:
        p = float(self._p)
        return (self._n - k) * p / ((k + 1) * (1.0 - p))

    def _ratio_down(self, k: int) -> float:
        p = float(self._p)
        return k * (1.0 - p) / ((self._n - k + 1) * p)

    def _cumulative(self, k: int) -> Real:
        n, p = self._n, self._p
        if is_exact(p) and n <= EXACT_LIMIT:
            # Exact: the shorter side, p(j + 1) = p(j)·(n − j)/(j + 1)·p/q in Fractions.
            p_, q_ = Fraction(p), 1 - Fraction(p)
            if k < n // 2:
                term, total = q_**n, Fraction(0)
                for j in range(k + 1):
                    total += term
                    term = term * (n - j) * p_ / ((j + 1) * q_)
                return total
            term, total = p_**n, Fraction(0)
            for j in range(n, k, -1):
                total += term
                term = term * j * q_ / ((n - j + 1) * p_)
            return 1 - total
        p = float(p)
        q = 1.0 - p
        ratio_pq = p / q

        def down(j: int) -> float:  # p(j − 1)/p(j)
            return j / ((n - j + 1) * ratio_pq)

        def up(j: int) -> float:  # p(j + 1)/p(j)
            return (n - j) * ratio_pq / (j + 1)

        def mass(j: int) -> float:
            return binomial_pmf(j, n, float(p))

        if k < self._mode():
            return tail_sum(k, -1, 0, mass(k), down, mass, n + 1)
        return 1.0 - tail_sum(k + 1, 1, n, mass(k + 1), up, mass, n + 1)

    def mean(self) -> Real:
        """The mean E[X] = np.

        >>> Binomial(10, Fraction(1, 2)).mean()
        Fraction(5, 1)
        """
        return self._n * self._p

    def variance(self) -> Real:
        """The variance Var X = np(1 − p).

        >>> Binomial(10, 0.5).variance()
        2.5
        """
        return self._n * self._p * (1 - self._p)

    def ppf(self, q: Real) -> int | float:
        """The quantile F⁻¹(q) = min{k : F(k) ≥ q}, searched from a normal approximation.

        >>> Binomial(10, 0.5).ppf(0.5)
        5

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        sd = math.sqrt(float(self.variance()))
        guess = float(self.mean()) + sd * normal_ppf(min(max(float(level), 1e-300), 1 - 1e-16))
        return self._search_ppf(level, guess)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        trials, p = self._n, float(self._p)
        small = min(p, 1.0 - p)
        if trials * small < 10:
            # Few expected successes: inversion, walking up from 0 (about np + 1 steps).
            return self._draw_by_inversion(n, rng)
        # Many: inversion would walk ~np steps per draw, so use Hörmann's BTRS ("The
        # generation of binomial random variates", 1993), exact transformed rejection with
        # a squeeze, for the success probability s = min(p, 1 − p) (mirroring afterwards).
        flip = p > 0.5
        spq = math.sqrt(trials * small * (1.0 - small))
        b = 1.15 + 2.53 * spq
        a = -0.0873 + 0.0248 * b + 0.01 * small
        c = trials * small + 0.5
        v_r = 0.92 - 4.2 / b
        alpha = (2.83 + 5.1 / b) * spq
        m = math.floor((trials + 1) * small)
        log_at_mode = log_binomial_pmf(m, trials, small)
        out = []
        draw = rng.random
        for _ in range(n):
            while True:  # accepts with probability > 0.8 per round
                u = draw() - 0.5
                v = draw()
                us = 0.5 - abs(u)
                k = math.floor((2.0 * a / us + b) * u + c) if us > 0.0 else -1
                if k < 0 or k > trials:
                    continue
                if us >= 0.07 and v <= v_r:
                    break
                if v > 0.0 and math.log(v * alpha / (a / (us * us) + b)) <= (
                    log_binomial_pmf(k, trials, small) - log_at_mode
                ):
                    break
            out.append(trials - k if flip else k)
        return out


class Poisson(IntegerDistribution):
    """The number of rare, independent events in an interval, when on average λ happen.

    Definition: p(k) = λᵏ e^(−λ)/k! for k = 0, 1, 2, …; λ = 0 puts all the mass on 0.
    The mass is Loader's saddle-point form, accurate for λ = 10⁹; the distribution function
    sums the shorter tail (it is the regularized incomplete gamma function Q(k + 1, λ)).

    >>> round(Poisson(2).pmf(2), 15)
    0.270670566473225
    >>> round(Poisson(2).cdf(1), 15)
    0.406005849709838

    Raises:
        TypeError: if lam is not a real number.
        DomainError: if lam is NaN, negative or infinite.
    """

    __slots__ = ("_lam",)

    def __init__(self, lam: Real) -> None:
        value = require_real("lam", lam)
        if not 0 <= value < math.inf:
            raise DomainError(f"lam must be a finite rate λ ≥ 0, got {value!r}")
        self._lam = value

    @property
    def lam(self) -> Real:
        """The rate λ, the mean number of events.

        >>> Poisson(3).lam
        3
        """
        return self._lam

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("lam", self._lam),)

    def _high(self) -> float:
        return 0 if self._lam == 0 else math.inf

    def _mass(self, k: int) -> Real:
        return math.exp(log_poisson_pmf(k, float(self._lam)))

    def _log_mass(self, k: int) -> float:
        return log_poisson_pmf(k, float(self._lam))

    def _mode(self) -> int:
        return math.floor(self._lam)

    def _family_log_ratio(self, other: Any, k: int) -> float | None:
        # q(k)/p(k) = (μ/λ)ᵏ·e^(−(μ − λ)): k·log1p((μ − λ)/λ) − (μ − λ), no log μ − log λ.
        lam, mu = float(self._lam), float(other._lam)
        if k > 0 and (lam == 0.0 or mu == 0.0):
            return None
        return (k * math.log1p((mu - lam) / lam) if k > 0 else 0.0) - (mu - lam)

    def _ratio_up(self, k: int) -> float:
        return float(self._lam) / (k + 1)

    def _ratio_down(self, k: int) -> float:
        return k / float(self._lam)

    def _by_gamma(self, k: int) -> bool:
        """Whether F(k) = Q(k + 1, λ) comes from the incomplete gamma function: for λ of 10⁶
        and more, where a sum of masses would need ~10√λ terms (3·10⁸ for λ = 10¹⁵: minutes
        per value), while Temme's expansion (k + 1 ≥ 10⁶) costs one erfc and the continued
        fraction (k + 1 < 10⁶ ≤ λ, far below the mean) a few terms."""
        return float(self._lam) >= TEMME_MIN_A and k >= 0

    def _cumulative(self, k: int) -> Real:
        lam = float(self._lam)
        if self._by_gamma(k):
            return gamma_pq(k + 1.0, lam)[1]  # P(X ≤ k) = Q(k + 1, λ)
        cap = int(60 * math.sqrt(lam)) + 1000

        def mass(j: int) -> float:
            return math.exp(log_poisson_pmf(j, lam))

        if k < math.floor(lam):  # below the mode: the lower tail, p(j − 1)/p(j) = j/λ
            return tail_sum(k, -1, 0, mass(k), lambda j: j / lam, mass, k + 1)
        # above: 1 − the upper tail, p(j + 1)/p(j) = λ/(j + 1)
        return 1.0 - tail_sum(k + 1, 1, math.inf, mass(k + 1), lambda j: lam / (j + 1), mass, cap)

    def _sf(self, x: Real) -> Real:
        value = require_real("x", x)
        if not self._far(value) and value >= 0 and self._by_gamma(math.floor(value)):
            return gamma_pq(math.floor(value) + 1.0, float(self._lam))[0]  # P(k + 1, λ)
        return super()._sf(value)

    def _logsf(self, x: Real) -> float:
        value = require_real("x", x)
        if not self._far(value) and value >= 0 and self._by_gamma(math.floor(value)):
            return log_gamma_pq(math.floor(value) + 1.0, float(self._lam))[0]
        return super()._logsf(value)

    def _logcdf(self, x: Real) -> float:
        value = require_real("x", x)
        if not self._far(value) and value >= 0 and self._by_gamma(math.floor(value)):
            return log_gamma_pq(math.floor(value) + 1.0, float(self._lam))[1]
        return super()._logcdf(value)

    def mean(self) -> Real:
        """The mean E[X] = λ.

        >>> Poisson(3).mean()
        3
        """
        return self._lam

    def variance(self) -> Real:
        """The variance Var X = λ (mean and variance agree: a Poisson signature).

        >>> Poisson(3).variance()
        3
        """
        return self._lam

    def ppf(self, q: Real) -> int | float:
        """The quantile F⁻¹(q) = min{k : F(k) ≥ q}, searched from a normal approximation.

        >>> Poisson(3).ppf(0.5)
        3

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        lam = float(self._lam)
        guess = lam + math.sqrt(lam) * normal_ppf(min(max(float(level), 1e-300), 1 - 1e-16))
        return self._search_ppf(level, guess)

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        lam = float(self._lam)
        if lam < 10:
            # Small λ: inversion, walking up from 0, takes about λ + 1 steps.
            return self._draw_by_inversion(n, rng)
        return _poisson_ptrs(lam, n, rng)


def _poisson_ptrs(lam: float, n: int, rng: random.Random) -> list[int]:
    """Hörmann's PTRS ("The transformed rejection method for generating Poisson random
    variables", 1993): exact, with cost independent of λ, where inversion would need about
    √λ steps per draw. A hat built on the inverse of a transformed uniform proposes k; a
    cheap squeeze accepts about 90 % at once; the rest are checked against the exact log
    mass (Loader's form, rather than the paper's lgamma, so that λ = 10⁹ keeps its digits)."""
    sqrt_lam = math.sqrt(lam)
    b = 0.931 + 2.53 * sqrt_lam
    a = -0.059 + 0.02483 * b
    log_inv_alpha = math.log(1.1239 + 1.1328 / (b - 3.4))
    v_r = 0.9277 - 3.6224 / (b - 2.0)
    out = []
    draw = rng.random
    shift = lam + 0.43
    two_a = 2.0 * a
    floor = math.floor
    for _ in range(n):
        while True:
            u = draw() - 0.5
            v = draw()
            us = 0.5 - abs(u)
            if us >= 0.07 and v <= v_r:
                out.append(floor((two_a / us + b) * u + shift))
                break
            if us <= 0.0:
                continue
            k = floor((two_a / us + b) * u + shift)
            if k < 0 or (us < 0.013 and v > us) or v <= 0.0:
                continue
            if math.log(v) + log_inv_alpha - math.log(a / (us * us) + b) <= log_poisson_pmf(k, lam):
                out.append(k)
                break
    return out
