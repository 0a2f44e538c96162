"""Tour chapter: integration in several variables — volumes, Fubini, the Jacobian's
determinant, and Monte Carlo as the law of large numbers at work."""

from __future__ import annotations

import math

from scratchmath.calculus import monte_carlo_integral, multiple_integral
from scratchmath.tour import CHAPTERS


def chapter() -> str:
    """The integration chapter, computed live.

    >>> "Fubini" in chapter()
    True
    """
    sections = [_volume_and_fubini(), _change_of_variables(), _monte_carlo()]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _volume_and_fubini() -> list[str]:
    square = [(0, 1), (0, 1)]
    xy = multiple_integral(lambda x, y: x * y, square)

    def f(x: float, y: float) -> float:
        return x * math.exp(x * y)

    def root(x: float) -> float:
        return math.sqrt(1 - x * x)

    dy_dx = multiple_integral(f, [(0, 1), (0, 2)])
    dx_dy = multiple_integral(lambda y, x: f(x, y), [(0, 2), (0, 1)])
    disk = multiple_integral(lambda x, y: 1.0, [(-1, 1), (lambda x: -root(x), root)])
    return [
        "A double integral is the volume under a surface z = f(x, y) (multiple_integral):",
        f"  ∫∫ xy over the unit square = {xy.value!r} ± {xy.error:.0e}"
        f" in {xy.evaluations} evaluations (21 × 21)",
        "",
        "Fubini: integrate one variable at a time, in either order.",
        f"  ∫₀¹ ∫₀² x·e^(xy) dy dx = {dy_dx.value:.15f}",
        f"  ∫₀² ∫₀¹ x·e^(xy) dx dy = {dx_dy.value:.15f}",
        f"  (e² − 3)/2             = {(math.exp(2) - 3) / 2:.15f}",
        "  The inner limits may depend on the outer variable: the unit disk is",
        "  −√(1 − x²) ≤ y ≤ √(1 − x²), and integrating 1 over it gives its area.",
        f"  area of the disk = {disk.value!r} ± {disk.error:.0e}"
        f" ({disk.evaluations} evaluations: √(1 − x²) is steep at ±1)",
    ]


def _change_of_variables() -> list[str]:
    polar = multiple_integral(lambda t, r: r, [(0, 2 * math.pi), (0, 1)])
    plane = multiple_integral(lambda x, y: math.exp(-x * x - y * y), [(-math.inf, math.inf)] * 2)
    return [
        "Change of variables: a map T scales small areas by |det J_T|. For polar coordinates",
        "  det J = r, so the disk becomes the rectangle 0 ≤ θ ≤ 2π, 0 ≤ r ≤ 1 with weight r:",
        f"  ∫₀^2π ∫₀¹ r dr dθ = {polar.value!r} in {polar.evaluations} evaluations",
        "  The Gaussian integral, over the whole plane (infinite limits are allowed):",
        f"  ∫∫ e^(−x²−y²) = {plane.value!r};  π = {math.pi!r}",
        "  so ∫ e^(−x²) dx = √π, the constant of the normal density.",
    ]


def _monte_carlo() -> list[str]:
    lines = [
        "Monte Carlo: ∫ over a box = volume × the mean of f at uniform random points. By the",
        "law of large numbers it converges; its error is σ/√n in any dimension.",
        "  The area of the disk as 4 × the fraction of points of [−1, 1]² inside it:",
        f"    {'n':>5}   " + "   ".join(f"{name:15}" for name in ("random", "halton", "sobol")),
    ]
    inside = lambda x, y: 1.0 if x * x + y * y <= 1 else 0.0  # noqa: E731
    for n in (2**8, 2**11, 2**14):
        cells = []
        for sequence in ("random", "halton", "sobol"):
            r = monte_carlo_integral(inside, [(-1, 1), (-1, 1)], n, rng=2026, sequence=sequence)
            cells.append(f"{r.value:.4f} ± {r.standard_error:.4f}")
        lines.append(f"    {n:5d}   " + "   ".join(cells))
    return [
        *lines,
        "  Eight times the points gives random points √8 ≈ 2.8 times less error; the",
        "  quasi-random Halton and Sobol' points fill the square evenly and do better still.",
    ]


CHAPTERS["integration"] = ("Integration in several variables", chapter)
