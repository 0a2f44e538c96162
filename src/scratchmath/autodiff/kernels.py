"""The scalar kernels of autodiff: each function of one real number, and its slope.

A differentiable function is two rules side by side — its value f(x) and its derivative
f′(x) — and this module writes both for every elementary function, on one real number, in
the numerically careful form. The graph (``graph.py``) and the dual numbers (``dual.py``)
apply them entry by entry to Vectors and Matrices.

================  ==================================================================
``power``         xᶜ for real x and c: exact for rational x and integer c
``power_slope``   d/dx xᶜ = c·xᶜ⁻¹ (x = 0 with 0 < c < 1 has no finite slope)
``exp``           eˣ, saturating to inf instead of raising OverflowError
``log``           ln x for x > 0, exact-argument safe (ln 10⁴⁰⁰ is 921.03…)
``sqrt``          √x for x ≥ 0, correctly rounded for rationals
``sqrt_slope``    d/dx √x = 1/(2√x) for x > 0
``sin, cos``      the circular functions of a finite argument
``tanh``          tanh x
``tanh_slope``    d/dx tanh x = sech² x = 4e⁻²|ˣ|/(1 + e⁻²|ˣ|)², never 1 − tanh² x
``sigmoid``       σ(x) = 1/(1 + e⁻ˣ), never overflowing
``sigmoid_slope`` σ′(x) = σ(x)·σ(−x)
``softplus``      ln(1 + eˣ) = max(x, 0) + ln(1 + e⁻|ˣ|)
``relu``          max(x, 0), keeping x's kind (0.0 for a float)
``step``          the slope of relu and |x|'s sign: 1, 0 or −1 (0 at x = 0, by convention)
================  ==================================================================

>>> power(Fraction(2, 3), -2), power_slope(0, 2)
(Fraction(9, 4), 0)
>>> sigmoid(-1000.0), sigmoid_slope(1000.0), softplus(1000.0)
(0.0, 0.0, 1000.0)

Why the careful forms: 1 − tanh²x and σ(x)(1 − σ(x)) subtract two numbers close to 1 when
|x| is large, losing every digit of a slope near 1e-20; the forms above compute the small
number directly. And eˣ for x = 1000 raises OverflowError in Python, where the IEEE answer
is inf.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from scratchmath.errors import DomainError
from scratchmath.scalars import exact_sqrt, to_float

__all__ = [
    "cos",
    "exp",
    "log",
    "power",
    "power_slope",
    "relu",
    "sigmoid",
    "sigmoid_slope",
    "sin",
    "softplus",
    "sqrt",
    "sqrt_slope",
    "step",
    "tanh",
    "tanh_slope",
]


def _is_whole(c: Any) -> bool:
    """Whether the exponent c is an integer (as a value: 2, 2.0 and Fraction(4, 2) are)."""
    if isinstance(c, int):
        return True
    if isinstance(c, Fraction):
        return c.denominator == 1
    return math.isfinite(c) and c == int(c)


def power(x: Any, c: Any) -> Any:
    """xᶜ for real x and c: exact for rational x and integer c, a float otherwise.

    Python's own ``**`` makes 2 ** -1 the float 0.5, (−8) ** (1/3) a complex number, and
    1e200 ** 2 an OverflowError; here 2 ** -1 is Fraction(1, 2), a negative base with a
    fractional exponent is refused, and overflow gives ±inf.

    >>> power(2, -1), power(-2, 3), power(4, 0.5), power(1e200, 2)
    (Fraction(1, 2), -8, 2.0, inf)
    >>> power(0, -1)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: 0 ** -1 is undefined: a negative power of zero divides by zero

    Raises: DomainError for 0 to a negative power, and for a negative base with a
    non-integer exponent (the result is not real).
    """
    if x == 0 and c < 0:
        raise DomainError(f"{x!r} ** {c!r} is undefined: a negative power of zero divides by zero")
    whole = _is_whole(c)
    if x < 0 and not whole:
        raise DomainError(f"{x!r} ** {c!r} is not a real number (negative base, fractional power)")
    if whole and type(x) is not float and type(c) is not float:
        k = int(c)
        if type(x) is int and k >= 0:
            return x**k
        result = Fraction(x) ** k
        return result.numerator if result.denominator == 1 else result
    try:
        return x**c
    except OverflowError:
        negative = x < 0 and whole and int(c) % 2 == 1
        return -math.inf if negative else math.inf


def power_slope(x: Any, c: Any) -> Any:
    """The derivative of xᶜ with respect to x: c·xᶜ⁻¹ (0 when c = 0).

    >>> power_slope(3, 2), power_slope(Fraction(1, 3), 3), power_slope(0.0, 1)
    (6, Fraction(1, 3), 1)
    >>> power_slope(0, 0.5)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: x ** 0.5 has no finite derivative at x = 0

    Raises: DomainError where the slope is infinite (x = 0, c < 1, c ≠ 0, 1) or xᶜ is not
    real.
    """
    if c == 0:
        return 0
    if c == 1:
        return 1
    if x == 0 and c < 1:
        raise DomainError(f"x ** {c!r} has no finite derivative at x = {x!r}")
    return c * power(x, c - 1)


def exp(x: Any) -> float:
    """eˣ as a float, inf where it exceeds the float range (Python raises OverflowError).

    >>> exp(0), exp(1000), exp(-1000)
    (1.0, inf, 0.0)
    """
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf if x > 0 else 0.0


def log(x: Any) -> float:
    """The natural logarithm ln x for x > 0.

    An exact argument is used exactly: near 1 as log1p of the exact x − 1 (ln p − ln q
    would cancel every digit of ln(1000001/1000000)), beyond the float range as
    ln p − ln q (``math.log`` takes a big int without converting it).

    >>> log(1), log(10**400), log(Fraction(1000001, 1000000))
    (0.0, 921.0340371976182, 9.999995000003334e-07)
    >>> log(0)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: log needs x > 0, got 0

    Raises: DomainError for x ≤ 0.
    """
    if not x > 0:
        if x != x:  # NaN passes through, as in IEEE arithmetic
            return math.nan
        raise DomainError(f"log needs x > 0, got {x!r}")
    if type(x) is Fraction:
        if abs(x - 1) < Fraction(1, 2):  # near 1 the argument x − 1 is exact: log1p keeps it
            return math.log1p(float(x - 1))
        value = float(x)  # correctly rounded; |ln x| > 0.4, so its rounding costs nothing
        if 0.0 < value < math.inf:
            return math.log(value)
        return math.log(x.numerator) - math.log(x.denominator)  # |ln x| > 700: no cancellation
    return math.log(x)


def sqrt(x: Any) -> float:
    """√x for x ≥ 0, correctly rounded for rational x (``scalars.exact_sqrt``).

    >>> sqrt(2), sqrt(Fraction(9, 4))
    (1.4142135623730951, 1.5)

    Raises: DomainError for x < 0.
    """
    if x < 0:
        raise DomainError(f"sqrt needs x ≥ 0, got {x!r}")
    if type(x) is float:
        return math.sqrt(x)
    return exact_sqrt(x)


def sqrt_slope(x: Any) -> float:
    """The derivative of √x: 1/(2√x), for x > 0.

    >>> sqrt_slope(4)
    0.25

    Raises: DomainError at x = 0, where the slope is infinite, and for x < 0.
    """
    if x == 0:
        raise DomainError("sqrt has no finite derivative at x = 0 (its slope 1/(2√x) is infinite)")
    return 0.5 / sqrt(x)


def _finite_argument(x: Any, name: str) -> float:
    value = to_float(x)
    if not math.isfinite(value) and value == value:
        raise DomainError(f"{name} of {value!r} is undefined")
    return value


def sin(x: Any) -> float:
    """sin x (radians) of a finite x.

    >>> sin(0), round(sin(math.pi / 6), 15)
    (0.0, 0.5)

    Raises: DomainError for x = ±inf (no limit exists).
    """
    return math.sin(_finite_argument(x, "sin"))


def cos(x: Any) -> float:
    """cos x (radians) of a finite x.

    >>> cos(0)
    1.0

    Raises: DomainError for x = ±inf (no limit exists).
    """
    return math.cos(_finite_argument(x, "cos"))


def tanh(x: Any) -> float:
    """The hyperbolic tangent tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ).

    >>> tanh(0), tanh(1000)
    (0.0, 1.0)
    """
    return math.tanh(to_float(x))


def tanh_slope(x: Any) -> float:
    """The derivative sech² x = 4e⁻²|ˣ|/(1 + e⁻²|ˣ|)², exact in relative terms for every x.

    1 − tanh² x would give 0 for |x| > 19 (tanh x rounds to ±1) although the true slope is
    4e⁻²|ˣ| ≈ 1e-17 at x = 20.

    >>> tanh_slope(0), tanh_slope(20) > 0, tanh_slope(1000)
    (1.0, True, 0.0)
    """
    t = exp(-2.0 * abs(to_float(x)))
    return 4.0 * t / ((1.0 + t) * (1.0 + t))


def sigmoid(x: Any) -> float:
    """The logistic function σ(x) = 1/(1 + e⁻ˣ), computed without overflow.

    For x ≥ 0, 1/(1 + e⁻ˣ); for x < 0 the same number written eˣ/(1 + eˣ), so the exponential
    is always of a non-positive number and never overflows.

    >>> sigmoid(0), sigmoid(1000), sigmoid(-1000)
    (0.5, 1.0, 0.0)
    """
    value = to_float(x)
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)
    return e / (1.0 + e)


def sigmoid_slope(x: Any) -> float:
    """The derivative σ′(x) = σ(x)·σ(−x) (= σ(x)(1 − σ(x)), without the cancellation).

    >>> sigmoid_slope(0), sigmoid_slope(-1000)
    (0.25, 0.0)
    """
    return sigmoid(x) * sigmoid(-to_float(x))


def softplus(x: Any) -> float:
    """softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e⁻|ˣ|), a smooth relu; its slope is σ(x).

    >>> softplus(0) == math.log(2), softplus(-1000), softplus(1000)
    (True, 0.0, 1000.0)
    """
    value = to_float(x)
    return max(value, 0.0) + math.log1p(math.exp(-abs(value)))


def relu(x: Any) -> Any:
    """relu(x) = max(x, 0), exact for exact x, 0.0 for a negative float (not the int 0).

    >>> relu(-3), relu(Fraction(1, 2)), relu(-2.5)
    (0, Fraction(1, 2), 0.0)
    """
    if x > 0 or x != x:  # NaN passes through
        return x
    return 0.0 if type(x) is float else 0


def step(x: Any) -> int:
    """The sign of x: 1 for x > 0, −1 for x < 0, 0 at 0 — the slope of |x|.

    The slope of relu is the step (step(x) > 0); at x = 0 neither function has a derivative
    and 0, the middle of the subdifferential of |x| and PyTorch's choice for relu, is used.

    >>> step(3), step(-0.5), step(0)
    (1, -1, 0)
    """
    return 1 if x > 0 else -1 if x < 0 else 0
