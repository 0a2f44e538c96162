"""train, predict and accuracy against their definitions.

Theorems checked:
- the epoch loss is the size-weighted mean of the batch losses: for a model that does not
  move, it equals the loss on the whole data set, for every batch size (the last batch short);
- likewise the epoch accuracy of a model that does not move is accuracy(model, X, y);
- one epoch with one full batch is one gradient step: W ← W − η ∇L(W), checked by hand for
  a linear model under mean squared error;
- predict reads one output as P(class 1), so p = ½ exactly predicts 1; with several outputs it
  is the argmax, the first one on a tie;
- labels outside 0..k−1 for k outputs are refused before training.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import accuracy, mse_loss, predict, softmax_cross_entropy, train
from scratchmath.networks.layers import Linear, Sequential, Sigmoid
from scratchmath.vectors import Vector


class Frozen:
    """An optimiser of the SGD interface that never moves: training then only measures."""

    def zero_grad(self) -> None:
        pass

    def step(self) -> None:
        pass


class Plain:
    """x ← x − lr·∇ (the SGD interface), local so the test stands on its own."""

    def __init__(self, params: list[Var], lr: float) -> None:
        self.params, self.lr = params, lr

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None  # type: ignore[assignment]

    def step(self) -> None:
        for p in self.params:
            p.value = p.value - self.lr * p.grad  # type: ignore[operator]


DATA = [[0.5, -1.0], [1.5, 2.0], [-0.5, 0.25], [2.0, -2.0], [0.0, 1.0], [-1.0, -1.0], [3.0, 0.5]]
LABELS = [0, 1, 2, 1, 0, 2, 1]


@given(st.integers(1, 8), st.integers(0, 10**6))
def test_epoch_loss_and_accuracy_of_a_still_model_are_the_whole_data_values(
    batch_size: int, seed: int
) -> None:
    model = Linear(2, 3, rng=5)
    X = Matrix(DATA)
    history = train(model, X, LABELS, loss=softmax_cross_entropy, optimizer=Frozen(),
                    epochs=2, batch_size=batch_size, rng=seed, progress=False)  # fmt: skip
    whole = softmax_cross_entropy(model(X), LABELS).value
    assert history.loss == pytest.approx([whole, whole], rel=1e-14)
    assert history.accuracy == [accuracy(model, X, LABELS)] * 2


def test_one_full_batch_epoch_is_one_gradient_step() -> None:
    model = Linear(2, 1, rng=7)
    X = Matrix(DATA)
    y = Matrix([[x0 - 2 * x1] for x0, x1 in DATA])
    W = [row[0] for row in model.weight.value]
    b = model.bias.value[0]
    lr = 0.05
    errors = [W[0] * x0 + W[1] * x1 + b - t[0] for (x0, x1), t in zip(DATA, y, strict=True)]
    n = len(DATA)
    grad_w = [
        2 / n * math.fsum(e * x[k] for e, x in zip(errors, DATA, strict=True)) for k in (0, 1)
    ]
    grad_b = 2 / n * math.fsum(errors)
    history = train(model, X, y, loss=mse_loss, optimizer=Plain(model.parameters(), lr),
                    epochs=1, batch_size=n, rng=0, progress=False)  # fmt: skip
    assert history.loss[0] == pytest.approx(math.fsum(e * e for e in errors) / n, rel=1e-14)
    assert [row[0] for row in model.weight.value] == pytest.approx(
        [W[k] - lr * grad_w[k] for k in (0, 1)], rel=1e-13
    )
    assert model.bias.value[0] == pytest.approx(b - lr * grad_b, rel=1e-13)
    assert all(math.isnan(a) for a in history.accuracy)


def _constant(outputs: list[float]) -> Any:
    layer = Linear(1, len(outputs), rng=0)
    layer.weight = Var(Matrix([[0.0] * len(outputs)]))
    layer.bias = Var(Vector(outputs))
    return layer


def test_predict_reads_one_output_as_a_probability() -> None:
    half = Sequential(_constant([0.0]), Sigmoid())  # σ(0) = ½ exactly
    assert predict(half, Vector([1.0])) == 1
    assert predict(Sequential(_constant([-1e-9]), Sigmoid()), Vector([1.0])) == 0
    assert predict(_constant([2.0, 5.0, 5.0]), Matrix([[1.0], [2.0]])) == [1, 1]
    assert predict(_constant([7.0, 5.0]), Vector([1.0])) == 0
    assert accuracy(_constant([2.0, 5.0, 5.0]), Matrix([[1.0], [2.0], [3.0]]), [1, 2, 1]) == 2 / 3


def test_labels_outside_the_outputs_are_refused() -> None:
    model = Linear(2, 3, rng=1)
    for bad in (3, -1):
        with pytest.raises(
            DomainError, match=rf"label 1 of y is {bad}, but the model has 3 outputs"
        ):
            train(model, Matrix(DATA[:2]), [0, bad], loss=softmax_cross_entropy,
                  optimizer=Frozen(), epochs=1, batch_size=2, rng=0, progress=False)  # fmt: skip
    history = train(model, Matrix(DATA[:2]), [0, 2], loss=softmax_cross_entropy,
                    optimizer=Frozen(), epochs=1, batch_size=2, rng=0, progress=False)  # fmt: skip
    assert len(history.loss) == 1


def test_accuracy_refuses_labels_that_are_not_classes() -> None:
    model, X = Linear(2, 3, rng=1), Matrix(DATA[:2])
    for bad, kind in ((True, "bool"), (1.0, "float")):
        with pytest.raises(TypeError, match=f"label 1 of y must be an int class, got {kind}"):
            accuracy(model, X, [0, bad])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="y must be a sequence of class labels, got str"):
        accuracy(model, X, "01")  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="2 samples but 3 labels in y"):
        accuracy(model, X, [0, 1, 2])
    with pytest.raises(TypeError, match="model must be a networks Module, got int"):
        accuracy(3, X, [0, 1])  # type: ignore[arg-type]


def test_validation_accuracy_of_a_still_model_is_its_accuracy() -> None:
    model, X = Linear(2, 3, rng=4), Matrix(DATA)
    history = train(model, X, LABELS, loss=softmax_cross_entropy, optimizer=Frozen(), epochs=2,
                    batch_size=3, rng=0, validation=(X, LABELS), progress=False)  # fmt: skip
    assert history.validation_accuracy == [accuracy(model, X, LABELS)] * 2


def test_targets_that_are_not_labels_have_no_accuracy() -> None:
    model = Linear(2, 1, rng=0)
    targets = [float(x0) for x0, _ in DATA]
    history = train(model, Matrix(DATA), targets, loss=mse_loss, optimizer=Frozen(), epochs=1,
                    batch_size=7, rng=0, progress=False)  # fmt: skip
    assert math.isnan(history.accuracy[0])
    with pytest.raises(DimensionError, match="7 samples but 2 rows of targets in y"):
        train(model, Matrix(DATA), Matrix([[1.0], [2.0]]), loss=mse_loss, optimizer=Frozen(),
              epochs=1, batch_size=7, rng=0, progress=False)  # fmt: skip
    with pytest.raises(TypeError, match="y must be a sequence of labels or targets, got str"):
        train(model, Matrix(DATA), "0120120", loss=mse_loss, optimizer=Frozen(),
              epochs=1, batch_size=7, rng=0, progress=False)  # fmt: skip


def test_two_outputs_are_the_classes_zero_and_one() -> None:
    model = Linear(2, 2, rng=1)
    with pytest.raises(DomainError, match=r"label 1 of y is 2, .* 2 outputs \(classes 0 to 1\)"):
        train(model, Matrix(DATA[:2]), [0, 2], loss=softmax_cross_entropy, optimizer=Frozen(),
              epochs=1, batch_size=2, rng=0, progress=False)  # fmt: skip
