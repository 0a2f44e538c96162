"""Tests of scratchmath.matrices.elimination.

Theorems and properties checked:

- P A = L U exactly, P a permutation, L unit lower and U upper triangular.
- P A ≈ L U with |lᵢⱼ| ≤ 1 (the point of partial pivoting); error ~ n·ε·‖A‖.
- A · solve(A, b) = b exactly, for a vector and for a matrix right side.
- A A⁻¹ = A⁻¹ A = I exactly, and (A⁻¹)⁻¹ = A.
- ‖Ax − b‖ ≤ c·n·ε·‖A‖‖x‖ for the computed x (small relative residual).
- rank A + dim N(A) = n, and every null-space basis vector is sent to 0.
- rank A = rank Aᵀ.
- rref(rref A) = rref A; pivots are 1 and alone in their columns; rows span the same.
- Integer matrices B C of known rank: complete pivoting and the default tolerance agree.
- The float null space obeys rank–nullity with the numerical rank, and A v ≈ 0.
- hilbert 6 inverse has integer entries
- Symmetric Pascal S = L Lᵀ (L the lower Pascal matrix): det 1, integer inverse.
- A pivot below n·ε·‖A‖∞ counts as singular for solve and inverse (but not det).
- bad square factorizations
- bad solve
- bad rectangular functions
- bad tolerances
- Found by the backward-stability property: 1 / 2.2e-313 is not a float; no silent inf.
- solve with entries near the largest float
- inverse with entries near the largest float
- solve is homogeneous at every scale
- no raw python exception leaks from extreme entries
- rref needs partial pivoting
- null space needs partial pivoting
- null space is backward stable
- a zero column is never a pivot column
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import (
    ConvergenceError,
    DimensionError,
    DomainError,
    SingularMatrixError,
)
from scratchmath.matrices import (
    Matrix,
    cholesky,
    cond,
    det,
    eig,
    eigh,
    eigvals,
    inverse,
    lu,
    matrix_norm,
    null_space,
    pinv,
    qr,
    rank,
    rref,
    singular_values,
    slogdet,
    solve,
    svd,
)
from scratchmath.vectors import Vector
from tests.known_matrices import hilbert
from tests.matrices.helpers import (
    BIG,
    EPS,
    LEARNER,
    NAN_MATRIX,
    NON_SQUARE,
    _scaled,
    _well_conditioned,
    frobenius_distance,
    matrices_of,
    rationals,
    rectangular_fraction_matrices,
    small_floats,
    square_fraction_matrices,
    square_tables,
    vectors_of,
)
from tests.strategies import (
    low_rank_int_matrices,
    square_matrices,
)

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
@given(square_matrices(small_floats, 6))  # square by construction: no filtering
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


@settings(max_examples=40)
@given(square_matrices(small_floats, 8), st.data())
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


def test_float_singular_to_working_precision() -> None:
    """A pivot below n·ε·‖A‖∞ counts as singular for solve and inverse (but not det)."""
    A = Matrix([[1.0, 1.0], [1.0, 1.0 + 1e-17]])  # 1 + 1e-17 rounds to 1: exactly singular
    with pytest.raises(SingularMatrixError, match="singular"):
        inverse(A)
    B = Matrix([[1.0, 1.0], [1.0, 1.0 + 2**-51]])  # pivot 2⁻⁵¹ ≤ n·ε·‖B‖∞ = 2⁻⁴⁹
    with pytest.raises(SingularMatrixError, match=r"\|pivot\| = 4.44e-16 ≤ n·ε·‖A‖∞ = 8.88e-16"):
        solve(B, Vector([1.0, 1.0]))
    assert det(B) == 2**-51


INF_MATRIX = Matrix([[1.0, 0.0], [math.inf, 1.0]])


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


def test_solve_refuses_a_solution_beyond_the_float_range() -> None:
    """Found by the backward-stability property: 1 / 2.2e-313 is not a float; no silent inf."""
    with pytest.raises(DomainError, match="overflows the float range"):
        solve(Matrix([[2.2250738585e-313]]), Vector([1.0]))
    with pytest.raises(DomainError, match="overflows the float range"):
        inverse(Matrix([[2e-310]]))
    assert solve(Matrix([[Fraction(1, 10**313)]]), Vector([1])) == Vector([10**313])


# ---------------------------------------------------------------------------------------
# The learner's cases, one by one.
# ---------------------------------------------------------------------------------------


def test_solve_with_entries_near_the_largest_float() -> None:
    # Unscaled, elimination met the pivot −2·10³⁰⁸ = −inf and returned (1, 0).
    assert solve(LEARNER, Vector([BIG, 0.0])) == Vector([0.5, 0.5])


def test_inverse_with_entries_near_the_largest_float() -> None:
    # The true inverse is [[1, 1], [1, −1]]/(2·10³⁰⁸); it was [[1e-308, 0], [0, −0]].
    assert inverse(LEARNER).isclose(Matrix([[5e-309, 5e-309], [5e-309, -5e-309]]), rel_tol=1e-12)


@given(square_tables, st.sampled_from([-1000, -900, -500, 500, 900, 1000]))
@settings(max_examples=40, deadline=None)
def test_solve_is_homogeneous_at_every_scale(rows: list[list[float]], k: int) -> None:
    if not _well_conditioned(rows):
        return
    b = Vector([1.0] * len(rows))
    x = solve(Matrix(rows), b)
    y = solve(_scaled(rows, k), b)  # (2ᵏA)y = b ⇒ y = x·2⁻ᵏ
    expected = [math.ldexp(v, -k) for v in x]
    # normwise, as backward stability promises (an entry that is rounding noise, −2·10⁻¹⁶
    # where the truth is 0, may come out as another noise): κ < 10⁸, so 10⁻⁷ of ‖x‖ is loose
    size = max(map(abs, expected))
    assert all(
        math.isclose(a, e, rel_tol=1e-7, abs_tol=1e-7 * size)
        for a, e in zip(y, expected, strict=True)
    )


# ---------------------------------------------------------------------------------------
# The leak hunt: whatever the entries, only the documented exceptions come out.
# ---------------------------------------------------------------------------------------

DOCUMENTED = (DomainError, DimensionError, SingularMatrixError, ConvergenceError, TypeError)
extreme_floats = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 5e-324, -5e-324, 1e-310, 1e308, -1e308, 1.7976931348623157e308]),
)
extreme_tables = st.integers(1, 3).flatmap(
    lambda n: st.lists(st.lists(extreme_floats, min_size=n, max_size=n), min_size=n, max_size=n)
)

FUNCTIONS: list[Any] = [
    det,
    slogdet,
    inverse,
    lu,
    rank,
    rref,
    null_space,
    qr,
    cholesky,
    eigvals,
    eig,
    eigh,
    svd,
    singular_values,
    pinv,
    cond,
    lambda A: cond(A, 1),
    lambda A: cond(A, math.inf),
    lambda A: cond(A, "fro"),
    lambda A: matrix_norm(A, 2),
    lambda A: matrix_norm(A, "nuc"),
    lambda A: matrix_norm(A, 1),
    lambda A: solve(A, Vector([1.0] * A.shape[0])),
    lambda A: solve(A, Vector([1e308] * A.shape[0])),
    lambda A: A @ A,
    lambda A: A.T @ Vector([1e308] * A.shape[0]),
]


@given(extreme_tables, st.sampled_from(range(len(FUNCTIONS))))
@settings(max_examples=100, deadline=None)
def test_no_raw_python_exception_leaks_from_extreme_entries(
    rows: list[list[float]], which: int
) -> None:
    A = Matrix(rows)
    with contextlib.suppress(DOCUMENTED):
        FUNCTIONS[which](A)


# --------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).
# --------------------------------------------------------------------------------------


def _residual_is_backward_small(A: Matrix, v: list[float]) -> bool:
    """‖Av‖∞ ≤ c·n·ε·‖A‖∞·‖v‖∞: v is an exact null vector of a matrix within rounding of A
    (c = 16 covers partial pivoting's growth factor ≤ 2ⁿ⁻¹ = 4 on these sizes)."""
    rows = A.rows
    n = len(rows[0])
    norm_a = max(sum(abs(x) for x in row) for row in rows)
    norm_v = max(abs(x) for x in v)
    residual = max(abs(sum(a * x for a, x in zip(row, v, strict=True))) for row in rows)
    return residual <= 16 * n * EPS * norm_a * norm_v


def test_rref_needs_partial_pivoting() -> None:
    # 10⁻²⁰x + y = 1, −x + y = 0: x = y = 1/(1 + 10⁻²⁰) ≈ 1. Pivoting on 10⁻²⁰ (the larger
    # signed entry) gives y = 1, x = (1 − y)/10⁻²⁰ = 0: all of x lost.
    R = rref(Matrix([[1e-20, 1.0, 1.0], [-1.0, 1.0, 0.0]]))
    assert [list(row) for row in R.rows] == [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]


def test_null_space_needs_partial_pivoting() -> None:
    A = Matrix([[1e-20, 1.0, 1.0], [-1.0, 1.0, 0.0]])
    (v,) = null_space(A)
    assert _residual_is_backward_small(A, list(v))
    assert rank(A) == 2


entries = st.floats(-10.0, 10.0, allow_nan=False).filter(lambda x: abs(x) > 1e-3)


@given(st.lists(entries, min_size=12, max_size=12), st.integers(-30, -8))
def test_null_space_is_backward_stable(flat: list[float], tiny: int) -> None:
    # A 3×4 matrix whose first column starts with a tiny entry: elimination must not pivot
    # on it. Each null vector v is exact for a matrix within a few ε·‖A‖ of A.
    flat[0] = 10.0**tiny
    A = Matrix([flat[0:4], flat[4:8], flat[8:12]])
    for v in null_space(A):
        assert _residual_is_backward_small(A, list(v))


def test_a_zero_column_is_never_a_pivot_column() -> None:
    # rank = the number of pivots: a column of zeros has none, whatever the tolerance
    # (tol = 0 asks for every nonzero candidate, and 0 is not one).
    A = Matrix([[0.0, 1.0], [0.0, 2.0]])
    assert [list(row) for row in rref(A, tol=0.0).rows] == [[0.0, 1.0], [0.0, 0.0]]
