"""Tests of scratchmath.calculus.integrals.

Theorems and properties checked:

- gauss kronrod degrees of exactness
- wynn epsilon is exact on geometric sequences
- wynn epsilon sums the alternating harmonic series
- linearity of the integral
- additivity over intervals
- fundamental theorem of calculus integral of derivative
- fundamental theorem of calculus derivative of integral
- midpoint and trapezoid errors fall by four
- simpson error falls by sixteen
- left and right sums errors halve
- teaching rules are exact where they should be
- teaching rules agree with integrate
- hard integrals reach the tolerance honestly
- integral edge cases
- non integrable integrals raise with the best estimate
- the whole budget can be spent
- exhausted budget raises
- nan from f is a domain error
- antiderivative gives areas
- non callable f is a type error
- nan bounds are domain errors
- bad values are domain errors
- results are floats never fractions
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    IntegrationResult,
    antiderivative,
    classify_critical_point,
    critical_points,
    derivative,
    difference_quotient,
    find_root,
    integrate,
    integrate_with_error,
    newton,
    riemann_sum,
    second_derivative,
    simpson,
    tangent_line,
    trapezoid,
)
from scratchmath.calculus.integrals import _G7_WEIGHTS, _G10_WEIGHTS, _GK15, _GK21, _WynnEpsilon
from scratchmath.errors import ConvergenceError, DomainError
from tests.calculus.helpers import Smooth, _square, smooth

F = Callable[[float], float]


# --------------------------------------------------------------------------------------------
# The rules of integration
# --------------------------------------------------------------------------------------------


def test_gauss_kronrod_degrees_of_exactness() -> None:
    # K21 is exact to degree 31 and G10 to degree 19; K15 to 23 and G7 to 13. Over [−1, 1]
    # the even powers integrate to 2/(k + 1), the odd ones to 0.
    for rule, gauss, k_degree, g_degree in [
        (_GK21, _G10_WEIGHTS, 31, 19),
        (_GK15, _G7_WEIGHTS, 23, 13),
    ]:
        nodes = rule.nodes
        for k in range(0, k_degree + 2, 2):
            exact = 2 / (k + 1)
            kronrod = rule.kronrod[-1] * (k == 0) + sum(
                2 * w * x**k for w, x in zip(rule.kronrod, nodes[:-1], strict=False)
            )
            gauss_nodes = nodes[1:-1:2] + ((0.0,) if rule.centre_is_gauss else ())
            gauss_sum = sum(
                (1 if x == 0 else 2) * w * x**k for w, x in zip(gauss, gauss_nodes, strict=True)
            )
            if k <= k_degree:
                assert kronrod == pytest.approx(exact, rel=1e-14), (k, "Kronrod")
            else:
                assert kronrod != pytest.approx(exact, rel=1e-12)
            if k <= g_degree:
                assert gauss_sum == pytest.approx(exact, rel=1e-14), (k, "Gauss")
            else:
                assert gauss_sum != pytest.approx(exact, rel=1e-12)


@given(st.floats(-5, 5), st.floats(0.5, 5), st.floats(0.05, 0.8), st.booleans())
def test_wynn_epsilon_is_exact_on_geometric_sequences(
    limit: float, c: float, q: float, alternate: bool
) -> None:
    # Sₙ = L + c·qⁿ is Shanks' model with one term: ε₂ recovers L from any three totals.
    ratio = -q if alternate else q
    table = _WynnEpsilon()
    results = [table.add(limit + c * ratio**n) for n in range(6)]
    value, error = results[-1]
    # ... up to the rounding of the data, which the table amplifies: Aitken's step by
    # ~1/(1 − q)², the noise-driven deeper columns by a little more
    rounding = 1e-15 * (abs(limit) + c) / (1 - q) ** 3
    assert abs(value - limit) <= rounding
    assert abs(value - limit) <= error + rounding  # and the estimate covers the rest


def test_wynn_epsilon_sums_the_alternating_harmonic_series() -> None:
    # 1 − ½ + ⅓ − … = ln 2; 16 partial sums are 3% off, their ε-limit is right to 1e-12
    table, total = _WynnEpsilon(), 0.0
    for k in range(1, 17):
        total += (-1) ** (k + 1) / k
        value, error = table.add(total)
    assert abs(total - math.log(2)) > 0.03
    assert abs(value - math.log(2)) < 1e-12
    assert abs(value - math.log(2)) <= error


def _exp_family(c: float) -> tuple[F, F]:
    return (lambda x: math.exp(c * x)), (lambda x: math.exp(c * x) / c)


@given(st.floats(0.3, 2.5), st.floats(-2, 2), st.floats(-2, 2), smooth, smooth)
def test_linearity_of_the_integral(alpha: float, a: float, b: float, f: Smooth, g: Smooth) -> None:
    beta = 1 - 2 * alpha
    whole = integrate(lambda x: alpha * f(x) + beta * g(x), a, b)
    parts = alpha * integrate(f, a, b) + beta * integrate(g, a, b)
    size = integrate(lambda x: abs(alpha * f(x)) + abs(beta * g(x)), min(a, b), max(a, b))
    assert abs(whole - parts) <= 1e-10 * size + 1e-12


@given(smooth, st.floats(-2, 2), st.floats(-2, 2), st.floats(-2, 2))
def test_additivity_over_intervals(f: Smooth, a: float, b: float, c: float) -> None:
    # ∫ₐᵇ + ∫ᵦᶜ = ∫ₐᶜ for any order of a, b, c (a > b flips the sign)
    total = integrate(f, a, b) + integrate(f, b, c)
    lo, hi = min(a, b, c), max(a, b, c)
    size = integrate(lambda x: abs(f(x)), lo, hi) if lo < hi else 0.0
    assert abs(total - integrate(f, a, c)) <= 2e-10 * size + 3e-12


@given(smooth, st.floats(-2, 2), st.floats(-2, 2))
def test_fundamental_theorem_of_calculus_integral_of_derivative(
    f: Smooth, a: float, b: float
) -> None:
    # ∫ₐᵇ f′ = f(b) − f(a)
    assert abs(integrate(f.prime, a, b) - (f(b) - f(a))) <= 1e-10 * (f.scale(a) + f.scale(b)) * max(
        1.0, abs(b - a)
    )


@given(smooth, st.floats(-2, 2), st.floats(-2, 2))
@settings(max_examples=10)
def test_fundamental_theorem_of_calculus_derivative_of_integral(
    f: Smooth, a: float, x: float
) -> None:
    # d/dx ∫ₐˣ f = f(x), through both numerical operations at once
    F_ = antiderivative(f, a)
    assert abs(derivative(F_, x) - f(x)) <= 1e-7 * f.scale(x)
    assert F_(a) == 0.0


def _order_ratio(rule: Callable[[int], float], exact: float, n: int) -> float:
    return abs(rule(n) - exact) / abs(rule(2 * n) - exact)


@given(st.floats(0.5, 2.0), st.integers(4, 64))
@settings(max_examples=25)
def test_midpoint_and_trapezoid_errors_fall_by_four(c: float, n: int) -> None:
    f, big_f = _exp_family(c)
    exact = big_f(1.0) - big_f(0.0)
    assert 3.9 < _order_ratio(lambda m: riemann_sum(f, 0.0, 1.0, m), exact, n) < 4.1
    assert 3.9 < _order_ratio(lambda m: trapezoid(f, 0.0, 1.0, m), exact, n) < 4.1


@given(st.floats(0.5, 2.0), st.integers(2, 16))
@settings(max_examples=25)
def test_simpson_error_falls_by_sixteen(c: float, half_n: int) -> None:
    f, big_f = _exp_family(c)
    exact = big_f(1.0) - big_f(0.0)
    assert 15.0 < _order_ratio(lambda m: simpson(f, 0.0, 1.0, m), exact, 2 * half_n) < 16.5


@given(st.floats(0.5, 2.0), st.integers(4, 64))
@settings(max_examples=25)
def test_left_and_right_sums_errors_halve(c: float, n: int) -> None:
    f, big_f = _exp_family(c)
    exact = big_f(1.0) - big_f(0.0)
    for rule in ("left", "right"):
        ratio = _order_ratio(lambda m, r=rule: riemann_sum(f, 0.0, 1.0, m, r), exact, n)
        assert 1.8 < ratio < 2.2


def test_teaching_rules_are_exact_where_they_should_be() -> None:
    line = lambda x: 3 * x + 1  # noqa: E731
    assert riemann_sum(line, 0, 2, 5) == pytest.approx(8.0, rel=1e-15)
    assert trapezoid(line, 0, 2, 3) == pytest.approx(8.0, rel=1e-15)
    assert simpson(lambda x: x**3 - x, 0, 2, 2) == pytest.approx(2.0, rel=1e-15)
    assert riemann_sum(lambda x: x, 0, 1, 4, "left") == 0.375
    assert riemann_sum(lambda x: x, 0, 1, 4, "right") == 0.625


def test_teaching_rules_agree_with_integrate() -> None:
    exact = integrate(math.exp, 0, 1)
    assert simpson(math.exp, 0, 1, 200) == pytest.approx(exact, rel=1e-11)
    assert trapezoid(math.exp, 0, 1, 2000) == pytest.approx(exact, rel=1e-7)
    assert riemann_sum(math.exp, 0, 1, 2000) == pytest.approx(exact, rel=1e-7)


HARD = [
    ("sqrt", math.sqrt, 0.0, 1.0, 2 / 3),
    ("1/sqrt", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
    ("log", math.log, 0.0, 1.0, -1.0),
    ("log/sqrt", lambda x: math.log(x) / math.sqrt(x), 0.0, 1.0, -4.0),
    ("x^-0.9", lambda x: x**-0.9, 0.0, 1.0, 10.0),
    ("semicircle", lambda x: math.sqrt(1 - x * x), -1.0, 1.0, math.pi / 2),
    ("gaussian on R", lambda x: math.exp(-x * x), -math.inf, math.inf, math.sqrt(math.pi)),
    ("cauchy half", lambda x: 1 / (1 + x * x), 0.0, math.inf, math.pi / 2),
    ("exp left", math.exp, -math.inf, 0.0, 1.0),
    ("gamma(1/2)", lambda x: math.exp(-x) / math.sqrt(x), 0.0, math.inf, math.sqrt(math.pi)),
    ("peak", lambda x: 1 / (1e-4 + x * x), -1.0, 1.0, 200 * math.atan(100)),
    ("oscillation", lambda x: math.cos(50 * x), 0.0, 1.0, math.sin(50) / 50),
    ("long sine", math.sin, 0.0, 100.0, 1 - math.cos(100)),
    ("kink", lambda x: abs(x - 1 / 3), 0.0, 1.0, 5 / 18),
    ("cusp", lambda x: math.sqrt(abs(x - 0.5)), 0.0, 1.0, 4 / 3 * 0.5**1.5),
]


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), HARD, ids=[h[0] for h in HARD])
def test_hard_integrals_reach_the_tolerance_honestly(
    name: str, f: F, a: float, b: float, exact: float
) -> None:
    result = integrate_with_error(f, a, b)
    assert isinstance(result, IntegrationResult) and isinstance(result.value, float)
    assert abs(result.value - exact) <= 1e-10 * abs(exact)
    assert abs(result.value - exact) <= result.error  # the estimate is honest
    assert result.error <= max(1e-12, 1e-10 * abs(result.value))
    flipped = integrate_with_error(f, b, a)
    assert flipped.value == -result.value


def test_integral_edge_cases() -> None:
    assert integrate(math.exp, 1.0, 1.0) == 0.0
    assert integrate_with_error(math.exp, 2.0, 2.0) == IntegrationResult(0.0, 0.0, 0)
    assert integrate(lambda x: math.exp(-x * x), math.inf, -math.inf) == pytest.approx(
        -math.sqrt(math.pi), rel=1e-12
    )
    assert integrate(lambda x: x, -1.0, 1.0) == pytest.approx(0.0, abs=1e-15)
    assert integrate(lambda x: Fraction(1, 2), 0, 2) == pytest.approx(1.0, rel=1e-15)


def test_non_integrable_integrals_raise_with_the_best_estimate() -> None:
    with pytest.raises(ConvergenceError, match="did not reach the tolerance") as info:
        integrate(lambda x: 1 / x, 0.0, 1.0)
    assert info.value.estimate is not None and info.value.iterations > 0
    assert math.isfinite(info.value.error)
    with pytest.raises(ConvergenceError, match="did not reach the tolerance"):
        integrate(lambda x: 1 / (1 + x), 0.0, math.inf)
    with pytest.raises(ConvergenceError, match="appears to diverge"):
        integrate(lambda x: 1.0, -math.inf, math.inf)


def test_the_whole_budget_can_be_spent() -> None:
    # √x on [0, 1] spends 195 evaluations (9 rules of 21 and 3 probes of 2 on 5 pieces) and
    # needs room for a sixth piece to finish: 11 rules, each with its probe, 11·23 = 253.
    # That budget must allow 6 pieces, not fewer; one less must not.
    assert integrate_with_error(math.sqrt, 0.0, 1.0).evaluations == 195
    result = integrate_with_error(math.sqrt, 0.0, 1.0, max_evaluations=253)
    assert result.evaluations == 195 and result.value == pytest.approx(2 / 3, rel=1e-12)
    with pytest.raises(ConvergenceError, match="budget of 252 evaluations"):
        integrate_with_error(math.sqrt, 0.0, 1.0, max_evaluations=252)


def test_exhausted_budget_raises() -> None:
    with pytest.raises(ConvergenceError, match="budget of 100 evaluations") as info:
        integrate(lambda x: math.sqrt(x), 0.0, 1.0, max_evaluations=100)
    assert info.value.iterations <= 100
    assert info.value.estimate == pytest.approx(2 / 3, rel=1e-3)


def test_nan_from_f_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match=r"integrand is nan at x = "):
        integrate(lambda x: math.nan if x > 0.5 else 1.0, 0.0, 1.0)
    with pytest.raises(DomainError, match=r"integrand is inf"):
        integrate(lambda x: math.inf, 0.0, 1.0)


def test_antiderivative_gives_areas() -> None:
    big_f = antiderivative(math.cos, 0.0)
    assert big_f(math.pi / 2) == pytest.approx(1.0, rel=1e-13)
    assert big_f(-math.pi / 2) == pytest.approx(-1.0, rel=1e-13)


@pytest.mark.parametrize(
    "call",
    [
        lambda: derivative(3, 1.0),
        lambda: second_derivative("f", 1.0),
        lambda: tangent_line(None, 1.0),
        lambda: difference_quotient(1, 1.0, 0.1),
        lambda: find_root([], 0, 1),
        lambda: newton(2.0, 1.0),
        lambda: critical_points(1, 0, 1),
        lambda: classify_critical_point(1, 0.0),
        lambda: integrate(1, 0, 1),
        lambda: integrate_with_error("sin", 0, 1),
        lambda: riemann_sum(1, 0, 1, 4),
        lambda: trapezoid(1, 0, 1, 4),
        lambda: simpson(1, 0, 1, 4),
        lambda: antiderivative(1, 0),
    ],
)
def test_non_callable_f_is_a_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match="f must be a callable function"):
        call()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: derivative(_square, math.nan), "x must not be NaN"),
        (lambda: derivative(_square, math.inf), "x must be finite"),
        (lambda: second_derivative(_square, math.nan), "x must not be NaN"),
        (lambda: tangent_line(_square, math.nan), "x0 must not be NaN"),
        (lambda: difference_quotient(_square, math.nan, 0.1), "x must not be NaN"),
        (lambda: find_root(_square, math.nan, 1.0), "a must not be NaN"),
        (lambda: find_root(_square, 0.0, math.inf), "b must be finite"),
        (lambda: newton(_square, math.nan), "x0 must not be NaN"),
        (lambda: critical_points(_square, 0.0, math.nan), "b must not be NaN"),
        (lambda: classify_critical_point(_square, math.nan), "x must not be NaN"),
        (lambda: integrate(_square, math.nan, 1.0), "a must not be NaN"),
        (lambda: integrate_with_error(_square, 0.0, math.nan), "b must not be NaN"),
        (lambda: riemann_sum(_square, math.nan, 1.0, 4), "a must not be NaN"),
        (lambda: trapezoid(_square, 0.0, math.nan, 4), "b must not be NaN"),
        (lambda: simpson(_square, 0.0, math.inf, 4), "b must be finite"),
        (lambda: antiderivative(_square, math.nan), "a must not be NaN"),
    ],
)
def test_nan_bounds_are_domain_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        call()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: derivative(_square, 1.0, n=0), "the order n must be at least 1, got 0"),
        (lambda: riemann_sum(_square, 0, 1, 0), "n must be at least 1, got 0"),
        (lambda: trapezoid(_square, 0, 1, -2), "n must be at least 1, got -2"),
        (lambda: simpson(_square, 0, 1, 0), "n must be at least 1, got 0"),
        (lambda: simpson(_square, 0, 1, 3), "n must be even, got 3"),
        (lambda: critical_points(_square, 0, 1, samples=1), "samples must be at least 2"),
        (lambda: newton(_square, 1.0, max_iter=0), "max_iter must be at least 1, got 0"),
        (lambda: find_root(_square, -1, 1, tol=0), "tol must be positive, got 0"),
        (lambda: newton(_square, 1.0, tol=-1e-9), "tol must be positive"),
        (lambda: integrate(_square, 0, 1, rel_tol=0), "rel_tol must be positive, got 0"),
        (lambda: integrate_with_error(_square, 0, 1, abs_tol=-1), "abs_tol must be positive"),
        (lambda: integrate(_square, 0, 1, max_evaluations=5), "below the 21 evaluations"),
        (lambda: riemann_sum(_square, 0, 1, 4, "upper"), "rule must be 'left', 'right'"),
        (lambda: difference_quotient(_square, 1.0, 0.0), "the step h must be non-zero"),
        (lambda: find_root(_square, 1.0, 2.0), r"same sign \(f\(1.0\) = 1.0, f\(2.0\) = 4.0\)"),
        (lambda: find_root(lambda x: math.nan, 1.0, 2.0), "f returned NaN at x = 1.0"),
        (lambda: derivative(lambda x: math.nan, 1.0), r"f\(1.0\) = nan"),
    ],
)
def test_bad_values_are_domain_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        call()


def test_results_are_floats_never_fractions() -> None:
    half = Fraction(1, 2)
    assert type(derivative(lambda x: x * x, half)) is float
    assert type(integrate(lambda x: x, 0, 1)) is float
    assert type(riemann_sum(lambda x: x, 0, 1, 2)) is float
    assert type(simpson(lambda x: Fraction(1), 0, 1, 2)) is float
    assert type(find_root(lambda x: x - half, 0, 1)) is float


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


SQRT_HALF = math.sqrt(0.5)

#: (name, f, a, b, exact ∫ₐᵇ f)
BATTERY: list[tuple[str, Callable[[float], float], float, float, float]] = [
    ("exp", math.exp, 0.0, 1.0, math.e - 1),
    ("sin(10x)", lambda x: math.sin(10 * x), 0.0, 3.0, (1 - math.cos(30.0)) / 10),
    ("1/(1+x²)", lambda x: 1 / (1 + x * x), 0.0, 1.0, math.pi / 4),
    ("|x − 1/3|", lambda x: abs(x - 1 / 3), 0.0, 1.0, 5 / 18),
    ("step at 1/√2", lambda x: 1.0 if x >= SQRT_HALF else 0.0, 0.0, 1.0, 1 - SQRT_HALF),
    ("floor(3x)", lambda x: float(math.floor(3 * x)), 0.0, 1.0, 1.0),
    ("1/√x", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
    ("log x", math.log, 0.0, 1.0, -1.0),
    ("log(x)/√x", lambda x: math.log(x) / math.sqrt(x), 0.0, 1.0, -4.0),
    ("x^-0.7", lambda x: x**-0.7, 0.0, 1.0, 1 / 0.3),
    ("exp(−x²)", lambda x: math.exp(-x * x), 0.0, math.inf, math.sqrt(math.pi) / 2),
    ("1/(1+x²) on ℝ", lambda x: 1 / (1 + x * x), -math.inf, math.inf, math.pi),
    ("exp(−x)/√x", lambda x: math.exp(-x) / math.sqrt(x), 0.0, math.inf, math.sqrt(math.pi)),
]


@pytest.mark.parametrize("rel_tol", [1e-6, 1e-10])
@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), BATTERY, ids=[c[0] for c in BATTERY])
def test_claimed_error_bounds_the_true_error(
    name: str, f: Callable[[float], float], a: float, b: float, exact: float, rel_tol: float
) -> None:
    # The claim |value − ∫f| ≤ error, with the rounding of the exact value itself allowed
    # (4 ulps of ∫f), and the error within the tolerance asked for.
    result = integrate_with_error(f, a, b, rel_tol=rel_tol, abs_tol=1e-300)
    assert abs(result.value - exact) <= result.error + 4 * math.ulp(exact), name
    assert result.error <= rel_tol * abs(exact) * (1 + 1e-9), name


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), BATTERY[:3], ids=["exp", "sin", "atan"])
def test_claimed_error_is_not_wildly_pessimistic_on_smooth_integrands(
    name: str, f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    # For an analytic f a 21-point Kronrod rule is accurate to rounding: the error claimed
    # must not exceed the true error by more than a few orders of magnitude above rounding.
    result = integrate_with_error(f, a, b, rel_tol=1e-8)
    true_error = abs(result.value - exact)
    assert result.error <= max(1e4 * true_error, 1e-12 * abs(exact)), name


FINITE = [case for case in BATTERY if math.isfinite(case[2]) and math.isfinite(case[3])]


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), FINITE, ids=[c[0] for c in FINITE])
def test_integral_of_the_reflection(
    name: str, f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    # ∫₋ᵦ⁻ᵃ f(−x) dx = ∫ₐᵇ f(x) dx: the same pieces on the negative axis (a learner's
    # integrand does not always live at x > 0), with the same honest error.
    result = integrate_with_error(lambda x: f(-x), -b, -a, rel_tol=1e-10, abs_tol=1e-300)
    assert abs(result.value - exact) <= result.error + 4 * math.ulp(exact), name


DIVERGENT = [
    ("1/x", lambda x: 1 / x, 0.0, 1.0),
    ("1/x²", lambda x: 1 / (x * x), 0.0, 1.0),
    ("x^-1.5", lambda x: 1 / (x * math.sqrt(x)), 0.0, 1.0),
    ("1/x on [1, ∞)", lambda x: 1 / x, 1.0, math.inf),
    ("1/√x on [1, ∞)", lambda x: 1 / math.sqrt(x), 1.0, math.inf),
]


@pytest.mark.parametrize(("name", "f", "a", "b"), DIVERGENT, ids=[c[0] for c in DIVERGENT])
def test_a_divergent_integral_is_refused(
    name: str, f: Callable[[float], float], a: float, b: float
) -> None:
    # ∫ = ∞: no finite value may come back (a DomainError when f itself reaches ±inf), and
    # the refusal names the singularity, on either side of 0, before the budget of 50 000
    # evaluations is spent.
    for g, lo, hi in ((f, a, b), (lambda x: f(-x), -b, -a)):
        with pytest.raises((ConvergenceError, DomainError)) as refusal:
            integrate_with_error(g, lo, hi)
        if isinstance(refusal.value, ConvergenceError):
            assert "singularity" in str(refusal.value)
            assert refusal.value.iterations < 50_000


@pytest.mark.xfail(
    strict=True,
    reason="known bug (issue 23 found it): for x^-s, s ≥ 0.92, on [0, 1] the extrapolation "
    "accepts a value whose true error exceeds the claimed one (s = 0.95: 3.7e-5 vs 2.0e-5)",
)
def test_claimed_error_bounds_the_true_error_near_a_strong_singularity() -> None:
    result = integrate_with_error(lambda x: x**-0.95, 0.0, 1.0, rel_tol=1e-6)
    assert abs(result.value - 20.0) <= result.error
