"""Tests of scratchmath.calculus.derivatives.

Theorems and properties checked:

- sum rule
- product rule
- chain rule
- polynomial derivative
- polynomial derivatives of every order
- central stencils are exact for low degree polynomials
- derivative known answers across scales
- derivative error estimate is honest on smooth functions
- difference quotient tends to the derivative
- tangent line touches the graph
- wrong types are type errors
- a kink names both one sided slopes
- non differentiable points raise convergence error
- derivative when f rounds internally to zero
- derivative at a root of f
- An int beyond the float range from f is treated as ±inf (DomainError), never an OverflowError.
- derivative of the reflection
- second derivative of log near zero
- one sided slopes at a kink with curvature
- derivative of f plus a constant
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.calculus import (
    classify_critical_point,
    critical_points,
    derivative,
    difference_quotient,
    integrate,
    newton,
    riemann_sum,
    second_derivative,
    tangent_line,
)
from scratchmath.calculus.derivatives import _stencil, derivative_with_error
from scratchmath.errors import ConvergenceError, DomainError
from tests.calculus.helpers import Smooth, _square, smooth

point = st.floats(-2, 2, allow_nan=False)


# --------------------------------------------------------------------------------------------
# The rules of differentiation
# --------------------------------------------------------------------------------------------


def close(value: float, exact: float, scale: float, rel: float = 1e-10) -> bool:
    return abs(value - exact) <= rel * max(scale, abs(exact))


@given(smooth, smooth, point)
def test_sum_rule(f: Smooth, g: Smooth, x: float) -> None:
    total = derivative(lambda t: f(t) + g(t), x)
    assert close(total, derivative(f, x) + derivative(g, x), f.scale(x) + g.scale(x))
    assert close(total, f.prime(x) + g.prime(x), f.scale(x) + g.scale(x))


@given(smooth, smooth, point)
def test_product_rule(f: Smooth, g: Smooth, x: float) -> None:
    product = derivative(lambda t: f(t) * g(t), x)
    exact = f.prime(x) * g(x) + f(x) * g.prime(x)
    assert close(product, exact, f.scale(x) * g.scale(x))


@given(smooth, st.floats(0.2, 2), point)
def test_chain_rule(f: Smooth, k: float, x: float) -> None:
    # (f ∘ u)′(x) = f′(u(x))·u′(x) with the inner function u(x) = sin(kx)
    composite = derivative(lambda t: f(math.sin(k * t)), x)
    u = math.sin(k * x)
    assert close(composite, f.prime(u) * k * math.cos(k * x), f.scale(u) * k)


@given(st.lists(st.integers(-9, 9), min_size=1, max_size=8), st.integers(-40, 40))
def test_polynomial_derivative(coefficients: list[int], x_tenths: int) -> None:
    # d/dx Σ cₖxᵏ = Σ k·cₖxᵏ⁻¹: exact over the rationals, so the float answer must match it
    # to rounding.
    x = x_tenths / 10

    def p(t: float) -> float:
        return math.fsum(c * t**k for k, c in enumerate(coefficients))

    exact = sum(k * c * Fraction(x) ** (k - 1) for k, c in enumerate(coefficients) if k)
    size = sum(abs(k * c) * max(1.0, abs(x)) ** k for k, c in enumerate(coefficients)) + 1
    assert abs(derivative(p, x) - float(exact)) <= 1e-12 * size


def test_polynomial_derivatives_of_every_order() -> None:
    # x⁵: 5x⁴, 20x³, 60x², 120x, 120 at x = 1
    expected = [5, 20, 60, 120, 120]
    for n, value in enumerate(expected, start=1):
        assert derivative(lambda x: x**5, 1.0, n=n) == pytest.approx(value, rel=1e-6)


def test_central_stencils_are_exact_for_low_degree_polynomials() -> None:
    # Σ c·mᵏ = n! when k = n and 0 for the other k ≤ n + 1: the stencil of order n is right
    for n in range(1, 9):
        for k in range(n + 2):
            moment = sum(c * m**k for m, c in _stencil(n))
            assert moment == (math.factorial(n) if k == n else 0), (n, k)


def test_derivative_known_answers_across_scales() -> None:
    assert derivative(math.exp, 1e-8) == pytest.approx(math.exp(1e-8), rel=1e-12)
    assert derivative(math.log, 1e-8) == pytest.approx(1e8, rel=1e-11)
    assert derivative(math.sqrt, 1e-8) == pytest.approx(5e3, rel=1e-12)
    assert derivative(lambda x: x * x, 1e8) == pytest.approx(2e8, rel=1e-14)
    assert derivative(math.log, 1e8) == pytest.approx(1e-8, rel=1e-11)
    assert derivative(math.sin, 1e8) == pytest.approx(math.cos(1e8), rel=1e-11)
    assert derivative(math.sin, 0.0) == pytest.approx(1.0, rel=1e-14)
    assert second_derivative(math.sin, 1.0) == pytest.approx(-math.sin(1.0), rel=1e-10)
    assert derivative(math.cos, 1.0, n=3) == pytest.approx(math.sin(1.0), rel=1e-9)


def test_derivative_error_estimate_is_honest_on_smooth_functions() -> None:
    for f, x, exact in [
        (math.sin, 1.0, math.cos(1.0)),
        (math.exp, 2.0, math.exp(2.0)),
        (math.atan, 3.0, 0.1),
        (math.log, 0.5, 2.0),
    ]:
        value, error = derivative_with_error(f, x, 1)
        assert abs(value - exact) <= 10 * error


def test_difference_quotient_tends_to_the_derivative() -> None:
    slopes = [difference_quotient(lambda x: x**3, 1.0, 10.0**-k) for k in range(1, 6)]
    gaps = [abs(s - 3) for s in slopes]
    assert all(later < earlier for earlier, later in itertools.pairwise(gaps))
    assert difference_quotient(lambda x: x * x, 3, 1) == 7.0


def test_tangent_line_touches_the_graph() -> None:
    line = tangent_line(math.exp, 0.0)
    assert line(0.0) == 1.0
    assert line(1.0) == pytest.approx(2.0, rel=1e-13)
    assert line(0.001) == pytest.approx(math.exp(0.001), abs=1e-6)  # error ~ h²/2


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: derivative(_square, "1"), "x must be a real number, got str"),
        (lambda: derivative(_square, 1.0, n=1.5), "the order n must be an int, got float"),
        (lambda: derivative(_square, True), "x must be a real number, got bool"),
        (lambda: derivative(lambda x: "y", 1.0), "f must return a real number, got str"),
        (lambda: integrate(lambda x: 1j, 0, 1), "f must return a real number, got complex"),
        (lambda: riemann_sum(_square, 0, 1, 2.0), "n must be an int, got float"),
        (lambda: classify_critical_point(_square, "0"), "x must be a real number or a Vector"),
        (lambda: tangent_line(_square, 1.0)("a"), "x must be a real number, got str"),
        (lambda: newton(_square, 1.0, fprime=3), "fprime must be a callable function"),
        (lambda: critical_points(_square, 0, 1, samples=2.5), "samples must be an int"),
    ],
)
def test_wrong_types_are_type_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()


def test_a_kink_names_both_one_sided_slopes() -> None:
    # max(2t, −t) at 0: slope −1 from the left, 2 from the right (not symmetric, so a sign
    # slip in either slope shows).
    with pytest.raises(DomainError, match=r"from the left ≈ -1, from the right ≈ 2\)"):
        derivative(lambda t: max(2 * t, -t), 0.0)


def test_non_differentiable_points_raise_convergence_error() -> None:
    with pytest.raises(ConvergenceError, match="may not be differentiable") as info:
        derivative(lambda x: math.copysign(1.0, x), 0.0)
    assert info.value.estimate is not None


def test_derivative_when_f_rounds_internally_to_zero() -> None:
    """f(t) = (1 + t)² − 1 is 0 at 0 and, for tiny t, rounds to 0 inside f: the rows of
    vanishing values must not be read as a perfectly converged derivative of 0."""
    assert derivative(lambda t: (1 + t) ** 2 - 1, 0.0, n=2) == pytest.approx(2.0, rel=1e-9)
    assert derivative(lambda t: (1 + t) ** 3 - 1, 0.0) == pytest.approx(3.0, rel=1e-9)


def test_derivative_at_a_root_of_f() -> None:
    """At a root of f its values shrink with h but its own rounding does not; Ridders' stopping
    rule must end the table before that rounding takes over (p(x) = 6x² + 5x − 4, p(½) = 0)."""

    def p(t: float) -> float:
        return math.fsum((-4.0, 5 * t, 6 * t * t))

    assert derivative(p, 0.5) == pytest.approx(11.0, rel=1e-12)


def test_huge_integer_values_of_f_are_not_finite() -> None:
    """An int beyond the float range from f is treated as ±inf (DomainError), never an
    OverflowError."""
    with pytest.raises(DomainError, match=r"f\(1\.0\) = inf: no derivative"):
        derivative(lambda x: 10**400, 1.0)
    with pytest.raises(DomainError, match=r"the integrand is -inf"):
        integrate(lambda x: -(10**400), 0.0, 1.0)


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


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
    exact = derivatives[n - 1](x)
    tol = 1e-6 * abs(exact) + 1e-8
    assert abs(derivative(f, x, n=n) - exact) <= tol, (name, x, n)
    reflected = derivative(lambda t: f(-t), -x, n=n)
    assert abs(reflected - (-1) ** n * exact) <= tol, (name, x, n)


def test_second_derivative_of_log_near_zero() -> None:
    # The second pass, from a step of 0.1, evaluates log at x − 0.1 < 0: math.log's ValueError
    # there means "outside f's domain", not an answer; the first pass's answer stands.
    assert abs(derivative(math.log, 1e-8, n=2) + 1e16) <= 1e10
    assert derivative(math.log, 1e-250) == pytest.approx(1e250, rel=1e-10)


def test_a_step_outside_f_domain_is_not_the_users_error() -> None:
    # f raising at a stepped point (1/t at 0, log below 0) is a step too large, like an
    # infinite value: the table restarts from smaller steps.
    def reciprocal(t: float) -> float:
        return 1 / t

    assert derivative(reciprocal, 0.05) == pytest.approx(-400.0, rel=1e-10)
    assert derivative(math.sqrt, 0.01, n=3) == pytest.approx(0.375 / 0.01**2.5, rel=1e-6)


def test_an_error_at_every_stepped_point_passes_through() -> None:
    # Where f raises at every point near x, there is no quotient at all: the user's own
    # exception is the honest report, unchanged.
    def only_at_two(t: float) -> float:
        if t != 2.0:
            raise ValueError("only defined at 2")
        return 1.0

    with pytest.raises(ValueError, match="only defined at 2"):
        derivative(only_at_two, 2.0)


@pytest.mark.parametrize(
    ("f", "x", "left", "right"),
    [
        (lambda t: max(t, t * t), 1.0, "1", "2"),
        (lambda t: abs(t) + t * t, 0.0, "-1", "1"),
        (lambda t: abs(math.sin(t)), math.pi, "-1", "1"),
        (lambda t: max(math.exp(t), 1 + 2 * t), 0.0, "1", "2"),
    ],
)
def test_one_sided_slopes_at_a_kink_with_curvature(
    f: Callable[[float], float], x: float, left: str, right: str
) -> None:
    # f′₋ and f′₊ are the limits of one-sided slopes whose error is O(h) (curvature): both
    # extrapolated to 6 digits, even where f bends on either side of the corner.
    with pytest.raises(DomainError, match=f"from the left ≈ {left}, from the right ≈ {right}\\)"):
        derivative(f, x)


@pytest.mark.parametrize("c", [1e4, 1e8, 1e12])
@pytest.mark.parametrize(
    ("f", "df", "x"),
    [
        (math.sin, math.cos, 1.0),
        (math.exp, math.exp, 0.5),
        (lambda t: t**3, lambda t: 3 * t * t, 2.0),
    ],
)
def test_derivative_of_f_plus_a_constant(
    f: Callable[[float], float], df: Callable[[float], float], x: float, c: float
) -> None:
    # (f + c)′ = f′: a large constant only adds rounding (ε·c per value), never a kink; the
    # error claimed covers the true error (about (ε·c)^⅔: 6e−3 at c = 10¹²).
    value, error = derivative_with_error(lambda t: f(t) + c, x)
    assert abs(value - df(x)) <= error
    assert error <= 0.1 * abs(df(x))


def _decay(t: float) -> float:
    return math.exp(-t)


@given(
    st.sampled_from([math.sin, math.cos, math.atan, math.sqrt, math.log1p, _decay]),
    st.floats(0.01, 1e9),
)
def test_derivative_of_minus_f_is_minus_the_derivative(
    f: Callable[[float], float], x: float
) -> None:
    # Linearity with c = −1: (−f)′ = −f′. Negation is exact in floats, so every quotient, error
    # and decision mirrors: the same answer with the opposite sign, or the same refusal.
    try:
        expected = derivative(f, x)
    except ConvergenceError:
        with pytest.raises(ConvergenceError):
            derivative(lambda t: -f(t), x)
        return
    assert derivative(lambda t: -f(t), x) == -expected


def test_derivative_of_exp_near_the_top_of_the_float_range() -> None:
    # The first step 0.1·|x| = 64.6 takes exp past 709.78: math.exp's OverflowError there is
    # a step outside exp's range of finite values, and smaller steps give exp′(646) = exp(646).
    for x in (646.0, 700.0, 709.0):
        value, error = derivative_with_error(math.exp, x)
        assert abs(value - math.exp(x)) <= error <= 1e-10 * math.exp(x)
