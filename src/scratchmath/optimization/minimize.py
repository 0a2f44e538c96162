"""minimize: one entry point for every method, from plain gradient descent to BFGS.

=======================  ===================================================================
``OptimizeResult``       (x, value, steps, converged, path, reason)
``METHODS``              the method names ``minimize`` accepts
``is_positive_definite`` whether a symmetric matrix has only positive pivots (exact for ℚ)
``newton_direction``     the solution p of (H + τI)·p = −∇f with the least shift τ ≥ 0 that
                         makes H + τI positive definite
``bfgs_update``          the BFGS update of an inverse-Hessian estimate from a step s and
                         the change y of the gradient
``minimize``             minimise f from x0 by a chosen method; never raises on
                         non-convergence
=======================  ===================================================================

>>> result = minimize(lambda v: (v[0] - 1) ** 2 + 10 * (v[1] + 2) ** 2, [0.0, 0.0])
>>> result.converged, [round(c, 6) for c in result.x], result.reason
(True, [1.0, -2.0], 'the gradient is below tol')

The first-order methods ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam") drive
the optimisers of ``optimizers.py`` with the whole gradient, so their trajectories are the
update rules documented there. "newton" uses second derivatives and a backtracking line
search; "bfgs" builds an estimate of the inverse Hessian from gradients alone and walks
with the strong Wolfe line search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.autodiff import Var
from scratchmath.autodiff import hessian as autodiff_hessian
from scratchmath.calculus import jacobian as ridders_jacobian
from scratchmath.checks import check_callable, check_finite, check_int, check_positive
from scratchmath.errors import ConvergenceError, DomainError
from scratchmath.matrices import Matrix, solve
from scratchmath.optimization.line_search import (
    TRIAL_FAILURES,
    Objective,
    armijo_backtrack,
    as_point,
    line_function,
    search_along,
    slope_along,
)
from scratchmath.optimization.optimizers import SGD, AdaGrad, Adam, Optimizer, RMSProp
from scratchmath.scalars import EPS, is_finite, to_float
from scratchmath.vectors import Vector

__all__ = [
    "METHODS",
    "OptimizeResult",
    "bfgs_update",
    "is_positive_definite",
    "minimize",
    "newton_direction",
]

METHODS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton", "bfgs")

#: The learning rates the first-order methods use when ``lr`` is None. The exact 1/1000
#: keeps "gd", "momentum" and "nesterov" exact on rational problems (and is 0.001 on floats).
DEFAULT_LR: dict[str, Any] = {
    "gd": Fraction(1, 1000),
    "momentum": Fraction(1, 1000),
    "nesterov": Fraction(1, 1000),
    "adagrad": 0.01,
    "rmsprop": 0.001,
    "adam": 0.001,
}

#: The momentum μ of the "momentum" and "nesterov" methods (exact, for the same reason).
MOMENTUM = Fraction(9, 10)

#: At most this many shifts τ are tried to make a Hessian positive definite (τ doubles).
MAX_SHIFTS = 200

CONVERGED = "the gradient is below tol"

#: BFGS stops after this many steps in a row that lowered f by no more than its rounding
#: noise: the gradient is not shrinking (a kink, as at Ackley's minimum) or tol asks for
#: more than the rounding of f allows.
MAX_STALLED = 5
STALLED = f"f stopped decreasing beyond its rounding for {MAX_STALLED} steps"


class OptimizeResult(NamedTuple):
    """What ``minimize`` found: the last point x, f(x), the number of steps taken, whether
    ‖∇f(x)‖∞ ≤ tol, the path x0, x1, …, x, and the reason the iteration stopped.

    >>> result = minimize(lambda v: (v[0] - 3) ** 2, [0.0], method="newton")
    >>> round(result.x[0], 9), result.converged, result.path[0]
    (3.0, True, Vector([0.0]))
    """

    x: Any
    value: Any
    steps: int
    converged: bool
    path: tuple[Any, ...]
    reason: str


def _sup(g: Vector) -> Any:
    return max(abs(c) for c in g)  # type: ignore[type-var]


# --------------------------------------------------------------------------------------------
# Newton's direction, and the BFGS update.


def is_positive_definite(A: Matrix) -> bool:
    """Whether the symmetric matrix A is positive definite: every pivot of Gaussian
    elimination without row exchanges is > 0 (A = LDLᵀ with D > 0).

    Exact for int/Fraction entries; for floats a pivot must also exceed n·ε times the
    largest diagonal entry, so a matrix singular up to rounding counts as not definite.

    >>> is_positive_definite(Matrix([[2, -1], [-1, 2]]))
    True
    >>> is_positive_definite(Matrix([[1, 2], [2, 1]]))      # eigenvalues 3 and −1
    False
    """
    n = A.shape[0]
    a: list[list[Any]] = [list(row) for row in A.rows]
    exact = all(type(e) is not float for row in a for e in row)
    floor = 0 if exact else n * EPS * max(abs(a[i][i]) for i in range(n))
    for k in range(n):
        pivot = a[k][k]
        if not pivot > floor:
            return False
        for i in range(k + 1, n):
            factor = a[i][k] / pivot
            for j in range(k + 1, n):
                a[i][j] -= factor * a[k][j]
    return True


def newton_direction(H: Matrix, g: Vector) -> tuple[Vector, Any]:
    """(p, τ): the solution of (H + τI)·p = −g, with τ = 0 when H is positive definite and
    otherwise the first of β, 2β, 4β, … (β = 10⁻³·max(1, max|hᵢᵢ|)) that makes it so.

    A Newton step −H⁻¹g goes to the stationary point of the local quadratic model: uphill
    to a maximum or a saddle when H is not positive definite. Shifting the spectrum by τ
    makes the model convex and p a descent direction (Nocedal & Wright, Algorithm 3.3);
    a large τ turns p into a short gradient step. Exact for rational H and g.

    >>> newton_direction(Matrix([[2, 0], [0, 4]]), Vector([2, 4]))
    (Vector([-1, -1]), 0)
    >>> newton_direction(Matrix([[-1, 0], [0, 1]]), Vector([1, 1]))[1]
    Fraction(1001, 1000)

    Raises: DomainError when no shift of the bounded sequence works (a Hessian with NaN
    or ±inf in it).
    """
    n = H.shape[0]
    diagonal: list[Any] = [H[i, i] for i in range(n)]
    beta = Fraction(1, 1000) * max(1, max(abs(h) for h in diagonal))
    smallest = min(diagonal)
    tau: Any = 0 if smallest > 0 else beta - smallest
    for _ in range(MAX_SHIFTS):
        shifted = H if tau == 0 else H + Matrix.identity(n) * tau
        if is_positive_definite(shifted):
            return solve(shifted, -g), tau
        tau = max(2 * tau, beta)
    raise DomainError(f"no shift makes the Hessian positive definite: {H!r}")


def bfgs_update(H: Matrix, s: Vector, y: Vector) -> Matrix:
    """The BFGS update of an inverse-Hessian estimate H from a step s and the change y of
    the gradient along it (Nocedal & Wright, eq. 6.17), with ρ = 1/(yᵀs):

    H⁺ = (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ
       = H − ρ·(s·(Hy)ᵀ + (Hy)·sᵀ) + (ρ²·yᵀHy + ρ)·s·sᵀ      (H symmetric; O(n²))

    H⁺ satisfies the secant equation H⁺·y = s and, when H is positive definite and the
    curvature yᵀs > 0 (which a strong Wolfe step guarantees), is positive definite too: so
    −H⁺∇f is always a descent direction. Exact for rationals.

    >>> H = bfgs_update(Matrix.identity(2), Vector([1, 0]), Vector([2, 0]))
    >>> H == Matrix([[Fraction(1, 2), 0], [0, 1]])          # H⁺y = s: (1/2)·2 = 1
    True

    Raises: DomainError when yᵀs ≤ 0 (the update would lose positive definiteness).
    """
    ys: Any = y.dot(s)
    if not ys > 0:
        raise DomainError(f"BFGS needs the curvature yᵀs > 0, got {ys!r}")
    rho = 1 / ys if isinstance(ys, float) else Fraction(1) / ys
    rows = [list(row) for row in H.rows]
    hy = [sum(h * yj for h, yj in zip(row, y, strict=True)) for row in rows]
    yhy = sum(yi * hyi for yi, hyi in zip(y, hy, strict=True))
    outer = rho * rho * yhy + rho
    n = len(s)
    return Matrix(
        [
            [
                rows[i][j] - rho * (s[i] * hy[j] + hy[i] * s[j]) + outer * s[i] * s[j]
                for j in range(n)
            ]
            for i in range(n)
        ]
    )


# --------------------------------------------------------------------------------------------
# The iterations. Each returns (x, value, steps, converged, path, reason) on Vectors.


class _Run:
    """The state every method shares: the objective, the path, the stopping rule."""

    def __init__(self, obj: Objective, x0: Vector, tol: Any, max_steps: int) -> None:
        self.obj, self.tol, self.max_steps = obj, tol, max_steps
        self.x = x0
        self.value, self.g = obj.value_and_grad(x0)
        if not is_finite(self.value) or not all(map(is_finite, self.g)):
            raise DomainError(
                f"f and its gradient must be finite at x0, got f(x0) = {self.value!r}"
            )
        self.path = [x0]
        self.first_value = self.value

    def converged(self) -> bool:
        return bool(_sup(self.g) <= self.tol)

    def move(self, x: Vector) -> str | None:
        """Go to x; a reason to stop if f cannot be evaluated or is no longer finite there.
        (Where f cannot be evaluated the run stays at the last point it could: x and value
        always belong together.)"""
        try:
            value, g = self.obj.value_and_grad(x)
        except TRIAL_FAILURES as exc:
            where = self.obj.argument(x)
            return f"f could not be evaluated at step {len(self.path)}, x = {where!r}: {exc}"
        self.x, self.value, self.g = x, value, g
        self.path.append(x)
        if not is_finite(self.value) or not all(map(is_finite, self.g)):
            return (
                f"diverged at step {len(self.path) - 1}: f(x) = {self.value!r} "
                f"(a smaller lr may help)"
            )
        return None

    def result(self, converged: bool, reason: str) -> OptimizeResult:
        return OptimizeResult(
            self.x, self.value, len(self.path) - 1, converged, tuple(self.path), reason
        )

    def out_of_steps(self) -> OptimizeResult:
        if self.converged():
            return self.result(True, CONVERGED)
        return self.result(
            False,
            f"max_steps = {self.max_steps} reached with ‖∇f‖∞ = {float(_sup(self.g)):.3g} > tol",
        )


def _optimizer(method: str, w: Var, lr: Any) -> Optimizer:
    if method == "gd":
        return SGD([w], lr)
    if method in ("momentum", "nesterov"):
        return SGD([w], lr, momentum=MOMENTUM, nesterov=method == "nesterov")
    if method == "adagrad":
        return AdaGrad([w], lr)
    if method == "rmsprop":
        return RMSProp([w], lr)
    return Adam([w], lr)


def _first_order(run: _Run, method: str, lr: Any) -> OptimizeResult:
    w = Var(run.x)
    opt = _optimizer(method, w, lr)
    for _ in range(run.max_steps):
        if run.converged():
            return run.result(True, CONVERGED)
        w.grad = run.g
        opt.step()
        stop = run.move(w.value)
        if stop:
            return run.result(False, stop)
    return run.out_of_steps()


def _hessian(obj: Objective, x: Vector) -> Matrix:
    if obj.grad is None:
        if obj.scalar:
            return autodiff_hessian(lambda v: obj.f(v[0]), x)
        return autodiff_hessian(obj.f, x)
    gradient = obj.grad
    J = ridders_jacobian(lambda v: obj.as_gradient(gradient(obj.argument(v)), len(x)), x)
    n = len(x)
    return Matrix([[(J[i, j] + J[j, i]) / 2 for j in range(n)] for i in range(n)])


def _newton(run: _Run) -> OptimizeResult:
    half, c = Fraction(1, 2), Fraction(1, 10_000)
    for _ in range(run.max_steps):
        if run.converged():
            return run.result(True, CONVERGED)
        try:
            H = _hessian(run.obj, run.x)
            p, _ = newton_direction(H, run.g)
            alpha, _ = armijo_backtrack(
                run.obj, run.x, p, run.value, slope_along(run.g, p), c, half
            )
        except (ConvergenceError, *TRIAL_FAILURES) as exc:
            return run.result(False, f"stopped at step {len(run.path) - 1}: {exc}")
        stop = run.move(run.x + alpha * p)
        if stop:
            return run.result(False, stop)
    return run.out_of_steps()


def _bfgs(run: _Run) -> OptimizeResult:
    n = len(run.x)
    H: Matrix | None = None  # None: the identity, until the first step gives a scale
    stalled = 0  # steps in a row that decreased f by no more than its rounding
    for _ in range(run.max_steps):
        if run.converged():
            return run.result(True, CONVERGED)
        p = -run.g if H is None else -(H @ run.g)
        slope = slope_along(run.g, p)
        if not slope < 0:  # rounding has spoiled H: start again from steepest descent
            H, p, slope = None, -run.g, -run.g.dot(run.g)
        # The first step along −∇f has no natural length: move at most 1 in any coordinate.
        initial = 1 if H is not None else min(1, 1 / float(_sup(run.g)))
        cache: dict[Any, Any] = {}
        # Rounding in f: a few dozen ulps of the larger of f(x) and f(x0) (cancellation
        # can leave f(x) near 0 with the absolute error of the larger terms f started with).
        noise = 64 * EPS * max(abs(run.value), abs(run.first_value))
        phi = line_function(run.obj, run.x, p, cache)
        found = search_along(phi, run.value, slope, initial=initial, noise=noise)
        if found.step == 0 or found.step not in cache:
            reason = "the line search found no decrease: x is a minimum to rounding, or ∇f is wrong"
            return run.result(run.converged(), reason)
        x_new, value, g = cache[found.step]
        s, y = x_new - run.x, g - run.g
        if s == Vector.zeros(n) or x_new == run.x:
            return run.result(run.converged(), "the step no longer changes x")
        ys = y.dot(s)
        if ys > 0:
            if H is None:  # scale the identity to the curvature seen (N&W eq. 6.20)
                H = Matrix.identity(n) * (ys / y.dot(y))
            H = bfgs_update(H, s, y)
        stalled = stalled + 1 if run.value - value <= noise else 0
        run.x, run.value, run.g = x_new, value, g
        run.path.append(x_new)
        if stalled == MAX_STALLED:
            return run.result(run.converged(), STALLED)
    return run.out_of_steps()


# --------------------------------------------------------------------------------------------
# The entry point.


def _check_method(method: object, lr: object) -> Any:
    if not isinstance(method, str):
        raise TypeError(f"method must be a string, got {type(method).__name__}")
    if method not in METHODS:
        raise DomainError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    if method in ("newton", "bfgs"):
        if lr is not None:
            raise DomainError(
                f"lr does not apply to method {method!r}: a line search chooses its steps"
            )
        return None
    if lr is None:
        return DEFAULT_LR[method]
    return check_positive(check_finite(lr, "lr"), "lr")


def minimize(
    f: Callable[[Any], Any],
    x0: object,
    *,
    method: str = "bfgs",
    grad: Callable[[Any], Any] | None = None,
    tol: object = 1e-8,
    max_steps: object = 10_000,
    lr: object = None,
) -> OptimizeResult:
    """Minimise f from x0: an ``OptimizeResult(x, value, steps, converged, path, reason)``.

    The iteration stops when ‖∇f(x)‖∞ ≤ tol (converged=True), or after ``max_steps`` steps,
    or when it diverges or can go no further (converged=False, and ``reason`` says why):
    it never raises for not converging. ``path`` holds x0 and every iterate.

    Methods: "gd" x ← x − η∇f; "momentum" and "nesterov" (SGD with μ = 9/10); "adagrad",
    "rmsprop", "adam" (the optimisers' rules); "newton" x ← x + α·p with (H + τI)p = −∇f,
    τ ≥ 0 the least shift making H + τI positive definite, α by Armijo backtracking from 1;
    "bfgs" (the default) p = −Hₖ∇f with Hₖ the BFGS estimate of the inverse Hessian and α
    by the strong Wolfe search. ``lr`` (η) is for the first-order methods only (defaults in
    DEFAULT_LR). x0 is a number (f then takes a number) or a Vector / sequence (f takes a
    Vector); gradients come from autodiff, so f is written with operators and the
    functions of ``scratchmath.autodiff`` — or pass ``grad``. With rational x0, lr and f,
    "gd" (and "momentum", "nesterov") are exact: every point of the path is rational —
    at a price: the denominators grow with every step (about three digits a step at
    lr = 1/1000), so give float x0 for runs of thousands of steps. "newton" and "bfgs"
    always compute in floats.

    >>> from fractions import Fraction
    >>> f = lambda x: (x - 3) ** 2
    >>> r = minimize(f, Fraction(0), method="gd", lr=Fraction(1, 4), max_steps=3)
    >>> r.path                      # each step halves the distance to 3
    (Fraction(0, 1), Fraction(3, 2), Fraction(9, 4), Fraction(21, 8))
    >>> r.converged, r.reason
    (False, 'max_steps = 3 reached with ‖∇f‖∞ = 0.75 > tol')

    Raises: DomainError for an unknown method, lr given to "newton"/"bfgs", lr or tol ≤ 0,
    a negative max_steps, or f or ∇f not finite at x0; TypeError for a non-callable f or
    grad, or an x0 that is not a number, Vector or sequence; DimensionError when grad
    returns the wrong dimension; what f raises at x0 passes through.
    """
    check_callable(f)
    scalar = not isinstance(x0, (Vector, Sequence))
    point = as_point(x0, "x0")
    rate = _check_method(method, lr)
    tolerance = check_positive(tol, "tol")
    steps = check_int(max_steps, "max_steps", minimum=0)
    if method in ("newton", "bfgs"):
        # Exact arithmetic would make Newton's and BFGS's denominators explode: floats.
        point = Vector([to_float(c) for c in point])
    run = _Run(Objective(f, grad, scalar=scalar), point, tolerance, steps)
    if method in ("newton", "bfgs"):
        result = _newton(run) if method == "newton" else _bfgs(run)
    else:
        result = _first_order(run, method, rate)
    if scalar:
        return result._replace(x=result.x[0], path=tuple(p[0] for p in result.path))
    return result
