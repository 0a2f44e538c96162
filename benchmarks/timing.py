"""Timing shared by the benchmarks: medians over repeats, the contenders interleaved."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def time_once(f: Callable[[], Any]) -> float:
    """Seconds one call of f takes."""
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def medians(contenders: dict[str, Callable[[], Any]], repeats: int) -> dict[str, float]:
    """Median seconds per contender, each round running every contender once (interleaved),
    so that machine noise falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, f in contenders.items():
            times[name].append(time_once(f))
    return {name: statistics.median(ts) for name, ts in times.items()}


def median_time(f: Callable[[], Any], repeats: int) -> float:
    """Median seconds of one call of f over ``repeats`` calls."""
    return statistics.median(time_once(f) for _ in range(repeats))
