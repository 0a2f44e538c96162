"""Argument checks shared by every layer (layer 0).

A public function of scratchmath checks its arguments before it computes, so that a mistake
is reported where it was made, in words, and never as an ``IndexError`` or a wrong number
twenty lines later. The checks are written once, here, with one argument order:
``check_x(value, name)``, where ``name`` is how the message refers to the argument.

===================  ======================================================================
``Real``             the type of a real argument: int | float | Fraction
``check_real``       a real number (int, float or Fraction); NaN is a DomainError
``check_finite``     a real number that is neither NaN nor ±inf
``check_positive``   a real number > 0 (a tolerance, a rate, a scale)
``check_nonnegative``  a real number ≥ 0
``check_probability``  a real number in [0, 1]
``check_int``        an int (not a bool) at least ``minimum``
``check_callable``   something that can be called
``real_result``      a user function's value as a float, or a TypeError naming the point
===================  ======================================================================

>>> check_int(3, "n", minimum=1)
3
>>> check_positive(0, "learning_rate")
Traceback (most recent call last):
...
scratchmath.errors.DomainError: learning_rate must be positive, got 0

Non-numbers are a ``TypeError``; numbers outside the allowed range are a ``DomainError``
(a ``ValueError``), as DESIGN's error table says.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction

from scratchmath.errors import DomainError

__all__ = [
    "Real",
    "check_callable",
    "check_finite",
    "check_int",
    "check_nonnegative",
    "check_positive",
    "check_probability",
    "check_real",
    "real_result",
]

Real = int | float | Fraction
"""The real numbers scratchmath accepts as parameters: ``int``, ``float`` and ``Fraction``."""


def check_real(value: object, name: str) -> Real:
    """``value`` as a real number (int, float or Fraction), kept exact if it is exact.

    >>> check_real(Fraction(1, 2), "p")
    Fraction(1, 2)
    >>> check_real(float("nan"), "sigma")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: sigma must be a number, got NaN

    Raises: TypeError for a non-number (a bool or a complex included); DomainError for NaN.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not isinstance(value, (int, float, Fraction)):  # another registered real type
        value = float(value)
    if isinstance(value, float) and math.isnan(value):
        raise DomainError(f"{name} must be a number, got NaN")
    return value


def check_finite(value: object, name: str) -> Real:
    """``value`` as a finite real number.

    >>> check_finite(2, "x")
    2
    >>> check_finite(math.inf, "x")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: x must be finite, got inf

    Raises: TypeError for a non-number; DomainError for NaN or ±inf.
    """
    real = check_real(value, name)
    if isinstance(real, float) and math.isinf(real):
        raise DomainError(f"{name} must be finite, got {real!r}")
    return real


def check_positive(value: object, name: str) -> Real:
    """``value`` as a real number > 0 (inf allowed: an infinite budget or tolerance).

    >>> check_positive(1e-8, "tol")
    1e-08

    Raises: TypeError for a non-number; DomainError for NaN or a number ≤ 0.
    """
    real = check_real(value, name)
    if not real > 0:
        raise DomainError(f"{name} must be positive, got {real!r}")
    return real


def check_nonnegative(value: object, name: str) -> Real:
    """``value`` as a real number ≥ 0.

    >>> check_nonnegative(0, "momentum")
    0
    >>> check_nonnegative(-0.5, "momentum")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: momentum must be non-negative, got -0.5

    Raises: TypeError for a non-number; DomainError for NaN or a negative number.
    """
    real = check_real(value, name)
    if real < 0:
        raise DomainError(f"{name} must be non-negative, got {real!r}")
    return real


def check_probability(value: object, name: str) -> Real:
    """``value`` as a probability, a real number in [0, 1].

    >>> check_probability(Fraction(1, 3), "p")
    Fraction(1, 3)

    Raises: TypeError for a non-number; DomainError for NaN or a number outside [0, 1].
    """
    real = check_real(value, name)
    if not 0 <= real <= 1:
        raise DomainError(f"{name} must be a probability in [0, 1], got {real!r}")
    return real


def check_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """``value`` as an int (a bool is refused), at least ``minimum`` when one is given.

    >>> check_int(0, "n", minimum=1)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: n must be an integer ≥ 1, got 0
    >>> check_int(2.0, "n")
    Traceback (most recent call last):
    ...
    TypeError: n must be an int, got float

    Raises: TypeError for a non-int; DomainError below ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    number = int(value)
    if minimum is not None and number < minimum:
        raise DomainError(f"{name} must be an integer ≥ {minimum}, got {number}")
    return number


def check_callable(f: object, name: str = "f") -> None:
    """Refuse something that cannot be called.

    >>> check_callable(3)
    Traceback (most recent call last):
    ...
    TypeError: f must be a callable function, got int

    Raises: TypeError when ``f`` is not callable.
    """
    if not callable(f):
        raise TypeError(f"{name} must be a callable function, got {type(f).__name__}")


def real_result(y: object, where: str) -> float:
    """A user function's value ``y`` as a float; ``where`` says at which point it was computed.

    An exact value too large for a float saturates to ±inf (the caller decides what an
    infinite value means); a value that is not a real number is the user's mistake.

    >>> real_result(Fraction(1, 2), "x = 0"), real_result(10**400, "x = 0")
    (0.5, inf)
    >>> real_result("1", "x = 0")
    Traceback (most recent call last):
    ...
    TypeError: f must return a real number, got str at x = 0

    Raises: TypeError for a result that is not a real number.
    """
    if isinstance(y, float):
        return y
    if isinstance(y, bool) or not isinstance(y, numbers.Real):
        raise TypeError(f"f must return a real number, got {type(y).__name__} at {where}")
    try:
        return float(y)
    except OverflowError:  # an int or Fraction beyond the float range
        return math.inf if y > 0 else -math.inf  # type: ignore[operator]
