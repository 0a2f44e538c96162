"""Draw the pictures of the scratchmath chapters into docs/figures/*.png.

    pip install -e ".[plot]"        # matplotlib, needed for the pictures only
    python docs/figures/make.py

Every figure is drawn through ``scratchmath.plot`` — the functions a learner uses for their
own pictures — and every number drawn is computed with scratchmath; matplotlib only draws. Without matplotlib
the script says so and exits cleanly (status 0): the library itself needs nothing.

=============================  ==========================================================
tangent_secants.png            the tangent as the limit of secants (difference_quotient)
riemann_sums.png               Riemann sums filling the signed area (riemann_sum)
linear_map_grid.png            a linear map bending a grid (Matrix @ Vector, det)
svd_ellipse.png                the SVD turning the unit circle into an ellipse (svd)
gradient_descent_contour.png   gradient descent paths on contour plots (gradient_descent)
coin_running_mean.png          the running mean of a coin settling (law_of_large_numbers)
biased_coin_entropy.png        the entropy of a biased coin (entropy)
poisson_guessing_game.png      the pmf of the guessing game's Poisson secret (plot_distribution)
autodiff_graph.png             one neuron's computational graph after backward() (plot_graph)
optimizers_rosenbrock.png      every optimiser's path down Rosenbrock's valley, and f per step
two_moons_boundary.png         the boundary a 2-16-2 network draws between two moons (networks)
digits_learning_curve.png      loss, training and test accuracy per epoch, digits (plot_history)
digits_misread.png             the test digits the trained network misreads (networks.predict)
ci_coverage.png                the running fraction of 95 % t-intervals that cover μ (statistics)
monte_carlo_pi.png             π as the area under a quarter circle ×4: random against Sobol' points
=============================  ==========================================================
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from scratchmath.calculus import (
    difference_quotient,
    sobol_points,
    gradient_descent,
    integrate,
    riemann_sum,
)
from scratchmath.matrices import Matrix, svd
from scratchmath.plot import (
    plot_contour,
    plot_distribution,
    plot_function,
    plot_graph,
    plot_linear_map,
    plot_running_mean,
    plot_vectors,
)
from scratchmath.probability import Bernoulli, Normal, Poisson, entropy
from scratchmath.vectors import Vector

HERE = Path(__file__).resolve().parent
SIZE = (8, 5)  # inches; at DPI 100 this is 800×500 pixels
DPI = 100


def _linspace(a: float, b: float, n: int) -> list[float]:
    return [a + (b - a) * k / (n - 1) for k in range(n)]


def _xy(v: Vector) -> tuple[float, float]:
    return float(v[0].real), float(v[1].real)


# ------------------------------------------------------------------------------------------
# Single-variable calculus
# ------------------------------------------------------------------------------------------


def tangent_secants(plt: Any) -> Any:
    """Secants through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h)) turn into the tangent as h → 0."""

    def f(x: float) -> float:
        return 0.25 * x**3 - x + 1.5

    x0 = 1.0
    fig, ax = plt.subplots(figsize=SIZE)
    plot_function(f, -0.5, 3.2, tangent_at=x0, ax=ax)
    xs = _linspace(-0.5, 3.2, 200)
    colours = plt.cm.viridis([0.1, 0.35, 0.6, 0.8])
    for h, colour in zip((2.0, 1.0, 0.5, 0.25), colours, strict=True):
        slope = difference_quotient(f, x0, h)
        ax.plot(
            xs,
            [f(x0) + slope * (x - x0) for x in xs],
            color=colour,
            lw=1.2,
            label=f"secant, h = {h:<4}: slope {slope:.4f}",
        )
        ax.scatter([x0 + h], [f(x0 + h)], color=colour)
    ax.set(ylim=(-0.5, 4.5))
    ax.set_title("The tangent is the limit of secants: (f(x₀+h) − f(x₀))/h → f′(x₀) as h → 0")
    ax.legend(loc="upper left", fontsize=9)
    return fig


def riemann_sums(plt: Any) -> Any:
    """Midpoint rectangles of sin x on [0, 3π/2]: area above the axis counts +, below −."""
    a, b = 0.0, 1.5 * math.pi
    exact = integrate(math.sin, a, b)
    fig, axes = plt.subplots(1, 2, figsize=SIZE, sharey=True)
    for ax, n in zip(axes, (6, 24), strict=True):
        plot_function(math.sin, a, b, riemann=n, ax=ax)
        ax.set_title(f"n = {n}: Σ f(mᵢ)Δx = {riemann_sum(math.sin, a, b, n):.5f}", fontsize=11)
    fig.suptitle(
        f"Riemann sums fill the signed area: ∫ sin x dx over [0, 3π/2] = {exact:.5f}\n"
        "(midpoint rule; blue rectangles count +, red ones count −)",
        fontsize=11,
    )
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------------------------------
# Linear algebra
# ------------------------------------------------------------------------------------------


def linear_map_grid(plt: Any) -> Any:
    """The square grid and its image under A: lines stay lines, the unit square's area × det A."""
    A = Matrix([[1.5, 0.8], [0.4, 1.2]])
    fig, axes = plt.subplots(1, 2, figsize=SIZE)
    plot_linear_map(Matrix.identity(2), ax=axes[0])
    plot_linear_map(A, ax=axes[1])
    axes[0].set_title("the plane, e₀, e₁ and the unit square", fontsize=10)
    axes[1].set_title(
        f"after A = [[1.5, 0.8], [0.4, 1.2]]: area × det A = {A.det():.2f}", fontsize=10
    )
    for ax in axes:
        ax.set(xlim=(-3.2, 3.2), ylim=(-3.2, 3.2))
    fig.suptitle("A linear map moves every point by x ↦ Ax: grid lines stay straight and parallel")
    fig.tight_layout()
    return fig


def svd_ellipse(plt: Any) -> Any:
    """A = UΣVᵀ: A sends V's columns v₁, v₂ on the unit circle to σ₁u₁, σ₂u₂ on the ellipse."""
    A = Matrix([[1.6, 1.0], [0.3, 1.1]])
    U, sigma, V = svd(A)
    angles = _linspace(0, 2 * math.pi, 200)
    circle = [Vector([math.cos(t), math.sin(t)]) for t in angles]
    fig, axes = plt.subplots(1, 2, figsize=SIZE)
    images = [A @ V.columns[j] for j in range(2)]
    for j in range(2):  # the picture is the theorem: A vⱼ = σⱼ uⱼ
        assert (images[j] - sigma[j] * U.columns[j]).norm() < 1e-9
    plot_vectors(list(V.columns), labels=["v₁", "v₂"], ax=axes[0])
    plot_vectors(images, labels=["σ₁u₁", "σ₂u₂"], ax=axes[1])
    axes[0].plot(*zip(*[_xy(p) for p in circle], strict=True), color="black")
    axes[1].plot(*zip(*[_xy(A @ p) for p in circle], strict=True), color="black")
    axes[0].set_title("the unit circle and V's columns v₁, v₂", fontsize=10)
    axes[1].set_title(f"its image under A: σ₁ = {sigma[0]:.3f}, σ₂ = {sigma[1]:.3f}", fontsize=10)
    for ax in axes:
        ax.set(xlim=(-2.3, 2.3), ylim=(-2.3, 2.3))
    fig.suptitle(
        "SVD A = UΣVᵀ: A = [[1.6, 1.0], [0.3, 1.1]] sends the unit circle to an ellipse;\n"
        "its semi-axes are σ₁u₁ and σ₂u₂, the images of the orthonormal v₁, v₂",
        fontsize=11,
    )
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------------------------------
# Multivariable calculus
# ------------------------------------------------------------------------------------------


def gradient_descent_contour(plt: Any) -> Any:
    """Descent paths: a bowl with a good and a too-bold step, and Rosenbrock's valley."""

    def bowl(v: Sequence[float]) -> float:
        return v[0] * v[0] + 10 * v[1] * v[1]

    def rosenbrock(v: Sequence[float]) -> float:
        a, b = 1 - v[0], v[1] - v[0] * v[0]
        return a * a + 100 * b * b

    def rosenbrock_grad(v: Sequence[float]) -> list[float]:
        x, y = v
        return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]

    fig, axes = plt.subplots(1, 2, figsize=SIZE)
    plot_contour(
        bowl, [(-4.5, 4.5), (-1.6, 1.6)], levels=[0.25 * 2**k for k in range(8)], ax=axes[0]
    )
    for rate, colour in ((0.02, "tab:blue"), (0.09, "crimson")):
        result = gradient_descent(bowl, [-4.0, 1.0], learning_rate=rate, max_steps=60)
        plot_contour(bowl, [(-4.5, 4.5), (-1.6, 1.6)], path=result, levels=[], ax=axes[0])
        axes[0].lines[-1].set(color=colour, label=f"η = {rate}")
    axes[0].set_title("f = x² + 10y² from (−4, 1), 60 steps", fontsize=10)
    axes[0].legend(fontsize=9)
    result = gradient_descent(
        rosenbrock, [-1.2, 1.0], learning_rate=0.001, grad=rosenbrock_grad, max_steps=20_000
    )
    thinned = result.path[:: max(1, len(result.path) // 400)]
    plot_contour(
        rosenbrock,
        [(-1.6, 1.6), (-0.5, 1.6)],
        path=thinned,
        levels=[0.5 * 2**k for k in range(-6, 10)],
        ax=axes[1],
    )
    axes[1].plot([1], [1], "*", color="black", ms=12)
    axes[1].set_title(f"Rosenbrock from (−1.2, 1): η = 0.001, {result.steps} steps", fontsize=9)
    fig.suptitle("Gradient descent x ← x − η∇f(x) walks across the contour lines, downhill")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------------------------------
# Probability and information
# ------------------------------------------------------------------------------------------


def coin_running_mean(plt: Any) -> Any:
    """Running fractions of heads of three coins, inside the ±2σ/√n band around ½."""
    n = 10_000
    ns = list(range(1, n + 1))
    fig, ax = plt.subplots(figsize=SIZE)
    band = [2 * 0.5 / math.sqrt(k) for k in ns]
    ax.fill_between(
        ns,
        [0.5 - w for w in band],
        [0.5 + w for w in band],
        color="gold",
        alpha=0.35,
        label="½ ± 2σ/√n",
    )
    for seed, colour in ((1, "tab:blue"), (2, "crimson"), (3, "tab:green")):
        plot_running_mean(Bernoulli(0.5).sample(n, rng=seed), ax=ax)
        ax.lines[-1].set(color=colour, label=f"coin with seed {seed}")
    ax.axhline(0.5, color="black", lw=1, ls="--")
    ax.set(xlim=(1, n), ylim=(0, 1), ylabel="fraction of heads so far")
    ax.set_title("The law of large numbers: the running mean of a fair coin settles at ½")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def biased_coin_entropy(plt: Any) -> Any:
    """H(p) = −p log₂ p − (1 − p) log₂(1 − p): 0 for a sure coin, 1 bit for a fair one."""
    fig, ax = plt.subplots(figsize=SIZE)
    plot_function(lambda p: entropy(Bernoulli(p)), 0, 1, ax=ax)
    for p in (0.5, 0.9, 0.99):
        h = entropy(Bernoulli(p))
        ax.scatter([p], [h], color="crimson", zorder=3)
        ax.annotate(
            f"p = {p}: H = {h:.3f} bits",
            (p, h),
            xytext=(-150 if p > 0.6 else 10, 8),
            textcoords="offset points",
            color="crimson",
        )
    ax.set(ylim=(0, 1.1), xlabel="p = probability of heads", ylabel="H(p) in bits")
    ax.set_title("The entropy of a biased coin: most uncertain, 1 bit, when it is fair")
    return fig


def poisson_guessing_game(plt: Any) -> Any:
    """The pmf of Poisson(100): the secret of the guessing game is rarely far from 100."""
    fig, ax = plt.subplots(figsize=SIZE)
    plot_distribution(Poisson(100), ax=ax)
    ax.set_title(
        f"Poisson(100): entropy {entropy(Poisson(100)):.2f} bits, so about 5.4 "
        "yes/no questions find it (10 for a uniform secret in 0..1023)",
        fontsize=10,
    )
    return fig


# ------------------------------------------------------------------------------------------
# Networks
# ------------------------------------------------------------------------------------------


def _trained_moons() -> tuple[Any, Any, Any, Any]:
    from scratchmath.networks import (
        MLP,
        softmax_cross_entropy,
        standardize,
        train,
        train_test_split,
        two_moons,
    )
    from scratchmath.optimization import Adam

    raw_train, raw_test = train_test_split(
        two_moons(400, noise=0.1, rng=0), test_fraction=0.25, rng=0
    )
    train_set, _ = standardize(raw_train, raw_test)
    model = MLP([2, 16, 2], rng=0)
    train(model, train_set.X, train_set.y, loss=softmax_cross_entropy,
          optimizer=Adam(model.parameters(), lr=0.05), epochs=50, batch_size=16, rng=0,
          progress=False)  # fmt: skip
    return model, raw_train, train_set, raw_test


def two_moons_boundary(plt: Any) -> Any:
    """The probability of the lower moon over the plane, its ½ contour the decision boundary."""
    from scratchmath.autodiff import softmax

    model, raw_train, train_set, raw_test = _trained_moons()
    # the affine map raw → standardised, per feature, read off two training samples
    a, b, za, zb = raw_train.X[0], raw_train.X[1], train_set.X[0], train_set.X[1]
    scale = [(zb[j] - za[j]) / (b[j] - a[j]) for j in range(2)]
    shift = [za[j] - scale[j] * a[j] for j in range(2)]

    def lower_moon(v: Sequence[float]) -> float:
        z = Vector([scale[0] * v[0] + shift[0], scale[1] * v[1] + shift[1]])
        return float(softmax(model(z).value)[1])

    fig, ax = plt.subplots(figsize=SIZE)
    plot_contour(lower_moon, [(-1.6, 2.6), (-1.1, 1.6)], levels=[0.1, 0.5, 0.9], ax=ax)
    for label, colour in ((0, "tab:blue"), (1, "tab:orange")):
        points = [row for row, y in zip(raw_test.X, raw_test.y, strict=True) if y == label]
        ax.scatter([p[0] for p in points], [p[1] for p in points], s=14, color=colour)
    ax.set_title("Two moons: a 2-16-2 tanh network's boundary p = ½ (and p = 0.1, 0.9); "
                 "test points", fontsize=10)  # fmt: skip
    return fig


def _trained_digits() -> tuple[Any, Any, Any, Any]:
    from scratchmath.networks import (
        MLP,
        digits,
        softmax_cross_entropy,
        standardize,
        train,
        train_test_split,
    )
    from scratchmath.optimization import Adam

    raw_train, raw_test = train_test_split(digits(), test_fraction=0.25, rng=0)
    train_set, test_set = standardize(raw_train, raw_test)
    model = MLP([64, 32, 10], rng=0)
    history = train(model, train_set.X, train_set.y, loss=softmax_cross_entropy,
                    optimizer=Adam(model.parameters(), lr=0.01), epochs=15, batch_size=32,
                    rng=0, validation=test_set, progress=False)  # fmt: skip
    return model, history, raw_test, test_set


_DIGITS: list[Any] = []


def _digits_run() -> tuple[Any, Any, Any, Any]:
    if not _DIGITS:  # trained once for both digit figures
        _DIGITS.append(_trained_digits())
    result: tuple[Any, Any, Any, Any] = _DIGITS[0]
    return result


def digits_learning_curve(plt: Any) -> Any:
    """Loss and accuracies per epoch: the 64-32-10 network learning the digits."""
    from scratchmath.plot import plot_history

    _, history, _, _ = _digits_run()
    fig, ax = plt.subplots(figsize=SIZE)
    plot_history(history, ax=ax)
    ax.set_title(f"Digits, 64-32-10 MLP, Adam: test accuracy {history.validation_accuracy[-1]:.3f}"
                 " after 15 epochs", fontsize=10)  # fmt: skip
    return fig


def digits_misread(plt: Any) -> Any:
    """The test images the trained network gets wrong, each with the truth and its answer."""
    from scratchmath.networks import predict

    model, _, raw_test, test_set = _digits_run()
    answers = predict(model, test_set.X)
    wrong = [i for i, (a, y) in enumerate(zip(answers, test_set.y, strict=True)) if a != y]
    shown = wrong[:12]
    fig, axes = plt.subplots(2, 6, figsize=SIZE)
    for ax in axes.flat:
        ax.axis("off")
    for ax, i in zip(axes.flat, shown, strict=False):
        pixels = [float(p) for p in raw_test.X[i]]
        ax.imshow([pixels[8 * r : 8 * r + 8] for r in range(8)], cmap="gray_r", vmin=0, vmax=16)
        ax.set_title(f"{raw_test.y[i]} read as {answers[i]}", fontsize=10)
    more = "" if len(shown) == len(wrong) else f": the first {len(shown)}"
    fig.suptitle(f"{len(wrong)} of {len(test_set)} test digits misread{more}")
    return fig


# ------------------------------------------------------------------------------------------
# Optimisation
# ------------------------------------------------------------------------------------------


def optimizers_rosenbrock(plt: Any) -> Any:
    """The optimisers' paths from (−1.2, 1) down Rosenbrock's valley, and f against step."""
    from scratchmath.optimization import minimize
    from scratchmath.optimization.test_functions import rosenbrock

    racers = (("gd", 0.0015, "tab:gray"), ("momentum", 0.001, "tab:blue"),
              ("nesterov", 0.001, "tab:cyan"), ("adagrad", 1.0, "tab:olive"),
              ("rmsprop", 0.0003, "tab:purple"), ("adam", 0.2, "tab:orange"),
              ("newton", None, "crimson"), ("bfgs", None, "black"))
    fig, axes = plt.subplots(1, 2, figsize=SIZE)
    plot_contour(rosenbrock, [(-1.6, 1.6), (-0.5, 1.6)],
                 levels=[0.5 * 2**k for k in range(-6, 10)], ax=axes[0])
    for method, lr, colour in racers:
        result = minimize(rosenbrock, [-1.2, 1.0], method=method, lr=lr, max_steps=2_000)
        points = [_xy(p) for p in result.path]
        axes[0].plot([p[0] for p in points], [p[1] for p in points], color=colour, lw=1.2,
                     label=method)
        values = [max(float(rosenbrock(p)), 1e-30) for p in result.path]
        axes[1].semilogy(range(len(values)), values, color=colour, lw=1.2, label=method)
    axes[0].plot([1], [1], "*", color="black", ms=12)
    axes[0].set_title("paths from (−1.2, 1), at most 2000 steps", fontsize=10)
    axes[1].legend(fontsize=8, loc="lower left")
    axes[1].set_xscale("symlog", linthresh=10)
    axes[1].set_xlabel("step")
    axes[1].set_ylabel("f(x)")
    axes[1].set_title("f against step (log scales)", fontsize=10)
    fig.suptitle("Rosenbrock's valley: momentum and Adam speed descent up; curvature wins")
    fig.tight_layout()
    return fig


def monte_carlo_pi(plt: Any) -> Any:
    """4·(fraction of points inside the quarter disk) → π: random points err like 1/√n,
    Sobol' points (a net that fills the square evenly) like about 1/n."""
    import random

    n = 2**14
    rng = random.Random(2024)
    random_points = [(rng.random(), rng.random()) for _ in range(n)]
    fig, ax = plt.subplots(figsize=SIZE)
    for points, colour, label in (
        (random_points, "tab:blue", "random points (error ~ 1/√n)"),
        (sobol_points(n, 2), "crimson", "Sobol' points (error ~ 1/n)"),
    ):
        hits = [4 if x * x + y * y <= 1 else 0 for x, y in points]
        plot_running_mean(hits, ax=ax)
        ax.lines[-1].set(color=colour, label=label)
    plot_running_mean([math.pi], expected=math.pi, ax=ax)  # the target line, π
    ax.lines[-2].remove()
    ax.lines[-1].set(label="π")
    ax.set_xscale("log")
    ax.set(xlim=(10, n), ylim=(2.6, 3.7), xlabel="number of points n", ylabel="estimate of π")
    ax.set_title("Monte Carlo integration: the law of large numbers, and quasi-random points")
    ax.legend(loc="upper right", fontsize=9)
    return fig


def ci_coverage(plt: Any) -> Any:
    """Draw 2000 samples of 10 from N(μ, σ²); the running fraction of their 95 % t-intervals
    that cover μ settles at 0.95 — a statement about the procedure, not about one interval."""
    from scratchmath.statistics import confidence_interval

    mu, runs = 10.0, 2000
    fig, ax = plt.subplots(figsize=SIZE)
    for size, colour in ((10, "tab:blue"), (3, "crimson")):
        covered = []
        for seed in range(runs):
            low, high = confidence_interval(Normal(mu, 2.0).sample(size, rng=seed))
            covered.append(1 if low <= mu <= high else 0)
        plot_running_mean(covered, ax=ax)
        ax.lines[-1].set(color=colour, label=f"samples of {size}")
    plot_running_mean([0.95], expected=0.95, ax=ax)  # the promised level
    ax.lines[-2].remove()
    ax.lines[-1].set(label="level 0.95")
    ax.set_xscale("log")
    ax.set(xlim=(10, runs), ylim=(0.8, 1.0), xlabel="number of repeated experiments")
    ax.set(ylabel="fraction of intervals covering μ")
    ax.set_title("A 95 % confidence interval: 95 % of the intervals the procedure draws cover μ")
    ax.legend(loc="lower right", fontsize=9)
    return fig


def autodiff_graph(plt: Any) -> Any:
    """One neuron, y = tanh(w·x + b), as the graph backpropagation walks: each box holds a
    node's value and, after ``backward()``, ∂y/∂node — the chain rule, one arrow at a time."""
    from scratchmath.autodiff import Var, tanh

    x, w, b = Var(0.5, name="x"), Var(-2.0, name="w"), Var(0.3, name="b")
    y = tanh(w * x + b)
    y.backward()
    fig, ax = plt.subplots(figsize=SIZE)
    plot_graph(y, ax=ax)
    ax.set_title("y = tanh(w·x + b): values flow right, gradients flow back along the arrows")
    return fig


FIGURES: dict[str, Callable[[Any], Any]] = {
    "autodiff_graph": autodiff_graph,
    "tangent_secants": tangent_secants,
    "riemann_sums": riemann_sums,
    "linear_map_grid": linear_map_grid,
    "svd_ellipse": svd_ellipse,
    "gradient_descent_contour": gradient_descent_contour,
    "coin_running_mean": coin_running_mean,
    "biased_coin_entropy": biased_coin_entropy,
    "poisson_guessing_game": poisson_guessing_game,
    "optimizers_rosenbrock": optimizers_rosenbrock,
    "two_moons_boundary": two_moons_boundary,
    "digits_learning_curve": digits_learning_curve,
    "digits_misread": digits_misread,
    "monte_carlo_pi": monte_carlo_pi,
    "ci_coverage": ci_coverage,
}


def main(names: Sequence[str] = ()) -> int:
    """Draw the named figures (all by default) into docs/figures; return the exit status."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only, no window
        import matplotlib.pyplot as plt
    except ImportError:
        print('matplotlib is not installed; skipping the figures (pip install -e ".[docs]").')
        return 0
    for name in names or FIGURES:
        fig = FIGURES[name](plt)
        path = HERE / f"{name}.png"
        fig.savefig(path, dpi=DPI)
        plt.close(fig)
        print(f"wrote {path.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
