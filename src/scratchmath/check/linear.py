"""Checkers for the linear-algebra chapter: your vector space, norm, inner product, linear map,
matrix product, determinant, inverse, LU factorization and eigen-decomposition.

Inputs are small integers and fractions, so the axioms that are exact over ℚ are checked with
no tolerance at all when your function returns exact numbers; if it returns floats, each
comparison allows the rounding error its operation count explains (``engine.rounding``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from scratchmath.check.engine import (
    CheckReport,
    Learner,
    LearnerProblem,
    Property,
    Source,
    Verdict,
    as_matrix,
    as_vector,
    call_learner,
    close,
    largest,
    matrices_agree,
    rounding,
    run_properties,
    show,
    vectors_agree,
    within,
)
from scratchmath.checks import check_callable, check_int
from scratchmath.matrices import Matrix
from scratchmath.matrices import det as exact_det
from scratchmath.matrices import inverse as exact_inverse
from scratchmath.vectors import Vector

__all__ = [
    "check_det",
    "check_eigen",
    "check_inner_product",
    "check_inverse",
    "check_linear_map",
    "check_lu",
    "check_matmul",
    "check_norm",
    "check_vector_space",
]

_SPACES = "docs/linear-algebra.md, “Vector spaces”"
_NORMS = "docs/linear-algebra.md, “Normed spaces”"
_INNER = "docs/linear-algebra.md, “Inner product spaces”"
_MAPS = "docs/linear-algebra.md, “Linear transformations and matrices”"
_DETS = "docs/linear-algebra.md, “Determinants”"
_ELIM = "docs/linear-algebra.md, “Elimination and factorizations”"
_EIGEN = "docs/linear-algebra.md, “Eigenvalues and eigenvectors”"


def _entries(src: Source) -> Fraction:
    return src.fraction(6)


def _vector(src: Source, n: int) -> Vector:
    """A vector of ℚⁿ; a third of them sparse (mostly zeros), where norms show their faults."""
    if src.choice(3) == 0:
        return Vector([src.integer(3) if src.choice(2) else 0 for _ in range(n)])
    return src.vector(n, _entries)


def _dimension(src: Source, most: int = 4) -> int:
    return 1 + src.choice(most)


def _equal_vectors(
    inputs: str, left: tuple[str, Vector], right: tuple[str, Vector], tol: float
) -> Verdict | None:
    if vectors_agree(left[1], right[1], tol):
        return None
    return Verdict(
        inputs,
        _labelled(left[0], show(left[1])),
        _labelled(right[0], within(right[1], left[1], tol)),
    )


def _labelled(label: str, text: str) -> str:
    return f"{label} = {text}" if label else text


# --- vector spaces ------------------------------------------------------------------------------


def check_vector_space(
    add: Callable[..., Any],
    scale: Callable[..., Any],
    zero: Any,
    *,
    seed: int = 0,
    examples: int = 30,
) -> CheckReport:
    """Check ``add(u, v)``, ``scale(a, v)`` and ``zero`` against the axioms of a vector space.

    The axioms over ℚⁿ: u + v and a·v act component by component; addition commutes and
    associates; v + 0 = v; v + (−1)·v = 0; a·(u + v) = a·u + a·v; (a + b)·v = a·v + b·v;
    a·(b·v) = (ab)·v; 1·v = v. ``zero`` is a callable ``zero(n)`` giving the zero vector of
    ℝⁿ, or one zero vector (whose length then fixes the dimension drawn).

    >>> import operator
    >>> check_vector_space(operator.add, operator.mul, Vector.zeros).passed
    True
    >>> bad = check_vector_space(operator.sub, operator.mul, Vector.zeros)
    >>> bad.failures[0].axiom
    'u + v is computed component by component'

    Raises: TypeError if ``add`` or ``scale`` is not callable, or ``zero`` is neither a
    function nor a vector.
    """
    check_callable(add, "add")
    check_callable(scale, "scale")
    if not callable(zero) and not (hasattr(zero, "__len__") and hasattr(zero, "__iter__")):
        raise TypeError(
            f"zero must be a function zero(n) or a zero vector, got {type(zero).__name__}"
        )
    axioms = _VectorSpaceAxioms(add, scale, zero)
    properties = [
        Property("u + v is computed component by component", axioms.componentwise_add),
        Property("a·v multiplies every component by a", axioms.componentwise_scale),
        Property("u + v = v + u (addition commutes)", axioms.commutes),
        Property("(u + v) + w = u + (v + w) (addition associates)", axioms.associates),
        Property("v + 0 = v (the zero vector is the identity)", axioms.identity),
        Property("v + (−1)·v = 0 (every vector has an opposite)", axioms.inverse_element),
        Property(
            "a·(u + v) = a·u + a·v (scaling distributes over +)", axioms.distributes_over_vectors
        ),
        Property("(a + b)·v = a·v + b·v (scalar sums distribute)", axioms.distributes_over_scalars),
        Property("a·(b·v) = (ab)·v (scaling is compatible with ×)", axioms.compatible),
        Property("1·v = v", axioms.unit),
    ]
    return run_properties(
        "check_vector_space", properties, hint=f"see {_SPACES}", seed=seed, examples=examples
    )


class _VectorSpaceAxioms:
    """A learner's ``add``, ``scale`` and ``zero``, with one test per vector-space axiom."""

    def __init__(self, add: Callable[..., Any], scale: Callable[..., Any], zero: Any) -> None:
        self.plus, self.times = Learner(add, "add"), Learner(scale, "scale")
        self.zero = zero

    def dimension(self, src: Source) -> int:
        return _dimension(src) if callable(self.zero) else len(self.zero)

    def null(self, n: int) -> Vector:
        if callable(self.zero):
            return as_vector(call_learner(self.zero, "zero", n), n, f"zero({n})")
        return as_vector(self.zero, n, "zero")

    def tol(self, *values: Any) -> float:
        return rounding(1 + sum(largest(v) if isinstance(v, Vector) else abs(v) for v in values), 4)

    def componentwise_add(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        u, v = _vector(src, n), _vector(src, n)
        got = self.plus.vector(n, u, v)
        return _equal_vectors(
            f"u = {show(u)}, v = {show(v)}", ("u + v", got), ("", u + v), self.tol(u, v)
        )

    def componentwise_scale(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        a, v = src.fraction(), _vector(src, n)
        got = self.times.vector(n, a, v)
        return _equal_vectors(
            f"a = {show(a)}, v = {show(v)}", ("a·v", got), ("", a * v), self.tol(v) * (1 + abs(a))
        )

    def commutes(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        u, v = _vector(src, n), _vector(src, n)
        left, right = self.plus.vector(n, u, v), self.plus.vector(n, v, u)
        return _equal_vectors(
            f"u = {show(u)}, v = {show(v)}", ("u + v", left), ("v + u", right), self.tol(u, v)
        )

    def associates(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        u, v, w = _vector(src, n), _vector(src, n), _vector(src, n)
        left = self.plus.vector(n, self.plus.vector(n, u, v), w)
        right = self.plus.vector(n, u, self.plus.vector(n, v, w))
        inputs = f"u = {show(u)}, v = {show(v)}, w = {show(w)}"
        return _equal_vectors(
            inputs, ("(u + v) + w", left), ("u + (v + w)", right), self.tol(u, v, w)
        )

    def identity(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        v = _vector(src, n)
        got = self.plus.vector(n, v, self.null(n))
        return _equal_vectors(
            f"v = {show(v)}, 0 = {show(self.null(n))}", ("v + 0", got), ("v", v), self.tol(v)
        )

    def inverse_element(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        v = _vector(src, n)
        got = self.plus.vector(n, v, self.times.vector(n, -1, v))
        return _equal_vectors(
            f"v = {show(v)}", ("v + (−1)·v", got), ("0", self.null(n)), self.tol(v)
        )

    def distributes_over_vectors(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        a, u, v = src.fraction(), _vector(src, n), _vector(src, n)
        left = self.times.vector(n, a, self.plus.vector(n, u, v))
        right = self.plus.vector(n, self.times.vector(n, a, u), self.times.vector(n, a, v))
        inputs = f"a = {show(a)}, u = {show(u)}, v = {show(v)}"
        return _equal_vectors(
            inputs, ("a·(u + v)", left), ("a·u + a·v", right), self.tol(u, v) * (1 + abs(a))
        )

    def distributes_over_scalars(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        a, b, v = src.fraction(), src.fraction(), _vector(src, n)
        left = self.times.vector(n, a + b, v)
        right = self.plus.vector(n, self.times.vector(n, a, v), self.times.vector(n, b, v))
        inputs = f"a = {show(a)}, b = {show(b)}, v = {show(v)}"
        return _equal_vectors(
            inputs, ("(a + b)·v", left), ("a·v + b·v", right), self.tol(v) * (1 + abs(a) + abs(b))
        )

    def compatible(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        a, b, v = src.fraction(), src.fraction(), _vector(src, n)
        left = self.times.vector(n, a, self.times.vector(n, b, v))
        right = self.times.vector(n, a * b, v)
        inputs = f"a = {show(a)}, b = {show(b)}, v = {show(v)}"
        return _equal_vectors(
            inputs, ("a·(b·v)", left), ("(ab)·v", right), self.tol(v) * (1 + abs(a * b))
        )

    def unit(self, src: Source) -> Verdict | None:
        n = self.dimension(src)
        v = _vector(src, n)
        return _equal_vectors(
            f"v = {show(v)}", ("1·v", self.times.vector(n, 1, v)), ("v", v), self.tol(v)
        )


# --- norms and inner products -------------------------------------------------------------------


def _real(value: Any, call: str) -> Any:
    if isinstance(value, complex):
        raise LearnerProblem(call, f"returned the complex number {value!r}", "a real number")
    return value


def check_norm(norm: Callable[..., Any], *, seed: int = 0, examples: int = 40) -> CheckReport:
    """Check ``norm(v)`` against the axioms of a norm on ℝⁿ.

    ‖v‖ is a real number ≥ 0; ‖0‖ = 0 and ‖v‖ > 0 for v ≠ 0 (definite); ‖a·v‖ = |a|·‖v‖
    (absolutely homogeneous); ‖u + v‖ ≤ ‖u‖ + ‖v‖ (the triangle inequality). Any norm passes
    (the Euclidean, the 1-norm, the sup norm); a square root forgotten, an ``abs`` forgotten or
    a p below 1 does not. Floats are compared with the rounding a sum of n terms and a square
    root explain.

    >>> check_norm(abs).passed
    True
    >>> check_norm(lambda v: sum(x * x for x in v)).failures[0].axiom
    '‖a·v‖ = |a|·‖v‖ (absolutely homogeneous)'

    Raises: TypeError if ``norm`` is not callable.
    """
    check_callable(norm, "norm")
    axioms = _NormAxioms(norm)
    properties = [
        Property("‖v‖ is a real number ≥ 0", axioms.nonnegative),
        Property("‖0‖ = 0", axioms.zero_has_norm_zero, examples=4),
        Property("‖v‖ > 0 for every v ≠ 0 (definite)", axioms.definite),
        Property("‖a·v‖ = |a|·‖v‖ (absolutely homogeneous)", axioms.homogeneous),
        Property("‖u + v‖ ≤ ‖u‖ + ‖v‖ (the triangle inequality)", axioms.triangle),
    ]
    return run_properties(
        "check_norm", properties, hint=f"see {_NORMS}", seed=seed, examples=examples
    )


class _NormAxioms:
    """A learner's ``norm``, with one test per axiom of a norm."""

    def __init__(self, norm: Callable[..., Any]) -> None:
        self.learner = Learner(norm, "norm")

    def value(self, v: Vector) -> Any:
        return _real(self.learner.number(v), f"norm({show(v)})")

    def nonnegative(self, src: Source) -> Verdict | None:
        v = _vector(src, _dimension(src))
        got = self.value(v)
        return None if got >= 0 else Verdict(f"v = {show(v)}", f"‖v‖ = {show(got)}", "a number ≥ 0")

    def zero_has_norm_zero(self, src: Source) -> Verdict | None:
        v = Vector.zeros(_dimension(src))
        got = self.value(v)
        return None if got == 0 else Verdict(f"v = {show(v)}", f"‖0‖ = {show(got)}", "0")

    def definite(self, src: Source) -> Verdict | None:
        v = _vector(src, _dimension(src))
        src.assume(any(x != 0 for x in v))
        got = self.value(v)
        return (
            None if got > 0 else Verdict(f"v = {show(v)} ≠ 0", f"‖v‖ = {show(got)}", "a number > 0")
        )

    def homogeneous(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        a, v = src.fraction(), _vector(src, n)
        left, right = self.value(a * v), abs(a) * self.value(v)
        if close(left, right, rounding(abs(right) + abs(left), 2 * n + 4)):
            return None
        inputs = f"a = {show(a)}, v = {show(v)}"
        return Verdict(inputs, f"‖a·v‖ = {show(left)}", f"|a|·‖v‖ = {show(right)}")

    def triangle(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        u, v = _vector(src, n), _vector(src, n)
        left, right = self.value(u + v), self.value(u) + self.value(v)
        if left <= right + rounding(abs(right), 2 * n + 4):
            return None
        inputs = f"u = {show(u)}, v = {show(v)}"
        return Verdict(inputs, f"‖u + v‖ = {show(left)}", f"at most ‖u‖ + ‖v‖ = {show(right)}")


def check_inner_product(
    inner: Callable[..., Any], *, seed: int = 0, examples: int = 40
) -> CheckReport:
    """Check ``inner(u, v)`` against the axioms of a real inner product.

    ⟨u, v⟩ = ⟨v, u⟩ (symmetric); ⟨a·u + b·w, v⟩ = a⟨u, v⟩ + b⟨w, v⟩ (linear in the first
    argument, so in both); ⟨v, v⟩ > 0 for v ≠ 0 and ⟨0, 0⟩ = 0 (positive definite). Any inner
    product passes (a weighted one too). Exact over ℚ; floats within the rounding of n products.

    >>> check_inner_product(lambda u, v: u @ v).passed
    True
    >>> check_inner_product(lambda u, v: sum(x * x * y for x, y in zip(u, v))).passed
    False

    Raises: TypeError if ``inner`` is not callable.
    """
    check_callable(inner, "inner")
    axioms = _InnerProductAxioms(inner)
    properties = [
        Property("⟨u, v⟩ = ⟨v, u⟩ (symmetric)", axioms.symmetric),
        Property("⟨a·u + b·w, v⟩ = a⟨u, v⟩ + b⟨w, v⟩ (linear)", axioms.linear),
        Property("⟨v, v⟩ > 0 for v ≠ 0, ⟨0, 0⟩ = 0 (positive definite)", axioms.definite),
    ]
    return run_properties(
        "check_inner_product", properties, hint=f"see {_INNER}", seed=seed, examples=examples
    )


class _InnerProductAxioms:
    """A learner's ``inner``, with one test per axiom of an inner product."""

    def __init__(self, inner: Callable[..., Any]) -> None:
        self.learner = Learner(inner, "inner")

    def value(self, u: Vector, v: Vector) -> Any:
        return _real(self.learner.number(u, v), f"inner({show(u)}, {show(v)})")

    def size(self, u: Vector, v: Vector) -> float:
        pairs: Any = zip(u, v, strict=True)
        return float(sum(abs(x) * abs(y) for x, y in pairs)) + 1

    def symmetric(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        u, v = _vector(src, n), _vector(src, n)
        left, right = self.value(u, v), self.value(v, u)
        if close(left, right, rounding(self.size(u, v), 2 * n)):
            return None
        return Verdict(
            f"u = {show(u)}, v = {show(v)}", f"⟨u, v⟩ = {show(left)}", f"⟨v, u⟩ = {show(right)}"
        )

    def linear(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        a, b = src.fraction(), src.fraction()
        u, w, v = _vector(src, n), _vector(src, n), _vector(src, n)
        left = self.value(a * u + b * w, v)
        right = a * self.value(u, v) + b * self.value(w, v)
        tol = rounding((1 + abs(a) + abs(b)) * (self.size(u, v) + self.size(w, v)), 4 * n)
        if close(left, right, tol):
            return None
        inputs = f"a = {show(a)}, b = {show(b)}, u = {show(u)}, w = {show(w)}, v = {show(v)}"
        return Verdict(
            inputs,
            f"⟨a·u + b·w, v⟩ = {show(left)}",
            f"a⟨u, v⟩ + b⟨w, v⟩ = {within(right, left, tol)}",
        )

    def definite(self, src: Source) -> Verdict | None:
        v = _vector(src, _dimension(src))
        got = self.value(v, v)
        if any(x != 0 for x in v):
            return (
                None
                if got > 0
                else Verdict(f"v = {show(v)} ≠ 0", f"⟨v, v⟩ = {show(got)}", "a number > 0")
            )
        return None if got == 0 else Verdict(f"v = {show(v)}", f"⟨0, 0⟩ = {show(got)}", "0")


# --- linear maps and the matrix product ---------------------------------------------------------


def check_linear_map(
    f: Callable[..., Any], n: int, m: int, *, seed: int = 0, examples: int = 30
) -> CheckReport:
    """Check that ``f(v)``, for v in ℝⁿ, is a linear map ℝⁿ → ℝᵐ.

    f(v) has m components; f(u + v) = f(u) + f(v) (additive); f(a·v) = a·f(v) (homogeneous);
    hence f(0) = 0. Exact over ℚ when f returns exact numbers; floats within the rounding of
    the n products each component of a matrix–vector product needs.

    >>> A = Matrix([[1, 2, 0], [0, 1, -1]])
    >>> check_linear_map(lambda v: A @ v, 3, 2).passed
    True
    >>> check_linear_map(lambda v: A @ v + Vector([1, 0]), 3, 2).passed  # affine, not linear
    False

    Raises: TypeError if f is not callable or n, m are not ints; DomainError if n or m < 1.
    """
    check_callable(f, "f")
    n, m = check_int(n, "n", minimum=1), check_int(m, "m", minimum=1)
    axioms = _LinearMapAxioms(f, n, m)
    properties = [
        Property(f"f(v) is a vector of ℝ^{m} for v in ℝ^{n}", axioms.shape, examples=5),
        Property("f(0) = 0", axioms.origin, examples=1),
        Property("f(u + v) = f(u) + f(v) (additive)", axioms.additive),
        Property("f(a·v) = a·f(v) (homogeneous)", axioms.homogeneous),
    ]
    return run_properties(
        "check_linear_map", properties, hint=f"see {_MAPS}", seed=seed, examples=examples
    )


class _LinearMapAxioms:
    """A learner's ``f``: ℝⁿ → ℝᵐ, with one test per property of a linear map."""

    def __init__(self, f: Callable[..., Any], n: int, m: int) -> None:
        self.learner = Learner(f, "f")
        self.n, self.m = n, m

    def image(self, v: Vector) -> Vector:
        call, raw = self.learner.call(v)
        if self.m == 1 and isinstance(raw, (int, float, Fraction)) and not isinstance(raw, bool):
            return Vector([raw])  # a map to ℝ may return its number
        return as_vector(raw, self.m, call)

    def tol(self, *images: Vector) -> float:
        return rounding(1 + sum(largest(w) for w in images), 4 * self.n + 4)

    def shape(self, src: Source) -> Verdict | None:
        self.image(_vector(src, self.n))  # a wrong length is reported by the conversion
        return None

    def additive(self, src: Source) -> Verdict | None:
        u, v = _vector(src, self.n), _vector(src, self.n)
        fu, fv, fuv = self.image(u), self.image(v), self.image(u + v)
        inputs = f"u = {show(u)}, v = {show(v)}"
        return _equal_vectors(
            inputs, ("f(u + v)", fuv), ("f(u) + f(v)", fu + fv), self.tol(fu, fv, fuv)
        )

    def homogeneous(self, src: Source) -> Verdict | None:
        a, v = src.fraction(), _vector(src, self.n)
        fv, fav = self.image(v), self.image(a * v)
        inputs = f"a = {show(a)}, v = {show(v)}"
        return _equal_vectors(
            inputs, ("f(a·v)", fav), ("a·f(v)", a * fv), self.tol(fv, fav) * (1 + abs(a))
        )

    def origin(self, src: Source) -> Verdict | None:
        zero = Vector.zeros(self.n)
        return _equal_vectors(
            f"v = {show(zero)}", ("f(0)", self.image(zero)), ("0", Vector.zeros(self.m)), 0.0
        )


def _shape(src: Source) -> int:
    return 1 + src.choice(3)


def _matrix(src: Source, m: int, n: int) -> Matrix:
    return src.matrix(m, n, _entries)


def check_matmul(matmul: Callable[..., Any], *, seed: int = 0, examples: int = 30) -> CheckReport:
    """Check ``matmul(A, B)``, the product of an m×k and a k×n matrix, against its definition.

    (AB)ᵢⱼ = Σₖ Aᵢₖ·Bₖⱼ, an m×n matrix (shapes are drawn unequal, so a transposed product is
    seen); (AB)C = A(BC) (associative); A(B + C) = AB + AC (distributive); IA = A = AI;
    (AB)ᵀ = BᵀAᵀ. Exact over ℚ; floats within the rounding of k products per entry.

    >>> import operator
    >>> check_matmul(operator.matmul).passed
    True
    >>> check_matmul(lambda A, B: A @ B.T if A.shape == B.shape else A @ B).passed
    False

    Raises: TypeError if ``matmul`` is not callable.
    """
    check_callable(matmul, "matmul")
    axioms = _MatrixProductAxioms(matmul)
    properties = [
        Property("(A·B)ᵢⱼ = Σₖ AᵢₖBₖⱼ: row i of A times column j of B", axioms.definition),
        Property("(A·B)·C = A·(B·C) (associative)", axioms.associative),
        Property("A·(B + C) = A·B + A·C (distributive)", axioms.distributive),
        Property("I·A = A = A·I (the identity matrix)", axioms.identity),
        Property("(A·B)ᵀ = Bᵀ·Aᵀ", axioms.transpose),
    ]
    return run_properties(
        "check_matmul", properties, hint=f"see {_MAPS}", seed=seed, examples=examples
    )


class _MatrixProductAxioms:
    """A learner's ``matmul``, with one test per law of the matrix product."""

    def __init__(self, matmul: Callable[..., Any]) -> None:
        self.learner = Learner(matmul, "matmul")

    def product(self, A: Matrix, B: Matrix) -> Matrix:
        return self.learner.matrix((A.shape[0], B.shape[1]), A, B)

    def agree(
        self, inputs: str, left: tuple[str, Matrix], right: tuple[str, Matrix], k: int
    ) -> Verdict | None:
        tol = rounding(1 + largest(left[1]) + largest(right[1]), 4 * k + 4)
        if matrices_agree(left[1], right[1], tol):
            return None
        return Verdict(
            inputs, f"{left[0]} = {show(left[1])}", f"{right[0]} = {within(right[1], left[1], tol)}"
        )

    def definition(self, src: Source) -> Verdict | None:
        m, k, n = _shape(src), _shape(src), _shape(src)
        A, B = _matrix(src, m, k), _matrix(src, k, n)
        return self.agree(
            f"A = {show(A)}, B = {show(B)}", ("A·B", self.product(A, B)), ("Σₖ AᵢₖBₖⱼ", A @ B), k
        )

    def associative(self, src: Source) -> Verdict | None:
        m, k, j, n = _shape(src), _shape(src), _shape(src), _shape(src)
        A, B, C = _matrix(src, m, k), _matrix(src, k, j), _matrix(src, j, n)
        left, right = self.product(self.product(A, B), C), self.product(A, self.product(B, C))
        inputs = f"A = {show(A)}, B = {show(B)}, C = {show(C)}"
        return self.agree(inputs, ("(A·B)·C", left), ("A·(B·C)", right), k * j)

    def distributive(self, src: Source) -> Verdict | None:
        m, k, n = _shape(src), _shape(src), _shape(src)
        A, B, C = _matrix(src, m, k), _matrix(src, k, n), _matrix(src, k, n)
        left, right = self.product(A, B + C), self.product(A, B) + self.product(A, C)
        inputs = f"A = {show(A)}, B = {show(B)}, C = {show(C)}"
        return self.agree(inputs, ("A·(B + C)", left), ("A·B + A·C", right), k)

    def identity(self, src: Source) -> Verdict | None:
        m, n = _shape(src), _shape(src)
        A = _matrix(src, m, n)
        inputs = f"A = {show(A)}"
        return self.agree(
            inputs, ("I·A", self.product(Matrix.identity(m), A)), ("A", A), m
        ) or self.agree(inputs, ("A·I", self.product(A, Matrix.identity(n))), ("A", A), n)

    def transpose(self, src: Source) -> Verdict | None:
        m, k, n = _shape(src), _shape(src), _shape(src)
        A, B = _matrix(src, m, k), _matrix(src, k, n)
        left, right = self.product(A, B).T, self.product(B.T, A.T)
        return self.agree(f"A = {show(A)}, B = {show(B)}", ("(A·B)ᵀ", left), ("Bᵀ·Aᵀ", right), k)


# --- determinants, inverses, LU --------------------------------------------------------------


def _square(src: Source, n: int) -> Matrix:
    """An n×n matrix: fractions, or small integers with many zeros (so elimination meets zero
    pivots and must swap rows), or one whose top-left entry is 0."""
    kind = src.choice(3)
    if kind == 0:
        return src.matrix(n, n, _entries)
    rows = [[src.integer(2) for _ in range(n)] for _ in range(n)]
    if kind == 2:
        rows[0][0] = 0
    return Matrix(rows)


def _hadamard(A: Matrix) -> float:
    """∏ᵢ ‖rowᵢ‖₂ ≥ |det A| (Hadamard's inequality): the scale of det's rounding error."""
    bound = 1.0
    rows: Any = A.rows
    for row in rows:
        bound *= math.hypot(*(float(abs(x)) for x in row))
    return bound


def check_det(det: Callable[..., Any], *, seed: int = 0, examples: int = 30) -> CheckReport:
    """Check ``det(A)`` for square A (1×1 to 4×4) against the determinant's definition and laws.

    det A = Σ_σ sign(σ)·∏ᵢ A[i, σ(i)] (the definition, computed exactly); swapping two rows
    changes the sign; det(AB) = det A · det B; det Aᵀ = det A; det I = 1; scaling a row by c
    scales det by c; a triangular matrix's det is the product of its diagonal. Matrices with
    zero pivots are drawn often, so elimination without row swaps is caught. Exact over ℚ;
    floats within n³·ε times Hadamard's bound ∏‖rowᵢ‖.

    >>> from scratchmath import det_cofactor
    >>> check_det(det_cofactor).passed
    True
    >>> check_det(lambda A: A[0, 0] if A.shape == (1, 1) else A[0, 0] * A[1, 1]).passed
    False

    Raises: TypeError if ``det`` is not callable.
    """
    check_callable(det, "det")
    axioms = _DeterminantAxioms(det)
    properties = [
        Property("det(A) = Σ_σ sign(σ)·∏ᵢ A[i, σ(i)] (the definition)", axioms.definition),
        Property("swapping two rows changes the sign of det", axioms.swap),
        Property("det(A·B) = det(A)·det(B) (multiplicative)", axioms.multiplicative),
        Property("det(Aᵀ) = det(A)", axioms.transpose),
        Property("det(I) = 1", axioms.identity, examples=4),
        Property("scaling one row by c scales det by c (multilinear)", axioms.scale_row),
        Property("det of a triangular matrix = the product of its diagonal", axioms.triangular),
    ]
    return run_properties(
        "check_det", properties, hint=f"see {_DETS}", seed=seed, examples=examples
    )


class _DeterminantAxioms:
    """A learner's ``det``, with one test per law of the determinant."""

    def __init__(self, det: Callable[..., Any]) -> None:
        self.learner = Learner(det, "det")

    def value(self, A: Matrix) -> Any:
        return self.learner.number(A)

    def tol(self, A: Matrix, n: int) -> float:
        return rounding(_hadamard(A) + 1, n**3)

    def verdict(
        self, inputs: str, left: tuple[str, Any], right: tuple[str, Any], scale: float
    ) -> Verdict | None:
        if close(left[1], right[1], scale):
            return None
        return Verdict(
            inputs,
            _labelled(left[0], show(left[1])),
            _labelled(right[0], within(right[1], left[1], scale)),
        )

    def definition(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        A = _square(src, n)
        return self.verdict(
            f"A = {show(A)}", ("det(A)", self.value(A)), ("", exact_det(A)), self.tol(A, n)
        )

    def swap(self, src: Source) -> Verdict | None:
        n = 2 + src.choice(3)
        A = _square(src, n)
        i = src.choice(n - 1)
        j = i + 1 + src.choice(n - 1 - i)
        rows = list(A.rows)
        rows[i], rows[j] = rows[j], rows[i]
        B = Matrix(rows)
        inputs = f"A = {show(A)}, B = A with rows {i} and {j} swapped = {show(B)}"
        return self.verdict(
            inputs, ("det(B)", self.value(B)), ("−det(A)", -self.value(A)), 2 * self.tol(A, n)
        )

    def multiplicative(self, src: Source) -> Verdict | None:
        n = _dimension(src, 3)
        A, B = _square(src, n), _square(src, n)
        left, right = self.value(A @ B), self.value(A) * self.value(B)
        inputs = f"A = {show(A)}, B = {show(B)}"
        return self.verdict(
            inputs,
            ("det(A·B)", left),
            ("det(A)·det(B)", right),
            4 * self.tol(A, n) * (_hadamard(B) + 1),
        )

    def transpose(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        A = _square(src, n)
        return self.verdict(
            f"A = {show(A)}",
            ("det(Aᵀ)", self.value(A.T)),
            ("det(A)", self.value(A)),
            2 * self.tol(A, n),
        )

    def identity(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        eye = Matrix.identity(n)
        return self.verdict(
            f"A = I = {show(eye)}", ("det(I)", self.value(eye)), ("", 1), self.tol(eye, n)
        )

    def scale_row(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        A, c, i = _square(src, n), src.fraction(), src.choice(n)
        B = Matrix([[c * x for x in row] if k == i else list(row) for k, row in enumerate(A.rows)])
        inputs = f"A = {show(A)}, B = A with row {i} times {show(c)} = {show(B)}"
        return self.verdict(
            inputs,
            ("det(B)", self.value(B)),
            ("c·det(A)", c * self.value(A)),
            2 * self.tol(A, n) * (1 + abs(c)),
        )

    def triangular(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        U = Matrix([[_entries(src) if j >= i else 0 for j in range(n)] for i in range(n)])
        product: Any = Fraction(1)
        for i in range(n):
            product *= U[i, i]
        return self.verdict(
            f"A = {show(U)}",
            ("det(A)", self.value(U)),
            ("the product of the diagonal", product),
            self.tol(U, n),
        )


def _invertible(src: Source, n: int) -> Matrix:
    A = _square(src, n)
    src.assume(exact_det(A) != 0)
    return A


def _residual_tol(A: Matrix, X: Matrix, n: int) -> float:
    """|A·X − I| ≤ n·ε·|A|·|X| entrywise for a backward-stable inverse (Higham §14.3)."""
    return rounding(1 + n * largest(A) * n * largest(X), 8 * n**2)


def check_inverse(inverse: Callable[..., Any], *, seed: int = 0, examples: int = 30) -> CheckReport:
    """Check ``inverse(A)`` for square A (1×1 to 4×4): A·A⁻¹ = I = A⁻¹·A, and no inverse of a
    singular matrix.

    Invertible matrices with zero pivots are drawn often (a Gauss–Jordan without row swaps is
    caught). For a singular A (a zero row or column, a repeated or doubled row) the function
    must refuse: raise an error (any exception) or return None. Exact over ℚ; floats within
    the residual bound n·ε·|A|·|A⁻¹| of a backward-stable inverse.

    >>> check_inverse(exact_inverse).passed
    True
    >>> check_inverse(lambda A: A.T).passed
    False

    Raises: TypeError if ``inverse`` is not callable.
    """
    check_callable(inverse, "inverse")
    axioms = _InverseAxioms(inverse)
    properties = [
        Property("A·A⁻¹ = I", axioms.right_inverse),
        Property("A⁻¹·A = I", axioms.left_inverse),
        Property(
            "a singular matrix (det A = 0) has no inverse: inverse(A) refuses it", axioms.singular
        ),
    ]
    return run_properties(
        "check_inverse", properties, hint=f"see {_ELIM}", seed=seed, examples=examples
    )


class _InverseAxioms:
    """A learner's ``inverse``, with one test per property of the inverse."""

    def __init__(self, inverse: Callable[..., Any]) -> None:
        self.learner = Learner(inverse, "inverse")

    def right_inverse(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        A = _invertible(src, n)
        X = self.learner.matrix((n, n), A)
        tol = _residual_tol(A, X, n)
        if matrices_agree(A @ X, Matrix.identity(n), tol):
            return None
        return Verdict(
            f"A = {show(A)}",
            f"A⁻¹ = {show(X)}, A·A⁻¹ = {show(A @ X)}",
            f"I (A⁻¹ = {within(exact_inverse(A), X, tol)})",
        )

    def left_inverse(self, src: Source) -> Verdict | None:
        n = _dimension(src)
        A = _invertible(src, n)
        X = self.learner.matrix((n, n), A)
        tol = _residual_tol(A, X, n)
        if matrices_agree(X @ A, Matrix.identity(n), tol):
            return None
        return Verdict(f"A = {show(A)}", f"A⁻¹ = {show(X)}, A⁻¹·A = {show(X @ A)}", "I")

    def singular(self, src: Source) -> Verdict | None:
        n = 1 + src.choice(3)
        rows = [list(row) for row in _square(src, n).rows]
        kind, i = src.choice(4), src.choice(n)
        j = (i + 1 + src.choice(n - 1)) % n if n > 1 else i
        if kind == 0 or n == 1:
            rows[i] = [0] * n
        elif kind == 1:
            for row in rows:
                row[i] = 0
        else:
            rows[j] = [x * (1 if kind == 2 else 2) for x in rows[i]]
        A = Matrix(rows)
        try:
            _, answer = self.learner.call(A)
        except LearnerProblem:
            return None  # it refused: raised an error, or returned None
        return Verdict(
            f"A = {show(A)} (det A = 0)",
            f"returned {show(answer)}",
            "an error: a singular matrix has no inverse",
        )


def _factors(learner: Learner, A: Matrix) -> tuple[Matrix, Matrix, Matrix]:
    n = A.shape[0]
    text, answer = learner.call(A)
    try:
        P, L, U = answer
    except (TypeError, ValueError):
        raise LearnerProblem(text, f"returned {show(answer)}", "three matrices (P, L, U)") from None
    return as_matrix(P, (n, n), text), as_matrix(L, (n, n), text), as_matrix(U, (n, n), text)


def check_lu(lu: Callable[..., Any], *, seed: int = 0, examples: int = 30) -> CheckReport:
    """Check ``lu(A)`` → ``(P, L, U)`` for invertible A (1×1 to 4×4): P·A = L·U, L unit lower
    triangular, U upper triangular, P a permutation matrix.

    Matrices whose elimination meets a zero pivot are drawn often, so an LU without row
    exchanges (partial pivoting) is caught, and so is one that forgets to swap the part of L
    already computed. Exact over ℚ; floats within n·ε·|L|·|U| (Higham, Theorem 9.3).

    >>> from scratchmath import lu
    >>> check_lu(lu).passed
    True

    Raises: TypeError if ``lu`` is not callable.
    """
    check_callable(lu, "lu")
    axioms = _LUAxioms(lu)
    properties = [
        Property("P·A = L·U", axioms.product),
        Property("L is unit lower triangular", axioms.unit_lower),
        Property("U is upper triangular", axioms.upper),
        Property("P is a permutation matrix", axioms.permutation),
    ]
    return run_properties("check_lu", properties, hint=f"see {_ELIM}", seed=seed, examples=examples)


class _LUAxioms:
    """A learner's ``lu``, with one test per property of P·A = L·U."""

    def __init__(self, lu: Callable[..., Any]) -> None:
        self.learner = Learner(lu, "lu")

    def draw(self, src: Source) -> tuple[Matrix, tuple[Matrix, Matrix, Matrix], float]:
        n = _dimension(src)
        A = _invertible(src, n)
        P, L, U = _factors(self.learner, A)
        tol = rounding(1 + n * largest(L) * largest(U) + largest(A), 8 * n)
        return A, (P, L, U), tol

    def product(self, src: Source) -> Verdict | None:
        A, (P, L, U), tol = self.draw(src)
        if matrices_agree(P @ A, L @ U, tol):
            return None
        advice = ""
        if matrices_agree(P.T @ A, L @ U, tol):
            advice = " (your P gives A = P·L·U, SciPy's convention: return its transpose)"
        inputs = f"A = {show(A)}, and yours P = {show(P)}, L = {show(L)}, U = {show(U)}"
        return Verdict(inputs, f"P·A = {show(P @ A)}, L·U = {show(L @ U)}", f"P·A = L·U{advice}")

    def unit_lower(self, src: Source) -> Verdict | None:
        A, (_, L, _), tol = self.draw(src)
        n = A.shape[0]
        ok = all(close(L[i, i], 1, tol) for i in range(n)) and all(
            close(L[i, j], 0, tol) for i in range(n) for j in range(i + 1, n)
        )
        return (
            None
            if ok
            else Verdict(f"A = {show(A)}", f"L = {show(L)}", "ones on L's diagonal, zeros above it")
        )

    def upper(self, src: Source) -> Verdict | None:
        A, (_, _, U), tol = self.draw(src)
        n = A.shape[0]
        ok = all(close(U[i, j], 0, tol) for i in range(n) for j in range(i))
        return (
            None if ok else Verdict(f"A = {show(A)}", f"U = {show(U)}", "zeros below U's diagonal")
        )

    def permutation(self, src: Source) -> Verdict | None:
        A, (P, _, _), _ = self.draw(src)
        entries_ok = all(x == 0 or x == 1 for row in P.rows for x in row)
        ok = (
            entries_ok
            and all(sum(row) == 1 for row in P.rows)
            and all(sum(col) == 1 for col in P.columns)
        )
        return (
            None
            if ok
            else Verdict(
                f"A = {show(A)}",
                f"P = {show(P)}",
                "a permutation matrix: one 1 in each row and column, zeros elsewhere",
            )
        )


# --- eigenvalues ----------------------------------------------------------------------------------

_TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17))


def _rotation(n: int, i: int, j: int, c: Fraction, s: Fraction) -> Matrix:
    rows = [[Fraction(int(r == k)) for k in range(n)] for r in range(n)]
    rows[i][i], rows[j][j], rows[i][j], rows[j][i] = c, c, -s, s
    return Matrix(rows)


def _with_eigenvalues(src: Source, n: int) -> tuple[Matrix, list[int]]:
    """A matrix with known integer eigenvalues, all real: diagonal; Q·D·Qᵀ with Q a rational
    rotation (Pythagorean triples keep it exact); or S·D·S⁻¹ with S of determinant 1 and
    distinct eigenvalues (a non-symmetric matrix whose eigenvectors are not orthogonal)."""
    kind = src.choice(3) if n > 1 else 0
    values = [src.integer(5) for _ in range(n)]
    if kind == 2:
        src.assume(len(set(values)) == n)
    D = Matrix.diagonal(values)
    if kind == 0:
        return D, values
    if kind == 1:
        Q: Matrix = Matrix.identity(n)
        for i in range(n - 1):
            a, b, c = src.pick(_TRIPLES)
            Q = Q @ _rotation(n, i, i + 1, Fraction(a, c), Fraction(b, c))
        return Q @ D @ Q.T, values
    lower = Matrix(
        [[1 if i == j else (src.integer(2) if j < i else 0) for j in range(n)] for i in range(n)]
    )
    upper = Matrix(
        [[1 if i == j else (src.integer(2) if j > i else 0) for j in range(n)] for i in range(n)]
    )
    S = lower @ upper
    return S @ D @ exact_inverse(S), values


def _eigen_answer(learner: Learner, A: Matrix) -> tuple[list[Any], Matrix]:
    n = A.shape[0]
    text, answer = learner.call(A)
    try:
        values, V = answer
    except (TypeError, ValueError):
        raise LearnerProblem(text, f"returned {show(answer)}", "a pair (eigenvalues, V)") from None
    return list(as_vector(values, n, text)), as_matrix(V, (n, n), text)


def _is_eigenpair(A: Matrix, value: Any, v: Vector) -> bool:
    """‖A·v − λ·v‖∞ ≤ 10⁻⁸·(‖A‖ + |λ|)·‖v‖∞, v ≠ 0: what an iteration stopped at a relative
    tolerance near 10⁻⁹ achieves; a wrong eigenvector misses it by far more."""
    size = largest(v)
    if size == 0:
        return False
    residual = A @ v - v * value
    return bool(largest(residual) <= 1e-8 * (1 + largest(A) * A.shape[0] + abs(value)) * size)


def check_eigen(eig: Callable[..., Any], *, seed: int = 0, examples: int = 30) -> CheckReport:
    """Check ``eig(A)`` → ``(eigenvalues, V)``, eigenvectors as V's columns (1×1 to 3×3).

    The matrices drawn have real integer eigenvalues: diagonal ones, symmetric ones Q·D·Qᵀ, and
    non-symmetric ones S·D·S⁻¹. Each pair must satisfy A·v = λ·v with v ≠ 0 (within 10⁻⁸
    relative: an iterative method's accuracy), and the eigenvalues must be A's, each as often as
    its multiplicity, within 10⁻⁷ relative. Eigenvectors need not have norm 1.

    >>> from scratchmath import eig
    >>> check_eigen(eig).passed
    True

    Raises: TypeError if ``eig`` is not callable.
    """
    check_callable(eig, "eig")
    learner = Learner(eig, "eig")

    def pairs(src: Source) -> Verdict | None:
        n = _dimension(src, 3)
        A, _ = _with_eigenvalues(src, n)
        values, V = _eigen_answer(learner, A)
        for k, (value, v) in enumerate(zip(values, V.columns, strict=True)):
            if not _is_eigenpair(A, value, v):
                rows = all(
                    _is_eigenpair(A, lam, row) for lam, row in zip(values, V.rows, strict=True)
                )
                advice = (
                    " (your V's rows are eigenvectors: put them in its columns)" if rows else ""
                )
                inputs = f"A = {show(A)}; your λ = {show(value)}, v = column {k} of V = {show(v)}"
                return Verdict(inputs, f"A·v = {show(A @ v)}", f"λ·v = {show(v * value)}{advice}")
        return None

    def spectrum(src: Source) -> Verdict | None:
        n = _dimension(src, 3)
        A, expected = _with_eigenvalues(src, n)
        values, _ = _eigen_answer(learner, A)
        got = sorted(values, key=lambda z: (complex(z).real, complex(z).imag))
        tol = 1e-7 * (1 + largest(A))
        if all(abs(g - e) <= tol for g, e in zip(got, sorted(expected), strict=True)):
            return None
        return Verdict(
            f"A = {show(A)}",
            f"eigenvalues {show(got)}",
            f"{show(sorted(expected))} (within {tol:.2g})",
        )

    properties = [
        Property("A·v = λ·v, v ≠ 0, for each eigenvalue and its column of V", pairs),
        Property("the eigenvalues are A's, each as often as its multiplicity", spectrum),
    ]
    return run_properties(
        "check_eigen", properties, hint=f"see {_EIGEN}", seed=seed, examples=examples
    )
