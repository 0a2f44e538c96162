"""Descriptive statistics: the numbers that summarise a sample, exact for rational data.

=====================  ======================================================================
``sample_mean``        x̄ = (1/n) Σ xᵢ
``sample_variance``    s² = Σ (xᵢ − x̄)²/(n − 1), the unbiased estimator of σ²
``sample_std``         s = √s²
``median``             the middle value (the mean of the two middle values when n is even)
``quantile``           the q-quantile by linear interpolation between order statistics (type 7)
``covariance``         Σ (xᵢ − x̄)(yᵢ − ȳ)/(n − 1)
``correlation``        Pearson's r = cov(x, y)/(sₓ s_y)
=====================  ======================================================================

int and Fraction data give exact answers (a ``Fraction`` where division is needed); float data
are summed with ``math.fsum`` in two passes (the mean first), the textbook-stable way. The
square roots (``sample_std``, ``correlation``) are correctly rounded floats.

>>> from fractions import Fraction
>>> sample_mean([1, 2, 4]), sample_variance([1, 2, 4])
(Fraction(7, 3), Fraction(7, 3))
>>> quantile([1, 2, 3, 4], Fraction(1, 3))
2
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from scratchmath.checks import check_real
from scratchmath.errors import DimensionError, DomainError
from scratchmath.scalars import exact_sqrt

__all__ = [
    "correlation",
    "covariance",
    "median",
    "quantile",
    "sample_mean",
    "sample_std",
    "sample_variance",
]

Real = int | float | Fraction


def as_data(data: Iterable[object], name: str = "data", *, minimum: int = 1) -> list[Real]:
    """The data as a list of real numbers: at least ``minimum`` of them, no NaN or ±inf.

    Floats are kept; if any value is a float, every value becomes a float (one kind of number).

    >>> as_data([1, 2.5])
    [1.0, 2.5]

    Raises:
        TypeError: a value is not a real number (or data is not iterable).
        DomainError: NaN or ±inf, or fewer than ``minimum`` values.
    """
    if isinstance(data, str | bytes) or not isinstance(data, Iterable):
        raise TypeError(f"{name} must be a sequence of numbers, not {type(data).__name__}")
    values = [check_real(x, f"a value of {name}") for x in data]
    if any(isinstance(x, float) and not math.isfinite(x) for x in values):
        raise DomainError(f"{name} must be finite numbers, got NaN or inf")
    if len(values) < minimum:
        raise DomainError(f"{name} needs at least {minimum} value(s), got {len(values)}")
    if any(isinstance(x, float) for x in values):
        return [float(x) for x in values]
    return values


def _is_exact(values: list[Real]) -> bool:
    return not values or not isinstance(values[0], float)


def _total(values: Iterable[Any], exact: bool) -> Any:
    return sum(values) if exact else math.fsum(values)


def _mean(values: list[Real]) -> Any:
    exact = _is_exact(values)
    total = _total(values, exact)
    return Fraction(total, len(values)) if exact else total / len(values)


def _tidy(x: Real) -> Real:
    """A Fraction that is a whole number as an int."""
    return x.numerator if isinstance(x, Fraction) and x.denominator == 1 else x


def sample_mean(data: Iterable[Real]) -> Real:
    """The sample mean x̄ = (1/n) Σ xᵢ, exact for int/Fraction data.

    >>> sample_mean([1, 2, 3, 4])
    Fraction(5, 2)
    >>> sample_mean([1e100, 1.0, -1e100, 3.0])   # fsum: no digits lost to cancellation
    1.0

    Raises:
        TypeError: a value is not a real number.  DomainError: no data, or NaN/inf.
    """
    mean: Real = _mean(as_data(data))
    return mean


def _sum_of_squares(values: list[Real]) -> Any:
    """Σ (xᵢ − x̄)², in two passes (the mean first): no catastrophic Σx² − n x̄² cancellation."""
    m = _mean(values)
    return _total(((x - m) * (x - m) for x in values), _is_exact(values))


def sample_variance(data: Iterable[Real]) -> Real:
    """The sample variance s² = Σ (xᵢ − x̄)²/(n − 1), exact for int/Fraction data.

    Dividing by n − 1 (Bessel's correction) makes E[s²] = σ²: the deviations are measured from
    x̄, which is closer to the data than μ is, so Σ (xᵢ − x̄)² is too small by one σ² on average.

    >>> sample_variance([2, 4, 4, 4, 5, 5, 7, 9])
    Fraction(32, 7)

    Raises:
        TypeError: a value is not a real number.  DomainError: fewer than 2 values, or NaN/inf.
    """
    values = as_data(data, minimum=2)
    ss = _sum_of_squares(values)
    return _tidy(Fraction(ss, len(values) - 1)) if _is_exact(values) else ss / (len(values) - 1)


def sample_std(data: Iterable[Real]) -> float:
    """The sample standard deviation s = √s², correctly rounded for exact data.

    >>> sample_std([1, 3])
    1.4142135623730951

    Raises:
        TypeError: a value is not a real number.  DomainError: fewer than 2 values, or NaN/inf.
    """
    v: Any = sample_variance(data)
    return exact_sqrt(v) if not isinstance(v, float) else math.sqrt(v)


def quantile(data: Iterable[Real], q: Real) -> Real:
    """The q-quantile by linear interpolation between order statistics (Hyndman–Fan type 7).

    Definition: with the sorted data x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)q, the value
    x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎) — NumPy's and R's default, and CPython's
    ``statistics.quantiles(method="inclusive")``. Exact for int/Fraction data and q.

    >>> quantile([1, 2, 3, 4, 5], 0.25), quantile([1, 2, 3, 4], Fraction(1, 2))
    (2.0, Fraction(5, 2))

    Raises:
        TypeError: a value or q is not a real number.
        DomainError: no data, NaN/inf, or q outside [0, 1].
    """
    values = sorted(as_data(data))
    level = check_real(q, "q")
    if not 0 <= level <= 1:
        raise DomainError(f"q must be in [0, 1], got {level!r}")
    exact = _is_exact(values) and not isinstance(level, float)
    h: Real = (len(values) - 1) * (Fraction(level) if exact else float(level))
    low = min(math.floor(h), len(values) - 1)
    frac = h - low
    if not exact:
        x0 = float(values[low])
        return x0 if frac == 0 else x0 + frac * (float(values[low + 1]) - x0)
    if frac == 0:
        return values[low]
    return _tidy(values[low] + frac * (values[low + 1] - values[low]))


def median(data: Iterable[Real]) -> Real:
    """The median: the middle of the sorted data, or the mean of the two middle values.

    >>> median([3, 1, 2]), median([4, 1, 3, 2])
    (2, Fraction(5, 2))

    Raises:
        TypeError: a value is not a real number.  DomainError: no data, or NaN/inf.
    """
    values = sorted(as_data(data))
    n = len(values)
    if n % 2:
        return values[n // 2]
    a: Any = values[n // 2 - 1]
    b: Any = values[n // 2]
    return _tidy(Fraction(a + b, 2)) if _is_exact(values) else (a + b) / 2


def _paired(x: Iterable[Real], y: Iterable[Real]) -> tuple[list[Real], list[Real]]:
    xs, ys = as_data(x, "x", minimum=2), as_data(y, "y", minimum=2)
    if len(xs) != len(ys):
        raise DimensionError(f"x and y must have one length, got {len(xs)} and {len(ys)}")
    if _is_exact(xs) != _is_exact(ys):
        xs, ys = [float(v) for v in xs], [float(v) for v in ys]
    return xs, ys


def covariance(x: Iterable[Real], y: Iterable[Real]) -> Real:
    """The sample covariance Σ (xᵢ − x̄)(yᵢ − ȳ)/(n − 1), exact for int/Fraction data.

    >>> covariance([1, 2, 3], [1, 2, 4])
    Fraction(3, 2)

    Raises:
        TypeError: a value is not a real number.
        DimensionError: x and y differ in length.  DomainError: fewer than 2 pairs, or NaN/inf.
    """
    xs, ys = _paired(x, y)
    mx: Any = _mean(xs)
    my: Any = _mean(ys)
    exact = _is_exact(xs)
    total = _total(((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)), exact)
    return _tidy(Fraction(total, len(xs) - 1)) if exact else total / (len(xs) - 1)


def correlation(x: Iterable[Real], y: Iterable[Real]) -> float:
    """Pearson's correlation r = cov(x, y)/(sₓ s_y), in [−1, 1].

    For exact data r² = cov²/(sₓ² s_y²) is computed exactly and its square root correctly
    rounded, so a perfect linear relation gives exactly ±1.0.

    >>> correlation([1, 2, 3], [2, 4, 6]), correlation([1, 2, 3], [3, 2, 1])
    (1.0, -1.0)

    Raises:
        TypeError: a value is not a real number.  DimensionError: x and y differ in length.
        DomainError: fewer than 2 pairs, NaN/inf, or a constant x or y (r undefined).
    """
    xs, ys = _paired(x, y)
    c: Any = covariance(xs, ys)
    vx: Any = sample_variance(xs)
    vy: Any = sample_variance(ys)
    if vx == 0 or vy == 0:
        raise DomainError("correlation is undefined when x or y is constant")
    if not isinstance(c, float):
        r = exact_sqrt(Fraction(c) * c / (Fraction(vx) * vy))
        return math.copysign(r, c)
    r = c / (math.sqrt(vx) * math.sqrt(vy))
    return max(-1.0, min(1.0, r))
