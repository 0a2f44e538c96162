"""Tests of scratchmath.networks.layers.

The layers of networks.layers against their definitions.

Every gradient the layers produce is checked against calculus's finite differences
(Ridders' extrapolation), so a wrong local derivative anywhere in a layer's graph fails here.

Theorems and properties checked:
- Xavier/Glorot initialisation draws U(−a, a), a = √(6/(n_in + n_out)): every weight lies in
  [−a, a], the extremes come within 2% of ±a, and the variance is a²/3 = 2/(n_in + n_out);
- He initialisation draws N(0, 2/n_in): mean ≈ 0 and variance ≈ 2/n_in (4000 draws, within 10%);
- Linear is affine: L(x) = xW + b entry by entry for one sample and for every row of a batch;
- Sequential(f, g)(x) = g(f(x)), and its parameters are its modules' in order.
- linear gradient matches finite differences
- linear input gradient matches finite differences
- activation gradient matches finite differences
- backpropagation through mlp is the chain rule
- linear is an affine map
- initialisation is seeded and within the xavier bound
- he initialisation has variance two over fan in
- module maps a sample to a vector and a batch to a matrix
- mlp structure and parameters
- module without forward
- layer bad inputs
- sequential and mlp bad inputs
- regression targets give nan accuracy
- module is importable from package root modules
"""

from __future__ import annotations

import math
import random
import statistics
import sys
from typing import Any

import pytest
from hypothesis import given, settings

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    MLP,
    Linear,
    Module,
    ReLU,
    Sequential,
    Sigmoid,
    Tanh,
    mse_loss,
    softmax_cross_entropy,
    train,
)
from scratchmath.networks.layers import as_random
from scratchmath.vectors import Vector
from tests.networks.helpers import Descent, assert_close, flat, matrices, numeric_gradient, seeds


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


def test_regression_targets_give_nan_accuracy() -> None:
    model = MLP([1, 3, 1], rng=0)
    X, y = Matrix([[0.0], [0.5], [1.0]]), [0.0, 0.25, 1.0]
    history = train(model, X, y, loss=mse_loss, optimizer=Descent(model.parameters(), 0.1),
                    epochs=3, batch_size=3, rng=0, progress=False)  # fmt: skip
    assert all(math.isnan(a) for a in history.accuracy)
    assert history.loss[-1] < history.loss[0]


def test_module_is_importable_from_package_root_modules() -> None:
    assert "scratchmath.networks" in sys.modules


def _weights(layer: Linear) -> list[float]:
    return [w for row in layer.weight.value for w in row]


@pytest.mark.parametrize(("n_in", "n_out"), [(40, 100), (100, 20)])
def test_xavier_is_uniform_on_plus_minus_sqrt_six_over_fan(n_in: int, n_out: int) -> None:
    a = math.sqrt(6 / (n_in + n_out))
    w = _weights(Linear(n_in, n_out, rng=1))
    assert max(w) <= a and min(w) >= -a
    assert max(w) > 0.98 * a and min(w) < -0.98 * a
    assert statistics.pvariance(w) == pytest.approx(a * a / 3, rel=0.1)


@pytest.mark.parametrize(("n_in", "n_out"), [(40, 100), (100, 40)])
def test_he_is_normal_with_variance_two_over_fan_in(n_in: int, n_out: int) -> None:
    layer = Linear(n_in, n_out, rng=2, init="he")
    assert layer.weight.value.shape == (n_in, n_out)
    w = _weights(layer)
    assert abs(statistics.fmean(w)) < 0.1 * math.sqrt(2 / n_in)
    assert statistics.pvariance(w) == pytest.approx(2 / n_in, rel=0.1)


def test_linear_is_affine() -> None:
    layer = Linear(2, 3, rng=0)
    layer.bias = Var(Vector([1.0, -2.0, 0.5]))
    W = layer.weight.value
    x = [0.25, -3.0]
    want = [x[0] * W[0][j] + x[1] * W[1][j] + layer.bias.value[j] for j in range(3)]
    assert list(layer(Vector(x)).value) == pytest.approx(want, rel=1e-15)
    batch = layer(Matrix([x, [1.0, 2.0]])).value
    assert list(batch[0]) == pytest.approx(want, rel=1e-15)
    assert batch[1][2] == pytest.approx(W[0][2] + 2 * W[1][2] + 0.5, rel=1e-15)
    with pytest.raises(DimensionError, match=r"Linear\(2, 3\) takes 2 features per sample"):
        layer(Vector([1.0, 2.0, 3.0]))
    with pytest.raises(DomainError, match="init must be 'xavier' or 'he'"):
        Linear(2, 3, rng=0, init="glorot")


def test_sequential_composes_in_order() -> None:
    first, second = Linear(2, 2, rng=3), Linear(2, 1, rng=4)
    net = Sequential(first, ReLU(), second, Tanh())
    x = Vector([0.5, -1.0])
    inner = [max(v, 0.0) for v in first(x).value]
    want = math.tanh(second(Vector(inner)).value[0])
    assert net(x).value[0] == pytest.approx(want, rel=1e-15)
    assert net.parameters() == [first.weight, first.bias, second.weight, second.bias]
    assert len(net) == 4 and net[1].parameters() == []


def test_mlp_is_linear_layers_with_the_initialisation_of_its_activation() -> None:
    relu_net = MLP([1, 4, 2], activation="relu", rng=0)
    assert [m.init for m in relu_net if isinstance(m, Linear)] == ["he", "he"]
    assert [m.init for m in MLP([2, 3], rng=0) if isinstance(m, Linear)] == ["xavier"]
    assert repr(relu_net) == "MLP([1, 4, 2], activation='relu')"
    with pytest.raises(DomainError, match=r"an MLP needs at least two sizes .*, got 1"):
        MLP([3], rng=0)
    with pytest.raises(TypeError, match="sizes must be a sequence of ints, got str"):
        MLP("34", rng=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"rng must be a random\.Random or an int seed, got bool"):
        Linear(1, 1, rng=True)
    with pytest.raises(TypeError, match=r"rng must be a random\.Random or an int seed, got str"):
        Linear(1, 1, rng="seed")
    assert Linear(1, 1, rng=0).weight.value.shape == (1, 1)
