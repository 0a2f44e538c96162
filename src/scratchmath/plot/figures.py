"""The drawing functions of ``scratchmath.plot`` (see the package docstring for the table).

Each function checks its arguments with scratchmath's own checks (so a mistake is reported in
words before matplotlib sees it), computes what it draws with scratchmath, and returns the
``Axes``. Without ``ax=`` it makes a new figure with ``matplotlib.pyplot.subplots``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, Polygon, Rectangle

from scratchmath.autodiff import Var
from scratchmath.calculus import derivative, riemann_sum
from scratchmath.checks import check_callable, check_finite, check_int
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.probability import (
    ContinuousDistribution,
    DiscreteDistribution,
    running_mean,
)
from scratchmath.vectors import Vector

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

COLOURS = ("crimson", "tab:blue", "tab:green", "tab:orange", "tab:purple", "tab:brown")


def _axes(ax: Axes | None) -> Axes:
    """The given Axes, or the Axes of a new figure."""
    if ax is not None:
        if not isinstance(ax, Axes):
            raise TypeError(f"ax must be a matplotlib Axes, not {type(ax).__name__}")
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(8, 5))
    return new


def _grid(a: float, b: float, n: int) -> list[float]:
    return [a + (b - a) * k / (n - 1) for k in range(n)]


def _real_pair(v: Any, what: str) -> tuple[float, float]:
    """A point of the plane from a Vector or a sequence of two real numbers."""
    if not isinstance(v, (Vector, Sequence)) or isinstance(v, str):
        raise TypeError(
            f"{what} must be a Vector or a sequence of 2 numbers, not {type(v).__name__}"
        )
    if len(v) != 2:
        raise DimensionError(f"{what} must be 2-dimensional to be drawn, got {len(v)} components")
    x, y = (float(check_finite(c, what)) for c in v)
    return x, y


# ---------------------------------------------------------------------------------------------
# Calculus of one variable
# ---------------------------------------------------------------------------------------------


def plot_function(
    f: Callable[[float], float],
    a: float,
    b: float,
    *,
    tangent_at: float | Iterable[float] | None = None,
    riemann: int | tuple[int, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The graph y = f(x) on [a, b], with tangent lines and Riemann rectangles if asked.

    The tangent at x₀ is L(x) = f(x₀) + f′(x₀)(x − x₀) (f′ by ``derivative``); the Riemann
    rectangles of ``riemann = n`` (or ``(n, rule)``, rule "midpoint", "left" or "right") have
    width Δx = (b − a)/n and the height of f at the rule's point, and the title gives their
    signed area Σ f(xᵢ*)Δx (``riemann_sum``).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_function(lambda x: x * x, 0, 2, tangent_at=[0.5, 1.5])
    >>> len(ax.lines)                          # the graph and two tangents
    3

    Raises:
        TypeError: f is not callable.  DomainError: a ≥ b, a bound not finite, n < 1, an
        unknown rule, or a tangent point outside [a, b].
    """
    check_callable(f)
    lo, hi = float(check_finite(a, "a")), float(check_finite(b, "b"))
    if not lo < hi:
        raise DomainError(f"plot_function needs a < b, got a = {a!r}, b = {b!r}")
    ax = _axes(ax)
    xs = _grid(lo, hi, 400)
    ax.plot(xs, [f(x) for x in xs], color="black", lw=2, label="f(x)")
    if riemann is not None:
        _draw_riemann_sum(ax, f, lo, hi, riemann)
    if tangent_at is not None:
        _draw_tangents(ax, f, lo, hi, xs, tangent_at)
    ax.set(xlabel="x", ylabel="y", xlim=(lo, hi))
    ax.grid(alpha=0.3)
    return ax


def _draw_riemann_sum(
    ax: Axes, f: Callable[[float], float], lo: float, hi: float, riemann: int | tuple[int, str]
) -> None:
    """The n rectangles of width (hi − lo)/n and height f at the rule's point (blue above the
    axis, red below), and their signed area in the title."""
    n, rule = riemann if isinstance(riemann, tuple) else (riemann, "midpoint")
    n = check_int(n, "the number of Riemann rectangles", minimum=1)
    offset = {"left": 0.0, "midpoint": 0.5, "right": 1.0}.get(rule)
    if offset is None:
        raise DomainError(f"rule must be 'midpoint', 'left' or 'right', got {rule!r}")
    width = (hi - lo) / n
    for k in range(n):
        left = lo + k * width
        height = f(left + offset * width)
        colour = "tab:blue" if height >= 0 else "tab:red"
        ax.add_patch(Rectangle((left, 0.0), width, height, color=colour, alpha=0.4, ec=colour))
    total = riemann_sum(f, lo, hi, n, rule=rule)
    ax.set_title(f"{rule} Riemann sum, n = {n}: Σ f(xᵢ*)Δx = {total:.6g}")


def _draw_tangents(
    ax: Axes,
    f: Callable[[float], float],
    lo: float,
    hi: float,
    xs: list[float],
    tangent_at: float | Iterable[float],
) -> None:
    """The tangent line L(x) = f(x₀) + f′(x₀)(x − x₀) at each point, marked, in the legend."""
    points = [tangent_at] if isinstance(tangent_at, (int, float)) else list(tangent_at)
    for k, x0 in enumerate(points):
        x0 = float(check_finite(x0, "tangent_at"))
        if not lo <= x0 <= hi:
            raise DomainError(f"tangent_at = {x0!r} is outside [a, b] = [{lo}, {hi}]")
        y0, slope = f(x0), derivative(f, x0)
        colour = COLOURS[k % len(COLOURS)]
        ax.plot(
            xs,
            [y0 + slope * (x - x0) for x in xs],
            color=colour,
            ls="--",
            lw=1.4,
            label=f"tangent at {x0:g}: slope {slope:.4g}",
        )
        ax.scatter([x0], [y0], color=colour, zorder=3)  # a marker, not another line
    ax.legend(fontsize=9)


# ---------------------------------------------------------------------------------------------
# Linear algebra
# ---------------------------------------------------------------------------------------------


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], colour: str) -> None:
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=15, color=colour, lw=1.8)
    )


def plot_vectors(
    vectors: Iterable[Vector | Sequence[float]],
    *,
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Vectors of the plane drawn as arrows from the origin, one arrow (a patch) each.

    A vector v = (x, y) is the arrow from (0, 0) to (x, y); the axes are scaled equally so
    that lengths and angles look right (orthogonal vectors look perpendicular).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_vectors([Vector([1, 0]), Vector([1, 1])], labels=["e₀", "e₀ + e₁"])
    >>> len(ax.patches)
    2

    Raises:
        TypeError: a vector is not a Vector or a sequence.  DimensionError: a vector that is
        not 2-dimensional, or labels of another length.  DomainError: NaN or inf components.
    """
    points = [_real_pair(v, "each vector") for v in vectors]
    if labels is not None and len(labels) != len(points):
        raise DimensionError(f"got {len(labels)} labels for {len(points)} vectors")
    ax = _axes(ax)
    for k, (x, y) in enumerate(points):
        colour = COLOURS[k % len(COLOURS)]
        _arrow(ax, (0.0, 0.0), (x, y), colour)
        if labels is not None:
            ax.annotate(labels[k], (x, y), xytext=(4, 4), textcoords="offset points", color=colour)
    reach = max([1.0, *(max(abs(x), abs(y)) for x, y in points)]) * 1.15
    ax.set(xlim=(-reach, reach), ylim=(-reach, reach), aspect="equal")
    ax.grid(alpha=0.3)
    return ax


def plot_linear_map(A: Matrix, *, ax: Axes | None = None) -> Axes:
    """A grid of the plane and its image under the 2×2 matrix A: x ↦ Ax.

    Grid lines stay straight, parallel and evenly spaced (linearity); the unit square
    (a filled polygon) becomes a parallelogram of area |det A| — the determinant is the
    factor by which A scales area, and its sign says whether A flips orientation. The
    arrows are A e₀ and A e₁, the columns of A.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_linear_map(Matrix([[2, 1], [0, 1]]))
    >>> ax.get_title()
    'the unit square becomes a parallelogram of area |det A| = 2'

    Raises:
        TypeError: A is not a Matrix.  DimensionError: A is not 2×2.
        DomainError: NaN or infinite entries.
    """
    if not isinstance(A, Matrix):
        raise TypeError(f"A must be a Matrix, not {type(A).__name__}")
    if A.shape != (2, 2):
        raise DimensionError(f"plot_linear_map draws a 2×2 matrix, got {A.shape[0]}×{A.shape[1]}")
    entries = [float(check_finite(x, "each entry of A")) for row in A.rows for x in row]
    a, b, c, d = entries

    def image(x: float, y: float) -> tuple[float, float]:
        return a * x + b * y, c * x + d * y

    ax = _axes(ax)
    ticks = _grid(-2.0, 2.0, 9)
    for t in ticks:
        for start, end in (((t, -2.0), (t, 2.0)), ((-2.0, t), (2.0, t))):
            (x0, y0), (x1, y1) = image(*start), image(*end)
            ax.plot([x0, x1], [y0, y1], color="tab:grey", lw=0.8, alpha=0.7)
    square = [image(x, y) for x, y in ((0, 0), (1, 0), (1, 1), (0, 1))]
    ax.add_patch(Polygon(square, closed=True, color="gold", alpha=0.6))
    _arrow(ax, (0.0, 0.0), image(1, 0), "crimson")
    _arrow(ax, (0.0, 0.0), image(0, 1), "tab:blue")
    determinant = A.det()
    area = abs(determinant)
    shown = f"{area:g}" if isinstance(area, float) else str(area)
    ax.set_title(f"the unit square becomes a parallelogram of area |det A| = {shown}")
    reach = max(1.0, *(abs(v) for v in entries)) * 2.4
    ax.set(xlim=(-reach, reach), ylim=(-reach, reach), aspect="equal")
    return ax


# ---------------------------------------------------------------------------------------------
# Several variables
# ---------------------------------------------------------------------------------------------


def plot_contour(
    f: Callable[[Sequence[float]], float],
    limits: Sequence[tuple[float, float]],
    *,
    path: Any = None,
    levels: int | Sequence[float] = 20,
    ax: Axes | None = None,
) -> Axes:
    """Contour lines f(x, y) = c of a function of two variables, and a path across them.

    The gradient is perpendicular to the contour lines, so a gradient-descent path crosses
    them at right angles where the steps are small. ``path`` is a list of points (Vectors or
    pairs), or any result with a ``.path`` (``gradient_descent``'s, ``minimize``'s); it is
    drawn as one line whose data are exactly the path's points.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from scratchmath.calculus import gradient_descent
    >>> bowl = lambda v: v[0] ** 2 + 4 * v[1] ** 2
    >>> result = gradient_descent(bowl, [2.0, 1.0], learning_rate=0.1, max_steps=30)
    >>> ax = plot_contour(bowl, [(-2.5, 2.5), (-1.5, 1.5)], path=result)
    >>> len(ax.lines[-1].get_xdata()) == len(result.path)
    True

    Raises:
        TypeError: f is not callable.  DimensionError: limits is not two (low, high) pairs,
        or a path point is not 2-dimensional.  DomainError: a bound not finite, low ≥ high.
    """
    check_callable(f)
    if not isinstance(limits, Sequence) or len(limits) != 2:
        raise DimensionError("limits must be two (low, high) pairs: [(x0, x1), (y0, y1)]")
    box = []
    for pair in limits:
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise DimensionError(f"each limit must be a (low, high) pair, got {pair!r}")
        low, high = (float(check_finite(v, "a limit")) for v in pair)
        if not low < high:
            raise DomainError(f"each limit needs low < high, got ({low}, {high})")
        box.append((low, high))
    (x0, x1), (y0, y1) = box
    ax = _axes(ax)
    xs, ys = _grid(x0, x1, 120), _grid(y0, y1, 120)
    heights = [[f([x, y]) for x in xs] for y in ys]
    ax.contour(xs, ys, heights, levels=levels, cmap="viridis", linewidths=0.8)
    if path is not None:
        points = [_real_pair(p, "each point of the path") for p in getattr(path, "path", path)]
        ax.plot([p[0] for p in points], [p[1] for p in points], "o-", color="crimson", ms=2.5)
    ax.set(xlabel="x", ylabel="y", xlim=(x0, x1), ylim=(y0, y1))
    return ax


# ---------------------------------------------------------------------------------------------
# Probability
# ---------------------------------------------------------------------------------------------


def plot_distribution(dist: Any, *, ax: Axes | None = None) -> Axes:
    """A distribution as a picture: bars of its pmf (discrete) or the curve of its pdf.

    The bars (one patch per outcome) cover the outcomes between the 0.0005 and 0.9995
    quantiles (all of a finite support); the curve spans the same quantiles. The mean,
    E[X] = Σ x p(x) or ∫ x f(x) dx, is marked by a vertical dashed line (its balance point) where
    the outcomes are numbers.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from scratchmath.probability import Binomial
    >>> ax = plot_distribution(Binomial(10, 0.3))
    >>> len(ax.patches)                        # one bar for each outcome 0..10
    11

    Raises:
        TypeError: dist is not a distribution of scratchmath.probability.
    """
    if not isinstance(dist, (DiscreteDistribution, ContinuousDistribution)):
        raise TypeError(f"dist must be a scratchmath distribution, not {type(dist).__name__}")
    ax = _axes(ax)
    if isinstance(dist, DiscreteDistribution):
        outcomes = _discrete_outcomes(dist)
        heights = [float(dist.pmf(x)) for x in outcomes]
        numeric = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in outcomes)
        positions = [float(x) for x in outcomes] if numeric else list(range(len(outcomes)))
        ax.bar(positions, heights, width=0.8, color="tab:blue")
        if numeric:  # outcomes that are not numbers (Categorical labels) have no mean
            mean = float(dist.mean())
            ax.axvline(mean, color="crimson", ls="--", label=f"mean {mean:.4g}")
            ax.legend()
        else:
            ax.set_xticks(positions, [str(x) for x in outcomes])
        ax.set_ylabel("P(X = x)")
    else:
        low, high = (float(dist.ppf(q)) for q in (0.0005, 0.9995))
        xs = _grid(low, high, 400)
        ax.plot(xs, [float(dist.pdf(x)) for x in xs], color="tab:blue", lw=2)
        mean = float(dist.mean())
        ax.axvline(mean, color="crimson", ls="--", label=f"mean {mean:.4g}")
        ax.set_ylabel("density f(x)")
        ax.legend()
    ax.set_title(repr(dist))
    ax.set_xlabel("x")
    return ax


def _discrete_outcomes(dist: Any) -> list[Any]:
    """The outcomes worth a bar: the whole support if short, else the central 99.9%."""
    outcomes = []
    support = iter(dist.support())
    for _ in range(61):  # a short support is drawn whole
        try:
            outcomes.append(next(support))
        except StopIteration:
            return outcomes
    low, high = int(dist.ppf(0.0005)), int(dist.ppf(0.9995))
    return list(range(low, high + 1))


def plot_running_mean(
    values: Sequence[float], *, expected: float | None = None, ax: Axes | None = None
) -> Axes:
    """The running mean X̄ₙ = (X₁ + … + Xₙ)/n of the samples against n (log scale).

    The law of large numbers: X̄ₙ settles at the expected value E[X], drawn as a dashed line
    when ``expected`` is given; its distance from E[X] shrinks like σ/√n.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from scratchmath.probability import Bernoulli
    >>> ax = plot_running_mean(Bernoulli(0.5).sample(1000, rng=1), expected=0.5)
    >>> len(ax.lines[0].get_ydata())
    1000

    Raises:
        DimensionError: no values.  TypeError: a value that is not a number.
    """
    values = list(values)
    if not values:
        raise DimensionError("plot_running_mean needs at least one value")
    means = [float(m) for m in running_mean(values)]
    ax = _axes(ax)
    ax.plot(range(1, len(means) + 1), means, color="tab:blue", lw=1.2, label="running mean")
    if expected is not None:
        target = float(check_finite(expected, "expected"))
        ax.axhline(target, color="black", ls="--", lw=1, label=f"E[X] = {target:g}")
    ax.set(xscale="log", xlabel="n (log scale)", ylabel="mean of the first n values")
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def plot_history(history: Any, *, ax: Axes | None = None) -> Axes:
    """Training curves: the loss per epoch, and the accuracies on a second axis.

    ``history`` is what ``networks.train`` returns (``History(loss, accuracy,
    validation_accuracy)``, lists per epoch; validation may be empty or None). Falling loss
    and rising accuracy are learning; a validation accuracy that falls while the training
    accuracy rises is overfitting.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from collections import namedtuple
    >>> History = namedtuple("History", "loss accuracy validation_accuracy")
    >>> ax = plot_history(History([0.9, 0.5, 0.3], [0.6, 0.8, 0.9], [0.55, 0.75, 0.85]))
    >>> [float(y) for y in ax.lines[0].get_ydata()]
    [0.9, 0.5, 0.3]

    Raises:
        TypeError: history has no ``loss``.  DimensionError: no epochs.
    """
    loss = getattr(history, "loss", None)
    if loss is None:
        raise TypeError(f"history must have a loss per epoch, got {type(history).__name__}")
    if len(loss) == 0:
        raise DimensionError("the history has no epochs to draw")
    ax = _axes(ax)
    epochs = range(1, len(loss) + 1)
    ax.plot(epochs, [float(v) for v in loss], "o-", color="crimson", label="loss")
    ax.set(xlabel="epoch", ylabel="loss")
    accuracies = ax.twinx()
    for name, colour in (("accuracy", "tab:blue"), ("validation_accuracy", "tab:green")):
        series = getattr(history, name, None)
        if series:
            accuracies.plot(epochs, [float(v) for v in series], "s-", color=colour, label=name)
    accuracies.set(ylabel="accuracy", ylim=(0, 1.02))
    handles = ax.get_legend_handles_labels()
    more = accuracies.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], loc="center right")
    return ax


# ---------------------------------------------------------------------------------------------
# Automatic differentiation
# ---------------------------------------------------------------------------------------------


def plot_graph(output: Var, *, ax: Axes | None = None) -> Axes:
    """The computational graph of a Var: one box per node, one arrow per edge of the chain rule.

    Inputs stand in the left column; every other node stands one column right of its
    furthest operand, so values flow left to right and gradients (shown once
    ``backward()`` has run) flow back along the same arrows. Each box shows what
    ``output.graph()`` prints for that node: its label, operation, value and gradient.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from scratchmath.autodiff import Var
    >>> x, y = Var(3, name="x"), Var(4, name="y")
    >>> z = x * y + x
    >>> z.backward()
    >>> ax = plot_graph(z)
    >>> len(ax.texts), len(ax.patches)     # 4 nodes; 4 arrows (x feeds two of them)
    (4, 4)

    Raises:
        TypeError: output is not a Var.
    """
    if not isinstance(output, Var):
        raise TypeError(f"plot_graph draws the graph of a Var, not {type(output).__name__}")
    nodes, labels = output.labelled_nodes()
    place = _graph_layout(nodes)
    ax = _axes(ax)
    boxes = {}
    for node in nodes:
        text = ax.text(
            *place[node],
            _node_text(node, labels),
            ha="center",
            va="center",
            fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "white" if node.op else "lightyellow"},
        )
        boxes[node] = text.get_bbox_patch()
    for node in nodes:  # drawn above the boxes, so each arrow meets its box's edge
        for edge in node.edges:
            arrow = FancyArrowPatch(
                place[edge.parent],
                place[node],
                patchA=boxes[edge.parent],
                patchB=boxes[node],
                arrowstyle="-|>",
                mutation_scale=14,
                shrinkA=1,
                shrinkB=1,
                connectionstyle="arc3,rad=0.08",
                color="tab:blue",
                zorder=4,
            )
            ax.add_patch(arrow)
    width = max(x for x, _ in place.values())
    depth = 1 - min(y for _, y in place.values())
    ax.set(xlim=(-0.6, width + 0.6), ylim=(-depth + 0.4, 0.6))
    ax.set_axis_off()
    return ax


def _graph_layout(nodes: list[Var]) -> dict[Var, tuple[float, float]]:
    """(column, −row) of each node: inputs in column 0, every other node one column right of
    its furthest operand; the nodes of a column stacked downwards in their given order."""
    column: dict[Var, int] = {}
    for node in nodes:  # inputs first, so every operand has its column already
        column[node] = 1 + max((column[edge.parent] for edge in node.edges), default=-1)
    rows: dict[int, int] = {}
    place: dict[Var, tuple[float, float]] = {}
    for node in nodes:
        row = rows.get(column[node], 0)
        rows[column[node]] = row + 1
        place[node] = (float(column[node]), -float(row))
    return place


def _node_text(node: Var, labels: dict[Var, str]) -> str:
    """A node's box: 'label = a op b' (or its name for an input), its value and gradient."""
    if node.op:
        operands = [labels[edge.parent] for edge in node.edges]
        if len(operands) == 2 and len(node.op) <= 2:
            head = f"{labels[node]} = {operands[0]} {node.op} {operands[1]}"
        else:
            head = f"{labels[node]} = {node.op}({', '.join(operands)})"
    else:
        head = f"{labels[node]} (input)"
    lines = [head, f"value {_short(node.value)}"]
    if node.grad is not None:
        lines.append(f"grad {_short(node.grad)}")
    return "\n".join(lines)


def _short(value: Any) -> str:
    """A value printed short enough for a box (floats to 4 significant digits)."""
    if isinstance(value, float):
        return f"{value:.4g}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 24 else text[:21] + "…"
