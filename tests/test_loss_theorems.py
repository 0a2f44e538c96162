"""The losses of networks.losses, each against its definition and its derivative.

Theorems checked:
- softmax cross-entropy is −(1/N) Σᵢ ln softmax(zᵢ)_{yᵢ} (computed independently with a
  shifted logsumexp), and its gradient is (softmax(z) − onehot(y)) / N;
- binary cross-entropy is −(1/N) Σᵢ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], its gradient is
  −1/(N pᵢ) for label 1 and 1/(N (1 − pᵢ)) for label 0, and a certain wrong answer costs
  ln 10¹² (the floor) instead of inf;
- mean squared error is (1/N) Σ (ŷ − y)² with gradient 2(ŷ − y)/N;
- one_hot(y) has exactly one 1 per row, in column yᵢ; labels outside 0..k−1 are refused.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.errors import DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import binary_cross_entropy, mse_loss, softmax_cross_entropy
from scratchmath.networks.losses import one_hot
from scratchmath.vectors import Vector

logit = st.floats(-30, 30, allow_nan=False)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-12 * max(1.0, abs(b))


@st.composite
def logits_and_labels(draw: st.DrawFn) -> tuple[list[list[float]], list[int]]:
    n, k = draw(st.integers(1, 4)), draw(st.integers(2, 4))
    rows = [[draw(logit) for _ in range(k)] for _ in range(n)]
    return rows, [draw(st.integers(0, k - 1)) for _ in range(n)]


@given(logits_and_labels())
def test_softmax_cross_entropy_is_mean_surprise_with_softmax_minus_onehot_gradient(
    data: tuple[list[list[float]], list[int]],
) -> None:
    rows, labels = data
    n = len(rows)
    z = Var(Matrix(rows))
    loss = softmax_cross_entropy(z, labels)
    want = 0.0
    for row, y in zip(rows, labels, strict=True):
        top = max(row)
        log_total = top + math.log(math.fsum(math.exp(x - top) for x in row))
        want += (log_total - row[y]) / n
    assert _close(loss.value, want)
    loss.backward()
    for i, (row, y) in enumerate(zip(rows, labels, strict=True)):
        top = max(row)
        total = math.fsum(math.exp(x - top) for x in row)
        for j, x in enumerate(row):
            expected = (math.exp(x - top) / total - (j == y)) / n
            assert abs(z.grad[i][j] - expected) <= 1e-13


def test_softmax_cross_entropy_of_one_sample() -> None:
    z = Var(Vector([0.0, math.log(3.0)]))
    loss = softmax_cross_entropy(z, 1)
    assert _close(loss.value, math.log(4 / 3))
    loss.backward()
    assert _close(z.grad[0], 0.25) and _close(z.grad[1], -0.25)


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 1)), min_size=1, max_size=5))
def test_binary_cross_entropy_is_the_bernoulli_surprise(pairs: list[tuple[float, int]]) -> None:
    n = len(pairs)
    p = Var(Matrix([[pi] for pi, _ in pairs]))
    loss = binary_cross_entropy(p, [y for _, y in pairs])
    floor = 1e-12
    q = [pi if y else 1 - pi for pi, y in pairs]
    assert _close(loss.value, -math.fsum(math.log(max(qi, floor)) for qi in q) / n)
    assert loss.value >= 0
    loss.backward()
    for i, (qi, (_, y)) in enumerate(zip(q, pairs, strict=True)):
        assert _close(p.grad[i][0], (-1 if y else 1) / (n * max(qi, floor)))


def test_binary_cross_entropy_known_values() -> None:
    assert _close(
        binary_cross_entropy(Vector([0.2, 0.9]), [1, 0]).value, -(math.log(0.2) + math.log(0.1)) / 2
    )
    assert binary_cross_entropy(1.0, 1).value == 0.0
    assert _close(binary_cross_entropy(0.0, 1).value, 12 * math.log(10))
    with pytest.raises(DomainError, match=r"probability 0 is 1.5, outside \[0, 1\]"):
        binary_cross_entropy(1.5, 1)
    with pytest.raises(DomainError, match="label 0 is 2, outside the 2 classes 0 to 1"):
        binary_cross_entropy(0.5, 2)


@given(st.lists(st.tuples(logit, logit), min_size=1, max_size=5))
def test_mse_is_mean_square_with_gradient_two_error_over_n(
    pairs: list[tuple[float, float]],
) -> None:
    n = len(pairs)
    pred = Var(Vector([a for a, _ in pairs]))
    loss = mse_loss(pred, Vector([b for _, b in pairs]))
    assert _close(loss.value, math.fsum((a - b) ** 2 for a, b in pairs) / n)
    loss.backward()
    for i, (a, b) in enumerate(pairs):
        assert abs(pred.grad[i] - 2 * (a - b) / n) <= 1e-12 * max(1.0, abs(a - b))


@given(
    st.integers(1, 5).flatmap(
        lambda k: st.tuples(st.just(k), st.lists(st.integers(0, k - 1), min_size=1, max_size=4))
    )
)
def test_one_hot_has_one_one_per_row_at_the_label(data: tuple[int, list[int]]) -> None:
    classes, labels = data
    rows = one_hot(labels, classes).tolist()
    assert rows == [[int(j == y) for j in range(classes)] for y in labels]
    with pytest.raises(DomainError, match=f"label 0 is {classes}, outside the {classes} classes"):
        one_hot([classes], classes)
    with pytest.raises(DomainError, match="label 0 is -1, outside"):
        one_hot([-1], classes)
    with pytest.raises(DomainError, match="classes must be at least 1, got 0"):
        one_hot([0], 0)


def test_mse_takes_a_vector_of_targets_as_the_column_of_a_batch() -> None:
    pred = Var(Matrix([[1.0], [3.0]]))
    loss = mse_loss(pred, Vector([0.0, 1.0]))
    assert loss.value == (1.0 + 4.0) / 2
    with pytest.raises(TypeError, match="classes must be an int, got bool"):
        one_hot([0], True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="classes must be an int, got str"):
        one_hot([0], "3")  # type: ignore[arg-type]
