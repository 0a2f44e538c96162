"""The eigenvalues of a complex table: Hessenberg reduction and single-shift QR (layer 2).

=========================  ==============================================================
``complex_hessenberg``     H = QᴴAQ upper Hessenberg, by complex Householder reflections
``givens``                 the complex plane rotation that zeroes the second of two entries
``complex_qr_eigenvalues`` the eigenvalues of a Hessenberg table: shifted QR with deflation
=========================  ==============================================================

These work on plain lists of complex numbers, never on a Matrix; ``eigen.py`` builds the
public ``eigvals`` and ``eig`` of a complex matrix on them (the real matrix keeps its own
real-arithmetic Francis double-shift QR). A complex matrix has no conjugate pairs to keep
together, so one complex shift per step is the natural algorithm (LAPACK's ``zlahqr``):
Wilkinson's shift, the eigenvalue of the trailing 2×2 block nearer its last entry, makes the
last subdiagonal entry vanish quadratically (cubically for a Hermitian matrix).

>>> values = complex_qr_eigenvalues([[2j, 1 + 0j], [0j, -1 + 0j]])
>>> sorted(values, key=lambda z: z.real)
[(-1+0j), 2j]
"""

from __future__ import annotations

import cmath
import math
import operator
import sys
from typing import Any

from scratchmath.errors import ConvergenceError
from scratchmath.scalars import EPS as _EPS  # 2⁻⁵², the spacing of floats just above 1

__all__ = ["complex_hessenberg", "complex_qr_eigenvalues", "givens"]

_MUL = operator.mul
_QR_STEPS_PER_EIGENVALUE = 60  # about 2–3 are needed; this is a guard, as in eigen.py
_NEGLIGIBLE = sys.float_info.min / _EPS

ComplexTable = list[list[complex]]


def complex_hessenberg(a: ComplexTable) -> None:
    """Reduce A in place to upper Hessenberg form H = QᴴAQ (aᵢⱼ = 0 for i > j + 1).

    Step k reflects column k below the subdiagonal onto α·e₁ with the Householder
    reflection P = I − 2vvᴴ/(vᴴv), v ∝ x − α·e₁, α = −(x₀/|x₀|)·‖x‖ (the phase opposite
    to x₀, so that v₀ = x₀ − α involves no cancellation), applied from both sides: a unitary
    similarity, so the eigenvalues are kept and rounding is not amplified.

    >>> a = [[1j, 1 + 0j, 1 + 0j], [1 + 0j, 0j, 0j], [1 + 0j, 0j, 0j]]
    >>> complex_hessenberg(a)
    >>> abs(a[2][0]) < 1e-16, round(abs(a[1][0]) ** 2, 12)   # ‖(1, 1)‖² = 2
    (True, 2.0)
    """
    n = len(a)
    for k in range(n - 2):
        x = [a[i][k] for i in range(k + 1, n)]
        norm = math.hypot(*map(abs, x))
        if norm == 0 or all(z == 0 for z in x[1:]):
            continue  # already zero below the subdiagonal
        phase = x[0] / abs(x[0]) if x[0] != 0 else 1.0 + 0j
        alpha = -phase * norm
        # P depends only on v's direction: build v from x/‖x‖, so that vᴴv ≈ 2–4 neither
        # underflows (x ~ 1e-155 has |x|² subnormal, and 2/vᴴv would overflow) nor overflows.
        v = [z / norm for z in x]
        v[0] += phase
        beta = 2.0 / math.fsum(z.real * z.real + z.imag * z.imag for z in v)
        v_bar = [z.conjugate() for z in v]
        rows = range(k + 1, n)
        # from the left, rows k+1…n−1 (columns k…, the rest is zero): row ← row − vᵢ·w,
        # w = β·vᴴ·rows
        block = [a[i][k:] for i in rows]
        w = [beta * sum(map(_MUL, v_bar, column)) for column in zip(*block, strict=True)]
        for vi, i in zip(v, rows, strict=True):
            a[i][k:] = [x_ - vi * s for x_, s in zip(a[i][k:], w, strict=True)]
        # from the right, columns k+1…n−1 of every row: row ← row − β·(row·v)·vᴴ
        for row in a:
            s = beta * sum(map(_MUL, row[k + 1 :], v))
            if s:
                row[k + 1 :] = [x_ - s * c for x_, c in zip(row[k + 1 :], v_bar, strict=True)]
        a[k + 1][k] = alpha
        for i in range(k + 2, n):
            a[i][k] = 0j


def givens(x: complex, y: complex) -> tuple[float, complex, complex]:
    """(c, s, r): the rotation G = [[c, s], [−s̄, c]], c real, with G·(x, y) = (r, 0).

    c = |x|/ρ and s = (x/|x|)·ȳ/ρ, ρ = √(|x|² + |y|²) (by ``math.hypot``); |c|² + |s|² = 1,
    so G is unitary. For x = 0: c = 0, s = ȳ/|y|.

    >>> givens(3 + 0j, 4 + 0j)
    (0.6, (0.8+0j), (5+0j))
    """
    if y == 0:
        return 1.0, 0j, x
    rho = math.hypot(abs(x), abs(y))
    if x == 0:
        return 0.0, y.conjugate() / abs(y), complex(abs(y), 0.0)
    phase = x / abs(x)
    return abs(x) / rho, phase * y.conjugate() / rho, phase * rho


def _negligible(h: ComplexTable, k: int) -> bool:
    """Whether hₖ,ₖ₋₁ is below the rounding of its neighbours on the diagonal (or below the
    underflow threshold), so that setting it to 0 is a perturbation of size ε‖A‖."""
    sub = abs(h[k][k - 1])
    if sub <= _NEGLIGIBLE:
        return True
    size = abs(h[k - 1][k - 1]) + abs(h[k][k])
    if size == 0:  # a zero diagonal pair: compare with the neighbouring subdiagonal entries
        size = (abs(h[k - 1][k - 2]) if k >= 2 else 0.0) + (
            abs(h[k + 1][k]) if k + 1 < len(h) else 0.0
        )
    return sub <= _EPS * size


def _wilkinson_shift(h: ComplexTable, hi: int, steps: int) -> complex:
    """The eigenvalue of the trailing 2×2 block nearer hₕᵢ,ₕᵢ: λ = d − bc/z with
    z = p ± √(p² + bc), p = (a − d)/2, the sign making |z| large (no cancellation).
    Every 10th step without deflation an exceptional shift breaks a possible cycle."""
    a, b, c, d = h[hi - 1][hi - 1], h[hi - 1][hi], h[hi][hi - 1], h[hi][hi]
    if steps % 10 == 0:
        return d + 0.75 * abs(c)
    p = 0.5 * (a - d)
    root = cmath.sqrt(p * p + b * c)
    z = p + root if abs(p + root) >= abs(p - root) else p - root
    return d if z == 0 else d - b * c / z


def _qr_step(h: ComplexTable, low: int, hi: int, shift: complex) -> None:
    """One implicit single-shift QR step on h[low..hi]: H ← GᴴHG restricted to the block.

    The first rotation is the one QR of H − σI would start with (it zeroes h₁₀ − 0 of the
    shifted first column); it makes a bulge below the subdiagonal, which the following
    rotations chase down and out (the implicit-Q theorem: the result is the QR step).
    Only the block is transformed: its eigenvalues are all that is wanted.
    """
    x, y = h[low][low] - shift, h[low + 1][low]
    for k in range(low, hi):
        if k > low:
            x, y = h[k][k - 1], h[k + 1][k - 1]
        c, s, r = givens(x, y)
        s_bar = s.conjugate()
        first = max(low, k - 1)
        if k > low:
            h[k][k - 1], h[k + 1][k - 1] = r, 0j
            first = k
        row_k, row_k1 = h[k], h[k + 1]
        for j in range(first, hi + 1):
            u, w = row_k[j], row_k1[j]
            row_k[j], row_k1[j] = c * u + s * w, c * w - s_bar * u
        for i in range(low, min(k + 2, hi) + 1):
            row = h[i]
            u, w = row[k], row[k + 1]
            row[k], row[k + 1] = c * u + s_bar * w, c * w - s * u


def complex_qr_eigenvalues(h: Any) -> list[complex]:
    """All eigenvalues of the upper Hessenberg complex H (destroyed), by shifted QR.

    Each step (``_qr_step``) is a unitary similarity with Wilkinson's shift; whenever a
    subdiagonal entry becomes negligible the block splits, and a trailing 1×1 block is an
    eigenvalue. Backward stable: the values are exact eigenvalues of a matrix within a
    small multiple of ε‖H‖ of H. A block that does not deflate in 60 steps is a
    ConvergenceError.
    """
    n = len(h)
    values: list[complex] = []
    hi, steps, total = n - 1, 0, 0
    for _ in range(n * (_QR_STEPS_PER_EIGENVALUE + 1) + 1):
        if hi < 0:
            break
        low = hi
        while low > 0 and not _negligible(h, low):
            low -= 1
        if low > 0:
            h[low][low - 1] = 0j
        if low == hi:  # a 1×1 block has split off
            values.append(h[hi][hi])
            hi, steps = hi - 1, 0
            continue
        if steps == _QR_STEPS_PER_EIGENVALUE:
            raise ConvergenceError(
                f"eigvals: the complex QR algorithm did not converge ({steps} steps without "
                f"deflating a {hi - low + 1}×{hi - low + 1} block)",
                iterations=total,
                estimate=values,
                error=abs(h[hi][hi - 1]),
            )
        steps, total = steps + 1, total + 1
        _qr_step(h, low, hi, _wilkinson_shift(h, hi, steps))
    return values
