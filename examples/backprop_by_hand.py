"""Backpropagation by hand, then by machine: the same gradient, to the last digit.

The network. Two layers on an input x ∈ ℝ², with a target t:

    z = W x + b          hidden pre-activation: W is 3×2, b ∈ ℝ³
    h = relu(z)          relu(z) = max(z, 0), entry by entry
    y = v·h + c          the output, a number: v ∈ ℝ³, c ∈ ℝ
    L = ½ (y − t)²       the squared error

The gradient by hand (the chain rule, from L back to each parameter). Write δ for the
derivative of L with respect to a quantity:

    δy = ∂L/∂y = y − t
    ∂L/∂v = δy · h         ∂L/∂c = δy
    δh = δy · v            (y = v·h is linear in h)
    δz = δh ⊙ step(z)      relu′(z) = 1 where z > 0, else 0
    ∂L/∂W = δz xᵀ          (an outer product)    ∂L/∂b = δz

By machine. The same network written with ``scratchmath.autodiff.Var`` records a graph of
six nodes (one per operation on a whole array), and ``loss.backward()`` fills ``.grad`` of
W, b, v and c. Every step — products, sums, relu — is rational, so with ``Fraction``
parameters both gradients are exact rational numbers, and they must be *equal*, not close.
That is the strongest check a hand derivation can get.

Then the same with σ (the logistic function) instead of relu, in floats: now the two agree
to rounding, and ``check_grad`` confirms the machine against finite differences. A
deliberately wrong hand rule (forgetting σ′) is caught at once.

Run it:  python examples/backprop_by_hand.py
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from scratchmath import autodiff as ad
from scratchmath.autodiff import Var
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

X = Vector([Fraction(1, 2), Fraction(-3, 4)])
TARGET = Fraction(1)
W0 = Matrix([[1, Fraction(-1, 2)], [Fraction(1, 3), -2], [-1, Fraction(1, 4)]])
B0 = Vector([0, Fraction(-1, 2), Fraction(1, 5)])
V0 = Vector([Fraction(2, 3), -1, Fraction(1, 2)])
C0 = Fraction(1, 10)


def outer(u: Vector, w: Vector) -> Matrix:
    """u wᵀ, the m×n matrix of products uᵢwⱼ."""
    return Matrix.from_columns([u]) @ Matrix.from_rows([w])


def by_hand(activation: str) -> dict[str, Any]:
    """The gradient of L with respect to W, b, v and c, from the formulas in the docstring."""
    z = W0 @ X + B0
    if activation == "relu":
        h = Vector([max(zi, 0) for zi in z])
        slope = Vector([1 if zi > 0 else 0 for zi in z])
    else:
        h = Vector([1 / (1 + math.exp(-zi)) for zi in z])
        slope = Vector([hi * (1 - hi) for hi in h])  # σ′ = σ(1 − σ)
    y = V0 @ h + C0
    dy = y - TARGET
    dz = (dy * V0).hadamard(slope)
    return {"W": outer(dz, X), "b": dz, "v": h.map(lambda hi: dy * hi), "c": dy}


def by_machine(activation: str) -> dict[str, Any]:
    """The same gradient from the graph: write the forward pass, call backward()."""
    W, b, v, c = Var(W0, name="W"), Var(B0, name="b"), Var(V0, name="v"), Var(C0, name="c")
    z = W @ X + b
    h = ad.relu(z) if activation == "relu" else ad.sigmoid(z)
    y = v @ h + c
    loss = (y - TARGET) ** 2 / 2
    loss.backward()
    return {"W": W.grad, "b": b.grad, "v": v.grad, "c": c.grad}


def loss_of_W(W: Any) -> Any:
    """L as a function of W alone (the others fixed), with σ: for check_grad."""
    y = V0 @ ad.sigmoid(W @ X + B0) + C0
    return (y - TARGET) ** 2 / 2


def main() -> None:
    print("Two layers, relu, Fraction parameters: the gradient by hand and by autodiff.")
    hand, machine = by_hand("relu"), by_machine("relu")
    for name in ("W", "b", "v", "c"):
        print(f"  ∂L/∂{name} by hand:      {hand[name]!r}")
        print(f"  ∂L/∂{name} by autodiff:  {machine[name]!r}")
    same = all(hand[name] == machine[name] for name in hand)
    print(f"Equal exactly, every entry a rational number: {same}")
    print()
    print("The same network with σ, in floats:")
    hand, machine = by_hand("sigmoid"), by_machine("sigmoid")
    worst = max(
        abs(a - b)
        for a, b in zip(
            [e for row in hand["W"].rows for e in row],
            [e for row in machine["W"].rows for e in row],
            strict=True,
        )
    )
    print(f"  largest difference in ∂L/∂W, hand vs autodiff: {worst:.1e} (rounding)")
    agreement = ad.check_grad(loss_of_W, W0)
    print(f"  check_grad(L, W) against Ridders' finite differences: {agreement:.1e}")
    print("A hand rule that forgets σ′ (uses δz = δh):")
    z = W0 @ X + B0
    h = Vector([1 / (1 + math.exp(-zi)) for zi in z])
    dy = V0 @ h + C0 - TARGET
    wrong = outer(dy * V0, X)
    error = max(
        abs(a - b)
        for a, b in zip(
            [e for row in wrong.rows for e in row],
            [e for row in machine["W"].rows for e in row],
            strict=True,
        )
    )
    print(f"  largest difference from autodiff: {error:.2f} — the mistake shows at once.")


if __name__ == "__main__":
    main()
