"""Strategies and helpers shared by several test files of scratchmath.calculus."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.vectors import Vector
from tests.strategies import floats

# --------------------------------------------------------------------------------------------
# Smooth functions with known derivatives: f(x) = a·sin(bx + c) + d·exp(e·x) + g·x²
# --------------------------------------------------------------------------------------------

coefficient = st.floats(-3, 3, allow_nan=False).filter(lambda c: abs(c) > 0.1)
rate = st.floats(-1.5, 1.5, allow_nan=False)


class Smooth:
    """A smooth test function with its exact first derivative."""

    def __init__(self, a: float, b: float, c: float, d: float, e: float, g: float) -> None:
        self.a, self.b, self.c, self.d, self.e, self.g = a, b, c, d, e, g

    def __call__(self, x: float) -> float:
        return (
            self.a * math.sin(self.b * x + self.c) + self.d * math.exp(self.e * x) + self.g * x * x
        )

    def prime(self, x: float) -> float:
        return (
            self.a * self.b * math.cos(self.b * x + self.c)
            + self.d * self.e * math.exp(self.e * x)
            + 2 * self.g * x
        )

    def scale(self, x: float) -> float:
        """A size for the derivative's rounding: the sum of the magnitudes of its terms."""
        return (
            abs(self.a * self.b) + abs(self.d * self.e) * math.exp(self.e * x) + abs(self.g * x)
        ) + abs(self(x))


smooth = st.builds(Smooth, coefficient, rate, rate, coefficient, rate, coefficient)


# --------------------------------------------------------------------------------------------
# Bad inputs: exception class and message, for every public name
# --------------------------------------------------------------------------------------------


def _square(x: float) -> float:
    return x * x


Point = list[float]


def dot(u: Sequence[float], v: Sequence[float]) -> float:
    return math.fsum(a * b for a, b in zip(u, v, strict=True))


def matvec(A: Sequence[Sequence[float]], x: Sequence[float]) -> list[float]:
    return [dot(row, x) for row in A]


# --------------------------------------------------------------------------------------------
# Strategies: small dimensions, moderate coefficients (values stay O(1)–O(100), far from
# overflow, so the tests measure the differences, not the range of floats).
# --------------------------------------------------------------------------------------------

# Magnitudes are 0 or ≥ 1e-3: at x ~ 1e-282, x² underflows to 0 and no difference quotient
# can see it, which is the range of floats, not the accuracy of the method.
coefficient = floats(1e-3, 3)


def floats_list(elements: st.SearchStrategy[float], n: int) -> st.SearchStrategy[list[float]]:
    return st.lists(elements, min_size=n, max_size=n)


def float_matrix(
    elements: st.SearchStrategy[float], m: int, n: int
) -> st.SearchStrategy[list[list[float]]]:
    return st.lists(floats_list(elements, n), min_size=m, max_size=m)


# Rosenbrock's function f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).
def rosenbrock(p: Sequence[float]) -> float:
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def rosenbrock_gradient(p: Sequence[float]) -> list[float]:
    x, y = p
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


def quadratic(
    A: list[list[float]], b: Point
) -> tuple[Callable[[Vector], float], Callable[[Vector], list[float]]]:
    """f(x) = ½xᵀAx − bᵀx and its gradient Ax − b."""

    def f(v: Vector) -> float:
        return dot(v, matvec(A, v)) / 2 - dot(b, v)

    def grad(v: Vector) -> list[float]:
        return [gi - bi for gi, bi in zip(matvec(A, v), b, strict=True)]

    return f, grad


# --------------------------------------------------------------------------------------------
# Bad inputs, for every public name
# --------------------------------------------------------------------------------------------


def square_sum(v: Vector) -> float:
    return math.fsum(c * c for c in v)


#: What a public calculus function may raise: the library's own errors and TypeError.
ALLOWED = (DomainError, ConvergenceError, DimensionError, TypeError)


# --------------------------------------------------------------------------------------------
# No leaks: extreme inputs and extreme values of f reach only scratchmath's errors
# --------------------------------------------------------------------------------------------

extreme = st.sampled_from(
    [
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        2.2e-308,
        1e-300,
        1.0,
        -1.0,
        1e300,
        -1e300,
        1.7976931348623157e308,
        -1.7976931348623157e308,
        math.inf,
        -math.inf,
        math.nan,
        10**400,
        -(10**400),
    ]
)
values = st.sampled_from(
    [0.0, 1.0, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan, 10**400, -(10**400)]
)


def functions() -> st.SearchStrategy[Callable[[float], Any]]:
    """Functions returning extreme values: constants, and ones that change with x."""
    constant = values.map(lambda v: lambda x: v)
    scaled = values.map(lambda v: lambda x: v * x if isinstance(v, float) else v)
    switching = st.tuples(values, values).map(lambda p: lambda x: p[0] if x < 0.5 else p[1])
    return st.one_of(constant, scaled, switching)


def no_leak(call: Callable[[], object]) -> None:
    with contextlib.suppress(*ALLOWED):
        call()
