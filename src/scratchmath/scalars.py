"""The number kinds of scratchmath, and the arithmetic that keeps them honest (layer 0).

Every layer above computes with four kinds of scalar: ``int`` and ``Fraction`` (exact),
``float`` and ``complex``. This module is the one place that knows how they mix.

=====================  ===================================================================
``Scalar``             the type of a scalar: int | float | Fraction | complex
``S, U``               type variables over the scalar types (``Vector[S]``, ``Matrix[S]``)
``EXACT, REAL,``       the three kinds of homogeneous data: exact (int/Fraction), real
``COMPLEX``            (float) and complex, ordered so that ``max`` is the wider kind
``EPS``                2⁻⁵², the gap between 1.0 and the next float (machine epsilon)
``check_scalar``       x as one of the four scalar types, or TypeError
``kind_of``            the kind of one scalar
``to_float``           float(x), saturating to ±inf where an exact value is too large
``to_complex``         complex(x), saturating likewise
``promote``            a tuple of scalars converted to a wider kind
``homogenize``         check a tuple of scalars and promote them all to the widest kind
``divide``             a / b, exact for rationals (1 / 3 is Fraction(1, 3)); b = 0 is a DomainError
``exact_sqrt``         √q for a rational q, correctly rounded to a float
``accurate_sum``       Σ values: exact for rationals, correctly rounded (fsum) for floats
``is_finite``          neither NaN nor ±inf (always True for exact numbers)
``magnitude``          |x| as a float, inf where it exceeds the float range
``saturating_ldexp``   x·2ᵉ, saturating to ±inf instead of raising OverflowError
``format_scalar``      format(x, spec) for any scalar (a Fraction through float if need be)
``latex_scalar``       a scalar as LaTeX: exact fractions as \\frac{p}{q}, floats compact
=====================  ===================================================================

>>> divide(1, 3), divide(4, 2), divide(1.0, 4)
(Fraction(1, 3), 2, 0.25)
>>> homogenize([1, Fraction(1, 2), 0.5])
(1.0, 0.5, 0.5)
>>> accurate_sum([1e100, 1.0, -1e100], REAL)
1.0

Why a module of its own: the rules here (a ``bool`` is not a number, an int too large for a
float becomes ±inf rather than raising ``OverflowError``, division by zero is a
``DomainError``) must be the same in every layer, so they are written once.
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from scratchmath.errors import DomainError

if TYPE_CHECKING:  # read by type checkers only: typing_extensions is never imported at run time
    from typing_extensions import TypeVar
else:
    from typing import TypeVar

__all__ = [
    "COMPLEX",
    "EPS",
    "EXACT",
    "REAL",
    "S",
    "Scalar",
    "U",
    "accurate_sum",
    "check_scalar",
    "divide",
    "exact_sqrt",
    "format_scalar",
    "homogenize",
    "is_finite",
    "kind_of",
    "latex_scalar",
    "magnitude",
    "promote",
    "saturating_ldexp",
    "to_complex",
    "to_float",
]

Scalar = int | float | Fraction | complex
"""The scalars of scratchmath: ``int``, ``float``, ``Fraction`` and ``complex``."""

# The scalar type of a Vector or Matrix, for type checkers: ``Vector[float]``,
# ``Vector[Fraction]``. Covariant because vectors are immutable (a Vector[int] may stand
# where a Vector[float] is expected, as an int may for a float); a plain ``Vector`` means
# ``Vector[Scalar]``. The exact kind is spelled ``Fraction``: an exact result whose value is
# an integer may hold an ``int`` (1 rather than Fraction(1, 1)), which computes as a Fraction
# would. Python 3.13 accepts ``default=``; before it the run-time TypeVar goes without.
if TYPE_CHECKING:
    S = TypeVar("S", bound=Scalar, covariant=True, default=Scalar)
else:
    S = TypeVar("S", bound=Scalar, covariant=True)
U = TypeVar("U", bound=Scalar)
"""A second scalar type, for arithmetic that mixes two: Vector[S] + Vector[U] → Vector[S | U]."""

EXACT, REAL, COMPLEX = 0, 1, 2
"""The kinds of homogeneous data, ordered: ``max`` of two kinds is the one both fit in."""

EPS = sys.float_info.epsilon
"""2⁻⁵², the spacing of floats just above 1: the unit of relative rounding error."""


def check_scalar(x: object, what: str = "a component") -> Scalar:
    """Return x as one of the four scalar types, or raise TypeError.

    ``bool`` is refused although Python counts it as an ``int``: ``Vector([True])`` is far
    more likely a mistake than a wish for the vector (1). Other registered numeric types
    (NumPy's, say) are converted to the nearest of the four.

    >>> check_scalar(Fraction(1, 2))
    Fraction(1, 2)
    >>> check_scalar("1")
    Traceback (most recent call last):
    ...
    TypeError: a component must be a number (int, float, Fraction or complex), not str

    Raises: TypeError for anything that is not a number (a bool included).
    """
    t = type(x)
    if t is int or t is float or t is Fraction or t is complex:
        return x  # type: ignore[return-value]
    message = f"{what} must be a number (int, float, Fraction or complex), not {t.__name__}"
    if isinstance(x, bool) or not isinstance(x, numbers.Number):
        raise TypeError(message)
    if isinstance(x, numbers.Integral):
        return int(x)
    if isinstance(x, numbers.Rational):
        return Fraction(int(x.numerator), int(x.denominator))
    if isinstance(x, numbers.Real):
        return float(x)
    if isinstance(x, numbers.Complex):
        return complex(x)
    raise TypeError(message)


def kind_of(x: Scalar) -> int:
    """The kind of one scalar: EXACT for int and Fraction, REAL for float, COMPLEX for complex.

    >>> kind_of(3), kind_of(3.0), kind_of(3j)
    (0, 1, 2)
    """
    t = type(x)
    if t is float:
        return REAL
    if t is complex:
        return COMPLEX
    return EXACT


def to_float(x: Scalar) -> float:
    """float(x) for a real scalar, saturating to ±inf where an exact value is too large.

    >>> to_float(Fraction(1, 4)), to_float(-(10**400))
    (0.25, -inf)
    """
    try:
        return float(x)  # type: ignore[arg-type]
    except OverflowError:
        return math.inf if x > 0 else -math.inf  # type: ignore[operator]


def to_complex(x: Scalar) -> complex:
    """complex(x), with the real part saturating as in :func:`to_float`.

    >>> to_complex(Fraction(1, 2))
    (0.5+0j)
    """
    if isinstance(x, complex):
        return x
    return complex(to_float(x), 0.0)


def promote(values: tuple[Scalar, ...], kind: int) -> tuple[Scalar, ...]:
    """Convert homogeneous values to ``kind`` (never downwards).

    >>> promote((1, Fraction(1, 2)), REAL)
    (1.0, 0.5)
    """
    if kind == REAL:
        return tuple(map(to_float, values))
    if kind == COMPLEX:
        return tuple(map(to_complex, values))
    return values


def homogenize(values: Iterable[object], what: str = "a component") -> tuple[Scalar, ...]:
    """Check every value and promote them all to the widest kind among them.

    >>> homogenize([1, 2j])
    ((1+0j), 2j)

    Raises: TypeError for a value that is not a number.
    """
    checked = tuple(check_scalar(x, what) for x in values)
    kind = max(map(kind_of, checked), default=EXACT)
    if kind == EXACT or all(kind_of(x) == kind for x in checked):
        return checked
    return promote(checked, kind)


def divide(a: Scalar, b: Scalar) -> Scalar:
    """a / b, exact when both are rational (1 / 3 is Fraction(1, 3), 4 / 2 is 2).

    >>> divide(Fraction(1, 2), 2)
    Fraction(1, 4)
    >>> divide(1, 0)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: division by zero (1 / 0)

    Raises: DomainError for b = 0, instead of Python's ZeroDivisionError.
    """
    if b == 0:
        raise DomainError(f"division by zero ({a!r} / {b!r})")
    if isinstance(a, (int, Fraction)) and isinstance(b, (int, Fraction)):
        q = Fraction(a) / b
        return q.numerator if q.denominator == 1 else q
    return a / b


def exact_sqrt(q: int | Fraction) -> float:
    """√q for a rational q ≥ 0, correctly rounded to the nearest float (or inf).

    Converting q to a float first would round twice, and fail outright for q beyond the
    float range (10**400). Instead take an integer square root of q scaled by 4ᵏ so the root
    has about 64 significant bits, mark an inexact root with a sticky low bit, and let the
    single conversion to float do the one rounding.

    >>> exact_sqrt(Fraction(9, 4)), exact_sqrt(10**400)
    (1.5, 1e+200)
    """
    q = Fraction(q)
    n, d = q.numerator, q.denominator
    if n == 0:
        return 0.0
    shift = max(0, (130 - n.bit_length() + d.bit_length()) // 2)  # 2·shift extra bits
    scaled_n = n << (2 * shift)
    root = math.isqrt(scaled_n // d)
    if root * root * d != scaled_n:
        root |= 1  # inexact: the sticky bit makes the float rounding correct
    try:
        # One rounding: int / int is correctly rounded, subnormal results included, where
        # ldexp(float(root), -shift) would round twice below 2⁻¹⁰²².
        return root / (1 << shift)
    except OverflowError:
        return math.inf


def accurate_sum(values: Iterable[Any], kind: int) -> Any:
    """Σ values: exact for rationals, correctly rounded (``math.fsum``) for floats.

    ``fsum`` gives the float nearest the true sum, so a long sum does not accumulate
    rounding; where it cannot (an overflowing partial sum, or inf − inf) the plain sum gives
    the IEEE answer (±inf or nan) instead of raising.

    >>> accurate_sum([0.1] * 10, REAL), accurate_sum([Fraction(1, 3)] * 3, EXACT)
    (1.0, Fraction(1, 1))
    """
    if kind == EXACT:
        return sum(values, 0)
    items = list(values)
    try:
        if kind == REAL:
            return math.fsum(items)
        return complex(math.fsum(z.real for z in items), math.fsum(z.imag for z in items))
    except (OverflowError, ValueError):
        return sum(items, 0.0 if kind == REAL else 0j)


def is_finite(x: Scalar) -> bool:
    """Whether x is neither NaN nor ±inf (exact numbers always are finite).

    >>> is_finite(1e308), is_finite(math.inf), is_finite(10**400)
    (True, False, True)
    """
    t = type(x)
    if t is float:
        return math.isfinite(x)  # type: ignore[arg-type]
    if isinstance(x, complex):
        return math.isfinite(x.real) and math.isfinite(x.imag)
    return True


def magnitude(x: Any) -> float:
    """|x| as a float: inf where it exceeds the float range (abs(1e308+2e308j) raises).

    >>> magnitude(-3), magnitude(1.7e308 + 1.7e308j), magnitude(10**400)
    (3.0, inf, inf)
    """
    try:
        return to_float(abs(x))
    except OverflowError:
        return math.inf


def saturating_ldexp(x: Any, e: int) -> Any:
    """x·2ᵉ for a float or complex x, saturating to ±inf (with x's sign) instead of raising.

    Multiplying by a power of two changes only the exponent, so it adds no rounding error:
    the tool for scaling data away from overflow and underflow.

    >>> saturating_ldexp(0.75, 2), saturating_ldexp(-1.0, 2000)
    (3.0, -inf)
    """
    if isinstance(x, complex):
        return complex(saturating_ldexp(x.real, e), saturating_ldexp(x.imag, e))
    try:
        return math.ldexp(x, e)
    except OverflowError:
        return math.copysign(math.inf, x)


def format_scalar(x: Scalar, spec: str) -> str:
    """format(x, spec) for any scalar; a Fraction takes float specs (".3f") through float.

    Before Python 3.12 a Fraction refuses float format specs, so ``f"{v:.3f}"`` on an exact
    vector would fail; the float of an exact number is what such a spec asks for.

    >>> format_scalar(Fraction(1, 3), ".3f"), format_scalar(2, "d"), format_scalar(0.5, ".1%")
    ('0.333', '2', '50.0%')

    Raises: ValueError or TypeError for a spec that fits no number (as format does).
    """
    try:
        return format(x, spec)
    except (TypeError, ValueError):
        if isinstance(x, Fraction):
            return format(to_float(x), spec)
        raise


def latex_scalar(x: Scalar) -> str:
    r"""A scalar as LaTeX, for Jupyter: a Fraction as \frac{p}{q}, a float to 6 digits.

    >>> latex_scalar(Fraction(-1, 3)), latex_scalar(2), latex_scalar(0.1 + 0.2)
    ('-\\frac{1}{3}', '2', '0.3')
    >>> latex_scalar(1e-20), latex_scalar(1.5 - 2j)
    ('1 \\times 10^{-20}', '1.5 - 2i')
    """
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        sign = "-" if x < 0 else ""
        return f"{sign}\\frac{{{abs(x.numerator)}}}{{{x.denominator}}}"
    if isinstance(x, float):
        if not math.isfinite(x):
            return {"inf": "\\infty", "-inf": "-\\infty"}.get(str(x), "\\mathrm{NaN}")
        text = format(x, ".6g")
        if "e" in text:
            mantissa, exponent = text.split("e")
            return f"{mantissa} \\times 10^{{{int(exponent)}}}"
        return text
    if isinstance(x, complex):
        real, imaginary = latex_scalar(x.real), latex_scalar(abs(x.imag))
        return f"{real} {'-' if x.imag < 0 else '+'} {imaginary}i"
    return str(x)
