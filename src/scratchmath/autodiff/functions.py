"""The elementary functions, on numbers, Vectors, Matrices, ``Var`` nodes and ``Dual`` numbers.

===============  =================================================================
``exp``          eˣ                                  slope eˣ
``log``          ln x, x > 0                          slope 1/x
``sqrt``         √x, x ≥ 0                            slope 1/(2√x)
``sin``          sin x                                slope cos x
``cos``          cos x                                slope −sin x
``tanh``         tanh x                               slope sech² x = 1 − tanh² x
``sigmoid``      σ(x) = 1/(1 + e⁻ˣ)                   slope σ(x)σ(−x)
``relu``         max(x, 0)                            slope 1 for x > 0, else 0
``softplus``     ln(1 + eˣ)                           slope σ(x)
``logsumexp``    ln Σⱼ e^(xⱼ) of a Vector             gradient softmax(x)
``softmax``      e^(xᵢ) / Σⱼ e^(xⱼ)                   Jacobian diag(s) − s sᵀ
``log_softmax``  xᵢ − logsumexp(x)                    Jacobian I − 1 sᵀ
===============  =================================================================

Each function is one rule for its value and one for its slope, and one definition serves
every kind of argument: a number, Vector or Matrix gives the plain value (entry by entry);
a ``Var`` gives a graph node whose edge multiplies the incoming gradient by the slope; a
``Dual`` gives the value with its tangent multiplied by the slope (the chain rule, forward).

>>> from scratchmath.autodiff.graph import Var
>>> x = Var(0.0)
>>> y = sigmoid(x)
>>> y.backward()
>>> y.value, x.grad
(0.5, 0.25)

The last three act on a Vector, or on each row of a Matrix (rows are samples, as in a
network's batch): ``logsumexp`` of an m×n Matrix is the Vector of its m row values, and
``softmax``/``log_softmax`` of a Matrix normalise each row. All are computed stably —
the largest entry is subtracted before exponentiating — so inputs of ±1000 give exact
answers, not inf or nan:

>>> logsumexp(Vector([1000.0, 1000.0]))   # 1000 + ln 2
1000.6931471805599
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction  # noqa: F401  (the examples use it)
from typing import Any

from scratchmath.autodiff import kernels, values
from scratchmath.autodiff.dual import Dual
from scratchmath.autodiff.generic import (
    divide,
    is_traced,
    multiply,
    plain,
    subtract,
    summed,
)
from scratchmath.autodiff.graph import Edge, Var
from scratchmath.errors import DimensionError
from scratchmath.matrices import Matrix
from scratchmath.scalars import to_float
from scratchmath.vectors import Vector

__all__ = [
    "cos",
    "exp",
    "log",
    "log_softmax",
    "logsumexp",
    "relu",
    "sigmoid",
    "sin",
    "softmax",
    "softplus",
    "sqrt",
    "tanh",
]

Slope = Callable[[Any, Any], Any]


def _apply(x: Any, op: str, kernel: Callable[[Any], Any], slope: Slope) -> Any:
    """f(x) for an entrywise f given by its kernel and its slope f′(v) (given v and y = f(v)).

    The slope is written with operations that work on Vars too, so that a Dual carrying
    Vars (hessian) records it and can differentiate it once more.
    """
    if isinstance(x, Dual):
        y = _apply(x.value, op, kernel, slope)
        return Dual(y, multiply(x.tangent, slope(x.value, y)))
    if isinstance(x, Var):
        v = x.value
        y = values.elementwise(kernel, v)
        return Var.from_operation(y, op, Edge(x, lambda g: multiply(g, slope(v, y))))
    return values.elementwise(kernel, values.check_value(x, f"the argument of {op}"))


def exp(x: Any) -> Any:
    """The exponential eˣ (entry by entry); its slope is itself.

    >>> exp(0), exp(Vector([0, 1000]))
    (1.0, Vector([1.0, float('inf')]))

    Raises: TypeError for a non-number.
    """
    return _apply(x, "exp", kernels.exp, lambda v, y: y)


def log(x: Any) -> Any:
    """The natural logarithm ln x for x > 0 (entry by entry); slope 1/x.

    >>> log(1), log(Vector([1, math.e]))
    (0.0, Vector([0.0, 1.0]))
    >>> log(0)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: log needs x > 0, got 0

    Raises: DomainError for x ≤ 0; TypeError for a non-number.
    """
    return _apply(x, "log", kernels.log, lambda v, y: divide(1, v))


def _sqrt_slope(v: Any, y: Any) -> Any:
    if is_traced(v, y):
        return divide(0.5, y)
    return values.elementwise(kernels.sqrt_slope, v)


def sqrt(x: Any) -> Any:
    """The square root √x for x ≥ 0 (entry by entry); slope 1/(2√x), infinite at 0.

    >>> sqrt(4), sqrt(Vector([1, 2]))
    (2.0, Vector([1.0, 1.4142135623730951]))

    Raises: DomainError for x < 0, and (when differentiated) at x = 0.
    """
    return _apply(x, "sqrt", kernels.sqrt, _sqrt_slope)


def sin(x: Any) -> Any:
    """The sine (radians, entry by entry); slope cos x.

    >>> sin(0)
    0.0

    Raises: DomainError for ±inf; TypeError for a non-number.
    """
    return _apply(x, "sin", kernels.sin, lambda v, y: cos(v))


def cos(x: Any) -> Any:
    """The cosine (radians, entry by entry); slope −sin x.

    >>> cos(0)
    1.0

    Raises: DomainError for ±inf; TypeError for a non-number.
    """
    return _apply(x, "cos", kernels.cos, lambda v, y: -sin(v))


def _tanh_slope(v: Any, y: Any) -> Any:
    if is_traced(v, y):
        return subtract(1, multiply(y, y))
    return values.elementwise(kernels.tanh_slope, v)


def tanh(x: Any) -> Any:
    """The hyperbolic tangent (entry by entry); slope sech² x = 1 − tanh² x.

    >>> tanh(0), tanh(-1000)
    (0.0, -1.0)

    Raises: TypeError for a non-number.
    """
    return _apply(x, "tanh", kernels.tanh, _tanh_slope)


def _sigmoid_slope(v: Any, y: Any) -> Any:
    if is_traced(v, y):
        return multiply(y, sigmoid(-v))
    return values.elementwise(kernels.sigmoid_slope, v)


def sigmoid(x: Any) -> Any:
    """The logistic function σ(x) = 1/(1 + e⁻ˣ) (entry by entry); slope σ(x)·σ(−x).

    >>> sigmoid(0), sigmoid(Vector([-1000, 1000]))
    (0.5, Vector([0.0, 1.0]))

    Raises: TypeError for a non-number.
    """
    return _apply(x, "sigmoid", kernels.sigmoid, _sigmoid_slope)


def _relu_slope(v: Any, y: Any) -> Any:
    return values.elementwise(lambda e: 1 if e > 0 else 0, plain(v))


def relu(x: Any) -> Any:
    """The rectifier max(x, 0) (entry by entry), exact; slope 1 for x > 0 and 0 otherwise
    (0 at x = 0 by convention, as PyTorch).

    >>> relu(-2), relu(Vector([Fraction(-1, 2), Fraction(1, 2)]))
    (0, Vector([0, Fraction(1, 2)]))

    Raises: TypeError for a non-number.
    """
    return _apply(x, "relu", kernels.relu, _relu_slope)


def softplus(x: Any) -> Any:
    """softplus(x) = ln(1 + eˣ) (entry by entry), a smooth relu; slope σ(x).

    >>> softplus(0) == math.log(2), softplus(-1000.0), softplus(1000.0)
    (True, 0.0, 1000.0)

    Raises: TypeError for a non-number.
    """
    return _apply(x, "softplus", kernels.softplus, lambda v, y: sigmoid(v))


# ---------------------------------------------------------------------------------------
# Functions of a whole Vector (or of each row of a Matrix).
# ---------------------------------------------------------------------------------------


def _row_logsumexp(row: tuple[Any, ...]) -> float:
    """ln Σ e^(xⱼ) = m + ln Σ e^(xⱼ − m), m = max xⱼ: no term exceeds 1, one equals 1."""
    m = max(row)
    top = to_float(m)
    if math.isinf(top) or top != top:
        return top
    return top + math.log(math.fsum(kernels.exp(to_float(e - m)) for e in row))


def _row_softmax(row: tuple[Any, ...]) -> list[float]:
    m = max(row)
    exps = [kernels.exp(to_float(e - m)) for e in row]
    total = math.fsum(exps)
    return [e / total for e in exps]


def _row_log_softmax(row: tuple[Any, ...]) -> list[float]:
    m = max(row)
    log_total = math.log(math.fsum(kernels.exp(to_float(e - m)) for e in row))
    return [to_float(e - m) - log_total for e in row]


def _rows_argument(x: Any, name: str) -> Any:
    v = values.check_value(x, f"the argument of {name}")
    if not isinstance(v, (Vector, Matrix)):
        raise DimensionError(f"{name} needs a Vector (or a Matrix, row by row), got a number")
    if isinstance(v, Vector) and len(v) == 0:
        raise DimensionError(f"{name} needs at least one entry, got a vector of dimension 0")
    return v


def _plain_logsumexp(v: Any) -> Any:
    if isinstance(v, Vector):
        return _row_logsumexp(tuple(v))
    return Vector([_row_logsumexp(tuple(row)) for row in v])


def _plain_softmax(v: Any) -> Any:
    if isinstance(v, Vector):
        return Vector(_row_softmax(tuple(v)))
    return Matrix([_row_softmax(tuple(row)) for row in v])


def _plain_log_softmax(v: Any) -> Any:
    if isinstance(v, Vector):
        return Vector(_row_log_softmax(tuple(v)))
    return Matrix([_row_log_softmax(tuple(row)) for row in v])


def _row_sums(z: Any) -> Any:
    """Σⱼ zᵢⱼ kept as a column for a Matrix (so it broadcasts along rows); Σ zⱼ for a Vector."""
    return summed(z, -1, keepdims=len(values.shape_of(plain(z))) == 2)


def _as_column(g: Any) -> Any:
    """A Vector of per-row numbers as an m×1 column, to scale each row of a Matrix."""
    return Matrix([(gi,) for gi in g]) if isinstance(g, Vector) else g


def logsumexp(x: Any) -> Any:
    """ln Σⱼ e^(xⱼ) of a Vector (a number), or of each row of a Matrix (a Vector).

    A smooth maximum: max x ≤ logsumexp(x) ≤ max x + ln n. Computed as
    m + ln Σ e^(xⱼ − m) with m = max x, so no exponential overflows. Its gradient is
    softmax(x).

    >>> logsumexp(Vector([0, 0])) == math.log(2), logsumexp(Vector([-1000.0, -1000.0]))
    (True, -999.3068528194401)
    >>> logsumexp(Matrix([[0, 0], [1000, 1000]]))
    Vector([0.6931471805599453, 1000.6931471805599])

    Raises: DimensionError for a number or an empty Vector; TypeError for a non-number.
    """
    if isinstance(x, Dual):
        s = softmax(x.value)
        return Dual(logsumexp(x.value), summed(multiply(s, x.tangent), -1))
    if isinstance(x, Var):
        v = _rows_argument(x.value, "logsumexp")
        s = _plain_softmax(v)
        return Var.from_operation(
            _plain_logsumexp(v), "logsumexp", Edge(x, lambda g: multiply(s, _as_column(g)))
        )
    return _plain_logsumexp(_rows_argument(x, "logsumexp"))


def softmax(x: Any) -> Any:
    """softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ) of a Vector, or of each row of a Matrix.

    Probabilities: positive, summing to 1, in the order of x. Shifting x by a constant
    does not change them, so the largest entry is subtracted first (no overflow). Its
    Jacobian is diag(s) − s sᵀ, so a gradient g flows back as s ⊙ (g − ⟨g, s⟩).

    >>> softmax(Vector([0, 0])), softmax(Vector([1000.0, 0.0]))
    (Vector([0.5, 0.5]), Vector([1.0, 0.0]))

    Raises: DimensionError for a number or an empty Vector; TypeError for a non-number.
    """
    if isinstance(x, Dual):
        y = softmax(x.value)
        return Dual(y, multiply(y, subtract(x.tangent, _row_sums(multiply(y, x.tangent)))))
    if isinstance(x, Var):
        s = _plain_softmax(_rows_argument(x.value, "softmax"))
        return Var.from_operation(
            s, "softmax", Edge(x, lambda g: multiply(s, subtract(g, _row_sums(multiply(g, s)))))
        )
    return _plain_softmax(_rows_argument(x, "softmax"))


def log_softmax(x: Any) -> Any:
    """log softmax(x)ᵢ = xᵢ − logsumexp(x) of a Vector, or of each row of a Matrix.

    The log-probabilities of a classifier, computed without forming the probabilities (so
    no log of an underflowed 0). A gradient g flows back as g − s·Σⱼ gⱼ, s = softmax(x).

    >>> log_softmax(Vector([0, 0])) == Vector([-math.log(2)] * 2)
    True
    >>> log_softmax(Vector([1000.0, 0.0]))
    Vector([0.0, -1000.0])

    Raises: DimensionError for a number or an empty Vector; TypeError for a non-number.
    """
    if isinstance(x, Dual):
        s = softmax(x.value)
        return Dual(log_softmax(x.value), subtract(x.tangent, _row_sums(multiply(s, x.tangent))))
    if isinstance(x, Var):
        v = _rows_argument(x.value, "log_softmax")
        s = _plain_softmax(v)
        return Var.from_operation(
            _plain_log_softmax(v),
            "log_softmax",
            Edge(x, lambda g: subtract(g, multiply(s, _row_sums(g)))),
        )
    return _plain_log_softmax(_rows_argument(x, "log_softmax"))
