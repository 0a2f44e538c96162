"""The essay's dice game: a bet you can price exactly before you play it — and should refuse.

The game (as the roadmap essay states it). Roll one fair die. On a 1 or a 2 you win 300;
on anything else you lose 200. Tempting: the prize is larger than the loss.

The mathematics. Let X be your gain from one game. It takes two values:

    X = +300   with probability 2/6   (a 1 or a 2)
    X = −200   with probability 4/6   (a 3, 4, 5 or 6)

Its expected value is the probability-weighted average of those values (the definition):

    E[X] = Σₓ x·p(x) = 300·(2/6) + (−200)·(4/6) = 100 − 400/3 = −100/3 ≈ −33.33.

Over many games the law of large numbers makes your average gain per game settle at E[X]:
you lose, on average, 33⅓ every time you play. Never play this game.

A note on the essay. Having stated "win 300", the essay computes its expected value with a
win of 100: 100·(2/6) + (−200)·(4/6) = −100. Both games lose money; the one stated in the
essay loses −100/3 per game, which is what this script computes.

The game would be fair (E[X] = 0) only if a 1 or a 2 paid 400: then 400·(2/6) = 200·(4/6).

scratchmath computes E[X] exactly, as a Fraction, two ways — from the distribution of X
(``Categorical``) and as E[g(D)] for the die D (``DiscreteUniform``) and the payout g —
with ``expectation``, which sums the definition and never looks at a closed formula.
Then it plays the game 60 000 times (``sample``, seeded) to watch the average loss appear.

Run it:  python examples/dice_game.py
"""

from __future__ import annotations

from fractions import Fraction

from scratchmath.probability import Categorical, DiscreteUniform, expectation, variance

WIN = 300
LOSS = 200


def gain(face: int) -> int:
    """Your gain when the die shows ``face``: +WIN on a 1 or a 2, −LOSS otherwise."""
    return WIN if face <= 2 else -LOSS


def main() -> None:
    """Price the game exactly, then play it many times."""
    print("The essay's dice game: roll a die; on 1 or 2 win 300, otherwise lose 200.")
    print()

    # 1. The distribution of the gain X itself, written out by hand.
    gain_distribution = Categorical({WIN: Fraction(2, 6), -LOSS: Fraction(4, 6)})
    value = expectation(gain_distribution)
    print("X = gain:  +300 with probability 2/6,  −200 with probability 4/6")
    print(f"E[X] = 300·(2/6) + (−200)·(4/6) = {value!r}   (expectation of a Categorical)")

    # 2. The same number as E[g(D)] for the fair die D: no need to work out X's distribution.
    die = DiscreteUniform(1, 6)
    same = expectation(die, gain)
    print(f"E[g(D)] over the die faces 1..6 = {same!r}   (expectation(DiscreteUniform(1, 6), g))")
    print(f"expected value of one game: {value} (about {float(value):+.2f})")
    spread = variance(gain_distribution)
    print(f"Var[X] = {spread}: one game swings a lot, so a lucky evening proves nothing.")
    essay = expectation(die, lambda face: 100 if face <= 2 else -200)
    print(f"(The essay's own arithmetic uses a win of 100: E = {essay}. Both games lose.)")
    print()

    # 3. What prize would make it fair?  E[X] = prize·(2/6) − 200·(4/6) = 0  ⇔  prize = 400.
    fair_prize = LOSS * Fraction(4, 6) / Fraction(2, 6)
    print(f"A fair game would pay {fair_prize} on a 1 or a 2: then E[X] = 0.")
    print()

    # 4. Play it: the average gain per game settles near −100/3 (the law of large numbers).
    games = 60_000
    faces = die.sample(games, rng=2024)
    total = 0
    print("games played   total gain   average gain per game")
    for played, face in enumerate(faces, start=1):
        total += gain(int(face))
        if played in (10, 100, 1_000, 10_000, games):
            print(f"{played:>12}   {total:>+10}   {total / played:>+.2f}")
    print("(Early on you may be ahead — that is luck; the average drifts to −33.33 all the same.)")
    print()
    verdict = "loses money: never play it" if value < 0 else "does not lose money"
    print(f"Verdict: E[X] = {value} < 0, so the game {verdict}.")


if __name__ == "__main__":
    main()
