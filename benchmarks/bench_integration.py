"""Benchmark: ``multiple_integral`` on Genz's six families against SciPy's nquad and cubature.

Issue 17's battery. Genz's test families (oscillatory, product peak, corner peak, Gaussian,
continuous, discontinuous) on [0, 1]ᵈ, with difficulties aᵢ drawn uniformly from [0.5, 5] and
offsets uᵢ from [0, 1] (seeded; the same draws for every integrator), each with its
integral in closed form. For each integrator: the evaluations of f (counted by a wrapper), the
relative error achieved, and whether the reported error bounds the true one ("honest").

* scratchmath: ``multiple_integral(f, box, rel_tol=1e-8, abs_tol=1e-12)``.
* ``scipy.integrate.nquad`` (iterated QUADPACK) with epsrel = 1e-8, epsabs = 1e-12 at every
  level, limit = 200 pieces; its reported error is the outer integral's only.
* ``scipy.integrate.cubature`` (GK21 product rule, h-adaptive, vectorised; if the installed
  SciPy has it) with rtol = 1e-8, atol = 1e-12 and at most 500 subdivisions (on a jump it
  would otherwise spend some 10⁸ evaluations).

Target (issue 17): smooth families to 1e-8 in d = 2, 3 with a median ratio of evaluations
scratchmath / nquad ≤ 1.0 and the reported error honest in ≥ 95% of draws.
The rough families (a kink, a jump) are run in d = 2 only: nested rules pay for each outer
bisection with a fresh set of inner integrals, so they cost hundreds of thousands of
evaluations there, for both iterated integrators.

Run:  python -m benchmarks --only integration     (or python benchmarks/bench_integration.py)
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
import time
from collections.abc import Callable

from scratchmath.calculus import multiple_integral

Integrand = Callable[..., float]
SMOOTH = ("oscillatory", "product_peak", "corner_peak", "gaussian")
ROUGH = ("continuous", "discontinuous")


def genz(family: str, a: list[float], u: list[float]) -> tuple[Integrand, float]:
    """Genz's family ``family`` with difficulty a and offset u, and its exact integral."""
    d = len(a)
    if family == "oscillatory":
        phase = 2 * math.pi * u[0]
        z = complex(math.cos(phase), math.sin(phase))
        for ai in a:
            z *= (complex(math.cos(ai), math.sin(ai)) - 1) / complex(0, ai)
        return (lambda *x: math.cos(phase + math.fsum(map(float.__mul__, a, x)))), z.real
    if family == "product_peak":
        exact = math.prod(
            ai * (math.atan(ai * (1 - ui)) + math.atan(ai * ui))
            for ai, ui in zip(a, u, strict=True)
        )
        return (
            lambda *x: math.prod(
                1 / (ai**-2 + (xi - ui) ** 2) for ai, xi, ui in zip(a, x, u, strict=True)
            )
        ), exact
    if family == "corner_peak":
        corners = itertools.product((0, 1), repeat=d)
        total = math.fsum(
            (-1) ** sum(v) / (1 + sum(ai * vi for ai, vi in zip(a, v, strict=True)))
            for v in corners
        )
        exact = total / (math.factorial(d) * math.prod(a))
        return (lambda *x: (1 + math.fsum(map(float.__mul__, a, x))) ** -(d + 1)), exact
    if family == "gaussian":
        exact = math.prod(
            math.sqrt(math.pi) / (2 * ai) * (math.erf(ai * (1 - ui)) + math.erf(ai * ui))
            for ai, ui in zip(a, u, strict=True)
        )
        return (
            lambda *x: math.exp(
                -math.fsum((ai * (xi - ui)) ** 2 for ai, xi, ui in zip(a, x, u, strict=True))
            )
        ), exact
    if family == "continuous":
        exact = math.prod(
            (2 - math.exp(-ai * ui) - math.exp(-ai * (1 - ui))) / ai
            for ai, ui in zip(a, u, strict=True)
        )
        return (
            lambda *x: math.exp(
                -math.fsum(ai * abs(xi - ui) for ai, xi, ui in zip(a, x, u, strict=True))
            )
        ), exact
    cut = [u[0], u[1]] + [1.0] * (d - 2)
    exact = math.prod((math.exp(ai * ci) - 1) / ai for ai, ci in zip(a, cut, strict=True))

    def jump(*x: float) -> float:
        if x[0] > u[0] or x[1] > u[1]:
            return 0.0
        return math.exp(math.fsum(map(float.__mul__, a, x)))

    return jump, exact


def draws(d: int, count: int) -> list[tuple[list[float], list[float]]]:
    out = []
    for seed in range(count):
        rng = random.Random(1000 * d + seed)
        out.append(([rng.uniform(0.5, 5.0) for _ in range(d)], [rng.random() for _ in range(d)]))
    return out


class Outcome:
    """One integrator on one draw: evaluations, relative error, honesty, seconds."""

    __slots__ = ("evaluations", "honest", "relative", "seconds")

    def __init__(self, evaluations: int, value: float, error: float, exact: float, seconds: float):
        self.evaluations, self.seconds = evaluations, seconds
        self.relative = abs(value - exact) / abs(exact)
        self.honest = abs(value - exact) <= error


def ours(f: Integrand, d: int, exact: float, rel: float) -> Outcome:
    calls = [0]

    def counted(*x: float) -> float:
        calls[0] += 1
        return f(*x)

    start = time.perf_counter()
    r = multiple_integral(counted, [(0.0, 1.0)] * d, rel_tol=rel, abs_tol=1e-12)
    seconds = time.perf_counter() - start
    assert calls[0] == r.evaluations, (calls[0], r.evaluations)
    return Outcome(r.evaluations, r.value, r.error, exact, seconds)


def nquad_outcome(f: Integrand, d: int, exact: float, rel: float) -> Outcome:
    from scipy.integrate import nquad  # peers only here

    calls = [0]

    def counted(*x: float) -> float:
        calls[0] += 1
        return f(*x)

    start = time.perf_counter()
    value, error = nquad(
        counted, [(0.0, 1.0)] * d, opts={"epsrel": rel, "epsabs": 1e-12, "limit": 200}
    )
    return Outcome(calls[0], value, error, exact, time.perf_counter() - start)


def cubature_outcome(f: Integrand, d: int, exact: float, rel: float) -> Outcome | None:
    try:
        import numpy as np
        from scipy.integrate import cubature
    except ImportError:
        return None
    calls = [0]

    def vectorised(x: np.ndarray) -> np.ndarray:
        calls[0] += x.shape[0]
        return np.array([f(*row) for row in x.tolist()])

    start = time.perf_counter()
    r = cubature(vectorised, np.zeros(d), np.ones(d), rtol=rel, atol=1e-12, max_subdivisions=500)
    return Outcome(calls[0], float(r.estimate), float(r.error), exact, time.perf_counter() - start)


def table(cases: list[tuple[str, int, int]], rel: float) -> tuple[str, list[float]]:
    """One row per (family, d, draws); returns the text and the per-draw ratios (smooth)."""
    lines = [
        f"rel_tol = {rel:g}; medians over the draws; honest = reported error ≥ true error",
        f"{'family':<14} {'d':>1} {'n':>2} | {'ours evals':>10} {'worst rel':>9} {'honest':>6}"
        f" | {'nquad evals':>11} {'worst rel':>9} {'honest':>6} | {'ours/nquad':>10}"
        f" | {'cubature':>9} {'worst rel':>9} {'honest':>6}",
    ]
    smooth_ratios: list[float] = []
    for family, d, count in cases:
        rows: list[tuple[Outcome, Outcome, Outcome | None]] = []
        for a, u in draws(d, count):
            f, exact = genz(family, a, u)
            rows.append(
                (
                    ours(f, d, exact, rel),
                    nquad_outcome(f, d, exact, rel),
                    cubature_outcome(f, d, exact, rel),
                )
            )
        ratios = [o.evaluations / q.evaluations for o, q, _ in rows]
        if family in SMOOTH:
            smooth_ratios += ratios

        def summary(outs: list[Outcome]) -> str:
            evals = statistics.median(o.evaluations for o in outs)
            worst = max(o.relative for o in outs)
            return f"{evals:>10.0f} {worst:>9.1e} {sum(o.honest for o in outs):>3}/{len(outs):<2}"

        cubes = [c for _, _, c in rows if c is not None]
        cube_text = summary(cubes)[1:] if cubes else f"{'(none)':>9}"
        lines.append(
            f"{family:<14} {d:>1} {count:>2} | {summary([o for o, _, _ in rows])}"
            f" | {summary([q for _, q, _ in rows]):>29} | {statistics.median(ratios):>10.2f}"
            f" | {cube_text}"
        )
    return "\n".join(lines), smooth_ratios


def run(quick: bool = False) -> str:
    """The Genz battery; the smooth families' median evaluation ratio against nquad."""
    try:
        import scipy.integrate  # noqa: F401
    except ImportError:
        return "scipy is not installed: pip install -e '.[bench]' to compare with nquad."
    if quick:  # the smooth families only: a rough one costs each integrator seconds
        text, ratios = table([(family, 2, 3) for family in SMOOTH], 1e-8)
    else:
        cases = [(family, 2, 10) for family in SMOOTH] + [(family, 2, 2) for family in ROUGH]
        cases += [(family, 3, 4) for family in SMOOTH]
        text, ratios = table(cases, 1e-8)
    median = statistics.median(ratios)
    worse = sum(r > 1 for r in ratios)
    return (
        f"{text}\n\nSmooth families: median evaluations ours/nquad = {median:.2f} over "
        f"{len(ratios)} draws (target ≤ 1.0); above 1 on {worse}, the largest {max(ratios):.2f}."
    )


if __name__ == "__main__":
    print(run())
