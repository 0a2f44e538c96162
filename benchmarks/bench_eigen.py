"""Benchmark: scratchmath's eigenvalues and SVD against NumPy (accuracy) and mpmath (speed).

Targets (issue 4):
- accuracy: eigenvalues within 1e-12·‖A‖ of the true ones on random symmetric 40×40 matrices
  (NumPy/LAPACK ``eigvalsh`` as the oracle), the Rosser matrix (exact eigenvalues known) and
  Wilkinson's W₂₁⁺ (NumPy as oracle); residuals ‖AV − VΛ‖ and ‖A − UΣVᵀ‖ ≤ 1e-12·‖A‖;
  orthogonality ‖QᵀQ − I‖ ≤ 1e-13 (2-norms, computed by NumPy);
- speed: ``eigh`` 40×40, ``eigvals`` 30×30 and ``svd`` 40×30 each at least 5× faster than
  mpmath's ``eigsy``, ``eig`` (eigenvalues only) and ``svd_r`` at its default 53-bit precision.

Complex matrices (issue 21): the same figures for complex Hermitian ``eigh`` (including the
worst over 100 random Hermitian 10×10), complex ``svd``, ``eigvals``/``eig``, ``pinv`` and
``cholesky``, NumPy as the oracle, and their speed against NumPy.

Medians over repeats; the contenders are interleaved within each repeat so that machine load
affects them alike. Run: ``python benchmarks/bench_eigen.py`` (``run(quick=True)`` uses
smaller matrices and one repeat).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

try:
    from benchmarks.timing import medians, time_once
except ImportError:  # run as a script, python benchmarks/NAME.py: its folder is on the path
    from timing import medians, time_once  # type: ignore[no-redef]

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.known_matrices
from scratchmath.matrices import Matrix, cholesky, eig, eigh, eigvals, pinv, svd
from tests.known_matrices import ROSSER_EIGENVALUES, rosser, wilkinson_plus

_time, _medians = time_once, medians


def _random(m: int, n: int, rng: random.Random) -> list[list[float]]:
    return [[rng.gauss(0.0, 1.0) for _ in range(n)] for _ in range(m)]


def _symmetric(n: int, rng: random.Random) -> list[list[float]]:
    b = _random(n, n, rng)
    return [[(b[i][j] + b[j][i]) / 2 for j in range(n)] for i in range(n)]


ROSSER = [list(row) for row in rosser().rows]  # exact eigenvalues: ROSSER_EIGENVALUES


def _accuracy(quick: bool) -> list[str]:
    import numpy as np

    def arr(M: Matrix) -> Any:
        return np.array([[complex(x) for x in row] for row in M.rows])

    rng = random.Random(2024)
    rows = ["accuracy (relative to ‖A‖₂; targets 1e-12, orthogonality 1e-13)"]
    rows.append(f"  {'case':<28}{'max|λ − λ*|':>13}{'‖AQ − QΛ‖':>12}{'‖QᵀQ − I‖':>12}")
    cases: list[tuple[str, list[list[float]], Any]] = []
    n_sym = 20 if quick else 40
    for k in range(2 if quick else 5):
        a = _symmetric(n_sym, rng)
        cases.append((f"random symmetric {n_sym}×{n_sym} #{k + 1}", a, None))
    cases.append(("Rosser 8×8 (exact λ)", [[float(x) for x in r] for r in ROSSER], None))
    w = [[float(x) for x in row] for row in wilkinson_plus(21).rows]
    cases.append(("Wilkinson W21+", w, None))
    for name, a, _ in cases:
        A = Matrix(a)
        values, Q = eigh(A)
        na = np.array(a)
        norm = np.linalg.norm(na, 2)
        truth = ROSSER_EIGENVALUES if name.startswith("Rosser") else np.linalg.eigvalsh(na)
        err = max(abs(x - y) for x, y in zip(values, truth, strict=True)) / norm
        q = arr(Q).real
        res = np.linalg.norm(na @ q - q @ np.diag(values), 2) / norm
        orth = np.linalg.norm(q.T @ q - np.eye(len(a)), 2)
        rows.append(f"  eigh {name:<23}{err:>13.1e}{res:>12.1e}{orth:>12.1e}")
    n_gen = 15 if quick else 30
    for k in range(2 if quick else 3):
        a = _random(n_gen, n_gen, rng)
        na = np.array(a)
        norm = np.linalg.norm(na, 2)
        values = eigvals(Matrix(a))
        truth = list(np.linalg.eigvals(na))
        err = 0.0
        for z in values:  # match each computed value to the nearest remaining true one
            j = min(range(len(truth)), key=lambda i: abs(truth[i] - z))
            err = max(err, abs(truth.pop(j) - z) / norm)
        vals, V = eig(Matrix(a))
        v = arr(V)
        res = np.linalg.norm(na @ v - v @ np.diag(vals), 2) / norm
        label = f"eig random {n_gen}×{n_gen} #{k + 1}"
        rows.append(f"  {label:<28}{err:>13.1e}{res:>12.1e}{'—':>12}")
    rows.append(f"  {'case':<28}{'max|σ − σ*|':>13}{'‖A − UΣVᵀ‖':>12}{'‖UᵀU − I‖':>12}")
    m, n = (20, 15) if quick else (40, 30)
    for k in range(2 if quick else 3):
        a = _random(m, n, rng)
        na = np.array(a)
        norm = np.linalg.norm(na, 2)
        U, sigma, V = svd(Matrix(a))
        u, v = arr(U).real, arr(V).real
        err = max(abs(np.array(sigma) - np.linalg.svd(na, compute_uv=False))) / norm
        res = np.linalg.norm(na - u @ np.diag(sigma) @ v.T, 2) / norm
        orth = max(np.linalg.norm(u.T @ u - np.eye(n), 2), np.linalg.norm(v.T @ v - np.eye(n), 2))
        label = f"svd random {m}×{n} #{k + 1}"
        rows.append(f"  {label:<28}{err:>13.1e}{res:>12.1e}{orth:>12.1e}")
    return rows


def _complex_random(m: int, n: int, rng: random.Random) -> list[list[complex]]:
    return [[complex(rng.gauss(0.0, 1.0), rng.gauss(0.0, 1.0)) for _ in range(n)] for _ in range(m)]


def _hermitian(n: int, rng: random.Random) -> list[list[complex]]:
    b = _complex_random(n, n, rng)
    return [[(b[i][j] + b[j][i].conjugate()) / 2 for j in range(n)] for i in range(n)]


def _complex_accuracy(quick: bool) -> list[str]:
    import numpy as np

    def arr(M: Matrix) -> Any:
        return np.array([[complex(x) for x in row] for row in M.rows])

    rng = random.Random(21)
    rows = ["complex matrices (issue 21), relative to ‖A‖₂; NumPy (LAPACK) as the oracle"]
    rows.append(f"  {'case':<28}{'max|λ − λ*|':>13}{'‖AQ − QΛ‖':>12}{'‖QᴴQ − I‖':>12}")
    trials = 20 if quick else 100
    worst = [0.0, 0.0, 0.0]
    for _ in range(trials):
        a = _hermitian(10, rng)
        values, Q = eigh(Matrix(a))
        na, q = np.array(a), arr(Q)
        norm = np.linalg.norm(na, 2)
        err = max(abs(np.array(values) - np.linalg.eigvalsh(na))) / norm
        res = np.linalg.norm(q @ np.diag(values) @ q.conj().T - na, 2) / norm
        orth = np.linalg.norm(q.conj().T @ q - np.eye(10), 2)
        worst = [max(worst[0], err), max(worst[1], res), max(worst[2], orth)]
    label = f"eigh worst of {trials} 10×10"
    rows.append(f"  {label:<28}{worst[0]:>13.1e}{worst[1]:>12.1e}{worst[2]:>12.1e}")
    n = 15 if quick else 30
    a = _hermitian(n, rng)
    values, Q = eigh(Matrix(a))
    na, q = np.array(a), arr(Q)
    norm = np.linalg.norm(na, 2)
    err = max(abs(np.array(values) - np.linalg.eigvalsh(na))) / norm
    res = np.linalg.norm(na @ q - q @ np.diag(values), 2) / norm
    orth = np.linalg.norm(q.conj().T @ q - np.eye(n), 2)
    rows.append(f"  {f'eigh Hermitian {n}×{n}':<28}{err:>13.1e}{res:>12.1e}{orth:>12.1e}")
    a = _complex_random(n, n, rng)
    na = np.array(a)
    norm = np.linalg.norm(na, 2)
    vals, V = eig(Matrix(a))
    truth = list(np.linalg.eigvals(na))
    err = 0.0
    for z in vals:  # match each computed value to the nearest remaining true one
        j = min(range(len(truth)), key=lambda i: abs(truth[i] - z))
        err = max(err, abs(truth.pop(j) - z) / norm)
    v = arr(V)
    res = np.linalg.norm(na @ v - v @ np.diag(vals), 2) / norm
    rows.append(f"  {f'eig complex {n}×{n}':<28}{err:>13.1e}{res:>12.1e}{'—':>12}")
    rows.append(f"  {'case':<28}{'max|σ − σ*|':>13}{'‖A − UΣVᴴ‖':>12}{'‖UᴴU − I‖':>12}")
    m, n = (20, 15) if quick else (40, 30)
    a = _complex_random(m, n, rng)
    na = np.array(a)
    norm = np.linalg.norm(na, 2)
    U, sigma, V = svd(Matrix(a))
    u, v = arr(U), arr(V)
    err = max(abs(np.array(sigma) - np.linalg.svd(na, compute_uv=False))) / norm
    res = np.linalg.norm(na - u @ np.diag(sigma) @ v.conj().T, 2) / norm
    orth = max(
        np.linalg.norm(u.conj().T @ u - np.eye(n), 2),
        np.linalg.norm(v.conj().T @ v - np.eye(n), 2),
    )
    rows.append(f"  {f'svd complex {m}×{n}':<28}{err:>13.1e}{res:>12.1e}{orth:>12.1e}")
    X = arr(pinv(Matrix(a)))
    truth = np.linalg.pinv(na)
    rel = np.linalg.norm(X - truth, 2) / np.linalg.norm(truth, 2)
    rows.append(f"  pinv complex {m}×{n}: ‖X − X*‖/‖X*‖ = {rel:.1e}")
    b = np.array(_complex_random(n, n, rng))
    h = b.conj().T @ b + np.eye(n)
    h = (h + h.conj().T) / 2
    L = arr(cholesky(Matrix(h.tolist())))
    truth = np.linalg.cholesky(h)
    rel = np.linalg.norm(L - truth, 2) / np.linalg.norm(truth, 2)
    rows.append(f"  cholesky Hermitian PD {n}×{n}: ‖L − L*‖/‖L*‖ = {rel:.1e}")
    return rows


def _complex_speed(quick: bool) -> list[str]:
    import numpy as np

    rng = random.Random(8)
    repeats = 1 if quick else 5
    n, (m_svd, n_svd) = (15, (15, 10)) if quick else (30, (30, 20))
    h, g, r = _hermitian(n, rng), _complex_random(n, n, rng), _complex_random(m_svd, n_svd, rng)
    Hm, G, R = Matrix(h), Matrix(g), Matrix(r)
    nH, nG, nR = np.array(h), np.array(g), np.array(r)
    tasks = [
        (f"eigh {n}×{n} Hermitian", lambda: eigh(Hm), lambda: np.linalg.eigh(nH)),
        (f"eigvals {n}×{n} complex", lambda: eigvals(G), lambda: np.linalg.eigvals(nG)),
        (f"svd {m_svd}×{n_svd} complex", lambda: svd(R), lambda: np.linalg.svd(nR, False)),
    ]
    rows = [
        "complex speed (median seconds; numpy is the compiled lower bound)",
        f"  {'task':<26}{'scratchmath':>12}{'numpy':>11}{'ratio':>9}",
    ]
    for label, ours, npy in tasks:
        t = _medians({"ours": ours, "np": npy}, repeats)
        rows.append(f"  {label:<26}{t['ours']:>12.4f}{t['np']:>11.5f}{t['np'] / t['ours']:>8.3f}×")
    return rows


def _speed(quick: bool) -> list[str]:
    import mpmath
    import numpy as np

    mpmath.mp.prec = 53
    rng = random.Random(7)
    repeats = 1 if quick else 5
    n_eigh, n_eigvals, (m_svd, n_svd) = (20, 15, (20, 15)) if quick else (40, 30, (40, 30))
    s = _symmetric(n_eigh, rng)
    g = _random(n_eigvals, n_eigvals, rng)
    r = _random(m_svd, n_svd, rng)
    S, G, R = Matrix(s), Matrix(g), Matrix(r)
    mS, mG, mR = mpmath.matrix(s), mpmath.matrix(g), mpmath.matrix(r)
    nS, nG, nR = np.array(s), np.array(g), np.array(r)
    tasks = [
        (
            f"eigh {n_eigh}×{n_eigh} (eigsy)",
            lambda: eigh(S),
            lambda: mpmath.eigsy(mS),
            lambda: np.linalg.eigh(nS),
        ),
        (
            f"eigvals {n_eigvals}×{n_eigvals} (eig)",
            lambda: eigvals(G),
            lambda: mpmath.eig(mG, left=False, right=False),
            lambda: np.linalg.eigvals(nG),
        ),
        (
            f"svd {m_svd}×{n_svd} (svd_r)",
            lambda: svd(R),
            lambda: mpmath.svd_r(mR, full_matrices=False),
            lambda: np.linalg.svd(nR, full_matrices=False),
        ),
    ]
    rows = [
        "speed (median seconds; target: scratchmath ≥ 5× faster than mpmath;",
        "numpy (LAPACK) is the compiled lower bound)",
        f"  {'task':<22}{'scratchmath':>12}{'mpmath':>10}{'ratio':>8}{'numpy':>11}{'ratio':>9}",
    ]
    for label, ours, mp, npy in tasks:
        t = _medians({"ours": ours, "mp": mp, "np": npy}, repeats)
        rows.append(
            f"  {label:<22}{t['ours']:>12.4f}{t['mp']:>10.3f}{t['mp'] / t['ours']:>7.1f}×"
            f"{t['np']:>11.5f}{t['np'] / t['ours']:>8.3f}×"
        )
    return rows


def run(quick: bool = False) -> str:
    """Run the benchmark and return its tables as text."""
    lines = ["bench_eigen: eigh, eigvals, eig, svd (issue 4)", ""]
    lines += _accuracy(quick)
    lines.append("")
    lines += _speed(quick)
    lines.append("")
    lines += _complex_accuracy(quick)
    lines.append("")
    lines += _complex_speed(quick)
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
