"""The exception types every layer of scratchmath raises (layer 0: imports nothing of ours).

=======================  ====================  =============================================
exception                also subclasses       raised when
=======================  ====================  =============================================
``ScratchMathError``     ``Exception``         the base: catch it to catch all of ours
``DimensionError``       ``ValueError``        shapes do not fit (the message names both)
``SingularMatrixError``  ``ValueError``        the inverse or solve of a singular matrix
``ConvergenceError``     ``ArithmeticError``   an iteration or adaptive rule missed its
                                               tolerance; carries ``iterations``,
                                               ``estimate`` and ``error``
``DomainError``          ``ValueError``        an argument outside the mathematical domain
=======================  ====================  =============================================

Because each also subclasses the built-in exception a Python programmer would expect,
``except ValueError`` still catches a shape mismatch:

>>> issubclass(DimensionError, ValueError) and issubclass(DimensionError, ScratchMathError)
True
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "DimensionError",
    "DomainError",
    "ScratchMathError",
    "SingularMatrixError",
]


class ScratchMathError(Exception):
    """The base class of every exception scratchmath raises on purpose.

    >>> try:
    ...     raise DomainError("p must be at least 1, got 0.5")
    ... except ScratchMathError as exc:
    ...     print(exc)
    p must be at least 1, got 0.5
    """


class DimensionError(ScratchMathError, ValueError):
    """Shapes or lengths do not fit; the message names both shapes.

    >>> raise DimensionError("cannot multiply 2×3 by 2×3")
    Traceback (most recent call last):
    ...
    scratchmath.errors.DimensionError: cannot multiply 2×3 by 2×3
    """


class SingularMatrixError(ScratchMathError, ValueError):
    """A matrix that has no inverse was asked to be inverted or solved against.

    >>> issubclass(SingularMatrixError, ValueError)
    True
    """


class DomainError(ScratchMathError, ValueError):
    """An argument lies outside the mathematical domain of the operation.

    Examples: p < 1 for a p-norm, normalising the zero vector, probabilities that do not sum
    to 1, σ ≤ 0, NaN or ±inf where no meaning can be given to them.

    >>> issubclass(DomainError, ValueError)
    True
    """


class ConvergenceError(ScratchMathError, ArithmeticError):
    """An iteration or adaptive rule stopped before reaching its tolerance.

    It carries what was reached, so a caller can still inspect or use it:
    ``iterations`` (steps or evaluations spent), ``estimate`` (the best value found) and
    ``error`` (an estimate of how far that value may be off).

    >>> exc = ConvergenceError("no convergence", iterations=100, estimate=1.5, error=0.1)
    >>> exc.iterations, exc.estimate, exc.error
    (100, 1.5, 0.1)
    >>> isinstance(exc, ArithmeticError)
    True
    """

    def __init__(
        self,
        message: str,
        *,
        iterations: int = 0,
        estimate: object = None,
        error: float = float("nan"),
    ) -> None:
        super().__init__(message)
        self.iterations = iterations
        self.estimate = estimate
        self.error = error
