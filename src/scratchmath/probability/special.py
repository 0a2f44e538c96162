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
``log_beta(a, b)``         log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), without cancellation
``regularized_gamma_p``    P(a, x) = γ(a, x)/Γ(a), the lower regularised incomplete gamma
``regularized_gamma_q``    Q(a, x) = 1 − P(a, x), computed directly (accurate in the upper tail)
``regularized_beta``       Iₓ(a, b) = B(x; a, b)/B(a, b), the regularised incomplete beta
``gamma_pq``, ``beta_pair``  both tails at once: (P, Q) and (Iₓ, 1 − Iₓ), each to full precision
``log_gamma_pq``, ``log_beta_pair``  their logarithms, accurate where a tail underflows
``gamma_kernel``, ``beta_kernel``  xᵃe⁻ˣ/Γ(a) and xᵃyᵇ/B(a, b): the densities' cores
``stirling_error(z)``      δ(z) = log Γ(z + 1) − [(z + ½) log z − z + ½ log 2π]
=========================  ==================================================================

The last three are the distribution functions of the Gamma (and χ²) and Beta (and t, F)
families. They follow Numerical Recipes §6.2 and §6.4: a power series where it converges
fast and a continued fraction (evaluated by the modified Lentz method) elsewhere, each
computing the *smaller* of the two tails directly so that neither tail is 1 − (almost 1).
The prefactor xᵃe⁻ˣ/Γ(a) (and xᵃ(1 − x)ᵇ/B(a, b)) is the delicate part for large a: its
logarithm a·log x − x − log Γ(a) subtracts numbers of size a·log a, so it is written in
Loader's form with the deviance D(a, x) = a·log(a/x) + x − a and the Stirling error, which
keeps full relative precision. (Temme's uniform asymptotic expansions would shorten the
loops for a ≳ 10⁶; here the loops are simply bounded, and their bound raises.)

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

from scratchmath.errors import ConvergenceError, DomainError

__all__ = [
    "TEMME_MIN_A",
    "beta_kernel",
    "beta_pair",
    "binomial_pmf",
    "gamma_kernel",
    "gamma_pq",
    "log_beta",
    "log_beta_pair",
    "log_binomial_pmf",
    "log_gamma_pq",
    "log_normal_cdf",
    "log_poisson_pmf",
    "normal_cdf",
    "normal_ppf",
    "normal_ppf_fast",
    "normal_sf",
    "regularized_beta",
    "regularized_gamma_p",
    "regularized_gamma_q",
    "stirling_error",
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
    ratio = x / m
    if ratio == 0.0 or math.isinf(ratio):  # x/m beyond the float range (m subnormal, say)
        return x * (math.log(x) - math.log(m)) + m - x
    return x * math.log(ratio) + m - x


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


# ---------------------------------------------------------------------------------------------
# The incomplete gamma and beta functions.

_TINY = 1e-300  # Lentz's stand-in for a zero denominator
_MAX_TERMS = 1_000_000  # a loop bound: enough for a, b up to about 10¹⁰
_DEEP = 2.0**-1000  # below this a tail has lost digits to the subnormal range (or to 0)


def stirling_error(z: float) -> float:
    """δ(z) = log Γ(z + 1) − [(z + ½) log z − z + ½ log 2π] for real z > 0 (Stirling's error).

    >>> round(stirling_error(20.0), 12)   # ≈ 1/240 − 1/(360·20³)
    0.004166319692
    """
    if z < 15.0:
        return math.lgamma(z + 1.0) - (z + 0.5) * math.log(z) + z - _LOG_SQRT_2PI
    inv = 1.0 / z
    inv2 = inv * inv
    return inv * (
        1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188)))
    )


def _check_shape(name: str, value: float) -> float:
    if not (value > 0 and math.isfinite(value)):
        raise DomainError(f"{name} must be positive and finite, got {value!r}")
    return float(value)


def log_beta(a: float, b: float) -> float:
    """log B(a, b), where B(a, b) = Γ(a)Γ(b)/Γ(a + b) = ∫₀¹ tᵃ⁻¹(1 − t)ᵇ⁻¹ dt.

    With a ≥ b, Stirling's formula gives log B = ½ log 2π + (b − ½) log b − b log(a + b)
    − (a − ½) log1p(b/a) + δ(a) + δ(b) − δ(a + b) (δ is Stirling's error, taken with
    Γ(z) = Γ(z + 1)/z): no two large terms cancel, unlike lgamma(a) + lgamma(b) − lgamma(a + b).

    >>> round(math.exp(log_beta(2, 3)), 15)    # B(2, 3) = 1!·2!/4! = 1/12
    0.083333333333333
    >>> round(log_beta(1e10, 0.5), 6)          # ≈ ½ log π − ½ log 10¹⁰
    -10.940561

    Raises:
        DomainError: if a or b is not positive and finite.
    """
    a, b = _check_shape("a", a), _check_shape("b", b)
    if a < b:
        a, b = b, a
    if a < 10.0:
        return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    # Γ(z) = √(2π) z^(z−½) e^(−z) e^(δ(z)) with δ(z) the Stirling error of Γ(z + 1) = zΓ(z).
    small_b = math.lgamma(b) if b < 10.0 else None
    tail = stirling_error(a) - stirling_error(a + b) - (a - 0.5) * math.log1p(b / a)
    if small_b is not None:
        # log Γ(a) − log Γ(a + b) = (a − ½) log a − (a + b − ½) log(a + b) + b + δ(a) − δ(a + b)
        return small_b + tail - b * math.log(a + b) + b
    return _LOG_SQRT_2PI + (b - 0.5) * math.log(b) - b * math.log(a + b) + tail + stirling_error(b)


def gamma_kernel(a: float, x: float) -> float:
    """xᵃe⁻ˣ/Γ(a) for a > 0, x ≥ 0, in Loader's form exp(−δ(a) − D(a, x))·√(a/2π) for large a.

    It is x times the Gamma(a, 1) density, and the prefactor of P(a, x) and Q(a, x).

    >>> gamma_kernel(1, 2.0) == 2 * math.exp(-2)
    True
    """
    if x == 0.0:
        return 0.0
    if a < 10.0:
        if x <= 700.0 and 1e-300 < x**a < 1e300 and a > 1e-300:  # (Γ(10⁻³¹⁰) overflows)
            # Three correctly rounded factors: rounding a·log x − x as one sum would cost ε·x.
            return float(math.exp(-x) * x**a / math.gamma(a))
        return math.exp(a * math.log(x) - x - math.lgamma(a))
    return math.exp(-stirling_error(a) - _deviance(a, x)) * math.sqrt(a / (2.0 * math.pi))


def beta_kernel(a: float, b: float, x: float, y: float) -> float:
    """xᵃyᵇ/B(a, b) with y = 1 − x given separately (it may carry digits x cannot).

    It is x·y times the Beta(a, b) density, and the prefactor of Iₓ(a, b).

    >>> beta_kernel(1, 1, 0.25, 0.75)
    0.1875
    """
    if x == 0.0 or y == 0.0:
        return 0.0
    if max(a, b) < 10.0:
        powers: float = x**a * y**b
        if powers > 1e-300:  # a few correctly rounded factors beat one exp of a rounded sum
            return powers * math.gamma(a + b) / (math.gamma(a) * math.gamma(b))
        return math.exp(a * math.log(x) + b * math.log(y) - log_beta(a, b))
    # √(ab/(2π(a + b)))·exp(δ(a + b) − δ(a) − δ(b) − D(a, (a + b)x) − D(b, (a + b)y)): the
    # binomial-probability form, exact in its cancellations (Loader 2000).
    n = a + b
    # The form assumes x + y = 1; the rounded x and y miss it by a few ulp, and the term
    # n·(x + y − 1) it drops would cost a relative 10⁻⁶ at n = 10¹⁰. So it is put back, with
    # x + y − 1 computed exactly as (larger − 1) + smaller (Sterbenz: larger ≥ ½).
    larger, smaller = max(x, y), min(x, y)
    log_value = (
        stirling_error(n)
        - stirling_error(a)
        - stirling_error(b)
        - _deviance(a, n * x)
        - _deviance(b, n * y)
        + n * ((larger - 1.0) + smaller)
    )
    return math.exp(log_value) * math.sqrt(a * b / (2.0 * math.pi * n))


def _gamma_series(a: float, x: float) -> float:
    """P(a, x) by the series (xᵃe⁻ˣ/Γ(a))·Σₙ xⁿ/(a(a + 1)…(a + n)), for x < a + 1."""
    return _gamma_series_sum(a, x) * gamma_kernel(a, x)


def _gamma_series_sum(a: float, x: float) -> float:
    """Σₙ xⁿ/(a(a + 1)…(a + n)), the series of P(a, x) without its prefactor.

    Stopping rule (proven): the terms tₙ have ratios x/(a + n + 1) ≤ r < 1 that decrease, so
    the tail after tₙ is at most tₙ·r/(1 − r); the loop stops when that is below ε·sum.
    """
    term = total = 1.0 / a
    ap = a
    for _ in range(_MAX_TERMS):
        ap += 1.0
        term *= x / ap
        total += term
        r = x / (ap + 1.0)
        if r < 1.0 and term * r / (1.0 - r) <= total * 1e-17:
            return total
    raise ConvergenceError(
        f"the incomplete gamma series did not converge for a = {a!r}, x = {x!r}",
        iterations=_MAX_TERMS,
        estimate=total * gamma_kernel(a, x),
        error=math.inf,
    )


def _lentz(coefficient: object, first: float, what: str) -> float:
    """The continued fraction first + a₁/(b₁ + a₂/(b₂ + …)) by the modified Lentz method.

    ``coefficient(i)`` gives (aᵢ, bᵢ). Stops when a step changes the value by a relative
    2⁻⁵³: for these fractions (of Stieltjes type) the successive convergents bracket the
    limit, so that step bounds the remaining error.
    """
    return _lentz_terms(coefficient, first, what)[0]


def _lentz_terms(coefficient: object, first: float, what: str) -> tuple[float, int]:
    """:func:`_lentz`'s value, and the number of levels it took."""
    assert callable(coefficient)
    f = first if first != 0.0 else _TINY
    c, d = f, 0.0
    for i in range(1, _MAX_TERMS):
        a_i, b_i = coefficient(i)
        d = b_i + a_i * d
        d = 1.0 / (d if d != 0.0 else _TINY)
        c = b_i + a_i / c
        c = c if c != 0.0 else _TINY
        delta = c * d
        f *= delta
        if abs(delta - 1.0) <= 1.2e-16:
            return f, i
    raise ConvergenceError(
        f"the continued fraction for {what} did not converge",
        iterations=_MAX_TERMS,
        estimate=f,
        error=math.inf,
    )


def _gamma_continued_fraction(a: float, x: float) -> float:
    """Q(a, x) = (xᵃe⁻ˣ/Γ(a))·1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(…))) (NR 6.2.7)."""
    return gamma_kernel(a, x) / _gamma_fraction(a, x)


def _gamma_fraction(a: float, x: float) -> float:
    """The continued fraction of Q(a, x) = xᵃe⁻ˣ/Γ(a) / (this), by Lentz's method."""
    return _lentz(
        lambda i: (-i * (i - a), x + 2.0 * i + 1.0 - a), x + 1.0 - a, "the incomplete gamma"
    )


def _gamma_q_small_a(a: float, x: float) -> float:
    """Q(a, x) for a < 1 and x ≤ 1.5, where P is near 1 and 1 − P would lose the digits of Q.

    From γ(a, x) = Σₙ (−1)ⁿxᵃ⁺ⁿ/(n!(a + n)): Q = [1 − xᵃ/Γ(a + 1)] − (xᵃ/Γ(a + 1))·a·S with
    S = Σₙ≥₁ (−x)ⁿ/(n!(a + n)) < 0, the bracket by expm1 (DiDonato & Morris 1986, §2). The
    two parts have one sign, so nothing cancels; S alternates with terms falling from n = 1
    on (x ≤ 1.5), so stopping at a term below ε·|S| bounds the error by that term.
    """
    t = a * math.log(x) - math.lgamma(1.0 + a)
    head = -math.expm1(t)
    term, total = 1.0, 0.0
    for n in range(1, 200):
        term *= -x / n
        step = term / (a + n)
        total += step
        if abs(step) <= 1e-17 * abs(total):
            break
    return head - math.exp(t) * a * total


# Temme's uniform asymptotic expansion of Q(a, x) for large a (Temme 1979; DiDonato & Morris
# 1986; DLMF 8.12): with λ = x/a and η = sign(λ − 1)·√(2(λ − 1 − log λ)),
#     Q(a, x) = ½·erfc(η√(a/2)) + e^(−aη²/2)/√(2πa) · Σₖ Cₖ(η)/aᵏ,
# C₀ = 1/(λ − 1) − 1/η, C₁ = 1/η³ − 1/(λ − 1)³ − 1/(λ − 1)² − 1/(12(λ − 1)),
# Cₖ = (1/η)·C′ₖ₋₁ + (−1)ᵏγₖ/(λ − 1) (γₖ Stirling's coefficients 1, 1/12, 1/288, …).
# Near η = 0 the closed forms cancel, so their Taylor coefficients are used there; these were
# computed exactly (in Fractions, by reverting η²/2 = μ − log(1 + μ) as a power series) and
# agree with DiDonato & Morris's tables (−1/3, 1/12, −2/135, 1/864, …; C₁(0) = −1/540,
# C₂(0) = 25/6048).
_TEMME_C0 = (  # C₀(η) = Σ cₙηⁿ
    -0.3333333333333333,
    0.08333333333333333,
    -0.014814814814814815,
    0.0011574074074074073,
    0.0003527336860670194,
    -0.0001787551440329218,
    3.919263178522438e-05,
    -2.185448510679992e-06,
    -1.85406221071516e-06,
    8.296711340953087e-07,
    -1.7665952736826078e-07,
    6.707853543401498e-09,
    1.0261809784240309e-08,
    -4.382036018453353e-09,
    9.14769958223679e-10,
    -2.5514193994946248e-11,
    -5.830772132550426e-11,
    2.4361948020667415e-11,
    -5.0276692801141755e-12,
    1.1004392031956135e-13,
)
_TEMME_C1 = (  # C₁(η)
    -0.001851851851851852,
    -0.003472222222222222,
    0.0026455026455026454,
    -0.0009902263374485596,
    0.00020576131687242798,
    -4.018775720164609e-07,
    -1.8098550334489977e-05,
    7.64916091608111e-06,
    -1.6120900894563446e-06,
    4.647127802807434e-09,
    1.378633446915721e-07,
    -5.752545603517705e-08,
    1.1951628599778148e-08,
    -1.7543241719747647e-11,
    -1.0091543710600413e-09,
    4.162792991842583e-10,
)
_TEMME_C2 = (  # C₂(η)
    0.004133597883597883,
    -0.0026813271604938273,
    0.0007716049382716049,
    2.0093878600823047e-06,
    -0.0001073665322636516,
    5.2923448829120125e-05,
    -1.2760635188618728e-05,
    3.423578734096138e-08,
    1.3721957309062934e-06,
    -6.298992138380055e-07,
)

#: From this a on, P(a, x) and Q(a, x) come from Temme's expansion (exact to rounding there
#: with three terms), not from loops of about √a terms.
TEMME_MIN_A = 1e6


def _temme_pq(a: float, x: float) -> tuple[float, float]:
    """(P(a, x), Q(a, x)) for a ≥ 10⁶ by Temme's uniform expansion (above), to its C₂ term.

    Why: the series and the continued fraction need about √a terms near x = a (10⁷ for the
    Poisson(10¹⁵) distribution function); the expansion costs one erfc. The terms left out,
    C₃/a³ ≈ 6·10⁻⁴/a³ of e^(−aη²/2)/√(2πa), are below 10⁻²¹ of the smaller tail. The exponent
    aη²/2 is Loader's deviance D(a, x) = a·log(a/x) + x − a, computed without cancellation.
    """
    half_a_eta2 = _deviance(a, x)
    eta = math.copysign(math.sqrt(2.0 * half_a_eta2 / a), x - a)
    c0, c1, c2 = _temme_coefficients(eta, (x - a) / a)
    rest = math.exp(-half_a_eta2) / math.sqrt(2.0 * math.pi * a) * (c0 + (c1 + c2 / a) / a)
    z = eta * math.sqrt(0.5 * a)
    if eta >= 0.0:  # Q is the smaller tail: ½erfc(z) + rest (rest is −η/3 of it, at most)
        q = 0.5 * math.erfc(z) + rest
        return 1.0 - q, q
    p = 0.5 * math.erfc(-z) - rest  # here −rest > 0: nothing cancels
    return p, 1.0 - p


def _temme_coefficients(eta: float, u: float) -> tuple[float, float, float]:
    """C₀(η), C₁(η), C₂(η), with u = λ − 1: Taylor series for |η| ≤ ½ (radius 2√π, so 20
    terms reach 10⁻¹⁷), the closed forms beyond, where their cancellation costs < 2 digits."""
    if abs(eta) <= 0.5:
        return _horner(_TEMME_C0, eta), _horner(_TEMME_C1, eta), _horner(_TEMME_C2, eta)
    c0 = 1.0 / u - 1.0 / eta
    c1 = 1.0 / eta**3 - 1.0 / u**3 - 1.0 / u**2 - 1.0 / (12.0 * u)
    c2 = (
        -3.0 / eta**5
        + (3.0 / u**4 + 2.0 / u**3 + 1.0 / (12.0 * u**2)) * (1.0 + u) / u
        + 1.0 / (288.0 * u)
    )
    return c0, c1, c2


def _temme_log_smaller_tail(a: float, x: float) -> float:
    """log of the smaller of P(a, x) and Q(a, x), for a ≥ 10⁶ where it is below 10⁻³⁰⁰.

    The expansion with e^(−aη²/2) taken out: ½erfc(z) = ½e^(−z²)·erfcx(z) with z² = aη²/2,
    so the tail is e^(−aη²/2)·[½erfcx(|z|) ± Σ Cₖ/aᵏ/√(2πa)] and its log needs no
    underflowing factor. erfcx(z) = e^(z²)erfc(z) by its asymptotic series (z ≥ 26 here:
    ten terms are exact to 10⁻²¹).
    """
    half_a_eta2 = _deviance(a, x)
    eta = math.copysign(math.sqrt(2.0 * half_a_eta2 / a), x - a)
    c0, c1, c2 = _temme_coefficients(eta, (x - a) / a)
    rest = (c0 + (c1 + c2 / a) / a) / math.sqrt(2.0 * math.pi * a)
    z = abs(eta) * math.sqrt(0.5 * a)
    inverse_2z2, term, series = 1.0 / (2.0 * z * z), 1.0, 1.0
    for k in range(1, 11):
        term *= -(2 * k - 1) * inverse_2z2
        series += term
    half_erfcx = 0.5 * series / (z * math.sqrt(math.pi))
    bracket = half_erfcx + rest if eta >= 0.0 else half_erfcx - rest
    return -half_a_eta2 + math.log(bracket)


def _horner(coefficients: tuple[float, ...], t: float) -> float:
    """Σ cₙtⁿ by Horner's rule."""
    total = 0.0
    for c in reversed(coefficients):
        total = total * t + c
    return total


def gamma_pq(a: float, x: float) -> tuple[float, float]:
    """(P(a, x), Q(a, x)), each accurate to a relative few ulp × the loop length.

    The series gives P where x < a + 1 (there P is the smaller tail or near ½), the continued
    fraction gives Q elsewhere; the other is one minus it. Where the series' P exceeds 0.9
    (small a), Q comes from the continued fraction instead, so it keeps its digits.
    """
    a, x = _check_shape("a", a), float(x)
    if x != x or x < 0.0:
        raise DomainError(f"x must be a number ≥ 0, got {x!r}")
    if x == 0.0:
        return 0.0, 1.0
    if math.isinf(x):
        return 1.0, 0.0
    if a >= TEMME_MIN_A:
        return _temme_pq(a, x)
    if x < a + 1.0:
        p = _gamma_series(a, x)
        if p <= 0.9:
            return p, 1.0 - p
        if a < 1.0 and x <= 1.5:
            q = _gamma_q_small_a(a, x)
            return 1.0 - q, q
    q = _gamma_continued_fraction(a, x)
    return 1.0 - q, q


def log_gamma_pq(a: float, x: float) -> tuple[float, float]:
    """(log P(a, x), log Q(a, x)), each accurate where P or Q is far below 10⁻³⁰⁸.

    The smaller tail is computed as log(sum or fraction) + log(xᵃe⁻ˣ/Γ(a)), the prefactor
    kept as a logarithm (Loader's form −δ(a) − D(a, x) + ½ log(a/2π) for a ≥ 10, whose terms
    do not cancel), so Q(2, 800) ≈ 10⁻³⁴⁵ is −792.7, not log 0; the larger tail is
    log1p(−smaller). Where the smaller tail is a normal float its log is taken directly.

    >>> round(log_gamma_pq(1, 800)[1], 12)      # Q(1, x) = e⁻ˣ
    -800.0
    >>> log_gamma_pq(3, 0)
    (-inf, 0.0)

    Raises:
        DomainError: if a is not positive and finite, or x is NaN or negative.
        ConvergenceError: for a beyond about 10¹⁰ (the loops are bounded).
    """
    p, q = gamma_pq(a, x)
    a, x = float(a), float(x)
    if x == 0.0:
        return -math.inf, 0.0
    if a >= TEMME_MIN_A and min(p, q) < _DEEP and math.isfinite(x):
        small = _temme_log_smaller_tail(a, x)
        return (small, 0.0 - p) if p <= q else (0.0 - q, small)
    if p <= q:
        if p >= _DEEP:
            return math.log(p), math.log1p(-p)
        return math.log(_gamma_series_sum(a, x)) + _log_gamma_kernel(a, x), 0.0 - p
    if q >= _DEEP:
        return math.log1p(-q), math.log(q)
    if math.isinf(x):
        return 0.0, -math.inf
    if x < a + 1.0 and a < 1.0:  # Q came from the small-a form: Q = a·(E₁-like sum)
        return 0.0 - q, math.log(a) + math.log(_gamma_q_over_a(a, x))
    return 0.0 - q, _log_gamma_kernel(a, x) - math.log(_gamma_fraction(a, x))


def _log_gamma_kernel(a: float, x: float) -> float:
    """log(xᵃe⁻ˣ/Γ(a)) for x > 0: Loader's form for a ≥ 10, a·log x − x − log Γ(a) below."""
    if a < 10.0:
        return a * math.log(x) - x - math.lgamma(a)
    return -stirling_error(a) - _deviance(a, x) + 0.5 * math.log(a / (2.0 * math.pi))


def _gamma_q_over_a(a: float, x: float) -> float:
    """Q(a, x)/a for a tiny (Q underflows with a): −(expm1(t)/a) − eᵗ·S of the small-a form,
    t = a·log x − log Γ(1 + a); as a → 0 it is E₁(x) = −γ − log x − Σₙ≥₁ (−x)ⁿ/(n·n!)."""
    term, total = 1.0, 0.0
    for n in range(1, 200):
        term *= -x / n
        step = term / (a + n)
        total += step
        if abs(step) <= 1e-17 * abs(total):
            break
    euler_gamma = 0.5772156649015329
    # log Γ(1 + a) = −γa + O(a²), so t/a = log x + γ to a relative a: exact for a < 10⁻¹⁷.
    t_over_a = math.log(x) + euler_gamma
    return -t_over_a - total


def regularized_gamma_p(a: float, x: float) -> float:
    """The lower regularised incomplete gamma function P(a, x) = γ(a, x)/Γ(a).

    Definition: P(a, x) = (1/Γ(a)) ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt, the distribution function of Gamma(a, 1).
    Series for x < a + 1, continued fraction otherwise (Numerical Recipes §6.2), with the
    prefactor in Loader's form (see the module's notes).

    >>> round(regularized_gamma_p(1, 2), 15)        # 1 − e⁻²
    0.864664716763387
    >>> regularized_gamma_p(3, 0)
    0.0

    Raises:
        DomainError: if a is not positive and finite, or x is NaN or negative.
        ConvergenceError: for a beyond about 10¹⁰ (the loops are bounded).
    """
    return gamma_pq(a, x)[0]


def regularized_gamma_q(a: float, x: float) -> float:
    """The upper regularised incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x).

    Computed directly where it is the small tail, so Q(1, 700) = e⁻⁷⁰⁰ keeps its digits
    instead of rounding 1 − P to 0.

    >>> math.isclose(regularized_gamma_q(1, 700), math.exp(-700), rel_tol=1e-14)
    True

    Raises:
        DomainError: if a is not positive and finite, or x is NaN or negative.
        ConvergenceError: for a beyond about 10¹⁰ (the loops are bounded).
    """
    return gamma_pq(a, x)[1]


def _beta_continued_fraction(
    a: float, b: float, x: float, y: float, log_xy: tuple[float, float] | None = None
) -> float:
    """Iₓ(a, b) = (xᵃyᵇ/(a·B(a, b)))·1/(1 + d₁/(1 + d₂/(1 + …))) (NR 6.4.5), x below the mean."""
    value = _beta_fraction(a, b, x, y)
    if log_xy is None:
        kernel = beta_kernel(a, b, x, y)
    else:  # log x and log y given more accurately than x and y themselves
        kernel = math.exp(a * log_xy[0] + b * log_xy[1] - log_beta(a, b))
    return kernel / (a * value)


def _beta_fraction(a: float, b: float, x: float, y: float) -> float:
    """The continued fraction T₁ = 1 + d₁/(1 + d₂/(1 + d₃/…)) of Iₓ(a, b), y = 1 − x given.

    Where x is near 1 (a ≫ b, as for Student's t with large ν) each odd level
    1 + d₂ₘ₊₁/T₂ₘ₊₂ is 1 − x·(1 − βₘ)/(1 + eₘ) with βₘ and eₘ = T₂ₘ₊₂ − 1 of size 1/a: written
    so it subtracts numbers near 1 and loses a relative ε/(1 − x) at every level (3·10⁻⁹ of
    the t cdf at ν = 10⁸, t = 2). So there it is evaluated again from the bottom up (from a
    depth doubled until two truncations agree) with each odd level in the
    exact form (y + x·βₘ + eₘ)/(1 + eₘ), where βₘ = [a(2m + 1 − b) + m(3m + 2 − b)] /
    ((a + 2m)(a + 2m + 1)): the parts have one sign (for b ≤ 2m + 1), so nothing cancels.
    """
    qab, qap, qam = a + b, a + 1.0, a - 1.0

    def coefficient(i: int) -> tuple[float, float]:
        m = i // 2
        if i % 2 == 0:
            return m * (b - m) * x / ((qam + 2 * m) * (a + 2 * m)), 1.0
        return -(a + m) * (qab + m) * x / ((a + 2 * m) * (qap + 2 * m)), 1.0

    forward, terms = _lentz_terms(coefficient, 1.0, "the incomplete beta")
    if y >= 0.5:
        return forward  # 1 − x is not small: the forward pass lost nothing

    def from_depth(depth: int) -> float:
        t_below = 1.0  # T₂ₘ₊₃ below the depth, truncated to 1
        for m in range(depth, -1, -1):
            e = coefficient(2 * m + 2)[0] / (t_below if t_below != 0.0 else _TINY)
            beta = (a * (2 * m + 1 - b) + m * (3 * m + 2 - b)) / ((a + 2 * m) * (a + 2 * m + 1))
            if beta >= 0.0:
                t_below = (y + x * beta + e) / (1.0 + e)
            else:  # b > 2m + 1: the written form is the one without cancellation
                t_below = 1.0 + coefficient(2 * m + 1)[0] / (1.0 + e)
        return t_below

    # The forward pass's own stopping point is early here (its rounding noise looks like
    # convergence), so the depth is doubled until two truncations agree to rounding.
    depth = terms // 2 + 2
    value = from_depth(depth)
    while depth < _MAX_TERMS:
        depth *= 2
        deeper = from_depth(depth)
        if abs(deeper - value) <= 4e-16 * abs(deeper):
            return deeper
        value = deeper
    raise ConvergenceError(
        "the continued fraction for the incomplete beta did not converge",
        iterations=depth,
        estimate=value,
        error=math.inf,
    )


def beta_pair(
    x: float,
    a: float,
    b: float,
    y: float | None = None,
    *,
    log_xy: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """(Iₓ(a, b), 1 − Iₓ(a, b)), the smaller one computed directly; y = 1 − x if given.

    ``log_xy`` = (log x, log y), when the caller knows them better than x and y: for
    Student's t with ν = 10¹⁰, x = 1/(1 + t²/ν) rounds by ε, and x^(ν/2) would carry that
    ε times ν/2, whereas −(ν/2)·log1p(t²/ν) keeps every digit.

    >>> beta_pair(0.5, 1, 1)
    (0.5, 0.5)
    """
    a, b = _check_shape("a", a), _check_shape("b", b)
    x = float(x)
    y = 1.0 - x if y is None else float(y)
    if not (0.0 <= x <= 1.0) or not (0.0 <= y <= 1.0):
        raise DomainError(f"x must be in [0, 1], got {x!r}")
    if x == 0.0:
        return 0.0, 1.0
    if y == 0.0:
        return 1.0, 0.0
    if x * (a + b + 2.0) < a + 1.0:
        lower = _beta_continued_fraction(a, b, x, y, log_xy)
        return lower, 1.0 - lower
    swapped = None if log_xy is None else (log_xy[1], log_xy[0])
    upper = _beta_continued_fraction(b, a, y, x, swapped)
    return 1.0 - upper, upper


def log_beta_pair(
    x: float,
    a: float,
    b: float,
    y: float | None = None,
    *,
    log_xy: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """(log Iₓ(a, b), log(1 − Iₓ(a, b))), each accurate where that tail is below 10⁻³⁰⁸.

    The smaller tail is log xᵃyᵇ − log(a·B(a, b)) − log(continued fraction), the prefactor as
    a logarithm (so I at x = 10⁻²⁰⁰, a = 2 is −921, not log 0); the larger is log1p(−smaller).
    Arguments as for :func:`beta_pair`.

    >>> round(log_beta_pair(1e-200, 2, 1)[0], 9)    # I = x² for Beta(2, 1)
    -921.034037198
    >>> log_beta_pair(0.5, 1, 1) == (math.log(0.5), math.log(0.5))
    True

    Raises:
        DomainError: if a or b is not positive and finite, or x is outside [0, 1] or NaN.
        ConvergenceError: for a or b beyond about 10¹⁰ (the loops are bounded).
    """
    lower, upper = beta_pair(x, a, b, y, log_xy=log_xy)
    a, b, x = float(a), float(b), float(x)
    y = 1.0 - x if y is None else float(y)
    if x == 0.0 or y == 0.0:
        return (-math.inf, 0.0) if x == 0.0 else (0.0, -math.inf)
    if lower <= upper:
        if lower >= _DEEP:
            return math.log(lower), math.log1p(-lower)
        return _log_beta_fraction_tail(a, b, x, y, log_xy), 0.0 - lower
    if upper >= _DEEP:
        return math.log1p(-upper), math.log(upper)
    swapped = None if log_xy is None else (log_xy[1], log_xy[0])
    return 0.0 - upper, _log_beta_fraction_tail(b, a, y, x, swapped)


def _log_beta_fraction_tail(
    a: float, b: float, x: float, y: float, log_xy: tuple[float, float] | None
) -> float:
    """log Iₓ(a, b) = a·log x + b·log y − log B(a, b) − log a − log(fraction), x below the
    mean. In the deep tail the log is at least 690, so rounding a·log x (relative ε) costs
    a relative ε of the answer: Loader's form is not needed here."""
    log_x, log_y = (math.log(x), math.log(y)) if log_xy is None else log_xy
    log_kernel = a * log_x + b * log_y - log_beta(a, b)
    return log_kernel - math.log(a * _beta_fraction(a, b, x, y))


def regularized_beta(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function Iₓ(a, b) = B(x; a, b)/B(a, b).

    Definition: Iₓ(a, b) = (1/B(a, b)) ∫₀ˣ tᵃ⁻¹(1 − t)ᵇ⁻¹ dt, the distribution function of
    Beta(a, b). The continued fraction converges fast for x < (a + 1)/(a + b + 2); above it
    the symmetry Iₓ(a, b) = 1 − I₁₋ₓ(b, a) is used (Numerical Recipes §6.4).

    >>> round(regularized_beta(0.5, 2, 3), 15)      # 1 − (½)⁴·(1 + 3·½ + …) = 11/16
    0.6875
    >>> regularized_beta(0.3, 1, 1)                 # Beta(1, 1) is uniform
    0.3

    Raises:
        DomainError: if a or b is not positive and finite, or x is outside [0, 1] or NaN.
        ConvergenceError: for a or b beyond about 10¹⁰ (the loops are bounded).
    """
    return beta_pair(x, a, b)[0]


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
