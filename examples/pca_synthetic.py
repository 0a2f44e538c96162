"""PCA on a synthetic cloud: recover the direction the data was built along.

We make 300 points in 3-d that mostly vary along one known direction

    d = (2, 1, 2)/3        (a unit vector: 4/9 + 1/9 + 4/9 = 1)

as xᵢ = c + tᵢ·d + noiseᵢ, with tᵢ ~ Normal(0, 3) (the spread along d), a small
Normal(0, 0.3) noise in every coordinate, and a centre c = (5, −2, 1).

Principal component analysis finds, from the points alone, the unit direction w₁ that
maximises the variance of the projections wᵀ(xᵢ − x̄):

    w₁ = argmax over ‖w‖ = 1 of  wᵀ C w,    C = (1/(N − 1)) Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ,

which is the eigenvector of the covariance matrix C with the largest eigenvalue; that
eigenvalue is the variance along w₁ (here about 3² + 0.3² = 9.09). The next components are
the best directions orthogonal to the previous ones; here they only see noise (variance
about 0.3² = 0.09 each). ``pca`` computes them from the SVD of the centred data.

What to look for in the output: w₁ is ±d up to a fraction of a degree; the first
component explains about 98% of the variance; the 1-d coordinates ``transform`` gives are
the tᵢ we drew (up to sign and the noise), so three numbers per point compress to one.

scratchmath: ``pca(data, k)`` → ``PCAResult`` (``components``, ``explained_variance``,
``explained_variance_ratio``, ``mean``, ``transform``); ``Normal(...).sample(n, rng)``;
``Vector.angle``.

Run it:  python examples/pca_synthetic.py
"""

from __future__ import annotations

import math
import random

from scratchmath.matrices import pca
from scratchmath.probability import Normal
from scratchmath.vectors import Vector

SEED = 7
N = 300
DIRECTION = Vector([2, 1, 2]) / 3
CENTRE = Vector([5, -2, 1])


def make_data(rng: random.Random) -> tuple[list[list[float]], list[float]]:
    """The N points xᵢ = c + tᵢ·d + noise, and the tᵢ used to build them."""
    spread = Normal(0, 3).sample(N, rng)
    noise = Normal(0, 0.3).sample(3 * N, rng)
    rows = []
    for i, t in enumerate(spread):
        point = CENTRE + t * DIRECTION + Vector(noise[3 * i : 3 * i + 3])
        rows.append([float(c.real) for c in point])
    return rows, [float(t) for t in spread]


def _fmt(v: Vector) -> str:
    return "(" + ", ".join(f"{float(c.real):+.4f}" for c in v) + ")"


def main() -> None:
    """Build the cloud, run PCA and compare its first component with the true direction."""
    data, spread = make_data(random.Random(SEED))
    print(f"{N} points in 3-d along d = {_fmt(DIRECTION)} (spread 3, noise 0.3), seed {SEED}")
    result = pca(data, 3)
    print(f"mean x̄ = {_fmt(result.mean)}   (true centre {_fmt(CENTRE)})")
    for j, (w, var, ratio) in enumerate(
        zip(
            result.components,
            result.explained_variance,
            result.explained_variance_ratio,
            strict=True,
        ),
        start=1,
    ):
        print(f"component {j}: w = {_fmt(w)}  variance {var:7.4f}  ({ratio:6.2%} of the total)")

    w1 = result.components[0]
    angle = min(w1.angle(DIRECTION), w1.angle(-DIRECTION))  # w and −w are the same axis
    print()
    print(f"angle between w₁ and the true direction d: {math.degrees(angle):.3f}°")
    print(f"first component explains {result.explained_variance_ratio[0]:.1%} of the variance")

    # One number per point instead of three: the coordinate along w₁ tracks the tᵢ we drew.
    coordinates = pca(data, 1).transform(data)
    t_hat = [float(row[0].real) for row in coordinates.rows]
    t_mean = sum(spread) / N
    centred = [t - t_mean for t in spread]  # transform() centres on x̄, so centre the tᵢ too
    covariance = sum(a * b for a, b in zip(t_hat, centred, strict=True))
    scale = math.sqrt(sum(a * a for a in t_hat) * sum(b * b for b in centred))
    sign = 1 if covariance > 0 else -1  # the sign of a component is a convention
    rms = math.sqrt(sum((sign * a - b) ** 2 for a, b in zip(t_hat, centred, strict=True)) / N)
    print(
        "1-d coordinates vs the tᵢ used to build the data: "
        f"correlation {abs(covariance) / scale:.4f}"
    )
    print(f"root-mean-square gap {rms:.3f} — the noise along d, about 0.3")


if __name__ == "__main__":
    main()
