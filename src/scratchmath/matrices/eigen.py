"""Eigenvalues and eigenvectors: the directions a linear map only stretches (layer 2).

================================  =====================================================
``characteristic_polynomial``     the coefficients of det(λI − A), exact for exact A
``power_iteration``               the dominant eigenpair: repeat x ← Ax/‖Ax‖
``inverse_iteration``             the eigenpair nearest a shift σ: x ← (A − σI)⁻¹x
``rayleigh_quotient_iteration``   inverse iteration re-shifted by ρ = xᵀAx each step
``eigvals``                       all eigenvalues of a square matrix (Francis QR; complex QR)
``eig``                           all eigenvalues and unit eigenvectors
================================  =====================================================

**Definition.** A number λ is an *eigenvalue* of the square matrix A, and v ≠ 0 an
*eigenvector* for it, when Av = λv: along v the map A only scales, by λ. Then A − λI sends
v to 0, so it is singular, and the eigenvalues are the roots of the *characteristic
polynomial* det(λI − A), of degree n. Over ℂ it has n roots (counted with multiplicity);
their sum is the trace of A and their product its determinant.

A short worked example. The matrix below stretches (1, 1) by 3 and (1, −1) by 1:

>>> from scratchmath.matrices import Matrix, eigh
>>> A = Matrix([[2, 1], [1, 2]])
>>> characteristic_polynomial(A)   # λ² − 4λ + 3 = (λ − 1)(λ − 3)
[1, -4, 3]
>>> values, Q = eigh(A)
>>> values
[1.0, 3.0]
>>> print(Q)
[ 0.70710678  0.70710678]
[-0.70710678  0.70710678]

Roots of a polynomial are the *definition* but a poor *algorithm*: its coefficients are
hypersensitive to rounding (Wilkinson's polynomial). So the algorithms below never form
it: ``eigvals`` reduces A by orthogonal similarities (which keep the eigenvalues) to
Hessenberg and then quasi-triangular form, and ``eigh`` (in ``symmetric.py``) rotates a
symmetric A to diagonal.

Numbers. These algorithms need square roots and iteration, so they work in ``float``: an
exact matrix is converted once, at the start. Complex eigenvalues come out as ``complex``.
NaN or ±inf entries are a ``DomainError``. ``eigvals`` and ``eig`` accept a complex matrix
(through ``schur.py``'s complex QR); the iterations take a real matrix, with complex shifts
and start vectors allowed.
"""

from __future__ import annotations

import math
import operator
import random
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from scratchmath.errors import ConvergenceError, DimensionError, DomainError
from scratchmath.matrices.core import (
    Matrix,
    check_matrix,
    complex_rows,
    real_table,
    require_finite_matrix,
    require_square,
    tidy,
)
from scratchmath.matrices.kernels import (
    binary_exponent,
    complex_binary_exponent,
    householder,
    lu_factor,
    lu_solve,
    scale_back,
    scale_table,
    sign_fixed,
)
from scratchmath.matrices.schur import complex_hessenberg, complex_qr_eigenvalues
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import to_float as _to_float
from scratchmath.vectors import Vector

__all__ = [
    "characteristic_polynomial",
    "eig",
    "eigvals",
    "inverse_iteration",
    "power_iteration",
    "rayleigh_quotient_iteration",
]

_MUL = operator.mul

# Working storage: a matrix as a list of rows of floats (or complex numbers, where a complex
# shift or start vector needs them). Plain lists let the inner loops run as ``zip``/``map``
# comprehensions in C, which is where pure Python gets its speed.
Table = list[list[Any]]


# ---------------------------------------------------------------------------------------
# The boundary: from a Matrix to a table of floats, and back.
# ---------------------------------------------------------------------------------------


def _float_table(A: object, what: str) -> Table:
    """A square real Matrix as a fresh list of rows of floats; checks type, shape, finiteness."""
    require_square(check_matrix(A), what)
    return real_table(A, what)


def _complex_table(A: object, what: str) -> Table | None:
    """A square complex Matrix with some imaginary part ≠ 0 as a fresh table, else None
    (a real Matrix, or a complex one whose entries are all real, takes the real path)."""
    A = check_matrix(A)
    require_square(A, what)
    rows = complex_rows(A, what)
    return None if rows is None else [list(row) for row in rows]


def _check_iterations(max_iter: object) -> int:
    if isinstance(max_iter, bool) or not isinstance(max_iter, int):
        raise TypeError(f"max_iter must be an int, not {type(max_iter).__name__}")
    if max_iter < 1:
        raise DomainError(f"max_iter must be at least 1, got {max_iter}")
    return max_iter


def _check_tol(tol: object) -> float:
    if isinstance(tol, bool) or not isinstance(tol, (int, float, Fraction)):
        raise TypeError(f"tol must be a real number, not {type(tol).__name__}")
    value = _to_float(tol)
    if not value > 0 or not math.isfinite(value):
        raise DomainError(f"tol must be positive and finite, got {tol!r}")
    return value


def _check_start(x0: object, n: int, what: str) -> list[Any]:
    """x0 as a unit list of floats (or complex numbers); None gives a fixed 'random' start."""
    if x0 is None:
        # A fixed seed: reproducible, and (unlike all-ones) almost surely not orthogonal to
        # the eigenvector sought.
        rng = random.Random(n)
        return _unit([rng.uniform(-1.0, 1.0) for _ in range(n)])
    if not isinstance(x0, Vector):
        raise TypeError(f"x0 must be a Vector, not {type(x0).__name__}")
    if len(x0) != n:
        raise DimensionError(f"{what}: x0 has dimension {len(x0)} but A is {n}×{n}")
    entries: list[Any] = list(x0)
    x = entries if isinstance(entries[0], complex) else [_to_float(c) for c in entries]
    if not all(math.isfinite(abs(c)) for c in x):
        raise DomainError(f"{what}: x0 has NaN or infinite components")
    norm = _norm(x)
    if norm == 0:
        raise DomainError(f"{what}: x0 must not be the zero vector")
    return [c / norm for c in x]


def _check_shift(shift: object) -> Any:
    if isinstance(shift, bool) or not isinstance(shift, (int, float, Fraction, complex)):
        raise TypeError(f"shift must be a number, not {type(shift).__name__}")
    value = _real_if_possible(shift) if isinstance(shift, complex) else _to_float(shift)
    if not math.isfinite(abs(value)):
        raise DomainError(f"shift must be finite, got {shift!r}")
    return value


def _prepare(
    A: object, x0: object, tol: object, max_iter: object, what: str
) -> tuple[Table, list[Any], float, int, int, float]:
    """The common checks of the iterations: (table scaled by 2⁻ᵉ, unit x₀, tol, max_iter,
    e, ‖scaled A‖_F)."""
    a = _float_table(A, what)
    tol, max_iter = _check_tol(tol), _check_iterations(max_iter)
    x = _check_start(x0, len(a), what)
    e = _normalize(a)
    return a, x, tol, max_iter, e, _frobenius(a)


def _vector(x: Sequence[Any]) -> Vector:
    """A unit eigenvector as a Vector, its phase fixed so that the largest entry is real > 0
    (an eigenvector is defined only up to such a factor; see ``kernels.sign_fixed``)."""
    return Vector._trusted(tuple(sign_fixed(x)[0]))


def _real_if_possible(z: Any) -> Any:
    return z.real if isinstance(z, complex) and z.imag == 0 else z


# ---------------------------------------------------------------------------------------
# Small kernels on lists.
# ---------------------------------------------------------------------------------------


def _norm(x: Sequence[Any]) -> float:
    """‖x‖₂ by ``math.hypot``: no overflow or underflow on the way."""
    return math.hypot(*map(abs, x))


def _unit(x: list[Any]) -> list[Any]:
    norm = _norm(x)
    return [c / norm for c in x]


def _matvec(a: Table, x: Sequence[Any]) -> list[Any]:
    return [sum(map(_MUL, row, x)) for row in a]


def _dot(x: Sequence[Any], y: Sequence[Any]) -> Any:
    """⟨y, x⟩ = Σ conj(xᵢ)·yᵢ (x conjugated: for the Rayleigh quotient xᴴAx)."""
    return sum(c.conjugate() * d for c, d in zip(x, y, strict=True))


def _frobenius(a: Table) -> float:
    return math.hypot(*(abs(x) for row in a for x in row))


def _residual(a: Table, lam: Any, x: Sequence[Any]) -> float:
    """‖Ax − λx‖₂: how far (λ, x) is from an eigenpair."""
    return _norm([y - lam * c for y, c in zip(_matvec(a, x), x, strict=True)])


class _Settling:
    """Watches the Rayleigh quotients ρ₁, ρ₂, … of an iteration and estimates |ρₖ − λ|.

    A small residual ‖Ax − ρx‖ is a *backward* error: (ρ, x) is an exact eigenpair of a
    matrix near A. For a non-normal A that says little about ρ itself ([[1, 10⁴], [0, 0.99]]
    has residual 10⁻⁸ at ρ = 1.006). So the iterations also ask the eigenvalue to settle:
    converging geometrically at a rate q, the error left after step k is about
    |Δρₖ|·q/(1 − q), with q measured from successive differences (the larger of the last
    two ratios, to be safe). Where |ρ| is so small that tol·|ρ| is below the rounding
    floor (about ε‖A‖), the floor is the target instead: no more digits can be had.
    """

    __slots__ = ("_changes", "_floor", "_last")

    def __init__(self, floor: float) -> None:
        self._floor = floor
        self._last: Any = None
        self._changes: list[float] = []

    def relative_error(self, rho: Any, tol: float) -> float:
        """Record ρₖ; return the estimate of |ρₖ − λ| relative to |ρₖ|, or to the rounding
        floor where that is larger (inf while the rate cannot be told yet)."""
        if self._last is not None:
            self._changes.append(abs(rho - self._last))
        self._last = rho
        changes = self._changes[-3:]
        if changes and changes[-1] == 0:
            return 0.0
        if len(changes) < 3:
            return math.inf
        smooth = 0.0 not in changes[:-1]
        q = max(changes[-1] / changes[-2], changes[-2] / changes[-3]) if smooth else math.inf
        if q < 1.0:
            estimate = changes[-1] * q / (1.0 - q)
        elif changes[-1] <= self._floor:
            estimate = self._floor  # changes that are rounding noise: settled
        else:
            return math.inf
        size: float = abs(rho)
        return estimate / max(size, self._floor / tol)


def _normalize(a: Table) -> int:
    """Scale A in place by 2⁻ᵉ so that max|aᵢⱼ| ∈ [½, 1); return e. Exact (a power of two),
    and it keeps ‖A‖, Ax and λ² far from overflow and underflow; λ scales back by 2ᵉ."""
    e = complex_binary_exponent(a) if isinstance(a[0][0], complex) else binary_exponent(a)
    scale_table(a, -e)
    return e


def _shifted_lu(a: Table, shift: Any, floor: float) -> tuple[Table, list[int]]:
    """LU factors of A − σI with partial pivoting, a pivot below ``floor`` (about ε‖A‖)
    raised to it (see ``kernels.lu_factor``): when σ is an eigenvalue, A − σI is singular,
    and that perturbation — far below the rounding already in σ — makes the solve possible.
    The huge solution then points along the eigenvector, which is what inverse iteration
    wants."""
    shifted = [[x - shift if i == j else x for j, x in enumerate(row)] for i, row in enumerate(a)]
    lu, perm, _ = lu_factor(shifted, exact=False, floor=floor)
    return lu, perm


# ---------------------------------------------------------------------------------------
# The definition: the characteristic polynomial.
# ---------------------------------------------------------------------------------------


def characteristic_polynomial(A: Matrix) -> list[Any]:
    """The coefficients [1, c₁, …, cₙ] of p(λ) = det(λI − A) = λⁿ + c₁λⁿ⁻¹ + ⋯ + cₙ.

    The eigenvalues are the roots of p. By the Faddeev–LeVerrier recurrence (M₀ = 0,
    Mₖ = A·Mₖ₋₁ + cₖ₋₁I, cₖ = −tr(A·Mₖ)/k with c₀ = 1) — only + − × ÷, so an exact matrix
    gets exact coefficients: c₁ = −tr A and cₙ = (−1)ⁿ det A. A teaching definition: for
    floats the coefficients lose the eigenvalues to rounding; use ``eigvals``.

    >>> characteristic_polynomial(Matrix([[1, 2], [3, 4]]))   # λ² − 5λ − 2
    [1, -5, -2]

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN or infinite entries.
    """
    A = check_matrix(A)
    n = require_square(A, "the characteristic polynomial")
    require_finite_matrix(A, "take the characteristic polynomial of")
    a: Any = A._rows
    exact = A._kind == _EXACT
    coefficients: list[Any] = [1]
    m: list[list[Any]] = [[0] * n for _ in range(n)]
    for k in range(1, n + 1):
        c = coefficients[-1]
        # Mₖ = A·Mₖ₋₁ + cₖ₋₁·I
        m_cols = list(zip(*m, strict=True))
        m = [
            [sum(map(_MUL, row, col)) + (c if i == j else 0) for j, col in enumerate(m_cols)]
            for i, row in enumerate(a)
        ]
        trace = sum(sum(map(_MUL, a[i], (m[j][i] for j in range(n)))) for i in range(n))
        coefficients.append(tidy(Fraction(-trace) / k) if exact else -trace / k)
    return coefficients


# ---------------------------------------------------------------------------------------
# One eigenpair at a time: the iterations.
# ---------------------------------------------------------------------------------------


def power_iteration(
    A: Matrix, x0: Vector | None = None, *, tol: float = 1e-12, max_iter: int = 10_000
) -> tuple[float, Vector]:
    """The dominant eigenpair (λ₁, v₁), |λ₁| > |λ₂| ≥ …, by the power method.

    xₖ₊₁ = A xₖ / ‖A xₖ‖₂. Write x₀ = Σ aᵢvᵢ: then Aᵏx₀ = λ₁ᵏ(a₁v₁ + Σ aᵢ(λᵢ/λ₁)ᵏvᵢ), so
    the direction tends to v₁ at the rate |λ₂/λ₁| per step. λ is estimated by the Rayleigh
    quotient ρ = xᵀAx, and the iteration stops when the residual ‖Ax − ρx‖₂ ≤ tol·‖A‖_F
    and the estimated error of ρ is ≤ tol·|ρ| (or ρ has settled to rounding). The residual
    alone is a backward error ((ρ, x) is an exact eigenpair of a matrix within tol·‖A‖_F
    of A), which for a non-normal A can leave ρ far off; the error of ρ is estimated from
    its geometric convergence (see ``_Settling``). The default x₀ is a fixed pseudo-random
    vector (reproducible).

    >>> lam, v = power_iteration(Matrix([[2, 1], [1, 2]]))
    >>> round(lam, 12), v.isclose(Vector([2 ** -0.5, 2 ** -0.5]))
    (3.0, True)

    It cannot separate two eigenvalues of equal modulus, such as ±1 here:

    >>> power_iteration(Matrix([[0, 1], [1, 0]]), Vector([1, 0]), max_iter=50)
    Traceback (most recent call last):
    ...
    scratchmath.errors.ConvergenceError: power_iteration did not converge in 50 iterations ...

    Returns:
        (λ, v): a float and a unit Vector (largest entry positive).
    Raises:
        TypeError: A is not a Matrix or x0 not a Vector.  DimensionError: A is not square, or
        x0 does not fit.  DomainError: NaN/inf entries, a complex A, x0 = 0, tol ≤ 0 or
        max_iter < 1.  ConvergenceError: no convergence in max_iter steps (``estimate`` is
        the last ρ, ``error`` the larger of the relative residual and error estimate).
    """
    a, x, tol, max_iter, e, scale = _prepare(A, x0, tol, max_iter, "power_iteration")
    if isinstance(x[0], complex):
        raise DomainError("power_iteration needs a real start vector x0")
    if scale == 0:
        return 0.0, _vector(x)  # A = 0: every vector is an eigenvector, for λ = 0
    rho, error = 0.0, math.inf
    settling = _Settling(8 * _EPS * scale)
    for _ in range(max_iter):
        y = _matvec(a, x)
        rho = math.fsum(map(_MUL, x, y))  # the Rayleigh quotient xᵀAx, ‖x‖ = 1
        residual = _norm([yi - rho * xi for yi, xi in zip(y, x, strict=True)]) / scale
        error = max(residual, settling.relative_error(rho, tol))
        if error <= tol or residual == 0:
            return scale_back(rho, e), _vector(x)
        x = _unit(y)  # y ≠ 0 here: y = 0 would give ρ = 0 and a zero residual
    raise ConvergenceError(
        f"power_iteration did not converge in {max_iter} iterations (relative error "
        f"{error:.3g} > tol = {tol:g}); is the largest |λ| shared, as by ±λ or a complex pair?",
        iterations=max_iter,
        estimate=scale_back(rho, e),
        error=error,
    )


def inverse_iteration(
    A: Matrix,
    shift: complex,
    *,
    x0: Vector | None = None,
    tol: float = 1e-12,
    max_iter: int = 1_000,
) -> tuple[Any, Vector]:
    """The eigenpair whose eigenvalue is nearest the shift σ, by inverse iteration.

    xₖ₊₁ = (A − σI)⁻¹xₖ / ‖(A − σI)⁻¹xₖ‖₂: power iteration on (A − σI)⁻¹, whose eigenvalues
    are 1/(λᵢ − σ) — largest for the λ nearest σ, so convergence is fast when σ is close.
    A − σI is factorized once (LU with partial pivoting) and each step costs two triangular
    solves. λ is the Rayleigh quotient xᴴAx; stop when ‖Ax − λx‖₂ ≤ tol·‖A‖_F and the
    estimated error of λ is ≤ tol·|λ| (as in ``power_iteration``: near a non-normal A − σI
    a small residual alone would accept σ itself). A complex σ finds complex eigenpairs.

    >>> lam, v = inverse_iteration(Matrix([[4, 1], [2, 3]]), 1.5)   # λ = 2, v ∥ (−1, 2)
    >>> round(lam, 12), v.isclose(Vector([-1, 2]) / 5 ** 0.5)
    (2.0, True)

    Returns:
        (λ, v): λ a float (a complex for a complex σ or x0), v a unit Vector.
    Raises:
        TypeError: A not a Matrix, shift not a number, x0 not a Vector.  DimensionError: A is
        not square or x0 does not fit.  DomainError: NaN/inf, a complex A, x0 = 0, tol ≤ 0,
        max_iter < 1.  ConvergenceError: no convergence in max_iter steps (σ exactly halfway
        between two eigenvalues, say).
    """
    a, x, tol, max_iter, e, scale = _prepare(A, x0, tol, max_iter, "inverse_iteration")
    sigma = scale_back(_check_shift(shift), -e)
    if scale == 0:
        return 0.0, _vector(x)
    lu, perm = _shifted_lu(a, sigma, _EPS * scale)
    lam: Any = sigma
    error = math.inf
    settling = _Settling(8 * _EPS * scale)
    for _ in range(max_iter):
        x = _unit(lu_solve(lu, perm, x))
        lam = _real_if_possible(_dot(x, _matvec(a, x)))
        residual = _residual(a, lam, x) / scale
        error = max(residual, settling.relative_error(lam, tol))
        if error <= tol or residual == 0:
            return scale_back(lam, e), _vector(x)
    raise ConvergenceError(
        f"inverse_iteration did not converge in {max_iter} iterations (relative error "
        f"{error:.3g} > tol = {tol:g}); is the shift {shift!r} equally near two eigenvalues?",
        iterations=max_iter,
        estimate=scale_back(lam, e),
        error=error,
    )


def rayleigh_quotient_iteration(
    A: Matrix, x0: Vector, *, tol: float = 1e-12, max_iter: int = 100
) -> tuple[Any, Vector]:
    """An eigenpair by Rayleigh quotient iteration: inverse iteration with shift ρₖ = xₖᴴAxₖ.

    The shift improves as x does, so convergence is fast: cubic for a symmetric A
    (quadratic otherwise) — a handful of steps, each a fresh LU factorization. Which eigenpair
    it finds depends on x₀ (usually the one x₀ is closest to). Stops when
    ‖Ax − ρx‖₂ ≤ tol·‖A‖_F. A real x₀ keeps ρ real; start from a complex x₀ for complex pairs.

    >>> lam, v = rayleigh_quotient_iteration(Matrix([[2, 1], [1, 2]]), Vector([1, 0.8]))
    >>> round(lam, 12), v.isclose(Vector([2 ** -0.5, 2 ** -0.5]))
    (3.0, True)

    Returns:
        (λ, v): λ a float (complex for a complex x0), v a unit Vector.
    Raises:
        TypeError: A not a Matrix or x0 not a Vector.  DimensionError: A not square, or x0
        does not fit.  DomainError: NaN/inf, a complex A, x0 = 0, tol ≤ 0, max_iter < 1.
        ConvergenceError: no convergence in max_iter steps.
    """
    what = "rayleigh_quotient_iteration"
    a, x, tol, max_iter, e, scale = _prepare(A, x0, tol, max_iter, what)
    if scale == 0:
        return 0.0, _vector(x)
    rho: Any = _real_if_possible(_dot(x, _matvec(a, x)))
    error = _residual(a, rho, x) / scale
    for step in range(max_iter + 1):
        if error <= tol:
            return scale_back(rho, e), _vector(x)
        if step < max_iter:
            lu, perm = _shifted_lu(a, rho, _EPS * scale)
            x = _unit(lu_solve(lu, perm, x))
            rho = _real_if_possible(_dot(x, _matvec(a, x)))
            error = _residual(a, rho, x) / scale
    raise ConvergenceError(
        f"rayleigh_quotient_iteration did not converge in {max_iter} iterations (relative "
        f"residual {error:.3g} > tol = {tol:g})",
        iterations=max_iter,
        estimate=scale_back(rho, e),
        error=error,
    )


# ---------------------------------------------------------------------------------------
# All eigenvalues: balance, reduce to Hessenberg form, then Francis's double-shift QR.
# ---------------------------------------------------------------------------------------


def _balance(a: Table) -> None:
    """Balance A in place by a diagonal similarity D⁻¹AD, D of powers of two (Parlett–Reinsch).

    Rounding errors of the QR algorithm are of size ε‖A‖; making each row and column of
    similar norm makes ‖A‖ smaller without changing the eigenvalues (powers of two scale
    exactly), which helps badly scaled matrices such as companion matrices.
    """
    n = len(a)
    for _ in range(100):  # converges in a few sweeps; the bound is a guard
        changed = False
        for i in range(n):
            c = sum(abs(a[j][i]) for j in range(n) if j != i)
            r = sum(abs(a[i][j]) for j in range(n) if j != i)
            if c == 0 or r == 0 or not math.isfinite(c + r):
                continue
            total, f = c + r, 1.0
            for _ in range(2100):  # the float exponent range bounds both loops
                if c >= r / 2:
                    break
                f, c = f * 2, c * 4
            for _ in range(2100):
                if c < r * 2:
                    break
                f, c = f / 2, c / 4
            if (c + r) / f < 0.95 * total:
                changed = True
                a[i] = [x / f for x in a[i]]
                for row in a:
                    row[i] *= f
        if not changed:
            return


def _hessenberg(a: Table) -> None:
    """Reduce A in place to upper Hessenberg form H = QᵀAQ (aᵢⱼ = 0 for i > j + 1).

    Each step k is a Householder reflection that zeroes column k below the subdiagonal,
    applied from both sides (a similarity, so the eigenvalues are kept, and orthogonal, so
    rounding is not amplified). The QR algorithm then costs O(n²) a step instead of O(n³).
    """
    n = len(a)
    for k in range(n - 2):
        v, beta, alpha = householder([a[i][k] for i in range(k + 1, n)])
        if beta == 0:
            continue
        # from the left: rows k+1…n−1 ← rows − β·v·(vᵀ·rows)
        w = [0.0] * (n - k)
        for vi, i in zip(v, range(k + 1, n), strict=True):
            if vi:
                w = [s + vi * x for s, x in zip(w, a[i][k:], strict=True)]
        for vi, i in zip(v, range(k + 1, n), strict=True):
            if vi:
                f = beta * vi
                a[i][k:] = [x - f * s for x, s in zip(a[i][k:], w, strict=True)]
        # from the right: columns k+1…n−1 of every row
        for row in a:
            s = beta * sum(map(_MUL, v, row[k + 1 :]))
            if s:
                row[k + 1 :] = [x - s * vi for x, vi in zip(row[k + 1 :], v, strict=True)]
        a[k + 1][k] = alpha
        for i in range(k + 2, n):
            a[i][k] = 0.0


def _eigenvalues_2x2(a: float, b: float, c: float, d: float) -> tuple[Any, Any]:
    """The eigenvalues of [[a, b], [c, d]]: λ = (a+d)/2 ± √(((a−d)/2)² + bc).

    For a real pair the larger-magnitude root is formed without cancellation and the other
    from λ₁λ₂ = ad − bc (in the form d − bc/z); a negative discriminant gives a conjugate pair.
    """
    p = 0.5 * (a - d)
    bc = b * c
    disc = p * p + bc
    if disc >= 0:
        z = p + math.copysign(math.sqrt(disc), p)
        if z == 0:
            return d, d
        return d + z, d - bc / z
    mid, im = d + p, math.sqrt(-disc)
    return complex(mid, im), complex(mid, -im)


_QR_STEPS_PER_EIGENVALUE = 60  # as LAPACK: Francis QR needs about 2–4; this is a guard

# The smallest normal float, divided by ε: a subdiagonal entry below it is negligible
# whatever the diagonal (LAPACK's SMLNUM·(n/ulp) in spirit, for a matrix scaled to ‖A‖ ≈ 1).
_NEGLIGIBLE = sys.float_info.min / _EPS


def _negligible(h: Table, k: int) -> bool:
    """Whether the subdiagonal entry hₖ,ₖ₋₁ can be set to 0 without moving any eigenvalue
    by more than its own rounding error (the test of Ahues and Tisseur, as in LAPACK).

    The classic test |hₖ,ₖ₋₁| ≤ ε(|hₖ₋₁,ₖ₋₁| + |hₖₖ|) is necessary; it is also sufficient
    unless the 2×2 block around the entry is itself nearly singular or its diagonal nearly
    equal, so the product of the off-diagonal pair is then compared with the diagonal gap
    (the eigenvalues of [[a, b], [c, d]] move by about bc/(a − d) when c is dropped).
    """
    sub = abs(h[k][k - 1])
    if sub <= _NEGLIGIBLE:
        return True
    a, d = h[k - 1][k - 1], h[k][k]
    size = abs(a) + abs(d)
    if size == 0:  # look at the neighbours instead
        size = abs(h[k - 1][k - 2]) if k >= 2 else 0.0
        size += abs(h[k + 1][k]) if k + 1 < len(h) else 0.0
    if sub > _EPS * size:
        return False
    super_ = abs(h[k - 1][k])
    ab, ba = max(sub, super_), min(sub, super_)
    gap = abs(a - d)
    aa, bb = max(abs(d), gap), min(abs(d), gap)
    s = aa + ab
    negligible: bool = ba * (ab / s) <= max(_NEGLIGIBLE, _EPS * (bb * (aa / s)))
    return negligible


def _active_block(h: Table, hi: int) -> int:
    """The first row ``low`` of the unreduced block h[low..hi]: below the last negligible
    subdiagonal entry, which is set to 0 (deflation: the problem splits there)."""
    for k in range(hi, 0, -1):
        if _negligible(h, k):
            h[k][k - 1] = 0.0
            return k
    return 0


def _francis_shifts(h: Table, low: int, hi: int, steps: int) -> tuple[Any, Any]:
    """The two shifts of a Francis step on the block h[low..hi].

    Normally the eigenvalues of the trailing 2×2 block (Wilkinson's choice: they converge
    quadratically to the bottom eigenvalues); when both are real, the one nearer hₕᵢ,ₕᵢ
    twice, as LAPACK does. Every 10th step without deflation an "exceptional" pair, built
    from the size of the last subdiagonal entries, breaks the rare cycles of the standard
    shifts (alternately at the bottom and at the top of the block).
    """
    if steps % 10 == 0:
        if steps % 20 == 0:
            e = abs(h[hi][hi - 1]) + abs(h[hi - 1][hi - 2])
            x = h[hi][hi] + 0.75 * e
        else:
            e = abs(h[low + 1][low]) + abs(h[low + 2][low + 1])
            x = h[low][low] + 0.75 * e
        return _eigenvalues_2x2(x, -0.4375 * e, e, x)
    s1, s2 = _eigenvalues_2x2(h[hi - 1][hi - 1], h[hi - 1][hi], h[hi][hi - 1], h[hi][hi])
    if isinstance(s1, complex):
        return s1, s2
    nearer = s1 if abs(s1 - h[hi][hi]) <= abs(s2 - h[hi][hi]) else s2
    return nearer, nearer


def _first_column(h: Table, low: int, s1: Any, s2: Any) -> tuple[float, float, float]:
    """The direction of the first column of (H − s₁I)(H − s₂I), rows low..low+2.

    Formed from the differences hₗₗ − sᵢ rather than as H² − (s₁+s₂)H + s₁s₂I: for a matrix
    near c·I (a cluster of eigenvalues 1 ± 10⁻⁸) the expanded form is 1 − 2 + 1, all
    rounding, and the shifts would steer nothing. Divided by a scale so nothing overflows.
    """
    h00, h10, h01, h11 = h[low][low], h[low + 1][low], h[low][low + 1], h[low + 1][low + 1]
    if isinstance(s1, complex):  # a conjugate pair: (h00 − s₁)(h00 − s̄₁) = |h00 − s₁|²
        d = h00 - s1
        product = d.real * d.real + d.imag * d.imag
        total = (h00 - s1.real) + (h11 - s1.real)
    else:
        product = (h00 - s1) * (h00 - s2)
        total = (h00 - s1) + (h11 - s2)
    scale = abs(h00 - s2) + abs(h10) or 1.0
    h10s = h10 / scale
    return h10s * h01 + product / scale, h10s * total, h10s * h[low + 2][low + 1]


def _francis_step(h: Table, low: int, hi: int, s1: Any, s2: Any) -> None:
    """One implicit double-shift QR step on the block h[low..hi]: H ← QᵀHQ.

    By the implicit-Q theorem it suffices to apply a reflection mapping the first column of
    (H − s₁I)(H − s₂I) to e₁, then to chase the resulting "bulge" down the subdiagonal with
    3×3 reflections (and a last 2×2 one), restoring Hessenberg form.
    """
    x, y, z = _first_column(h, low, s1, s2)
    for k in range(low, hi - 1):
        if k > low:
            x, y, z = h[k][k - 1], h[k + 1][k - 1], h[k + 2][k - 1]
        (v0, v1, v2), beta, alpha = householder([x, y, z])
        if beta == 0:
            continue
        r0, r1, r2 = h[k], h[k + 1], h[k + 2]
        for j in range(max(low, k - 1), hi + 1):
            t = beta * (v0 * r0[j] + v1 * r1[j] + v2 * r2[j])
            r0[j] -= t * v0
            r1[j] -= t * v1
            r2[j] -= t * v2
        for i in range(low, min(k + 3, hi) + 1):
            row = h[i]
            t = beta * (row[k] * v0 + row[k + 1] * v1 + row[k + 2] * v2)
            row[k] -= t * v0
            row[k + 1] -= t * v1
            row[k + 2] -= t * v2
        if k > low:
            h[k][k - 1] = alpha
            h[k + 1][k - 1] = h[k + 2][k - 1] = 0.0
    (v0, v1), beta, alpha = householder([h[hi - 1][hi - 2], h[hi][hi - 2]])
    if beta != 0:
        r0, r1 = h[hi - 1], h[hi]
        for j in range(hi - 2, hi + 1):
            t = beta * (v0 * r0[j] + v1 * r1[j])
            r0[j] -= t * v0
            r1[j] -= t * v1
        for i in range(low, hi + 1):
            row = h[i]
            t = beta * (row[hi - 1] * v0 + row[hi] * v1)
            row[hi - 1] -= t * v0
            row[hi] -= t * v1
        h[hi - 1][hi - 2], h[hi][hi - 2] = alpha, 0.0


def _split_block(h: Table, low: int, hi: int) -> tuple[Any, ...]:
    """The eigenvalues of a block h[low..hi] of size 1 or 2 that deflation has split off:
    the entry itself, or the real or conjugate pair of the 2×2 block."""
    if low == hi:
        return (h[hi][hi],)
    return _eigenvalues_2x2(h[low][low], h[low][hi], h[hi][low], h[hi][hi])


def _francis_qr(h: Table) -> list[Any]:
    """All eigenvalues of the upper Hessenberg H (destroyed), by the Francis double-shift QR.

    A QR step H − sI = QR, H ← RQ + sI = QᵀHQ is a similarity that, with a shift s near an
    eigenvalue, drives the last subdiagonal entry to 0 quadratically. Francis performs two
    steps with the shifts s₁, s₂ (see ``_francis_shifts``) at once in real arithmetic
    (``_francis_step``). Whenever a subdiagonal entry becomes negligible (``_negligible``)
    the problem splits: a trailing 1×1 block is a real eigenvalue, a 2×2 block a real or
    conjugate pair. A block that does not deflate in 60 steps is a ConvergenceError.
    """
    n = len(h)
    values: list[Any] = []
    hi, steps, total = n - 1, 0, 0
    for _ in range(n * (_QR_STEPS_PER_EIGENVALUE + 1) + 1):
        if hi < 0:
            break
        low = _active_block(h, hi)
        if low >= hi - 1:  # deflation: a 1×1 or 2×2 block has split off
            values.extend(_split_block(h, low, hi))
            hi, steps = low - 1, 0
            continue
        if steps == _QR_STEPS_PER_EIGENVALUE:
            raise ConvergenceError(
                f"eigvals: the QR algorithm did not converge ({steps} steps without deflating "
                f"a {hi - low + 1}×{hi - low + 1} block)",
                iterations=total,
                estimate=values,
                error=abs(h[hi][hi - 1]),
            )
        steps, total = steps + 1, total + 1
        s1, s2 = _francis_shifts(h, low, hi, steps)
        _francis_step(h, low, hi, s1, s2)
    return values


def _sorted_eigenvalues(values: list[Any]) -> list[Any]:
    """Real parts descending, then imaginary parts descending (a pair: +i first)."""
    return sorted(values, key=lambda z: (-z.real, -z.imag if isinstance(z, complex) else 0.0))


def _eigvals_of_table(a: Table) -> list[Any]:
    # Balance first: scaling a badly scaled matrix to max|aᵢⱼ| ≈ 1 could flush its tiny
    # entries to zero, and they may matter (√(10²⁶⁵·10⁻⁷⁰) is an eigenvalue of
    # [[0, 10²⁶⁵], [10⁻⁷⁰, 0]]). Balancing evens out the entries, then the scaling is safe.
    # (A first, gentle scaling only keeps the row and column sums of balancing finite.)
    e0 = binary_exponent(a)
    e0 = e0 - 400 if e0 > 400 else (e0 + 400 if e0 < -400 else 0)
    scale_table(a, -e0)
    _balance(a)
    e = binary_exponent(a)
    scale_table(a, -e)
    e += e0
    if isinstance(a[0][0], complex):  # no conjugate pairs to keep: one complex shift a step
        complex_hessenberg(a)
        values = complex_qr_eigenvalues(a)
    else:
        _hessenberg(a)
        values = _francis_qr(a)
    return _sorted_eigenvalues([scale_back(x, e) for x in values])


def eigvals(A: Matrix) -> list[Any]:
    """All n eigenvalues of an n×n matrix, with multiplicity: the roots of det(λI − A).

    Algorithm (the one LAPACK's ``dgeev`` uses, in its classic form): scale by a power of
    two and balance; reduce to Hessenberg form by Householder reflections; run Francis's
    double-shift QR with deflation (see ``_francis_qr``). All in real arithmetic, so the
    complex eigenvalues appear as exact conjugate pairs. Backward stable: the computed
    values are the exact eigenvalues of a matrix within a small multiple of ε‖A‖ of A.

    The order is not part of the contract (sort them yourself); this implementation returns
    real parts descending, a conjugate pair with +i first. Real eigenvalues are ``float``,
    the others ``complex``.

    A complex matrix (some imaginary part ≠ 0) has no conjugate pairs to keep together: it
    is reduced to Hessenberg form by complex reflections and deflated by QR steps with one
    complex (Wilkinson) shift each, as LAPACK's ``zgeev`` does (``schur.py``); its
    eigenvalues are all ``complex``, in the same order.

    >>> eigvals(Matrix([[2, 0], [0, 3]]))
    [3.0, 2.0]
    >>> eigvals(Matrix([[0, -1], [1, 0]]))   # a quarter turn: e^{±iπ/2}
    [1j, -1j]
    >>> eigvals(Matrix([[1j, 1], [0, 2]]))   # triangular: the diagonal
    [(2+0j), 1j]

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN/inf entries.  ConvergenceError: the QR iteration failed to
        deflate (not known to happen on any test matrix).
    """
    table = _complex_table(A, "eigvals")
    if table is None:
        return _eigvals_of_table(_float_table(A, "eigvals"))
    e = _normalize(table)  # first, by the parts: |z| itself may overflow
    return [scale_back(z, e) for z in _eigvals_of_table(table)]


# ---------------------------------------------------------------------------------------
# Eigenvectors of a general matrix: inverse iteration on each computed eigenvalue.
# ---------------------------------------------------------------------------------------


def _eigenvector(a: Table, lam: Any, scale: float, seed: int, against: list[list[Any]]) -> Any:
    """A unit x with ‖Ax − λx‖ ≈ ε‖A‖, by a few steps of inverse iteration with shift λ.

    λ is accurate to rounding, so A − λI is (nearly) singular and one or two steps suffice.
    ``against`` holds eigenvectors already found for the same eigenvalue: projecting them out
    each step yields further, orthogonal vectors of a multi-dimensional eigenspace (for
    A = I, the basis e₁, …, eₙ up to rotation) instead of the same one n times.
    """
    n = len(a)
    lu, perm = _shifted_lu(a, lam, _EPS * scale)
    rng = random.Random(seed)
    x = _unit([rng.uniform(-1.0, 1.0) for _ in range(n)])
    best, best_residual = x, math.inf
    for step in range(6):
        y = lu_solve(lu, perm, x)
        for _ in range(2):  # Gram–Schmidt twice is enough (Kahan–Parlett)
            for q in against:
                c = _dot(q, y)
                y = [yi - c * qi for yi, qi in zip(y, q, strict=True)]
        norm = _norm(y)
        if norm == 0 or not math.isfinite(norm):
            break
        x = [c / norm for c in y]
        residual = _residual(a, lam, x)
        if residual < best_residual:
            best, best_residual = x, residual
        if step > 0 and residual <= 4 * n * _EPS * scale:
            break  # two steps at least: the second shrinks the other directions to O(ε²)
    return best, best_residual


def _trusted_eigenvector(
    a: Any, lam: Any, scale: float, j: int, same: list[Any], e: int
) -> list[Any]:
    """The eigenvector for λ by inverse iteration (orthogonal to ``same``, the vectors of
    equal eigenvalues found before), or ConvergenceError when its residual stays large."""
    n = len(a)
    x, residual = _eigenvector(a, lam, scale, j, same)
    if same and residual > 4 * n * _EPS * scale:
        # A defective eigenvalue: its eigenspace has no room for another direction.
        alone, alone_residual = _eigenvector(a, lam, scale, j, [])
        if alone_residual < residual:
            x, residual = alone, alone_residual
    if residual > math.sqrt(_EPS) * scale:
        raise ConvergenceError(
            f"eig: inverse iteration found no eigenvector for λ = "
            f"{scale_back(lam, e)!r} (relative residual {residual / scale:.3g})",
            iterations=6,
            estimate=scale_back(lam, e),
            error=residual / scale,
        )
    return list(x)


def eig(A: Matrix) -> tuple[list[Any], Matrix]:
    """The eigenvalues of a square matrix and unit eigenvectors: A·V = V·diag(λ).

    The eigenvalues come from ``eigvals`` (same order); the eigenvector for λⱼ, column j of
    V, from inverse iteration with the shift λⱼ (see ``_eigenvector``), normalized to
    ‖vⱼ‖₂ = 1 with its largest entry real and positive. A conjugate pair λ, λ̄ gets conjugate
    eigenvectors v, v̄; V is complex as soon as one eigenvalue is. For a defective matrix
    (fewer independent eigenvectors than n, like [[1, 1], [0, 1]]) V is singular, as it must be.
    A complex A (some imaginary part ≠ 0) gets its eigenvalues from the complex QR of
    ``eigvals`` and its eigenvectors by the same inverse iteration, in complex arithmetic.

    >>> values, V = eig(Matrix([[4, 1], [2, 3]]))
    >>> values
    [5.0, 2.0]
    >>> V.isclose(Matrix([[1, -1], [1, 2]]) @ Matrix.diagonal([2 ** -0.5, 5 ** -0.5]))
    True
    >>> values, V = eig(Matrix([[2, 1j], [0, 1]]))
    >>> values
    [(2+0j), (1+0j)]
    >>> V.isclose(Matrix([[1, 2**-0.5], [0, 1j * 2**-0.5]]), abs_tol=1e-15)  # e₁, (1, i)/√2
    True

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN/inf entries.  ConvergenceError: as for
        ``eigvals``, or an eigenvector whose residual stays above √ε·‖A‖.
    """
    complex_a = _complex_table(A, "eig")
    a = complex_a if complex_a is not None else _float_table(A, "eig")
    n = len(a)
    e = _normalize(a)
    values = _eigvals_of_table([row[:] for row in a])
    scale = _frobenius(a)
    vectors: list[list[Any]] = []
    found: dict[Any, list[Any]] = {}
    for j, lam in enumerate(values):
        if (
            complex_a is None
            and isinstance(lam, complex)
            and lam.imag < 0
            and lam.conjugate() in found
        ):
            vectors.append([c.conjugate() for c in found[lam.conjugate()]])
            continue
        if scale == 0:
            x: list[Any] = [1.0 if i == j else 0.0 for i in range(n)]
        else:
            same = [
                v for mu, v in zip(values, vectors, strict=False) if abs(mu - lam) <= 1e-10 * scale
            ]
            x = _trusted_eigenvector(a, lam, scale, j, same, e)
        x = list(_vector(x))
        found.setdefault(lam, x)
        vectors.append(x)
    if any(isinstance(lam, complex) for lam in values):
        vectors = [[complex(c) for c in v] for v in vectors]
    V = Matrix._trusted(tuple(zip(*vectors, strict=True)))
    return [scale_back(lam, e) for lam in values], V
