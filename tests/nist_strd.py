"""The NIST StRD linear-regression datasets of ``tests/data/nist_strd.txt``, read exactly.

Every number is read from its decimal string as a ``Fraction``, so the data are the data
NIST certified, not their nearest floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

PATH = Path(__file__).with_name("data") / "nist_strd.txt"


@dataclass(frozen=True)
class StRD:
    name: str
    X: list[list[Fraction]]  # the regressors, without the column of ones
    y: list[Fraction]
    intercept: bool
    b: list[Fraction]
    se: list[Fraction]
    sdres: Fraction
    r2: Fraction
    regression: tuple[int, Fraction, Fraction, Fraction | None]  # df, SS, MS, F (None = inf)
    residual: tuple[int, Fraction, Fraction]


def _number(text: str) -> Fraction | None:
    return None if text == "inf" else Fraction(text.replace("E", "e"))


def _fields(lines: list[str]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    key = ""
    for line in lines:
        if ":" in line and not line.startswith(" "):
            key, _, rest = line.partition(":")
            fields[key] = rest.split()
        else:
            fields[key] += line.split()
    return fields


def _dataset(name: str, lines: list[str]) -> StRD:
    f = _fields(lines)
    kind, *arg = f["model"]
    x = [_number(t) for t in f["x"]]
    if kind == "poly":
        degree = int(arg[0])
        X = [[t**k for k in range(1, degree + 1)] for t in x]  # type: ignore[operator]
    elif kind == "multiple":
        k = int(arg[0])
        X = [x[i : i + k] for i in range(0, len(x), k)]
    else:
        X = [[t] for t in x]
    numbers = [_number(t) for t in f["regression"]]
    res = [_number(t) for t in f["residual"]]
    return StRD(
        name=name,
        X=X,  # type: ignore[arg-type]
        y=[_number(t) for t in f["y"]],  # type: ignore[misc]
        intercept=kind != "nointercept",
        b=[_number(t) for t in f["b"]],  # type: ignore[misc]
        se=[_number(t) for t in f["se"]],  # type: ignore[misc]
        sdres=_number(f["sdres"][0]),  # type: ignore[arg-type]
        r2=_number(f["r2"][0]),  # type: ignore[arg-type]
        regression=(int(numbers[0]), numbers[1], numbers[2], numbers[3]),  # type: ignore[arg-type]
        residual=(int(res[0]), res[1], res[2]),  # type: ignore[arg-type]
    )


def load() -> dict[str, StRD]:
    """name → dataset, for all 11 datasets, in the file's order."""
    blocks: dict[str, list[str]] = {}
    current = ""
    for raw in PATH.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("["):
            current = raw.strip("[]")
            blocks[current] = []
        else:
            blocks[current].append(raw)
    return {name: _dataset(name, lines) for name, lines in blocks.items()}


def lre(computed: float | Fraction, certified: Fraction) -> float:
    """The log relative error −log₁₀(|c − t|/|t|) (absolute when t = 0), capped at 15."""
    error = abs(Fraction(computed) - certified)
    if error == 0:
        return 15.0
    import math

    scale = abs(certified) if certified != 0 else Fraction(1)
    return min(15.0, -math.log10(error / scale))
