"""Tour chapter: automatic differentiation — the chain rule as a machine, forwards and
backwards, exact over the rationals."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from scratchmath.autodiff import (
    Dual,
    Var,
    check_grad,
    grad,
    hessian,
    jacobian,
    jvp,
    logsumexp,
    sigmoid,
)
from scratchmath.calculus import gradient
from scratchmath.matrices import Matrix
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector


def _layer_loss(A: Any) -> Any:
    """L(A) = Σ σ(A x + b)², one layer of a network, for a fixed input x and bias b."""
    h = sigmoid(A @ Vector([1.0, -2.0, 0.5]) + Vector([0.1, -0.2]))
    return (h * h).sum()


def chapter() -> str:
    """The autodiff chapter, computed live.

    >>> "reverse mode" in chapter()
    True
    """
    x, y = Var(3, name="x"), Var(4, name="y")
    z = x * y + x
    z.backward()
    lines = [
        "A computation graph records each step with its local derivative beside its value;",
        "backward() multiplies them along every path and adds the paths (the chain rule).",
        "  z = x·y + x at x = 3, y = 4 (Var, z.backward(), z.graph()):",
        *("    " + line for line in z.graph().splitlines()),
        f"  ∂z/∂x = y + 1 = {x.grad},  ∂z/∂y = x = {y.grad}",
        "",
        "Exact over the rationals: every step of a rational function is rational.",
        f"  grad(x³, 1/3) = {grad(lambda t: t**3, Fraction(1, 3))!r}   (3x² = 1/3)",
        f"  grad((x² + 1)/(x − 2), 1/3) = {grad(_rational, Fraction(1, 3))!r}   (quotient rule)",
        f"  hessian(x²y, (1, 2)) = {hessian(lambda v: v[0] ** 2 * v[1], Vector([1, 2]))!r}",
        "",
        "Forward mode: a dual number a + bε with ε² = 0 carries the derivative along.",
    ]
    d = Dual(3, 1) * Dual(3, 1) + 2 * Dual(3, 1)
    _, tangent = jvp(lambda v: v * v, Vector([1, 2]), Vector([1, 0]))
    lines += [
        f"  (3 + ε)² + 2(3 + ε) = {d.value} + {d.tangent}ε   (y′ = 2x + 2 = 8)",
        f"  jvp(v ⊙ v, (1, 2), e₀) = {tangent!r}   (one column of J)",
        "",
        "Which mode wins: J is m×n; forward mode gives a column per pass, reverse mode a row.",
        "  A loss has m = 1: reverse mode gives all n partial derivatives in one pass.",
    ]
    A = Matrix([[0.5, -1.0, 0.25], [2.0, 0.1, -0.3]])
    same_jacobian = jacobian(_scaled, Vector([1.0, 2.0])) == jacobian(
        _scaled, Vector([1.0, 2.0]), mode="forward"
    )
    by_graph = grad(_layer_loss, A)
    flat = Vector([e for row in A.rows for e in row])
    by_differences = gradient(_plain, flat)
    worst = max(
        abs(a - b)
        for a, b in zip([e for row in by_graph.rows for e in row], by_differences, strict=True)
    )
    lines += [
        "  L(A) = Σ σ(Ax + b)² for a 2×3 matrix A (one layer of a network):",
        "    grad (one backward pass) against Ridders' finite differences (dozens of",
        f"    evaluations per entry): largest difference {worst:.1e}",
        f"    check_grad(L, A) = {check_grad(_layer_loss, A):.1e}   (a wrong rule gives ≈ 1)",
        f"  jacobian of v ↦ v₀·v, reverse == forward: {same_jacobian}",
        "",
        "Numerically careful functions: logsumexp subtracts the largest entry first.",
        f"  logsumexp((1000, 1000)) = {logsumexp(Vector([1000.0, 1000.0]))!r}"
        f"   = 1000 + ln 2 = {1000 + math.log(2)!r}",
        "  although e¹⁰⁰⁰ itself overflows.",
    ]
    return "\n".join(lines)


def _rational(t: Any) -> Any:
    return (t * t + 1) / (t - 2)


def _scaled(v: Any) -> Any:
    return v * v[0]


def _plain(p: Vector) -> float:
    """L at the flattened parameters p, on a constant Var: the same code, no graph kept."""
    A = Var(Matrix([list(p[0:3]), list(p[3:6])]), requires_grad=False)
    return float(_layer_loss(A).value)


CHAPTERS["autodiff"] = ("Automatic differentiation", chapter)
