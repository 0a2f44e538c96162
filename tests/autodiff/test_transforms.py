"""Tests of scratchmath.autodiff.transforms.

Exact over the rationals. With int and Fraction inputs every rational operation keeps its
gradient exact, so the sum, product, quotient, power and chain rules, linearity, forward ==
reverse, the vjp/jvp duality and the symmetry of the Hessian are checked with ``==``.

Tolerances over floats. Reverse mode and a hand-written chain of derivatives compute the
same product of factors, each to a few ulps, in a different order: ``REL_AD = 1e-11``
(measured worst about 1e-14 over 300 examples). Against Ridders' extrapolated finite
differences the reference itself is good to about 1e-10 of the gradient's scale
(``tests/calculus/test_multivariable.py``), so ``check_grad`` is held to ``REL_RIDDERS = 1e-8``.

Theorems and properties checked:

- chain rule
- (f + g)′ = f′ + g′, exactly.
- (fg)′ = f′g + fg′, exactly (a rule that forgot one term would give f′g).
- (f/g)′ = (f′g − fg′)/g², exactly, wherever g ≠ 0.
- d/dx xⁿ = n·xⁿ⁻¹ for every integer n, exactly (x ≠ 0 when n < 1).
- ∇(af + bg) = a∇f + b∇g, exactly, for f = ‖v‖² and g = vᵀAv (∇g = (A + Aᵀ)v).
- forward mode equals reverse mode
- uᵀ(Jv) = (uᵀJ)v: the forward and the reverse product read the same J, exactly.
- hessian symmetry
- hessian agrees with finite differences
- the learners first derivatives
- slopes stay accurate where the naive formula cancels
- A linear layer with relu and abs: every operation rational, the gradient exact.
- L = Σ (A B C)ᵢⱼ: ∂L/∂B = Aᵀ 1 Cᵀ, one node per product, exactly.
- sigma of affine layer against finite differences
- check grad catches a wrong rule
- ∂(xʸ)/∂x = y xʸ⁻¹ and ∂(xʸ)/∂y = xʸ log x, for x > 0.
- ∂ det A / ∂Aᵢⱼ = Cᵢⱼ, the cofactor: through entry nodes A[i, j], exactly.
- A[i] (a row node) and A[i, j] (an entry node) send sparse gradients back.
- a relu written with if follows the branch
- constants and outputs without a graph
- jacobian of sequences and vjp of sequences
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scratchmath import autodiff as ad
from scratchmath.autodiff import Edge, Var, grad
from scratchmath.calculus import gradient as ridders_gradient
from scratchmath.calculus import hessian as ridders_hessian
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector
from tests.autodiff.helpers import REL_RIDDERS, compose
from tests.strategies import fractions, matrices, matrix_rationals

# ---------------------------------------------------------------------------------------
# Building blocks: functions with their derivatives written by hand.
# ---------------------------------------------------------------------------------------

# Rational maps of one variable, defined everywhere, with their derivatives.
RATIONAL_MAPS: list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = [
    ("x²", lambda x: x * x, lambda x: 2 * x),
    ("x + 3", lambda x: x + 3, lambda x: 1),
    ("2x − 1", lambda x: 2 * x - 1, lambda x: 2),
    ("1/(1 + x²)", lambda x: 1 / (1 + x * x), lambda x: Fraction(-2) * x / (1 + x * x) ** 2),
    ("x³", lambda x: x**3, lambda x: 3 * x**2),
    ("x − x²/2", lambda x: x - x * x / 2, lambda x: 1 - x),
]

rational_map_indices = st.integers(0, len(RATIONAL_MAPS) - 1)


def rational_vectors(n: int) -> st.SearchStrategy[Vector]:
    return st.lists(fractions(), min_size=n, max_size=n).map(Vector)


# ---------------------------------------------------------------------------------------
# The rules of differentiation, exact over the rationals.
# ---------------------------------------------------------------------------------------


@given(st.lists(rational_map_indices, min_size=1, max_size=4), fractions())
def test_chain_rule(indices: list[int], x: Fraction) -> None:
    """(f∘g)′(x) = f′(g(x))·g′(x): grad of a random composition is the product of the
    hand-written slopes along the chain, exactly. A rule that drops a factor, or evaluates
    a slope at the wrong point of the chain, fails."""
    maps = [RATIONAL_MAPS[i] for i in indices]
    expected: Any = 1
    point: Any = x
    for _, f, slope in maps:
        expected *= slope(point)
        point = f(point)
    value, derivative = ad.value_and_grad(compose([f for _, f, _ in maps]), x)
    assert value == point
    assert derivative == expected


@given(rational_map_indices, rational_map_indices, fractions())
def test_sum_rule(i: int, j: int, x: Fraction) -> None:
    """(f + g)′ = f′ + g′, exactly."""
    (_, f, df), (_, g, dg) = RATIONAL_MAPS[i], RATIONAL_MAPS[j]
    assert grad(lambda t: f(t) + g(t), x) == df(x) + dg(x)


@given(rational_map_indices, rational_map_indices, fractions())
def test_product_rule(i: int, j: int, x: Fraction) -> None:
    """(fg)′ = f′g + fg′, exactly (a rule that forgot one term would give f′g)."""
    (_, f, df), (_, g, dg) = RATIONAL_MAPS[i], RATIONAL_MAPS[j]
    assert grad(lambda t: f(t) * g(t), x) == df(x) * g(x) + f(x) * dg(x)


@given(rational_map_indices, rational_map_indices, fractions())
def test_quotient_rule(i: int, j: int, x: Fraction) -> None:
    """(f/g)′ = (f′g − fg′)/g², exactly, wherever g ≠ 0."""
    (_, f, df), (_, g, dg) = RATIONAL_MAPS[i], RATIONAL_MAPS[j]
    assume(g(x) != 0)
    assert grad(lambda t: f(t) / g(t), x) == (df(x) * g(x) - f(x) * dg(x)) / g(x) ** 2


@given(st.integers(-6, 6), fractions())
def test_power_rule_exact_over_fractions(n: int, x: Fraction) -> None:
    """d/dx xⁿ = n·xⁿ⁻¹ for every integer n, exactly (x ≠ 0 when n < 1)."""
    assume(x != 0 or n >= 1)
    expected = n * x ** (n - 1) if n != 0 else 0
    assert grad(lambda t: t**n, x) == expected
    assert ad.jvp(lambda t: t**n, x, 1)[1] == expected


@given(rational_vectors(3), fractions(), fractions(), matrices(matrix_rationals(), 3, 3))
def test_linearity_of_grad(v: Vector, a: Fraction, b: Fraction, A: Matrix) -> None:
    """∇(af + bg) = a∇f + b∇g, exactly, for f = ‖v‖² and g = vᵀAv (∇g = (A + Aᵀ)v)."""

    def f(w: Any) -> Any:
        return (w * w).sum()

    def g(w: Any) -> Any:
        return w @ (A @ w)

    combined = grad(lambda w: a * f(w) + b * g(w), v)
    assert combined == a * grad(f, v) + b * grad(g, v)
    assert grad(g, v) == (A + A.T) @ v


def vector_field(A: Matrix) -> Callable[[Any], Any]:
    """F(v) = A(v ⊙ v) + v₀·v − v/(1 + v₁²): rational, R³ → R³, with every kind of node."""
    return lambda v: A @ (v * v) + v[0] * v - v / (1 + v[1] * v[1])


@given(rational_vectors(3), matrices(matrix_rationals(), 3, 3))
def test_forward_mode_equals_reverse_mode(v: Vector, A: Matrix) -> None:
    """The Jacobian by columns (forward, dual numbers) equals the Jacobian by rows
    (reverse, the graph), exactly."""
    F = vector_field(A)
    assert ad.jacobian(F, v, mode="forward") == ad.jacobian(F, v, mode="reverse")


@given(rational_vectors(3), rational_vectors(3), rational_vectors(3))
def test_vjp_jvp_duality(x: Vector, u: Vector, v: Vector) -> None:
    """uᵀ(Jv) = (uᵀJ)v: the forward and the reverse product read the same J, exactly."""
    F = vector_field(Matrix([[1, 2, 0], [0, Fraction(1, 2), -1], [3, 0, 1]]))
    _, Jv = ad.jvp(F, x, v)
    _, uJ = ad.vjp(F, x, u)
    assert u @ Jv == uJ @ v


@given(rational_vectors(3))
def test_hessian_symmetry(v: Vector) -> None:
    """∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ (Schwarz), exactly: the hessian of exact input is not
    symmetrised, so an asymmetric rule would show."""

    def f(w: Any) -> Any:
        return w[0] ** 2 * w[1] ** 3 + w[2] * w[0] / (1 + w[1] * w[1]) + (w * w * w).sum()

    H = ad.hessian(f, v)
    assert H == H.T
    x, y, z = v
    d = 1 + y * y  # the hand derivatives of the middle term z·x/d
    assert H[0, 0] == 2 * y**3 + 6 * x
    assert H[0, 2] == 1 / d
    assert H[2, 2] == 6 * z


@given(st.lists(st.floats(-2, 2, allow_nan=False), min_size=2, max_size=2))
def test_hessian_agrees_with_finite_differences(entries: list[float]) -> None:
    v = Vector(entries)

    def f(w: Any) -> Any:
        return ad.exp(w[0] * w[1]) + ad.sin(w[0]) * ad.tanh(w[1]) + ad.logsumexp(w)

    H = ad.hessian(f, v)
    reference = ridders_hessian(lambda p: f(Vector(p)), v)
    scale = max(1.0, max(abs(e) for row in reference.rows for e in row))
    assert H == H.T
    assert all(abs(a - b) <= 1e-6 * scale for a, b in zip(_flat(H), _flat(reference), strict=True))


def _flat(A: Matrix) -> list[Any]:
    return [e for row in A.rows for e in row]


# ---------------------------------------------------------------------------------------
# The functions a learner tries first, with the answers they will check by hand.
# ---------------------------------------------------------------------------------------


def test_the_learners_first_derivatives() -> None:
    assert grad(lambda x: x**3, 0) == 0
    assert grad(lambda x: x**3, Fraction(1, 3)) == Fraction(1, 3)
    assert grad(lambda x: x**2, 0) == 0
    assert grad(lambda x: x**2, 0.0) == 0.0
    assert grad(lambda x: ad.sin(math.pi * x), 1.0) == -math.pi  # π·cos(π)
    assert grad(lambda x: ad.sin(math.pi * x), 0.5) == pytest.approx(0, abs=1e-15)
    assert grad(ad.relu, 0) == 0  # the documented convention at the kink
    assert grad(ad.relu, Fraction(1, 2)) == 1
    assert grad(ad.relu, -2.0) == 0
    assert grad(abs, 0) == 0  # the middle of the subdifferential [−1, 1]
    assert grad(abs, -3) == -1
    assert grad(lambda x: 1 / x, 2) == Fraction(-1, 4)
    assert grad(ad.exp, 0.0) == 1.0
    assert grad(ad.log, 2) == 0.5
    assert grad(ad.sqrt, 4) == 0.25


def test_slopes_stay_accurate_where_the_naive_formula_cancels() -> None:
    """sech² x at 20 is 4e⁻⁴⁰ ≈ 1.7e-17, and σ′(−40) ≈ 4.2e-18: 1 − tanh² and σ(1 − σ)
    give 0 and a wrong value; the library's slopes keep every digit."""
    assert math.isclose(grad(ad.tanh, 20.0), 1 / math.cosh(20.0) ** 2, rel_tol=1e-14)
    assert math.isclose(
        grad(ad.sigmoid, -40.0), math.exp(-40) / (1 + math.exp(-40)) ** 2, rel_tol=1e-14
    )
    assert grad(ad.sigmoid, 1000.0) == 0.0
    assert grad(ad.softplus, -1000.0) == 0.0


def test_exactness_over_fractions_through_matrices() -> None:
    """A linear layer with relu and abs: every operation rational, the gradient exact."""
    A = Matrix([[Fraction(1, 2), -1], [2, Fraction(1, 3)]])
    x = Vector([Fraction(1, 3), Fraction(-3, 4)])

    def loss(W: Any) -> Any:
        h = ad.relu(W @ x)
        return (h * h).sum() + abs(W).sum() / 4

    value, gradient = ad.value_and_grad(loss, A)
    h = Vector([max(e, 0) for e in A @ x])  # h = (11/12, 5/12)
    assert value == h @ h + Fraction(23, 24)
    by_hand = Matrix(
        [
            [2 * h[i] * x[j] + Fraction(1, 4) * (1 if A[i, j] > 0 else -1) for j in range(2)]
            for i in range(2)
        ]
    )
    assert gradient == by_hand
    assert all(type(e) in (int, Fraction) for e in _flat(gradient))


def test_chain_rule_on_matrix_valued_nodes() -> None:
    """L = Σ (A B C)ᵢⱼ: ∂L/∂B = Aᵀ 1 Cᵀ, one node per product, exactly."""
    A = Matrix([[1, 2], [3, 4], [5, 6]])
    B = Matrix([[Fraction(1, 2), -1, 0], [2, 1, Fraction(1, 3)]])
    C = Matrix([[1, 0], [0, 2], [-1, 1]])
    gradient = grad(lambda b: (A @ b @ C).sum(), B)
    assert gradient == A.T @ Matrix([[1, 1], [1, 1], [1, 1]]) @ C.T
    jac_forward = ad.jacobian(lambda b: A @ b @ C, B, mode="forward")
    jac_reverse = ad.jacobian(lambda b: A @ b @ C, B)
    assert jac_forward == jac_reverse
    assert jac_forward.shape == (6, 6)


def test_sigma_of_affine_layer_against_finite_differences() -> None:
    """L(A, b) = Σ σ(A x + b)², the layer of a network: autodiff's ∂L/∂A against the hand
    formula (2σ·σ′) xᵀ and against Ridders over the flattened parameters."""
    A = Matrix([[0.5, -1.0, 0.25], [2.0, 0.1, -0.3]])
    x, b = Vector([1.0, -2.0, 0.5]), Vector([0.1, -0.2])

    def loss(W: Any) -> Any:
        s = ad.sigmoid(W @ x + b)
        return (s * s).sum()

    gradient = grad(loss, A)
    z = A @ x + b
    s = [1 / (1 + math.exp(-zi)) for zi in z]
    by_hand = [[2 * s[i] * s[i] * (1 - s[i]) * x[j] for j in range(3)] for i in range(2)]
    assert all(
        math.isclose(gradient[i, j], by_hand[i][j], rel_tol=1e-14)
        for i in range(2)
        for j in range(3)
    )

    reference = ridders_gradient(lambda p: _plain_loss(p, x, b), Vector(_flat(A)))
    assert all(
        math.isclose(a, r, rel_tol=1e-9, abs_tol=1e-12)
        for a, r in zip(_flat(gradient), reference, strict=True)
    )
    assert ad.check_grad(loss, A) < REL_RIDDERS


def _plain_loss(p: Any, x: Vector, b: Vector) -> float:
    W = Matrix([list(p[0:3]), list(p[3:6])])
    return float(ad.sigmoid(W @ x + b) @ ad.sigmoid(W @ x + b))


def test_check_grad_catches_a_wrong_rule() -> None:
    """A learner's primitive with a wrong local derivative (x instead of 2x for x²) is
    reported near 1; the right one near 0, also at a minimum where ∇f = 0."""

    def square(rule: Callable[[Any, Any], Any]) -> Callable[[Any], Any]:
        return lambda x: Var.from_operation(x.value**2, "sq", Edge(x, lambda g: rule(g, x.value)))

    assert ad.check_grad(square(lambda g, x: g * 2 * x), 1.5) < 1e-10
    assert 0.4 < ad.check_grad(square(lambda g, x: g * x), 1.5) <= 1
    assert ad.check_grad(lambda v: ((v - 1) ** 2).sum(), Vector([1.0, 1.0])) == 0.0
    assert ad.check_grad(lambda v: ((v - 1) ** 2).sum() + 1, Vector([1.0, 1.0 + 1e-9])) < 1e-10


def test_power_with_both_base_and_exponent_differentiated() -> None:
    """∂(xʸ)/∂x = y xʸ⁻¹ and ∂(xʸ)/∂y = xʸ log x, for x > 0."""
    g = grad(lambda v: v[0] ** v[1], Vector([2.0, 3.0]))
    assert g == Vector([12.0, 8 * math.log(2)])
    assert grad(lambda y: 2**y, 3.0) == 8 * math.log(2)
    assert ad.jvp(lambda y: 2**y, 3.0, 1.0)[1] == 8 * math.log(2)
    assert grad(lambda y: 0**y, 2.0) == 0  # 0ʸ = 0 for y > 0: flat
    assert ad.jvp(lambda y: 0**y, 2.0, 1.0)[1] == 0


def _det3(A: Any) -> Any:
    """The 3×3 determinant by Sarrus' rule, entry by entry (A[i, j] nodes)."""
    return (
        A[0, 0] * A[1, 1] * A[2, 2]
        + A[0, 1] * A[1, 2] * A[2, 0]
        + A[0, 2] * A[1, 0] * A[2, 1]
        - A[0, 2] * A[1, 1] * A[2, 0]
        - A[0, 0] * A[1, 2] * A[2, 1]
        - A[0, 1] * A[1, 0] * A[2, 2]
    )


@given(matrices(matrix_rationals(), 3, 3))
def test_jacobi_formula_gradient_of_det_is_the_cofactor_matrix(A: Matrix) -> None:
    """∂ det A / ∂Aᵢⱼ = Cᵢⱼ, the cofactor: through entry nodes A[i, j], exactly."""
    cofactors = Matrix.from_function(
        3,
        3,
        lambda i, j: (
            (-1) ** (i + j)
            * Matrix([[A[r, c] for c in range(3) if c != j] for r in range(3) if r != i]).det()
        ),
    )
    assert grad(_det3, A) == cofactors


def test_gradient_through_rows_and_entries_of_a_matrix() -> None:
    """A[i] (a row node) and A[i, j] (an entry node) send sparse gradients back."""
    A = Matrix([[1, 2], [3, Fraction(1, 2)]])
    assert grad(lambda M: M[0] @ M[1], A) == Matrix([[3, Fraction(1, 2)], [1, 2]])
    assert grad(lambda M: M[1, 0] * M[1, 0], A) == Matrix([[0, 0], [6, 0]])
    assert grad(lambda M: M[0].sum() + (M * M).sum(), A) == Matrix([[3, 5], [6, 1]])
    v = Vector([1, 2, 3])
    assert grad(lambda w: sum(w) + w[-1] * w[0], v) == Vector([4, 1, 2])


def test_a_relu_written_with_if_follows_the_branch() -> None:
    def my_relu(x: Any) -> Any:
        return x if x > 0 else 0 * x

    assert (grad(my_relu, 2), grad(my_relu, -2), grad(my_relu, 0)) == (1, 0, 0)


def test_constants_and_outputs_without_a_graph() -> None:
    assert grad(lambda v: 3, Vector([1, 2])) == Vector([0, 0])
    assert grad(lambda v: 3.0, Vector([1.0, 2.0])) == Vector([0.0, 0.0])
    c = Var(2, requires_grad=False)
    x = Var(5)
    (c * x).backward()
    assert (x.grad, c.grad) == (2, None)
    assert ad.jvp(lambda t: 7, 1, 1) == (7, 0)


def test_jacobian_of_sequences_and_vjp_of_sequences() -> None:
    def F(v: Any) -> Any:
        return [v[0] * v[1], v[0], 4]

    expected = Matrix([[3, 2], [1, 0], [0, 0]])
    assert ad.jacobian(F, Vector([2, 3])) == expected
    assert ad.jacobian(F, Vector([2, 3]), mode="forward") == expected
    assert ad.vjp(F, Vector([2, 3]), Vector([1, 1, 1])) == (Vector([6, 2, 4]), Vector([4, 2]))
