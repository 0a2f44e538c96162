"""Tests of scratchmath.autodiff.functions.

Theorems and properties checked:

- The chain rule over floats, through every smooth function of the layer.
- forward mode equals reverse mode over floats
- grad agrees with ridders
- softmax sums to one
- max x ≤ logsumexp(x) ≤ max x + ln n, finite for inputs of ±1000 (e¹⁰⁰⁰ is not).
- logsumexp at plus and minus 1000
- every function on numbers duals and vars
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath import autodiff as ad
from scratchmath.autodiff import Dual, Var, grad
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector
from tests.autodiff.helpers import REL_RIDDERS, compose
from tests.strategies import floats

REL_AD = 1e-11

# Smooth maps of the whole real line: the autodiff function, the value and the slope by hand.
SMOOTH_MAPS: list[tuple[str, Callable[[Any], Any], Callable[[float], float]]] = [
    ("sin", ad.sin, math.cos),
    ("cos", ad.cos, lambda x: -math.sin(x)),
    ("tanh", ad.tanh, lambda x: 1 / math.cosh(x) ** 2),
    ("sigmoid", ad.sigmoid, lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2),
    ("softplus", ad.softplus, lambda x: 1 / (1 + math.exp(-x))),
    ("log(1 + x²)", lambda x: ad.log(1 + x * x), lambda x: 2 * x / (1 + x * x)),
    ("sqrt(1 + x²)", lambda x: ad.sqrt(1 + x * x), lambda x: x / math.sqrt(1 + x * x)),
    ("exp(−x²)", lambda x: ad.exp(-(x * x)), lambda x: -2 * x * math.exp(-x * x)),
]

SMOOTH_VALUES: dict[str, Callable[[float], float]] = {
    "sin": math.sin,
    "cos": math.cos,
    "tanh": math.tanh,
    "sigmoid": lambda x: 1 / (1 + math.exp(-x)),
    "softplus": lambda x: math.log1p(math.exp(x)),
    "log(1 + x²)": lambda x: math.log(1 + x * x),  # as written, rounding 1 + x² alike
    "sqrt(1 + x²)": lambda x: math.sqrt(1 + x * x),
    "exp(−x²)": lambda x: math.exp(-x * x),
}
smooth_map_indices = st.integers(0, len(SMOOTH_MAPS) - 1)
moderate_floats = st.floats(-3, 3, allow_nan=False, allow_infinity=False)


@given(st.lists(smooth_map_indices, min_size=1, max_size=5), moderate_floats)
def test_chain_rule_through_the_elementary_functions(indices: list[int], x: float) -> None:
    """The chain rule over floats, through every smooth function of the layer."""
    maps = [SMOOTH_MAPS[i] for i in indices]
    expected, point = 1.0, x
    for name, _, slope in maps:
        expected *= slope(point)
        point = SMOOTH_VALUES[name](point)
    derivative = grad(compose([f for _, f, _ in maps]), x)
    assert math.isclose(derivative, expected, rel_tol=REL_AD, abs_tol=1e-300)


@given(st.lists(moderate_floats, min_size=3, max_size=3))
def test_forward_mode_equals_reverse_mode_over_floats(entries: list[float]) -> None:
    v = Vector(entries)

    def F(w: Any) -> Any:
        return ad.tanh(w) * ad.softmax(w) + ad.log_softmax(w * w) + ad.logsumexp(w)

    forward, reverse = ad.jacobian(F, v, mode="forward"), ad.jacobian(F, v)
    assert forward.isclose(reverse, rel_tol=1e-12, abs_tol=1e-14)


@given(
    st.lists(smooth_map_indices, min_size=1, max_size=4),
    st.lists(floats(0.1, 3.0), min_size=3, max_size=3),
)
def test_grad_agrees_with_ridders(indices: list[int], entries: list[float]) -> None:
    """grad agrees with Ridders' extrapolated finite differences (calculus.gradient) on
    random smooth compositions of a Vector, to the accuracy of the finite differences.

    Entries are 0 or of magnitude ≥ 0.1 (``strategies.floats``): at x = 1e-200 the
    computed log(1 + x²) is the constant 0, which finite differences rightly see as flat
    while autodiff differentiates the formula — a difference of range, not of rule. Below
    0.1, log(1 + log(1 + x²)²) rounds inside f far above ε·|f|, which Ridders' noise model
    cannot see (a known gap of calculus.derivative, recorded in its accuracy tests)."""
    inner = compose([SMOOTH_MAPS[i][1] for i in indices])

    def f(v: Any) -> Any:
        return (inner(v) * Vector([1.0, -2.0, 0.5])).sum() + v[0] * v[1]

    assert ad.check_grad(f, Vector(entries)) < REL_RIDDERS


@given(st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=1, max_size=8))
def test_softmax_sums_to_one(entries: list[float]) -> None:
    s = ad.softmax(Vector(entries))
    assert all(0 <= p <= 1 for p in s)
    assert abs(math.fsum(s) - 1) <= len(entries) * 2.3e-16


@given(st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=1, max_size=8))
def test_logsumexp_never_overflows(entries: list[float]) -> None:
    """max x ≤ logsumexp(x) ≤ max x + ln n, finite for inputs of ±1000 (e¹⁰⁰⁰ is not)."""
    value, top = ad.logsumexp(Vector(entries)), max(entries)
    assert math.isfinite(value)
    assert top - 1e-12 * abs(top) <= value <= top + math.log(len(entries)) + 1e-12 * abs(top)
    s = grad(ad.logsumexp, Vector(entries))
    assert s.isclose(ad.softmax(Vector(entries)), rel_tol=1e-15)


def test_logsumexp_at_plus_and_minus_1000() -> None:
    assert ad.logsumexp(Vector([1000.0, 1000.0])) == 1000 + math.log(2)
    assert ad.logsumexp(Vector([-1000.0, -1000.0])) == -1000 + math.log(2)
    assert ad.log_softmax(Vector([1000.0, -1000.0])) == Vector([0.0, -2000.0])
    assert grad(ad.logsumexp, Vector([1000.0, -1000.0])) == Vector([1.0, 0.0])


@pytest.mark.parametrize(
    ("function", "slope"),
    [
        (ad.exp, math.exp),
        (ad.log, lambda x: 1 / x),
        (ad.sqrt, lambda x: 0.5 / math.sqrt(x)),
        (ad.sin, math.cos),
        (ad.cos, lambda x: -math.sin(x)),
        (ad.tanh, lambda x: 1 / math.cosh(x) ** 2),
        (ad.sigmoid, lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2),
        (ad.relu, lambda x: 1.0),
        (ad.softplus, lambda x: 1 / (1 + math.exp(-x))),
    ],
)
def test_every_function_on_numbers_duals_and_vars(function: Any, slope: Any) -> None:
    """One definition, three kinds of argument: the number, the Dual's tangent and the
    Var's gradient agree with the value and slope by hand, on numbers, Vectors and Matrices."""
    x = 0.7
    assert math.isclose(function(Fraction(7, 10)), function(x), rel_tol=1e-15)
    dual = function(Dual(x, 1.0))
    var = Var(x)
    out = function(var)
    out.backward()
    assert dual.value == out.value == function(x)
    assert math.isclose(dual.tangent, slope(x), rel_tol=1e-15)
    assert math.isclose(var.grad, slope(x), rel_tol=1e-15)
    v, A = Vector([x, 2 * x]), Matrix([[x, 2 * x], [3 * x, 0.5]])
    assert function(v) == Vector([function(x), function(2 * x)])
    assert function(A)[1, 1] == function(0.5)
    assert grad(lambda w: function(w).sum(), A)[1, 0] == pytest.approx(slope(3 * x), rel=1e-15)
    tangent = ad.jvp(function, v, Vector([0, 1]))[1]
    assert tangent[0] == 0 and tangent[1] == pytest.approx(slope(2 * x), rel=1e-15)
