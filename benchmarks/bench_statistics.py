"""Benchmark: scratchmath.statistics on the NIST StRD linear-regression datasets, and the tail
accuracy of the new distributions (Student's t, χ², F, Gamma, Beta).

* LRE — the log relative error −log₁₀(|c − t|/|t|) (capped at 15) of every certified value
  (coefficients, standard errors, residual SD, R²) of all 11 datasets, the minimum per
  dataset, for: scratchmath exact (the data as Fractions), scratchmath float (QR), numpy
  ``lstsq`` (default cutoff) and numpy ``polyfit`` (the polynomial sets). Target: 15 exact;
  float ≥ 7 on Longley.
* tails — the largest relative error of cdf/sf at points whose tail probability spans
  10⁻³⁰⁰…½, against mpmath at 40 digits, for scratchmath and scipy.stats. Target 1e−12.
* speed — ``linear_regression`` on Longley and Filip, exact and float, against
  ``scipy.stats.linregress``-free numpy lstsq and ``statistics.linear_regression`` (one
  regressor: Norris).

numpy, scipy and mpmath come from the ``bench`` extra; without them the peers' columns say so.

Run:  python benchmarks/bench_statistics.py    (run(quick=True) for a short look)
"""

from __future__ import annotations

import contextlib
import math
import statistics
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_ROOT), str(_ROOT / "src")]  # tests.nist_strd, and this checkout's package

from benchmarks.timing import median_time  # noqa: E402
from scratchmath.probability import ChiSquared, Gamma, StudentT  # noqa: E402
from scratchmath.statistics import linear_regression  # noqa: E402
from tests.nist_strd import StRD, load, lre  # noqa: E402


def _certified(s: StRD) -> list[Fraction]:
    return [*s.b, *s.se, s.sdres, s.r2]


def _scratch(s: StRD, exact: bool) -> list[Any]:
    X = s.X if exact else [[float(v) for v in r] for r in s.X]
    y = s.y if exact else [float(v) for v in s.y]
    try:
        fit = linear_regression(X, y, intercept=s.intercept)
    except Exception as exc:  # a rank-deficient float fit refuses: say so
        return [type(exc).__name__]
    return [*fit.coefficients, *fit.standard_errors, fit.residual_std, fit.r_squared]


def _numpy_lstsq(s: StRD) -> list[Any] | None:
    try:
        import numpy as np
    except ImportError:
        return None
    X = np.array([[1.0, *map(float, r)] if s.intercept else list(map(float, r)) for r in s.X])
    y = np.array([float(v) for v in s.y])
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    return list(beta)


def _numpy_polyfit(s: StRD) -> list[Any] | None:
    try:
        import numpy as np
    except ImportError:
        return None
    if not s.intercept or len(s.X[0]) == 6 or s.name == "Norris":
        return None
    x = np.array([float(r[0]) for r in s.X])
    y = np.array([float(v) for v in s.y])
    return list(np.polyfit(x, y, len(s.X[0]))[::-1])


def _min_lre(values: list[Any] | None, certified: list[Fraction]) -> str:
    if values is None:
        return "—"
    if values and isinstance(values[0], str):
        return values[0]
    scores = []
    for c, t in zip(values, certified, strict=False):
        if t != 0:
            scores.append(lre(float(c), t))
        else:  # a certified 0: the absolute error's digits
            scores.append(
                15.0 if float(c) == 0 else min(15.0, max(0.0, -math.log10(abs(float(c)))))
            )
    return f"{min(scores):.1f}"


def lre_table() -> str:
    rows = [
        "| dataset | exact | float (QR) | numpy lstsq | numpy polyfit |",
        "|---|---|---|---|---|",
    ]
    for name, s in load().items():
        cert = _certified(s)
        rows.append(
            f"| {name} | {_min_lre(_scratch(s, True), cert)} | {_min_lre(_scratch(s, False), cert)}"
            f" | {_min_lre(_numpy_lstsq(s), s.b)} | {_min_lre(_numpy_polyfit(s), s.b)} |"
        )
    return "\n".join(rows)


def tail_table(quick: bool) -> str:
    try:
        import mpmath as mp
    except ImportError:
        return "(mpmath not installed: no tail table)"
    try:
        import scipy.stats as ss
    except ImportError:
        ss = None
    mp.mp.dps = 40
    cases = [
        (
            "StudentT(3)",
            StudentT(3),
            lambda x: mp.betainc(1.5, 0.5, 0, 3 / (3 + mp.mpf(x) ** 2), regularized=True) / 2,
            -1,
            "t",
            (3,),
        ),
        (
            "ChiSquared(10)",
            ChiSquared(10),
            lambda x: mp.gammainc(5, mp.mpf(x) / 2, mp.inf, regularized=True),
            1,
            "chi2",
            (10,),
        ),
        (
            "Gamma(0.5)",
            Gamma(0.5),
            lambda x: mp.gammainc(0.5, mp.mpf(x), mp.inf, regularized=True),
            1,
            "gamma",
            (0.5,),
        ),
    ]
    points = [2.0, 10.0, 50.0] if quick else [1.5, 3.0, 10.0, 30.0, 100.0, 300.0]
    rows = [
        "| distribution | point | tail | scratchmath rel. error | scipy rel. error |",
        "|---|---|---|---|---|",
    ]
    for label, dist, reference, sign, scipy_name, args in cases:
        for p in points:
            x = sign * p
            exact = reference(x)
            ours = dist.cdf(x) if sign < 0 else dist.sf(x)
            theirs = "—"
            if ss is not None:
                peer = getattr(ss, scipy_name)(*args)
                value = peer.cdf(x) if sign < 0 else peer.sf(x)
                theirs = f"{float(abs((mp.mpf(value) - exact) / exact)):.1e}" if exact else "—"
            ours_err = float(abs((mp.mpf(ours) - exact) / exact)) if exact else 0.0
            rows.append(f"| {label} | {x:g} | {float(exact):.3e} | {ours_err:.1e} | {theirs} |")
    return "\n".join(rows)


def speed_table(quick: bool) -> str:
    data = load()
    repeats = 3 if quick else 7
    rows = ["| fit | scratchmath exact | scratchmath float | peer |", "|---|---|---|---|"]
    for name in ("Norris", "Longley", "Filip"):
        s = data[name]
        exact = median_time(lambda s=s: linear_regression(s.X, s.y), repeats)
        Xf = [[float(v) for v in r] for r in s.X]
        yf = [float(v) for v in s.y]

        def floats(Xf: Any = Xf, yf: Any = yf) -> None:
            with contextlib.suppress(Exception):  # Filip in floats refuses: time the refusal
                linear_regression(Xf, yf)

        flt = median_time(floats, repeats)
        peer = "—"
        if name == "Norris":
            xs = [r[0] for r in Xf]
            seconds = median_time(
                lambda xs=xs, yf=yf: statistics.linear_regression(xs, yf), repeats
            )
            peer = f"statistics.linear_regression {seconds * 1e3:.2f} ms"
        rows.append(f"| {name} | {exact * 1e3:.1f} ms | {flt * 1e3:.1f} ms | {peer} |")
    return "\n".join(rows)


def run(quick: bool = False) -> str:
    return "\n\n".join(
        [
            "### NIST StRD linear regression: minimum LRE over the certified values",
            lre_table(),
            "### Tail accuracy against mpmath (40 digits)",
            tail_table(quick),
            "### Speed",
            speed_table(quick),
        ]
    )


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
