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

(⊙ is the component-wise product). Before trusting it, we check it: the gradient of the
loss with respect to all 17 parameters is compared with the numerical ``gradient`` from
scratchmath.calculus, and the network's Jacobian ∂p/∂x from the chain rule,
J = diag(σ′(z₂))·A₂·diag(σ′(z₁))·A₁, with the numerical ``jacobian``.

Learning (optimisation). Gradient descent on the 17 parameters θ: θ ← θ − η·∇L(θ),
repeated. The loss falls, and the four answers become right. For contrast, a network
without the hidden layer (one neuron) is trained too: it stays stuck at loss ln 2.

Everything is scratchmath: ``Vector`` and ``Matrix`` arithmetic (``A @ x``, ``A.T``,
``Matrix.from_columns``/``from_rows`` for outer products, ``Matrix.diagonal``),
``cross_entropy_loss`` (probability), ``gradient`` and ``jacobian`` (calculus).
The reusable part — Layer, Network, backpropagate, train — is in this file.

Run it:  python examples/neural_network.py
"""

from __future__ import annotations

import itertools
import math
import operator
import random
from collections.abc import Sequence
from dataclasses import dataclass

from scratchmath.calculus import gradient, jacobian
from scratchmath.matrices import Matrix
from scratchmath.probability import cross_entropy_loss
from scratchmath.vectors import Vector

#: The XOR task: (input, label).
XOR: list[tuple[Vector, int]] = [
    (Vector([0.0, 0.0]), 0),
    (Vector([0.0, 1.0]), 1),
    (Vector([1.0, 0.0]), 1),
    (Vector([1.0, 1.0]), 0),
]


# ----------------------------------------------------------------------------------------
# The pieces: σ, the component-wise product, the outer product.
# ----------------------------------------------------------------------------------------


def sigmoid(z: float) -> float:
    """σ(z) = 1/(1 + e⁻ᶻ), computed without overflow for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # for z < 0, e⁻ᶻ could overflow; σ(z) = eᶻ/(1 + eᶻ) cannot
    return e / (1.0 + e)


def reals(v: Vector) -> list[float]:
    """The components of v as floats (a Vector's components are typed as any Scalar)."""
    return [float(c.real) for c in v]


def apply_sigmoid(z: Vector) -> Vector:
    """σ applied to each component of z."""
    return Vector(sigmoid(c) for c in reals(z))


def hadamard(u: Vector, v: Vector) -> Vector:
    """The component-wise product u ⊙ v = (u₀v₀, u₁v₁, …)."""
    return Vector(map(operator.mul, u, v))


def outer(u: Vector, v: Vector) -> Matrix:
    """The outer product u vᵀ: a column times a row, an m×n matrix."""
    return Matrix.from_columns([u]) @ Matrix.from_rows([v])


# ----------------------------------------------------------------------------------------
# The network: layers σ(Ax + b).
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    """One layer x ↦ σ(Ax + b): weights A (m×n) and biases b (length m)."""

    A: Matrix
    b: Vector

    def __call__(self, x: Vector) -> Vector:
        return apply_sigmoid(self.A @ x + self.b)


@dataclass(frozen=True)
class Network:
    """Layers applied in turn; the last layer has one output, the probability of class 1."""

    layers: tuple[Layer, ...]

    @staticmethod
    def random(sizes: Sequence[int], rng: random.Random) -> Network:
        """A network with the given layer widths (e.g. [2, 4, 1]), weights uniform in ±1."""
        layers = []
        for n, m in itertools.pairwise(sizes):
            A = Matrix([[rng.uniform(-1, 1) for _ in range(n)] for _ in range(m)])
            b = Vector([rng.uniform(-1, 1) for _ in range(m)])
            layers.append(Layer(A, b))
        return Network(tuple(layers))

    def activations(self, x: Vector) -> list[Vector]:
        """a₀ = x, a₁, …, a_L: the input and each layer's output (kept for backprop)."""
        result = [x]
        for layer in self.layers:
            result.append(layer(result[-1]))
        return result

    def probability(self, x: Vector) -> float:
        """p = the network's probability that x belongs to class 1."""
        return float(self.activations(x)[-1][0].real)

    def predict(self, x: Vector) -> int:
        """The class the network picks: 1 when p > ½."""
        return 1 if self.probability(x) > 0.5 else 0

    # -- the parameters as one flat vector θ, for the numerical gradient check ----------

    def parameters(self) -> Vector:
        """θ: every weight (row by row) and bias, layer by layer, in one Vector."""
        flat: list[float] = []
        for layer in self.layers:
            for row in layer.A.rows:
                flat += reals(row)
            flat += reals(layer.b)
        return Vector(flat)

    def with_parameters(self, theta: Sequence[float]) -> Network:
        """A network of the same shape whose parameters are θ (the inverse of parameters)."""
        values = iter(theta)
        layers = []
        for layer in self.layers:
            m, n = layer.A.shape
            A = Matrix([[next(values) for _ in range(n)] for _ in range(m)])
            b = Vector([next(values) for _ in range(m)])
            layers.append(Layer(A, b))
        return Network(tuple(layers))


def loss(network: Network, data: Sequence[tuple[Vector, int]]) -> float:
    """The mean cross-entropy −(1/N) Σ ln p̂_y over the data set."""
    total = 0.0
    for x, y in data:
        p = network.probability(x)
        total += cross_entropy_loss([1.0 - p, p], y)
    return total / len(data)


def accuracy(network: Network, data: Sequence[tuple[Vector, int]]) -> float:
    """The fraction of examples the network classifies right."""
    return sum(network.predict(x) == y for x, y in data) / len(data)


# ----------------------------------------------------------------------------------------
# Backpropagation: the chain rule, layer by layer, from the loss backwards.
# ----------------------------------------------------------------------------------------


def backpropagate(
    network: Network, data: Sequence[tuple[Vector, int]]
) -> list[tuple[Matrix, Vector]]:
    """∂L/∂Aₗ and ∂L/∂bₗ for every layer, L the mean cross-entropy over ``data``."""
    sums: list[tuple[Matrix, Vector]] = [
        (Matrix.zeros(*layer.A.shape), Vector.zeros(len(layer.b))) for layer in network.layers
    ]
    for x, y in data:
        a = network.activations(x)
        # Output layer: for σ followed by the cross-entropy, ∂L/∂z = p − y.
        delta = a[-1] - Vector([float(y)])
        for index in range(len(network.layers) - 1, -1, -1):
            dA, db = sums[index]
            sums[index] = (dA + outer(delta, a[index]), db + delta)
            if index > 0:
                # Back through Aₗ (multiply by Aₗᵀ), then through σ (times σ′ = a(1 − a)).
                h = a[index]
                sigma_prime = hadamard(h, Vector([1.0] * len(h)) - h)
                delta = hadamard(network.layers[index].A.T @ delta, sigma_prime)
    n = len(data)
    return [(dA / n, db / n) for dA, db in sums]


def flatten(grads: list[tuple[Matrix, Vector]]) -> Vector:
    """The gradients in the same order as Network.parameters."""
    flat: list[float] = []
    for dA, db in grads:
        for row in dA.rows:
            flat += reals(row)
        flat += reals(db)
    return Vector(flat)


def chain_rule_jacobian(network: Network, x: Vector) -> Matrix:
    """∂(output)/∂x = diag(σ′(z_L))·A_L ⋯ diag(σ′(z₁))·A₁, the chain rule as a product."""
    a = network.activations(x)
    J = Matrix.identity(len(x))
    for index, layer in enumerate(network.layers, start=1):
        sigma_prime = [c * (1.0 - c) for c in reals(a[index])]
        J = Matrix.diagonal(sigma_prime) @ layer.A @ J
    return J


def train(
    network: Network,
    data: Sequence[tuple[Vector, int]],
    *,
    learning_rate: float,
    steps: int,
    report_at: Sequence[int] = (),
) -> Network:
    """Gradient descent θ ← θ − η·∇L(θ), with ∇L from backpropagation; returns the result."""
    for step in range(steps + 1):
        if step in report_at:
            print(
                f"  step {step:>5}: loss {loss(network, data):.6f}   "
                f"accuracy {accuracy(network, data):.2f}"
            )
        if step == steps:
            break
        grads = backpropagate(network, data)
        network = Network(
            tuple(
                Layer(layer.A - learning_rate * dA, layer.b - learning_rate * db)
                for layer, (dA, db) in zip(network.layers, grads, strict=True)
            )
        )
    return network


# ----------------------------------------------------------------------------------------
# The story.
# ----------------------------------------------------------------------------------------

SEED = 3
SIZES = (2, 4, 1)
LEARNING_RATE = 2.0
STEPS = 1_000
REPORT_AT = (0, 25, 50, 75, 100, 150, 200, 300, 500, 1_000)


def check_gradients(network: Network) -> None:
    """Backpropagation against the numerical gradient and Jacobian of scratchmath.calculus."""
    theta = network.parameters()
    numeric = gradient(lambda t: loss(network.with_parameters(reals(t)), XOR), theta)
    backprop = flatten(backpropagate(network, XOR))
    gap = max(abs(a - b) for a, b in zip(reals(numeric), reals(backprop), strict=True))
    print(f"∇L over all {len(theta)} parameters: largest |backprop − numerical| = {gap:.1e}")
    print("  (gradient from scratchmath.calculus)")

    x = XOR[1][0]
    numeric_J = jacobian(lambda v: reals(network.activations(Vector(v))[-1]), x)
    chain_J = chain_rule_jacobian(network, x)
    gap_J = max(abs(float((a - b).real)) for a, b in zip(numeric_J[0], chain_J[0], strict=True))
    print(f"∂p/∂x at x = (0, 1): chain rule {[round(c, 6) for c in reals(chain_J[0])]}")
    print(f"                     numerical  {[round(c, 6) for c in reals(numeric_J[0])]}")
    print(f"  largest gap {gap_J:.1e}   (jacobian from scratchmath.calculus)")


def main() -> None:
    """Build, check, train and test the XOR network."""
    network = Network.random(SIZES, random.Random(SEED))
    print(f"A {'-'.join(map(str, SIZES))} network of layers σ(Ax + b), seed {SEED}, on XOR.")
    print()
    print("1. Check backpropagation before trusting it:")
    check_gradients(network)
    print()
    print(f"2. Train by gradient descent, η = {LEARNING_RATE}, {STEPS} steps:")
    trained = train(network, XOR, learning_rate=LEARNING_RATE, steps=STEPS, report_at=REPORT_AT)
    print()
    print("3. What it learned:")
    for x, y in XOR:
        p = trained.probability(x)
        print(f"  x = {reals(x)}  label {y}   p = {p:.4f}  → predicts {trained.predict(x)}")
    print(f"final loss {loss(trained, XOR):.4f}")
    print(f"final accuracy {accuracy(trained, XOR)}")
    print()
    single = train(Network.random((2, 1), random.Random(SEED)), XOR, learning_rate=2.0, steps=500)
    print("4. Without the hidden layer, one neuron σ(a·x + b) cannot draw XOR's boundary:")
    print(
        f"  a 2-1 network after 500 steps: loss {loss(single, XOR):.4f} (ln 2 = {math.log(2):.4f}),"
        f" accuracy {accuracy(single, XOR)}"
    )


if __name__ == "__main__":
    main()
