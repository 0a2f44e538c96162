"""Test matrices with known answers, in one place for the tests and the benchmarks.

Each function builds one classic matrix as a scratchmath ``Matrix`` (exact entries: ints or
Fractions, so a caller may convert to floats, or take ``.rows`` for another library); the
comment beside it names the source of the answer it is known for.

=================  ===================================================================
hilbert(n)         1/(i + j + 1): det and inverse known in closed form, famously
                   ill-conditioned
pascal(n)          C(i + j, i): det 1, integer inverse, S = L Lᵀ
frank(n)           n + 1 − max(i, j) on and above the subdiagonal: det 1, eigenvalues in
                   reciprocal pairs
wilkinson_plus(n)  W⁺ₙ: close pairs of large eigenvalues
rosser()           Rosser's 8×8 test matrix, every eigenvalue known exactly
ROSSER_EIGENVALUES those eigenvalues, ascending, as floats
=================  ===================================================================

Used as ``from tests.known_matrices import rosser`` (run from the repository root, as
``python -m pytest`` and ``python -m benchmarks`` are).
"""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.matrices import Matrix


def hilbert(n: int) -> Matrix:
    """The n×n Hilbert matrix hᵢⱼ = 1/(i + j + 1) (0-based), in Fractions."""
    # Known answers: det Hₙ = c⁴ₙ / c₂ₙ with cₙ = Π_{k<n} k! (Hilbert 1894; a Cauchy
    # determinant), and an inverse with integer entries (Choi, "Tricks or treats with the
    # Hilbert matrix", Amer. Math. Monthly 90, 1983). Condition number grows like e^{3.5n}.
    return Matrix.from_function(n, n, lambda i, j: Fraction(1, i + j + 1))


def pascal(n: int) -> Matrix:
    """The n×n symmetric Pascal matrix sᵢⱼ = C(i + j, i)."""
    # Known answers: S = L Lᵀ with L the lower-triangular Pascal matrix C(i, j), so det S = 1
    # and S⁻¹ = L⁻ᵀ L⁻¹ has integer entries, L⁻¹ being C(i, j) with signs (−1)^{i−j}
    # (Edelman and Strang, "Pascal matrices", Amer. Math. Monthly 111, 2004).
    return Matrix.from_function(n, n, lambda i, j: math.comb(i + j, i))


def frank(n: int) -> Matrix:
    """The n×n Frank matrix fᵢⱼ = n − max(i, j) for j ≥ i − 1 (0-based), else 0."""
    # Known answers: det Fₙ = 1, eigenvalues real, positive and in pairs λ, 1/λ; the small ones
    # are very ill-conditioned (Frank 1958; Higham, "Accuracy and Stability of Numerical
    # Algorithms", 2nd ed., §28.6, MATLAB's gallery("frank")).
    return Matrix.from_function(n, n, lambda i, j: n - max(i, j) if j >= i - 1 else 0)


def wilkinson_plus(n: int = 21) -> Matrix:
    """W⁺ₙ: diagonal |m − i| (m = (n−1)/2), ones beside it; its largest eigenvalues come in
    pairs that agree to about 14 digits."""
    # Known answers: for n = 21 the two largest eigenvalues are 10.746194182903322 and
    # 10.746194182903393 (Wilkinson, "The Algebraic Eigenvalue Problem", 1965, §5.45).
    m = (n - 1) // 2
    return Matrix.from_function(
        n, n, lambda i, j: abs(m - i) if i == j else (1 if abs(i - j) == 1 else 0)
    )


_ROSSER_ROWS = [
    [611, 196, -192, 407, -8, -52, -49, 29],
    [196, 899, 113, -192, -71, -43, -8, -44],
    [-192, 113, 899, 196, 61, 49, 8, 52],
    [407, -192, 196, 611, 8, 44, 59, -23],
    [-8, -71, 61, 8, 411, -599, 208, 208],
    [-52, -43, 49, 44, -599, 411, 208, 208],
    [-49, -8, 8, 59, 208, 208, 99, -911],
    [29, -44, 52, -23, 208, 208, -911, 99],
]


def rosser() -> Matrix:
    """Rosser's 8×8 symmetric integer test matrix."""
    # Known answers: the eigenvalues ROSSER_EIGENVALUES below (Rosser, Lanczos, Hestenes and
    # Karush, J. Res. Nat. Bur. Standards 47, 1951; MATLAB's rosser): a double eigenvalue, a
    # nearly equal pair, a zero, a tiny one and a close triple near 1020.
    return Matrix(_ROSSER_ROWS)


#: The exact eigenvalues of ``rosser()``, ascending: ±10√10405, 0, 510 ± 100√26, 1000
#: (twice) and 1020.
ROSSER_EIGENVALUES = sorted(
    [
        -10 * math.sqrt(10405),
        0.0,
        510 - 100 * math.sqrt(26),
        1000.0,
        1000.0,
        510 + 100 * math.sqrt(26),
        1020.0,
        10 * math.sqrt(10405),
    ]
)
