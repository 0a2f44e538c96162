"""Tests of scratchmath.autodiff.dual.

Theorems and properties checked:

- (a + bε)(c + dε) = ac + (ad + bc)ε: the product rule is the arithmetic of ε² = 0.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given

from scratchmath.autodiff import Dual
from tests.strategies import fractions


@given(fractions(), fractions(), fractions(), fractions())
def test_dual_numbers_have_epsilon_squared_zero(
    a: Fraction, b: Fraction, c: Fraction, d: Fraction
) -> None:
    """(a + bε)(c + dε) = ac + (ad + bc)ε: the product rule is the arithmetic of ε² = 0."""
    product = Dual(a, b) * Dual(c, d)
    assert (product.value, product.tangent) == (a * c, a * d + b * c)
    assume(c != 0)
    quotient = Dual(a, b) / Dual(c, d)
    assert (quotient.value, quotient.tangent) == (a / c, (b * c - a * d) / c**2)
