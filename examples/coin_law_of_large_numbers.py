"""The coin and the law of large numbers: the running mean of fair tosses settles at ½.

Toss a fair coin and write 1 for heads, 0 for tails: each toss Xᵢ is a Bernoulli(½) draw,
with mean μ = ½ and standard deviation σ = ½. After n tosses the fraction of heads is the
running mean

    X̄ₙ = (X₁ + X₂ + … + Xₙ) / n.

The law of large numbers says X̄ₙ → μ as n grows. It says more, quantitatively: the
typical distance |X̄ₙ − μ| shrinks like σ/√n (the standard error). A hundred times more
tosses buy one more correct decimal digit — not two. Early on the running mean wanders
wildly; later it is pinned ever closer to ½, though any one toss is as unpredictable as
the first.

It does NOT say that heads and tails "even out" in count: the difference
(#heads − #tails) typically grows like √n. Only the *fraction* settles.

scratchmath: ``law_of_large_numbers(Bernoulli(0.5), n, rng=seed)`` returns the list of
running means; the seed makes the run repeatable (same seed, same coin, same numbers).

Run it:  python examples/coin_law_of_large_numbers.py
"""

from __future__ import annotations

import math

from scratchmath.probability import Bernoulli, law_of_large_numbers

SEED = 12345
TOSSES = 100_000


def main() -> None:
    """Toss a coin 100 000 times and print the running fraction of heads at each decade."""
    coin = Bernoulli(0.5)
    mu, sigma = coin.mean(), coin.std()
    means = law_of_large_numbers(coin, TOSSES, rng=SEED)
    print(f"A fair coin, {TOSSES} tosses (seed {SEED}):  μ = {mu}, σ = {sigma}")
    print()
    print(
        f"{'n':>7}  {'fraction of heads':>17}  {'|mean − ½|':>10}  {'σ/√n':>8}"
        f"  {'#heads − #tails':>15}"
    )
    for n in (1, 10, 100, 1_000, 10_000, 100_000):
        mean = float(means[n - 1])
        heads = round(mean * n)
        print(
            f"{n:>7}  {mean:>17.5f}  {abs(mean - mu):>10.5f}  {sigma / math.sqrt(n):>8.5f}"
            f"  {2 * heads - n:>+15}"
        )
    final = float(means[-1])
    print()
    print(f"final fraction of heads: {final:.4f} (within 0.01 of ½: {abs(final - mu) < 0.01})")
    print("The error shrinks like σ/√n, while the head–tail count difference does not shrink.")


if __name__ == "__main__":
    main()
