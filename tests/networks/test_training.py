"""Tests of scratchmath.networks.training.

train, predict and accuracy against their definitions.

Theorems and properties checked:
- the epoch loss is the size-weighted mean of the batch losses: for a model that does not
  move, it equals the loss on the whole data set, for every batch size (the last batch short);
- likewise the epoch accuracy of a model that does not move is accuracy(model, X, y);
- one epoch with one full batch is one gradient step: W ← W − η ∇L(W), checked by hand for
  a linear model under mean squared error;
- predict reads one output as P(class 1), so p = ½ exactly predicts 1; with several outputs it
  is the argmax, the first one on a tie;
- labels outside 0..k−1 for k outputs are refused before training.
- loss decreases on xor and every point is learned
- exact fraction training of xor matches a hand computation
- seeded training is reproducible bit for bit
- train prints a progress line per epoch
- train bad inputs
- predict and accuracy bad inputs and thresholds
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    History,
    Linear,
    ReLU,
    Sequential,
    Sigmoid,
    accuracy,
    binary_cross_entropy,
    mse_loss,
    predict,
    softmax_cross_entropy,
    train,
    two_moons,
    xor,
)
from scratchmath.vectors import Vector
from tests.networks.helpers import Descent

# ---------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------


def test_loss_decreases_on_xor_and_every_point_is_learned() -> None:
    data = xor()
    model = Sequential(MLP([2, 4, 1], rng=3), Sigmoid())
    history = train(
        model,
        data.X,
        data.y,
        loss=binary_cross_entropy,
        optimizer=Descent(model.parameters(), 1.0),
        epochs=400,
        batch_size=4,
        rng=0,
        progress=False,
    )
    assert history.loss[-1] < 0.05 < history.loss[0]
    # full-batch gradient descent with a modest step: the loss falls at every epoch
    assert all(b < a for a, b in zip(history.loss, history.loss[1:], strict=False))
    assert accuracy(model, data.X, data.y) == 1.0
    assert predict(model, data.X) == [0, 1, 1, 0]


def test_exact_fraction_training_of_xor_matches_a_hand_computation() -> None:
    # A 2-2-1 ReLU network, mse loss, one full-batch step of lr 1/2, all in Fractions.
    hidden, out = Linear(2, 2, rng=0), Linear(2, 1, rng=0)
    hidden.weight.value, hidden.bias.value = Matrix([[1, -1], [-1, 1]]), Vector([0, 0])
    out.weight.value, out.bias.value = Matrix([[Fraction(1, 2)], [Fraction(1, 2)]]), Vector([0])
    model = Sequential(hidden, ReLU(), out)
    data = xor()
    optimizer = Descent(model.parameters(), Fraction(1, 2))
    train(model, data.X, data.y, loss=mse_loss, optimizer=optimizer, epochs=1, batch_size=4,
          rng=0, progress=False)  # fmt: skip
    # By hand: h = relu(xW) = (0,0), (0,1), (1,0), (0,0); ŷ = (0, ½, ½, 0); e = ŷ − y =
    # (0, −½, −½, 0); ∂L/∂ŷ = 2e/4 = (0, −¼, −¼, 0). ∂L/∂v = hᵀ·∂L/∂ŷ = (−¼, −¼),
    # ∂L/∂c = Σ = −½. Back into the hidden layer: δ = ∂L/∂ŷ·vᵀ ⊙ [z > 0] has rows
    # (0,0), (0,−⅛), (−⅛,0), (0,0), so ∂L/∂W = xᵀδ = [[−⅛, 0], [0, −⅛]], ∂L/∂b = (−⅛, −⅛).
    # A step of ½: W ← W − ½∇, and so on.
    assert hidden.weight.value == Matrix([[Fraction(17, 16), -1], [-1, Fraction(17, 16)]])
    assert hidden.bias.value == Vector([Fraction(1, 16), Fraction(1, 16)])
    assert out.weight.value == Matrix([[Fraction(5, 8)], [Fraction(5, 8)]])
    assert out.bias.value == Vector([Fraction(1, 4)])


def _train_two_moons(seed: int) -> tuple[History, list[Any]]:
    data = two_moons(40, noise=0.1, rng=seed)
    model = MLP([2, 6, 2], rng=seed)
    history = train(
        model,
        data.X,
        data.y,
        loss=softmax_cross_entropy,
        optimizer=Descent(model.parameters(), 0.3),
        epochs=5,
        batch_size=8,
        rng=seed,
        validation=(data.X, data.y),
        progress=False,
    )
    return history, [p.value for p in model.parameters()]


def test_seeded_training_is_reproducible_bit_for_bit() -> None:
    first, second, other = _train_two_moons(7), _train_two_moons(7), _train_two_moons(8)
    assert first == second  # the same floats, every loss, accuracy and weight
    assert first != other
    assert len(first[0].validation_accuracy) == 5


def test_train_prints_a_progress_line_per_epoch(capsys: pytest.CaptureFixture[str]) -> None:
    data = xor()
    model = MLP([2, 2], rng=0)
    train(model, data.X, data.y, loss=softmax_cross_entropy,
          optimizer=Descent(model.parameters(), 0.1), epochs=2, batch_size=2, rng=0,
          validation=data)  # fmt: skip
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and lines[1].startswith("epoch 2/2  loss ")
    assert "accuracy" in lines[0] and "validation" in lines[0] and lines[0].endswith(" s")
    train(model, data.X, data.y, loss=softmax_cross_entropy,
          optimizer=Descent(model.parameters(), 0.1), epochs=2, batch_size=2, rng=0,
          progress=False)  # fmt: skip
    assert capsys.readouterr().err == ""


def test_train_bad_inputs() -> None:
    data = xor()
    model = MLP([2, 2], rng=0)
    opt = Descent(model.parameters(), 0.1)
    kw: dict[str, Any] = dict(loss=softmax_cross_entropy, optimizer=opt, epochs=1, batch_size=2,
                              rng=0, progress=False)  # fmt: skip
    with pytest.raises(TypeError, match="model must be a networks Module, got function"):
        train(lambda x: x, data.X, data.y, **kw)  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="4 samples but 3 labels in y"):
        train(model, data.X, [0, 1, 1], **kw)
    with pytest.raises(
        DimensionError, match=r"Linear\(2, 2\) takes 2 .* got a vector of dimension 3"
    ):
        train(model, Matrix([[0, 0, 0]] * 4), data.y, **kw)
    with pytest.raises(
        DomainError, match=r"label 0 of y is 5, but the model has 2 outputs \(classes 0 to 1\)"
    ):
        train(model, data.X, [5, 0, 0, 0], **kw)
    with pytest.raises(DomainError, match="epochs must be an integer ≥ 1, got 0"):
        train(model, data.X, data.y, **{**kw, "epochs": 0})
    with pytest.raises(DomainError, match="batch_size must be an integer ≥ 1, got 0"):
        train(model, data.X, data.y, **{**kw, "batch_size": 0})
    with pytest.raises(TypeError, match="optimizer must have step\\(\\) and zero_grad\\(\\)"):
        train(model, data.X, data.y, **{**kw, "optimizer": object()})
    with pytest.raises(DomainError, match="the optimizer updates none of this model's parameters"):
        train(
            model,
            data.X,
            data.y,
            **{**kw, "optimizer": Descent(MLP([2, 2], rng=1).parameters(), 0.1)},
        )
    with pytest.raises(TypeError, match="loss must be a callable function, got str"):
        train(model, data.X, data.y, **{**kw, "loss": "mse"})
    with pytest.raises(TypeError, match="the loss must return a scalar Var, got float"):
        train(model, data.X, data.y, **{**kw, "loss": lambda out, y: 1.0})
    with pytest.raises(TypeError, match="X must be a Matrix whose rows are samples, got str"):
        train(model, "data", data.y, **kw)
    with pytest.raises(TypeError, match="validation must be a pair"):
        train(model, data.X, data.y, **{**kw, "validation": data.X})
    with pytest.raises(DimensionError, match="4 samples but 1 labels in the validation y"):
        train(model, data.X, data.y, **{**kw, "validation": (data.X, [0])})
    with pytest.raises(
        DomainError, match=r"the loss became (inf|nan) in epoch 1, batch 1: training diverged"
    ):
        train(model, data.X, data.y, **{**kw, "loss": lambda out, y: out.sum() * math.inf})


def test_predict_and_accuracy_bad_inputs_and_thresholds() -> None:
    model = Sequential(Linear(1, 1, rng=0), Sigmoid())
    model[0].weight.value, model[0].bias.value = Matrix([[1.0]]), Vector([0.0])
    # one output: a probability; p ≥ ½ is class 1 (σ(0) = ½ exactly)
    assert predict(model, Matrix([[-1.0], [0.0], [2.0]])) == [0, 1, 1]
    assert predict(model, Vector([-3.0])) == 0
    with pytest.raises(TypeError, match="model must be a networks Module, got int"):
        predict(3, Matrix([[1.0]]))  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="3 samples but 2 labels in y"):
        accuracy(model, Matrix([[1.0], [2.0], [3.0]]), [0, 1])
    with pytest.raises(TypeError, match="label 0 of y must be an int class, got float"):
        accuracy(model, Matrix([[1.0]]), [1.0])


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
