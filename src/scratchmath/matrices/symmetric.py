"""The symmetric eigenproblem: A = QΛQᵀ by cyclic Jacobi rotations (layer 2).

==========  ===========================================================================
``eigh``    symmetric A = QΛQᵀ: ascending real eigenvalues, orthogonal Q (cyclic Jacobi)
==========  ===========================================================================

The spectral theorem: a real symmetric matrix has real eigenvalues and an orthonormal basis
of eigenvectors. Here it is computed by rotating A, one plane at a time, until it is diagonal.

>>> from scratchmath.matrices import Matrix
>>> values, Q = eigh(Matrix([[2, 1], [1, 2]]))
>>> values
[1.0, 3.0]
"""

from __future__ import annotations

import math
import sys
from typing import Any

from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.matrices.core import Matrix, check_matrix, real_table, require_square
from scratchmath.matrices.kernels import (
    binary_exponent,
    jacobi_tangent,
    rotate_pair,
    scale_table,
    sign_fixed,
)
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import saturating_ldexp

__all__ = ["eigh"]

_EPS = sys.float_info.epsilon
Table = list[list[float]]


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
            a[i][j] = a[j][i] = 0.5 * (a[i][j] + a[j][i])
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


def eigh(A: Matrix) -> tuple[list[float], Matrix[float]]:
    """The spectral decomposition A = QΛQᵀ of a real symmetric A: ascending λ, orthogonal Q.

    **Spectral theorem.** A real symmetric matrix has n real eigenvalues and an orthonormal
    basis of eigenvectors; Q holds them as columns, so QᵀQ = I and AQ = QΛ.

    Algorithm: cyclic Jacobi. Each rotation in the (p, q) plane zeroes aₚq (and aqp); sweeping
    over all pairs repeatedly drives the off-diagonal part to 0, quadratically once it is
    small. Chosen over tridiagonal QR (faster for large n) because it is short and
    transparent, and because it is as accurate as any method known: Q is a product of plane
    rotations, orthogonal to rounding whatever the eigenvalue gaps (close pairs as in
    Wilkinson's W₂₁⁺, exactly repeated ones), and for a positive definite A = DHD with D
    diagonal and H well-conditioned (a graded matrix) even the tiny eigenvalues come out with
    high *relative* accuracy (Demmel & Veselić, 1992). The columns' signs are fixed so that
    each column's largest entry is positive.

    Symmetry test: exact matrices must be exactly symmetric; float ones within
    |aᵢⱼ − aⱼᵢ| ≤ 10⁻¹⁰·max|aₖₗ|, and are then symmetrized.

    >>> values, Q = eigh(Matrix([[2, 0], [0, 1]]))
    >>> values, Q
    ([1.0, 2.0], Matrix([[0.0, 1.0], [1.0, 0.0]]))

    Returns:
        (values, Q): the eigenvalues ascending (floats) and an orthogonal float Matrix.
    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: A is not symmetric, has NaN/inf entries, or is complex.
        ConvergenceError: Jacobi did not converge in 60 sweeps (not known to happen).
    """
    a = _symmetric_table(A, "eigh")
    n = len(a)
    e = binary_exponent(a)
    scale_table(a, -e)
    diagonal, vt = _jacobi(a)
    order = sorted(range(n), key=lambda i: diagonal[i])
    values = [saturating_ldexp(diagonal[i], e) for i in order]
    columns = [sign_fixed(vt[i])[0] for i in order]
    return values, Matrix._trusted(tuple(zip(*columns, strict=True)))
