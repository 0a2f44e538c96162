"""Forward mode: dual numbers a + bε with ε² = 0.

======================  ============================================================
``Dual(value, tangent)``  a value carried together with its derivative along one direction
======================  ============================================================

Extend the real numbers by an ε with ε² = 0 (and ε ≠ 0). Then
(a + bε)(c + dε) = ac + (ad + bc)ε — the product rule — and for every smooth f,
f(a + bε) = f(a) + f′(a)·b ε, since the Taylor series stops after its first term. So
evaluating a program on x + vε yields f(x) and the directional derivative f′(x)·v at once:
one pass forward, no graph, no extra memory.

>>> x = Dual(3, 1)          # x = 3, dx = 1
>>> y = x * x + 2 * x       # y = x² + 2x
>>> y.value, y.tangent      # y(3) = 15, y′(3) = 2·3 + 2 = 8
(15, 8)

The value and tangent may be numbers, or a Vector or Matrix of one shape, with the
operators of ``Var`` (entrywise ``* / **``, ``@``, ``.sum()``, broadcasting). They may also
be ``Var`` nodes: then the tangent is itself recorded in a graph and can be differentiated
again — how ``hessian`` gets Hv = ∇(∇f·v), exactly over the rationals.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from scratchmath.autodiff import kernels, values
from scratchmath.autodiff.generic import (
    add,
    divide,
    fit,
    is_traced,
    log,
    matmul,
    multiply,
    plain,
    power,
    shape,
    subtract,
    summed,
)
from scratchmath.autodiff.graph import Var, compared_message, detached_message
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

__all__ = ["Dual"]

_PLAIN_TYPES = (int, float, Fraction, Vector, Matrix)


def _checked(x: Any, what: str) -> Any:
    if isinstance(x, Var):
        return x
    return values.check_value(x, what)


def _split(x: object) -> tuple[Any, Any] | None:
    """(value, tangent) of a Dual; (x, None) for a constant; None for what cannot combine."""
    if isinstance(x, Dual):
        return x.value, x.tangent
    if isinstance(x, Var) or (isinstance(x, _PLAIN_TYPES) and not isinstance(x, bool)):
        return _checked(x, "an operand"), None
    return None


class Dual:
    """A dual number a + bε (ε² = 0): a value and its tangent, the derivative along one
    direction, computed together.

    >>> from scratchmath.vectors import Vector
    >>> v = Dual(Vector([1, 2]), Vector([1, 0]))   # the point (1, 2), the direction e₀
    >>> (v * v).sum().tangent                      # ∂(x² + y²)/∂x = 2x
    2

    Raises: TypeError for a value or tangent that is not a number, Vector, Matrix or Var;
    DimensionError when their shapes differ.
    """

    __slots__ = ("tangent", "value")
    value: Any
    tangent: Any

    def __init__(self, value: Any, tangent: Any) -> None:
        value = _checked(value, "the value of a Dual")
        tangent = _checked(tangent, "the tangent of a Dual")
        if shape(value) != shape(tangent):
            raise DimensionError(
                f"a Dual's value and tangent need one shape, got "
                f"{values.describe(shape(value))} and {values.describe(shape(tangent))}"
            )
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "tangent", tangent)

    @classmethod
    def _make(cls, value: Any, tangent: Any) -> Dual:
        d = object.__new__(cls)
        object.__setattr__(d, "value", value)
        object.__setattr__(d, "tangent", tangent)
        return d

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Dual is immutable")

    def __repr__(self) -> str:
        return f"Dual({self.value!r}, {self.tangent!r})"

    @property
    def shape(self) -> tuple[int, ...]:
        """() for a number, (n,) for a Vector, (m, n) for a Matrix.

        >>> Dual(1, 0).shape
        ()
        """
        return shape(self.value)

    # -- arithmetic: the value's rule, and beside it the tangent's -------------------------

    def __add__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        value = add(self.value, c)
        tangent = fit(self.tangent if d is None else add(self.tangent, d), shape(value))
        return Dual._make(value, tangent)

    __radd__ = __add__

    def __sub__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        value = subtract(self.value, c)
        tangent = fit(self.tangent if d is None else subtract(self.tangent, d), shape(value))
        return Dual._make(value, tangent)

    def __rsub__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, _ = pair
        value = subtract(c, self.value)
        return Dual._make(value, fit(-self.tangent, shape(value)))

    def __mul__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        value = multiply(self.value, c)
        tangent = multiply(self.tangent, c)  # d(ac) = da·c + a·dc, the product rule
        if d is not None:
            tangent = add(tangent, multiply(self.value, d))
        return Dual._make(value, fit(tangent, shape(value)))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        q = divide(self.value, c)
        # d(a/c) = (da − (a/c)·dc)/c, the quotient rule with the quotient reused
        numerator = self.tangent if d is None else subtract(self.tangent, multiply(q, d))
        return Dual._make(q, fit(divide(numerator, c), shape(q)))

    def __rtruediv__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, _ = pair
        q = divide(c, self.value)
        return Dual._make(q, fit(-divide(multiply(q, self.tangent), self.value), shape(q)))

    def __pow__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        if d is None:
            return Dual._make(
                power(self.value, c), fit(self._power_tangent(c), _power_shape(self, c))
            )
        return _dual_power(self.value, self.tangent, c, d)

    def _power_tangent(self, c: Any) -> Any:
        """d(aᶜ) = c·aᶜ⁻¹·da for a constant exponent (0 for c = 0, da for c = 1)."""
        if not shape(c) and not is_traced(c):
            if c == 0:
                return multiply(self.tangent, 0)
            if c == 1:
                return self.tangent
        if not is_traced(self.value, c):
            slope = values.broadcast(kernels.power_slope, self.value, c, "raise to a power")
            return multiply(self.tangent, slope)
        return multiply(self.tangent, multiply(c, power(self.value, subtract(c, 1))))

    def __rpow__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, _ = pair
        value = power(c, self.value)
        log_base = values.broadcast(_log_or_flat, plain(c), plain(value), "raise to a power")
        return Dual._make(
            value, fit(multiply(self.tangent, multiply(value, log_base)), shape(value))
        )

    def __matmul__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, d = pair
        tangent = matmul(self.tangent, c)  # d(AB) = dA·B + A·dB
        if d is not None:
            tangent = add(tangent, matmul(self.value, d))
        return Dual._make(matmul(self.value, c), tangent)

    def __rmatmul__(self, other: object) -> Dual:
        pair = _split(other)
        if pair is None:
            return NotImplemented
        c, _ = pair
        return Dual._make(matmul(c, self.value), matmul(c, self.tangent))

    def __neg__(self) -> Dual:
        return Dual._make(-self.value, -self.tangent)

    def __pos__(self) -> Dual:
        return self

    def __abs__(self) -> Dual:
        """|a| entry by entry, with tangent sign(a)·da (0 at a = 0, as for Var)."""
        sign = values.elementwise(kernels.step, plain(self.value))
        return Dual._make(abs(self.value), multiply(self.tangent, sign))

    # -- conversions: refused, so that no tangent is silently lost -------------------------

    def __float__(self) -> float:
        raise TypeError(detached_message("Dual", "float()"))

    def __int__(self) -> int:
        raise TypeError(detached_message("Dual", "int()"))

    def __complex__(self) -> complex:
        raise TypeError(detached_message("Dual", "complex()"))

    def __bool__(self) -> bool:
        """The truth of a scalar Dual's value (``if x:``); an array Dual has none.

        Raises: TypeError for a Vector or Matrix Dual.
        """
        a = plain(self.value)
        if values.shape_of(a):
            raise TypeError(
                f"the truth value of a Dual holding {values.describe(values.shape_of(a))} is "
                f"ambiguous: test .value's entries instead"
            )
        return bool(a)

    def __eq__(self, other: object) -> bool:
        """A Dual equals only itself; against a plain value ``==`` is refused, as for Var.

        Raises: TypeError for a number, Vector or Matrix on the other side.
        """
        if isinstance(other, Dual):
            return self is other
        if isinstance(other, _PLAIN_TYPES):
            raise TypeError(compared_message("Dual"))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = object.__hash__

    # -- comparisons of scalar values ------------------------------------------------------

    def _scalars(self, other: object) -> tuple[Any, Any]:
        other_value = other.value if isinstance(other, Dual) else other
        a, b = plain(self.value), plain(other_value)
        if values.shape_of(a) or values.shape_of(b):
            raise TypeError("only scalar Duals can be compared; compare .value entries instead")
        return a, b

    def __lt__(self, other: object) -> bool:
        a, b = self._scalars(other)
        return bool(a < b)

    def __le__(self, other: object) -> bool:
        a, b = self._scalars(other)
        return bool(a <= b)

    def __gt__(self, other: object) -> bool:
        a, b = self._scalars(other)
        return bool(a > b)

    def __ge__(self, other: object) -> bool:
        a, b = self._scalars(other)
        return bool(a >= b)

    # -- reductions, transpose, indexing ---------------------------------------------------

    def sum(self, axis: int | None = None, *, keepdims: bool = False) -> Dual:
        """Σ of the entries, or sums along an axis; the tangent is summed alike (linearity).

        >>> Dual(Vector([1, 2]), Vector([3, 4])).sum()
        Dual(3, 7)

        Raises: DimensionError for an axis the value does not have.
        """
        return Dual._make(summed(self.value, axis, keepdims), summed(self.tangent, axis, keepdims))

    def mean(self, axis: int | None = None, *, keepdims: bool = False) -> Dual:
        """The mean of the entries or along an axis.

        >>> Dual(Vector([1, 2]), Vector([3, 4])).mean()
        Dual(Fraction(3, 2), Fraction(7, 2))

        Raises: DomainError for an empty Vector.
        """
        dims = shape(self.value)
        count = values.size(plain(self.value)) if axis is None or len(dims) < 2 else dims[axis % 2]
        if count == 0:
            raise DomainError("the mean of an empty vector is undefined")
        return self.sum(axis, keepdims=keepdims) / count

    @property
    def T(self) -> Dual:
        """The transpose of value and tangent.

        >>> Dual(Matrix([[1, 2]]), Matrix([[0, 1]])).T
        Dual(Matrix([[1], [2]]), Matrix([[0], [1]]))
        """
        return Dual._make(self.value.T, self.tangent.T)

    def __len__(self) -> int:
        dims = shape(self.value)
        if not dims:
            raise TypeError("a scalar Dual has no length")
        return dims[0]

    def __iter__(self) -> Iterator[Dual]:
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index: Any) -> Dual:
        """An entry, a row or a slice of value and tangent alike.

        >>> Dual(Vector([1, 2]), Vector([3, 4]))[1]
        Dual(2, 4)
        """
        if not shape(self.value):
            raise TypeError("a scalar Dual cannot be indexed")
        return Dual._make(self.value[index], self.tangent[index])


def _power_shape(d: Dual, c: Any) -> tuple[int, ...]:
    """The shape of d ** c after broadcasting."""
    a, b = shape(d.value), shape(c)
    return a if len(a) >= len(b) else b


def _log_or_flat(c: Any, result: Any) -> Any:
    """log c, and 0 at c = 0 where cʸ = 0 (y > 0): there 0ʸ is flat in y."""
    if c == 0 and result == 0:
        return 0
    if not c > 0:
        raise DomainError(
            f"c ** y has no derivative in y for the base c = {c!r} (it needs log c, c > 0)"
        )
    return kernels.log(c)


def _dual_power(a: Any, da: Any, c: Any, dc: Any) -> Dual:
    """(a + da ε) ** (c + dc ε) = aᶜ + (c·aᶜ⁻¹·da + aᶜ·log a·dc) ε, for a > 0."""
    for entry in _entries(plain(a)):
        if not entry > 0:
            raise DomainError(
                f"x ** y with both x and y differentiated needs x > 0 (∂/∂y xʸ = xʸ·log x), "
                f"got a base of {entry!r}"
            )
    value = power(a, c)
    tangent = add(
        multiply(da, multiply(c, power(a, subtract(c, 1)))), multiply(dc, multiply(value, log(a)))
    )
    return Dual._make(value, fit(tangent, shape(value)))


def _entries(x: Any) -> Any:
    if isinstance(x, Matrix):
        return (e for row in x for e in row)
    if isinstance(x, Vector):
        return iter(x)
    return iter((x,))
