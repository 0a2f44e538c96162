"""Layers: a network is a composition of maps x ↦ σ(Ax + b).

==============  =====================================================================
``Module``      the base of every layer: ``model(x)`` and ``model.parameters()``
``Linear``      the affine map x ↦ xW + b (the roadmap's Ax + b with A = Wᵀ)
``Sigmoid``     σ(z) = 1/(1 + e⁻ᶻ), entry by entry
``Tanh``        tanh z, entry by entry
``ReLU``        max(z, 0), entry by entry
``Sequential``  modules applied one after another: f = fₖ ∘ … ∘ f₁
``MLP``         Linear, activation, Linear, …, Linear: a multilayer perceptron
``as_random``   a ``random.Random`` from a seed (or the Random itself)
``as_input``    a sample or a batch as a graph node (what a module's call does first)
==============  =====================================================================

>>> model = MLP([2, 3, 1], rng=0)
>>> model
MLP([2, 3, 1], activation='tanh')
>>> model(Vector([0.5, -1.0])).shape, model(Matrix([[0.5, -1.0], [1.0, 2.0]])).shape
((1,), (2, 1))
>>> [p.shape for p in model.parameters()]
[(2, 3), (3,), (3, 1), (1,)]

Every module maps one sample (a ``Vector``) or a batch (a ``Matrix`` whose rows are the
samples) to a ``Var`` of the same kind. The parameters are autodiff ``Var``s holding a whole
``Matrix`` or ``Vector``, so a layer is a handful of graph nodes (a matrix product, a
broadcast addition, an activation), not one node per number: backpropagation through a
network is the chain rule of scratchmath.autodiff applied to a short graph, and the
arithmetic runs in the Matrix kernels.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence

from scratchmath.autodiff import Var, relu, sigmoid, tanh
from scratchmath.autodiff.values import check_value, describe
from scratchmath.checks import check_int
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

__all__ = ["MLP", "Linear", "Module", "ReLU", "Sequential", "Sigmoid", "Tanh", "as_random"]


def as_random(rng: object) -> random.Random:
    """``rng`` as a ``random.Random``: a Random is used as it is, an int seeds a new one.

    Randomness in scratchmath flows only through an explicit generator, so the same seed
    gives the same network, the same batches and the same result, bit for bit.

    >>> as_random(7).random() == random.Random(7).random()
    True

    Raises: TypeError for anything else (None included: pass a seed).
    """
    if isinstance(rng, random.Random):
        return rng
    if isinstance(rng, int) and not isinstance(rng, bool):
        return random.Random(rng)
    raise TypeError(f"rng must be a random.Random or an int seed, got {type(rng).__name__}")


def as_input(x: object) -> Var:
    """x as a graph node holding a Vector (one sample) or a Matrix (rows are samples).

    A plain Vector or Matrix (or a list, or a list of rows) becomes a constant node that
    no gradient flows into; a ``Var`` is used as it is.

    >>> as_input([[1, 2], [3, 4]]).value
    Matrix([[1, 2], [3, 4]])

    Raises: DimensionError for a number; TypeError for a non-number.
    """
    node = x if isinstance(x, Var) else Var(check_value(x, "a module's input"), requires_grad=False)
    if not node.shape:
        raise DimensionError(
            "a module takes a Vector (one sample) or a Matrix (rows are samples), got a number"
        )
    return node


class Module:
    """The base of every layer and network: a map from samples to outputs, with parameters.

    ``module(x)`` takes a ``Vector`` (one sample) or a ``Matrix`` (rows are samples) and
    returns a ``Var`` holding a Vector or Matrix; ``module.parameters()`` lists the leaf
    ``Var``s an optimiser updates. A new layer subclasses Module and writes ``forward``
    (and ``parameters`` if it has any) with autodiff operations: the gradient comes free.

    >>> class Double(Module):
    ...     def forward(self, x):
    ...         return x * 2
    >>> Double()(Vector([1, 2])).value
    Vector([2, 4])

    Raises (on call): DimensionError for a number; TypeError for a non-number.
    """

    def __call__(self, x: object) -> Var:
        return self.forward(as_input(x))

    def forward(self, x: Var) -> Var:
        """The output for the input node x (a Vector or Matrix node); subclasses define it."""
        raise NotImplementedError(f"{type(self).__name__} must define forward(x)")

    def parameters(self) -> list[Var]:
        """The trainable parameters (leaf Vars); none for a parameter-free layer.

        >>> Tanh().parameters()
        []
        """
        return []


class Linear(Module):
    """The affine layer x ↦ xW + b: ``n_in`` features in, ``n_out`` out.

    For one sample this is the roadmap's Ax + b with A = Wᵀ (n_out×n_in); W is stored
    n_in×n_out so that a batch X (rows are samples) is the single product XW + b, b added to
    every row. ``weight`` and ``bias`` are leaf Vars.

    Initialisation (seeded by ``rng``, biases 0): ``"xavier"`` (Glorot and Bengio, 2010)
    draws W uniformly from ±√(6/(n_in + n_out)), which keeps the variance of signals and of
    gradients roughly constant through tanh or sigmoid layers; ``"he"`` (He et al., 2015)
    draws from N(0, 2/n_in), making up for ReLU zeroing half its inputs.

    >>> layer = Linear(2, 3, rng=0)
    >>> layer.weight.shape, layer.bias.value
    ((2, 3), Vector([0.0, 0.0, 0.0]))
    >>> layer(Matrix([[1.0, 2.0]])).shape
    (1, 3)

    Raises: DomainError for sizes < 1 or an unknown ``init``; TypeError for a bad ``rng``;
    on call, DimensionError when the input does not have ``n_in`` features.
    """

    def __init__(self, n_in: int, n_out: int, *, rng: object, init: str = "xavier") -> None:
        self.n_in = check_int(n_in, "n_in", minimum=1)
        self.n_out = check_int(n_out, "n_out", minimum=1)
        generator = as_random(rng)
        shape = range(self.n_in), range(self.n_out)
        if init == "xavier":
            limit = math.sqrt(6.0 / (self.n_in + self.n_out))
            table = [[generator.uniform(-limit, limit) for _ in shape[1]] for _ in shape[0]]
        elif init == "he":
            std = math.sqrt(2.0 / self.n_in)
            table = [[generator.gauss(0.0, std) for _ in shape[1]] for _ in shape[0]]
        else:
            raise DomainError(f"init must be 'xavier' or 'he', got {init!r}")
        self.init = init
        self.weight = Var(Matrix(table))
        self.bias = Var(Vector([0.0] * self.n_out))

    def forward(self, x: Var) -> Var:
        features = x.shape[-1]
        if features != self.n_in:
            raise DimensionError(
                f"{self!r} takes {self.n_in} features per sample, got {describe(x.shape)}"
            )
        return x @ self.weight + self.bias

    def parameters(self) -> list[Var]:
        return [self.weight, self.bias]

    def __repr__(self) -> str:
        return f"Linear({self.n_in}, {self.n_out})"


class Sigmoid(Module):
    """σ(z) = 1/(1 + e⁻ᶻ) entry by entry: outputs in (0, 1), slope σ(z)(1 − σ(z)) ≤ 1/4.

    >>> Sigmoid()(Vector([0.0])).value
    Vector([0.5])
    """

    def forward(self, x: Var) -> Var:
        return sigmoid(x)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return "Sigmoid()"


class Tanh(Module):
    """tanh z entry by entry: outputs in (−1, 1), centred at 0, slope 1 − tanh² z.

    >>> Tanh()(Vector([0.0])).value
    Vector([0.0])
    """

    def forward(self, x: Var) -> Var:
        return tanh(x)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return "Tanh()"


class ReLU(Module):
    """max(z, 0) entry by entry, exact for rationals: slope 1 for z > 0, else 0.

    >>> ReLU()(Vector([-1, 2])).value
    Vector([0, 2])
    """

    def forward(self, x: Var) -> Var:
        return relu(x)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return "ReLU()"


class Sequential(Module):
    """Modules applied in turn: ``Sequential(f₁, f₂, …, fₖ)(x) = fₖ(…f₂(f₁(x)))``.

    Its parameters are those of its modules, in order.

    >>> net = Sequential(Linear(2, 2, rng=1), ReLU(), Linear(2, 1, rng=2))
    >>> len(net), net[1], len(net.parameters())
    (3, ReLU(), 4)

    Raises: DomainError for no modules; TypeError for something that is not a Module.
    """

    def __init__(self, *modules: Module) -> None:
        if not modules:
            raise DomainError("Sequential needs at least one module")
        for i, module in enumerate(modules):
            if not isinstance(module, Module):
                raise TypeError(f"module {i} must be a Module, got {type(module).__name__}")
        self.modules: tuple[Module, ...] = tuple(modules)

    def forward(self, x: Var) -> Var:
        for module in self.modules:
            x = module.forward(x)
        return x

    def parameters(self) -> list[Var]:
        return [p for module in self.modules for p in module.parameters()]

    def __len__(self) -> int:
        return len(self.modules)

    def __getitem__(self, i: int) -> Module:
        return self.modules[i]

    def __iter__(self) -> Iterator[Module]:
        return iter(self.modules)

    def __repr__(self) -> str:
        return f"Sequential({', '.join(map(repr, self.modules))})"


_ACTIVATIONS: dict[str, type[Module]] = {"tanh": Tanh, "sigmoid": Sigmoid, "relu": ReLU}


class MLP(Sequential):
    """A multilayer perceptron: Linear layers of the given ``sizes``, an activation between.

    ``MLP([n₀, n₁, …, nₖ])`` maps n₀ features to nₖ outputs through hidden layers of n₁, …,
    nₖ₋₁ units: f(x) = A_k σ(… σ(A₁x + b₁) …) + b_k. The last layer has no activation: its
    outputs are logits for ``softmax_cross_entropy`` (put a ``Sigmoid`` after it, through
    ``Sequential(mlp, Sigmoid())``, for ``binary_cross_entropy``). ``activation`` is
    ``"tanh"``, ``"sigmoid"`` or ``"relu"``; the weights are initialised "he" for relu,
    "xavier" otherwise, from ``rng`` (a seed or a ``random.Random``).

    >>> mlp = MLP([64, 32, 10], activation="relu", rng=0)
    >>> mlp
    MLP([64, 32, 10], activation='relu')
    >>> mlp[0], mlp[1], mlp[2]
    (Linear(64, 32), ReLU(), Linear(32, 10))

    Raises: DomainError for fewer than two sizes, a size < 1 or an unknown activation;
    TypeError for a non-int size or a bad ``rng``.
    """

    def __init__(self, sizes: Sequence[int], *, activation: str = "tanh", rng: object) -> None:
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence):
            raise TypeError(f"sizes must be a sequence of ints, got {type(sizes).__name__}")
        if len(sizes) < 2:
            raise DomainError(
                f"an MLP needs at least two sizes (inputs, outputs), got {len(sizes)}"
            )
        self.sizes = [check_int(n, "every size", minimum=1) for n in sizes]
        if activation not in _ACTIVATIONS:
            names = ", ".join(map(repr, _ACTIVATIONS))
            raise DomainError(f"activation must be one of {names}, got {activation!r}")
        self.activation = activation
        generator = as_random(rng)
        init = "he" if activation == "relu" else "xavier"
        modules: list[Module] = []
        for n_in, n_out in zip(self.sizes, self.sizes[1:], strict=False):
            if modules:
                modules.append(_ACTIVATIONS[activation]())
            modules.append(Linear(n_in, n_out, rng=generator, init=init))
        super().__init__(*modules)

    def __repr__(self) -> str:
        return f"MLP({self.sizes}, activation={self.activation!r})"
