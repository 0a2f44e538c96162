"""Estimate π three ways: as the area of the unit disk, by rules, by dice, and by design.

The unit disk x² + y² ≤ 1 has area π. Three ways to measure it:

1. **Iterated integration (Fubini).** Slice the disk at each x: the slice runs from
   y = −√(1 − x²) to y = √(1 − x²), so the area is ∫₋₁¹ ∫_{−√(1−x²)}^{√(1−x²)} 1 dy dx.
   ``multiple_integral`` computes the inner integral for every x its outer Gauss–Kronrod
   rule asks about, and reports an error estimate that bounds the true error. Eight or more
   digits, deterministic, but the cost grows like 21ᵈ with the dimension d.

2. **Monte Carlo.** Throw n random points into the square [−1, 1]² (area 4) and count the
   fraction inside the disk: 4 × fraction → π by the law of large numbers, with a standard
   error 4·σ/√n, σ² = p(1 − p), p = π/4. A hundred times more points buy one more digit.

3. **Quasi-Monte Carlo (Sobol').** Points designed to fill the square evenly instead of at
   random; scrambled 16 times so that their spread still gives an honest standard error.
   For the disk's indicator (a jump at the circle) the error falls like n^(−3/4), faster
   than random points' n^(−1/2). Use n = 2ᵏ points: each scrambled copy is then a complete
   Sobol' net.

The study question: which would you use in 10 dimensions (the volume of a 10-ball)? The
nested rules would need 21¹⁰ ≈ 1.7·10¹³ evaluations; Monte Carlo's σ/√n does not care.

Run it:  python examples/estimate_pi.py
"""

from __future__ import annotations

import math

from scratchmath.calculus import monte_carlo_integral, multiple_integral

SEED = 2026


def inside(x: float, y: float) -> float:
    """The indicator of the unit disk: 1 inside, 0 outside."""
    return 1.0 if x * x + y * y <= 1 else 0.0


def main() -> None:
    """Print π by iterated integration, then by Monte Carlo and Sobol' points for growing n."""

    def half_chord(x: float) -> float:
        return math.sqrt(1 - x * x)

    disk = multiple_integral(lambda x, y: 1.0, [(-1, 1), (lambda x: -half_chord(x), half_chord)])
    print("1. Iterated integration (multiple_integral):")
    print(f"   π ≈ {disk.value:.12f} ± {disk.error:.1e}   ({disk.evaluations} evaluations)")
    print(
        f"   true error {abs(disk.value - math.pi):.1e}, within the reported error: "
        f"{abs(disk.value - math.pi) <= disk.error}"
    )
    print()
    print(f"2. and 3. Monte Carlo on [−1, 1]², seed {SEED}:")
    print(f"   {'n':>6}   {'random':>17}  {'error':>7}   {'sobol':>17}  {'error':>7}")
    square = [(-1, 1), (-1, 1)]
    for n in (2**8, 2**10, 2**12, 2**14, 2**16):
        plain = monte_carlo_integral(inside, square, n, rng=SEED)
        sobol = monte_carlo_integral(inside, square, n, rng=SEED, sequence="sobol")
        print(
            f"   {n:>6}   {plain.value:.4f} ± {plain.standard_error:.4f}"
            f"  {abs(plain.value - math.pi):7.4f}"
            f"   {sobol.value:.4f} ± {sobol.standard_error:.4f}  {abs(sobol.value - math.pi):7.4f}"
        )
    print()
    print("Random points: 4× the points, ½ the standard error (σ/√n).")
    print("Sobol' points: 4× the points, about ⅓ the standard error (n^(−3/4) at a jump).")
    print(f"The rules win in two dimensions: {disk.evaluations} evaluations for 10 digits.")


if __name__ == "__main__":
    main()
