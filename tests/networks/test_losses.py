"""Tests of scratchmath.networks.losses.

The losses of networks.losses, each against its definition and its derivative.

Theorems and properties checked:
- softmax cross-entropy is −(1/N) Σᵢ ln softmax(zᵢ)_{yᵢ} (computed independently with a
  shifted logsumexp), and its gradient is (softmax(z) − onehot(y)) / N;
- binary cross-entropy is −(1/N) Σᵢ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], its gradient is
  −1/(N pᵢ) for label 1 and 1/(N (1 − pᵢ)) for label 0, and a certain wrong answer costs
  ln 10¹² (the floor) instead of inf;
- mean squared error is (1/N) Σ (ŷ − y)² with gradient 2(ŷ − y)/N;
- one_hot(y) has exactly one 1 per row, in column yᵢ; labels outside 0..k−1 are refused.
- softmax cross entropy gradient is softmax minus one hot
- softmax cross entropy is shift invariant
- softmax cross entropy stable at logits 1000
- softmax cross entropy matches the definition
- binary cross entropy gradient matches finite differences
- binary cross entropy matches the definition and is stable at 0 and 1
- mse loss gradient is twice the error over n
- mse loss is exact and takes a column of targets
- loss bad inputs
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    binary_cross_entropy,
    mse_loss,
    softmax_cross_entropy,
)
from scratchmath.networks.losses import one_hot
from scratchmath.vectors import Vector
from tests.networks.helpers import assert_close, matrices, numeric_gradient, small

# ---------------------------------------------------------------------------------------
# Losses
# ---------------------------------------------------------------------------------------


@settings(max_examples=20)
@given(matrices(3, 4), st.lists(st.integers(0, 3), min_size=3, max_size=3))
def test_softmax_cross_entropy_gradient_is_softmax_minus_one_hot(
    Z: Matrix, labels: list[int]
) -> None:
    z = Var(Z)
    softmax_cross_entropy(z, labels).backward()
    expected = numeric_gradient(lambda v: softmax_cross_entropy(v, labels).value, Z)
    assert_close(z.grad, expected)


@given(matrices(2, 3), st.lists(st.integers(0, 2), min_size=2, max_size=2), small)
def test_softmax_cross_entropy_is_shift_invariant(Z: Matrix, labels: list[int], c: float) -> None:
    # softmax(z + c) = softmax(z): adding a constant to every logit changes nothing.
    a = softmax_cross_entropy(Z, labels).value
    b = softmax_cross_entropy(Z.map(lambda x: x + c), labels).value
    assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def test_softmax_cross_entropy_stable_at_logits_1000() -> None:
    z = Var(Matrix([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, -1000.0]]))
    loss = softmax_cross_entropy(z, [2, 0])
    # sample 1: −ln softmax = 2000 exactly; sample 2: ln 2 (two equal winners)
    assert loss.value == (2000.0 + math.log(2)) / 2
    loss.backward()
    assert z.grad.isclose(Matrix([[0.5, 0.0, -0.5], [-0.25, 0.25, 0.0]]), abs_tol=1e-15)
    assert softmax_cross_entropy(Vector([-1000.0, 1000.0]), 1).value == 0.0


def test_softmax_cross_entropy_matches_the_definition() -> None:
    # −ln(e^{z_y} / Σ e^{z_j}) written out for a small case
    z = [0.5, -1.0, 2.0]
    expected = -math.log(math.exp(z[0]) / sum(map(math.exp, z)))
    assert math.isclose(softmax_cross_entropy(Vector(z), [0]).value, expected, rel_tol=1e-14)


@settings(max_examples=20)  # Ridders' first step is ~0.1: keep p that far inside (0, 1)
@given(st.lists(st.floats(0.15, 0.85), min_size=1, max_size=4), st.data())
def test_binary_cross_entropy_gradient_matches_finite_differences(
    ps: list[float], data: st.DataObject
) -> None:
    labels = data.draw(st.lists(st.integers(0, 1), min_size=len(ps), max_size=len(ps)))
    p = Var(Vector(ps))
    binary_cross_entropy(p, labels).backward()
    assert_close(p.grad, numeric_gradient(lambda v: binary_cross_entropy(v, labels).value, p.value))


def test_binary_cross_entropy_matches_the_definition_and_is_stable_at_0_and_1() -> None:
    p, y = [0.9, 0.2, 0.6], [1, 0, 0]
    expected = (
        -sum(t * math.log(q) + (1 - t) * math.log(1 - q) for q, t in zip(p, y, strict=True)) / 3
    )
    assert math.isclose(binary_cross_entropy(Vector(p), y).value, expected, rel_tol=1e-14)
    # exactly right and sure: 0, not nan (no 0·ln 0 is formed)
    assert binary_cross_entropy(Matrix([[1.0], [0.0]]), [1, 0]).value == 0.0
    # exactly wrong and sure: the floor ln 10⁻¹², and a finite gradient pointing the right way
    p_var = Var(Vector([0.0, 1.0]))
    loss = binary_cross_entropy(p_var, [1, 0])
    assert loss.value == -math.log(1e-12)
    loss.backward()
    assert p_var.grad[0] < 0 < p_var.grad[1] and all(map(math.isfinite, p_var.grad))


@settings(max_examples=20)
@given(matrices(3, 2), matrices(3, 2))
def test_mse_loss_gradient_is_twice_the_error_over_n(P: Matrix, T: Matrix) -> None:
    p = Var(P)
    mse_loss(p, T).backward()
    assert_close(p.grad, (P - T) * (2 / 6), tol=1e-12)
    assert_close(p.grad, numeric_gradient(lambda v: mse_loss(v, T).value, P))


def test_mse_loss_is_exact_and_takes_a_column_of_targets() -> None:
    assert mse_loss(Matrix([[1], [2]]), [0, 0]).value == Fraction(5, 2)
    assert mse_loss(Vector([Fraction(1, 2)]), [0]).value == Fraction(1, 4)


def test_loss_bad_inputs() -> None:
    with pytest.raises(DomainError, match="label 1 is 3, outside the 3 classes 0 to 2"):
        softmax_cross_entropy(Matrix([[0.0, 0.0, 0.0]] * 2), [0, 3])
    with pytest.raises(DomainError, match="label 0 is -1, outside the 2 classes 0 to 1"):
        softmax_cross_entropy(Vector([0.0, 0.0]), -1)
    with pytest.raises(DimensionError, match="softmax_cross_entropy: 2 samples but 3 labels"):
        softmax_cross_entropy(Matrix([[0.0, 0.0]] * 2), [0, 1, 1])
    with pytest.raises(DimensionError, match="needs a Vector or a Matrix of logits, got a number"):
        softmax_cross_entropy(1.0, 0)
    with pytest.raises(TypeError, match="label 0 must be an int class index, got float"):
        softmax_cross_entropy(Vector([0.0, 0.0]), [1.0])
    with pytest.raises(TypeError, match="labels must be a sequence of class indices, got str"):
        softmax_cross_entropy(Vector([0.0, 0.0]), "1")
    with pytest.raises(DomainError, match=r"probability 1 is 1.5, outside"):
        binary_cross_entropy(Vector([0.5, 1.5]), [0, 1])
    with pytest.raises(DomainError, match="probability 0 is nan, outside"):
        binary_cross_entropy(Vector([math.nan]), [0])
    with pytest.raises(DomainError, match="label 0 is 2, outside the 2 classes 0 to 1"):
        binary_cross_entropy(Vector([0.5]), [2])
    with pytest.raises(DimensionError, match=r"one probability per sample .* got 2×2"):
        binary_cross_entropy(Matrix([[0.5, 0.5], [0.5, 0.5]]), [0, 1])
    with pytest.raises(DimensionError, match="binary_cross_entropy: 2 samples but 1 labels"):
        binary_cross_entropy(Vector([0.5, 0.5]), [1])
    with pytest.raises(DimensionError, match="predictions 2×1, targets a vector of dimension 3"):
        mse_loss(Matrix([[1.0], [2.0]]), [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="the targets must be a real number"):
        mse_loss(Vector([1.0]), "a")
    with pytest.raises(DomainError, match="classes must be at least 1, got 0"):
        one_hot([0], 0)


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
