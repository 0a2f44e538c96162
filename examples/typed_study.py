"""A typed study script: what a learner writes, checked by ``mypy --strict`` with no casts.

Every result below is assigned to an annotated variable, so the type checker confirms what
the docs promise: a float vector gives float numbers (``Vector[float]``), an exact one gives
exact numbers (``Vector[Fraction]``), a norm or a square root is always a float, and the
calculus and probability layers take and return plain floats.

scratchmath: ``Vector``, ``Matrix``, ``det``, ``solve``, ``inverse``, ``derivative``,
``gradient``, ``gradient_descent``, ``Normal``, ``expectation`` and autodiff's ``Var``.

Run it:  python examples/typed_study.py
Check it:  mypy --strict examples/typed_study.py
"""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath import (
    Matrix,
    Normal,
    Var,
    Vector,
    derivative,
    det,
    expectation,
    gradient,
    gradient_descent,
    inverse,
    solve,
)
from scratchmath.calculus import DescentResult


def bowl(p: Vector[float]) -> float:
    """f(x, y) = x² + 10·y², lowest at (0, 0)."""
    return p[0] ** 2 + 10.0 * p[1] ** 2


def main() -> None:
    # Linear algebra over floats: every number that comes out is a float.
    v: Vector[float] = Vector([1.0, 2.0])
    w: Vector[float] = Vector([3.0, -1.0])
    A: Matrix[float] = Matrix([[2.0, 1.0], [1.0, 3.0]])
    dot: float = v @ w
    length: float = v.norm()
    size: float = abs(v)
    first: float = v[0] + 1.0
    image: Vector[float] = A @ v
    entry: float = A[0, 1]
    row: Vector[float] = A[1]
    d: float = det(A)
    x: Vector[float] = solve(A, v)
    A_inv: Matrix[float] = inverse(A)
    moved: Vector[float] = 2.0 * v + w / 2.0
    print(f"v·w = {dot}, ‖v‖ = {length:.6f} = |v| = {size:.6f}, v₀ + 1 = {first}")
    print(f"A v = {image}, A₀₁ = {entry}, row 1 = {row}, 2v + w/2 = {moved}")
    print(f"det A = {d:.6f}; A x = v for x = {x:.6f}; A⁻¹ = {A_inv.tolist()}")
    print(f"A x == v: {(A @ x).isclose(v)}")

    # The same over the rationals: every number stays an exact Fraction.
    h = Fraction(1, 2)
    H: Matrix[Fraction] = Matrix([[h, Fraction(1, 3)], [Fraction(1, 3), Fraction(1, 4)]])
    b: Vector[Fraction] = Vector([Fraction(1), Fraction(0)])
    exact_det: Fraction = det(H)
    exact_x: Vector[Fraction] = solve(H, b)
    exact_inv: Matrix[Fraction] = inverse(H)
    exact_dot: Fraction = b @ exact_x
    exact_norm: float = b.norm()  # a square root: a float even for exact vectors
    print(f"det H = {exact_det}; H x = e₀ for x = {exact_x}; ⟨e₀, x⟩ = {exact_dot}")
    print(f"H⁻¹ = {exact_inv.tolist()}; ‖e₀‖ = {exact_norm}")
    print(f"H x == b exactly: {H @ exact_x == b}")

    # Calculus: functions of floats in, floats out.
    slope: float = derivative(math.sin, 1.0)
    g: Vector[float] = gradient(lambda p: p[0] ** 2 + p[1] ** 2, [1.0, 2.0])
    g_bowl: Vector[float] = gradient(bowl, [1.0, 1.0])
    print(f"sin′(1) = {slope:.12f} (cos 1 = {math.cos(1.0):.12f})")
    print(f"∇(x² + y²) at (1, 2) = {g:.6f}; ∇bowl at (1, 1) = {g_bowl:.6f}")
    result: DescentResult = gradient_descent(bowl, [3.0, 1.0], learning_rate=0.05)
    end: Vector[float] = result.x
    print(f"gradient descent on the bowl: converged = {result.converged}, x = {end:.4f}")

    # Probability: a distribution's moments are floats.
    N = Normal(0, 1)
    shifted: float = N.mean() + 1.0
    second_moment: float = expectation(N, lambda t: t * t)
    print(f"E[X] + 1 = {shifted}; E[X²] = {second_moment:.10f}")

    # Autodiff: the gradient of x·y + x² at (3, 4) is (y + 2x, x) = (10, 3), exactly.
    xv, yv = Var(3), Var(4)
    z = xv * yv + xv**2
    z.backward()
    print(f"z = {z.value}; ∂z/∂x = {xv.grad}, ∂z/∂y = {yv.grad}")


if __name__ == "__main__":
    main()
