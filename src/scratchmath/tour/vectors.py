"""Tour chapter: vectors, norms, inner products and orthonormal bases."""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.tour import CHAPTERS
from scratchmath.vectors import Vector, gram_schmidt, induced_norm, inner, is_orthonormal


def chapter() -> str:
    """The vectors chapter, computed live.

    >>> "Vector space" in chapter()
    True
    """
    u, v = Vector([3, 4]), Vector([1, 2])
    half = Vector([1, 2]) / 3
    lines = [
        "Vector spaces — vectors add and scale, and eight axioms hold (tests/test_vectors.py).",
        f"  u = {u!r}, v = {v!r}",
        f"  u + 2·v = {u + 2 * v!r}          (Vector.__add__, Vector.__rmul__)",
        f"  v / 3   = {half!r}",
        f"  Integers and fractions stay exact: v/3 + v/3 + v/3 == v is {half + half + half == v}.",
        "",
        "Normed spaces — a norm measures length: ‖x‖ₚ = (Σ |xᵢ|ᵖ)^(1/p), p ≥ 1.",
        f"  ‖u‖₁ = {u.norm(1)},  ‖u‖₂ = {u.norm(2)},  ‖u‖∞ = {u.norm(math.inf)}   (p_norm)",
        f"  ‖(1e200, 1e200)‖₂ = {abs(Vector([1e200, 1e200])):.6g}  (math.hypot: no overflow)",
        "  For p < 1 the triangle inequality fails, so p_norm(v, 0.5) raises DomainError:",
        f"  ‖e₀ + e₁‖_½ would be {(1 + 1) ** 2} > ‖e₀‖_½ + ‖e₁‖_½ = {1 + 1}.",
        "",
        "Inner product spaces — ⟨u, v⟩ = Σ uᵢ·conj(vᵢ) gives lengths and angles.",
        f"  ⟨u, v⟩ = {inner(u, v)}   (inner, or u @ v)",
        f"  the induced norm √⟨u, u⟩ = {induced_norm(inner)(u)}",
        f"  angle(u, v) = {u.angle(v):.6f} rad = {math.degrees(u.angle(v)):.3f}°   (Vector.angle)",
        f"  Cauchy–Schwarz: |⟨u, v⟩| = {abs(inner(u, v))} ≤ ‖u‖‖v‖ = {abs(u) * abs(v):.6f}",
        "",
        "Bases and orthonormal bases — Gram–Schmidt turns any basis into an orthonormal one.",
    ]
    basis = gram_schmidt([Vector([1, 1, 0]), Vector([1, 0, 1]), Vector([0, 1, 1])])
    for k, q in enumerate(basis):
        lines.append(f"  q{k} = ({', '.join(f'{x:+.6f}' for x in q)})")
    lines.append(f"  is_orthonormal(q) = {is_orthonormal(basis)}   (gram_schmidt, is_orthonormal)")
    exact = Vector([Fraction(1, 3), Fraction(2, 3), Fraction(2, 3)])
    lines.append(
        f"  ‖(1/3, 2/3, 2/3)‖₂ = {abs(exact)}: a unit vector, computed from exact squares."
    )
    return "\n".join(lines)


CHAPTERS["vectors"] = ("Vectors: spaces, norms, inner products, orthonormal bases", chapter)
