"""Strategies and helpers shared by several test files of scratchmath.matrices."""

from __future__ import annotations

import math
import sys

from hypothesis import strategies as st

from scratchmath.errors import (
    ConvergenceError,
)
from scratchmath.matrices import (
    Matrix,
    cond,
    matrix_norm,
)
from scratchmath.vectors import Vector
from tests.strategies import (
    matrices,
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


def rectangular_fraction_matrices() -> st.SearchStrategy[Matrix]:
    return rectangular_matrices(rationals)


def float_matrices(max_m: int = 6, max_n: int = 6) -> st.SearchStrategy[Matrix]:
    return rectangular_matrices(small_floats, max(max_m, max_n)).filter(
        lambda A: A.shape[0] <= max_m and A.shape[1] <= max_n
    )


def frobenius_distance(A: Matrix, B: Matrix) -> float:
    return matrix_norm(A - B, "fro")


# ---------------------------------------------------------------------------------------
# Bad inputs: every public name, with the exception type and the message.
# ---------------------------------------------------------------------------------------

NAN_MATRIX = Matrix([[1.0, math.nan], [0.0, 1.0]])
NON_SQUARE = Matrix([[1, 2, 3], [4, 5, 6]])

BIG = 1e308
LEARNER = Matrix([[BIG, BIG], [BIG, -BIG]])  # det −2·10⁶¹⁶, inverse entries 5·10⁻³⁰⁹


# ---------------------------------------------------------------------------------------
# Homogeneity: scaling by a power of two changes the answer by that power, exactly.
# ---------------------------------------------------------------------------------------

small_floats = st.floats(-4.0, 4.0).filter(lambda x: x == 0 or abs(x) > 1e-3)
square_tables = st.integers(2, 4).flatmap(
    lambda n: st.lists(st.lists(small_floats, min_size=n, max_size=n), min_size=n, max_size=n)
)


def _scaled(rows: list[list[float]], k: int) -> Matrix:
    return Matrix([[math.ldexp(x, k) for x in row] for row in rows])


def _well_conditioned(rows: list[list[float]]) -> bool:
    try:
        return cond(Matrix(rows)) < 1e8
    except ConvergenceError:
        return False
