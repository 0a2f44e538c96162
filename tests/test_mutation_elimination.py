"""Row reduction over floats is backward stable only with partial pivoting (the largest
|candidate|): tests that a pivot chosen by signed size, or the first nonzero, would fail."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from scratchmath.matrices import Matrix, null_space, rank, rref

EPS = sys.float_info.epsilon


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
