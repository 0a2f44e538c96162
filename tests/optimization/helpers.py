"""Strategies and helpers shared by several test files of scratchmath.optimization."""

from __future__ import annotations

from scratchmath.vectors import Vector

# --------------------------------------------------------------------------------------------
# Line searches: the conditions they promise hold for the step they return.


def rosenbrock_gradient(v: Vector) -> Vector:
    x, y = v
    return Vector([-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)])
