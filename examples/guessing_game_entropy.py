"""The guessing game: 10 yes/no questions find a number in 1..1024 — and entropy says why.

The game. I think of a whole number from 1 to 1024. You ask yes/no questions; I answer
truthfully. How many questions do you need?

The strategy. Halve the candidates every time: "is it greater than 512?", then "greater
than 768?" or "greater than 256?", and so on — binary search. Each answer cuts the range
in half, 1024 → 512 → … → 2 → 1, so 10 questions always suffice, because 2¹⁰ = 1024.

The information theory. A yes/no answer carries at most one bit of information, and the
entropy of the secret

    H(X) = −Σₓ p(x) log₂ p(x)

is the least average number of yes/no questions any strategy can get away with. For a
secret chosen uniformly among 1024 numbers, p(x) = 1/1024 and H = log₂ 1024 = 10 bits:
binary search is optimal, no cleverness can beat 10 questions on average. Compare the
naive strategy "is it 1? is it 2? …", which needs 512.5 questions on average.

When the secret is not uniform, the entropy drops, and a strategy that asks about the
likely numbers first does better than 10 on average (see the end of the output).

scratchmath: ``entropy(DiscreteUniform(1, 1024))`` gives the 10 bits.

Run it:  python examples/guessing_game_entropy.py
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from fractions import Fraction

from scratchmath.probability import Categorical, DiscreteUniform, entropy

LOW, HIGH = 1, 1024


def binary_search_questions(secret: int, low: int = LOW, high: int = HIGH) -> list[str]:
    """The questions binary search asks to pin down ``secret`` in low..high, with answers."""
    questions = []
    while low < high:  # bounded: the range halves every time
        middle = (low + high) // 2
        answer = secret > middle
        questions.append(f"is it > {middle}? {'yes' if answer else 'no'}")
        low, high = (middle + 1, high) if answer else (low, middle)
    return questions


def main() -> None:
    """Play the game for a few secrets, then for all 1024, and compare with the entropy."""
    secret = 700
    questions = binary_search_questions(secret)
    print(f"Secret {secret}, binary search:")
    for k, question in enumerate(questions, start=1):
        print(f"  {k:>2}. {question}")
    print(f"  found {secret} after {len(questions)} questions")
    print()

    counts = [len(binary_search_questions(s)) for s in range(LOW, HIGH + 1)]
    worst = max(counts)
    average = Fraction(sum(counts), len(counts))
    naive = Fraction(sum(range(1, HIGH + 1)), HIGH)  # "is it 1?", "is it 2?", …
    bits = entropy(DiscreteUniform(LOW, HIGH))
    print(f"questions needed (worst case over all {HIGH} secrets): {worst}")
    print(f"questions needed (average over all secrets): {average}")
    print(f"entropy of the uniform secret: H = log₂ {HIGH} = {bits} bits   (entropy)")
    print(f"one-at-a-time guessing needs {float(naive)} questions on average")
    print()

    # A lopsided secret: half the time it is 1, otherwise uniform on 2..1024.
    # Ask "is it 1?" first (one question settles half the games), then binary-search the rest.
    lopsided: dict[Hashable, Fraction] = {1: Fraction(1, 2)}
    lopsided |= {k: Fraction(1, 2 * (HIGH - 1)) for k in range(2, HIGH + 1)}
    rest = [1 + len(binary_search_questions(s, 2, HIGH)) for s in range(2, HIGH + 1)]
    smart = Fraction(1, 2) * 1 + Fraction(1, 2) * Fraction(sum(rest), len(rest))
    print("A lopsided secret (it is 1 half the time):")
    print(f"  entropy H = {entropy(Categorical(lopsided)):.4f} bits   (entropy of a Categorical)")
    print(f"  'is it 1?' first, then binary search: {float(smart):.4f} questions on average")
    print(f"  (never below H; binary search alone would still take {math.log2(HIGH):.0f})")


if __name__ == "__main__":
    main()
