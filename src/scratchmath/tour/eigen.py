"""Tour chapter: eigenvalues and eigenvectors, the SVD, and PCA built on it."""

from __future__ import annotations

import math
import random

from scratchmath.matrices import (
    Matrix,
    eig,
    eigh,
    eigvals,
    low_rank_approximation,
    pca,
    power_iteration,
    singular_values,
    svd,
)
from scratchmath.matrices.eigen import characteristic_polynomial
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector


def _numbers(values: list[float]) -> str:
    return ", ".join(f"{x:.6g}" for x in values)


def chapter() -> str:
    """The eigenvalues, SVD and PCA chapter, computed live.

    >>> "Eckart–Young" in chapter()
    True
    """
    A = Matrix([[2, 1], [1, 2]])
    lam, v = power_iteration(A)
    values, Q = eigh(A)
    rotation = Matrix.rotation(math.pi / 6)
    turn = eigvals(rotation)
    B = Matrix([[4, 1], [2, 3]])
    b_values, V = eig(B)
    lines = [
        "An eigenvector is a direction the map only scales: A v = λ v.",
        f"  A = {A!r}; det(λI − A) has coefficients {characteristic_polynomial(A)}"
        "   (characteristic_polynomial)",
        f"  power_iteration: λ = {lam:.12g}, v = ({v[0]:.6f}, {v[1]:.6f})  — repeat x ← Ax/‖Ax‖",
        f"  eigh (symmetric, Jacobi): λ = {_numbers(values)}, Q orthogonal:"
        f" QᵀQ = I is {(Q.T @ Q).isclose(Matrix.identity(2), abs_tol=1e-15)}",
        f"  eig (general, Francis QR + inverse iteration) of {B!r}: λ = {_numbers(b_values)}",
        f"    ‖B v₀ − λ₀ v₀‖ = {abs(B @ V.columns[0] - b_values[0] * V.columns[0]):.1e}",
        f"  A rotation by 30° moves every real direction: eigvals gives {turn[0]:.6f}, "
        f"{turn[1]:.6f} = e^(±iπ/6)",
        "",
        "The SVD: every matrix is a rotation, a scaling along axes, and another rotation.",
    ]
    C = Matrix([[3, 2, 2], [2, 3, -2]])
    U, sigma, W = svd(C)
    lines += [
        f"  C = {C!r}: σ = {_numbers(sigma)}  (svd; A = U·diag(σ)·Vᵀ)",
        f"  U·diag(σ)·Vᵀ reproduces C: {(U @ Matrix.diagonal(sigma) @ W.T).isclose(C)}",
        f"  ‖C‖₂ = σ₁ = {C.norm(2):.6g}; the σᵢ² are the eigenvalues of CCᵀ:"
        f" {_numbers(eigh(C @ C.T)[0][::-1])}",
    ]
    rng = random.Random(1)
    D = Matrix([[rng.gauss(0, 1) for _ in range(5)] for _ in range(6)])
    D2 = low_rank_approximation(D, 2)
    s = singular_values(D)
    lines += [
        f"  Eckart–Young: a random 6×5 D has σ = {_numbers(s)};",
        f"    the best rank-2 approximation misses by ‖D − D₂‖₂ = "
        f"{singular_values(D - D2)[0]:.6g} = σ₃   (low_rank_approximation)",
        "",
        "PCA: the directions of greatest variance of a data set (rows are samples).",
    ]
    points = [Vector([t, 0.5 * t]) + rng.gauss(0, 0.1) * Vector([-0.5, 1.0]) for t in range(-4, 5)]
    result = pca(points, 2)
    w = result.components[0]
    lines += [
        "  9 points near the line y = x/2, with a little noise across it:",
        f"  first component ({w[0]:.4f}, {w[1]:.4f}) — the line's direction (2, 1)/√5 ="
        f" ({2 / math.sqrt(5):.4f}, {1 / math.sqrt(5):.4f})",
        f"  explained variance ratio: {_numbers(result.explained_variance_ratio)}   (pca)",
        f"  the first point in the new coordinates: "
        f"({', '.join(f'{x:.4f}' for x in result.transform(points[:1]).rows[0])})"
        "   (PCAResult.transform)",
    ]
    return "\n".join(lines)


CHAPTERS["eigen"] = ("Eigenvalues, the SVD and PCA", chapter)
