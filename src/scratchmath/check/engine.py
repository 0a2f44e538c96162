"""The engine under every checker: seeded draws, a shrinker, safe calls, and the report.

===================  ======================================================================
``CheckReport``      what a checker returns: name, passed, cases, failures (str: in words)
``Failure``          one axiom that failed: the axiom, the input, your value, the expected one
``Source``           the choices behind one drawn case (replayable, so a case can be shrunk)
``Property``         one axiom of a concept: its words and a test of one drawn case
``run_properties``   try every property on seeded cases, shrink the first failure of each
===================  ======================================================================

How a failure becomes small. Every random input is built from a list of small non-negative
integer *choices* (a dimension, an entry, which test function), each made so that 0 is the
simplest answer: the dimension 1, the entry 0, the first function of a list. A failing case is
replayed with its choice list made shorter and its choices smaller, keeping each change that
still fails; what is left is a counterexample a learner can work by hand. This is the idea of
Hypothesis's engine, in miniature. When Hypothesis is installed (the ``check`` extra), it is used
as a second searcher over the same choice lists, with its own shrinking; nothing else needs it.

>>> def always_positive(src):
...     x = src.integer(9)
...     return None if x * x > 0 else Verdict(f"x = {x}", str(x * x), "a positive number")
>>> report = run_properties("square", [Property("x² > 0", always_positive)], hint="")
>>> report.passed, report.failures[0].inputs
(False, 'x = 0')
"""

from __future__ import annotations

import math
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from scratchmath.matrices import Matrix
from scratchmath.vectors import Vector

__all__ = [
    "CALL_TIMEOUT",
    "CheckReport",
    "Failure",
    "LearnerProblem",
    "Property",
    "Reject",
    "Source",
    "Verdict",
    "call_learner",
    "run_properties",
    "show",
]

CALL_TIMEOUT = 1.0
"""Seconds one call of a learner's function may take before it is stopped as an endless loop."""

OPTIONAL_TIMEOUT = 0.25
"""…and in an optional property (an extension the exercise does not ask for)."""

MAX_CHOICES = 400
"""The most choices one case may make: a bound on every generator."""

SHRINK_BUDGET = 200
"""The most replays the shrinker spends on one failure: a count, not a time, so the same seed
gives the same counterexample on a fast machine and a slow one."""

CHECK_SECONDS = 10.0
"""After this long, a checker tries one case per remaining property and no more: a slow
learner's function gets a report in seconds, not minutes (the report notes it)."""

SHRINK_SECONDS = 3.0
"""A safety valve for a slow learner's function (each replay calls it again)."""


class Failure(NamedTuple):
    """One axiom a learner's implementation broke, on the smallest input found.

    >>> print(Failure("det(I) = 1", "A = [[1]]", "0", "1", "see the chapter"))
    ✗ det(I) = 1
        input:     A = [[1]]
        yours:     0
        expected:  1
        hint:      see the chapter
    """

    axiom: str
    inputs: str
    got: str
    expected: str
    hint: str = ""

    def __str__(self) -> str:
        lines = [
            f"✗ {self.axiom}",
            f"    input:     {self.inputs}",
            f"    yours:     {self.got}",
            f"    expected:  {self.expected}",
        ]
        if self.hint:
            lines.append(f"    hint:      {self.hint}")
        return "\n".join(lines)


class CheckReport:
    """What a checker found: ``name``, ``passed``, ``cases`` (inputs tried) and ``failures``.

    ``str(report)`` says in words which axiom failed, on what input, with your value beside the
    expected one. ``bool(report)`` is ``report.passed``, so ``assert check_det(my_det)`` works,
    and ``name, passed, cases, failures = report`` unpacks it. ``checked`` lists the axioms
    tried; ``notes`` says what could not be checked and why.

    >>> report = CheckReport("check_det", True, 120, (), checked=("det(I) = 1",))
    >>> print(report)
    check_det: passed — 120 cases, every property held:
      ✓ det(I) = 1
    >>> bool(report), tuple(report)
    (True, ('check_det', True, 120, ()))
    """

    __slots__ = ("cases", "checked", "failures", "name", "notes", "passed")

    def __init__(
        self,
        name: str,
        passed: bool,
        cases: int,
        failures: Sequence[Failure],
        *,
        checked: Sequence[str] = (),
        notes: Sequence[str] = (),
    ) -> None:
        self.name = name
        self.passed = passed
        self.cases = cases
        self.failures = tuple(failures)
        self.checked = tuple(checked)
        self.notes = tuple(notes)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.name, self.passed, self.cases, self.failures))

    def __bool__(self) -> bool:
        return self.passed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CheckReport):
            return NotImplemented
        return tuple(self) == tuple(other) and self.notes == other.notes

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"CheckReport(name={self.name!r}, passed={self.passed}, cases={self.cases}, "
            f"failures={list(self.failures)!r})"
        )

    def __str__(self) -> str:
        failed = {failure.axiom for failure in self.failures}
        if self.passed:
            lines = [f"{self.name}: passed — {self.cases} cases, every property held:"]
        else:
            lines = [
                f"{self.name}: FAILED — {len(self.failures)} of {len(self.checked) or '?'} "
                f"properties failed ({self.cases} cases tried)"
            ]
        lines += [f"  ✓ {axiom}" for axiom in self.checked if axiom not in failed]
        lines += [f"  · not checked: {note}" for note in self.notes]
        seen: dict[tuple[str, str], str] = {}
        for failure in self.failures:
            key = (failure.inputs, failure.got)
            if key in seen:
                lines.append(f"✗ {failure.axiom}\n    (the same problem as under “{seen[key]}”)")
            else:
                seen[key] = failure.axiom
                lines.append(str(failure))
        return "\n".join(lines)


class Verdict(NamedTuple):
    """A property's finding on one case: the input, the learner's value, the expected one."""

    inputs: str
    got: str
    expected: str


class Reject(Exception):
    """A drawn case the property cannot use (a singular matrix where an inverse is needed)."""


class _Overrun(Exception):
    """A case made more than MAX_CHOICES choices."""


class LearnerProblem(Exception):
    """The learner's function raised, returned None or the wrong kind of value: a failure."""

    def __init__(self, call: object, got: str, expected: str) -> None:
        super().__init__(got)
        self.call, self.got, self.expected = call, got, expected

    @property
    def verdict(self) -> Verdict:
        """The finding, the call written out."""
        return Verdict(str(self.call), self.got, self.expected)


class _Timeout(BaseException):
    """A learner's call ran past CALL_TIMEOUT. A BaseException, so ``except Exception`` in the
    learner's code cannot swallow it."""


class _Unresponsive(Exception):
    """The learner's function looped: no further calls are made."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.got)
        self.verdict = verdict


class Source:
    """The choices behind one drawn case; each choice is an int in [0, n), 0 the simplest.

    A fresh source draws from ``rng``; a replay reads ``prefix`` first (taken modulo n) and
    then answers 0, the simplest choice, so a shortened prefix is a simpler case.

    >>> src = Source(random.Random(1))
    >>> v = src.vector(3, src.fraction)
    >>> Source(None, src.choices).vector(3, Source.fraction) == v
    True
    """

    def __init__(self, rng: random.Random | None, prefix: Sequence[int] = ()) -> None:
        self.rng = rng
        self.prefix = prefix
        self.choices: list[int] = []

    def choice(self, n: int) -> int:
        """An int in [0, n)."""
        i = len(self.choices)
        if i >= MAX_CHOICES:
            raise _Overrun
        if i < len(self.prefix):
            c = self.prefix[i] % n
        elif self.rng is not None:
            c = self.rng.randrange(n)
        else:
            c = 0
        self.choices.append(c)
        return c

    def assume(self, condition: bool) -> None:
        """Give up on this case unless ``condition`` holds."""
        if not condition:
            raise Reject

    def pick(self, options: Sequence[Any]) -> Any:
        """One of ``options``; the first is the simplest."""
        return options[self.choice(len(options))]

    def integer(self, bound: int) -> int:
        """An int in [−bound, bound], ordered 0, 1, −1, 2, −2, … from simplest."""
        c = self.choice(2 * bound + 1)
        return (c + 1) // 2 if c % 2 else -(c // 2)

    def fraction(self, bound: int = 6) -> Fraction:
        """A small rational: an integer half of the time, else p/q with 2 ≤ q ≤ 5."""
        numerator = self.integer(bound)
        denominator = 1 if self.choice(2) == 0 else 2 + self.choice(4)
        return Fraction(numerator, denominator)

    def real(self, bound: float = 4.0) -> float:
        """A float in [−bound, bound]: a small integer, a simple fraction, or any float."""
        kind = self.choice(3)
        if kind == 0:
            return float(self.integer(int(bound)))
        if kind == 1:
            return float(self.fraction(int(bound)))
        return bound * self.integer(2**20) / 2**20

    def vector(self, n: int, entry: Callable[..., Any]) -> Vector:
        """A Vector of n entries, each drawn by ``entry(self)``."""
        return Vector([_draw(entry, self) for _ in range(n)])

    def matrix(self, m: int, n: int, entry: Callable[..., Any]) -> Matrix:
        """An m×n Matrix, each entry drawn by ``entry(self)``."""
        return Matrix([[_draw(entry, self) for _ in range(n)] for _ in range(m)])


def _draw(entry: Callable[..., Any], src: Source) -> Any:
    # A bound method of this source (src.fraction) or a plain function of one (Source.fraction).
    return entry() if getattr(entry, "__self__", None) is src else entry(src)


class Property(NamedTuple):
    """One axiom: its statement in words and a test of one drawn case.

    ``test(src)`` draws its inputs from ``src``, calls the learner, and returns None when the
    axiom held or a ``Verdict``. ``examples`` overrides the number of cases; an ``optional``
    property (an extension beyond the exercise) is noted, not failed, when the learner's
    function refuses its very first case.
    """

    axiom: str
    test: Callable[[Source], Verdict | None]
    hint: str = ""
    examples: int | None = None
    optional: bool = False


# --- showing values in the report -----------------------------------------------------------


def show(value: object) -> str:
    """A value as the report prints it: fractions as p/q, floats by repr, vectors as lists.

    >>> show(Vector([1, Fraction(1, 2)])), show(Matrix([[1, 0], [0, 2]])), show(None)
    ('Vector([1, 1/2])', 'Matrix([[1, 0], [0, 2]])', 'None')
    """
    if isinstance(value, Vector):
        return f"Vector({_show_list(list(value))})"
    if isinstance(value, Matrix):
        return f"Matrix({_show_list([list(row) for row in value.rows])})"
    if isinstance(value, (list, tuple)):
        shown = _show_list(list(value))
        return shown if isinstance(value, list) else f"({shown[1:-1]}{',' * (len(value) == 1)})"
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = repr(value)
    return text if len(text) <= 300 else text[:297] + "…"


def _show_list(values: list[Any]) -> str:
    return "[" + ", ".join(show(v) for v in values) + "]"


# --- calling the learner --------------------------------------------------------------------


def _describe_error(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class Call:
    """A call of the learner's function, written out (only when a report needs it).

    >>> str(Call("det", (Matrix([[1, 2], [3, 4]]),), {}))
    'det(Matrix([[1, 2], [3, 4]]))'
    """

    __slots__ = ("args", "kwargs", "name")

    def __init__(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs

    def __str__(self) -> str:
        shown = [show(a) for a in self.args] + [f"{k}={show(v)}" for k, v in self.kwargs.items()]
        return f"{self.name}({', '.join(shown)})"


def call_learner(fn: Callable[..., Any], name: str, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's ``fn``; an exception, a loop or a ``None`` becomes a LearnerProblem.

    >>> call_learner(lambda A: A[0][0], "det", Matrix([[7]]))
    7
    >>> call_learner(lambda v: None, "norm", Vector([1]))
    Traceback (most recent call last):
    ...
    scratchmath.check.engine.LearnerProblem: returned None (a forgotten return?)
    """
    call = Call(name, args, kwargs)
    try:
        with _time_limit(_time_limit.seconds):
            result = fn(*args, **kwargs)
    except _Timeout:
        raise _Unresponsive(
            Verdict(
                str(call),
                f"no answer within {_time_limit.seconds:g} s (an endless loop?)",
                "an answer",
            )
        ) from None
    except Exception as error:
        raise LearnerProblem(call, f"raised {_describe_error(error)}", "a value") from error
    if result is None:
        raise LearnerProblem(call, "returned None (a forgotten return?)", "a value")
    return result


class _time_limit:
    """Interrupt the block after ``seconds`` by SIGALRM, where that exists (the main thread of
    a POSIX process); elsewhere the block runs unbounded and only the case count bounds it.
    Nested blocks (the learner's pdf called inside an integral of it) share the outer limit."""

    depth = 0
    seconds = CALL_TIMEOUT  # the limit of the property being tried

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and _time_limit.depth == 0
        )
        self.previous: Any = None

    def __enter__(self) -> None:
        if self.active:
            _time_limit.depth += 1
            self.previous = signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            _time_limit.depth -= 1


def _raise_timeout(signum: int, frame: object) -> None:
    raise _Timeout


# --- running properties ---------------------------------------------------------------------


def _evaluate(prop: Property, src: Source) -> Verdict | None:
    """One case: None if it passed or was rejected, else the Verdict.

    The time limit is armed once for the whole case (a signal per learner call would cost
    more than many learners' functions); the calls inside share it.
    """
    try:
        with _time_limit(_time_limit.seconds):
            return prop.test(src)
    except _Timeout:
        seconds = f"{_time_limit.seconds:g}"
        raise _Unresponsive(
            Verdict("(one case)", f"no answer within {seconds} s (an endless loop?)", "an answer")
        ) from None
    except (Reject, _Overrun):
        return None
    except LearnerProblem as problem:
        return problem.verdict
    except (ArithmeticError, TypeError, ValueError, AttributeError, IndexError) as error:
        # The learner's value could not be used (a complex where a real was needed, a row of
        # the wrong length…): that is the learner's failure, reported, never a traceback.
        return Verdict(
            "(a case the checker could not finish)",
            f"a value it cannot use ({type(error).__name__}: {error})",
            "a value of the kind the exercise asks for",
        )


def _fails(prop: Property, choices: Sequence[int]) -> tuple[Verdict, list[int]] | None:
    src = Source(None, choices)
    verdict = _evaluate(prop, src)
    return None if verdict is None else (verdict, src.choices)


def shrink(prop: Property, choices: list[int], verdict: Verdict) -> tuple[Verdict, list[int]]:
    """The simplest failing choice list reachable by deleting and lowering choices.

    Greedy passes, each change kept if the case still fails: delete a block of choices
    (sizes 4, 2, 1), then lower each choice to 0, to half, to one less. Bounded by
    SHRINK_BUDGET replays and SHRINK_SECONDS.
    """
    budget, deadline = SHRINK_BUDGET, time.monotonic() + SHRINK_SECONDS
    improved = True
    while improved and budget > 0 and time.monotonic() < deadline:
        improved = False
        for candidate in _smaller(choices):
            budget -= 1
            if budget <= 0 or time.monotonic() > deadline:
                break
            found = _fails(prop, candidate)
            if found is not None and _simpler(found[1], choices):
                verdict, choices = found
                improved = True
                break
    return verdict, choices


def _smaller(choices: list[int]) -> Iterator[list[int]]:
    for end in range(len(choices)):
        yield choices[:end]  # every later choice the simplest
    for size in (4, 2, 1):
        for start in range(len(choices) - size, -1, -1):
            yield choices[:start] + choices[start + size :]
    for i, c in enumerate(choices):
        for lower in dict.fromkeys((0, c // 2, c - 2, c - 1)):
            if 0 <= lower < c:
                yield [*choices[:i], lower, *choices[i + 1 :]]


def _simpler(a: list[int], b: list[int]) -> bool:
    while a and a[-1] == 0:
        a = a[:-1]
    while b and b[-1] == 0:
        b = b[:-1]
    return (len(a), a) < (len(b), b)


def _hypothesis_search(
    properties: Sequence[Property], examples: int
) -> tuple[int, list[int]] | None:
    """A failing choice list found by Hypothesis, if it is installed: one search
    over all the properties at once (its first choice picks the property), since each call of
    Hypothesis's engine has a fixed cost of tens of milliseconds."""
    try:
        import hypothesis
        from hypothesis import strategies
    except ImportError:
        return None
    settings = hypothesis.settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.generate],  # its shrinker has no time bound; ours has
    )
    choice_lists = strategies.lists(strategies.integers(0, 2**16), min_size=1, max_size=32)

    def fails(choices: list[int]) -> bool:
        prop = properties[choices[0] % len(properties)]
        return _fails(prop, choices[1:]) is not None

    try:
        found = hypothesis.find(choice_lists, fails, settings=settings)
    except Exception:  # NoSuchExample, or anything Hypothesis itself refuses: no extra case
        return None
    return found[0] % len(properties), list(found[1:])


def _search(
    prop: Property, rng: random.Random, count: int, deadline: float
) -> tuple[int, Verdict, list[int]]:
    """Try ``count`` fresh cases (fewer once ``deadline`` has passed, at least one); return
    how many were tried and the first failure. Raises _AllPassed when none failed, and
    _Unresponsive (from the learner's call) unchanged."""
    for tried in range(1, count + 1):
        src = Source(rng)
        verdict = _evaluate(prop, src)
        if verdict is not None:
            return tried, verdict, src.choices
        if time.monotonic() > deadline:
            raise _AllPassed(tried)
    raise _AllPassed(count)


class _AllPassed(Exception):
    def __init__(self, tried: int) -> None:
        super().__init__(tried)
        self.tried = tried


def run_properties(
    name: str,
    properties: Sequence[Property],
    *,
    hint: str,
    seed: int = 0,
    examples: int = 25,
) -> CheckReport:
    """Try each property on ``examples`` seeded cases; shrink the first failure of each.

    The same ``seed`` draws the same cases, so a report can be reproduced. A learner's
    function that loops stops the whole check: no further call is made.
    """
    failures: dict[int, Failure] = {}
    checked: list[str] = []
    notes: list[str] = []
    cases = 0
    deadline = time.monotonic() + CHECK_SECONDS
    for index, prop in enumerate(properties):
        checked.append(prop.axiom)
        rng = random.Random(f"{name}:{seed}:{prop.axiom}")
        _time_limit.seconds = OPTIONAL_TIMEOUT if prop.optional else CALL_TIMEOUT
        try:
            tried, verdict, choices = _search(prop, rng, prop.examples or examples, deadline)
        except _AllPassed as passed:
            cases += passed.tried
            continue
        except _Unresponsive as stuck:
            cases += 1
            if prop.optional:
                checked.pop()
                notes.append(f"{prop.axiom} ({stuck.verdict.inputs}: {stuck.verdict.got})")
                continue
            failures[index] = Failure(prop.axiom, *stuck.verdict, prop.hint or hint)
            notes.append("the remaining properties: your function did not return")
            return _report(name, properties, failures, cases, checked, notes)
        finally:
            _time_limit.seconds = CALL_TIMEOUT
        cases += tried
        if prop.optional and tried == 1 and verdict.got.startswith("raised"):
            checked.pop()
            notes.append(f"{prop.axiom} (your function {verdict.got} on {verdict.inputs})")
            continue
        verdict, _ = shrink(prop, choices, verdict)
        failures[index] = Failure(prop.axiom, *verdict, prop.hint or hint)
    _search_further(properties, failures, checked, notes, deadline, hint)
    return _report(name, properties, failures, cases, checked, notes)


def _search_further(
    properties: Sequence[Property],
    failures: dict[int, Failure],
    checked: list[str],
    notes: list[str],
    deadline: float,
    hint: str,
) -> None:
    """Hypothesis's search (when installed, and time is left) over the properties that held;
    a failure it finds is shrunk and added to ``failures``, a skipped search to ``notes``."""
    # A property of one fixed case (examples=1) has nothing more for Hypothesis to search.
    remaining = [
        p
        for i, p in enumerate(properties)
        if i not in failures and p.axiom in checked and p.examples != 1
    ]
    if time.monotonic() > deadline:
        remaining = []
        notes.append(f"more cases: your function is slow, and {CHECK_SECONDS:g} s had passed")
    extra = _hypothesis_search(remaining, 16) if remaining else None
    if extra is not None:
        prop = remaining[extra[0]]
        found = _fails(prop, extra[1])
        if found is not None:
            verdict, _ = shrink(prop, found[1], found[0])
            failures[properties.index(prop)] = Failure(prop.axiom, *verdict, prop.hint or hint)


def _report(
    name: str,
    properties: Sequence[Property],
    failures: dict[int, Failure],
    cases: int,
    checked: list[str],
    notes: list[str],
) -> CheckReport:
    ordered = [failures[i] for i in sorted(failures)]
    return CheckReport(name, not ordered, cases, ordered, checked=checked, notes=notes)


# --- the learner's values, converted and compared ---------------------------------------------


def is_exact(x: object) -> bool:
    """True for int and Fraction (not bool): values compared with no tolerance at all."""
    return type(x) is int or type(x) is Fraction


def close(got: Any, expected: Any, tol: float) -> bool:
    """got == expected when got is exact, else |got − expected| ≤ tol (a NaN never agrees).

    >>> close(Fraction(1, 3), Fraction(1, 3), 0.0), close(1 / 3, Fraction(1, 3), 1e-15)
    (True, True)
    """
    if is_exact(got) and is_exact(expected):
        return bool(got == expected)
    difference = abs(got - expected)
    return bool(difference <= tol) and not math.isnan(difference)


def within(expected: Any, got: Any, tol: float) -> str:
    """The expected value as the report shows it, with its tolerance when one applied."""
    if all_exact(got) or tol == 0:
        return show(expected)
    return f"{show(expected)} (within {tol:.2g})"


def _listlike(value: Any) -> Any:
    tolist = getattr(value, "tolist", None)  # a NumPy array, or a Matrix
    if callable(tolist) and not isinstance(value, (list, tuple)):
        try:
            return tolist()
        except Exception:
            return value
    return value


def _scalar(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, complex)):
        import numbers

        if isinstance(value, bool) or not isinstance(value, numbers.Number):
            raise TypeError(type(value).__name__)
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            return float(value)
        return complex(value)  # type: ignore[call-overload]
    return value


class Learner:
    """A learner's function with the name the report calls it by; each method calls it and
    converts the answer (a plain list is accepted wherever a Vector or Matrix is meant).

    >>> Learner(lambda u, v: [a + b for a, b in zip(u, v)], "add").vector(2, Vector([1, 2]), [3, 4])
    Vector([4, 6])
    """

    def __init__(self, fn: Callable[..., Any], name: str) -> None:
        self.fn = fn
        self.name = name

    def call(self, *args: Any, **kwargs: Any) -> tuple[Call, Any]:
        """(the call, written out when str() is taken; the raw answer)."""
        return Call(self.name, args, kwargs), call_learner(self.fn, self.name, *args, **kwargs)

    def number(self, *args: Any, **kwargs: Any) -> Any:
        """The answer as a number."""
        text, raw = self.call(*args, **kwargs)
        return as_number(raw, text)

    def vector(self, n: int, *args: Any, **kwargs: Any) -> Vector:
        """The answer as a Vector of n numbers."""
        text, raw = self.call(*args, **kwargs)
        return as_vector(raw, n, text)

    def matrix(self, shape: tuple[int, int], *args: Any, **kwargs: Any) -> Matrix:
        """The answer as a Matrix of the given shape."""
        text, raw = self.call(*args, **kwargs)
        return as_matrix(raw, shape, text)


def as_number(value: Any, call: object) -> Any:
    """The learner's answer as int, Fraction, float or complex, or a LearnerProblem."""
    try:
        return _scalar(value)
    except TypeError:
        raise LearnerProblem(call, f"returned {show(value)}", "a number") from None


def as_vector(value: Any, n: int, call: object) -> Vector:
    """The learner's answer as a Vector of n numbers, or a LearnerProblem saying what it was."""
    value = _listlike(value)
    try:
        entries = [_scalar(x) for x in value]
    except TypeError:
        raise LearnerProblem(call, f"returned {show(value)}", f"a vector of {n} numbers") from None
    if len(entries) != n:
        raise LearnerProblem(
            call, f"returned {show(value)}, {len(entries)} numbers", f"a vector of {n} numbers"
        )
    return Vector(entries)


def as_matrix(value: Any, shape: tuple[int, int], call: object) -> Matrix:
    """The learner's answer as a Matrix of ``shape`` (rows of numbers), or a LearnerProblem."""
    m, n = shape
    value = _listlike(value)
    wanted = f"a {m}×{n} matrix"
    try:
        rows = [[_scalar(x) for x in _listlike(row)] for row in value]
    except TypeError:
        raise LearnerProblem(call, f"returned {show(value)}", wanted) from None
    if len(rows) != m or any(len(row) != n for row in rows):
        got = f"{len(rows)}×{len(rows[0]) if rows else 0}"
        raise LearnerProblem(call, f"returned {show(value)}, {got}", wanted)
    return Matrix(rows)


def rounding(scale: Any, operations: int) -> float:
    """The tolerance a float computation earns: 8 · operations · ε · scale.

    A sum or product of ``operations`` terms, each rounded, is off by at most about
    operations · ε times the sum of the magnitudes involved (Higham, *Accuracy and Stability of
    Numerical Algorithms*, §3.1); ``scale`` is that sum of magnitudes, and the factor 8 is
    slack for the order of operations a learner happens to choose.

    >>> rounding(1.0, 1) == 8 * 2.0**-52
    True
    """
    return 8 * operations * EPS * float(abs(scale))


EPS = 2.0**-52


def largest(values: Any) -> float:
    """max |x| over a Vector, a Matrix or a list of numbers (0 for none)."""
    if isinstance(values, Matrix):
        values = [x for row in values.rows for x in row]
    return max((float(abs(x)) for x in values), default=0.0)


def vectors_agree(got: Vector, expected: Vector, tol: float) -> bool:
    """Component by component, ``close``."""
    return len(got) == len(expected) and all(
        close(g, e, tol) for g, e in zip(got, expected, strict=True)
    )


def matrices_agree(got: Matrix, expected: Matrix, tol: float) -> bool:
    """Entry by entry, ``close``."""
    return got.shape == expected.shape and all(
        vectors_agree(g, e, tol) for g, e in zip(got.rows, expected.rows, strict=True)
    )


def all_exact(*values: Any) -> bool:
    """True when every number inside (Vectors and Matrices included) is exact."""
    for value in values:
        if isinstance(value, Matrix):
            if not all(is_exact(x) for row in value.rows for x in row):
                return False
        elif isinstance(value, Vector):
            if not all(is_exact(x) for x in value):
                return False
        elif not is_exact(value):
            return False
    return True
