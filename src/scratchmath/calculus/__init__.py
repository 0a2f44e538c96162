"""Calculus (layer 3): derivatives, roots and critical points, integrals, several variables.

=============================  ===============================================================
``difference_quotient``        the definition of the derivative: (f(x + h) − f(x)) / h
``derivative``                 f⁽ⁿ⁾(x) by Richardson-extrapolated central differences
``second_derivative``          f″(x)
``tangent_line``               L(x) = f(x₀) + f′(x₀)·(x − x₀), as a callable
``find_root``                  a root of f in a sign-changing bracket (Brent's method)
``newton``                     a root of f by Newton's iteration
``critical_points``            the x in [a, b] with f′(x) = 0, sorted
``classify_critical_point``    minimum, maximum, saddle or inconclusive
``hessian_determinant_test``   the same in two variables, by D = f_xx·f_yy − f_xy²
``riemann_sum``                Σ f(ξᵢ)·Δx, left, right or midpoint
``trapezoid``                  the trapezoid rule
``simpson``                    Simpson's rule
``IntegrationResult``          (value, error, evaluations)
``integrate_with_error``       ∫ₐᵇ f with an error estimate (adaptive Gauss–Kronrod)
``integrate``                  ∫ₐᵇ f as a float; a or b may be ±∞
``antiderivative``             F(x) = ∫ₐˣ f, as a callable
``multiple_integral``          ∫…∫ f over a region with variable bounds (iterated Gauss–Kronrod)
``MonteCarloResult``           (value, standard_error, n)
``monte_carlo_integral``       ∫ f over a box by (quasi-)Monte Carlo, with a standard error
``halton_points``              the Halton sequence in [0, 1)ᵈ
``sobol_points``               Sobol's sequence in [0, 1)ᵈ
``partial_derivative``         ∂f/∂xᵢ: the slope along one axis
``gradient``                   ∇f(x), the direction of steepest ascent
``directional_derivative``     D_v f(x) = ∇f(x)·v
``jacobian``                   J f(x), m×n: the total derivative of f: ℝⁿ → ℝᵐ
``hessian``                    H f(x): the symmetric matrix of second partials
``tangent_plane``              T(x) = f(x₀) + ∇f(x₀)·(x − x₀), as a callable
``gradient_descent``           x ← x − η·∇f(x) until ‖∇f‖ ≤ tol
``DescentResult``              (x, value, steps, converged, path, reason)
=============================  ===============================================================

The roadmap's single-variable story in four lines — a slope, a flat point, an area, and the
theorem that ties slopes to areas:

>>> import math
>>> round(derivative(math.sin, 0.0), 12)                       # cos 0
1.0
>>> round(find_root(math.cos, 0.0, 3.0), 12)                   # where the slope of sin is 0
1.570796326795
>>> round(integrate(math.cos, 0.0, math.pi / 2), 12)           # ∫ sin′ = sin(π/2) − sin 0
1.0
"""

from __future__ import annotations

from scratchmath.calculus.critical import (
    classify_critical_point,
    critical_points,
    hessian_determinant_test,
)
from scratchmath.calculus.derivatives import (
    derivative,
    difference_quotient,
    second_derivative,
    tangent_line,
)
from scratchmath.calculus.descent import DescentResult, gradient_descent
from scratchmath.calculus.integrals import (
    IntegrationResult,
    antiderivative,
    integrate,
    integrate_with_error,
    riemann_sum,
    simpson,
    trapezoid,
)
from scratchmath.calculus.multiple import (
    MonteCarloResult,
    halton_points,
    monte_carlo_integral,
    multiple_integral,
    sobol_points,
)
from scratchmath.calculus.multivariable import (
    directional_derivative,
    gradient,
    hessian,
    jacobian,
    partial_derivative,
    tangent_plane,
)
from scratchmath.calculus.roots import find_root, newton

__all__ = [
    "DescentResult",
    "IntegrationResult",
    "MonteCarloResult",
    "antiderivative",
    "classify_critical_point",
    "critical_points",
    "derivative",
    "difference_quotient",
    "directional_derivative",
    "find_root",
    "gradient",
    "gradient_descent",
    "halton_points",
    "hessian",
    "hessian_determinant_test",
    "integrate",
    "integrate_with_error",
    "jacobian",
    "monte_carlo_integral",
    "multiple_integral",
    "newton",
    "partial_derivative",
    "riemann_sum",
    "second_derivative",
    "simpson",
    "sobol_points",
    "tangent_line",
    "tangent_plane",
    "trapezoid",
]
