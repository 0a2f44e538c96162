"""The guessing game again, when the secret number is Poisson: fewer questions than 10.

The game. The secret is a whole number, and you ask yes/no questions. When it is equally
likely to be any of 0..1023, binary search needs 10 questions, and the entropy, log₂ 1024 =
10 bits, says nothing can do better on average.

Now let the secret be the number of customers in a shop in an hour, X ~ Poisson(λ = 100).
It still lies in 0..1023 (with overwhelming probability), but it is not equally likely to be
any of them: values near 100 are common, 0 and 1000 practically never happen. The entropy
H(X) = −Σ p(k) log₂ p(k) is then only about 5.4 bits (≈ ½ log₂(2πeλ)) — and the best
strategy gets close: ask first about the likely values. Huffman's construction (merge the
two least likely groups, again and again) gives the questioning tree with the fewest
questions on average, and its average lies between H and H + 1 (Shannon's source-coding
theorem).

scratchmath: ``entropy(Poisson(100))`` and the pmf ``Poisson(100).pmf(k)``.

Run it:  python examples/poisson_guessing_game.py
"""

from __future__ import annotations

import heapq
import math

from scratchmath.probability import DiscreteUniform, Poisson, entropy

LAMBDA = 100


def huffman_questions(probabilities: list[float]) -> float:
    """The average number of yes/no questions of the Huffman tree over these outcomes.

    Each merge of two groups adds one question for every outcome in them, so the average
    is the sum of the merged probabilities (a standard identity of Huffman coding).
    """
    heap = list(probabilities)
    heapq.heapify(heap)
    average = 0.0
    while len(heap) > 1:  # bounded: each pass removes one group
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        average += merged
        heapq.heappush(heap, merged)
    return average


def main() -> None:
    """Compare the questions needed for a uniform and a Poisson secret."""
    uniform = DiscreteUniform(0, 1023)
    print("Secret uniform on 0..1023:")
    print(f"  entropy H = {entropy(uniform):.4f} bits; binary search asks exactly 10 questions")
    print()
    secret = Poisson(LAMBDA)
    # The outcomes 0..1023 hold all but a negligible part of the mass.
    masses = [float(secret.pmf(k)) for k in range(1024)]
    outside = 1.0 - math.fsum(masses)
    print(f"Secret ~ Poisson({LAMBDA}) (mass outside 0..1023: {outside:.1e}):")
    print(f"  entropy H = {entropy(secret):.4f} bits")
    average = huffman_questions([m for m in masses if m > 0])
    print(f"  the best (Huffman) strategy asks {average:.4f} questions on average")
    print(f"  H ≤ average < H + 1: {entropy(secret) <= average < entropy(secret) + 1}")
    likely = max(range(1024), key=lambda k: masses[k])
    print(f"  the most likely secret is {likely} (probability {masses[likely]:.4f})")
    print()
    saved = 10 - average
    print(f"Knowing the distribution saves questions: {saved:.1f} fewer than for a uniform secret.")


if __name__ == "__main__":
    main()
