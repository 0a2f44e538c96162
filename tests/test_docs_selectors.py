"""Every ``-k`` selector the docs give a learner selects the tests it promises.

The chapters end concepts with "Check your understanding: python -m pytest PATH -k EXPR",
and docs/index.md maps each concept to such a selector; PATH is a test file or a folder of
tests/ (which mirrors src/scratchmath/). A selector that matches nothing, or matches a whole
file (pytest's ``-k`` also matches the names of the file and its folders), or pulls in tests
of another concept through a chance substring, teaches the wrong thing. Each word of a
selector must therefore select at least one test, never a file's or folder's name, and match
only at the start of one of the underscore-separated words of a test's name. Every test path
the docs name must exist.

Theorems and properties checked:

- the docs have selectors
- selector selects what it names
- every test path the docs name exists
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
TESTS = ROOT / "tests"
PATH = r"(?:tests/)?((?:\w+/)*(?:test_\w+\.py|\w+/))"
SELECTOR = re.compile(rf"`[^`]*?{PATH} -k (\"[^\"`]+\"|[\w]+)[^`]*`", re.S)
NAMED_PATH = re.compile(r"`(?:python -m pytest )?(?:tests/)?((?:\w+/)*test_\w+\.py|\w+/(?= -k))")


def selectors() -> list[tuple[str, str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in SELECTOR.finditer(text):
            expression = " ".join(match.group(2).strip('"').split())
            found.append((doc.name, match.group(1), expression))
    return found


def files_of(path: str) -> list[Path]:
    """The test files a path of tests/ names: the file itself, or every one in the folder."""
    where = TESTS / path
    return sorted(where.rglob("test_*.py")) if where.is_dir() else [where]


def names_of_tests(path: str) -> list[str]:
    names = []
    for file in files_of(path):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        names += [
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
        ]
    return names


def names_of_places(path: str) -> list[str]:
    """What ``-k`` also matches besides a test's name: its file's and folders' names."""
    places = {part for file in files_of(path) for part in file.relative_to(TESTS).parts}
    return sorted(place.removesuffix(".py") for place in places)


def words_of(expression: str) -> list[str]:
    return [w for w in re.split(r"\s+|\(|\)", expression) if w and w not in ("or", "and", "not")]


def matches(word: str, name: str) -> bool:
    """pytest's -k: a case-insensitive substring of the test's name."""
    return word.lower() in name.lower()


def at_word_boundaries(word: str, name: str) -> bool:
    """The word starts one of the name's underscore-separated words ("det" in "determinant"
    is fine; "lu" inside "columns" is not)."""
    return re.search(rf"(^|_){re.escape(word.lower())}", name.lower()) is not None


def test_the_docs_have_selectors() -> None:
    assert len(selectors()) >= 30


@pytest.mark.parametrize(("doc", "file", "expression"), selectors())
def test_selector_selects_what_it_names(doc: str, file: str, expression: str) -> None:
    names = names_of_tests(file)
    assert names, f"{doc}: {file} has no tests"
    for word in words_of(expression):
        for place in names_of_places(file):
            assert not matches(word, place), (
                f"{doc}: -k {word!r} matches the name {place}, so it selects every test in it"
            )
        selected = [name for name in names if matches(word, name)]
        assert selected, f"{doc}: -k {word!r} selects no test in {file}"
        stray = [name for name in selected if not at_word_boundaries(word, name)]
        assert not stray, f"{doc}: -k {word!r} also selects {stray} by a chance substring"


def test_every_test_path_the_docs_name_exists() -> None:
    named = {
        (doc.name, match.group(1))
        for doc in DOCS
        for match in NAMED_PATH.finditer(doc.read_text(encoding="utf-8"))
    }
    assert len(named) >= 20
    missing = sorted((doc, path) for doc, path in named if not (TESTS / path).exists())
    assert not missing, f"the docs name test paths that do not exist: {missing}"
