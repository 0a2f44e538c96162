"""PCA's sums that need compensated (fsum) summation: the sample mean of a column whose
terms cancel, and the explained-variance ratios of many small components summing to 1."""

from __future__ import annotations

import math
import sys

from scratchmath.matrices import pca

EPS = sys.float_info.epsilon


def _hadamard(n: int) -> list[list[int]]:
    """Sylvester's n×n Hadamard matrix (n a power of 2): ±1 entries, orthogonal columns."""
    h = [[1]]
    while len(h) < n:
        h = [row + row for row in h] + [row + [-x for x in row] for row in h]
    return h


def test_pca_mean_is_the_sample_mean_despite_cancellation() -> None:
    # Column 0 sums to 2⁵³ + 1 − 2⁵³ + 1 = 2 exactly, so its mean is exactly ½; summing in
    # order in floats loses the first 1 (2⁵³ + 1 rounds to 2⁵³) and gives ¼.
    big = 2.0**53
    data = [[big, 1.0], [1.0, 2.0], [-big, 3.0], [1.0, 5.0]]
    result = pca(data, 1)
    assert list(result.mean) == [0.5, 2.75]


def test_explained_variance_ratios_sum_to_one() -> None:
    # Σ σᵢ² / Σ σⱼ² = 1. The data: 32 samples of 21 features, the columns 1..21 of a 32×32
    # Hadamard matrix (orthogonal, mean 0), the first of size 1 and twenty of size 2⁻²⁷:
    # each small σᵢ² is 2⁻⁵⁴ of the large one, below half its ulp, so a running sum of the
    # σ² drops all twenty (1 + 20·2⁻⁵⁴ ≈ 1 + 5ε). With the total summed exactly (rounded
    # once) each ratio is within 2 roundings: Σ ratios within about 2ε of 1.
    h = _hadamard(32)
    k = 21
    data = [[float(row[1])] + [math.ldexp(row[j], -27) for j in range(2, k + 1)] for row in h]
    ratios = pca(data, k).explained_variance_ratio
    assert len(ratios) == k
    assert abs(math.fsum(ratios) - 1) <= 2 * EPS
