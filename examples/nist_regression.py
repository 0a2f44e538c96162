"""Regress a real NIST dataset exactly, and watch the float answer lose its digits.

NIST's Statistical Reference Datasets (StRD) give, for eleven linear-regression problems,
the coefficients, standard errors, residual SD and R² certified to 15 significant digits.
Longley's 1967 macro-economic data (employment against six strongly correlated regressors)
was built to embarrass regression programs: the columns are nearly collinear, the
condition number of the design is about 5·10⁹, and error bounds allow floating-point least
squares to lose nine or ten of its sixteen digits (Householder QR, used here, keeps about 13;
the normal equations in floats would square κ). Filip's degree-10 polynomial is worse still
(κ ≈ 10¹⁵): in floats the design is numerically rank-deficient, and scratchmath says so.

scratchmath reads the data as Fractions (the decimal strings NIST printed, exactly) and
solves the normal equations without rounding, so every certified digit comes out; the same
fit in floats (Householder QR) is shown beside it, with the number of correct digits
(the log relative error, LRE) of each coefficient.

Run:  python examples/nist_regression.py
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scratchmath.errors import DomainError  # noqa: E402
from scratchmath.statistics import linear_regression  # noqa: E402
from tests.nist_strd import load  # noqa: E402


def digits(computed: float | Fraction, certified: Fraction) -> float:
    """Correct significant digits: −log₁₀ of the relative error, capped at 15."""
    error = abs(Fraction(computed) - certified)
    return 15.0 if error == 0 else min(15.0, -math.log10(error / abs(certified)))


def main() -> None:
    data = load()
    longley = data["Longley"]
    exact = linear_regression(longley.X, longley.y)
    floats = linear_regression(
        [[float(v) for v in row] for row in longley.X], [float(v) for v in longley.y]
    )
    print("Longley (16 years, 6 regressors), coefficients:")
    print(f"  {'certified':>22} {'exact fit':>22} {'digits':>6} {'float fit':>22} {'digits':>6}")
    for t, e, f in zip(longley.b, exact.coefficients, floats.coefficients, strict=True):
        left = f"{float(t):>22.15g} {float(e):>22.15g} {digits(e, t):>6.1f}"
        print(f"  {left} {f:>22.15g} {digits(f, t):>6.1f}")
    every = [*exact.coefficients, *exact.standard_errors, exact.residual_std, exact.r_squared]
    certified = [*longley.b, *longley.se, longley.sdres, longley.r2]
    worst = min(digits(c, t) for c, t in zip(every, certified, strict=True))
    count = len(every)
    print(f"Exact fit: all {count} certified values to at least {worst:.1f} digits: {worst >= 14}")
    print(f"R² = {float(exact.r_squared):.15f} (certified {float(longley.r2):.15f})")

    filip = data["Filip"]
    fit = linear_regression(filip.X, filip.y)
    worst = min(digits(c, t) for c, t in zip(fit.coefficients, filip.b, strict=True))
    print(f"Filip (degree 10): exact coefficients to at least {worst:.1f} digits: {worst >= 14}")
    try:
        linear_regression([[float(v) for v in r] for r in filip.X], [float(v) for v in filip.y])
        print("Filip in floats: fitted (check its condition number!)")
    except DomainError as exc:
        print(f"Filip in floats refuses rather than guess: {exc}")


if __name__ == "__main__":
    main()
