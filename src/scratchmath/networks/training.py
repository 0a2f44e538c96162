"""Training: minibatch gradient descent on a loss, and how well the result classifies.

==============  =====================================================================
``History``     the loss and accuracies per epoch that ``train`` returns
``predict``     the class a model predicts for each sample (argmax, or p ≥ 1/2)
``accuracy``    the fraction of samples predicted right
``train``       epochs of: shuffle, split into batches, forward, loss, backward, step
==============  =====================================================================

One step of training is the whole roadmap in four lines: the forward pass composes the
layers' maps (linear algebra), the loss measures the surprise at the labels (probability),
``backward()`` applies the chain rule through the graph (calculus), and the optimiser steps
against the gradient (optimisation)::

    optimizer.zero_grad()
    loss = loss_function(model(X_batch), y_batch)
    loss.backward()
    optimizer.step()

>>> from scratchmath.networks.layers import MLP
>>> model = MLP([2, 2], rng=0)
>>> predict(model, Matrix([[1.0, 0.0], [0.0, 1.0]])) in ([0, 0], [0, 1], [1, 0], [1, 1])
True
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from scratchmath.autodiff import Var
from scratchmath.autodiff.values import check_value, describe, shape_of
from scratchmath.checks import check_callable, check_int
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks.datasets import Dataset
from scratchmath.networks.layers import Module, as_random
from scratchmath.vectors import Vector

__all__ = ["History", "accuracy", "predict", "train"]


class History(NamedTuple):
    """What ``train`` records, one entry per epoch.

    ``loss``: the mean loss over the epoch's batches (weighted by batch size);
    ``accuracy``: the fraction of training samples classified right, counted batch by batch
    as the model learned during the epoch (nan when the targets are not class labels);
    ``validation_accuracy``: the accuracy on the validation set after the epoch (empty
    without one).

    >>> History([0.7, 0.4], [0.5, 0.75], []).loss[-1]
    0.4
    """

    loss: list[float]
    accuracy: list[float]
    validation_accuracy: list[float]


def _check_model(model: object) -> Module:
    if not isinstance(model, Module):
        raise TypeError(f"model must be a networks Module, got {type(model).__name__}")
    return model


def _as_samples(X: object, what: str = "X") -> Matrix:
    """X as a Matrix whose rows are samples (a list of rows or of Vectors is accepted)."""
    if isinstance(X, Matrix):
        return X
    if isinstance(X, (str, bytes)) or not isinstance(X, (Sequence, Vector)):
        raise TypeError(f"{what} must be a Matrix whose rows are samples, got {type(X).__name__}")
    if len(X) == 0:
        raise DimensionError(f"{what} has no samples")
    value = check_value(list(X), what)
    if not isinstance(value, Matrix):
        raise DimensionError(
            f"{what} must be a Matrix whose rows are samples, got {describe(shape_of(value))}"
        )
    return value


def _classes(output: Any) -> list[int]:
    """Per row: the index of the largest output (the first on a tie), or, for one output,
    1 if it is at least 1/2 (a probability from a Sigmoid), else 0."""
    rows: list[tuple[Any, ...]] = (
        [tuple(output)] if isinstance(output, Vector) else [tuple(r) for r in output]
    )
    if len(rows[0]) == 1:
        return [1 if row[0] >= 0.5 else 0 for row in rows]
    return [row.index(max(row)) for row in rows]


def predict(model: Module, X: object) -> Any:
    """The predicted class of each sample: argmax of the outputs, or p ≥ 1/2 for one output.

    A model with k > 1 outputs (logits or probabilities) predicts the class of its largest
    output; a model with one output is read as the probability of class 1 (a Sigmoid
    output), so it predicts 1 when that is at least 1/2. For a Vector (one sample) the result
    is an int, for a Matrix a list of ints, one per row.

    >>> from scratchmath.networks.layers import Linear
    >>> layer = Linear(2, 3, rng=0)
    >>> layer.weight.value = Matrix([[1.0, 0.0, 0.0], [0.0, 0.0, 2.0]])
    >>> predict(layer, Matrix([[5.0, 1.0], [1.0, 5.0]])), predict(layer, Vector([1.0, 0.0]))
    ([0, 2], 0)

    Raises: TypeError for a model that is not a Module; DimensionError for samples with the
    wrong number of features (from the first layer).
    """
    model = _check_model(model)
    output = model(X).value
    classes = _classes(output)
    return classes[0] if isinstance(output, Vector) else classes


def _count_correct(output: Any, targets: Sequence[Any]) -> int:
    return sum(1 for c, t in zip(_classes(output), targets, strict=True) if c == t)


def _check_labels(y: object, count: int, what: str = "y") -> list[int]:
    if isinstance(y, (str, bytes)) or not isinstance(y, (Sequence, Vector)):
        raise TypeError(f"{what} must be a sequence of class labels, got {type(y).__name__}")
    if len(y) != count:
        raise DimensionError(f"{count} samples but {len(y)} labels in {what}")
    for i, label in enumerate(y):
        if isinstance(label, bool) or not isinstance(label, int):
            raise TypeError(f"label {i} of {what} must be an int class, got {type(label).__name__}")
    return list(y)


def accuracy(model: Module, X: object, y: Sequence[int]) -> float:
    """The fraction of samples whose predicted class (``predict``) equals the label.

    >>> from scratchmath.networks.layers import Linear
    >>> layer = Linear(2, 2, rng=0)
    >>> layer.weight.value = Matrix([[1.0, 0.0], [0.0, 1.0]])
    >>> accuracy(layer, Matrix([[2.0, 1.0], [1.0, 2.0], [3.0, 0.0]]), [0, 1, 1])
    0.6666666666666666

    Raises: TypeError for a non-Module model or non-int labels; DimensionError when the
    counts of samples and labels differ.
    """
    model = _check_model(model)
    samples = _as_samples(X)
    labels = _check_labels(y, samples.shape[0])
    return _count_correct(model(samples).value, labels) / len(labels)


def _rows(y: Any, indices: list[int]) -> Any:
    if isinstance(y, Matrix):
        return Matrix([y[i] for i in indices])
    return [y[i] for i in indices]


def _check_targets(y: object, count: int) -> Any:
    """Targets for ``count`` samples: a Matrix with a row each, or a sequence of numbers."""
    if isinstance(y, Matrix):
        if y.shape[0] != count:
            raise DimensionError(f"{count} samples but {y.shape[0]} rows of targets in y")
        return y
    if isinstance(y, (str, bytes)) or not isinstance(y, (Sequence, Vector)):
        raise TypeError(f"y must be a sequence of labels or targets, got {type(y).__name__}")
    if len(y) != count:
        raise DimensionError(f"{count} samples but {len(y)} labels in y")
    return list(y)


def _are_labels(y: Any) -> bool:
    return not isinstance(y, Matrix) and all(
        isinstance(t, int) and not isinstance(t, bool) for t in y
    )


def _check_optimizer(optimizer: object, model: Module) -> Any:
    for method in ("step", "zero_grad"):
        if not callable(getattr(optimizer, method, None)):
            raise TypeError(
                f"optimizer must have step() and zero_grad() (SGD, Adam, …), "
                f"got {type(optimizer).__name__}"
            )
    # An optimiser built over another model's parameters would step those and leave this
    # model untouched: training would "run" and learn nothing. Refuse it.
    params = getattr(optimizer, "params", None)
    if params is not None:
        updated = {id(p) for p in params}
        if not any(id(p) in updated for p in model.parameters()):
            raise DomainError(
                "the optimizer updates none of this model's parameters: build it over "
                "model.parameters()"
            )
    return optimizer


def _validation_pair(validation: object) -> tuple[Matrix, list[int]] | None:
    if validation is None:
        return None
    pair = (validation.X, validation.y) if isinstance(validation, Dataset) else validation
    if not isinstance(pair, tuple) or len(pair) != 2:
        raise TypeError("validation must be a pair (X, y) or a Dataset")
    samples = _as_samples(pair[0], "the validation X")
    return samples, _check_labels(pair[1], samples.shape[0], "the validation y")


def _check_label_range(model: Module, sample: Vector, labels: list[int]) -> None:
    """With k > 1 outputs the labels must be classes 0..k−1: say so before training, naming
    the sample, rather than from inside a shuffled batch."""
    outputs = shape_of(model(sample).value)[0]
    if outputs < 2:
        return
    for i, label in enumerate(labels):
        if not 0 <= label < outputs:
            raise DomainError(
                f"label {i} of y is {label}, but the model has {outputs} outputs "
                f"(classes 0 to {outputs - 1})"
            )


def _scalar_loss(value: object, epoch: int, batch: int) -> Var:
    if not isinstance(value, Var) or value.shape:
        raise TypeError(f"the loss must return a scalar Var, got {type(value).__name__}")
    if not math.isfinite(value.value):
        raise DomainError(
            f"the loss became {value.value} in epoch {epoch}, batch {batch}: training "
            f"diverged (lower the learning rate, or standardize the inputs)"
        )
    return value


def train(
    model: Module,
    X: object,
    y: object,
    *,
    loss: Callable[[Var, Any], Var],
    optimizer: Any,
    epochs: int,
    batch_size: int,
    rng: object,
    validation: object = None,
    progress: bool = True,
) -> History:
    """Fit ``model`` to (X, y) by minibatch gradient descent; the loss and accuracy per epoch.

    Each epoch shuffles the samples with ``rng`` (a seed or a ``random.Random``), cuts them into
    batches of ``batch_size`` (the last may be smaller) and, for each batch, zeroes the
    gradients, computes ``loss(model(X_batch), y_batch)``, backpropagates and calls
    ``optimizer.step()``; the optimiser (any object with ``step`` and ``zero_grad``) must be
    built over ``model.parameters()``. ``y`` holds class labels (ints) or, for a regression
    loss, numbers or a Matrix of target rows. ``validation``, a pair (X, y) of labelled samples
    (or a Dataset), has its accuracy measured after each epoch. Unless ``progress`` is False, a
    line per epoch (loss, accuracy, seconds) goes to stderr. Same seed, same data, same model:
    the same numbers, bit for bit.

    >>> from scratchmath import MLP, SGD, softmax_cross_entropy
    >>> model = MLP([2, 4, 2], rng=1)
    >>> X, y = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), [0, 1, 1, 0]
    >>> history = train(model, X, y, loss=softmax_cross_entropy, optimizer=SGD(
    ...     model.parameters(), lr=0.5), epochs=300, batch_size=4, rng=0, progress=False)
    >>> history.loss[-1] < 0.1 < history.loss[0], history.accuracy[-1]
    (True, 1.0)

    Raises: TypeError for a model that is not a Module, a loss that is not callable or does
    not return a scalar Var, an optimizer without ``step``/``zero_grad``, or a bad ``rng``;
    DomainError for epochs or batch_size < 1, an optimizer whose ``params`` include none of
    the model's, a label outside the classes of a model with k > 1 outputs, or when the loss
    becomes inf or nan (training diverged: the message says where); DimensionError when X
    and y count different samples or a sample has the wrong number of features.
    """
    model = _check_model(model)
    check_callable(loss, "loss")
    _check_optimizer(optimizer, model)
    epochs = check_int(epochs, "epochs", minimum=1)
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    generator = as_random(rng)
    data = _training_data(model, X, y, validation)
    count = len(data.rows)
    history = History([], [], [])
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        summed, correct = _fit_epoch(model, loss, optimizer, data, generator, batch_size, epoch)
        history.loss.append(summed / count)
        history.accuracy.append(correct / count if data.labelled else math.nan)
        if data.validation is not None:
            history.validation_accuracy.append(accuracy(model, *data.validation))
        if progress:
            _print_progress(history, epoch, epochs, data.labelled, time.perf_counter() - start)
    return history


class _Data(NamedTuple):
    """The checked inputs of ``train``: samples as rows, their targets, whether the targets are
    class labels, and the validation pair (X, labels) or None."""

    rows: Sequence[Vector]
    targets: Any
    labelled: bool
    validation: tuple[Matrix, list[int]] | None


def _training_data(model: Module, X: object, y: object, validation: object) -> _Data:
    """X, y and validation checked against each other and, for class labels, against the
    model's number of outputs."""
    samples = _as_samples(X)
    targets = _check_targets(y, samples.shape[0])
    labelled = _are_labels(targets)
    checked_validation = _validation_pair(validation)
    rows = samples.rows
    if labelled:
        _check_label_range(model, rows[0], targets)
    return _Data(rows, targets, labelled, checked_validation)


def _fit_epoch(
    model: Module,
    loss: Callable[[Var, Any], Var],
    optimizer: Any,
    data: _Data,
    rng: random.Random,
    batch_size: int,
    epoch: int,
) -> tuple[float, int]:
    """One epoch: shuffle the samples with ``rng``, then one optimiser step per batch; return
    (the summed loss, the correct labels).

    For each batch: zero the gradients, compute loss(model(X_batch), y_batch), backpropagate,
    step. The loss is summed weighted by batch size; correct labels are counted only when the
    targets are class labels.
    """
    order = list(range(len(data.rows)))
    rng.shuffle(order)
    total_loss = 0.0
    correct = 0
    for batch, first in enumerate(range(0, len(order), batch_size), start=1):
        indices = order[first : first + batch_size]
        batch_targets = _rows(data.targets, indices)
        optimizer.zero_grad()
        output = model(Matrix.from_rows([data.rows[i] for i in indices]))
        value = _scalar_loss(loss(output, batch_targets), epoch, batch)
        value.backward()
        optimizer.step()
        total_loss += float(value.value) * len(indices)
        if data.labelled:
            correct += _count_correct(output.value, batch_targets)
    return total_loss, correct


def _print_progress(
    history: History, epoch: int, epochs: int, labelled: bool, seconds: float
) -> None:
    """The epoch's line on stderr: its loss, its accuracies where measured, its duration."""
    line = f"epoch {epoch}/{epochs}  loss {history.loss[-1]:.4f}"
    if labelled:
        line += f"  accuracy {history.accuracy[-1]:.4f}"
    if history.validation_accuracy:
        line += f"  validation {history.validation_accuracy[-1]:.4f}"
    print(f"{line}  {seconds:.2f} s", file=sys.stderr)
