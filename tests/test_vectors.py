"""Tests of scratchmath.vectors: the axioms and theorems as Hypothesis properties.

Read top to bottom, the file follows the chapter: vector-space axioms, exactness, norms,
inner products, the theorems joining them (Cauchy–Schwarz, parallelogram law,
Pythagoras), geometry (angle, projection, cross product), Gram–Schmidt, the sequence
protocol, extreme magnitudes, and finally bad input for every public name.

Rational operations are tested *exactly* over ``Fraction``; anything returning a float is
tested against a tolerance derived in a comment next to it. ``EPS`` is the machine epsilon
2⁻⁵², so the unit roundoff (the largest relative error of one correctly rounded
operation) is u = EPS/2.

Theorems and properties checked:

- addition is associative
- addition is commutative
- zero is the additive identity
- every vector has an additive inverse
- scalar multiplication is compatible
- one is the scalar identity
- scalar distributes over vector addition
- vector distributes over scalar addition
- vector space axioms hold exactly over gaussian integers
- division by an int gives fractions
- any float makes the result float
- rational operations stay exact
- norm is positive definite
- norm is absolutely homogeneous
- triangle inequality
- norm axioms for random p
- norm axioms over complex vectors
- norm methods agree with the functions
- norm known answers
- p norm agrees with the definition
- 2 norm of exact vector is correctly rounded
- p one half breaks the triangle inequality
- every p below one breaks the triangle inequality
- inner product is linear in the first argument
- inner product is conjugate symmetric
- inner product is positive definite
- inner product is conjugate linear in the second argument
- complex inner product conjugates the second argument
- cauchy schwarz inequality
- cauchy schwarz inequality over floats
- induced norm equals the 2 norm
- induced norm equals the 2 norm over floats
- induced norm equals the 2 norm over complex
- induced norm of a weighted inner product
- parallelogram law holds for p2
- parallelogram law holds for p2 over floats
- parallelogram law fails for p1 and pinf
- parallelogram law only for p2
- pythagorean theorem
- pythagorean theorem over floats
- normalize gives a unit vector in the same direction
- normalize of exact vector is correctly rounded
- distance is the norm of the difference
- angle known answers
- angle is accurate for nearly parallel vectors
- angle matches its cosine
- projection residual is orthogonal
- projection residual is orthogonal over floats
- cross product is orthogonal to both
- cross product is anticommutative
- lagrange identity
- cross product known answers
- is orthogonal is exact over fractions
- is orthogonal is scale invariant
- linear combination is the sum of the scaled vectors
- linear combination of basis vectors
- gram schmidt is orthonormal and spans the same space
- gram schmidt over floats
- gram schmidt stays orthonormal for nearly dependent vectors
- gram schmidt known answer
- gram schmidt of complex vectors is orthonormal
- gram schmidt names the dependent vector
- is orthonormal known answers
- repr round trips
- repr round trips for all floats
- repr round trips for infinite complex
- repr known answers
- equal vectors hash equal
- vectors are usable in sets and dicts
- vectors are immutable
- vector is a sequence
- zeros and basis
- isclose
- isclose accepts infinite tolerances
- norm does not overflow or underflow
- norm of huge exact integers
- no python arithmetic error escapes
- normalize and angle of extreme but representable vectors
- normalize when the norm overflows
- normalize of a subnormal vector
- normalize and angle of huge exact vectors
- project with extreme magnitudes
- is orthogonal at extreme magnitudes
- complex norms do not raise overflow error
- project float onto huge exact vector
- is orthogonal of huge exact and float vectors
- isclose with infinite tolerance follows math isclose
- bad input raises the documented exception
- no stray exception from any float input
- errors from the users inner product pass through
- division by zero is always a domain error
- a bool is not an index
- |a − b| ≤ tolerance, with equality allowed (as math.isclose).
- 1 + 1000 terms of 2⁻⁵⁴ each: a plain float sum drops every one (1 + 2⁻⁵⁴ = 1).
- exact gram schmidt keeps a zero component positive
"""

from __future__ import annotations

import collections.abc
import contextlib
import math
import sys
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError, ScratchMathError
from scratchmath.vectors import (
    Vector,
    gram_schmidt,
    induced_norm,
    inner,
    is_orthonormal,
    linear_combination,
    p_norm,
    sup_norm,
)
from tests.strategies import (
    P_FIXED,
    as_floats,
    complexes,
    dimensions,
    finite_p_values,
    floats,
    fractions,
    gaussian_integers,
    ints,
    nonzero,
    orthogonal_pairs,
    p_values,
    vector_pairs,
    vector_triples,
    vector_tuples,
    vectors,
)

EPS = sys.float_info.epsilon  # 2⁻⁵²; the unit roundoff is u = EPS / 2

# Element strategies by name, for parametrizing a property over the kinds of scalar.
EXACT_ELEMENTS = {"int": ints(), "Fraction": fractions()}
REAL_VECTORS = st.one_of(vectors(floats()), vectors(fractions()))  # float or exact components

# A property run once per parameter (p, or a kind of scalar) needs fewer examples per run.
per_case = settings(max_examples=50)


def _is_exact(v: Vector) -> bool:
    return all(type(x) in (int, Fraction) for x in v)


def _is_zero(v: Vector) -> bool:
    return all(x == 0 for x in v)


# ---------------------------------------------------------------------------------------
# The eight vector-space axioms, exact over the rationals.
# ---------------------------------------------------------------------------------------

scalars_q = fractions()


@given(vector_triples(fractions()))
def test_addition_is_associative(uvw: tuple[Vector, ...]) -> None:
    u, v, w = uvw
    assert (u + v) + w == u + (v + w)


@given(vector_pairs(fractions()))
def test_addition_is_commutative(uv: tuple[Vector, ...]) -> None:
    u, v = uv
    assert u + v == v + u


@given(vectors(fractions()))
def test_zero_is_the_additive_identity(v: Vector) -> None:
    zero = Vector.zeros(len(v))
    assert v + zero == v
    assert zero + v == v


@given(vectors(fractions()))
def test_every_vector_has_an_additive_inverse(v: Vector) -> None:
    assert v + (-v) == Vector.zeros(len(v))
    assert v - v == Vector.zeros(len(v))


@given(scalars_q, scalars_q, vectors(fractions()))
def test_scalar_multiplication_is_compatible(a: Fraction, b: Fraction, v: Vector) -> None:
    assert a * (b * v) == (a * b) * v


@given(vectors(fractions()))
def test_one_is_the_scalar_identity(v: Vector) -> None:
    assert 1 * v == v
    assert v * 1 == v


@given(scalars_q, vector_pairs(fractions()))
def test_scalar_distributes_over_vector_addition(a: Fraction, uv: tuple[Vector, ...]) -> None:
    u, v = uv
    assert a * (u + v) == a * u + a * v


@given(scalars_q, scalars_q, vectors(fractions()))
def test_vector_distributes_over_scalar_addition(a: Fraction, b: Fraction, v: Vector) -> None:
    assert (a + b) * v == a * v + b * v


@per_case
@given(gaussian_integers(), gaussian_integers(), vector_pairs(gaussian_integers()))
def test_vector_space_axioms_hold_exactly_over_gaussian_integers(
    a: complex, b: complex, uv: tuple[Vector, ...]
) -> None:
    # Small integer parts: every float operation below is exact, so == is fair.
    u, v = uv
    assert a * (u + v) == a * u + a * v
    assert (a + b) * v == a * v + b * v
    assert a * (b * v) == (a * b) * v


# ---------------------------------------------------------------------------------------
# Exactness: int and Fraction stay exact through every rational operation.
# ---------------------------------------------------------------------------------------


def test_division_by_an_int_gives_fractions() -> None:
    assert Vector([1, 2]) / 3 == Vector([Fraction(1, 3), Fraction(2, 3)])
    assert all(type(x) is Fraction for x in Vector([1, 2]) / 3)
    halves = Vector([4, 2]) / 2
    assert halves == Vector([2, 1])
    assert all(type(x) is int for x in halves)  # a whole quotient is an int again


def test_any_float_makes_the_result_float() -> None:
    assert all(type(x) is float for x in Vector([1, 2]) / 2.0)
    assert all(type(x) is float for x in Vector([1, 2]) + Vector([0.5, 0]))
    assert all(type(x) is float for x in Vector([1, 0.5]))


@pytest.mark.parametrize("kind", sorted(EXACT_ELEMENTS))
@per_case
@given(data=st.data())
def test_rational_operations_stay_exact(kind: str, data: st.DataObject) -> None:
    elements = EXACT_ELEMENTS[kind]
    u, v = data.draw(vector_pairs(elements, min_dim=1))
    a = data.draw(nonzero(elements))
    # The oracle: the same arithmetic done component by component over Fraction.
    fu, fv, fa = [Fraction(x) for x in u], [Fraction(x) for x in v], Fraction(a)
    cases = {
        "u + v": (u + v, [x + y for x, y in zip(fu, fv, strict=True)]),
        "u - v": (u - v, [x - y for x, y in zip(fu, fv, strict=True)]),
        "-u": (-u, [-x for x in fu]),
        "a * u": (a * u, [fa * x for x in fu]),
        "u * a": (u * a, [x * fa for x in fu]),
        "u / a": (u / a, [x / fa for x in fu]),
        "2u - 3v": (
            linear_combination([2, -3], [u, v]),
            [2 * x - 3 * y for x, y in zip(fu, fv, strict=True)],
        ),
    }
    for name, (got, expected) in cases.items():
        assert _is_exact(got), name
        assert list(got) == expected, name
    dot = u.dot(v)
    assert type(dot) in (int, Fraction)
    assert dot == sum(x * y for x, y in zip(fu, fv, strict=True))
    assert u @ v == dot == inner(u, v)
    if not _is_zero(v):
        projection = u.project(v)
        assert _is_exact(projection)
        c = dot / sum(y * y for y in fv)
        assert list(projection) == [c * y for y in fv]


# ---------------------------------------------------------------------------------------
# Norms: the three axioms for p in {1, 2, 3, ∞} and for random p ≥ 1.
#
# NORM_REL_TOL. A computed norm N̂ is within 7u of the true N (u = EPS/2): for p ∉ {2, ∞}
# the algorithm scales by m = max |xᵢ| and forms m·(Σ (|xᵢ|/m)ᵖ)^(1/p); each term has
# relative error ≤ (p + 2)u (the division's u, raised to p, plus pow's own < 1 ulp),
# the correctly rounded fsum adds u, the 1/p power divides the accumulated (p + 3)u by p
# (≤ 4u) and adds 2u, the product with m adds u. p = 2 (hypot) and p = 1 (fsum) are
# within 2u, p = ∞ is exact. Homogeneity compares N̂(fl(a·x)) with fl(|a|·N̂(x)): two
# norms (14u), the rounding of each a·xᵢ (u, which moves a norm by at most u) and of the
# product (u): 16u = 8·EPS. The triangle inequality compares N̂(fl(x + y)) with
# fl(N̂(x) + N̂(y)) and collects the same 16u. No dimension factor: fsum makes the sums
# correctly rounded whatever n is. (Observed worst case: 1.6·EPS.)
# ---------------------------------------------------------------------------------------

NORM_REL_TOL = 8 * EPS


def _p_id(p: float) -> str:
    return "inf" if p == math.inf else str(p)


@pytest.mark.parametrize("p", P_FIXED, ids=_p_id)
@per_case
@given(REAL_VECTORS)
def test_norm_is_positive_definite(p: float, v: Vector) -> None:
    norm = p_norm(v, p)
    assert type(norm) is float
    # Nonzero components have |xᵢ| ≥ 1e-3, far from underflow: the test can be exact.
    assert norm >= 0
    assert (norm == 0) == _is_zero(v)
    assert p_norm(Vector.zeros(len(v)), p) == 0.0


@pytest.mark.parametrize("p", P_FIXED, ids=_p_id)
@per_case
@given(data=st.data())
def test_norm_is_absolutely_homogeneous(p: float, data: st.DataObject) -> None:
    elements = data.draw(st.sampled_from([floats(), fractions()]))
    v = data.draw(vectors(elements))
    a = data.draw(elements)
    assert math.isclose(p_norm(a * v, p), abs(a) * p_norm(v, p), rel_tol=NORM_REL_TOL)


@pytest.mark.parametrize("p", P_FIXED, ids=_p_id)
@per_case
@given(data=st.data())
def test_triangle_inequality(p: float, data: st.DataObject) -> None:
    elements = data.draw(st.sampled_from([floats(), fractions()]))
    x, y = data.draw(vector_pairs(elements))
    assert p_norm(x + y, p) <= (p_norm(x, p) + p_norm(y, p)) * (1 + NORM_REL_TOL)


@given(vector_pairs(floats()), floats(), finite_p_values())
def test_norm_axioms_for_random_p(xy: tuple[Vector, ...], a: float, p: float) -> None:
    x, y = xy
    nx = p_norm(x, p)
    assert nx >= 0 and (nx == 0) == _is_zero(x)
    assert math.isclose(p_norm(a * x, p), abs(a) * nx, rel_tol=NORM_REL_TOL)
    assert p_norm(x + y, p) <= (nx + p_norm(y, p)) * (1 + NORM_REL_TOL)


@per_case
@given(vectors(complexes()), complexes(), p_values())
def test_norm_axioms_over_complex_vectors(v: Vector, a: complex, p: float) -> None:
    # |a·zᵢ| is a complex product then a hypot: each adds ~2u, so allow 4u more than above.
    assert (p_norm(v, p) == 0) == _is_zero(v)
    assert math.isclose(p_norm(a * v, p), abs(a) * p_norm(v, p), rel_tol=NORM_REL_TOL + 2 * EPS)


@per_case
@given(vectors(fractions()))
def test_norm_methods_agree_with_the_functions(v: Vector) -> None:
    assert abs(v) == v.norm() == p_norm(v, 2)
    assert sup_norm(v) == p_norm(v, math.inf) == v.norm(math.inf)
    # Exact input, p ∈ {1, ∞}: the exact value, rounded once.
    assert p_norm(v, 1) == float(sum(abs(x) for x in v))
    assert sup_norm(v) == float(max((abs(x) for x in v), default=0))


def test_norm_known_answers() -> None:
    v = Vector([3, -4])
    assert (p_norm(v, 1), p_norm(v, 2), p_norm(v, math.inf)) == (7.0, 5.0, 4.0)
    assert math.isclose(p_norm(Vector([1, 1, 1]), 3), 3 ** (1 / 3), rel_tol=2 * EPS)
    assert Vector([]).norm() == 0.0 and Vector([]).norm(3) == 0.0


@given(vectors(floats()), p_values())
def test_p_norm_agrees_with_the_definition(v: Vector, p: float) -> None:
    # The teaching version, straight from ‖x‖ₚ = (Σ |xᵢ|ᵖ)^(1/p) (safe here: |xᵢ| ≤ 1e3
    # and p ≤ 20 keep |xᵢ|ᵖ within 1e±60). Its error: each power of an exact input is
    # within pow's 1 ulp (2u), fsum adds u, the 1/p root divides those 3u by p and adds 2u:
    # ≤ 5u. p_norm is within 7u (see NORM_REL_TOL): together 12u = 6·EPS < 8·EPS.
    if p == math.inf:
        definition = max((abs(x) for x in v), default=0.0)
    else:
        definition = math.fsum(abs(x) ** p for x in v) ** (1 / p)
    assert math.isclose(p_norm(v, p), definition, rel_tol=NORM_REL_TOL)


@per_case
@given(vectors(fractions(10**6, 10**6)))
def test_2_norm_of_exact_vector_is_correctly_rounded(v: Vector) -> None:
    # √⟨v, v⟩ is irrational in general; check exactly on squares that the float result lies
    # between the midpoints to its neighbours: lo² ≤ ⟨v, v⟩ ≤ hi².
    vv = Fraction(inner(v, v))
    norm = p_norm(v, 2)
    lo = (Fraction(norm) + Fraction(math.nextafter(norm, 0.0))) / 2 if norm else Fraction(0)
    hi = (Fraction(norm) + Fraction(math.nextafter(norm, math.inf))) / 2
    assert lo * lo <= vv <= hi * hi


def _quasi_norm(v: list[float], p: float) -> float:
    """(Σ |xᵢ|ᵖ)^(1/p) straight from the formula, for any p > 0 (no checks)."""
    return sum(abs(x) ** p for x in v) ** (1 / p)


def test_p_one_half_breaks_the_triangle_inequality() -> None:
    # By hand: x = (1, 0), y = (0, 1). "‖x‖½" = (1^½ + 0^½)² = 1, likewise ‖y‖½ = 1, but
    # ‖x + y‖½ = (1^½ + 1^½)² = 2² = 4 > 1 + 1. So p = ½ gives no norm, and p_norm refuses it.
    x, y = [1.0, 0.0], [0.0, 1.0]
    assert _quasi_norm(x, 0.5) == 1.0 and _quasi_norm(y, 0.5) == 1.0
    assert _quasi_norm([1.0, 1.0], 0.5) == 4.0
    assert _quasi_norm([1.0, 1.0], 0.5) > _quasi_norm(x, 0.5) + _quasi_norm(y, 0.5)
    with pytest.raises(DomainError, match=r"p ≥ 1.*got 0\.5.*triangle inequality"):
        p_norm(Vector([1, 1]), 0.5)


@per_case
@given(st.floats(0.05, 0.95), dimensions(2, 6), st.data())
def test_every_p_below_one_breaks_the_triangle_inequality(
    p: float, n: int, data: st.DataObject
) -> None:
    # For i ≠ j: "‖eᵢ + eⱼ‖ₚ" = 2^(1/p) > 2 = ‖eᵢ‖ₚ + ‖eⱼ‖ₚ whenever p < 1.
    i, j = data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    ei, ej = list(map(float, Vector.basis(n, i))), list(map(float, Vector.basis(n, j)))
    total = [a + b for a, b in zip(ei, ej, strict=True)]
    assert _quasi_norm(total, p) > _quasi_norm(ei, p) + _quasi_norm(ej, p)
    with pytest.raises(DomainError, match=r"p ≥ 1"):
        p_norm(Vector(total), p)


# ---------------------------------------------------------------------------------------
# Inner products: the three axioms, exact over Fraction and over Gaussian integers.
# ---------------------------------------------------------------------------------------

EXACT_FIELDS = {"Fraction": fractions(), "gaussian": gaussian_integers()}


@pytest.mark.parametrize("kind", sorted(EXACT_FIELDS))
@per_case
@given(data=st.data())
def test_inner_product_is_linear_in_the_first_argument(kind: str, data: st.DataObject) -> None:
    elements = EXACT_FIELDS[kind]
    u, v, w = data.draw(vector_triples(elements))
    a, b = data.draw(elements), data.draw(elements)
    assert inner(a * u + b * v, w) == a * inner(u, w) + b * inner(v, w)


@pytest.mark.parametrize("kind", sorted(EXACT_FIELDS))
@per_case
@given(data=st.data())
def test_inner_product_is_conjugate_symmetric(kind: str, data: st.DataObject) -> None:
    u, v = data.draw(vector_pairs(EXACT_FIELDS[kind]))
    assert inner(u, v) == inner(v, u).conjugate()


@pytest.mark.parametrize("kind", sorted(EXACT_FIELDS))
@per_case
@given(data=st.data())
def test_inner_product_is_positive_definite(kind: str, data: st.DataObject) -> None:
    v = data.draw(vectors(EXACT_FIELDS[kind]))
    vv = inner(v, v)
    assert complex(vv).imag == 0
    assert complex(vv).real >= 0
    assert (vv == 0) == _is_zero(v)


@per_case
@given(gaussian_integers(), vector_pairs(gaussian_integers()))
def test_inner_product_is_conjugate_linear_in_the_second_argument(
    a: complex, uv: tuple[Vector, ...]
) -> None:
    u, v = uv
    assert inner(u, a * v) == a.conjugate() * inner(u, v)
    assert inner(a * u, v) == a * inner(u, v)


def test_complex_inner_product_conjugates_the_second_argument() -> None:
    i = Vector([1j])
    one = Vector([1])
    assert i @ i == 1  # 1j · conj(1j) = 1j · (−1j) = 1
    assert i @ one == 1j
    assert one @ i == -1j
    assert Vector([1j, 1]).dot(Vector([1j, 1])) == 2
    assert inner(Vector([1 + 2j, 3]), Vector([2 - 1j, 1j])) == (1 + 2j) * (2 + 1j) + 3 * (-1j)


# ---------------------------------------------------------------------------------------
# Theorems of inner-product spaces.
# ---------------------------------------------------------------------------------------


def _abs_squared(z: Any) -> Any:
    """|z|² exactly: z·conj(z) (real for complex z, exact for Gaussian integers)."""
    return (z * z.conjugate()).real if isinstance(z, complex) else z * z


@pytest.mark.parametrize("kind", sorted(EXACT_FIELDS))
@per_case
@given(data=st.data())
def test_cauchy_schwarz_inequality(kind: str, data: st.DataObject) -> None:
    # Exact form |⟨x, y⟩|² ≤ ⟨x, x⟩⟨y, y⟩, with equality iff x, y are dependent.
    x, y = data.draw(vector_pairs(EXACT_FIELDS[kind]))
    xx, yy = complex(inner(x, x)).real, complex(inner(y, y)).real
    if kind == "Fraction":
        xx, yy = inner(x, x), inner(y, y)
    assert _abs_squared(inner(x, y)) <= xx * yy
    assert _abs_squared(inner(x, 2 * x)) == inner(x, x) * inner(2 * x, 2 * x)


@per_case
@given(vector_pairs(floats()))
def test_cauchy_schwarz_inequality_over_floats(xy: tuple[Vector, ...]) -> None:
    # fsum of the rounded products errs by ≤ 2u·Σ|xᵢyᵢ| ≤ 2u‖x‖‖y‖; each hypot ≤ 2u; the
    # product u: 7u in all, so 4·EPS.
    x, y = xy
    assert abs(inner(x, y)) <= p_norm(x, 2) * p_norm(y, 2) * (1 + 4 * EPS)


@given(vectors(fractions()))
def test_induced_norm_equals_the_2_norm(v: Vector) -> None:
    # Over Fraction both are the correctly rounded √⟨v, v⟩ of one exact number: equal.
    assert induced_norm(inner)(v) == p_norm(v, 2)


@per_case
@given(vectors(floats()))
def test_induced_norm_equals_the_2_norm_over_floats(v: Vector) -> None:
    # √fsum(fl(xᵢ²)): squares u, fsum u, halved by the root, root u → 2u; hypot ≤ 2u: 2·EPS.
    assert math.isclose(induced_norm(inner)(v), p_norm(v, 2), rel_tol=2 * EPS)


@per_case
@given(vectors(complexes()))
def test_induced_norm_equals_the_2_norm_over_complex(v: Vector) -> None:
    assert math.isclose(induced_norm(inner)(v), p_norm(v, 2), rel_tol=2 * EPS)


def test_induced_norm_of_a_weighted_inner_product() -> None:
    weighted = induced_norm(lambda x, y: 4 * x[0] * y[0] + x[1] * y[1])
    assert weighted(Vector([1, 0])) == 2.0
    assert weighted(Vector([1, 3])) == math.sqrt(13)


@given(vector_pairs(fractions()))
def test_parallelogram_law_holds_for_p2(xy: tuple[Vector, ...]) -> None:
    # Exact: ‖x + y‖² + ‖x − y‖² = 2‖x‖² + 2‖y‖² with ‖z‖² = ⟨z, z⟩.
    x, y = xy
    assert inner(x + y, x + y) + inner(x - y, x - y) == 2 * inner(x, x) + 2 * inner(y, y)


@per_case
@given(vector_pairs(floats()))
def test_parallelogram_law_holds_for_p2_over_floats(xy: tuple[Vector, ...]) -> None:
    # Each of the four norms (of rounded x ± y) is within 3u; squared 6u, plus the square's
    # rounding, the sums' and the doubling: ≈ 9u < 5·EPS, relative to the positive total.
    x, y = xy
    lhs = p_norm(x + y, 2) ** 2 + p_norm(x - y, 2) ** 2
    rhs = 2 * p_norm(x, 2) ** 2 + 2 * p_norm(y, 2) ** 2
    assert math.isclose(lhs, rhs, rel_tol=5 * EPS, abs_tol=0.0)


@pytest.mark.parametrize("p", [1, math.inf], ids=_p_id)
def test_parallelogram_law_fails_for_p1_and_pinf(p: float) -> None:
    # By hand, x = (1, 0), y = (0, 1):
    #   p = 1: ‖x+y‖² + ‖x−y‖² = 2² + 2² = 8, but 2‖x‖² + 2‖y‖² = 4;
    #   p = ∞: 1² + 1² = 2, but 4.
    x, y = Vector([1, 0]), Vector([0, 1])
    lhs = p_norm(x + y, p) ** 2 + p_norm(x - y, p) ** 2
    rhs = 2 * p_norm(x, p) ** 2 + 2 * p_norm(y, p) ** 2
    assert (lhs, rhs) == ((8.0, 4.0) if p == 1 else (2.0, 4.0))


@given(dimensions(2, 6), st.data(), p_values().filter(lambda p: abs(p - 2) > 1e-3))
def test_parallelogram_law_only_for_p2(n: int, data: st.DataObject, p: float) -> None:
    # For any p ≠ 2 the law fails on a pair of distinct basis vectors eᵢ, eⱼ of ℝⁿ:
    # ‖eᵢ ± eⱼ‖ₚ = 2^(1/p), so the left side is 2·4^(1/p) and the right side is 4; they are
    # equal only for p = 2. |p − 2| > 1e-3 keeps the gap (≥ ~1e-3) far above rounding.
    i, j = data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    x, y = Vector.basis(n, i), Vector.basis(n, j)
    lhs = p_norm(x + y, p) ** 2 + p_norm(x - y, p) ** 2
    rhs = 2 * p_norm(x, p) ** 2 + 2 * p_norm(y, p) ** 2
    assert not math.isclose(lhs, rhs, rel_tol=1e-6)
    assert (lhs > rhs) == (p < 2)
    # ...while for p = 2 it holds for this pair as for every pair.
    assert math.isclose(p_norm(x + y) ** 2 + p_norm(x - y) ** 2, 4.0, rel_tol=4 * EPS)


@pytest.mark.parametrize("kind", sorted(EXACT_FIELDS))
@per_case
@given(data=st.data())
def test_pythagorean_theorem(kind: str, data: st.DataObject) -> None:
    # Exact: ⟨x, y⟩ = 0 ⇒ ‖x + y‖² = ‖x‖² + ‖y‖².
    x, y = data.draw(orthogonal_pairs(EXACT_FIELDS[kind]))
    assert inner(x, y) == 0
    assert x.is_orthogonal(y)
    assert inner(x + y, x + y) == inner(x, x) + inner(y, y)


@per_case
@given(orthogonal_pairs(ints(5)))
def test_pythagorean_theorem_over_floats(xy: tuple[Vector, Vector]) -> None:
    # Integer pairs (|components| ≤ 1500) are exactly orthogonal as floats too, and x + y is
    # exact; each hypot is within 2u, squared 4u + u: the comparison within 3·EPS.
    x, y = as_floats(xy[0]), as_floats(xy[1])
    assert x.is_orthogonal(y)
    assert math.isclose(
        p_norm(x + y) ** 2, p_norm(x) ** 2 + p_norm(y) ** 2, rel_tol=3 * EPS, abs_tol=0.0
    )


# ---------------------------------------------------------------------------------------
# Geometry: normalize, distance, angle, is_orthogonal, project, cross.
# ---------------------------------------------------------------------------------------


@per_case
@given(vectors(floats(), min_dim=1).filter(lambda v: not _is_zero(v)))
def test_normalize_gives_a_unit_vector_in_the_same_direction(v: Vector) -> None:
    unit = v.normalize()
    # Each component xᵢ/‖x‖ rounds once after a ≤2u norm: the 2-norm within ~3u of 1.
    assert math.isclose(p_norm(unit), 1.0, rel_tol=2 * EPS)
    # Same direction: unit and v/‖v‖ differ by a few roundings, ‖û − v̂‖ ≤ ~4u; the angle
    # (Kahan's formula, accurate near 0) is that distance: within 4·EPS.
    assert unit.angle(v) <= 4 * EPS


@per_case
@given(vectors(fractions(), min_dim=1).filter(lambda v: not _is_zero(v)))
def test_normalize_of_exact_vector_is_correctly_rounded(v: Vector) -> None:
    # Correct rounding of the irrational xᵢ/‖x‖, checked exactly on squares: |qᵢ| must lie
    # between the midpoints to its float neighbours, i.e. lo² ≤ xᵢ²/⟨x, x⟩ ≤ hi².
    unit = v.normalize()
    vv = Fraction(v.dot(v))
    for x, q in zip(v, unit, strict=True):
        assert math.copysign(1.0, q) == math.copysign(1.0, x) or x == 0
        m = abs(q)
        lo = (Fraction(m) + Fraction(math.nextafter(m, 0.0))) / 2
        hi = (Fraction(m) + Fraction(math.nextafter(m, math.inf))) / 2
        assert lo * lo <= Fraction(x) ** 2 / vv <= hi * hi


@per_case
@given(vector_pairs(floats()), p_values())
def test_distance_is_the_norm_of_the_difference(uv: tuple[Vector, ...], p: float) -> None:
    u, v = uv
    assert u.distance(v, p) == p_norm(u - v, p)
    assert u.distance(v, p) == v.distance(u, p)
    assert u.distance(u, p) == 0.0


def test_angle_known_answers() -> None:
    assert Vector([1, 0]).angle(Vector([0, 2])) == math.pi / 2
    assert Vector([1, 1]).angle(Vector([-1, -1])) == math.pi
    assert math.isclose(Vector([1, 0]).angle(Vector([1, 1])), math.pi / 4, rel_tol=2 * EPS)


def test_angle_is_accurate_for_nearly_parallel_vectors() -> None:
    # arccos(cos θ) would give 0 or ~1.5e-8 here: cos(1e-10) rounds to 1. Kahan's formula
    # keeps full relative accuracy: the exact angle is atan(1e-10) = 1e-10·(1 − 3.3e-21).
    assert math.isclose(Vector([1, 0]).angle(Vector([1, 1e-10])), 1e-10, rel_tol=1e-9)
    assert math.isclose(Vector([1.0, 0.0]).angle(Vector([1.0, 1e-200])), 1e-200, rel_tol=1e-9)
    theta = 1e-7
    u, v = Vector([1.0, 0.0, 0.0]), Vector([math.cos(theta), math.sin(theta), 0.0])
    assert math.isclose(u.angle(v), theta, rel_tol=1e-9)


@per_case
@given(vector_pairs(floats(), min_dim=1).filter(lambda uv: not any(map(_is_zero, uv))))
def test_angle_matches_its_cosine(uv: tuple[Vector, ...]) -> None:
    u, v = uv
    theta = u.angle(v)
    assert 0.0 <= theta <= math.pi
    # cos θ = ⟨u, v⟩/(‖u‖‖v‖) with both sides computed to a few u; cos has slope ≤ 1.
    assert math.isclose(
        math.cos(theta), inner(u, v) / (p_norm(u) * p_norm(v)), rel_tol=0, abs_tol=8 * EPS
    )
    assert u.angle(u) == 0.0
    assert math.isclose(u.angle(-u), math.pi, rel_tol=EPS)
    assert math.isclose(theta, v.angle(u), rel_tol=0, abs_tol=8 * EPS)


@given(vector_pairs(fractions()))
def test_projection_residual_is_orthogonal(uv: tuple[Vector, ...]) -> None:
    v, onto = uv
    if _is_zero(onto):
        return
    projection = v.project(onto)
    assert inner(v - projection, onto) == 0  # exact
    assert projection.project(onto) == projection  # projecting twice changes nothing


@per_case
@given(vector_pairs(floats()))
def test_projection_residual_is_orthogonal_over_floats(uv: tuple[Vector, ...]) -> None:
    # r = v − c·u with c = ⟨v, u⟩/⟨u, u⟩. The coefficient carries ≤ 2u relative error and
    # each rᵢ = vᵢ − fl(c·uᵢ) one rounding of |vᵢ| and one of |c·uᵢ|; summed against |uᵢ|
    # (Cauchy–Schwarz, ‖c·u‖ ≤ ‖v‖) that is ≤ 5u·‖v‖‖u‖, plus fsum's u: 3·EPS·‖v‖‖u‖.
    # (Relative to ‖v‖‖u‖, not ‖r‖‖u‖: when v ∥ u the residual is pure rounding.)
    v, onto = uv
    if _is_zero(onto):
        return
    residual = v - v.project(onto)
    assert abs(inner(residual, onto)) <= 3 * EPS * p_norm(v) * p_norm(onto)


@given(vector_pairs(fractions(), dim=3))
def test_cross_product_is_orthogonal_to_both(uv: tuple[Vector, ...]) -> None:
    u, v = uv
    w = u.cross(v)
    assert _is_exact(w)
    assert inner(w, u) == 0 and inner(w, v) == 0


@per_case
@given(vector_pairs(fractions(), dim=3))
def test_cross_product_is_anticommutative(uv: tuple[Vector, ...]) -> None:
    u, v = uv
    assert u.cross(v) == -v.cross(u)
    assert u.cross(u) == Vector.zeros(3)


@per_case
@given(vector_pairs(fractions(), dim=3))
def test_lagrange_identity(uv: tuple[Vector, ...]) -> None:
    # ‖u × v‖² = ‖u‖²‖v‖² − ⟨u, v⟩²: the cross product's length is the parallelogram's area.
    u, v = uv
    w = u.cross(v)
    assert inner(w, w) == inner(u, u) * inner(v, v) - inner(u, v) ** 2


def test_cross_product_known_answers() -> None:
    e0, e1, e2 = (Vector.basis(3, i) for i in range(3))
    assert e0.cross(e1) == e2 and e1.cross(e2) == e0 and e2.cross(e0) == e1
    assert Vector([1, 2, 3]).cross(Vector([4, 5, 6])) == Vector([-3, 6, -3])


@per_case
@given(vectors(fractions()))
def test_is_orthogonal_is_exact_over_fractions(v: Vector) -> None:
    assert v.is_orthogonal(Vector.zeros(len(v)))
    assert v.is_orthogonal(v) == _is_zero(v)


@per_case
@given(orthogonal_pairs(ints(5), min_dim=1), st.integers(-400, 400))
def test_is_orthogonal_is_scale_invariant(xy: tuple[Vector, Vector], k: int) -> None:
    # Scaling by 2ᵏ is exact; with |k| ≤ 400 no inner product over- or underflows (for the
    # extreme magnitudes see test_is_orthogonal_at_extreme_magnitudes).
    x, y = as_floats(xy[0]), as_floats(xy[1])
    s = 2.0**k
    assert (s * x).is_orthogonal(y)
    if not _is_zero(x):
        assert not (s * x).is_orthogonal(s * x)


# ---------------------------------------------------------------------------------------
# Linear combinations.
# ---------------------------------------------------------------------------------------


@per_case
@given(st.data())
def test_linear_combination_is_the_sum_of_the_scaled_vectors(data: st.DataObject) -> None:
    k = data.draw(st.integers(1, 4))
    vs = data.draw(vector_tuples(fractions(), k))
    cs = data.draw(st.lists(fractions(), min_size=k, max_size=k))
    expected = Vector.zeros(len(vs[0]))
    for c, v in zip(cs, vs, strict=True):
        expected = expected + c * v
    assert linear_combination(cs, vs) == expected


def test_linear_combination_of_basis_vectors() -> None:
    basis = [Vector.basis(3, i) for i in range(3)]
    assert linear_combination([7, Fraction(1, 2), -1], basis) == Vector([7, Fraction(1, 2), -1])


# ---------------------------------------------------------------------------------------
# Gram–Schmidt and orthonormality.
# ---------------------------------------------------------------------------------------


def _exact_remainders(vectors_: list[Vector]) -> list[Fraction]:
    """‖wₖ‖²/‖vₖ‖² for each vₖ, where wₖ = vₖ minus its projection on span(v₀ … vₖ₋₁).

    Computed in exact rational arithmetic (floats converted exactly), independently of
    vectors.py: 0 means vₖ depends on the vectors before it.
    """
    basis: list[tuple[list[Fraction], Fraction]] = []
    ratios: list[Fraction] = []
    for v in vectors_:
        w = [Fraction(x) for x in v]
        vv = sum((x * x for x in w), Fraction(0))
        for b, bb in basis:
            c = sum((x * y for x, y in zip(w, b, strict=True)), Fraction(0)) / bb
            w = [x - c * y for x, y in zip(w, b, strict=True)]
        ww = sum((x * x for x in w), Fraction(0))
        ratios.append(ww / vv if vv else Fraction(0))
        if ww:
            basis.append((w, ww))
    return ratios


def _orthonormality_defect(q: list[Vector]) -> float:
    """max |⟨qᵢ, qⱼ⟩ − δᵢⱼ| (complex-aware)."""
    return max(
        (abs(q[i].dot(q[j]) - (i == j)) for i in range(len(q)) for j in range(len(q))),
        default=0.0,
    )


def _reconstruction_error(v: Vector, q: list[Vector]) -> float:
    """‖v − Σ⟨v, qᵢ⟩qᵢ‖ / ‖v‖: zero exactly when v lies in span(q)."""
    expansion = linear_combination([v.dot(qi) for qi in q], q)
    return p_norm(v - expansion) / p_norm(v)


# Tolerances. For exact input each qᵢ is the correctly rounded exact unit vector, so
# ⟨q̂ᵢ, q̂ⱼ⟩ = δᵢⱼ + (≤ 2u·Σ|qᵢₖqⱼₖ| ≤ 2u) + fsum's u: within 2·EPS. For float input,
# Gram–Schmidt twice gives ‖QᵀQ − I‖ = O(n·u) (Giraud–Langou–Rozložník): 2·n·EPS covers it
# for n ≤ 6 (observed worst case 2·EPS). The expansion Σ⟨v, qᵢ⟩qᵢ is k rounded products
# and an fsum per component, relative to ‖v‖: again O(n·u), 2·n·EPS.


@given(st.data())
def test_gram_schmidt_is_orthonormal_and_spans_the_same_space(data: st.DataObject) -> None:
    n = data.draw(dimensions(1, 5))
    k = data.draw(st.integers(1, n))
    vs = list(data.draw(vector_tuples(fractions(5, 4), k, dim=n)))
    remainders = _exact_remainders(vs)
    if 0 in remainders:
        first = remainders.index(0)
        with pytest.raises(DomainError, match=rf"vectors\[{first}\] is linearly dependent"):
            gram_schmidt(vs)
        return
    q = gram_schmidt(vs)
    assert len(q) == k
    assert all(type(x) is float for qi in q for x in qi)
    assert _orthonormality_defect(q) <= 2 * EPS
    assert is_orthonormal(q)
    for v in vs:
        assert _reconstruction_error(v, q) <= 2 * n * EPS


@per_case
@given(st.data())
def test_gram_schmidt_over_floats(data: st.DataObject) -> None:
    n = data.draw(dimensions(1, 6))
    k = data.draw(st.integers(1, n))
    vs = list(data.draw(vector_tuples(floats(), k, dim=n)))
    remainders = _exact_remainders(vs)
    try:
        q = gram_schmidt(vs)
    except DomainError as exc:
        event("gram_schmidt refused a dependent vector")
        # Refused: then the named vector must really be (nearly) dependent — its exact
        # remainder below the default tol = 1e-12 relative, with room for rounding.
        index = int(str(exc).split("[", 1)[1].split("]", 1)[0])
        assert remainders[index] <= Fraction(1e-11) ** 2
        assert all(r > Fraction(1e-13) ** 2 for r in remainders[:index])
        return
    assert all(r > 0 for r in remainders)
    assert len(q) == k
    assert _orthonormality_defect(q) <= 2 * n * EPS
    for v in vs:
        assert _reconstruction_error(v, q) <= 2 * n * EPS


@pytest.mark.parametrize(
    "vs",
    [
        [[1, 1e-8, 0], [1, 0, 1e-8], [1, 1e-8, 1e-8]],
        # Läuchli's vectors: classical Gram–Schmidt loses orthogonality completely here
        # (⟨q₁, q₂⟩ ≈ ½); modified Gram–Schmidt run twice keeps it at rounding level.
        [[1, 1e-8, 0, 0], [1, 0, 1e-8, 0], [1, 0, 0, 1e-8]],
        [[1.0, 1.0], [1.0, 1.0 + 1e-10]],
    ],
    ids=["three-nearly-dependent", "lauchli", "nearly-parallel"],
)
def test_gram_schmidt_stays_orthonormal_for_nearly_dependent_vectors(
    vs: list[list[float]],
) -> None:
    vectors_ = [Vector(v) for v in vs]
    q = gram_schmidt(vectors_)
    assert len(q) == len(vs)
    assert _orthonormality_defect(q) <= 1e-15
    for v in vectors_:
        assert _reconstruction_error(v, q) <= 4 * EPS


def test_gram_schmidt_known_answer() -> None:
    q = gram_schmidt([Vector([3, 4]), Vector([1, 0])])
    assert q == [Vector([0.6, 0.8]), Vector([0.8, -0.6])]
    assert gram_schmidt([]) == []


def test_gram_schmidt_of_complex_vectors_is_orthonormal() -> None:
    q = gram_schmidt([Vector([1j, 1, 0]), Vector([1, 0, 1j]), Vector([0, 1, 2])])
    assert _orthonormality_defect(q) <= 4 * EPS
    assert is_orthonormal(q)


def test_gram_schmidt_names_the_dependent_vector() -> None:
    u, v = Vector([1, 2, 0]), Vector([0, 1, 1])
    with pytest.raises(DomainError, match=r"vectors\[2\] is linearly dependent"):
        gram_schmidt([u, v, 2 * u - v])
    with pytest.raises(DomainError, match=r"vectors\[1\] is linearly dependent"):
        gram_schmidt([u, Vector.zeros(3), v])
    with pytest.raises(DomainError, match=r"vectors\[1\] is linearly dependent"):
        gram_schmidt([Vector([1.0, 2.0]), Vector([2.0, 4.0])])
    # A looser tolerance refuses a nearly dependent vector that the default accepts.
    nearly = [Vector([1.0, 0.0]), Vector([1.0, 1e-10])]
    assert len(gram_schmidt(nearly)) == 2
    with pytest.raises(DomainError, match=r"vectors\[1\]"):
        gram_schmidt(nearly, tol=1e-9)


def test_is_orthonormal_known_answers() -> None:
    assert is_orthonormal([Vector.basis(3, i) for i in range(3)])
    assert not is_orthonormal([Vector([1, 0]), Vector([1, 1])])
    assert not is_orthonormal([Vector([2, 0])])  # orthogonal is not enough: unit length too
    assert is_orthonormal([Vector([1.0, 1e-10])], tol=1e-9)
    assert not is_orthonormal([Vector([1.0, 1e-4])], tol=1e-9)
    assert is_orthonormal([])


# ---------------------------------------------------------------------------------------
# The value object: repr, hashing, immutability, the Sequence protocol.
# ---------------------------------------------------------------------------------------

ANY_ELEMENTS = st.one_of(ints(), fractions(), floats(), complexes())


def _round_trip(v: Vector) -> Vector:
    result: Vector = eval(repr(v), {"Vector": Vector, "Fraction": Fraction})
    return result


@per_case
@given(st.one_of(vectors(ints()), vectors(fractions()), vectors(floats()), vectors(complexes())))
def test_repr_round_trips(v: Vector) -> None:
    back = _round_trip(v)
    assert back == v
    assert [type(x) for x in back] == [type(x) for x in v]


@per_case
@given(vectors(st.floats(allow_nan=False)))
def test_repr_round_trips_for_all_floats(v: Vector) -> None:
    assert _round_trip(v) == v


def test_repr_round_trips_for_infinite_complex() -> None:
    v = Vector([complex(math.inf, 0), complex(1, -math.inf)])
    assert _round_trip(v) == v


def test_repr_known_answers() -> None:
    assert repr(Vector([1, 2, 3])) == "Vector([1, 2, 3])"
    assert repr(Vector([Fraction(1, 2)])) == "Vector([Fraction(1, 2)])"
    assert repr(Vector([])) == "Vector([])"


@per_case
@given(vectors(fractions()))
def test_equal_vectors_hash_equal(v: Vector) -> None:
    same = Vector(list(v))
    assert same == v and hash(same) == hash(v)
    as_float = Vector([float(x) for x in v])
    if as_float == v:  # equal when every component is a dyadic rational (1/2, 3/4, ...)
        assert hash(as_float) == hash(v)


def test_vectors_are_usable_in_sets_and_dicts() -> None:
    family = {Vector([1, 2]), Vector([1.0, 2.0]), Vector([Fraction(1), Fraction(2)])}
    assert len(family) == 1
    assert {Vector([1, 2]): "a"}[Vector([1.0, 2.0])] == "a"
    assert len({Vector([1, 2]), Vector([2, 1]), Vector([1, 2, 0])}) == 3


def test_vectors_are_immutable() -> None:
    v = Vector([1, 2])
    with pytest.raises(AttributeError, match="immutable"):
        v.x = 3  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="immutable"):
        v._c = (5, 6)  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del v._c
    with pytest.raises(TypeError, match="does not support item assignment"):
        v[0] = 5  # type: ignore[index]
    assert v == Vector([1, 2])
    components = [1, 2]
    w = Vector(components)
    components.append(3)  # the vector copied its input
    assert w == Vector([1, 2])


def test_vector_is_a_sequence() -> None:
    v = Vector([3, 1, 4, 1, 5])
    assert isinstance(v, collections.abc.Sequence)
    assert len(v) == 5 and list(v) == [3, 1, 4, 1, 5]
    assert v[0] == 3 and v[-1] == 5
    assert v[1:3] == Vector([1, 4]) and type(v[1:3]) is Vector
    assert v[::-1] == Vector([5, 1, 4, 1, 3])
    assert v[10:] == Vector([])
    assert v.index(4) == 2 and v.count(1) == 2
    assert list(reversed(v)) == [5, 1, 4, 1, 3]
    assert 4 in v and 9 not in v
    with pytest.raises(IndexError):  # plain out-of-range indexing, as every sequence
        v[5]
    with pytest.raises(ValueError, match="9 is not a component of Vector"):
        v.index(9)


def test_zeros_and_basis() -> None:
    assert Vector.zeros(3) == Vector([0, 0, 0]) and Vector.zeros(0) == Vector([])
    assert Vector.basis(3, 1) == Vector([0, 1, 0])
    assert all(type(x) is int for x in Vector.basis(4, 2))


def test_isclose() -> None:
    assert Vector([0.1 + 0.2, 1.0]).isclose(Vector([0.3, 1.0]))
    assert not Vector([0.0, 1.0]).isclose(Vector([1e-20, 1.0]))
    assert Vector([0.0, 1.0]).isclose(Vector([1e-20, 1.0]), abs_tol=1e-12)
    assert Vector([Fraction(1, 3)]).isclose(Vector([1 / 3]))
    assert not Vector([1, 2]).isclose(Vector([1, 3]))
    assert Vector([1j]).isclose(Vector([1j + 1e-12]))


def test_isclose_accepts_infinite_tolerances() -> None:
    assert Vector([1]).isclose(Vector([2]), rel_tol=math.inf)
    assert Vector([1]).isclose(Vector([2]), abs_tol=math.inf)


# ---------------------------------------------------------------------------------------
# Extreme magnitudes: no overflow, no underflow, no OverflowError, for every p.
# ---------------------------------------------------------------------------------------

P_EXTREME = (1, 2, 3, 2.5, 10, math.inf)


@pytest.mark.parametrize("p", P_EXTREME, ids=_p_id)
@pytest.mark.parametrize("scale", [1e200, 1e-200, 1e300, 1e-300])
def test_norm_does_not_overflow_or_underflow(p: float, scale: float) -> None:
    # ‖(s, s)‖ₚ = 2^(1/p)·s; scaling by the largest component keeps every term in range.
    expected = scale * (1.0 if p == math.inf else 2.0 ** (1 / p))
    assert math.isclose(p_norm(Vector([scale, scale]), p), expected, rel_tol=4 * EPS)
    assert math.isclose(p_norm(Vector([-scale, scale]), p), expected, rel_tol=4 * EPS)


@pytest.mark.parametrize("p", P_EXTREME, ids=_p_id)
def test_norm_of_huge_exact_integers(p: float) -> None:
    # 10²⁰⁰ squared is 10⁴⁰⁰, beyond every float, yet the norm ~1.4e200 is a fine float.
    expected = 1e200 * (1.0 if p == math.inf else 2.0 ** (1 / p))
    assert math.isclose(p_norm(Vector([10**200, 10**200]), p), expected, rel_tol=4 * EPS)
    tiny = Fraction(1, 10**200)
    expected_tiny = 1e-200 * (1.0 if p == math.inf else 2.0 ** (1 / p))
    assert math.isclose(p_norm(Vector([tiny, tiny]), p), expected_tiny, rel_tol=4 * EPS)
    # A norm beyond the float range is inf (IEEE overflow), never an OverflowError.
    assert p_norm(Vector([10**400]), p) == math.inf
    assert p_norm(Vector([-(10**400), 1]), p) == math.inf


def test_no_python_arithmetic_error_escapes() -> None:
    assert Vector([10**400]).norm(3) == math.inf
    assert Vector([]).norm() == 0.0
    with pytest.raises(DomainError, match="divide a vector by zero"):
        Vector([1, 2]) / 0
    assert Vector([1e308, 1e308]).distance(Vector([-1e308, -1e308])) == math.inf
    assert Vector([1.0, 0.0]).normalize() == Vector([1.0, 0.0])


def test_normalize_and_angle_of_extreme_but_representable_vectors() -> None:
    r = math.sqrt(0.5)
    for s in (1e300, 1e-300):
        assert Vector([s, s]).normalize().isclose(Vector([r, r]), rel_tol=4 * EPS)
        assert math.isclose(Vector([s, s]).angle(Vector([s, 0.0])), math.pi / 4, rel_tol=4 * EPS)
    q = gram_schmidt([Vector([1e300, 1e300]), Vector([1e300, -1e300])])
    assert _orthonormality_defect(q) <= 4 * EPS


def test_normalize_when_the_norm_overflows() -> None:
    big = 1.5e308
    r = math.sqrt(0.5)
    assert Vector([big, big]).normalize().isclose(Vector([r, r]), rel_tol=4 * EPS)
    assert math.isclose(Vector([big, big]).angle(Vector([big, 0.0])), math.pi / 4, rel_tol=1e-15)
    assert len(gram_schmidt([Vector([big, big]), Vector([big, 0.0])])) == 2


def test_normalize_of_a_subnormal_vector() -> None:
    unit = Vector([5e-324, 5e-324]).normalize()
    assert math.isclose(p_norm(unit), 1.0, rel_tol=4 * EPS)


def test_normalize_and_angle_of_huge_exact_vectors() -> None:
    r = math.sqrt(0.5)
    big = 10**400
    assert Vector([big, big]).normalize().isclose(Vector([r, r]), rel_tol=4 * EPS)
    assert math.isclose(Vector([big, 0]).angle(Vector([big, big])), math.pi / 4, rel_tol=4 * EPS)
    assert gram_schmidt([Vector([big, 0]), Vector([1, 1])]) == [
        Vector([1.0, 0.0]),
        Vector([0.0, 1.0]),
    ]


def test_project_with_extreme_magnitudes() -> None:
    for s in (1e200, 1e-200):
        projection = Vector([s, 0.0]).project(Vector([s, s]))
        assert projection.isclose(Vector([s / 2, s / 2]), rel_tol=4 * EPS)


def test_is_orthogonal_at_extreme_magnitudes() -> None:
    for s in (1e200, 1e-200):
        u, v = Vector([s, s]), Vector([s, -s])
        assert not u.is_orthogonal(u)
        assert u.is_orthogonal(v)


def test_complex_norms_do_not_raise_overflow_error() -> None:
    z = Vector([complex(1.5e308, 1.5e308)])
    for p in (1, 3, math.inf):
        assert p_norm(z, p) == math.inf
    assert not z.is_orthogonal(Vector([1 + 0j]))


def test_project_float_onto_huge_exact_vector() -> None:
    try:
        projection = Vector([1.0, 0.0]).project(Vector([10**400, 10**400]))
    except DomainError:
        return
    assert projection.isclose(Vector([0.5, 0.5]), rel_tol=4 * EPS)


def test_is_orthogonal_of_huge_exact_and_float_vectors() -> None:
    try:
        orthogonal = Vector([10**400, 1]).is_orthogonal(Vector([1.0, 1.0]))
    except DomainError:
        return
    assert orthogonal is False


def test_isclose_with_infinite_tolerance_follows_math_isclose() -> None:
    for a, b, tolerances in [
        (math.nan, math.nan, {"abs_tol": math.inf}),
        (math.inf, 1.0, {"rel_tol": math.inf}),
    ]:
        expected = math.isclose(a, b, **tolerances)
        assert Vector([a]).isclose(Vector([b]), **tolerances) == expected


# ---------------------------------------------------------------------------------------
# Bad input: every public name, the exception class and its message.
# ---------------------------------------------------------------------------------------

U2, V3 = Vector([1, 2]), Vector([1, 2, 3])
F2 = Vector([1.0, 2.0])
ZERO2 = Vector([0, 0])
NAN2 = Vector([math.nan, 1.0])
INF2 = Vector([math.inf, 1.0])


def _not_an_inner_product(x: Vector, y: Vector) -> Any:
    return -inner(x, y)


BAD_INPUT: list[tuple[str, Any, type[Exception], str]] = [
    # Vector and its constructors
    ("Vector(bool)", lambda: Vector([1, True]), TypeError, r"must be a number.*not bool"),
    ("Vector(str)", lambda: Vector([1, "2"]), TypeError, r"must be a number.*not str"),
    ("Vector(None)", lambda: Vector([None]), TypeError, r"must be a number.*not NoneType"),
    ("Vector(nested)", lambda: Vector([[1, 2]]), TypeError, r"must be a number.*not list"),
    ("Vector('12')", lambda: Vector("12"), TypeError, r"iterable of numbers, not str"),
    ("Vector(5)", lambda: Vector(5), TypeError, r"iterable of numbers, not int"),
    ("zeros(-1)", lambda: Vector.zeros(-1), DomainError, r"n must be non-negative, got -1"),
    ("zeros(2.0)", lambda: Vector.zeros(2.0), TypeError, r"n must be an int, not float"),
    ("zeros(True)", lambda: Vector.zeros(True), TypeError, r"n must be an int, not bool"),
    ("basis(3, 3)", lambda: Vector.basis(3, 3), DomainError, r"0 ≤ i < n = 3, got 3"),
    ("basis(3, -1)", lambda: Vector.basis(3, -1), DomainError, r"0 ≤ i < n = 3, got -1"),
    ("basis(3, 1.0)", lambda: Vector.basis(3, 1.0), TypeError, r"i must be an int, not float"),
    ("basis(-1, 0)", lambda: Vector.basis(-1, 0), DomainError, r"n must be non-negative"),
    ("v['a']", lambda: U2["a"], TypeError, r"indices must be integers or slices, not str"),
    # operators
    ("u + v (dims)", lambda: U2 + V3, DimensionError, r"cannot add vectors of dimensions 2 and 3"),
    ("u - v (dims)", lambda: U2 - V3, DimensionError, r"cannot subtract .* 2 and 3"),
    ("u + 1", lambda: U2 + 1, TypeError, r"unsupported operand type\(s\) for \+"),
    ("u * u", lambda: U2 * U2, TypeError, r"use u @ v for the inner product .* u.hadamard\(v\)"),
    ("u * True", lambda: U2 * True, TypeError, r"unsupported operand type\(s\) for \*"),
    ("'a' * u", lambda: "a" * U2, TypeError, r"can't multiply sequence|unsupported operand"),
    ("u / 0", lambda: U2 / 0, DomainError, r"cannot divide a vector by zero"),
    ("u / 0.0", lambda: F2 / 0.0, DomainError, r"cannot divide a vector by zero"),
    ("u / 0j", lambda: U2 / 0j, DomainError, r"cannot divide a vector by zero"),
    ("u / 'a'", lambda: U2 / "a", TypeError, r"unsupported operand type\(s\) for /"),
    ("1 / u", lambda: 1 / U2, TypeError, r"unsupported operand type\(s\) for /"),
    ("u @ v (dims)", lambda: U2 @ V3, DimensionError, r"inner product .* 2 and 3"),
    ("u @ 1", lambda: U2 @ 1, TypeError, r"unsupported operand type\(s\) for @"),
    # isclose
    ("isclose(list)", lambda: U2.isclose([1, 2]), TypeError, r"other must be a Vector, not list"),
    ("isclose dims", lambda: U2.isclose(V3), DimensionError, r"cannot compare .* 2 and 3"),
    (
        "isclose rel<0",
        lambda: U2.isclose(U2, rel_tol=-1),
        DomainError,
        r"rel_tol must be non-negative",
    ),
    ("isclose abs nan", lambda: U2.isclose(U2, abs_tol=math.nan), DomainError, r"abs_tol .*NaN"),
    ("isclose tol str", lambda: U2.isclose(U2, rel_tol="1"), TypeError, r"rel_tol must be a real"),
    # inner / dot
    ("dot(list)", lambda: U2.dot([1, 2]), TypeError, r"other must be a Vector, not list"),
    ("dot dims", lambda: U2.dot(V3), DimensionError, r"inner product of vectors .* 2 and 3"),
    ("inner(list, v)", lambda: inner([1, 2], U2), TypeError, r"u must be a Vector, not list"),
    ("inner(u, list)", lambda: inner(U2, [1, 2]), TypeError, r"^v must be a Vector, not list"),
    ("inner dims", lambda: inner(U2, V3), DimensionError, r"dimensions 2 and 3"),
    # p_norm / norm / sup_norm / abs
    ("p_norm(list)", lambda: p_norm([3, 4], 2), TypeError, r"v must be a Vector, not list"),
    ("p_norm(p=0.5)", lambda: p_norm(U2, 0.5), DomainError, r"p ≥ 1 .*got 0\.5"),
    ("p_norm(p=0)", lambda: p_norm(U2, 0), DomainError, r"p ≥ 1 .*got 0"),
    ("p_norm(p=-inf)", lambda: p_norm(U2, -math.inf), DomainError, r"p ≥ 1 .*got -inf"),
    ("p_norm(p=nan)", lambda: p_norm(U2, math.nan), DomainError, r"p must not be NaN"),
    ("p_norm(p='2')", lambda: p_norm(U2, "2"), TypeError, r"p must be a real number, not str"),
    ("p_norm(p=True)", lambda: p_norm(U2, True), TypeError, r"p must be a real number, not bool"),
    ("p_norm(p=2j)", lambda: p_norm(U2, 2j), TypeError, r"p must be a real number, not complex"),
    ("norm(p=0.5)", lambda: U2.norm(0.5), DomainError, r"p ≥ 1"),
    ("norm(p=nan)", lambda: U2.norm(math.nan), DomainError, r"p must not be NaN"),
    ("sup_norm(list)", lambda: sup_norm([1, 2]), TypeError, r"v must be a Vector, not list"),
    # induced_norm
    ("induced_norm(3)", lambda: induced_norm(3), TypeError, r"inner_product must be callable"),
    (
        "induced_norm(-inner)",
        lambda: induced_norm(_not_an_inner_product)(U2),
        DomainError,
        r"⟨x, x⟩ = -5 < 0: the function is not positive definite",
    ),
    (
        "induced_norm(complex)",
        lambda: induced_norm(lambda x, y: 1j)(U2),
        DomainError,
        r"⟨x, x⟩ must be real",
    ),
    ("induced_norm(nan)", lambda: induced_norm(lambda x, y: math.nan)(U2), DomainError, r"NaN"),
    (
        "induced_norm(str)",
        lambda: induced_norm(lambda x, y: "1")(U2),
        TypeError,
        r"inner product ⟨x, x⟩ must be a number",
    ),
    # normalize, distance, angle, is_orthogonal, project, cross
    ("normalize(0)", lambda: ZERO2.normalize(), DomainError, r"cannot normalize the zero vector"),
    ("normalize([])", lambda: Vector([]).normalize(), DomainError, r"normalize the zero vector"),
    ("normalize(nan)", lambda: NAN2.normalize(), DomainError, r"NaN or infinite components"),
    ("normalize(inf)", lambda: INF2.normalize(), DomainError, r"NaN or infinite components"),
    ("distance dims", lambda: U2.distance(V3), DimensionError, r"distance .* 2 and 3"),
    ("distance p", lambda: U2.distance(U2, p=0.5), DomainError, r"p ≥ 1"),
    ("distance(list)", lambda: U2.distance([1, 2]), TypeError, r"other must be a Vector"),
    ("angle zero", lambda: U2.angle(ZERO2), DomainError, r"angle with the zero vector"),
    ("angle zero self", lambda: ZERO2.angle(U2), DomainError, r"angle with the zero vector"),
    ("angle dims", lambda: U2.angle(V3), DimensionError, r"angle between .* 2 and 3"),
    ("angle nan", lambda: F2.angle(NAN2), DomainError, r"NaN or infinite components"),
    ("angle(list)", lambda: U2.angle([1, 2]), TypeError, r"other must be a Vector"),
    ("is_orthogonal dims", lambda: U2.is_orthogonal(V3), DimensionError, r"2 and 3"),
    (
        "is_orthogonal tol<0",
        lambda: F2.is_orthogonal(F2, tol=-1e-12),
        DomainError,
        r"tol must be non-negative",
    ),
    (
        "is_orthogonal tol nan",
        lambda: F2.is_orthogonal(F2, tol=math.nan),
        DomainError,
        r"tol must not be NaN",
    ),
    ("is_orthogonal inf", lambda: F2.is_orthogonal(INF2), DomainError, r"NaN or infinite"),
    ("is_orthogonal(list)", lambda: U2.is_orthogonal([1]), TypeError, r"must be a Vector"),
    ("project zero", lambda: U2.project(ZERO2), DomainError, r"project onto the zero vector"),
    ("project dims", lambda: U2.project(V3), DimensionError, r"cannot project .* 2 and 3"),
    ("project(list)", lambda: U2.project([1, 2]), TypeError, r"onto must be a Vector, not list"),
    ("cross 2-d", lambda: U2.cross(U2), DimensionError, r"3-dimensional .* 2 and 2"),
    ("cross 3-d × 2-d", lambda: V3.cross(U2), DimensionError, r"3-dimensional .* 3 and 2"),
    ("cross(list)", lambda: V3.cross([1, 2, 3]), TypeError, r"other must be a Vector, not list"),
    # linear_combination
    (
        "linear_combination counts",
        lambda: linear_combination([1, 2], [U2]),
        DimensionError,
        r"got 2 coefficients for 1 vectors",
    ),
    (
        "linear_combination dims",
        lambda: linear_combination([1, 2], [U2, V3]),
        DimensionError,
        r"vectors\[0\] has 2, vectors\[1\] has 3",
    ),
    (
        "linear_combination empty",
        lambda: linear_combination([], []),
        DimensionError,
        r"no vectors has no dimension",
    ),
    (
        "linear_combination bool",
        lambda: linear_combination([True], [U2]),
        TypeError,
        r"a coefficient must be a number.*not bool",
    ),
    (
        "linear_combination str",
        lambda: linear_combination("ab", [U2, U2]),
        TypeError,
        r"coefficients must be an iterable of numbers, not str",
    ),
    (
        "linear_combination list",
        lambda: linear_combination([1], [[1, 2]]),
        TypeError,
        r"vectors\[0\] must be a Vector, not list",
    ),
    # gram_schmidt
    (
        "gram_schmidt dependent",
        lambda: gram_schmidt([U2, 3 * U2]),
        DomainError,
        r"vectors\[1\] is linearly dependent",
    ),
    ("gram_schmidt zero", lambda: gram_schmidt([ZERO2]), DomainError, r"vectors\[0\] is linear"),
    ("gram_schmidt dims", lambda: gram_schmidt([U2, V3]), DimensionError, r"has 2.*has 3"),
    ("gram_schmidt nan", lambda: gram_schmidt([NAN2]), DomainError, r"NaN or infinite"),
    ("gram_schmidt tol<0", lambda: gram_schmidt([F2], tol=-1), DomainError, r"tol must be non"),
    ("gram_schmidt tol nan", lambda: gram_schmidt([F2], tol=math.nan), DomainError, r"NaN"),
    ("gram_schmidt(Vector)", lambda: gram_schmidt(U2), TypeError, r"iterable of Vectors"),
    ("gram_schmidt([list])", lambda: gram_schmidt([[1, 2]]), TypeError, r"vectors\[0\] must be"),
    # is_orthonormal
    ("is_orthonormal dims", lambda: is_orthonormal([U2, V3]), DimensionError, r"has 2.*has 3"),
    ("is_orthonormal tol<0", lambda: is_orthonormal([U2], tol=-1), DomainError, r"non-negative"),
    ("is_orthonormal nan", lambda: is_orthonormal([U2], tol=math.nan), DomainError, r"NaN"),
    ("is_orthonormal str", lambda: is_orthonormal([U2], tol="a"), TypeError, r"tol must be a real"),
    ("is_orthonormal([list])", lambda: is_orthonormal([[1]]), TypeError, r"vectors\[0\] must"),
]


@pytest.mark.parametrize(
    ("call", "exception", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_raises_the_documented_exception(
    call: Any, exception: type[Exception], message: str
) -> None:
    with pytest.raises(exception, match=message) as info:
        call()
    # Our own exceptions are catchable as ScratchMathError, and never a bare arithmetic
    # error from Python (ZeroDivisionError, OverflowError) or an IndexError.
    if exception in (DomainError, DimensionError):
        assert isinstance(info.value, ScratchMathError)
    assert not isinstance(info.value, (ArithmeticError, IndexError))


EXTREME_FLOATS = st.floats(allow_nan=True, allow_infinity=True)


@per_case
@given(vector_pairs(EXTREME_FLOATS, min_dim=1, max_dim=4), st.sampled_from(P_EXTREME))
def test_no_stray_exception_from_any_float_input(uv: tuple[Vector, ...], p: float) -> None:
    # Over the whole float range, NaN and ±inf included, every operation returns or raises
    # one of ours (DomainError); never an OverflowError, ZeroDivisionError or ValueError
    # from math. (Whether the *values* are right at the extremes is tested above.)
    u, v = uv
    operations = [
        lambda: p_norm(u, p),
        lambda: u.distance(v, p),
        lambda: u.dot(v),
        lambda: u + v,
        lambda: 3.0 * u - v,
        lambda: u / 7.0,
        lambda: u.normalize(),
        lambda: u.angle(v),
        lambda: u.project(v),
        lambda: u.is_orthogonal(v),
        lambda: u.isclose(v),
        lambda: gram_schmidt([u, v]),
        lambda: is_orthonormal([u, v]),
        lambda: linear_combination([1.5, -2.0], [u, v]),
        lambda: induced_norm(inner)(u),
    ]
    for operation in operations:
        with contextlib.suppress(DomainError):
            operation()


def test_errors_from_the_users_inner_product_pass_through() -> None:
    def broken(x: Vector, y: Vector) -> Any:
        raise KeyError("the user's own bug")

    with pytest.raises(KeyError, match="the user's own bug"):
        induced_norm(broken)(U2)


@per_case
@given(vectors(st.one_of(ints(), floats())), st.sampled_from([0, 0.0, -0.0, Fraction(0), 0j]))
def test_division_by_zero_is_always_a_domain_error(u: Vector, zero: Any) -> None:
    with pytest.raises(DomainError, match="divide a vector by zero"):
        u / zero


# ---------------------------------------------------------------------------------------
# Boundaries the mutation tool found unguarded (tools/mutation.py).
# ---------------------------------------------------------------------------------------


def test_a_bool_is_not_an_index() -> None:
    with pytest.raises(TypeError, match="vector indices must be integers or slices, not bool"):
        Vector([1, 2])[True]


def test_exact_isclose_includes_its_boundary() -> None:
    """|a − b| ≤ tolerance, with equality allowed (as math.isclose)."""
    assert Vector([0]).isclose(Vector([1]), abs_tol=1)
    assert Vector([10]).isclose(Vector([11]), rel_tol=Fraction(1, 11))
    assert not Vector([10]).isclose(Vector([11]), rel_tol=Fraction(1, 12))


def test_p_norm_sums_its_powers_without_losing_the_small_ones() -> None:
    """1 + 1000 terms of 2⁻⁵⁴ each: a plain float sum drops every one (1 + 2⁻⁵⁴ = 1)."""
    expected = float(1 + 1000 * Fraction(2) ** -54) ** (1 / 3)  # the sum exactly, then ∛
    for c in (2.0**-18, Fraction(1, 2**18)):  # c³ = 2⁻⁵⁴; the float and the exact path
        v = Vector([1] + [c] * 1000)
        assert math.isclose(p_norm(v, 3), expected, rel_tol=4 * 2.0**-52)
        assert p_norm(v, 3) > 1.0 + 1e-14


def test_exact_gram_schmidt_keeps_a_zero_component_positive() -> None:
    (unit,) = gram_schmidt([Vector([0, 3, -4])])
    assert unit == Vector([0.0, 0.6, -0.8])
    assert math.copysign(1.0, unit[0]) == 1.0


# ---------------------------------------------------------------------------------------------
# Norm axioms that a scaled norm (c·‖v‖, which keeps positivity, homogeneity and the triangle
# inequality) would break (issue 23: mutation testing).


@given(st.integers(1, 8), st.data(), p_values())
def test_norm_of_a_standard_basis_vector_is_one(n: int, data: st.DataObject, p: float) -> None:
    # ‖eᵢ‖ₚ = (1ᵖ)^(1/p) = 1 for every p, exactly: c·‖·‖ with c ≠ 1 shows here.
    i = data.draw(st.integers(0, n - 1))
    e = Vector.basis(n, i)
    assert p_norm(e, p) == 1.0
    assert p_norm(as_floats(e), p) == 1.0
    assert p_norm(-3 * e, p) == 3.0


@given(vectors(fractions()))
def test_2_norm_squared_is_the_dot_product(v: Vector) -> None:
    # ‖v‖₂² = v·v: the correctly rounded root, squared and rounded, is within 3u (relative)
    # of v·v, and float(v·v) within u of it: 4u = 2·EPS in all.
    squared = p_norm(v, 2) ** 2
    exact = float(v @ v)
    assert abs(squared - exact) <= 2 * EPS * exact
