"""Strategies and helpers for the tests of complex matrices (issue 21) in scratchmath.matrices.

The tolerances of those tests are those of backward stability, n·ε·‖A‖ times a small
constant stated beside each: Jacobi and Householder methods produce factors exact for a
matrix within that distance of A, and unitary factors unitary to c·n·ε. Each wrong
implementation they are meant to catch — a transpose where the conjugate transpose belongs,
a phase applied to one side only, a lost conjugate in a Gram–Schmidt step — misses by O(1),
far outside these bounds.
"""

from __future__ import annotations

from hypothesis import strategies as st

from scratchmath.matrices import Matrix, matrix_norm
from tests.strategies import floats

# Parts with |x| in [10⁻³, 10] or 0, as the real strategies (tests/strategies.floats): the
# relative bounds c·n·ε·‖A‖ do not hold for subnormal results, whose error is absolute; the
# ends of the float range have their own tests (test_symmetric, test_eigen).
PARTS = floats(1e-3, 10.0)
ENTRIES = st.builds(complex, PARTS, PARTS)


def H(A: Matrix) -> Matrix:
    """The conjugate transpose Aᴴ."""
    return Matrix([[z.conjugate() for z in column] for column in A.columns])


def fro(A: Matrix) -> float:
    return matrix_norm(A, "fro")


@st.composite
def complex_matrices(
    draw: st.DrawFn, max_m: int = 6, max_n: int = 6, *, square: bool = False
) -> Matrix:
    """m×n matrices with parts drawn from PARTS, some imaginary part ≠ 0."""
    m = draw(st.integers(1, max_m))
    n = m if square else draw(st.integers(1, max_n))
    rows = [[draw(ENTRIES) for _ in range(n)] for _ in range(m)]
    if all(z.imag == 0 for row in rows for z in row):
        rows[0][0] = complex(rows[0][0].real, 1.0)  # a truly complex matrix
    return Matrix(rows)


@st.composite
def hermitian_matrices(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    """(B + Bᴴ)/2 for a square complex B: Hermitian, exactly (entries conjugate to the bit)."""
    n = draw(st.integers(2, max_n))
    b = [[draw(ENTRIES) for _ in range(n)] for _ in range(n)]
    rows = [[complex(b[i][i].real, 0.0) if i == j else 0j for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            rows[i][j] = complex(b[i][j].real, b[i][j].imag or 1.0)
            rows[j][i] = rows[i][j].conjugate()
    return Matrix(rows)


@st.composite
def hermitian_positive_definite(draw: st.DrawFn, max_n: int = 6) -> Matrix:
    """BᴴB + I: Hermitian positive definite (eigenvalues ≥ 1), made exactly Hermitian."""
    B = draw(complex_matrices(max_m=max_n, max_n=max_n))
    G = H(B) @ B
    n = G.shape[0]
    rows = [
        [complex(G[i, i].real + 1.0, 0.0) if i == j else G[i, j] for j in range(n)]
        for i in range(n)
    ]
    for i in range(n):
        for j in range(i):
            rows[i][j] = rows[j][i].conjugate()
    return Matrix(rows)
