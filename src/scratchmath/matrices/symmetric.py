"""The symmetric (and Hermitian) eigenproblem: A = QΛQᴴ by cyclic Jacobi rotations (layer 2).

==========  ===========================================================================
``eigh``    Hermitian A = QΛQᴴ: ascending real eigenvalues, unitary Q (cyclic Jacobi);
            for a real symmetric A, Q is real orthogonal and A = QΛQᵀ
==========  ===========================================================================

The spectral theorem: a real symmetric matrix, and more generally a complex Hermitian one
(A = Aᴴ, the conjugate transpose), has real eigenvalues and an orthonormal basis of
eigenvectors. Here it is computed by rotating A, one plane at a time, until it is diagonal.

>>> from scratchmath.matrices import Matrix
>>> values, Q = eigh(Matrix([[2, 1], [1, 2]]))
>>> values
[1.0, 3.0]
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from typing import Any, overload

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.matrices.core import (
    Matrix,
    check_matrix,
    complex_rows,
    real_table,
    require_square,
)
from scratchmath.matrices.kernels import (
    binary_exponent,
    complex_binary_exponent,
    jacobi_tangent,
    rotate_complex_pair,
    rotate_pair,
    scale_table,
    sign_fixed,
)
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import magnitude, saturating_ldexp

__all__ = ["eigh"]

Table = list[list[float]]
ComplexTable = list[list[complex]]


# ---------------------------------------------------------------------------------------
# The symmetric eigenproblem: cyclic Jacobi.
# ---------------------------------------------------------------------------------------

_SYMMETRY_TOL = 1e-10
_JACOBI_MAX_SWEEPS = 60  # quadratic convergence needs about 5–10 sweeps for n ≤ 100


def _symmetric_table(A: object, what: str) -> Table:
    """A symmetric real matrix as floats, exactly symmetrized; DomainError if not symmetric.

    Exact matrices must be exactly symmetric; float matrices within |aᵢⱼ − aⱼᵢ| ≤ 10⁻¹⁰·max|aₖₗ|
    (rounding in a product such as QΛQᵀ breaks exact symmetry). The average ½(aᵢⱼ + aⱼᵢ) is used.
    """
    A = check_matrix(A)
    require_square(A, what)
    a = real_table(A, what)
    n = len(a)
    exact = A._kind == _EXACT
    bound = _SYMMETRY_TOL * max(abs(x) for row in a for x in row)
    rows: Any = A._rows
    for i in range(n):
        for j in range(i + 1, n):
            if (rows[i][j] != rows[j][i]) if exact else abs(a[i][j] - a[j][i]) > bound:
                raise DomainError(
                    f"{what} needs a symmetric matrix: a[{i}, {j}] = {rows[i][j]!r} but "
                    f"a[{j}, {i}] = {rows[j][i]!r}"
                )
            if a[i][j] != a[j][i]:  # halves first: the sum of two entries near 1e308 overflows
                a[i][j] = a[j][i] = 0.5 * a[i][j] + 0.5 * a[j][i]
    return a


def _jacobi(a: Table) -> tuple[list[float], Table]:
    """Diagonalize the symmetric A (destroyed) by cyclic Jacobi: A = VΛVᵀ. Returns the
    diagonal Λ and the rows of Vᵀ (each row an eigenvector)."""
    n = len(a)
    vt = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    tiny = sys.float_info.min / _EPS
    for _ in range(_JACOBI_MAX_SWEEPS):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                apq = a[p][q]
                if apq == 0:
                    continue
                app, aqq = a[p][p], a[q][q]
                # Negligible relative to the diagonal (Demmel–Veselić): skipping such an entry
                # perturbs each eigenvalue by a tiny *relative* amount.
                if abs(apq) <= _EPS * math.sqrt(abs(app)) * math.sqrt(abs(aqq)) or abs(apq) < tiny:
                    a[p][q] = a[q][p] = 0.0
                    continue
                rotated = True
                t = jacobi_tangent(app, aqq, apq)
                c = 1.0 / math.sqrt(t * t + 1)
                s = t * c
                new_p, new_q = rotate_pair(a[p], a[q], c, s)
                new_p[p], new_q[q] = app - t * apq, aqq + t * apq
                new_p[q] = new_q[p] = 0.0
                a[p], a[q] = new_p, new_q
                for k, row in enumerate(a):  # the columns p and q, by symmetry
                    row[p], row[q] = new_p[k], new_q[k]
                vt[p], vt[q] = rotate_pair(vt[p], vt[q], c, s)
        if not rotated:
            return [a[i][i] for i in range(n)], vt
    off = math.hypot(*(a[i][j] for i in range(n) for j in range(n) if i != j))
    raise ConvergenceError(
        f"eigh: Jacobi did not converge in {_JACOBI_MAX_SWEEPS} sweeps",
        iterations=_JACOBI_MAX_SWEEPS,
        estimate=sorted(a[i][i] for i in range(n)),
        error=off,
    )


# ---------------------------------------------------------------------------------------
# The Hermitian eigenproblem: complex Jacobi, a phase and then a real rotation.
# ---------------------------------------------------------------------------------------


def _hermitian_table(A: Matrix, what: str) -> ComplexTable | None:
    """A complex Hermitian matrix as a table, exactly Hermitian; None if A is real.

    A complex Matrix whose entries are all real (Matrix([[1 + 0j]])) counts as real and
    takes the real path (None). Hermitian within |aᵢⱼ − conj(aⱼᵢ)| ≤ 10⁻¹⁰·max|aₖₗ|, the
    diagonal's imaginary parts included; the average ½(aᵢⱼ + conj(aⱼᵢ)) is used.
    """
    require_square(A, what)
    rows = complex_rows(A, what)
    if rows is None:
        return None
    n = len(rows)
    # max(|Re|, |Im|) rather than |z|: abs(1e308 + 1e308j) overflows (within √2 of max|z|)
    bound = _SYMMETRY_TOL * max(max(abs(z.real), abs(z.imag)) for row in rows for z in row)
    a: ComplexTable = [list(row) for row in rows]
    for i in range(n):
        for j in range(i, n):
            if magnitude(rows[i][j] - rows[j][i].conjugate()) > bound:
                broken = (
                    f"a[{i}, {i}] = {rows[i][i]!r} is not real"
                    if i == j
                    else f"a[{i}, {j}] = {rows[i][j]!r} but a[{j}, {i}] = {rows[j][i]!r}, "
                    f"not its conjugate"
                )
                raise DomainError(f"{what} needs a Hermitian matrix: {broken}")
            if rows[i][j] != rows[j][i].conjugate():  # halves first: no overflow near 1e308
                a[i][j] = 0.5 * rows[i][j] + 0.5 * rows[j][i].conjugate()
            a[j][i] = a[i][j].conjugate()
        a[i][i] = complex(a[i][i].real, 0.0)
    return a


def _hermitian_jacobi(a: ComplexTable) -> tuple[list[float], ComplexTable]:
    """Diagonalize the Hermitian A (destroyed) by complex Jacobi: A = VΛVᴴ. Returns the
    real diagonal Λ and the columns of V (each an eigenvector).

    Why this method: it is the real cyclic Jacobi method of ``_jacobi`` with one extra
    step, so it keeps all of that method's accuracy (V unitary to rounding, high relative
    accuracy for graded positive definite A) at about four times the real work — not the
    eight times of the real symmetric embedding [[Re A, −Im A], [Im A, Re A]], which would
    also double every eigenvalue and leave a choice of vectors inside each pair. The extra
    step: write aₚq = r·w with r = |aₚq| and |w| = 1; the unitary diagonal similarity
    D = diag(1, …, w̄ (at q), …, 1) turns the 2×2 block [[aₚₚ, aₚq], [āₚq, aqq]] into the
    real symmetric [[aₚₚ, r], [r, aqq]], and a real rotation R zeroes it. So A ← (DR)ᴴA(DR)
    and V ← VDR; the rows p and q are computed, the columns follow as their conjugates.
    """
    n = len(a)
    v: ComplexTable = [[1.0 + 0j if i == j else 0j for j in range(n)] for i in range(n)]
    tiny = sys.float_info.min / _EPS
    for _ in range(_JACOBI_MAX_SWEEPS):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                apq = a[p][q]
                r = abs(apq)
                if r == 0:
                    continue
                app, aqq = a[p][p].real, a[q][q].real
                if r <= _EPS * math.sqrt(abs(app)) * math.sqrt(abs(aqq)) or r < tiny:
                    a[p][q] = a[q][p] = 0j  # negligible, as in _jacobi
                    continue
                rotated = True
                w = apq / r
                t = jacobi_tangent(app, aqq, r)
                c = 1.0 / math.sqrt(t * t + 1)
                s = t * c
                new_p, new_q = rotate_complex_pair(a[p], [w * z for z in a[q]], c, s)
                new_p[p], new_q[q] = complex(app - t * r, 0.0), complex(aqq + t * r, 0.0)
                new_p[q] = new_q[p] = 0j
                a[p], a[q] = new_p, new_q
                for k, row in enumerate(a):  # the columns p and q: conjugates of the rows
                    row[p], row[q] = new_p[k].conjugate(), new_q[k].conjugate()
                v[p], v[q] = rotate_complex_pair(v[p], [w.conjugate() * z for z in v[q]], c, s)
        if not rotated:
            return [a[i][i].real for i in range(n)], v
    off = math.hypot(*(abs(a[i][j]) for i in range(n) for j in range(n) if i != j))
    raise ConvergenceError(
        f"eigh: Jacobi did not converge in {_JACOBI_MAX_SWEEPS} sweeps",
        iterations=_JACOBI_MAX_SWEEPS,
        estimate=sorted(a[i][i].real for i in range(n)),
        error=off,
    )


@overload
def eigh(
    A: Matrix[int] | Matrix[float] | Matrix[Fraction],
) -> tuple[list[float], Matrix[float]]: ...
@overload
def eigh(A: Matrix[complex]) -> tuple[list[float], Matrix[complex]]: ...
@overload
def eigh(A: Matrix) -> tuple[list[float], Matrix]: ...
def eigh(A: Matrix) -> tuple[list[float], Matrix]:
    """The spectral decomposition A = QΛQᴴ of a Hermitian A: ascending real λ, unitary Q.

    **Spectral theorem.** A Hermitian matrix (A = Aᴴ: aᵢⱼ = conj(aⱼᵢ), so its diagonal is
    real) has n real eigenvalues and an orthonormal basis of eigenvectors; Q holds them as
    columns, so QᴴQ = I and AQ = QΛ. A real symmetric matrix is the real case: Q is then
    real orthogonal and A = QΛQᵀ.

    Algorithm: cyclic Jacobi. Each rotation in the (p, q) plane zeroes aₚq (and aqp); sweeping
    over all pairs repeatedly drives the off-diagonal part to 0, quadratically once it is
    small. Chosen over tridiagonal QR (faster for large n) because it is short and
    transparent, and because it is as accurate as any method known: Q is a product of plane
    rotations, orthogonal to rounding whatever the eigenvalue gaps (close pairs as in
    Wilkinson's W₂₁⁺, exactly repeated ones), and for a positive definite A = DHD with D
    diagonal and H well-conditioned (a graded matrix) even the tiny eigenvalues come out with
    high *relative* accuracy (Demmel & Veselić, 1992). A complex A gets the same rotations,
    each preceded by a diagonal phase that makes aₚq real (see ``_hermitian_jacobi``).

    Eigenvector convention: each column's largest entry (by modulus; the first of near
    ties) is made real and positive — for a real A simply positive, so a real matrix gets
    the real Q it always had, and a complex matrix whose entries all have zero imaginary
    part is treated as real.

    Symmetry test: exact matrices must be exactly symmetric; float ones within
    |aᵢⱼ − aⱼᵢ| ≤ 10⁻¹⁰·max|aₖₗ| (complex: |aᵢⱼ − conj(aⱼᵢ)|, and |Im aᵢᵢ| likewise),
    and are then symmetrized.

    >>> values, Q = eigh(Matrix([[2, 0], [0, 1]]))
    >>> values, Q
    ([1.0, 2.0], Matrix([[0.0, 1.0], [1.0, 0.0]]))
    >>> values, Q = eigh(Matrix([[2, 1j], [-1j, 2]]))   # Hermitian: real eigenvalues
    >>> [round(x, 12) for x in values]
    [1.0, 3.0]
    >>> Q.isclose(Matrix([[1, 1], [1j, -1j]]) / 2 ** 0.5)
    True

    Returns:
        (values, Q): the eigenvalues ascending (floats) and an orthogonal float Matrix, or
        a unitary complex one for a complex A.
    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: A is not symmetric (complex: not Hermitian), or has NaN/inf entries.
        ConvergenceError: Jacobi did not converge in 60 sweeps (not known to happen).
    """
    hermitian = _hermitian_table(check_matrix(A), "eigh")
    if hermitian is not None:
        return _complex_eigh(hermitian)
    a = _symmetric_table(A, "eigh")
    e = binary_exponent(a)
    scale_table(a, -e)
    diagonal, vt = _jacobi(a)
    return _ascending(diagonal, vt, e)


def _complex_eigh(a: ComplexTable) -> tuple[list[float], Matrix]:
    """``eigh`` of a Hermitian table: scaled to max|aᵢⱼ| in [¼, 1) by its parts, then Jacobi."""
    e = complex_binary_exponent(a)
    scale_table(a, -e)
    diagonal, v = _hermitian_jacobi(a)
    return _ascending(diagonal, v, e)


def _ascending(diagonal: list[float], vectors: Any, e: int) -> tuple[list[float], Matrix]:
    """Jacobi's result as ``eigh`` returns it: the eigenvalues ascending, scaled back by 2ᵉ,
    and the eigenvectors (rows of ``vectors``) as the columns of Q, each with the sign rule."""
    order = sorted(range(len(diagonal)), key=lambda i: diagonal[i])
    values = [saturating_ldexp(diagonal[i], e) for i in order]
    columns = [sign_fixed(vectors[i])[0] for i in order]
    return values, Matrix._trusted(tuple(zip(*columns, strict=True)))
