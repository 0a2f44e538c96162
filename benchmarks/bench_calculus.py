"""Benchmark: scratchmath's calculus of one variable against numdifftools and SciPy.

Two batteries, as issue 5 sets them:

* derivatives — ≥ 20 smooth functions and points: relative error of
  ``scratchmath.calculus.derivative``, of ``numdifftools.Derivative`` and of a plain central
  difference with the textbook step h = ε^(1/3)·max(1, |x|); median and worst; time per call.
  Targets for scratchmath: median ≤ 1e−12, worst ≤ 1e−9.
* integrals — ≥ 25 integrals with known values (smooth, oscillatory, peaked, endpoint
  singularities, infinite ranges): relative error of ``integrate_with_error`` and its number of
  evaluations of f (counted by a wrapper, and checked against what it reports), against
  ``scipy.integrate.quad`` at the same tolerances (epsrel = 1e−10, epsabs = 1e−12, limit =
  500 pieces, like scratchmath's budget) and its ``infodict['neval']``. Targets: every case
  ≤ 1e−10 relative error, median evaluations ≤ quad's, no case above 3× quad's.

Times are medians over repeats, the peers interleaved with scratchmath.

Run:  python benchmarks/bench_calculus.py        (python -c "…run(quick=True)" for a quick look)
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable

try:
    from benchmarks.timing import median_time as _median_time
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import median_time as _median_time  # type: ignore[no-redef]
from scratchmath.calculus import derivative, integrate_with_error
from scratchmath.errors import ConvergenceError

Function = Callable[[float], float]


# ------------------------------------------------------------------------------------------
# The derivative battery: (name, f, x, exact f′(x))
# ------------------------------------------------------------------------------------------

DERIVATIVES: list[tuple[str, Function, float, float]] = [
    ("sin at 1", math.sin, 1.0, math.cos(1.0)),
    ("cos at 1", math.cos, 1.0, -math.sin(1.0)),
    ("exp at 1", math.exp, 1.0, math.e),
    ("exp at -5", math.exp, -5.0, math.exp(-5.0)),
    ("exp at 1e-8", math.exp, 1e-8, math.exp(1e-8)),
    ("log at 2", math.log, 2.0, 0.5),
    ("log at 1e-8", math.log, 1e-8, 1e8),
    ("log at 1e8", math.log, 1e8, 1e-8),
    ("sqrt at 4", math.sqrt, 4.0, 0.25),
    ("sqrt at 1e-8", math.sqrt, 1e-8, 0.5e4),
    ("atan at 3", math.atan, 3.0, 0.1),
    ("tan at 1.5", math.tan, 1.5, 1 / math.cos(1.5) ** 2),
    ("x² at 1e8", lambda x: x * x, 1e8, 2e8),
    ("x³ at 2", lambda x: x**3, 2.0, 12.0),
    ("x^1.5 at 2", lambda x: x**1.5, 2.0, 1.5 * math.sqrt(2.0)),
    ("1/x at 0.1", lambda x: 1 / x, 0.1, -100.0),
    ("exp(-x²) at 2", lambda x: math.exp(-x * x), 2.0, -4 * math.exp(-4.0)),
    ("1/(1+x²) at 0.5", lambda x: 1 / (1 + x * x), 0.5, -1.0 / 1.5625),
    ("sinh at 1", math.sinh, 1.0, math.cosh(1.0)),
    ("sin(50x) at 0.3", lambda x: math.sin(50 * x), 0.3, 50 * math.cos(15.0)),
    (
        "exp(sin x) at 1",
        lambda x: math.exp(math.sin(x)),
        1.0,
        math.cos(1.0) * math.exp(math.sin(1)),
    ),
    ("log(1+x²) at 3", lambda x: math.log(1 + x * x), 3.0, 0.6),
    ("erf at 0.5", math.erf, 0.5, 2 / math.sqrt(math.pi) * math.exp(-0.25)),
    ("sin at 1e8", math.sin, 1e8, math.cos(1e8)),
]


def _central(f: Function, x: float) -> float:
    h = 2.0 ** -(52 ** (1 / 3)) * max(1.0, abs(x))
    h = (x + h) - x
    return (f(x + h) - f(x - h)) / (2 * h)


def _relative(value: float, exact: float) -> float:
    if math.isnan(value):
        return math.inf  # the method failed
    return abs(value - exact) / abs(exact) if exact else abs(value)


def bench_derivatives(repeats: int) -> str:
    import numdifftools as nd  # peers only here

    rows = []
    errors: dict[str, list[float]] = {"scratchmath": [], "numdifftools": [], "central": []}
    times: dict[str, list[float]] = {"scratchmath": [], "numdifftools": [], "central": []}
    for name, f, x, exact in DERIVATIVES:
        peer = nd.Derivative(f)
        ours = derivative(f, x)
        try:
            theirs = float(peer(x))
        except ValueError:  # its first steps leave f's domain (log or √ at 1e-8)
            theirs = math.nan
        try:
            plain = _central(f, x)
        except ValueError:  # the step leaves f's domain
            plain = math.nan
        t_ours = t_theirs = t_plain = math.inf
        for _ in range(repeats):  # interleaved, the best of medians per round
            t_ours = min(t_ours, _median_time(lambda f=f, x=x: derivative(f, x), 3))
            if not math.isnan(theirs):
                t_theirs = min(t_theirs, _median_time(lambda peer=peer, x=x: peer(x), 3))
            if not math.isnan(plain):
                t_plain = min(t_plain, _median_time(lambda f=f, x=x: _central(f, x), 3))
        row = (_relative(ours, exact), _relative(theirs, exact), _relative(plain, exact))
        for key, err, t in zip(errors, row, (t_ours, t_theirs, t_plain), strict=True):
            errors[key].append(err)
            if math.isfinite(t):
                times[key].append(t)
        rows.append(f"{name:18} {row[0]:10.1e} {row[1]:12.1e} {row[2]:10.1e}")
    lines = [
        "First derivatives: relative error per case",
        f"{'case':18} {'scratchmath':>10} {'numdifftools':>12} {'central':>10}",
        *rows,
        "",
        f"{'':18} {'median err':>11} {'worst err':>10} {'median time':>12}",
    ]
    for key in errors:
        lines.append(
            f"{key:18} {statistics.median(errors[key]):11.1e} {max(errors[key]):10.1e} "
            f"{statistics.median(times[key]) * 1e6:9.1f} µs"
        )
    ok = statistics.median(errors["scratchmath"]) <= 1e-12 and max(errors["scratchmath"]) <= 1e-9
    lines.append(f"targets (median ≤ 1e-12, worst ≤ 1e-9): {'met' if ok else 'NOT met'}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------
# The integral battery: (name, f, a, b, exact value)
# ------------------------------------------------------------------------------------------

INF = math.inf
INTEGRALS: list[tuple[str, Function, float, float, float]] = [
    ("x² on [0,3]", lambda x: x * x, 0.0, 3.0, 9.0),
    ("eˣ on [0,1]", math.exp, 0.0, 1.0, math.e - 1),
    ("sin on [0,π]", math.sin, 0.0, math.pi, 2.0),
    ("4/(1+x²) on [0,1]", lambda x: 4 / (1 + x * x), 0.0, 1.0, math.pi),
    (
        "1/(2+cos) on [0,2π]",
        lambda x: 1 / (2 + math.cos(x)),
        0.0,
        2 * math.pi,
        2 * math.pi / 3**0.5,
    ),
    (
        "e^cos on [0,2π]",
        lambda x: math.exp(math.cos(x)),
        0.0,
        2 * math.pi,
        2 * math.pi * 1.2660658777520082,
    ),
    ("√x on [0,1]", math.sqrt, 0.0, 1.0, 2 / 3),
    ("1/√x on [0,1]", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
    ("log x on [0,1]", math.log, 0.0, 1.0, -1.0),
    ("log x/√x on [0,1]", lambda x: math.log(x) / math.sqrt(x), 0.0, 1.0, -4.0),
    ("x^-0.9 on [0,1]", lambda x: x**-0.9, 0.0, 1.0, 10.0),
    (
        "e^-x/√x on [0,1]",
        lambda x: math.exp(-x) / math.sqrt(x),
        0.0,
        1.0,
        math.sqrt(math.pi) * math.erf(1.0),
    ),
    ("√(1-x²) on [-1,1]", lambda x: math.sqrt(1 - x * x), -1.0, 1.0, math.pi / 2),
    ("1/√(1-x²) on [-1,1]", lambda x: 1 / math.sqrt(1 - x * x), -1.0, 1.0, math.pi),
    ("√|x-½| on [0,1]", lambda x: math.sqrt(abs(x - 0.5)), 0.0, 1.0, 4 / 3 * 0.5**1.5),
    ("|x-⅓| on [0,1]", lambda x: abs(x - 1 / 3), 0.0, 1.0, 5 / 18),
    ("peak 1/(1e-4+x²)", lambda x: 1 / (1e-4 + x * x), -1.0, 1.0, 200 * math.atan(100.0)),
    (
        "gauss peak σ=.01",
        lambda x: math.exp(-(((x - 0.3) / 0.01) ** 2)),
        0.0,
        1.0,
        0.01 * math.sqrt(math.pi),
    ),
    ("cos 50x on [0,1]", lambda x: math.cos(50 * x), 0.0, 1.0, math.sin(50.0) / 50),
    ("sin on [0,100]", math.sin, 0.0, 100.0, 1 - math.cos(100.0)),
    ("x sin 30x on [0,2π]", lambda x: x * math.sin(30 * x), 0.0, 2 * math.pi, -2 * math.pi / 30),
    ("e^-x² on ℝ", lambda x: math.exp(-x * x), -INF, INF, math.sqrt(math.pi)),
    ("1/(1+x²) on [0,∞)", lambda x: 1 / (1 + x * x), 0.0, INF, math.pi / 2),
    ("1/(1+x²) on ℝ", lambda x: 1 / (1 + x * x), -INF, INF, math.pi),
    ("e^-x on [0,∞)", lambda x: math.exp(-x), 0.0, INF, 1.0),
    ("x e^-x on [0,∞)", lambda x: x * math.exp(-x), 0.0, INF, 1.0),
    ("e^-x/√x on [0,∞)", lambda x: math.exp(-x) / math.sqrt(x), 0.0, INF, math.sqrt(math.pi)),
    ("1/(1+x⁴) on [0,∞)", lambda x: 1 / (1 + x**4), 0.0, INF, math.pi / (2 * math.sqrt(2))),
    ("eˣ on (-∞,0]", math.exp, -INF, 0.0, 1.0),
    ("1/x² on [1,∞)", lambda x: 1 / (x * x), 1.0, INF, 1.0),
]


def bench_integrals(repeats: int) -> str:
    from scipy.integrate import quad  # peers only here

    rows = []
    ours_errors, ratios, over = [], [], []
    our_counts, quad_counts, honest = [], [], 0
    t_ours_all, t_quad_all = [], []
    for name, f, a, b, exact in INTEGRALS:
        calls = [0]

        def counted(x: float, f: Function = f, calls: list[int] = calls) -> float:
            calls[0] += 1
            return f(x)

        result = integrate_with_error(counted, a, b)
        assert calls[0] == result.evaluations, (name, calls[0], result.evaluations)
        value, info = quad(f, a, b, epsabs=1e-12, epsrel=1e-10, limit=500, full_output=1)[:3:2]
        neval = int(info["neval"])
        t_ours = t_quad = math.inf
        for _ in range(repeats):
            t_ours = min(
                t_ours, _median_time(lambda f=f, a=a, b=b: integrate_with_error(f, a, b), 3)
            )
            t_quad = min(
                t_quad,
                _median_time(
                    lambda f=f, a=a, b=b: quad(f, a, b, epsabs=1e-12, epsrel=1e-10, limit=500), 3
                ),
            )
        err = _relative(result.value, exact)
        honest += abs(result.value - exact) <= result.error
        ours_errors.append(err)
        our_counts.append(result.evaluations)
        quad_counts.append(neval)
        ratios.append(result.evaluations / neval)
        t_ours_all.append(t_ours)
        t_quad_all.append(t_quad)
        if result.evaluations > 3 * neval:
            over.append(name)
        rows.append(
            f"{name:21} {err:9.1e} {result.error / abs(exact):9.1e} {result.evaluations:6d} "
            f"{_relative(value, exact):9.1e} {neval:6d} {result.evaluations / neval:6.2f} "
            f"{t_ours * 1e3:7.2f} {t_quad * 1e3:7.2f}"
        )
    lines = [
        "Integrals: relative error, error estimate (relative), evaluations, time (ms)",
        f"{'case':21} {'ours err':>9} {'ours est':>9} {'evals':>6} {'quad err':>9} "
        f"{'evals':>6} {'ratio':>6} {'ours ms':>7} {'quad ms':>7}",
        *rows,
        "",
        f"cases: {len(INTEGRALS)};  worst relative error (scratchmath): {max(ours_errors):.1e};  "
        f"error estimate ≥ true error in {honest}/{len(INTEGRALS)}",
        f"median evaluations: scratchmath {statistics.median(our_counts):.0f}, "
        f"quad {statistics.median(quad_counts):.0f};  worst ratio {max(ratios):.2f};  "
        f"median time: scratchmath {statistics.median(t_ours_all) * 1e3:.2f} ms, "
        f"quad {statistics.median(t_quad_all) * 1e3:.2f} ms",
    ]
    ok = (
        max(ours_errors) <= 1e-10
        and statistics.median(our_counts) <= statistics.median(quad_counts)
        and not over
    )
    lines.append(
        "targets (every case ≤ 1e-10, median evaluations ≤ quad's, none > 3× quad's): "
        + ("met" if ok else f"NOT met {over}")
    )
    return "\n".join(lines)


def _sech(t: float) -> float:
    return 0.0 if abs(t) > 700 else 1 / math.cosh(t)


def _three_spikes(x: float) -> float:
    """Gander and Gautschi's integrand: spikes of widths 0.1, 0.01 and 0.001."""
    return _sech(10 * (x - 0.2)) ** 2 + _sech(100 * (x - 0.4)) ** 4 + _sech(1000 * (x - 0.6)) ** 6


def _sech_integral(power: int, u: float) -> float:
    t = math.tanh(u)
    return {2: t, 4: t - t**3 / 3, 6: t - 2 * t**3 / 3 + t**5 / 5}[power]


#: Integrands whose error estimate can lie (issue: no silent wrong answers): jumps, kinks,
#: a spike between the nodes, a long range with its mass at one end. (name, f, a, b, exact)
HARD_INTEGRALS: list[tuple[str, Function, float, float, float]] = [
    ("floor on [0,5.75]", math.floor, 0.0, 5.75, 13.75),
    (
        "|sin 17x| on [0,7]",
        lambda x: abs(math.sin(17 * x)),
        0.0,
        7.0,
        (75 - math.cos(119 - 37 * math.pi)) / 17,
    ),
    (
        "step at 0.8335 on [0,1]",
        lambda x: 1.0 if x >= 0.8335411581122145 else 0.0,
        0.0,
        1.0,
        1 - 0.8335411581122145,
    ),
    ("1/(1+x²) on [0,1e6]", lambda x: 1 / (1 + x * x), 0.0, 1e6, math.atan(1e6)),
    (
        "three spikes on [0,1]",
        _three_spikes,
        0.0,
        1.0,
        (_sech_integral(2, 8) + _sech_integral(2, 2)) / 10
        + (_sech_integral(4, 60) + _sech_integral(4, 40)) / 100
        + (_sech_integral(6, 400) + _sech_integral(6, 600)) / 1000,
    ),
]


def bench_honesty() -> str:
    """Does the claimed error bound the true one? scratchmath against scipy's quad."""
    from scipy.integrate import quad  # peers only here

    rows, honest_ours, honest_quad = [], 0, 0
    for name, f, a, b, exact in HARD_INTEGRALS:
        try:
            result = integrate_with_error(f, a, b)
            ours = f"{abs(result.value - exact):9.1e} {result.error:9.1e}"
            ok = abs(result.value - exact) <= result.error
        except ConvergenceError:
            ours, ok = f"{'raises ConvergenceError':>19}", True
        value, claimed = quad(f, a, b, epsabs=1e-12, epsrel=1e-10, limit=500)[:2]
        theirs_ok = abs(value - exact) <= claimed
        honest_ours += ok
        honest_quad += theirs_ok
        rows.append(
            f"{name:24} {ours} {'yes' if ok else 'NO':>4}   "
            f"{abs(value - exact):9.1e} {claimed:9.1e} {'yes' if theirs_ok else 'NO':>4}"
        )
    return "\n".join(
        [
            "Honesty: true error and claimed error on integrands that can fool a rule",
            f"{'case':24} {'ours err':>9} {'claimed':>9} {'ok':>4}   {'quad err':>9} "
            f"{'claimed':>9} {'ok':>4}",
            *rows,
            f"claims that bound the error (or raise): scratchmath {honest_ours}/"
            f"{len(HARD_INTEGRALS)}, quad {honest_quad}/{len(HARD_INTEGRALS)}",
        ]
    )


def run(quick: bool = False) -> str:
    """Run the batteries; return the tables as text."""
    repeats = 1 if quick else 5
    return bench_derivatives(repeats) + "\n\n" + bench_integrals(repeats) + "\n\n" + bench_honesty()


if __name__ == "__main__":
    print(run())
