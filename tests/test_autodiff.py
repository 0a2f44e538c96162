"""Tests of scratchmath.autodiff: the rules of differentiation as properties, the learner's
own first functions as known answers, deep graphs, and every bad input with its message.

Exact over the rationals. With int and Fraction inputs every rational operation keeps its
gradient exact, so the sum, product, quotient, power and chain rules, linearity, forward ==
reverse, the vjp/jvp duality and the symmetry of the Hessian are checked with ``==``.

Tolerances over floats. Reverse mode and a hand-written chain of derivatives compute the
same product of factors, each to a few ulps, in a different order: ``REL_AD = 1e-11``
(measured worst about 1e-14 over 300 examples). Against Ridders' extrapolated finite
differences the reference itself is good to about 1e-10 of the gradient's scale
(``tests/test_multivariable.py``), so ``check_grad`` is held to ``REL_RIDDERS = 1e-8``.
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
from scratchmath.autodiff import Dual, Edge, Var, grad
from scratchmath.calculus import gradient as ridders_gradient
from scratchmath.calculus import hessian as ridders_hessian
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector
from tests.strategies import floats, fractions, matrices, matrix_rationals

REL_AD = 1e-11
REL_RIDDERS = 1e-8

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

# Smooth maps of the whole real line: the autodiff function, the value and the slope by hand.
SMOOTH_MAPS: list[tuple[str, Callable[[Any], Any], Callable[[float], float]]] = [
    ("sin", ad.sin, math.cos),
    ("cos", ad.cos, lambda x: -math.sin(x)),
    ("tanh", ad.tanh, lambda x: 1 / math.cosh(x) ** 2),
    ("sigmoid", ad.sigmoid, lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2),
    ("softplus", ad.softplus, lambda x: 1 / (1 + math.exp(-x))),
    ("log(1 + x²)", lambda x: ad.log(1 + x * x), lambda x: 2 * x / (1 + x * x)),
    ("sqrt(1 + x²)", lambda x: ad.sqrt(1 + x * x), lambda x: x / math.sqrt(1 + x * x)),
    ("exp(−x²)", lambda x: ad.exp(-(x * x)), lambda x: -2 * x * math.exp(-x * x)),
]

SMOOTH_VALUES: dict[str, Callable[[float], float]] = {
    "sin": math.sin,
    "cos": math.cos,
    "tanh": math.tanh,
    "sigmoid": lambda x: 1 / (1 + math.exp(-x)),
    "softplus": lambda x: math.log1p(math.exp(x)),
    "log(1 + x²)": lambda x: math.log(1 + x * x),  # as written, rounding 1 + x² alike
    "sqrt(1 + x²)": lambda x: math.sqrt(1 + x * x),
    "exp(−x²)": lambda x: math.exp(-x * x),
}

rational_map_indices = st.integers(0, len(RATIONAL_MAPS) - 1)
smooth_map_indices = st.integers(0, len(SMOOTH_MAPS) - 1)
moderate_floats = st.floats(-3, 3, allow_nan=False, allow_infinity=False)


def compose(functions: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def composition(x: Any) -> Any:
        for f in functions:
            x = f(x)
        return x

    return composition


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


@given(st.lists(smooth_map_indices, min_size=1, max_size=5), moderate_floats)
def test_chain_rule_through_the_elementary_functions(indices: list[int], x: float) -> None:
    """The chain rule over floats, through every smooth function of the layer."""
    maps = [SMOOTH_MAPS[i] for i in indices]
    expected, point = 1.0, x
    for name, _, slope in maps:
        expected *= slope(point)
        point = SMOOTH_VALUES[name](point)
    derivative = grad(compose([f for _, f, _ in maps]), x)
    assert math.isclose(derivative, expected, rel_tol=REL_AD, abs_tol=1e-300)


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


@given(st.lists(moderate_floats, min_size=3, max_size=3))
def test_forward_mode_equals_reverse_mode_over_floats(entries: list[float]) -> None:
    v = Vector(entries)

    def F(w: Any) -> Any:
        return ad.tanh(w) * ad.softmax(w) + ad.log_softmax(w * w) + ad.logsumexp(w)

    forward, reverse = ad.jacobian(F, v, mode="forward"), ad.jacobian(F, v)
    assert forward.isclose(reverse, rel_tol=1e-12, abs_tol=1e-14)


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


@given(
    st.lists(smooth_map_indices, min_size=1, max_size=4),
    st.lists(floats(1e-3, 3.0), min_size=3, max_size=3),
)
def test_grad_agrees_with_ridders(indices: list[int], entries: list[float]) -> None:
    """grad agrees with Ridders' extrapolated finite differences (calculus.gradient) on
    random smooth compositions of a Vector, to the accuracy of the finite differences.

    Entries are 0 or of magnitude ≥ 1e-3 (``strategies.floats``): at x = 1e-200 the
    computed log(1 + x²) is the constant 0, which finite differences rightly see as flat
    while autodiff differentiates the formula — a difference of range, not of rule."""
    inner = compose([SMOOTH_MAPS[i][1] for i in indices])

    def f(v: Any) -> Any:
        return (inner(v) * Vector([1.0, -2.0, 0.5])).sum() + v[0] * v[1]

    assert ad.check_grad(f, Vector(entries)) < REL_RIDDERS


@given(st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=1, max_size=8))
def test_softmax_sums_to_one(entries: list[float]) -> None:
    s = ad.softmax(Vector(entries))
    assert all(0 <= p <= 1 for p in s)
    assert abs(math.fsum(s) - 1) <= len(entries) * 2.3e-16


@given(st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=1, max_size=8))
def test_logsumexp_never_overflows(entries: list[float]) -> None:
    """max x ≤ logsumexp(x) ≤ max x + ln n, finite for inputs of ±1000 (e¹⁰⁰⁰ is not)."""
    value, top = ad.logsumexp(Vector(entries)), max(entries)
    assert math.isfinite(value)
    assert top - 1e-12 * abs(top) <= value <= top + math.log(len(entries)) + 1e-12 * abs(top)
    s = grad(ad.logsumexp, Vector(entries))
    assert s.isclose(ad.softmax(Vector(entries)), rel_tol=1e-15)


def test_logsumexp_at_plus_and_minus_1000() -> None:
    assert ad.logsumexp(Vector([1000.0, 1000.0])) == 1000 + math.log(2)
    assert ad.logsumexp(Vector([-1000.0, -1000.0])) == -1000 + math.log(2)
    assert ad.log_softmax(Vector([1000.0, -1000.0])) == Vector([0.0, -2000.0])
    assert grad(ad.logsumexp, Vector([1000.0, -1000.0])) == Vector([1.0, 0.0])


@given(fractions(), fractions(), fractions(), fractions())
def test_dual_numbers_have_epsilon_squared_zero(
    a: Fraction, b: Fraction, c: Fraction, d: Fraction
) -> None:
    """(a + bε)(c + dε) = ac + (ad + bc)ε: the product rule is the arithmetic of ε² = 0."""
    product = Dual(a, b) * Dual(c, d)
    assert (product.value, product.tangent) == (a * c, a * d + b * c)
    assume(c != 0)
    quotient = Dual(a, b) / Dual(c, d)
    assert (quotient.value, quotient.tangent) == (a / c, (b * c - a * d) / c**2)


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


@pytest.mark.parametrize(
    ("function", "slope"),
    [
        (ad.exp, math.exp),
        (ad.log, lambda x: 1 / x),
        (ad.sqrt, lambda x: 0.5 / math.sqrt(x)),
        (ad.sin, math.cos),
        (ad.cos, lambda x: -math.sin(x)),
        (ad.tanh, lambda x: 1 / math.cosh(x) ** 2),
        (ad.sigmoid, lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2),
        (ad.relu, lambda x: 1.0),
        (ad.softplus, lambda x: 1 / (1 + math.exp(-x))),
    ],
)
def test_every_function_on_numbers_duals_and_vars(function: Any, slope: Any) -> None:
    """One definition, three kinds of argument: the number, the Dual's tangent and the
    Var's gradient agree with the value and slope by hand, on numbers, Vectors and Matrices."""
    x = 0.7
    assert math.isclose(function(Fraction(7, 10)), function(x), rel_tol=1e-15)
    dual = function(Dual(x, 1.0))
    var = Var(x)
    out = function(var)
    out.backward()
    assert dual.value == out.value == function(x)
    assert math.isclose(dual.tangent, slope(x), rel_tol=1e-15)
    assert math.isclose(var.grad, slope(x), rel_tol=1e-15)
    v, A = Vector([x, 2 * x]), Matrix([[x, 2 * x], [3 * x, 0.5]])
    assert function(v) == Vector([function(x), function(2 * x)])
    assert function(A)[1, 1] == function(0.5)
    assert grad(lambda w: function(w).sum(), A)[1, 0] == pytest.approx(slope(3 * x), rel=1e-15)
    tangent = ad.jvp(function, v, Vector([0, 1]))[1]
    assert tangent[0] == 0 and tangent[1] == pytest.approx(slope(2 * x), rel=1e-15)


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


def test_a_relu_written_with_if_follows_the_branch() -> None:
    def my_relu(x: Any) -> Any:
        return x if x > 0 else 0 * x

    assert (grad(my_relu, 2), grad(my_relu, -2), grad(my_relu, 0)) == (1, 0, 0)


@pytest.mark.parametrize("other", ["a", [1, 2], (1, 2), None, True], ids=repr)
def test_a_var_combines_only_with_numbers_vectors_and_matrices(other: Any) -> None:
    """A list is not silently read as a Vector, nor a bool as a number, by an operator."""
    with pytest.raises(TypeError, match=r"unsupported operand|can.t multiply|can only"):
        Var(2) + other
    with pytest.raises(TypeError, match=r"unsupported operand|can.t multiply|can only"):
        other * Var(2)


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
