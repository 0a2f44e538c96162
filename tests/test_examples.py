"""The study scripts in examples/ run, quickly, and print what they promise.

Each script is imported from its file and its ``main()`` called with stdout captured; the
test then checks the line that carries the script's point (the dice game's exact expected
value, the 10 questions of the guessing game, the network's accuracy of 1.0, …).

Theorems and properties checked:

- every example is checked
- Each script explains itself (a docstring), has main(), and runs as a script.
- example prints its point
- pca recovers the direction
- network gradients are checked
- The example's gradient check holds for any depth, not just 2-4-1.
- dice game pays less than fair
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

#: script → lines its output must contain.
EXPECTED: dict[str, list[str]] = {
    "backprop_by_hand": [
        "  ∂L/∂c by hand:      Fraction(-89, 60)",
        "  ∂L/∂c by autodiff:  Fraction(-89, 60)",
        "Equal exactly, every entry a rational number: True",
        "  largest difference from autodiff: 0.62 — the mistake shows at once.",
    ],
    "dice_game": [
        "E[X] = 300·(2/6) + (−200)·(4/6) = Fraction(-100, 3)",
        "E[g(D)] over the die faces 1..6 = Fraction(-100, 3)",
        "(The essay's own arithmetic uses a win of 100: E = -100. Both games lose.)",
        "A fair game would pay 400 on a 1 or a 2",
        "so the game loses money: never play it.",
    ],
    "coin_law_of_large_numbers": ["within 0.01 of ½: True"],
    "estimate_pi": [
        "π ≈ 3.141592653615 ± 2.6e-08   (25137 evaluations)",
        "within the reported error: True",
        "    65536   3.1392 ± 0.0064   0.0024   3.1396 ± 0.0009   0.0019",
    ],
    "gamblers_fallacy": [
        "  100000               +78               316             0.5004           0.0016",
        "Runs of five heads: 3077; the next toss was heads 0.503 of the time.",
    ],
    "nist_regression": [
        "Exact fit: all 16 certified values to at least 14.6 digits: True",
        "Filip (degree 10): exact coefficients to at least 14.3 digits: True",
        "Filip in floats refuses rather than guess",
    ],
    "poisson_guessing_game": [
        "entropy H = 10.0000 bits; binary search asks exactly 10 questions",
        "entropy H = 5.3678 bits",
        "H ≤ average < H + 1: True",
    ],
    "guessing_game_entropy": [
        "found 700 after 10 questions",
        "questions needed (worst case over all 1024 secrets): 10",
        "questions needed (average over all secrets): 10",
        "H = log₂ 1024 = 10.0 bits",
        "one-at-a-time guessing needs 512.5 questions on average",
    ],
    "gradient_descent_bowl": [
        "Hessian eigenvalues: [2.0, 20.0]",
        "η = 0.05: converged = True",
        "η = 0.1 : converged = False",
        "η = 0.11: converged = False",
    ],
    "gradient_descent_rosenbrock": [
        "Hessian eigenvalues at (1, 1): 0.3994 and 1001.6006",
        "η = 0.01: converged = False",
        "η = 0.002: converged = False",
        "η = 0.001: converged = True",
    ],
    "pca_synthetic": ["component 1: w = (+0.66"],
    "minibatch_noise": [
        "full gradient ∇L(0) = -1.3514; spread of per-sample gradients σ = 1.3290",
        "     4       -1.3514       0.6650      0.6635     1.330",
        "   256       -1.3514       0.0685      0.0720     1.096",
    ],
    "optimizers_race": [
        "gd            2.0e+00    1.9e+00    6.4e-01    2.9e-01   not within the budget",
        "momentum      1.8e+00    6.1e-01    1.0e-02    1.6e-04   step 1553",
        "bfgs          1.7e+00    3.2e-13    3.2e-13    3.2e-13   step 34",
        "ended after 38 steps: the gradient is below tol",
    ],
    "neural_network": ["final accuracy 1.0", "accuracy 0.5"],
    "iris": [
        "split: 120 to train, 30 to test [10, 10, 10]",
        "better than guessing (1/3): True",
    ],
    "digits": [
        "the first training image, a 0:",
        "far better than guessing (0.1): True",
    ],
    "two_moons": [
        "two moons: 300 points to train, 100 to test",
        "test accuracy at least 0.95: True",
    ],
    "typed_study": [
        "A x == v: True",
        "det H = 1/72; H x = e₀ for x = (18, -24); ⟨e₀, x⟩ = 18",
        "H x == b exactly: True",
        "gradient descent on the bowl: converged = True",
        "z = 21; ∂z/∂x = 10, ∂z/∂y = 3",
    ],
}


@pytest.fixture(autouse=True)
def quick_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scripts that train networks read SCRATCHMATH_QUICK=1: fewer epochs, same lines."""
    monkeypatch.setenv("SCRATCHMATH_QUICK", "1")


def load(name: str) -> ModuleType:
    """Import examples/<name>.py as a module (registered, so dataclasses can find it)."""
    module_name = f"_scratchmath_example_{name}"
    spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def run(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    module = load(name)
    # No timing assertion here: a loaded machine would make it flaky. How long each study
    # script takes is measured by benchmarks/bench_examples.py.
    module.main()
    return capsys.readouterr().out


def test_every_example_is_checked() -> None:
    scripts = sorted(path.stem for path in EXAMPLES.glob("*.py"))
    assert scripts == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_is_a_chapter(name: str) -> None:
    """Each script explains itself (a docstring), has main(), and runs as a script."""
    source = (EXAMPLES / f"{name}.py").read_text(encoding="utf-8")
    module = load(name)
    assert module.__doc__ is not None and len(module.__doc__) > 300
    assert callable(module.main)
    assert source.rstrip().endswith('if __name__ == "__main__":\n    main()')


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_prints_its_point(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(name, capsys)
    for line in EXPECTED[name]:
        assert line in out, f"{name}.py should print {line!r}; it printed:\n{out}"


def test_pca_recovers_the_direction(capsys: pytest.CaptureFixture[str]) -> None:
    out = run("pca_synthetic", capsys)
    match = re.search(r"true direction d: ([0-9.]+)°", out)
    assert match is not None
    assert float(match.group(1)) < 1.0
    explained = re.search(r"first component explains ([0-9.]+)% of the variance", out)
    assert explained is not None and 95 < float(explained.group(1)) < 100
    correlation = re.search(r"correlation ([0-9.]+)", out)
    assert correlation is not None and float(correlation.group(1)) > 0.99


def test_network_gradients_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    out = run("neural_network", capsys)
    gaps = [float(g) for g in re.findall(r"(?:= |gap )([0-9.]+e[-+][0-9]+)", out)]
    assert len(gaps) == 2, out
    assert all(gap < 1e-6 for gap in gaps)
    losses = [float(v) for v in re.findall(r"loss ([0-9.]+)   accuracy", out)]
    assert losses[0] > 0.6 > 0.01 > losses[-1]


def test_backpropagation_agrees_with_the_numerical_gradient_in_a_deeper_network() -> None:
    """The example's gradient check holds for any depth, not just 2-4-1."""
    nn = load("neural_network")
    rng = random.Random(11)
    X = nn.Matrix([[rng.uniform(-2, 2) for _ in range(3)] for _ in range(5)])
    y = [rng.randrange(2) for _ in range(5)]
    model = nn.network([3, 3, 2, 1], 11)
    assert sum(len(nn.flat(p.value)) for p in model.parameters()) == 3 * 3 + 3 + 3 * 2 + 2 + 2 + 1
    assert nn.parameter_gradient_gap(model, X, y) < 1e-8


def test_dice_game_pays_less_than_fair() -> None:
    dice = load("dice_game")
    assert [dice.gain(face) for face in range(1, 7)] == [300, 300, -200, -200, -200, -200]
