"""Vectors: the objects of linear algebra, and the ways to measure them (layer 1).

=========================  ==========================================================
``Scalar``                 the numbers a vector may hold: int, float, Fraction, complex
``Vector``                 an immutable n-tuple of scalars with the vector-space laws
``Vector.zeros(n)``        the zero vector 0 ∈ 𝔽ⁿ
``Vector.basis(n, i)``     the standard basis vector eᵢ (0-based)
``linear_combination``     Σ cᵢ·vᵢ
``inner``                  the inner product ⟨u, v⟩ = Σ uᵢ·conj(vᵢ)
``p_norm``                 ‖x‖ₚ = (Σ |xᵢ|ᵖ)^(1/p), p ≥ 1, and ‖x‖∞ = max |xᵢ|
``sup_norm``               ‖x‖∞ = max |xᵢ|
``induced_norm``           the norm ‖x‖ = √⟨x, x⟩ that an inner product induces
``gram_schmidt``           an orthonormal basis of the span of some vectors
``is_orthonormal``         whether ⟨qᵢ, qⱼ⟩ = δᵢⱼ, to a tolerance
=========================  ==========================================================

Methods of a vector: ``dot``, ``norm``, ``normalize``, ``isclose``, ``distance``, ``angle``,
``is_orthogonal``, ``project``, ``cross``, and entry by entry ``map`` and ``hadamard``;
operators ``+ - * / @ abs ==``.

A short worked example. Integers and fractions stay exact; a square root makes a float:

>>> u, v = Vector([3, 4]), Vector([1, 2])
>>> u + 2 * v
Vector([5, 8])
>>> u / 2
Vector([Fraction(3, 2), 2])
>>> u @ v
11
>>> abs(u)
5.0

Numbers. Every vector is *homogeneous*: its components are all exact (``int`` or
``Fraction``), or all ``float``, or all ``complex``. Mixed input is promoted on construction
(any float makes all floats; any complex makes all complex), exactly as Python's own
arithmetic would promote them, so that no operation meets a surprise halfway through.
"""

from __future__ import annotations

import cmath
import math
import numbers
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, overload

from scratchmath.errors import DimensionError, DomainError
from scratchmath.scalars import (
    COMPLEX,
    EXACT,
    REAL,
    S,
    Scalar,
    U,
    accurate_sum,
    check_scalar,
    divide,
    exact_sqrt,
    format_scalar,
    homogenize,
    is_finite,
    kind_of,
    latex_scalar,
    magnitude,
    promote,
    saturating_ldexp,
    to_complex,
    to_float,
)

__all__ = [
    "Scalar",
    "Vector",
    "gram_schmidt",
    "induced_norm",
    "inner",
    "is_orthonormal",
    "linear_combination",
    "p_norm",
    "sup_norm",
]

# The number kinds, their promotion, exact division and accurate sums live in the layer-0
# module ``scalars``; the private aliases below keep this chapter's code short.
_EXACT, _REAL, _COMPLEX = EXACT, REAL, COMPLEX
_check_scalar = check_scalar
_kind_of_scalar = kind_of
_to_float = to_float
_to_complex = to_complex
_promote = promote
_homogenize = homogenize
_divide = divide
_exact_sqrt = exact_sqrt
_sum = accurate_sum
_is_finite = is_finite
_magnitude = magnitude
_ldexp = saturating_ldexp


def _check_real_parameter(x: object, name: str) -> float | int | Fraction:
    if isinstance(x, bool) or not isinstance(x, (int, float, Fraction)):
        raise TypeError(f"{name} must be a real number, not {type(x).__name__}")
    if isinstance(x, float) and math.isnan(x):
        raise DomainError(f"{name} must not be NaN")
    return x


def check_tolerance(tol: object, name: str = "tol") -> float | int | Fraction:
    """A tolerance: a real number ≥ 0 (NaN and negative ones refused).

    >>> check_tolerance(-1)
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: tol must be non-negative, got -1

    Raises: TypeError for a non-number, DomainError for NaN or a negative tolerance.
    """
    tol = _check_real_parameter(tol, name)
    if tol < 0:
        raise DomainError(f"{name} must be non-negative, got {tol!r}")
    return tol


# ---------------------------------------------------------------------------------------
# The vector.
# ---------------------------------------------------------------------------------------


class Vector(Sequence[S]):
    """An element of 𝔽ⁿ: an immutable, hashable sequence of n scalars.

    Vectors add componentwise and scale by numbers; these two operations obey the eight
    vector-space axioms (tested in ``tests/test_vectors.py``). ``Vector([])`` is the
    zero-dimensional vector, the only element of 𝔽⁰.

    >>> v = Vector([1, 2, 3])
    >>> v
    Vector([1, 2, 3])
    >>> len(v), v[0], v[1:]
    (3, 1, Vector([2, 3]))
    >>> Vector([1, 0.5])  # any float makes the whole vector float
    Vector([1.0, 0.5])

    For a type checker a vector is generic in its scalar type: ``Vector([1.0, 2.0])`` is a
    ``Vector[float]``, whose components, inner products and images under a ``Matrix[float]``
    are floats; ``Vector([Fraction(1, 2), 1])`` is a ``Vector[Fraction]`` (exact; a component
    whose value is an integer may be an ``int``). A plain ``Vector`` is ``Vector[Scalar]``.

    Raises:
        TypeError: a component is not a number (``bool`` and ``str`` included).
    """

    __slots__ = ("_c",)
    _c: tuple[S, ...]

    # The kind of the result as a type checker sees it: ints stay int, ints with Fractions
    # are exact (Fraction), any float makes float, any complex makes complex.
    @overload
    def __init__(self: Vector[int], components: Iterable[int]) -> None: ...
    @overload
    def __init__(self: Vector[Fraction], components: Iterable[int | Fraction]) -> None: ...
    @overload
    def __init__(self: Vector[float], components: Iterable[float]) -> None: ...
    @overload
    def __init__(self: Vector[complex], components: Iterable[complex]) -> None: ...
    @overload
    def __init__(self, components: Iterable[Scalar]) -> None: ...
    def __init__(self, components: Iterable[Scalar]) -> None:
        if isinstance(components, (str, bytes)) or not isinstance(components, Iterable):
            raise TypeError(f"Vector needs an iterable of numbers, not {type(components).__name__}")
        object.__setattr__(self, "_c", _homogenize(components))

    @classmethod
    def _trusted(cls, components: tuple[Scalar, ...]) -> Vector[Any]:
        """Build from a tuple already known to be homogeneous (no checks: internal use).

        Typed ``Vector[Any]``: the kind of the components follows the promotion rules at run
        time, which the public signatures (their overloads) state for the type checker.
        """
        v = object.__new__(cls)
        object.__setattr__(v, "_c", components)
        return v

    @classmethod
    def zeros(cls, n: int) -> Vector[int]:
        """The zero vector 0 ∈ 𝔽ⁿ, the additive identity: v + 0 = v.

        >>> Vector.zeros(3)
        Vector([0, 0, 0])

        Raises:
            TypeError: n is not an int.  DomainError: n < 0 or n > MAX_ENTRIES.
        """
        n = _check_dimension(n, "n")
        return cls._trusted((0,) * n)

    @classmethod
    def basis(cls, n: int, i: int) -> Vector[int]:
        """The standard basis vector eᵢ of 𝔽ⁿ: 1 in place i (0-based), 0 elsewhere.

        >>> Vector.basis(3, 1)
        Vector([0, 1, 0])

        Raises:
            TypeError: n or i is not an int.
            DomainError: n < 0 or n > MAX_ENTRIES, or i outside 0 ≤ i < n.
        """
        n = _check_dimension(n, "n")
        if isinstance(i, bool) or not isinstance(i, int):
            raise TypeError(f"i must be an int, not {type(i).__name__}")
        if not 0 <= i < n:
            raise DomainError(f"basis index i must satisfy 0 ≤ i < n = {n}, got {i}")
        return cls._trusted(tuple(1 if k == i else 0 for k in range(n)))

    # -- immutability, the sequence protocol, equality ----------------------------------

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Vector is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Vector is immutable")

    def __reduce__(self) -> tuple[type[Vector], tuple[tuple[Scalar, ...]]]:
        return (Vector, (self._c,))

    def __len__(self) -> int:
        return len(self._c)

    def __iter__(self) -> Iterator[S]:
        return iter(self._c)

    def __reversed__(self) -> Iterator[S]:
        return reversed(self._c)

    def __contains__(self, value: object) -> bool:
        return value in self._c

    def index(self, value: object, start: int = 0, stop: int = sys.maxsize) -> int:
        """The first i with v[i] == value (as for a tuple); ValueError if there is none.

        >>> Vector([5, 6, 7]).index(6)
        1
        """
        for i in range(*slice(start, stop).indices(len(self._c))):
            if self._c[i] == value:
                return i
        raise ValueError(f"{value!r} is not a component of {self!r}")

    @overload
    def __getitem__(self, index: int) -> S: ...
    @overload
    def __getitem__(self, index: slice) -> Vector[S]: ...
    def __getitem__(self, index: int | slice) -> S | Vector[S]:
        if isinstance(index, slice):
            return Vector._trusted(self._c[index])
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(
                f"vector indices must be integers or slices, not {type(index).__name__}"
            )
        return self._c[index]

    def __eq__(self, other: object) -> bool:
        """Exact equality: same dimension and equal components (1 == 1.0)."""
        if not isinstance(other, Vector):
            return NotImplemented
        return self._c == other._c

    def __hash__(self) -> int:
        return hash(self._c)

    def __repr__(self) -> str:
        return f"Vector([{', '.join(map(scalar_repr, self._c))}])"

    def __str__(self) -> str:
        return f"({', '.join(map(str, self._c))})"

    def _repr_latex_(self) -> str:
        r"""The vector as a LaTeX column, which Jupyter shows as maths.

        >>> Vector([1, Fraction(1, 2)])._repr_latex_()
        '$\\begin{pmatrix} 1 \\\\ \\frac{1}{2} \\end{pmatrix}$'
        """
        entries = r" \\ ".join(map(latex_scalar, self._c))
        return f"$\\begin{{pmatrix}} {entries} \\end{{pmatrix}}$"

    def __format__(self, spec: str) -> str:
        """A format spec applies to every component: f"{v:.3f}" gives (1.000, 0.333).

        >>> f"{Vector([1.0, 1 / 3]):.3f}"
        '(1.000, 0.333)'
        """
        if not spec:
            return str(self)
        return f"({', '.join(format_scalar(x, spec) for x in self._c)})"

    def __round__(self, ndigits: int | None = None) -> Vector[S]:
        """round(v, n): every component rounded, as Python's round does for one number.

        >>> round(Vector([1.23456, 2.5]), 2)
        Vector([1.23, 2.5])

        A complex component has its real and imaginary parts rounded.
        """
        return Vector(_round_scalar(x, ndigits) for x in self._c)

    def tolist(self) -> list[S]:
        """The components as a plain Python list (as numpy's ``ndarray.tolist``).

        >>> Vector([1, 2]).tolist()
        [1, 2]
        """
        return list(self._c)

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        """``numpy.array(v)``: the 1-d array of the components.

        numpy calls this, so numpy is already imported when it runs; scratchmath itself
        never imports numpy.
        """
        numpy = sys.modules["numpy"]
        return numpy.array(self.tolist(), dtype=dtype)

    def isclose(self, other: Vector, *, rel_tol: float = 1e-9, abs_tol: float = 0.0) -> bool:
        """Whether every component is close, in the sense of ``math.isclose``.

        |uᵢ − vᵢ| ≤ max(rel_tol · max(|uᵢ|, |vᵢ|), abs_tol) for every i. Exact components are
        compared exactly (no float conversion); complex ones with ``cmath.isclose``.

        >>> Vector([0.1 + 0.2, 1.0]).isclose(Vector([0.3, 1.0]))
        True
        >>> Vector([0.0, 1.0]).isclose(Vector([1e-20, 1.0]))  # relative: 0 is close only to 0
        False
        >>> Vector([0.0, 1.0]).isclose(Vector([1e-20, 1.0]), abs_tol=1e-12)
        True

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
            DomainError: a negative or NaN tolerance.
        """
        other = _check_vector(other, "other")
        _check_same_dimension(self, other, "compare")
        rel: Any = check_tolerance(rel_tol, "rel_tol")
        absolute: Any = check_tolerance(abs_tol, "abs_tol")
        kind = max(self._kind, other._kind)
        if kind == _EXACT:
            if rel == math.inf or absolute == math.inf:
                return True  # exact numbers are finite: all within an infinite tolerance
            rel_q, abs_q = Fraction(rel), Fraction(absolute)
            pairs: Iterable[tuple[Any, Any]] = zip(self._c, other._c, strict=True)
            return all(abs(a - b) <= max(rel_q * max(abs(a), abs(b)), abs_q) for a, b in pairs)
        rel_f, abs_f = _to_float(rel), _to_float(absolute)
        a_values, b_values = _promote(self._c, kind), _promote(other._c, kind)
        close = math.isclose if kind == _REAL else cmath.isclose
        return all(
            close(a, b, rel_tol=rel_f, abs_tol=abs_f)  # type: ignore[arg-type]
            for a, b in zip(a_values, b_values, strict=True)
        )

    # -- the vector-space operations -----------------------------------------------------

    @property
    def _kind(self) -> int:
        c = self._c
        return _kind_of_scalar(c[0]) if c else _EXACT

    def _paired(
        self, other: Vector, verb: str
    ) -> tuple[tuple[Scalar, ...], tuple[Scalar, ...], int]:
        """Both component tuples promoted to a common kind, after a dimension check."""
        _check_same_dimension(self, other, verb)
        k1, k2 = self._kind, other._kind
        kind = max(k1, k2)
        a = self._c if k1 == kind else _promote(self._c, kind)
        b = other._c if k2 == kind else _promote(other._c, kind)
        return a, b, kind

    def __add__(self, other: Sequence[U]) -> Vector[S | U]:
        """u + v; v may be a plain list or tuple of numbers (``Vector([1, 2]) + [3, 4]``)."""
        vector = _as_vector(other)
        if vector is None:
            return NotImplemented
        a, b, _ = self._paired(vector, "add")
        return Vector._trusted(tuple(map(operator.add, a, b)))

    def __radd__(self, other: Sequence[U]) -> Vector[S | U]:
        """[3, 4] + Vector([1, 2]): a list on the left is read as a vector too."""
        return self.__add__(other)

    def __sub__(self, other: Sequence[U]) -> Vector[S | U]:
        vector = _as_vector(other)
        if vector is None:
            return NotImplemented
        a, b, _ = self._paired(vector, "subtract")
        return Vector._trusted(tuple(map(operator.sub, a, b)))

    def __rsub__(self, other: Sequence[U]) -> Vector[S | U]:
        vector = _as_vector(other)
        if vector is None:
            return NotImplemented
        return vector.__sub__(self)

    def __neg__(self) -> Vector[S]:
        return Vector._trusted(tuple(-x for x in self._c))

    def __pos__(self) -> Vector[S]:
        return self

    def _scaled_components(self, a: object) -> tuple[tuple[Scalar, ...], Scalar] | None:
        """The components and the scalar a, promoted to a common kind; None if a is no scalar."""
        if isinstance(a, bool) or not isinstance(a, numbers.Number) or isinstance(a, Vector):
            return None
        scalar = _check_scalar(a, "the scalar")
        kind = max(self._kind, _kind_of_scalar(scalar))
        components = self._c if self._kind == kind else _promote(self._c, kind)
        scalar = _promote((scalar,), kind)[0]
        return components, scalar

    def __mul__(self, a: U) -> Vector[S | U]:
        """a·v for a scalar a. Between two vectors * has no single meaning, so it is refused
        with a pointer to the two products that do: u @ v and u.hadamard(v)."""
        if isinstance(a, (Vector, list, tuple)):
            raise TypeError(
                "Vector * Vector is not defined: use u @ v for the inner product (a number) "
                "or u.hadamard(v) for the elementwise product (a vector)"
            )
        scaled = self._scaled_components(a)
        if scaled is None:
            return NotImplemented
        components, scalar = scaled
        return Vector._trusted(tuple(x * scalar for x in components))

    def __rmul__(self, a: U) -> Vector[S | U]:
        scaled = self._scaled_components(a)
        if scaled is None:
            return NotImplemented
        components, scalar = scaled
        return Vector._trusted(tuple(scalar * x for x in components))

    # Division is where exact ints become Fractions: 1 / 2 is Fraction(1, 2).
    @overload
    def __truediv__(self: Vector[int | Fraction], a: int | Fraction) -> Vector[Fraction]: ...
    @overload
    def __truediv__(self: Vector[float], a: float) -> Vector[float]: ...
    @overload
    def __truediv__(self: Vector[complex], a: complex) -> Vector[complex]: ...
    @overload
    def __truediv__(self, a: Scalar) -> Vector: ...
    def __truediv__(self, a: object) -> Vector[Any]:
        """v / a = (1/a)·v, exact for rational v and a.

        Raises DomainError when a = 0 (a vector has no meaning divided by zero).
        """
        scaled = self._scaled_components(a)
        if scaled is None:
            return NotImplemented
        components, scalar = scaled
        if scalar == 0:
            raise DomainError("cannot divide a vector by zero")
        return Vector._trusted(tuple(_divide(x, scalar) for x in components))

    def __matmul__(self, other: Sequence[U]) -> S | U:
        """u @ v, the inner product; v may be a plain list or tuple of numbers."""
        vector = _as_vector(other)
        if vector is None:
            return NotImplemented
        return self.dot(vector)

    def __rmatmul__(self, other: Sequence[U]) -> S | U:
        vector = _as_vector(other)
        if vector is None:
            return NotImplemented
        return vector.dot(self)

    def __abs__(self) -> float:
        return p_norm(self, 2)

    # -- entry by entry ------------------------------------------------------------------

    def map(self, f: Callable[..., Scalar], *others: Vector) -> Vector:
        """The vector (f(v₀), f(v₁), …): f applied to each component (and to others' too).

        (v.map(f, w, …))ᵢ = f(vᵢ, wᵢ, …), as Python's ``map(f, v, w, …)``. The components of
        the result are promoted to one kind as on construction, and a whole ``Fraction`` is
        written as the int it equals. The loop runs in C (``map``), so an elementwise
        function such as tanh over a long vector costs one call of f per component.

        >>> Vector([1, 2, 3]).map(lambda x: x * x)
        Vector([1, 4, 9])
        >>> Vector([1, 2]).map(max, Vector([3, 0]))
        Vector([3, 2])

        Raises:
            TypeError: f is not callable, an item of others is not a Vector, or f returns a
                non-number.
            DimensionError: the dimensions differ.
        """
        if not callable(f):
            raise TypeError(f"f must be callable, not {type(f).__name__}")
        for w in others:
            _check_same_dimension(self, _check_vector(w, "each of others"), "map over")
        return _vector_of_results(tuple(map(f, self._c, *(w._c for w in others))))

    def hadamard(self, other: Vector[U]) -> Vector[S | U]:
        """The elementwise (Hadamard) product u ⊙ v = (u₀v₀, u₁v₁, …), exact for rationals.

        >>> Vector([1, 2, 3]).hadamard(Vector([4, 5, Fraction(1, 3)]))
        Vector([4, 10, 1])

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
        """
        other = _check_vector(other, "other")
        a, b, _ = self._paired(other, "multiply elementwise")
        return _vector_of_results(tuple(map(operator.mul, a, b)))

    # -- inner products, norms and the geometry they give -------------------------------

    def dot(self, other: Vector[U]) -> S | U:
        """The inner product ⟨u, v⟩ = Σ uᵢ·conj(vᵢ) (the dot product for real vectors).

        Exact for rational vectors; a correctly rounded sum (``math.fsum``) of the products
        for floats. Conjugating the second argument makes ⟨v, v⟩ = Σ |vᵢ|² real and ≥ 0 for
        complex vectors too.

        >>> Vector([1, 2, 3]).dot(Vector([4, 5, 6]))
        32
        >>> Vector([1j, 1]).dot(Vector([1j, 1]))
        (2+0j)

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
        """
        other = _check_vector(other, "other")
        a, b, kind = self._paired(other, "take the inner product of")
        if kind == _COMPLEX:
            b = tuple(z.conjugate() for z in b)
        result: S | U = _sum(map(operator.mul, a, b), kind)
        return result

    def norm(self, p: float = 2) -> float:
        """The p-norm ‖v‖ₚ = (Σ |vᵢ|ᵖ)^(1/p) for real p ≥ 1, and ‖v‖∞ = max |vᵢ|.

        Same as ``p_norm(v, p)``, which see.

        >>> Vector([3, -4]).norm(), Vector([3, -4]).norm(1), Vector([3, -4]).norm(math.inf)
        (5.0, 7.0, 4.0)

        Raises:
            TypeError: p is not a real number.  DomainError: p < 1 or p is NaN.
        """
        return p_norm(self, p)

    @overload
    def normalize(self: Vector[float] | Vector[Fraction]) -> Vector[float]: ...
    @overload
    def normalize(self) -> Vector: ...
    def normalize(self) -> Vector[Any]:
        """The unit vector v / ‖v‖₂ pointing the same way as v.

        >>> Vector([3, 4]).normalize()
        Vector([0.6, 0.8])

        Raises:
            DomainError: v is the zero vector (it has no direction), or has NaN/inf components.
        """
        _require_finite(self, "normalize")
        if not any(self._c):
            raise DomainError("cannot normalize the zero vector: it has no direction")
        if self._kind == _EXACT:
            return _unit_exact(self, self.dot(self))  # type: ignore[arg-type]
        scaled = _scaled(self)
        length = p_norm(scaled, 2)
        return Vector._trusted(tuple(x / length for x in scaled._c))

    def distance(self, other: Vector, p: float = 2) -> float:
        """The distance d(u, v) = ‖u − v‖ₚ that the p-norm induces.

        >>> Vector([1, 1]).distance(Vector([4, 5]))
        5.0
        >>> Vector([1, 1]).distance(Vector([4, 5]), p=1)
        7.0

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
            DomainError: p < 1.
        """
        other = _check_vector(other, "other")
        a, b, _ = self._paired(other, "measure the distance between")
        return p_norm(Vector._trusted(tuple(map(operator.sub, a, b))), p)

    def angle(self, other: Vector) -> float:
        """The angle θ ∈ [0, π] between u and v: cos θ = Re⟨u, v⟩ / (‖u‖ ‖v‖).

        Computed as θ = 2·atan2(‖û − v̂‖, ‖û + v̂‖) with û = u/‖u‖, v̂ = v/‖v‖ (Kahan), which
        stays accurate for nearly parallel vectors where arccos of a number near 1 loses
        half the digits, and never asks ``math.acos`` for a value a rounding pushed past 1.

        >>> Vector([1, 0]).angle(Vector([0, 2]))  # π/2
        1.5707963267948966
        >>> Vector([1, 1]).angle(Vector([-1, -1]))  # π
        3.141592653589793

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
            DomainError: either vector is zero (no direction) or has NaN/inf components.
        """
        other = _check_vector(other, "other")
        _check_same_dimension(self, other, "measure the angle between")
        for v in (self, other):
            _require_finite(v, "measure an angle")
            if not any(v._c):
                raise DomainError("the angle with the zero vector is undefined")
        u_hat, v_hat = self.normalize(), other.normalize()
        return 2.0 * math.atan2(p_norm(u_hat - v_hat, 2), p_norm(u_hat + v_hat, 2))

    def is_orthogonal(self, other: Vector, *, tol: float = 1e-12) -> bool:
        """Whether ⟨u, v⟩ = 0: exactly for rational vectors, relatively for floats.

        For floats the test is |⟨u, v⟩| ≤ tol · ‖u‖ ‖v‖, so it does not depend on the
        vectors' scale. The zero vector is orthogonal to every vector.

        >>> Vector([1, 2]).is_orthogonal(Vector([-2, 1]))
        True
        >>> Vector([1.0, 1e-17]).is_orthogonal(Vector([-1e-17, 1.0]))
        True

        Raises:
            TypeError: other is not a Vector.  DimensionError: the dimensions differ.
            DomainError: a negative or NaN tolerance, or NaN/inf components.
        """
        other = _check_vector(other, "other")
        tolerance: Any = check_tolerance(tol)
        u_values, v_values, kind = self._paired(other, "test orthogonality of")
        if kind == _EXACT:
            return self.dot(other) == 0
        u, v = Vector._trusted(u_values), Vector._trusted(v_values)
        _require_finite(u, "test orthogonality of")
        _require_finite(v, "test orthogonality of")
        # The test is scale-invariant; scaling by powers of two first keeps ⟨u, v⟩ finite.
        u, v = _scaled(u), _scaled(v)
        return bool(abs(u.dot(v)) <= tolerance * p_norm(u, 2) * p_norm(v, 2))

    @overload
    def project(self: Vector[int | Fraction], onto: Vector[int | Fraction]) -> Vector[Fraction]: ...
    @overload
    def project(self: Vector[float], onto: Vector[float]) -> Vector[float]: ...
    @overload
    def project(self, onto: Vector) -> Vector: ...
    def project(self, onto: Vector) -> Vector[Any]:
        """The orthogonal projection of v onto the line through u: (⟨v, u⟩ / ⟨u, u⟩)·u.

        v − proj is orthogonal to u. Exact for rational vectors.

        >>> Vector([2, 3]).project(Vector([1, 0]))
        Vector([2, 0])
        >>> Vector([1, 2]).project(Vector([1, 1]))
        Vector([Fraction(3, 2), Fraction(3, 2)])

        Raises:
            TypeError: onto is not a Vector.  DimensionError: the dimensions differ.
            DomainError: onto is the zero vector (there is no line to project onto).
        """
        onto = _check_vector(onto, "onto")
        _check_same_dimension(self, onto, "project")
        if not any(onto._c):
            raise DomainError("cannot project onto the zero vector")
        v_values, u_values, kind = self._paired(onto, "project")
        if kind == _EXACT:
            return onto * _divide(self.dot(onto), onto.dot(onto))
        v, u = Vector._trusted(v_values), Vector._trusted(u_values)
        _require_finite(v, "project")
        _require_finite(u, "project onto")
        # proj is unchanged by scaling onto, and linear in v: scale both by powers of two
        # (exactly) so ⟨v, u⟩ and ⟨u, u⟩ neither overflow nor underflow, then scale back.
        u_hat, v_hat = _scaled(u), _scaled(v)
        shift = _scale_exponent(v)
        coefficient = _divide(v_hat.dot(u_hat), u_hat.dot(u_hat))
        return Vector._trusted(tuple(_ldexp(c * coefficient, shift) for c in u_hat._c))

    def cross(self, other: Vector[U]) -> Vector[S | U]:
        """The cross product u × v of two 3-d vectors: orthogonal to both, ‖u × v‖ = area.

        u × v = (u₂v₃ − u₃v₂, u₃v₁ − u₁v₃, u₁v₂ − u₂v₁).

        >>> Vector([1, 0, 0]).cross(Vector([0, 1, 0]))
        Vector([0, 0, 1])

        Raises:
            TypeError: other is not a Vector.
            DimensionError: either vector is not 3-dimensional.
        """
        other = _check_vector(other, "other")
        if len(self) != 3 or len(other) != 3:
            raise DimensionError(
                f"the cross product needs two 3-dimensional vectors, got dimensions "
                f"{len(self)} and {len(other)}"
            )
        (a1, a2, a3), (b1, b2, b3), _ = self._paired(other, "cross")
        return Vector._trusted((a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1))


_EXACT_TYPES = frozenset((int, Fraction))


def _tidy_scalar(x: Any) -> Any:
    """A Fraction with denominator 1 as the int it equals (Fraction(4, 1) → 4)."""
    if type(x) is Fraction and x.denominator == 1:
        return x.numerator
    return x


def _vector_of_results(components: tuple[Any, ...]) -> Vector[Any]:
    """A Vector of values computed by some function: trusted when already homogeneous.

    One pass over the types (in C) decides: all floats, or all exact, need no promotion;
    anything else goes through the checking constructor (which promotes, or refuses a
    non-number).
    """
    types = set(map(type, components))
    if types <= {float}:
        return Vector._trusted(components)
    if types <= _EXACT_TYPES:
        return Vector._trusted(tuple(map(_tidy_scalar, components)))
    return Vector(components)


def scalar_repr(x: Scalar) -> str:
    """repr(x), but readable by eval() for inf and nan too.

    >>> scalar_repr(float("inf")), scalar_repr(2.5)
    ("float('inf')", '2.5')
    """
    if isinstance(x, float) and not math.isfinite(x):
        return f"float('{x}')"
    if isinstance(x, complex) and not cmath.isfinite(x):
        return f"complex({scalar_repr(x.real)}, {scalar_repr(x.imag)})"
    return repr(x)


#: The most entries a Vector (or a Matrix, counting m·n) may be asked to hold: 10⁹ entries
#: are 8 GB of pointers alone, past what a plain-Python table can use. A larger request is
#: refused with a clear error instead of an OverflowError or a machine that runs out of memory.
MAX_ENTRIES = 10**9


def _check_dimension(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} must be an int, not {type(n).__name__}")
    if n < 0:
        raise DomainError(f"{name} must be non-negative, got {n}")
    if n > MAX_ENTRIES:
        raise DomainError(f"{name} = {n} is more than the {MAX_ENTRIES:,} entries a Vector holds")
    return n


def _round_scalar(x: Any, ndigits: int | None) -> Scalar:
    """round(x, ndigits) for any scalar: a complex number part by part."""
    if isinstance(x, complex):
        return complex(round(x.real, ndigits), round(x.imag, ndigits))
    result: Scalar = round(x, ndigits)
    return result


def _as_vector(v: object) -> Vector[Any] | None:
    """v as a Vector if it is one, or a plain list/tuple of numbers; None for anything else."""
    if isinstance(v, Vector):
        return v
    if isinstance(v, (list, tuple)):
        return Vector(v)
    return None


def _check_vector(v: object, name: str) -> Vector[Any]:
    if not isinstance(v, Vector):
        raise TypeError(f"{name} must be a Vector, not {type(v).__name__}")
    return v


def _check_same_dimension(u: Vector, v: Vector, verb: str) -> None:
    if len(u) != len(v):
        raise DimensionError(f"cannot {verb} vectors of dimensions {len(u)} and {len(v)}")


def _signed(magnitude: float, like: int | Fraction) -> float:
    return -magnitude if like < 0 else magnitude


def _scale_exponent(v: Vector) -> int:
    """The binary exponent e of the largest |component| (0 for exact or zero vectors)."""
    if v._kind == _EXACT:
        return 0
    c: tuple[Any, ...] = v._c
    largest: float = max([abs(x.real) for x in c] + [abs(x.imag) for x in c], default=0.0)
    return math.frexp(largest)[1] if largest else 0


def _scaled(v: Vector) -> Vector:
    """v·2⁻ᵉ with the largest component in [½, 1): exact, and safe from over/underflow.

    Multiplying by a power of two changes only the exponents, so it adds no rounding
    error (unless a tiny component becomes subnormal, which only loses what is negligible
    against the largest one).
    """
    e = _scale_exponent(v)
    if e == 0:
        return v
    return Vector._trusted(tuple(_ldexp(c, -e) for c in v._c))


def _require_finite(v: Vector, verb: str) -> None:
    if v._kind != _EXACT and not all(map(_is_finite, v._c)):
        raise DomainError(f"cannot {verb} a vector with NaN or infinite components: {v!r}")


# ---------------------------------------------------------------------------------------
# Inner products and norms as functions.
# ---------------------------------------------------------------------------------------


def inner(u: Vector[U], v: Vector[U]) -> U:
    """The standard inner product ⟨u, v⟩ = Σ uᵢ·conj(vᵢ); the same as ``u.dot(v)``.

    It is linear in the first argument, conjugate-symmetric (⟨u, v⟩ = conj⟨v, u⟩) and
    positive definite (⟨v, v⟩ > 0 for v ≠ 0).

    >>> inner(Vector([1, 2]), Vector([3, 4]))
    11

    Raises:
        TypeError: u or v is not a Vector.  DimensionError: the dimensions differ.
    """
    product: U = _check_vector(u, "u").dot(_check_vector(v, "v"))
    return product


def _check_p(p: object) -> float | int | Fraction:
    p = _check_real_parameter(p, "p")
    if not p >= 1:
        raise DomainError(
            f"p-norm needs p ≥ 1 (or math.inf), got {p!r}: for p < 1 the triangle "
            f"inequality fails, so ‖·‖ₚ is not a norm"
        )
    return p


def p_norm(v: Vector, p: float = 2) -> float:
    """The p-norm ‖v‖ₚ = (Σ |vᵢ|ᵖ)^(1/p) for real p ≥ 1; ‖v‖∞ = max |vᵢ| for p = math.inf.

    A norm is positive definite, absolutely homogeneous and obeys the triangle inequality;
    for p < 1 the last fails, so such p is refused. Norms are floats. Overflow and
    underflow are avoided: p = 2 uses ``math.hypot`` (which scales internally), exact
    vectors take an exact sum of squares and one correctly rounded square root, and other p
    scale by the largest |vᵢ| first, so ‖(1e200, 1e200)‖ is 1.414…e200, not inf.

    >>> p_norm(Vector([3, 4]), 2)
    5.0
    >>> p_norm(Vector([1e200, 1e200]), 2)
    1.414213562373095e+200
    >>> p_norm(Vector([1, -2, 3]), 1), p_norm(Vector([1, -2, 3]), math.inf)
    (6.0, 3.0)

    Raises:
        TypeError: v is not a Vector, or p is not a real number.
        DomainError: p < 1 or p is NaN.
    """
    v = _check_vector(v, "v")
    p_value = _check_p(p)
    c: tuple[Any, ...] = v._c
    kind = v._kind
    if not c:
        return 0.0
    if kind == _EXACT:
        if p_value == math.inf:
            return _to_float(max(map(abs, c)))
        if p_value == 1:
            return _to_float(sum(map(abs, c)))
        if p_value == 2:
            return _exact_sqrt(sum(x * x for x in c))
    elif p_value == 2:
        if kind == _REAL:
            return math.hypot(*c)
        # ‖z‖₂² = Σ (Re zᵢ)² + (Im zᵢ)²: one hypot over all the real and imaginary parts.
        return math.hypot(*(z.real for z in c), *(z.imag for z in c))
    if kind == _EXACT:
        # Scale exactly by the largest |xᵢ| first, so that no ratio over- or underflows.
        top = max(map(abs, c))
        if top == 0:
            return 0.0
        ratios = [_to_float(abs(x) / top) for x in c]
        pf = _to_float(p_value)
        return float(_to_float(top) * math.fsum(r**pf for r in ratios) ** (1.0 / pf))
    magnitudes = [_magnitude(x) for x in c]
    if any(map(math.isnan, magnitudes)):
        return math.nan
    largest = max(magnitudes)
    if p_value == math.inf or largest == 0 or math.isinf(largest):
        return largest
    if p_value == 1:
        return float(_sum(magnitudes, _REAL))
    # Scale by the largest magnitude: each term (|xᵢ|/m)ᵖ ≤ 1 cannot overflow, and the one
    # term equal to 1 keeps the sum away from underflow.
    pf = _to_float(p_value)
    total = math.fsum((x / largest) ** pf for x in magnitudes)
    return float(largest * total ** (1.0 / pf))


def sup_norm(v: Vector) -> float:
    """The supremum (maximum, Chebyshev) norm ‖v‖∞ = max |vᵢ|, the limit of ‖v‖ₚ as p → ∞.

    >>> sup_norm(Vector([1, -7, 3]))
    7.0

    Raises:
        TypeError: v is not a Vector.
    """
    return p_norm(v, math.inf)


def induced_norm(inner_product: Callable[[Vector, Vector], Scalar]) -> Callable[[Vector], float]:
    """The norm ‖x‖ = √⟨x, x⟩ that an inner product induces, as a function.

    Every inner product gives a norm this way; the standard one gives the 2-norm. A weighted
    inner product ⟨x, y⟩ = Σ wᵢxᵢyᵢ (wᵢ > 0) gives a weighted norm.

    >>> norm = induced_norm(inner)
    >>> norm(Vector([3, 4]))
    5.0
    >>> weighted = induced_norm(lambda x, y: 4 * x[0] * y[0] + x[1] * y[1])
    >>> weighted(Vector([1, 3]))
    3.605551275463989

    Raises:
        TypeError: inner_product is not callable; the returned norm raises TypeError if the
            inner product returns a non-number.
        DomainError: (from the returned norm) ⟨x, x⟩ is negative or not real, so the
            function was not an inner product.
    """
    if not callable(inner_product):
        raise TypeError(f"inner_product must be callable, not {type(inner_product).__name__}")

    def norm(x: Vector) -> float:
        value = _check_scalar(inner_product(x, x), "the inner product ⟨x, x⟩")
        if isinstance(value, complex):
            if value.imag != 0:
                raise DomainError(f"⟨x, x⟩ must be real for an inner product, got {value!r}")
            value = value.real
        if isinstance(value, float) and math.isnan(value):
            raise DomainError("⟨x, x⟩ is NaN")
        if value < 0:
            raise DomainError(
                f"⟨x, x⟩ = {value!r} < 0: the function is not positive definite, "
                f"so it is not an inner product"
            )
        if isinstance(value, (int, Fraction)):
            return _exact_sqrt(value)
        return math.sqrt(value)

    norm.__doc__ = "The norm √⟨x, x⟩ induced by the given inner product."
    return norm


# ---------------------------------------------------------------------------------------
# Combinations and orthonormal bases.
# ---------------------------------------------------------------------------------------


def _check_vectors(vectors: object, name: str = "vectors") -> list[Vector]:
    if isinstance(vectors, Vector) or not isinstance(vectors, Iterable):
        raise TypeError(f"{name} must be an iterable of Vectors, not {type(vectors).__name__}")
    result = list(vectors)
    for k, v in enumerate(result):
        if not isinstance(v, Vector):
            raise TypeError(f"{name}[{k}] must be a Vector, not {type(v).__name__}")
    for k, v in enumerate(result[1:], start=1):
        if len(v) != len(result[0]):
            raise DimensionError(
                f"all vectors must have one dimension: {name}[0] has {len(result[0])}, "
                f"{name}[{k}] has {len(v)}"
            )
    return result


def linear_combination(coefficients: Iterable[Scalar], vectors: Iterable[Vector]) -> Vector:
    """The linear combination Σ cᵢ·vᵢ of some vectors, exact for rational inputs.

    Every vector of a span is one; floats are summed per component with ``math.fsum``.

    >>> linear_combination([2, -1], [Vector([1, 0]), Vector([1, 1])])
    Vector([1, -1])

    Raises:
        TypeError: a coefficient is not a number or a vector is not a Vector.
        DimensionError: different numbers of coefficients and vectors, vectors of different
            dimensions, or no vectors at all (the dimension of the result would be unknown).
    """
    if isinstance(coefficients, (str, bytes)) or not isinstance(coefficients, Iterable):
        raise TypeError(
            f"coefficients must be an iterable of numbers, not {type(coefficients).__name__}"
        )
    coefficient_list = [_check_scalar(c, "a coefficient") for c in coefficients]
    vector_list = _check_vectors(vectors)
    if len(coefficient_list) != len(vector_list):
        raise DimensionError(
            f"got {len(coefficient_list)} coefficients for {len(vector_list)} vectors"
        )
    if not vector_list:
        raise DimensionError("a linear combination of no vectors has no dimension")
    kind = max(max(map(_kind_of_scalar, coefficient_list)), max(v._kind for v in vector_list))
    coefficient_list = list(_promote(tuple(coefficient_list), kind))
    columns = zip(*(_promote(v._c, kind) for v in vector_list), strict=True)
    return Vector._trusted(
        tuple(_sum(map(operator.mul, coefficient_list, column), kind) for column in columns)
    )


def gram_schmidt(vectors: Iterable[Vector], *, tol: float = 1e-12) -> list[Vector]:
    """An orthonormal basis q₀, q₁, … of the span of v₀, v₁, …, in order (Gram–Schmidt).

    wₖ = vₖ − Σⱼ<ₖ ⟨vₖ, qⱼ⟩ qⱼ,   qₖ = wₖ / ‖wₖ‖.

    Rational input is orthogonalised exactly, so a dependence is detected exactly, and
    only the final normalisations round. Float input uses *modified* Gram–Schmidt (each
    projection is subtracted from the running remainder, not from the original vector),
    run twice ("twice is enough", Kahan–Parlett): one pass loses orthogonality in proportion
    to the condition of the vectors, a second pass restores it to rounding level, ~1e-16.
    A float vector counts as dependent when its remainder is below tol·‖vₖ‖.

    >>> q = gram_schmidt([Vector([3, 4]), Vector([1, 0])])
    >>> q[0], q[1]
    (Vector([0.6, 0.8]), Vector([0.8, -0.6]))

    Raises:
        TypeError: an item is not a Vector.  DimensionError: the dimensions differ.
        DomainError: a vector depends linearly on the ones before it (the message names
            its index), a negative tolerance, or NaN/inf components.
    """
    vector_list = _check_vectors(vectors)
    tolerance: Any = check_tolerance(tol)
    kind = max((v._kind for v in vector_list), default=_EXACT)
    if kind == _EXACT:
        return _gram_schmidt_exact(vector_list)
    vector_list = [Vector._trusted(_promote(v._c, kind)) for v in vector_list]
    for v in vector_list:
        _require_finite(v, "orthogonalise")
    basis: list[Vector] = []
    for k, v in enumerate(vector_list):
        w = _scaled(v)
        scale = p_norm(w, 2)
        for _ in range(2):
            for q in basis:
                w = w - q * w.dot(q)
        length = p_norm(w, 2)
        if length <= tolerance * scale or length == 0:
            raise DomainError(
                f"vectors[{k}] is linearly dependent on the vectors before it "
                f"(its remainder has norm {length:.3g}, at most tol·‖v‖ = {tolerance * scale:.3g})"
            )
        basis.append(Vector._trusted(tuple(x / length for x in w._c)))
    return basis


def _gram_schmidt_exact(vectors: list[Vector]) -> list[Vector]:
    """Orthogonalise exactly over the rationals, then normalise each result once."""
    orthogonal: list[tuple[Vector, int | Fraction]] = []  # (wⱼ, ⟨wⱼ, wⱼ⟩)
    for k, v in enumerate(vectors):
        w = v
        for u, uu in orthogonal:
            w = w - u * _divide(w.dot(u), uu)
        ww = w.dot(w)
        if ww == 0:
            raise DomainError(f"vectors[{k}] is linearly dependent on the vectors before it")
        orthogonal.append((w, ww))  # type: ignore[arg-type]
    return [_unit_exact(w, ww) for w, ww in orthogonal]


def _unit_exact(w: Vector, ww: int | Fraction) -> Vector:
    """w / ‖w‖ for a rational w with ⟨w, w⟩ = ww, each component correctly rounded.

    wᵢ/‖w‖ = sign(wᵢ)·√(wᵢ²/ww): the quotient under the root is exact, so the one rounding
    is the square root's.
    """
    c: tuple[Any, ...] = w._c
    return Vector._trusted(tuple(_signed(_exact_sqrt(x * x / Fraction(ww)), x) for x in c))


def is_orthonormal(vectors: Iterable[Vector], *, tol: float = 1e-9) -> bool:
    """Whether the vectors are orthonormal: |⟨qᵢ, qⱼ⟩ − δᵢⱼ| ≤ tol for all i, j.

    >>> is_orthonormal([Vector([1, 0]), Vector([0, 1])])
    True
    >>> is_orthonormal([Vector([1, 0]), Vector([1, 1])])
    False

    Raises:
        TypeError: an item is not a Vector.  DimensionError: the dimensions differ.
        DomainError: a negative or NaN tolerance.
    """
    vector_list = _check_vectors(vectors)
    tolerance = check_tolerance(tol)
    for i, qi in enumerate(vector_list):
        for j in range(i, len(vector_list)):
            product: Any = qi.dot(vector_list[j])
            target = 1 if i == j else 0
            if not abs(product - target) <= tolerance:
                return False
    return True
