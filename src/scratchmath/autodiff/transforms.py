"""Transformations: a Python function in, its derivatives out.

=================  ===================================================================
``grad``           ∇f(x) for a scalar f of a number, Vector or Matrix (reverse mode)
``value_and_grad`` (f(x), ∇f(x)) from one forward and one backward pass
``jvp``            (f(x), J·v): the derivative along v, by forward mode (one pass)
``vjp``            (f(x), uᵀJ): the gradient of ⟨u, f⟩, by reverse mode (one pass)
``jacobian``       the m×n Matrix J = ∂f/∂x, by rows (reverse) or by columns (forward)
``hessian``        the n×n Matrix of second derivatives, forward mode over a graph
``check_grad``     the largest relative difference between ``grad`` and Ridders'
                   finite differences (``calculus.gradient``)
=================  ===================================================================

>>> grad(lambda x: x ** 3, Fraction(1, 3))          # 3x² at x = 1/3, exactly
Fraction(1, 3)
>>> grad(lambda v: (v * v).sum(), Vector([1, 2]))   # ∇‖v‖² = 2v
Vector([2, 4])
>>> hessian(lambda v: v[0] ** 2 * v[1], Vector([1, 2]))
Matrix([[4, 2], [2, 0]])

The function f is written once, with ordinary operators and the functions of
``scratchmath.autodiff`` (exp, log, …): reverse mode calls it with a ``Var``, forward mode
with a ``Dual``. Which is cheaper depends on the shape of J (m×n): one reverse pass gives
a row, one forward pass a column. For a loss — m = 1, n = a million parameters — reverse
mode gets the whole gradient for a few times the cost of evaluating f, where forward mode
or finite differences need n passes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from scratchmath.autodiff import values
from scratchmath.autodiff.dual import Dual
from scratchmath.autodiff.graph import Var
from scratchmath.calculus import derivative as ridders_derivative
from scratchmath.calculus import gradient as ridders_gradient
from scratchmath.checks import check_callable
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.scalars import REAL, divide, kind_of, to_float
from scratchmath.vectors import Vector

__all__ = ["check_grad", "grad", "hessian", "jacobian", "jvp", "value_and_grad", "vjp"]

Function = Callable[[Any], Any]


def _zero_of(x: Any) -> Any:
    """The zero of x's shape and kind (0.0 entries for float x, 0 for exact)."""
    first = x if not values.shape_of(x) else _first(x)
    return values.full(values.shape_of(x), 0.0 if kind_of(first) == REAL else 0)


def _first(x: Any) -> Any:
    if isinstance(x, Matrix):
        return x[0, 0]
    return x[0] if len(x) else 0


def _point(x: object) -> Any:
    """The point of differentiation: a number, Vector or Matrix (a list becomes a Vector)."""
    return values.check_value(x, "x")


def _scalar_output(out: Any, what: str) -> Any:
    """f's result, which must be a scalar (a Var or Dual of a number, or a number)."""
    value = out.value if isinstance(out, (Var, Dual)) else out
    if isinstance(value, Var):
        value = value.value
    if isinstance(value, (Vector, Matrix)):
        raise DimensionError(
            f"{what} needs f to return a scalar, got {values.describe(values.shape_of(value))}"
        )
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise TypeError(f"f must return a number, a Var or a Dual, not {type(out).__name__}")
    return value


def value_and_grad(f: Function, x: Any) -> tuple[Any, Any]:
    """(f(x), ∇f(x)) from one evaluation of f on a Var and one backward pass.

    The gradient has x's shape: a number for a number, a Vector for a Vector, a Matrix for
    a Matrix. Exact for int and Fraction x through every rational operation.

    >>> value_and_grad(lambda x: x * x, 3)
    (9, 6)

    Raises: TypeError for a non-callable f or a bad x; DimensionError when f returns a
    non-scalar; what f raises passes through.
    """
    check_callable(f)
    point = _point(x)
    leaf = Var(point, name="x")
    out = f(leaf)
    value = _scalar_output(out, "grad")
    if isinstance(out, Var):
        out.backward()
    gradient = leaf.grad
    return value, _zero_of(point) if gradient is None else gradient


def grad(f: Function, x: Any) -> Any:
    """The gradient ∇f(x) of a scalar function, by reverse mode; x's shape.

    ∇f(x) = (∂f/∂x₀, …, ∂f/∂xₙ₋₁); for a number x it is f′(x).

    >>> grad(lambda x: x ** 2, 0)
    0
    >>> grad(lambda A: (A @ Vector([1, 1])).sum(), Matrix([[1, 2], [3, 4]]))
    Matrix([[1, 1], [1, 1]])

    Raises: TypeError for a non-callable f or a bad x; DimensionError when f returns a
    non-scalar.
    """
    return value_and_grad(f, x)[1]


def _check_direction(v: object, x: Any, name: str) -> Any:
    direction = values.check_value(v, name)
    if values.shape_of(direction) != values.shape_of(x):
        raise DimensionError(
            f"{name} must have x's shape: got {values.describe(values.shape_of(direction))} "
            f"for {values.describe(values.shape_of(x))}"
        )
    return direction


def _dual_output(out: Any) -> tuple[Any, Any]:
    """(value, tangent) of f's result: a Dual, a plain value (tangent 0), or a sequence."""
    if isinstance(out, Dual):
        return out.value, out.tangent
    if isinstance(out, Sequence) and not isinstance(out, (Vector, str)):
        pairs = [_dual_output(item) for item in out]
        return Vector([p[0] for p in pairs]), Vector([p[1] for p in pairs])
    value = values.check_value(out, "f(x)")
    return value, values.full(values.shape_of(value), 0)


def jvp(f: Function, x: Any, v: Any) -> tuple[Any, Any]:
    """(f(x), J·v): the value and the directional derivative along v, by forward mode.

    J·v = d/dt f(x + t v) at t = 0, computed by evaluating f once on the dual number
    x + vε.

    >>> jvp(lambda x: x * x, 3, 1)
    (9, 6)
    >>> jvp(lambda v: v * v, Vector([1, 2]), Vector([1, 0]))
    (Vector([1, 4]), Vector([2, 0]))

    Raises: DimensionError when v's shape is not x's; TypeError for a non-callable f.
    """
    check_callable(f)
    point = _point(x)
    direction = _check_direction(v, point, "v")
    return _dual_output(f(Dual(point, direction)))


def _as_output_var(out: Any) -> Any:
    if isinstance(out, Sequence) and not isinstance(out, (Vector, str)):
        return list(out)
    return out


def vjp(f: Function, x: Any, u: Any) -> tuple[Any, Any]:
    """(f(x), uᵀJ): the value and the gradient of ⟨u, f(x)⟩, by one reverse pass.

    uᵀJ has x's shape; u has f(x)'s shape.

    >>> vjp(lambda v: v * v, Vector([1, 2]), Vector([1, 1]))
    (Vector([1, 4]), Vector([2, 4]))

    Raises: DimensionError when u's shape is not f(x)'s; TypeError for a non-callable f.
    """
    check_callable(f)
    point = _point(x)
    leaf = Var(point, name="x")
    out = _as_output_var(f(leaf))
    if isinstance(out, list):
        value = Vector([item.value if isinstance(item, Var) else item for item in out])
        seed = _check_direction(u, value, "u")
        weighted = [item * weight for item, weight in zip(out, seed, strict=True)]
        total = sum(weighted[1:], weighted[0]) if weighted else 0
        if isinstance(total, Var):
            total.backward()
    elif isinstance(out, Var):
        value = out.value
        out.backward(_check_direction(u, value, "u"))
    else:
        value = values.check_value(out, "f(x)")
        _check_direction(u, value, "u")
    gradient = leaf.grad
    return value, _zero_of(point) if gradient is None else gradient


def _flat(x: Any) -> tuple[Any, ...]:
    if isinstance(x, Matrix):
        return tuple(e for row in x for e in row)
    if isinstance(x, Vector):
        return tuple(x)
    return (x,)


def _basis(point: Any, k: int) -> Any:
    """The k-th standard basis element of x's space (row-major for a Matrix)."""
    shape = values.shape_of(point)
    if not shape:
        return 1
    if len(shape) == 1:
        return Vector.basis(shape[0], k)
    m, n = shape
    return Matrix([[1 if i * n + j == k else 0 for j in range(n)] for i in range(m)])


def jacobian(f: Function, x: Any, *, mode: str = "reverse") -> Matrix:
    """The Jacobian J = ∂f/∂x, the m×n Matrix of Jᵢⱼ = ∂fᵢ/∂xⱼ.

    f maps x (a number, a Vector, or a Matrix read row by row) to a number, a Vector or a
    sequence of numbers. ``mode="reverse"`` builds J a row at a time (one backward pass per
    output: best when m < n); ``mode="forward"`` a column at a time (one dual evaluation
    per input: best when n < m). Both give the same Matrix, exactly for rationals.

    >>> jacobian(lambda v: v * v, Vector([1, 2]))
    Matrix([[2, 0], [0, 4]])
    >>> jacobian(lambda v: v * v, Vector([1, 2]), mode="forward")
    Matrix([[2, 0], [0, 4]])

    Raises: DomainError for another mode; TypeError for a non-callable f.
    """
    check_callable(f)
    point = _point(x)
    n = values.size(point)
    if mode == "forward":
        columns = [_flat(jvp(f, point, _basis(point, k))[1]) for k in range(n)]
        return Matrix(list(zip(*columns, strict=True)))
    if mode != "reverse":
        raise DomainError(f"mode must be 'reverse' or 'forward', got {mode!r}")
    leaf = Var(point, name="x")
    out = _as_output_var(f(leaf))
    items = out if isinstance(out, list) else None
    value = Vector([_plain(i) for i in items]) if items is not None else _plain(out)
    m = values.size(value)
    rows = []
    for i in range(m):
        leaf.grad = None
        if items is not None:
            if isinstance(items[i], Var):
                items[i].zero_grad()
                items[i].backward()
        elif isinstance(out, Var):
            out.zero_grad()
            out.backward(_basis(value, i) if values.shape_of(value) else None)
        gradient = leaf.grad
        rows.append(_flat(_zero_of(point) if gradient is None else gradient))
    return Matrix(rows)


def _plain(x: Any) -> Any:
    return x.value if isinstance(x, Var) else values.check_value(x, "f(x)")


def hessian(f: Function, x: Any) -> Matrix:
    """The Hessian H = ∇²f(x), Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ, an n×n symmetric Matrix.

    Column j is Heⱼ = ∇(∇f·eⱼ): f is evaluated on the dual number x + eⱼε whose value is a
    Var, so the directional derivative ∇f·eⱼ is itself a graph node, and one backward pass
    from it gives the column: n forward-and-backward passes in all.

    Why this composition. The contract names forward over reverse (a forward derivative
    of the reverse-mode gradient); this is reverse over forward (a reverse-mode gradient
    of the forward derivative). Both compute the same Hessian–vector products Hv with the
    same cost, O(cost of f) per column, and mixed partials commute (Schwarz), so the
    results agree — exactly over the rationals. Forward over reverse would need every
    backward rule of the graph to accept dual numbers, a second copy of each local
    derivative; reverse over forward needs only that the forward tangent rules use
    operations a graph records, which ``generic`` already provides once.

    Exact input gives the columns as computed (symmetric exactly, since the rules are
    exact); float input has its two triangles averaged, so the result is symmetric to the
    last bit and ``eigh`` accepts it.

    >>> hessian(lambda v: v[0] * v[1] ** 2, Vector([Fraction(1, 2), 3]))
    Matrix([[0, 6], [6, 1]])

    Raises: DimensionError when f returns a non-scalar; TypeError for a non-callable f or
    a bad x; what f raises passes through.
    """
    check_callable(f)
    point = _point(x)
    n = values.size(point)
    columns = []
    for j in range(n):
        leaf = Var(point, name="x")
        out = f(Dual(leaf, _basis(point, j)))
        _scalar_output(out, "hessian")
        tangent = out.tangent if isinstance(out, Dual) else 0
        if isinstance(tangent, Var):
            tangent.backward()
        gradient = leaf.grad
        columns.append(_flat(_zero_of(point) if gradient is None else gradient))
    if all(kind_of(e) != REAL for column in columns for e in column):
        return Matrix([[divide(columns[j][i], 1) for j in range(n)] for i in range(n)])  # 6/1 → 6
    return Matrix([[divide(columns[j][i] + columns[i][j], 2) for j in range(n)] for i in range(n)])


def check_grad(f: Function, x: Any) -> float:
    """The largest relative difference between ``grad(f, x)`` and Ridders' extrapolated
    finite differences (``calculus.derivative`` / ``calculus.gradient``).

    maxᵢ |gᵢ − rᵢ| / s with s = max(‖g‖∞, ‖r‖∞, |f(x)| / max(1, ‖x‖∞)) — relative to
    the gradient's scale rather than to each entry, so a component that is 0 does not
    divide by 0. The last term is the size a gradient of f has naturally (f changes by
    about f(x) when x moves by about x): at a minimum, where ∇f = 0 and the finite
    differences return rounding noise, the noise is measured against it, not against 0.
    A correct rule gives about 1e-10 or less; a wrong one, something near 1. The finite
    differences call f with constant Vars (``requires_grad=False``), so f is written
    once, for Vars. Where f's computed values cannot resolve its slope (log(1 + x²) at
    x = 1e-200 is the constant 0 in floats), finite differences see a flat function, and
    the difference they report is one of range, not of rule.

    >>> check_grad(lambda v: (v * v).sum(), Vector([1.0, 2.0])) < 1e-10
    True

    Raises: TypeError for a non-callable f or a bad x; DomainError (from
    ``calculus``) when f is not differentiable at x, ConvergenceError when the
    extrapolation cannot settle.
    """
    check_callable(f)
    point = _point(x)
    g = _flat(grad(f, point))

    def plain_f(z: Any) -> Any:  # f on a constant Var: the same code, no graph kept
        return _plain(f(Var(z, requires_grad=False)))

    if not values.shape_of(point):
        reference: tuple[Any, ...] = (ridders_derivative(plain_f, to_float(point)),)
    elif isinstance(point, Vector):
        reference = tuple(ridders_gradient(plain_f, point))
    else:
        m, n = point.shape

        def flat_f(v: Vector) -> Any:
            return plain_f(Matrix([[v[i * n + j] for j in range(n)] for i in range(m)]))

        reference = tuple(ridders_gradient(flat_f, Vector(_flat(point))))
    natural = abs(to_float(plain_f(point))) / max([1.0] + [abs(to_float(e)) for e in _flat(point)])
    scale = max([abs(to_float(e)) for e in g] + [abs(e) for e in reference] + [natural])
    if scale == 0:
        return 0.0
    worst = max(abs(to_float(a) - b) for a, b in zip(g, reference, strict=True))
    return worst / scale if math.isfinite(scale) else math.nan
