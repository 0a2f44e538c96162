"""Matrices: linear maps written down as tables of numbers (layer 2, the core).

============================  ===========================================================
``Matrix``                    an immutable m×n table of scalars; a linear map 𝔽ⁿ → 𝔽ᵐ
``Matrix.identity(n)``        the identity Iₙ: ones on the diagonal, zeros elsewhere
``Matrix.zeros(m, n)``        the zero matrix 0ₘₓₙ
``Matrix.diagonal(values)``   the square matrix with the given diagonal
``Matrix.from_rows``          the matrix whose rows are the given vectors
``Matrix.from_columns``       the matrix whose columns are the given vectors
``Matrix.from_function``      the matrix with entries aᵢⱼ = f(i, j)
``Matrix.rotation(theta)``    the 2×2 counter-clockwise rotation by θ radians
``matrix_norm``               ‖A‖ for kind "fro", 1, 2, math.inf or "nuc"
============================  ===========================================================

Attributes and methods of a matrix: ``shape``, ``rows``, ``columns``, ``T``, ``trace``,
``is_symmetric``, ``norm``, ``isclose``, entry by entry ``map`` and ``hadamard``, and
(delegating to the other modules of this package) ``det``, ``inverse``, ``rank``, ``rref``.
Operators: ``+ - * / @ ** ==`` and indexing ``A[i, j]`` (an entry) and ``A[i]`` (a row).

A matrix *is* a linear map: the j-th column of A is where A sends the j-th basis vector,
and by linearity that fixes where it sends every vector. The product A @ B is the map
"first B, then A" — composition:

>>> A = Matrix([[1, 2], [3, 4]])
>>> A @ Vector([1, 0]), A @ Vector([0, 1])   # the columns of A
(Vector([1, 3]), Vector([2, 4]))
>>> A @ A
Matrix([[7, 10], [15, 22]])
>>> A.T, A.trace()
(Matrix([[1, 3], [2, 4]]), 5)
>>> print(A / 2)
[1/2  1]
[3/2  2]

Numbers. Like a ``Vector``, a matrix is *homogeneous*: its entries are all exact (``int``
or ``Fraction``), or all ``float``, or all ``complex``; mixed input is promoted on
construction. Exact matrices stay exact under every rational operation.
"""

from __future__ import annotations

import cmath
import math
import numbers
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from itertools import chain
from typing import Any, Generic, overload

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices.singular import exact_rank, scaled_singular_values, svd_table
from scratchmath.scalars import COMPLEX as _COMPLEX
from scratchmath.scalars import EXACT as _EXACT
from scratchmath.scalars import REAL as _REAL
from scratchmath.scalars import S, U, format_scalar, latex_scalar, saturating_ldexp
from scratchmath.scalars import accurate_sum as _sum
from scratchmath.scalars import check_scalar as _check_scalar
from scratchmath.scalars import divide as _divide
from scratchmath.scalars import exact_sqrt as _exact_sqrt
from scratchmath.scalars import homogenize as _homogenize
from scratchmath.scalars import kind_of as _kind_of_scalar
from scratchmath.scalars import promote as _promote
from scratchmath.scalars import to_float as _to_float
from scratchmath.vectors import MAX_ENTRIES, Scalar, Vector, check_tolerance, scalar_repr

__all__ = ["Matrix", "matrix_norm"]

Rows = tuple[tuple[Scalar, ...], ...]


# ---------------------------------------------------------------------------------------
# Small helpers shared by the modules of this package.
# ---------------------------------------------------------------------------------------


def shape_text(shape: tuple[int, int]) -> str:
    """'2×3' for the shape (2, 3): how every message names a shape.

    >>> shape_text((2, 3))
    '2×3'
    """
    return f"{shape[0]}×{shape[1]}"


def tidy(x: Any) -> Any:
    """A Fraction with denominator 1 as the int it equals (Fraction(4, 1) → 4).

    >>> tidy(Fraction(4, 2)), tidy(Fraction(1, 2)), tidy(0.5)
    (2, Fraction(1, 2), 0.5)
    """
    if type(x) is Fraction and x.denominator == 1:
        return x.numerator
    return x


def tidy_rows(rows: Iterable[Iterable[Any]]) -> Rows:
    """Rows of exact entries with every whole Fraction written as an int.

    >>> tidy_rows([[Fraction(2, 1), Fraction(1, 3)]])
    ((2, Fraction(1, 3)),)
    """
    return tuple(tuple(map(tidy, row)) for row in rows)


def _check_size(n: object, name: str) -> int:
    """A matrix dimension: an int ≥ 1 (an empty matrix is a DimensionError)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} must be an int, not {type(n).__name__}")
    if n < 1:
        raise DimensionError(f"a matrix needs at least one row and one column, got {name} = {n}")
    return n


def _check_shape(m: object, n: object, names: str = "mn") -> tuple[int, int]:
    """A shape m×n to build: both sizes ≥ 1 and at most MAX_ENTRIES entries in all."""
    rows, columns = _check_size(m, names[0]), _check_size(n, names[1])
    if rows * columns > MAX_ENTRIES:
        raise DimensionError(
            f"a {rows}×{columns} matrix would hold {rows * columns:.3g} entries, more than "
            f"the {MAX_ENTRIES:,} a Matrix holds"
        )
    return rows, columns


def check_matrix(A: object, name: str = "A") -> Matrix:
    """A itself if it is a Matrix; the argument check of every function of ``matrices``.

    >>> check_matrix([[1, 2]])
    Traceback (most recent call last):
    ...
    TypeError: A must be a Matrix, not list

    Raises: TypeError when A is not a Matrix.
    """
    if not isinstance(A, Matrix):
        raise TypeError(f"{name} must be a Matrix, not {type(A).__name__}")
    return A


def require_square(A: Matrix, what: str) -> int:
    """n for an n×n matrix; a DimensionError naming the shape otherwise.

    >>> require_square(Matrix([[1, 2]]), "det")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DimensionError: det needs a square matrix, got 1×2
    """
    m, n = A.shape
    if m != n:
        raise DimensionError(f"{what} needs a square matrix, got {m}×{n}")
    return n


def require_finite_matrix(A: Matrix, what: str) -> None:
    """A DomainError if a float/complex matrix holds NaN or ±inf (no algorithm can use it).

    >>> require_finite_matrix(Matrix([[math.inf]]), "invert")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: cannot invert a matrix with NaN or infinite entries
    """
    if A._kind == _EXACT:
        return
    # math.isfinite / cmath.isfinite mapped in C: no Python call per entry.
    isfinite: Callable[[Any], bool] = math.isfinite if A._kind == _REAL else cmath.isfinite
    for row in A._rows:
        if not all(map(isfinite, row)):
            raise DomainError(f"cannot {what} a matrix with NaN or infinite entries")


def complex_rows(A: Matrix, what: str) -> Any:
    """A's rows if A is a complex Matrix with some imaginary part ≠ 0 (checked finite);
    else None — a real Matrix, or a complex one whose entries are all real (Matrix([[1 + 0j]])),
    takes the real path, which checks finiteness itself and gives real factors.

    >>> complex_rows(Matrix([[1, 2j]]), "svd"), complex_rows(Matrix([[1 + 0j]]), "svd")
    ((((1+0j), 2j),), None)
    """
    if A._kind != _COMPLEX:
        return None
    require_finite_matrix(A, f"compute {what} of")
    rows: Any = A._rows
    if all(z.imag == 0 for row in rows for z in row):
        return None
    return rows


def real_table(A: object, what: str) -> list[list[Any]]:
    """A real Matrix as a fresh list of rows of floats; checks type and finiteness.

    >>> real_table(Matrix([[1, 2]]), "svd")
    [[1.0, 2.0]]

    Raises: TypeError (not a Matrix), DomainError (NaN/inf, a complex entry, or an exact
    entry beyond the float range).
    """
    A = check_matrix(A)
    require_finite_matrix(A, f"compute {what} of")
    rows: Any = A._rows
    if isinstance(rows[0][0], complex):
        if any(z.imag != 0 for row in rows for z in row):
            raise DomainError(f"{what} needs a real matrix; this one has complex entries")
        return [[z.real for z in row] for row in rows]
    table = [[_to_float(x) for x in row] for row in rows]
    if A._kind == _EXACT and not all(math.isfinite(x) for row in table for x in row):
        raise DomainError(f"{what}: an entry is too large to convert to a float")
    return table


def _promote_rows(rows: Rows, kind: int) -> Rows:
    """Convert homogeneous rows to ``kind`` (never downwards)."""
    if kind == _EXACT:
        return rows
    return tuple(_promote(row, kind) for row in rows)


def _matmul_rows(a: Rows, b: Rows, exact: bool) -> Rows:
    """The rows of the product of two compatible tables of entries of one kind.

    (AB)ᵢⱼ = Σₖ aᵢₖ bₖⱼ. This is the fastest plain-Python idiom: transpose B once so each
    column is a tuple, then each entry is ``sum(map(mul, row, column))`` — the loop over k
    runs in C, with no Python-level indexing. (A correctly rounded ``math.fsum`` would be
    several times slower; for exact entries ``sum`` is exact anyway.)
    """
    columns = tuple(zip(*b, strict=False))
    mul = operator.mul
    product = tuple([tuple([sum(map(mul, row, col)) for col in columns]) for row in a])
    return tidy_rows(product) if exact else product


# ---------------------------------------------------------------------------------------
# The matrix.
# ---------------------------------------------------------------------------------------


class Matrix(Generic[S]):
    """An m×n matrix: an immutable, hashable table of scalars, m, n ≥ 1.

    A = (aᵢⱼ), 0 ≤ i < m, 0 ≤ j < n. It represents the linear map x ↦ Ax from 𝔽ⁿ to 𝔽ᵐ,
    (Ax)ᵢ = Σⱼ aᵢⱼ xⱼ. Entries are promoted to one kind as for ``Vector`` (any float makes
    all floats).

    >>> A = Matrix([[1, 2, 3], [4, 5, 6]])
    >>> A.shape, A[1, 2], A[0]
    ((2, 3), 6, Vector([1, 2, 3]))
    >>> Matrix([[1, 0.5], [0, 1]])
    Matrix([[1.0, 0.5], [0.0, 1.0]])

    For a type checker a matrix is generic in its scalar type, as a ``Vector`` is:
    ``Matrix([[2.0, 1.0], [1.0, 3.0]])`` is a ``Matrix[float]``, whose entries, determinant,
    inverse and products are floats; a matrix of Fractions is a ``Matrix[Fraction]``.

    Raises:
        TypeError: rows is not an iterable of iterables of numbers.
        DimensionError: no rows, an empty row, or rows of different lengths (ragged).
    """

    __slots__ = ("_rows",)
    _rows: tuple[tuple[S, ...], ...]

    # The kind of the matrix as a type checker sees it (as for Vector).
    @overload
    def __init__(self: Matrix[int], rows: Iterable[Iterable[int]]) -> None: ...
    @overload
    def __init__(self: Matrix[Fraction], rows: Iterable[Iterable[int | Fraction]]) -> None: ...
    @overload
    def __init__(self: Matrix[float], rows: Iterable[Iterable[float]]) -> None: ...
    @overload
    def __init__(self: Matrix[complex], rows: Iterable[Iterable[complex]]) -> None: ...
    @overload
    def __init__(self, rows: Iterable[Iterable[Scalar]]) -> None: ...
    def __init__(self, rows: Iterable[Iterable[Scalar]]) -> None:
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
            raise TypeError(
                f"Matrix needs an iterable of rows (iterables of numbers), "
                f"not {type(rows).__name__}"
            )
        row_list: list[tuple[object, ...]] = []
        for i, row in enumerate(rows):
            if isinstance(row, (str, bytes)) or not isinstance(row, Iterable):
                raise TypeError(f"row {i} must be an iterable of numbers, not {type(row).__name__}")
            row_list.append(tuple(row))
        if not row_list:
            raise DimensionError("a matrix needs at least one row and one column, got no rows")
        n = len(row_list[0])
        if n == 0:
            raise DimensionError("a matrix needs at least one row and one column, got empty rows")
        for i, entries in enumerate(row_list):
            if len(entries) != n:
                raise DimensionError(
                    f"ragged rows: row 0 has {n} entries but row {i} has {len(entries)}"
                )
        flat = _homogenize((x for row in row_list for x in row), "a matrix entry")
        object.__setattr__(
            self, "_rows", tuple(flat[i * n : (i + 1) * n] for i in range(len(row_list)))
        )

    @classmethod
    def _trusted(cls, rows: Rows) -> Matrix[Any]:
        """Build from rows already known to be homogeneous, rectangular, non-empty (internal).

        Typed ``Matrix[Any]``, as ``Vector._trusted``: the public signatures state the kind.
        """
        A = object.__new__(cls)
        object.__setattr__(A, "_rows", rows)
        return A

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def identity(cls, n: int) -> Matrix[int]:
        """The n×n identity matrix Iₙ: (Iₙ)ᵢⱼ = δᵢⱼ (1 if i = j, else 0); Iₙx = x.

        >>> Matrix.identity(2)
        Matrix([[1, 0], [0, 1]])

        Raises:
            TypeError: n is not an int.  DimensionError: n < 1, or n² > MAX_ENTRIES.
        """
        n = _check_shape(n, n, names="nn")[0]
        return cls._trusted(tuple(tuple(1 if i == j else 0 for j in range(n)) for i in range(n)))

    @classmethod
    def zeros(cls, m: int, n: int) -> Matrix[int]:
        """The m×n zero matrix: every entry 0; the additive identity, A + 0 = A.

        >>> Matrix.zeros(2, 3)
        Matrix([[0, 0, 0], [0, 0, 0]])

        Raises:
            TypeError: m or n is not an int.  DimensionError: m < 1 or n < 1, or m·n > MAX_ENTRIES.
        """
        m, n = _check_shape(m, n)
        return cls._trusted(((0,) * n,) * m)

    @classmethod
    def diagonal(cls, values: Iterable[U]) -> Matrix[U]:
        """The diagonal matrix diag(d₀, …, dₙ₋₁): dᵢ at (i, i), 0 elsewhere.

        It scales the i-th coordinate axis by dᵢ.

        >>> Matrix.diagonal([2, 3])
        Matrix([[2, 0], [0, 3]])

        Raises:
            TypeError: values is not an iterable of numbers.  DimensionError: no values.
        """
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise TypeError(f"diagonal needs an iterable of numbers, not {type(values).__name__}")
        d = _homogenize(values, "a diagonal entry")
        if not d:
            raise DimensionError("a matrix needs at least one row and one column, got no values")
        zero: Scalar = _promote((0,), _kind_of_scalar(d[0]))[0]
        n = len(d)
        return cls._trusted(
            tuple(tuple(d[i] if i == j else zero for j in range(n)) for i in range(n))
        )

    @classmethod
    def from_rows(cls, vectors: Iterable[Vector[U]]) -> Matrix[U]:
        """The matrix whose i-th row is the i-th vector.

        >>> Matrix.from_rows([Vector([1, 2]), Vector([3, 4])])
        Matrix([[1, 2], [3, 4]])

        Raises:
            TypeError: an item is not a Vector.
            DimensionError: no vectors, zero-dimensional ones, or different dimensions.
        """
        return cls(_check_vector_list(vectors))

    @classmethod
    def from_columns(cls, vectors: Iterable[Vector[U]]) -> Matrix[U]:
        """The matrix whose j-th column is the j-th vector: [v₀ | v₁ | …].

        So A eⱼ = vⱼ: the matrix of the linear map sending each basis vector to vⱼ.

        >>> Matrix.from_columns([Vector([1, 2]), Vector([3, 4])])
        Matrix([[1, 3], [2, 4]])

        Raises:
            TypeError: an item is not a Vector.
            DimensionError: no vectors, zero-dimensional ones, or different dimensions.
        """
        return cls(_check_vector_list(vectors)).T

    @classmethod
    def from_function(cls, m: int, n: int, f: Callable[[int, int], U]) -> Matrix[U]:
        """The m×n matrix with entries aᵢⱼ = f(i, j), indices 0-based.

        >>> Matrix.from_function(2, 3, lambda i, j: i + j)
        Matrix([[0, 1, 2], [1, 2, 3]])

        Raises:
            TypeError: f is not callable or returns a non-number.
            DimensionError: m < 1 or n < 1, or m·n > MAX_ENTRIES.
            (An exception raised by f passes through.)
        """
        m, n = _check_shape(m, n)
        if not callable(f):
            raise TypeError(f"f must be callable, not {type(f).__name__}")
        return cls([[f(i, j) for j in range(n)] for i in range(m)])

    @classmethod
    def rotation(cls, theta: float) -> Matrix[float]:
        """The 2×2 counter-clockwise rotation by θ radians: [[cos θ, −sin θ], [sin θ, cos θ]].

        Its columns are where e₀ and e₁ land when the plane turns by θ; the entries are floats.

        >>> Matrix.rotation(math.pi / 2).isclose(Matrix([[0, -1], [1, 0]]), abs_tol=1e-15)
        True

        Raises:
            TypeError: theta is not a real number.  DomainError: theta is NaN or infinite.
        """
        if isinstance(theta, bool) or not isinstance(theta, (int, float, Fraction)):
            raise TypeError(f"theta must be a real number, not {type(theta).__name__}")
        t = _to_float(theta)
        if not math.isfinite(t):
            raise DomainError(f"theta must be finite, got {theta!r}")
        c, s = math.cos(t), math.sin(t)
        return cls._trusted(((c, 0.0 - s), (s, c)))  # 0.0 − s: no −0.0 at θ = 0

    # -- immutability, shape, indexing, equality ------------------------------------------

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Matrix is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Matrix is immutable")

    def __reduce__(self) -> tuple[type[Matrix], tuple[Rows]]:
        return (Matrix, (self._rows,))

    @property
    def _kind(self) -> int:
        return _kind_of_scalar(self._rows[0][0])

    @property
    def shape(self) -> tuple[int, int]:
        """(m, n): the number of rows and of columns.

        >>> Matrix([[1, 2, 3], [4, 5, 6]]).shape
        (2, 3)
        """
        return (len(self._rows), len(self._rows[0]))

    @property
    def rows(self) -> tuple[Vector[S], ...]:
        """The rows as a tuple of Vectors.

        >>> Matrix([[1, 2], [3, 4]]).rows
        (Vector([1, 2]), Vector([3, 4]))
        """
        return tuple(map(Vector._trusted, self._rows))

    @property
    def columns(self) -> tuple[Vector[S], ...]:
        """The columns as a tuple of Vectors: column j is A eⱼ, the image of eⱼ.

        >>> Matrix([[1, 2], [3, 4]]).columns
        (Vector([1, 3]), Vector([2, 4]))
        """
        return tuple(map(Vector._trusted, zip(*self._rows, strict=True)))

    @property
    def T(self) -> Matrix[S]:
        """The transpose Aᵀ: (Aᵀ)ᵢⱼ = aⱼᵢ, rows become columns.

        >>> Matrix([[1, 2, 3], [4, 5, 6]]).T
        Matrix([[1, 4], [2, 5], [3, 6]])
        """
        return Matrix._trusted(tuple(zip(*self._rows, strict=True)))

    @property
    def H(self) -> Matrix[S]:
        """The conjugate transpose Aᴴ: (Aᴴ)ᵢⱼ = conj(aⱼᵢ); for a real matrix it is Aᵀ.

        The adjoint of A for the inner product ⟨x, y⟩ = Σ xᵢ·conj(yᵢ): ⟨Ax, y⟩ = ⟨x, Aᴴy⟩.
        Hermitian means A = Aᴴ, unitary means AᴴA = I.

        >>> Matrix([[1, 2j], [3, 4 - 1j]]).H
        Matrix([[(1-0j), (3-0j)], [-2j, (4+1j)]])
        """
        if self._kind != _COMPLEX:
            return self.T
        columns: Any = zip(*self._rows, strict=True)
        return Matrix._trusted(tuple(tuple(z.conjugate() for z in col) for col in columns))

    def __iter__(self) -> Iterator[Vector[S]]:
        """Iterate over the rows, as Vectors."""
        return map(Vector._trusted, self._rows)

    @overload
    def __getitem__(self, index: int) -> Vector[S]: ...
    @overload
    def __getitem__(self, index: tuple[int, int]) -> S: ...
    @overload
    def __getitem__(self, index: slice) -> Matrix[S]: ...
    @overload
    def __getitem__(self, index: tuple[slice, slice]) -> Matrix[S]: ...
    @overload
    def __getitem__(self, index: tuple[int, slice] | tuple[slice, int]) -> Vector[S]: ...
    def __getitem__(
        self, index: int | slice | tuple[int | slice, int | slice]
    ) -> S | Vector[S] | Matrix[S]:
        """A[i, j] is the entry aᵢⱼ; A[i] is row i as a Vector (0-based, negatives count back).

        Slices work as in numpy: ``A[:, j]`` is column j and ``A[i, :]`` row i (Vectors),
        ``A[1:3, :]`` or ``A[1:3]`` the rows 1 and 2 (a Matrix), ``A[:2, 1:]`` a block.

        >>> A = Matrix([[1, 2, 3], [4, 5, 6]])
        >>> A[1, 2], A[:, 0], A[0, 1:], A[:, 1:]
        (6, Vector([1, 4]), Vector([2, 3]), Matrix([[2, 3], [5, 6]]))

        Raises:
            TypeError: an index that is not an int or a slice.  IndexError: an int out of
            range.  DimensionError: a slice that selects no row or no column.
        """
        m, n = self.shape
        if isinstance(index, tuple):
            if len(index) != 2:
                raise TypeError(f"a matrix takes 2 indices A[i, j], got {len(index)}")
            i, j = index
            rows = _select(i, m, "row", (m, n))
            columns = _select(j, n, "column", (m, n))
            if isinstance(i, int) and isinstance(j, int):
                return self._rows[i][j]
            picked = [tuple(self._rows[r][c] for c in columns) for r in rows]
            if isinstance(i, int):
                return Vector._trusted(picked[0])
            if isinstance(j, int):
                return Vector._trusted(tuple(row[0] for row in picked))
            return Matrix._trusted(tuple(picked))
        rows = _select(index, m, "row", (m, n))
        if isinstance(index, int):
            return Vector._trusted(self._rows[index])
        return Matrix._trusted(tuple(self._rows[r] for r in rows))

    def __len__(self) -> int:
        """The number of rows, as for a numpy array (``len(A) == A.shape[0]``)."""
        return len(self._rows)

    def tolist(self) -> list[list[S]]:
        """The rows as plain Python lists (as numpy's ``ndarray.tolist``).

        >>> Matrix([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        """
        return [list(row) for row in self._rows]

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        """``numpy.array(A)``: the 2-d array of the entries (and ``Matrix(array)`` goes back).

        numpy calls this, so numpy is already imported when it runs; scratchmath itself
        never imports numpy.
        """
        numpy = sys.modules["numpy"]
        return numpy.array(self.tolist(), dtype=dtype)

    def __round__(self, ndigits: int | None = None) -> Matrix[S]:
        """round(A, n): every entry rounded.

        >>> round(Matrix([[1.234, 5.678]]), 1)
        Matrix([[1.2, 5.7]])
        """
        return Matrix(Vector(row).__round__(ndigits) for row in self._rows)

    def _repr_latex_(self) -> str:
        r"""The matrix in LaTeX (a pmatrix), which Jupyter shows as maths.

        >>> Matrix([[1, Fraction(1, 2)], [0, 2.5]])._repr_latex_()
        '$\\begin{pmatrix} 1 & 0.5 \\\\ 0 & 2.5 \\end{pmatrix}$'
        >>> Matrix([[Fraction(1, 3), 0]])._repr_latex_()
        '$\\begin{pmatrix} \\frac{1}{3} & 0 \\end{pmatrix}$'
        """
        rows = r" \\ ".join(" & ".join(map(latex_scalar, row)) for row in self._rows)
        return f"$\\begin{{pmatrix}} {rows} \\end{{pmatrix}}$"

    def __format__(self, spec: str) -> str:
        """A format spec applies to every entry: f"{A:.2f}" aligns the formatted entries.

        >>> print(f"{Matrix([[1.0, 0.5], [1 / 3, 10.0]]):.2f}")
        [1.00   0.50]
        [0.33  10.00]
        """
        if not spec:
            return str(self)
        return _aligned([[format_scalar(x, spec) for x in row] for row in self._rows])

    def __eq__(self, other: object) -> bool:
        """Exact equality: the same shape and equal entries (1 == 1.0)."""
        if not isinstance(other, Matrix):
            return NotImplemented
        return self._rows == other._rows

    def __hash__(self) -> int:
        return hash(self._rows)

    def __repr__(self) -> str:
        inner = ", ".join("[" + ", ".join(map(scalar_repr, row)) + "]" for row in self._rows)
        return f"Matrix([{inner}])"

    def __str__(self) -> str:
        """The entries in right-aligned columns, one row a line.

        Exact entries print exactly (fractions as p/q); floats with at most 8 significant
        digits, as numpy prints them (the full value is in ``repr``).

        >>> print(Matrix([[1, Fraction(1, 3)], [2, -5]]))
        [1  1/3]
        [2   -5]
        >>> print(Matrix([[1.0, 1 / 3], [2.5, -5e-20]]))
        [ 1.  0.33333333]
        [2.5      -5e-20]
        """
        return _aligned([[_short_str(x) for x in row] for row in self._rows])

    def isclose(self, other: Matrix, *, rel_tol: float = 1e-9, abs_tol: float = 0.0) -> bool:
        """Whether every entry is close, in the sense of ``math.isclose``.

        |aᵢⱼ − bᵢⱼ| ≤ max(rel_tol · max(|aᵢⱼ|, |bᵢⱼ|), abs_tol) for all i, j; exact entries
        are compared exactly (as ``Vector.isclose`` does).

        >>> Matrix([[0.1 + 0.2, 1.0]]).isclose(Matrix([[0.3, 1.0]]))
        True
        >>> Matrix([[1e-20]]).isclose(Matrix([[0.0]]), abs_tol=1e-12)
        True

        Raises:
            TypeError: other is not a Matrix.  DimensionError: the shapes differ.
            DomainError: a negative or NaN tolerance.
        """
        other = check_matrix(other, "other")
        self._check_same_shape(other, "compare")
        a = Vector._trusted(tuple(x for row in self._rows for x in row))
        b = Vector._trusted(tuple(x for row in other._rows for x in row))
        return a.isclose(b, rel_tol=rel_tol, abs_tol=abs_tol)

    # -- the vector-space operations ------------------------------------------------------

    def _check_same_shape(self, other: Matrix, verb: str) -> None:
        if self.shape != other.shape:
            raise DimensionError(
                f"cannot {verb} {shape_text(self.shape)} and {shape_text(other.shape)}"
            )

    def _paired_rows(self, other: Matrix) -> tuple[Rows, Rows, int]:
        """Both tables of entries promoted to a common kind."""
        k1, k2 = self._kind, other._kind
        kind = max(k1, k2)
        a = self._rows if k1 == kind else _promote_rows(self._rows, kind)
        b = other._rows if k2 == kind else _promote_rows(other._rows, kind)
        return a, b, kind

    def _entrywise(self, other: Matrix, op: Callable[[Any, Any], Any], verb: str) -> Matrix[Any]:
        self._check_same_shape(other, verb)
        a, b, kind = self._paired_rows(other)
        rows = tuple(tuple(map(op, r, s)) for r, s in zip(a, b, strict=True))
        return Matrix._trusted(tidy_rows(rows) if kind == _EXACT else rows)

    def __add__(self, other: Matrix[U]) -> Matrix[S | U]:
        if not isinstance(other, Matrix):
            return NotImplemented
        return self._entrywise(other, operator.add, "add")

    def __sub__(self, other: Matrix[U]) -> Matrix[S | U]:
        if not isinstance(other, Matrix):
            return NotImplemented
        return self._entrywise(other, operator.sub, "subtract")

    def __neg__(self) -> Matrix[S]:
        return Matrix._trusted(tuple(tuple(-x for x in row) for row in self._rows))

    def __pos__(self) -> Matrix[S]:
        return self

    def _scaled_rows(self, a: object) -> tuple[Rows, Scalar, int] | None:
        """The rows and the scalar a promoted to a common kind; None if a is no scalar."""
        if isinstance(a, bool) or not isinstance(a, numbers.Number):
            return None
        scalar = _check_scalar(a, "the scalar")
        kind = max(self._kind, _kind_of_scalar(scalar))
        return _promote_rows(self._rows, kind), _promote((scalar,), kind)[0], kind

    def __mul__(self, a: U) -> Matrix[S | U]:
        scaled = self._scaled_rows(a)
        if scaled is None:
            return NotImplemented
        rows, s, kind = scaled
        product = tuple(tuple([x * s for x in row]) for row in rows)
        return Matrix._trusted(tidy_rows(product) if kind == _EXACT else product)

    def __rmul__(self, a: U) -> Matrix[S | U]:
        scaled = self._scaled_rows(a)
        if scaled is None:
            return NotImplemented
        rows, s, kind = scaled
        product = tuple(tuple([s * x for x in row]) for row in rows)
        return Matrix._trusted(tidy_rows(product) if kind == _EXACT else product)

    # Division is where exact ints become Fractions, as for Vector.
    @overload
    def __truediv__(self: Matrix[int | Fraction], a: int | Fraction) -> Matrix[Fraction]: ...
    @overload
    def __truediv__(self: Matrix[float], a: float) -> Matrix[float]: ...
    @overload
    def __truediv__(self: Matrix[complex], a: complex) -> Matrix[complex]: ...
    @overload
    def __truediv__(self, a: Scalar) -> Matrix: ...
    def __truediv__(self, a: object) -> Matrix[Any]:
        """A / a = (1/a)·A, exact for rational A and a; a DomainError for a = 0."""
        scaled = self._scaled_rows(a)
        if scaled is None:
            return NotImplemented
        rows, s, _ = scaled
        if s == 0:
            raise DomainError("cannot divide a matrix by zero")
        return Matrix._trusted(tuple(tuple([_divide(x, s) for x in row]) for row in rows))

    # -- entry by entry --------------------------------------------------------------------

    def map(self, f: Callable[..., Scalar], *others: Matrix) -> Matrix:
        """The matrix (f(aᵢⱼ)): f applied to each entry (and to the matching entries of others).

        (A.map(f, B, …))ᵢⱼ = f(aᵢⱼ, bᵢⱼ, …), as Python's ``map``. The entries of the result
        are promoted to one kind as on construction (a whole ``Fraction`` becomes an int).
        Each row is one ``map`` call running in C, so an elementwise function over a large
        matrix costs one call of f per entry and no indexing.

        >>> Matrix([[1, -2], [3, -4]]).map(abs)
        Matrix([[1, 2], [3, 4]])
        >>> Matrix([[1, 2]]).map(lambda a, b: a - b, Matrix([[Fraction(1, 2), 2]]))
        Matrix([[Fraction(1, 2), 0]])

        Raises:
            TypeError: f is not callable, an item of others is not a Matrix, or f returns a
                non-number.
            DimensionError: the shapes differ.
        """
        if not callable(f):
            raise TypeError(f"f must be callable, not {type(f).__name__}")
        for B in others:
            self._check_same_shape(check_matrix(B, "each of others"), "map over")
        if others:
            tables = zip(self._rows, *(B._rows for B in others), strict=True)
            return _matrix_of_results(tuple(tuple(map(f, *rows)) for rows in tables))
        return _matrix_of_results(tuple(tuple(map(f, row)) for row in self._rows))

    def hadamard(self, other: Matrix[U]) -> Matrix[S | U]:
        """The elementwise (Hadamard) product A ⊙ B: (A ⊙ B)ᵢⱼ = aᵢⱼ·bᵢⱼ, exact for rationals.

        Not the matrix product: it is what a gradient is multiplied by when a function is
        applied entry by entry (the Jacobian of such a function is diagonal).

        >>> Matrix([[1, 2], [3, 4]]).hadamard(Matrix([[5, 6], [7, 8]]))
        Matrix([[5, 12], [21, 32]])

        Raises:
            TypeError: other is not a Matrix.  DimensionError: the shapes differ.
        """
        return self._entrywise(check_matrix(other, "other"), operator.mul, "multiply elementwise")

    # -- the product: composition of linear maps ------------------------------------------

    @overload
    def __matmul__(self, other: Matrix[U]) -> Matrix[S | U]: ...
    @overload
    def __matmul__(self, other: Sequence[U]) -> Vector[S | U]: ...
    def __matmul__(self, other: object) -> Matrix[Any] | Vector[Any]:
        """A @ B, the composition "B then A"; A @ x, the image of the vector x.

        x may be a plain list or tuple of numbers: ``A @ [1, 1]`` is ``A @ Vector([1, 1])``.
        """
        if isinstance(other, (list, tuple)):
            other = Vector(other)
        if isinstance(other, Matrix):
            m, n = self.shape
            p, q = other.shape
            if n != p:
                raise DimensionError(f"cannot multiply {m}×{n} by {p}×{q}")
            a, b, kind = self._paired_rows(other)
            return Matrix._trusted(_matmul_rows(a, b, kind == _EXACT))
        if isinstance(other, Vector):
            m, n = self.shape
            if len(other) != n:
                raise DimensionError(
                    f"cannot multiply {m}×{n} by a vector of dimension {len(other)}"
                )
            kind = max(self._kind, other._kind)
            a = _promote_rows(self._rows, kind)
            x = _promote(tuple(other), kind)
            mul = operator.mul
            image = tuple([sum(map(mul, row, x)) for row in a])
            return Vector._trusted(tuple(map(tidy, image)) if kind == _EXACT else image)
        return NotImplemented

    def __rmatmul__(self, other: Sequence[U]) -> Vector[S | U]:
        """x @ A for a vector x: the row-vector product, (xA)ⱼ = Σᵢ xᵢ aᵢⱼ = (Aᵀx)ⱼ."""
        x = Vector(other) if isinstance(other, (list, tuple)) else other
        if isinstance(x, Vector):
            m, n = self.shape
            if len(x) != m:
                raise DimensionError(f"cannot multiply a vector of dimension {len(x)} by {m}×{n}")
            row = Matrix._trusted((tuple(x),))
            a, b, kind = row._paired_rows(self)
            return Vector._trusted(_matmul_rows(a, b, kind == _EXACT)[0])
        return NotImplemented

    # A negative power goes through the inverse, so exact ints may become Fractions.
    @overload
    def __pow__(self: Matrix[int | Fraction], k: int) -> Matrix[Fraction]: ...
    @overload
    def __pow__(self: Matrix[float], k: int) -> Matrix[float]: ...
    @overload
    def __pow__(self: Matrix[complex], k: int) -> Matrix[complex]: ...
    @overload
    def __pow__(self, k: int) -> Matrix: ...
    def __pow__(self, k: object) -> Matrix[Any]:
        """Aᵏ = A·A·…·A (k factors) for an integer k; A⁰ = I; A⁻ᵏ = (A⁻¹)ᵏ.

        By repeated squaring: about 2·log₂ k products instead of k − 1.
        """
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(
                f"a matrix power needs an integer exponent, not {type(k).__name__} ({k!r})"
            )
        n = require_square(self, "a matrix power")
        kind = self._kind
        one, zero = _promote((1, 0), kind)
        result = Matrix._trusted(
            tuple(tuple(one if i == j else zero for j in range(n)) for i in range(n))
        )
        base = self.inverse() if k < 0 else self
        e = -k if k < 0 else k
        while e:  # bounded: e halves each time
            if e & 1:
                result = result @ base
            e >>= 1
            if e:
                base = base @ base
        return result

    # -- numbers that describe a matrix ---------------------------------------------------

    def trace(self) -> S:
        """The trace tr A = Σᵢ aᵢᵢ, the sum of the diagonal (also the sum of the eigenvalues).

        >>> Matrix([[1, 2], [3, 4]]).trace()
        5

        Raises:
            DimensionError: A is not square.
        """
        n = require_square(self, "the trace")
        result: S = tidy(_sum((self._rows[i][i] for i in range(n)), self._kind))
        return result

    def is_symmetric(self, tol: float = 0) -> bool:
        """Whether A = Aᵀ, i.e. aᵢⱼ = aⱼᵢ for all i, j.

        With tol = 0 the test is exact. With tol > 0 it is relative to the largest entry:
        |aᵢⱼ − aⱼᵢ| ≤ tol · maxₖₗ |aₖₗ|, so it does not depend on the matrix's scale.
        A non-square matrix is not symmetric.

        >>> Matrix([[1, 2], [2, 3]]).is_symmetric()
        True
        >>> Matrix([[1.0, 2.0], [2.0 + 1e-15, 3.0]]).is_symmetric(tol=1e-12)
        True

        Raises:
            TypeError: tol is not a real number.  DomainError: tol is negative or NaN.
        """
        tolerance: Any = check_tolerance(tol)
        m, n = self.shape
        if m != n:
            return False
        rows: Any = self._rows
        if tolerance == 0:
            return all(rows[i][j] == rows[j][i] for i in range(n) for j in range(i + 1, n))
        bound = tolerance * max(abs(x) for row in rows for x in row)
        return all(abs(rows[i][j] - rows[j][i]) <= bound for i in range(n) for j in range(i + 1, n))

    def norm(self, kind: str | float = "fro") -> float:
        """The matrix norm ‖A‖ of the given kind; the same as ``matrix_norm(A, kind)``, which see.

        >>> Matrix([[3, 0], [0, 4]]).norm()
        5.0

        Raises:
            DomainError: an unknown kind.
        """
        return matrix_norm(self, kind)

    # -- methods mirrored as functions in the other modules -------------------------------

    # A determinant needs only + − × ÷: exact stays exact, float stays float.
    @overload
    def det(self: Matrix[int]) -> int: ...  # type: ignore[overload-overlap]
    @overload
    def det(self: Matrix[int | Fraction]) -> Fraction: ...
    @overload
    def det(self: Matrix[float]) -> float: ...
    @overload
    def det(self: Matrix[complex]) -> complex: ...
    @overload
    def det(self) -> Scalar: ...
    def det(self) -> Scalar:
        """The determinant det A; the same as ``det(A)`` (see ``determinants.py``).

        >>> Matrix([[1, 2], [3, 4]]).det()
        -2

        Raises:
            DimensionError: A is not square.  DomainError: NaN or infinite entries.
        """
        from scratchmath.matrices.determinants import det

        return det(self)

    @overload
    def inverse(self: Matrix[int | Fraction]) -> Matrix[Fraction]: ...
    @overload
    def inverse(self: Matrix[float]) -> Matrix[float]: ...
    @overload
    def inverse(self: Matrix[complex]) -> Matrix[complex]: ...
    @overload
    def inverse(self) -> Matrix: ...
    def inverse(self) -> Matrix[Any]:
        """The inverse A⁻¹ with A A⁻¹ = A⁻¹ A = I; the same as ``inverse(A)``.

        >>> Matrix([[2, 1], [1, 1]]).inverse()
        Matrix([[1, -1], [-1, 2]])

        Raises:
            DimensionError: A is not square.  SingularMatrixError: A is singular.
            DomainError: NaN or infinite entries.
        """
        from scratchmath.matrices.elimination import inverse

        return inverse(self)

    def rank(self, tol: float | None = None) -> int:
        """The rank: the dimension of the column space; the same as ``rank(A, tol)``.

        >>> Matrix([[1, 2], [2, 4]]).rank()
        1

        Raises:
            DomainError: a negative tolerance, or NaN or infinite entries.
        """
        from scratchmath.matrices.elimination import rank

        return rank(self, tol)

    @overload
    def rref(self: Matrix[int | Fraction]) -> Matrix[Fraction]: ...
    @overload
    def rref(self: Matrix[float]) -> Matrix[float]: ...
    @overload
    def rref(self: Matrix[complex]) -> Matrix[complex]: ...
    @overload
    def rref(self) -> Matrix: ...
    def rref(self) -> Matrix[Any]:
        """The reduced row echelon form; the same as ``rref(A)``.

        >>> Matrix([[1, 2], [3, 4]]).rref()
        Matrix([[1, 0], [0, 1]])

        Raises:
            DomainError: NaN or infinite entries.
        """
        from scratchmath.matrices.elimination import rref

        return rref(self)


_EXACT_TYPES = frozenset((int, Fraction))


def _matrix_of_results(rows: Rows) -> Matrix[Any]:
    """A Matrix of values computed by some function: trusted when already homogeneous.

    One pass over the types (in C) decides: all floats, or all exact, need no promotion;
    anything else goes through the checking constructor (which promotes, or refuses a
    non-number).
    """
    types = set(map(type, chain.from_iterable(rows)))
    if types <= {float}:
        return Matrix._trusted(rows)
    if types <= _EXACT_TYPES:
        return Matrix._trusted(tidy_rows(rows))
    return Matrix(rows)


def _check_index(i: object, what: str) -> None:
    if isinstance(i, bool) or not isinstance(i, int | slice):
        raise TypeError(f"matrix {what} indices must be integers or slices, not {type(i).__name__}")


def _select(index: object, size: int, what: str, shape: tuple[int, int]) -> range:
    """The row (or column) numbers an int or a slice selects, checked against the shape."""
    _check_index(index, what)
    if isinstance(index, slice):
        selected = range(*index.indices(size))
        if not selected:
            raise DimensionError(
                f"the {what} slice {index.start}:{index.stop}:{index.step} selects no {what} "
                f"of a {shape_text(shape)} matrix (a matrix has at least one)"
            )
        return selected
    assert isinstance(index, int)
    if not -size <= index < size:
        raise IndexError(f"{what} index {index} out of range for a {shape_text(shape)} matrix")
    return range(index % size, index % size + 1)


def _short_str(x: Scalar) -> str:
    """An entry as ``print`` shows it: exact ones exactly, floats to 8 significant digits."""
    if isinstance(x, float):
        text = format(x, ".8g")
        # numpy's mark of a float that happens to be whole: 1. rather than 1
        return text if any(c in text for c in ".einf") else text + "."
    if isinstance(x, complex):
        return f"{x.real:.8g}{x.imag:+.8g}j"
    return str(x)


def _aligned(cells: list[list[str]]) -> str:
    """Rows of strings in right-aligned columns, one bracketed row a line."""
    widths = [max(map(len, column)) for column in zip(*cells, strict=True)]
    return "\n".join(
        "[" + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + "]" for row in cells
    )


def _check_vector_list(vectors: object) -> list[Vector[Any]]:
    if isinstance(vectors, Vector) or not isinstance(vectors, Iterable):
        raise TypeError(f"vectors must be an iterable of Vectors, not {type(vectors).__name__}")
    result = list(vectors)
    for k, v in enumerate(result):
        if not isinstance(v, Vector):
            raise TypeError(f"vectors[{k}] must be a Vector, not {type(v).__name__}")
    if not result:
        raise DimensionError("a matrix needs at least one row and one column, got no vectors")
    for k, v in enumerate(result):
        if len(v) != len(result[0]):
            raise DimensionError(
                f"all vectors must have one dimension: vectors[0] has {len(result[0])}, "
                f"vectors[{k}] has {len(v)}"
            )
    return result


# ---------------------------------------------------------------------------------------
# Matrix norms.
# ---------------------------------------------------------------------------------------


def _singular_values(A: Matrix) -> list[float]:
    """σ₁ ≥ … ≥ σₖ of A, as ``svd.singular_values`` gives them (from the same engine)."""
    require_finite_matrix(A, "compute singular values of")
    rows: Any = A._rows
    if A._kind == _COMPLEX:
        scaled, e = scaled_singular_values(rows)
    else:
        exact = exact_rank(rows) if A._kind == _EXACT else None
        table = svd_table(real_table(A, "singular_values"), exact)
        scaled, e = table.scaled_sigma, table.exponent
    return [saturating_ldexp(x, e) for x in scaled]


def matrix_norm(A: Matrix, kind: str | float = "fro") -> float:
    """A matrix norm ‖A‖: "fro", 1, math.inf, 2 or "nuc".

    - "fro": the Frobenius norm ‖A‖_F = √(Σᵢⱼ |aᵢⱼ|²), the 2-norm of the entries;
    - 1: the largest absolute column sum maxⱼ Σᵢ |aᵢⱼ| = max over ‖x‖₁ = 1 of ‖Ax‖₁;
    - math.inf: the largest absolute row sum maxᵢ Σⱼ |aᵢⱼ| = max over ‖x‖∞ = 1 of ‖Ax‖∞;
    - 2: the spectral norm σ₁, the largest singular value = max over ‖x‖₂ = 1 of ‖Ax‖₂;
    - "nuc": the nuclear norm Σ σᵢ, the sum of the singular values.

    1, ∞ and 2 are *induced* by the vector norms of the same name, so ‖Ax‖ ≤ ‖A‖‖x‖. The
    Frobenius norm uses ``math.hypot`` (no overflow or underflow); exact matrices get one
    correctly rounded square root of an exact sum; row and column sums use ``math.fsum``.

    >>> A = Matrix([[1, -2], [3, 4]])
    >>> matrix_norm(A, "fro"), matrix_norm(A, 1), matrix_norm(A, math.inf)
    (5.477225575051661, 6.0, 7.0)

    Raises:
        TypeError: A is not a Matrix.
        DomainError: kind is not one of "fro", 1, 2, math.inf, "nuc".
    """
    A = check_matrix(A)
    rows: Rows = A._rows
    k = A._kind
    if kind == "fro" and isinstance(kind, str):
        entries: list[Any] = [x for row in rows for x in row]
        if k == _EXACT:
            return _exact_sqrt(sum(x * x for x in entries))
        if k == _REAL:
            return math.hypot(*entries)
        return math.hypot(*(z.real for z in entries), *(z.imag for z in entries))
    if kind in ("nuc", 2) and not isinstance(kind, bool):
        sigma = _singular_values(A)
        return float(max(sigma) if kind == 2 else _sum(sigma, _REAL))  # inf, not raise
    if kind in (1, math.inf) and not isinstance(kind, (bool, str)):
        lines = zip(*rows, strict=True) if kind == 1 else rows
        return max(
            _to_float(_sum(map(abs, line), _EXACT if k == _EXACT else _REAL)) for line in lines
        )
    raise DomainError(f"unknown matrix norm kind {kind!r}: use 'fro', 1, 2, math.inf or 'nuc'")
