"""Tour chapter: beyond the roadmap — a neural network of layers σ(Ax + b) learns XOR.

Everything before meets here: vectors and matrices carry the layers, the chain rule gives
the gradient (backpropagation, checked against ``calculus.gradient``), the cross-entropy
from probability is the loss, and gradient descent does the learning. The longer version,
with the theory written out, is examples/neural_network.py.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from scratchmath.calculus.multivariable import gradient
from scratchmath.matrices import Matrix
from scratchmath.probability import cross_entropy_loss
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector

#: A layer: weights A and biases b.
_Layer = tuple[Matrix, Vector]

_XOR: tuple[tuple[Vector, int], ...] = (
    (Vector([0.0, 0.0]), 0),
    (Vector([0.0, 1.0]), 1),
    (Vector([1.0, 0.0]), 1),
    (Vector([1.0, 1.0]), 0),
)


def _sigmoid(z: float) -> float:
    # Two branches so that exp never overflows.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _reals(v: Vector) -> list[float]:
    return [float(c.real) for c in v]


def _forward(layers: Sequence[_Layer], x: Vector) -> list[Vector]:
    """a₀ = x, then aₗ = σ(Aₗaₗ₋₁ + bₗ) for each layer."""
    activations = [x]
    for A, b in layers:
        activations.append(Vector(_sigmoid(z) for z in _reals(A @ activations[-1] + b)))
    return activations


def _probability(layers: Sequence[_Layer], x: Vector) -> float:
    return float(_forward(layers, x)[-1][0].real)


def _loss(layers: Sequence[_Layer]) -> float:
    """The mean cross-entropy −(1/N) Σ ln p̂_y over the four XOR examples."""
    total = 0.0
    for x, y in _XOR:
        p = _probability(layers, x)
        total += cross_entropy_loss([1.0 - p, p], y)
    return total / len(_XOR)


def _accuracy(layers: Sequence[_Layer]) -> float:
    return sum((_probability(layers, x) > 0.5) == (y == 1) for x, y in _XOR) / len(_XOR)


def _backpropagate(layers: Sequence[_Layer]) -> list[_Layer]:
    """∂L/∂Aₗ = δₗ aₗ₋₁ᵀ and ∂L/∂bₗ = δₗ, with δ_L = p − y and δₗ = (Aₗ₊₁ᵀ δₗ₊₁) ⊙ σ′."""
    sums = [(Matrix.zeros(*A.shape), Vector.zeros(len(b))) for A, b in layers]
    for x, y in _XOR:
        a = _forward(layers, x)
        delta = a[-1] - Vector([float(y)])
        for index in range(len(layers) - 1, -1, -1):
            dA, db = sums[index]
            outer = Matrix.from_columns([delta]) @ Matrix.from_rows([a[index]])
            sums[index] = (dA + outer, db + delta)
            if index > 0:
                back = _reals(layers[index][0].T @ delta)
                delta = Vector(
                    g * h * (1.0 - h) for g, h in zip(back, _reals(a[index]), strict=True)
                )
    return [(dA / len(_XOR), db / len(_XOR)) for dA, db in sums]


def _flatten(layers: Sequence[_Layer]) -> list[float]:
    flat: list[float] = []
    for A, b in layers:
        for row in A.rows:
            flat += _reals(row)
        flat += _reals(b)
    return flat


def _unflatten(shape_of: Sequence[_Layer], theta: Sequence[float]) -> list[_Layer]:
    values = iter(theta)
    layers: list[_Layer] = []
    for A, _ in shape_of:
        m, n = A.shape
        weights = Matrix([[next(values) for _ in range(n)] for _ in range(m)])
        layers.append((weights, Vector([next(values) for _ in range(m)])))
    return layers


def chapter() -> str:
    """The network chapter, computed live.

    >>> "accuracy 1.0" in chapter()
    True
    """
    rng = random.Random(3)
    layers: list[_Layer] = []
    for n, m in ((2, 4), (4, 1)):
        A = Matrix([[rng.uniform(-1, 1) for _ in range(n)] for _ in range(m)])
        layers.append((A, Vector([rng.uniform(-1, 1) for _ in range(m)])))

    numeric = _reals(gradient(lambda t: _loss(_unflatten(layers, _reals(t))), _flatten(layers)))
    backprop = _flatten(_backpropagate(layers))
    gap = max(abs(u - v) for u, v in zip(numeric, backprop, strict=True))
    lines = [
        "XOR: (0,0) → 0, (0,1) → 1, (1,0) → 1, (1,1) → 0 — no straight line separates it.",
        "A 2-4-1 network: h = σ(A₁x + b₁), p = σ(A₂h + b₂)   (Matrix @ Vector, Vector +)",
        "Loss: the mean cross-entropy −ln p̂_y   (cross_entropy_loss)",
        "Gradient by backpropagation — the chain rule, layer by layer:",
        "  δ₂ = p − y,  δ₁ = (A₂ᵀδ₂) ⊙ σ′(z₁),  ∂L/∂Aₗ = δₗ aₗ₋₁ᵀ,  ∂L/∂bₗ = δₗ",
        f"  checked on all {len(backprop)} parameters against the numerical gradient: "
        f"largest gap {gap:.1e}   (gradient)",
        "Gradient descent θ ← θ − η·∇L(θ), η = 2:",
    ]
    steps, rate = 300, 2.0
    for step in range(steps + 1):
        if step in (0, 50, 100, 150, 200, 300):
            lines.append(
                f"  step {step:>3}: loss {_loss(layers):.4f}   accuracy {_accuracy(layers)}"
            )
        if step < steps:
            layers = [
                (A - rate * dA, b - rate * db)
                for (A, b), (dA, db) in zip(layers, _backpropagate(layers), strict=True)
            ]
    answers = ", ".join(f"{_probability(layers, x):.3f}" for x, _ in _XOR)
    lines += [
        f"  p for the four inputs: {answers}",
        "The road's end: vectors, matrices, the chain rule, a probability loss, descent.",
        "More in examples/neural_network.py.",
    ]
    return "\n".join(lines)


CHAPTERS["network"] = ("Beyond: a neural network learns", chapter)
