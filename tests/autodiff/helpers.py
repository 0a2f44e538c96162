"""Strategies and helpers shared by several test files of scratchmath.autodiff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

REL_RIDDERS = 1e-8


def compose(functions: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def composition(x: Any) -> Any:
        for f in functions:
            x = f(x)
        return x

    return composition
