"""Matrices (layer 2): linear maps, determinants, elimination, QR, eigenvalues, SVD, PCA.

A subpackage that reads as one chapter, module by module:

=================  ======================================================================
``core``           ``Matrix``: constructors, arithmetic, the product, ``matrix_norm``
``determinants``   ``det_leibniz``, ``det_cofactor`` (the definitions), ``det``, ``slogdet``
``elimination``    ``lu``, ``solve``, ``inverse``, ``rref``, ``rank``, ``null_space``
``orthogonal``     ``qr`` (Householder) and ``cholesky``
``eigen``          power, inverse and Rayleigh quotient iteration; ``eigvals``, ``eig``
                   (a complex matrix through ``schur``: complex Hessenberg and QR)
``symmetric``      ``eigh``: the spectral theorem A = QΛQᵀ, by cyclic Jacobi
``svd``            ``svd``, ``singular_values``, ``pinv``, ``cond``, low-rank approximation, PCA
``least_squares``  ``lstsq`` (normal equations, QR or SVD) and the basis tools
=================  ======================================================================

Every public name is importable from here:

>>> from scratchmath.matrices import Matrix, det, inverse
>>> A = Matrix([[2, 1], [1, 1]])
>>> det(A), inverse(A)
(1, Matrix([[1, -1], [-1, 2]]))
"""

from __future__ import annotations

from scratchmath.matrices.core import Matrix, matrix_norm
from scratchmath.matrices.determinants import det, det_cofactor, det_leibniz, slogdet
from scratchmath.matrices.eigen import (
    characteristic_polynomial,
    eig,
    eigvals,
    inverse_iteration,
    power_iteration,
    rayleigh_quotient_iteration,
)
from scratchmath.matrices.elimination import inverse, lu, null_space, rank, rref, solve
from scratchmath.matrices.least_squares import (
    LeastSquaresResult,
    coordinates,
    is_linearly_independent,
    lstsq,
    span_contains,
)
from scratchmath.matrices.orthogonal import cholesky, qr
from scratchmath.matrices.svd import (
    PCAResult,
    cond,
    low_rank_approximation,
    pca,
    pinv,
    singular_values,
    svd,
)
from scratchmath.matrices.symmetric import eigh

__all__ = [
    "LeastSquaresResult",
    "Matrix",
    "PCAResult",
    "characteristic_polynomial",
    "cholesky",
    "cond",
    "coordinates",
    "det",
    "det_cofactor",
    "det_leibniz",
    "eig",
    "eigh",
    "eigvals",
    "inverse",
    "inverse_iteration",
    "is_linearly_independent",
    "low_rank_approximation",
    "lstsq",
    "lu",
    "matrix_norm",
    "null_space",
    "pca",
    "pinv",
    "power_iteration",
    "qr",
    "rank",
    "rayleigh_quotient_iteration",
    "rref",
    "singular_values",
    "slogdet",
    "solve",
    "span_contains",
    "svd",
]
