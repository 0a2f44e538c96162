"""Tour chapter: the calculus of one variable — slopes, flat points, areas, and the theorem
that joins them."""

from __future__ import annotations

import math

from scratchmath.calculus import (
    antiderivative,
    classify_critical_point,
    critical_points,
    derivative,
    difference_quotient,
    find_root,
    integrate_with_error,
    riemann_sum,
    simpson,
    trapezoid,
)
from scratchmath.tour import CHAPTERS


def chapter() -> str:
    """The calculus chapter, computed live.

    >>> "fundamental theorem" in chapter()
    True
    """
    sections = [
        _derivative(),
        _chain_rule(),
        _critical_points(),
        _integral(),
        _fundamental_theorem(),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _derivative() -> list[str]:
    square = lambda x: x * x  # noqa: E731
    lines = [
        "The derivative is the limit of the difference quotient (f(x+h) − f(x))/h.",
        "  For f(x) = x² at x = 1 the chords' slopes are 2 + h:",
    ]
    for h in (0.1, 0.001, 1e-5, 1e-9, 1e-13):
        q = difference_quotient(square, 1.0, h)
        lines.append(f"    h = {h:<7g} slope {q:.15f}   error {abs(q - 2):.1e}")
    return [
        *lines,
        "  The error first falls with h, then rounding takes over. derivative() instead",
        "  extrapolates central differences to h = 0 (Richardson/Ridders):",
        f"    derivative(x², 1) = {derivative(square, 1.0)!r}",
        f"    derivative(sin, 1) − cos 1 = {derivative(math.sin, 1.0) - math.cos(1.0):.1e}",
        f"    derivative(log, 1e-8) = {derivative(math.log, 1e-8):.15g}   (the step follows |x|)",
    ]


def _chain_rule() -> list[str]:
    return [
        "The chain rule: (f∘g)′(x) = f′(g(x))·g′(x). For sin(x²) at x = 1.5:",
        f"    derivative(sin(x²), 1.5) = {derivative(lambda x: math.sin(x * x), 1.5):.15f}",
        f"    cos(1.5²)·2·1.5          = {math.cos(2.25) * 3.0:.15f}",
    ]


def _critical_points() -> list[str]:
    lines = ["Critical points: f′(c) = 0. For f(x) = x³ − 3x on [−3, 3] (critical_points):"]
    cubic = lambda x: x**3 - 3 * x  # noqa: E731
    for c in critical_points(cubic, -3.0, 3.0):
        kind = classify_critical_point(cubic, c)
        f2 = derivative(cubic, c, n=2)
        lines.append(f"    c = {c:+.12f}   f″(c) = {f2:+.6f}   → {kind}")
    return [
        *lines,
        "  Not every flat point is an extremum: x³ at 0 has f′ = 0 and f″ = 0, and the",
        f"  second-derivative test says {classify_critical_point(lambda x: x**3, 0.0)!r}"
        " (classify_critical_point).",
        f"  Brent's method finds where cos = 0 in [0, 3]: {find_root(math.cos, 0.0, 3.0)!r}"
        " (find_root)",
    ]


def _integral() -> list[str]:
    lines = [
        "The integral is the signed area: the limit of Riemann sums Σ f(ξᵢ)Δx.",
        "  ∫₀¹ eˣ dx = e − 1 = 1.718281828459045…; errors with n pieces:",
        "       n   left sum    midpoint   trapezoid   Simpson",
    ]
    exact = math.e - 1
    for n in (4, 8, 16, 32):
        errors = [
            riemann_sum(math.exp, 0.0, 1.0, n, "left") - exact,
            riemann_sum(math.exp, 0.0, 1.0, n) - exact,
            trapezoid(math.exp, 0.0, 1.0, n) - exact,
            simpson(math.exp, 0.0, 1.0, n) - exact,
        ]
        lines.append(f"    {n:4d}  " + "  ".join(f"{e:+.2e}" for e in errors))
    lines.append("  Doubling n halves the left-sum error, quarters the midpoint and trapezoid")
    lines.append("  errors, and divides Simpson's by 16.")
    signed = integrate_with_error(math.sin, 0.0, 2 * math.pi)
    singular = integrate_with_error(lambda x: 1 / math.sqrt(x), 0.0, 1.0)
    gauss = integrate_with_error(lambda x: math.exp(-x * x), -math.inf, math.inf)
    return [
        *lines,
        "  integrate_with_error (adaptive Gauss–Kronrod with extrapolation):",
        f"    ∫ sin over [0, 2π] = {signed.value:+.1e}: the areas above and below the axis cancel",
        f"    ∫₀¹ 1/√x = {singular.value!r} ± {singular.error:.0e} in {singular.evaluations}"
        " evaluations (a singularity at 0)",
        f"    ∫ e^(−x²) over ℝ = {gauss.value!r}; √π = {math.sqrt(math.pi)!r}",
    ]


def _fundamental_theorem() -> list[str]:
    big_f = antiderivative(math.cos, 0.0)
    return [
        "The fundamental theorem of calculus: F(x) = ∫ₐˣ f has F′ = f, and ∫ₐᵇ f′ = f(b) − f(a).",
        f"    F = antiderivative(cos, 0): F(π/2) = {big_f(math.pi / 2)!r}  (= sin(π/2) = 1)",
        f"    derivative(F, 1) = {derivative(big_f, 1.0):.12f};  cos 1 = {math.cos(1.0):.12f}",
    ]


CHAPTERS["calculus"] = ("Calculus of one variable", chapter)
