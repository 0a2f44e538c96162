"""How long each study script in examples/ takes: a learner runs them, so seconds, not minutes.

Target: every script under 10 s on one core (measured here, never asserted in the test suite,
where a loaded machine would make a timing assertion flaky).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TARGET_SECONDS = 10.0


def _time_script(path: Path) -> float:
    spec = importlib.util.spec_from_file_location(f"bench_example_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        module.main()
    return time.perf_counter() - start


def run(quick: bool = False) -> str:
    scripts = sorted(EXAMPLES.glob("*.py"))
    lines = ["| study script | seconds | under 10 s |", "|---|---|---|"]
    worst = 0.0
    for path in scripts:
        seconds = _time_script(path)
        worst = max(worst, seconds)
        verdict = "yes" if seconds < TARGET_SECONDS else "NO"
        lines.append(f"| {path.name} | {seconds:.2f} | {verdict} |")
    lines.append("")
    lines.append(f"Slowest: {worst:.2f} s (target < {TARGET_SECONDS:.0f} s).")
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
