"""Tests of scratchmath.matrices.fraction_free: fraction-free elimination agrees, exactly,
with elimination over the rationals.

Theorems and properties checked:
- the reduced row echelon form is unique (so the fraction-free rref equals the textbook
  Gauss–Jordan rref over ℚ), and rank + nullity = n on rank-deficient matrices;
- Sylvester's identity: every division of the fraction-free step is exact (the kernel works
  in ints throughout), and back substitution after Bareiss gives d·rref;
- scaling a row scales the determinant by the same factor;
- solve and inverse over ℚ give A X = B exactly; Hilbert's inverse is integer, Pascal's det 1;
- rank modulo a prime is a lower bound, and a prime dividing det falls back to exact
  elimination.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.matrices import Matrix, det, det_leibniz, inverse, null_space, rank, rref, solve
from scratchmath.matrices.fraction_free import (
    MODULUS,
    divided,
    gauss_jordan,
    integer_rows,
    rank_modulo_prime,
)
from scratchmath.vectors import Vector
from tests.strategies import (
    low_rank_int_matrices,
    matrix_rationals,
    rectangular_matrices,
    square_matrices,
)


def textbook_rref(rows: Any, pivot_columns: int | None = None) -> list[list[Fraction]]:
    """Gauss–Jordan over ℚ as a first course writes it: scale the pivot row, clear the column
    (pivots sought in the first ``pivot_columns`` columns; the rest are carried along)."""
    a = [[Fraction(x) for x in row] for row in rows]
    m, n = len(a), len(a[0])
    r = 0
    for c in range(n if pivot_columns is None else pivot_columns):
        p = next((i for i in range(r, m) if a[i][c] != 0), None)
        if p is None:
            continue
        a[r], a[p] = a[p], a[r]
        a[r] = [x / a[r][c] for x in a[r]]
        for i in range(m):
            if i != r and a[i][c] != 0:
                f = a[i][c]
                a[i] = [x - f * y for x, y in zip(a[i], a[r], strict=True)]
        r += 1
        if r == m:
            break
    return a


@settings(max_examples=60)
@given(rectangular_matrices(matrix_rationals(), max_dim=5))
def test_rref_is_unique_so_fraction_free_equals_textbook(A: Matrix) -> None:
    assert rref(A) == Matrix(textbook_rref(A.rows))


@settings(max_examples=60)
@given(low_rank_int_matrices(max_dim=6, max_rank=3))
def test_rank_nullity_on_rank_deficient_matrices(A: Matrix) -> None:
    expected = sum(any(x != 0 for x in row) for row in textbook_rref(A.rows))
    assert rank(A) == expected
    basis = null_space(A)
    assert len(basis) == A.shape[1] - expected
    for v in basis:
        assert A @ v == Vector.zeros(A.shape[0])


@settings(max_examples=60)
@given(st.lists(st.lists(st.integers(-50, 50), min_size=6, max_size=6), min_size=1, max_size=6))
def test_sylvester_identity_every_division_is_exact(rows: list[list[int]]) -> None:
    """Recompute each fraction-free step with Fractions: no step ever leaves a remainder."""
    table, scales = integer_rows(rows)
    assert scales == [1] * len(rows)
    result, d, pivots = gauss_jordan([row[:] for row in table], 6)
    for row in result:
        assert all(type(x) is int for x in row)
    for k, c in enumerate(pivots):
        assert result[k][c] == d  # every pivot equals the last one
    assert divided(result, d) == [
        [int(x) if x.denominator == 1 else x for x in row] for row in textbook_rref(rows)
    ]


@settings(max_examples=80)
@given(
    st.integers(1, 5).flatmap(
        lambda m: st.lists(
            st.lists(st.sampled_from([0, 0, 1, -1, 2, 3, -7, 50]), min_size=6, max_size=6),
            min_size=m,
            max_size=m,
        )
    ),
    st.integers(1, 6),
)
def test_back_substitution_after_bareiss_gives_d_times_rref(
    rows: list[list[int]], pivot_columns: int
) -> None:
    """Two passes (Bareiss below the pivots, back substitution above) = Gauss–Jordan over ℚ,
    with right-hand sides carried along and rank-deficient, inconsistent rows included."""
    result, d, pivots = gauss_jordan([row[:] for row in rows], pivot_columns)
    expected = textbook_rref(rows, pivot_columns)
    assert [[Fraction(x, d) for x in row] for row in result] == expected
    assert all(type(x) is int for row in result for x in row)
    assert all(c < pivot_columns for c in pivots)


@settings(max_examples=60)
@given(square_matrices(matrix_rationals(), max_n=5))
def test_det_scales_with_a_row_so_cleared_denominators_are_undone(A: Matrix) -> None:
    assert det(A) == det_leibniz(A)
    doubled = Matrix([[3 * x for x in A.rows[0]], *A.rows[1:]])
    assert det(doubled) == 3 * det(A)


@settings(max_examples=60)
@given(square_matrices(matrix_rationals(), max_n=5), st.data())
def test_exact_solve_and_inverse_satisfy_their_equations(A: Matrix, data: st.DataObject) -> None:
    if det(A) == 0:
        return
    n = A.shape[0]
    b = Vector(data.draw(st.lists(matrix_rationals(), min_size=n, max_size=n)))
    assert A @ solve(A, b) == b
    assert A @ inverse(A) == Matrix.identity(n)


def test_hilbert_inverse_is_integer_and_pascal_det_is_one() -> None:
    n = 12
    H = Matrix([[Fraction(1, i + j + 1) for j in range(n)] for i in range(n)])
    H_inv = inverse(H)
    assert all(type(x) is int for row in H_inv.rows for x in row)
    assert H @ H_inv == Matrix.identity(n)
    pascal = Matrix([[math.comb(i + j, i) for j in range(n)] for i in range(n)])
    assert det(pascal) == 1


def test_fraction_free_agrees_with_textbook_on_larger_random_matrices() -> None:
    rng = random.Random(20)
    for m, n in [(8, 8), (7, 10), (10, 7)]:
        rows = [
            [Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(n)] for _ in range(m)
        ]
        assert rref(Matrix(rows)) == Matrix(textbook_rref(rows))


@settings(max_examples=60)
@given(low_rank_int_matrices(max_dim=6, max_rank=4))
def test_rank_modulo_a_prime_is_a_lower_bound(A: Matrix) -> None:
    table = integer_rows(A.rows)[0]
    assert rank_modulo_prime(table) <= rank(A)
    assert rank_modulo_prime(table, prime=2) <= rank(A)


def test_a_prime_dividing_the_determinant_falls_back_to_exact_elimination() -> None:
    """det = MODULUS: modulo the prime the matrix looks singular; over ℚ it is not."""
    A = Matrix([[MODULUS, 0], [0, 1]])
    assert rank_modulo_prime(integer_rows(A.rows)[0]) == 1
    assert rank(A) == 2
    assert rref(A) == Matrix.identity(2)
    assert null_space(A) == []
    tall = Matrix([[MODULUS, 0], [0, 1], [1, 1]])
    assert rref(tall) == Matrix([[1, 0], [0, 1], [0, 0]])
