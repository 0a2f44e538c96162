"""Tests of scratchmath.autodiff.graph.

Backpropagation through the graph: gradients of reused nodes add up, depth is not limited by
the recursion limit, and a node is never silently read as a number.

Theorems and properties checked:

- broadcasting gradients sum over the stretch
- x·x uses x twice; a diamond joins two paths: their contributions add up.
- accumulation doubles without zero grad
- Depth is not limited by Python's recursion limit (micrograd fails at ~2 000).
- mean sum transpose and indexing
- graph renders values and gradients
- dot draws every node and arrow
- graph writes binary operators between their operands
- ``if x > 0:`` inside a differentiated function reads the value, strictly or not.
- A list is not silently read as a Vector, nor a bool as a number, by an operator.
- custom primitive through edge
- setting a leaf value and reusing it
- conversion to a plain number is refused
- ``if x == 0:`` would never be taken (a node is not a number): refused, not False.
- a node equals only itself
- truth of an array node is refused
- bad input
- e¹⁰⁰⁰ and 1e200 ** 2 raise OverflowError in Python; here they are inf, as IEEE says.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

from scratchmath import autodiff as ad
from scratchmath.autodiff import Dual, Edge, Var, grad
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector


def test_broadcasting_gradients_sum_over_the_stretch() -> None:
    """A number added to every entry receives the sum of their gradients; a Vector added to
    every row receives the column sums."""
    M = Matrix([[1, 2, 3], [4, 5, 6]])
    b, c = Var(Vector([1, 1, 1])), Var(2)
    loss = ((Var(M) + b) * c).sum()
    loss.backward()
    assert b.grad == Vector([4, 4, 4])  # c = 2 on each of two rows
    assert c.grad == 21 + 6  # Σ (M + b)
    u = Var(Vector([1, 2]))
    ((u / Vector([2, 4])) * Matrix([[1, 1], [3, 3]])).sum().backward()
    assert u.grad == Vector([2, 1])


def test_reused_nodes_and_diamonds() -> None:
    """x·x uses x twice; a diamond joins two paths: their contributions add up."""
    x = Var(3)
    y = x * x
    z = y * y + y  # a diamond: z depends on y along two paths
    z.backward()
    assert y.grad == 2 * 9 + 1
    assert x.grad == (2 * 9 + 1) * 2 * 3  # dz/dx = (2y + 1)·2x
    v = Var(Vector([1, 2, 3]))
    (v[0] * v[2] + v[0] * v[0] + v[1:].sum()).backward()
    assert v.grad == Vector([3 + 2, 1, 1 + 1])


def test_accumulation_doubles_without_zero_grad() -> None:
    x = Var(Fraction(1, 2))
    y = x**3
    y.backward()
    assert x.grad == Fraction(3, 4)
    y.backward()
    assert x.grad == Fraction(3, 2)  # accumulated, as documented
    y.zero_grad()
    assert x.grad is None
    y.backward()
    assert x.grad == Fraction(3, 4)


def test_a_100_000_node_chain_has_no_recursion_limit() -> None:
    """Depth is not limited by Python's recursion limit (micrograd fails at ~2 000)."""
    x = Var(1)
    y = x
    for _ in range(100_000):
        y = y + x  # y = 100 001·x, x reused at every step
    y.backward()
    assert x.grad == 100_001
    assert len(ad.topological_order(y)) == 100_001


def test_mean_sum_transpose_and_indexing() -> None:
    A = Var(Matrix([[1, 2], [3, 4]]))
    (A.T @ Vector([1, 0])).mean().backward()  # the mean of A's first row
    assert A.grad == Matrix([[Fraction(1, 2), Fraction(1, 2)], [0, 0]])
    assert Var(Vector([1, 2, 4])).mean().value == Fraction(7, 3)
    B = Var(Matrix([[1, 2], [3, 4]]))
    (B.sum(axis=0) * Vector([1, 10])).sum().backward()
    assert B.grad == Matrix([[1, 10], [1, 10]])
    C = Var(Matrix([[1, 2], [3, 4]]))
    C.mean(axis=1).sum().backward()
    assert C.grad == Matrix([[Fraction(1, 2)] * 2] * 2)


def test_graph_renders_values_and_gradients() -> None:
    x, y = Var(3, name="x"), Var(4, name="y")
    z = x * y + x
    z.backward()
    assert z.graph().splitlines() == [
        "x = 3   (input)   grad 5",
        "y = 4   (input)   grad 3",
        "v1 = x * y = 12   grad 1",
        "v2 = v1 + x = 15   grad 1",
    ]


def test_dot_draws_every_node_and_arrow() -> None:
    x = Var(Fraction(1, 2), name="x")
    y = ad.exp(x * x) + x
    y.backward()
    text = y.dot()
    assert text.startswith("digraph {") and text.endswith("}")
    assert text.count("[shape=") == 4  # x, x·x, exp, +
    assert text.count(" -> ") == 5  # x twice into *, * into exp, exp and x into +
    assert 'label="x = 1/2\\ngrad' in text


def test_graph_writes_binary_operators_between_their_operands() -> None:
    x, y = Var(2, name="x"), Var(3, name="y")
    z = ad.exp(x**y)
    assert z.graph().splitlines()[2:] == ["v1 = x ** y = 8", "v2 = exp(v1) = 2980.9579870417283"]


@pytest.mark.parametrize("kind", [Var, lambda v: Dual(v, 1)], ids=["Var", "Dual"])
def test_comparisons_of_scalar_nodes_compare_values(kind: Any) -> None:
    """``if x > 0:`` inside a differentiated function reads the value, strictly or not."""
    one = kind(1)
    assert (one < 1, one <= 1, one > 1, one >= 1) == (False, True, False, True)
    assert (one < 2, one <= 0, one > 0, one >= 2) == (True, False, True, False)
    assert one < kind(2) and kind(2) > one


@pytest.mark.parametrize("other", ["a", [1, 2], (1, 2), None, True], ids=repr)
def test_a_var_combines_only_with_numbers_vectors_and_matrices(other: Any) -> None:
    """A list is not silently read as a Vector, nor a bool as a number, by an operator."""
    with pytest.raises(TypeError, match=r"unsupported operand|can.t multiply|can only"):
        Var(2) + other
    with pytest.raises(TypeError, match=r"unsupported operand|can.t multiply|can only"):
        other * Var(2)


def test_custom_primitive_through_edge() -> None:
    x = Var(Fraction(1, 2))
    cube = Var.from_operation(x.value**3, "cube", Edge(x, lambda g: g * 3 * x.value**2))
    (cube * 2).backward()
    assert x.grad == Fraction(3, 2)


def test_setting_a_leaf_value_and_reusing_it() -> None:
    w = Var(Vector([1, 2]))
    w.value = Vector([3, 4])
    (w * w).sum().backward()
    assert w.grad == Vector([6, 8])


# ---------------------------------------------------------------------------------------
# No silent detaching.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("node", [Var(2.0), Dual(2.0, 1.0)], ids=["Var", "Dual"])
@pytest.mark.parametrize("convert", [float, int, complex, math.log, math.exp, math.sin])
def test_conversion_to_a_plain_number_is_refused(node: Any, convert: Any) -> None:
    with pytest.raises(TypeError, match=r"x\.value.*scratchmath\.autodiff\.log"):
        convert(node)


@pytest.mark.parametrize("node", [Var(0), Dual(0, 1)], ids=["Var", "Dual"])
@pytest.mark.parametrize("plain", [0, 0.0, Fraction(0), Vector([0]), Matrix([[0]])], ids=repr)
def test_equality_with_a_plain_value_is_refused(node: Any, plain: Any) -> None:
    """``if x == 0:`` would never be taken (a node is not a number): refused, not False."""
    with pytest.raises(TypeError, match=r"compare x\.value == … instead"):
        _ = node == plain
    with pytest.raises(TypeError, match=r"compare x\.value == … instead"):
        _ = plain != node


def test_a_node_equals_only_itself() -> None:
    x, y, d = Var(1), Var(1), Dual(1, 0)
    assert x == x and x != y and d == d and d != Dual(1, 0)
    assert x in [y, x] and [y, x].index(x) == 1 and len({x, y}) == 2
    assert (x == "a") is False


def test_truth_of_an_array_node_is_refused() -> None:
    assert bool(Var(1)) and not bool(Var(0.0)) and bool(Dual(1, 0))
    with pytest.raises(TypeError, match=r"ambiguous: test \.value's entries"):
        bool(Var(Vector([1, 2])))
    with pytest.raises(TypeError, match=r"ambiguous: test \.value's entries"):
        bool(Dual(Vector([1, 2]), Vector([0, 0])))


# ---------------------------------------------------------------------------------------
# Bad inputs: the class and the message, for every public function.
# ---------------------------------------------------------------------------------------

V2 = Vector([1.0, 2.0])


def _identity(x: Any) -> Any:
    return x


BAD_INPUTS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "Var of str",
        lambda: Var("x"),
        TypeError,
        "must be a real number, a Vector or a Matrix, not str",
    ),
    ("Var of bool", lambda: Var(True), TypeError, "not bool"),
    ("Var of complex", lambda: Var(1j), TypeError, "not complex"),
    ("Var of complex Vector", lambda: Var(Vector([1j])), TypeError, "must be real"),
    (
        "Var + shape",
        lambda: Var(Vector([1, 2])) + Vector([1, 2, 3]),
        DimensionError,
        "cannot add a vector of dimension 2 and a vector of dimension 3",
    ),
    (
        "Var * shape",
        lambda: Var(Matrix([[1, 2], [3, 4]])) * Matrix([[1, 2, 3]]),
        DimensionError,
        "cannot multiply 2×2 and 1×3",
    ),
    (
        "Var @ shape",
        lambda: Var(Matrix([[1, 2]])) @ Var(Matrix([[1, 2]])),
        DimensionError,
        "cannot multiply 1×2 by 1×2",
    ),
    ("Var @ number", lambda: Var(Vector([1, 2])) @ 2, TypeError, "use \\* to scale by a number"),
    ("Var / 0", lambda: Var(Vector([1, 2])) / 0, DomainError, "division by zero"),
    ("1 / Var(0.0)", lambda: 1 / Var(0.0), DomainError, "division by zero"),
    ("0 ** -1", lambda: Var(0) ** -1, DomainError, "a negative power of zero divides by zero"),
    ("neg ** half", lambda: Var(-8.0) ** 0.5, DomainError, "not a real number"),
    (
        "x ** y, x ≤ 0",
        lambda: grad(lambda v: v[0] ** v[1], Vector([-1.0, 2.0])),
        DomainError,
        "needs x > 0",
    ),
    (
        "x ** y, x = 0",
        lambda: grad(lambda v: v[0] ** v[1], Vector([0.0, 2.0])),
        DomainError,
        "got a base of 0.0",
    ),
    (
        "index past the end",
        lambda: Var(Vector([1, 2]))[2],
        IndexError,
        "index 2 out of range for length 2",
    ),
    (
        "index before the start",
        lambda: Var(Vector([1, 2]))[-3],
        IndexError,
        "index -3 out of range",
    ),
    (
        "matrix index past the end",
        lambda: Var(Matrix([[1, 2]]))[0, 2],
        IndexError,
        "index 2 out of range for length 2",
    ),
    ("0 ** y at y = 0", lambda: grad(lambda y: 0**y, 0.0), DomainError, "for the base c = 0"),
    ("Dual 0 ** y at y = 0", lambda: 0 ** Dual(0.0, 1.0), DomainError, "for the base c = 0"),
    ("c ** y, c < 0", lambda: grad(lambda y: (-2) ** y, 3.0), DomainError, "needs log c, c > 0"),
    ("Dual c ** y, c < 0", lambda: (-2) ** Dual(3.0, 1.0), DomainError, "needs log c, c > 0"),
    ("Dual ** Dual, x ≤ 0", lambda: Dual(-1.0, 1) ** Dual(2.0, 1), DomainError, "needs x > 0"),
    (
        "slope of √ at 0",
        lambda: grad(lambda x: x**0.5, 0),
        DomainError,
        "no finite derivative at x = 0",
    ),
    (
        "backward of a Vector",
        lambda: Var(Vector([1, 2])).backward(),
        DimensionError,
        "needs a scalar output, got a vector of dimension 2",
    ),
    (
        "backward seed shape",
        lambda: Var(Vector([1, 2])).backward(Vector([1])),
        DimensionError,
        "must have the output's shape",
    ),
    (
        "backward seed type",
        lambda: Var(Vector([1, 2])).backward("a"),
        TypeError,
        "gradient must be a real number",
    ),
    (
        "sum axis",
        lambda: Var(Matrix([[1, 2]])).sum(axis=2),
        DimensionError,
        "axis 2 does not exist for 1×2",
    ),
    (
        "sum axis type",
        lambda: Var(Matrix([[1, 2]])).sum(axis="a"),
        TypeError,
        "axis must be an int or None",
    ),  # type: ignore[arg-type]
    ("mean of empty", lambda: Var(Vector([])).mean(), DomainError, "mean of an empty vector"),
    (
        "Dual mean of empty",
        lambda: Dual(Vector([]), Vector([])).mean(),
        DomainError,
        "mean of an empty vector",
    ),
    (
        "set computed value",
        lambda: setattr(Var(1) + 1, "value", 3),
        DomainError,
        "only a leaf Var's value can be set",
    ),
    (
        "set value shape",
        lambda: setattr(Var(1), "value", Vector([1])),
        DimensionError,
        "a Var keeps its shape",
    ),
    ("index a scalar", lambda: Var(1)[0], TypeError, "a scalar Var cannot be indexed"),
    ("index by float", lambda: Var(Vector([1, 2]))[1.5], TypeError, "indices must be integers"),
    ("len of a scalar", lambda: len(Var(1)), TypeError, "a scalar Var has no length"),
    ("compare arrays", lambda: Var(Vector([1])) < 1, TypeError, "only scalar Vars can be compared"),
    (
        "from_operation edge",
        lambda: Var.from_operation(1, "f", (Var(1), abs)),
        TypeError,
        "each edge must be Edge",
    ),  # type: ignore[arg-type]
    (
        "from_operation parent",
        lambda: Var.from_operation(1, "f", Edge(3, abs)),
        TypeError,
        "with a Var parent",
    ),  # type: ignore[arg-type]
    (
        "from_operation rule",
        lambda: Var.from_operation(1, "f", Edge(Var(1), 3)),
        TypeError,
        "callable backward rule",
    ),  # type: ignore[arg-type]
    (
        "from_operation value",
        lambda: Var.from_operation("v", "f", Edge(Var(1), abs)),
        TypeError,
        "the value of a Var must be",
    ),
    ("topological_order", lambda: ad.topological_order(3), TypeError, "needs a Var, not int"),  # type: ignore[arg-type]
    ("Dual shapes", lambda: Dual(Vector([1, 2]), 3), DimensionError, "need one shape"),
    (
        "Dual tangent",
        lambda: Dual(1, "a"),
        TypeError,
        "the tangent of a Dual must be a real number",
    ),
    ("Dual / 0", lambda: Dual(1, 1) / Dual(0, 1), DomainError, "division by zero"),
    ("Dual 0 ** -1", lambda: Dual(0, 1) ** -1, DomainError, "a negative power of zero"),
    ("Dual index scalar", lambda: Dual(1, 1)[0], TypeError, "a scalar Dual cannot be indexed"),
    (
        "Dual compare arrays",
        lambda: Dual(Vector([1]), Vector([1])) < 1,
        TypeError,
        "only scalar Duals",
    ),
    ("exp of str", lambda: ad.exp("a"), TypeError, "the argument of exp must be a real number"),
    ("log of 0", lambda: ad.log(0), DomainError, "log needs x > 0, got 0"),
    ("log of Var −1", lambda: ad.log(Var(-1)), DomainError, "log needs x > 0, got -1"),
    ("log of Dual 0", lambda: ad.log(Dual(0.0, 1.0)), DomainError, "log needs x > 0, got 0.0"),
    ("sqrt of −1", lambda: ad.sqrt(Var(-1)), DomainError, "sqrt needs x ≥ 0, got -1"),
    (
        "slope of sqrt at 0",
        lambda: grad(ad.sqrt, 0),
        DomainError,
        "sqrt has no finite derivative at x = 0",
    ),
    ("sin of inf", lambda: ad.sin(math.inf), DomainError, "sin of inf is undefined"),
    ("cos of Var inf", lambda: ad.cos(Var(-math.inf)), DomainError, "cos of -inf is undefined"),
    ("tanh of str", lambda: ad.tanh("a"), TypeError, "the argument of tanh"),
    ("sigmoid of None", lambda: ad.sigmoid(None), TypeError, "the argument of sigmoid"),
    ("relu of str", lambda: ad.relu("a"), TypeError, "the argument of relu"),
    ("softplus of list of str", lambda: ad.softplus(["a"]), TypeError, "not str|must be"),
    ("logsumexp of a number", lambda: ad.logsumexp(3), DimensionError, "logsumexp needs a Vector"),
    (
        "logsumexp of empty",
        lambda: ad.logsumexp(Var(Vector([]))),
        DimensionError,
        "at least one entry",
    ),
    (
        "softmax of a Var number",
        lambda: ad.softmax(Var(3)),
        DimensionError,
        "softmax needs a Vector",
    ),
    (
        "softmax of a Dual number",
        lambda: ad.softmax(Dual(3, 1)),
        DimensionError,
        "softmax needs a Vector",
    ),
    (
        "log_softmax of empty",
        lambda: ad.log_softmax(Vector([])),
        DimensionError,
        "log_softmax needs at least one entry",
    ),
    ("grad not callable", lambda: grad(3, 1), TypeError, "f must be a callable function, got int"),  # type: ignore[arg-type]
    ("grad bad x", lambda: grad(_identity, "x"), TypeError, "x must be a real number"),
    (
        "grad non-scalar f",
        lambda: grad(lambda v: v * 2, V2),
        DimensionError,
        "grad needs f to return a scalar, got a vector of dimension 2",
    ),
    (
        "grad f returns str",
        lambda: grad(lambda x: "a", 1),
        TypeError,
        "f must return a number, a Var or a Dual, not str",
    ),
    (
        "value_and_grad not callable",
        lambda: ad.value_and_grad(None, 1),
        TypeError,
        "f must be a callable",
    ),  # type: ignore[arg-type]
    (
        "value_and_grad non-scalar",
        lambda: ad.value_and_grad(_identity, V2),
        DimensionError,
        "needs f to return a scalar",
    ),
    ("jvp not callable", lambda: ad.jvp(None, 1, 1), TypeError, "f must be a callable"),  # type: ignore[arg-type]
    (
        "jvp direction shape",
        lambda: ad.jvp(_identity, V2, Vector([1.0])),
        DimensionError,
        "v must have x's shape: got a vector of dimension 1 for a vector of dimension 2",
    ),
    ("jvp direction type", lambda: ad.jvp(_identity, 1, "v"), TypeError, "v must be a real number"),
    (
        "jvp f returns str",
        lambda: ad.jvp(lambda x: "s", 1, 1),
        TypeError,
        "f\\(x\\) must be a real number",
    ),
    ("vjp not callable", lambda: ad.vjp(None, 1, 1), TypeError, "f must be a callable"),  # type: ignore[arg-type]
    (
        "vjp cotangent shape",
        lambda: ad.vjp(_identity, V2, Vector([1.0])),
        DimensionError,
        "u must have x's shape",
    ),
    ("jacobian not callable", lambda: ad.jacobian(None, 1), TypeError, "f must be a callable"),  # type: ignore[arg-type]
    (
        "jacobian mode",
        lambda: ad.jacobian(_identity, V2, mode="sideways"),
        DomainError,
        "mode must be 'reverse' or 'forward', got 'sideways'",
    ),
    (
        "jacobian f returns None",
        lambda: ad.jacobian(lambda x: None, 1),
        TypeError,
        "f\\(x\\) must be a real number",
    ),
    ("hessian not callable", lambda: ad.hessian(1, 1), TypeError, "f must be a callable"),  # type: ignore[arg-type]
    (
        "hessian non-scalar",
        lambda: ad.hessian(_identity, V2),
        DimensionError,
        "hessian needs f to return a scalar",
    ),
    ("check_grad not callable", lambda: ad.check_grad(1, 1), TypeError, "f must be a callable"),  # type: ignore[arg-type]
    (
        "check_grad non-scalar",
        lambda: ad.check_grad(_identity, V2),
        DimensionError,
        "grad needs f to return a scalar",
    ),
    (
        "check_grad at a kink",
        lambda: ad.check_grad(abs, 0.0),
        DomainError,
        "not differentiable at x = 0.0",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_no_raw_python_errors_on_large_values() -> None:
    """e¹⁰⁰⁰ and 1e200 ** 2 raise OverflowError in Python; here they are inf, as IEEE says."""
    assert ad.exp(Var(1000.0)).value == math.inf
    assert (Var(1e200) ** 2).value == math.inf
    assert ad.sigmoid(Var(-1000.0)).value == 0.0
