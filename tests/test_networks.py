"""Tests of scratchmath.networks: layers, losses, training, datasets.

Every gradient the layers and losses produce is checked against calculus's finite
differences (Ridders' extrapolation), so a wrong local derivative anywhere in a layer's
graph fails here; the datasets are checked against the published counts and checksums.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import random
import sys
from fractions import Fraction
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.calculus import gradient
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    Dataset,
    History,
    Linear,
    Module,
    ReLU,
    Sequential,
    Sigmoid,
    Tanh,
    accuracy,
    binary_cross_entropy,
    digits,
    iris,
    mse_loss,
    predict,
    softmax_cross_entropy,
    spirals,
    standardize,
    train,
    train_test_split,
    two_moons,
    xor,
)
from scratchmath.networks.layers import as_random
from scratchmath.networks.losses import one_hot
from scratchmath.vectors import Vector

# ---------------------------------------------------------------------------------------
# Helpers: a plain optimiser of the SGD/Adam interface, and finite-difference gradients.
# ---------------------------------------------------------------------------------------


class Descent:
    """x ← x − lr·∇: the interface of optimization.SGD, kept local so these tests stand
    alone (and stay exact over Fractions)."""

    def __init__(self, params: list[Var], lr: Any) -> None:
        self.params = list(params)
        self.lr = lr

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        for p in self.params:
            p.value = p.value - self.lr * p.grad


def flat(value: Any) -> list[Any]:
    if isinstance(value, Matrix):
        return [x for row in value for x in row]
    if isinstance(value, (Vector, list)):
        return list(value)
    return [value]


def unflat(entries: Any, like: Any) -> Any:
    entries = list(entries)
    if isinstance(like, Matrix):
        n = like.shape[1]
        return Matrix([entries[i : i + n] for i in range(0, len(entries), n)])
    if isinstance(like, Vector):
        return Vector(entries)
    return entries[0]


def numeric_gradient(f: Any, at: Any) -> list[float]:
    """∇f at a Vector/Matrix value by calculus.gradient (Ridders' extrapolation), flattened."""
    return list(gradient(lambda v: f(unflat(v, at)), Vector([float(x) for x in flat(at)])))


def assert_close(got: Any, expected: Any, tol: float = 1e-6) -> None:
    for g, e in zip(flat(got), flat(expected), strict=True):
        assert math.isclose(g, e, rel_tol=tol, abs_tol=tol), (got, expected)


def check_parameter_gradients(model: Module, X: Any, loss: Any) -> None:
    """Each parameter's backpropagated gradient against finite differences of the loss."""
    value = loss(model(X))
    value.backward()
    for p in model.parameters():
        saved = p.value

        def f(w: Any, p: Var = p, saved: Any = saved) -> float:
            p.value = w
            try:
                return float(loss(model(X)).value)
            finally:
                p.value = saved

        assert_close(p.grad, numeric_gradient(f, saved))


small = st.floats(-2.0, 2.0, allow_nan=False)


def matrices(m: int, n: int) -> st.SearchStrategy[Matrix]:
    return st.lists(st.lists(small, min_size=n, max_size=n), min_size=m, max_size=m).map(Matrix)


seeds = st.integers(0, 2**32 - 1)

# ---------------------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------------------


@settings(max_examples=20)
@given(matrices(3, 4), seeds)
def test_linear_gradient_matches_finite_differences(X: Matrix, seed: int) -> None:
    layer = Linear(4, 2, rng=seed)
    weights = Matrix([[0.3, -0.7], [1.1, 0.2]])
    check_parameter_gradients(layer, X, lambda out: (out * out).sum() + (out @ weights).sum())


@given(matrices(2, 3), seeds)
def test_linear_input_gradient_matches_finite_differences(X: Matrix, seed: int) -> None:
    layer = Linear(3, 2, rng=seed)
    x = Var(X)
    (layer(x) * layer(x)).sum().backward()
    expected = numeric_gradient(lambda v: float((layer(v) * layer(v)).sum().value), X)
    assert_close(x.grad, expected)


@pytest.mark.parametrize("activation", [Sigmoid(), Tanh(), ReLU()], ids=repr)
@given(X=matrices(2, 3))
def test_activation_gradient_matches_finite_differences(activation: Module, X: Matrix) -> None:
    if isinstance(activation, ReLU):  # the kink: finite differences straddle it
        X = X.map(lambda x: x if abs(x) > 1e-3 else 0.5)
    x = Var(X)
    out = activation(x)
    (out * out).sum().backward()
    expected = numeric_gradient(lambda v: float((activation(v) * activation(v)).sum().value), X)
    assert_close(x.grad, expected)


# Each example differentiates ~20 parameters numerically: a few examples per activation.
@pytest.mark.parametrize("name", ["tanh", "sigmoid", "relu"])
@settings(max_examples=8)
@given(X=matrices(3, 2), seed=seeds)
def test_backpropagation_through_mlp_is_the_chain_rule(name: str, X: Matrix, seed: int) -> None:
    model = MLP([2, 3, 2], activation=name, rng=seed)
    if name == "relu":  # keep away from the kink of every hidden unit
        hidden = model[0](X).value
        if any(abs(h) < 1e-3 for row in hidden for h in row):
            return
    check_parameter_gradients(model, X, lambda out: softmax_cross_entropy(out, [0, 1, 1]))


def test_linear_is_an_affine_map() -> None:
    layer = Linear(2, 3, rng=0)
    layer.weight.value = Matrix([[1, 2, 3], [4, 5, 6]])
    layer.bias.value = Vector([1, 0, -1])
    # One sample: xW + b, exact; a batch: every row the same map.
    assert layer(Vector([1, 1])).value == Vector([6, 7, 8])
    assert layer(Matrix([[1, 1], [0, 1]])).value == Matrix([[6, 7, 8], [5, 5, 5]])


@given(seeds)
def test_initialisation_is_seeded_and_within_the_xavier_bound(seed: int) -> None:
    a, b = Linear(5, 3, rng=seed), Linear(5, 3, rng=random.Random(seed))
    assert a.weight.value == b.weight.value
    limit = math.sqrt(6 / 8)
    assert all(abs(w) <= limit for w in flat(a.weight.value))
    assert a.bias.value == Vector([0.0, 0.0, 0.0])


def test_he_initialisation_has_variance_two_over_fan_in() -> None:
    weights = flat(Linear(50, 200, rng=1, init="he").weight.value)
    variance = math.fsum(w * w for w in weights) / len(weights)
    # 10 000 draws of N(0, 0.04): the sample variance is within 5 standard errors.
    assert abs(variance - 0.04) < 5 * 0.04 * math.sqrt(2 / len(weights))


def test_module_maps_a_sample_to_a_vector_and_a_batch_to_a_matrix() -> None:
    model = MLP([2, 3, 4], rng=0)
    assert isinstance(model(Vector([1.0, 2.0])).value, Vector)
    batch = model(Matrix([[1.0, 2.0], [3.0, 4.0]])).value
    assert batch.shape == (2, 4)
    # the batch's rows are the samples' outputs
    assert batch[1].isclose(model(Vector([3.0, 4.0])).value)


def test_mlp_structure_and_parameters() -> None:
    model = MLP([4, 8, 8, 3], activation="relu", rng=0)
    assert [type(m).__name__ for m in model] == [
        "Linear", "ReLU", "Linear", "ReLU", "Linear"
    ]  # fmt: skip
    assert [p.shape for p in model.parameters()] == [(4, 8), (8,), (8, 8), (8,), (8, 3), (3,)]
    assert model[0].init == "he" and MLP([2, 2], rng=0)[0].init == "xavier"
    assert repr(Sequential(Linear(2, 2, rng=0), Tanh())) == "Sequential(Linear(2, 2), Tanh())"


def test_module_without_forward() -> None:
    with pytest.raises(NotImplementedError, match="Module must define forward"):
        Module()(Vector([1.0]))


def test_layer_bad_inputs() -> None:
    layer = Linear(3, 2, rng=0)
    with pytest.raises(
        DimensionError, match=r"Linear\(3, 2\) takes 3 features per sample, got 2×2"
    ):
        layer(Matrix([[1.0, 2.0], [3.0, 4.0]]))
    with pytest.raises(
        DimensionError, match="takes 3 features per sample, got a vector of dimension 2"
    ):
        layer(Vector([1.0, 2.0]))
    with pytest.raises(DimensionError, match=r"a module takes a Vector .* got a number"):
        Tanh()(3.0)
    with pytest.raises(TypeError, match="a module's input must be a real number"):
        ReLU()("x")
    with pytest.raises(DimensionError, match=r"a module takes a Vector .* got a number"):
        Sigmoid()(Var(0.5))
    with pytest.raises(DomainError, match="n_in must be an integer ≥ 1, got 0"):
        Linear(0, 2, rng=0)
    with pytest.raises(TypeError, match="n_out must be an int, got float"):
        Linear(2, 2.0, rng=0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="init must be 'xavier' or 'he', got 'glorot'"):
        Linear(2, 2, rng=0, init="glorot")
    with pytest.raises(
        TypeError, match=r"rng must be a random.Random or an int seed, got NoneType"
    ):
        Linear(2, 2, rng=None)
    with pytest.raises(TypeError, match=r"rng must be a random.Random or an int seed, got bool"):
        as_random(True)


def test_sequential_and_mlp_bad_inputs() -> None:
    with pytest.raises(DomainError, match="Sequential needs at least one module"):
        Sequential()
    with pytest.raises(TypeError, match="module 1 must be a Module, got function"):
        Sequential(Tanh(), lambda x: x)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"an MLP needs at least two sizes .* got 1"):
        MLP([3], rng=0)
    with pytest.raises(DomainError, match="every size must be an integer ≥ 1, got 0"):
        MLP([3, 0, 2], rng=0)
    with pytest.raises(TypeError, match="sizes must be a sequence of ints, got int"):
        MLP(3, rng=0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="activation must be one of 'tanh', 'sigmoid', 'relu'"):
        MLP([2, 2], activation="gelu", rng=0)


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


def test_regression_targets_give_nan_accuracy() -> None:
    model = MLP([1, 3, 1], rng=0)
    X, y = Matrix([[0.0], [0.5], [1.0]]), [0.0, 0.25, 1.0]
    history = train(model, X, y, loss=mse_loss, optimizer=Descent(model.parameters(), 0.1),
                    epochs=3, batch_size=3, rng=0, progress=False)  # fmt: skip
    assert all(math.isnan(a) for a in history.accuracy)
    assert history.loss[-1] < history.loss[0]


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


# ---------------------------------------------------------------------------------------
# Datasets
# ---------------------------------------------------------------------------------------


def _sha256_of_data(name: str) -> str:
    raw = resources.files("scratchmath.networks").joinpath("data", name).read_bytes()
    return hashlib.sha256(gzip.decompress(raw) if name.endswith(".gz") else raw).hexdigest()


def test_iris_integrity() -> None:
    data = iris()
    assert data.X.shape == (150, 4) and len(data.y) == 150
    assert data.class_counts() == [50, 50, 50]
    assert data.target_names == ("setosa", "versicolor", "virginica")
    # Fisher's values, not the UCI file's two errors (samples 35 and 38)
    assert data.X[34] == Vector([4.9, 3.1, 1.5, 0.2])
    assert data.X[37] == Vector([4.9, 3.6, 1.4, 0.1])
    # checksums: the column sums of Fisher's table, and the file itself
    sums = [round(math.fsum(c), 1) for c in data.X.columns]
    assert sums == [876.5, 458.6, 563.7, 179.9]
    assert _sha256_of_data("iris.csv") == (
        "9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355"
    )


def test_digits_integrity() -> None:
    data = digits()
    assert data.X.shape == (1797, 64) and len(data.y) == 1797
    assert data.class_counts() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert set(x for row in data.X for x in row) == set(map(float, range(17)))
    assert data.X[0, :8] == Vector([0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0])
    assert int(math.fsum(x for row in data.X for x in row)) == 561718
    assert _sha256_of_data("digits.csv.gz") == (
        "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
    )
    assert resources.files("scratchmath.networks").joinpath("data", "README.md").is_file()


def test_generated_datasets() -> None:
    assert Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]) == xor().X and xor().y == (0, 1, 1, 0)
    moons = two_moons(101, noise=0.0, rng=0)
    assert moons.X.shape == (101, 2) and moons.class_counts() == [51, 50]
    # without noise the upper moon lies on the unit circle
    for row, label in zip(moons.X, moons.y, strict=True):
        if label == 0:
            assert math.isclose(math.hypot(*row), 1.0)
    assert two_moons(20, noise=0.1, rng=3) == two_moons(20, noise=0.1, rng=3)
    sp = spirals(50, noise=0.0, rng=0)
    assert sp.class_counts() == [25, 25]
    assert max(math.hypot(*row) for row in sp.X) == pytest.approx(1.0)


def test_dataset_bad_inputs() -> None:
    with pytest.raises(DimensionError, match="a label per sample: 2 samples, 1 labels"):
        Dataset(Matrix([[0], [1]]), (0,), ("a",), ("x", "y"))
    with pytest.raises(DimensionError, match="a name per feature: 1 features, 2 names"):
        Dataset(Matrix([[0]]), (0,), ("a", "b"), ("x",))
    with pytest.raises(TypeError, match="X must be a Matrix whose rows are samples, got list"):
        Dataset([[0]], (0,), ("a",), ("x",))  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="n must be an integer ≥ 2, got 1"):
        two_moons(1, noise=0.1, rng=0)
    with pytest.raises(DomainError, match="noise must be"):
        spirals(10, noise=-0.1, rng=0)
    with pytest.raises(DomainError, match="noise must be finite, got inf"):
        spirals(10, noise=math.inf, rng=0)
    with pytest.raises(DomainError, match=r"test_fraction must be between 0 and 1 .* got 1"):
        train_test_split(xor(), test_fraction=1, rng=0)
    with pytest.raises(TypeError, match="dataset must be a Dataset, got Matrix"):
        train_test_split(xor().X, test_fraction=0.5, rng=0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="leaves an empty training set out of 4 samples"):
        train_test_split(xor(), test_fraction=0.9, rng=0)
    with pytest.raises(
        TypeError, match="standardize takes Datasets or Matrices, argument 1 is list"
    ):
        standardize(xor(), [[1, 2]])
    with pytest.raises(DimensionError, match="the training set has 2 features, argument 1 has 3"):
        standardize(xor().X, Matrix([[1, 2, 3]]))


@given(
    st.lists(st.integers(1, 40), min_size=1, max_size=6),
    st.sampled_from([0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.75]),
    seeds,
)
def test_stratified_split_gives_each_class_its_share(
    sizes: list[int], fraction: float, seed: int
) -> None:
    labels = [c for c, size in enumerate(sizes) for _ in range(size)]
    data = Dataset(
        Matrix([[i] for i in range(len(labels))]),
        labels,
        ("i",),
        [str(c) for c in range(len(sizes))],
    )
    try:
        train_set, test_set = train_test_split(data, test_fraction=fraction, rng=seed)
    except DomainError:  # a split with an empty side: only when f·N rounds to everything
        assert math.ceil(Fraction(repr(fraction)) * len(labels)) == len(labels)
        return
    assert len(test_set) == math.ceil(Fraction(repr(fraction)) * len(labels))
    for c, size in enumerate(sizes):
        assert abs(test_set.class_counts()[c] - fraction * size) < 1
    # a partition: every sample exactly once
    assert sorted(flat(train_set.X) + flat(test_set.X)) == list(range(len(labels)))


def test_split_is_seeded_and_the_documented_digits_split() -> None:
    a = train_test_split(iris(), test_fraction=0.2, rng=5)
    assert a == train_test_split(iris(), test_fraction=0.2, rng=5)
    assert [len(a[0]), len(a[1])] == [120, 30] and a[1].class_counts() == [10, 10, 10]
    train_set, test_set = train_test_split(digits(), test_fraction=0.25, rng=0)
    assert (len(train_set), len(test_set)) == (1347, 450)
    unstratified = train_test_split(iris(), test_fraction=0.2, rng=5, stratify=False)
    assert len(unstratified[1]) == 30


def test_standardize_uses_the_training_statistics() -> None:
    train_set, test_set = train_test_split(iris(), test_fraction=0.2, rng=0)
    z_train, z_test = standardize(train_set, test_set)
    for column in z_train.X.columns:
        assert abs(math.fsum(column) / len(column)) < 1e-12
        assert math.isclose(math.fsum(x * x for x in column) / len(column), 1.0)
    # the test set is moved by the training mean and scale, so its mean is not exactly 0
    assert z_test.y == test_set.y and z_test.target_names == test_set.target_names
    assert any(abs(math.fsum(c) / len(c)) > 1e-3 for c in z_test.X.columns)
    # a constant feature is only shifted
    (constant,) = standardize(Matrix([[3.0, 1.0], [3.0, 2.0]]))
    assert constant.columns[0] == Vector([0.0, 0.0])


def test_module_is_importable_from_package_root_modules() -> None:
    assert "scratchmath.networks" in sys.modules
