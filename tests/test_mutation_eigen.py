"""Eigenvalues the standard Francis shifts cannot find alone: the cyclic permutation matrix
(every eigenvalue has modulus 1, so the Wilkinson shifts cycle and only the exceptional
shift every 10th step breaks the cycle)."""

from __future__ import annotations

import cmath
import math
import sys

import pytest

from scratchmath.matrices import Matrix, eigvals

EPS = sys.float_info.epsilon


def _cyclic(n: int) -> Matrix:
    """The n×n cyclic shift P eⱼ = eⱼ₊₁: its eigenvalues are the n-th roots of unity."""
    return Matrix([[1.0 if j == (i + 1) % n else 0.0 for j in range(n)] for i in range(n)])


@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 8])
def test_eigenvalues_of_the_cyclic_permutation_are_the_roots_of_unity(n: int) -> None:
    # P is orthogonal, so its eigenvalues are perfectly conditioned: a backward stable QR
    # algorithm finds each within a small multiple of n·ε of the exact root.
    values = [complex(v) for v in eigvals(_cyclic(n))]
    roots = [cmath.exp(2j * math.pi * k / n) for k in range(n)]
    assert len(values) == n
    for root in roots:
        assert min(abs(v - root) for v in values) <= 64 * n * EPS
    for v in values:
        assert min(abs(v - root) for root in roots) <= 64 * n * EPS


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_eigenvalues_of_a_shifted_scaled_cycle(n: int) -> None:
    # λ(2P + 3I) = 2ω + 3: the same cycle of shifts, away from the origin.
    A = Matrix([[2.0 * x + (3.0 if i == j else 0.0) for j, x in enumerate(row)]
                for i, row in enumerate(_cyclic(n).rows)])  # fmt: skip
    values = [complex(v) for v in eigvals(A)]
    for k in range(n):
        expected = 2 * cmath.exp(2j * math.pi * k / n) + 3
        assert min(abs(v - expected) for v in values) <= 256 * n * EPS
    # the trace is the sum of the eigenvalues: 3n (their imaginary parts cancel in pairs)
    assert abs(sum(values) - 3 * n) <= 256 * n * n * EPS
