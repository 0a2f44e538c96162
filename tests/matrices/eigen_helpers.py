"""Strategies and helpers shared by several test files of scratchmath.matrices."""

from __future__ import annotations

import math
import sys

from hypothesis import strategies as st

from scratchmath.matrices import (
    Matrix,
    matrix_norm,
)
from tests.strategies import floats, ints

EPS = sys.float_info.epsilon


@st.composite
def symmetric_float_matrices(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    n = draw(st.integers(1, max_n))
    upper = {(i, j): draw(floats()) for i in range(n) for j in range(i, n)}
    return Matrix([[upper[min(i, j), max(i, j)] for j in range(n)] for i in range(n)])


@st.composite
def square_int_matrices(draw: st.DrawFn, max_n: int = 5, bound: int = 9) -> Matrix:
    n = draw(st.integers(1, max_n))
    return Matrix([[draw(ints(bound)) for _ in range(n)] for _ in range(n)])


def fro(A: Matrix) -> float:
    return matrix_norm(A, "fro")


def max_abs(A: Matrix) -> float:
    return max(abs(x) for row in A.rows for x in row)


def orthogonality_error(Q: Matrix) -> float:
    """max |QᴴQ − I| entrywise."""
    cols = Q.columns
    return max(
        abs(sum(a.conjugate() * b for a, b in zip(ci, cj, strict=True)) - (i == j))
        for i, ci in enumerate(cols)
        for j, cj in enumerate(cols)
    )


# ---------------------------------------------------------------------------------------
# Bad inputs.
# ---------------------------------------------------------------------------------------

NAN = Matrix([[1.0, math.nan], [0.0, 1.0]])
INF = Matrix([[1.0, 0.0], [math.inf, 1.0]])
RECT = Matrix([[1, 2, 3], [4, 5, 6]])
