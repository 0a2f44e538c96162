"""Discrete distributions: the integer-valued machinery, and four of the six families.

=========================  =====================================================================
name                       the distribution of …
=========================  =====================================================================
``Bernoulli(p)``           one trial: 1 with probability p, else 0
``Categorical(mapping)``   any finite set of outcomes, mapping each to its probability
``DiscreteUniform(a, b)``  a fair die with faces a, a + 1, …, b (both ends included)
``Geometric(p)``           the number of trials up to and including the first success: 1, 2, …
=========================  =====================================================================

The other two, Binomial and Poisson, live in :mod:`.counts`. The families on a run of
integers share ``IntegerDistribution``: the pmf and cdf of any real x, the support, a
quantile search, inversion sampling from a table, and ``significant_range`` — the outcomes
that hold all but a provably tiny part of the mass.

Exact when it can be: parameters that are ints or Fractions give exact Fraction
probabilities, so a fair die's p(3) is Fraction(1, 6), not 0.16666666666666666.

>>> from fractions import Fraction
>>> die = DiscreteUniform(1, 6)
>>> die.pmf(6), die.mean(), die.variance()
(Fraction(1, 6), Fraction(7, 2), Fraction(35, 12))
>>> Geometric(Fraction(1, 2)).pmf(2)
Fraction(1, 4)
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Callable, Hashable, Iterable, Mapping
from fractions import Fraction
from typing import Any

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.probability.distributions import (
    DiscreteDistribution,
    Real,
    exact_ratio,
    is_exact,
    log_real,
    require_integer,
    require_probability,
    require_quantile,
    require_real,
)
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1

__all__ = ["Bernoulli", "Categorical", "DiscreteUniform", "Geometric"]


#: A Binomial with a Fraction p is exact (Fraction masses) up to this many trials; beyond,
#: the exact numbers grow to thousands of digits and floats take over.
EXACT_LIMIT = 10_000

#: A Geometric with a Fraction p gives exact masses (1 − p)ᵏ⁻¹p while the numbers involved
#: have at most this many bits (a millisecond's arithmetic); beyond, floats take over.
EXACT_BITS = 1 << 20

# A run of terms that shrink geometrically is cut once what is left is provably below this
# fraction of the running total: far below the rounding error of a double.
_TAIL_TOL = 2.0**-60

# Below this a probability has lost digits to the subnormal range (or underflowed to 0): its
# logarithm is then computed from the log-masses instead.
_DEEP_TAIL = 2.0**-1000

#: An outcome beyond this of a family with an unbounded support lies in the far tail: its
#: mass is below the smallest float and F is 1 to rounding (and float(k) would overflow).
_FAR_TAIL = 2**1000


def tail_sum(
    start: int,
    step: int,
    end: float,
    first: float,
    next_ratio: Callable[[int], float],
    anchor: Callable[[int], float],
    max_terms: int,
) -> float:
    """Σ t(j) for j = start, start + step, … up to ``end``, walking away from the mode.

    t(j + step) = t(j)·r(j), where the ratios r(j) shrink as j moves away from the mode (the
    families here are log-concave). So once r < 1, everything after t is at most
    t·r/(1 − r) — a geometric series — and the walk stops when that bound is negligible.
    Each 32nd term is recomputed from scratch (``anchor``) so the recurrence's rounding
    errors cannot pile up.

    >>> tail_sum(0, 1, math.inf, 1.0, lambda j: 0.5, lambda j: 0.5**j, 1000)   # Σ 2⁻ʲ
    2.0

    Raises:
        ConvergenceError: if the sum does not settle in ``max_terms`` terms.
    """
    terms = [first]
    total = first
    term = first
    j = start
    for count in range(1, max_terms + 1):
        if j == end or term == 0.0:
            return math.fsum(terms)
        r = next_ratio(j)
        if r < 1.0 and term * r <= _TAIL_TOL * total * (1.0 - r):
            return math.fsum(terms)
        j += step
        term = anchor(j) if count % 32 == 0 else term * r
        terms.append(term)
        total += term
    raise ConvergenceError(
        f"a tail sum from {start} did not settle in {max_terms} terms",
        iterations=max_terms,
        estimate=math.fsum(terms),
    )


class IntegerDistribution(DiscreteDistribution):
    """A discrete distribution on a run of integers low, low + 1, …, high (high may be ∞).

    Subclasses give the support ends, the mass at an integer k of the support, and the
    distribution function on integers; this class turns any real x into those questions,
    and gives the tails (``sf``, ``logsf``, ``logcdf``) by summing outward from the mode.
    The base of Bernoulli, DiscreteUniform, Geometric, Binomial and Poisson; public so that
    a new integer family (a negative binomial, say) can be written the same way.

    >>> issubclass(Geometric, IntegerDistribution), Geometric(0.5).significant_range()
    (True, (1, 81))
    """

    __slots__ = ()

    def _low(self) -> int:
        return 0

    def _high(self) -> float:
        return math.inf

    def _is_exact(self) -> bool:
        return False

    def _mass(self, k: int) -> Real:
        """p(k) for an integer k with low ≤ k ≤ high."""
        raise NotImplementedError  # pragma: no cover

    def _log_mass(self, k: int) -> float:
        mass = self._mass(k)
        return log_real(mass) if mass > 0 else -math.inf

    def _cumulative(self, k: int) -> Real:
        """F(k) for an integer k with low ≤ k < high."""
        raise NotImplementedError  # pragma: no cover

    def log_mass_ratio(self, other: DiscreteDistribution, x: Any) -> float | None:
        """log(q(x)/p(x)), p this distribution and q ``other``, without the cancellation of
        log q(x) − log p(x) when q ≈ p — or None where it cannot do better than that.

        Exact masses give log(q/p) of the exact ratio; a float member of the same family
        gives its closed form in log1p((q − p)/p)-style terms (for Bernoulli(0.3) against
        Bernoulli(0.3 + 10⁻¹²) the difference of the logs kept only 5 digits). The KL
        divergence sums p·φ(q/p) over these ratios.

        >>> round(Bernoulli(0.5).log_mass_ratio(Bernoulli(0.5 + 1e-9), 1), 15)
        2e-09
        >>> Bernoulli(0.5).log_mass_ratio(Geometric(0.5), 1) is None
        True

        Raises:
            Nothing: an x outside either support, or of another type, gives None.
        """
        if not isinstance(other, IntegerDistribution) or isinstance(x, bool):
            return None
        if not isinstance(x, int):
            return None
        k = x
        if not (self._low() <= k <= self._high() and other._low() <= k <= other._high()):
            return None
        if self._is_exact() and other._is_exact():
            mine, theirs = self._mass(k), other._mass(k)
            if mine > 0 and theirs > 0:
                return log_real(Fraction(theirs) / Fraction(mine))
            return None
        if type(other) is not type(self):
            return None
        return self._family_log_ratio(other, k)

    def _family_log_ratio(self, other: Any, k: int) -> float | None:
        """log(q(k)/p(k)) for q a member of this family (float parameters), or None."""
        return None

    def _mode(self) -> int:
        """A most likely outcome (where the walks of :meth:`significant_range` start)."""
        return self._low()

    def _ratio_up(self, k: int) -> float:
        """p(k + 1)/p(k); it shrinks as k grows (the families here are log-concave)."""
        return 1.0

    def _ratio_down(self, k: int) -> float:
        """p(k − 1)/p(k); it shrinks as k falls."""
        return 1.0

    def significant_range(self, tail: float = 1e-24) -> tuple[int, int]:
        """The integers lo..hi outside which the probability left is provably below ``tail``.

        Walks out from the mode with the ratios p(k ± 1)/p(k); once a ratio r < 1, the rest
        of that side is at most p(k)·r/(1 − r) (a geometric series, as the ratios keep
        shrinking), so the walk stops when that bound is below ``tail``/2.

        >>> Geometric(0.5).significant_range()
        (1, 81)
        >>> DiscreteUniform(1, 6).significant_range()
        (1, 6)

        Raises:
            ConvergenceError: if a side needs more than 10⁷ steps.
        """
        mode = self._mode()
        start = float(self._mass(mode))
        ends = []
        for step, end, next_ratio in (
            (-1, self._low(), self._ratio_down),
            (1, self._high(), self._ratio_up),
        ):
            k, mass = mode, start
            for _ in range(10_000_000):
                if k == end:
                    break
                r = next_ratio(k)
                if r < 1.0 and mass * r <= 0.5 * tail * (1.0 - r):
                    break
                k += step
                mass *= r
            else:
                raise ConvergenceError(f"the bulk of {self!r} spans more than 10⁷ outcomes")
            ends.append(k)
        return ends[0], ends[1]

    def _integer(self, x: object) -> int | None:
        """x as an integer of the support, or None when p(x) = 0 (a fraction, or outside)."""
        value = require_real("x", x)
        if isinstance(value, float) and (math.isinf(value) or not value.is_integer()):
            return None
        if isinstance(value, Fraction) and value.denominator != 1:
            return None
        k = int(value)
        if k < self._low() or k > self._high() or self._far(k):
            return None
        return k

    def _far(self, value: Real) -> bool:
        """Whether ``value`` lies beyond _FAR_TAIL in an unbounded support (see above)."""
        high = self._high()
        return value > _FAR_TAIL and high == math.inf

    def pmf(self, x: Real) -> Real:
        """The probability mass p(x) = P(X = x); 0 for x outside the support.

        >>> Geometric(0.5).pmf(2)
        0.25
        >>> DiscreteUniform(1, 6).pmf(2.5)
        0

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        k = self._integer(x)
        return 0 if k is None else self._mass(k)

    def _logpmf(self, x: Hashable) -> float:
        if isinstance(x, bool) or not isinstance(x, int | float | Fraction) or x != x:
            return -math.inf
        k = self._integer(x)
        return -math.inf if k is None else self._log_mass(k)

    def cdf(self, x: Real) -> Real:
        """The distribution function F(x) = P(X ≤ x) = Σ_{k ≤ x} p(k).

        >>> Bernoulli(Fraction(1, 4)).cdf(0.5)
        Fraction(3, 4)
        >>> Geometric(0.5).cdf(-1)
        0

        Raises:
            TypeError: if x is not a real number.
            DomainError: if x is NaN.
        """
        value = require_real("x", x)
        if value < self._low():
            return 0
        if value >= self._high():
            return 1
        if self._far(value):
            return 1.0
        return self._cumulative(math.floor(value))

    def _sf(self, x: Real) -> Real:
        """P(X > x): 1 − F(x) for exact families and below the mode (where F is small); above
        it, the upper tail itself, summed outward from k + 1 (see ``tail_sum``), which keeps
        its digits where F rounds to 1."""
        value = require_real("x", x)
        if value < self._low():
            return 1
        if value >= self._high():
            return 0
        if self._far(value):
            return 0.0
        k = math.floor(value)
        if self._is_exact() or k < self._mode():
            return 1 - self._cumulative(k)

        def mass(j: int) -> float:
            return float(self._mass(j))

        return tail_sum(k + 1, 1, self._high(), mass(k + 1), self._ratio_up, mass, 10**7)

    def _log_tail(self, k: int, step: int) -> float:
        """log Σ p(j) for j = k, k + step, … (step = ±1, away from the mode), for a tail too
        small for a float: log p(k) plus the log of the sum of the masses relative to p(k)."""
        top = self._log_mass(k)
        if top == -math.inf:
            return -math.inf

        def relative(j: int) -> float:
            return math.exp(self._log_mass(j) - top)

        ratio, end = (
            (self._ratio_up, self._high()) if step == 1 else (self._ratio_down, self._low())
        )
        return top + math.log(tail_sum(k, step, end, 1.0, ratio, relative, 10**7))

    def _logsf(self, x: Real) -> float:
        value = require_real("x", x)
        if self._far(value):
            return -math.inf  # log S below −10³⁰⁰: beyond the floats too
        if self._low() <= value < self._high() and math.floor(value) + 1 > self._mode():
            survival = self.sf(value)
            if survival < _DEEP_TAIL:  # subnormal or 0: its digits are gone, not its log
                return self._log_tail(math.floor(value) + 1, 1)
        return super()._logsf(value)

    def _logcdf(self, x: Real) -> float:
        value = require_real("x", x)
        if self._low() <= value < self._high() and math.floor(value) < self._mode():
            cumulative = self.cdf(value)
            if cumulative < _DEEP_TAIL:
                return self._log_tail(math.floor(value), -1)
        return super()._logcdf(value)

    def isf(self, q: Real) -> int | float:
        """The inverse survival function: the least k of the support with S(k) ≤ q.

        Searched on S itself (doubling steps out from the mode, then bisection), which is
        accurate deep in the upper tail: Poisson(3).isf(1e-30) is 39, where 1 − q rounds to
        1 and F⁻¹(1 − q) would stop where F first rounds to 1.

        >>> Geometric(0.5).isf(1e-30), Geometric(0.5).isf(0.25)   # S(k) = 2⁻ᵏ
        (100, 2)

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        if level > 0.5:
            upper: int | float = self.ppf(1 - Fraction(level))  # F⁻¹ is accurate: F is small
            return upper
        if level == 0:
            high = self._high()
            return high if high == math.inf else int(high)
        below, above = self._low() - 1, max(self._mode(), self._low())  # S(below) = 1 > q
        for _ in range(2100):  # S(above) ≤ q for some above < 2²⁰⁰⁰: the floats end first
            if above >= self._high() or self.sf(above) <= level:
                break
            below, above = above, above + 2 * (above - below)
        above = int(min(above, self._high()))
        while above - below > 1:  # bisection: S(below) > q ≥ S(above)
            middle = (below + above) // 2
            below, above = (below, middle) if self.sf(middle) <= level else (middle, above)
        return above

    def support(self) -> Iterable[int]:
        """The integers with p(k) > 0, in increasing order (a range, or an endless count).

        >>> list(DiscreteUniform(0, 3).support())
        [0, 1, 2, 3]

        Raises:
            Nothing.
        """
        high = self._high()
        if math.isinf(high):
            return itertools.count(self._low())
        return range(self._low(), int(high) + 1)

    def _search_ppf(self, level: Real, guess: float) -> int | float:
        """min{k : F(k) ≥ level}: from a guess near the answer, double the step until the
        answer is bracketed, then bisect — O(log) evaluations of F however poor the guess."""
        low, high = self._low(), self._high()
        if level <= 0:
            return low
        if level >= 1 and math.isinf(high):
            return math.inf
        k = int(min(max(guess, low), high))
        # Invariant sought: F(below) < level ≤ F(above); below = low − 1 stands for F = 0.
        step = 1
        if self.cdf(k) >= level:
            above, below = k, k - 1
            for _ in range(200):
                if below < low or self.cdf(below) < level:
                    break
                above, step = below, 2 * step
                below = above - step
            below = max(below, low - 1)
        else:
            below, above = k, k + 1
            for _ in range(200):
                if above >= high or self.cdf(above) >= level:
                    break
                below, step = above, 2 * step
                above = below + step
            above = int(min(above, high))
        for _ in range(200):  # bisection: the bracket halves each time
            if above - below <= 1:
                return above
            middle = (below + above) // 2
            if self.cdf(middle) >= level:
                above = middle
            else:
                below = middle
        raise ConvergenceError(f"{self!r}.ppf({level!r}) did not settle", iterations=200)

    def _draw_by_inversion(self, n: int, rng: random.Random) -> list[int]:
        """Inverse transform: X = min{k : F(k) ≥ U}, with U uniform on [0, 1).

        The values F(k) are tabulated once over the outcomes outside which less than 2⁻⁶⁰ of
        the mass lies (far below the 2⁻⁵³ spacing of U, so the table is the whole
        distribution to rounding); each draw is then a binary search. Used where that table
        is short (a mean, or n − mean, below 10).
        """
        lo, hi = self.significant_range(tail=2.0**-60)
        outcomes = list(range(lo, hi + 1))
        cumulative = list(itertools.accumulate(float(self._mass(k)) for k in outcomes))
        last = len(outcomes) - 1
        draw = rng.random
        return [outcomes[min(bisect.bisect_right(cumulative, draw()), last)] for _ in range(n)]


# ---------------------------------------------------------------------------------------------


class Bernoulli(IntegerDistribution):
    """One trial that succeeds (1) with probability p and fails (0) with probability 1 − p.

    Definition: p(1) = p, p(0) = 1 − p. Bernoulli(0) and Bernoulli(1) are allowed.

    >>> Bernoulli(0.3).pmf(1), Bernoulli(Fraction(1, 3)).pmf(0)
    (0.3, Fraction(2, 3))

    Raises:
        TypeError: if p is not a real number.
        DomainError: if p is NaN or outside [0, 1].
    """

    __slots__ = ("_p",)

    def __init__(self, p: Real) -> None:
        self._p = require_probability("p", p)

    @property
    def p(self) -> Real:
        """The probability of success.

        >>> Bernoulli(0.25).p
        0.25
        """
        return self._p

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("p", self._p),)

    def _low(self) -> int:
        return 1 if self._p == 1 else 0

    def _high(self) -> float:
        return 0 if self._p == 0 else 1

    def _is_exact(self) -> bool:
        return is_exact(self._p)

    def _mass(self, k: int) -> Real:
        return self._p if k == 1 else 1 - self._p

    def _log_mass(self, k: int) -> float:
        # log(1 − p) as log1p(−p): for p = 10⁻²⁰ the float 1 − p is 1.0 and its log 0.
        if is_exact(self._p):
            return super()._log_mass(k)
        p = float(self._p)
        if k == 1:
            return math.log(p) if p > 0.0 else -math.inf
        return math.log1p(-p) if p < 1.0 else -math.inf

    def _cumulative(self, k: int) -> Real:
        return 1 - self._p  # only k = 0 reaches here (0 ≤ k < high = 1)

    def _family_log_ratio(self, other: Any, k: int) -> float | None:
        # q/p = 1 + (q − p)/p at k = 1 and 1 + (p − q)/(1 − p) at k = 0; q − p is exact
        # when q ≈ p (Sterbenz), so log1p keeps every digit of the small ratio.
        p, q = float(self._p), float(other._p)
        if k == 1:
            return math.log1p((q - p) / p) if p > 0.0 and q > 0.0 else None
        return math.log1p((p - q) / (1.0 - p)) if p < 1.0 and q < 1.0 else None

    def mean(self) -> Real:
        """The mean E[X] = p.

        >>> Bernoulli(0.25).mean()
        0.25
        """
        return self._p

    def variance(self) -> Real:
        """The variance Var X = p(1 − p).

        >>> Bernoulli(Fraction(1, 2)).variance()
        Fraction(1, 4)
        """
        return self._p * (1 - self._p)

    def ppf(self, q: Real) -> int:
        """The quantile F⁻¹(q): 0 when q ≤ 1 − p, else 1.

        >>> Bernoulli(0.5).ppf(0.5), Bernoulli(0.5).ppf(0.75)
        (0, 1)

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        return 0 if self._p != 1 and (level <= 1 - self._p or self._p == 0) else 1

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # X = 1 exactly when U < p: inversion read from the other end (1 − U is uniform too).
        p = float(self._p)
        draw = rng.random
        return [1 if draw() < p else 0 for _ in range(n)]


class Categorical(DiscreteDistribution):
    """Finitely many outcomes of any hashable kind, each with its given probability.

    Definition: p(x) = mapping[x]; the probabilities are ≥ 0 and sum to 1 (exactly for
    ints and Fractions, within float rounding, 4·n·ε, for floats). Zero is allowed.

    >>> coin = Categorical({"heads": Fraction(1, 2), "tails": Fraction(1, 2)})
    >>> coin.pmf("heads"), coin.pmf("edge")
    (Fraction(1, 2), 0)

    Raises:
        TypeError: if mapping is not a Mapping, or a probability is not a real number.
        DomainError: if it is empty, a probability is NaN or outside [0, 1], or they do not
            sum to 1.
    """

    __slots__ = ("_items", "_lookup")

    def __init__(self, mapping: Mapping[Hashable, Real]) -> None:
        if not isinstance(mapping, Mapping):
            raise TypeError(
                f"Categorical needs a mapping outcome → probability, got {type(mapping).__name__}"
            )
        if not mapping:
            raise DomainError("Categorical needs at least one outcome, got an empty mapping")
        items = tuple(
            (outcome, require_probability(f"the probability of {outcome!r}", p))
            for outcome, p in mapping.items()
        )
        probabilities = [p for _, p in items]
        if all(is_exact(p) for p in probabilities):
            total: Real = sum(probabilities, Fraction(0))
            good = total == 1
        else:
            total = math.fsum(float(p) for p in probabilities)
            good = abs(total - 1.0) <= 4 * len(items) * _EPS
        if not good:
            raise DomainError(f"the probabilities of a Categorical must sum to 1, got {total!r}")
        self._items = items
        self._lookup = dict(items)

    @property
    def mapping(self) -> dict[Hashable, Real]:
        """A copy of the outcome → probability mapping.

        >>> Categorical({1: 0.5, 2: 0.5}).mapping
        {1: 0.5, 2: 0.5}
        """
        return dict(self._items)

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("mapping", self._items),)

    def __repr__(self) -> str:
        return f"Categorical({dict(self._items)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Categorical):
            return NotImplemented
        return self._lookup == other._lookup

    def __hash__(self) -> int:
        return hash(("Categorical", frozenset(self._items)))

    def pmf(self, x: Hashable) -> Real:
        """The probability p(x) of outcome x; 0 for an outcome not in the mapping.

        >>> Categorical({"a": 0.25, "b": 0.75}).pmf("b")
        0.75

        Raises:
            TypeError: if x is not hashable.
        """
        try:
            return self._lookup.get(x, 0)
        except TypeError:
            raise TypeError(f"an outcome must be hashable, got {type(x).__name__}") from None

    def _numbers(self, what: str) -> list[tuple[Real, Real]]:
        numbers: list[tuple[Real, Real]] = []
        for outcome, p in self._items:
            if isinstance(outcome, bool) or not isinstance(outcome, int | float | Fraction):
                raise TypeError(f"{what} needs numeric outcomes, got {outcome!r}")
            numbers.append((outcome, p))
        return numbers

    def cdf(self, x: Real) -> Real:
        """The distribution function F(x) = Σ_{outcomes y ≤ x} p(y).

        >>> Categorical({1: Fraction(1, 4), 2: Fraction(3, 4)}).cdf(1.5)
        Fraction(1, 4)

        Raises:
            TypeError: if x is not a real number or the outcomes are not numbers.
            DomainError: if x is NaN.
        """
        value = require_real("x", x)
        items = self._numbers("cdf")
        terms = [p for outcome, p in items if outcome <= value]
        if len(terms) == len(items):
            return 1  # every outcome is ≤ x (a float sum could say 1.0000000000000002)
        return min(_exact_sum(terms), 1)

    def support(self) -> list[Hashable]:
        """The outcomes with p(x) > 0: sorted when they can be compared, else as given.

        >>> Categorical({3: 0.5, 1: 0.5, 2: 0.0}).support()
        [1, 3]

        Raises:
            Nothing.
        """
        outcomes = [outcome for outcome, p in self._items if p > 0]
        try:
            return sorted(outcomes)  # type: ignore[type-var]
        except TypeError:
            return outcomes

    def ppf(self, q: Real) -> Any:
        """The quantile F⁻¹(q) = the smallest outcome x with F(x) ≥ q.

        >>> Categorical({1: 0.25, 2: 0.5, 3: 0.25}).ppf(0.5)
        2

        Raises:
            TypeError: if the outcomes are not numbers.
            DomainError: if q is NaN or outside [0, 1].
        """
        self._numbers("ppf")
        return super().ppf(q)

    def mean(self) -> Real:
        """The mean E[X] = Σ x·p(x), exact when outcomes and probabilities are rational.

        >>> Categorical({0: Fraction(1, 2), 3: Fraction(1, 2)}).mean()
        Fraction(3, 2)

        Raises:
            TypeError: if the outcomes are not numbers.
        """
        return _exact_sum([x * p for x, p in self._numbers("mean")])

    def variance(self) -> Real:
        """The variance Var X = Σ (x − μ)²·p(x).

        >>> Categorical({0: Fraction(1, 2), 2: Fraction(1, 2)}).variance()
        Fraction(1, 1)

        Raises:
            TypeError: if the outcomes are not numbers.
        """
        items = self._numbers("variance")
        mu = self.mean()
        return _exact_sum([(x - mu) * (x - mu) * p for x, p in items])

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # Inversion with a table: U falls into the interval [F(previous), F(x)) of outcome x.
        # Outcomes with probability 0 own an empty interval and are never drawn.
        outcomes = [outcome for outcome, p in self._items if p > 0]
        cumulative = list(itertools.accumulate(float(p) for _, p in self._items if p > 0))
        last = len(outcomes) - 1
        draw = rng.random
        return [outcomes[min(bisect.bisect_right(cumulative, draw()), last)] for _ in range(n)]


def _exact_sum(terms: list[Real]) -> Real:
    """Σ terms: exact (a Fraction) when every term is exact, else math.fsum."""
    if all(is_exact(t) for t in terms):
        return sum(terms, Fraction(0))
    return math.fsum(terms)


class DiscreteUniform(IntegerDistribution):
    """A fair die with the faces a, a + 1, …, b, both ends included (a == b allowed).

    Definition: p(k) = 1/(b − a + 1) for a ≤ k ≤ b.

    >>> DiscreteUniform(1, 6).pmf(4)
    Fraction(1, 6)

    Raises:
        TypeError: if a or b is not an int.
        DomainError: if a > b, or a or b is a real number that is not whole (2.5).
    """

    __slots__ = ("_a", "_b")

    def __init__(self, a: int, b: int) -> None:
        a, b = require_integer("a", a), require_integer("b", b)
        if a > b:
            raise DomainError(f"DiscreteUniform needs a ≤ b, got a = {a} > b = {b}")
        self._a, self._b = a, b

    @property
    def a(self) -> int:
        """The smallest outcome.

        >>> DiscreteUniform(1, 6).a
        1
        """
        return self._a

    @property
    def b(self) -> int:
        """The largest outcome.

        >>> DiscreteUniform(1, 6).b
        6
        """
        return self._b

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("a", self._a), ("b", self._b))

    def _low(self) -> int:
        return self._a

    def _high(self) -> float:
        return self._b

    def _is_exact(self) -> bool:
        return True

    def _mass(self, k: int) -> Real:
        return Fraction(1, self._b - self._a + 1)

    def _cumulative(self, k: int) -> Real:
        return Fraction(k - self._a + 1, self._b - self._a + 1)

    def significant_range(self, tail: float = 1e-24) -> tuple[int, int]:
        """All of a..b: every face is as likely as the mode, so none can be left out.

        >>> DiscreteUniform(1, 6).significant_range()
        (1, 6)

        Raises:
            Nothing.
        """
        return (self._a, self._b)

    def mean(self) -> Real:
        """The mean E[X] = (a + b)/2.

        >>> DiscreteUniform(1, 6).mean()
        Fraction(7, 2)
        """
        return Fraction(self._a + self._b, 2)

    def variance(self) -> Real:
        """The variance Var X = ((b − a + 1)² − 1)/12.

        >>> DiscreteUniform(1, 6).variance()
        Fraction(35, 12)
        """
        return Fraction((self._b - self._a + 1) ** 2 - 1, 12)

    def ppf(self, q: Real) -> int:
        """The quantile F⁻¹(q) = a − 1 + ⌈q·(b − a + 1)⌉ (at least a), computed exactly.

        >>> DiscreteUniform(1, 6).ppf(0.5)
        3

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = Fraction(require_quantile(q))
        return max(self._a, self._a - 1 + math.ceil(level * (self._b - self._a + 1)))

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # randrange draws an exactly uniform integer however wide the range; a + ⌊U·m⌋ would
        # be biased once m passes 2⁵³ (the float's resolution).
        low, high = self._a, self._b + 1
        draw = rng.randrange
        return [draw(low, high) for _ in range(n)]


class Geometric(IntegerDistribution):
    """The number of trials up to and including the first success: 1, 2, 3, …

    Definition: p(k) = (1 − p)ᵏ⁻¹ p for k ≥ 1; F(k) = 1 − (1 − p)ᵏ.
    With a Fraction p the masses are exact Fractions (while they have below 2²⁰ bits: k up
    to about 10⁶ for p = ½); with a float p the powers go through log1p/expm1, so a tiny
    p loses nothing.

    >>> Geometric(Fraction(1, 2)).pmf(3)
    Fraction(1, 8)
    >>> Geometric(0.5).cdf(2)
    0.75

    Raises:
        TypeError: if p is not a real number.
        DomainError: if p is NaN or outside (0, 1].
    """

    __slots__ = ("_p",)

    def __init__(self, p: Real) -> None:
        value = require_probability("p", p)
        if value == 0:
            raise DomainError("Geometric needs p in (0, 1], got 0 (no success would ever come)")
        self._p = value

    @property
    def p(self) -> Real:
        """The probability of success of each trial.

        >>> Geometric(0.25).p
        0.25
        """
        return self._p

    def _parameters(self) -> tuple[tuple[str, Any], ...]:
        return (("p", self._p),)

    def _low(self) -> int:
        return 1

    def _high(self) -> float:
        return 1 if self._p == 1 else math.inf

    def _is_exact(self) -> bool:
        return is_exact(self._p)

    def _exact_power(self, k: int) -> bool:
        """Whether (1 − p)ᵏ is computed exactly: p is rational and the power's numerator and
        denominator fit in EXACT_BITS bits (p = ½ stays exact to k ≈ 10⁶)."""
        if not is_exact(self._p):
            return False
        failure = 1 - Fraction(self._p)
        width = max(failure.numerator.bit_length(), failure.denominator.bit_length())
        return k * width <= EXACT_BITS

    def _mass(self, k: int) -> Real:
        p = self._p
        if self._exact_power(k):
            return (1 - Fraction(p)) ** (k - 1) * p
        if p == 1:
            return 1.0  # k = 1, the whole support
        return math.exp((k - 1) * math.log1p(-float(p))) * float(p)

    def _log_mass(self, k: int) -> float:
        p = float(self._p)
        return (k - 1) * math.log1p(-p) + math.log(p) if p < 1 else 0.0

    def _ratio_up(self, k: int) -> float:
        return 1.0 - float(self._p)

    def _family_log_ratio(self, other: Any, k: int) -> float | None:
        # q(k)/p(k) = ((1 − q)/(1 − p))^(k − 1)·(q/p), each factor as 1 + (small difference).
        p, q = float(self._p), float(other._p)
        if k > 1 and (p == 1.0 or q == 1.0):
            return None
        failures = (k - 1) * math.log1p((p - q) / (1.0 - p)) if k > 1 else 0.0
        return failures + math.log1p((q - p) / p)

    def _cumulative(self, k: int) -> Real:
        p = self._p
        if self._exact_power(k):
            return 1 - (1 - Fraction(p)) ** k
        return -math.expm1(k * math.log1p(-float(p)))

    def _sf(self, x: Real) -> Real:  # S(k) = (1 − p)ᵏ itself, never 1 − F
        value = require_real("x", x)
        if value < 1 or value >= self._high():
            return 1 if value < 1 else 0
        if self._far(value):
            return 0.0
        k = math.floor(value)
        if self._exact_power(k):
            return (1 - Fraction(self._p)) ** k
        return math.exp(k * math.log1p(-float(self._p)))

    def _logsf(self, x: Real) -> float:
        value = require_real("x", x)
        if value < 1 or value >= self._high() or self._far(value):
            return 0.0 if value < 1 else -math.inf
        return math.floor(value) * math.log1p(-float(self._p))

    def mean(self) -> Real:
        """The mean E[X] = 1/p (on average, p = 1/6 needs six throws for a six).

        >>> Geometric(Fraction(1, 6)).mean()
        Fraction(6, 1)
        """
        return exact_ratio(1, self._p)

    def variance(self) -> Real:
        """The variance Var X = (1 − p)/p².

        >>> Geometric(Fraction(1, 2)).variance()
        Fraction(2, 1)
        """
        return exact_ratio(exact_ratio(1 - self._p, self._p), self._p)  # no underflow of p·p

    def ppf(self, q: Real) -> int | float:
        """The quantile F⁻¹(q) = ⌈log(1 − q)/log(1 − p)⌉ (at least 1), checked against F.

        >>> Geometric(0.5).ppf(0.75)
        2

        Raises:
            DomainError: if q is NaN or outside [0, 1].
        """
        level = require_quantile(q)
        if self._p == 1:
            return 1
        if level == 1:
            return math.inf
        guess = math.log1p(-float(level)) / math.log1p(-float(self._p))
        return self._search_ppf(level, min(guess, 2.0**62))

    def _draw(self, n: int, rng: random.Random) -> list[Any]:
        # Inversion in closed form: X = ⌈log(1 − U)/log(1 − p)⌉, at least 1.
        p = float(self._p)
        if p == 1.0:
            return [1] * n
        scale = 1.0 / math.log1p(-p)
        out = []
        draw = rng.random
        for _ in range(n):
            value = math.log1p(-draw()) * scale
            if math.isinf(value):
                raise DomainError(f"Geometric(p={self._p!r}) drew a value beyond the float range")
            out.append(max(1, math.ceil(value)))
        return out
