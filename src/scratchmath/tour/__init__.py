"""The guided tour: one chapter per step of the roadmap, each computed live.

Every chapter is a function that returns its text; ``python -m scratchmath`` prints them in
roadmap order. A chapter module registers itself in :data:`CHAPTERS` by name.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

__all__ = ["CHAPTERS", "ORDER", "chapter_names"]

#: chapter name → (title, function returning the chapter's text), in roadmap order.
CHAPTERS: dict[str, tuple[str, Callable[[], str]]] = {}


#: The chapter modules of this package, in roadmap order; each registers itself on import.
ORDER = (
    "calculus",
    "vectors",
    "matrices",
    "eigen",
    "multivariable",
    "integration",
    "probability",
    "autodiff",
    "optimization",
    "statistics",
    "network",
)


def _register() -> None:
    # Imported here, not at module level, so that the registry exists before the chapters
    # add themselves; a chapter whose module is not written yet is simply absent.
    for name in ORDER:
        if importlib.util.find_spec(f"scratchmath.tour.{name}") is not None:
            importlib.import_module(f"scratchmath.tour.{name}")


def chapter_names() -> list[str]:
    """The names of the chapters, in roadmap order.

    >>> chapter_names()[0]
    'calculus'
    """
    _register()
    return [name for name in ORDER if name in CHAPTERS]
