"""The values that flow through a computation graph: numbers, Vectors and Matrices.

Automatic differentiation moves two kinds of quantity through a program: the values
themselves on the way forward, and gradients (or tangents) of the same shapes alongside
or on the way back. Both are plain scratchmath values — a real number, a ``Vector`` or a
``Matrix`` — and this module is the small array algebra they need, written once.

==================  =====================================================================
``Value``           the type of a value: int | float | Fraction | Vector | Matrix
``check_value``     x as a real number, Vector or Matrix (a list becomes one), or TypeError
``shape_of``        () for a number, (n,) for a Vector, (m, n) for a Matrix
``describe``        a shape in words, as error messages name it ("2×3")
``size``            the number of entries
``full``            the value of a shape with every entry c
``elementwise``     f applied to every entry
``broadcast``       a binary operation entry by entry, stretching a number, a row or a
                    column to the other operand's shape (numpy's rule)
``expand_to``       a value stretched to a larger shape, as ``broadcast`` would stretch it
``reduce_to``       the sums that undo a stretch: the gradient of a broadcast operand
``total``           Σ of all entries (exact for rationals, ``math.fsum`` for floats)
``sum_along``       sums along one axis (numpy's ``sum(axis=…)``)
``restore_axis``    a sum's gradient spread back over the axis that was summed
``matmul``          A @ B, A @ x, x @ A or u @ v
``outer``           the outer product u vᵀ
``transpose``       Aᵀ (a number or a Vector is its own transpose)
==================  =====================================================================

>>> broadcast(operator.add, Matrix([[1, 2], [3, 4]]), Vector([10, 20]), "add")
Matrix([[11, 22], [13, 24]])
>>> reduce_to(Matrix([[1, 2], [3, 4]]), (2,))   # the gradient of the stretched Vector
Vector([4, 6])

Broadcasting follows numpy: shapes are aligned on the right (a Vector of dimension n is a
row, 1×n), and a dimension of length 1 stretches to match the other. So a Matrix of shape
m×n combines with a number, with a Vector of dimension n (added to every row), with an
m×1 column and with a 1×n row. Reverse mode must undo every stretch — an entry that was
used m times receives the sum of m gradients — and that is what ``reduce_to`` does.
"""

from __future__ import annotations

import numbers
import operator  # noqa: F401  (the examples use operator.add and operator.mul)
from collections.abc import Callable
from fractions import Fraction
from itertools import chain
from typing import Any

from scratchmath.errors import DimensionError
from scratchmath.matrices import Matrix
from scratchmath.scalars import EXACT, accurate_sum, check_scalar, kind_of
from scratchmath.vectors import Vector

__all__ = [
    "Value",
    "broadcast",
    "check_value",
    "describe",
    "elementwise",
    "expand_to",
    "full",
    "matmul",
    "outer",
    "reduce_to",
    "restore_axis",
    "shape_of",
    "size",
    "sum_along",
    "total",
    "transpose",
]

Value = int | float | Fraction | Vector | Matrix
"""What flows through a graph: a real number, a ``Vector`` or a ``Matrix``."""

Shape = tuple[int, ...]


def check_value(x: object, what: str = "a value") -> Any:
    """x as a real number, a Vector or a Matrix; a list of numbers becomes a Vector, a list
    of lists a Matrix.

    Complex numbers are refused: a derivative of a function of a complex variable is a
    different notion (it exists only for holomorphic functions), and gradients here are real.

    >>> check_value([1, 2]), check_value(Fraction(1, 2))
    (Vector([1, 2]), Fraction(1, 2))
    >>> check_value("x")
    Traceback (most recent call last):
    ...
    TypeError: a value must be a real number, a Vector or a Matrix, not str

    Raises: TypeError for anything else (a bool, a complex number, a string).
    """
    t = type(x)
    if t is int or t is float or t is Fraction:
        return x
    if t is Vector or t is Matrix:
        first = _first_entry(x)  # type: ignore[arg-type]
        if isinstance(first, complex):
            raise TypeError(f"{what} must be real: autodiff does not take complex entries")
        return x
    if isinstance(x, (list, tuple)) and not x:
        return Vector(())
    if isinstance(x, (list, tuple)):
        if all(isinstance(row, (list, tuple, Vector)) for row in x):
            return check_value(Matrix(x), what)
        return check_value(Vector(x), what)
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return check_scalar(x, what)  # another registered real type: the nearest of ours
    raise TypeError(f"{what} must be a real number, a Vector or a Matrix, not {t.__name__}")


def _first_entry(x: Vector | Matrix) -> Any:
    if isinstance(x, Matrix):
        return x[0, 0]
    return x[0] if len(x) else 0


def shape_of(x: Any) -> Shape:
    """() for a number, (n,) for a Vector of dimension n, (m, n) for an m×n Matrix.

    >>> shape_of(3), shape_of(Vector([1, 2])), shape_of(Matrix([[1, 2, 3]]))
    ((), (2,), (1, 3))
    """
    t = type(x)  # exact type tests first: isinstance against an ABC (Vector) is slow
    if t is int or t is float or t is Fraction:
        return ()
    if isinstance(x, Matrix):
        return x.shape
    if isinstance(x, Vector):
        return (len(x),)
    return ()


def describe(shape: Shape) -> str:
    """A shape in words, the way error messages name it.

    >>> describe(()), describe((3,)), describe((2, 3))
    ('a number', 'a vector of dimension 3', '2×3')
    """
    if not shape:
        return "a number"
    if len(shape) == 1:
        return f"a vector of dimension {shape[0]}"
    return f"{shape[0]}×{shape[1]}"


def size(x: Any) -> int:
    """The number of entries: 1 for a number, n for a Vector, m·n for a Matrix.

    >>> size(5), size(Vector([1, 2])), size(Matrix([[1, 2], [3, 4]]))
    (1, 2, 4)
    """
    shape = shape_of(x)
    return shape[0] * shape[1] if len(shape) == 2 else shape[0] if shape else 1


def full(shape: Shape, c: Any) -> Any:
    """The value of the given shape whose every entry is c.

    >>> full((2,), 0), full((1, 2), 1.0), full((), 7)
    (Vector([0, 0]), Matrix([[1.0, 1.0]]), 7)
    """
    if not shape:
        return c
    if len(shape) == 1:
        return Vector((c,) * shape[0])
    return Matrix(((c,) * shape[1],) * shape[0])


def elementwise(f: Callable[[Any], Any], x: Any) -> Any:
    """f applied to every entry of x (to x itself if it is a number).

    >>> elementwise(abs, Vector([-1, 2])), elementwise(abs, -3)
    (Vector([1, 2]), 3)
    """
    if isinstance(x, (Vector, Matrix)):
        return x.map(f)
    return f(x)


def _table(x: Vector | Matrix) -> tuple[tuple[Any, ...], ...]:
    """The entries as a tuple of rows; a Vector is one row (numpy's alignment)."""
    if isinstance(x, Vector):
        return (tuple(x),)
    return tuple(map(tuple, x))


def _stretch(table: tuple[tuple[Any, ...], ...], rows: int, columns: int) -> Any:
    if len(table[0]) != columns:  # a single column, repeated across
        table = tuple(row * columns for row in table)
    if len(table) != rows:  # a single row, repeated down
        table = table * rows
    return table


def _common(a: int, b: int) -> int | None:
    """The broadcast length of two dimensions: equal, or one of them 1; None if neither."""
    if a == b or b == 1:
        return a
    if a == 1:
        return b
    return None


def _mismatch(verb: str, a: Any, b: Any) -> DimensionError:
    return DimensionError(f"cannot {verb} {describe(shape_of(a))} and {describe(shape_of(b))}")


_NUMBERS = frozenset((int, float, Fraction))


def broadcast(op: Callable[[Any, Any], Any], a: Any, b: Any, verb: str) -> Any:
    """op applied entry by entry to a and b, broadcasting as numpy does.

    (a ∘ b)ᵢⱼ = op(aᵢⱼ, bᵢⱼ), where a number stands for every entry, a Vector of dimension
    n for every row of an m×n Matrix, and an m×1 (1×n) Matrix for every column (row).
    ``verb`` names the operation in the error message.

    >>> broadcast(operator.mul, 2, Vector([1, 2]), "multiply")
    Vector([2, 4])
    >>> broadcast(operator.add, Matrix([[1, 2]]), Vector([1, 2, 3]), "add")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DimensionError: cannot add 1×2 and a vector of dimension 3

    Raises: DimensionError when the shapes cannot be broadcast together (the message names
    both); whatever op raises (a DomainError for a division by zero, say).
    """
    if type(a) in _NUMBERS and type(b) in _NUMBERS:  # the scalar graph's fast path
        return op(a, b)
    a_array, b_array = isinstance(a, (Vector, Matrix)), isinstance(b, (Vector, Matrix))
    if not a_array:
        if not b_array:
            return op(a, b)
        return b.map(lambda y: op(a, y))
    if not b_array:
        return a.map(lambda x: op(x, b))
    if type(a) is type(b):
        if shape_of(a) == shape_of(b):
            return a.map(op, b)
        if isinstance(a, Vector):
            raise _mismatch(verb, a, b)
    ta, tb = _table(a), _table(b)
    rows, columns = _common(len(ta), len(tb)), _common(len(ta[0]), len(tb[0]))
    if rows is None or columns is None:
        raise _mismatch(verb, a, b)
    ta, tb = _stretch(ta, rows, columns), _stretch(tb, rows, columns)
    return Matrix(tuple(map(op, r, s)) for r, s in zip(ta, tb, strict=True))


def _second(_: Any, y: Any) -> Any:
    return y


def expand_to(g: Any, shape: Shape) -> Any:
    """g stretched to ``shape`` as ``broadcast`` would stretch it.

    >>> expand_to(Vector([1, 2]), (2, 2))
    Matrix([[1, 2], [1, 2]])

    Raises: DimensionError when g cannot be stretched to that shape.
    """
    if shape_of(g) == shape:
        return g
    zero = full(shape, 0)
    if not shape:
        raise _mismatch("stretch", g, zero)
    result = broadcast(_second, zero, g, "stretch")
    if shape_of(result) != shape:
        raise _mismatch("stretch", g, zero)
    return result


def total(x: Any) -> Any:
    """Σ of all entries: exact for rationals, correctly rounded (``math.fsum``) for floats.

    >>> total(Matrix([[1, 2], [3, Fraction(1, 2)]])), total(Vector([0.1] * 10))
    (Fraction(13, 2), 1.0)
    """
    if isinstance(x, Matrix):
        return accurate_sum(chain.from_iterable(x), kind_of(x[0, 0]))
    if isinstance(x, Vector):
        return accurate_sum(x, kind_of(x[0]) if len(x) else EXACT)
    return x


def _row_sums(table: Any) -> tuple[Any, ...]:
    kind = kind_of(table[0][0]) if table[0] else EXACT
    return tuple(accurate_sum(row, kind) for row in table)


def reduce_to(g: Any, shape: Shape) -> Any:
    """The gradient g of a broadcast result, summed back to an operand's ``shape``.

    An entry that broadcasting used k times influenced k entries of the result, so its
    gradient is the sum of theirs (the multivariable chain rule): a number receives Σ of
    everything, a Vector added to every row receives the column sums, a column receives the
    row sums.

    >>> reduce_to(Matrix([[1, 2], [3, 4]]), ()), reduce_to(Matrix([[1, 2], [3, 4]]), (2, 1))
    (10, Matrix([[3], [7]]))
    """
    if not shape:
        return g if type(g) in _NUMBERS else total(g)
    if shape_of(g) == shape:
        return g
    table = _table(g)
    rows, columns = (1, shape[0]) if len(shape) == 1 else shape
    if rows == 1 and len(table) > 1:
        table = (_row_sums(tuple(zip(*table, strict=True))),)
    if columns == 1 and len(table[0]) > 1:
        table = tuple((s,) for s in _row_sums(table))
    return Vector(table[0]) if len(shape) == 1 else Matrix(table)


def _axis(axis: int, rank: int, shape: Shape) -> int:
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"axis must be an int or None, not {type(axis).__name__}")
    if not -rank <= axis < rank:
        raise DimensionError(f"axis {axis} does not exist for {describe(shape)}")
    return axis % rank


def sum_along(x: Any, axis: int | None = None, keepdims: bool = False) -> Any:
    """Sums along an axis, as numpy's ``sum(axis=…, keepdims=…)``.

    axis None sums everything; for a Matrix, axis 0 sums each column (down the rows) and
    axis 1 each row. ``keepdims`` keeps the summed axis with length 1, so that the result
    broadcasts against x (subtracting row sums from every row, say).

    >>> A = Matrix([[1, 2], [3, 4]])
    >>> sum_along(A, 0), sum_along(A, 1), sum_along(A, 1, keepdims=True)
    (Vector([4, 6]), Vector([3, 7]), Matrix([[3], [7]]))

    Raises: DimensionError for an axis the value does not have; TypeError for a non-int axis.
    """
    shape = shape_of(x)
    if axis is not None:
        axis = _axis(axis, len(shape), shape)
    if axis is None or len(shape) == 1:
        s = total(x)
        if not keepdims or not shape:
            return s
        return Vector([s]) if len(shape) == 1 else Matrix([[s]])
    table = _table(x)
    if axis == 0:
        sums = _row_sums(tuple(zip(*table, strict=True)))
        return Matrix([sums]) if keepdims else Vector(sums)
    sums = _row_sums(table)
    return Matrix([(s,) for s in sums]) if keepdims else Vector(sums)


def restore_axis(g: Any, shape: Shape, axis: int | None, keepdims: bool) -> Any:
    """The gradient of ``sum_along(x, axis, keepdims)`` with respect to x, x of ``shape``.

    Every entry of x entered its sum with coefficient 1, so it receives that sum's gradient:
    g spread back over the summed axis.

    >>> restore_axis(Vector([1, 2]), (2, 3), 1, False)
    Matrix([[1, 1, 1], [2, 2, 2]])
    """
    if len(shape) == 2 and axis is not None and axis % 2 == 1 and not keepdims:
        g = Matrix([(gi,) for gi in g])
    return expand_to(g, shape)


def matmul(a: Any, b: Any) -> Any:
    """The product a @ b: A @ B, A @ x (→ Vector), x @ A = Aᵀx (→ Vector), u @ v (→ number).

    >>> matmul(Matrix([[1, 2], [3, 4]]), Vector([1, 1])), matmul(Vector([1, 2]), Vector([3, 4]))
    (Vector([3, 7]), 11)

    Raises: DimensionError for inner dimensions that differ (the message names both shapes);
    TypeError when an operand is a number (use * to scale).
    """
    if not isinstance(a, (Vector, Matrix)) or not isinstance(b, (Vector, Matrix)):
        raise TypeError(
            f"@ needs a Vector or a Matrix on both sides, got {describe(shape_of(a))} "
            f"and {describe(shape_of(b))} (use * to scale by a number)"
        )
    if isinstance(a, Vector) and isinstance(b, Vector):
        if len(a) != len(b):
            raise _mismatch("multiply", a, b)
        return a.dot(b)
    return a @ b


def outer(u: Vector, v: Vector) -> Matrix:
    """The outer product u vᵀ: the m×n matrix with entries uᵢvⱼ.

    >>> outer(Vector([1, 2]), Vector([3, 4, 5]))
    Matrix([[3, 4, 5], [6, 8, 10]])
    """
    return Matrix.from_columns([u]) @ Matrix.from_rows([v])


def transpose(x: Any) -> Any:
    """Aᵀ for a Matrix; a number or a Vector is its own transpose (as in numpy).

    >>> transpose(Matrix([[1, 2]])), transpose(Vector([1, 2]))
    (Matrix([[1], [2]]), Vector([1, 2]))
    """
    return x.T if isinstance(x, Matrix) else x
