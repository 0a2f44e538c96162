"""Two moons: what the hidden units of a network learn — a boundary that bends.

Two interleaving half circles of points, 400 in all, with Gaussian noise (σ = 0.1). No
straight line separates them, so logistic regression (a single linear layer) cannot; a
network with one hidden layer of 16 tanh units can. Each hidden unit computes
tanh(aᵀx + b): a soft step across one line in the plane. The output layer adds those
steps up, and a sum of enough soft steps can draw any smooth curve — the decision
boundary bends around the moons.

The recipe: a stratified 300/100 split (seeded), standardised inputs, ``MLP([2, 16, 2])``,
the softmax cross-entropy, Adam (lr 0.05), batches of 16, 50 epochs. Then the script
classifies every cell of a grid over the plane and prints the map: ``·`` where the network
says "upper moon", ``#`` where it says "lower moon", with the test points drawn on top
(``o`` upper, ``x`` lower). The boundary is where the characters change.

Run it:  python examples/two_moons.py      (SCRATCHMATH_QUICK=1 for a 10-epoch run)
"""

from __future__ import annotations

import os

from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    accuracy,
    predict,
    softmax_cross_entropy,
    standardize,
    train,
    train_test_split,
    two_moons,
)
from scratchmath.networks.datasets import Dataset
from scratchmath.networks.layers import Module
from scratchmath.optimization import Adam


def decision_map(
    model: Module, raw: Dataset, standardized: Dataset, points: Dataset, size: tuple[int, int]
) -> str:
    """The plane as text: the predicted class of every grid cell, with ``points`` on top.

    The grid lives in the raw coordinates; each cell is standardised with the same shift and
    scale as the training data (read off ``raw`` and ``standardized``) before the model sees it.
    """
    rows, columns = size
    xs = [row[0] for row in raw.X]
    ys = [row[1] for row in raw.X]
    x0, x1, y0, y1 = min(xs) - 0.2, max(xs) + 0.2, min(ys) - 0.2, max(ys) + 0.2
    # the affine map raw → standardised, per feature, from two samples
    a, b = raw.X[0], raw.X[1]
    za, zb = standardized.X[0], standardized.X[1]
    scale = [(zb[j] - za[j]) / (b[j] - a[j]) for j in range(2)]
    shift = [za[j] - scale[j] * a[j] for j in range(2)]
    cells = [
        (x0 + (x1 - x0) * (c + 0.5) / columns, y1 - (y1 - y0) * (r + 0.5) / rows)
        for r in range(rows)
        for c in range(columns)
    ]
    grid = Matrix([[scale[0] * x + shift[0], scale[1] * y + shift[1]] for x, y in cells])
    picture = [["·#"[k] for k in predict(model, grid)[r * columns : (r + 1) * columns]]
               for r in range(rows)]  # fmt: skip
    for (x, y), label in zip(points.X, points.y, strict=True):
        c = int((x - x0) / (x1 - x0) * columns)
        r = int((y1 - y) / (y1 - y0) * rows)
        if 0 <= r < rows and 0 <= c < columns:
            picture[r][c] = "ox"[label]
    return "\n".join("".join(line) for line in picture)


def main() -> None:
    quick = os.environ.get("SCRATCHMATH_QUICK") == "1"
    data = two_moons(400, noise=0.1, rng=0)
    raw_train, raw_test = train_test_split(data, test_fraction=0.25, rng=0)
    train_set, test_set = standardize(raw_train, raw_test)
    print(f"two moons: {len(train_set)} points to train, {len(test_set)} to test")

    model = MLP([2, 16, 2], rng=0)
    history = train(
        model,
        train_set.X,
        train_set.y,
        loss=softmax_cross_entropy,
        optimizer=Adam(model.parameters(), lr=0.05),
        epochs=10 if quick else 50,
        batch_size=16,
        rng=0,
        validation=test_set,
        progress=False,
    )
    print(
        f"loss {history.loss[0]:.3f} after the first epoch, {history.loss[-1]:.3f} after the last"
    )
    test_accuracy = accuracy(model, test_set.X, test_set.y)
    print(f"test accuracy {test_accuracy:.4f}")
    print(f"test accuracy at least 0.95: {test_accuracy >= 0.95}")
    print("\nthe decision boundary (· upper moon, # lower moon; test points o and x):")
    print(decision_map(model, raw_train, train_set, raw_test, (18, 60)))


if __name__ == "__main__":
    main()
