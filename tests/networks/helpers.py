"""Strategies and helpers shared by several test files of scratchmath.networks."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

from scratchmath.autodiff import Var
from scratchmath.calculus import gradient
from scratchmath.matrices import Matrix
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


small = st.floats(-2.0, 2.0, allow_nan=False)


def matrices(m: int, n: int) -> st.SearchStrategy[Matrix]:
    return st.lists(st.lists(small, min_size=n, max_size=n), min_size=m, max_size=m).map(Matrix)


seeds = st.integers(0, 2**32 - 1)
