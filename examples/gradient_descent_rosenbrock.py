"""Gradient descent in Rosenbrock's banana valley: why a step size is hard to choose.

Rosenbrock's function

    f(x, y) = (1 − x)² + 100·(y − x²)²

has its minimum f = 0 at (1, 1), at the bottom of a long, curved, flat-floored valley
along the parabola y = x². Its gradient is

    ∇f(x, y) = (−2(1 − x) − 400·x·(y − x²),  200·(y − x²)).

The walls of the valley are steep (curvature ≈ 1000 across it) and its floor is nearly
flat (curvature ≈ 0.4 along it): near (1, 1) the Hessian's eigenvalues are about 1001.6
and 0.4, a condition number of about 2500. So:

* the learning rate must stay below 2/1001.6 ≈ 0.002, or the iterates bounce from wall
  to wall and blow up (η = 0.01 diverges to infinity within a few steps);
* at η = 0.002, just above that limit, descent reaches the valley and walks down it, but
  cannot settle at the bottom: near (1, 1) the bounce across the valley grows by a factor
  |1 − 0.002·1001.6| ≈ 1.003 a step, until ``gradient_descent`` sees f rising and stops;
* at η = 0.001 it converges — but the steps along the flat floor are tiny (η·0.4 of the
  remaining distance each), so it takes tens of thousands of steps.

This is the everyday problem of training networks, whose losses are full of such valleys;
momentum, Adam and Newton-like methods (which use the Hessian) exist to fix it.

scratchmath: ``gradient_descent(f, x0, learning_rate=η, grad=∇f, max_steps=…)`` with the
exact gradient (tens of thousands of steps would be slow with numerical gradients, and the
numerical ``gradient`` agrees with it: printed below), the Hessian by hand and by
``hessian``, and ``eigh`` for its eigenvalues.

Run it:  python examples/gradient_descent_rosenbrock.py
"""

from __future__ import annotations

from collections.abc import Sequence

from scratchmath.calculus import gradient, gradient_descent, hessian
from scratchmath.matrices import Matrix, eigh

START = [-1.2, 1.0]  # the classical starting point, on the far side of the valley


def rosenbrock(v: Sequence[float]) -> float:
    """f(x, y) = (1 − x)² + 100·(y − x²)²  (products, not **, so a blow-up gives inf)."""
    x, y = v
    a, b = 1 - x, y - x * x
    return a * a + 100 * b * b


def rosenbrock_gradient(v: Sequence[float]) -> list[float]:
    """∇f(x, y) = (−2(1 − x) − 400·x·(y − x²), 200·(y − x²)), by hand."""
    x, y = v
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


def rosenbrock_hessian(v: Sequence[float]) -> Matrix:
    """H f(x, y) = [[1200x² − 400y + 2, −400x], [−400x, 200]], by hand."""
    x, y = v
    return Matrix([[1200 * x * x - 400 * y + 2, -400 * x], [-400 * x, 200]])


def _point(v: Sequence[float]) -> str:
    return "(" + ", ".join(f"{c:+.6g}" for c in v) + ")"


def main() -> None:
    """Descend from (−1.2, 1) with three learning rates and print what happens."""
    print("Rosenbrock: f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1); start (−1.2, 1).")
    numeric = [float(c.real) for c in gradient(rosenbrock, START)]
    print(f"∇f(−1.2, 1): by hand {_point(rosenbrock_gradient(START))}")
    print(f"             numerically {_point(numeric)}   (gradient)")
    by_hand = rosenbrock_hessian([1.0, 1.0])
    numeric_H = hessian(rosenbrock, [1.0, 1.0])
    gap = max(
        abs(float((exact - approx).real))
        for row, approx_row in zip(by_hand.rows, numeric_H.rows, strict=True)
        for exact, approx in zip(row, approx_row, strict=True)
    )
    print("Hessian at (1, 1): by hand [[802, −400], [−400, 200]]; largest gap to the")
    print(f"  numerical one {gap:.1e}   (hessian)")
    curvatures, _ = eigh(by_hand)
    low, high = min(curvatures), max(curvatures)
    print(
        f"Hessian eigenvalues at (1, 1): {low:.4f} and {high:.4f}   (eigh of the Hessian); "
        f"condition {high / low:.0f}"
    )
    print(f"so η must stay below 2/{high:.1f} = {2 / high:.6f}")
    print()

    for rate, steps in ((0.01, 1_000), (0.002, 40_000), (0.001, 40_000)):
        r = gradient_descent(
            rosenbrock,
            START,
            learning_rate=rate,
            grad=rosenbrock_gradient,
            tol=1e-6,
            max_steps=steps,
        )
        print(f"η = {rate}: {r.reason}")
        marks = [k for k in (0, 1, 2, 3, 10, 100, 1_000, 10_000, 20_000, 30_000) if k < r.steps]
        for k in [*marks, r.steps]:
            point = [float(c.real) for c in r.path[k]]
            print(f"  step {k:>6}: (x, y) = {_point(point)}   f = {rosenbrock(point):.3e}")
        print(f"  η = {rate}: converged = {r.converged} after {r.steps} steps")
        print()


if __name__ == "__main__":
    main()
