"""Tests of scratchmath.statistics.regression.

Regression is checked against all 11 NIST StRD linear datasets (every certified value, to
one unit in its 15th significant digit); Gauss–Markov unbiasedness by *exact* expectation: on
a small discrete model the expectation of an estimator is a finite sum over every possible
sample, computed in Fractions.

Theorems and properties checked:

- nist strd certified values
- longley in floats keeps seven digits
- regression residuals orthogonal to columns
- r squared invariant under affine change of y
- gauss markov unbiasedness by exact expectation
- regression bad input
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, rank
from scratchmath.statistics import (
    linear_regression,
)
from scratchmath.vectors import Vector
from tests.nist_strd import load
from tests.strategies import fractions

NIST = load()


# ---------------------------------------------------------------------------------------------
# Regression: NIST StRD, and the theorems.


def _within_one_unit_of_15th_digit(computed: object, certified: Fraction) -> bool:
    if certified == 0:
        return abs(Fraction(computed)) <= Fraction(1, 10**15)  # type: ignore[arg-type]
    unit = Fraction(10) ** (math.floor(math.log10(abs(certified))) - 14)
    return abs(Fraction(computed) - certified) <= unit  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(NIST))
def test_nist_strd_certified_values(name: str) -> None:
    s = NIST[name]
    fit = linear_regression(s.X, s.y, intercept=s.intercept)
    a = fit.anova
    pairs = [
        *zip(fit.coefficients, s.b, strict=True),
        *zip(fit.standard_errors, s.se, strict=True),
        (fit.residual_std, s.sdres),
        (fit.r_squared, s.r2),
        (a.ss_regression, s.regression[1]),
        (a.ms_regression, s.regression[2]),
        (a.ss_residual, s.residual[1]),
        (a.ms_residual, s.residual[2]),
    ]
    if s.regression[3] is None:
        assert a.f_statistic == math.inf
    else:
        pairs.append((a.f_statistic, s.regression[3]))
    assert (a.df_regression, a.df_residual) == (s.regression[0], s.residual[0])
    assert fit.degrees_of_freedom == s.residual[0]
    bad = [(c, t) for c, t in pairs if not _within_one_unit_of_15th_digit(c, t)]
    assert not bad


def test_longley_in_floats_keeps_seven_digits() -> None:
    s = NIST["Longley"]
    fit = linear_regression([[float(v) for v in r] for r in s.X], [float(v) for v in s.y])
    for c, t in zip(fit.coefficients, s.b, strict=True):
        assert math.isclose(c, t, rel_tol=1e-7)
    assert math.isclose(fit.r_squared, s.r2, rel_tol=1e-10)


@st.composite
def designs(draw: st.DrawFn) -> tuple[list[list[Fraction]], list[Fraction]]:
    k = draw(st.integers(1, 3))
    n = draw(st.integers(k + 2, 7))
    X = draw(st.lists(st.lists(fractions(), min_size=k, max_size=k), min_size=n, max_size=n))
    y = draw(st.lists(fractions(), min_size=n, max_size=n))
    return X, y


@given(designs())
@settings(max_examples=25)  # each example is an exact fit with its SVD: keep the suite quick
def test_regression_residuals_orthogonal_to_columns(design: tuple) -> None:  # type: ignore[type-arg]
    X, y = design
    A = Matrix([[1, *r] for r in X])
    assume(rank(A) == A.shape[1] and len(set(y)) > 1)
    fit = linear_regression(X, y)
    residual = Vector(y) - A @ fit.coefficients
    assert A.T @ residual == Vector.zeros(A.shape[1])  # the normal equations, exactly
    assert sum(residual) == 0  # with an intercept the residuals sum to zero


@given(designs(), fractions().filter(lambda c: c != 0), fractions())
@settings(max_examples=25)
def test_r_squared_invariant_under_affine_change_of_y(
    design: tuple, c: Fraction, d: Fraction
) -> None:  # type: ignore[type-arg]
    X, y = design
    assume(rank(Matrix([[1, *r] for r in X])) == len(X[0]) + 1 and len(set(y)) > 1)
    assert (
        linear_regression(X, [c * v + d for v in y]).r_squared == linear_regression(X, y).r_squared
    )


def test_gauss_markov_unbiasedness_by_exact_expectation() -> None:
    # y = Xβ + ε with iid errors taking −1, 0, 2 with probabilities 1/2, 1/4, 1/4 (mean 0):
    # E[β̂] = β, summed exactly over all 3⁴ error vectors.
    X = [[0], [1], [2], [4]]
    beta = (Fraction(1), Fraction(3, 2))
    errors = {-1: Fraction(1, 2), 0: Fraction(1, 4), 2: Fraction(1, 4)}
    expectation = [Fraction(0), Fraction(0)]
    for eps in itertools.product(errors, repeat=len(X)):
        p = math.prod(errors[e] for e in eps)
        y = [beta[0] + beta[1] * r[0] + e for r, e in zip(X, eps, strict=True)]
        constant = len(set(y)) == 1  # a constant y has R² undefined but β̂ = (y, 0)
        coefficients = [y[0], 0] if constant else list(linear_regression(X, y).coefficients)
        expectation = [a + p * b for a, b in zip(expectation, coefficients, strict=True)]
    assert tuple(expectation) == beta


def test_regression_bad_input() -> None:
    with pytest.raises(DimensionError, match="X has 3 rows but y has 2 values"):
        linear_regression([1, 2, 3], [1, 2])
    with pytest.raises(DomainError, match="needs more than 2 observations, got 2"):
        linear_regression([1, 2], [1, 2])
    with pytest.raises(DomainError, match="linearly dependent"):
        linear_regression([[1, 2], [2, 4], [3, 6], [4, 8]], [1, 2, 3, 5])
    with pytest.raises(DomainError, match="y is constant"):
        linear_regression([1, 2, 3], [5, 5, 5])
    with pytest.raises(DimensionError, match="one length"):
        linear_regression([[1, 2], [3]], [1, 2])
