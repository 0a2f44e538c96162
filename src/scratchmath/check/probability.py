"""Checkers for the probability chapter: your distribution, expectation, entropy and KL divergence.

The distributions handed to your ``expectation``, ``entropy`` and ``kl`` are scratchmath's own
(``Binomial``, ``Categorical``, …, with the interface of DESIGN §4: ``pmf``, ``support()``, …),
drawn with small rational parameters. The expected values are computed from the definitions
with ``math.fsum`` (a sum correctly rounded), so a tolerance of 10⁻⁹ relative leaves room for
any honest order of summation and none for a forgotten term.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from itertools import islice
from typing import Any

from scratchmath.calculus import integrate
from scratchmath.check.analysis import Named
from scratchmath.check.engine import (
    CheckReport,
    Failure,
    Learner,
    LearnerProblem,
    Property,
    Source,
    Verdict,
    as_number,
    call_learner,
    run_properties,
    show,
)
from scratchmath.checks import check_callable
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    DiscreteUniform,
    Exponential,
    Geometric,
    Normal,
    Poisson,
    Uniform,
)
from scratchmath.probability import expectation as reference_expectation

__all__ = ["check_distribution", "check_entropy", "check_expectation", "check_kl_divergence"]

_DISTRIBUTIONS = "docs/probability.md, “Distributions”"
_EXPECTATION = "docs/probability.md, “Expected value: the dice game”"
_ENTROPY = "docs/probability.md, “Information: the guessing game”"
_KL = "docs/probability.md, “Cross-entropy and the KL divergence”"

MOST_OUTCOMES = 10_000
"""The most outcomes of a support that are read (an infinite support is cut where the mass left
is below 10⁻¹², or here)."""


def _real(value: Any, call: object) -> float:
    number = as_number(value, call)
    if isinstance(number, complex):
        raise LearnerProblem(call, f"returned the complex number {number!r}", "a real number")
    return float(number)


def _close(got: float, expected: float, scale: float, relative: float = 1e-9) -> bool:
    if math.isinf(expected) or math.isinf(got):
        return got == expected
    return abs(got - expected) <= relative * (1 + abs(scale))


# --- the learner's distribution ---------------------------------------------------------------


def _method(dist: Any, name: str) -> Learner:
    """The learner's ``dist.name`` as a Learner; a missing method fails when called, in words."""
    method = getattr(dist, name, None)
    if not callable(method):

        def method(*args: Any, **kwargs: Any) -> Any:
            raise AttributeError(f"your distribution has no {name} method")

    return Learner(method, name)


def _outcomes(dist: Any) -> list[Any]:
    """The learner's support, read until the mass left is below 10⁻¹² (at most MOST_OUTCOMES)."""

    def read() -> list[Any]:
        taken, mass = [], 0.0
        for outcome in islice(dist.support(), MOST_OUTCOMES):
            taken.append(outcome)
            mass += float(dist.pmf(outcome))
            if mass >= 1 - 1e-12:
                break
        return taken

    return list(call_learner(read, "support"))


def _is_number(x: object) -> bool:
    return type(x) in (int, float, Fraction)


def _discrete_properties(dist: Any) -> list[Property]:
    axioms = _DiscreteAxioms(dist)
    return [
        Property("pmf(x) ≥ 0 on the support", axioms.nonnegative, examples=1),
        Property("Σ pmf(x) over the support = 1", axioms.total, examples=1),
        Property("cdf(x) = Σ_{k ≤ x} pmf(k)", axioms.cumulative, examples=10),
        Property("ppf(q) is the smallest x with cdf(x) ≥ q", axioms.quantile, examples=10),
        Property("mean() = Σ x·pmf(x)", axioms.first_moment, examples=1),
        Property(
            "variance() = Σ (x − μ)²·pmf(x) and std() = √variance()",
            axioms.second_moment,
            examples=1,
        ),
        Property(
            "sample(n, rng) draws from the distribution, reproducibly", axioms.sampling, examples=1
        ),
    ]


class _DiscreteAxioms:
    """A learner's discrete distribution, one test per method that must agree with its pmf."""

    def __init__(self, dist: Any) -> None:
        self.dist = dist
        self.pmf, self.cdf, self.ppf = (_method(dist, name) for name in ("pmf", "cdf", "ppf"))
        self.mean, self.variance, self.std = (_method(dist, n) for n in ("mean", "variance", "std"))
        self.cache: dict[str, Any] = {}

    def table(self) -> tuple[list[Any], list[float]]:
        if "table" not in self.cache:
            outcomes = _outcomes(self.dist)
            self.cache["table"] = outcomes, [_real(*_swap(self.pmf.call(x))) for x in outcomes]
        return self.cache["table"]  # type: ignore[no-any-return]

    def nonnegative(self, src: Source) -> Verdict | None:
        outcomes, masses = self.table()
        for x, p in zip(outcomes, masses, strict=True):
            if not p >= 0:
                return Verdict(f"x = {show(x)}", f"pmf(x) = {p!r}", "a probability ≥ 0")
        return None

    def total(self, src: Source) -> Verdict | None:
        outcomes, masses = self.table()
        mass = math.fsum(masses)
        if abs(mass - 1) <= 1e-9:
            return None
        shown = (
            f"{len(outcomes)} outcomes of the support, from {show(outcomes[0])}"
            if outcomes
            else "an empty support"
        )
        return Verdict(shown, f"Σ pmf(x) = {mass!r}", "1 (within 1e-09)")

    def numeric(self) -> tuple[list[Any], list[float]]:
        outcomes, masses = self.table()
        if not outcomes or not all(_is_number(x) for x in outcomes):
            raise _NotNumeric
        pairs = sorted(zip(outcomes, masses, strict=True))
        return [x for x, _ in pairs], [p for _, p in pairs]

    def cumulative(self, src: Source) -> Verdict | None:
        outcomes, masses = self.numeric()
        k = src.choice(min(len(outcomes), 50))
        x = outcomes[k]
        got, expected = _real(*_swap(self.cdf.call(x))), math.fsum(masses[: k + 1])
        if _close(got, expected, 1):
            return None
        return Verdict(f"x = {show(x)}", f"cdf(x) = {got!r}", f"Σ_{{k ≤ x}} pmf(k) = {expected!r}")

    def quantile(self, src: Source) -> Verdict | None:
        outcomes, masses = self.numeric()
        q = (1 + src.choice(999)) / 1000
        running, expected = 0.0, outcomes[-1]
        for x, p in zip(outcomes, masses, strict=True):
            running += p
            if running >= q - 1e-12:
                expected = x
                break
        call, raw = self.ppf.call(q)
        got = _real(raw, call)
        if got == expected:
            return None
        return Verdict(
            f"q = {q!r}",
            f"ppf(q) = {show(raw)}",
            f"{show(expected)}, the smallest x with cdf(x) ≥ q",
        )

    def first_moment(self, src: Source) -> Verdict | None:
        outcomes, masses = self.numeric()
        expected = math.fsum(float(x) * p for x, p in zip(outcomes, masses, strict=True))
        got = _real(*_swap(self.mean.call()))
        scale = math.fsum(abs(float(x)) * p for x, p in zip(outcomes, masses, strict=True))
        if _close(got, expected, scale):
            return None
        return Verdict("the distribution", f"mean() = {got!r}", f"Σ x·pmf(x) = {expected!r}")

    def second_moment(self, src: Source) -> Verdict | None:
        outcomes, masses = self.numeric()
        mu = math.fsum(float(x) * p for x, p in zip(outcomes, masses, strict=True))
        expected = math.fsum(
            (float(x) - mu) ** 2 * p for x, p in zip(outcomes, masses, strict=True)
        )
        return _spread(self.variance, self.std, expected, "Σ (x − μ)²·pmf(x)")

    def sampling(self, src: Source) -> Verdict | None:
        outcomes, masses = self.table()
        return _check_sample(
            self.dist, lambda x: x in set(outcomes), list(zip(outcomes, masses, strict=True))
        )


class _NotNumeric(Exception):
    """The outcomes are not numbers (a Categorical of words): cdf, ppf and moments do not apply."""


def _swap(pair: tuple[object, Any]) -> tuple[Any, object]:
    """(call, raw) → (raw, call), the order ``_real`` takes."""
    return pair[1], pair[0]


def _spread(variance: Learner, std: Learner, expected: float, formula: str) -> Verdict | None:
    got = _real(*_swap(variance.call()))
    if not _close(got, expected, expected, 1e-7):
        return Verdict("the distribution", f"variance() = {got!r}", f"{formula} = {expected!r}")
    deviation = _real(*_swap(std.call()))
    if not _close(deviation, math.sqrt(max(got, 0.0)), deviation, 1e-9):
        return Verdict(
            "the distribution",
            f"std() = {deviation!r}",
            f"√variance() = {math.sqrt(max(got, 0.0))!r}",
        )
    return None


SAMPLE_SIZE = 2000


def _check_sample(
    dist: Any, inside: Callable[[Any], bool], masses: Sequence[tuple[Any, float]]
) -> Verdict | None:
    """sample(n, rng): n values, inside the support, the same for the same seed, and with
    frequencies (a finite support) or a mean within 5 standard errors of the expected ones. The
    seed is fixed, so the check is deterministic; for a correct sampler 5 standard errors fail
    with probability below 10⁻⁶."""
    sample = _method(dist, "sample")
    call, first = sample.call(SAMPLE_SIZE, random.Random(12345))
    first = list(first)
    _, second = sample.call(SAMPLE_SIZE, random.Random(12345))
    if len(first) != SAMPLE_SIZE:
        return Verdict(str(call), f"{len(first)} values", f"{SAMPLE_SIZE} values")
    outside = [x for x in first if not inside(x)]
    if outside:
        return Verdict(
            str(call), f"a value outside the support: {show(outside[0])}", "values in the support"
        )
    if list(second) != first:
        return Verdict(
            str(call) + " twice",
            "two different samples",
            "the same values for the same seed (use the rng you are given)",
        )
    for outcome, mass in masses[:50]:
        p = min(max(mass, 0.0), 1.0)
        frequency = sum(1 for x in first if x == outcome) / SAMPLE_SIZE
        error = 5 * math.sqrt(p * (1 - p) / SAMPLE_SIZE) + 1 / SAMPLE_SIZE
        if abs(frequency - p) > error:
            return Verdict(
                str(call),
                f"outcome {show(outcome)} drawn with frequency {frequency!r}",
                f"pmf = {p!r} (within {error:.2g})",
            )
    return None


def _integral(f: Callable[[float], Any], low: float, high: float, what: str) -> float:
    """∫ f over [low, high] by scratchmath's adaptive Gauss–Kronrod; the learner's exception
    (from inside f) or an integral that does not converge is reported as what it is."""
    return float(
        call_learner(lambda: integrate(lambda x: float(f(x)), low, high, rel_tol=1e-10), what)
    )


def _continuous_properties(dist: Any) -> list[Property]:
    axioms = _ContinuousAxioms(dist)
    return [
        Property("pdf(x) ≥ 0", axioms.nonnegative, examples=10),
        Property("∫ pdf(x) dx over the support = 1", axioms.total, examples=1),
        Property(
            "cdf(x) = ∫ pdf from the lower end of the support to x", axioms.cumulative, examples=6
        ),
        Property("cdf(ppf(q)) = q", axioms.quantile, examples=10),
        Property("mean() = ∫ x·pdf(x) dx", axioms.first_moment, examples=1),
        Property(
            "variance() = ∫ (x − μ)²·pdf(x) dx and std() = √variance()",
            axioms.second_moment,
            examples=1,
        ),
        Property(
            "sample(n, rng) draws from the distribution, reproducibly", axioms.sampling, examples=1
        ),
    ]


class _ContinuousAxioms:
    """A learner's continuous distribution, one test per method that must agree with its pdf."""

    def __init__(self, dist: Any) -> None:
        self.dist = dist
        self.pdf, self.cdf, self.ppf = (_method(dist, name) for name in ("pdf", "cdf", "ppf"))
        self.mean, self.variance, self.std = (_method(dist, n) for n in ("mean", "variance", "std"))
        self.cache: dict[str, Any] = {}

    def density(self, x: float) -> float:
        return _real(*_swap(self.pdf.call(x)))

    def moments(self) -> tuple[float, float, float, float]:
        """(low, high, μ, σ²) from the learner's support and pdf, by integration."""
        if "moments" not in self.cache:
            call, raw = _method(self.dist, "support").call()
            try:
                low, high = (float(v) for v in raw)
            except (TypeError, ValueError):
                raise LearnerProblem(call, f"returned {show(raw)}", "a pair (low, high)") from None
            mu = _integral(lambda x: x * self.density(x), low, high, "∫ x·pdf(x) dx")
            second = _integral(
                lambda x: (x - mu) ** 2 * self.density(x), low, high, "∫ (x − μ)²·pdf(x) dx"
            )
            self.cache["moments"] = low, high, mu, second
        return self.cache["moments"]  # type: ignore[no-any-return]

    def point(self, src: Source) -> float:
        low, high, mu, second = self.moments()
        sigma = math.sqrt(max(second, 0.0))
        a, b = max(low, mu - 6 * sigma), min(high, mu + 6 * sigma)
        return a + (b - a) * (1 + src.choice(999)) / 1000

    def nonnegative(self, src: Source) -> Verdict | None:
        x = self.point(src)
        p = self.density(x)
        return None if p >= 0 else Verdict(f"x = {x!r}", f"pdf(x) = {p!r}", "a density ≥ 0")

    def total(self, src: Source) -> Verdict | None:
        low, high, _, _ = self.moments()
        mass = _integral(self.density, low, high, "∫ pdf(x) dx")
        if abs(mass - 1) <= 1e-6:
            return None
        return Verdict(
            f"the support ({low!r}, {high!r})", f"∫ pdf(x) dx = {mass!r}", "1 (within 1e-06)"
        )

    def cumulative(self, src: Source) -> Verdict | None:
        low = self.moments()[0]
        x = self.point(src)
        got, expected = _real(*_swap(self.cdf.call(x))), _integral(self.density, low, x, "∫ pdf")
        if abs(got - expected) <= 1e-6:
            return None
        return Verdict(
            f"x = {x!r}",
            f"cdf(x) = {got!r}",
            f"∫ pdf from {low!r} to x = {expected!r} (within 1e-06)",
        )

    def quantile(self, src: Source) -> Verdict | None:
        q = (1 + src.choice(999)) / 1000
        x = _real(*_swap(self.ppf.call(q)))
        got = _real(*_swap(self.cdf.call(x)))
        if abs(got - q) <= 1e-8:
            return None
        return Verdict(
            f"q = {q!r}",
            f"ppf(q) = {x!r}, and cdf of it = {got!r}",
            "cdf(ppf(q)) = q (within 1e-08)",
        )

    def first_moment(self, src: Source) -> Verdict | None:
        _, _, mu, second = self.moments()
        got = _real(*_swap(self.mean.call()))
        if abs(got - mu) <= 1e-6 * (1 + abs(mu) + math.sqrt(max(second, 0))):
            return None
        return Verdict("the distribution", f"mean() = {got!r}", f"∫ x·pdf(x) dx = {mu!r}")

    def second_moment(self, src: Source) -> Verdict | None:
        return _spread(self.variance, self.std, self.moments()[3], "∫ (x − μ)²·pdf(x) dx")

    def sampling(self, src: Source) -> Verdict | None:
        low, high, mu, second = self.moments()
        verdict = _check_sample(self.dist, lambda x: _is_number(x) and low <= x <= high, [])
        if verdict is not None:
            return verdict
        values = [
            float(x)
            for x in _method(self.dist, "sample").call(SAMPLE_SIZE, random.Random(12345))[1]
        ]
        average = math.fsum(values) / SAMPLE_SIZE
        error = 5 * math.sqrt(max(second, 0.0) / SAMPLE_SIZE)
        if abs(average - mu) <= error + 1e-12:
            return None
        return Verdict(
            f"sample({SAMPLE_SIZE}, random.Random(12345))",
            f"a sample mean of {average!r}",
            f"μ = {mu!r} (within 5 standard errors, {error:.2g})",
        )


def check_distribution(dist: Any, *, seed: int = 0, examples: int = 10) -> CheckReport:
    """Check a distribution object of your own: its methods must agree with its pmf or pdf.

    A discrete one (it has ``pmf``): pmf ≥ 0 and sums to 1 over ``support()`` (an infinite
    support is read until the mass left is below 10⁻¹²); cdf(x) = Σ_{k ≤ x} pmf(k); ppf(q)
    is the smallest x with cdf(x) ≥ q; mean, variance and std are the sums that define them.
    A continuous one (it has ``pdf``; ``support()`` → (low, high)): pdf ≥ 0 and integrates to
    1; cdf is the integral of pdf; cdf(ppf(q)) = q; mean, variance and std are the integrals.
    Both: ``sample(n, rng)`` gives n values of the support, the same ones for the same seed,
    whose frequencies (or mean) are within 5 standard errors of the pmf's (or μ).

    >>> from scratchmath import Binomial, Normal
    >>> check_distribution(Binomial(4, 0.3)).passed and check_distribution(Normal(1, 2)).passed
    True

    Raises: nothing for a faulty object: a missing method is a failure in the report.
    """
    if callable(getattr(dist, "pmf", None)):
        properties = _discrete_properties(dist)
    elif callable(getattr(dist, "pdf", None)):
        properties = _continuous_properties(dist)
    else:
        failure = Failure(
            "a distribution has a pmf (discrete) or a pdf (continuous)",
            show(dist),
            "neither a pmf nor a pdf method",
            "the interface of DESIGN §4: pmf or pdf, cdf, ppf, support, mean, variance, std,"
            " sample",
            f"see {_DISTRIBUTIONS}",
        )
        return CheckReport("check_distribution", False, 0, [failure], checked=[failure.axiom])
    wrapped = [prop._replace(test=_skip_not_numeric(prop.test)) for prop in properties]
    return run_properties(
        "check_distribution", wrapped, hint=f"see {_DISTRIBUTIONS}", seed=seed, examples=examples
    )


def _skip_not_numeric(
    test: Callable[[Source], Verdict | None],
) -> Callable[[Source], Verdict | None]:
    def run(src: Source) -> Verdict | None:
        try:
            return test(src)
        except _NotNumeric:
            return None

    return run


# --- expectation, entropy, KL -----------------------------------------------------------------


def _finite(src: Source) -> Any:
    """A scratchmath distribution with a finite support and rational parameters."""
    kind = src.choice(4)
    if kind == 0:
        return Bernoulli(Fraction(src.choice(9), 8))
    if kind == 1:
        return Binomial(1 + src.choice(6), Fraction(1 + src.choice(7), 8))
    if kind == 2:
        a = src.integer(3)
        return DiscreteUniform(a, a + src.choice(6))
    return Categorical(_probabilities(src, [src.integer(5) for _ in range(1 + src.choice(4))]))


def _probabilities(src: Source, outcomes: Iterable[Any]) -> dict[Any, Fraction]:
    """Rational probabilities over distinct outcomes, some of them possibly 0."""
    distinct = list(dict.fromkeys(outcomes))
    weights = [src.choice(5) for _ in distinct]
    if sum(weights) == 0:
        weights[0] = 1
    total = sum(weights)
    return {x: Fraction(w, total) for x, w in zip(distinct, weights, strict=True)}


class Table(Categorical):
    """A Categorical whose ``support()`` lists every outcome given, those of probability 0
    included (``Categorical`` leaves them out): where a learner must meet 0·log 0.

    >>> list(Table({"a": Fraction(1), "b": Fraction(0)}).support())
    ['a', 'b']
    """

    __slots__ = ("listed",)

    def __init__(self, probabilities: dict[Any, Fraction]) -> None:
        super().__init__(probabilities)
        self.listed = list(probabilities)

    def support(self) -> list[Any]:
        """Every outcome listed, probability 0 or not."""
        return list(self.listed)


def _table(dist: Any) -> list[tuple[Any, float]]:
    return [(x, float(dist.pmf(x))) for x in dist.support()]


_FUNCTIONS = (
    Named(lambda x: x * x, "x²"),
    Named(lambda x: 2 * x + 3, "2x + 3"),
    Named(lambda x: (x - 1) ** 2, "(x − 1)²"),
    Named(abs, "|x|"),
)


def check_expectation(
    expectation: Callable[..., Any], *, seed: int = 0, examples: int = 20
) -> CheckReport:
    """Check ``expectation(dist, g=None)`` → E[g(X)] (E[X] when g is None) from the definition.

    E[X] = Σ x·p(x) and E[g(X)] = Σ g(x)·p(x) (not g(E[X])) for Bernoulli, Binomial,
    DiscreteUniform and Categorical distributions; E[a·X + b] = a·E[X] + b (linearity). Beyond
    the exercise, and noted rather than failed if your function refuses the first one: an
    infinite support (Poisson, Geometric: cut the sum where the tail is negligible) and a
    continuous X (E[g(X)] = ∫ g(x)·f(x) dx). Within 10⁻⁹ relative for sums, 10⁻⁶ for integrals.

    >>> from scratchmath import expectation
    >>> check_expectation(expectation).passed
    True
    >>> check_expectation(lambda d, g=None: (g or (lambda x: x))(d.mean())).passed  # g(E[X])
    False

    Raises: TypeError if ``expectation`` is not callable.
    """
    check_callable(expectation, "expectation")
    axioms = _ExpectationAxioms(expectation)
    properties = [
        Property("E[X] = Σ x·p(x)", axioms.mean),
        Property("E[g(X)] = Σ g(x)·p(x) (not g(E[X]))", axioms.of_g),
        Property("E[a·X + b] = a·E[X] + b (linearity)", axioms.linear),
        Property(
            "E[g(X)] for an infinite support (Poisson, Geometric)",
            axioms.reference(_infinite, 1e-9),
            examples=6,
            optional=True,
        ),
        Property(
            "E[g(X)] = ∫ g(x)·f(x) dx for a continuous X",
            axioms.reference(_continuous, 1e-6),
            examples=6,
            optional=True,
        ),
    ]
    return run_properties(
        "check_expectation", properties, hint=f"see {_EXPECTATION}", seed=seed, examples=examples
    )


class _ExpectationAxioms:
    """A learner's ``expectation``, with one test per property of E[g(X)]."""

    def __init__(self, expectation: Callable[..., Any]) -> None:
        self.learner = Learner(expectation, "expectation")

    def value(self, dist: Any, g: Named | None = None) -> float:
        call, raw = self.learner.call(dist) if g is None else self.learner.call(dist, g)
        return _real(raw, call)

    def compare(
        self, dist: Any, g: Named | None, expected: float, scale: float, relative: float
    ) -> Verdict | None:
        got = self.value(dist, g)
        if _close(got, expected, scale, relative):
            return None
        what = "E[X]" if g is None else f"E[g(X)] with g(x) = {g.formula}"
        return Verdict(
            f"X ~ {show(dist)}",
            f"{what} = {got!r}",
            f"{expected!r} (within {relative * (1 + scale):.2g})",
        )

    def mean(self, src: Source) -> Verdict | None:
        dist = _finite(src)
        pairs = _table(dist)
        expected = math.fsum(float(x) * p for x, p in pairs)
        return self.compare(
            dist, None, expected, math.fsum(abs(float(x)) * p for x, p in pairs), 1e-9
        )

    def of_g(self, src: Source) -> Verdict | None:
        dist, g = _finite(src), src.pick(_FUNCTIONS)
        pairs = _table(dist)
        expected = math.fsum(float(g(x)) * p for x, p in pairs)
        return self.compare(
            dist, g, expected, math.fsum(abs(float(g(x))) * p for x, p in pairs), 1e-9
        )

    def linear(self, src: Source) -> Verdict | None:
        dist, a, b = _finite(src), src.integer(4), src.integer(4)
        g = Named(lambda x: a * x + b, f"{a}x + {b}")
        left, right = self.value(dist, g), a * self.value(dist) + b
        if _close(left, right, abs(a) * abs(right) + abs(b), 1e-9):
            return None
        return Verdict(
            f"X ~ {show(dist)}, a = {a}, b = {b}",
            f"E[a·X + b] = {left!r}",
            f"a·E[X] + b = {right!r}",
        )

    def reference(
        self, draw: Callable[[Source], Any], relative: float
    ) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            dist = draw(src)
            g = src.pick((None, *_FUNCTIONS[:3]))
            plain = dist._dist if isinstance(dist, Unending) else dist
            expected = float(reference_expectation(plain, g))
            scale = abs(float(reference_expectation(plain, lambda x: abs(g(x)) if g else abs(x))))
            return self.compare(dist, g, expected, scale, relative)

        return test


def _infinite(src: Source) -> Any:
    if src.choice(2) == 0:
        return Unending(Poisson(Fraction(1 + src.choice(12), 2)))
    return Unending(Geometric(Fraction(1 + src.choice(7), 8)))


class Unending:
    """A distribution with an infinite support, handed to a learner's function.

    Its ``support()`` is a Python generator, not ``itertools.count``: a learner who writes
    ``list(dist.support())`` then loops in Python code, where the time limit can stop it,
    instead of inside one C call that fills the memory before any signal is handled. Every
    other attribute is the distribution's own.
    """

    __slots__ = ("_dist",)

    def __init__(self, dist: Any) -> None:
        self._dist = dist

    def support(self) -> Iterator[Any]:
        """The outcomes, one at a time, without end."""
        for outcome in self._dist.support():  # noqa: UP028 - a Python loop the signal can stop
            yield outcome

    def __getattr__(self, name: str) -> Any:
        return getattr(self._dist, name)

    def __repr__(self) -> str:
        return repr(self._dist)


def _continuous(src: Source) -> Any:
    kind = src.choice(3)
    if kind == 0:
        a = src.integer(3)
        return Uniform(a, a + 1 + src.choice(4))
    if kind == 1:
        return Normal(src.integer(3), 1 + src.choice(3))
    return Exponential(Fraction(1 + src.choice(4), 2))


def _entropy_of(pairs: Iterable[tuple[Any, float]], base: float) -> float:
    return -math.fsum(p * math.log(p) for _, p in pairs if p > 0) / math.log(base)


def _with_zeros(src: Source) -> Any:
    """A finite distribution with an outcome of probability 0, listed in its support."""
    outcomes = [src.integer(5) for _ in range(2 + src.choice(3))]
    probabilities = _probabilities(src, outcomes)
    src.assume(0 in probabilities.values())
    return Table(probabilities)


def _uniform(src: Source) -> Any:
    """The uniform distribution on 1 to 8 consecutive integers."""
    a = src.integer(3)
    return DiscreteUniform(a, a + src.choice(8))


def _certain(src: Source) -> Any:
    """A distribution with one outcome of probability 1."""
    return src.pick((Bernoulli(0), Bernoulli(1), DiscreteUniform(2, 2), Categorical({"a": 1})))


def check_entropy(entropy: Callable[..., Any], *, seed: int = 0, examples: int = 20) -> CheckReport:
    """Check ``entropy(dist, base=2)`` → H(X) = −Σ p(x)·log_base p(x), in bits by default.

    On Bernoulli, Binomial, DiscreteUniform and Categorical distributions (probabilities of 0
    included: 0·log 0 = 0); in bits when no base is given, in nats for base=math.e; H of the
    uniform distribution on n outcomes is log₂ n; H ≥ 0, and 0 for a certain outcome.
    Within 10⁻⁹ relative.

    >>> from scratchmath import entropy
    >>> check_entropy(entropy).passed
    True
    >>> import math
    >>> def in_nats(dist, base=2):  # the base forgotten
    ...     return -sum(p * math.log(p) for p in map(dist.pmf, dist.support()) if p > 0)
    >>> check_entropy(in_nats).failures[0].axiom
    'H(X) = −Σ p(x)·log₂ p(x): bits when no base is given'

    Raises: TypeError if ``entropy`` is not callable.
    """
    check_callable(entropy, "entropy")
    learner = Learner(entropy, "entropy")

    def known(
        draw: Callable[[Source], Any], base: float | None
    ) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            dist = draw(src)
            call, raw = learner.call(dist) if base is None else learner.call(dist, base=base)
            got = _real(raw, call)
            expected = _entropy_of(_table(dist), base or 2)
            if _close(got, expected, expected):
                return None
            unit = {None: "bits (no base given)", 2: "bits", math.e: "nats"}[base]
            return Verdict(
                f"X ~ {show(dist)}", f"H(X) = {got!r}", f"{expected!r} {unit} = −Σ p·log p"
            )

        return test

    properties = [
        Property("H(X) = −Σ p(x)·log₂ p(x): bits when no base is given", known(_finite, None)),
        Property("entropy(dist, base=2) is in bits", known(_finite, 2)),
        Property("entropy(dist, base=math.e) is in nats: H_e = H₂·ln 2", known(_finite, math.e)),
        Property("0·log 0 = 0: an outcome of probability 0 adds nothing", known(_with_zeros, None)),
        Property("H(uniform on n outcomes) = log₂ n", known(_uniform, None)),
        Property("H = 0 for a certain outcome", known(_certain, None), examples=4),
    ]
    return run_properties(
        "check_entropy", properties, hint=f"see {_ENTROPY}", seed=seed, examples=examples
    )


def _kl_of(p: Any, q: Any, base: float) -> float:
    total = []
    for x, px in _table(p):
        if px > 0:
            qx = float(q.pmf(x))
            if qx == 0:
                return math.inf
            total.append(px * math.log(px / qx))
    return math.fsum(total) / math.log(base)


def _kl_pair(src: Source, zeros_in_q: bool = False, listed: bool = True) -> tuple[Any, Any]:
    """Two distributions p, q over the same outcomes: a Binomial against a DiscreteUniform, or
    two with drawn rational probabilities, q without zeros unless ``zeros_in_q``."""
    if src.choice(4) == 0:
        n = 1 + src.choice(4)
        return Binomial(n, Fraction(1 + src.choice(7), 8)), DiscreteUniform(0, n)
    outcomes = list(range(2 + src.choice(3)))
    p, q = _probabilities(src, outcomes), _probabilities(src, outcomes)
    if not zeros_in_q:
        q = {x: (w + Fraction(1, 10)) / (1 + Fraction(len(q), 10)) for x, w in q.items()}
    # p's zero-probability outcomes are listed (a learner must skip them), except beside a
    # q with zeros: 0·log(0/0) is a convention one checker property at a time.
    first = Table if listed and not zeros_in_q else Categorical
    second = Table if listed else Categorical
    return first(p), second(q)


def check_kl_divergence(
    kl: Callable[..., Any], *, seed: int = 0, examples: int = 20
) -> CheckReport:
    """Check ``kl(p, q, base=2)`` → D(p‖q) = Σ p(x)·log(p(x)/q(x)), in bits by default.

    On pairs of Categorical distributions over the same outcomes (and Binomial against
    DiscreteUniform): the definition, with the arguments in this order (D(p‖q) ≠ D(q‖p));
    base=math.e gives nats; D(p‖q) ≥ 0 (Gibbs' inequality) and D(p‖p) = 0; a term with
    p(x) = 0 adds nothing; where q(x) = 0 < p(x), D = ∞ (math.inf, or an error raised).
    Within 10⁻⁹ relative.

    >>> from scratchmath import kl_divergence
    >>> check_kl_divergence(kl_divergence).passed
    True

    Raises: TypeError if ``kl`` is not callable.
    """
    check_callable(kl, "kl")
    axioms = _KLAxioms(kl)
    properties = [
        Property("D(p‖q) = Σ p(x)·log₂(p(x)/q(x)), in bits by default", axioms.known(None)),
        Property("kl(p, q, base=math.e) is in nats", axioms.known(math.e)),
        Property("D(p‖q) ≥ 0 (Gibbs' inequality) and D(p‖p) = 0", axioms.gibbs),
        Property("p(x) = 0 adds nothing; q(x) = 0 < p(x) makes D(p‖q) = ∞", axioms.infinite),
    ]
    return run_properties(
        "check_kl_divergence", properties, hint=f"see {_KL}", seed=seed, examples=examples
    )


class _KLAxioms:
    """A learner's ``kl``, with one test per property of D(p‖q)."""

    def __init__(self, kl: Callable[..., Any]) -> None:
        self.learner = Learner(kl, "kl")

    def value(self, p: Any, q: Any, base: float | None) -> float:
        call, raw = self.learner.call(p, q) if base is None else self.learner.call(p, q, base=base)
        return _real(raw, call)

    def known(self, base: float | None) -> Callable[[Source], Verdict | None]:
        def test(src: Source) -> Verdict | None:
            p, q = _kl_pair(src)
            got, expected = self.value(p, q, base), _kl_of(p, q, base or 2)
            if _close(got, expected, expected):
                return None
            swapped = (
                " (that is D(q‖p): the arguments are swapped)"
                if _close(got, _kl_of(q, p, base or 2), got)
                else ""
            )
            unit = "nats" if base == math.e else "bits"
            return Verdict(
                f"p = {show(p)}, q = {show(q)}",
                f"D(p‖q) = {got!r}{swapped}",
                f"{expected!r} {unit}",
            )

        return test

    def gibbs(self, src: Source) -> Verdict | None:
        p, q = _kl_pair(src, listed=False)
        got, same = self.value(p, q, None), self.value(p, p, None)
        if got >= -1e-12 and abs(same) <= 1e-12:
            return None
        return Verdict(
            f"p = {show(p)}, q = {show(q)}",
            f"D(p‖q) = {got!r}, D(p‖p) = {same!r}",
            "D(p‖q) ≥ 0 and D(p‖p) = 0",
        )

    def infinite(self, src: Source) -> Verdict | None:
        p, q = _kl_pair(src, zeros_in_q=True)
        expected = _kl_of(p, q, 2)
        if expected != math.inf:
            got = self.value(p, q, None)
            return (
                None
                if _close(got, expected, expected)
                else Verdict(
                    f"p = {show(p)}, q = {show(q)}", f"D(p‖q) = {got!r}", f"{expected!r} bits"
                )
            )
        try:
            call, raw = self.learner.call(p, q)
        except LearnerProblem as problem:
            return None if problem.got.startswith("raised") else problem.verdict
        got = _real(raw, call)
        return (
            None
            if got == math.inf
            else Verdict(
                f"p = {show(p)}, q = {show(q)}",
                f"D(p‖q) = {got!r}",
                "math.inf: q(x) = 0 where p(x) > 0",
            )
        )
