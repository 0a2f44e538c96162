"""Pictures a learner can draw of their own functions, matrices, paths and distributions.

=======================  =================================================================
``plot_function``        the graph of f on [a, b], with tangent lines and Riemann rectangles
``plot_vectors``         vectors of the plane as arrows from the origin
``plot_linear_map``      a grid and the unit square bent by a 2×2 matrix (area × |det A|)
``plot_contour``         contour lines of f(x, y), with a descent path on top
``plot_distribution``    bars of a pmf or the curve of a pdf, the mean marked
``plot_running_mean``    the running mean of samples settling (the law of large numbers)
``plot_history``         training curves: loss and accuracy per epoch
``plot_graph``           the computational graph of an autodiff ``Var``, values and gradients
=======================  =================================================================

Optional: matplotlib comes with the ``plot`` extra (``pip install -e ".[plot]"``), and
nothing else in scratchmath imports this module, so the library itself needs nothing. Every
number drawn is computed by scratchmath; matplotlib only draws. Each function returns the
matplotlib ``Axes`` it drew on, and draws into an existing one when given ``ax=``:

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import math
>>> ax = plot_function(math.sin, 0, math.pi, tangent_at=1.0, riemann=4)
>>> len(ax.patches), len(ax.lines)         # 4 rectangles; the graph and the tangent
(4, 2)
"""

from __future__ import annotations

try:
    import matplotlib  # noqa: F401  (the extra is present)
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        'scratchmath.plot needs matplotlib: install the plot extra, pip install -e ".[plot]"'
    ) from error

from scratchmath.plot.figures import (
    plot_contour,
    plot_distribution,
    plot_function,
    plot_graph,
    plot_history,
    plot_linear_map,
    plot_running_mean,
    plot_vectors,
)

__all__ = [
    "plot_contour",
    "plot_distribution",
    "plot_function",
    "plot_graph",
    "plot_history",
    "plot_linear_map",
    "plot_running_mean",
    "plot_vectors",
]
