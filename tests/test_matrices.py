"""Tests of scratchmath.matrices (core, determinants, elimination, orthogonal).

The theorems of linear maps, determinants and elimination hold exactly over the rationals,
so most properties are tested over Fraction matrices with exact ``==``; the float
algorithms (pivoting, Householder, Cholesky) are tested with tolerances derived from the
size of the rounding they can make.
"""

from __future__ import annotations

import math
import pickle
import sys
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError, SingularMatrixError
from scratchmath.matrices import (
    Matrix,
    cholesky,
    det,
    det_cofactor,
    det_leibniz,
    inverse,
    lu,
    matrix_norm,
    null_space,
    qr,
    rank,
    rref,
    solve,
)
from scratchmath.vectors import Vector
from tests.strategies import (
    low_rank_int_matrices,
    matrices,
    matrix_chains,
    matrix_floats,
    matrix_rationals,
    rectangular_matrices,
    square_matrices,
)

EPS = sys.float_info.epsilon

# ---------------------------------------------------------------------------------------
# Strategies (the general ones live in tests/strategies.py, section 4).
# ---------------------------------------------------------------------------------------

rationals = matrix_rationals()
small_floats = matrix_floats()


def matrices_of(entries: st.SearchStrategy, m: int, n: int) -> st.SearchStrategy[Matrix]:
    return matrices(entries, m, n)


def vectors_of(entries: st.SearchStrategy, n: int) -> st.SearchStrategy[Vector]:
    return st.lists(entries, min_size=n, max_size=n).map(Vector)


def square_fraction_matrices(max_n: int = 4) -> st.SearchStrategy[Matrix]:
    return square_matrices(rationals, max_n)


def square_int_matrices(max_n: int = 5) -> st.SearchStrategy[Matrix]:
    return square_matrices(st.integers(-6, 6), max_n)


@st.composite
def fraction_matrix_pairs_square(draw: st.DrawFn, max_n: int = 4) -> tuple[Matrix, Matrix]:
    n = draw(st.integers(1, max_n))
    return draw(matrices_of(rationals, n, n)), draw(matrices_of(rationals, n, n))


def fraction_chain(count: int) -> st.SearchStrategy[list[Matrix]]:
    return matrix_chains(rationals, count)


def rectangular_fraction_matrices() -> st.SearchStrategy[Matrix]:
    return rectangular_matrices(rationals)


def float_matrices(max_m: int = 6, max_n: int = 6) -> st.SearchStrategy[Matrix]:
    return rectangular_matrices(small_floats, max(max_m, max_n)).filter(
        lambda A: A.shape[0] <= max_m and A.shape[1] <= max_n
    )


def hilbert(n: int) -> Matrix:
    return Matrix.from_function(n, n, lambda i, j: Fraction(1, i + j + 1))


def frobenius_distance(A: Matrix, B: Matrix) -> float:
    return matrix_norm(A - B, "fro")


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
# Determinants.
# ---------------------------------------------------------------------------------------


@given(fraction_matrix_pairs_square())
def test_det_is_multiplicative(pair: tuple[Matrix, Matrix]) -> None:
    """det(AB) = det A · det B, exactly."""
    A, B = pair
    assert det(A @ B) == det(A) * det(B)


@given(square_fraction_matrices(max_n=5))
def test_det_of_transpose(A: Matrix) -> None:
    """det Aᵀ = det A."""
    assert det(A.T) == det(A)


@given(square_fraction_matrices(max_n=5), st.data())
def test_row_swap_flips_det_sign(A: Matrix, data: st.DataObject) -> None:
    """Swapping two rows negates the determinant (it flips orientation)."""
    n = A.shape[0]
    assume(n >= 2)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(0, n - 1).filter(lambda t: t != i))
    rows = list(A.rows)
    rows[i], rows[j] = rows[j], rows[i]
    assert det(Matrix.from_rows(rows)) == -det(A)


@given(square_fraction_matrices(max_n=5), st.data())
def test_row_replacement_keeps_det(A: Matrix, data: st.DataObject) -> None:
    """Adding c·(row j) to row i (i ≠ j) leaves det unchanged: the basis of elimination."""
    n = A.shape[0]
    assume(n >= 2)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(0, n - 1).filter(lambda t: t != i))
    c = data.draw(rationals)
    rows = list(A.rows)
    rows[i] = rows[i] + c * rows[j]
    assert det(Matrix.from_rows(rows)) == det(A)


@settings(max_examples=30)
@given(square_fraction_matrices(max_n=5))
def test_three_determinant_definitions_agree(A: Matrix) -> None:
    """Leibniz's sum over permutations, Laplace expansion and elimination agree exactly."""
    assert det_leibniz(A) == det_cofactor(A) == det(A)


@given(square_int_matrices(max_n=6))
def test_bareiss_det_agrees_with_rational_elimination(A: Matrix) -> None:
    """Fraction-free (int) and rational elimination give the same exact int."""
    d = det(A)
    assert type(d) is int
    as_fractions = Matrix([[Fraction(x) for x in row] for row in A.rows])
    assert det(as_fractions) == d


@settings(max_examples=40)
@given(float_matrices(5, 5).filter(lambda A: A.shape[0] == A.shape[1]))
def test_float_det_agrees_with_exact_det(A: Matrix) -> None:
    """Pivoted float det is close to the exact det of the same (float-valued) entries.

    Tolerance: backward error of LU, ~n·ε relative per row, so an absolute error of a few
    n·ε times Hadamard's bound Π‖rowᵢ‖ ≥ |det A|.
    """
    exact = det(Matrix([[Fraction(x) for x in row] for row in A.rows]))
    hadamard = math.prod(abs(row) for row in A.rows)
    n = A.shape[0]
    assert abs(det(A) - exact) <= 4 * n * n * EPS * hadamard


@given(vectors_of(rationals, 2), vectors_of(rationals, 2))
def test_det_2x2_is_parallelogram_area(u: Vector, v: Vector) -> None:
    """|det [u v]| is the area of the parallelogram on u and v.

    The area comes independently from lengths and the angle: area² = ‖u‖²‖v‖² − ⟨u, v⟩²
    (= ‖u‖²‖v‖² sin²θ, Lagrange's identity), exact over the rationals.
    """
    area_squared = (u @ u) * (v @ v) - (u @ v) ** 2
    assert det(Matrix.from_columns([u, v])) ** 2 == area_squared


@given(st.floats(-10, 10), st.floats(0.1, 10), st.floats(0.1, 10))
def test_det_is_the_volume_factor(theta: float, sx: float, sy: float) -> None:
    """det(R(θ)·diag(sx, sy)) = sx·sy, and a mirror gives −sx·sy."""
    A = Matrix.rotation(theta) @ Matrix.diagonal([sx, sy])
    assert math.isclose(det(A), sx * sy, rel_tol=8 * EPS)
    mirror = Matrix([[1, 0], [0, -1]])
    assert math.isclose(det(A @ mirror), -sx * sy, rel_tol=8 * EPS)


# ---------------------------------------------------------------------------------------
# Elimination.
# ---------------------------------------------------------------------------------------


@given(square_fraction_matrices(max_n=5))
def test_lu_factorization_pa_equals_lu(A: Matrix) -> None:
    """P A = L U exactly, P a permutation, L unit lower and U upper triangular."""
    P, L, U = lu(A)
    n = A.shape[0]
    assert P @ A == L @ U
    assert all(sorted(row) == [0] * (n - 1) + [1] for row in P.rows)
    assert all(L[i, i] == 1 for i in range(n))
    assert all(L[i, j] == 0 for i in range(n) for j in range(i + 1, n))
    assert all(U[i, j] == 0 for i in range(n) for j in range(i))


@settings(max_examples=40)
@given(float_matrices(6, 6).filter(lambda A: A.shape[0] == A.shape[1]))
def test_lu_float_partial_pivoting(A: Matrix) -> None:
    """P A ≈ L U with |lᵢⱼ| ≤ 1 (the point of partial pivoting); error ~ n·ε·‖A‖."""
    P, L, U = lu(A)
    n = A.shape[0]
    assert all(abs(L[i, j]) <= 1 for i in range(n) for j in range(i))
    assert frobenius_distance(P @ A, L @ U) <= 4 * n * EPS * matrix_norm(A) + 1e-300


@given(square_fraction_matrices(max_n=5), st.data())
def test_solve_satisfies_the_system(A: Matrix, data: st.DataObject) -> None:
    """A · solve(A, b) = b exactly, for a vector and for a matrix right side."""
    assume(det(A) != 0)
    n = A.shape[0]
    b = data.draw(vectors_of(rationals, n))
    assert A @ solve(A, b) == b
    B = data.draw(matrices_of(rationals, n, data.draw(st.integers(1, 3))))
    assert A @ solve(A, B) == B


@given(square_fraction_matrices(max_n=5))
def test_inverse_property(A: Matrix) -> None:
    """A A⁻¹ = A⁻¹ A = I exactly, and (A⁻¹)⁻¹ = A."""
    assume(det(A) != 0)
    n = A.shape[0]
    A_inv = inverse(A)
    assert A @ A_inv == Matrix.identity(n) == A_inv @ A
    assert inverse(A_inv) == A
    assert det(A_inv) == 1 / Fraction(det(A))


@given(square_fraction_matrices(max_n=4))
def test_singular_iff_det_zero(A: Matrix) -> None:
    """A is invertible exactly when det A ≠ 0 (and then rank A = n)."""
    n = A.shape[0]
    if det(A) == 0:
        assert rank(A) < n
        with pytest.raises(SingularMatrixError, match="singular"):
            inverse(A)
    else:
        assert rank(A) == n
        inverse(A)


@settings(max_examples=40)
@given(float_matrices(8, 8).filter(lambda A: A.shape[0] == A.shape[1]), st.data())
def test_float_solve_is_backward_stable(A: Matrix, data: st.DataObject) -> None:
    """‖Ax − b‖ ≤ c·n·ε·‖A‖‖x‖ for the computed x (small relative residual)."""
    n = A.shape[0]
    b = data.draw(vectors_of(small_floats, n))
    try:
        x = solve(A, b)
    except SingularMatrixError:
        return
    except DomainError as exc:  # an honest refusal: x is beyond the float range
        assert "overflows the float range" in str(exc)
        return
    residual = abs(A @ x - b)
    assert residual <= 8 * n * EPS * matrix_norm(A) * abs(x) + 1e-300


@given(st.one_of(rectangular_fraction_matrices(), low_rank_int_matrices()))
def test_rank_nullity(A: Matrix) -> None:
    """rank A + dim N(A) = n, and every null-space basis vector is sent to 0."""
    n = A.shape[1]
    basis = null_space(A)
    assert rank(A) + len(basis) == n
    assert all(A @ v == Vector.zeros(A.shape[0]) for v in basis)
    if basis:
        assert rank(Matrix.from_columns(basis)) == len(basis)  # independent


@given(st.one_of(rectangular_fraction_matrices(), low_rank_int_matrices()))
def test_row_rank_equals_column_rank(A: Matrix) -> None:
    """rank A = rank Aᵀ."""
    assert rank(A) == rank(A.T)


@given(st.one_of(rectangular_fraction_matrices(), low_rank_int_matrices()))
def test_rref_is_reduced_and_idempotent(A: Matrix) -> None:
    """rref(rref A) = rref A; pivots are 1 and alone in their columns; rows span the same."""
    R = rref(A)
    assert rref(R) == R
    r = rank(A)
    assert all(not any(R[i]) for i in range(r, A.shape[0]))
    for i in range(r):
        c = next(j for j, x in enumerate(R[i]) if x != 0)
        assert R[i, c] == 1
        assert all(R[k, c] == 0 for k in range(A.shape[0]) if k != i)
    # Same row space: stacking the rows of A onto R adds no rank.
    assert rank(Matrix.from_rows([*R.rows, *A.rows])) == r


@given(low_rank_int_matrices())
def test_float_rank_agrees_with_exact_rank(A: Matrix) -> None:
    """Integer matrices B C of known rank: complete pivoting and the default tolerance agree."""
    assert rank(A * 1.0) == rank(A)


@given(low_rank_int_matrices())
def test_float_null_space_is_mapped_to_zero(A: Matrix) -> None:
    """The float null space obeys rank–nullity with the numerical rank, and A v ≈ 0."""
    Af = A * 1.0
    basis = null_space(Af)
    assert rank(Af) + len(basis) == A.shape[1]  # rank–nullity, the numerical rank
    assume(rank(Af) == rank(A))
    for v in basis:
        assert abs(Af @ v) <= 1e-9 * matrix_norm(Af) * abs(v)


# ---------------------------------------------------------------------------------------
# Orthogonal factorizations.
# ---------------------------------------------------------------------------------------


@settings(max_examples=40)
@given(float_matrices(7, 7), st.sampled_from(["reduced", "complete"]))
def test_qr_q_orthonormal_and_r_upper_triangular(A: Matrix, mode: str) -> None:
    """QᵀQ = I, R upper triangular and QR = A, with Householder's error ~ n·ε."""
    m, n = A.shape
    k = min(m, n)
    Q, R = qr(A, mode)
    cols = m if mode == "complete" else k
    assert Q.shape == (m, cols) and R.shape == (cols, n)
    assert (Q.T @ Q).isclose(Matrix.identity(cols), rel_tol=0, abs_tol=8 * m * EPS)
    assert all(R[i, j] == 0 for i in range(cols) for j in range(min(i, n)))
    assert frobenius_distance(Q @ R, A) <= 8 * m * EPS * matrix_norm(A) + 1e-300


@given(rectangular_fraction_matrices())
def test_qr_of_exact_input_is_float(A: Matrix) -> None:
    """QR needs square roots: exact input gives float Q, R with QR ≈ A."""
    Q, R = qr(A)
    assert all(type(x) is float for row in Q.rows for x in row)
    assert frobenius_distance(Q @ R, A) <= 32 * EPS * matrix_norm(A) + 1e-300


@given(square_int_matrices(max_n=5))
def test_cholesky_l_lt_equals_a(B: Matrix) -> None:
    """A = BᵀB + I is symmetric positive definite, and L Lᵀ = A with L lower, lᵢᵢ > 0."""
    n = B.shape[0]
    A = B.T @ B + Matrix.identity(n)
    L = cholesky(A)
    assert all(L[i, j] == 0 for i in range(n) for j in range(i + 1, n))
    assert all(L[i, i] > 0 for i in range(n))
    assert frobenius_distance(L @ L.T, A) <= 8 * n * EPS * matrix_norm(A)


@given(square_int_matrices(max_n=4))
def test_cholesky_refuses_what_is_not_positive_definite(B: Matrix) -> None:
    """−BᵀB is symmetric but never positive definite: cholesky says so."""
    with pytest.raises(DomainError, match="not symmetric positive definite"):
        cholesky(-(B.T @ B))


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


# ---------------------------------------------------------------------------------------
# Known answers.
# ---------------------------------------------------------------------------------------


def _hilbert_inverse_entry(n: int, i: int, j: int) -> int:
    """The closed form of (Hₙ⁻¹)ᵢⱼ (1-based i, j), an independent oracle."""
    return (
        (-1) ** (i + j)
        * (i + j - 1)
        * math.comb(n + i - 1, n - j)
        * math.comb(n + j - 1, n - i)
        * math.comb(i + j - 2, i - 1) ** 2
    )


def _hilbert_det(n: int) -> Fraction:
    """det Hₙ = cₙ⁴ / c₂ₙ with cₙ = Π_{k<n} k!."""

    def c(m: int) -> int:
        return math.prod(math.factorial(k) for k in range(1, m))

    return Fraction(c(n) ** 4, c(2 * n))


@pytest.mark.parametrize("n", [1, 2, 3, 6, 8, 12])
def test_hilbert_inverse_and_det(n: int) -> None:
    H_inv = inverse(hilbert(n))
    expected = Matrix.from_function(n, n, lambda i, j: _hilbert_inverse_entry(n, i + 1, j + 1))
    assert H_inv == expected
    assert all(type(x) is int for row in H_inv.rows for x in row)
    assert det(hilbert(n)) == _hilbert_det(n)
    assert det_cofactor(hilbert(min(n, 6))) == _hilbert_det(min(n, 6))


def test_hilbert_6_inverse_has_integer_entries() -> None:
    H_inv = hilbert(6).inverse()
    assert H_inv[0] == Vector([36, -630, 3360, -7560, 7560, -2772])
    assert H_inv[5, 5] == 698544


@pytest.mark.parametrize("n", [1, 4, 7])
def test_pascal_matrix(n: int) -> None:
    """Symmetric Pascal S = L Lᵀ (L the lower Pascal matrix): det 1, integer inverse."""
    S = Matrix.from_function(n, n, lambda i, j: math.comb(i + j, i))
    L = Matrix.from_function(n, n, lambda i, j: math.comb(i, j))
    L_inv = Matrix.from_function(n, n, lambda i, j: (-1) ** (i - j) * math.comb(i, j))
    assert L @ L.T == S
    assert det(S) == 1 and det(L) == 1
    assert inverse(L) == L_inv
    assert inverse(S) == L_inv.T @ L_inv
    assert cholesky(S).isclose(L * 1.0, rel_tol=1e-12)
    P, Lf, U = lu(S)
    assert Matrix.identity(n) == P
    assert Lf == L
    assert U == L.T


def test_vandermonde_determinant() -> None:
    """det [xᵢʲ] = Π_{i<j} (xⱼ − xᵢ)."""
    xs = [Fraction(1, 2), 2, -3, 5, Fraction(7, 3)]
    V = Matrix.from_function(5, 5, lambda i, j: xs[i] ** j)
    expected = math.prod(xs[j] - xs[i] for i in range(5) for j in range(i + 1, 5))
    assert det(V) == det_leibniz(V) == expected


def test_known_small_answers() -> None:
    A = Matrix([[1, 2], [3, 4]])
    assert A.det() == -2 and type(A.det()) is int
    assert A.inverse() == Matrix([[-2, 1], [Fraction(3, 2), Fraction(-1, 2)]])
    assert A.inverse() == A**-1
    assert Matrix([[7, 10], [15, 22]]) == A**2
    assert A.trace() == 5
    assert A.rank() == 2 and A.rref() == Matrix.identity(2)
    B = Matrix([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    assert rank(B) == 2
    (v,) = null_space(B)
    assert v.isclose(Vector([1.0, -2.0, 1.0]), rel_tol=1e-14)
    assert rref(B).isclose(Matrix([[1, 0, -1], [0, 1, 2], [0, 0, 0]]), rel_tol=1e-14)
    assert det(Matrix([[2.0, 0.0], [0.0, 1e-200]])) == 2e-200
    big = Matrix.diagonal([1e200] * 3)
    assert det(big) == math.inf and det(Matrix.diagonal([1e-200] * 3)) == 0.0
    # Pivot products that overflow on the way but not at the end.
    assert math.isclose(det(Matrix.diagonal([1e200, 1e200, 1e-300])), 1e100)
    assert det(Matrix([[1, 2], [2, 4]]) * 1.0) == 0.0
    assert solve(Matrix([[0, 1], [1, 0]]), Vector([2, 3])) == Vector([3, 2])
    Q, _ = qr(Matrix([[3, 1], [4, 2]]))
    assert Q.isclose(Matrix([[-0.6, -0.8], [-0.8, 0.6]]), abs_tol=1e-15)
    assert matrix_norm(Matrix([[1, -2], [3, 4]]), 1) == 6.0
    assert matrix_norm(Matrix([[1e200, 1e200]]), "fro") == math.hypot(1e200, 1e200)
    assert Matrix([[3j, 4]]).norm() == 5.0
    assert det(Matrix([[1j, 0], [0, 1j]])) == -1


def test_float_singular_to_working_precision() -> None:
    """A pivot below n·ε·‖A‖∞ counts as singular for solve and inverse (but not det)."""
    A = Matrix([[1.0, 1.0], [1.0, 1.0 + 1e-17]])  # 1 + 1e-17 rounds to 1: exactly singular
    with pytest.raises(SingularMatrixError, match="singular"):
        inverse(A)
    B = Matrix([[1.0, 1.0], [1.0, 1.0 + 2**-51]])  # pivot 2⁻⁵¹ ≤ n·ε·‖B‖∞ = 2⁻⁴⁹
    with pytest.raises(SingularMatrixError, match=r"\|pivot\| = 4.44e-16 ≤ n·ε·‖A‖∞ = 8.88e-16"):
        solve(B, Vector([1.0, 1.0]))
    assert det(B) == 2**-51


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


# ---------------------------------------------------------------------------------------
# Bad inputs: every public name, with the exception type and the message.
# ---------------------------------------------------------------------------------------

NAN_MATRIX = Matrix([[1.0, math.nan], [0.0, 1.0]])
INF_MATRIX = Matrix([[1.0, 0.0], [math.inf, 1.0]])
NON_SQUARE = Matrix([[1, 2, 3], [4, 5, 6]])


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


@pytest.mark.parametrize("function", [det, det_leibniz, det_cofactor])
def test_bad_determinants(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DimensionError, match="needs a square matrix, got 2×3"):
        function(NON_SQUARE)
    with pytest.raises(DomainError, match="NaN or infinite"):
        function(NAN_MATRIX)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        function([[1]])


@pytest.mark.parametrize("function", [det_leibniz, det_cofactor])
def test_definitions_refuse_large_matrices(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match=r"n = 10 > 9 is too large.*use det\(A\)"):
        function(Matrix.identity(10))
    assert function(Matrix.identity(9)) == 1


@pytest.mark.parametrize("function", [lu, inverse, lambda A: solve(A, Vector([1, 1]))])
def test_bad_square_factorizations(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DimensionError, match="needs a square matrix, got 2×3"):
        function(NON_SQUARE)
    with pytest.raises(DomainError, match="NaN or infinite"):
        function(NAN_MATRIX)
    with pytest.raises(DomainError, match="NaN or infinite"):
        function(INF_MATRIX)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        function([[1, 0], [0, 1]])


def test_bad_solve() -> None:
    A = Matrix([[1, 2], [3, 4]])
    with pytest.raises(DimensionError, match="cannot solve 2×2 against a vector of dimension 3"):
        solve(A, Vector([1, 2, 3]))
    with pytest.raises(DimensionError, match="cannot solve 2×2 against 3×1"):
        solve(A, Matrix([[1], [2], [3]]))
    with pytest.raises(
        TypeError, match=r"b must be a Vector or a Matrix \(or a list of numbers\), not set"
    ):
        solve(A, {1, 2})  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="NaN or infinite"):
        solve(A, Vector([1.0, math.nan]))
    with pytest.raises(
        SingularMatrixError, match=r"cannot solve: the 2×2 matrix is singular.*column 1"
    ):
        solve(Matrix([[1, 2], [2, 4]]), Vector([1, 2]))
    with pytest.raises(SingularMatrixError, match="cannot invert: the 3×3 matrix is singular"):
        inverse(Matrix.zeros(3, 3))


@pytest.mark.parametrize("function", [rank, rref, null_space, qr])
def test_bad_rectangular_functions(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="NaN or infinite"):
        function(NAN_MATRIX)
    with pytest.raises(TypeError, match="A must be a Matrix, not list"):
        function([[1, 0]])


@pytest.mark.parametrize("function", [rank, rref, null_space])
def test_bad_tolerances(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="tol must be non-negative, got -1"):
        function(Matrix([[1.0]]), -1)
    with pytest.raises(DomainError, match="tol must not be NaN"):
        function(Matrix([[1.0]]), math.nan)


def test_bad_qr_and_cholesky() -> None:
    with pytest.raises(DomainError, match="mode must be 'reduced' or 'complete', got 'full'"):
        qr(Matrix([[1.0]]), "full")
    with pytest.raises(DimensionError, match="cholesky needs a square matrix, got 2×3"):
        cholesky(NON_SQUARE)
    with pytest.raises(DomainError, match="not symmetric positive definite: it is not symmetric"):
        cholesky(Matrix([[2, 1], [0, 2]]))
    with pytest.raises(DomainError, match=r"not symmetric positive definite.*column 1"):
        cholesky(Matrix([[1, 2], [2, 1]]))
    with pytest.raises(DomainError, match=r"not symmetric positive definite.*column 0"):
        cholesky(Matrix([[0]]))
    with pytest.raises(DomainError, match="NaN or infinite"):
        cholesky(Matrix([[math.inf]]))
    with pytest.raises(DomainError, match=r"not Hermitian positive definite.*a\[0\]\[0\] = 1j"):
        cholesky(Matrix([[1j]]))
    with pytest.raises(TypeError, match="A must be a Matrix, not int"):
        cholesky(1)  # type: ignore[arg-type]


def test_solve_refuses_a_solution_beyond_the_float_range() -> None:
    """Found by the backward-stability property: 1 / 2.2e-313 is not a float; no silent inf."""
    with pytest.raises(DomainError, match="overflows the float range"):
        solve(Matrix([[2.2250738585e-313]]), Vector([1.0]))
    with pytest.raises(DomainError, match="overflows the float range"):
        inverse(Matrix([[2e-310]]))
    assert solve(Matrix([[Fraction(1, 10**313)]]), Vector([1])) == Vector([10**313])
