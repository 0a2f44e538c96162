"""The engine of the SVD: one-sided Jacobi on a table of floats (no Matrix in sight).

=========================  ==============================================================
``hestenes``               rotate pairs of columns until they are orthogonal; returns Vᵀ
``SVDTable``               the decomposition, singular values kept scaled by 2⁻ᵉ
``svd_table``              U, σ, V of a real table (one-sided Jacobi on the taller side)
``complex_hestenes``       ``hestenes`` for complex columns: a phase, then the rotation
``complex_svd_table``      U, σ, V of a complex table: A = UΣVᴴ, U and V unitary
``scaled_singular_values`` σ·2⁻ᵉ and e for a real or complex table
``exact_rank``             the rank of a table of ints and Fractions, exactly
=========================  ==============================================================

``svd.py`` builds the public SVD, pseudo-inverse and PCA on these; ``elimination.py`` counts
a float matrix's rank with them, and ``core.py`` takes the 2-norm and the nuclear norm — so
this module sits below all three and imports only the kernels and exact elimination.

>>> table = svd_table([[3.0, 0.0], [0.0, -2.0]])
>>> table.sigma, table.v_columns
([3.0, 2.0], [[1.0, 0.0], [0.0, 1.0]])
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from typing import Any, NamedTuple

from scratchmath.errors import ConvergenceError
from scratchmath.matrices.fraction_free import gauss_jordan, integer_rows, rank_modulo_prime
from scratchmath.matrices.kernels import (
    binary_exponent,
    complex_binary_exponent,
    jacobi_tangent,
    orthonormal_completion,
    rotate_complex_pair,
    rotate_pair,
    sign_fixed,
    unitary_completion,
)
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1
from scratchmath.scalars import saturating_ldexp

__all__ = [
    "SVDTable",
    "complex_hestenes",
    "complex_svd_table",
    "exact_rank",
    "hestenes",
    "scaled_singular_values",
    "svd_table",
]

_MUL = operator.mul
_JACOBI_MAX_SWEEPS = 60  # one-sided Jacobi converges quadratically: about 6–12 sweeps
NEGLIGIBLE = 2.0**-1000
"""A squared column norm below this is treated as zero (the table is scaled to max ≈ 1)."""

Table = list[list[float]]
ComplexTable = list[list[complex]]


def hestenes(columns: Table) -> Table:
    """Orthogonalize the columns (destroyed) by plane rotations; return the rows of Vᵀ.

    For columns aᵢ, aⱼ with α = ‖aᵢ‖², β = ‖aⱼ‖², γ = aᵢ·aⱼ, the rotation by t = tan φ,
    t² + 2ζt − 1 = 0, ζ = (β − α)/(2γ), makes them orthogonal: it is the Jacobi rotation of
    the symmetric AᵀA, applied without ever forming AᵀA (which would square the condition
    number). After convergence AV = W has orthogonal columns wᵢ = σᵢuᵢ, so σᵢ = ‖wᵢ‖.
    A pair counts as orthogonal when |γ| ≤ m·ε·√(αβ), about the rounding error of γ itself.
    A column of norm below 2⁻⁵⁰⁰ (the caller scales the largest entry to about 1) is
    negligible — far below ε·σ₁ — and is left alone: its α would underflow, and rotating
    subnormal noise would never settle.

    >>> columns = [[1.0, 1.0], [1.0, -1.0]]   # already orthogonal: V = I
    >>> hestenes(columns)
    [[1.0, 0.0], [0.0, 1.0]]
    """
    n = len(columns)
    vt = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    threshold = len(columns[0]) * _EPS
    for _ in range(_JACOBI_MAX_SWEEPS):
        rotated = False
        for i in range(n - 1):
            for j in range(i + 1, n):
                ai, aj = columns[i], columns[j]
                gamma = sum(map(_MUL, ai, aj))
                if gamma == 0:
                    continue
                alpha, beta = sum(map(_MUL, ai, ai)), sum(map(_MUL, aj, aj))
                if alpha < NEGLIGIBLE or beta < NEGLIGIBLE:
                    continue
                if abs(gamma) <= threshold * math.sqrt(alpha) * math.sqrt(beta):
                    continue
                rotated = True
                t = jacobi_tangent(alpha, beta, gamma)
                c = 1.0 / math.sqrt(t * t + 1)
                columns[i], columns[j] = rotate_pair(ai, aj, c, t * c)
                vt[i], vt[j] = rotate_pair(vt[i], vt[j], c, t * c)
        if not rotated:
            return vt
    raise ConvergenceError(
        f"svd: one-sided Jacobi did not converge in {_JACOBI_MAX_SWEEPS} sweeps",
        iterations=_JACOBI_MAX_SWEEPS,
        estimate=sorted((math.hypot(*a) for a in columns), reverse=True),
    )


class SVDTable(NamedTuple):
    """The SVD of a table, with the singular values kept scaled by 2⁻ᵉ.

    Every algorithm here first scales A by a power of two so that its largest entry is in
    [½, 1) ([¼, 1) for a complex A, measured by its parts) — exact, and far from overflow
    and underflow — and works on the scaled numbers: the one scaling policy of the SVD.
    ``sigma`` and ``squares`` undo the scaling, saturating to inf where σ₁ itself is beyond
    the float range; ratios such as σ₁/σₖ are taken from the scaled values, which never
    overflow.
    """

    u_columns: list[list[Any]]  # the columns of U (floats, or complex numbers)
    scaled_sigma: list[float]  # σᵢ·2⁻ᵉ, descending
    v_columns: list[list[Any]]  # the columns of V (floats, or complex numbers)
    scaled_squares: list[float]  # σᵢ²·2⁻²ᵉ, summed from squares (for PCA's variances)
    exponent: int  # e

    @property
    def sigma(self) -> list[float]:
        """σ₁ ≥ … ≥ σₖ, saturating to inf beyond the float range."""
        return [saturating_ldexp(x, self.exponent) for x in self.scaled_sigma]

    @property
    def squares(self) -> list[float]:
        """σᵢ², from the squares of the entries rather than from the rounded σᵢ."""
        return [saturating_ldexp(x, 2 * self.exponent) for x in self.scaled_squares]


def svd_table(a: Sequence[Sequence[float]], exact_rank: int | None = None) -> SVDTable:
    """The SVD of a real table, by one-sided Jacobi on the taller of A and Aᵀ.

    Steps: transpose a wide table (A = UΣVᵀ ⇔ Aᵀ = VΣUᵀ); scale by 2⁻ᵉ; rotate the
    columns orthogonal (``hestenes``); read σᵢ = ‖wᵢ‖ in descending order; uᵢ = wᵢ/σᵢ,
    completed to an orthonormal set where σᵢ is 0; fix the signs (vᵢ's largest entry
    positive). ``exact_rank`` (known for an exact matrix) sets the singular values beyond
    it to exactly 0.
    """
    transposed = len(a) < len(a[0])
    rows = [list(col) for col in zip(*a, strict=True)] if transposed else a
    m, n = len(rows), len(rows[0])
    e = binary_exponent(rows)
    columns = [[math.ldexp(x, -e) for x in col] for col in zip(*rows, strict=True)]
    vt = hestenes(columns)
    norms = [math.hypot(*col) for col in columns]
    order = sorted(range(n), key=lambda i: -norms[i])
    rank = n if exact_rank is None else exact_rank
    sigma = [norms[i] if r < rank else 0.0 for r, i in enumerate(order)]
    squares = [
        math.fsum(x * x for x in columns[i]) if r < rank else 0.0 for r, i in enumerate(order)
    ]
    # uᵢ = wᵢ/σᵢ, except for σᵢ = 0 or negligible (see hestenes): those are completed.
    kept = [i for r, i in enumerate(order) if r < rank and norms[i] * norms[i] >= NEGLIGIBLE]
    u_cols = orthonormal_completion([[x / norms[i] for x in columns[i]] for i in kept], m, n)
    v_cols = [vt[i] for i in order]
    if transposed:
        u_cols, v_cols = v_cols, u_cols
    _fix_signs(u_cols, v_cols)
    return SVDTable(u_cols, sigma, v_cols, squares, e)


def _fix_signs(u_cols: Table, v_cols: Table) -> None:
    """Make each vᵢ's largest entry positive, flipping the pair (uᵢ, vᵢ) → (−uᵢ, −vᵢ),
    which leaves UΣVᵀ unchanged (the sign rule of ``kernels.sign_fixed``)."""
    for r, v in enumerate(v_cols[: len(u_cols)]):
        fixed, sign = sign_fixed(v)
        if sign < 0:
            v_cols[r] = fixed
            u_cols[r] = [-x for x in u_cols[r]]


def complex_hestenes(columns: ComplexTable) -> ComplexTable:
    """``hestenes`` for complex columns (destroyed): rotate them orthogonal, return V's columns.

    For aᵢ, aⱼ with γ = aᵢᴴaⱼ = r·w (r = |γ|, |w| = 1), multiplying aⱼ by w̄ makes their
    inner product the real r; the real rotation of ``hestenes`` with α = ‖aᵢ‖², β = ‖aⱼ‖²
    and r then makes them orthogonal. V collects the same phases and rotations, so AV = W
    with orthogonal columns wᵢ = σᵢuᵢ, and A = UΣVᴴ. This is the Jacobi method of the
    Hermitian AᴴA without forming it (which would square the condition number).

    >>> complex_hestenes([[1j, 0j], [0j, 2j]])   # already orthogonal: V = I
    [[(1+0j), 0j], [0j, (1+0j)]]
    """
    n = len(columns)
    v: ComplexTable = [[1.0 + 0j if i == j else 0j for j in range(n)] for i in range(n)]
    threshold = len(columns[0]) * _EPS
    conj = complex.conjugate
    for _ in range(_JACOBI_MAX_SWEEPS):
        rotated = False
        for i in range(n - 1):
            for j in range(i + 1, n):
                ai, aj = columns[i], columns[j]
                gamma = sum(map(_MUL, map(conj, ai), aj))
                if gamma == 0:
                    continue
                alpha = sum(z.real * z.real + z.imag * z.imag for z in ai)
                beta = sum(z.real * z.real + z.imag * z.imag for z in aj)
                if alpha < NEGLIGIBLE or beta < NEGLIGIBLE:
                    continue
                r = abs(gamma)
                if r <= threshold * math.sqrt(alpha) * math.sqrt(beta):
                    continue
                rotated = True
                w_bar = (gamma / r).conjugate()
                t = jacobi_tangent(alpha, beta, r)
                c = 1.0 / math.sqrt(t * t + 1)
                columns[i], columns[j] = rotate_complex_pair(ai, [w_bar * z for z in aj], c, t * c)
                v[i], v[j] = rotate_complex_pair(v[i], [w_bar * z for z in v[j]], c, t * c)
        if not rotated:
            return v
    raise ConvergenceError(
        f"svd: one-sided Jacobi did not converge in {_JACOBI_MAX_SWEEPS} sweeps",
        iterations=_JACOBI_MAX_SWEEPS,
        estimate=sorted((math.hypot(*map(abs, a)) for a in columns), reverse=True),
    )


def complex_svd_table(a: Sequence[Sequence[complex]]) -> SVDTable:
    """The SVD A = UΣVᴴ of a complex table: ``svd_table``'s steps with ``complex_hestenes``.

    A wide table is replaced by its conjugate transpose (A = UΣVᴴ ⇔ Aᴴ = VΣUᴴ). Phases:
    each vᵢ's largest entry is made real and positive, and uᵢ takes the same phase, which
    leaves uᵢσᵢvᵢᴴ unchanged.

    >>> table = complex_svd_table([[2j, 0j], [0j, -1 + 0j]])
    >>> table.sigma, table.u_columns
    ([2.0, 1.0], [[1j, 0j], [0j, (-1+0j)]])
    """
    transposed = len(a) < len(a[0])
    rows = [[z.conjugate() for z in col] for col in zip(*a, strict=True)] if transposed else a
    m, n = len(rows), len(rows[0])
    e = complex_binary_exponent(rows)
    columns = [
        [complex(math.ldexp(z.real, -e), math.ldexp(z.imag, -e)) for z in col]
        for col in zip(*rows, strict=True)
    ]
    v = complex_hestenes(columns)
    squares_of = [math.fsum(z.real * z.real + z.imag * z.imag for z in col) for col in columns]
    norms = [math.hypot(*map(abs, col)) for col in columns]
    order = sorted(range(n), key=lambda i: -norms[i])
    sigma = [norms[i] for i in order]
    squares = [squares_of[i] for i in order]
    kept = [i for i in order if norms[i] * norms[i] >= NEGLIGIBLE]
    u_cols = unitary_completion([[z / norms[i] for z in columns[i]] for i in kept], m, n)
    v_cols = [v[i] for i in order]
    if transposed:
        u_cols, v_cols = v_cols, u_cols
    for r, vr in enumerate(v_cols[: len(u_cols)]):
        v_cols[r], phase = sign_fixed(vr)
        u_cols[r] = [z / phase for z in u_cols[r]]
    return SVDTable(u_cols, sigma, v_cols, squares, e)


def scaled_singular_values(rows: Sequence[Sequence[Any]]) -> tuple[list[float], int]:
    """(σ₁·2⁻ᵉ, …, σₖ·2⁻ᵉ) and e for a table of floats or of complex numbers.

    >>> scaled_singular_values([[1j]])
    ([0.25], 2)
    """
    if isinstance(rows[0][0], complex):
        decomposition = complex_svd_table(rows)
        return decomposition.scaled_sigma, decomposition.exponent
    table = svd_table(rows)
    return table.scaled_sigma, table.exponent


def exact_rank(rows: Sequence[Sequence[Any]]) -> int:
    """The rank of a table of ints and Fractions, exactly.

    Each row is cleared of denominators (which changes no rank); a cheap elimination modulo
    a large prime gives a lower bound, which is the rank when it is already min(m, n);
    otherwise fraction-free Gauss–Jordan counts the pivots.

    >>> exact_rank([[1, 2], [2, 4]]), exact_rank([[1, 0], [0, 1]])
    (1, 2)
    """
    table = integer_rows(rows)[0]
    lower_bound = rank_modulo_prime(table)
    if lower_bound == min(len(rows), len(rows[0])):
        return lower_bound
    return len(gauss_jordan(table, len(rows[0]))[2])
