"""Estimators: maximum likelihood (closed forms and numeric) and the method of moments.

=======================  ======================================================================
``mle``                  the maximum-likelihood fit of a family, in closed form
``method_of_moments``    the fit whose first moments equal the sample's
``maximum_likelihood``   argmax_θ ℓ(θ) for any log-likelihood, through ``optimization.minimize``
=======================  ======================================================================

Maximum likelihood chooses θ̂ = argmax_θ Σ log f(xᵢ; θ). For the families below the maximum
has a closed form (set the derivative of ℓ to zero); each is exact for rational data.
Minimising the negative log-likelihood is what a classifier does when it minimises
cross-entropy: the loss −log p̂[label] summed over the data *is* −ℓ(θ).

>>> from scratchmath.probability import Bernoulli, Normal
>>> mle(Bernoulli, [1, 0, 1, 1])
Bernoulli(p=Fraction(3, 4))
>>> mle(Normal, [1, 2, 3, 4]).mu
Fraction(5, 2)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.checks import check_callable
from scratchmath.errors import DomainError
from scratchmath.optimization import minimize
from scratchmath.probability import (
    Bernoulli,
    Beta,
    Binomial,
    Exponential,
    Gamma,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)
from scratchmath.scalars import exact_sqrt
from scratchmath.statistics.descriptive import as_data

__all__ = ["MaximumLikelihoodResult", "maximum_likelihood", "method_of_moments", "mle"]

Real = int | float | Fraction


def _ratio(a: Any, b: Any) -> Any:
    if isinstance(a, float) or isinstance(b, float):
        return a / b
    q = Fraction(a) / Fraction(b)
    return q.numerator if q.denominator == 1 else q


def _moments(values: list[Real]) -> tuple[Any, Any]:
    """(m, v): the sample mean and the *population* variance Σ(xᵢ − m)²/n (the MLE's)."""
    n = len(values)
    exact = not isinstance(values[0], float)
    m = _ratio(sum(values), n) if exact else math.fsum(values) / n
    ss = sum((x - m) ** 2 for x in values) if exact else math.fsum((x - m) ** 2 for x in values)
    return m, _ratio(ss, n)


def _sqrt(x: Any) -> float:
    return math.sqrt(x) if isinstance(x, float) else exact_sqrt(x)


def _check_counts(values: list[Real], family: str, low: int, high: float = math.inf) -> None:
    for x in values:
        if x != int(x) or not low <= x <= high:
            top = "" if high == math.inf else f"..{int(high)}"
            raise DomainError(f"{family} data must be whole numbers in {low}{top}, got {x!r}")


def _known_n(known: dict[str, Any]) -> int:
    if "n" not in known:
        raise DomainError("Binomial needs the number of trials: mle(Binomial, data, n=10)")
    n = known["n"]
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise DomainError(f"n must be a positive int, got {n!r}")
    return n


def _check_known(family: type, known: dict[str, Any]) -> None:
    allowed = {"n"} if family is Binomial else set()
    extra = set(known) - allowed
    if extra:
        raise TypeError(f"{family.__name__} takes no known parameter {sorted(extra)[0]!r}")


def mle(family: type, data: Any, **known: Any) -> Any:
    """The maximum-likelihood fit of a family to data, as a distribution (closed forms).

    Definitions (θ̂ maximises Σ log f(xᵢ; θ)): Bernoulli p̂ = x̄; Binomial (n known)
    p̂ = x̄/n; Poisson λ̂ = x̄; Geometric p̂ = 1/x̄ (trials to the first success);
    Exponential λ̂ = 1/x̄; Normal μ̂ = x̄, σ̂ = √(Σ(xᵢ − x̄)²/n) (biased: n, not n − 1);
    Uniform â = min xᵢ, b̂ = max xᵢ. Exact for int/Fraction data (σ̂ rounds once).

    >>> from scratchmath.probability import Binomial, Exponential
    >>> mle(Binomial, [3, 5, 4], n=10)
    Binomial(n=10, p=Fraction(2, 5))
    >>> mle(Exponential, [1, 2, 3])
    Exponential(rate=Fraction(1, 2))

    Raises:
        TypeError: family is not one of the seven, or an unknown keyword.
        DomainError: no data, data outside the family's support, a missing n for Binomial, or
            data whose maximum lies on the boundary of the parameter space where the family
            is undefined (all-zero Poisson data, constant Normal data).
    """
    values = as_data(data)
    _check_known(family, known)
    m = _ratio(sum(values), len(values)) if not isinstance(values[0], float) else None
    mean = m if m is not None else math.fsum(values) / len(values)
    if family is Bernoulli:
        _check_counts(values, "Bernoulli", 0, 1)
        return Bernoulli(mean)
    if family is Binomial:
        n = _known_n(known)
        _check_counts(values, "Binomial", 0, n)
        return Binomial(n, _ratio(mean, n))
    if family is Poisson:
        _check_counts(values, "Poisson", 0)
        return Poisson(mean)
    if family is Geometric:
        _check_counts(values, "Geometric", 1)
        return Geometric(_ratio(1, mean))
    if family is Exponential:
        if any(x < 0 for x in values) or mean == 0:
            raise DomainError("Exponential data must be non-negative and not all zero")
        return Exponential(_ratio(1, mean))
    if family is Normal:
        mu, v = _moments(values)
        return Normal(mu, _sqrt(v))
    if family is Uniform:
        low, high = min(values), max(values)
        if low == high:
            raise DomainError("Uniform needs data that are not all equal (a < b)")
        return Uniform(low, high)
    raise TypeError(
        "mle knows Bernoulli, Binomial, Poisson, Geometric, Exponential, Normal and Uniform, "
        f"not {getattr(family, '__name__', family)!r}: use maximum_likelihood for others"
    )


def method_of_moments(family: type, data: Any, **known: Any) -> Any:
    """The fit whose mean (and variance) equal the sample's: E_θ[X] = x̄, Var_θ X = v.

    v = Σ(xᵢ − x̄)²/n. Bernoulli, Binomial, Poisson, Geometric, Exponential and Normal give
    the same as ``mle``; Uniform gives x̄ ∓ √(3v) (not min/max); Gamma gives α = x̄²/v,
    β = x̄/v; Beta gives a = x̄c, b = (1 − x̄)c with c = x̄(1 − x̄)/v − 1. Exact for rationals.

    >>> from scratchmath.probability import Gamma
    >>> method_of_moments(Gamma, [1, 2, 3, 6])
    Gamma(shape=Fraction(18, 7), rate=Fraction(6, 7))

    Raises:
        TypeError: an unknown family or keyword.
        DomainError: no data, data outside the support, or moments no member can match
            (zero variance; for Beta, v ≥ x̄(1 − x̄)).
    """
    values = as_data(data)
    if family is Uniform:
        m, v = _moments(values)
        if v == 0:
            raise DomainError("Uniform needs data that are not all equal (a < b)")
        half = math.sqrt(3.0 * float(v))
        return Uniform(float(m) - half, float(m) + half)
    if family is Gamma or family is Beta:
        _check_known(family, known)
        m, v = _moments(values)
        if v == 0:
            raise DomainError(f"{family.__name__} cannot match data of zero variance")
        if family is Gamma:
            if m <= 0:
                raise DomainError("Gamma needs data with a positive mean")
            return Gamma(_ratio(m * m, v), _ratio(m, v))
        c = _ratio(m * (1 - m), v) - 1
        if not 0 < m < 1 or c <= 0:
            raise DomainError("Beta needs a mean in (0, 1) and a variance below x̄(1 − x̄)")
        return Beta(m * c, (1 - m) * c)
    return mle(family, values, **known)


class MaximumLikelihoodResult(NamedTuple):
    """The answer of ``maximum_likelihood``: θ̂, ℓ(θ̂), and how the optimiser ended."""

    theta: Any
    log_likelihood: float
    converged: bool
    steps: int
    reason: str


def maximum_likelihood(
    log_likelihood: Callable[[Any], Any], theta0: Any, *, method: str = "bfgs"
) -> MaximumLikelihoodResult:
    """θ̂ = argmax_θ ℓ(θ), found by minimising −ℓ with ``optimization.minimize``.

    ``log_likelihood`` takes θ (a number or a Vector, like ``theta0``) and must be written
    with the functions of ``scratchmath.autodiff`` (``ad.log``, ``ad.exp``…), since the
    gradient comes from reverse-mode autodiff: ``math.log`` on a ``Var`` raises TypeError.
    It never raises for not converging: ``converged`` and ``reason`` say how it ended.

    >>> from scratchmath import autodiff as ad
    >>> data = [2.0, 3.0, 7.0]                      # Exponential: λ̂ = 1/x̄ = 0.25
    >>> fit = maximum_likelihood(lambda lam: len(data) * ad.log(lam) - lam * sum(data), 1.0)
    >>> round(fit.theta, 8), fit.converged
    (0.25, True)

    Raises:
        TypeError: log_likelihood is not callable (or uses math.log on a Var).
        DomainError: a bad method (from ``minimize``).
    """
    check_callable(log_likelihood, "log_likelihood")
    result = minimize(lambda theta: -log_likelihood(theta), theta0, method=method)
    return MaximumLikelihoodResult(
        result.x, -float(result.value), result.converged, result.steps, result.reason
    )
