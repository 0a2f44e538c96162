"""The error that integrate_with_error claims is a bound on the true error, on a battery of
integrands a learner tries (smooth, kinks, steps, integrable singularities, infinite ranges),
and it is not wildly pessimistic on smooth ones."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from scratchmath.calculus import integrate_with_error
from scratchmath.errors import ConvergenceError, DomainError

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
    # ∫ = ∞: no finite value may come back (a DomainError when f itself reaches ±inf).
    with pytest.raises((ConvergenceError, DomainError)):
        integrate_with_error(f, a, b)
    with pytest.raises((ConvergenceError, DomainError)):
        integrate_with_error(lambda x: f(-x), -b, -a)


@pytest.mark.xfail(
    strict=True,
    reason="known bug (issue 23 found it): for x^-s, s ≥ 0.92, on [0, 1] the extrapolation "
    "accepts a value whose true error exceeds the claimed one (s = 0.95: 3.7e-5 vs 2.0e-5)",
)
def test_claimed_error_bounds_the_true_error_near_a_strong_singularity() -> None:
    result = integrate_with_error(lambda x: x**-0.95, 0.0, 1.0, rel_tol=1e-6)
    assert abs(result.value - 20.0) <= result.error
