"""The optimisers a network trains with: one step downhill at a time, with tricks.

==============  =========================================================================
``Optimizer``   the protocol: ``step()`` reads each parameter's ``.grad`` and moves its
                ``.value``; ``zero_grad()`` clears the gradients for the next batch
``SGD``         θ ← θ − η·g, with momentum (heavy ball) and Nesterov's look-ahead
``AdaGrad``     each coordinate's step divided by the root of its summed squared slopes
``RMSProp``     the same with a running (decaying) average instead of the whole sum
``Adam``        momentum and RMSProp together, both bias-corrected (Kingma & Ba, 2015)
``minibatches`` a seeded shuffle of range(n) cut into batches: one epoch of SGD
==============  =========================================================================

The parameters are autodiff ``Var`` leaves whose values are numbers, ``Vector``s or
``Matrix``es. The loop is the same for every optimiser: compute a loss from the
parameters, ``backward()`` it, ``step()``, ``zero_grad()``.

>>> from fractions import Fraction
>>> from scratchmath.autodiff import Var
>>> w = Var(Fraction(3))
>>> opt = SGD([w], lr=Fraction(1, 4))
>>> for _ in range(3):
...     loss = (w - 1) ** 2          # minimum at w = 1; ∇ = 2(w − 1)
...     loss.backward()
...     opt.step()
...     opt.zero_grad()
>>> w.value                          # each step halves the distance to 1: 3 → 2 → 3/2 → 5/4
Fraction(5, 4)

Notation: g = ∇L(θ) is the gradient at the current parameters, η the learning rate, and
squares, roots and quotients of vectors are taken coordinate by coordinate.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

from scratchmath.autodiff import Var
from scratchmath.autodiff.values import describe, full, shape_of
from scratchmath.checks import Real, check_finite, check_int, check_nonnegative, check_positive
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.scalars import is_finite, to_float
from scratchmath.vectors import Vector

__all__ = ["SGD", "AdaGrad", "Adam", "Optimizer", "RMSProp", "minibatches"]


# --------------------------------------------------------------------------------------------
# Every rule below is written once, coordinate by coordinate, and applied to numbers, Vectors
# and Matrices alike: ``_each(f, a, b, …)`` is f(a, b, …) for numbers and the entrywise
# ``a.map(f, b, …)`` (one C-level map per row) for Vectors and Matrices of one shape.


def _each(f: Callable[..., Any], *values: Any) -> Any:
    first = values[0]
    if not isinstance(first, (Vector, Matrix)):
        return f(*values)
    if any(_entry_type(v) is float for v in values):
        return first.map(f, *values[1:])  # the fast path: one C-level map per row
    # Exact entries: built by the constructor, which keeps a whole Fraction a Fraction (map
    # would write it as an int), so that every iterate of an exact run is a Fraction.
    if isinstance(first, Vector):
        return Vector(map(f, *values))
    return Matrix([list(map(f, *rows)) for rows in zip(*(v.rows for v in values), strict=True)])


def _entry_type(value: Vector | Matrix) -> type:
    """The type of a Vector's or Matrix's entries (they are homogeneous)."""
    if isinstance(value, Matrix):
        return type(value[0, 0])
    return type(value[0]) if len(value) else int


def _root(x: Any) -> float:
    return math.sqrt(x) if type(x) is float else math.sqrt(to_float(x))


def _is_finite(value: Any) -> bool:
    """No NaN or ±inf among the entries (exact entries are always finite)."""
    if not isinstance(value, (Vector, Matrix)):
        return is_finite(value)
    if _entry_type(value) is not float:
        return True  # Vectors and Matrices are homogeneous: all exact, or all float
    rows: Any = value.rows if isinstance(value, Matrix) else (value,)
    return all(all(map(math.isfinite, row)) for row in rows)


# --------------------------------------------------------------------------------------------
# Checking what an optimiser is given.


def _check_params(params: object) -> list[Var]:
    if isinstance(params, Var):
        raise TypeError("params must be a list of Vars, not a single Var: write [w]")
    try:
        found: list[Var] = list(params)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"params must be a list of Vars, got {type(params).__name__}") from None
    if not found:
        raise DomainError("params is empty: give at least one Var to optimise")
    seen: dict[int, int] = {}
    for i, p in enumerate(found):
        if not isinstance(p, Var):
            raise TypeError(f"params[{i}] must be a Var, got {type(p).__name__}")
        if p.op:
            raise DomainError(
                f"params[{i}] is computed by {p.op!r}: an optimiser updates leaf Vars only"
            )
        if not p.requires_grad:
            raise DomainError(f"params[{i}] has requires_grad=False: it would never move")
        if id(p) in seen:
            raise DomainError(f"params[{i}] is the same Var as params[{seen[id(p)]}]")
        seen[id(p)] = i
    return found


def _check_rate(lr: object) -> Real:
    return check_positive(check_finite(lr, "lr"), "lr")


def _check_decay(beta: object, name: str) -> Real:
    beta = check_finite(beta, name)
    if not 0 <= beta < 1:
        raise DomainError(f"{name} must be in [0, 1), got {beta!r}")
    return beta


def _check_eps(eps: object) -> Real:
    return check_positive(check_finite(eps, "eps"), "eps")


# --------------------------------------------------------------------------------------------
# The protocol.


class Optimizer:
    """The common protocol: ``step()`` moves every parameter using its ``.grad``;
    ``zero_grad()`` sets every ``.grad`` back to None.

    A subclass writes one method, ``_update(i, theta, g)``: parameter i's value and its
    gradient in, the new value out; state (velocities, running averages) is kept
    per parameter by the subclass. A parameter whose ``.grad`` is None (it did not take part
    in the loss) is left where it is, as PyTorch does.

    Raises (from ``step``): DimensionError for a gradient of another shape than its
    parameter; DomainError for a gradient with NaN or ±inf in it: a step along
    it would destroy the parameter silently (lower the learning rate, or look for a log of
    0 in the loss).
    """

    def __init__(self, params: object, lr: object) -> None:
        self.params: list[Var] = _check_params(params)
        self._lr = _check_rate(lr)

    @property
    def lr(self) -> Real:
        """The learning rate η; it may be set between steps (a schedule).

        >>> opt = SGD([Var(1.0)], lr=0.1)
        >>> opt.lr = 0.05
        >>> opt.lr
        0.05

        Raises (on setting): DomainError for η ≤ 0, NaN or ±inf; TypeError for a non-number.
        """
        return self._lr

    @lr.setter
    def lr(self, value: object) -> None:
        self._lr = _check_rate(value)

    def step(self) -> None:
        """Move each parameter one step, using its ``.grad``."""
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            if shape_of(p.grad) != shape_of(p.value):
                raise DimensionError(
                    f"the gradient of params[{i}] is {describe(shape_of(p.grad))}, "
                    f"its value {describe(shape_of(p.value))}"
                )
            if not _is_finite(p.grad):
                raise DomainError(
                    f"the gradient of params[{i}] is not finite ({p.grad!r}): the loss has "
                    f"overflowed or hit a singularity; try a smaller lr"
                )
            p.value = self._update(i, p.value, p.grad)

    def zero_grad(self) -> None:
        """Set ``.grad`` of every parameter to None, ready for the next ``backward()``."""
        for p in self.params:
            p.grad = None

    def _update(self, i: int, theta: Any, g: Any) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self.params)} parameters, lr={self._lr!r})"


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum and Nesterov's look-ahead.

    Plain:      θ ← θ − η·g
    Momentum μ: b ← μ·b + g   (b = g on the first step),  θ ← θ − η·b
    Nesterov:   b ← μ·b + g,  θ ← θ − η·(g + μ·b)

    This is PyTorch's form of momentum (``torch.optim.SGD`` with dampening 0). The "heavy
    ball" textbook form v ← μ·v + η·g, θ ← θ − v is the same sequence of θ when η is
    constant (v = η·b); the two differ only once η changes mid-run. The Nesterov form is
    Sutskever et al.'s look-ahead rewritten so that the gradient is taken at θ itself.
    With int/Fraction values, gradients, η and μ every step is exact.

    >>> from fractions import Fraction
    >>> w = Var(Vector([Fraction(1), Fraction(2)]))
    >>> opt = SGD([w], lr=Fraction(1, 10), momentum=Fraction(1, 2))
    >>> w.grad = Vector([1, 1]); opt.step(); w.value      # b = g
    Vector([Fraction(9, 10), Fraction(19, 10)])
    >>> w.grad = Vector([1, 1]); opt.step(); w.value      # b = ½·1 + 1 = 3/2
    Vector([Fraction(3, 4), Fraction(7, 4)])

    Raises: TypeError for params that are not a list of Vars, or a non-number; DomainError
    for an empty params, a computed or repeated Var, lr ≤ 0 or not finite, momentum < 0 or
    not finite, nesterov without momentum.
    """

    def __init__(
        self, params: object, lr: object, *, momentum: object = 0.0, nesterov: object = False
    ) -> None:
        super().__init__(params, lr)
        self.momentum = check_nonnegative(check_finite(momentum, "momentum"), "momentum")
        if not isinstance(nesterov, bool):
            raise TypeError(f"nesterov must be True or False, got {type(nesterov).__name__}")
        if nesterov and self.momentum == 0:
            raise DomainError("nesterov=True needs momentum > 0, got momentum=0")
        self.nesterov = nesterov
        self._velocity: list[Any] = [None] * len(self.params)

    def _update(self, i: int, theta: Any, g: Any) -> Any:
        lr, mu = self._lr, self.momentum
        if mu == 0:
            return _each(lambda t, gi: t - lr * gi, theta, g)
        b_old = self._velocity[i]
        b = g if b_old is None else _each(lambda bi, gi: mu * bi + gi, b_old, g)
        self._velocity[i] = b
        if self.nesterov:
            return _each(lambda t, gi, bi: t - lr * (gi + mu * bi), theta, g, b)
        return _each(lambda t, bi: t - lr * bi, theta, b)


class AdaGrad(Optimizer):
    """AdaGrad (Duchi, Hazan & Singer, 2011): each coordinate's own, shrinking step.

    s ← s + g²   (s starts at 0),   θ ← θ − η·g / (√s + ε)

    A coordinate that has seen large slopes takes small steps, a rarely-moved one large
    steps. s only grows, so the steps shrink for ever: good for a convex problem, too timid
    for a long training run (RMSProp's fix). ε sits outside the root, as in PyTorch.

    >>> w = Var(Vector([1.0, 1.0]))
    >>> opt = AdaGrad([w], lr=0.5)
    >>> w.grad = Vector([4.0, 0.01]); opt.step()
    >>> [round(x, 6) for x in w.value]     # both coordinates move by η, whatever the slope
    [0.5, 0.5]

    Raises: as SGD for params and lr; DomainError for eps ≤ 0 or not finite.
    """

    def __init__(self, params: object, lr: object = 0.01, *, eps: object = 1e-10) -> None:
        super().__init__(params, lr)
        self.eps = _check_eps(eps)
        self._sum: list[Any] = [full(p.shape, 0) for p in self.params]

    def _update(self, i: int, theta: Any, g: Any) -> Any:
        s = _each(lambda si, gi: si + gi * gi, self._sum[i], g)
        self._sum[i] = s
        lr, eps = self._lr, self.eps
        return _each(lambda t, gi, si: t - lr * gi / (_root(si) + eps), theta, g, s)


class RMSProp(Optimizer):
    """RMSProp (Hinton, Coursera lecture 6e, 2012): AdaGrad with a fading memory.

    v ← ρ·v + (1 − ρ)·g²   (v starts at 0; ρ = ``decay``),   θ ← θ − η·g / (√v + ε)

    The running average forgets old slopes, so the step no longer shrinks for ever. v starts
    at 0, as in Hinton's lecture and PyTorch (HIPS autograd starts it at 1, which makes the
    first steps far smaller than η). ε sits outside the root, as in PyTorch.

    >>> w = Var(1.0)
    >>> opt = RMSProp([w], lr=0.01)
    >>> w.grad = 3.0; opt.step()
    >>> round(w.value, 6)          # v = 0.1·9, step = 0.01·3/√0.9 = 0.01/√0.1
    0.968377

    Raises: as SGD for params and lr; DomainError for decay outside [0, 1) and for eps ≤ 0.
    """

    def __init__(
        self, params: object, lr: object = 0.001, *, decay: object = 0.9, eps: object = 1e-8
    ) -> None:
        super().__init__(params, lr)
        self.decay = _check_decay(decay, "decay")
        self.eps = _check_eps(eps)
        self._average: list[Any] = [full(p.shape, 0) for p in self.params]

    def _update(self, i: int, theta: Any, g: Any) -> Any:
        rho = self.decay
        v = _each(lambda vi, gi: rho * vi + (1 - rho) * gi * gi, self._average[i], g)
        self._average[i] = v
        lr, eps = self._lr, self.eps
        return _each(lambda t, gi, vi: t - lr * gi / (_root(vi) + eps), theta, g, v)


class Adam(Optimizer):
    """Adam (Kingma & Ba, 2015, Algorithm 1): momentum and RMSProp, both bias-corrected.

    At step t = 1, 2, …, with m and v starting at 0:

        m ← β₁·m + (1 − β₁)·g          (first moment: a running mean of g)
        v ← β₂·v + (1 − β₂)·g²         (second moment: a running mean of g²)
        m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
        θ ← θ − α·m̂ / (√v̂ + ε)

    m and v start at 0, so early on they are too small by the factors 1 − β₁ᵗ and 1 − β₂ᵗ;
    dividing by those factors (not by 1 − β, a known bug elsewhere) makes them unbiased. So
    the first step is α·g/(|g| + ε) ≈ α·sign(g): every coordinate moves by about α, whatever
    the scale of the loss. ε sits outside the root, as in the paper.

    >>> w = Var(Vector([1.0, 1.0]))
    >>> opt = Adam([w], lr=0.1)
    >>> w.grad = Vector([1000.0, -0.001]); opt.step()
    >>> [round(x, 4) for x in w.value]      # each coordinate moved by α = 0.1
    [0.9, 1.1]

    Raises: as SGD for params and lr; DomainError for beta1 or beta2 outside [0, 1), and
    for eps ≤ 0.
    """

    def __init__(
        self,
        params: object,
        lr: object = 0.001,
        *,
        beta1: object = 0.9,
        beta2: object = 0.999,
        eps: object = 1e-8,
    ) -> None:
        super().__init__(params, lr)
        self.beta1 = _check_decay(beta1, "beta1")
        self.beta2 = _check_decay(beta2, "beta2")
        self.eps = _check_eps(eps)
        self._moments: list[tuple[Any, Any]] = [
            (full(p.shape, 0), full(p.shape, 0)) for p in self.params
        ]
        self._t = [0] * len(self.params)

    def _update(self, i: int, theta: Any, g: Any) -> Any:
        b1, b2 = self.beta1, self.beta2
        m_old, v_old = self._moments[i]
        m = _each(lambda mi, gi: b1 * mi + (1 - b1) * gi, m_old, g)
        v = _each(lambda vi, gi: b2 * vi + (1 - b2) * gi * gi, v_old, g)
        self._moments[i] = (m, v)
        self._t[i] += 1
        t = self._t[i]
        # Each parameter counts its own steps: one skipped (grad None) keeps its own clock.
        c1, c2 = 1 - b1**t, 1 - b2**t
        lr, eps = self._lr, self.eps
        return _each(lambda th, mi, vi: th - lr * (mi / c1) / (_root(vi / c2) + eps), theta, m, v)


def minibatches(n: int, batch_size: int, *, rng: random.Random) -> list[list[int]]:
    """The indices 0, …, n − 1 shuffled by ``rng`` and cut into batches of ``batch_size``
    (the last one smaller when batch_size does not divide n): one epoch of minibatch SGD.

    Why a minibatch is enough: the loss is a mean over the data, L = (1/n) Σᵢ ℓᵢ, so its
    gradient is the mean of the per-sample gradients. A batch B drawn at random gives
    (1/|B|) Σ_{i∈B} ∇ℓᵢ, an unbiased estimate of ∇L whose variance falls like 1/|B| (the law
    of large numbers): a cheap, noisy step in the right direction on average. Shuffling
    every epoch keeps the batches independent of the order of the data.

    >>> minibatches(5, 2, rng=random.Random(0))
    [[2, 1], [0, 4], [3]]

    Raises: TypeError for non-int n or batch_size, or an rng that is not a random.Random;
    DomainError for n < 1 or batch_size < 1.
    """
    n = check_int(n, "n", minimum=1)
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    if not isinstance(rng, random.Random):
        raise TypeError(f"rng must be a random.Random, got {type(rng).__name__}")
    order = list(range(n))
    rng.shuffle(order)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]
