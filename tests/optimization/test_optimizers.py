"""Tests of scratchmath.optimization.optimizers.

Theorems and properties checked:

- sgd matches published update
- sgd is exact over fractions
- momentum matches pytorch formula
- nesterov matches pytorch formula over floats
- heavy ball and pytorch momentum agree after rescaling
- momentum zero equals plain gradient descent
- adagrad matches published update
- rmsprop matches published update
- adam matches published update
- adam bias correction
- adam bias correction keeps constant gradient steps at lr
- rmsprop starts its average at zero
- adagrad denominator grows
- optimizers move numbers vectors and matrices
- training loop reduces a loss
- parameter without gradient is left alone
- learning rate can be scheduled
- optimizers refuse bad params
- optimizers refuse bad learning rates
- sgd refuses bad momentum
- decay rates must lie in unit interval
- eps must be positive
- step refuses a non finite gradient
- a gradient of the wrong shape is refused
- minibatches partition the indices
- minibatch gradients average to full gradient
- minibatches refuse bad input
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.optimization import (
    SGD,
    AdaGrad,
    Adam,
    RMSProp,
    minibatches,
)
from scratchmath.vectors import Vector
from tests.strategies import fractions

STEPS = 50

small_floats = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
nonzero_floats = small_floats.filter(lambda x: abs(x) > 1e-3)


def random_gradients(n: int, steps: int) -> Any:
    """A seeded starting point of dimension n and `steps` gradients of dimension n, floats in
    [−10, 10] (drawn from a seed: Hypothesis drawing 150 floats one by one is slow)."""

    def build(seed: int) -> tuple[list[float], list[list[float]]]:
        rng = random.Random(seed)
        start = [rng.uniform(-10, 10) for _ in range(n)]
        return start, [[rng.uniform(-10, 10) for _ in range(n)] for _ in range(steps)]

    return st.integers(0, 2**32).map(build)


def gradient_sequences(elements: Any, n: int, steps: int) -> Any:
    """A starting point of dimension n and `steps` gradients of dimension n."""
    return st.tuples(
        st.lists(elements, min_size=n, max_size=n),
        st.lists(st.lists(elements, min_size=n, max_size=n), min_size=steps, max_size=steps),
    )


def run(optimizer_class: Any, start: list[Any], gradients: list[list[Any]], **kw: Any) -> Any:
    """Drive an optimiser with the given gradients; the list of values after each step."""
    w = Var(Vector(start))
    opt = optimizer_class([w], **kw)
    path = []
    for g in gradients:
        w.grad = Vector(g)
        opt.step()
        opt.zero_grad()
        path.append(list(w.value))
    return path


def close(path: list[list[float]], reference: list[list[float]], rel: float = 1e-12) -> bool:
    return all(
        math.isclose(a, b, rel_tol=rel, abs_tol=rel)
        for row, ref in zip(path, reference, strict=True)
        for a, b in zip(row, ref, strict=True)
    )


# --------------------------------------------------------------------------------------------
# Straightforward transcriptions of the published rules, coordinate by coordinate.


def reference_sgd(theta: list[Any], gradients: list[list[Any]], lr: Any) -> list[list[Any]]:
    path = []
    for g in gradients:
        theta = [t - lr * gi for t, gi in zip(theta, g, strict=True)]
        path.append(theta)
    return path


def reference_pytorch_momentum(
    theta: list[Any], gradients: list[list[Any]], lr: Any, mu: Any, nesterov: bool
) -> list[list[Any]]:
    # torch.optim.SGD, dampening τ = 0: b₁ = g₁, bₜ = μbₜ₋₁ + gₜ; g ← g + μb (Nesterov) or b.
    path, b = [], None
    for g in gradients:
        b = list(g) if b is None else [mu * bi + gi for bi, gi in zip(b, g, strict=True)]
        d = [gi + mu * bi for gi, bi in zip(g, b, strict=True)] if nesterov else b
        theta = [t - lr * di for t, di in zip(theta, d, strict=True)]
        path.append(theta)
    return path


def reference_heavy_ball(
    theta: list[Any], gradients: list[list[Any]], lr: Any, mu: Any
) -> list[list[Any]]:
    # Polyak's heavy ball as textbooks write it: v ← μv + ηg, θ ← θ − v.
    path, v = [], [0] * len(theta)
    for g in gradients:
        v = [mu * vi + lr * gi for vi, gi in zip(v, g, strict=True)]
        theta = [t - vi for t, vi in zip(theta, v, strict=True)]
        path.append(theta)
    return path


def reference_adagrad(
    theta: list[float], gradients: list[list[float]], lr: float, eps: float
) -> Any:
    path, s = [], [0.0] * len(theta)
    for g in gradients:
        s = [si + gi**2 for si, gi in zip(s, g, strict=True)]
        theta = [t - lr * gi / (math.sqrt(si) + eps) for t, gi, si in zip(theta, g, s, strict=True)]
        path.append(theta)
    return path


def reference_rmsprop(
    theta: list[float], gradients: list[list[float]], lr: float, rho: float, eps: float
) -> Any:
    path, v = [], [0.0] * len(theta)
    for g in gradients:
        v = [rho * vi + (1 - rho) * gi**2 for vi, gi in zip(v, g, strict=True)]
        theta = [t - lr * gi / (math.sqrt(vi) + eps) for t, gi, vi in zip(theta, g, v, strict=True)]
        path.append(theta)
    return path


def reference_adam(
    theta: list[float], gradients: list[list[float]], lr: float, b1: float, b2: float, eps: float
) -> Any:
    # Kingma & Ba (2015), Algorithm 1, line by line.
    path, m, v = [], [0.0] * len(theta), [0.0] * len(theta)
    for t, g in enumerate(gradients, start=1):
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g, strict=True)]
        v = [b2 * vi + (1 - b2) * gi**2 for vi, gi in zip(v, g, strict=True)]
        m_hat = [mi / (1 - b1**t) for mi in m]
        v_hat = [vi / (1 - b2**t) for vi in v]
        theta = [
            th - lr * mh / (math.sqrt(vh) + eps)
            for th, mh, vh in zip(theta, m_hat, v_hat, strict=True)
        ]
        path.append(theta)
    return path


# --------------------------------------------------------------------------------------------
# The optimisers against the published rules.


@given(random_gradients(3, STEPS), st.floats(1e-4, 1.0))
def test_sgd_matches_published_update(data: Any, lr: float) -> None:
    start, gradients = data
    assert close(run(SGD, start, gradients, lr=lr), reference_sgd(start, gradients, lr))


@given(gradient_sequences(fractions(), 2, 5), fractions().filter(lambda q: q > 0))
def test_sgd_is_exact_over_fractions(data: Any, lr: Fraction) -> None:
    start, gradients = data
    path = run(SGD, start, gradients, lr=lr, momentum=Fraction(1, 2))
    assert path == reference_pytorch_momentum(start, gradients, lr, Fraction(1, 2), False)
    assert all(type(x) in (int, Fraction) for row in path for x in row)


@given(
    gradient_sequences(fractions(), 2, 5),
    fractions().filter(lambda q: q > 0),
    fractions(9, 10).filter(lambda q: 0 < q < 1),
    st.booleans(),
)
def test_momentum_matches_pytorch_formula(
    data: Any, lr: Fraction, mu: Fraction, nest: bool
) -> None:
    start, gradients = data
    path = run(SGD, start, gradients, lr=lr, momentum=mu, nesterov=nest)
    assert path == reference_pytorch_momentum(start, gradients, lr, mu, nest)


@given(random_gradients(3, STEPS), st.floats(1e-3, 0.5), st.floats(0.1, 0.99))
def test_nesterov_matches_pytorch_formula_over_floats(data: Any, lr: float, mu: float) -> None:
    start, gradients = data
    path = run(SGD, start, gradients, lr=lr, momentum=mu, nesterov=True)
    assert close(path, reference_pytorch_momentum(start, gradients, lr, mu, True))


@given(
    gradient_sequences(fractions(), 2, 5),
    fractions().filter(lambda q: q > 0),
    fractions(9, 10).filter(lambda q: 0 < q < 1),
)
def test_heavy_ball_and_pytorch_momentum_agree_after_rescaling(
    data: Any, lr: Fraction, mu: Fraction
) -> None:
    # v = η·b: the two forms give the same θ for a constant η, exactly.
    start, gradients = data
    assert run(SGD, start, gradients, lr=lr, momentum=mu) == reference_heavy_ball(
        start, gradients, lr, mu
    )


@given(gradient_sequences(fractions(), 2, 5), fractions().filter(lambda q: q > 0))
def test_momentum_zero_equals_plain_gradient_descent(data: Any, lr: Fraction) -> None:
    start, gradients = data
    assert run(SGD, start, gradients, lr=lr, momentum=0) == reference_sgd(start, gradients, lr)


@given(random_gradients(3, STEPS), st.floats(1e-3, 1.0))
def test_adagrad_matches_published_update(data: Any, lr: float) -> None:
    start, gradients = data
    path = run(AdaGrad, start, gradients, lr=lr)
    assert close(path, reference_adagrad(start, gradients, lr, 1e-10))


@given(random_gradients(3, STEPS), st.floats(1e-3, 1.0), st.floats(0.0, 0.999))
def test_rmsprop_matches_published_update(data: Any, lr: float, rho: float) -> None:
    start, gradients = data
    path = run(RMSProp, start, gradients, lr=lr, decay=rho)
    assert close(path, reference_rmsprop(start, gradients, lr, rho, 1e-8))


@given(
    random_gradients(3, STEPS),
    st.floats(1e-4, 0.1),
    st.floats(0.0, 0.99),
    st.floats(0.9, 0.9999),
)
def test_adam_matches_published_update(data: Any, lr: float, b1: float, b2: float) -> None:
    start, gradients = data
    path = run(Adam, start, gradients, lr=lr, beta1=b1, beta2=b2)
    assert close(path, reference_adam(start, gradients, lr, b1, b2, 1e-8))


@given(st.lists(nonzero_floats, min_size=1, max_size=4), st.floats(1e-4, 0.5))
def test_adam_bias_correction(g: list[float], lr: float) -> None:
    # m̂₁ = g and v̂₁ = g²: the first step is α·g/(|g| + ε) ≈ α·sign(g) in every coordinate.
    path = run(Adam, [0.0] * len(g), [g], lr=lr)
    for x, gi in zip(path[0], g, strict=True):
        assert math.isclose(x, -lr * gi / (abs(gi) + 1e-8), rel_tol=1e-12)
        assert math.isclose(x, -lr * math.copysign(1, gi), rel_tol=2e-8 / abs(gi))


@given(st.lists(nonzero_floats, min_size=1, max_size=3), st.floats(1e-3, 0.1))
def test_adam_bias_correction_keeps_constant_gradient_steps_at_lr(
    g: list[float], lr: float
) -> None:
    # For a constant g, m̂ₜ = g and v̂ₜ = g² at every t: each step is α·sign(g). Dividing by
    # 1 − β instead of 1 − βᵗ (a known bug) would break this from the second step on.
    path = run(Adam, [0.0] * len(g), [g] * 10, lr=lr)
    for t, row in enumerate(path, start=1):
        for x, gi in zip(row, g, strict=True):
            assert math.isclose(x, -t * lr * gi / (abs(gi) + 1e-8), rel_tol=1e-12)


def test_rmsprop_starts_its_average_at_zero() -> None:
    # v₁ = (1 − ρ)g²: the first step is η/√(1 − ρ), not the η·g/√(ρ + (1 − ρ)g²) of v₀ = 1.
    path = run(RMSProp, [0.0], [[5.0]], lr=0.01, decay=0.9)
    assert math.isclose(path[0][0], -0.01 * 5 / (math.sqrt(0.1 * 25) + 1e-8), rel_tol=1e-12)


def test_adagrad_denominator_grows() -> None:
    # With a constant gradient, s = t·g², so step t has size η/√t: the steps shrink for ever.
    path = run(AdaGrad, [0.0], [[2.0]] * 16, lr=1.0, eps=1e-300)
    steps = [b[0] - a[0] for a, b in zip([[0.0], *path], path, strict=False)]
    for t, step in enumerate(steps, start=1):
        assert math.isclose(step, -1 / math.sqrt(t), rel_tol=1e-12)


def test_optimizers_move_numbers_vectors_and_matrices() -> None:
    a, v, m = Var(Fraction(1)), Var(Vector([1, 2])), Var(Matrix([[1, 2], [3, 4]]))
    opt = SGD([a, v, m], lr=Fraction(1, 2))
    a.grad, v.grad, m.grad = 2, Vector([2, 2]), Matrix([[2, 0], [0, 2]])
    opt.step()
    assert (a.value, v.value, m.value) == (0, Vector([0, 1]), Matrix([[0, 2], [3, 3]]))
    opt.zero_grad()
    assert (a.grad, v.grad, m.grad) == (None, None, None)


def test_training_loop_reduces_a_loss() -> None:
    w = Var(Vector([3.0, -2.0]))
    for cls, lr in ((SGD, 0.1), (AdaGrad, 0.5), (RMSProp, 0.05), (Adam, 0.1)):
        w.value = Vector([3.0, -2.0])
        opt = cls([w], lr=lr)
        for _ in range(300):
            loss = (w * w).sum()
            loss.backward()
            opt.step()
            opt.zero_grad()
        assert (w.value[0] ** 2 + w.value[1] ** 2) < 0.05, cls.__name__


def test_parameter_without_gradient_is_left_alone() -> None:
    a, b = Var(1.0), Var(2.0)
    opt = Adam([a, b], lr=0.1)
    a.grad = 1.0
    opt.step()
    assert b.value == 2.0 and a.value == pytest.approx(0.9)


def test_learning_rate_can_be_scheduled() -> None:
    w = Var(0)
    opt = SGD([w], lr=1)
    opt.lr = Fraction(1, 2)
    w.grad = 1
    opt.step()
    assert w.value == Fraction(-1, 2)
    with pytest.raises(DomainError, match="lr must be positive, got -1"):
        opt.lr = -1


# --------------------------------------------------------------------------------------------
# Bad input: the exception class and its message.


@pytest.mark.parametrize("cls", [SGD, AdaGrad, RMSProp, Adam])
def test_optimizers_refuse_bad_params(cls: Any) -> None:
    w = Var(1.0)
    with pytest.raises(TypeError, match=r"params must be a list of Vars, not a single Var"):
        cls(w, lr=0.1)
    with pytest.raises(TypeError, match="params must be a list of Vars, got int"):
        cls(3, lr=0.1)
    with pytest.raises(DomainError, match="params is empty"):
        cls([], lr=0.1)
    with pytest.raises(TypeError, match=r"params\[1\] must be a Var, got float"):
        cls([w, 2.0], lr=0.1)
    with pytest.raises(DomainError, match=r"params\[0\] is computed by '\*'"):
        cls([w * 2], lr=0.1)
    with pytest.raises(DomainError, match=r"params\[1\] is the same Var as params\[0\]"):
        cls([w, w], lr=0.1)
    with pytest.raises(DomainError, match=r"params\[0\] has requires_grad=False"):
        cls([Var(1.0, requires_grad=False)], lr=0.1)


@pytest.mark.parametrize("cls", [SGD, AdaGrad, RMSProp, Adam])
@pytest.mark.parametrize(
    ("lr", "error", "message"),
    [
        (0, DomainError, "lr must be positive, got 0"),
        (-0.1, DomainError, "lr must be positive, got -0.1"),
        (math.inf, DomainError, "lr must be finite, got inf"),
        (math.nan, DomainError, "lr must be a number, got NaN"),
        ("0.1", TypeError, "lr must be a real number, got str"),
    ],
)
def test_optimizers_refuse_bad_learning_rates(cls: Any, lr: Any, error: Any, message: str) -> None:
    with pytest.raises(error, match=message):
        cls([Var(1.0)], lr=lr)


def test_sgd_refuses_bad_momentum() -> None:
    with pytest.raises(DomainError, match=r"momentum must be non-negative, got -0\.5"):
        SGD([Var(1.0)], 0.1, momentum=-0.5)
    with pytest.raises(DomainError, match="momentum must be finite, got inf"):
        SGD([Var(1.0)], 0.1, momentum=math.inf)
    with pytest.raises(DomainError, match="nesterov=True needs momentum > 0, got momentum=0"):
        SGD([Var(1.0)], 0.1, nesterov=True)
    with pytest.raises(TypeError, match="nesterov must be True or False, got str"):
        SGD([Var(1.0)], 0.1, momentum=0.9, nesterov="yes")


@pytest.mark.parametrize(("cls", "name"), [(RMSProp, "decay"), (Adam, "beta1"), (Adam, "beta2")])
@pytest.mark.parametrize("beta", [1, -0.1, 1.5])
def test_decay_rates_must_lie_in_unit_interval(cls: Any, name: str, beta: float) -> None:
    with pytest.raises(DomainError, match=rf"{name} must be in \[0, 1\), got {beta}"):
        cls([Var(1.0)], 0.1, **{name: beta})


@pytest.mark.parametrize("cls", [AdaGrad, RMSProp, Adam])
def test_eps_must_be_positive(cls: Any) -> None:
    with pytest.raises(DomainError, match="eps must be positive, got 0"):
        cls([Var(1.0)], 0.1, eps=0)
    with pytest.raises(DomainError, match="eps must be finite, got inf"):
        cls([Var(1.0)], 0.1, eps=math.inf)


@pytest.mark.parametrize("cls", [SGD, AdaGrad, RMSProp, Adam])
def test_step_refuses_a_non_finite_gradient(cls: Any) -> None:
    w = Var(Vector([1.0, 2.0]))
    opt = cls([w], lr=0.1)
    w.grad = Vector([1.0, math.inf])
    with pytest.raises(DomainError, match=r"the gradient of params\[0\] is not finite"):
        opt.step()
    assert w.value == Vector([1.0, 2.0])


def test_a_gradient_of_the_wrong_shape_is_refused() -> None:
    w = Var(Vector([1.0, 2.0]))
    opt = SGD([w], lr=0.1)
    w.grad = Vector([1.0, 2.0, 3.0])
    with pytest.raises(DimensionError, match=r"params\[0\] is a vector of dimension 3, its value"):
        opt.step()


# --------------------------------------------------------------------------------------------
# Minibatches.


@given(st.integers(1, 60), st.integers(1, 70), st.integers(0, 2**32))
def test_minibatches_partition_the_indices(n: int, size: int, seed: int) -> None:
    batches = minibatches(n, size, rng=random.Random(seed))
    assert sorted(i for b in batches for i in b) == list(range(n))
    assert all(len(b) == size for b in batches[:-1]) and 1 <= len(batches[-1]) <= size
    assert batches == minibatches(n, size, rng=random.Random(seed))


@given(
    st.lists(fractions(), min_size=12, max_size=12),
    st.sampled_from([1, 2, 3, 4, 6, 12]),
    st.integers(0, 99),
)
def test_minibatch_gradients_average_to_full_gradient(
    data: list[Fraction], size: int, seed: int
) -> None:
    # The loss (1/n)Σ(w − dᵢ)²: the mean of the batch gradients over an epoch is ∇L, exactly.
    w = Fraction(1, 3)

    def batch_gradient(batch: list[int]) -> Fraction:
        return sum((2 * (w - data[i]) for i in batch), Fraction(0)) / len(batch)

    batches = minibatches(len(data), size, rng=random.Random(seed))
    mean = sum((batch_gradient(b) for b in batches), Fraction(0)) / len(batches)
    assert mean == batch_gradient(list(range(len(data))))


def test_minibatches_refuse_bad_input() -> None:
    with pytest.raises(DomainError, match="n must be an integer ≥ 1, got 0"):
        minibatches(0, 2, rng=random.Random(0))
    with pytest.raises(DomainError, match="batch_size must be an integer ≥ 1, got 0"):
        minibatches(4, 0, rng=random.Random(0))
    with pytest.raises(TypeError, match="batch_size must be an int, got float"):
        minibatches(4, 2.0, rng=random.Random(0))
    with pytest.raises(TypeError, match=r"rng must be a random\.Random, got int"):
        minibatches(4, 2, rng=0)
