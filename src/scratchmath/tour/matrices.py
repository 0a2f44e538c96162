"""Tour chapter: matrices as linear maps, determinants as volume, exact elimination."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from scratchmath.matrices import Matrix, det, inverse, lu, qr, rank, solve
from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector


def chapter() -> str:
    """The matrices chapter, computed live.

    >>> "composition" in chapter()
    True
    """
    sections = [_maps_and_composition(), _determinant(), _elimination(), _hilbert(), _qr()]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _maps_and_composition() -> list[str]:
    shear = Matrix([[1, 1], [0, 1]])
    e0, e1 = Vector.basis(2, 0), Vector.basis(2, 1)
    x = Vector([2, 3])
    quarter, eighth = Matrix.rotation(math.pi / 4), Matrix.rotation(math.pi / 8)
    composed: Any = quarter @ eighth
    angle = math.atan2(composed[1, 0], composed[0, 0])
    return [
        "A linear map is a matrix — its columns are where the basis vectors land.",
        f"  shear S = {shear!r}",
        f"  S e₀ = {shear @ e0!r},  S e₁ = {shear @ e1!r}   (Matrix.__matmul__)",
        f"  S (2, 3) = 2·S e₀ + 3·S e₁ = {shear @ x!r}",
        "",
        "The product is composition: (A B) x = A (B x), first B, then A.",
        f"  rotation(π/4) @ rotation(π/8) turns by {angle:.12f} rad;"
        f" 3π/8 = {3 * math.pi / 8:.12f}   (Matrix.rotation)",
        f"  (S @ S) x = {(shear @ shear) @ x!r} = S (S x) = {shear @ (shear @ x)!r}",
    ]


def _determinant() -> list[str]:
    shear, quarter = Matrix([[1, 1], [0, 1]]), Matrix.rotation(math.pi / 4)
    mirror = Matrix([[1, 0], [0, -1]])
    stretch = Matrix.diagonal([3, 2])
    return [
        "The determinant is the factor by which area (volume) scales; negative flips orientation.",
        f"  det(diag(3, 2)) = {det(stretch)}: the unit square becomes a 3×2 rectangle  (det)",
        f"  det(S) = {det(shear)}: a shear slides the square, keeping its area",
        f"  det(mirror) = {det(mirror)}: a reflection turns the plane over",
        f"  det(rotation(π/4)) = {det(quarter):.15f}",
        f"  det(A B) = det A · det B: det(diag(3,2) @ mirror) = {det(stretch @ mirror)}",
    ]


def _elimination() -> list[str]:
    A = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
    b = Vector([8, -11, -3])
    P, L, U = lu(A)
    return [
        "Elimination solves systems exactly over the rationals.",
        f"  A = {A!r}, b = {b!r}",
        f"  solve(A, b) = {solve(A, b)!r}   (LU with pivoting, then two triangular solves)",
        f"  lu(A): P A == L U is {P @ A == L @ U};  U = {U!r}",
        f"  solve(A, (1, 0, 0)) = {solve(A, Vector([1, 0, 0]))!r}",
        f"  rank([[1, 2], [2, 4]]) = {rank(Matrix([[1, 2], [2, 4]]))}: the second row repeats",
    ]


def _hilbert() -> list[str]:
    H = Matrix.from_function(5, 5, lambda i, j: Fraction(1, i + j + 1))
    H_inv: Any = inverse(H)
    H_float_inv: Any = inverse(Matrix([[1 / (i + j + 1) for j in range(5)] for i in range(5)]))
    worst = max(
        abs(H_float_inv[i, j] - H_inv[i, j]) / abs(H_inv[i, j]) for i in range(5) for j in range(5)
    )
    return [
        "The Hilbert matrix hᵢⱼ = 1/(i + j + 1) is famously ill-conditioned,",
        "yet its inverse has integer entries — exact arithmetic finds them.",
        f"  det(H₅) = {det(H)}",
        f"  inverse(H₅) row 0 = {H_inv[0]!r}",
        f"  the same in floats is off by up to {worst:.1e} (relative)",
    ]


def _qr() -> list[str]:
    Q, R = qr(Matrix([[3, 1], [4, 2]]))
    error: Any = Q.T @ Q - Matrix.identity(2)
    r: Any = R
    return [
        "QR by Householder reflections: A = Q R, Q orthogonal, R upper triangular  (qr)",
        f"  qr([[3, 1], [4, 2]]): R = [[{r[0, 0]:.4g}, {r[0, 1]:.4g}], [0, {r[1, 1]:.4g}]],"
        f" ‖QᵀQ − I‖_F = {error.norm():.1e}",
    ]


CHAPTERS["matrices"] = ("Matrices: linear maps, determinants, elimination", chapter)
