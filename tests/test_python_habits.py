"""Vectors and matrices behave the way a Python (and numpy) programmer expects.

Slices, ``len``, ``tolist``, ``round`` and format specs; plain lists accepted wherever a
Vector is meant; a clear refusal (with the right operator named) for ``Vector * Vector``;
``numpy.array(A)`` and ``Matrix(array)`` for the day a learner moves on to numpy.

Theorems and properties checked:

- matrix slices follow numpy
- a slice that selects nothing is refused
- len and tolist are numpy s
- plain lists are read as vectors
- vector times vector names the products that exist
- round and format apply to every entry
- print shows floats as numpy does and fractions exactly
- numpy round trip
- float in float out
- exact in exact out
- normal moments keep the kind of their parameters
- ``Vector[float]`` in an annotation evaluated at run time (no ``from __future__``).
- The TypeVar defaults come from typing_extensions for the type checker only.
"""

# ruff: noqa: SIM300, RUF005  (lists on either side of an operator are the point here)
from __future__ import annotations

from fractions import Fraction

import pytest

from scratchmath.errors import DimensionError
from scratchmath.matrices import Matrix, solve
from scratchmath.vectors import Vector

A = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])


def test_matrix_slices_follow_numpy() -> None:
    assert A[:, 0] == Vector([1, 4, 7])
    assert A[1, :] == Vector([4, 5, 6])
    assert A[1:3, :] == Matrix([[4, 5, 6], [7, 8, 9]])
    assert A[1:3] == A[1:3, :]
    assert A[:2, 1:] == Matrix([[2, 3], [5, 6]])
    assert A[-1, ::2] == Vector([7, 9])
    assert A[::-1, 0] == Vector([7, 4, 1])
    assert A[0, 2] == 3 and A[-1, -1] == 9


def test_a_slice_that_selects_nothing_is_refused() -> None:
    with pytest.raises(DimensionError, match="selects no row of a 3×3 matrix"):
        A[3:, :]
    with pytest.raises(DimensionError, match="selects no column"):
        A[:, 1:1]
    with pytest.raises(IndexError, match="column index 3 out of range for a 3×3 matrix"):
        A[:, 3]
    with pytest.raises(TypeError, match="integers or slices, not float"):
        A[:, 1.0]  # type: ignore[index]


def test_len_and_tolist_are_numpy_s() -> None:
    assert len(A) == 3 and len(Matrix([[1, 2, 3]])) == 1
    assert A.tolist() == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert Vector([1, Fraction(1, 2)]).tolist() == [1, Fraction(1, 2)]


def test_plain_lists_are_read_as_vectors() -> None:
    assert A @ [1, 0, 0] == Vector([1, 4, 7])
    assert [1, 0, 0] @ A == Vector([1, 2, 3])
    assert Vector([1, 2]) + [3, 4] == Vector([4, 6])
    assert [3, 4] + Vector([1, 2]) == Vector([4, 6])
    assert Vector([1, 2]) - [3, 4] == Vector([-2, -2])
    assert (3, 4) - Vector([1, 2]) == Vector([2, 2])
    assert Vector([1, 2]) @ [3, 4] == 11
    assert solve(Matrix([[2, 0], [0, 4]]), [2, 2]) == Vector([1, Fraction(1, 2)])
    with pytest.raises(DimensionError, match="cannot add vectors of dimensions 2 and 3"):
        Vector([1, 2]) + [1, 2, 3]
    with pytest.raises(TypeError, match="must be a number"):
        Vector([1, 2]) + ["a", "b"]


def test_vector_times_vector_names_the_products_that_exist() -> None:
    u, v = Vector([1, 2]), Vector([3, 4])
    with pytest.raises(TypeError, match=r"u @ v for the inner product .* u\.hadamard\(v\)"):
        u * v  # type: ignore[operator]
    with pytest.raises(TypeError, match="hadamard"):
        u * [3, 4]  # type: ignore[operator]
    assert u @ v == 11 and u.hadamard(v) == Vector([3, 8])


def test_round_and_format_apply_to_every_entry() -> None:
    v = Vector([1.23456, 2.0, -0.5])
    assert round(v, 2) == Vector([1.23, 2.0, -0.5])
    assert round(Vector([1.6, 2.4])) == Vector([2, 2])
    assert round(Vector([1.26 + 2.74j]), 1) == Vector([1.3 + 2.7j])
    assert f"{v:.2f}" == "(1.23, 2.00, -0.50)"
    assert f"{v}" == str(v)
    M = Matrix([[1.0, 0.5], [1 / 3, 10.0]])
    assert round(M, 1) == Matrix([[1.0, 0.5], [0.3, 10.0]])
    assert f"{M:.2f}" == "[1.00   0.50]\n[0.33  10.00]"
    assert f"{Matrix([[Fraction(1, 3), 2]]):.3f}" == "[0.333  2.000]"


def test_print_shows_floats_as_numpy_does_and_fractions_exactly() -> None:
    assert str(Matrix([[1 / 3, 1.0]])) == "[0.33333333  1.]"
    assert str(Matrix([[Fraction(1, 3), 2]])) == "[1/3  2]"
    assert str(Matrix([[1e-20, -2.5e300]])) == "[1e-20  -2.5e+300]"
    assert repr(Matrix([[1 / 3]])) == "Matrix([[0.3333333333333333]])"  # repr keeps every digit


def test_numpy_round_trip() -> None:
    numpy = pytest.importorskip("numpy")
    array = numpy.array(A)
    assert array.shape == (3, 3) and array[2, 1] == 8
    assert Matrix(array) == A
    assert numpy.array(Vector([1.5, 2.5])).tolist() == [1.5, 2.5]
    assert Matrix(numpy.array([[0.5, 1.5]])) == Matrix([[0.5, 1.5]])


# -- the static types promise what run time delivers ---------------------------------------
# ``examples/typed_study.py`` passes ``mypy --strict`` because Vector and Matrix are generic
# in their scalar type (DESIGN §2's kinds). These tests check that the kinds the overloads
# promise are the kinds that come out, so that a type checker is never told a lie: a wrong
# overload (det of a float matrix typed exact, say) fails here.


def _kinds(values: object) -> set[type]:
    if isinstance(values, Matrix):
        return {type(x) for row in values for x in row}
    if isinstance(values, Vector):
        return {type(x) for x in values}
    return {type(values)}


def test_float_in_float_out() -> None:
    from scratchmath.calculus import gradient, hessian
    from scratchmath.matrices import det, inverse

    v, A = Vector([1.0, 2.0]), Matrix([[2.0, 1.0], [1.0, 3.0]])
    promised_float = [
        v @ v, v.norm(), abs(v), A @ v, A @ A, det(A), A.det(), solve(A, v), inverse(A),
        A ** -1, 2 * v, v / 2, A / 2, v.normalize(), v.project(Vector([1.0, 0.0])), A.T, A[0],
        A.trace(), gradient(lambda p: p[0] * p[1], [1.0, 2.0]),
        hessian(lambda p: p[0] * p[1], [1.0, 2.0]),
    ]  # fmt: skip
    for value in promised_float:
        assert _kinds(value) == {float}, value


def test_exact_in_exact_out() -> None:
    from scratchmath.matrices import det, inverse

    q = Vector([Fraction(1, 2), Fraction(1, 3)])
    H = Matrix([[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 3), Fraction(1, 4)]])
    promised_exact = [q @ q, H @ q, det(H), solve(H, q), inverse(H), H / 3, q / 3, H**-2]
    for value in promised_exact:
        # "Fraction" in a signature means exact: a value that is an integer may be an int.
        assert _kinds(value) <= {int, Fraction}, value
    assert type(det(H)) is Fraction
    M, i = Matrix([[1, 2], [3, 4]]), Vector([1, 2])
    for value in [det(M), M @ i, i @ i, M @ M, 3 * i, -M]:  # typed int: ints only
        assert _kinds(value) == {int}, value


def test_normal_moments_keep_the_kind_of_their_parameters() -> None:
    from scratchmath.probability import Normal, expectation

    assert type(Normal(0.5, 2.0).mean()) is float and type(Normal(0.5, 2.0).variance()) is float
    assert Normal(Fraction(1, 2), 1).variance() == 1
    assert type(Normal(Fraction(1, 2), Fraction(1, 3)).variance()) is Fraction
    assert type(expectation(Normal(0, 1))) is float  # an integral: always a float


def test_generic_types_can_be_written_at_run_time() -> None:
    """``Vector[float]`` in an annotation evaluated at run time (no ``from __future__``)."""
    from scratchmath.probability import Normal

    assert Vector[float] is not None and Matrix[Fraction] is not None
    assert Normal[float] is not None
    assert Vector[float]([1.0]) == Vector([1.0])


def test_typing_extensions_is_not_needed_at_run_time() -> None:
    """The TypeVar defaults come from typing_extensions for the type checker only."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import scratchmath

    source = str(Path(scratchmath.__file__).parent.parent)  # this checkout's src
    code = (
        "import sys; import scratchmath; "
        f"assert scratchmath.__file__.startswith({source!r}), scratchmath.__file__; "
        "assert 'typing_extensions' not in sys.modules, 'imported typing_extensions'"
    )
    env = {**os.environ, "PYTHONPATH": source}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
