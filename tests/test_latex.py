"""Jupyter shows Vectors, Matrices and distributions as maths through ``_repr_latex_``.

Each rendering is checked for its content (exact fractions as \\frac, the parameters by their
symbols, the family's formula) and its well-formedness (one $…$ block, balanced braces), so a
notebook never shows a LaTeX error instead of the object.

Theorems and properties checked:

- scalars render exactly or compactly
- vectors and matrices render as pmatrix
- distributions show family parameters and formula
- every parameter symbol appears in the formula
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from scratchmath.matrices import Matrix
from scratchmath.probability import (
    Bernoulli,
    Beta,
    Binomial,
    Categorical,
    ChiSquared,
    DiscreteUniform,
    Exponential,
    FDistribution,
    Gamma,
    Geometric,
    Normal,
    Poisson,
    StudentT,
    Uniform,
)
from scratchmath.scalars import latex_scalar
from scratchmath.vectors import Vector


def well_formed(latex: str) -> bool:
    depth = 0
    for i, c in enumerate(latex):
        escaped = i > 0 and latex[i - 1] == "\\"
        if c == "{" and not escaped:
            depth += 1
        elif c == "}" and not escaped:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and latex.startswith("$") and latex.endswith("$") and latex.count("$") == 2


@pytest.mark.parametrize(
    ("value", "latex"),
    [
        (Fraction(3, 4), r"\frac{3}{4}"),
        (Fraction(-3, 4), r"-\frac{3}{4}"),
        (Fraction(8, 4), "2"),
        (7, "7"),
        (0.25, "0.25"),
        (1 / 3, "0.333333"),
        (6.02e23, r"6.02 \times 10^{23}"),
        (float("inf"), r"\infty"),
        (2 - 0.5j, "2 - 0.5i"),
    ],
)
def test_scalars_render_exactly_or_compactly(value: object, latex: str) -> None:
    assert latex_scalar(value) == latex  # type: ignore[arg-type]


def test_vectors_and_matrices_render_as_pmatrix() -> None:
    v = Vector([1, Fraction(-1, 2), 3])._repr_latex_()
    assert v == r"$\begin{pmatrix} 1 \\ -\frac{1}{2} \\ 3 \end{pmatrix}$"
    A = Matrix([[Fraction(1, 3), 2], [0, Fraction(5, 7)]])._repr_latex_()
    assert A == r"$\begin{pmatrix} \frac{1}{3} & 2 \\ 0 & \frac{5}{7} \end{pmatrix}$"
    for latex in (v, A, Matrix([[1e-9, 2.5]])._repr_latex_(), Vector([])._repr_latex_()):
        assert well_formed(latex)


@pytest.mark.parametrize(
    ("dist", "pieces"),
    [
        (Bernoulli(Fraction(1, 4)), [r"\mathrm{Bernoulli}(p = \frac{1}{4})", "p^k"]),
        (Binomial(10, 0.5), [r"(n = 10, p = 0.5)", r"\binom{n}{k}"]),
        (Categorical({"a": Fraction(1, 2), "b": Fraction(1, 2)}), [r"p_{a} = \frac{1}{2}"]),
        (DiscreteUniform(1, 6), ["(a = 1, b = 6)", r"\frac{1}{b - a + 1}"]),
        (Geometric(0.25), ["(p = 0.25)", "(1 - p)^{k - 1} p"]),
        (Poisson(3), [r"(\lambda = 3)", "k!"]),
        (Uniform(0, 2), ["(a = 0, b = 2)", r"\frac{1}{b - a}"]),
        (Normal(0, 1e-4), [r"(\mu = 0, \sigma = 0.0001)", r"\sqrt{2\pi}"]),
        (Exponential(2), [r"(\lambda = 2)", r"e^{-\lambda x}"]),
    ],
)
def test_distributions_show_family_parameters_and_formula(dist: object, pieces: list[str]) -> None:
    latex = dist._repr_latex_()  # type: ignore[attr-defined]
    assert well_formed(latex)
    assert latex.startswith(rf"$X \sim \mathrm{{{type(dist).__name__}}}(")
    for piece in pieces:
        assert piece in latex


@pytest.mark.parametrize(
    "dist",
    [
        Bernoulli(0.5),
        Binomial(3, 0.5),
        DiscreteUniform(1, 6),
        Geometric(0.5),
        Poisson(2),
        Uniform(0, 1),
        Normal(0, 1),
        Exponential(2),
        StudentT(3),
        ChiSquared(4),
        FDistribution(2, 5),
        Gamma(2, 3),
        Beta(2, 5),
    ],
    ids=lambda d: type(d).__name__,
)
def test_every_parameter_symbol_appears_in_the_formula(dist: object) -> None:
    """The parameters are shown by the symbols the formula uses (Gamma's rate was shown as λ
    beside a formula in β)."""
    latex = dist._repr_latex_()  # type: ignore[attr-defined]
    shown, formula = latex.split(r",\quad ")
    inside = shown[shown.index("(") + 1 : shown.rindex(")")]
    for assignment in inside.split(", "):
        symbol = assignment.split(" = ")[0]
        used = re.search(rf"(?<![A-Za-z\\]){re.escape(symbol)}(?![A-Za-z])", formula)
        assert used, f"{symbol} is shown but the formula does not use it: {latex}"
