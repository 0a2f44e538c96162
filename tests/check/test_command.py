"""Tests of scratchmath.check.command.

Theorems and properties checked:

- catalogue size
- worked solutions are scratchmaths own functions
- the command passes with exit status 0
- the command fails with exit status 1
- the command refuses a file it cannot run
- run file in process
- the tour still runs
"""

from __future__ import annotations

import operator
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import scratchmath as sm
from scratchmath import Matrix, Vector
from scratchmath.check import (
    CHECKERS,
    run_file,
)
from tests.learners import BUGS, CORRECT


def test_catalogue_size() -> None:
    assert len(BUGS) >= 50
    per_checker = {name: sum(c.checker == name for c in CORRECT) for name in CHECKERS}
    assert min(per_checker.values()) >= 3, per_checker


def test_worked_solutions_are_scratchmaths_own_functions() -> None:
    solutions: dict[str, Any] = {
        "vector_space": (operator.add, operator.mul, Vector.zeros),
        "norm": abs,
        "inner_product": sm.inner,
        "linear_map": (lambda v: Matrix([[1, 2], [3, 4], [5, 6]]) @ v, 2, 3),
        "matmul": operator.matmul,
        "det": sm.det,
        "inverse": sm.inverse,
        "lu": sm.lu,
        "eigen": sm.eig,
        "derivative": sm.derivative,
        "integral": sm.integrate,
        "gradient": sm.gradient,
        "chain_rule": sm.jacobian,
        "distribution": sm.Geometric(0.25),
        "expectation": sm.expectation,
        "entropy": sm.entropy,
        "kl_divergence": sm.kl_divergence,
        "optimizer_step": lambda x, g, lr: x - lr * g,
    }
    assert set(solutions) == set(CHECKERS)
    for name, value in solutions.items():
        report = CHECKERS[name](*value) if isinstance(value, tuple) else CHECKERS[name](value)
        assert report.passed, str(report)


# --- the command --------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent.parent


def _command(tmp_path: Path, source: str, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "mine.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "scratchmath", "check", str(path), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_the_command_passes_with_exit_status_0(tmp_path: Path) -> None:
    done = _command(
        tmp_path,
        """
        import operator
        from scratchmath import Vector
        def my_det(A):
            n = A.shape[0]
            if n == 1:
                return A[0, 0]
            minor = lambda j: type(A)([[A[i, k] for k in range(n) if k != j] for i in range(1, n)])
            return sum((-1) ** j * A[0, j] * my_det(minor(j)) for j in range(n))
        CHECKS = {"det": my_det, "vector_space": (operator.add, operator.mul, Vector.zeros)}
        """,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "check_det: passed" in done.stdout and "2 of 2 checks passed" in done.stdout


def test_the_command_fails_with_exit_status_1(tmp_path: Path) -> None:
    done = _command(
        tmp_path,
        """
        CHECKS = {
            "norm": lambda v: sum(x * x for x in v),
            "step": lambda x, g, lr: x - lr * g,
            "kl": lambda p, q: 1 / 0,
        }
        """,
    )
    assert done.returncode == 1
    assert "‖a·v‖ = |a|·‖v‖" in done.stdout
    assert "raised ZeroDivisionError" in done.stdout
    assert "1 of 3 checks passed" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = 1\n", "defines no CHECKS mapping"),
        ("CHECKS = {'determinant': abs}\n", "no checker named 'determinant'"),
        ("CHECKS = {}\n", "CHECKS is empty"),
        ("def broken(:\n", "SyntaxError"),
        ("raise RuntimeError('boom')\n", "RuntimeError: boom"),
    ],
)
def test_the_command_refuses_a_file_it_cannot_run(
    tmp_path: Path, source: str, message: str
) -> None:
    done = _command(tmp_path, source)
    assert done.returncode == 2
    assert message in done.stderr


def test_run_file_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.py"
    path.write_text("CHECKS = {'check_det': 'not a function'}\n", encoding="utf-8")
    assert run_file(path) == 1
    assert "check_det: cannot run — TypeError" in capsys.readouterr().out
    assert run_file(tmp_path / "missing.py") == 2


def test_the_tour_still_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scratchmath", "--list"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0 and "calculus" in done.stdout
