"""scratchmath: the mathematics of machine learning from first principles, in plain Python.

The layers, each importing only those beneath it:

=================  ==========================================================================
``errors``         the exception types
``vectors``        Vector, norms, inner products, orthogonality, Gram–Schmidt
``matrices``       Matrix, determinants, elimination, QR, eigenvalues, SVD, PCA
``calculus``       derivatives, integrals, roots, gradient/Jacobian/Hessian, gradient descent
``probability``    distributions, expectation, sampling, law of large numbers, entropy, KL
=================  ==========================================================================

The main names are re-exported here, so ``from scratchmath import Vector`` works:

>>> from scratchmath import Vector
>>> Vector([1, 2]) + Vector([3, 4])
Vector([4, 6])
"""

from __future__ import annotations

from scratchmath.errors import (
    ConvergenceError,
    DimensionError,
    DomainError,
    ScratchMathError,
    SingularMatrixError,
)
from scratchmath.vectors import (
    Scalar,
    Vector,
    gram_schmidt,
    induced_norm,
    inner,
    is_orthonormal,
    linear_combination,
    p_norm,
    sup_norm,
)

__all__ = [
    "ConvergenceError",
    "DimensionError",
    "DomainError",
    "Scalar",
    "ScratchMathError",
    "SingularMatrixError",
    "Vector",
    "gram_schmidt",
    "induced_norm",
    "inner",
    "is_orthonormal",
    "linear_combination",
    "p_norm",
    "sup_norm",
]

__version__ = "0.1.0"
