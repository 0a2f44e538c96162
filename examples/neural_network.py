"""The destination: a small neural network learns XOR, built from the roadmap's pieces.

The task. XOR of two bits: (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0. No straight
line separates the 1s from the 0s, so no single neuron can learn it; one hidden layer can.

The network (linear algebra). Each layer is an affine map followed by a squashing
function, applied to a vector:

    h = σ(A₁x + b₁)        hidden layer: A₁ is 4×2, b₁ ∈ ℝ⁴, h ∈ ℝ⁴
    p = σ(A₂h + b₂)        output layer: A₂ is 1×4, b₂ ∈ ℝ¹, p ∈ (0, 1)

with the logistic sigmoid σ(z) = 1/(1 + e⁻ᶻ) applied to each component. p is the
network's probability that the answer is 1; it answers 1 when p > ½.

The loss (probability). For one example with label y, the cross-entropy between the true
distribution (one-hot on y) and the predicted one (1 − p, p):

    L = −ln p̂_y = −[y·ln p + (1 − y)·ln(1 − p)],

averaged over the four examples. It is small when the network gives the right answer a
high probability, and large — without bound — when it is confidently wrong.

The gradient (multivariable calculus: the chain rule). Backpropagation is the chain rule
applied from the loss backwards, one layer at a time. With zₗ = Aₗaₗ₋₁ + bₗ, aₗ = σ(zₗ),
a₀ = x and σ′(z) = σ(z)(1 − σ(z)):

    δ₂ = ∂L/∂z₂ = p − y                      (σ and the log cancel neatly)
    δ₁ = ∂L/∂z₁ = (A₂ᵀ δ₂) ⊙ h ⊙ (1 − h)     (back through A₂, then through σ)
    ∂L/∂Aₗ = δₗ aₗ₋₁ᵀ   (an outer product),    ∂L/∂bₗ = δₗ

(⊙ is the component-wise product). scratchmath.autodiff does this bookkeeping: each layer
is a few graph nodes (a matrix product, a broadcast addition, σ), each node knows its local
derivative, and ``loss.backward()`` applies the chain rule through the graph. Before
trusting it, we check it: the gradient with respect to all 17 parameters is compared with
the numerical ``gradient`` of scratchmath.calculus (Ridders' extrapolation), and the
network's Jacobian ∂p/∂x with the numerical ``jacobian``.

Learning (optimisation). Gradient descent on the 17 parameters θ: θ ← θ − η·∇L(θ),
repeated — ``train`` with ``SGD`` over the whole batch of four. The loss falls, and the
four answers become right. For contrast, a network without the hidden layer (one neuron)
is trained too: it stays stuck at loss ln 2.

Everything is scratchmath, and it is the same network the library ships:
``scratchmath.networks`` (``MLP``, ``Sigmoid``, ``binary_cross_entropy``, ``train``),
``scratchmath.optimization.SGD``, and ``gradient``/``jacobian`` from scratchmath.calculus.
examples/iris.py and examples/digits.py take the same parts to real
data.

Run it:  python examples/neural_network.py
"""

from __future__ import annotations

import math
from typing import Any

from scratchmath.autodiff import Var
from scratchmath.calculus import gradient, jacobian
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    Linear,
    Module,
    Sequential,
    Sigmoid,
    accuracy,
    binary_cross_entropy,
    predict,
    train,
    xor,
)
from scratchmath.optimization import SGD
from scratchmath.vectors import Vector

SEED = 3
SIZES = [2, 4, 1]
LEARNING_RATE = 2.0
STEPS = 1_000
REPORT_AT = (0, 25, 50, 75, 100, 150, 200, 300, 500, 1_000)


def network(sizes: list[int], seed: int) -> Module:
    """Layers σ(Ax + b) of the given sizes, ending in a probability p = σ(…)."""
    return Sequential(MLP(sizes, activation="sigmoid", rng=seed), Sigmoid())


def flat(value: Any) -> list[float]:
    return [
        float(x) for x in (value if isinstance(value, Vector) else (e for r in value for e in r))
    ]


def parameter_gradient_gap(model: Module, X: Matrix, y: list[int]) -> float:
    """The largest |backpropagation − numerical| over every parameter of the loss."""
    params = model.parameters()
    for p in params:
        p.grad = None
    binary_cross_entropy(model(X), y).backward()
    backprop = [g for p in params for g in flat(p.grad)]
    saved = [p.value for p in params]

    def loss_at(theta: Vector) -> float:
        entries = list(theta)
        for p, old in zip(params, saved, strict=True):
            size = len(flat(old))
            chunk, entries = entries[:size], entries[size:]
            if isinstance(old, Matrix):
                n = old.shape[1]
                p.value = Matrix([chunk[i : i + n] for i in range(0, size, n)])
            else:
                p.value = Vector(chunk)
        value = float(binary_cross_entropy(model(X), y).value)
        for p, old in zip(params, saved, strict=True):
            p.value = old
        return value

    numeric = gradient(loss_at, Vector([x for old in saved for x in flat(old)]))
    return max(abs(a - b) for a, b in zip(backprop, numeric, strict=True))


def check_gradients(model: Module, X: Matrix, y: list[int]) -> None:
    """Backpropagation against the numerical gradient and Jacobian of scratchmath.calculus."""
    count = sum(len(flat(p.value)) for p in model.parameters())
    gap = parameter_gradient_gap(model, X, y)
    print(f"∇L over all {count} parameters: largest |backprop − numerical| = {gap:.1e}")
    print("  (gradient from scratchmath.calculus)")

    x = Var(Vector([0.0, 1.0]))
    model(x).sum().backward()
    chain = flat(x.grad)
    numeric = flat(jacobian(lambda v: model(Vector(v)).value, Vector([0.0, 1.0]))[0])
    gap_J = max(abs(a - b) for a, b in zip(chain, numeric, strict=True))
    print(f"∂p/∂x at x = (0, 1): chain rule {[round(c, 6) for c in chain]}")
    print(f"                     numerical  {[round(c, 6) for c in numeric]}")
    print(f"  largest gap {gap_J:.1e}   (jacobian from scratchmath.calculus)")


def descend(
    model: Module, X: Matrix, y: list[int], steps: int, report_at: tuple[int, ...] = ()
) -> None:
    """Full-batch gradient descent θ ← θ − η·∇L(θ), reporting the loss at some steps."""
    optimizer = SGD(model.parameters(), lr=LEARNING_RATE)
    done = 0
    for stop in sorted({*report_at, steps}):
        if stop > done:
            train(model, X, y, loss=binary_cross_entropy, optimizer=optimizer, epochs=stop - done,
                  batch_size=len(y), rng=SEED, progress=False)  # fmt: skip
            done = stop
        if stop in report_at:
            loss = binary_cross_entropy(model(X), y).value
            print(f"  step {stop:>5}: loss {loss:.6f}   accuracy {accuracy(model, X, y):.2f}")


def main() -> None:
    """Build, check, train and test the XOR network."""
    data = xor()
    X, y = data.X, list(data.y)
    model = network(SIZES, SEED)
    print(f"A {'-'.join(map(str, SIZES))} network of layers σ(Ax + b), seed {SEED}, on XOR.")
    print()
    print("1. Check backpropagation before trusting it:")
    check_gradients(model, X, y)
    print()
    print(f"2. Train by gradient descent, η = {LEARNING_RATE}, {STEPS} steps:")
    descend(model, X, y, STEPS, REPORT_AT)
    print()
    print("3. What it learned:")
    for x, label in zip(X, y, strict=True):
        p = model(x).value[0]
        print(f"  x = {flat(x)}  label {label}   p = {p:.4f}  → predicts {predict(model, x)}")
    print(f"final loss {binary_cross_entropy(model(X), y).value:.4f}")
    print(f"final accuracy {accuracy(model, X, y)}")
    print()
    single = Sequential(Linear(2, 1, rng=SEED), Sigmoid())
    descend(single, X, y, 500)
    print("4. Without the hidden layer, one neuron σ(a·x + b) cannot draw XOR's boundary:")
    print(
        f"  a 2-1 network after 500 steps: loss {binary_cross_entropy(single(X), y).value:.4f}"
        f" (ln 2 = {math.log(2):.4f}), accuracy {accuracy(single, X, y)}"
    )


if __name__ == "__main__":
    main()
