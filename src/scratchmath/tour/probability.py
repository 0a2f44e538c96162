"""Tour chapter: probability and information theory — expected value, the law of large
numbers, and how many questions a distribution needs."""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    DiscreteUniform,
    Normal,
    Poisson,
    cross_entropy,
    cross_entropy_loss,
    entropy,
    expectation,
    kl_divergence,
    law_of_large_numbers,
    variance,
)
from scratchmath.tour import CHAPTERS


def chapter() -> str:
    """The probability chapter, computed live.

    >>> "Gibbs" in chapter()
    True
    """
    sections = [
        _expected_value(),
        _law_of_large_numbers(),
        _information(),
        _cross_entropy_and_divergence(),
        _classifier_loss(),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _expected_value() -> list[str]:
    die = DiscreteUniform(1, 6)
    game = expectation(die, lambda face: 300 if face <= 2 else -200)
    return [
        "Expected value is the long-run average: E[g(X)] = Σ g(x)·p(x).",
        "  The essay's dice game: roll a die; on 1 or 2 win 300, otherwise lose 200.",
        f"    expectation(DiscreteUniform(1, 6), gain) = {game!r}  (= {float(game):+.2f} a game)",
        "  Exact, because the probabilities are Fractions: you lose 33⅓ per game on",
        "  average, so never play it (examples/dice_game.py plays it out).",
        f"  A fair die: expectation = {expectation(die)!r}, variance = {variance(die)!r}",
        "  (both from the definition; the closed forms DiscreteUniform.mean() and",
        f"  .variance() give {die.mean()!r} and {die.variance()!r}).",
    ]


def _law_of_large_numbers() -> list[str]:
    lines = [
        "The law of large numbers: the running average of independent draws settles at the",
        "mean, its spread shrinking like σ/√n. A fair coin, tossed 100 000 times",
        "(law_of_large_numbers(Bernoulli(1/2), n, rng=2024)):",
    ]
    averages = law_of_large_numbers(Bernoulli(Fraction(1, 2)), 100_000, rng=2024)
    for n in (10, 100, 1000, 10_000, 100_000):
        mean = float(averages[n - 1])
        lines.append(
            f"    n = {n:>7}   heads share {mean:.5f}   off by {abs(mean - 0.5):.5f}"
            f"   σ/√n = {0.5 / math.sqrt(n):.5f}"
        )
    return [
        *lines,
        "  (Stochastic gradient descent leans on the same law: the average gradient of a",
        "  random mini-batch settles at the true gradient.)",
    ]


def _information() -> list[str]:
    guess, die = DiscreteUniform(1, 1024), DiscreteUniform(1, 6)
    low, high, secret, questions = 1, 1024, 737, 0
    while low < high:
        middle = (low + high) // 2
        questions += 1
        if secret > middle:
            low = middle + 1
        else:
            high = middle
    return [
        "Information: a fact of probability p carries log₂(1/p) bits. Entropy H = −Σ p log₂ p",
        "is the least average number of yes/no questions that pin down the outcome.",
        f"  The guessing game, 1..1024: entropy(DiscreteUniform(1, 1024)) = {entropy(guess)!r}"
        " bits;",
        f'    halving the range ("is it above {512}?") finds {secret} in {questions} questions.',
        f"  A fair coin: {entropy(Bernoulli(0.5))!r} bit; a 90/10 coin:"
        f" {entropy(Bernoulli(0.9)):.4f} bits (less surprise, fewer questions).",
        f"  A fair die: {entropy(die):.4f} bits = log₂ 6; the uniform has the most entropy.",
        f"  A standard normal (differential entropy): {entropy(Normal(0, 1)):.6f} bits"
        f" = ½log₂(2πe) = {0.5 * math.log2(2 * math.pi * math.e):.6f}.",
    ]


def _cross_entropy_and_divergence() -> list[str]:
    p = Categorical({"cat": 0.5, "dog": 0.25, "fish": 0.25})
    q = Categorical({"cat": 0.125, "dog": 0.125, "fish": 0.75})
    lines = [
        "Cross-entropy H(p, q) = −Σ p log q: the cost of coding p's outcomes with q's code;",
        "the Kullback–Leibler divergence D(p‖q) = H(p, q) − H(p) is the excess, never < 0",
        "(Gibbs' inequality), and 0 only when q = p.",
        f"    p = {p!r}",
        f"    q = {q!r}",
        f"    entropy(p) = {entropy(p)!r}, cross_entropy(p, q) = {cross_entropy(p, q)!r},"
        f" kl_divergence(p, q) = {kl_divergence(p, q)!r}",
        f"    kl_divergence(q, p) = {kl_divergence(q, p)!r}  (not symmetric),"
        f" kl_divergence(p, p) = {kl_divergence(p, p)!r}",
        "  Binomial(n, 2/n) approaches Poisson(2) (the law of rare events):",
    ]
    for n in (10, 100, 1000):
        d = kl_divergence(Binomial(n, 2 / n), Poisson(2))
        lines.append(f"    kl_divergence(Binomial({n}, 2/{n}), Poisson(2)) = {d:.3e} bits")
    return lines


def _classifier_loss() -> list[str]:
    return [
        "A classifier's loss is the cross-entropy against the true label, in nats:",
        f"    cross_entropy_loss([0.7, 0.2, 0.1], 0) = {cross_entropy_loss([0.7, 0.2, 0.1], 0):.4f}"
        "   (right and fairly sure)",
        f"    cross_entropy_loss([0.7, 0.2, 0.1], 2) = {cross_entropy_loss([0.7, 0.2, 0.1], 2):.4f}"
        "   (wrong and sure of it: punished)",
    ]


CHAPTERS["probability"] = ("Probability and information theory", chapter)
