"""Tests of scratchmath.matrices.determinants: accuracy at the edges, no silent wrong answers.

det and slogdet are homogeneous, det(cA) = cⁿ det A: a matrix scaled by a power of two 2ᵏ
must give the scaled answer *exactly* (a power of two adds no rounding), even when 2ᵏ pushes
the entries to 10³⁰⁸ or 10⁻³⁰⁸; where det A itself leaves the float range, slogdet still
gives det A = sign·exp(logabsdet) and det says inf honestly. (The same edges for solve and
inverse are in test_elimination.py, for cond in test_svd.py.)

Theorems and properties checked:

- det whose elimination overflows but whose value does not
- det beyond the float range is honestly infinite
- slogdet learner cases
- slogdet bad input
- slogdet is homogeneous at every scale
- det is homogeneous or honestly out of range
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import (
    DimensionError,
    DomainError,
)
from scratchmath.matrices import (
    Matrix,
    det,
    slogdet,
)
from tests.matrices.helpers import (
    BIG,
    LEARNER,
    _scaled,
    _well_conditioned,
    square_tables,
)


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


exponents = st.sampled_from([-1060, -1000, -900, -500, 0, 500, 900, 1000])


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
