"""Arithmetic that works alike on plain values and on ``Var`` nodes.

Forward mode carries a tangent beside every value, and computes it with the same
operations as the value. When the values are ``Var`` nodes — a dual number built on top of
the graph, as ``hessian`` does — those operations must themselves be recorded, so that a
later ``backward()`` can differentiate the tangent. These functions choose: a ``Var``
operand means the Var operator (a graph node), plain operands the array algebra of
``values``. Both give the same numbers, entry by entry with numpy's broadcasting.

=================  ===========================================================
``is_traced``      whether any operand is a Var (so the operation is recorded)
``plain``          the plain value of a Var, or the value itself
``shape``          the shape of a value or of a Var's value
``add``            a + b            ``subtract``  a − b
``multiply``       a ⊙ b (entrywise) ``divide``    a / b (exact for rationals)
``power``          a ** c (entrywise)
``log``            ln a (entrywise), as a dual number's a ** c needs when c varies
``matmul``         a @ b
``summed``         sums along an axis (numpy's ``sum(axis=…, keepdims=…)``)
``fit``            a tangent stretched to the shape its value was broadcast to
=================  ===========================================================

>>> multiply(Vector([1, 2]), Vector([3, 4]))
Vector([3, 8])
>>> multiply(Var(2), 3).value
6
"""

from __future__ import annotations

import operator
from typing import Any

from scratchmath.autodiff import kernels, values
from scratchmath.autodiff.graph import Edge, Var
from scratchmath.scalars import divide as exact_divide
from scratchmath.vectors import Vector  # noqa: F401  (the examples use it)

__all__ = [
    "add",
    "divide",
    "fit",
    "is_traced",
    "log",
    "matmul",
    "multiply",
    "plain",
    "power",
    "shape",
    "subtract",
    "summed",
]


def is_traced(*operands: Any) -> bool:
    """Whether any operand is a Var, so that the operation must be recorded in a graph.

    >>> is_traced(1, Var(2)), is_traced(1, 2)
    (True, False)
    """
    return any(isinstance(x, Var) for x in operands)


def plain(x: Any) -> Any:
    """The plain value of a Var, or x itself.

    >>> plain(Var(3)), plain(3)
    (3, 3)
    """
    return x.value if isinstance(x, Var) else x


def shape(x: Any) -> tuple[int, ...]:
    """The shape of a value, or of a Var's value.

    >>> shape(Var(Vector([1, 2]))), shape(5)
    ((2,), ())
    """
    return values.shape_of(plain(x))


def add(a: Any, b: Any) -> Any:
    """a + b, entry by entry with broadcasting.

    >>> add(Vector([1, 2]), 1)
    Vector([2, 3])

    Raises: DimensionError for shapes that do not broadcast.
    """
    if is_traced(a, b):
        return a + b
    return values.broadcast(operator.add, a, b, "add")


def subtract(a: Any, b: Any) -> Any:
    """a − b, entry by entry with broadcasting.

    >>> subtract(1, Vector([1, 2]))
    Vector([0, -1])

    Raises: DimensionError for shapes that do not broadcast.
    """
    if is_traced(a, b):
        return a - b
    return values.broadcast(operator.sub, a, b, "subtract")


def multiply(a: Any, b: Any) -> Any:
    """a ⊙ b, the entrywise product, with broadcasting.

    >>> multiply(2, Vector([1, 2]))
    Vector([2, 4])

    Raises: DimensionError for shapes that do not broadcast.
    """
    if is_traced(a, b):
        return a * b
    return values.broadcast(operator.mul, a, b, "multiply")


def divide(a: Any, b: Any) -> Any:
    """a / b entry by entry with broadcasting, exact for rationals.

    >>> divide(1, Vector([2, 4]))
    Vector([Fraction(1, 2), Fraction(1, 4)])

    Raises: DomainError for a division by zero; DimensionError for shapes that do not
    broadcast.
    """
    if is_traced(a, b):
        return a / b
    return values.broadcast(exact_divide, a, b, "divide")


def power(a: Any, c: Any) -> Any:
    """a ** c entry by entry with broadcasting (``kernels.power``: exact for integer c).

    >>> power(Vector([1, 2]), -1)
    Vector([1, Fraction(1, 2)])

    Raises: DomainError for 0 to a negative power or a negative base with a fractional one.
    """
    if is_traced(a, c):
        return a**c
    return values.broadcast(kernels.power, a, c, "raise to a power")


def log(a: Any) -> Any:
    """ln a entry by entry (``kernels.log``); a Var gives a graph node with slope 1/a.

    This is the logarithm of plain values and Vars only: ``Dual`` powers need it below the
    layer of ``scratchmath.autodiff.log``, which takes Duals too and is the one to use.

    >>> log(1), log(Var(2.0)).op
    (0.0, 'log')

    Raises: DomainError for an entry ≤ 0.
    """
    if isinstance(a, Var):
        x = a.value
        y = values.elementwise(kernels.log, x)
        return Var.from_operation(y, "log", Edge(a, lambda g: divide(g, x)))  # d ln x = dx/x
    return values.elementwise(kernels.log, a)


def matmul(a: Any, b: Any) -> Any:
    """a @ b (see ``values.matmul``).

    >>> matmul(Vector([1, 2]), Vector([3, 4]))
    11

    Raises: DimensionError for inner dimensions that differ.
    """
    if is_traced(a, b):
        return a @ b
    return values.matmul(a, b)


def summed(x: Any, axis: int | None = None, keepdims: bool = False) -> Any:
    """Sums along an axis (all entries for axis None), as ``Var.sum`` and numpy's ``sum``.

    >>> summed(Vector([1, 2, 3]))
    6

    Raises: DimensionError for an axis the value does not have.
    """
    if isinstance(x, Var):
        return x.sum(axis, keepdims=keepdims)
    return values.sum_along(x, axis, keepdims)


def fit(t: Any, target: tuple[int, ...]) -> Any:
    """The tangent t stretched to the shape ``target`` its value was broadcast to.

    >>> fit(1, (2,))
    Vector([1, 1])
    """
    if shape(t) == target:
        return t
    return add(t, values.full(target, 0))
