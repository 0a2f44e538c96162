"""Why stochastic gradient descent works: a minibatch gradient is the full gradient plus noise
that shrinks like 1/√(batch size).

A loss over a data set is a mean of per-sample losses, L(w) = (1/n)·Σᵢ ℓᵢ(w), so its
gradient is the mean of the per-sample gradients: ∇L = (1/n)·Σᵢ ∇ℓᵢ. A minibatch B drawn
at random gives g_B = (1/|B|)·Σ_{i∈B} ∇ℓᵢ, a sample mean of |B| draws from the n
per-sample gradients. So, as for any sample mean (the law of large numbers):

* g_B is unbiased: its average over batches is exactly ∇L (over one epoch whose batches
  have equal sizes, the mean of the batch gradients *is* ∇L);
* its standard deviation is σ/√|B| (times the finite-population factor √((n − |B|)/(n − 1)),
  since an epoch draws without replacement), where σ is the spread of the per-sample
  gradients.

The data: n = 1024 points (x, y) with y = 2x + noise, the model ŷ = w·x, the loss
ℓᵢ(w) = (w·xᵢ − yᵢ)², whose gradient is ∇ℓᵢ = 2(w·xᵢ − yᵢ)·xᵢ. At w = 0 we compare the
full gradient with the batch gradients of 40 shuffled epochs (``minibatches``), for batch
sizes 1 to 256.

Run it:  python examples/minibatch_noise.py
"""

from __future__ import annotations

import math
import random
import statistics

from scratchmath.optimization import minibatches

N = 1024
W = 0.0
EPOCHS = 40


def make_data(rng: random.Random) -> list[tuple[float, float]]:
    """n points with y = 2x + Normal(0, 0.5) noise, x uniform in [−1, 1]."""
    points = []
    for _ in range(N):
        x = rng.uniform(-1, 1)
        points.append((x, 2 * x + rng.gauss(0, 0.5)))
    return points


def main() -> None:
    """Measure the mean and spread of minibatch gradients against the full gradient."""
    rng = random.Random(2024)
    data = make_data(rng)
    per_sample = [2 * (W * x - y) * x for x, y in data]
    full = math.fsum(per_sample) / N
    sigma = statistics.pstdev(per_sample)
    print(f"full gradient ∇L(0) = {full:.4f}; spread of per-sample gradients σ = {sigma:.4f}")
    print()
    print(f"{'batch':>6}{'mean of g_B':>14}{'std of g_B':>13}{'predicted':>12}{'std·√B':>10}")
    for size in (1, 4, 16, 64, 256):
        batch_gradients = []
        for _ in range(EPOCHS):
            for batch in minibatches(N, size, rng=rng):
                batch_gradients.append(math.fsum(per_sample[i] for i in batch) / len(batch))
        spread = statistics.pstdev(batch_gradients)
        predicted = sigma / math.sqrt(size) * math.sqrt((N - size) / (N - 1))
        mean = statistics.fmean(batch_gradients)
        print(
            f"{size:>6}{mean:>14.4f}{spread:>13.4f}{predicted:>12.4f}"
            f"{spread * math.sqrt(size):>10.3f}"
        )
    print()
    print("Every batch size averages to the full gradient (an unbiased estimate), and the")
    print("noise falls like 1/√B: quadrupling the batch halves it.")


if __name__ == "__main__":
    main()
