"""Determinants three ways: by definition, by cofactors, and by elimination.

=================  =======================================================================
``det_leibniz``    det A = Σ_σ sgn(σ) Πᵢ aᵢ,σ(i), the sum over all n! permutations
``det_cofactor``   det A = Σⱼ (−1)ʲ a₀ⱼ det A₀ⱼ, Laplace expansion along the first row
``det``            det A by elimination: Bareiss for int, exact for Fraction, pivoting for floats
=================  =======================================================================

The determinant is the factor by which the linear map x ↦ Ax scales volume: the unit
square goes to a parallelogram of area |det A|, and det A < 0 when the map flips
orientation (a mirror image). det A = 0 exactly when A squashes space flat — when A is
singular. The three functions agree; only ``det`` is fast (n³ rather than n! operations):

>>> A = Matrix([[2, 1], [1, 3]])
>>> det_leibniz(A), det_cofactor(A), det(A)
(5, 5, 5)
>>> det(Matrix([[0, 1], [1, 0]]))   # a reflection flips orientation
-1
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from itertools import permutations
from typing import Any, overload

from scratchmath.errors import DomainError
from scratchmath.matrices.core import (
    Matrix,
    check_matrix,
    require_finite_matrix,
    require_square,
    tidy,
)
from scratchmath.matrices.fraction_free import integer_rows
from scratchmath.matrices.kernels import equilibrate, lu_factor, scale_back
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import accurate_sum as _sum
from scratchmath.vectors import Scalar

__all__ = ["det", "det_cofactor", "det_leibniz", "slogdet"]

#: The definitions cost n!·n operations; 9! = 362 880 terms is about where patience ends.
_DEFINITION_LIMIT = 9


def _square_and_finite(A: object, name: str) -> Matrix:
    """The checks of every determinant: a square Matrix without NaN or inf entries."""
    A = check_matrix(A)
    require_square(A, name)
    require_finite_matrix(A, "take the determinant of")
    return A


def _check_definition_size(A: Matrix, name: str) -> int:
    A = check_matrix(A)
    n = require_square(A, name)
    if n > _DEFINITION_LIMIT:
        raise DomainError(
            f"{name} takes n! steps: n = {n} > {_DEFINITION_LIMIT} is too large "
            f"({math.factorial(n):,} terms); use det(A), which takes about n³"
        )
    require_finite_matrix(A, "take the determinant of")
    return n


def _sign(permutation: tuple[int, ...]) -> int:
    """sgn(σ) = (−1)^(n − number of cycles): +1 for an even permutation, −1 for an odd one.

    (Equivalently (−1)^(number of inversions); counting cycles takes n steps, not n².)
    """
    seen = [False] * len(permutation)
    transpositions = 0
    for start in range(len(permutation)):
        length = 0
        k = start
        while not seen[k]:  # bounded: each k is marked once
            seen[k] = True
            k = permutation[k]
            length += 1
        transpositions += max(length - 1, 0)
    return -1 if transpositions % 2 else 1


def det_leibniz(A: Matrix) -> Scalar:
    """The determinant by its definition (Leibniz): det A = Σ_σ sgn(σ) Π_i a_i,σ(i).

    The sum runs over all n! permutations σ of {0, …, n−1}; each term picks one entry from
    every row and every column. It is the definition, not an algorithm: n ≤ 9 only.

    >>> det_leibniz(Matrix([[1, 2], [3, 4]]))   # 1·4 − 2·3
    -2

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: n > 9 (use ``det``), or NaN or infinite entries.
    """
    n = _check_definition_size(A, "det_leibniz")
    rows = A._rows
    products = (
        (sigma, math.prod([rows[i][sigma[i]] for i in range(n)]))
        for sigma in permutations(range(n))
    )
    # A term with a zero factor contributes nothing; its sign need not be computed.
    terms = (p if _sign(sigma) > 0 else -p for sigma, p in products if p != 0)
    result: Scalar = tidy(_sum(terms, A._kind))
    return result


def det_cofactor(A: Matrix) -> Scalar:
    """The determinant by Laplace (cofactor) expansion along the first row.

    det A = Σⱼ (−1)ʲ a₀ⱼ det A₀ⱼ, where the minor A₀ⱼ is A without row 0 and column j;
    a 1×1 matrix has det (a) = a. Recursion depth is n ≤ 9; zero entries are skipped.

    >>> det_cofactor(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
    0

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: n > 9 (use ``det``), or NaN or infinite entries.
    """
    _check_definition_size(A, "det_cofactor")
    result: Scalar = tidy(_cofactor_expansion(A._rows, A._kind))
    return result


def _cofactor_expansion(rows: tuple[tuple[Any, ...], ...], kind: int) -> Any:
    if len(rows) == 1:
        return rows[0][0]
    terms = []
    for j, entry in enumerate(rows[0]):
        if entry == 0:
            continue
        minor = tuple(row[:j] + row[j + 1 :] for row in rows[1:])
        term = entry * _cofactor_expansion(minor, kind)
        terms.append(-term if j % 2 else term)
    if not terms:
        return rows[0][0] * 0  # a zero of the matrix's kind
    return _sum(terms, kind)


def _bareiss(rows: tuple[tuple[int, ...], ...]) -> int:
    """det of an integer matrix by Bareiss's fraction-free elimination, in exact ints.

    Step k replaces aᵢⱼ by (aᵢⱼ·aₖₖ − aᵢₖ·aₖⱼ) / p, p the previous pivot. The division is
    always exact (Sylvester's identity: each entry is then a minor of A), so entries stay
    integers no larger than those minors — no fractions, no growth beyond the determinant.
    """
    a = [list(row) for row in rows]
    n = len(a)
    sign, previous = 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            p = next((i for i in range(k + 1, n) if a[i][k] != 0), None)
            if p is None:
                return 0
            a[k], a[p] = a[p], a[k]
            sign = -sign
        pivot_row = a[k]
        pivot = pivot_row[k]
        for i in range(k + 1, n):
            row = a[i]
            f = row[k]
            a[i] = [
                (x * pivot - f * y) // previous
                for x, y in zip(row[k + 1 :], pivot_row[k + 1 :], strict=True)
            ]
            a[i][0:0] = [0] * (k + 1)  # keep column positions (the left part is now zero)
        previous = pivot
    return sign * a[n - 1][n - 1]


def _scaled_product(pivots: list[Any], sign: int) -> tuple[Any, int]:
    """(m, e) with sign·Π pivots = m·2ᵉ and |m| in [½, 1) (m = 0 for a zero pivot).

    A 100×100 determinant can pass through 1e-400 on its way to 1, so the running product is
    brought back to modulus [½, 1) by a power of two after each factor (exact) and the powers
    are added up: no spurious overflow or underflow on the way, and no rounding added.
    """
    product: Any = float(sign)
    exponent = 0
    for p in pivots:
        product *= p
        e = math.frexp(abs(product))[1]
        product, exponent = scale_back(product, -e), exponent + e
    return product, exponent


def _product_of_pivots(pivots: list[Any], sign: int, exponent: int = 0) -> Scalar:
    """sign·Π pivots·2^exponent for floats (or complex numbers), scaled once at the end: it
    is ±inf or 0 only if the true determinant is outside the float range."""
    product, e = _scaled_product(pivots, sign)
    if product == 0:
        return 0.0 if isinstance(product, float) else complex(0.0, 0.0)  # singular, not −0.0
    result: Scalar = scale_back(product, e + exponent)
    return result


def _float_pivots(A: Matrix) -> tuple[list[Any], int, int]:
    """The pivots of LU with partial pivoting, det P, and the power of two the rows were
    scaled by: det A = sign·Π pivots·2^exponent.

    Rows of extreme size are scaled by powers of two first (see ``kernels.equilibrate``):
    then no entry of U overflows on the way to a determinant that a float can hold.
    """
    table = [list(row) for row in A._rows]
    exponents = equilibrate(table)
    a, _, sign = lu_factor(table, exact=False)
    return [a[k][k] for k in range(len(a))], sign, sum(exponents or ())


# A determinant needs only + − × ÷: exact stays exact (an int matrix has an int det), and
# float stays float. These overloads say so to a type checker.
@overload
def det(A: Matrix[int]) -> int: ...  # type: ignore[overload-overlap]
@overload
def det(A: Matrix[int | Fraction]) -> Fraction: ...
@overload
def det(A: Matrix[float]) -> float: ...
@overload
def det(A: Matrix[complex]) -> complex: ...
@overload
def det(A: Matrix) -> Scalar: ...
def det(A: Matrix) -> Scalar:
    """The determinant det A, by elimination in about n³/3 operations.

    Row operations that add a multiple of one row to another do not change det; a swap
    flips its sign; so det A = (−1)^(swaps) · Π uₖₖ, the product of the pivots.

    - int entries: Bareiss fraction-free elimination, so the answer is an exact ``int``
      and the intermediate numbers stay as small as the minors of A;
    - Fraction entries: each row scaled to integers (the lcm of its denominators), Bareiss,
      then one division by the product of the scales: an exact ``Fraction`` (or int);
    - float or complex entries: partial pivoting (the largest pivot in each column, for
      stability), with the product of pivots scaled so it does not overflow on the way.

    >>> det(Matrix([[1, 2], [3, 4]]))
    -2
    >>> det(Matrix([[Fraction(1, 2), 0], [0, Fraction(2, 3)]]))
    Fraction(1, 3)
    >>> det(Matrix([[2.0, 1.0], [1.0, 3.0]]))
    5.0

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN or infinite entries.
    """
    A = _square_and_finite(A, "det")
    rows = A._rows
    kind = A._kind
    if kind == _EXACT:
        # Scaling row i by sᵢ scales det by sᵢ: clear the denominators row by row, take the
        # integer determinant by Bareiss, divide once by Π sᵢ (no gcd per operation).
        integer_table, scales = integer_rows(rows)
        scaled_det = _bareiss(tuple(map(tuple, integer_table)))
        exact_det: Scalar = tidy(Fraction(scaled_det, math.prod(scales)))
        return exact_det
    return _product_of_pivots(*_float_pivots(A))


def _log_of_exact(size: Fraction) -> float:
    """log of a positive Fraction of any size: log1p of the exact size − 1 near 1, through
    its float where that is a normal number, else log(numerator) − log(denominator)
    (math.log takes ints of any size; the two logs then differ by more than 700, so their
    difference keeps its digits)."""
    x = float(size) if size.numerator.bit_length() - size.denominator.bit_length() < 1000 else 0
    if 0.5 < x < 2:
        return math.log1p(float(size - 1))  # near 1: the exact difference, then log1p
    if sys.float_info.min <= x < math.inf:
        return math.log(x)
    return math.log(size.numerator) - math.log(size.denominator)


def slogdet(A: Matrix) -> tuple[Scalar, float]:
    """(sign, log|det A|): the determinant as a sign and a natural logarithm.

    det A = sign·exp(logabsdet). The determinant of a large matrix easily leaves the float
    range (det(2·I₁₀₀₀) = 2¹⁰⁰⁰ is fine, det(10·I₄₀₀) = 10⁴⁰⁰ is not) while its logarithm
    does not; log-likelihoods of Gaussians need exactly this. For floats log|det| is
    Σ log|uₖₖ| taken from the scaled product of the pivots (see ``det``), so it is accurate
    however large or small det A is. sign is 1, −1 or 0 (an int for exact A, a float
    otherwise; for complex A a complex number of modulus 1); a singular A gives
    (0, −inf), as NumPy's ``slogdet``.

    >>> slogdet(Matrix([[1, 2], [3, 4]]))
    (-1, 0.6931471805599453)
    >>> sign, logdet = slogdet(Matrix.diagonal([10.0] * 400))
    >>> sign, round(logdet, 9), det(Matrix.diagonal([10.0] * 400))
    (1.0, 921.034037198, inf)

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not square.
        DomainError: NaN or infinite entries.
    """
    A = _square_and_finite(A, "slogdet")
    if A._kind == _EXACT:
        exact: Any = det(A)
        if exact == 0:
            return 0, -math.inf
        return (1 if exact > 0 else -1), _log_of_exact(abs(Fraction(exact)))
    pivots, sign, exponent = _float_pivots(A)
    mantissa, e = _scaled_product(pivots, sign)
    if mantissa == 0:
        return (0.0 if isinstance(mantissa, float) else complex(0.0, 0.0)), -math.inf
    phase = mantissa / abs(mantissa)
    return phase, math.log(abs(mantissa)) + (e + exponent) * math.log(2)
