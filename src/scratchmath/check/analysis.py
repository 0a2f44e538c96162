"""Checkers for the calculus chapters: your derivative, integral, gradient and Jacobian.

Derivatives and integrals computed numerically cannot be exact, so each answer is compared with
the known one within a tolerance that a sound method meets with room to spare and a poor one
misses: a central difference with h ≈ 10⁻⁵ is off by about h²·|f‴|/6 ≈ 10⁻¹¹, a forward
difference with h = 10⁻⁶ by h·|f″|/2 ≈ 10⁻⁶, and one with h = 0.1 by ≈ 0.05; we allow 10⁻⁵
relative. Simpson's rule with 100 panels is off by about 10⁻⁹ and the trapezoid rule with 1000
by about 10⁻⁶, a Riemann sum with 10 rectangles by 10⁻¹; we allow 10⁻⁵ of (b − a)·max |f|.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from scratchmath.check.engine import (
    CheckReport,
    Learner,
    LearnerProblem,
    Property,
    Source,
    Verdict,
    as_number,
    largest,
    run_properties,
    show,
)
from scratchmath.checks import check_callable
from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

__all__ = ["check_chain_rule", "check_derivative", "check_gradient", "check_integral"]

_DERIVATIVE = "docs/calculus.md, “The derivative is the limit of the difference quotient”"
_INTEGRAL = "docs/calculus.md, “The integral is the signed area”"
_GRADIENT = "docs/multivariable-calculus.md, “The gradient”"
_CHAIN = "docs/multivariable-calculus.md, “The total derivative and the chain rule”"

RELATIVE = 1e-5
"""The relative accuracy asked of a numerical derivative or integral (see the module's note)."""


class Known(NamedTuple):
    """A test function of one variable with its derivative and an antiderivative."""

    name: str
    f: Callable[[float], float]
    df: Callable[[float], float]
    F: Callable[[float], float]
    low: float
    high: float


_POWERS = (
    Known("x²", lambda x: x * x, lambda x: 2 * x, lambda x: x**3 / 3, -4, 4),
    Known(
        "x³ − 2x",
        lambda x: x**3 - 2 * x,
        lambda x: 3 * x * x - 2,
        lambda x: x**4 / 4 - x * x,
        -3,
        3,
    ),
    Known("x⁵", lambda x: x**5, lambda x: 5 * x**4, lambda x: x**6 / 6, -2, 2),
    Known("√x", math.sqrt, lambda x: 0.5 / math.sqrt(x), lambda x: 2 / 3 * x**1.5, 0.25, 4),
)
_EXP_LOG = (
    Known("eˣ", math.exp, math.exp, math.exp, -3, 3),
    Known("ln x", math.log, lambda x: 1 / x, lambda x: x * math.log(x) - x, 0.25, 4),
)
_TRIG = (
    Known("sin x", math.sin, math.cos, lambda x: -math.cos(x), -4, 4),
    Known("cos x", math.cos, lambda x: -math.sin(x), math.sin, -4, 4),
)
_CHAINED = (
    Known(
        "1/(1 + x²)",
        lambda x: 1 / (1 + x * x),
        lambda x: -2 * x / (1 + x * x) ** 2,
        math.atan,
        -4,
        4,
    ),
    Known(
        "e^(−x²/2)·sin x",
        lambda x: math.exp(-x * x / 2) * math.sin(x),
        lambda x: math.exp(-x * x / 2) * (math.cos(x) - x * math.sin(x)),
        lambda x: math.nan,
        -3,
        3,
    ),
)
_LINES = (
    Known("5", lambda x: 5.0, lambda x: 0.0, lambda x: 5 * x, -4, 4),
    Known("3x + 1", lambda x: 3 * x + 1, lambda x: 3.0, lambda x: 1.5 * x * x + x, -4, 4),
)


class Named:
    """A test function that shows itself by its formula in a report: ``x ↦ x²``."""

    __slots__ = ("f", "formula")

    def __init__(self, f: Callable[..., Any], formula: str) -> None:
        self.f, self.formula = f, formula

    def __call__(self, *args: Any) -> Any:
        return self.f(*args)

    def __repr__(self) -> str:
        return self.formula if "↦" in self.formula else f"x ↦ {self.formula}"


def _point(src: Source, low: float, high: float) -> float:
    """A point of [low, high]: a simple one (an integer or a half) or any float."""
    simple = sorted({k / 2 for k in range(math.ceil(2 * low), math.floor(2 * high) + 1)}, key=abs)
    if simple and src.choice(2) == 0:
        return float(src.pick(simple))
    return low + (high - low) * src.choice(2**20) / 2**20


def _real(value: Any, call: object) -> float:
    number = as_number(value, call)
    if isinstance(number, complex):
        raise LearnerProblem(call, f"returned the complex number {number!r}", "a real number")
    return float(number)


# --- derivatives ------------------------------------------------------------------------------


def check_derivative(
    derivative: Callable[..., Any], *, seed: int = 0, examples: int = 20
) -> CheckReport:
    """Check ``derivative(f, x)`` against the rules of differentiation.

    The power rule (x², x³ − 2x, x⁵, √x), eˣ and ln x, sin and cos, the chain and quotient
    rules (1/(1 + x²), e^(−x²/2)·sin x), a constant and a line, and linearity
    (a·f + g)′ = a·f′ + g′. Each value must be within 10⁻⁵·(1 + |f(x)| + |f′(x)|) of the
    true derivative: a central difference with h near 10⁻⁵ passes, a forward difference
    with h = 0.1 does not.

    >>> from scratchmath import derivative
    >>> check_derivative(derivative).passed
    True
    >>> check_derivative(lambda f, x: (f(x + 0.1) - f(x)) / 0.1).passed
    False

    Raises: TypeError if ``derivative`` is not callable.
    """
    check_callable(derivative, "derivative")
    rules = _DerivativeRules(derivative)
    properties = [
        Property(
            "(a·x + b)′ = a: a constant has derivative 0, a line its slope", rules.rule(_LINES)
        ),
        Property("(xⁿ)′ = n·xⁿ⁻¹ (the power rule)", rules.rule(_POWERS)),
        Property("(eˣ)′ = eˣ and (ln x)′ = 1/x", rules.rule(_EXP_LOG)),
        Property("(sin x)′ = cos x and (cos x)′ = −sin x", rules.rule(_TRIG)),
        Property(
            "the chain and quotient rules (1/(1 + x²), e^(−x²/2)·sin x)", rules.rule(_CHAINED)
        ),
        Property("(a·f + g)′ = a·f′ + g′ (linearity)", rules.linearity),
    ]
    return run_properties(
        "check_derivative", properties, hint=f"see {_DERIVATIVE}", seed=seed, examples=examples
    )


class _DerivativeRules:
    """A learner's ``derivative``, with one test per rule of differentiation."""

    def __init__(self, derivative: Callable[..., Any]) -> None:
        self.learner = Learner(derivative, "derivative")

    def rule(self, table: Sequence[Known]) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            known = src.pick(table)
            x = _point(src, known.low, known.high)
            call, raw = self.learner.call(Named(known.f, known.name), x)
            got, expected = _real(raw, call), known.df(x)
            tol = RELATIVE * (1 + abs(known.f(x)) + abs(expected))
            if abs(got - expected) <= tol:
                return None
            inputs = f"f(x) = {known.name} at x = {x!r}"
            return Verdict(inputs, f"f′(x) ≈ {got!r}", f"{expected!r} (within {tol:.2g})")

        return test

    def linearity(self, src: Source) -> Verdict | None:
        f, g = src.pick(_POWERS[:3] + _TRIG), src.pick(_EXP_LOG[:1] + _TRIG + _CHAINED[:1])
        a = float(src.integer(3))
        x = _point(src, max(f.low, g.low), min(f.high, g.high))
        combined = Named(lambda t: a * f.f(t) + g.f(t), f"{a:g}·{f.name} + {g.name}")
        left = _value(self.learner, combined, x)
        fx, gx = (_value(self.learner, Named(k.f, k.name), x) for k in (f, g))
        right = a * fx + gx
        tol = RELATIVE * (1 + abs(a) + 1) * (1 + abs(f.f(x)) + abs(g.f(x)) + abs(right))
        if abs(left - right) <= tol:
            return None
        inputs = f"f(x) = {f.name}, g(x) = {g.name}, a = {a:g}, x = {x!r}"
        return Verdict(
            inputs, f"(a·f + g)′ ≈ {left!r}", f"a·f′ + g′ ≈ {right!r} (within {tol:.2g})"
        )


def _value(learner: Learner, f: Callable[[float], float], x: float) -> float:
    call, raw = learner.call(f, x)
    return _real(raw, call)


# --- integrals --------------------------------------------------------------------------------

_POLYNOMIALS = (
    Known("1", lambda x: 1.0, lambda x: 0.0, lambda x: x, -3, 3),
    Known("x", lambda x: x, lambda x: 1.0, lambda x: x * x / 2, -3, 3),
    Known(
        "3x² − 2x + 1",
        lambda x: 3 * x * x - 2 * x + 1,
        lambda x: 6 * x - 2,
        lambda x: x**3 - x * x + x,
        -3,
        3,
    ),
    Known("x³", lambda x: x**3, lambda x: 3 * x * x, lambda x: x**4 / 4, -3, 3),
    Known("x⁴", lambda x: x**4, lambda x: 4 * x**3, lambda x: x**5 / 5, -2, 2),
)
_ANTIDERIVATIVES = (*_POWERS[:1], *_EXP_LOG, *_TRIG, _CHAINED[0], _POWERS[3])


def _interval(src: Source, known: Known) -> tuple[float, float]:
    a, b = _point(src, known.low, known.high), _point(src, known.low, known.high)
    src.assume(a != b)
    return a, b


def _integral_tol(known: Known, a: float, b: float) -> float:
    low, high = min(a, b), max(a, b)
    biggest = max(abs(known.f(low + (high - low) * k / 16)) for k in range(17))
    return RELATIVE * (high - low) * (1 + biggest)


def check_integral(
    integrate: Callable[..., Any], *, seed: int = 0, examples: int = 15
) -> CheckReport:
    """Check ``integrate(f, a, b)`` against the fundamental theorem and the laws of the integral.

    ∫ₐᵇ f = F(b) − F(a) for polynomials and for eˣ, ln x, sin, cos, 1/(1 + x²), √x;
    ∫ₐᵇ f = −∫ᵦₐ f (orientation); ∫ₐᵃ f = 0; ∫ₐᵇ f + ∫ᵦᶜ f = ∫ₐᶜ f (additivity). Each
    value must be within 10⁻⁵·(b − a)·(1 + max |f|): Simpson's rule with 100 panels passes, a
    Riemann sum with 10 rectangles does not.

    >>> from scratchmath import integrate
    >>> check_integral(integrate).passed
    True
    >>> def left_riemann(f, a, b, n=10):
    ...     return sum(f(a + k * (b - a) / n) for k in range(n)) * (b - a) / n
    >>> check_integral(left_riemann).passed
    False

    Raises: TypeError if ``integrate`` is not callable.
    """
    check_callable(integrate, "integrate")
    laws = _IntegralLaws(integrate)
    properties = [
        Property("∫ₐᵇ p = P(b) − P(a) for a polynomial p", laws.theorem(_POLYNOMIALS)),
        Property(
            "∫ₐᵇ f = F(b) − F(a) (the fundamental theorem) for eˣ, ln, sin, cos, …",
            laws.theorem(_ANTIDERIVATIVES),
        ),
        Property("∫ᵦₐ f = −∫ₐᵇ f (orientation)", laws.orientation),
        Property("∫ₐᵃ f = 0", laws.empty, examples=5),
        Property("∫ₐᵇ f + ∫ᵦᶜ f = ∫ₐᶜ f (additivity)", laws.additive),
    ]
    return run_properties(
        "check_integral", properties, hint=f"see {_INTEGRAL}", seed=seed, examples=examples
    )


class _IntegralLaws:
    """A learner's ``integrate``, with one test per law of the integral."""

    def __init__(self, integrate: Callable[..., Any]) -> None:
        self.learner = Learner(integrate, "integrate")

    def value(self, known: Known, a: float, b: float) -> float:
        call, raw = self.learner.call(Named(known.f, known.name), a, b)
        return _real(raw, call)

    def theorem(self, table: Sequence[Known]) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            known = src.pick(table)
            a, b = _interval(src, known)
            got, expected = self.value(known, a, b), known.F(b) - known.F(a)
            tol = _integral_tol(known, a, b)
            if abs(got - expected) <= tol:
                return None
            inputs = f"f(x) = {known.name}, a = {a!r}, b = {b!r}"
            return Verdict(
                inputs, f"∫ₐᵇ f ≈ {got!r}", f"F(b) − F(a) = {expected!r} (within {tol:.2g})"
            )

        return test

    def orientation(self, src: Source) -> Verdict | None:
        known = src.pick(_POLYNOMIALS + _TRIG)
        a, b = _interval(src, known)
        forward, backward = self.value(known, a, b), self.value(known, b, a)
        tol = 2 * _integral_tol(known, a, b)
        if abs(backward + forward) <= tol:
            return None
        inputs = f"f(x) = {known.name}, a = {a!r}, b = {b!r}"
        return Verdict(inputs, f"∫ᵦₐ f ≈ {backward!r}", f"−∫ₐᵇ f ≈ {-forward!r} (within {tol:.2g})")

    def empty(self, src: Source) -> Verdict | None:
        known = src.pick(_POLYNOMIALS + _TRIG)
        a = _point(src, known.low, known.high)
        got = self.value(known, a, a)
        if abs(got) <= 1e-12:
            return None
        return Verdict(f"f(x) = {known.name}, a = b = {a!r}", f"∫ₐᵃ f ≈ {got!r}", "0")

    def additive(self, src: Source) -> Verdict | None:
        known = src.pick(_POLYNOMIALS + _TRIG + _EXP_LOG)
        a, c = _interval(src, known)
        b = _point(src, min(a, c), max(a, c))
        src.assume(b not in (a, c))
        left = self.value(known, a, b) + self.value(known, b, c)
        right = self.value(known, a, c)
        tol = 3 * _integral_tol(known, a, c)
        if abs(left - right) <= tol:
            return None
        inputs = f"f(x) = {known.name}, a = {a!r}, b = {b!r}, c = {c!r}"
        return Verdict(inputs, f"∫ₐᵇ f + ∫ᵦᶜ f ≈ {left!r}", f"∫ₐᶜ f ≈ {right!r} (within {tol:.2g})")


# --- gradients and Jacobians --------------------------------------------------------------------


def _coordinates(src: Source, n: int) -> Vector:
    return Vector([_point(src, -2.0, 2.0) for _ in range(n)])


class Field(NamedTuple):
    """A test function ℝⁿ → ℝ with its gradient; it reads x by index, so a list works too."""

    name: str
    f: Callable[[Any], float]
    grad: Callable[[Any], list[float]]


def _fields(src: Source, n: int) -> Field:
    """One of: a linear a·x + 1, a quadratic ½xᵀAx + b·x, e^(c·x), log(1 + ‖x‖²), Rosenbrock."""
    kind = src.choice(5)
    if kind == 0:
        a = [src.integer(4) for _ in range(n)]
        return Field(
            f"{show(a)}·x + 1",
            lambda x: sum(a[i] * x[i] for i in range(n)) + 1.0,
            lambda x: [float(ai) for ai in a],
        )
    if kind == 1:
        b = [src.integer(3) for _ in range(n)]
        upper = {(i, j): src.integer(3) for i in range(n) for j in range(i, n)}
        A = [[upper[min(i, j), max(i, j)] for j in range(n)] for i in range(n)]

        def quadratic(x: Any) -> float:
            xs = [x[i] for i in range(n)]
            return float(
                sum(A[i][j] * xs[i] * xs[j] for i in range(n) for j in range(n))
            ) / 2 + float(sum(b[i] * xs[i] for i in range(n)))

        return Field(
            f"½xᵀAx + b·x, A = {show(A)}, b = {show(b)}",
            quadratic,
            lambda x: [sum(A[i][j] * x[j] for j in range(n)) + b[i] for i in range(n)],
        )
    if kind == 2:
        c = [src.integer(4) / 4 for _ in range(n)]

        def exp_c(x: Any) -> float:
            return math.exp(sum(c[i] * x[i] for i in range(n)))

        return Field(f"exp(c·x), c = {show(c)}", exp_c, lambda x: [ci * exp_c(x) for ci in c])
    if kind == 3:

        def log_norm(x: Any) -> float:
            return math.log1p(sum(x[i] ** 2 for i in range(n)))

        return Field(
            "log(1 + ‖x‖²)",
            log_norm,
            lambda x: [2 * x[i] / (1 + sum(x[k] ** 2 for k in range(n))) for i in range(n)],
        )
    return Field("Rosenbrock Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²", _rosenbrock(n), _rosenbrock_grad(n))


def _rosenbrock(n: int) -> Callable[[Any], float]:
    def f(x: Any) -> float:
        if n == 1:
            return float((1 - x[0]) ** 2)
        return float(sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(n - 1)))

    return f


def _rosenbrock_grad(n: int) -> Callable[[Any], list[float]]:
    def grad(x: Any) -> list[float]:
        if n == 1:
            return [-2 * (1 - x[0])]
        g = [0.0] * n
        for i in range(n - 1):
            g[i] += -400 * x[i] * (x[i + 1] - x[i] ** 2) - 2 * (1 - x[i])
            g[i + 1] += 200 * (x[i + 1] - x[i] ** 2)
        return g

    return grad


def check_gradient(
    gradient: Callable[..., Any], *, seed: int = 0, examples: int = 20
) -> CheckReport:
    """Check ``gradient(f, x)`` → the vector of partial derivatives (∂f/∂x₁, …, ∂f/∂xₙ).

    On linear functions a·x + 1 (gradient a), quadratics ½xᵀAx + b·x (gradient Ax + b),
    e^(c·x), log(1 + ‖x‖²) and Rosenbrock's function, in 1 to 3 variables, each component within
    10⁻⁵·(1 + |f(x)| + max |∂f/∂xᵢ|) of the true one. x arrives as a Vector of floats; f also
    accepts a list.

    >>> from scratchmath import gradient
    >>> check_gradient(gradient).passed
    True

    Raises: TypeError if ``gradient`` is not callable.
    """
    check_callable(gradient, "gradient")
    learner = Learner(gradient, "gradient")

    def partials(kinds: Sequence[int]) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            n = 1 + src.choice(3)
            kind = src.pick(kinds)
            field = _fields(Source(None, [kind, *[src.choice(9) for _ in range(n * n + n)]]), n)
            x = _coordinates(src, n)
            got = learner.vector(n, Named(field.f, field.name), x)
            expected = field.grad(x)
            tol = RELATIVE * (1 + abs(field.f(x)) + largest(expected))
            if all(abs(g - e) <= tol for g, e in zip(got, expected, strict=True)):
                return None
            inputs = f"f(x) = {field.name} at x = {show(x)}"
            return Verdict(
                inputs, f"∇f(x) ≈ {show(got)}", f"{show(Vector(expected))} (within {tol:.2g})"
            )

        return test

    properties = [
        Property("∇(a·x + c) = a", partials([0])),
        Property("∇(½xᵀAx + b·x) = A·x + b for a symmetric A", partials([1])),
        Property(
            "each component is ∂f/∂xᵢ (e^(c·x), log(1 + ‖x‖²), Rosenbrock)", partials([2, 3, 4])
        ),
    ]
    return run_properties(
        "check_gradient", properties, hint=f"see {_GRADIENT}", seed=seed, examples=examples
    )


class Map(NamedTuple):
    """A test map ℝⁿ → ℝᵐ with its Jacobian (m×n); it reads x by index and returns a Vector."""

    name: str
    n: int
    m: int
    f: Callable[[Any], Vector]
    jacobian: Callable[[Any], list[list[float]]]


_MAPS = (
    Map(
        "(r, θ) ↦ (r cos θ, r sin θ)",
        2,
        2,
        lambda x: Vector([x[0] * math.cos(x[1]), x[0] * math.sin(x[1])]),
        lambda x: [
            [math.cos(x[1]), -x[0] * math.sin(x[1])],
            [math.sin(x[1]), x[0] * math.cos(x[1])],
        ],
    ),
    Map(
        "(x, y) ↦ (x·y, x + y, x²)",
        2,
        3,
        lambda x: Vector([x[0] * x[1], x[0] + x[1], x[0] ** 2]),
        lambda x: [[x[1], x[0]], [1.0, 1.0], [2 * x[0], 0.0]],
    ),
    Map(
        "(x, y, z) ↦ (x·y·z, y − z²)",
        3,
        2,
        lambda x: Vector([x[0] * x[1] * x[2], x[1] - x[2] ** 2]),
        lambda x: [[x[1] * x[2], x[0] * x[2], x[0] * x[1]], [0.0, 1.0, -2 * x[2]]],
    ),
    Map(
        "t ↦ (sin t, t², eᵗ)",
        1,
        3,
        lambda x: Vector([math.sin(x[0]), x[0] ** 2, math.exp(x[0])]),
        lambda x: [[math.cos(x[0])], [2 * x[0]], [math.exp(x[0])]],
    ),
)


def _linear_map(src: Source) -> Map:
    m, n = 1 + src.choice(3), 1 + src.choice(3)
    A = [[src.integer(4) for _ in range(n)] for _ in range(m)]
    return Map(
        f"x ↦ A·x, A = {show(A)}",
        n,
        m,
        lambda x: Vector([sum(A[i][j] * x[j] for j in range(n)) for i in range(m)]),
        lambda x: [[float(a) for a in row] for row in A],
    )


def _jacobian_tol(*jacobians: Matrix) -> float:
    return RELATIVE * (1 + sum(largest(J) for J in jacobians))


def check_chain_rule(
    jacobian: Callable[..., Any], *, seed: int = 0, examples: int = 20
) -> CheckReport:
    """Check ``jacobian(f, x)`` → the m×n matrix Jᵢⱼ = ∂fᵢ/∂xⱼ of f: ℝⁿ → ℝᵐ, and the chain rule.

    The Jacobian of x ↦ A·x is A (shapes unequal, so a transposed Jacobian is seen); of
    polar coordinates and other nonlinear maps it is the known matrix; and the chain rule
    J(g∘f)(x) = Jg(f(x))·Jf(x) holds for your own Jacobians. Entries within
    10⁻⁵·(1 + max |Jᵢⱼ|) of the true ones.

    >>> from scratchmath import jacobian
    >>> check_chain_rule(jacobian).passed
    True

    Raises: TypeError if ``jacobian`` is not callable.
    """
    check_callable(jacobian, "jacobian")
    laws = _JacobianLaws(jacobian)
    properties = [
        Property("the Jacobian of x ↦ A·x is A (m×n)", laws.linear),
        Property("Jᵢⱼ = ∂fᵢ/∂xⱼ for nonlinear maps (polar coordinates, …)", laws.nonlinear),
        Property("J(g∘f)(x) = Jg(f(x))·Jf(x) (the chain rule)", laws.chain),
    ]
    return run_properties(
        "check_chain_rule", properties, hint=f"see {_CHAIN}", seed=seed, examples=examples
    )


class _JacobianLaws:
    """A learner's ``jacobian``, with one test per property of the Jacobian."""

    def __init__(self, jacobian: Callable[..., Any]) -> None:
        self.learner = Learner(jacobian, "jacobian")

    def value(self, known: Map, x: Vector) -> Matrix:
        return self.learner.matrix((known.m, known.n), Named(known.f, known.name), x)

    def compare(self, known: Map, x: Vector) -> Verdict | None:
        got, expected = self.value(known, x), Matrix(known.jacobian(x))
        tol = _jacobian_tol(expected)
        pairs: Any = zip(got.tolist(), expected.tolist(), strict=True)
        if all(abs(g - e) <= tol for gr, er in pairs for g, e in zip(gr, er, strict=True)):
            return None
        inputs = f"f = {known.name} at x = {show(x)}"
        return Verdict(inputs, f"J ≈ {show(got)}", f"{show(expected)} (within {tol:.2g})")

    def linear(self, src: Source) -> Verdict | None:
        known = _linear_map(src)
        return self.compare(known, _coordinates(src, known.n))

    def nonlinear(self, src: Source) -> Verdict | None:
        known = src.pick(_MAPS)
        return self.compare(known, _coordinates(src, known.n))

    def chain(self, src: Source) -> Verdict | None:
        inner = src.pick(_MAPS)
        outer = src.pick([g for g in _MAPS if g.n == inner.m] or [_MAPS[0]])
        src.assume(outer.n == inner.m)
        x = _coordinates(src, inner.n)
        composite = Map(
            f"g∘f with f = {inner.name}, g = {outer.name}",
            inner.n,
            outer.m,
            lambda t: outer.f(inner.f(t)),
            lambda t: [],
        )
        left = self.value(composite, x)
        Jg, Jf = self.value(outer, inner.f(x)), self.value(inner, x)
        right = Jg @ Jf
        tol = _jacobian_tol(left, right) + RELATIVE * inner.m * largest(Jg) * largest(Jf)
        if all(
            abs(a - b) <= tol
            for ra, rb in zip(left.tolist(), right.tolist(), strict=True)
            for a, b in zip(ra, rb, strict=True)
        ):
            return None
        inputs = f"f = {inner.name}, g = {outer.name}, x = {show(x)}"
        return Verdict(
            inputs,
            f"J(g∘f)(x) ≈ {show(left)}",
            f"Jg(f(x))·Jf(x) ≈ {show(right)} (within {tol:.2g})",
        )
