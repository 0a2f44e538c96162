"""Losses: how far a network's outputs are from the targets, as one differentiable number.

========================  ==========================================================
``mse_loss``              the mean squared error (1/N) Σ (ŷ − y)²
``softmax_cross_entropy`` −(1/N) Σ ln softmax(z)_y: the cross-entropy of the
                          classifier's distribution at the true classes
``binary_cross_entropy``  −(1/N) Σ [y ln p + (1 − y) ln(1 − p)], the two-class case
``one_hot``               the labels as rows of the identity matrix
========================  ==========================================================

A loss takes the network's output (a ``Var``, so the gradient flows back into the
parameters) and the targets, and returns a scalar ``Var``; over a batch it is the mean over
the samples. That mean is the point of the roadmap's probability chapter: the loss we want
small is an *expected value* E[ℓ(f(x), y)] over the distribution of the data, the mean over
the training set estimates it, and the mean over a random batch estimates it too — without
bias, and better as the batch grows (the law of large numbers). Stochastic gradient descent
follows the gradient of that cheap estimate.

>>> from scratchmath.autodiff import Var
>>> logits = Var(Matrix([[2.0, 0.0], [0.0, 2.0]]))
>>> loss = softmax_cross_entropy(logits, [0, 0])
>>> round(loss.value, 6)             # (ln(1 + e⁻²) + ln(1 + e²)) / 2
1.126928
>>> loss.backward()
>>> logits.grad.isclose(Matrix([[-0.0596, 0.0596], [-0.4404, 0.4404]]), abs_tol=1e-4)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from scratchmath.autodiff import Edge, Var, log_softmax
from scratchmath.autodiff.values import check_value, describe, shape_of
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

__all__ = ["binary_cross_entropy", "mse_loss", "one_hot", "softmax_cross_entropy"]


def _node(x: object, what: str) -> Var:
    if isinstance(x, Var):
        return x
    return Var(check_value(x, what), requires_grad=False)


def _labels(labels: object, count: int, classes: int, what: str) -> list[int]:
    """The labels as a list of ``count`` ints in range(classes), or a precise error."""
    if isinstance(labels, int) and not isinstance(labels, bool):
        labels = [labels]
    if isinstance(labels, (str, bytes)) or not isinstance(labels, (Sequence, Vector)):
        raise TypeError(f"labels must be a sequence of class indices, got {type(labels).__name__}")
    if len(labels) != count:
        raise DimensionError(f"{what}: {count} samples but {len(labels)} labels")
    result = []
    for i, label in enumerate(labels):
        if isinstance(label, bool) or not isinstance(label, int):
            raise TypeError(f"label {i} must be an int class index, got {type(label).__name__}")
        if not 0 <= label < classes:
            raise DomainError(
                f"label {i} is {label}, outside the {classes} classes 0 to {classes - 1}"
            )
        result.append(label)
    return result


def one_hot(labels: Sequence[int], classes: int) -> Matrix:
    """The labels as rows of the identity: row i has a 1 in column ``labels[i]``.

    The one-hot rows are the target distributions of a classifier: all the probability on
    the true class.

    >>> one_hot([2, 0], 3)
    Matrix([[0, 0, 1], [1, 0, 0]])

    Raises: DomainError for a label outside range(classes) or classes < 1; TypeError for a
    non-int label; DimensionError for no labels.
    """
    if isinstance(classes, bool) or not isinstance(classes, int):
        raise TypeError(f"classes must be an int, got {type(classes).__name__}")
    if classes < 1:
        raise DomainError(f"classes must be at least 1, got {classes}")
    count = len(labels) if isinstance(labels, (Sequence, Vector)) else 1
    if count == 0:
        raise DimensionError("one_hot needs at least one label")
    checked = _labels(labels, count, classes, "one_hot")
    return Matrix([[1 if j == label else 0 for j in range(classes)] for label in checked])


def mse_loss(pred: object, target: object) -> Var:
    """The mean squared error: (1/N) Σᵢ (ŷᵢ − yᵢ)² over all N entries.

    Over a batch (rows are samples) this is the mean over the samples of each sample's mean
    squared error. It is the cross-entropy of the roadmap in disguise: if the target is the
    prediction plus Gaussian noise, y ~ N(ŷ, σ²), then −ln p(y) = (y − ŷ)²/(2σ²) + const, so
    minimising the squared error maximises the likelihood.

    ``target`` has the shape of ``pred``; a network with one output gives an N×1 Matrix for a
    batch, and then a Vector or list of N targets is accepted as its column.

    >>> pred = Var(Vector([1.0, 2.0]))
    >>> loss = mse_loss(pred, [0.0, 4.0])     # (1² + 2²) / 2
    >>> loss.value
    2.5
    >>> loss.backward(); pred.grad             # 2(ŷ − y)/N
    Vector([1.0, -2.0])

    Raises: DimensionError when the shapes differ (the message names both); TypeError for a
    non-number.
    """
    p = _node(pred, "the predictions")
    y = check_value(target, "the targets")
    p_shape = p.shape
    if len(p_shape) == 2 and p_shape[1] == 1 and isinstance(y, Vector) and len(y) == p_shape[0]:
        y = Matrix([[t] for t in y])
    if shape_of(y) != p_shape:
        raise DimensionError(
            f"mse_loss needs targets of the predictions' shape: predictions "
            f"{describe(p_shape)}, targets {describe(shape_of(y))}"
        )
    error = p - y
    return (error * error).mean()  # type: ignore[no-any-return]


def softmax_cross_entropy(logits: object, labels: object) -> Var:
    """The classifier's loss: −(1/N) Σᵢ ln softmax(zᵢ)_{yᵢ}, labels yᵢ class indices.

    softmax(z)ⱼ = e^(zⱼ) / Σₖ e^(zₖ) turns a row of logits into a distribution q over the
    classes; the loss of a sample is the cross-entropy H(p, q) = −Σⱼ pⱼ ln qⱼ of the
    roadmap with p the one-hot distribution of the true class, which leaves −ln q_y: the
    surprise of the network at the right answer (in nats). Minimising its mean maximises the
    likelihood of the labels.

    Why it is stable: ln softmax(z)_y = z_y − logsumexp(z), and logsumexp subtracts the
    largest logit before exponentiating (autodiff's ``log_softmax``), so logits of ±1000
    give the exact finite loss instead of inf or nan. The gradient per sample is
    (softmax(z) − onehot(y))/N.

    ``logits``: a Vector (one sample, ``labels`` an int or a list of one) or an N×k Matrix
    (``labels`` N ints in 0..k−1).

    >>> softmax_cross_entropy(Vector([1000.0, 0.0]), 1).value   # −ln(e⁰/(e¹⁰⁰⁰ + e⁰))
    1000.0
    >>> softmax_cross_entropy(Vector([0.0, 0.0]), [3])
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: label 0 is 3, outside the 2 classes 0 to 1

    Raises: DomainError for a label outside 0..k−1; DimensionError for a number as logits or
    a count of labels that is not the count of samples; TypeError for a non-int label.
    """
    z = _node(logits, "the logits")
    shape = z.shape
    if not shape:
        raise DimensionError(
            "softmax_cross_entropy needs a Vector or a Matrix of logits, got a number"
        )
    count, classes = (1, shape[0]) if len(shape) == 1 else shape
    # Float one-hot rows: the log-probabilities are floats, and like kinds multiply fastest.
    targets = one_hot(_labels(labels, count, classes, "softmax_cross_entropy"), classes) * 1.0
    if len(shape) == 1:
        return -(log_softmax(z) * targets[0]).sum()  # type: ignore[no-any-return]
    return -(log_softmax(z) * targets).sum() / count  # type: ignore[no-any-return]


#: The floor of a probability inside ln in ``binary_cross_entropy``: ln p ≥ ln 10⁻¹² ≈ −27.6.
PROBABILITY_FLOOR = 1e-12


def _entries(x: Any) -> list[Any]:
    if isinstance(x, Matrix):
        return [e for row in x for e in row]
    if isinstance(x, Vector):
        return list(x)
    return [x]


def _reshape_like(entries: list[Any], like: Any) -> Any:
    if isinstance(like, Matrix):
        n = like.shape[1]
        return Matrix([entries[i : i + n] for i in range(0, len(entries), n)])
    if isinstance(like, Vector):
        return Vector(entries)
    return entries[0]


def binary_cross_entropy(p: object, labels: object) -> Var:
    """The two-class loss: −(1/N) Σᵢ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], yᵢ ∈ {0, 1}.

    pᵢ is the predicted probability of class 1 (a Sigmoid output). This is the roadmap's
    cross-entropy H(p, q) of the Bernoulli distribution of the label against the predicted
    Bernoulli(pᵢ): −ln of the probability given to the true class.

    Why it is stable at p = 0 and p = 1: each sample contributes only the term of its label,
    −ln qᵢ with qᵢ = pᵢ (label 1) or 1 − pᵢ (label 0), so 0·ln 0 = nan is never formed and a
    right prediction with p exactly 0 or 1 costs exactly 0. A confidently wrong one has
    qᵢ = 0: ln qᵢ is taken at max(qᵢ, 10⁻¹²), so the loss is at most ln 10¹² ≈ 27.6 per
    sample instead of inf, and the gradient −1/max(qᵢ, 10⁻¹²) (per sample, over N) stays
    finite and still points the right way (PyTorch clamps the same way). Probabilities
    lose precision near 1 (1 − p is only known to ~10⁻¹⁶): that is where the floor acts.

    ``p``: a number (one sample), a Vector of N probabilities, or an N×1 Matrix (a batch
    through a one-output network); ``labels``: an int, or N ints 0 or 1.

    >>> binary_cross_entropy(Vector([1.0, 0.0]), [1, 0]).value     # right and sure: 0
    0.0
    >>> round(binary_cross_entropy(Vector([0.0]), [1]).value, 4)    # wrong and sure: capped
    27.631
    >>> binary_cross_entropy(0.5, 1).value == math.log(2)
    True

    Raises: DomainError for a probability outside [0, 1] (or nan), or a label other than 0
    or 1; DimensionError when the count of labels is not the count of samples or p is a
    wider Matrix; TypeError for a non-number.
    """
    node = _node(p, "the probabilities")
    value = node.value
    shape = node.shape
    if len(shape) == 2 and shape[1] != 1:
        raise DimensionError(
            f"binary_cross_entropy needs one probability per sample (an N×1 Matrix), "
            f"got {describe(shape)}"
        )
    probabilities = _entries(value)
    for i, pi in enumerate(probabilities):
        if not 0 <= pi <= 1:
            raise DomainError(f"probability {i} is {pi!r}, outside [0, 1]")
    targets = _labels(labels, len(probabilities), 2, "binary_cross_entropy")
    count = len(probabilities)
    floor = PROBABILITY_FLOOR
    # q = the probability given to the true class; only its logarithm is ever taken.
    q = [pi if y == 1 else 1 - pi for pi, y in zip(probabilities, targets, strict=True)]
    loss = 0.0 - math.fsum(math.log(max(qi, floor)) for qi in q) / count  # 0.0 −: no −0.0
    # ∂loss/∂pᵢ = −1/(N qᵢ) for label 1, +1/(N qᵢ) for label 0, qᵢ floored as above.
    slopes = [
        (-1.0 if y == 1 else 1.0) / (count * max(qi, floor))
        for qi, y in zip(q, targets, strict=True)
    ]
    slope_value = _reshape_like(slopes, value)
    return Var.from_operation(loss, "binary_cross_entropy", Edge(node, lambda g: slope_value * g))
