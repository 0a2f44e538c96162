"""The checker for the optimisation chapter: your gradient-descent step.

x_{k+1} = x_k − η·∇f(x_k): the step is rational, so with Fraction inputs it is checked
exactly; a float answer is allowed the rounding of one multiply and one subtract per component.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from scratchmath.check.engine import (
    CheckReport,
    Learner,
    Property,
    Source,
    Verdict,
    largest,
    rounding,
    run_properties,
    show,
    vectors_agree,
    within,
)
from scratchmath.checks import check_callable
from scratchmath.vectors import Vector

__all__ = ["check_optimizer_step"]

_DESCENT = "docs/multivariable-calculus.md, “Gradient descent”"


def _vector(src: Source, n: int) -> Vector:
    return src.vector(n, lambda s: s.fraction(6))


def _rate(src: Source) -> Fraction:
    return Fraction(1 + src.choice(8), 2 ** (1 + src.choice(4)))


def check_optimizer_step(
    step: Callable[..., Any], *, seed: int = 0, examples: int = 25
) -> CheckReport:
    """Check ``step(x, grad, lr)`` → the next x of gradient descent, x − lr·grad.

    The definition, exactly over ℚ (x, grad and lr are Fractions, x and grad Vectors); a zero
    gradient leaves x where it is; a small step along −∇f lowers a convex quadratic
    f(x) = ½‖x − c‖² (an ascent step, + instead of −, raises it); and 60 steps with lr = ½
    reach the minimiser c.

    >>> check_optimizer_step(lambda x, g, lr: x - lr * g).passed
    True
    >>> check_optimizer_step(lambda x, g, lr: x + lr * g).failures[0].axiom
    'step(x, g, lr) = x − lr·g (one step of gradient descent)'

    Raises: TypeError if ``step`` is not callable.
    """
    check_callable(step, "step")
    laws = _DescentStepLaws(step)
    properties = [
        Property("step(x, g, lr) = x − lr·g (one step of gradient descent)", laws.definition),
        Property("a zero gradient leaves x where it is", laws.rest),
        Property("a small step along −∇f lowers f (descent, not ascent)", laws.downhill),
        Property("repeated steps reach the minimiser of ½‖x − c‖²", laws.converges, examples=5),
    ]
    return run_properties(
        "check_optimizer_step", properties, hint=f"see {_DESCENT}", seed=seed, examples=examples
    )


class _DescentStepLaws:
    """A learner's ``step``, with one test per property of a gradient-descent step."""

    def __init__(self, step: Callable[..., Any]) -> None:
        self.learner = Learner(step, "step")

    def definition(self, src: Source) -> Verdict | None:
        n = 1 + src.choice(3)
        x, g, lr = _vector(src, n), _vector(src, n), _rate(src)
        got, expected = self.learner.vector(n, x, g, lr), x - lr * g
        tol = rounding(largest(x) + lr * largest(g), 2)
        if vectors_agree(got, expected, tol):
            return None
        inputs = f"x = {show(x)}, grad = {show(g)}, lr = {show(lr)}"
        return Verdict(inputs, f"step = {show(got)}", f"x − lr·grad = {within(expected, got, tol)}")

    def rest(self, src: Source) -> Verdict | None:
        n = 1 + src.choice(3)
        x, lr = _vector(src, n), _rate(src)
        got = self.learner.vector(n, x, Vector.zeros(n), lr)
        if vectors_agree(got, x, rounding(largest(x), 1)):
            return None
        return Verdict(
            f"x = {show(x)}, grad = 0, lr = {show(lr)}", f"step = {show(got)}", f"x = {show(x)}"
        )

    def downhill(self, src: Source) -> Verdict | None:
        n = 1 + src.choice(3)
        x, c = _vector(src, n), _vector(src, n)
        src.assume(x != c)
        lr = Fraction(1, 4)
        nxt = self.learner.vector(n, x, x - c, lr)  # ∇½‖x − c‖² = x − c
        before: Any = (x - c) @ (x - c) / 2
        after: Any = (nxt - c) @ (nxt - c) / 2
        if after < before:
            return None
        inputs = f"f(x) = ½‖x − c‖², c = {show(c)}, x = {show(x)}, grad = x − c, lr = 1/4"
        return Verdict(inputs, f"f(step) = {show(after)}", f"less than f(x) = {show(before)}")

    def converges(self, src: Source) -> Verdict | None:
        n = 1 + src.choice(3)
        c = Vector([float(v) for v in _vector(src, n)])  # type: ignore[arg-type, misc]
        x: Vector = Vector.zeros(n) * 1.0
        for _ in range(60):
            x = self.learner.vector(n, x, x - c, 0.5)
        if vectors_agree(x, c, 1e-9 * (1 + largest(c))):
            return None
        inputs = f"f(x) = ½‖x − c‖², c = {show(c)}, x₀ = 0, lr = 0.5, 60 steps"
        return Verdict(inputs, f"x₆₀ = {show(x)}", f"the minimiser c = {show(c)}")
