"""The special functions the distributions need, built on the standard library's ``math``.

=========================  ==================================================================
name                       what it computes
=========================  ==================================================================
``normal_cdf(z)``          Φ(z), the standard normal distribution function
``normal_sf(z)``           1 − Φ(z), without the cancellation of computing 1 − Φ(z)
``normal_ppf(q)``          Φ⁻¹(q), the standard normal quantile, accurate to the far tails
``log_poisson_pmf(k, λ)``  log(λᵏ e^(−λ) / k!) without overflow and without cancellation
``log_binomial_pmf(k, n, p)``  log(C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ), likewise
``binomial_pmf(k, n, p)``  C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ itself, to a few ulp
=========================  ==================================================================

Why not simply ``lgamma``? The direct formula k·log λ − λ − lgamma(k + 1) subtracts numbers
near λ and k·log k that are huge when λ is large; their rounding errors, about ε·λ, become
*relative* errors of the probability. Loader's saddle-point form (C. Loader, "Fast and
accurate computation of binomial probabilities", 2000) writes the same logarithm as a sum of
small terms, so the probability keeps almost full precision even for λ = 10⁹.

>>> round(normal_cdf(1.959963984540054), 12)
0.975
>>> round(normal_ppf(0.975), 15)
1.959963984540054
"""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.errors import DomainError

__all__ = [
    "binomial_pmf",
    "log_binomial_pmf",
    "log_normal_cdf",
    "log_poisson_pmf",
    "normal_cdf",
    "normal_ppf",
    "normal_ppf_fast",
    "normal_sf",
]

_SQRT_HALF = math.sqrt(0.5)
_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


def normal_cdf(z: float) -> float:
    """The standard normal distribution function Φ(z) = P(Z ≤ z).

    Definition: Φ(z) = ∫₋∞ᶻ e^(−t²/2)/√(2π) dt = ½·erfc(−z/√2).
    erfc rather than ½(1 + erf(z/√2)): in the lower tail erf is −1 + tiny and the sum would
    cancel to zero, whereas erfc keeps full relative precision down to 10⁻³⁰⁸.

    >>> normal_cdf(0.0)
    0.5
    >>> normal_cdf(-30.0) > 0.0
    True

    Raises:
        DomainError: if z is NaN.
    """
    if z != z:
        raise DomainError("normal_cdf needs a number, got NaN")
    return 0.5 * math.erfc(-z * _SQRT_HALF)


def normal_sf(z: float) -> float:
    """The standard normal survival function 1 − Φ(z) = P(Z > z), accurate in the upper tail.

    Definition: 1 − Φ(z) = Φ(−z) = ½·erfc(z/√2) (by the symmetry of the bell curve).

    >>> normal_sf(0.0)
    0.5
    >>> normal_sf(10.0) == normal_cdf(-10.0)
    True

    Raises:
        DomainError: if z is NaN.
    """
    if z != z:
        raise DomainError("normal_sf needs a number, got NaN")
    return 0.5 * math.erfc(z * _SQRT_HALF)


def _normal_ppf_lower(q: float, *, polish: bool = True) -> float:
    """Φ⁻¹(q) for 0 < q ≤ ½ (the lower half, where Φ is computed with full relative precision)."""
    # Starting guess: Abramowitz & Stegun 26.2.23, a rational function of t = √(−2 log q)
    # with absolute error below 4.5·10⁻⁴ for every q in (0, ½].
    t = math.sqrt(-2.0 * math.log(q))
    x = -(
        t
        - (2.515517 + t * (0.802853 + t * 0.010328))
        / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
    )
    # Then Halley's method on Φ(x) − q = 0. With u = (Φ(x) − q)/φ(x) and Φ'' = −xφ, the
    # Halley step is u/(1 + x·u/2); it triples the number of correct digits per step, so two
    # steps take the 4·10⁻⁴ guess past double precision. Because Φ(x) comes from erfc, the
    # residual Φ(x) − q is relatively accurate even when both are 10⁻³⁰⁰.
    # Near the centre Φ(x) − q would lose its relative accuracy (both are ≈ ½), so there the
    # residual is written ½·erf(x/√2) − (q − ½): q − ½ is exact for q ≥ ¼ (Sterbenz) and erf
    # is relatively accurate near 0.
    central = q > 0.25
    offset = q - 0.5
    for _ in range(4):
        density = _INV_SQRT_2PI * math.exp(-0.5 * x * x)
        if density == 0.0:
            break  # q is below the smallest density a double can hold: keep the guess
        if central:
            residual = 0.5 * math.erf(x * _SQRT_HALF) - offset
        else:
            residual = 0.5 * math.erfc(-x * _SQRT_HALF) - q
        u = residual / density
        step = u / (1.0 + 0.5 * x * u)
        x -= step
        # Halley's error after a step is about (x² + 2)/12 · step³: once the step is below
        # 10⁻⁶ that is under 10⁻¹⁶·|x| even at x = −37. One more step ("polish") then only
        # mops up the rounding of the last update, for the final ulp; sampling skips it.
        if abs(step) <= (2e-16 * abs(x) if polish else 1e-6):
            break
    return x


def normal_ppf(q: float) -> float:
    """The standard normal quantile Φ⁻¹(q): the z with Φ(z) = q.

    Definition: Φ⁻¹(q) = z ⇔ Φ(z) = q, for 0 < q < 1; Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞.
    A rational starting guess (Abramowitz & Stegun 26.2.23) is polished by Halley steps on
    Φ(z) − q computed through erfc, so the result is accurate to a few ulp in the body and in
    the far tails (q = 10⁻¹²). The upper half uses Φ⁻¹(q) = −Φ⁻¹(1 − q), where 1 − q is exact.

    >>> normal_ppf(0.5)
    0.0
    >>> round(normal_ppf(0.8413447460685429), 12)
    1.0

    Raises:
        DomainError: if q is NaN or outside [0, 1].
    """
    if not 0.0 <= q <= 1.0:
        raise DomainError(f"a quantile needs q in [0, 1], got {q!r}")
    if q == 0.0:
        return -math.inf
    if q == 1.0:
        return math.inf
    if q == 0.5:
        return 0.0
    if q < 0.5:
        return _normal_ppf_lower(float(q))
    return -_normal_ppf_lower(float(1 - q))


def normal_ppf_fast(u: float) -> float:
    """Φ⁻¹(u) for 0 < u < 1 without the final polishing step (within an ulp or two): for
    sampling, where the last ulp is noise anyway and a third of the time is saved.

    >>> abs(normal_ppf_fast(0.975) - normal_ppf(0.975)) < 1e-14
    True
    """
    if u < 0.5:
        return _normal_ppf_lower(u, polish=False)
    return -_normal_ppf_lower(1.0 - u, polish=False)


# ---------------------------------------------------------------------------------------------
# Loader's saddle-point pieces for the Poisson and binomial probabilities.


def _stirling_error(n: int) -> float:
    """δ(n) = log n! − [(n + ½) log n − n + ½ log 2π], the error of Stirling's formula."""
    if n <= 15:
        # Small n: the defining difference loses at most ~10⁻¹⁴ to cancellation (log 15! ≈ 28).
        if n == 0:
            return 0.0
        return math.log(math.factorial(n)) - (n + 0.5) * math.log(n) + n - _LOG_SQRT_2PI
    # The asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹); the next
    # term, 691/(360360 n¹¹), is below 10⁻¹⁶ for n ≥ 16.
    inv = 1.0 / n
    inv2 = inv * inv
    return inv * (
        1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188)))
    )


def _deviance(x: float, m: float) -> float:
    """D(x, m) = x log(x/m) + m − x ≥ 0, computed without cancellation when x ≈ m."""
    if abs(x - m) < 0.1 * (x + m):
        # With v = (x − m)/(x + m): D = (x − m)v + 2x(v³/3 + v⁵/5 + …); |v| < 0.1 so the series
        # gains at least two digits a term; the loop is bounded by 40 terms.
        v = (x - m) / (x + m)
        total = (x - m) * v
        power = 2.0 * x * v
        v2 = v * v
        for j in range(1, 40):
            power *= v2
            new_total = total + power / (2 * j + 1)
            if new_total == total:
                break
            total = new_total
        return total
    return x * math.log(x / m) + m - x


def log_poisson_pmf(k: int, lam: float) -> float:
    """log P(X = k) for X ~ Poisson(λ), accurate even when k and λ are huge.

    Definition: log(λᵏ e^(−λ)/k!) = −δ(k) − D(k, λ) − ½ log(2πk) (Loader's form), where δ is
    the error of Stirling's formula and D(k, λ) = k log(k/λ) + λ − k ≥ 0.

    >>> round(log_poisson_pmf(0, 2.0), 12)
    -2.0
    >>> abs(log_poisson_pmf(3, 2.0) - math.log(8 * math.exp(-2) / 6)) < 1e-15
    True

    Raises:
        DomainError: if k < 0 or λ < 0 (or λ is NaN).
    """
    if k < 0:
        raise DomainError(f"a Poisson count needs k ≥ 0, got {k}")
    if not lam >= 0:
        raise DomainError(f"a Poisson rate needs λ ≥ 0, got {lam!r}")
    lam = float(lam)
    if lam == 0.0:
        return 0.0 if k == 0 else -math.inf
    if k == 0:
        return -lam
    return -_stirling_error(k) - _deviance(float(k), lam) - 0.5 * math.log(2.0 * math.pi * k)


def _check_binomial(n: int, p: float) -> None:
    if n < 0:
        raise DomainError(f"a binomial needs n ≥ 0, got {n}")
    if not 0 <= p <= 1:
        raise DomainError(f"a binomial needs p in [0, 1], got {p!r}")


def log_binomial_pmf(k: int, n: int, p: float) -> float:
    """log P(X = k) for X ~ Binomial(n, p), accurate even when n is huge.

    Definition: log(C(n, k) pᵏ qⁿ⁻ᵏ), q = 1 − p, computed in Loader's form
    δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq) − ½ log(2πk(n−k)/n).

    >>> round(math.exp(log_binomial_pmf(1, 2, 0.5)), 15)
    0.5
    >>> log_binomial_pmf(0, 10, 0.0)
    0.0

    Raises:
        DomainError: if n < 0 or p is outside [0, 1] (or NaN).
    """
    _check_binomial(n, p)
    if k < 0 or k > n:
        return -math.inf
    p = float(p)
    q = 1.0 - p
    if p == 0.0:
        return 0.0 if k == 0 else -math.inf
    if q == 0.0:
        return 0.0 if k == n else -math.inf
    if k == 0:
        return n * math.log1p(-p)
    if k == n:
        return n * math.log(p)
    return (
        _stirling_error(n)
        - _stirling_error(k)
        - _stirling_error(n - k)
        - _binomial_deviance(k, n, p, success=True)
        - _binomial_deviance(n - k, n, p, success=False)
        - 0.5 * math.log(2.0 * math.pi * k * ((n - k) / n))  # (n − k)/n: no 1 − k/n cancellation
    )


def _binomial_deviance(x: int, n: int, p: float, *, success: bool) -> float:
    """D(x, np) (or D(x, n(1 − p)) for the failures), for the exact mean of the float p.

    The float n·p is off by up to ½ulp — whole units at n = 10¹⁵ — and D moves by
    (1 − x/m)·δ when m moves by δ, a relative error of ε·|x − m| in the probability. So for
    large n the rounding δ is measured exactly (in Fractions) and corrected to first order
    (the second-order term x·δ²/2m² is below 10⁻³⁰).
    """
    m = n * p if success else n * (1.0 - p)
    if m < 1e-300:  # a subnormal mean has lost its digits, and x/m overflows: use logs
        return x * (math.log(x) - math.log(n) - math.log(p if success else 1.0 - p)) + m - x
    if n <= 1000:  # there δ·|x − m| is below 10⁻¹⁴
        return _deviance(float(x), m)
    exact = n * Fraction(p) if success else n * (1 - Fraction(p))
    delta = float(exact - Fraction(m))
    return _deviance(float(x), m) + (1.0 - x / m) * delta


def binomial_pmf(k: int, n: int, p: float) -> float:
    """The binomial probability C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ for a float p, to a few ulp.

    For n ≤ 1000, C(n, k) is an exact integer below 10³⁰⁰ and the product
    C(n, k)·pᵏ·e^((n−k)·log1p(−p)) has only a handful of roundings (log1p, not (1 − p)ⁿ⁻ᵏ,
    whose rounded base would lose n·ε). Larger n, or a product near underflow, use Loader's
    form (:func:`log_binomial_pmf`), whose error grows only like ε·log n.

    >>> binomial_pmf(1, 2, 0.5)
    0.5
    >>> binomial_pmf(3, 2, 0.5)
    0.0

    Raises:
        DomainError: if n < 0 or p is outside [0, 1] (or NaN).
    """
    _check_binomial(n, p)
    if k < 0 or k > n:
        return 0.0
    p = float(p)
    if n <= 1000 and 0.0 < p < 1.0:
        head = math.comb(n, k) * p**k
        if head > 1e-290:
            value = head * math.exp((n - k) * math.log1p(-p))
            if value > 1e-290:
                return value
    return math.exp(log_binomial_pmf(k, n, p))


def log_normal_cdf(z: float) -> float:
    """log Φ(z), accurate for every z, including where Φ(z) underflows (z below −37.5).

    Above −37 it is log Φ(z) (log1p(−Φ(−z)) for z > 0, where Φ(z) is near 1). Below, Φ(z)
    is too small for a float, and the asymptotic series of Mills' ratio is summed instead:
    Φ(z) = φ(z)/|z| · (1 − 1/z² + 3/z⁴ − 15/z⁶ + ⋯), whose k-th term (2k − 1)!!/z²ᵏ is below
    10⁻²² at |z| = 37 by k = 10 — the series is divergent, but stopped there it is exact to
    rounding. So log Φ(z) = −z²/2 − log|z| − log√(2π) + log(1 − 1/z² + ⋯).

    >>> round(log_normal_cdf(-40.0), 8), log_normal_cdf(0.0) == math.log(0.5)
    (-804.60844201, True)

    Raises:
        DomainError: if z is NaN.
    """
    if z != z:
        raise DomainError("log_normal_cdf needs a number, got NaN")
    if z > 0:
        return math.log1p(-normal_sf(z))
    if z > -37.0:
        return math.log(normal_cdf(z))
    if z == -math.inf:
        return -math.inf
    inverse_square = 1.0 / (z * z)
    term, series = 1.0, 1.0
    for k in range(1, 11):
        term *= -(2 * k - 1) * inverse_square
        series += term
    return -0.5 * z * z - math.log(-z) - _LOG_SQRT_2PI + math.log(series)


_normal_ppf_fast = normal_ppf_fast  # the former private name, kept for code written against it
