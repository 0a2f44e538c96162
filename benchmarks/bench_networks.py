"""Networks: seconds per epoch and test accuracy on iris, two moons and the digits.

The recipes (the ones docs/networks.md and the examples document): a stratified, seeded
split, inputs standardised with the training statistics, an MLP with tanh hidden units,
the softmax cross-entropy, Adam, minibatches. Beside each, scikit-learn's MLPClassifier
(same split, same hidden layer, tanh, Adam, same learning rate, batch size and epochs)
when it is installed, for the accuracy; and one training step of the digits network on a
scalar graph — one node per number, as micrograd builds it — against the matrix-level
graph of scratchmath.networks, for the speed.

Targets (issue 15): digits 64-32-10, 1 347/450 split, test accuracy ≥ 0.96 in under 60 s of
training; iris ≥ 0.95; two moons (400 points, noise 0.1) ≥ 0.97; XOR 100%; a training step
≥ 50× faster than on a scalar graph.
"""

from __future__ import annotations

import itertools
import math
import random
import time
import warnings
from typing import Any

from scratchmath.networks import (
    MLP,
    Dataset,
    Sequential,
    Sigmoid,
    accuracy,
    binary_cross_entropy,
    digits,
    iris,
    softmax_cross_entropy,
    standardize,
    train,
    train_test_split,
    two_moons,
    xor,
)
from scratchmath.optimization import SGD, Adam

#: name → (data, test fraction, sizes, learning rate, batch size, epochs, quick epochs)
RECIPES: dict[str, tuple[Any, float, list[int], float, int, int, int]] = {
    "iris": (iris, 0.2, [4, 8, 3], 0.01, 16, 50, 20),
    "two moons": (lambda: two_moons(400, noise=0.1, rng=0), 0.25, [2, 16, 2], 0.05, 16, 50, 20),
    "digits": (digits, 0.25, [64, 32, 10], 0.01, 32, 15, 3),
}


def _sklearn_accuracy(
    train_set: Dataset, test_set: Dataset, sizes: list[int], lr: float, batch: int, epochs: int
) -> float | None:
    try:
        from sklearn.neural_network import MLPClassifier
    except ImportError:
        return None
    model = MLPClassifier(
        hidden_layer_sizes=tuple(sizes[1:-1]),
        activation="tanh",
        solver="adam",
        learning_rate_init=lr,
        batch_size=batch,
        max_iter=epochs,
        alpha=0.0,
        random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning: a fixed epoch budget is the point
        model.fit(train_set.X.tolist(), list(train_set.y))
    return float(model.score(test_set.X.tolist(), list(test_set.y)))


def bench_recipes(quick: bool) -> str:
    lines = [
        "Recipe: stratified split (seed 0), standardised inputs, MLP (tanh), Adam, minibatches",
        f"{'data':10} {'split':>9} {'network':>12} {'epochs':>6} {'s/epoch':>8} "
        f"{'cpu s/ep':>8} {'train s':>8} {'test acc':>8} {'sklearn':>8}",
    ]
    for name, (load, fraction, sizes, lr, batch, epochs, quick_epochs) in RECIPES.items():
        epochs = quick_epochs if quick else epochs
        train_set, test_set = standardize(*train_test_split(load(), test_fraction=fraction, rng=0))
        model = MLP(sizes, rng=0)
        wall, cpu = time.perf_counter(), time.process_time()
        train(
            model, train_set.X, train_set.y, loss=softmax_cross_entropy,
            optimizer=Adam(model.parameters(), lr=lr), epochs=epochs, batch_size=batch, rng=0,
            progress=False,
        )  # fmt: skip
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        ours = accuracy(model, test_set.X, test_set.y)
        theirs = _sklearn_accuracy(train_set, test_set, sizes, lr, batch, epochs)
        peer = "—" if theirs is None else f"{theirs:.4f}"
        split = f"{len(train_set)}/{len(test_set)}"
        network = "-".join(map(str, sizes))
        lines.append(
            f"{name:10} {split:>9} {network:>12} {epochs:6d} {wall / epochs:8.3f} "
            f"{cpu / epochs:8.3f} {wall:8.1f} {ours:8.4f} {peer:>8}"
        )
    data = xor()
    net = Sequential(MLP([2, 4, 1], activation="sigmoid", rng=3), Sigmoid())
    train(net, data.X, data.y, loss=binary_cross_entropy, optimizer=SGD(net.parameters(), lr=2.0),
          epochs=600, batch_size=4, rng=0, progress=False)  # fmt: skip
    lines.append(
        f"xor        2-4-1 sigmoid, SGD η = 2, 600 steps: accuracy {accuracy(net, data.X, data.y)}"
    )
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# A scalar graph, one node per number (micrograd's design), for the speed comparison.
# ---------------------------------------------------------------------------------------


class Scalar:
    """A number and its gradient, with the local derivatives of the operation that made it."""

    __slots__ = ("data", "grad", "parents")

    def __init__(self, data: float, parents: tuple[tuple[Scalar, float], ...] = ()) -> None:
        self.data = data
        self.grad = 0.0
        self.parents = parents

    def __add__(self, other: Scalar) -> Scalar:
        return Scalar(self.data + other.data, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other: Scalar) -> Scalar:
        return Scalar(self.data * other.data, ((self, other.data), (other, self.data)))

    def tanh(self) -> Scalar:
        t = math.tanh(self.data)
        return Scalar(t, ((self, 1.0 - t * t),))

    def backward(self) -> None:
        order: list[Scalar] = []
        seen = {id(self)}
        stack: list[tuple[Scalar, bool]] = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            stack.append((node, True))
            for parent, _ in node.parents:
                if id(parent) not in seen:
                    seen.add(id(parent))
                    stack.append((parent, False))
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in node.parents:
                parent.grad += local * node.grad


def _scalar_step(
    weights: list[list[list[Scalar]]],
    biases: list[list[Scalar]],
    X: list[list[float]],
    y: list[int],
) -> None:
    """One forward and backward pass of the MLP over the batch, on the scalar graph; the
    softmax cross-entropy at the end is folded into one node per sample (its value and its
    gradient softmax − onehot), which only flatters the scalar graph."""
    total = Scalar(0.0)
    for x, label in zip(X, y, strict=True):
        a = [Scalar(v) for v in x]
        for layer, (W, b) in enumerate(zip(weights, biases, strict=True)):
            z = []
            for j in range(len(b)):
                s = b[j]
                for i in range(len(a)):
                    s = s + a[i] * W[i][j]
                z.append(s)
            a = z if layer == len(weights) - 1 else [v.tanh() for v in z]
        top = max(v.data for v in a)
        exps = [math.exp(v.data - top) for v in a]
        norm = sum(exps)
        loss = -math.log(exps[label] / norm)
        slopes = [e / norm - (k == label) for k, e in enumerate(exps)]
        total = total + Scalar(loss, tuple(zip(a, slopes, strict=True)))
    total.backward()


def bench_scalar_graph(quick: bool) -> str:
    train_set, _ = standardize(*train_test_split(digits(), test_fraction=0.25, rng=0))
    X = [list(map(float, row)) for row in train_set.X[:32]]
    y = list(train_set.y[:32])
    rng = random.Random(0)
    sizes = [64, 32, 10]
    weights = [
        [[Scalar(rng.uniform(-0.3, 0.3)) for _ in range(n)] for _ in range(m)]
        for m, n in itertools.pairwise(sizes)
    ]
    biases = [[Scalar(0.0) for _ in range(n)] for n in sizes[1:]]
    repeats = 1 if quick else 3
    scalar = min(_timed(lambda: _scalar_step(weights, biases, X, y)) for _ in range(repeats))

    model = MLP(sizes, rng=0)
    batch = train_set.X[:32]

    def matrix_step() -> None:
        for p in model.parameters():
            p.grad = None
        softmax_cross_entropy(model(batch), y).backward()

    matrix = min(_timed(matrix_step) for _ in range(5 * repeats))
    return (
        "One training step (forward + backward) of the 64-32-10 MLP on a batch of 32 digits\n"
        f"  scalar graph, one node per number (micrograd's design): {scalar * 1e3:8.1f} ms\n"
        f"  scratchmath.networks, one node per matrix operation:   {matrix * 1e3:8.1f} ms\n"
        f"  the matrix-level graph is {scalar / matrix:.0f}× faster"
    )


def _timed(f: Any) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def run(quick: bool = False) -> str:
    """The recipes' epoch times and accuracies, then the step against a scalar graph."""
    return bench_recipes(quick) + "\n\n" + bench_scalar_graph(quick)


if __name__ == "__main__":
    print(run())
