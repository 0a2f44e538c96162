"""The layering of DESIGN.md §1, enforced: each module imports only the standard library and
the layers beneath it; nothing imports upward or sideways; nothing outside the standard
library is imported by ``src/``.

Theorems and properties checked:

- every part has a layer
- imports respect the layers
- The rule above can fail: a module importing upward is caught.
- no new private imports across files
- the private import checker can fail
- modules import only earlier chapters
- the chapter order checker can fail
- the tests mirror the source tree
- typing_extensions is allowed inside ``if TYPE_CHECKING:`` and nowhere else.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "scratchmath"

# The layer of each top-level part of the package (a module or a subpackage), as DESIGN.md
# lists them. Layer 0 is ordered inside: errors, then scalars (which raise its errors), then
# checks. The top layer (check, plot, tour) may import every layer below, but not each other.
LAYERS = {
    "errors": 0,
    "scalars": 0.1,
    "checks": 0.2,
    "vectors": 1,
    "matrices": 2,
    "calculus": 3,
    "autodiff": 4,
    "probability": 5,
    "optimization": 6,
    "statistics": 7,
    "networks": 8,
    "check": 9,
    "plot": 9,
    "tour": 9,
    "__init__": 10,
    "__main__": 11,
}

# The only imports from outside the standard library: optional, each behind its extra.
OPTIONAL_IMPORTS = {"plot": {"matplotlib"}, "check": {"hypothesis"}}

# Read by type checkers only, inside ``if TYPE_CHECKING:`` (never imported at run time):
# typing_extensions gives TypeVar defaults (``Vector`` meaning ``Vector[Scalar]``) before 3.13.
TYPE_CHECKING_ONLY = {"typing_extensions"}


def _type_checking_lines(path: Path) -> set[int]:
    """The line numbers of the imports inside an ``if TYPE_CHECKING:`` block."""
    lines = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        lines.add(sub.lineno)
    return lines


def _part(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, int]]:
    """The absolute module names a file imports, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside = path.is_relative_to(SRC)
    package = ".".join(("scratchmath", *path.relative_to(SRC).parent.parts)) if inside else ""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((module, node.lineno))
            if node.module is None or module == "scratchmath":
                # ``from scratchmath import vectors`` or ``from . import x``: each name is a module.
                found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


SOURCES = sorted(SRC.rglob("*.py"))


def test_every_part_has_a_layer() -> None:
    unknown = {_part(p) for p in SOURCES} - set(LAYERS)
    assert not unknown, f"give these a layer in LAYERS: {sorted(unknown)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_respect_the_layers(path: Path) -> None:
    own = _part(path)
    checker_only = _type_checking_lines(path)
    for module, line in _imports(path):
        top = module.split(".")[0]
        if top in TYPE_CHECKING_ONLY and line in checker_only:
            continue
        if top == "scratchmath":
            parts = module.split(".")
            if len(parts) == 1:
                continue  # the package itself: its names are checked one by one above
            target = parts[1]
            if target == own:
                continue  # within one part (a subpackage importing its own modules)
            assert target in LAYERS, f"{path.name}:{line} imports unknown part {module}"
            assert LAYERS[target] < LAYERS[own], (
                f"{path.name}:{line} imports {module}: layer {LAYERS[own]} may only import "
                f"layers beneath it, not layer {LAYERS[target]}"
            )
        elif top != "__future__" and top not in OPTIONAL_IMPORTS.get(own, set()):
            assert top in sys.stdlib_module_names, (
                f"{path.name}:{line} imports {module}, which is not in the standard library"
            )


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The rule above can fail: a module importing upward is caught."""
    fake = SRC / "vectors.py"
    imports = dict(_imports(fake))
    assert "scratchmath.matrices" not in imports
    bad = tmp_path / "bad.py"
    bad.write_text("from scratchmath.matrices import Matrix\nimport numpy\n")
    found = [name for name, _ in _imports(bad)]
    assert "scratchmath.matrices" in found and "numpy" in found
    assert "numpy" not in sys.stdlib_module_names


# A private name (``_name``) is a file's own business: another file importing it is a hidden
# dependency a reader cannot see from the public tables. The layer-0 modules ``scalars`` and
# ``checks`` exist so that shared helpers are public. The crossings that predate this rule are
# listed, one "file module name" a line, in private_imports_to_remove.txt: the list may only
# shrink. Any crossing not on it fails.
ALLOWED_CROSSINGS = Path(__file__).with_name("private_imports_to_remove.txt")


def _private_crossings(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (
            node.level or (node.module or "").startswith("scratchmath")
        ):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append((f"{node.module} {alias.name}", node.lineno))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_new_private_imports_across_files(path: Path) -> None:
    allowed = set(ALLOWED_CROSSINGS.read_text(encoding="utf-8").splitlines())
    where = str(path.relative_to(SRC))
    for crossing, line in _private_crossings(path):
        assert f"{where} {crossing}" in allowed, (
            f"{where}:{line} imports the private name {crossing.split()[1]} from "
            f"{crossing.split()[0]}: make it public in a lower module (scalars, checks, …)"
        )


def test_the_private_import_checker_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from scratchmath.vectors import _promote\nfrom math import _x\n")
    assert [c for c, _ in _private_crossings(bad)] == ["scratchmath.vectors _promote"]


# Inside a subpackage the modules form a chapter: each imports only modules before it in the
# order below, so the package reads front to back and has no import circle. The one
# documented exception: the Matrix methods det, inverse, rank and rref (in core) delegate to
# their chapters through an import inside the method, so that the methods a learner expects
# exist on the class. A subpackage whose order is not listed here is not checked yet.
CHAPTER_ORDER = {
    "matrices": [
        "fraction_free",  # exact elimination in integers (no Matrix in sight)
        "kernels",  # the float-table kernels: scaling, LU, Householder, rotations, signs
        "singular",  # the one-sided Jacobi SVD of a table
        "schur",  # the eigenvalues of a complex table: Hessenberg reduction and shifted QR
        "core",
        "determinants",
        "elimination",
        "orthogonal",
        "eigen",
        "symmetric",
        "svd",
        "least_squares",
    ],
    "probability": [
        "special",
        "distributions",
        "discrete",
        "counts",
        "continuous",
        "inference",  # StudentT, ChiSquared, FDistribution, Gamma, Beta
        "summation",
        "expectation",
        "information",
    ],
    "calculus": [
        "derivatives",
        "roots",
        "integrals",
        "multivariable",
        "descent",
        "critical",
        "multiple",
    ],
    "autodiff": ["kernels", "values", "graph", "generic", "dual", "functions", "transforms"],
    "optimization": ["optimizers", "line_search", "minimize", "test_functions"],
    "statistics": ["descriptive", "inference", "estimation", "regression"],
    "networks": ["layers", "losses", "datasets", "training"],
    "check": ["engine", "linear", "analysis", "probability", "optimization", "command"],
}
DELEGATING_METHODS = {
    ("matrices", "core", "determinants"),
    ("matrices", "core", "elimination"),
}


def _top_level_and_inner_imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, inside a function) for every scratchmath import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scratchmath."):
            found.append((node.module or "", node.lineno, id(node) in inner))
    return found


@pytest.mark.parametrize("package", sorted(CHAPTER_ORDER))
def test_modules_import_only_earlier_chapters(package: str) -> None:
    order = CHAPTER_ORDER[package]
    files = sorted(p.stem for p in (SRC / package).glob("*.py") if p.stem != "__init__")
    assert sorted(order) == files, f"give every module of {package} its place in CHAPTER_ORDER"
    for position, name in enumerate(order):
        for module, line, inside in _top_level_and_inner_imports(SRC / package / f"{name}.py"):
            parts = module.split(".")
            if parts[1] != package or len(parts) < 3:
                continue
            target = parts[2]
            if inside and (package, name, target) in DELEGATING_METHODS:
                continue
            assert order.index(target) < position, (
                f"{package}/{name}.py:{line} imports {target}, which comes after it in the "
                f"chapter order (or is itself): {order}"
            )


def test_the_chapter_order_checker_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from scratchmath.matrices.svd import svd\n")
    assert _top_level_and_inner_imports(bad) == [("scratchmath.matrices.svd", 2, True)]


#: Test files of a package that check one theme across several of its modules.
CROSS_MODULE_TESTS = {
    "matrices/test_complex.py": "complex matrices through cholesky, eigh, eig, svd and pinv",
}


def test_the_tests_mirror_the_source_tree() -> None:
    """tests/<package>/test_<module>.py (or test_<module>_accuracy.py) tests the module
    src/scratchmath/<package>/<module>.py: every test file in a package folder names one (or
    is one of the few cross-module files listed in CROSS_MODULE_TESTS), and at the root only
    layer 0, the top modules and the cross-cutting files remain."""
    tests = Path(__file__).resolve().parent
    strays = []
    for folder in sorted(p for p in tests.iterdir() if p.is_dir()):
        if folder.name == "data" or folder.name.startswith((".", "_")):
            continue
        if not (SRC / folder.name / "__init__.py").exists():
            strays.append(f"tests/{folder.name}/ (no package scratchmath.{folder.name})")
            continue
        for test in sorted(folder.glob("test_*.py")):
            module = test.stem.removeprefix("test_").removesuffix("_accuracy")
            listed = f"{folder.name}/{test.name}" in CROSS_MODULE_TESTS
            if not listed and not (SRC / folder.name / f"{module}.py").exists():
                strays.append(f"tests/{folder.name}/{test.name}")
    cross_cutting = {"architecture", "docs_selectors", "examples", "latex", "python_habits", "tour"}
    for test in sorted(tests.glob("test_*.py")):  # the root: layer 0, top modules, the rest
        name = test.stem.removeprefix("test_")
        if name not in cross_cutting and not (SRC / f"{name}.py").exists():
            strays.append(
                f"tests/{test.name} (tests of scratchmath.<package>.<module> go in "
                "tests/<package>/test_<module>.py)"
            )
    assert not strays, f"test files that mirror no module: {strays}"


def test_typing_extensions_only_for_the_type_checker(tmp_path: Path) -> None:
    """typing_extensions is allowed inside ``if TYPE_CHECKING:`` and nowhere else."""
    fake = tmp_path / "fake.py"
    fake.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from typing_extensions import TypeVar\n"
        "import typing_extensions\n"
    )
    assert _type_checking_lines(fake) == {3}
    assert ("typing_extensions", 4) in _imports(fake)
