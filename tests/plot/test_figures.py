"""Tests of scratchmath.plot.figures.

The pictures: each plot function draws what it promises, headless (Agg), and saves a PNG.

Checked by the artists drawn, not by pixels: a tangent adds a line, n Riemann rectangles add
n patches, a descent path's line holds exactly the path's points, the unit square's image is
the parallelogram spanned by A's columns. And the optional dependency stays optional:
importing scratchmath never imports matplotlib, and scratchmath.plot without it names the
extra to install.

Theorems and properties checked:

- a tangent adds a line with the derivative as slope
- n riemann rectangles add n patches
- riemann rule chooses the heights and the title gives the sum
- plot function draws into a given axes
- vectors are arrows
- linear map sends the unit square to the parallelogram of its columns
- a descent path is drawn point for point
- distributions bars and curves with the mean marked
- running mean and history
- every figure saves a png
- bad input is reported in words
- importing scratchmath does not import matplotlib
- without matplotlib the import error names the extra
- the graph has a box per node and an arrow per edge
- plot graph needs a var
"""

from __future__ import annotations

import math
import subprocess
import sys
from collections import namedtuple
from fractions import Fraction
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from scratchmath.calculus import gradient_descent
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.plot import (
    plot_contour,
    plot_distribution,
    plot_function,
    plot_graph,
    plot_history,
    plot_linear_map,
    plot_running_mean,
    plot_vectors,
)
from scratchmath.probability import (
    Bernoulli,
    Categorical,
    Normal,
    Poisson,
)
from scratchmath.vectors import Vector

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

History = namedtuple("History", "loss accuracy validation_accuracy")


@pytest.fixture(autouse=True)
def close_figures() -> object:
    yield
    plt.close("all")


def test_a_tangent_adds_a_line_with_the_derivative_as_slope() -> None:
    ax = plot_function(lambda x: x**3, -1, 1)
    assert len(ax.lines) == 1
    ax = plot_function(lambda x: x**3, -1, 1, tangent_at=0.5)
    assert len(ax.lines) == 2
    xs, ys = ax.lines[1].get_xdata(), ax.lines[1].get_ydata()
    slope = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    assert math.isclose(slope, 0.75, rel_tol=1e-9)  # f′(½) = 3·¼
    assert "slope 0.75" in ax.get_legend().get_texts()[1].get_text()


@pytest.mark.parametrize("n", [1, 4, 17])
def test_n_riemann_rectangles_add_n_patches(n: int) -> None:
    ax = plot_function(math.sin, 0, math.pi, riemann=n)
    assert len(ax.patches) == n
    widths = {round(p.get_width(), 12) for p in ax.patches}
    assert widths == {round(math.pi / n, 12)}


def test_riemann_rule_chooses_the_heights_and_the_title_gives_the_sum() -> None:
    ax = plot_function(lambda x: x, 0, 1, riemann=(2, "left"))
    assert [p.get_height() for p in ax.patches] == [0.0, 0.5]
    assert "Σ f(xᵢ*)Δx = 0.25" in ax.get_title()


def test_plot_function_draws_into_a_given_axes() -> None:
    _, ax = plt.subplots()
    assert plot_function(abs, -1, 1, ax=ax) is ax


def test_vectors_are_arrows() -> None:
    ax = plot_vectors([Vector([1, 0]), [0.5, 2.0], Vector([Fraction(-1, 2), 1])])
    assert len(ax.patches) == 3
    assert ax.get_aspect() == 1.0


def test_linear_map_sends_the_unit_square_to_the_parallelogram_of_its_columns() -> None:
    A = Matrix([[2, 1], [-1, 3]])
    ax = plot_linear_map(A)
    square = ax.patches[0].get_xy()[:4]
    assert [tuple(p) for p in square] == [(0, 0), (2, -1), (3, 2), (1, 3)]
    assert ax.get_title().endswith("|det A| = 7")
    assert len(ax.patches) == 3  # the square and the two column arrows


def test_a_descent_path_is_drawn_point_for_point() -> None:
    bowl = lambda v: v[0] ** 2 + 4 * v[1] ** 2  # noqa: E731
    result = gradient_descent(bowl, [2.0, 1.0], learning_rate=0.1, max_steps=25)
    ax = plot_contour(bowl, [(-2.5, 2.5), (-1.5, 1.5)], path=result)
    line = ax.lines[-1]
    assert list(line.get_xdata()) == [p[0] for p in result.path]
    assert list(line.get_ydata()) == [p[1] for p in result.path]
    ax = plot_contour(bowl, [(-1, 1), (-1, 1)], path=[[0.5, 0.5], [0.0, 0.0]])
    assert list(ax.lines[-1].get_xdata()) == [0.5, 0.0]


def test_distributions_bars_and_curves_with_the_mean_marked() -> None:
    ax = plot_distribution(Bernoulli(0.25))
    assert [p.get_height() for p in ax.patches] == [0.75, 0.25]
    assert any(line.get_xdata()[0] == 0.25 for line in ax.lines)  # the mean
    ax = plot_distribution(Poisson(100))
    heights = [p.get_height() for p in ax.patches]
    assert 0.999 < sum(heights) <= 1.0 and len(heights) < 100
    ax = plot_distribution(Categorical({"a": 0.5, "b": 0.5}))
    assert len(ax.patches) == 2
    ax = plot_distribution(Normal(3, 1e-4))
    curve = ax.lines[0]
    peak = max(curve.get_ydata())
    assert math.isclose(peak, 1 / (1e-4 * math.sqrt(2 * math.pi)), rel_tol=1e-3)
    assert abs(ax.lines[1].get_xdata()[0] - 3) < 1e-12


def test_running_mean_and_history() -> None:
    ax = plot_running_mean([1, 0, 0, 1], expected=0.5)
    assert list(ax.lines[0].get_ydata()) == [1.0, 0.5, 1 / 3, 0.5]
    assert ax.lines[1].get_ydata()[0] == 0.5
    ax = plot_history(History([1.0, 0.4], [0.5, 0.9], []))
    assert list(ax.lines[0].get_ydata()) == [1.0, 0.4]


def test_every_figure_saves_a_png(tmp_path: Path) -> None:
    axes = [
        plot_function(math.cos, 0, 3, tangent_at=[1, 2], riemann=5),
        plot_vectors([[1, 1]]),
        plot_linear_map(Matrix.rotation(0.5)),
        plot_contour(lambda v: v[0] * v[1], [(-1, 1), (-1, 1)]),
        plot_distribution(Normal()),
        plot_running_mean(Bernoulli(0.5).sample(100, rng=3)),
        plot_history(History([1.0, 0.5], [0.6, 0.8], [0.5, 0.7])),
    ]
    for k, ax in enumerate(axes):
        path = tmp_path / f"figure{k}.png"
        ax.figure.savefig(path)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: plot_function(3, 0, 1), TypeError, "f must be a callable"),
        (lambda: plot_function(abs, 1, 0), DomainError, "needs a < b"),
        (lambda: plot_function(abs, 0, math.inf), DomainError, "b must be finite"),
        (lambda: plot_function(abs, 0, 1, riemann=0), DomainError, "at least|≥ 1"),
        (lambda: plot_function(abs, 0, 1, riemann=(2, "upper")), DomainError, "rule must be"),
        (lambda: plot_function(abs, 0, 1, tangent_at=2), DomainError, "outside"),
        (lambda: plot_function(abs, 0, 1, ax=3), TypeError, "ax must be a matplotlib Axes"),
        (lambda: plot_vectors([[1, 2, 3]]), DimensionError, "2-dimensional"),
        (lambda: plot_vectors([[1, 2]], labels=[]), DimensionError, "0 labels for 1 vectors"),
        (lambda: plot_vectors(["ab"]), TypeError, "Vector or a sequence"),
        (lambda: plot_linear_map([[1, 0], [0, 1]]), TypeError, "A must be a Matrix"),
        (lambda: plot_linear_map(Matrix.identity(3)), DimensionError, "2×2 matrix, got 3×3"),
        (lambda: plot_contour(abs, [(0, 1)]), DimensionError, "two \\(low, high\\) pairs"),
        (lambda: plot_contour(abs, [(0, 1), (1, 1)]), DomainError, "low < high"),
        (lambda: plot_distribution([0.5, 0.5]), TypeError, "scratchmath distribution"),
        (lambda: plot_running_mean([]), DimensionError, "at least one value"),
        (lambda: plot_history(object()), TypeError, "loss per epoch"),
        (lambda: plot_history(History([], [], [])), DimensionError, "no epochs"),
    ],
)
def test_bad_input_is_reported_in_words(call: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_importing_scratchmath_does_not_import_matplotlib() -> None:
    code = "import sys, scratchmath; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_matplotlib_the_import_error_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "try:\n    import scratchmath.plot\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install -e ".[plot]"' in out.stdout


def test_the_graph_has_a_box_per_node_and_an_arrow_per_edge(tmp_path: Path) -> None:
    from scratchmath.autodiff import Var, tanh

    x, w = Var(0.5, name="x"), Var(-2.0, name="w")
    y = tanh(w * x + 1.0) * x
    y.backward()
    nodes, labels = y.labelled_nodes()
    ax = plot_graph(y)
    # nodes w, x, w·x, +1, tanh, ·x; arrows: two into each product, one into + and tanh
    assert len(ax.texts) == len(nodes) == 6
    assert len(ax.patches) == sum(len(node.edges) for node in nodes) == 6
    texts = {labels[node]: text.get_text() for node, text in zip(nodes, ax.texts, strict=True)}
    assert texts["x"] == f"x (input)\nvalue 0.5\ngrad {x.grad:.4g}"
    assert texts["v1"].startswith("v1 = w * x\nvalue -1")
    # inputs in the left column; each result one column right of its furthest operand
    columns = [text.get_position()[0] for text in ax.texts]
    assert columns == [0.0, 0.0, 1.0, 2.0, 3.0, 4.0]
    ax.figure.savefig(tmp_path / "graph.png")
    assert (tmp_path / "graph.png").stat().st_size > 1000


def test_plot_graph_needs_a_var() -> None:
    with pytest.raises(TypeError, match="plot_graph draws the graph of a Var, not float"):
        plot_graph(1.0)  # type: ignore[arg-type]
