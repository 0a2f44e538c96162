"""Tests of scratchmath.matrices.least_squares: lstsq and the basis tools.

The normal equations theorem (x minimises ‖Ax − b‖ ⇔ Aᵀ(Ax − b) = 0) holds exactly over the
rationals, so it is tested over Fractions with ``==``; the float paths are compared with the
pseudo-inverse and with NIST's certified Longley values.

Theorems and properties checked:

- normal equations residual orthogonal to columns
- least squares minimises the residual
- float lstsq agrees with pinv
- rank deficient gives the minimum norm solution
- underdetermined gives the minimum norm solution
- matrix right side gives matrix solution
- longley in floats has seven correct digits
- exact lstsq reproduces nist coefficients
- filip in floats reports its trouble
- lstsq bad input
- linear independence
- span contains every linear combination
- span contains examples and errors
- coordinates reconstruct the vector
- coordinates errors
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import (
    Matrix,
    coordinates,
    is_linearly_independent,
    lstsq,
    pinv,
    rank,
    span_contains,
)
from scratchmath.vectors import Vector
from tests.nist_strd import load
from tests.strategies import fractions

NIST = load()


@st.composite
def tall_systems(draw: st.DrawFn) -> tuple[Matrix, Vector]:
    m = draw(st.integers(2, 6))
    n = draw(st.integers(1, m))
    rows = draw(st.lists(st.lists(fractions(), min_size=n, max_size=n), min_size=m, max_size=m))
    b = draw(st.lists(fractions(), min_size=m, max_size=m))
    return Matrix(rows), Vector(b)


@given(tall_systems())
def test_normal_equations_residual_orthogonal_to_columns(system: tuple[Matrix, Vector]) -> None:
    A, b = system
    assume(rank(A) == A.shape[1])
    fit = lstsq(A, b)
    assert A.T @ (A @ fit.x - b) == Vector.zeros(A.shape[1])  # exactly zero
    assert all(isinstance(x, int | Fraction) for x in fit.x)


@given(tall_systems(), st.data())
def test_least_squares_minimises_the_residual(
    system: tuple[Matrix, Vector], data: st.DataObject
) -> None:
    # Pythagoras: ‖A(x + d) − b‖² = ‖Ax − b‖² + ‖Ad‖², never smaller, exactly over ℚ.
    A, b = system
    assume(rank(A) == A.shape[1])
    x = lstsq(A, b).x
    d = Vector(data.draw(st.lists(fractions(), min_size=len(x), max_size=len(x))))
    r, r2 = A @ x - b, A @ (x + d) - b
    assert r2 @ r2 == r @ r + (A @ d) @ (A @ d)


@given(tall_systems())
def test_float_lstsq_agrees_with_pinv(system: tuple[Matrix, Vector]) -> None:
    A, b = system
    Af = Matrix([[float(x) for x in row] for row in A.rows])
    bf = Vector([float(x) for x in b])
    fit = lstsq(Af, bf)
    expected = pinv(Af) @ bf
    scale = max(1.0, max(abs(x) for x in expected))
    assume(fit.condition_number < 1e6)
    assert all(
        math.isclose(u, v, abs_tol=1e-9 * scale) for u, v in zip(fit.x, expected, strict=True)
    )


def test_rank_deficient_gives_the_minimum_norm_solution() -> None:
    A = Matrix([[1, 1], [1, 1], [1, 1]])
    fit = lstsq(A, Vector([1, 2, 3]))
    assert fit.rank == 1
    assert Vector(fit.x).isclose(Vector([1.0, 1.0]))  # x₁ + x₂ = 2, shortest: (1, 1)


def test_underdetermined_gives_the_minimum_norm_solution() -> None:
    fit = lstsq(Matrix([[1, 2, 3]]), Vector([14]))
    assert fit.rank == 1 and fit.residual_norm == pytest.approx(0, abs=1e-14)
    assert fit.x.isclose(Vector([1.0, 2.0, 3.0]))


def test_matrix_right_side_gives_matrix_solution() -> None:
    A = Matrix([[1, 0], [1, 1], [1, 2]])
    fit = lstsq(A, Matrix([[6, 1], [0, 1], [0, 1]]))
    assert fit.x == Matrix([[5, 1], [-3, 0]])


def test_longley_in_floats_has_seven_correct_digits() -> None:
    s = NIST["Longley"]
    A = Matrix([[1.0, *map(float, row)] for row in s.X])
    fit = lstsq(A, Vector([float(y) for y in s.y]))
    for computed, certified in zip(fit.x, s.b, strict=True):
        assert math.isclose(computed, certified, rel_tol=1e-7)
    assert fit.condition_number > 1e9  # the ill-conditioning is reported, not hidden


@pytest.mark.parametrize("name", ["Longley", "Filip", "Wampler4"])
def test_exact_lstsq_reproduces_nist_coefficients(name: str) -> None:
    s = NIST[name]
    fit = lstsq(Matrix([[1, *row] for row in s.X]), Vector(s.y))
    for computed, certified in zip(fit.x, s.b, strict=True):
        assert f"{float(computed):.14e}" == f"{float(certified):.14e}"


def test_filip_in_floats_reports_its_trouble() -> None:
    s = NIST["Filip"]
    fit = lstsq(Matrix([[1.0, *map(float, row)] for row in s.X]), Vector([float(y) for y in s.y]))
    assert fit.rank < 11 or fit.condition_number > 1e14


def test_lstsq_bad_input() -> None:
    A = Matrix([[1, 2], [3, 4]])
    with pytest.raises(TypeError, match="A must be a Matrix"):
        lstsq([[1]], Vector([1]))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="b must be a Vector or a Matrix"):
        lstsq(A, 3)  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="cannot fit 2×2 to a vector of dimension 3"):
        lstsq(A, Vector([1, 2, 3]))
    with pytest.raises(DomainError, match="finite entries"):
        lstsq(A, Vector([1, math.nan]))
    with pytest.raises(DomainError, match="real entries"):
        lstsq(Matrix([[1j]]), Vector([1]))


def test_linear_independence() -> None:
    assert is_linearly_independent([Vector([1, 0, 1]), Vector([0, 1, 1])])
    assert not is_linearly_independent([Vector([1, 2]), Vector([2, 4])])
    assert not is_linearly_independent([Vector([1, 0]), Vector([0, 1]), Vector([1, 1])])
    assert is_linearly_independent([])
    assert not is_linearly_independent([Vector([0, 0])])
    with pytest.raises(DimensionError, match="one dimension"):
        is_linearly_independent([Vector([1]), Vector([1, 2])])
    with pytest.raises(TypeError, match="list of Vectors"):
        is_linearly_independent(Vector([1, 2]))  # type: ignore[arg-type]


@given(st.lists(st.lists(fractions(), min_size=3, max_size=3), min_size=1, max_size=3), st.data())
def test_span_contains_every_linear_combination(
    rows: list[list[Fraction]], data: st.DataObject
) -> None:
    vectors = [Vector(r) for r in rows]
    c = data.draw(st.lists(fractions(), min_size=len(vectors), max_size=len(vectors)))
    v = sum((ci * vi for ci, vi in zip(c, vectors, strict=True)), Vector.zeros(3))
    assert span_contains(vectors, v)


def test_span_contains_examples_and_errors() -> None:
    assert not span_contains([Vector([1, 0, 1])], Vector([0, 1, 0]))
    assert span_contains([], Vector([0, 0]))
    assert not span_contains([], Vector([0, 1]))
    with pytest.raises(TypeError, match="v must be a Vector"):
        span_contains([Vector([1])], [1])  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="one dimension"):
        span_contains([Vector([1])], Vector([1, 2]))


@given(st.lists(st.lists(fractions(), min_size=3, max_size=3), min_size=1, max_size=3), st.data())
def test_coordinates_reconstruct_the_vector(
    rows: list[list[Fraction]], data: st.DataObject
) -> None:
    basis = [Vector(r) for r in rows]
    assume(is_linearly_independent(basis))
    c = data.draw(st.lists(fractions(), min_size=len(basis), max_size=len(basis)))
    v = sum((ci * bi for ci, bi in zip(c, basis, strict=True)), Vector.zeros(3))
    assert coordinates(v, basis) == Vector(c)  # unique, and exact


def test_coordinates_errors() -> None:
    with pytest.raises(DomainError, match="linearly dependent"):
        coordinates(Vector([1, 2]), [Vector([1, 2]), Vector([2, 4])])
    with pytest.raises(DomainError, match="not in the span"):
        coordinates(Vector([0, 1]), [Vector([1, 0])])
    with pytest.raises(DimensionError, match="at least one vector"):
        coordinates(Vector([1]), [])
    with pytest.raises(DimensionError, match="dimension 2 but the basis vectors have 1"):
        coordinates(Vector([1, 2]), [Vector([1])])
    with pytest.raises(TypeError, match="v must be a Vector"):
        coordinates([1], [Vector([1])])  # type: ignore[arg-type]
    assert coordinates(Vector([2.0, 0.5]), [Vector([2.0, 0.0]), Vector([0.0, 1.0])]).isclose(
        Vector([1.0, 0.5])
    )
