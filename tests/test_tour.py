"""The tour, ``python -m scratchmath``: every chapter runs, and ``--chapter`` finds a chapter
by its name, a prefix of it, or its number, refusing an ambiguous or unknown choice with the
list of chapters.

Theorems and properties checked:

- list numbers the chapters in order
- chapter by name or prefix
- chapter by number
- unknown chapter is refused with the list
- ambiguous prefix is refused
- the tour runs as a module
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from scratchmath.__main__ import find_chapter, main
from scratchmath.tour import CHAPTERS, chapter_names


def test_list_numbers_the_chapters_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = chapter_names()
    assert len(lines) == len(names)
    for number, (line, name) in enumerate(zip(lines, names, strict=True), start=1):
        assert line.split()[:2] == [f"{number}.", name]
    assert names[0] == "calculus"  # the essay's order: calculus first


@pytest.mark.parametrize("choice", ["probability", "prob", "PROB", " probability "])
def test_chapter_by_name_or_prefix(choice: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--chapter", choice]) == 0
    out = capsys.readouterr().out
    assert out.startswith(CHAPTERS["probability"][0])


def test_chapter_by_number(capsys: pytest.CaptureFixture[str]) -> None:
    names = chapter_names()
    assert main(["--chapter", "2"]) == 0
    assert capsys.readouterr().out.startswith(CHAPTERS[names[1]][0])
    assert find_chapter(str(len(names)), names) == names[-1]


@pytest.mark.parametrize("choice", ["0", "99", "zzz", "", "-1"])
def test_unknown_chapter_is_refused_with_the_list(
    choice: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--chapter", choice]) == 2
    err = capsys.readouterr().err
    assert f"no single chapter matches {choice!r}" in err
    assert "1 calculus" in err


def test_ambiguous_prefix_is_refused() -> None:
    names = ["matrices", "multivariable"]
    assert find_chapter("m", names) is None
    assert find_chapter("ma", names) == "matrices"


def test_the_tour_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scratchmath", "--chapter", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "derivative" in done.stdout.lower()
