"""Every ``-k`` selector the docs give a learner selects the tests it promises.

The chapters end concepts with "Check your understanding: python -m pytest FILE -k EXPR",
and docs/index.md maps each concept to such a selector. A selector that matches nothing, or
matches a whole file (pytest's ``-k`` also matches the file's name), or pulls in tests of
another concept through a chance substring, teaches the wrong thing. Each word of a selector
must therefore select at least one test, never the file's name, and match only at the
start of one of the underscore-separated words of a test's name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
SELECTOR = re.compile(r"`[^`]*?(test_\w+\.py) -k (\"[^\"`]+\"|[\w]+)[^`]*`", re.S)


def selectors() -> list[tuple[str, str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in SELECTOR.finditer(text):
            expression = " ".join(match.group(2).strip('"').split())
            found.append((doc.name, match.group(1), expression))
    return found


def names_of_tests(file: str) -> list[str]:
    tree = ast.parse((ROOT / "tests" / file).read_text(encoding="utf-8"))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


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
        assert not matches(word, file.removesuffix(".py")), (
            f"{doc}: -k {word!r} matches the file name {file}, so it selects every test in it"
        )
        selected = [name for name in names if matches(word, name)]
        assert selected, f"{doc}: -k {word!r} selects no test in {file}"
        stray = [name for name in selected if not at_word_boundaries(word, name)]
        assert not stray, f"{doc}: -k {word!r} also selects {stray} by a chance substring"
