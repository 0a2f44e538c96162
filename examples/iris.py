"""Fisher's iris flowers: a small network learns three species from four measurements.

The data (shipped with scratchmath, no download): 150 flowers, 50 of each species —
setosa, versicolor, virginica — each described by four lengths in centimetres (sepal
length and width, petal length and width), as R. A. Fisher published them in 1936.

The recipe, every step a chapter of the roadmap:

1. Split, stratified and seeded: 120 flowers to learn from, 30 (10 per species) kept
   aside to test on. The test flowers are never seen during training, so their accuracy
   estimates how the network does on flowers it has never met.
2. Standardise each feature with the *training* mean and standard deviation, so that the
   four inputs are on one scale and gradient descent moves every weight at a similar pace.
3. The model: ``MLP([4, 8, 3])`` — x ↦ A₂ tanh(A₁x + b₁) + b₂, three outputs (logits),
   one per species; softmax turns them into probabilities.
4. The loss: the cross-entropy −ln softmax(z)_y, averaged over a batch of 16 flowers (an
   estimate of the expected loss over all flowers: the law of large numbers).
5. Adam (lr 0.01) steps against the gradient that backpropagation (the chain rule through
   the graph) delivers. 50 passes over the data (epochs) take a few seconds.

It prints the test accuracy and the confusion matrix: row = true species, column =
predicted. Setosa is easy (its petals are much smaller); the few mistakes are between
versicolor and virginica, which overlap.

Run it:  python examples/iris.py      (SCRATCHMATH_QUICK=1 for a 10-epoch run)
"""

from __future__ import annotations

import os

from scratchmath.networks import (
    MLP,
    accuracy,
    iris,
    predict,
    softmax_cross_entropy,
    standardize,
    train,
    train_test_split,
)
from scratchmath.optimization import Adam


def confusion_matrix(truth: list[int], predicted: list[int], classes: int) -> list[list[int]]:
    """counts[i][j] = how many samples of class i were predicted as class j."""
    counts = [[0] * classes for _ in range(classes)]
    for t, p in zip(truth, predicted, strict=True):
        counts[t][p] += 1
    return counts


def main() -> None:
    quick = os.environ.get("SCRATCHMATH_QUICK") == "1"
    data = iris()
    print(f"iris: {len(data)} flowers, features {', '.join(data.feature_names)}")
    train_set, test_set = standardize(*train_test_split(data, test_fraction=0.2, rng=0))
    print(f"split: {len(train_set)} to train, {len(test_set)} to test {test_set.class_counts()}")

    model = MLP([4, 8, 3], rng=0)
    history = train(
        model,
        train_set.X,
        train_set.y,
        loss=softmax_cross_entropy,
        optimizer=Adam(model.parameters(), lr=0.01),
        epochs=10 if quick else 50,
        batch_size=16,
        rng=0,
        progress=False,
    )
    print(
        f"loss {history.loss[0]:.3f} after the first epoch, {history.loss[-1]:.3f} after the last"
    )
    test_accuracy = accuracy(model, test_set.X, test_set.y)
    right = round(test_accuracy * len(test_set))
    print(f"test accuracy {test_accuracy:.4f} ({right} of {len(test_set)})")
    print(f"better than guessing (1/3): {test_accuracy > 1 / 3}")

    counts = confusion_matrix(list(test_set.y), predict(model, test_set.X), 3)
    names = data.target_names
    print("\nconfusion matrix (rows: true species, columns: predicted)")
    print(" " * 12 + "".join(f"{name:>12}" for name in names))
    for name, row in zip(names, counts, strict=True):
        print(f"{name:>12}" + "".join(f"{c:>12}" for c in row))


if __name__ == "__main__":
    main()
