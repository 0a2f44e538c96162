"""The engine of the SVD: one-sided Jacobi on a table of floats (no Matrix in sight).

=========================  ==============================================================
``hestenes``               rotate pairs of columns until they are orthogonal; returns Vᵀ
``SVDTable``               the decomposition, singular values kept scaled by 2⁻ᵉ
``svd_table``              U, σ, V of a real table (one-sided Jacobi on the taller side)
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
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

from scratchmath.errors import ConvergenceError
from scratchmath.matrices.fraction_free import gauss_jordan, integer_rows, rank_modulo_prime
from scratchmath.matrices.kernels import (
    binary_exponent,
    jacobi_tangent,
    orthonormal_completion,
    rotate_pair,
    sign_fixed,
)
from scratchmath.scalars import saturating_ldexp

__all__ = ["SVDTable", "exact_rank", "hestenes", "scaled_singular_values", "svd_table"]

_EPS = sys.float_info.epsilon
_MUL = operator.mul
_JACOBI_MAX_SWEEPS = 60  # one-sided Jacobi converges quadratically: about 6–12 sweeps
NEGLIGIBLE = 2.0**-1000
"""A squared column norm below this is treated as zero (the table is scaled to max ≈ 1)."""

Table = list[list[float]]


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
    [½, 1) — exact, and far from overflow and underflow — and works on the scaled numbers:
    the one scaling policy of the SVD. ``sigma`` and ``squares`` undo the scaling,
    saturating to inf where σ₁ itself is beyond the float range; ratios such as σ₁/σₖ are
    taken from the scaled values, which never overflow.
    """

    u_columns: Table  # the columns of U
    scaled_sigma: list[float]  # σᵢ·2⁻ᵉ, descending
    v_columns: Table  # the columns of V
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


def scaled_singular_values(rows: Sequence[Sequence[Any]]) -> tuple[list[float], int]:
    """(σ₁·2⁻ᵉ, …, σₖ·2⁻ᵉ) and e for a table of floats or of complex numbers.

    A complex A = B + iC works through the real [[B, −C], [C, B]] of twice the size, whose
    singular values are those of A, each twice.

    >>> scaled_singular_values([[1j]])
    ([0.5], 1)
    """
    if isinstance(rows[0][0], complex):
        top = [[z.real for z in row] + [-z.imag for z in row] for row in rows]
        bottom = [[z.imag for z in row] + [z.real for z in row] for row in rows]
        doubled = svd_table(top + bottom)
        return doubled.scaled_sigma[::2], doubled.exponent
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
