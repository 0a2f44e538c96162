"""The layers of networks.layers against their definitions.

Theorems checked:
- Xavier/Glorot initialisation draws U(−a, a), a = √(6/(n_in + n_out)): every weight lies in
  [−a, a], the extremes come within 2% of ±a, and the variance is a²/3 = 2/(n_in + n_out);
- He initialisation draws N(0, 2/n_in): mean ≈ 0 and variance ≈ 2/n_in (4000 draws, within 10%);
- Linear is affine: L(x) = xW + b entry by entry for one sample and for every row of a batch;
- Sequential(f, g)(x) = g(f(x)), and its parameters are its modules' in order.
"""

from __future__ import annotations

import math
import statistics

import pytest

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks.layers import MLP, Linear, ReLU, Sequential, Tanh
from scratchmath.vectors import Vector


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
