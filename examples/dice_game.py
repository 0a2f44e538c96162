"""The dice game: a bet you can price exactly before you play it — and should refuse.

The game. You pay 1 coin to play. You roll one fair die. On a six the house pays you 5
coins; on anything else you get nothing. Tempting: a six pays five times the stake.

The mathematics. Let X be your net gain from one game. It takes two values:

    X = 5 − 1 = +4   with probability 1/6   (a six)
    X =     − 1 = −1  with probability 5/6   (anything else)

Its expected value is the probability-weighted average of those values (the definition):

    E[X] = Σₓ x·p(x) = 4·(1/6) + (−1)·(5/6) = −1/6.

Over many games the law of large numbers makes your average gain per game settle at E[X]:
you lose, on average, a sixth of a coin every time you play. Never play this game.

The game would be fair (E[X] = 0) only if a six paid 6 coins: then the prize times its
chance, 6·(1/6), equals the stake, 1. Every casino game is built like this one: a prize a
little smaller than the fair one, and the difference is the house's income.

scratchmath computes E[X] exactly, as a Fraction, two ways — from the distribution of X
(``Categorical``) and as E[g(D)] for the die D (``DiscreteUniform``) and the payout g —
with ``expectation``, which sums the definition and never looks at a closed formula.
Then it plays the game 60 000 times (``sample``, seeded) to watch the average loss appear.

Run it:  python examples/dice_game.py
"""

from __future__ import annotations

from fractions import Fraction

from scratchmath.probability import Categorical, DiscreteUniform, expectation, variance

STAKE = 1
PRIZE = 5


def gain(face: int) -> int:
    """Your net gain when the die shows ``face``: PRIZE − STAKE on a six, −STAKE otherwise."""
    return PRIZE - STAKE if face == 6 else -STAKE


def main() -> None:
    """Price the game exactly, then play it many times."""
    print("The dice game: pay 1 coin, roll a die, a six pays 5 coins.")
    print()

    # 1. The distribution of the gain X itself, written out by hand.
    gain_distribution = Categorical({PRIZE - STAKE: Fraction(1, 6), -STAKE: Fraction(5, 6)})
    value = expectation(gain_distribution)
    print("X = net gain:  +4 with probability 1/6,  −1 with probability 5/6")
    print(f"E[X] = 4·(1/6) + (−1)·(5/6) = {value!r}   (expectation of a Categorical)")

    # 2. The same number as E[g(D)] for the fair die D: no need to work out X's distribution.
    die = DiscreteUniform(1, 6)
    same = expectation(die, gain)
    print(f"E[g(D)] over the die faces 1..6 = {same!r}   (expectation(DiscreteUniform(1, 6), g))")
    print(f"expected value of one game: {value} (about {float(value):+.4f} coins)")
    spread = variance(gain_distribution)
    print(f"Var[X] = {spread}: one game swings a lot, so a lucky evening proves nothing.")
    print()

    # 3. What prize would make it fair?  E[X] = prize·(1/6) − 1 = 0  ⇔  prize = 6.
    fair_prize = STAKE / Fraction(1, 6)
    print(f"A fair game would pay {fair_prize} on a six: E = {fair_prize}·(1/6) − 1 = 0.")
    print()

    # 4. Play it: the average gain per game settles near −1/6 (the law of large numbers).
    games = 60_000
    faces = die.sample(games, rng=2024)
    total = 0
    print("games played   total gain   average gain per game")
    for played, face in enumerate(faces, start=1):
        total += gain(int(face))
        if played in (10, 100, 1_000, 10_000, games):
            print(f"{played:>12}   {total:>+10}   {total / played:>+.4f}")
    print("(Early on you may be ahead — that is luck; the average drifts to −1/6 all the same.)")
    print()
    verdict = "loses money: never play it" if value < 0 else "does not lose money"
    print(f"Verdict: E[X] = {value} < 0, so the game {verdict}.")


if __name__ == "__main__":
    main()
