"""No silent wrong answers in linear algebra at the edges of the float range.

Theorems and facts checked here:
- det, solve, inverse and cond are homogeneous: det(cA) = cⁿ det A, (cA)⁻¹ = A⁻¹/c,
  κ(cA) = κ(A); so a matrix scaled by a power of two 2ᵏ must give the scaled answer *exactly*
  (a power of two adds no rounding), even when 2ᵏ pushes the entries to 10³⁰⁸ or 10⁻³⁰⁸;
- slogdet: det A = sign·exp(logabsdet), also where det A itself leaves the float range;
- cond(A, p) = ‖A‖ₚ‖A⁻¹‖ₚ for p = 1, ∞, "fro", and κ₂ = σ₁/σₙ;
- a request for a table too large to hold is a precise error, never OverflowError;
- no public function lets ZeroDivisionError, OverflowError or IndexError reach a user.
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
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

BIG = 1e308
LEARNER = Matrix([[BIG, BIG], [BIG, -BIG]])  # det −2·10⁶¹⁶, inverse entries 5·10⁻³⁰⁹


# ---------------------------------------------------------------------------------------
# The learner's cases, one by one.
# ---------------------------------------------------------------------------------------


def test_solve_with_entries_near_the_largest_float() -> None:
    # Unscaled, elimination met the pivot −2·10³⁰⁸ = −inf and returned (1, 0).
    assert solve(LEARNER, Vector([BIG, 0.0])) == Vector([0.5, 0.5])


def test_inverse_with_entries_near_the_largest_float() -> None:
    # The true inverse is [[1, 1], [1, −1]]/(2·10³⁰⁸); it was [[1e-308, 0], [0, −0]].
    assert inverse(LEARNER).isclose(Matrix([[5e-309, 5e-309], [5e-309, -5e-309]]), rel_tol=1e-12)


def test_det_whose_elimination_overflows_but_whose_value_does_not() -> None:
    A = Matrix([[BIG, BIG, 0.0], [BIG, -BIG, 0.0], [0.0, 0.0, 1e-308]])
    assert math.isclose(det(A), -2e308, rel_tol=1e-14) or det(A) == -math.inf
    B = Matrix([[BIG, BIG, 0.0], [BIG, -BIG, 0.0], [0.0, 0.0, 1e-310]])
    assert math.isclose(det(B), -2e306, rel_tol=1e-12)  # was −inf


def test_det_beyond_the_float_range_is_honestly_infinite() -> None:
    assert det(LEARNER) == -math.inf  # −2·10⁶¹⁶ has no float; slogdet holds it
    sign, logdet = slogdet(LEARNER)
    assert sign == -1.0 and math.isclose(logdet, math.log(2) + 2 * math.log(BIG), rel_tol=1e-15)


def test_slogdet_learner_cases() -> None:
    assert slogdet(Matrix([[1, 2], [3, 4]])) == (-1, math.log(2))
    assert slogdet(Matrix([[1, 2], [2, 4]])) == (0, -math.inf)
    assert slogdet(Matrix([[1.0, 2.0], [2.0, 4.0]])) == (0.0, -math.inf)
    sign, logdet = slogdet(Matrix.diagonal([10.0] * 400))
    assert sign == 1.0 and math.isclose(logdet, 400 * math.log(10), rel_tol=1e-15)
    sign, logdet = slogdet(Matrix.diagonal([0.1] * 400))  # det 10⁻⁴⁰⁰ underflows
    assert sign == 1.0 and math.isclose(logdet, -400 * math.log(10), rel_tol=1e-14)
    assert slogdet(Matrix([[Fraction(10**20 + 1, 10**20)]])) == (1, math.log1p(1e-20))
    sign, logdet = slogdet(Matrix([[Fraction(1, 10**400), 0], [0, -3]]))
    assert sign == -1 and math.isclose(logdet, math.log(3) - 400 * math.log(10), rel_tol=1e-15)
    sign, logdet = slogdet(Matrix([[1j, 0], [0, 2.0]]))
    assert sign == 1j and logdet == math.log(2)


def test_slogdet_bad_input() -> None:
    with pytest.raises(DimensionError, match="slogdet needs a square matrix"):
        slogdet(Matrix([[1, 2, 3]]))
    with pytest.raises(DomainError, match="NaN or infinite"):
        slogdet(Matrix([[math.nan]]))
    with pytest.raises(TypeError, match="must be a Matrix"):
        slogdet([[1, 2], [3, 4]])  # type: ignore[arg-type]


def test_cond_in_each_norm_learner_cases() -> None:
    A = Matrix([[1, 2], [3, 4]])  # A⁻¹ = [[−2, 1], [3/2, −1/2]]
    assert cond(A, 1) == 7 * 3  # ‖A‖₁ = 6 + … : column sums 4, 6 → 6; of A⁻¹ 7/2 → 6·7/2
    assert cond(A, math.inf) == 7 * 3
    assert math.isclose(cond(A, "fro"), math.sqrt(30) * math.sqrt(7.5), rel_tol=1e-15)
    assert math.isclose(cond(A), cond(A, 2), rel_tol=0) and math.isclose(cond(A), 14.933034373659)
    assert cond(Matrix([[1, 2], [2, 4]]), 1) == math.inf
    assert cond(Matrix([[1.0, 2.0], [2.0, 4.0]]), "fro") == math.inf


def test_cond_is_scale_invariant_even_at_the_edge_of_the_range() -> None:
    for p in (1, math.inf, "fro", 2):
        assert math.isclose(cond(LEARNER, p), cond(Matrix([[1.0, 1.0], [1.0, -1.0]]), p))
    A = Matrix([[1.0, 2.0], [3.0, 4.0]])
    for k in (-1000, -996, 996, 1000):
        assert cond(A * 2.0**k, 1) == cond(A, 1)  # exactly: a power of two adds no rounding


def test_cond_bad_input() -> None:
    with pytest.raises(DomainError, match="unknown norm p = 3"):
        cond(Matrix([[1, 2], [3, 4]]), 3)
    with pytest.raises(DomainError, match="unknown norm p = True"):
        cond(Matrix([[1, 2], [3, 4]]), True)
    with pytest.raises(DimensionError, match="needs a square matrix, got 1×2"):
        cond(Matrix([[1, 2]]), 1)
    assert cond(Matrix([[3, 4]])) == 1.0  # κ₂ of a non-square matrix: σ₁/σₖ


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
# Homogeneity: scaling by a power of two changes the answer by that power, exactly.
# ---------------------------------------------------------------------------------------

small_floats = st.floats(-4.0, 4.0).filter(lambda x: x == 0 or abs(x) > 1e-3)
square_tables = st.integers(2, 4).flatmap(
    lambda n: st.lists(st.lists(small_floats, min_size=n, max_size=n), min_size=n, max_size=n)
)
exponents = st.sampled_from([-1060, -1000, -900, -500, 0, 500, 900, 1000])


def _scaled(rows: list[list[float]], k: int) -> Matrix:
    return Matrix([[math.ldexp(x, k) for x in row] for row in rows])


def _well_conditioned(rows: list[list[float]]) -> bool:
    try:
        return cond(Matrix(rows)) < 1e8
    except ConvergenceError:
        return False


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


@given(square_tables, exponents)
@settings(max_examples=40, deadline=None)
def test_slogdet_is_homogeneous_at_every_scale(rows: list[list[float]], k: int) -> None:
    if k < -1000 or not _well_conditioned(rows):
        return  # below 2⁻¹⁰⁰⁰ the entries are subnormal and have lost digits themselves
    n = len(rows)
    sign, logdet = slogdet(Matrix(rows))
    scaled_sign, scaled_logdet = slogdet(_scaled(rows, k))
    assert scaled_sign == sign
    expected = logdet + n * k * math.log(2)
    assert math.isclose(scaled_logdet, expected, rel_tol=1e-13, abs_tol=1e-10)


@given(square_tables, exponents)
@settings(max_examples=40, deadline=None)
def test_det_is_homogeneous_or_honestly_out_of_range(rows: list[list[float]], k: int) -> None:
    if k < -1000 or not _well_conditioned(rows):
        return
    n = len(rows)
    d = det(Matrix(rows))
    scaled = det(_scaled(rows, k))
    log2_size = math.log2(abs(d)) + n * k if d else -math.inf
    if log2_size > 1024:
        assert scaled == math.copysign(math.inf, d)
    elif log2_size < -1000:
        assert abs(scaled) <= 2.0**-990
    else:
        assert math.isclose(scaled, math.ldexp(d, n * k), rel_tol=1e-12)


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
