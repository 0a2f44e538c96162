"""The gambler's fallacy: the average settles, the difference does not — and a coin has no memory.

The fallacy. After a run of heads, many people feel tails is "due", as if the coin had to
catch up so that the law of large numbers can hold. It does not have to.

What the law of large numbers says. The *average* number of heads per toss, #heads / n,
settles at ½ as n grows: its spread shrinks like σ/√n = 1/(2√n). It says nothing about the
*difference* #heads − #tails, which is a random walk: its typical size GROWS like √n. The
average settles not because the difference closes, but because it is divided by n.

And a coin has no memory. The toss after five heads in a row is heads with probability ½,
exactly as any other toss: independence means P(H | the past) = P(H).

scratchmath: ``Bernoulli(1/2).sample(n, rng=seed)`` tosses the coin, ``running_mean`` gives
the running averages (the law of large numbers at work).

Run it:  python examples/gamblers_fallacy.py
"""

from __future__ import annotations

import math
from fractions import Fraction

from scratchmath.probability import Bernoulli, running_mean

TOSSES = 100_000


def main() -> None:
    """Toss a fair coin many times; watch the average settle and the difference wander."""
    tosses = [int(x) for x in Bernoulli(Fraction(1, 2)).sample(TOSSES, rng=7)]
    averages = running_mean(tosses)
    print("A fair coin, tossed 100 000 times (Bernoulli(1/2).sample, seeded):")
    print()
    print("       n   #heads − #tails   typical size √n   average #heads/n   spread 1/(2√n)")
    heads = 0
    checkpoints = (10, 100, 1_000, 10_000, 100_000)
    for n, toss in enumerate(tosses, start=1):
        heads += toss
        if n in checkpoints:
            difference = heads - (n - heads)
            print(
                f"{n:>8}   {difference:>+15}   {math.sqrt(n):>15.0f}"
                f"   {float(averages[n - 1]):>16.4f}   {1 / (2 * math.sqrt(n)):>14.4f}"
            )
    print()
    print("The average settles at ½; the difference wanders ever further (like √n):")
    print("the law of large numbers divides the difference by n, it does not close it.")
    print()

    # After five heads in a row, how often is the next toss heads?
    after_run = [tosses[i] for i in range(5, TOSSES) if all(tosses[i - 5 : i])]
    share = sum(after_run) / len(after_run)
    print(f"Runs of five heads: {len(after_run)}; the next toss was heads {share:.3f} of the time.")
    print("A coin has no memory: after five heads, heads is still as likely as tails.")


if __name__ == "__main__":
    main()
