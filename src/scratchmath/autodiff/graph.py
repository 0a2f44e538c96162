"""Reverse mode: a computation graph of ``Var`` nodes, and backpropagation through it.

=======================  ==============================================================
``Edge``                 one arrow of the graph: (parent, how a gradient flows back to it)
``Var``                  a node holding a number, a Vector or a Matrix; operators build
                         the graph as the program runs
``Var.from_operation``   a node computed from others: its value and its edges
``Var.backward``         the chain rule, applied backwards over the whole graph
``Var.zero_grad``        clear the gradients of a graph
``Var.graph``            the graph as text: every node with its value and gradient
``Var.dot``              the graph in Graphviz's DOT language, to draw it
``topological_order``    the nodes of a graph, each before the nodes it was computed from
=======================  ==============================================================

>>> x, y = Var(3, name="x"), Var(4, name="y")
>>> z = x * y + x          # z = xy + x
>>> z.backward()
>>> x.grad, y.grad         # ∂z/∂x = y + 1, ∂z/∂y = x
(5, 3)

How it works. Every operation computes its value *and* records, for each operand, an
``Edge(parent, backward)``: ``backward`` maps the gradient of the result, g = ∂L/∂z, to
that operand's share of ∂L/∂parent — the vector–Jacobian product gᵀ·∂z/∂parent, which is
the local derivative written as a rule. For z = x·y the rules are g ↦ g·y and g ↦ g·x.
``backward()`` then visits the nodes so that each is finished before its parents (a
topological order, built with an explicit stack, so a chain of 100 000 operations needs
no recursion) and adds up every path's contribution: the multivariable chain rule
∂L/∂x = Σ over the paths from x to L of the product of the local derivatives.

One node per operation on a whole array: A @ x is one node whose rules are two matrix
products (g ↦ g xᵀ for A, g ↦ Aᵀ g for x), so a network's graph has a few nodes per layer,
not one per number, and the arithmetic runs in the Vector and Matrix kernels.

Semantics, as in PyTorch: a ``Var`` made by the user is a leaf that requires a gradient;
``backward()`` *adds* into ``.grad`` of every node of the graph, so calling it twice
without ``zero_grad()`` doubles the gradients. Operators between Vars are entry by entry
(``*``, ``/``, ``**`` and ``abs`` too) with numpy's broadcasting; ``@`` is the matrix
product.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.autodiff import kernels
from scratchmath.autodiff.values import (
    broadcast,
    check_value,
    describe,
    elementwise,
    matmul,
    outer,
    reduce_to,
    restore_axis,
    shape_of,
    size,
    sum_along,
    transpose,
)
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.scalars import divide
from scratchmath.vectors import Vector

__all__ = ["Edge", "Var", "compared_message", "detached_message", "topological_order"]


class Edge(NamedTuple):
    """One arrow of the graph: a parent node and the rule sending a gradient back to it.

    ``backward(g)`` is the parent's share of the gradient when the child's gradient is g:
    the vector–Jacobian product gᵀ·∂child/∂parent — the local derivative as a rule.

    >>> x = Var(3)
    >>> y = x * x
    >>> [edge.backward(1) for edge in y.edges]   # ∂(x·x)/∂x along each of the two arrows
    [3, 3]
    """

    parent: Var
    backward: Callable[[Any], Any]


class _Spot(NamedTuple):
    """A gradient that is zero except at one index (the gradient of ``v[i]``), kept sparse
    so that reading all n components of a vector costs O(n), not O(n²)."""

    index: Any
    value: Any


class _Pieces:
    """The gradient contributions waiting for one node: a dense sum and some spots."""

    __slots__ = ("dense", "spots")

    def __init__(self, dense: Any) -> None:
        self.dense = dense
        self.spots: list[_Spot] = []

    def assemble(self, like: Any) -> Any:
        if isinstance(like, Vector):
            entries = list(self.dense) if self.dense is not None else [0] * len(like)
            for index, value in self.spots:
                entries[index] = entries[index] + value
            return Vector(entries)
        m, n = like.shape
        dense = self.dense
        table = [list(row) for row in dense] if dense is not None else [[0] * n for _ in range(m)]
        for index, value in self.spots:
            if isinstance(index, tuple):
                i, j = index
                table[i][j] = table[i][j] + value
            else:
                table[index] = [a + b for a, b in zip(table[index], value, strict=True)]
        return Matrix(table)


def _add(a: Any, b: Any) -> Any:
    return broadcast(operator.add, a, b, "add")


def _mul(a: Any, b: Any) -> Any:
    return broadcast(operator.mul, a, b, "multiply")


def _accumulate(pending: dict[Var, Any], parent: Var, contribution: Any) -> None:
    current = pending.get(parent)
    if type(contribution) is _Spot:
        if type(current) is not _Pieces:
            current = pending[parent] = _Pieces(current)
        current.spots.append(contribution)
    elif current is None:
        pending[parent] = contribution
    elif type(current) is _Pieces:
        current.dense = contribution if current.dense is None else _add(current.dense, contribution)
    else:
        pending[parent] = _add(current, contribution)


def topological_order(root: Var) -> list[Var]:
    """The nodes a Var was computed from, root first, every node before its parents.

    Kahn's algorithm, with explicit stacks (no recursion, so no recursion limit): first
    count, for every node, the arrows that leave it towards nodes of this graph (how many
    results consumed it); then list a node once every consumer has been listed. Each node
    is then before the nodes it was computed from — the order backpropagation needs, for a
    node's gradient is complete only when all its consumers have sent their shares.

    >>> x = Var(2, name="x")
    >>> [node.op or node.name for node in topological_order(x * x + 1)]
    ['+', '*', 'x']

    Raises: TypeError when root is not a Var.
    """
    if not isinstance(root, Var):
        raise TypeError(f"topological_order needs a Var, not {type(root).__name__}")
    consumers = {root: 0}
    stack = [root]
    while stack:  # bounded: each node is pushed once, when first met
        node = stack.pop()
        for parent, _ in node._edges:
            if parent in consumers:
                consumers[parent] += 1
            else:
                consumers[parent] = 1
                stack.append(parent)
    order: list[Var] = []
    ready = [root]
    while ready:  # bounded: each node becomes ready once, when its last consumer is listed
        node = ready.pop()
        order.append(node)
        for parent, _ in node._edges:
            consumers[parent] -= 1
            if consumers[parent] == 0:
                ready.append(parent)
    return order


def detached_message(kind: str, conversion: str) -> str:
    """Why a Var or Dual refuses to become a plain number (``float(x)``, ``math.log(x)``).

    Converting would silently detach the number from the graph (or drop its tangent), and
    every derivative computed through it would be wrong without a warning.

    >>> float(Var(2.0))
    Traceback (most recent call last):
    ...
    TypeError: a Var is a node of a computation graph, not a number: float() ... Use x.value
    for the plain number (no gradient flows through it), or scratchmath.autodiff.log, ...
    """
    what = "a node of a computation graph" if kind == "Var" else "a value with a tangent"
    return (
        f"a {kind} is {what}, not a number: {conversion} (and math.log, math.exp, …) would "
        f"drop its derivative. Use x.value for the plain number (no gradient flows through "
        f"it), or scratchmath.autodiff.log, exp, sin, … which differentiate"
    )


def compared_message(kind: str) -> str:
    """Why ``==`` between a Var or Dual and a plain value is refused."""
    return (
        f"== between a {kind} and a plain value would compare a node with a number (always "
        f"False): compare x.value == … instead, or use <, <=, >, >=, which read the value"
    )


_OPERAND_TYPES = (int, float, Fraction, Vector, Matrix)


def _operand(x: object) -> Any:
    """A Var as itself, a plain value checked; None for what a Var cannot combine with."""
    t = type(x)
    if t is Var or t is int or t is float or t is Fraction:
        return x
    if isinstance(x, Var):
        return x
    if isinstance(x, _OPERAND_TYPES) and not isinstance(x, bool):
        return check_value(x, "an operand")
    return None


def _value(x: Any) -> Any:
    return x._value if isinstance(x, Var) else x


def _power_pairs(x: Any, c: Any) -> Any:
    return broadcast(kernels.power, x, c, "raise to a power")


class Var:
    """A node of a computation graph: a value (number, Vector or Matrix) and its gradient.

    ``Var(value)`` is a leaf: an input the gradient is wanted for. Arithmetic on Vars
    builds new nodes; ``backward()`` on a scalar result fills ``.grad`` of every node with
    ∂result/∂node, of the node's shape (``None`` before ``backward``).

    >>> w = Var(Vector([1, 2]))
    >>> loss = (w * w).sum()       # ‖w‖²
    >>> loss.value
    5
    >>> loss.backward()
    >>> w.grad                     # ∇‖w‖² = 2w
    Vector([2, 4])

    ``name`` labels the node in ``graph()``; ``requires_grad=False`` makes a constant that
    the gradient does not flow into.

    Raises: TypeError for a value that is not a real number, Vector or Matrix.
    """

    __slots__ = ("_edges", "_op", "_value", "grad", "name", "requires_grad")

    def __init__(self, value: Any, *, name: str | None = None, requires_grad: bool = True) -> None:
        self._value = check_value(value, "the value of a Var")
        self.grad: Any = None
        self._edges: tuple[Edge, ...] = ()
        self._op = ""
        self.name = name
        self.requires_grad = bool(requires_grad)

    @classmethod
    def from_operation(cls, value: Any, op: str, *edges: Edge) -> Var:
        """The node computed by operation ``op``: its value and an ``Edge`` per operand.

        Edges to operands that need no gradient are dropped; a node with no edges left
        needs none either. This is how every operation of scratchmath.autodiff builds its
        result, and how a learner can add a primitive of their own:

        >>> x = Var(3.0)
        >>> cube = Var.from_operation(x.value ** 3, "cube", Edge(x, lambda g: g * 3 * x.value**2))
        >>> cube.backward()
        >>> x.grad
        27.0

        Raises: TypeError for a value that is not a number, Vector or Matrix, or an edge
        that is not an ``Edge`` from a Var with a callable rule.
        """
        for e in edges:
            if not isinstance(e, Edge) or not isinstance(e.parent, Var) or not callable(e[1]):
                raise TypeError(
                    f"each edge must be Edge(parent, backward) with a Var parent and a callable "
                    f"backward rule, got {e!r}"
                )
        node = object.__new__(cls)
        node._value = check_value(value, "the value of a Var")
        node.grad = None
        node._edges = tuple(e for e in edges if e.parent.requires_grad)
        node._op = op
        node.name = None
        node.requires_grad = bool(node._edges)
        return node

    # -- what a node holds -----------------------------------------------------------------

    @property
    def value(self) -> Any:
        """The value: a number, a Vector or a Matrix. A leaf's value may be set (an
        optimiser's step does), keeping its shape.

        >>> x = Var(Vector([1, 2]))
        >>> x.value = Vector([3, 4])
        >>> x.value
        Vector([3, 4])

        Raises (on setting): DomainError for a computed node (its value follows from its
        parents), DimensionError for a different shape, TypeError for a non-value.
        """
        return self._value

    @value.setter
    def value(self, new: Any) -> None:
        if self._op:
            raise DomainError(
                f"only a leaf Var's value can be set; this one is computed by {self._op!r}"
            )
        new = check_value(new, "the value of a Var")
        if shape_of(new) != shape_of(self._value):
            raise DimensionError(
                f"a Var keeps its shape: cannot set {describe(shape_of(new))} "
                f"into {describe(shape_of(self._value))}"
            )
        self._value = new

    @property
    def op(self) -> str:
        """The operation that computed this node ('' for a leaf).

        >>> (Var(1) + 2).op, Var(1).op
        ('+', '')
        """
        return self._op

    @property
    def edges(self) -> tuple[Edge, ...]:
        """The arrows to the nodes this one was computed from (those needing a gradient).

        >>> len((Var(1) * Var(2)).edges), len((Var(1) * 2).edges)
        (2, 1)
        """
        return self._edges

    @property
    def shape(self) -> tuple[int, ...]:
        """() for a number, (n,) for a Vector, (m, n) for a Matrix.

        >>> Var(Matrix([[1, 2, 3]])).shape
        (1, 3)
        """
        return shape_of(self._value)

    def __repr__(self) -> str:
        parts = [repr(self._value)]
        if self._op:
            parts.append(f"op={self._op!r}")
        if self.grad is not None:
            parts.append(f"grad={self.grad!r}")
        return f"Var({', '.join(parts)})"

    # -- backpropagation -------------------------------------------------------------------

    def backward(self, gradient: Any = None) -> None:
        """Add ∂self/∂node to ``.grad`` of every node this Var was computed from.

        The gradient of the output with respect to itself is 1; each node, once all the
        nodes computed from it are done, passes its gradient to its parents through the
        edges' rules, and contributions arriving along several paths add up (the
        multivariable chain rule). For a non-scalar output pass ``gradient`` = u of its
        shape: the result is then uᵀJ, a vector–Jacobian product.

        ``.grad`` accumulates: a second call without ``zero_grad()`` doubles it.

        >>> x = Var(2)
        >>> y = x * x * x
        >>> y.backward(); x.grad
        12
        >>> y.backward(); x.grad     # accumulated: 12 + 12
        24

        Raises: DimensionError for a non-scalar output without ``gradient``, or a
        ``gradient`` of another shape; DomainError where a derivative does not exist
        (√x at 0, say).
        """
        shape = shape_of(self._value)
        if gradient is None:
            if shape:
                raise DimensionError(
                    f"backward() needs a scalar output, got {describe(shape)}: call .sum() "
                    f"first, or pass gradient=… of that shape"
                )
            seed: Any = 1.0 if type(self._value) is float else 1
        else:
            seed = check_value(gradient, "gradient")
            if shape_of(seed) != shape:
                raise DimensionError(
                    f"the gradient must have the output's shape: got "
                    f"{describe(shape_of(seed))} for {describe(shape)}"
                )
        pending: dict[Var, Any] = {self: seed}
        for node in topological_order(self):
            g = pending.pop(node)
            if type(g) is _Pieces:
                g = g.assemble(node._value)
            node.grad = g if node.grad is None else _add(node.grad, g)
            for parent, rule in node._edges:
                _accumulate(pending, parent, rule(g))

    def zero_grad(self) -> None:
        """Reset ``.grad`` to None on this node and every node it was computed from.

        >>> x = Var(3)
        >>> (x * x).backward(); x.zero_grad(); x.grad is None
        True
        """
        for node in topological_order(self):
            node.grad = None

    def graph(self) -> str:
        """The graph as text, inputs first: each node's operation, value and gradient.

        >>> x, y = Var(3, name="x"), Var(4, name="y")
        >>> z = x * y + x
        >>> z.backward()
        >>> print(z.graph())
        x = 3   (input)   grad 5
        y = 4   (input)   grad 3
        v1 = x * y = 12   grad 1
        v2 = v1 + x = 15   grad 1
        """
        nodes, labels = self.labelled_nodes()
        lines = []
        for node in nodes:
            grad = "" if node.grad is None else f"   grad {node.grad}"
            value = str(node._value).replace("\n", " ")
            if not node._op:
                lines.append(f"{labels[node]} = {value}   (input){grad}")
                continue
            parents = [labels[edge.parent] for edge in node._edges]
            if len(parents) == 2 and len(node._op) <= 2:
                formula = f"{parents[0]} {node._op} {parents[1]}"
            else:
                formula = f"{node._op}({', '.join(parents)})"
            lines.append(f"{labels[node]} = {formula} = {value}{grad}")
        return "\n".join(lines)

    def dot(self) -> str:
        """The graph in Graphviz's DOT language, to draw it: ``dot -Tpng graph.dot``.

        Each node shows its label, operation, value and gradient; each arrow runs from an
        operand to the result, the way the values flow (the gradients flow back along it).

        >>> x = Var(3, name="x")
        >>> y = x * x
        >>> y.backward()
        >>> print(y.dot())
        digraph {
          rankdir=LR;
          n0 [shape=box, label="x = 3\\ngrad 6"];
          n1 [shape=ellipse, label="v1 = *\\nvalue 9\\ngrad 1"];
          n0 -> n1;
          n0 -> n1;
        }
        """
        nodes, labels = self.labelled_nodes()
        ids = {node: f"n{k}" for k, node in enumerate(nodes)}
        lines = ["digraph {", "  rankdir=LR;"]
        for node in nodes:
            value = str(node._value).replace("\n", " ").replace('"', "'")
            grad = "" if node.grad is None else f"\\ngrad {node.grad}".replace('"', "'")
            if node._op:
                text = f"{labels[node]} = {node._op}\\nvalue {value}{grad}"
                lines.append(f'  {ids[node]} [shape=ellipse, label="{text}"];')
            else:
                lines.append(f'  {ids[node]} [shape=box, label="{labels[node]} = {value}{grad}"];')
        for node in nodes:
            lines.extend(f"  {ids[edge.parent]} -> {ids[node]};" for edge in node._edges)
        lines.append("}")
        return "\n".join(lines)

    def labelled_nodes(self) -> tuple[list[Var], dict[Var, str]]:
        """The nodes this Var was computed from, inputs first, and the label of each.

        A node's label is its ``name`` if it has one, else v1, v2, … for results of
        operations and inputN for unnamed inputs — the labels ``graph()`` and ``dot()`` print.

        >>> x = Var(3, name="x")
        >>> nodes, labels = (x * Var(2) + 1).labelled_nodes()
        >>> [labels[node] for node in nodes]      # the constant 1 needs no node
        ['x', 'input1', 'v1', 'v2']
        """
        nodes = list(reversed(topological_order(self)))
        labels: dict[Var, str] = {}
        count = 0
        for node in nodes:
            if node.name is not None:
                labels[node] = node.name
            elif node._op:
                count += 1
                labels[node] = f"v{count}"
            else:
                labels[node] = f"input{len(labels)}"
        return nodes, labels

    # -- arithmetic: each operation with its local derivatives -----------------------------

    def _binary(
        self,
        other: object,
        reverse: bool,
        build: Callable[[Any, Any], Var],
    ) -> Any:
        operand = _operand(other)
        if operand is None:
            return NotImplemented
        return build(operand, self) if reverse else build(self, operand)

    def __add__(self, other: object) -> Var:
        return self._binary(other, False, _plus)  # type: ignore[no-any-return]

    def __radd__(self, other: object) -> Var:
        return self._binary(other, True, _plus)  # type: ignore[no-any-return]

    def __sub__(self, other: object) -> Var:
        return self._binary(other, False, _minus)  # type: ignore[no-any-return]

    def __rsub__(self, other: object) -> Var:
        return self._binary(other, True, _minus)  # type: ignore[no-any-return]

    def __mul__(self, other: object) -> Var:
        return self._binary(other, False, _times)  # type: ignore[no-any-return]

    def __rmul__(self, other: object) -> Var:
        return self._binary(other, True, _times)  # type: ignore[no-any-return]

    def __truediv__(self, other: object) -> Var:
        return self._binary(other, False, _over)  # type: ignore[no-any-return]

    def __rtruediv__(self, other: object) -> Var:
        return self._binary(other, True, _over)  # type: ignore[no-any-return]

    def __pow__(self, other: object) -> Var:
        return self._binary(other, False, _raised)  # type: ignore[no-any-return]

    def __rpow__(self, other: object) -> Var:
        return self._binary(other, True, _raised)  # type: ignore[no-any-return]

    def __matmul__(self, other: object) -> Var:
        return self._binary(other, False, _product)  # type: ignore[no-any-return]

    def __rmatmul__(self, other: object) -> Var:
        return self._binary(other, True, _product)  # type: ignore[no-any-return]

    def __neg__(self) -> Var:
        return Var.from_operation(-self._value, "neg", Edge(self, operator.neg))

    def __pos__(self) -> Var:
        return self

    def __abs__(self) -> Var:
        """|x| entry by entry (for a Vector too: not its norm), with slope sign(x), 0 at 0."""
        x = self._value
        return Var.from_operation(
            elementwise(abs, x), "abs", Edge(self, lambda g: _mul(g, elementwise(kernels.step, x)))
        )

    # -- comparisons of scalar values (for `if x > 0:` in a function being differentiated) -

    def _scalar_for_comparison(self, other: object) -> tuple[Any, Any]:
        other_value = other._value if isinstance(other, Var) else other
        if shape_of(self._value) or shape_of(other_value):
            raise TypeError("only scalar Vars can be compared; compare .value entries instead")
        return self._value, other_value

    def __lt__(self, other: object) -> bool:
        a, b = self._scalar_for_comparison(other)
        return bool(a < b)

    def __le__(self, other: object) -> bool:
        a, b = self._scalar_for_comparison(other)
        return bool(a <= b)

    def __gt__(self, other: object) -> bool:
        a, b = self._scalar_for_comparison(other)
        return bool(a > b)

    def __ge__(self, other: object) -> bool:
        a, b = self._scalar_for_comparison(other)
        return bool(a >= b)

    def __eq__(self, other: object) -> bool:
        """A Var equals only itself: it is a node, and two nodes with one value are two.

        Compared with a plain number, Vector or Matrix, ``==`` would silently be False
        (``if x == 0:`` never taken), so it is refused; compare ``x.value`` instead, or use
        ``<``, ``<=``, ``>``, ``>=``, which read a scalar Var's value.

        >>> x = Var(0)
        >>> x == x, x == Var(0), x.value == 0
        (True, False, True)

        Raises: TypeError for a number, Vector or Matrix on the other side.
        """
        if isinstance(other, Var):
            return self is other
        if isinstance(other, _OPERAND_TYPES):
            raise TypeError(compared_message("Var"))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = object.__hash__

    # -- conversions: refused, so that no gradient is silently lost -------------------------

    def __float__(self) -> float:
        raise TypeError(detached_message("Var", "float()"))

    def __int__(self) -> int:
        raise TypeError(detached_message("Var", "int()"))

    def __complex__(self) -> complex:
        raise TypeError(detached_message("Var", "complex()"))

    def __bool__(self) -> bool:
        """The truth of a scalar Var's value (``if x:``); an array Var has none.

        Raises: TypeError for a Vector or Matrix Var (compare entries instead).
        """
        if shape_of(self._value):
            raise TypeError(
                f"the truth value of a Var holding {describe(shape_of(self._value))} is "
                f"ambiguous: test .value's entries instead"
            )
        return bool(self._value)

    # -- reductions, transpose, indexing ---------------------------------------------------

    def sum(self, axis: int | None = None, *, keepdims: bool = False) -> Var:
        """Σ of the entries (axis None), or sums along an axis as numpy's ``sum``.

        The gradient of a sum is the upstream gradient spread back over what was summed.

        >>> A = Var(Matrix([[1, 2], [3, 4]]))
        >>> A.sum().value, A.sum(axis=0).value, A.sum(axis=1).value
        (10, Vector([4, 6]), Vector([3, 7]))

        Raises: DimensionError for an axis the value does not have.
        """
        shape = shape_of(self._value)
        return Var.from_operation(
            sum_along(self._value, axis, keepdims),
            "sum",
            Edge(self, lambda g: restore_axis(g, shape, axis, keepdims)),
        )

    def mean(self, axis: int | None = None, *, keepdims: bool = False) -> Var:
        """The mean of the entries (axis None) or along an axis: the sum over the count.

        >>> Var(Vector([1, 2, 4])).mean().value
        Fraction(7, 3)

        Raises: DomainError for an empty Vector; DimensionError for a missing axis.
        """
        shape = shape_of(self._value)
        count = size(self._value) if axis is None or len(shape) < 2 else shape[axis % 2]
        if count == 0:
            raise DomainError("the mean of an empty vector is undefined")
        return self.sum(axis, keepdims=keepdims) / count

    @property
    def T(self) -> Var:
        """The transpose (a scalar or Vector Var is its own transpose).

        >>> Var(Matrix([[1, 2]])).T.value
        Matrix([[1], [2]])
        """
        return Var.from_operation(transpose(self._value), "T", Edge(self, transpose))

    def __len__(self) -> int:
        shape = shape_of(self._value)
        if not shape:
            raise TypeError("a scalar Var has no length")
        return shape[0]

    def __iter__(self) -> Iterator[Var]:
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index: Any) -> Var:
        """v[i] (a scalar node), v[a:b] (a Vector node), A[i] (a row), A[i, j] (an entry).

        >>> v = Var(Vector([1, 2, 3]))
        >>> (v[0] * v[2]).backward()
        >>> v.grad
        Vector([3, 0, 1])

        Raises: TypeError for a scalar Var or a bad index; IndexError out of range.
        """
        x = self._value
        if isinstance(x, Vector):
            if isinstance(index, slice):
                n, positions = len(x), range(*index.indices(len(x)))
                return Var.from_operation(
                    x[index], "[]", Edge(self, lambda g: _scatter(g, positions, n))
                )
            i = _position(index, len(x))
            return Var.from_operation(x[i], "[]", Edge(self, lambda g: _Spot(i, g)))
        if isinstance(x, Matrix):
            m, n = x.shape
            if isinstance(index, tuple) and len(index) == 2:
                i, j = _position(index[0], m), _position(index[1], n)
                return Var.from_operation(x[i, j], "[]", Edge(self, lambda g: _Spot((i, j), g)))
            i = _position(index, m)
            return Var.from_operation(x[i], "[]", Edge(self, lambda g: _Spot(i, g)))
        raise TypeError("a scalar Var cannot be indexed")


def _position(index: Any, n: int) -> int:
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"indices must be integers, not {type(index).__name__}")
    if not -n <= index < n:
        raise IndexError(f"index {index} out of range for length {n}")
    return index % n


def _scatter(g: Vector, positions: range, n: int) -> Vector:
    entries: list[Any] = [0] * n
    for k, value in zip(positions, g, strict=True):
        entries[k] = entries[k] + value
    return Vector(entries)


# The operations. Each computes its value and, beside it, one rule per operand: the local
# derivative, as the map from the result's gradient g to the operand's share.


def _node(value: Any, op: str, *rules: tuple[Any, Callable[[Any], Any]]) -> Var:
    edges = [Edge(operand, rule) for operand, rule in rules if isinstance(operand, Var)]
    return Var.from_operation(value, op, *edges)


def _plus(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    sx, sy = shape_of(x), shape_of(y)
    return _node(
        broadcast(operator.add, x, y, "add"),
        "+",
        (a, lambda g: reduce_to(g, sx)),  # ∂(x + y)/∂x = 1
        (b, lambda g: reduce_to(g, sy)),  # ∂(x + y)/∂y = 1
    )


def _minus(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    sx, sy = shape_of(x), shape_of(y)
    return _node(
        broadcast(operator.sub, x, y, "subtract"),
        "-",
        (a, lambda g: reduce_to(g, sx)),  # ∂(x − y)/∂x = 1
        (b, lambda g: reduce_to(-g, sy)),  # ∂(x − y)/∂y = −1
    )


def _times(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    sx, sy = shape_of(x), shape_of(y)
    return _node(
        broadcast(operator.mul, x, y, "multiply"),
        "*",
        (a, lambda g: reduce_to(_mul(g, y), sx)),  # ∂(xy)/∂x = y
        (b, lambda g: reduce_to(_mul(g, x), sy)),  # ∂(xy)/∂y = x
    )


def _over(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    sx, sy = shape_of(x), shape_of(y)
    quotient = broadcast(divide, x, y, "divide")

    def numerator_rule(g: Any) -> Any:  # ∂(x/y)/∂x = 1/y
        return reduce_to(broadcast(divide, g, y, "divide"), sx)

    def denominator_rule(g: Any) -> Any:  # ∂(x/y)/∂y = −x/y² = −(x/y)/y
        return reduce_to(-_mul(broadcast(divide, g, y, "divide"), quotient), sy)

    return _node(quotient, "/", (a, numerator_rule), (b, denominator_rule))


def _raised(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    sx, sy = shape_of(x), shape_of(y)
    base_varies = isinstance(a, Var) and a.requires_grad
    exponent_varies = isinstance(b, Var) and b.requires_grad
    if base_varies and exponent_varies:
        for entry in _entries(x):
            if not entry > 0:
                raise DomainError(
                    f"x ** y with both x and y differentiated needs x > 0 (∂/∂y xʸ = xʸ·log x), "
                    f"got a base of {entry!r}"
                )
    result = _power_pairs(x, y)

    def base_rule(g: Any) -> Any:  # ∂(xʸ)/∂x = y·xʸ⁻¹
        return reduce_to(_mul(g, broadcast(kernels.power_slope, x, y, "raise to a power")), sx)

    def exponent_rule(g: Any) -> Any:  # ∂(xʸ)/∂y = xʸ·log x
        return reduce_to(_mul(g, broadcast(_exponent_slope, x, result, "raise to a power")), sy)

    return _node(result, "**", (a, base_rule), (b, exponent_rule))


def _exponent_slope(base: Any, result: Any) -> Any:
    """∂(cʸ)/∂y = cʸ·log c; at c = 0 (with y > 0, so cʸ = 0) the function is flat: 0."""
    if base == 0 and result == 0:
        return 0
    if not base > 0:
        raise DomainError(
            f"c ** y has no derivative in y for the base c = {base!r} (it needs log c, c > 0)"
        )
    return result * kernels.log(base)


def _entries(x: Any) -> Any:
    if isinstance(x, Matrix):
        return (entry for row in x for entry in row)
    if isinstance(x, Vector):
        return iter(x)
    return iter((x,))


def _product(a: Any, b: Any) -> Var:
    x, y = _value(a), _value(b)
    result = matmul(x, y)
    if isinstance(x, Matrix) and isinstance(y, Matrix):  # C = AB
        return _node(
            result,
            "@",
            (a, lambda g: g @ y.T),  # ∂L/∂A = G Bᵀ
            (b, lambda g: x.T @ g),  # ∂L/∂B = Aᵀ G
        )
    if isinstance(x, Matrix):  # y = A v
        return _node(result, "@", (a, lambda g: outer(g, y)), (b, lambda g: g @ x))
    if isinstance(y, Matrix):  # y = vᵀA
        return _node(result, "@", (a, lambda g: y @ g), (b, lambda g: outer(x, g)))
    return _node(result, "@", (a, lambda g: _mul(g, y)), (b, lambda g: _mul(g, x)))  # u·v
