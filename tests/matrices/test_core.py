"""Tests of scratchmath.matrices.core.

The theorems of linear maps, determinants and elimination hold exactly over the rationals,
so most properties are tested over Fraction matrices with exact ``==``; the float
algorithms (pivoting, Householder, Cholesky) are tested with tolerances derived from the
size of the rounding they can make.

Theorems and properties checked:

- A(x + y) = Ax + Ay, exactly.
- A(cx) = c·(Ax), exactly.
- A eⱼ is the j-th column of A: the matrix of a linear map records where the basis goes.
- (AB)x = A(Bx): the product is the map "B, then A".
- (AB)C = A(BC), exactly.
- A(B + C) = AB + AC.
- (AB)ᵀ = BᵀAᵀ.
- x A = Aᵀ x, and (x A) B = x (A B).
- tr(AB) = tr(BA), although AB ≠ BA in general.
- Matrices of one shape form a vector space: a sample of the axioms, exactly.
- R(α) R(β) = R(α + β): turning by β then by α is turning by α + β.
- RᵀR = I and det R = 1: a rotation keeps lengths and orientation.
- A^(j+k) = A^j A^k and A⁰ = I (negative powers for invertible A only).
- eval(repr(A)) == A, for exact and float matrices.
- ‖Ax‖ ≤ ‖A‖‖x‖ for the 1- and ∞-norms, with equality at the maximising vector.
- ‖A‖_F = √tr(AᵀA), and the triangle inequality ‖A + B‖_F ≤ ‖A‖_F + ‖B‖_F.
- ‖A‖₂ = σ₁ and ‖A‖_* = Σσᵢ; for a rotation times diag(3, 4): 4 and 7.
- str aligns columns
- constructors
- bad construction
- bad constructors
- bad arithmetic
- bad methods
- a table too large to hold is a precise error
- Aᴴ: (AB)ᴴ = BᴴAᴴ and (Aᴴ)ᴴ = A exactly over Gaussian integers; Aᴴ = Aᵀ for a real A.
"""

from __future__ import annotations

import math
import pickle
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scratchmath.errors import (
    DimensionError,
    DomainError,
    SingularMatrixError,
)
from scratchmath.matrices import (
    Matrix,
    det,
    matrix_norm,
)
from scratchmath.vectors import Vector
from tests.matrices.complex_helpers import H
from tests.matrices.helpers import (
    EPS,
    NON_SQUARE,
    float_matrices,
    fraction_matrix_pairs_square,
    matrices_of,
    rationals,
    rectangular_fraction_matrices,
    square_fraction_matrices,
    vectors_of,
)
from tests.strategies import (
    matrix_chains,
)


def fraction_chain(count: int) -> st.SearchStrategy[list[Matrix]]:
    return matrix_chains(rationals, count)


# ---------------------------------------------------------------------------------------
# Matrices as linear maps.
# ---------------------------------------------------------------------------------------


@given(st.data())
def test_linear_map_additivity(data: st.DataObject) -> None:
    """A(x + y) = Ax + Ay, exactly."""
    m, n = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    A = data.draw(matrices_of(rationals, m, n))
    x, y = data.draw(vectors_of(rationals, n)), data.draw(vectors_of(rationals, n))
    assert A @ (x + y) == A @ x + A @ y


@given(st.data())
def test_linear_map_homogeneity(data: st.DataObject) -> None:
    """A(cx) = c·(Ax), exactly."""
    m, n = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    A = data.draw(matrices_of(rationals, m, n))
    x, c = data.draw(vectors_of(rationals, n)), data.draw(rationals)
    assert A @ (c * x) == c * (A @ x)


@given(st.data())
def test_columns_are_images_of_basis_vectors(data: st.DataObject) -> None:
    """A eⱼ is the j-th column of A: the matrix of a linear map records where the basis goes."""
    m, n = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    A = data.draw(matrices_of(rationals, m, n))
    assert all(A @ Vector.basis(n, j) == A.columns[j] for j in range(n))
    assert Matrix.from_columns(A.columns) == A
    assert Matrix.from_rows(A.rows) == A


@given(fraction_chain(2), st.data())
def test_product_is_composition(chain: list[Matrix], data: st.DataObject) -> None:
    """(AB)x = A(Bx): the product is the map "B, then A"."""
    A, B = chain
    x = data.draw(vectors_of(rationals, B.shape[1]))
    assert (A @ B) @ x == A @ (B @ x)


@given(fraction_chain(3))
def test_matmul_associativity(chain: list[Matrix]) -> None:
    """(AB)C = A(BC), exactly."""
    A, B, C = chain
    assert (A @ B) @ C == A @ (B @ C)


@given(fraction_chain(2), st.data())
def test_matmul_distributes_over_addition(chain: list[Matrix], data: st.DataObject) -> None:
    """A(B + C) = AB + AC."""
    A, B = chain
    C = data.draw(matrices_of(rationals, *B.shape))
    assert A @ (B + C) == A @ B + A @ C


@given(fraction_chain(2))
def test_transpose_of_product(chain: list[Matrix]) -> None:
    """(AB)ᵀ = BᵀAᵀ."""
    A, B = chain
    assert (A @ B).T == B.T @ A.T


@given(fraction_chain(2), st.data())
def test_row_vector_product_is_transpose_product(chain: list[Matrix], data: st.DataObject) -> None:
    """x A = Aᵀ x, and (x A) B = x (A B)."""
    A, B = chain
    x = data.draw(vectors_of(rationals, A.shape[0]))
    assert x @ A == A.T @ x
    assert (x @ A) @ B == x @ (A @ B)


@given(fraction_matrix_pairs_square())
def test_trace_is_cyclic(pair: tuple[Matrix, Matrix]) -> None:
    """tr(AB) = tr(BA), although AB ≠ BA in general."""
    A, B = pair
    assert (A @ B).trace() == (B @ A).trace()


@given(rectangular_fraction_matrices(), st.data())
def test_matrix_vector_space_axioms(A: Matrix, data: st.DataObject) -> None:
    """Matrices of one shape form a vector space: a sample of the axioms, exactly."""
    B = data.draw(matrices_of(rationals, *A.shape))
    a, b = data.draw(rationals), data.draw(rationals)
    zero = Matrix.zeros(*A.shape)
    assert A + B == B + A
    assert A + zero == A
    assert zero == A - A
    assert zero == A + (-A)
    assert (a + b) * A == a * A + b * A
    assert a * (A + B) == a * A + a * B
    if b != 0:
        assert (A / b) * b == A


@given(st.floats(-10, 10), st.floats(-10, 10))
def test_rotation_composition_adds_angles(a: float, b: float) -> None:
    """R(α) R(β) = R(α + β): turning by β then by α is turning by α + β.

    Tolerance: each entry is a sum of two products of numbers in [-1, 1], a few ulp; the
    angle α + β is rounded by up to ε·|α + β| ≤ 20ε, which moves cos and sin that much.
    """
    assert (Matrix.rotation(a) @ Matrix.rotation(b)).isclose(
        Matrix.rotation(a + b), rel_tol=0, abs_tol=32 * EPS
    )


@given(st.floats(-10, 10))
def test_rotation_is_orthogonal_with_det_one(theta: float) -> None:
    """RᵀR = I and det R = 1: a rotation keeps lengths and orientation."""
    R = Matrix.rotation(theta)
    assert (R.T @ R).isclose(Matrix.identity(2), rel_tol=0, abs_tol=4 * EPS)
    assert math.isclose(det(R), 1.0, abs_tol=4 * EPS)


@given(square_fraction_matrices(max_n=3), st.integers(-3, 4), st.integers(-3, 4))
def test_power_laws(A: Matrix, j: int, k: int) -> None:
    """A^(j+k) = A^j A^k and A⁰ = I (negative powers for invertible A only)."""
    if min(j, k, j + k) < 0:
        assume(det(A) != 0)
    n = A.shape[0]
    assert A ** (j + k) == A**j @ A**k
    assert Matrix.identity(n) == A**0


@given(st.data())
def test_repr_round_trips(data: st.DataObject) -> None:
    """eval(repr(A)) == A, for exact and float matrices."""
    A = data.draw(rectangular_fraction_matrices() | float_matrices(3, 3))
    assert eval(repr(A), {"Matrix": Matrix, "Fraction": Fraction}) == A
    assert pickle.loads(pickle.dumps(A)) == A
    assert hash(Matrix(A.rows)) == hash(A)


# ---------------------------------------------------------------------------------------
# Norms.
# ---------------------------------------------------------------------------------------


@given(st.data())
def test_induced_norms_bound_the_map(data: st.DataObject) -> None:
    """‖Ax‖ ≤ ‖A‖‖x‖ for the 1- and ∞-norms, with equality at the maximising vector."""
    m, n = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    A = data.draw(matrices_of(rationals, m, n))
    x = data.draw(vectors_of(rationals, n))
    slack = 1 + 4 * EPS
    assert (A @ x).norm(1) <= matrix_norm(A, 1) * x.norm(1) * slack
    assert (A @ x).norm(math.inf) <= matrix_norm(A, math.inf) * x.norm(math.inf) * slack
    best = max(range(n), key=lambda j: A.columns[j].norm(1))
    assert (A @ Vector.basis(n, best)).norm(1) == matrix_norm(A, 1)


@given(rectangular_fraction_matrices(), rectangular_fraction_matrices())
def test_frobenius_norm_is_the_entries_two_norm(A: Matrix, B: Matrix) -> None:
    """‖A‖_F = √tr(AᵀA), and the triangle inequality ‖A + B‖_F ≤ ‖A‖_F + ‖B‖_F."""
    assert math.isclose(A.norm(), math.sqrt((A.T @ A).trace()), rel_tol=2 * EPS)
    if A.shape == B.shape:
        assert (A + B).norm() <= (A.norm() + B.norm()) * (1 + 4 * EPS)


def test_norm_two_and_nuclear_use_the_svd() -> None:
    """‖A‖₂ = σ₁ and ‖A‖_* = Σσᵢ; for a rotation times diag(3, 4): 4 and 7."""
    A = Matrix.rotation(0.3) @ Matrix([[3, 0], [0, -4]])
    assert math.isclose(matrix_norm(A, 2), 4.0, rel_tol=1e-12)
    assert math.isclose(A.norm("nuc"), 7.0, rel_tol=1e-12)


def test_str_aligns_columns() -> None:
    assert str(Matrix([[1, 22], [333, 4]])) == "[  1  22]\n[333   4]"
    assert str(Matrix([[Fraction(1, 2), -1]])) == "[1/2  -1]"


def test_constructors() -> None:
    assert Matrix.identity(2) == Matrix([[1, 0], [0, 1]])
    assert Matrix.zeros(1, 2) == Matrix([[0, 0]])
    assert Matrix.diagonal([1.5, 2]) == Matrix([[1.5, 0.0], [0.0, 2.0]])
    assert Matrix.from_function(2, 2, lambda i, j: i * 2 + j) == Matrix([[0, 1], [2, 3]])
    assert Matrix([[1, 2.0]])[0, 0] == 1.0 and type(Matrix([[1, 2.0]])[0, 0]) is float
    assert type(Matrix([[1, 1j]])[0, 0]) is complex
    assert Matrix([[1, 2], [3, 4]])[-1] == Vector([3, 4])
    assert Matrix([[1, 2], [3, 4]])[1, -1] == 4
    assert Matrix(Matrix([[1, 2]])) == Matrix([[1, 2]])
    assert Vector([1, 2]) @ Matrix([[1, 2], [3, 4]]) == Vector([7, 10])
    assert Matrix([[1, 2]]) @ Vector([0.5, 1]) == Vector([2.5])
    assert Matrix([[1, 2]]).is_symmetric() is False
    assert Matrix([[1.0, 2.0], [2.0, 1.0]]).is_symmetric(tol=0.0)


def test_bad_construction() -> None:
    with pytest.raises(DimensionError, match="ragged rows: row 0 has 2 entries but row 1 has 1"):
        Matrix([[1, 2], [3]])
    with pytest.raises(DimensionError, match="at least one row and one column, got no rows"):
        Matrix([])
    with pytest.raises(DimensionError, match="got empty rows"):
        Matrix([[], []])
    with pytest.raises(TypeError, match="Matrix needs an iterable of rows"):
        Matrix(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Matrix needs an iterable of rows"):
        Matrix("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="row 1 must be an iterable of numbers, not int"):
        Matrix([[1], 2])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"a matrix entry must be a number.*not bool"):
        Matrix([[True]])
    with pytest.raises(TypeError, match="not str"):
        Matrix([["1"]])  # type: ignore[list-item]


def test_bad_constructors() -> None:
    with pytest.raises(DimensionError, match="got n = 0"):
        Matrix.identity(0)
    with pytest.raises(TypeError, match="n must be an int, not float"):
        Matrix.identity(2.0)  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="got m = 0"):
        Matrix.zeros(0, 3)
    with pytest.raises(DimensionError, match="got no values"):
        Matrix.diagonal([])
    with pytest.raises(TypeError, match="diagonal needs an iterable of numbers, not int"):
        Matrix.diagonal(3)  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="got no vectors"):
        Matrix.from_rows([])
    with pytest.raises(TypeError, match=r"vectors\[0\] must be a Vector, not list"):
        Matrix.from_rows([[1, 2]])  # type: ignore[list-item]
    with pytest.raises(DimensionError, match=r"vectors\[0\] has 2, vectors\[1\] has 1"):
        Matrix.from_columns([Vector([1, 2]), Vector([3])])
    with pytest.raises(DimensionError, match="got empty rows"):
        Matrix.from_rows([Vector([])])
    with pytest.raises(TypeError, match="f must be callable, not int"):
        Matrix.from_function(2, 2, 3)  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="got n = -1"):
        Matrix.from_function(2, -1, lambda i, j: 0)

    def boom(i: int, j: int) -> int:
        raise KeyError("the user's own error")

    with pytest.raises(KeyError, match="the user's own error"):
        Matrix.from_function(1, 1, boom)
    with pytest.raises(TypeError, match="theta must be a real number, not str"):
        Matrix.rotation("1")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="theta must be finite, got nan"):
        Matrix.rotation(math.nan)


def test_bad_arithmetic() -> None:
    A, B = Matrix([[1, 2, 3], [4, 5, 6]]), Matrix([[1, 2], [3, 4], [5, 6]])
    with pytest.raises(DimensionError, match="cannot multiply 2×3 by 2×3"):
        A @ A
    with pytest.raises(DimensionError, match="cannot add 2×3 and 3×2"):
        A + B
    with pytest.raises(DimensionError, match="cannot subtract 2×3 and 3×2"):
        A - B
    with pytest.raises(DimensionError, match="cannot multiply 2×3 by a vector of dimension 2"):
        A @ Vector([1, 2])
    with pytest.raises(DimensionError, match="cannot multiply a vector of dimension 3 by 2×3"):
        Vector([1, 2, 3]) @ A
    with pytest.raises(TypeError, match="unsupported operand"):
        A * A  # type: ignore[operator]
    with pytest.raises(TypeError, match="unsupported operand"):
        A + 1  # type: ignore[operator]
    with pytest.raises(DomainError, match="cannot divide a matrix by zero"):
        A / 0
    with pytest.raises(TypeError, match="integer exponent, not float"):
        Matrix([[1, 0], [0, 1]]) ** 0.5  # type: ignore[operator]
    with pytest.raises(TypeError, match="integer exponent, not bool"):
        Matrix([[1, 0], [0, 1]]) ** True
    with pytest.raises(DimensionError, match="a matrix power needs a square matrix, got 2×3"):
        A**2
    with pytest.raises(SingularMatrixError, match="cannot invert"):
        Matrix([[1, 2], [2, 4]]) ** -1
    with pytest.raises(IndexError, match="row index 2 out of range for a 2×3 matrix"):
        A[2]
    with pytest.raises(IndexError, match="column index 3 out of range for a 2×3 matrix"):
        A[0, 3]
    with pytest.raises(TypeError, match="matrix row indices must be integers or slices, not str"):
        A["0"]  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="a matrix takes 2 indices"):
        A[0, 0, 0]  # type: ignore[call-overload]
    with pytest.raises(AttributeError, match="Matrix is immutable"):
        A._rows = ()  # type: ignore[misc]


def test_bad_methods() -> None:
    A = Matrix([[1, 2], [3, 4]])
    with pytest.raises(TypeError, match="other must be a Matrix, not list"):
        A.isclose([[1, 2], [3, 4]])  # type: ignore[arg-type]
    with pytest.raises(DimensionError, match="cannot compare 2×2 and 2×3"):
        A.isclose(NON_SQUARE)
    with pytest.raises(DomainError, match="rel_tol must be non-negative"):
        A.isclose(A, rel_tol=-1)
    with pytest.raises(DimensionError, match="the trace needs a square matrix, got 2×3"):
        NON_SQUARE.trace()
    with pytest.raises(DomainError, match="tol must be non-negative, got -1"):
        A.is_symmetric(tol=-1)
    with pytest.raises(DomainError, match="unknown matrix norm kind 3"):
        A.norm(3)
    with pytest.raises(DomainError, match="unknown matrix norm kind 'frobenius'"):
        matrix_norm(A, "frobenius")
    with pytest.raises(DomainError, match="unknown matrix norm kind True"):
        matrix_norm(A, True)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        matrix_norm([[1]], 1)  # type: ignore[arg-type]


def test_a_table_too_large_to_hold_is_a_precise_error() -> None:
    with pytest.raises(DimensionError, match="would hold 1e\\+20 entries"):
        Matrix.zeros(1, 10**20)
    with pytest.raises(DimensionError, match="would hold 1e\\+40 entries"):
        Matrix.identity(10**20)
    with pytest.raises(DimensionError, match="100000×100000 matrix would hold"):
        Matrix.from_function(10**5, 10**5, lambda i, j: 0)
    with pytest.raises(DomainError, match="more than the 1,000,000,000 entries a Vector holds"):
        Vector.zeros(10**20)
    with pytest.raises(DomainError, match="more than the 1,000,000,000 entries a Vector holds"):
        Vector.basis(10**20, 0)
    assert Matrix.zeros(2, 3).shape == (2, 3)  # the limit leaves ordinary sizes alone


# ---------------------------------------------------------------------------------------
# The conjugate transpose Aᴴ (complex matrices, issue 21).
# ---------------------------------------------------------------------------------------


GAUSSIAN = st.builds(complex, st.integers(-9, 9), st.integers(-9, 9))


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(st.lists(GAUSSIAN, min_size=n, max_size=n), min_size=1, max_size=4)
    ),
    st.data(),
)
def test_conjugate_transpose_reverses_products(
    rows: list[list[complex]], data: st.DataObject
) -> None:
    # (AB)ᴴ = BᴴAᴴ and (Aᴴ)ᴴ = A, exactly: Gaussian integers multiply exactly in floats.
    A = Matrix(rows)
    n = A.shape[1]
    B = Matrix(
        data.draw(st.lists(st.lists(GAUSSIAN, min_size=2, max_size=2), min_size=n, max_size=n))
    )
    assert (A @ B).H == B.H @ A.H
    assert A.H.H == A
    assert H(A) == A.H  # the helper above, written from the definition


def test_conjugate_transpose_of_a_real_matrix_is_the_transpose() -> None:
    A = Matrix([[1, 2], [3, 4]])
    assert A.H == A.T and A.H[0, 1] == 3 and type(A.H[0, 1]) is int
