"""Benchmark: scratchmath.probability against scipy.stats (and mpmath as the referee).

Four batteries, the first three as issue 7 sets them:

* accuracy — pmf/pdf, cdf, ppf, mean, variance and entropy of the nine families over a grid of
  parameters and points, relative error against scipy.stats; "body" means a probability (or a
  quantile level) in [10⁻³, 1 − 10⁻³], "tail" the rest. Targets: 1e−12 in the body, 1e−9 in
  the tails. Where scipy and scratchmath differ by more than 1e−13, both are compared with
  mpmath at 40 digits, and the table says which one is off.
* expectation — ``expectation`` and ``variance`` (from the definitions: sums, or integrals via
  scratchmath.calculus) against the closed forms. Target: 1e−10 relative (absolute for a
  zero mean, scaled by σ).
* sampling — time to draw 100 000 values of Normal(0, 1), Exponential(1) and Poisson(1000)
  (medians over repeats, numpy's Generator interleaved as the peer), and the p-value of a
  Kolmogorov–Smirnov test (continuous) or a chi-square test (Poisson, bins of expected
  count ≥ 20) against the true distribution. Target: under 0.5 s each, p-values not tiny.
* deep tails (issue 21) — log tails beyond 10⁻³⁰⁸, Student's t at ν up to 10¹⁵, Poissons of
  λ = 10⁹ and 10¹⁵, KL between near-equal members, E[c·g] for tiny c, against mpmath at 50
  digits. Target: 1e−14 relative.

Run:  python benchmarks/bench_probability.py    (run(quick=True) for a short look)
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Bernoulli,
    Beta,
    Binomial,
    Categorical,
    ChiSquared,
    DiscreteUniform,
    Exponential,
    FDistribution,
    Gamma,
    Geometric,
    Normal,
    Poisson,
    StudentT,
    Uniform,
    entropy,
    expectation,
    kl_divergence,
    variance,
)


def _relative(a: float, b: float) -> float:
    a, b = float(a), float(b)
    if a == b:
        return 0.0
    if math.isinf(a) or math.isinf(b):
        return math.inf
    return abs(a - b) / max(abs(b), 1e-300)


# ------------------------------------------------------------------------------------------
# mpmath references (40 digits) for the referee column
# ------------------------------------------------------------------------------------------


def _mp_reference(kind: str, family: str, params: tuple[Any, ...], x: float) -> float:
    import mpmath

    mpmath.mp.dps = 40
    mp = mpmath.mpf
    if family == "Poisson":
        (lam,) = params
        lam = mp(lam)
        k = int(x)
        if kind == "pmf":
            return float(mpmath.exp(k * mpmath.log(lam) - lam - mpmath.loggamma(k + 1)))
        if kind == "cdf":
            return float(mpmath.gammainc(k + 1, lam, mpmath.inf, regularized=True))
    if family == "Binomial":
        n, p = params
        p = mp(p)
        k = int(x)
        if kind == "pmf":
            return float(mpmath.binomial(n, k) * p**k * (1 - p) ** (n - k))
        if kind == "cdf":
            if k >= n:
                return 1.0
            # the shorter tail, summed term by term at 40 digits (betainc's series stalls
            # for n = 10⁵)
            q = 1 - p
            below = k < n * p
            j = k if below else k + 1
            term = mpmath.binomial(n, j) * p**j * q ** (n - j)
            total = mp(0)
            while 0 <= j <= n and term > total * mp(10) ** -45:
                total += term
                if below:
                    term = term * j * q / ((n - j + 1) * p)
                    j -= 1
                else:
                    term = term * (n - j) * p / ((j + 1) * q)
                    j += 1
            return float(total if below else 1 - total)
    if family == "Geometric":
        (p,) = params
        p = mp(p)
        k = int(x)
        if kind == "pmf":
            return float((1 - p) ** (k - 1) * p)
        if kind == "cdf":
            return float(1 - (1 - p) ** k)
    if family == "Normal":
        mu, sigma = params
        if kind == "pdf":
            return float(mpmath.npdf(mp(x), mp(mu), mp(sigma)))
        if kind == "cdf":
            return float(mpmath.ncdf(mp(x), mp(mu), mp(sigma)))
        if kind == "ppf":
            q = mp(x)
            guess = (
                mu + sigma * float(mpmath.sqrt(2) * mpmath.erfinv(2 * q - 1))
                if 1e-15 < x < 1 - 1e-15
                else mu
            )
            return float(mpmath.findroot(lambda t: mpmath.ncdf(t, mp(mu), mp(sigma)) - q, guess))
    if family == "Exponential":
        (rate,) = params
        r = mp(rate)
        if kind == "pdf":
            return float(r * mpmath.exp(-r * mp(x)))
        if kind == "cdf":
            return float(-mpmath.expm1(-r * mp(x)))
        if kind == "ppf":
            return float(-mpmath.log1p(-mp(x)) / r)
    return math.nan


def _mp_entropy(family: str, params: tuple[Any, ...], dist: Any) -> float:
    """−Σ p ln p at 40 digits over the outcomes holding all but 10⁻³⁰ of the mass."""
    import mpmath

    mpmath.mp.dps = 40
    low, high = dist.significant_range(1e-30)
    total = mpmath.mpf(0)
    for k in range(low, high + 1):
        if family == "Poisson":
            lam = mpmath.mpf(params[0])
            log_p = k * mpmath.log(lam) - lam - mpmath.loggamma(k + 1)
        else:
            n, p = params
            p = mpmath.mpf(p)
            log_p = (
                mpmath.log(mpmath.binomial(n, k)) + k * mpmath.log(p) + (n - k) * mpmath.log1p(-p)
            )
        total -= mpmath.exp(log_p) * log_p
    return float(total)


# ------------------------------------------------------------------------------------------
# The accuracy battery
# ------------------------------------------------------------------------------------------


def _cases(quick: bool) -> list[tuple[str, tuple[Any, ...], Any, Any]]:
    from scipy import stats

    cases: list[tuple[str, tuple[Any, ...], Any, Any]] = []
    for p in (0.01, 0.3, 0.5, 0.99):
        cases.append(("Bernoulli", (p,), Bernoulli(p), stats.bernoulli(p)))
    binomials = [(10, 0.3), (100, 0.02), (1000, 0.5), (5000, 0.9)]
    if not quick:
        binomials += [(100_000, 0.3), (30, 0.999)]
    for n, p in binomials:
        cases.append(("Binomial", (n, p), Binomial(n, p), stats.binom(n, p)))
    for a, b in ((1, 6), (-5, 1000)):
        cases.append(("DiscreteUniform", (a, b), DiscreteUniform(a, b), stats.randint(a, b + 1)))
    for p in (0.5, 0.01, 1e-5):
        cases.append(("Geometric", (p,), Geometric(p), stats.geom(p)))
    lams = [0.5, 4.0, 30.0, 1000.0] + ([] if quick else [1e5])
    for lam in lams:
        cases.append(("Poisson", (lam,), Poisson(lam), stats.poisson(lam)))
    for a, b in ((0.0, 1.0), (-3.0, 7.5)):
        cases.append(("Uniform", (a, b), Uniform(a, b), stats.uniform(a, b - a)))
    for mu, sigma in ((0.0, 1.0), (100.0, 15.0), (-1e3, 1e-2)):
        cases.append(("Normal", (mu, sigma), Normal(mu, sigma), stats.norm(mu, sigma)))
    for rate in (1.0, 0.02, 50.0):
        cases.append(("Exponential", (rate,), Exponential(rate), stats.expon(scale=1 / rate)))
    return cases


def _accuracy(quick: bool) -> tuple[list[str], dict[str, float]]:
    rows: dict[tuple[str, str, str], list[float]] = {}
    referee: list[str] = []
    summary: dict[str, float] = {"body": 0.0, "tail": 0.0}
    levels = [1e-12, 1e-9, 1e-6, 1e-3, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-6, 1 - 1e-9]
    for family, params, mine, ref in _cases(quick):
        discrete = not hasattr(mine, "pdf")
        mean, sd = float(mine.mean()), math.sqrt(float(mine.variance()))
        if discrete:
            points = sorted({int(ref.ppf(q)) for q in levels} | {int(ref.ppf(0.5)) + 1})
            if family == "Poisson" or family == "Binomial":
                points += [int(max(0, mean - 12 * sd)), int(mean + 12 * sd)]
            checks = [("pmf", mine.pmf, ref.pmf), ("cdf", mine.cdf, ref.cdf)]
        else:
            points = [float(ref.ppf(q)) for q in levels] + [mean + 30 * sd]
            checks = [("pdf", mine.pdf, ref.pdf), ("cdf", mine.cdf, ref.cdf)]
        for name, f, g in checks:
            for x in points:
                want = float(g(x))
                if not 0.0 < want < 1e300 or (name == "cdf" and want == 1.0):
                    continue
                got = float(f(x))
                error = _relative(got, want)
                region = "body" if 1e-3 <= want <= 1 - 1e-3 and name == "cdf" else "tail"
                if name in ("pmf", "pdf"):
                    region = (
                        "body" if float(ref.cdf(x)) >= 1e-3 and float(ref.sf(x)) >= 1e-3 else "tail"
                    )
                if error > 1e-13:
                    exact = _mp_reference(name, family, params, x)
                    if not math.isnan(exact):
                        mine_err, scipy_err = _relative(got, exact), _relative(want, exact)
                        referee.append(
                            f"  {family}{params} {name}({x:g}): vs mpmath scratchmath "
                            f"{mine_err:.1e}, scipy {scipy_err:.1e}"
                        )
                        error = mine_err  # judged against the true value
                rows.setdefault((family, name, region), []).append(error)
        for q in levels:
            want = float(ref.ppf(q))
            got = float(mine.ppf(q))
            region = "body" if 1e-3 <= q <= 1 - 1e-3 else "tail"
            error = _relative(got, want) if not discrete else float(got != want)
            if error > 1e-13 and not discrete:
                exact = _mp_reference("ppf", family, params, q)
                if not math.isnan(exact):
                    referee.append(
                        f"  {family}{params} ppf({q:g}): vs mpmath scratchmath "
                        f"{_relative(got, exact):.1e}, scipy {_relative(want, exact):.1e}"
                    )
                    error = _relative(got, exact)
            rows.setdefault((family, "ppf", region), []).append(error)
        try:
            h = entropy(mine, base=math.e)
        except DomainError as exc:  # a support too wide to sum term by term
            referee.append(f"  {family}{params} entropy: refused ({exc})")
            h = float(ref.entropy())
        for name, got, want in (
            ("mean", mine.mean(), ref.mean()),
            ("variance", mine.variance(), ref.var()),
            ("entropy", h, ref.entropy()),
        ):
            error = _relative(got, want) if want else abs(float(got))
            if name == "entropy" and error > 1e-13 and family in ("Poisson", "Binomial"):
                exact = _mp_entropy(family, params, mine)
                referee.append(
                    f"  {family}{params} entropy: vs mpmath scratchmath "
                    f"{_relative(got, exact):.1e}, scipy {_relative(want, exact):.1e}"
                )
                error = _relative(got, exact)
            rows.setdefault((family, name, "body"), []).append(error)
    lines = [
        "accuracy against scipy.stats (max relative error; discrete ppf: fraction of mismatches;",
        "where they disagree, the error of scratchmath against mpmath is used)",
        f"  {'family':16} {'function':9} {'body':>9} {'tail':>9}",
    ]
    keys = sorted({(f, n) for f, n, _ in rows}, key=lambda k: (k[0], k[1]))
    for family, name in keys:
        body = max(rows.get((family, name, "body"), [0.0]))
        tail = max(rows.get((family, name, "tail"), [0.0]))
        summary["body"] = max(summary["body"], body)
        summary["tail"] = max(summary["tail"], tail)
        lines.append(f"  {family:16} {name:9} {body:9.1e} {tail:9.1e}")
    lines.append(
        f"  worst: body {summary['body']:.1e} (target 1e-12), tail {summary['tail']:.1e}"
        " (target 1e-9)"
    )
    if referee:
        lines.append("  disagreements with scipy above 1e-13, refereed by mpmath:")
        lines += referee
    return lines, summary


# ------------------------------------------------------------------------------------------
# The expectation battery
# ------------------------------------------------------------------------------------------


def _expectations(quick: bool) -> list[str]:
    dists: list[Any] = [
        Bernoulli(0.3),
        Binomial(1000, 0.3),
        Categorical({1: 0.2, 5: 0.5, 9: 0.3}),
        DiscreteUniform(1, 6),
        Geometric(0.01),
        Poisson(4.0),
        Poisson(1e5),
        Uniform(-2.0, 5.0),
        Normal(0.0, 1.0),
        Normal(1e6, 1.0),
        Normal(-3.0, 1e-3),
        Exponential(2.5),
        Exponential(1e-4),
    ]
    if quick:
        dists = dists[::2]
    lines = [
        "expectation and variance from the definitions against the closed forms",
        f"  {'distribution':38} {'mean err':>9} {'var err':>9} {'time':>8}",
    ]
    worst = 0.0
    for dist in dists:
        start = time.perf_counter()
        m, v = expectation(dist), variance(dist)
        elapsed = time.perf_counter() - start
        sd = math.sqrt(float(dist.variance()))
        mean_err = abs(float(m) - float(dist.mean())) / max(abs(float(dist.mean())), sd)
        var_err = _relative(v, dist.variance())
        worst = max(worst, mean_err, var_err)
        lines.append(f"  {dist!r:38} {mean_err:9.1e} {var_err:9.1e} {elapsed:7.3f}s")
    lines.append(f"  worst: {worst:.1e} (target 1e-10)")
    return lines


# ------------------------------------------------------------------------------------------
# The deep-tail battery (issue 21): log tails beyond the floats, t at huge ν, huge Poissons,
# KL between near-equal members of a family — each against mpmath at 50 digits
# ------------------------------------------------------------------------------------------


def _deep_tail_cases() -> list[tuple[str, Callable[[], float], Callable[[], Any]]]:
    import mpmath

    mp, inf = mpmath.mpf, mpmath.inf

    def gamma_q(a: float, x: float) -> Any:
        return mpmath.log(mpmath.gammainc(mp(a), mp(x), inf, regularized=True))

    def beta_i(a: float, b: float, x: float) -> Any:
        return mpmath.betainc(mp(a), mp(b), 0, mp(x), regularized=True)

    def t_lower(nu: float, t: float) -> Any:  # F(−|t|)
        nu_, t_ = mp(nu), mp(t)
        return beta_i(nu / 2, 0.5, nu_ / (nu_ + t_ * t_)) / 2

    def bernoulli_kl(p: float, q: float) -> Any:
        p_, q_ = mp(p), mp(q)
        return p_ * mpmath.log(p_ / q_) + (1 - p_) * mpmath.log((1 - p_) / (1 - q_))

    cases: list[tuple[str, Callable[[], float], Callable[[], Any]]] = [
        ("Gamma(2).logsf(800)", lambda: Gamma(2).logsf(800.0), lambda: gamma_q(2, 800)),
        ("Gamma(100).logsf(2000)", lambda: Gamma(100).logsf(2000.0), lambda: gamma_q(100, 2000)),
        (
            "ChiSquared(4).logsf(3000)",
            lambda: ChiSquared(4).logsf(3000.0),
            lambda: gamma_q(2, 1500),
        ),
        (
            "Beta(2, 3).logcdf(1e-200)",
            lambda: Beta(2, 3).logcdf(1e-200),
            lambda: mpmath.log(beta_i(2, 3, 1e-200)),
        ),
        (
            "StudentT(5).logsf(1e70)",
            lambda: StudentT(5).logsf(1e70),
            lambda: mpmath.log(t_lower(5, 1e70)),
        ),
        (
            "StudentT(1e6).logsf(40)",
            lambda: StudentT(1e6).logsf(40.0),
            lambda: mpmath.log(t_lower(1e6, 40.0)),
        ),
        (
            "FDistribution(10, 20).logsf(1e40)",
            lambda: FDistribution(10, 20).logsf(1e40),
            lambda: mpmath.log(beta_i(10, 5, mp(20) / (20 + 10 * mp(1e40)))),
        ),
        ("StudentT(1e8).cdf(-2)", lambda: StudentT(1e8).cdf(-2.0), lambda: t_lower(1e8, 2.0)),
        ("StudentT(1e15).cdf(-2)", lambda: StudentT(1e15).cdf(-2.0), lambda: t_lower(1e15, 2.0)),
        (
            "Poisson(1e9).cdf(1e9 + 150000)",
            lambda: Poisson(1e9).cdf(10**9 + 150000),
            lambda: mpmath.gammainc(10**9 + 150001, mp(1e9), inf, regularized=True),
        ),
        (
            "Poisson(1e6).logsf(1040000)",
            lambda: Poisson(1e6).logsf(1040000),
            lambda: mpmath.log(mpmath.gammainc(1040001, 0, 10**6, regularized=True)),
        ),
        (
            "KL(Bernoulli(0.3) ‖ 0.3 + 1e-12)",
            lambda: kl_divergence(Bernoulli(0.3), Bernoulli(0.30000000000099997), base=math.e),
            lambda: bernoulli_kl(0.3, 0.30000000000099997),
        ),
        (
            "E[1e-305·Z²], Z ~ N(0, 1)",
            lambda: expectation(Normal(0.0, 1.0), lambda x: 1e-305 * x * x),
            lambda: mp(1e-305),
        ),
    ]
    return cases


def _deep_tails(quick: bool) -> list[str]:
    import mpmath

    mpmath.mp.dps = 50
    cases = _deep_tail_cases()
    if quick:
        cases = cases[::3]
    lines = [
        "deep tails against mpmath at 50 digits (relative error; before issue 21 the log",
        "tails were -inf, t at ν = 1e15 off by 2e-2, KL off by 5e-5)",
        f"  {'case':36} {'value':>24} {'rel err':>9}",
    ]
    worst = 0.0
    for name, ours, reference in cases:
        got = ours()
        error = _relative(got, float(reference()))
        worst = max(worst, error)
        lines.append(f"  {name:36} {got:24.17g} {error:9.1e}")
    start = time.perf_counter()
    median = Poisson(1e15).ppf(0.5)
    elapsed = time.perf_counter() - start
    lines.append(f"  Poisson(1e15).ppf(0.5) = {median} in {elapsed * 1e3:.2f} ms (was > 5 s)")
    lines.append(f"  worst: {worst:.1e} (target 1e-14)")
    return lines


# ------------------------------------------------------------------------------------------
# The sampling battery
# ------------------------------------------------------------------------------------------


def _chi_square_pvalue(dist: Poisson, draws: list[int]) -> float:
    from scipy import stats

    counts = Counter(draws)
    n = len(draws)
    observed, expected = [], []
    spare_o, spare_e = 0, 0.0
    low, high = dist.significant_range(1e-12)
    for k in range(low, high + 1):
        spare_o += counts.get(k, 0)
        spare_e += n * float(dist.pmf(k))
        if spare_e >= 20:
            observed.append(spare_o)
            expected.append(spare_e)
            spare_o, spare_e = 0, 0.0
    observed[-1] += spare_o + (n - sum(observed) - spare_o)
    expected[-1] += spare_e + (n - sum(expected) - spare_e)
    statistic = sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True))
    return float(stats.chi2.sf(statistic, len(observed) - 1))


# The textbook samplers a learner would write first, as the plain pure-Python peer.


def _box_muller(n: int, rng: random.Random) -> list[float]:
    """Box–Muller: two uniforms make two independent standard normals."""
    out: list[float] = []
    while len(out) < n:
        u, v = 1.0 - rng.random(), rng.random()
        r = math.sqrt(-2.0 * math.log(u))
        out += [r * math.cos(2 * math.pi * v), r * math.sin(2 * math.pi * v)]
    return out[:n]


def _exponential_by_inversion(n: int, rng: random.Random) -> list[float]:
    return [-math.log(1.0 - rng.random()) for _ in range(n)]


def _poisson_by_counting(lam: float, n: int, rng: random.Random) -> list[int]:
    """Count the arrivals of a rate-λ Poisson process in [0, 1]: Θ(λ) uniforms per draw."""
    out = []
    for _ in range(n):
        k, t = 0, -math.log(1.0 - rng.random())
        while t <= lam:
            k += 1
            t += -math.log(1.0 - rng.random())
        out.append(k)
    return out


def _sampling(quick: bool) -> list[str]:
    import numpy as np
    from scipy import stats

    n = 100_000
    repeats = 1 if quick else 5
    cases: list[tuple[str, Any, Callable[[Any], Any], Callable[[list[Any]], float]]] = [
        (
            "Normal(0, 1)",
            Normal(0, 1),
            lambda g: g.standard_normal(n),
            lambda xs: float(stats.kstest(xs, stats.norm().cdf).pvalue),
        ),
        (
            "Exponential(1)",
            Exponential(1),
            lambda g: g.exponential(1.0, n),
            lambda xs: float(stats.kstest(xs, stats.expon().cdf).pvalue),
        ),
        (
            "Poisson(1000)",
            Poisson(1000),
            lambda g: g.poisson(1000.0, n),
            lambda xs: _chi_square_pvalue(Poisson(1000), xs),
        ),
    ]
    textbook_draws = 2_000  # the counting sampler costs Θ(λ) per draw: time a few, scale up
    textbook: dict[str, Callable[[random.Random], Any]] = {
        "Normal(0, 1)": lambda r: _box_muller(n, r),
        "Exponential(1)": lambda r: _exponential_by_inversion(n, r),
        "Poisson(1000)": lambda r: _poisson_by_counting(1000.0, textbook_draws, r),
    }
    lines = [
        f"sampling {n} values (median of {repeats}; numpy.random.Generator and a textbook "
        "sampler interleaved as peers)",
        f"  {'distribution':16} {'scratchmath':>12} {'textbook':>10} {'numpy':>10} {'p-value':>9}"
        "  test",
    ]
    for name, dist, peer, test in cases:
        ours, theirs, plain = [], [], []
        draws: list[Any] = []
        scale = n / textbook_draws if "Poisson" in name else 1.0
        for seed in range(repeats):
            start = time.perf_counter()
            draws = dist.sample(n, rng=seed)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            textbook[name](random.Random(seed))
            plain.append((time.perf_counter() - start) * scale)
            generator = np.random.default_rng(seed)
            start = time.perf_counter()
            peer(generator)
            theirs.append(time.perf_counter() - start)
        pvalue = test(draws)
        kind = "chi-square" if "Poisson" in name else "Kolmogorov–Smirnov"
        lines.append(
            f"  {name:16} {statistics.median(ours):11.3f}s {statistics.median(plain):9.3f}s"
            f" {statistics.median(theirs):9.4f}s {pvalue:9.3f}  {kind}"
        )
    lines.append("  target: under 0.5 s each, and the samples pass their test")
    lines.append(
        "  textbook: Box–Muller, −log(1 − u), and counting a Poisson process's arrivals"
        f" (Θ(λ) per draw; timed on {textbook_draws} draws and scaled to {n})"
    )
    return lines


def run(quick: bool = False) -> str:
    """Run the three batteries and return the tables as text."""
    accuracy, _ = _accuracy(quick)
    parts = [accuracy, _expectations(quick), _deep_tails(quick), _sampling(quick)]
    return "\n\n".join("\n".join(part) for part in parts)


if __name__ == "__main__":
    print(run())
