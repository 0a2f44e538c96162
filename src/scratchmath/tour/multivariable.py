"""Tour chapter: partial derivatives, the gradient, gradient descent, Jacobian and Hessian."""

from __future__ import annotations

import math
from collections.abc import Iterable

from scratchmath.calculus.critical import classify_critical_point
from scratchmath.calculus.descent import gradient_descent
from scratchmath.calculus.multivariable import (
    directional_derivative,
    gradient,
    hessian,
    jacobian,
    partial_derivative,
)
from scratchmath.matrices import Matrix
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Scalar, Vector


def _real(v: Vector) -> list[float]:
    return [float(c.real) for c in v]


def _bowl(v: Vector) -> float:
    x, y = _real(v)
    return (x - 1) ** 2 + 4 * (y + 0.5) ** 2


def _saddle(v: Vector) -> float:
    x, y = _real(v)
    return x * x - y * y


def _sigmoid(t: float) -> float:
    return 1.0 / (1.0 + math.exp(-t))


def _fmt(values: Iterable[Scalar]) -> str:
    return "(" + ", ".join(f"{float(c.real):+.6f}" for c in values) + ")"


def _rounded(H: Matrix) -> list[list[float]]:
    return [[round(float(e.real), 6) for e in row] for row in H.rows]


def chapter() -> str:
    """The multivariable calculus chapter, computed live.

    >>> "gradient descent" in chapter()
    True
    """
    p = [3.0, 1.0]
    lines = [
        "Partial derivatives — freeze all variables but one, and take the slope.",
        "  f(x, y) = (x − 1)² + 4(y + ½)²  at (3, 1):",
        f"  ∂f/∂x = {partial_derivative(_bowl, p, 0):.6f}, "
        f"∂f/∂y = {partial_derivative(_bowl, p, 1):.6f}   (partial_derivative)",
        "",
        "The gradient ∇f stacks them; it points uphill, steepest.",
        f"  ∇f(3, 1) = {_fmt(gradient(_bowl, p))}   (gradient)",
        f"  slope along (1, 0): {directional_derivative(_bowl, p, [1.0, 0.0]):.6f}; along ∇f/‖∇f‖: "
        f"{directional_derivative(_bowl, p, _real(gradient(_bowl, p).normalize())):.6f} = ‖∇f‖"
        "   (directional_derivative)",
        "",
        "So step against it: gradient descent, x ← x − η·∇f(x).",
    ]
    result = gradient_descent(_bowl, p, learning_rate=0.1)
    for k in (0, 1, 2, 3, 5, 10, 20):
        if k < len(result.path):
            point = result.path[k]
            lines.append(f"  step {k:>3}: x = {_fmt(point)}, f = {_bowl(point):.3e}")
    lines.append(f"  converged after {result.steps} steps to {_fmt(result.x)}   (gradient_descent)")
    too_far = gradient_descent(_bowl, p, learning_rate=0.3)
    lines += [
        f"  with η = 0.3 > 2/8 it overshoots: converged = {too_far.converged} ({too_far.reason})",
        "",
        "The total derivative of f: ℝⁿ → ℝᵐ is the Jacobian (rows: gradients of the components).",
        "  A layer of a network, y = σ(Ax + b), has J = diag(σ′(Ax + b))·A (the chain rule):",
    ]
    A, b, x = [[1.0, -2.0], [0.5, 3.0]], [0.1, -0.2], [0.3, 0.4]

    def layer(v: Vector) -> list[float]:
        v0, v1 = _real(v)
        return [_sigmoid(row[0] * v0 + row[1] * v1 + bias) for row, bias in zip(A, b, strict=True)]

    J = jacobian(layer, x)
    z = [row[0] * x[0] + row[1] * x[1] + bias for row, bias in zip(A, b, strict=True)]
    analytic = [
        [_sigmoid(zi) * (1 - _sigmoid(zi)) * a for a in row] for zi, row in zip(z, A, strict=True)
    ]
    for numeric_row, exact_row in zip(J.rows, analytic, strict=True):
        lines.append(f"  numeric {_fmt(numeric_row)}   analytic {_fmt(exact_row)}")
    lines += [
        "",
        "The Hessian holds the second partials; its eigenvalues classify a critical point.",
        f"  bowl at (1, −½): H = {_rounded(hessian(_bowl, [1.0, -0.5]))}"
        f" → {classify_critical_point(_bowl, Vector([1.0, -0.5]))}",
        f"  x² − y² at (0, 0): H = {_rounded(hessian(_saddle, [0.0, 0.0]))}"
        f" → {classify_critical_point(_saddle, Vector([0.0, 0.0]))}",
        "  (hessian, classify_critical_point)",
    ]
    return "\n".join(lines)


CHAPTERS["multivariable"] = (
    "Multivariable calculus: gradient, Jacobian, Hessian, descent",
    chapter,
)
