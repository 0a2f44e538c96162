"""``python -m scratchmath check FILE.py``: run the checkers that FILE's ``CHECKS`` names.

FILE is a learner's Python file ending with a mapping from a checker's name to what it checks::

    CHECKS = {
        "det": my_det,                              # check_det(my_det)
        "vector_space": (add, scale, zero),         # a tuple is spread: check_vector_space(*…)
        "linear_map": (rotate, 2, 2),
        "distribution": [MyPoisson(3), MyNormal(0, 1)],  # a list: one check per object
    }

A name may be written with or without ``check_`` and with the learner-side aliases ``eig``,
``integrate``, ``inner``, ``jacobian``, ``kl`` and ``step``. Exit status: 0 when every check
passed, 1 when one failed, 2 when FILE cannot be run or names no checker.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from scratchmath.check.analysis import (
    check_chain_rule,
    check_derivative,
    check_gradient,
    check_integral,
)
from scratchmath.check.engine import CheckReport
from scratchmath.check.linear import (
    check_det,
    check_eigen,
    check_inner_product,
    check_inverse,
    check_linear_map,
    check_lu,
    check_matmul,
    check_norm,
    check_vector_space,
)
from scratchmath.check.optimization import check_optimizer_step
from scratchmath.check.probability import (
    check_distribution,
    check_entropy,
    check_expectation,
    check_kl_divergence,
)

__all__ = ["CHECKERS", "checker_named", "run_file"]

#: Every checker by the name a CHECKS mapping uses (``"det"`` → ``check_det``).
CHECKERS: dict[str, Callable[..., CheckReport]] = {
    "vector_space": check_vector_space,
    "norm": check_norm,
    "inner_product": check_inner_product,
    "linear_map": check_linear_map,
    "matmul": check_matmul,
    "det": check_det,
    "inverse": check_inverse,
    "lu": check_lu,
    "eigen": check_eigen,
    "derivative": check_derivative,
    "integral": check_integral,
    "gradient": check_gradient,
    "chain_rule": check_chain_rule,
    "distribution": check_distribution,
    "expectation": check_expectation,
    "entropy": check_entropy,
    "kl_divergence": check_kl_divergence,
    "optimizer_step": check_optimizer_step,
}

_ALIASES = {
    "eig": "eigen",
    "integrate": "integral",
    "inner": "inner_product",
    "jacobian": "chain_rule",
    "kl": "kl_divergence",
    "step": "optimizer_step",
}


def checker_named(name: object) -> str | None:
    """The checker a CHECKS key means, or None.

    >>> checker_named("check_det"), checker_named("kl"), checker_named("DET "), checker_named(3)
    ('det', 'kl_divergence', 'det', None)
    """
    if not isinstance(name, str):
        return None
    key = name.strip().lower().removeprefix("check_")
    key = _ALIASES.get(key, key)
    return key if key in CHECKERS else None


def _load(path: Path, err: TextIO) -> Mapping[Any, Any] | None:
    if not path.is_file():
        print(f"no such file: {path}", file=err)
        return None
    spec = importlib.util.spec_from_file_location(f"_learner_{path.stem}", path)
    if spec is None or spec.loader is None:
        print(f"cannot load {path} as Python", file=err)
        return None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.resolve().parent))  # so FILE can import its neighbours
    try:
        spec.loader.exec_module(module)
    except BaseException as error:  # the learner's file: report, never crash
        if isinstance(error, KeyboardInterrupt):
            raise
        print(f"{path} raised an error while loading:", file=err)
        print("".join(traceback.format_exception_only(type(error), error)).rstrip(), file=err)
        return None
    finally:
        sys.path.pop(0)
    checks = getattr(module, "CHECKS", None)
    if not isinstance(checks, Mapping):
        print(f'{path} defines no CHECKS mapping, e.g. CHECKS = {{"det": my_det}}', file=err)
        return None
    return checks


def _run_one(name: str, value: Any, seed: int) -> list[CheckReport]:
    checker = CHECKERS[name]
    if name == "distribution" and isinstance(value, (list, tuple)):
        return [checker(item, seed=seed) for item in value]
    if isinstance(value, tuple):
        return [checker(*value, seed=seed)]
    return [checker(value, seed=seed)]


def run_file(
    path: str | Path, *, seed: int = 0, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run every checker FILE's CHECKS names, print the reports; return the exit status.

    0: every check passed; 1: a check failed (or its arguments were wrong); 2: FILE could not be
    loaded, has no CHECKS mapping, or names a checker that does not exist.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    checks = _load(Path(path), err)
    if checks is None:
        return 2
    if not checks:
        print(f'{path}: CHECKS is empty; name a checker, e.g. CHECKS = {{"det": my_det}}', file=err)
        return 2
    unknown = [key for key in checks if checker_named(key) is None]
    if unknown:
        print(
            f"{path}: no checker named {', '.join(map(repr, unknown))}; "
            f"choose from: {', '.join(CHECKERS)}",
            file=err,
        )
        return 2
    passed = total = 0
    for key, value in checks.items():
        name = checker_named(key)
        assert name is not None
        try:
            reports = _run_one(name, value, seed)
        except (TypeError, ValueError) as error:
            total += 1
            print(f"check_{name}: cannot run — {type(error).__name__}: {error}\n", file=out)
            continue
        for report in reports:
            total += 1
            passed += report.passed
            print(f"{report}\n", file=out)
    print(f"{passed} of {total} checks passed", file=out)
    return 0 if passed == total else 1
