"""Tests of scratchmath.calculus.multiple: integrals in several variables.

The core property is honesty: on every integrand with a known integral below, the error
that ``multiple_integral`` reports is at least the true error (and no larger than the
tolerance it claims to have met). The cases: Genz's six test families with their closed
forms, Fubini's theorem (the order of iteration does not matter), linearity, additivity,
change of variables (polar and linear), polynomials over boxes and triangles, the unit disk,
the Gaussian over the plane, a singular corner, and the integrals a learner tries first.

Monte Carlo: the standard error is honest (seeded coverage with a binomial tolerance), plain
Monte Carlo's error falls like n^(−1/2) and randomised quasi-Monte Carlo's faster.

Theorems and properties checked:

- genz smooth families in two dimensions
- genz rough families in two dimensions
- genz smooth families in three dimensions
- The closed forms themselves, checked in d = 1 against the one-variable integrator.
- ∫ₐᵇ ∫ₚ^q f(x, y) dy dx = ∫ₚ^q ∫ₐᵇ f(x, y) dx dy on a rectangle.
- ∫₀¹ ∫₀ˣ f dy dx = ∫₀¹ ∫_y¹ f dx dy: the same triangle sliced the other way.
- linearity of the integral
- ∫ over [0, 1]² = ∫ over [0, c]×[0, 1] + ∫ over [c, 1]×[0, 1].
- ∫∫_{A(R)} f = |det A|·∫∫_R f∘A for A = [[a, 0], [c, d]] and R the unit square.
- ∫∫_disk g(x² + y²) dA = ∫₀^{2π} ∫₀¹ g(r²)·r dr dθ: the Jacobian of polar coordinates is r.
- ∫∫_{[0,1]²} xⁱyʲ = 1/((i + 1)(j + 1)): one rule per variable is exact to degree 31.
- ∫₀¹ ∫₀ˣ xⁱyʲ dy dx = 1/((j + 1)(i + j + 2)).
- learner x times y over the unit square
- area of the unit disk is pi
- The triangle (0, 0), (2, 0), (2, 3): ½·base·height = 3.
- ∫∫_ℝ² e^(−x²−y²) = π: in polar coordinates 2π·∫₀^∞ e^(−r²) r dr = π.
- ∫₀^∞ ∫₀¹ y·e^(−x) dy dx = ½, and the inner variable may run to −∞ as well.
- ∫∫_{[0,1]²} 1/√(x + y) = (4/3)(2√2 − 2), with the singularity at the corner (0, 0).
- a jump in the inner variable is reported honestly
- volume of the unit ball
- reversed limits flip the sign
- one variable agrees with integrate
- an empty region integrates to zero
- budget is respected and reported
- budget below one rule per variable
- ∫∫ 1/(x + y)² over [0, 1]² diverges (like ∫ 1/x near 0): no value may come back.
- user exception passes through
- multiple integral bad arguments
- bad values from f and from bounds
- The first ten 3-d points of Joe and Kuo's sequence (Gray-code order).
- sobol points form a net
- halton points
- point sets bad arguments
- sobol dimension limit
- monte carlo standard error is honest
- The law of large numbers at work: log SE against log n has slope −½.
- quasi monte carlo error shrinks faster than one over root n
- The issue's target: randomised Sobol' at least 5× more accurate at n = 2¹².
- monte carlo is exact for a constant and follows the box
- monte carlo same seed same answer
- monte carlo bad arguments
- ∫∫ (x + 2y) over [0, 1]² = 3/2; a wrong volume or a biased sequence fails by far.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scratchmath.calculus import (
    IntegrationResult,
    MonteCarloResult,
    halton_points,
    integrate,
    monte_carlo_integral,
    multiple_integral,
    sobol_points,
)
from scratchmath.errors import ConvergenceError, DomainError

Integrand = Callable[..., float]
UNIT_SQUARE = [(0, 1), (0, 1)]


def assert_honest(result: IntegrationResult, exact: float, rel_tol: float = 1e-8) -> None:
    """The reported error bounds the true error and meets the tolerance it was asked for."""
    true_error = abs(result.value - exact)
    assert true_error <= result.error, f"true error {true_error:.3g} > reported {result.error:.3g}"
    assert result.error <= max(1e-12, rel_tol * abs(result.value))


# --------------------------------------------------------------------------------------------
# Genz's test families (A. Genz, "Testing multidimensional integration routines", 1984),
# on [0, 1]ᵈ with difficulty a and offset u, and their integrals in closed form.
# --------------------------------------------------------------------------------------------


def oscillatory(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """cos(2πu₁ + Σ aᵢxᵢ); ∫ = Re e^{2πiu₁} Π (e^{iaᵢ} − 1)/(iaᵢ)."""
    phase = 2 * math.pi * u[0]
    exact = complex(math.cos(phase), math.sin(phase))
    for ai in a:
        exact *= (complex(math.cos(ai), math.sin(ai)) - 1) / complex(0, ai)
    return (
        lambda *x: math.cos(phase + math.fsum(ai * xi for ai, xi in zip(a, x, strict=True)))
    ), exact.real


def product_peak(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """Π 1/(aᵢ⁻² + (xᵢ − uᵢ)²); ∫ = Π aᵢ(arctan aᵢ(1 − uᵢ) + arctan aᵢuᵢ)."""
    exact = math.prod(
        ai * (math.atan(ai * (1 - ui)) + math.atan(ai * ui)) for ai, ui in zip(a, u, strict=True)
    )
    return (
        lambda *x: math.prod(
            1 / (ai**-2 + (xi - ui) ** 2) for ai, xi, ui in zip(a, x, u, strict=True)
        )
    ), exact


def corner_peak(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """(1 + Σ aᵢxᵢ)^−(d+1); ∫ = Σ_{v ∈ {0,1}ᵈ} (−1)^|v| / ((1 + a·v)·d!·Π aᵢ)."""
    d = len(a)
    corners = itertools.product((0, 1), repeat=d)
    total = math.fsum(
        (-1) ** sum(v) / (1 + sum(ai * vi for ai, vi in zip(a, v, strict=True))) for v in corners
    )
    exact = total / (math.factorial(d) * math.prod(a))
    return (
        lambda *x: (1 + math.fsum(ai * xi for ai, xi in zip(a, x, strict=True))) ** -(d + 1)
    ), exact


def gaussian(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """exp(−Σ aᵢ²(xᵢ − uᵢ)²); ∫ = Π (√π/2aᵢ)(erf aᵢ(1 − uᵢ) + erf aᵢuᵢ)."""
    exact = math.prod(
        math.sqrt(math.pi) / (2 * ai) * (math.erf(ai * (1 - ui)) + math.erf(ai * ui))
        for ai, ui in zip(a, u, strict=True)
    )
    return (
        lambda *x: math.exp(
            -math.fsum((ai * (xi - ui)) ** 2 for ai, xi, ui in zip(a, x, u, strict=True))
        )
    ), exact


def continuous(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """exp(−Σ aᵢ|xᵢ − uᵢ|) (a kink at u); ∫ = Π (2 − e^{−aᵢuᵢ} − e^{−aᵢ(1−uᵢ)})/aᵢ."""
    exact = math.prod(
        (2 - math.exp(-ai * ui) - math.exp(-ai * (1 - ui))) / ai
        for ai, ui in zip(a, u, strict=True)
    )
    return (
        lambda *x: math.exp(
            -math.fsum(ai * abs(xi - ui) for ai, xi, ui in zip(a, x, u, strict=True))
        )
    ), exact


def discontinuous(a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """exp(Σ aᵢxᵢ) where x₁ ≤ u₁ and x₂ ≤ u₂, else 0; ∫ = Π (e^{aᵢcᵢ} − 1)/aᵢ, cᵢ = uᵢ or 1."""
    cut = [u[0], u[1]] + [1.0] * (len(a) - 2)
    exact = math.prod((math.exp(ai * ci) - 1) / ai for ai, ci in zip(a, cut, strict=True))

    def f(*x: float) -> float:
        if x[0] > u[0] or x[1] > u[1]:
            return 0.0
        return math.exp(math.fsum(ai * xi for ai, xi in zip(a, x, strict=True)))

    return f, exact


FAMILIES = {
    f.__name__: f
    for f in (oscillatory, product_peak, corner_peak, gaussian, continuous, discontinuous)
}
SMOOTH = ("oscillatory", "product_peak", "corner_peak", "gaussian")


def draw(seed: int, d: int) -> tuple[list[float], list[float]]:
    rng = random.Random(seed)
    return [rng.uniform(0.5, 5.0) for _ in range(d)], [rng.random() for _ in range(d)]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("family", SMOOTH)
def test_genz_smooth_families_in_two_dimensions(family: str, seed: int) -> None:
    f, exact = FAMILIES[family](*draw(seed, 2))
    assert_honest(multiple_integral(f, UNIT_SQUARE), exact)


@pytest.mark.parametrize("family", ["continuous", "discontinuous"])
def test_genz_rough_families_in_two_dimensions(family: str) -> None:
    # A kink or a jump in both variables: costly for nested rules (each outer bisection
    # repeats the inner integrals), so a looser tolerance keeps the test quick.
    f, exact = FAMILIES[family](*draw(7, 2))
    assert_honest(multiple_integral(f, UNIT_SQUARE, rel_tol=1e-4), exact, rel_tol=1e-4)


@pytest.mark.parametrize("family", SMOOTH)
def test_genz_smooth_families_in_three_dimensions(family: str) -> None:
    f, exact = FAMILIES[family](*draw(3, 3))
    result = multiple_integral(f, [(0, 1)] * 3, rel_tol=1e-6)
    assert_honest(result, exact, rel_tol=1e-6)


def test_genz_closed_forms_agree_with_one_dimensional_integrals() -> None:
    """The closed forms themselves, checked in d = 1 against the one-variable integrator."""
    for family in FAMILIES.values():
        if family is not discontinuous:
            f, exact = family([2.5], [0.3])
            assert math.isclose(integrate(f, 0.0, 1.0), exact, rel_tol=1e-10)
    jump, _ = discontinuous([2.5, 1.0], [0.3, 0.5])  # two variables: check its slice x₂ = 0
    exact = (math.exp(2.5 * 0.3) - 1) / 2.5
    assert math.isclose(integrate(lambda x: jump(x, 0.0), 0.0, 1.0), exact, rel_tol=1e-10)


# --------------------------------------------------------------------------------------------
# Theorems as properties
# --------------------------------------------------------------------------------------------

coefficients = st.floats(-3.0, 3.0)
ends = st.floats(-2.0, 2.0)


def smooth_field(c: list[float]) -> Integrand:
    return lambda x, y: c[0] + c[1] * x * y * y + math.sin(c[2] * x + y) * math.exp(c[3] * y)


@given(st.lists(coefficients, min_size=4, max_size=4), ends, ends, ends, ends)
@example([0.0, 0.0, 0.0, 0.0], 0.0, 2.2250738585e-313, 0.0, 2.0)  # claimed error 0, off by 1 ulp
def test_fubini_theorem(c: list[float], a: float, b: float, p: float, q: float) -> None:
    """∫ₐᵇ ∫ₚ^q f(x, y) dy dx = ∫ₚ^q ∫ₐᵇ f(x, y) dx dy on a rectangle."""
    f = smooth_field(c)
    first = multiple_integral(f, [(a, b), (p, q)])
    second = multiple_integral(lambda y, x: f(x, y), [(p, q), (a, b)])
    assert abs(first.value - second.value) <= first.error + second.error


@given(st.lists(coefficients, min_size=4, max_size=4))
def test_fubini_theorem_on_a_triangle(c: list[float]) -> None:
    """∫₀¹ ∫₀ˣ f dy dx = ∫₀¹ ∫_y¹ f dx dy: the same triangle sliced the other way."""
    f = smooth_field(c)
    first = multiple_integral(f, [(0, 1), (0, lambda x: x)])
    second = multiple_integral(lambda y, x: f(x, y), [(0, 1), (lambda y: y, 1)])
    assert abs(first.value - second.value) <= first.error + second.error


@settings(max_examples=15)  # three integrals per example
@given(st.lists(coefficients, min_size=8, max_size=8), coefficients, coefficients)
def test_linearity_of_the_integral(c: list[float], alpha: float, beta: float) -> None:
    f, g = smooth_field(c[:4]), smooth_field(c[4:])
    both = multiple_integral(lambda x, y: alpha * f(x, y) + beta * g(x, y), UNIT_SQUARE)
    one, other = multiple_integral(f, UNIT_SQUARE), multiple_integral(g, UNIT_SQUARE)
    bound = both.error + abs(alpha) * one.error + abs(beta) * other.error
    assert abs(both.value - alpha * one.value - beta * other.value) <= bound + 1e-14


@settings(max_examples=15)  # three integrals per example
@given(st.lists(coefficients, min_size=4, max_size=4), st.floats(0.05, 0.95))
def test_additivity_over_adjacent_regions(c: list[float], cut: float) -> None:
    """∫ over [0, 1]² = ∫ over [0, c]×[0, 1] + ∫ over [c, 1]×[0, 1]."""
    f = smooth_field(c)
    whole = multiple_integral(f, UNIT_SQUARE)
    left, right = multiple_integral(f, [(0, cut), (0, 1)]), multiple_integral(f, [(cut, 1), (0, 1)])
    bound = whole.error + left.error + right.error
    assert abs(whole.value - left.value - right.value) <= bound + 1e-14


@given(st.floats(0.2, 3.0), st.floats(-2.0, 2.0), st.floats(0.2, 3.0), coefficients)
def test_change_of_variables_linear_map(a: float, c: float, d: float, k: float) -> None:
    """∫∫_{A(R)} f = |det A|·∫∫_R f∘A for A = [[a, 0], [c, d]] and R the unit square.

    A(R) is the parallelogram 0 ≤ x ≤ a, cx/a ≤ y ≤ cx/a + d: the Jacobian's determinant
    ad is the factor by which A scales areas.
    """

    def f(x: float, y: float) -> float:
        return math.exp(k * x - y * y) + x * y

    image = multiple_integral(f, [(0, a), (lambda x: c * x / a, lambda x: c * x / a + d)])
    pulled = multiple_integral(lambda u, v: f(a * u, c * u + d * v), UNIT_SQUARE)
    assert abs(image.value - a * d * pulled.value) <= image.error + a * d * pulled.error


@settings(max_examples=5)  # a disk costs some 25 000 evaluations
@given(st.floats(-2.0, 2.0), st.floats(0.0, 3.0))
def test_change_of_variables_polar(k: float, m: float) -> None:
    """∫∫_disk g(x² + y²) dA = ∫₀^{2π} ∫₀¹ g(r²)·r dr dθ: the Jacobian of polar coordinates is r."""

    def g(s: float) -> float:
        return math.exp(k * s) * math.cos(m * s)

    root = lambda x: math.sqrt(max(0.0, 1 - x * x))  # noqa: E731
    disk = multiple_integral(lambda x, y: g(x * x + y * y), [(-1, 1), (lambda x: -root(x), root)])
    polar = multiple_integral(lambda t, r: g(r * r) * r, [(0, 2 * math.pi), (0, 1)])
    assert abs(disk.value - polar.value) <= disk.error + polar.error


@pytest.mark.parametrize(("i", "j"), [(0, 0), (1, 0), (2, 3), (5, 7), (10, 9)])
def test_polynomials_over_the_unit_square(i: int, j: int) -> None:
    """∫∫_{[0,1]²} xⁱyʲ = 1/((i + 1)(j + 1)): one rule per variable is exact to degree 31."""
    result = multiple_integral(lambda x, y: x**i * y**j, UNIT_SQUARE)
    assert_honest(result, 1 / ((i + 1) * (j + 1)))
    assert result.evaluations == 441


@pytest.mark.parametrize(("i", "j"), [(0, 0), (1, 0), (0, 1), (3, 2), (6, 4)])
def test_polynomials_over_a_triangle(i: int, j: int) -> None:
    """∫₀¹ ∫₀ˣ xⁱyʲ dy dx = 1/((j + 1)(i + j + 2))."""
    result = multiple_integral(lambda x, y: x**i * y**j, [(0, 1), (0, lambda x: x)])
    assert_honest(result, 1 / ((j + 1) * (i + j + 2)))


# --------------------------------------------------------------------------------------------
# Known answers a learner checks first
# --------------------------------------------------------------------------------------------


def test_learner_x_times_y_over_the_unit_square() -> None:
    result = multiple_integral(lambda x, y: x * y, UNIT_SQUARE)
    assert result == IntegrationResult(0.25, result.error, 441)
    assert result.error < 1e-13


def test_area_of_the_unit_disk_is_pi() -> None:
    root = lambda x: math.sqrt(1 - x * x)  # noqa: E731
    result = multiple_integral(lambda x, y: 1.0, [(-1, 1), (lambda x: -root(x), root)])
    assert_honest(result, math.pi)


def test_area_of_a_triangle() -> None:
    """The triangle (0, 0), (2, 0), (2, 3): ½·base·height = 3."""
    result = multiple_integral(lambda x, y: 1.0, [(0, 2), (0, lambda x: 1.5 * x)])
    assert_honest(result, 3.0)


def test_gaussian_over_the_plane_is_pi() -> None:
    """∫∫_ℝ² e^(−x²−y²) = π: in polar coordinates 2π·∫₀^∞ e^(−r²) r dr = π."""
    whole = [(-math.inf, math.inf)] * 2
    result = multiple_integral(lambda x, y: math.exp(-x * x - y * y), whole)
    assert_honest(result, math.pi)


def test_half_infinite_strip() -> None:
    """∫₀^∞ ∫₀¹ y·e^(−x) dy dx = ½, and the inner variable may run to −∞ as well."""
    assert_honest(multiple_integral(lambda x, y: y * math.exp(-x), [(0, math.inf), (0, 1)]), 0.5)
    result = multiple_integral(lambda x, y: math.exp(y), [(0, 1), (-math.inf, lambda x: x)])
    assert_honest(result, math.e - 1)


def test_singular_corner() -> None:
    """∫∫_{[0,1]²} 1/√(x + y) = (4/3)(2√2 − 2), with the singularity at the corner (0, 0)."""
    result = multiple_integral(lambda x, y: 1 / math.sqrt(x + y), UNIT_SQUARE)
    assert_honest(result, 4 / 3 * (2 * math.sqrt(2) - 2))


def test_a_jump_in_the_inner_variable_is_reported_honestly() -> None:
    """e^y cut off at y = c, for every x: ∫∫ = e^c − 1. (The one-variable extrapolating
    integrator once claimed an error of 1e-14 on this inner integral for a true 1e-7: the
    nest therefore bisects its inner integrals itself, which keeps the estimate honest.)"""
    c = 0.7682329776490684

    def f(x: float, y: float) -> float:
        return math.exp(y) if y <= c else 0.0

    assert_honest(multiple_integral(f, UNIT_SQUARE), math.exp(c) - 1)


def test_volume_of_the_unit_ball() -> None:
    def root(*outer: float) -> float:
        return math.sqrt(max(0.0, 1 - sum(t * t for t in outer)))

    ball = [(-1, 1), (lambda x: -root(x), root), (lambda x, y: -root(x, y), root)]
    result = multiple_integral(lambda x, y, z: 1.0, ball, rel_tol=1e-3)
    assert_honest(result, 4 / 3 * math.pi, rel_tol=1e-3)


def test_reversed_limits_flip_the_sign() -> None:
    forward = multiple_integral(lambda x, y: x + y, UNIT_SQUARE)
    backward = multiple_integral(lambda x, y: x + y, [(1, 0), (0, 1)])
    assert backward.value == -forward.value


def test_one_variable_agrees_with_integrate() -> None:
    result = multiple_integral(math.exp, [(0, 1)])
    assert_honest(result, math.e - 1)


def test_an_empty_region_integrates_to_zero() -> None:
    assert multiple_integral(lambda x, y: 1.0, [(0, 1), (2, 2)]).value == 0.0


def test_budget_is_respected_and_reported() -> None:
    with pytest.raises(ConvergenceError, match="budget of 5000 evaluations ran out") as caught:
        multiple_integral(lambda x, y: 1 / math.sqrt(x + y), UNIT_SQUARE, max_evaluations=5_000)
    assert caught.value.iterations <= 5_000
    assert abs(caught.value.estimate - 4 / 3 * (2 * math.sqrt(2) - 2)) <= caught.value.error


def test_budget_below_one_rule_per_variable() -> None:
    with pytest.raises(ConvergenceError, match=r"before a first estimate.*21\*\*2 = 441"):
        multiple_integral(lambda x, y: x, UNIT_SQUARE, max_evaluations=400)


def test_divergent_integral_is_reported_not_returned() -> None:
    """∫∫ 1/(x + y)² over [0, 1]² diverges (like ∫ 1/x near 0): no value may come back."""
    with pytest.raises(ConvergenceError, match="did not reach the tolerance"):
        multiple_integral(lambda x, y: (x + y) ** -2, UNIT_SQUARE, max_evaluations=50_000)


def test_user_exception_passes_through() -> None:
    def broken(x: float, y: float) -> float:
        raise KeyError("mine")

    with pytest.raises(KeyError, match="mine"):
        multiple_integral(broken, UNIT_SQUARE)


# --------------------------------------------------------------------------------------------
# Bad inputs
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"f": 3}, TypeError, "f must be a callable function, got int"),
        ({"limits": 5}, TypeError, "limits must be a list of"),
        ({"limits": "01"}, TypeError, "limits must be a list of"),
        ({"limits": []}, DomainError, "at least one variable"),
        ({"limits": [(0, 1), 2]}, TypeError, r"limits\[1\] must be a \(low, high\) pair, got int"),
        ({"limits": [(0, 1, 2)]}, DomainError, r"limits\[0\] must be a .* got 3 items"),
        ({"limits": [(0, "1")]}, TypeError, r"high bound of limits\[0\] must be a real number"),
        ({"limits": [(math.nan, 1)]}, DomainError, r"low bound of limits\[0\] must be a number"),
        ({"limits": [(0, lambda: 1)]}, DomainError, "outermost variable has no outer"),
        ({"rel_tol": 0}, DomainError, "rel_tol must be positive"),
        ({"abs_tol": -1e-9}, DomainError, "abs_tol must be positive"),
        ({"rel_tol": "tight"}, TypeError, "rel_tol must be a real number"),
        ({"max_evaluations": 1e6}, TypeError, "max_evaluations must be an int"),
        ({"max_evaluations": 10}, DomainError, "max_evaluations must be an integer ≥ 21"),
    ],
)
def test_multiple_integral_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    arguments: dict[str, object] = {"f": lambda x, y: x * y, "limits": UNIT_SQUARE, **kwargs}
    with pytest.raises(error, match=message):
        multiple_integral(**arguments)  # type: ignore[arg-type]


def test_bad_values_from_f_and_from_bounds() -> None:
    with pytest.raises(DomainError, match=r"the integrand is nan at \(0\.5, "):
        multiple_integral(lambda x, y: math.nan, UNIT_SQUARE)
    with pytest.raises(DomainError, match="the integrand is inf"):
        multiple_integral(lambda x: math.inf, [(0, 1)])
    with pytest.raises(TypeError, match="f must return a real number, got str"):
        multiple_integral(lambda x, y: "1", UNIT_SQUARE)
    with pytest.raises(DomainError, match=r"the high bound of limits\[1\] is NaN at \(0\.5,\)"):
        multiple_integral(lambda x, y: 1.0, [(0, 1), (0, lambda x: math.nan)])
    with pytest.raises(TypeError, match="f must return a real number, got str"):
        multiple_integral(lambda x, y: 1.0, [(0, 1), (0, lambda x: "1")])


# --------------------------------------------------------------------------------------------
# Quasi-random points
# --------------------------------------------------------------------------------------------


def test_sobol_points_are_the_published_ones() -> None:
    """The first ten 3-d points of Joe and Kuo's sequence (Gray-code order)."""
    expected = [
        (0, 0, 0), (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75),
        (0.375, 0.375, 0.625), (0.875, 0.875, 0.125), (0.625, 0.125, 0.875),
        (0.125, 0.625, 0.375), (0.1875, 0.3125, 0.9375), (0.6875, 0.8125, 0.4375),
    ]  # fmt: skip
    assert sobol_points(10, 3) == expected


@pytest.mark.parametrize("m", [4, 7])
def test_sobol_points_form_a_net(m: int) -> None:
    """2ᵐ points in 2 dimensions are a (0, m, 2)-net: each 2⁻ᵃ × 2⁻ᵇ box (a + b = m) holds
    one; and every one of the 32 coordinates alone is a permutation of k/2ᵐ."""
    points = sobol_points(2**m, 32)
    for a in range(m + 1):
        boxes = {(int(p[0] * 2**a), int(p[1] * 2 ** (m - a))) for p in points}
        assert len(boxes) == 2**m
    for j in range(32):
        assert sorted(int(p[j] * 2**m) for p in points) == list(range(2**m))


def test_halton_points() -> None:
    points = halton_points(5, 3)
    assert points[1] == (0.5, 1 / 3, 0.2)
    assert points[4] == (0.125, 4 / 9, 0.8)  # 4 = 100₂ = 11₃ = 4₅
    assert halton_points(0, 2) == []


@pytest.mark.parametrize("make", [sobol_points, halton_points])
def test_point_sets_bad_arguments(make: Callable[[int, int], object]) -> None:
    with pytest.raises(DomainError, match="n must be an integer ≥ 0, got -1"):
        make(-1, 2)
    with pytest.raises(DomainError, match="d must be an integer ≥ 1, got 0"):
        make(4, 0)
    with pytest.raises(TypeError, match="n must be an int, got float"):
        make(4.0, 2)  # type: ignore[arg-type]


def test_sobol_dimension_limit() -> None:
    with pytest.raises(DomainError, match="up to 32 dimensions, got d = 33"):
        sobol_points(4, 33)


# --------------------------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------------------------

SEQUENCES = ("random", "halton", "sobol")
#: value ± z·SE is a 95% interval: z = 1.96 for plain Monte Carlo (normal), and Student's
#: t with 15 degrees of freedom (z = 2.131) for the mean of 16 randomised replicates.
Z95 = {"random": 1.96, "halton": 2.131, "sobol": 2.131}


def smooth_2d(x: float, y: float) -> float:
    return math.exp(x * y)


SMOOTH_2D = math.fsum(1 / (math.factorial(k) * (k + 1) ** 2) for k in range(25))  # Σ 1/(k!(k+1)²)


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_monte_carlo_standard_error_is_honest(sequence: str) -> None:
    """In 200 seeded runs the 95% interval covers the integral 95% of the time: at least 180
    (a binomial tolerance of 3.3 standard deviations) and, so that the standard error is not
    simply inflated, the root-mean-square error is within a factor 1.5 of the typical SE."""
    covered, errors, ses = 0, [], []
    for seed in range(200):
        r = monte_carlo_integral(smooth_2d, UNIT_SQUARE, 256, rng=seed, sequence=sequence)
        covered += abs(r.value - SMOOTH_2D) <= Z95[sequence] * r.standard_error
        errors.append((r.value - SMOOTH_2D) ** 2)
        ses.append(r.standard_error**2)
    assert covered >= 180
    assert 1 / 1.5 <= math.sqrt(sum(errors) / sum(ses)) <= 1.5


def fitted_slope(ns: list[int], errors: list[float]) -> float:
    xs, ys = [math.log(n) for n in ns], [math.log(e) for e in errors]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def test_monte_carlo_error_shrinks_like_one_over_root_n() -> None:
    """The law of large numbers at work: log SE against log n has slope −½."""
    ns = [2**k for k in range(6, 14)]
    ses = [monte_carlo_integral(smooth_2d, UNIT_SQUARE, n, rng=n).standard_error for n in ns]
    assert -0.6 < fitted_slope(ns, ses) < -0.4


def test_quasi_monte_carlo_error_shrinks_faster_than_one_over_root_n() -> None:
    ns = [2**k for k in range(6, 14)]
    for sequence, steepest in (("sobol", -1.0), ("halton", -0.75)):
        ses = [
            monte_carlo_integral(smooth_2d, UNIT_SQUARE, n, rng=n, sequence=sequence).standard_error
            for n in ns
        ]
        assert fitted_slope(ns, ses) < steepest, sequence


def test_sobol_beats_plain_monte_carlo_fivefold_at_4096_points() -> None:
    """The issue's target: randomised Sobol' at least 5× more accurate at n = 2¹²."""
    plain, sobol = [], []
    for seed in range(5):
        plain.append(
            abs(monte_carlo_integral(smooth_2d, UNIT_SQUARE, 4096, rng=seed).value - SMOOTH_2D)
        )
        r = monte_carlo_integral(smooth_2d, UNIT_SQUARE, 4096, rng=seed, sequence="sobol")
        sobol.append(abs(r.value - SMOOTH_2D))
    assert math.sqrt(sum(e * e for e in plain)) >= 5 * math.sqrt(sum(e * e for e in sobol))


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_monte_carlo_is_exact_for_a_constant_and_follows_the_box(sequence: str) -> None:
    r = monte_carlo_integral(
        lambda x, y, z: 2.0, [(0, 1), (0, 2), (3, 0)], 64, rng=1, sequence=sequence
    )
    assert r == MonteCarloResult(-12.0, 0.0, 64)


def test_monte_carlo_same_seed_same_answer() -> None:
    one = monte_carlo_integral(smooth_2d, UNIT_SQUARE, 64, rng=5, sequence="sobol")
    assert one == monte_carlo_integral(
        smooth_2d, UNIT_SQUARE, 64, rng=random.Random(5), sequence="sobol"
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"f": None}, TypeError, "f must be a callable function, got NoneType"),
        ({"limits": [(0, 1), (0, lambda x: x)]}, DomainError, "Monte Carlo needs a box"),
        ({"limits": [(0, math.inf)]}, DomainError, "must be finite for Monte Carlo, got inf"),
        ({"limits": None}, TypeError, "limits must be a list of"),
        ({"n": 1}, DomainError, "n must be an integer ≥ 2, got 1"),
        ({"n": 100.0}, TypeError, "n must be an int, got float"),
        (
            {"n": 100, "sequence": "sobol"},
            DomainError,
            "n must be a multiple of 16 and at least 32",
        ),
        (
            {"n": 16, "sequence": "halton"},
            DomainError,
            "n must be a multiple of 16 and at least 32",
        ),
        ({"rng": "seed"}, TypeError, "rng must be a random.Random, an int seed or None, got str"),
        ({"rng": True}, TypeError, "rng must be a random.Random, an int seed or None, got bool"),
        ({"sequence": "niederreiter"}, DomainError, "sequence must be 'random', 'halton' or"),
        (
            {"f": lambda *x: 1.0, "limits": [(0, 1)] * 33, "sequence": "sobol"},
            DomainError,
            "up to 32",
        ),
        ({"f": lambda x, y: math.inf}, DomainError, "the integrand is inf at"),
        ({"f": lambda x, y: [x]}, TypeError, "f must return a real number, got list"),
    ],
)
def test_monte_carlo_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    arguments: dict[str, object] = {"f": lambda x, y: x, "limits": UNIT_SQUARE, "n": 64, "rng": 0}
    arguments.update(kwargs)
    with pytest.raises(error, match=message):
        monte_carlo_integral(**arguments)  # type: ignore[arg-type]


@settings(max_examples=20)
@given(st.integers(0, 10_000), st.sampled_from(SEQUENCES))
def test_monte_carlo_of_a_linear_function_is_unbiased_within_its_error(
    seed: int, sequence: str
) -> None:
    """∫∫ (x + 2y) over [0, 1]² = 3/2; a wrong volume or a biased sequence fails by far."""
    r = monte_carlo_integral(lambda x, y: x + 2 * y, UNIT_SQUARE, 512, rng=seed, sequence=sequence)
    assert abs(r.value - 1.5) <= 5 * r.standard_error
