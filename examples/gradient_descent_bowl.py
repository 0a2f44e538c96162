"""Gradient descent in a bowl: walk downhill, and see why the step size matters.

The bowl is f(x, y) = x² + 10·y², lowest at (0, 0). Its gradient

    ∇f(x, y) = (2x, 20y)

points uphill, steepest; so a small step against it goes downhill. Gradient descent
repeats that step with a fixed learning rate η:

    (x, y) ← (x, y) − η·∇f(x, y) = ((1 − 2η)·x, (1 − 20η)·y).

Each coordinate is multiplied by its own factor every step. Descent converges when both
factors lie strictly between −1 and 1, i.e. when η < 2/L with L = 20 the largest curvature
(the Hessian is diag(2, 20); its largest eigenvalue is L). Then:

* η = 0.01 — safe but slow: x shrinks by only 0.98 per step.
* η = 0.05 — y is killed in one step (1 − 20·0.05 = 0); x shrinks by 0.9 per step.
* η = 0.1 = 2/L — the y factor is exactly −1: y bounces between +1 and −1 forever.
* η = 0.11 > 2/L — the y factor is −1.2: every step overshoots further; it diverges.

The bowl is 10 times steeper along y than along x (condition number 10). The steep
direction limits the step size, and the flat direction then crawls: that is the whole
difficulty of gradient descent, met again in Rosenbrock's valley and in every network.

scratchmath: ``gradient_descent(f, x0, learning_rate=η)`` (the gradient computed
numerically by ``gradient``), ``hessian`` and ``eigh`` for the curvatures.

Run it:  python examples/gradient_descent_bowl.py
"""

from __future__ import annotations

from collections.abc import Sequence

from scratchmath.calculus import gradient, gradient_descent, hessian
from scratchmath.matrices import eigh

START = [4.0, 1.0]


def bowl(v: Sequence[float]) -> float:
    """f(x, y) = x² + 10·y²."""
    x, y = v
    return x * x + 10 * y * y


def main() -> None:
    """Run descent from (4, 1) with four learning rates and print the paths."""
    print("f(x, y) = x² + 10·y², minimum at (0, 0); start at (4, 1).")
    g = gradient(bowl, START)
    print(f"∇f(4, 1) = ({float(g[0]):.6f}, {float(g[1]):.6f})   (gradient; exactly (8, 20))")
    curvatures, _ = eigh(hessian(bowl, START))
    largest = max(curvatures)
    print(f"Hessian eigenvalues: {[round(c, 6) for c in curvatures]}   (hessian, eigh)")
    print(f"so descent converges for η < 2/L = {2 / largest:.4f}")
    print()

    result = gradient_descent(bowl, START, learning_rate=0.05)
    print("η = 0.05, the path:")
    for k, point in enumerate(result.path):
        if k <= 5 or k % 20 == 0 or k == result.steps:
            x, y = (float(c.real) for c in point)
            print(f"  step {k:>3}: (x, y) = ({x:+.6g}, {y:+.6g})   f = {bowl([x, y]):.3e}")
    print(f"  converged: {result.converged} after {result.steps} steps")
    print()

    print("The learning rate decides everything:")
    for rate in (0.01, 0.05, 0.1, 0.11):
        r = gradient_descent(bowl, START, learning_rate=rate, max_steps=2_000)
        x, y = (float(c.real) for c in r.x)
        print(
            f"  η = {rate:<4}: converged = {r.converged!s:<5}  steps = {r.steps:>4}  "
            f"last (x, y) = ({x:+.3g}, {y:+.3g})"
        )
        print(f"             ({r.reason})")


if __name__ == "__main__":
    main()
