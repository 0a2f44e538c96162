"""Benchmark: scratchmath.check against the catalogue of learners in tests/learners.py.

Issue 18's targets: 100% of correct implementations accepted, ≥ 95% of planted bugs caught,
every counterexample small, each checker under 1 s. This runs every correct implementation
and every planted bug through its checker and prints, per checker, how many were accepted
and caught and the slowest run, and in all the counts and the slowest checker.

Run:  PYTHONPATH=src:. python benchmarks/bench_check.py    (run(quick=True) skips the bugs)
"""

from __future__ import annotations

import time
from collections import defaultdict

from scratchmath.check import CHECKERS, CheckReport


def _run(checker: str, value: object) -> tuple[CheckReport, float]:
    start = time.perf_counter()
    report = CHECKERS[checker](*value) if isinstance(value, tuple) else CHECKERS[checker](value)
    return report, time.perf_counter() - start


def run(quick: bool = False) -> str:
    """The table, as Markdown."""
    from tests.learners import BUGS, CORRECT

    CHECKERS["norm"](abs)  # the first call pays for importing Hypothesis: not a checker's time
    accepted: dict[str, list[bool]] = defaultdict(list)
    caught: dict[str, list[bool]] = defaultdict(list)
    slowest: dict[str, float] = defaultdict(float)
    missed: list[str] = []
    for case in CORRECT:
        report, seconds = _run(case.checker, case.value)
        accepted[case.checker].append(report.passed)
        slowest[case.checker] = max(slowest[case.checker], seconds)
        if not report.passed:
            missed.append(f"rejected a correct {case.checker}: {case.label}")
    for case in [] if quick else BUGS:
        report, seconds = _run(case.checker, case.value)
        named = any(case.axiom in failure.axiom for failure in report.failures)
        caught[case.checker].append(not report.passed and named)
        if report.passed or not named:
            missed.append(f"missed a bug in {case.checker}: {case.label}")
    lines = [
        "## check: a learner's implementations against the axioms",
        "",
        "| checker | correct accepted | bugs caught (axiom named) | slowest correct run |",
        "|---|---|---|---|",
    ]
    for name in CHECKERS:
        ok, bugs = accepted[name], caught[name]
        lines.append(
            f"| `check_{name}` | {sum(ok)}/{len(ok)} | {sum(bugs)}/{len(bugs)} "
            f"| {slowest[name]:.2f} s |"
        )
    all_ok = sum(sum(v) for v in accepted.values())
    all_correct = sum(len(v) for v in accepted.values())
    all_caught = sum(sum(v) for v in caught.values())
    all_bugs = sum(len(v) for v in caught.values())
    worst = max(slowest, key=lambda name: slowest[name])
    lines += [
        "",
        f"In all: {all_ok}/{all_correct} correct implementations accepted, "
        f"{all_caught}/{all_bugs} planted bugs caught with the axiom named; the slowest "
        f"checker on a correct implementation: check_{worst}, {slowest[worst]:.2f} s.",
    ]
    lines += [f"- {line}" for line in missed]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
