"""Mutation testing: plant one small bug at a time in src/ and see whether the tests notice.

A test suite that checks an axiom must fail when the axiom is broken. This script makes
*mutants* — copies of one module with a single small change of the kind a person makes by
mistake — and runs the module's tests (and its doctests) against each. A mutant is *killed*
when some test fails (or the run hangs past its time limit); it *survives* when every test
still passes, which points at mathematics nobody checks.

The changes (one per mutant):

=================  ===========================================================
arithmetic         + ↔ −, * ↔ /, // → /, ** → *
comparison         < ↔ ≤, > ↔ ≥, == ↔ !=
constant           an int n → n + 1, a float x → 2x (0 → 1)
sign               −x → x
abs                abs(x) → x
fsum               math.fsum(…) → sum(…)
boolean            and ↔ or
augmented          += ↔ −=, *= ↔ /=
=================  ===========================================================

Usage::

    python tools/mutation.py                          # every module, every mutant (hours)
    python tools/mutation.py --quick                  # 30 sampled mutants per module
    python tools/mutation.py --module src/scratchmath/vectors.py --quick
    python tools/mutation.py --module src/scratchmath/vectors.py --max 50 --seed 3
    python tools/mutation.py --module src/scratchmath/scalars.py --tests tests/test_scalars.py

It prints one line per surviving mutant, a per-module table, and ends with the line
``mutation: K/N killed (P%)``. Mutants shown to be equivalent to the original (no test
*could* kill them) are listed, each with its reason, in ``tools/equivalent_mutants.txt``,
one ``path:line:col:kind`` per line followed by ``# reason``; they are left out of the count.

Each run copies the repository's ``src``, ``tests``, ``docs`` and ``pyproject.toml`` into a
temporary folder, so the working tree is never modified, and runs pytest there with the
derandomised Hypothesis profile, so a result can be reproduced.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "scratchmath"
EQUIVALENT = Path(__file__).resolve().with_name("equivalent_mutants.txt")

#: The tests that check each module, beyond its own doctests (paths relative to the root),
#: where the default rule is not enough. The default: src/scratchmath/<package>/<module>.py is
#: checked by tests/<package>/test_<module>.py and tests/<package>/test_<module>_accuracy.py
#: (those that exist), else by the whole folder tests/<package>/ (or tests/test_<package>.py,
#: the tour's one file); a layer-0 or top module
#: src/scratchmath/<module>.py by tests/test_<module>.py.
MODULE_TESTS: dict[str, list[str]] = {
    "scalars.py": ["tests/test_scalars.py", "tests/test_vectors.py", "tests/matrices/test_core.py"],
    "checks.py": [
        "tests/test_checks.py",
        "tests/calculus/test_derivatives.py",
        "tests/calculus/test_integrals.py",
        "tests/probability/test_distributions.py",
    ],
    "matrices/fraction_free.py": [
        "tests/matrices/test_fraction_free.py",
        "tests/matrices/test_elimination.py",
        "tests/matrices/test_determinants.py",
    ],
    "matrices/determinants.py": [
        "tests/matrices/test_determinants.py",
        "tests/matrices/test_determinants_accuracy.py",
        "tests/matrices/test_fraction_free.py",
    ],
    "matrices/elimination.py": [
        "tests/matrices/test_elimination.py",
        "tests/matrices/test_fraction_free.py",
    ],
    "calculus/roots.py": ["tests/calculus/test_roots.py", "tests/calculus/test_critical.py"],
}


@dataclass(frozen=True)
class Mutant:
    """One planted change: replace source[start:end] of one line by ``replacement``."""

    path: Path
    line: int  # 1-based
    col: int
    end_col: int
    replacement: str
    kind: str

    @property
    def key(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}:{self.col}:{self.kind}"


# ---------------------------------------------------------------------------------------
# Finding the places to mutate.
# ---------------------------------------------------------------------------------------

_BINARY = {
    ast.Add: ("+", "-"),
    ast.Sub: ("-", "+"),
    ast.Mult: ("*", "/"),
    ast.Div: ("/", "*"),
    ast.FloorDiv: ("//", "/"),
    ast.Pow: ("**", "*"),
}
_COMPARE = {
    ast.Lt: ("<", "<="),
    ast.LtE: ("<=", "<"),
    ast.Gt: (">", ">="),
    ast.GtE: (">=", ">"),
    ast.Eq: ("==", "!="),
    ast.NotEq: ("!=", "=="),
}
_AUGMENTED = {
    ast.Add: ("+=", "-="),
    ast.Sub: ("-=", "+="),
    ast.Mult: ("*=", "/="),
    ast.Div: ("/=", "*="),
}


def _docstring_lines(tree: ast.AST) -> set[int]:
    """Lines of docstrings (their examples are tests, not code to mutate)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                first = body[0]
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes inside type annotations (``int | None`` is not arithmetic)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        annotations = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations.append(node.returns)
            args = node.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None:
                    annotations.append(arg.annotation)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        for annotation in annotations:
            if annotation is not None:
                inside.update(id(sub) for sub in ast.walk(annotation))
    return inside


def _operator_between(line_text: str, start: int, end: int, token: str) -> int | None:
    """The column of ``token`` in line_text[start:end] (the operator between two operands)."""
    position = line_text.find(token, start, end)
    if position < 0:
        return None
    if token in ("<", ">") and line_text[position : position + 2] in ("<=", ">="):
        return None
    if token == "*" and line_text[position : position + 2] == "**":
        return None
    if token == "/" and line_text[position : position + 2] == "//":
        return None
    return position


def find_mutants(path: Path) -> list[Mutant]:
    """Every single-token mutant of a module, in source order."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip_lines = _docstring_lines(tree)
    in_annotation = _annotation_nodes(tree)
    found: list[Mutant] = []

    def add(line: int, col: int, end_col: int, replacement: str, kind: str) -> None:
        if line not in skip_lines:
            found.append(Mutant(path, line, col, end_col, replacement, kind))

    for node in ast.walk(tree):
        if id(node) in in_annotation:
            continue
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            token, replacement = _BINARY[type(node.op)]
            left, right = node.left, node.right
            if left.end_lineno == right.lineno == left.lineno and left.end_col_offset is not None:
                text = lines[left.lineno - 1]
                col = _operator_between(text, left.end_col_offset, right.col_offset, token)
                if col is not None:
                    add(left.lineno, col, col + len(token), replacement, f"{token}→{replacement}")
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
                if type(op) not in _COMPARE or left.end_lineno != right.lineno:
                    continue
                token, replacement = _COMPARE[type(op)]
                text = lines[right.lineno - 1]
                start = left.end_col_offset if left.end_lineno == right.lineno else 0
                col = _operator_between(text, start or 0, right.col_offset, token)
                if col is not None:
                    add(right.lineno, col, col + len(token), replacement, f"{token}→{replacement}")
        elif isinstance(node, ast.AugAssign) and type(node.op) in _AUGMENTED:
            token, replacement = _AUGMENTED[type(node.op)]
            text = lines[node.lineno - 1]
            col = text.find(token, node.target.end_col_offset or 0)
            if col >= 0:
                add(node.lineno, col, col + 2, replacement, f"{token}→{replacement}")
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            if node.lineno == node.end_lineno and node.end_col_offset is not None:
                value = node.value
                new = repr(value + 1) if type(value) is int else repr(2 * value if value else 1.0)
                add(node.lineno, node.col_offset, node.end_col_offset, new, f"{value!r}→{new}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            add(node.lineno, node.col_offset, node.col_offset + 1, "", "−x→x")
        elif isinstance(node, ast.BoolOp) and len(node.values) == 2:
            first, second = node.values
            token, replacement = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            if first.end_lineno == second.lineno and first.end_col_offset is not None:
                text = lines[second.lineno - 1]
                col = text.find(f" {token} ", first.end_col_offset - 1, second.col_offset + 1)
                if col >= 0:
                    add(
                        second.lineno,
                        col + 1,
                        col + 1 + len(token),
                        replacement,
                        f"{token}→{replacement}",
                    )
        elif isinstance(node, ast.Call) and node.lineno == node.end_lineno:
            func = node.func
            if isinstance(func, ast.Name) and func.id == "abs" and len(node.args) == 1:
                add(node.lineno, func.col_offset, func.end_col_offset or 0, "", "abs(x)→(x)")
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "fsum"
                and isinstance(func.value, ast.Name)
                and func.value.id == "math"
            ):
                add(node.lineno, func.col_offset, func.end_col_offset or 0, "sum", "fsum→sum")
    found.sort(key=lambda m: (m.line, m.col, m.kind))
    return found


# ---------------------------------------------------------------------------------------
# Running the tests against a mutant.
# ---------------------------------------------------------------------------------------


def tests_for(module: Path) -> list[str]:
    relative = module.relative_to(SRC).as_posix()
    if relative in MODULE_TESTS:
        return MODULE_TESTS[relative]
    if module.parent == SRC:
        own = [ROOT / "tests" / f"test_{module.stem}.py"]
        folder = None
    else:
        folder = ROOT / "tests" / module.parent.name
        own = [folder / f"test_{module.stem}.py", folder / f"test_{module.stem}_accuracy.py"]
    found = [path.relative_to(ROOT).as_posix() for path in own if path.exists()]
    if not found and folder is not None:
        whole = [folder, ROOT / "tests" / f"test_{folder.name}.py"]  # the tour: one file
        found = [path.relative_to(ROOT).as_posix() for path in whole if path.exists()][:1]
    return found


def _copy_tree(destination: Path) -> None:
    for name in ("src", "tests", "docs"):
        shutil.copytree(
            ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.png")
        )
    shutil.copy2(ROOT / "pyproject.toml", destination / "pyproject.toml")


def _run_tests(work: Path, module_copy: Path, tests: list[str], timeout: float) -> str:
    """'killed', 'survived' or 'timeout' (a hang counts as killed)."""
    command = [
        sys.executable, "-m", "pytest", "-x", "-q", "--no-header", "-p", "no:cacheprovider",
        "-o", "addopts=--doctest-modules", str(module_copy), *tests,
    ]  # fmt: skip
    environment = {**os.environ, "HYPOTHESIS_PROFILE": "ci", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        result = subprocess.run(
            command, cwd=work, env=environment, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return "survived" if result.returncode == 0 else "killed"


def _apply(mutant: Mutant, original: str) -> str:
    lines = original.splitlines(keepends=True)
    text = lines[mutant.line - 1]
    lines[mutant.line - 1] = text[: mutant.col] + mutant.replacement + text[mutant.end_col :]
    return "".join(lines)


def _equivalent_keys() -> set[str]:
    if not EQUIVALENT.exists():
        return set()
    keys = set()
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        key = line.split("#", 1)[0].strip()
        if key:
            keys.add(key)
    return keys


def mutate_module(
    module: Path,
    work: Path,
    sample: int | None,
    rng: random.Random,
    tests: list[str] | None = None,
) -> Iterator[tuple[Mutant, str]]:
    """Yield (mutant, outcome) for the module's mutants (a sample of them, if asked)."""
    tests = tests_for(module) if tests is None else tests
    module_copy = work / module.relative_to(ROOT)
    original = module.read_text(encoding="utf-8")
    equivalent = _equivalent_keys()
    mutants = [m for m in find_mutants(module) if m.key not in equivalent]
    if sample is not None and len(mutants) > sample:
        mutants = sorted(rng.sample(mutants, sample), key=lambda m: (m.line, m.col))
    start = time.perf_counter()
    baseline = _run_tests(work, module_copy, tests, timeout=600)
    if baseline != "survived":
        raise SystemExit(f"{module}: the tests fail before any mutation; fix them first")
    timeout = max(30.0, 3 * (time.perf_counter() - start))
    try:
        for mutant in mutants:
            mutated = _apply(mutant, original)
            try:
                ast.parse(mutated)
            except SyntaxError:
                continue  # not a program: not a mutant
            module_copy.write_text(mutated, encoding="utf-8")
            yield mutant, _run_tests(work, module_copy, tests, timeout)
    finally:
        module_copy.write_text(original, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", help="a module path (repeatable)")
    parser.add_argument("--quick", action="store_true", help="sample 30 mutants per module")
    parser.add_argument("--max", type=int, default=None, help="sample this many per module")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument(
        "--tests",
        action="append",
        help="run only this test file (repeatable) instead of the module's mapped tests: "
        "how much one file kills, quickly, on a loaded machine",
    )
    args = parser.parse_args(argv)
    sample = args.max if args.max is not None else (30 if args.quick else None)
    if args.module:
        modules = [Path(m).resolve() for m in args.module]
    else:
        modules = sorted(
            p for p in SRC.rglob("*.py") if p.name not in ("__init__.py", "__main__.py")
        )
        modules = [p for p in modules if "tour" not in p.parts and tests_for(p)]
    rng = random.Random(args.seed)
    table: list[tuple[str, int, int]] = []
    with tempfile.TemporaryDirectory(prefix="scratchmath-mutants-") as folder:
        work = Path(folder)
        _copy_tree(work)
        for module in modules:
            killed = total = 0
            for mutant, outcome in mutate_module(module, work, sample, rng, args.tests):
                total += 1
                if outcome == "survived":
                    print(f"  survived {mutant.key}  {mutant.kind}", flush=True)
                else:
                    killed += 1
            name = module.relative_to(SRC).as_posix()
            table.append((name, killed, total))
            print(f"{name}: {killed}/{total} killed", flush=True)
    print()
    print(f"{'module':<34}{'killed':>8}{'mutants':>9}{'score':>8}")
    for name, killed, total in table:
        score = f"{100 * killed / total:.0f}%" if total else "—"
        print(f"{name:<34}{killed:>8}{total:>9}{score:>8}")
    all_killed = sum(k for _, k, _ in table)
    all_total = sum(t for _, _, t in table)
    percent = 100 * all_killed / all_total if all_total else 0.0
    print(f"mutation: {all_killed}/{all_total} killed ({percent:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
