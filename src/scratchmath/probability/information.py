"""Information theory: how many yes/no questions a distribution needs, and what it costs to
use the wrong one.

===================================  ==========================================================
name                                 what it computes
===================================  ==========================================================
``entropy(dist, *, base=2)``         H(p) = −Σ p(x) log p(x) (differential: −∫ f log f)
``cross_entropy(p, q, *, base=2)``   H(p, q) = −Σ p(x) log q(x): coding p with q's code
``kl_divergence(p, q, *, base=2)``   D(p‖q) = Σ p(x) log(p(x)/q(x)) = H(p, q) − H(p) ≥ 0
``cross_entropy_loss(probs, label)``  −ln p̂[label], the loss of a classifier's prediction
===================================  ==========================================================

In base 2 the unit is the bit: a number between 1 and 1024, all equally likely, has entropy
log₂ 1024 = 10 — ten yes/no questions ("is it above 512?") always find it, and no strategy
does better on average. A biased coin needs less than one question per toss.

>>> from scratchmath.probability import Bernoulli, DiscreteUniform
>>> entropy(DiscreteUniform(1, 1024))
10.0
>>> round(entropy(Bernoulli(0.9)), 6)
0.468996
>>> p, q = Bernoulli(0.5), Bernoulli(0.9)
>>> abs(cross_entropy(p, q) - (entropy(p) + kl_divergence(p, q))) < 1e-15
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from scratchmath.errors import DomainError
from scratchmath.probability.discrete import Categorical, IntegerDistribution
from scratchmath.probability.distributions import (
    ContinuousDistribution,
    DiscreteDistribution,
    Real,
    is_exact,
    log_real,
    require_probability,
    require_real,
)
from scratchmath.probability.summation import (
    MAX_TERMS,
    discrete_points,
    discrete_sum,
    frame_of,
    integrate_pieces,
)

__all__ = ["cross_entropy", "cross_entropy_loss", "entropy", "kl_divergence"]

Distribution = DiscreteDistribution | ContinuousDistribution


def _check_base(base: object) -> Real:
    value = require_real("base", base)
    if not (0 < value < math.inf) or value == 1:
        raise DomainError(f"base must be positive, finite and ≠ 1, got {value!r}")
    return value


def _kind(name: str, *dists: object) -> str:
    """'discrete' or 'continuous' when all of dists are of that kind, else a TypeError."""
    if all(isinstance(d, DiscreteDistribution) for d in dists):
        return "discrete"
    if all(isinstance(d, ContinuousDistribution) for d in dists):
        return "continuous"
    names = " and ".join(type(d).__name__ for d in dists)
    if all(isinstance(d, DiscreteDistribution | ContinuousDistribution) for d in dists):
        raise TypeError(
            f"{name} needs two discrete or two continuous distributions, got {names}: a mass "
            "and a density cannot be compared"
        )
    raise TypeError(f"{name} needs distributions, got {names}")


def _log_mass(dist: DiscreteDistribution, x: Any, base: Real | None = None) -> float:
    """log p(x) in the given base.

    From the mass itself when it is at most ½ (so that log₂(1/1024) is exactly −10); else
    from the family's log-mass. Above ½ the float mass has lost its distance to 1 — for
    Bernoulli(10⁻²⁰), p(0) = 1 − 10⁻²⁰ rounds to 1.0 and its log to 0 — while the family
    computes log(1 − p) as log1p(−p). Where the mass underflows to 0 the log-mass also
    gives the right, finite, answer.
    """
    try:
        mass = dist.pmf(x)
    except (TypeError, DomainError):
        return -math.inf
    if 0 < mass <= 0.5 or (mass > 0 and is_exact(mass)):
        return log_real(mass, base)
    natural = dist._logpmf(x)
    if base is None or natural == -math.inf:
        return natural
    return natural / math.log(base)


def _support_within(p: Distribution, q: Distribution) -> bool:
    """True when q(x) > 0 wherever p(x) > 0 (else D(p‖q) and H(p, q) are infinite)."""
    if isinstance(p, ContinuousDistribution) and isinstance(q, ContinuousDistribution):
        (p_low, p_high), (q_low, q_high) = p.support(), q.support()
        return bool(q_low <= p_low and p_high <= q_high)
    assert isinstance(p, DiscreteDistribution) and isinstance(q, DiscreteDistribution)
    if isinstance(p, IntegerDistribution) and isinstance(q, IntegerDistribution):
        # Every integer family here has a contiguous support, so the ends decide.
        return q._low() <= p._low() and p._high() <= q._high()
    if isinstance(p, Categorical):
        outcomes: Any = p.support()
    else:
        assert isinstance(p, IntegerDistribution)
        if math.isinf(p._high()) or p._high() - p._low() >= MAX_TERMS:
            return False  # infinitely (or too) many outcomes against a finite Categorical
        outcomes = range(p._low(), int(p._high()) + 1)
    return all(_log_mass(q, x) > -math.inf for x in outcomes)


def _phi_expm1(d: float) -> float:
    """e^d − 1 − d ≥ 0, without the cancellation of expm1(d) − d when d is small."""
    if abs(d) < 0.25:
        # The series d²/2! + d³/3! + …: 20 terms reach 10⁻¹⁸ relative for |d| < ¼.
        term, total = d, 0.0
        for k in range(2, 22):
            term *= d / k
            total += term
        return total
    return math.expm1(d) - d


def _kl_term(log_p: float, log_ratio: float) -> float:
    """p·φ(q/p) with φ(t) = t − 1 − log t ≥ 0, from log p and log_ratio = log(q/p).

    Σ p·φ(q/p) = Σ q − Σ p − Σ p log(q/p) = D(p‖q) when q's mass all lies where p's does, and
    every term is ≥ 0 — so the computed divergence is ≥ 0 (Gibbs' inequality survives the
    rounding) and is exactly 0 when p = q. The ratio comes in as one logarithm, not as the
    difference log q − log p, so that a family can compute it without cancellation (for
    N(0, 1) against N(10⁻⁸, 1) the two logs agree to 16 digits).
    """
    if log_ratio == -math.inf:
        return math.inf
    p = math.exp(log_p)
    if log_ratio > 50.0:  # q ≫ p: p·e^d would overflow where q = e^(log q) does not
        return math.exp(log_p + log_ratio) - p * (1.0 + log_ratio)
    return p * _phi_expm1(log_ratio)


def _kl_mass_term(log_p: float, log_q: float, log_ratio: float | None = None) -> float:
    """The term p·φ(q/p) of a sum, from the logs of the two masses (p = 0 contributes q);
    ``log_ratio`` = log(q/p) when the family computes it better than log q − log p."""
    if log_p == -math.inf:
        return math.exp(log_q)
    if log_ratio is None or log_q == -math.inf:
        log_ratio = log_q - log_p
    return _kl_term(log_p, log_ratio)


def _log_mass_ratio(p: DiscreteDistribution, q: DiscreteDistribution, x: Any) -> float | None:
    """log(q(x)/p(x)) from the family's own formula (Bernoulli(½) against Bernoulli(½ + 10⁻⁹):
    log1p((q − p)/p), where log q − log p would keep only the digits of two near-equal
    logarithms), or None where there is none."""
    if isinstance(p, IntegerDistribution) and isinstance(q, IntegerDistribution):
        return p.log_mass_ratio(q, x)
    return None


def entropy(dist: Distribution, *, base: Real = 2) -> float:
    """The Shannon entropy H(p) = −Σₓ p(x) logᵦ p(x), with 0·log 0 = 0.

    For a continuous distribution, the differential entropy h(f) = −∫ f(x) logᵦ f(x) dx
    (which, unlike H, can be negative: Uniform(0, ½) has h = −1 bit). In bits (base 2) H is
    the least average number of yes/no questions that identify the outcome.

    >>> from scratchmath.probability import Bernoulli, Categorical, Normal
    >>> entropy(Bernoulli(0.5)), entropy(Bernoulli(1))
    (1.0, 0.0)
    >>> entropy(Categorical({"a": 0.5, "b": 0.25, "c": 0.25}))
    1.5
    >>> round(entropy(Normal(0, 1), base=math.e), 10)      # ½ ln(2πe)
    1.4189385332

    Raises:
        TypeError: if dist is not a distribution or base is not a real number.
        DomainError: if base is not positive and finite, or is 1.
    """
    b = _check_base(base)
    if _kind("entropy", dist) == "discrete":
        assert isinstance(dist, DiscreteDistribution)
        total = discrete_sum(dist, lambda x, m: -m * _log_mass(dist, x, b) if m > 0 else 0.0)
        return 0.0 + float(total)  # 0.0 + turns a −0.0 into 0.0
    assert isinstance(dist, ContinuousDistribution)
    scale = 1.0 / math.log(b)
    frame = frame_of([dist], dist)

    def integrand(u: float) -> float:  # h = −∫ f_U(u)·log f(x) du, x = c + s·u
        log_f = dist._logpdf_shifted(frame.centre, frame.scale * u)
        if log_f == -math.inf:
            return 0.0
        return -math.exp(frame.log_scale + log_f) * log_f * scale

    return integrate_pieces(integrand, frame.breaks)


def cross_entropy(p: Distribution, q: Distribution, *, base: Real = 2) -> float:
    """The cross-entropy H(p, q) = −Σₓ p(x) logᵦ q(x) (−∫ f_p logᵦ f_q for densities).

    The average number of questions (bits) to identify outcomes drawn from p with a code
    designed for q; math.inf when q(x) = 0 < p(x) somewhere. H(p, q) = H(p) + D(p‖q).

    >>> from scratchmath.probability import Bernoulli
    >>> cross_entropy(Bernoulli(0.5), Bernoulli(0.5))
    1.0
    >>> cross_entropy(Bernoulli(0.5), Bernoulli(1))
    inf

    Raises:
        TypeError: if p or q is not a distribution, or one is discrete and one continuous.
        DomainError: if base is not positive and finite, or is 1.
    """
    b = _check_base(base)
    kind = _kind("cross_entropy", p, q)
    if not _support_within(p, q):
        return math.inf
    if kind == "discrete":
        assert isinstance(p, DiscreteDistribution) and isinstance(q, DiscreteDistribution)
        total = discrete_sum(p, lambda x, m: -m * _log_mass(q, x, b) if m > 0 else 0.0)
        return 0.0 + float(total)
    assert isinstance(p, ContinuousDistribution) and isinstance(q, ContinuousDistribution)
    scale = 1.0 / math.log(b)
    frame = frame_of([p, q], p)

    def integrand(u: float) -> float:  # H = −∫ p_U(u)·log q(x) du, x = c + s·u
        t = frame.scale * u
        log_p = p._logpdf_shifted(frame.centre, t)
        if log_p == -math.inf:
            return 0.0
        return -math.exp(frame.log_scale + log_p) * q._logpdf_shifted(frame.centre, t) * scale

    return integrate_pieces(integrand, frame.breaks)


def kl_divergence(p: Distribution, q: Distribution, *, base: Real = 2) -> float:
    """The Kullback–Leibler divergence D(p‖q) = Σₓ p(x) logᵦ(p(x)/q(x)) ≥ 0.

    The extra questions paid for using q's code on p's outcomes: H(p, q) − H(p). It is 0
    exactly when p = q and never negative (Gibbs' inequality); it is not symmetric, and is
    math.inf when q(x) = 0 < p(x). Summed over the union of the supports (any two discrete
    families, e.g. Binomial against Poisson), or integrated for two densities, in the form
    Σ p·φ(q/p), φ(t) = t − 1 − log t ≥ 0, whose every term is ≥ 0.

    >>> from scratchmath.probability import Bernoulli, Binomial, Poisson
    >>> kl_divergence(Bernoulli(0.5), Bernoulli(0.5))
    0.0
    >>> round(kl_divergence(Bernoulli(0.5), Bernoulli(0.25)), 12)   # ½·log₂ 2 + ½·log₂(2/3)
    0.207518749639
    >>> kl_divergence(Binomial(100, 0.02), Poisson(2)) < 0.01       # the law of rare events
    True

    Raises:
        TypeError: if p or q is not a distribution, or one is discrete and one continuous.
        DomainError: if base is not positive and finite, or is 1.
    """
    b = _check_base(base)
    kind = _kind("kl_divergence", p, q)
    if not _support_within(p, q):
        return math.inf
    scale = 1.0 / math.log(b)
    if kind == "discrete":
        assert isinstance(p, DiscreteDistribution) and isinstance(q, DiscreteDistribution)
        outcomes = dict.fromkeys(discrete_points(p)[0] + discrete_points(q)[0])
        terms = [
            _kl_mass_term(_log_mass(p, x), _log_mass(q, x), _log_mass_ratio(p, q, x))
            for x in outcomes
        ]
        return math.fsum(terms) * scale
    assert isinstance(p, ContinuousDistribution) and isinstance(q, ContinuousDistribution)

    frame = frame_of([p, q])

    def integrand(u: float) -> float:  # D = ∫ p_U·φ(q/p) du, x = c + s·u
        t = frame.scale * u
        log_p = p._logpdf_shifted(frame.centre, t)
        if log_p == -math.inf:  # outside p's support the term is q's mass
            log_q = q._logpdf_shifted(frame.centre, t)
            return 0.0 if log_q == -math.inf else math.exp(frame.log_scale + log_q)
        return _kl_term(frame.log_scale + log_p, p._log_density_ratio(q, frame.centre, t))

    return integrate_pieces(integrand, frame.breaks) * scale


def cross_entropy_loss(probabilities: Sequence[Real], label: int) -> float:
    """The classifier's loss −ln p̂[label]: the cross-entropy between the true one-hot label
    and the predicted probabilities p̂ (natural log, in nats).

    Definition: L(p̂, y) = −Σₖ [k = y] ln p̂ₖ = −ln p̂_y. A confident right answer costs
    nearly 0, a confident wrong one a lot, and p̂_y = 0 costs math.inf.

    >>> cross_entropy_loss([0.25, 0.75], 1) == -math.log(0.75)
    True
    >>> cross_entropy_loss([1, 0], 0)
    0.0

    Raises:
        TypeError: if probabilities is not a sequence of real numbers or label is not an int.
        DomainError: if the probabilities are empty, outside [0, 1], do not sum to 1, or the
            label is outside 0..len − 1.
    """
    if isinstance(probabilities, str) or not isinstance(probabilities, Sequence):
        raise TypeError(
            f"probabilities must be a sequence of numbers, got {type(probabilities).__name__}"
        )
    if isinstance(label, bool) or not isinstance(label, int):
        raise TypeError(f"label must be an int index, got {type(label).__name__} {label!r}")
    values = [require_probability(f"probabilities[{i}]", v) for i, v in enumerate(probabilities)]
    if not values:
        raise DomainError("cross_entropy_loss needs at least one probability, got none")
    if all(is_exact(v) for v in values):
        total: Real = sum(values, Fraction(0))
        good = total == 1
    else:
        total = math.fsum(float(v) for v in values)
        good = abs(total - 1.0) <= 4 * len(values) * 2.0**-52
    if not good:
        raise DomainError(f"the probabilities must sum to 1, got {total!r}")
    if not 0 <= label < len(values):
        raise DomainError(f"label must be in 0..{len(values) - 1}, got {label}")
    chosen = values[label]
    if chosen == 0:
        return math.inf
    return 0.0 - log_real(chosen)
