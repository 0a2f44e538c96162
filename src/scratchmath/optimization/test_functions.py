"""The standard test functions of optimisation, with their starts and known minimisers.

===================  =======================================================================
``rosenbrock``       Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²: a curved, narrow valley; min 0 at (1, …, 1)
``beale``            three squared residuals; min 0 at (3, ½), flat plateaus around it
``booth``            (x + 2y − 7)² + (2x + y − 5)²: a quadratic bowl; min 0 at (1, 3)
``himmelblau``       (x² + y − 11)² + (x + y² − 7)²: four minima, all 0
``rastrigin``        10n + Σ (xᵢ² − 10 cos 2πxᵢ): a bowl covered in ripples; min 0 at 0
``ackley``           a nearly flat plain with a deep hole at 0 (not differentiable there)
``goldstein_price``  a polynomial of degree 8 with several local minima; min 3 at (0, −1)
``matyas``           0.26(x² + y²) − 0.48xy: a flat, tilted bowl; min 0 at 0
``Problem``          (f, start, minima): a test problem
``TEST_PROBLEMS``    name → Problem, with the classic starting points
===================  =======================================================================

Each function takes a point — a ``Vector``, a sequence, or the autodiff ``Var``/``Dual``
that ``minimize`` passes — and uses only operators and the functions of
``scratchmath.autodiff``, so gradients and Hessians come out exactly (rational for the
polynomial ones at rational points).

>>> rosenbrock(Vector([1, 1])), rosenbrock(Vector([-1.2, 1.0]))
(0, 24.199999999999996)
>>> from scratchmath.autodiff import grad
>>> grad(himmelblau, Vector([3, 2]))
Vector([0, 0])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, NamedTuple

from scratchmath.autodiff import cos, exp, sqrt
from scratchmath.errors import DimensionError
from scratchmath.vectors import Vector

__all__ = [
    "TEST_PROBLEMS",
    "Problem",
    "ackley",
    "beale",
    "booth",
    "goldstein_price",
    "himmelblau",
    "matyas",
    "rastrigin",
    "rosenbrock",
]


def _dimension(x: Any, name: str, *, exactly: int | None = None) -> int:
    try:
        n = len(x)
    except TypeError:
        raise TypeError(
            f"{name} takes a point (a Vector or sequence), not {type(x).__name__}"
        ) from None
    if exactly is not None and n != exactly:
        raise DimensionError(
            f"{name} is a function of {exactly} variables, got a point of dimension {n}"
        )
    if n < 2:
        raise DimensionError(f"{name} needs a point of dimension ≥ 2, got {n}")
    return n


def _sum(terms: list[Any]) -> Any:
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    return total


def rosenbrock(x: Any) -> Any:
    """Rosenbrock's function f(x) = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², in any dimension n ≥ 2.

    Its minimum 0 at (1, …, 1) lies at the bottom of a long, narrow, curved valley: easy to
    fall into, slow to follow — gradient descent zig-zags across it, Newton follows it.

    >>> rosenbrock([1, 1, 1]), rosenbrock([0, 0])
    (0, 1)

    Raises: DimensionError for a point of dimension < 2; TypeError for a non-point.
    """
    n = _dimension(x, "rosenbrock")
    return _sum([100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(n - 1)])


def beale(x: Any) -> Any:
    """Beale's function (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².

    Minimum 0 at (3, ½), in a narrow curved valley with sharp walls near the corners.

    >>> beale([3, Fraction(1, 2)])
    Fraction(0, 1)

    Raises: DimensionError unless the point has 2 coordinates; TypeError for a non-point.
    """
    _dimension(x, "beale", exactly=2)
    a, b = x[0], x[1]
    return (
        (Fraction(3, 2) - a + a * b) ** 2
        + (Fraction(9, 4) - a + a * b**2) ** 2
        + (Fraction(21, 8) - a + a * b**3) ** 2
    )


def booth(x: Any) -> Any:
    """Booth's function (x + 2y − 7)² + (2x + y − 5)²: a quadratic, minimum 0 at (1, 3).

    >>> booth([1, 3]), booth([0, 0])
    (0, 74)

    Raises: DimensionError unless the point has 2 coordinates; TypeError for a non-point.
    """
    _dimension(x, "booth", exactly=2)
    a, b = x[0], x[1]
    return (a + 2 * b - 7) ** 2 + (2 * a + b - 5) ** 2


def himmelblau(x: Any) -> Any:
    """Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four minima, all of value 0,
    at (3, 2) and three irrational points (see TEST_PROBLEMS), and a maximum near
    (−0.27, −0.92) — which minimum a method finds depends on where it starts.

    >>> himmelblau([3, 2])
    0

    Raises: DimensionError unless the point has 2 coordinates; TypeError for a non-point.
    """
    _dimension(x, "himmelblau", exactly=2)
    a, b = x[0], x[1]
    return (a**2 + b - 11) ** 2 + (a + b**2 - 7) ** 2


def rastrigin(x: Any) -> Any:
    """Rastrigin's function 10n + Σᵢ (xᵢ² − 10 cos 2πxᵢ), in any dimension n ≥ 2.

    A bowl covered in ripples: a local minimum near every integer point, the global one 0
    at the origin. A local method finds the minimum of the ripple it starts in.

    >>> rastrigin([0.0, 0.0])
    0.0

    Raises: DimensionError for a point of dimension < 2; TypeError for a non-point.
    """
    n = _dimension(x, "rastrigin")
    return 10 * n + _sum([x[i] ** 2 - 10 * cos(2 * math.pi * x[i]) for i in range(n)])


def ackley(x: Any) -> Any:
    """Ackley's function in any dimension n ≥ 2:

    f(x) = −20·exp(−0.2·√(Σxᵢ²/n)) − exp(Σ cos(2πxᵢ)/n) + 20 + e

    A nearly flat, rippled plain with a deep conical hole at the origin, where f = 0 (to
    rounding). The cone's tip is not differentiable: near it gradients do not shrink, so
    expect an x close to 0 rather than a tiny gradient.

    >>> abs(ackley([0.0, 0.0])) < 1e-15
    True

    Raises: DimensionError for a point of dimension < 2; TypeError for a non-point.
    """
    n = _dimension(x, "ackley")
    radius = sqrt(_sum([x[i] ** 2 for i in range(n)]) / n)
    ripples = _sum([cos(2 * math.pi * x[i]) for i in range(n)]) / n
    return -20 * exp(-0.2 * radius) - exp(ripples) + 20 + math.e


def goldstein_price(x: Any) -> Any:
    """The Goldstein–Price function, a polynomial of degree 8 with minimum 3 at (0, −1):

    [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]
    · [30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]

    >>> goldstein_price([0, -1])
    3

    Raises: DimensionError unless the point has 2 coordinates; TypeError for a non-point.
    """
    _dimension(x, "goldstein_price", exactly=2)
    a, b = x[0], x[1]
    first = 1 + (a + b + 1) ** 2 * (19 - 14 * a + 3 * a**2 - 14 * b + 6 * a * b + 3 * b**2)
    second = 30 + (2 * a - 3 * b) ** 2 * (18 - 32 * a + 12 * a**2 + 48 * b - 36 * a * b + 27 * b**2)
    return first * second


def matyas(x: Any) -> Any:
    """The Matyas function 0.26(x² + y²) − 0.48xy: a quadratic bowl, long and flat along
    the diagonal (Hessian eigenvalues 0.04 and 1); minimum 0 at the origin.

    >>> matyas([1, 1])
    Fraction(1, 25)

    Raises: DimensionError unless the point has 2 coordinates; TypeError for a non-point.
    """
    _dimension(x, "matyas", exactly=2)
    a, b = x[0], x[1]
    return Fraction(13, 50) * (a**2 + b**2) - Fraction(12, 25) * a * b


class Problem(NamedTuple):
    """A test problem: the function, a classic starting point, and its known minimisers
    (a local method may end at any of them)."""

    f: Callable[[Any], Any]
    start: Vector
    minima: tuple[Vector, ...]


#: name → Problem(f, start, minima). Himmelblau's three irrational minima are roots of a
#: polynomial system, given to 17 significant digits (solved with mpmath at 30 digits).
TEST_PROBLEMS: Mapping[str, Problem] = MappingProxyType(
    {
        "rosenbrock": Problem(rosenbrock, Vector([-1.2, 1.0]), (Vector([1.0, 1.0]),)),
        "beale": Problem(beale, Vector([1.0, 1.0]), (Vector([3.0, 0.5]),)),
        "booth": Problem(booth, Vector([0.0, 0.0]), (Vector([1.0, 3.0]),)),
        "himmelblau": Problem(
            himmelblau,
            Vector([0.0, 0.0]),
            (
                Vector([3.0, 2.0]),
                Vector([-2.8051180869527449, 3.1313125182505730]),
                Vector([-3.7793102533777469, -3.2831859912861694]),
                Vector([3.5844283403304917, -1.8481265269644036]),
            ),
        ),
        "rastrigin": Problem(rastrigin, Vector([0.3, -0.2]), (Vector([0.0, 0.0]),)),
        "ackley": Problem(ackley, Vector([0.3, -0.2]), (Vector([0.0, 0.0]),)),
        "goldstein_price": Problem(goldstein_price, Vector([0.5, -0.5]), (Vector([0.0, -1.0]),)),
        "matyas": Problem(matyas, Vector([1.0, -0.5]), (Vector([0.0, 0.0]),)),
    }
)
