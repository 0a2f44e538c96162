"""Tour chapter: beyond the roadmap — a network of layers σ(Ax + b) learns, live.

Everything before meets here: vectors and matrices carry the layers, the chain rule through
autodiff's graph gives the gradient (checked against ``calculus.gradient``), the
cross-entropy from probability is the loss, and Adam does the descent. The network is
``scratchmath.networks`` itself — the same layer the examples train on iris, two moons and
the handwritten digits (examples/iris.py, two_moons.py, digits.py).
"""

from __future__ import annotations

import time

from scratchmath.autodiff.values import size
from scratchmath.calculus.multivariable import gradient
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    Linear,
    Sequential,
    Sigmoid,
    accuracy,
    binary_cross_entropy,
    iris,
    softmax_cross_entropy,
    standardize,
    train,
    train_test_split,
    xor,
)
from scratchmath.optimization import SGD, Adam
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector


def _gradient_gap() -> tuple[int, float, float, float]:
    """Backpropagation through a 2-4-1 network on XOR against the numerical gradient, and
    XOR then learned by full-batch gradient descent: (parameters, gap, loss, accuracy)."""
    data = xor()
    mlp = MLP([2, 4, 1], activation="sigmoid", rng=3)
    model = Sequential(mlp, Sigmoid())
    first = mlp[0]  # the hidden Linear layer: its weights are checked
    assert isinstance(first, Linear)

    def loss_of_hidden_weights(w: Vector) -> float:
        saved = first.weight.value
        first.weight.value = Matrix([list(w[:4]), list(w[4:])])
        value = float(binary_cross_entropy(model(data.X), data.y).value)
        first.weight.value = saved
        return value

    binary_cross_entropy(model(data.X), data.y).backward()
    backprop = [g for row in first.weight.grad for g in row]
    numeric = gradient(
        loss_of_hidden_weights, Vector([w for row in first.weight.value for w in row])
    )
    gap = max(abs(a - b) for a, b in zip(backprop, numeric, strict=True))
    history = train(
        model, data.X, data.y, loss=binary_cross_entropy,
        optimizer=SGD(model.parameters(), lr=2.0), epochs=600, batch_size=4, rng=0,
        progress=False,
    )  # fmt: skip
    count = sum(size(p.value) for p in model.parameters())
    return count, gap, history.loss[-1], accuracy(model, data.X, data.y)


def chapter() -> str:
    """The network chapter, computed live (a few seconds).

    >>> text = chapter()
    >>> "XOR learned: accuracy 1.0" in text, "iris: test accuracy" in text
    (True, True)
    """
    count, gap, xor_loss, xor_accuracy = _gradient_gap()
    lines = [
        "A layer is x ↦ σ(Ax + b); a network composes layers (Linear, Tanh, Sigmoid, MLP).",
        "Its parameters are autodiff Vars holding whole matrices: a layer is a few graph",
        "nodes, and loss.backward() is the chain rule through them (backpropagation).",
        f"XOR with a 2-4-1 network ({count} parameters): ∂L/∂A₁ by backpropagation vs",
        f"  calculus.gradient: largest gap {gap:.1e}",
        f"XOR learned: accuracy {xor_accuracy}, loss {xor_loss:.4f}  (SGD, η = 2, 600 steps)",
    ]
    data = iris()
    train_set, test_set = standardize(*train_test_split(data, test_fraction=0.2, rng=0))
    model = MLP([4, 8, 3], rng=0)
    start = time.perf_counter()
    history = train(
        model, train_set.X, train_set.y, loss=softmax_cross_entropy,
        optimizer=Adam(model.parameters(), lr=0.01), epochs=30, batch_size=16, rng=0,
        progress=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    test_accuracy = accuracy(model, test_set.X, test_set.y)
    lines += [
        f"Real data: Fisher's iris, {len(train_set)} flowers to learn from, {len(test_set)} "
        "kept to test.",
        "  MLP([4, 8, 3]), softmax cross-entropy, Adam (lr 0.01), batches of 16, 30 epochs:",
        f"  loss {history.loss[0]:.3f} → {history.loss[-1]:.3f} in {seconds:.1f} s",
        f"iris: test accuracy {test_accuracy:.3f} on flowers the network never saw",
        "The road's end: vectors, matrices, the chain rule, a probability loss, descent.",
        "More: docs/networks.md, and examples/digits.py (98% on handwritten digits).",
    ]
    return "\n".join(lines)


CHAPTERS["network"] = ("Beyond: a neural network learns", chapter)
