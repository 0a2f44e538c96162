"""Tests of scratchmath.check.engine.

Theorems and properties checked:

- correct implementations are accepted
- planted bugs are caught and named
- a raising function is reported not raised
- a function returning none is reported
- a looping function is stopped
- a slow function gets a report in bounded time
- a loop that catches every exception is still stopped
- a wrong shape or kind is reported
- a map to the line may return a number
- a complex norm is reported
- a distribution without methods is reported
- the report names the axiom and both values
- the report unpacks and is false when failed
- the same seed draws the same cases
- an exact answer is checked with no tolerance
- a float answer gets a tolerance from its rounding
- a non callable is a type error
- bad arguments of the two checkers with several
- the built in engine works without hypothesis
"""

from __future__ import annotations

import builtins
import math
import operator
from typing import Any

import pytest

import scratchmath as sm
from scratchmath import Vector
from scratchmath.check import (
    CHECKERS,
    CheckReport,
    Failure,
    check_derivative,
    check_det,
    check_distribution,
    check_inverse,
    check_linear_map,
    check_norm,
    check_vector_space,
    engine,
)
from scratchmath.errors import DomainError
from tests.learners import BUGS, CORRECT, Case


def run(case: Case) -> CheckReport:
    checker = CHECKERS[case.checker]
    if isinstance(case.value, tuple):
        return checker(*case.value)
    return checker(case.value)


@pytest.mark.parametrize("case", CORRECT, ids=lambda c: f"{c.checker}-{c.label}")
def test_correct_implementations_are_accepted(case: Case) -> None:
    report = run(case)
    assert report.passed, str(report)
    assert str(report).startswith(f"check_{case.checker}: passed")
    assert report.cases > 0 and report.failures == ()


@pytest.mark.parametrize("case", BUGS, ids=lambda c: f"{c.checker}-{c.label}")
def test_planted_bugs_are_caught_and_named(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    # The built-in search alone catches every bug (and keeps this quick); the correct
    # implementations above run with Hypothesis too, so its extra cases never reject them.
    monkeypatch.setattr(engine, "_hypothesis_search", lambda properties, examples: None)
    report = run(case)
    assert not report.passed, f"{case.label} was not caught"
    axioms = [failure.axiom for failure in report.failures]
    assert any(case.axiom in axiom for axiom in axioms), f"{case.label}: {axioms}"
    text = str(report)
    assert "FAILED" in text and case.axiom in text
    for failure in report.failures:  # a small counterexample, shrunk
        assert len(failure.inputs) < 400, failure.inputs


# --- a learner's function that misbehaves -------------------------------------------------------


def test_a_raising_function_is_reported_not_raised() -> None:
    def broken(A: Any) -> Any:
        raise RuntimeError("not written yet")

    report = check_det(broken)
    assert not report.passed
    assert "raised RuntimeError: not written yet" in str(report)
    assert report.failures[0].inputs == "det(Matrix([[0]]))"


def test_a_function_returning_none_is_reported() -> None:
    report = check_norm(lambda v: None)
    assert "returned None (a forgotten return?)" in str(report)


def test_a_looping_function_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "CALL_TIMEOUT", 0.2)
    monkeypatch.setattr(engine._time_limit, "seconds", 0.2)

    def forever(f: Any, x: float) -> float:
        while True:
            pass

    report = check_derivative(forever)
    assert not report.passed
    assert "no answer within 0.2 s (an endless loop?)" in str(report)
    assert len(report.failures) == 1  # no further call after the loop
    assert "did not return" in str(report)


def test_a_slow_function_gets_a_report_in_bounded_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(engine, "CHECK_SECONDS", 0.5)

    def slow_norm(v: Any) -> float:
        time.sleep(0.02)
        return abs(v)

    start = time.monotonic()
    report = check_norm(slow_norm)
    assert report.passed and time.monotonic() - start < 5
    assert "your function is slow" in str(report)


def test_a_loop_that_catches_every_exception_is_still_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine._time_limit, "seconds", 0.2)

    def stubborn(v: Any) -> float:
        while True:
            try:
                math.sqrt(2)
            except Exception:
                continue

    assert "endless loop" in str(check_norm(stubborn))


@pytest.mark.parametrize(
    ("function", "words"),
    [
        (lambda A: [[1, 0]], "a 1×1 matrix"),
        (lambda A: "inverse", "a 1×1 matrix"),
        (lambda A: [[1 + 2j]], "A·A⁻¹ = I"),
    ],
)
def test_a_wrong_shape_or_kind_is_reported(function: Any, words: str) -> None:
    report = check_inverse(function)
    assert not report.passed
    assert words in str(report)


def test_a_map_to_the_line_may_return_a_number() -> None:
    assert check_linear_map(lambda v: 2 * v[0] - v[1], 2, 1).passed
    assert not check_linear_map(lambda v: 2 * v[0] - v[1] + 1, 2, 1).passed


def test_a_complex_norm_is_reported() -> None:
    report = check_norm(lambda v: complex(sum(x * x for x in v)) ** 0.5)
    assert "complex" in str(report)


def test_a_distribution_without_methods_is_reported() -> None:
    report = check_distribution(object())
    assert not report.passed and "neither a pmf nor a pdf" in str(report)

    class OnlyPmf:
        def pmf(self, k: Any) -> float:
            return 0.5 if k in (0, 1) else 0.0

        def support(self) -> list[int]:
            return [0, 1]

    report = check_distribution(OnlyPmf())
    assert "your distribution has no cdf method" in str(report)


# --- the report ---------------------------------------------------------------------------------


def test_the_report_names_the_axiom_and_both_values() -> None:
    report = check_det(lambda A: abs(sm.det(A)))
    failure = report.failures[0]
    assert isinstance(failure, Failure)
    text = str(failure)
    assert text.startswith("✗ det(A) = Σ_σ sign(σ)")
    assert "input:     A = Matrix([[-1]])" in text
    assert "yours:     det(A) = 1" in text
    assert "expected:  -1" in text
    assert "docs/linear-algebra.md" in text


def test_the_report_unpacks_and_is_false_when_failed() -> None:
    report = check_norm(len)
    name, passed, cases, failures = report
    assert (name, passed) == ("check_norm", False) and cases > 0 and failures
    assert not report
    assert "check_norm" in repr(report)


def test_the_same_seed_draws_the_same_cases() -> None:
    first, again = check_norm(lambda v: sum(v)), check_norm(lambda v: sum(v))
    assert first == again
    other = check_norm(lambda v: sum(v), seed=7)
    assert not other.passed


def test_an_exact_answer_is_checked_with_no_tolerance() -> None:
    # off by 10⁻³⁰ in exact arithmetic: an exact answer must be exact
    from fractions import Fraction

    report = check_det(lambda A: sm.det(A) + Fraction(1, 10**30))
    assert not report.passed


def test_a_float_answer_gets_a_tolerance_from_its_rounding() -> None:
    report = check_det(lambda A: float(sm.det(A)) * (1 + 4e-16))
    assert report.passed, str(report)


# --- bad arguments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "checker",
    [c for n, c in CHECKERS.items() if n not in ("vector_space", "linear_map", "distribution")],
)
def test_a_non_callable_is_a_type_error(checker: Any) -> None:
    with pytest.raises(TypeError, match="must be a callable function, got int"):
        checker(3)


def test_bad_arguments_of_the_two_checkers_with_several() -> None:
    with pytest.raises(TypeError, match="scale must be a callable function"):
        check_vector_space(operator.add, 2, Vector.zeros)
    with pytest.raises(
        TypeError, match="zero must be a function zero\\(n\\) or a zero vector, got int"
    ):
        check_vector_space(operator.add, operator.mul, 0)
    with pytest.raises(DomainError, match="n must be an integer ≥ 1, got 0"):
        check_linear_map(lambda v: v, 0, 2)
    with pytest.raises(TypeError, match="m must be an int, got float"):
        check_linear_map(lambda v: v, 2, 2.0)


# --- without Hypothesis -------------------------------------------------------------------------


def test_the_built_in_engine_works_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_hypothesis(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ImportError("No module named 'hypothesis'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_hypothesis)
    assert engine._hypothesis_search([engine.Property("p", lambda src: None)], 5) is None
    assert check_det(sm.det).passed
    report = check_det(lambda A: math.prod(A[i, i] for i in range(A.shape[0])))
    assert not report.passed
    assert report.failures[0].inputs.count("[") <= 6  # shrunk to a small matrix
