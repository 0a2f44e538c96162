"""Tour chapter: gradient descent and its tricks — momentum, Adam, Newton, BFGS."""

from __future__ import annotations

from fractions import Fraction

from scratchmath.autodiff import Var
from scratchmath.optimization import Adam, minimize
from scratchmath.optimization.test_functions import rosenbrock
from scratchmath.scalars import to_float
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector

START = Vector([-1.2, 1.0])


def _distance(p: Vector) -> float:
    return max(abs(to_float(p[0]) - 1), abs(to_float(p[1]) - 1))


def _learning_rate_lines() -> list[str]:
    def quadratic(x: object) -> object:
        return 5 * x * x  # type: ignore[operator]

    lines = ["Gradient descent on f(x) = 5x² (curvature L = 10): x ← x − η·10x = (1 − 10η)·x."]
    for lr in (Fraction(1, 20), Fraction(3, 10)):
        path = minimize(quadratic, Fraction(1), method="gd", lr=lr, max_steps=4).path
        shown = ", ".join(str(p) for p in path)
        lines.append(f"  η = {lr}: x = {shown}")
    lines.append("  η < 2/L shrinks the error, η > 2/L blows it up — exactly, over the rationals.")
    return lines


def _race_lines() -> list[str]:
    lines = [
        "",
        "Rosenbrock's valley, from (−1.2, 1) to its minimum (1, 1): distance after 500 steps.",
    ]
    for method, lr in (("gd", 0.0015), ("momentum", 0.001), ("adam", 0.2)):
        r = minimize(rosenbrock, START, method=method, lr=lr, max_steps=500)
        lines.append(f"  {method:<9} η = {lr:<7} distance {_distance(r.x):.1e}")
    for method in ("newton", "bfgs"):
        r = minimize(rosenbrock, START, method=method)
        lines.append(
            f"  {method:<9} line search   distance {_distance(r.x):.1e} after {r.steps} steps"
        )
    lines.append("  Momentum adds up the steady pull along the valley floor; Adam scales each")
    lines.append("  coordinate by its own slopes; Newton and BFGS use (estimated) curvature.")
    return lines


def _adam_lines() -> list[str]:
    w = Var(Vector([0.0, 0.0]))
    opt = Adam([w], lr=0.1)
    w.grad = Vector([1e6, -1e-3])
    opt.step()
    moved = ", ".join(f"{c:+.4f}" for c in w.value)
    return [
        "",
        "Adam's bias correction: m and v start at 0, so they are divided by 1 − βᵗ.",
        f"  first step with gradients 1e6 and −1e-3: θ moves to ({moved}) — about α = 0.1",
        "  in each coordinate, whatever the scale of the slope.  (Adam)",
    ]


def chapter() -> str:
    """The optimisation chapter, computed live.

    >>> "bias correction" in chapter()
    True
    """
    return "\n".join([*_learning_rate_lines(), *_race_lines(), *_adam_lines()])


CHAPTERS["optimization"] = ("Optimisation: gradient descent, momentum, Adam, Newton, BFGS", chapter)
