"""Linear regression: least squares with its standard errors, R² and the ANOVA table.

=====================  ======================================================================
``AnovaTable``         the analysis of variance: regression and residual df, SS, MS; F, p
``RegressionResult``   coefficients, standard errors, residual SD, R², df, the ANOVA table
``linear_regression``  fit y ≈ b₀ + b₁x₁ + … + bₖxₖ by least squares
=====================  ======================================================================

The model is y = Xβ + ε with independent errors of variance σ². The least-squares estimate
β̂ solves the normal equations XᵀXβ̂ = Xᵀy; σ² is estimated by s² = SSE/(n − p), and the
standard error of β̂ⱼ is s·√[(XᵀX)⁻¹]ⱼⱼ. For int/Fraction data every one of these is computed
exactly (only the final square roots round), which is how the NIST StRD certified values are
reproduced to all 15 digits, Filip's degree-10 polynomial included; float data use
Householder QR (the normal equations in floats would square the condition number).

>>> fit = linear_regression([1, 2, 3, 4], [2, 4, 5, 8])
>>> fit.coefficients, fit.r_squared
(Vector([0, Fraction(19, 10)]), Fraction(361, 375))
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix, inverse, lstsq, qr
from scratchmath.probability import FDistribution
from scratchmath.scalars import exact_sqrt
from scratchmath.statistics.descriptive import as_data
from scratchmath.vectors import Vector

__all__ = ["AnovaTable", "RegressionResult", "linear_regression"]


class AnovaTable(NamedTuple):
    """The analysis of variance of a regression: SST = SSR + SSE, and the F test of β = 0.

    ``f_statistic`` = MSR/MSE (inf when the fit is perfect), ``p_value`` = P(F > f) under
    F(df_regression, df_residual). Without an intercept the sums of squares are uncentered.
    """

    df_regression: int
    ss_regression: Any
    ms_regression: Any
    f_statistic: Any
    p_value: float
    df_residual: int
    ss_residual: Any
    ms_residual: Any


class RegressionResult(NamedTuple):
    """The answer of ``linear_regression``; ``coefficients`` start with the intercept.

    >>> fit = linear_regression([[0], [1], [2], [3]], [1, 3, 5, 8])
    >>> fit.coefficients, fit.degrees_of_freedom
    (Vector([Fraction(4, 5), Fraction(23, 10)]), 2)
    """

    coefficients: Vector
    standard_errors: list[float]
    residual_std: float
    r_squared: Any
    degrees_of_freedom: int
    anova: AnovaTable


def _design(X: object, intercept: bool) -> list[list[Any]]:
    """The rows of the design matrix [1, x₁, …, xₖ] (without the 1 if no intercept)."""
    if isinstance(X, Matrix):
        rows = [list(r) for r in X.rows]
    elif isinstance(X, list | tuple) and X and all(isinstance(r, list | tuple | Vector) for r in X):
        rows = [list(as_data(r, "a row of X")) for r in X]
    else:
        rows = [[x] for x in as_data(X, "X")]  # type: ignore[arg-type]
    widths = {len(r) for r in rows}
    if len(widths) != 1 or 0 in widths:
        raise DimensionError(f"the rows of X must have one length ≥ 1, got {sorted(widths)}")
    return [[1, *r] for r in rows] if intercept else rows


def _sqrt(x: Any) -> float:
    return exact_sqrt(x) if not isinstance(x, float) else math.sqrt(x)


def _inverse_gram(A: Matrix, exact: bool) -> Matrix:
    """(AᵀA)⁻¹: exactly for rationals; as R⁻¹R⁻ᵀ from A = QR for floats."""
    if exact:
        return inverse(A.T @ A)
    _, R = qr(A)
    R_inv = inverse(R)
    return R_inv @ R_inv.T


def linear_regression(X: Any, y: Any, *, intercept: bool = True) -> RegressionResult:
    """Fit y ≈ b₀ + b₁x₁ + … + bₖxₖ by ordinary least squares, with the usual inference.

    X is a list of numbers (one regressor), a list of rows, or a Matrix (rows are
    observations). Definitions: β̂ minimises ‖y − Xβ‖²; SSE = ‖y − Xβ̂‖², df = n − p,
    s = √(SSE/df), SE(β̂ⱼ) = s√[(XᵀX)⁻¹]ⱼⱼ, R² = 1 − SSE/SST with SST = Σ(yᵢ − ȳ)² (with an
    intercept) or Σyᵢ² (without: the uncentered R², as NIST certifies NoInt1/2).

    >>> fit = linear_regression([[1, 0], [0, 1], [1, 1], [2, 1]], [1, 2, 3, 5])
    >>> fit.degrees_of_freedom, fit.anova.df_regression
    (1, 2)
    >>> round(fit.residual_std, 12)
    0.408248290464

    Raises:
        TypeError: data that are not numbers.
        DimensionError: X and y have different numbers of rows, or ragged rows.
        DomainError: no more observations than coefficients, NaN/inf, or columns of X that
            are linearly dependent (the coefficients are then not identifiable).
    """
    rows = _design(X, intercept)
    ys = as_data(y, "y")
    if len(rows) != len(ys):
        raise DimensionError(f"X has {len(rows)} rows but y has {len(ys)} values")
    n, p = len(rows), len(rows[0])
    if n <= p:
        raise DomainError(f"a fit of {p} coefficients needs more than {p} observations, got {n}")
    exact = all(not isinstance(v, float) for v in ys) and all(
        not isinstance(v, float) for r in rows for v in r
    )
    A, b = Matrix(rows), Vector(ys)
    beta = _coefficients(A, b, exact)
    residual = b - A @ beta
    sse: Any = residual @ residual
    df = n - p
    sst: Any
    if exact:
        mean_y: Any = Fraction(sum(ys), n) if intercept else 0  # type: ignore[arg-type]
        sst = sum((Fraction(v) - mean_y) ** 2 for v in ys)
        mse: Any = Fraction(sse) / df
    else:
        mean_f = math.fsum(ys) / n if intercept else 0.0
        sst = math.fsum((v - mean_f) ** 2 for v in ys)
        mse = sse / df
    if sst == 0:
        raise DomainError("y is constant: R² is undefined")
    r2: Any = 1 - Fraction(sse) / sst if exact else 1.0 - sse / sst
    gram_inv = _inverse_gram(A, exact)
    errors = [_sqrt(mse * gram_inv[j, j]) for j in range(p)]
    anova = _anova(sst, sse, mse, p - 1 if intercept else p, df, exact)
    return RegressionResult(beta, errors, _sqrt(mse), r2, df, anova)


def _coefficients(A: Matrix, b: Vector, exact: bool) -> Vector:
    """β̂, the least-squares solution of Aβ ≈ b; DomainError if A's columns are dependent."""
    p = A.shape[1]
    fit = lstsq(A, b)
    if fit.rank < p:
        if exact:
            raise DomainError("the columns of X are linearly dependent: the fit is not unique")
        raise DomainError(
            f"the columns of X are linearly dependent to working precision (numerical rank "
            f"{fit.rank} < {p}, condition number {fit.condition_number:.1e}): give the data "
            "as Fractions for an exact fit"
        )
    beta: Vector = fit.x
    return beta


def _anova(sst: Any, sse: Any, mse: Any, df_reg: int, df: int, exact: bool) -> AnovaTable:
    """SSR = SST − SSE with its mean square, F = MSR/MSE and its p-value under F(df_reg, df)."""
    ssr: Any = sst - sse
    msr = (Fraction(ssr) / df_reg if exact else ssr / df_reg) if df_reg else 0
    f = (msr / mse if mse != 0 else math.inf) if df_reg else math.nan
    p_value = FDistribution(df_reg, df).sf(float(f)) if df_reg and f == f else math.nan
    return AnovaTable(df_reg, ssr, msr, f, p_value, df, sse, mse)
