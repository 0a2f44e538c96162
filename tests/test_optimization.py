"""Tests of scratchmath.optimization: the optimisers against their published update rules,
line searches against the conditions they promise, minimize against known minima."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scratchmath.autodiff import Var, grad, log
from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.optimization import (
    METHODS,
    SGD,
    AdaGrad,
    Adam,
    LineSearchResult,
    RMSProp,
    backtracking_line_search,
    minibatches,
    minimize,
    wolfe_line_search,
)
from scratchmath.optimization.minimize import bfgs_update, is_positive_definite, newton_direction
from scratchmath.optimization.test_functions import (
    TEST_PROBLEMS,
    ackley,
    beale,
    booth,
    goldstein_price,
    himmelblau,
    matyas,
    rastrigin,
    rosenbrock,
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
# Line searches: the conditions they promise hold for the step they return.


def rosenbrock_gradient(v: Vector) -> Vector:
    x, y = v
    return Vector([-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)])


points = st.tuples(st.floats(-2, 2), st.floats(-1, 3)).map(lambda p: Vector(list(p)))


@given(points, st.floats(0.1, 0.9))
@example(Vector([1.0, 2.0]), 0.8984375)  # a gentle shrink needs hundreds of trials here
def test_armijo_condition_holds_for_backtracking_step(x: Vector, shrink: float) -> None:
    g = rosenbrock_gradient(x)
    if max(map(abs, g)) < 1e-6:
        return
    d = -g
    alpha = backtracking_line_search(rosenbrock, x, d, shrink=shrink)
    slope = g.dot(d)
    assert rosenbrock(x + alpha * d) <= rosenbrock(x) + 1e-4 * alpha * slope
    if alpha != 1:  # the first of 1, s, s², … that works: the one before it failed
        longer = alpha / shrink
        assert rosenbrock(x + longer * d) > rosenbrock(x) + 1e-4 * longer * slope


@given(
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions().filter(lambda q: q != 0), min_size=2, max_size=2),
)
def test_backtracking_is_exact_over_fractions(x: list[Fraction], g_scale: list[Fraction]) -> None:
    # f = Σ cᵢxᵢ² with rational c: the step is a power of 1/2 and the Armijo test is exact.
    c = [abs(q) + 1 for q in g_scale]

    def f(v: Any) -> Any:
        return c[0] * v[0] ** 2 + c[1] * v[1] ** 2

    point = Vector(x)
    d = -grad(f, point)
    if d == Vector([0, 0]):
        return
    alpha = backtracking_line_search(f, point, d, shrink=Fraction(1, 2), c=Fraction(1, 4))
    assert type(alpha) in (int, Fraction)
    assert f(point + alpha * d) <= f(point) + Fraction(1, 4) * alpha * grad(f, point).dot(d)


@given(points, st.floats(0.1, 0.9))
def test_strong_wolfe_conditions_hold_for_returned_step(x: Vector, c2: float) -> None:
    g = rosenbrock_gradient(x)
    if max(map(abs, g)) < 1e-6:
        return
    d = -g
    result = wolfe_line_search(rosenbrock, x, d, c2=c2)
    assert result.satisfied
    alpha = result.step
    slope = g.dot(d)
    assert result.value == rosenbrock(x + alpha * d)
    assert result.value <= rosenbrock(x) + 1e-4 * alpha * slope
    assert abs(rosenbrock_gradient(x + alpha * d).dot(d)) <= c2 * abs(slope)


@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_strong_wolfe_conditions_hold_on_every_test_problem(name: str) -> None:
    f, start, _ = TEST_PROBLEMS[name]
    g = grad(f, start)
    result = wolfe_line_search(f, start, -g, c2=0.5)
    slope = -g.dot(g)
    assert result.satisfied
    assert result.value <= f(start) + 1e-4 * result.step * slope
    assert abs(grad(f, start - result.step * g).dot(-g)) <= 0.5 * abs(slope)


def test_wolfe_line_search_never_returns_none() -> None:
    # f = −x is unbounded below along d = 1: no step satisfies the curvature condition.
    result = wolfe_line_search(lambda v: -v[0], [0.0], [1.0])
    assert isinstance(result, LineSearchResult)
    assert result.satisfied is False and result.step > 0 and result.value == -result.step


def test_line_searches_shorten_steps_that_leave_the_domain() -> None:
    def barrier(v: Any) -> Any:  # minimum at 1/2; log of a negative number outside (0, 1)
        return -log(v[0]) - log(1 - v[0])

    alpha = backtracking_line_search(barrier, [0.2], [10.0])
    assert 0 < alpha < 0.08 and barrier([0.2 + 10 * alpha]) < barrier([0.2])
    result = wolfe_line_search(barrier, [0.2], [10.0])
    assert result.satisfied and 0 < 0.2 + 10 * result.step < 1


def test_line_searches_take_a_number_and_a_given_gradient() -> None:
    assert backtracking_line_search(lambda x: x * x, 1, -1, grad=lambda x: 2 * x) == 1
    result = wolfe_line_search(lambda x: x * x, 1.0, -1.0, grad=lambda x: 2 * x)
    assert result == LineSearchResult(1, 0.0, True)


def test_backtracking_reports_when_rounding_leaves_no_step() -> None:
    # A wrong "gradient" claims descent where f is flat: no step can decrease f.
    with pytest.raises(ConvergenceError, match="backtracking found no step"):
        backtracking_line_search(lambda v: v[0] * 0 + 1, [1.0], [1.0], grad=lambda v: [-1.0])


@pytest.mark.parametrize("search", [backtracking_line_search, wolfe_line_search])
def test_line_searches_refuse_bad_input(search: Any) -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match=r"not a descent direction: ∇f\(x\)·d = 2\.0 ≥ 0"):
        search(f, [1.0], [1.0])
    with pytest.raises(DimensionError, match="direction has 2 components, x has 1"):
        search(f, [1.0], [1.0, 2.0])
    with pytest.raises(TypeError, match="f must be a callable function, got int"):
        search(3, [1.0], [-1.0])
    with pytest.raises(TypeError, match="grad must be a callable function, got int"):
        search(f, [1.0], [-1.0], grad=3)
    with pytest.raises(TypeError, match="x must be a number, a Vector or a sequence"):
        search(f, "1", [-1.0])
    with pytest.raises(DomainError, match="direction must be finite"):
        search(f, [1.0], [math.nan])
    with pytest.raises(DimensionError, match="x must have at least one coordinate"):
        search(f, [], [])
    with pytest.raises(DomainError, match="f and its gradient must be finite at x"):
        search(lambda v: v[0] * math.inf, [1.0], [-1.0])


def test_line_search_constants_are_checked() -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match=r"c must lie strictly between 0 and 1, got 1"):
        backtracking_line_search(f, [1.0], [-1.0], c=1)
    with pytest.raises(DomainError, match=r"shrink must lie strictly between 0 and 1, got 0"):
        backtracking_line_search(f, [1.0], [-1.0], shrink=0)
    with pytest.raises(DomainError, match=r"c1 must be smaller than c2, got c1 = 0\.5, c2 = 0\.1"):
        wolfe_line_search(f, [1.0], [-1.0], c1=0.5, c2=0.1)
    with pytest.raises(DomainError, match=r"c2 must lie strictly between 0 and 1, got 1"):
        wolfe_line_search(f, [1.0], [-1.0], c2=1)


# --------------------------------------------------------------------------------------------
# Newton's direction and the BFGS update.


def positive_definite(entries: list[Fraction]) -> Matrix:
    """MᵀM + I for a 2×2 M: symmetric positive definite, exact."""
    M = Matrix([entries[:2], entries[2:]])
    return M.T @ M + Matrix.identity(2)


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_bfgs_update_keeps_positive_definite(
    entries: list[Fraction], s: list[Fraction], y: list[Fraction]
) -> None:
    H, sv, yv = positive_definite(entries), Vector(s), Vector(y)
    if not yv.dot(sv) > 0:
        return
    updated = bfgs_update(H, sv, yv)
    assert updated == updated.T
    assert is_positive_definite(updated)


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_bfgs_update_satisfies_secant_equation(
    entries: list[Fraction], s: list[Fraction], y: list[Fraction]
) -> None:
    H, sv, yv = positive_definite(entries), Vector(s), Vector(y)
    if not yv.dot(sv) > 0:
        return
    assert bfgs_update(H, sv, yv) @ yv == sv  # H⁺y = s, exactly


def test_bfgs_update_refuses_negative_curvature() -> None:
    with pytest.raises(DomainError, match=r"BFGS needs the curvature yᵀs > 0, got -1"):
        bfgs_update(Matrix.identity(2), Vector([1, 0]), Vector([-1, 0]))


@given(st.lists(fractions(), min_size=4, max_size=4), st.lists(fractions(), min_size=2, max_size=2))
def test_newton_direction_is_a_descent_direction(
    entries: list[Fraction], g: list[Fraction]
) -> None:
    # Whatever the symmetric H (definite or not), the shifted Newton step goes downhill.
    H = Matrix([[entries[0], entries[1]], [entries[1], entries[2]]])
    gv = Vector(g)
    p, tau = newton_direction(H, gv)
    assert tau >= 0
    assert is_positive_definite(H + Matrix.identity(2) * tau)
    if gv != Vector([0, 0]):
        assert gv.dot(p) < 0
    if is_positive_definite(H):
        assert tau == 0 and H @ p == -gv


# --------------------------------------------------------------------------------------------
# minimize.


def nearest_minimum_distance(x: Vector, minima: tuple[Vector, ...]) -> float:
    return min(max(abs(a - b) for a, b in zip(x, m, strict=True)) for m in minima)


@pytest.mark.parametrize("method", ["bfgs", "newton"])
@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_minimize_finds_every_test_problem_minimum(name: str, method: str) -> None:
    f, start, minima = TEST_PROBLEMS[name]
    result = minimize(f, start, method=method)
    # 1e-6 in x: the minima are known to 16 digits and every run gets to 1e-9 or better;
    # Ackley's minimum is a kink, where only x (not the gradient) can be asked to be small.
    assert nearest_minimum_distance(result.x, minima) < 1e-6
    assert abs(result.value - f(minima[0])) < 1e-10
    if name != "ackley":
        assert result.converged, result.reason
    assert result.path[0] == start and result.path[-1] == result.x
    assert result.steps == len(result.path) - 1


def test_newton_reaches_rosenbrock_minimum_in_under_50_steps() -> None:
    result = minimize(rosenbrock, [-1.2, 1.0], method="newton")
    assert result.converged and result.steps < 50
    assert nearest_minimum_distance(result.x, (Vector([1, 1]),)) < 1e-8


@given(st.lists(fractions(), min_size=4, max_size=4), st.lists(fractions(), min_size=2, max_size=2))
def test_newton_converges_in_one_step_on_a_quadratic(
    entries: list[Fraction], b: list[Fraction]
) -> None:
    A, bv = positive_definite(entries), Vector(b)

    def f(v: Any) -> Any:  # ½xᵀAx + bᵀx, minimum where Ax = −b
        return (
            (v[0] * (A[0, 0] * v[0] + A[0, 1] * v[1]) + v[1] * (A[1, 0] * v[0] + A[1, 1] * v[1]))
            / 2
            + bv[0] * v[0]
            + bv[1] * v[1]
        )

    result = minimize(f, [3.0, -2.0], method="newton", tol=1e-6)
    assert result.steps <= 1 and result.converged
    residual = A @ result.x + bv
    assert max(map(abs, residual)) < 1e-9 * (1 + max(map(abs, bv)))


def test_newton_escapes_a_maximum() -> None:
    # Himmelblau's local maximum near (−0.2708, −0.9230): H is negative definite there,
    # an unshifted Newton step would stay; the shifted one walks down to a minimum.
    f, _, minima = TEST_PROBLEMS["himmelblau"]
    result = minimize(f, [-0.27, -0.92], method="newton")
    assert result.converged and nearest_minimum_distance(result.x, minima) < 1e-8


@given(
    st.lists(fractions(), min_size=4, max_size=4),
    st.lists(fractions(), min_size=2, max_size=2),
    st.lists(fractions(), min_size=2, max_size=2),
)
def test_gd_is_exact_over_fractions_on_a_quadratic(
    entries: list[Fraction], b: list[Fraction], x0: list[Fraction]
) -> None:
    A, bv = positive_definite(entries), Vector(b)

    def f(v: Any) -> Any:
        Av = [A[0, 0] * v[0] + A[0, 1] * v[1], A[1, 0] * v[0] + A[1, 1] * v[1]]
        return (v[0] * Av[0] + v[1] * Av[1]) / 2 + bv[0] * v[0] + bv[1] * v[1]

    lr = Fraction(1, 20)
    result = minimize(f, Vector(x0), method="gd", lr=lr, max_steps=6, tol=Fraction(1, 10**12))
    x, expected = Vector(x0), [Vector(x0)]
    for _ in range(result.steps):
        x = x - lr * (A @ x + bv)  # the closed form: ∇f = Ax + b
        expected.append(x)
    assert list(result.path) == expected
    assert all(type(c) is Fraction for p in result.path for c in p)


@pytest.mark.parametrize(
    ("method", "lr", "budget"),
    [
        ("gd", 0.0015, 11_500),
        ("momentum", 0.001, 1_700),
        ("nesterov", 0.001, 1_700),
        ("adagrad", 1.0, 9_500),
        ("rmsprop", 0.0003, 14_000),
        ("adam", 0.2, 900),
    ],
)
def test_first_order_methods_reach_rosenbrock_minimum(method: str, lr: float, budget: int) -> None:
    # The budgets of docs/optimization.md: steps to come within 1e-3 of (1, 1) from (−1.2, 1).
    result = minimize(
        rosenbrock, [-1.2, 1.0], method=method, lr=lr, max_steps=budget, grad=rosenbrock_gradient
    )
    first = next(
        k
        for k, p in enumerate(result.path)
        if nearest_minimum_distance(p, (Vector([1, 1]),)) < 1e-3
    )
    assert first <= budget


def test_non_convergent_run_reports_a_reason() -> None:
    f = lambda v: v[0] ** 2 + 10 * v[1] ** 2  # noqa: E731  L = 20: gd diverges for lr > 0.1
    diverged = minimize(f, [1.0, 1.0], method="gd", lr=0.2)
    assert not diverged.converged and diverged.reason.startswith("diverged at step")
    short = minimize(f, [1.0, 1.0], method="gd", lr=0.01, max_steps=5)
    assert not short.converged and short.steps == 5 and "max_steps = 5 reached" in short.reason
    assert minimize(f, [1.0, 1.0], max_steps=0).steps == 0


def test_run_reports_leaving_the_domain() -> None:
    result = minimize(lambda x: -log(x) + x, 0.5, method="gd", lr=10.0)
    assert not result.converged and result.reason.startswith("f could not be evaluated at step")
    assert "log needs x > 0" in result.reason
    assert result.x == result.path[-1] and result.value == -math.log(result.x) + result.x


def test_minimize_on_a_number_returns_numbers() -> None:
    result = minimize(lambda x: (x - 2) ** 2, 0.0)
    assert result.converged and isinstance(result.x, float) and abs(result.x - 2) < 1e-9
    assert all(isinstance(p, float) for p in result.path)


def test_minimize_with_a_given_gradient_agrees_with_autodiff() -> None:
    given_grad = minimize(rosenbrock, [-1.2, 1.0], grad=rosenbrock_gradient)
    autodiff = minimize(rosenbrock, [-1.2, 1.0])
    assert given_grad.converged and autodiff.converged
    assert nearest_minimum_distance(given_grad.x, (autodiff.x,)) < 1e-10
    newton = minimize(rosenbrock, [-1.2, 1.0], method="newton", grad=rosenbrock_gradient)
    assert newton.converged and nearest_minimum_distance(newton.x, (Vector([1, 1]),)) < 1e-8


@pytest.mark.parametrize("method", [m for m in METHODS if m not in ("newton", "bfgs")])
def test_every_first_order_method_decreases_a_bowl(method: str) -> None:
    result = minimize(
        lambda v: (v[0] - 1) ** 2 + (v[1] + 1) ** 2,
        [0.0, 0.0],
        method=method,
        lr=0.05,
        max_steps=400,
    )
    assert result.value < 0.01 * 2  # f(x0) = 2


def test_minimize_refuses_bad_input() -> None:
    f = lambda v: v[0] ** 2  # noqa: E731
    with pytest.raises(DomainError, match="unknown method 'sgd': choose one of gd, momentum"):
        minimize(f, [1.0], method="sgd")
    with pytest.raises(TypeError, match="method must be a string, got int"):
        minimize(f, [1.0], method=1)
    with pytest.raises(DomainError, match="lr does not apply to method 'bfgs'"):
        minimize(f, [1.0], lr=0.1)
    with pytest.raises(DomainError, match="lr must be positive, got 0"):
        minimize(f, [1.0], method="gd", lr=0)
    with pytest.raises(DomainError, match="tol must be positive, got -1"):
        minimize(f, [1.0], tol=-1)
    with pytest.raises(DomainError, match="max_steps must be an integer ≥ 0, got -1"):
        minimize(f, [1.0], max_steps=-1)
    with pytest.raises(TypeError, match="max_steps must be an int, got float"):
        minimize(f, [1.0], max_steps=10.0)
    with pytest.raises(TypeError, match="x0 must be a number, a Vector or a sequence"):
        minimize(f, "1")
    with pytest.raises(TypeError, match="x0 must hold real numbers, got complex"):
        minimize(f, [1j])
    with pytest.raises(DomainError, match="x0 must be finite"):
        minimize(f, [math.inf])
    with pytest.raises(DimensionError, match="x0 must have at least one coordinate"):
        minimize(f, [])
    with pytest.raises(TypeError, match="f must be a callable function, got str"):
        minimize("f", [1.0])
    with pytest.raises(DimensionError, match="grad\\(x\\) has 2 components, x has 1"):
        minimize(f, [1.0], grad=lambda v: [1.0, 2.0])
    with pytest.raises(DomainError, match="f and its gradient must be finite at x0"):
        minimize(lambda v: v[0] * math.inf, [1.0])
    with pytest.raises(TypeError, match="f must return a real number, got str"):
        minimize(lambda v: "x", [1.0], grad=lambda v: v)
    with pytest.raises(TypeError, match=r"not a number: float\(\) \(and math\.log"):
        minimize(lambda v: math.exp(v[0]), [1.0])


# --------------------------------------------------------------------------------------------
# The test functions.


@pytest.mark.parametrize("name", sorted(TEST_PROBLEMS))
def test_gradient_vanishes_at_every_known_minimum(name: str) -> None:
    f, _, minima = TEST_PROBLEMS[name]
    for m in minima:
        if name == "ackley":  # a kink: no gradient at the minimum, but f = 0 there
            assert abs(f(m)) < 1e-15
            continue
        assert max(map(abs, grad(f, m))) < 1e-12


def test_test_functions_take_known_values() -> None:
    assert rosenbrock(Vector([1, 1, 1, 1])) == 0 and grad(rosenbrock, Vector([1, 1, 1])) == Vector(
        [0, 0, 0]
    )
    assert rosenbrock([0, 0, 0]) == 2
    assert beale([3, Fraction(1, 2)]) == 0 and booth([1, 3]) == 0 and himmelblau([3, 2]) == 0
    assert goldstein_price([0, -1]) == 3 and matyas([0, 0]) == 0
    assert rastrigin([0.0, 0.0, 0.0]) == 0 and rastrigin([1.0, 0.0]) == pytest.approx(1.0)
    assert abs(ackley([0.0, 0.0, 0.0, 0.0])) < 1e-15 and ackley([1.0, 1.0]) > 3
    assert matyas([1, 1]) == Fraction(1, 25)  # exact at rational points


@pytest.mark.parametrize("f", [rosenbrock, rastrigin, ackley])
def test_any_dimension_functions_refuse_dimension_one(f: Any) -> None:
    with pytest.raises(DimensionError, match=f"{f.__name__} needs a point of dimension ≥ 2, got 1"):
        f([1.0])


@pytest.mark.parametrize("f", [beale, booth, himmelblau, goldstein_price, matyas])
def test_two_variable_functions_refuse_other_dimensions(f: Any) -> None:
    with pytest.raises(
        DimensionError,
        match=f"{f.__name__} is a function of 2 variables, got a point of dimension 3",
    ):
        f([1.0, 2.0, 3.0])


@pytest.mark.parametrize(
    "f", [rosenbrock, beale, booth, himmelblau, rastrigin, ackley, goldstein_price, matyas]
)
def test_test_functions_refuse_a_number(f: Any) -> None:
    with pytest.raises(
        TypeError, match=f"{f.__name__} takes a point \\(a Vector or sequence\\), not float"
    ):
        f(1.0)


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
