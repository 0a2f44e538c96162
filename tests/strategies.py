"""Hypothesis strategies shared by the tests of scratchmath.

Each section below has a header comment; add new strategies in a new section at the end
(append-only: other test modules import these names).

Sections:
  1. Scalars  — ``fractions``, ``ints``, ``floats``, ``complexes``, ``gaussian_integers``,
     ``nonzero``.
  2. Vectors  — ``dimensions``, ``vectors``, ``vector_tuples``, ``vector_pairs``,
     ``vector_triples``, ``orthogonal_pairs``.
  3. Norms    — ``P_FIXED``, ``p_values``, ``finite_p_values``.

The numbers are deliberately small: exact ``Fraction`` arithmetic stays fast when the
numerators and denominators do, and floats in [1e-3, 1e3] (or 0) keep every product and
sum far from overflow and underflow, so a float test measures rounding, not range.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, TypeVar

from hypothesis import strategies as st

from scratchmath.vectors import Vector

T = TypeVar("T")

# ---------------------------------------------------------------------------------------
# 1. Scalars.
# ---------------------------------------------------------------------------------------

MIN_MAGNITUDE = 1e-3
MAX_MAGNITUDE = 1e3


def ints(bound: int = 20) -> st.SearchStrategy[int]:
    """Integers in [-bound, bound]."""
    return st.integers(-bound, bound)


def fractions(max_numerator: int = 20, max_denominator: int = 12) -> st.SearchStrategy[Fraction]:
    """Rationals n/d with |n| ≤ max_numerator and 1 ≤ d ≤ max_denominator (often integral)."""
    return st.builds(
        Fraction,
        st.integers(-max_numerator, max_numerator),
        st.integers(1, max_denominator),
    )


def floats(
    min_magnitude: float = MIN_MAGNITUDE, max_magnitude: float = MAX_MAGNITUDE
) -> st.SearchStrategy[float]:
    """Finite floats with |x| in [min_magnitude, max_magnitude], or exactly 0.0 (no NaN/inf)."""
    magnitude = st.floats(min_magnitude, max_magnitude, allow_nan=False, allow_infinity=False)
    signed = st.builds(lambda m, negative: -m if negative else m, magnitude, st.booleans())
    return st.one_of(st.just(0.0), signed)


def complexes(
    min_magnitude: float = MIN_MAGNITUDE, max_magnitude: float = MAX_MAGNITUDE
) -> st.SearchStrategy[complex]:
    """Complex numbers whose real and imaginary parts are drawn from ``floats``."""
    parts = floats(min_magnitude, max_magnitude)
    return st.builds(complex, parts, parts)


def gaussian_integers(bound: int = 10) -> st.SearchStrategy[complex]:
    """Complex numbers a + bi with small integer a, b.

    Sums and products of a few of them are exact in floating point (all intermediate
    values are small integers), so complex identities can be tested with ``==``.
    """
    return st.builds(complex, st.integers(-bound, bound), st.integers(-bound, bound))


def nonzero(elements: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """The same scalars without zero."""
    return elements.filter(lambda x: x != 0)


# ---------------------------------------------------------------------------------------
# 2. Vectors.
# ---------------------------------------------------------------------------------------

MAX_DIM = 6


def dimensions(min_dim: int = 0, max_dim: int = MAX_DIM) -> st.SearchStrategy[int]:
    """A vector dimension n in [min_dim, max_dim]."""
    return st.integers(min_dim, max_dim)


def vectors(
    elements: st.SearchStrategy[Any],
    dim: int | None = None,
    min_dim: int = 0,
    max_dim: int = MAX_DIM,
) -> st.SearchStrategy[Vector]:
    """Vectors with components from ``elements``: of dimension ``dim``, or in [min_dim, max_dim]."""
    if dim is not None:
        min_dim = max_dim = dim
    return st.lists(elements, min_size=min_dim, max_size=max_dim).map(Vector)


def vector_tuples(
    elements: st.SearchStrategy[Any],
    count: int,
    dim: int | None = None,
    min_dim: int = 0,
    max_dim: int = MAX_DIM,
) -> st.SearchStrategy[tuple[Vector, ...]]:
    """``count`` vectors of one common dimension (``dim``, or drawn from [min_dim, max_dim])."""
    dims = st.just(dim) if dim is not None else dimensions(min_dim, max_dim)
    return dims.flatmap(lambda n: st.tuples(*(vectors(elements, n) for _ in range(count))))


def vector_pairs(
    elements: st.SearchStrategy[Any],
    dim: int | None = None,
    min_dim: int = 0,
    max_dim: int = MAX_DIM,
) -> st.SearchStrategy[tuple[Vector, ...]]:
    """(u, v) of one common dimension."""
    return vector_tuples(elements, 2, dim, min_dim, max_dim)


def vector_triples(
    elements: st.SearchStrategy[Any],
    dim: int | None = None,
    min_dim: int = 0,
    max_dim: int = MAX_DIM,
) -> st.SearchStrategy[tuple[Vector, ...]]:
    """(u, v, w) of one common dimension."""
    return vector_tuples(elements, 3, dim, min_dim, max_dim)


def _orthogonalise(pair: tuple[Vector, ...]) -> tuple[Vector, Vector]:
    # v = ⟨u, u⟩·w − ⟨w, u⟩·u is orthogonal to u: ⟨v, u⟩ = ⟨u,u⟩⟨w,u⟩ − ⟨w,u⟩⟨u,u⟩ = 0.
    # Scaling by ⟨u, u⟩ instead of dividing keeps integer input integral.
    u, w = pair
    return u, u.dot(u) * w - w.dot(u) * u


def orthogonal_pairs(
    elements: st.SearchStrategy[Any] | None = None,
    dim: int | None = None,
    min_dim: int = 0,
    max_dim: int = MAX_DIM,
) -> st.SearchStrategy[tuple[Vector, Vector]]:
    """(u, v) with ⟨u, v⟩ = 0 *exactly*; components exact (``fractions()`` by default).

    Built as v = ⟨u, u⟩·w − ⟨w, u⟩·u from two random vectors u, w. With exact elements
    (``ints``, ``fractions``, ``gaussian_integers``) the orthogonality is exact; convert
    to float afterwards if a float pair is wanted.
    """
    if elements is None:
        elements = fractions(6, 4)
    return vector_pairs(elements, dim, min_dim, max_dim).map(_orthogonalise)


def as_floats(v: Vector) -> Vector:
    """The same vector with float components (a helper for building float test data)."""
    return Vector(map(float, v))


# ---------------------------------------------------------------------------------------
# 3. Norms: values of p.
# ---------------------------------------------------------------------------------------

P_FIXED: tuple[float, ...] = (1, 2, 3, math.inf)
"""The p every norm test covers: the taxicab, Euclidean, a cubic and the supremum norm."""


def finite_p_values(max_p: float = 20.0) -> st.SearchStrategy[float]:
    """Random real p in [1, max_p]."""
    return st.floats(1.0, max_p, allow_nan=False, allow_infinity=False)


def p_values() -> st.SearchStrategy[float]:
    """p ≥ 1 for a p-norm: 1, 2, 3, ∞ or a random real p in [1, 20]."""
    return st.one_of(st.sampled_from(P_FIXED), finite_p_values())


# ---------------------------------------------------------------------------------------
# 4. Matrices (tests/matrices/). Small entries keep exact elimination fast; shapes
#    are drawn first so that products compose.
# ---------------------------------------------------------------------------------------

MAX_MATRIX_DIM = 4


def _small_rational(k: int) -> Any:
    """The k-th of the 65 rationals n/d, n ∈ {0, 1, −1, …, 6, −6}, d ∈ {1, …, 5}; k = 0 ↦ 0."""
    index, d = k % 13, 1 + k // 13
    n = (index + 1) // 2 * (1 if index % 2 else -1)
    return n if d == 1 else Fraction(n, d)


def matrix_rationals() -> st.SearchStrategy[Any]:
    """Small exact entries n/d, |n| ≤ 6, 1 ≤ d ≤ 5 (ints when d = 1), shrinking towards 0.

    One integer draw per entry: building matrices of Fractions from ``st.fractions`` costs
    several times more generation time than the exact arithmetic under test.
    """
    return st.integers(0, 64).map(_small_rational)


def matrix_floats() -> st.SearchStrategy[float]:
    """Finite floats in [-10, 10] (zeros and tiny values included, as elimination meets them)."""
    return st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)


def matrices(entries: st.SearchStrategy[Any], m: int, n: int) -> st.SearchStrategy[Any]:
    """m×n matrices (``scratchmath.matrices.Matrix``) with entries drawn from ``entries``."""
    from scratchmath.matrices import Matrix

    rows = st.lists(entries, min_size=n, max_size=n)
    return st.lists(rows, min_size=m, max_size=m).map(Matrix)


@st.composite
def square_matrices(
    draw: st.DrawFn, entries: st.SearchStrategy[Any], max_n: int = MAX_MATRIX_DIM
) -> Any:
    """n×n matrices, 1 ≤ n ≤ max_n."""
    n = draw(st.integers(1, max_n))
    return draw(matrices(entries, n, n))


@st.composite
def rectangular_matrices(
    draw: st.DrawFn, entries: st.SearchStrategy[Any], max_dim: int = MAX_MATRIX_DIM
) -> Any:
    """m×n matrices, 1 ≤ m, n ≤ max_dim."""
    m, n = draw(st.integers(1, max_dim)), draw(st.integers(1, max_dim))
    return draw(matrices(entries, m, n))


@st.composite
def matrix_chains(
    draw: st.DrawFn, entries: st.SearchStrategy[Any], count: int, max_dim: int = MAX_MATRIX_DIM
) -> list[Any]:
    """count matrices whose shapes compose: m₀×m₁, m₁×m₂, … (so A @ B @ … is defined)."""
    dims = draw(st.lists(st.integers(1, max_dim), min_size=count + 1, max_size=count + 1))
    return [draw(matrices(entries, dims[k], dims[k + 1])) for k in range(count)]


@st.composite
def low_rank_int_matrices(draw: st.DrawFn, max_dim: int = 5, max_rank: int = 3) -> Any:
    """Products B C of an m×r and an r×n small-integer matrix: rank ≤ r, often deficient."""
    m, n = draw(st.integers(1, max_dim)), draw(st.integers(1, max_dim))
    r = draw(st.integers(1, max_rank))
    ints_ = st.integers(-6, 6)
    return draw(matrices(ints_, m, r)) @ draw(matrices(ints_, r, n))
