"""A learner's implementations, right and wrong, for the tests of ``scratchmath.check``.

``CORRECT`` holds, per checker, implementations written the ways learners write them (exact,
float, loops, comprehensions, a different but valid definition): every one must pass.
``BUGS`` holds the mistakes learners make, each with words the failed axiom must contain:
every one must be caught, and the report must name that axiom.

Each entry is what a CHECKS mapping would hold: a function, a tuple of arguments, or a
distribution object.
"""

from __future__ import annotations

import itertools
import math
import operator
import random
from fractions import Fraction
from typing import Any, NamedTuple

import scratchmath as sm
from scratchmath import Matrix, Vector

# --- linear algebra ---------------------------------------------------------------------------


def add_lists(u: Any, v: Any) -> list[Any]:
    return [a + b for a, b in zip(u, v, strict=True)]


def scale_list(a: Any, v: Any) -> list[Any]:
    return [a * x for x in v]


def add_by_index(u: Any, v: Any) -> tuple[Any, ...]:
    out = []
    for i in range(len(u)):
        out.append(u[i] + v[i])
    return tuple(out)


def euclidean(v: Any) -> float:
    return math.sqrt(sum(x * x for x in v))


def taxicab(v: Any) -> Any:
    return sum(abs(x) for x in v)


def supremum(v: Any) -> Any:
    return max((abs(x) for x in v), default=0)


def dot(u: Any, v: Any) -> Any:
    return sum(a * b for a, b in zip(u, v, strict=True))


def weighted_dot(u: Any, v: Any) -> Any:
    return sum((i + 1) * a * b for i, (a, b) in enumerate(zip(u, v, strict=True)))


def matmul_loops(A: Any, B: Any) -> list[list[Any]]:
    m, k, n = len(A.rows), len(B.rows), len(B.columns)
    C = [[0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            for p in range(k):
                C[i][j] += A[i, p] * B[p, j]
    return C


def matmul_zip(A: Any, B: Any) -> list[list[Any]]:
    columns = list(zip(*B.tolist(), strict=True))
    return [[sum(map(operator.mul, row, col)) for col in columns] for row in A.tolist()]


def matmul_columns(A: Any, B: Any) -> Matrix:
    return Matrix.from_columns([A @ column for column in B.columns])


def det_laplace(A: Any) -> Any:
    rows = [list(r) for r in A.tolist()] if hasattr(A, "tolist") else A
    if len(rows) == 1:
        return rows[0][0]
    total = 0
    for j, a in enumerate(rows[0]):
        minor = [r[:j] + r[j + 1 :] for r in rows[1:]]
        total += (-1) ** j * a * det_laplace(minor)
    return total


def det_elimination(A: Any) -> float:
    M = [[float(x) for x in row] for row in A.tolist()]
    n, sign, product = len(M), 1.0, 1.0
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        if M[p][c] == 0:
            return 0.0
        if p != c:
            M[c], M[p] = M[p], M[c]
            sign = -sign
        product *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return sign * product


def det_by_permutations(A: Any) -> Any:
    n = A.shape[0]
    total = 0
    for perm in itertools.permutations(range(n)):
        inversions = sum(perm[i] > perm[j] for i in range(n) for j in range(i + 1, n))
        total += (-1) ** inversions * math.prod(A[i, perm[i]] for i in range(n))
    return total


def gauss_jordan_float(A: Any) -> list[list[float]]:
    n = A.shape[0]
    M = [
        [float(x) for x in row] + [float(i == j) for j in range(n)]
        for i, row in enumerate(A.tolist())
    ]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        if abs(M[p][c]) < 1e-12:
            raise ValueError("singular matrix")
        M[c], M[p] = M[p], M[c]
        pivot = M[c][c]
        M[c] = [x / pivot for x in M[c]]
        for r in range(n):
            if r != c:
                f = M[r][c]
                M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return [row[n:] for row in M]


def gauss_jordan_exact(A: Any) -> list[list[Fraction]]:
    n = A.shape[0]
    M = [
        [Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)]
        for i, row in enumerate(A.tolist())
    ]
    for c in range(n):
        p = next((r for r in range(c, n) if M[r][c] != 0), None)
        if p is None:
            raise ZeroDivisionError("singular")
        M[c], M[p] = M[p], M[c]
        M[c] = [x / M[c][c] for x in M[c]]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c]
                M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return [row[n:] for row in M]


def inverse_adjugate(A: Any) -> list[list[Any]]:
    n = A.shape[0]
    d = sm.det(A)
    if n == 1:
        return [[1 / Fraction(d)]]
    rows = A.tolist()

    def cofactor(i: int, j: int) -> Any:
        minor = Matrix([r[:j] + r[j + 1 :] for k, r in enumerate(rows) if k != i])
        return (-1) ** (i + j) * sm.det(minor)

    return [[Fraction(cofactor(j, i)) / d for j in range(n)] for i in range(n)]


def lu_doolittle(A: Any, exact: bool = True) -> tuple[Any, Any, Any]:
    n = A.shape[0]
    kind = Fraction if exact else float
    U = [[kind(x) for x in row] for row in A.tolist()]
    L = [[kind(0)] * n for _ in range(n)]
    perm = list(range(n))
    for k in range(n):
        p = max(range(k, n), key=lambda r: abs(U[r][k]))
        U[k], U[p] = U[p], U[k]
        L[k], L[p] = L[p], L[k]
        perm[k], perm[p] = perm[p], perm[k]
        for i in range(k + 1, n):
            f = U[i][k] / U[k][k]
            L[i][k] = f
            U[i] = [a - f * b for a, b in zip(U[i], U[k], strict=True)]
            U[i][k] = kind(0)
    for i in range(n):
        L[i][i] = kind(1)
    P = [[int(perm[i] == j) for j in range(n)] for i in range(n)]
    return P, L, U


def lu_float(A: Any) -> tuple[Any, Any, Any]:
    return lu_doolittle(A, exact=False)


def eig_by_inverse_iteration(A: Any) -> tuple[list[float], Matrix]:
    values = sorted(sm.eigvals(A), key=lambda z: complex(z).real)
    vectors = []
    for value in values:
        real = complex(value).real
        _, v = sm.inverse_iteration(A, real + 1e-7 * (1 + abs(real)))
        vectors.append(v)
    return [complex(v).real for v in values], Matrix.from_columns(vectors)


def eig_symmetric_first(A: Any) -> tuple[Any, Any]:
    return sm.eigh(A) if A.is_symmetric() else sm.eig(A)


# --- calculus -------------------------------------------------------------------------------


def central(f: Any, x: float, h: float = 1e-5) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def five_point(f: Any, x: float, h: float = 1e-3) -> float:
    return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h)


def forward_tiny(f: Any, x: float) -> float:
    h = 1e-8 * max(1.0, abs(x))
    return (f(x + h) - f(x)) / h


def simpson_100(f: Any, a: float, b: float, n: int = 100) -> float:
    h = (b - a) / n
    inner = sum((4 if k % 2 else 2) * f(a + k * h) for k in range(1, n))
    return h / 3 * (f(a) + inner + f(b))


def gauss_legendre(f: Any, a: float, b: float, panels: int = 20) -> float:
    nodes = [(-math.sqrt(3 / 5), 5 / 9), (0.0, 8 / 9), (math.sqrt(3 / 5), 5 / 9)]
    h = (b - a) / panels
    total = 0.0
    for k in range(panels):
        mid = a + (k + 0.5) * h
        total += sum(w * f(mid + t * h / 2) for t, w in nodes) * h / 2
    return total


def romberg(f: Any, a: float, b: float, levels: int = 8) -> float:
    R = [[(b - a) / 2 * (f(a) + f(b))]]
    for k in range(1, levels):
        h = (b - a) / 2**k
        row = [R[-1][0] / 2 + h * sum(f(a + (2 * i - 1) * h) for i in range(1, 2 ** (k - 1) + 1))]
        for j in range(1, k + 1):
            row.append(row[j - 1] + (row[j - 1] - R[-1][j - 1]) / (4**j - 1))
        R.append(row)
    return R[-1][-1]


def gradient_copies(f: Any, x: Any, h: float = 1e-6) -> list[float]:
    out = []
    for i in range(len(x)):
        up, down = list(x), list(x)
        up[i] += h
        down[i] -= h
        out.append((f(up) - f(down)) / (2 * h))
    return out


def gradient_basis(f: Any, x: Any, h: float = 1e-5) -> Vector:
    n = len(x)
    return Vector(
        [
            (f(x + h * Vector.basis(n, i)) - f(x - h * Vector.basis(n, i))) / (2 * h)
            for i in range(n)
        ]
    )


def gradient_partials(f: Any, x: Any) -> list[float]:
    return [sm.partial_derivative(f, x, i) for i in range(len(x))]


def jacobian_columns(f: Any, x: Any, h: float = 1e-6) -> list[list[float]]:
    columns = []
    for j in range(len(x)):
        up, down = list(x), list(x)
        up[j] += h
        down[j] -= h
        columns.append([(a - b) / (2 * h) for a, b in zip(f(up), f(down), strict=True)])
    return [list(row) for row in zip(*columns, strict=True)]


def jacobian_rows(f: Any, x: Any) -> list[Any]:
    m = len(f(x))
    return [list(sm.gradient(lambda t, i=i: f(t)[i], x)) for i in range(m)]


# --- probability ------------------------------------------------------------------------------


def _rng(rng: Any) -> random.Random:
    return rng if isinstance(rng, random.Random) else random.Random(rng)


class MyPoisson:
    def __init__(self, lam: float) -> None:
        self.lam = lam

    def pmf(self, k: Any) -> float:
        if not isinstance(k, int) or k < 0:
            return 0.0
        return math.exp(-self.lam) * self.lam**k / math.factorial(k)

    def cdf(self, x: float) -> float:
        return math.fsum(self.pmf(k) for k in range(math.floor(x) + 1)) if x >= 0 else 0.0

    def ppf(self, q: float) -> int:
        k, total = 0, self.pmf(0)
        while total < q - 1e-12 and k < 10_000:
            k += 1
            total += self.pmf(k)
        return k

    def support(self) -> Any:
        return itertools.count()

    def mean(self) -> float:
        return self.lam

    def variance(self) -> float:
        return self.lam

    def std(self) -> float:
        return math.sqrt(self.lam)

    def sample(self, n: int, rng: Any = None) -> list[int]:
        r = _rng(rng)
        return [self.ppf(r.random()) for _ in range(n)]


class MyDie:
    """A fair die as a Categorical-like object with Fraction probabilities."""

    faces = range(1, 7)

    def pmf(self, k: Any) -> Fraction:
        return Fraction(1, 6) if k in self.faces else Fraction(0)

    def cdf(self, x: float) -> Fraction:
        return Fraction(sum(1 for k in self.faces if k <= x), 6)

    def ppf(self, q: float) -> int:
        return next(k for k in self.faces if self.cdf(k) >= q)

    def support(self) -> list[int]:
        return list(self.faces)

    def mean(self) -> Fraction:
        return Fraction(7, 2)

    def variance(self) -> Fraction:
        return Fraction(35, 12)

    def std(self) -> float:
        return math.sqrt(35 / 12)

    def sample(self, n: int, rng: Any = None) -> list[int]:
        r = _rng(rng)
        return [r.randint(1, 6) for _ in range(n)]


class MyNormal:
    def __init__(self, mu: float, sigma: float) -> None:
        self.mu, self.sigma = mu, sigma

    def pdf(self, x: float) -> float:
        z = (x - self.mu) / self.sigma
        return math.exp(-z * z / 2) / (self.sigma * math.sqrt(2 * math.pi))

    def cdf(self, x: float) -> float:
        return 0.5 * (1 + math.erf((x - self.mu) / (self.sigma * math.sqrt(2))))

    def ppf(self, q: float) -> float:
        low, high = self.mu - 40 * self.sigma, self.mu + 40 * self.sigma
        for _ in range(200):
            mid = (low + high) / 2
            low, high = (mid, high) if self.cdf(mid) < q else (low, mid)
        return (low + high) / 2

    def support(self) -> tuple[float, float]:
        return (-math.inf, math.inf)

    def mean(self) -> float:
        return self.mu

    def variance(self) -> float:
        return self.sigma**2

    def std(self) -> float:
        return self.sigma

    def sample(self, n: int, rng: Any = None) -> list[float]:
        r = _rng(rng)
        return [r.gauss(self.mu, self.sigma) for _ in range(n)]


class MyExponential:
    def __init__(self, rate: float) -> None:
        self.rate = rate

    def pdf(self, x: float) -> float:
        return self.rate * math.exp(-self.rate * x) if x >= 0 else 0.0

    def cdf(self, x: float) -> float:
        return 1 - math.exp(-self.rate * x) if x >= 0 else 0.0

    def ppf(self, q: float) -> float:
        return -math.log1p(-q) / self.rate

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)

    def mean(self) -> float:
        return 1 / self.rate

    def variance(self) -> float:
        return 1 / self.rate**2

    def std(self) -> float:
        return 1 / self.rate

    def sample(self, n: int, rng: Any = None) -> list[float]:
        r = _rng(rng)
        return [self.ppf(r.random()) for _ in range(n)]


class PoissonWithoutFactorial(MyPoisson):
    def pmf(self, k: Any) -> float:
        return math.exp(-self.lam) * self.lam**k if isinstance(k, int) and k >= 0 else 0.0


class DieSummingTo09(MyDie):
    def pmf(self, k: Any) -> Fraction:
        return Fraction(3, 20) if k in self.faces else Fraction(0)


class NormalWithoutConstant(MyNormal):
    def pdf(self, x: float) -> float:
        z = (x - self.mu) / self.sigma
        return math.exp(-z * z / 2) / self.sigma


class NormalVarianceIsStd(MyNormal):
    def variance(self) -> float:
        return self.sigma


class DieStrictCdf(MyDie):
    def cdf(self, x: float) -> Fraction:
        return Fraction(sum(1 for k in self.faces if k < x), 6)


class DieIgnoringRng(MyDie):
    def sample(self, n: int, rng: Any = None) -> list[int]:
        return [random.randint(1, 6) for _ in range(n)]


class ExponentialMeanIsRate(MyExponential):
    def mean(self) -> float:
        return self.rate


class PoissonPpfOffByOne(MyPoisson):
    def ppf(self, q: float) -> int:
        return super().ppf(q) + 1


class ExponentialSamplerWrongRate(MyExponential):
    def sample(self, n: int, rng: Any = None) -> list[float]:
        r = _rng(rng)
        return [-math.log1p(-r.random()) * self.rate for _ in range(n)]


def expectation_sum(dist: Any, g: Any = None) -> float:
    g = g or (lambda x: x)
    return sum(g(x) * dist.pmf(x) for x in dist.support())


def expectation_everywhere(dist: Any, g: Any = None) -> float:
    g = g or (lambda x: x)
    if hasattr(dist, "pdf"):
        low, high = dist.support()
        return sm.integrate(lambda x: g(x) * dist.pdf(x), low, high)
    terms, mass = [], 0.0
    for x in itertools.islice(dist.support(), 100_000):
        p = float(dist.pmf(x))
        terms.append(g(x) * p)
        mass += p
        if mass > 1 - 1e-15 and p < 1e-18:
            break
    return math.fsum(terms)


def expectation_fractions(dist: Any, g: Any = None) -> Any:
    total = Fraction(0)
    for x in dist.support():
        value = x if g is None else g(x)
        total += Fraction(value) * Fraction(dist.pmf(x))
    return total


def entropy_log_base(dist: Any, base: float = 2) -> float:
    return -sum(p * math.log(p, base) for p in map(dist.pmf, dist.support()) if p > 0)


def entropy_fsum(dist: Any, base: float = 2) -> float:
    ps = [float(dist.pmf(x)) for x in dist.support()]
    return -math.fsum(p * math.log2(p) for p in ps if p > 0) / math.log2(base)


def entropy_loop(dist: Any, base: float = 2) -> float:
    h = 0.0
    for x in dist.support():
        p = dist.pmf(x)
        if p == 0:
            continue
        h -= p * math.log(p) / math.log(base)
    return h


def kl_loop(p: Any, q: Any, base: float = 2) -> float:
    total = 0.0
    for x in p.support():
        px = p.pmf(x)
        if px == 0:
            continue
        qx = q.pmf(x)
        if qx == 0:
            return math.inf
        total += px * math.log(px / qx, base)
    return total


def kl_by_cross_entropy(p: Any, q: Any, base: float = 2) -> float:
    return sm.cross_entropy(p, q, base=base) - sm.entropy(p, base=base)


def kl_raising(p: Any, q: Any, base: float = 2) -> float:
    return math.fsum(
        float(p.pmf(x)) * math.log(float(p.pmf(x)) / float(q.pmf(x)))
        for x in p.support()
        if p.pmf(x) > 0
    ) / math.log(base)


def step_lists(x: Any, g: Any, lr: Any) -> list[Any]:
    return [a - lr * b for a, b in zip(x, g, strict=True)]


def step_loop(x: Any, g: Any, lr: Any) -> Vector:
    out = list(x)
    for i in range(len(out)):
        out[i] -= lr * g[i]
    return Vector(out)


class Case(NamedTuple):
    checker: str
    label: str
    value: Any
    axiom: str = ""  # words the failed axiom must contain (bugs only)


A23 = Matrix([[1, 2, 0], [0, 1, -1]])
ROTATION = Matrix.rotation(0.5)

CORRECT = [
    Case("vector_space", "scratchmath's + and *", (operator.add, operator.mul, Vector.zeros)),
    Case("vector_space", "lists", (add_lists, scale_list, lambda n: [0] * n)),
    Case("vector_space", "by index, a fixed zero", (add_by_index, scale_list, [0, 0, 0])),
    Case("norm", "scratchmath abs", abs),
    Case("norm", "√Σx²", euclidean),
    Case("norm", "hypot", lambda v: math.hypot(*v)),
    Case("norm", "1-norm", taxicab),
    Case("norm", "sup norm", supremum),
    Case("norm", "3-norm", lambda v: sm.p_norm(v, 3)),
    Case("inner_product", "scratchmath inner", sm.inner),
    Case("inner_product", "@", operator.matmul),
    Case("inner_product", "Σ uᵢvᵢ", dot),
    Case("inner_product", "weighted", weighted_dot),
    Case("linear_map", "A @ v", (lambda v: A23 @ v, 3, 2)),
    Case("linear_map", "lists", (lambda v: [v[0] + 2 * v[1], v[1] - v[2]], 3, 2)),
    Case("linear_map", "rotation (floats)", (lambda v: ROTATION @ v, 2, 2)),
    Case("linear_map", "projection", (lambda v: [(v[0] + v[1]) / 2] * 2, 2, 2)),
    Case("matmul", "scratchmath @", operator.matmul),
    Case("matmul", "triple loop", matmul_loops),
    Case("matmul", "zip rows and columns", matmul_zip),
    Case("matmul", "column by column", matmul_columns),
    Case("det", "scratchmath det", sm.det),
    Case("det", "det_cofactor", sm.det_cofactor),
    Case("det", "det_leibniz", sm.det_leibniz),
    Case("det", "own Laplace", det_laplace),
    Case("det", "float elimination", det_elimination),
    Case("det", "own permutations", det_by_permutations),
    Case("inverse", "scratchmath inverse", sm.inverse),
    Case("inverse", "float Gauss–Jordan", gauss_jordan_float),
    Case("inverse", "exact Gauss–Jordan", gauss_jordan_exact),
    Case("inverse", "adjugate", inverse_adjugate),
    Case("lu", "scratchmath lu", sm.lu),
    Case("lu", "Doolittle exact", lu_doolittle),
    Case("lu", "Doolittle float", lu_float),
    Case("eigen", "scratchmath eig", sm.eig),
    Case("eigen", "eigvals + inverse iteration", eig_by_inverse_iteration),
    Case("eigen", "eigh when symmetric", eig_symmetric_first),
    Case("derivative", "scratchmath derivative", sm.derivative),
    Case("derivative", "central h=1e-5", central),
    Case("derivative", "five-point stencil", five_point),
    Case("derivative", "forward h=1e-8", forward_tiny),
    Case("derivative", "forward h=1e-6", lambda f, x: (f(x + 1e-6) - f(x)) / 1e-6),
    Case("integral", "scratchmath integrate", sm.integrate),
    Case("integral", "Simpson n=100", simpson_100),
    Case("integral", "scratchmath simpson", lambda f, a, b: sm.simpson(f, a, b, 200)),
    Case("integral", "Gauss–Legendre", gauss_legendre),
    Case("integral", "Romberg", romberg),
    Case("integral", "trapezoid, 2000 panels", lambda f, a, b: sm.trapezoid(f, a, b, 2000)),
    Case("integral", "midpoint, 1000 panels", lambda f, a, b: sm.riemann_sum(f, a, b, 1000)),
    Case("gradient", "scratchmath gradient", sm.gradient),
    Case("gradient", "copies of x", gradient_copies),
    Case("gradient", "basis vectors", gradient_basis),
    Case("gradient", "partial_derivative", gradient_partials),
    Case("gradient", "forward h=1e-7", lambda f, x: _gradient_forward(f, x, 1e-7)),
    Case("chain_rule", "scratchmath jacobian", sm.jacobian),
    Case("chain_rule", "central columns", jacobian_columns),
    Case("chain_rule", "rows by gradient", jacobian_rows),
    Case("distribution", "scratchmath Binomial", sm.Binomial(5, Fraction(1, 3))),
    Case("distribution", "scratchmath Normal", sm.Normal(1, 2)),
    Case("distribution", "scratchmath Poisson", sm.Poisson(3)),
    Case("distribution", "own Poisson", MyPoisson(2.5)),
    Case("distribution", "own die", MyDie()),
    Case("distribution", "own Normal", MyNormal(-1, 0.5)),
    Case("distribution", "own Exponential", MyExponential(1.5)),
    Case("expectation", "scratchmath expectation", sm.expectation),
    Case("expectation", "Σ over the support", expectation_sum),
    Case("expectation", "sums and integrals", expectation_everywhere),
    Case("expectation", "exact fractions", expectation_fractions),
    Case("entropy", "scratchmath entropy", sm.entropy),
    Case("entropy", "math.log(p, base)", entropy_log_base),
    Case("entropy", "fsum of log2", entropy_fsum),
    Case("entropy", "a loop", entropy_loop),
    Case("kl_divergence", "scratchmath kl_divergence", sm.kl_divergence),
    Case("kl_divergence", "a loop", kl_loop),
    Case("kl_divergence", "cross-entropy − entropy", kl_by_cross_entropy),
    Case("kl_divergence", "raises where q = 0", kl_raising),
    Case("optimizer_step", "Vector arithmetic", lambda x, g, lr: x - lr * g),
    Case("optimizer_step", "lists", step_lists),
    Case("optimizer_step", "a loop", step_loop),
]


def _det_swap_without_sign(A: Any) -> float:
    return abs(det_elimination(A)) if det_elimination(A) < 0 else det_elimination(A)


def _det_elimination_no_sign(A: Any) -> float:
    M = [[float(x) for x in row] for row in A.tolist()]
    n, product = len(M), 1.0
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        if M[p][c] == 0:
            return 0.0
        M[c], M[p] = M[p], M[c]  # the swap, its sign forgotten
        product *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return product


def _det_no_pivoting(A: Any) -> float:
    M = [[float(x) for x in row] for row in A.tolist()]
    n, product = len(M), 1.0
    for c in range(n):
        product *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return product


def _det_all_plus(A: Any) -> Any:
    rows = A.tolist() if hasattr(A, "tolist") else A
    if len(rows) == 1:
        return rows[0][0]
    return sum(
        a * _det_all_plus([r[:j] + r[j + 1 :] for r in rows[1:]]) for j, a in enumerate(rows[0])
    )


def _det_wrong_minor(A: Any) -> Any:
    rows = A.tolist() if hasattr(A, "tolist") else A
    if len(rows) == 1:
        return rows[0][0]
    minor = [r[1:] for r in rows[1:]]  # always deletes column 0
    return sum((-1) ** j * a * _det_wrong_minor(minor) for j, a in enumerate(rows[0]))


def _gauss_jordan_no_pivot(A: Any) -> list[list[float]]:
    n = A.shape[0]
    M = [
        [float(x) for x in row] + [float(i == j) for j in range(n)]
        for i, row in enumerate(A.tolist())
    ]
    for c in range(n):
        pivot = M[c][c]
        M[c] = [x / pivot for x in M[c]]
        for r in range(n):
            if r != c:
                f = M[r][c]
                M[r] = [a - f * b for a, b in zip(M[r], M[c], strict=True)]
    return [row[n:] for row in M]


def _inverse_never_refuses(A: Any) -> Any:
    try:
        return sm.inverse(A)
    except ValueError:
        return Matrix.zeros(*A.shape)


def _adjugate_undivided(A: Any) -> list[list[Any]]:
    d = sm.det(A)
    return [[x * d for x in row] for row in inverse_adjugate(A)]


def _lu_no_pivoting(A: Any) -> tuple[Any, Any, Any]:
    n = A.shape[0]
    U = [[Fraction(x) for x in row] for row in A.tolist()]
    L = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    for k in range(n):
        for i in range(k + 1, n):
            f = U[i][k] / U[k][k]
            L[i][k] = f
            U[i] = [a - f * b for a, b in zip(U[i], U[k], strict=True)]
    return Matrix.identity(n), L, U


def _lu_forgets_l_rows(A: Any) -> tuple[Any, Any, Any]:
    n = A.shape[0]
    U = [[Fraction(x) for x in row] for row in A.tolist()]
    L = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    perm = list(range(n))
    for k in range(n):
        p = max(range(k, n), key=lambda r: abs(U[r][k]))
        U[k], U[p] = U[p], U[k]
        perm[k], perm[p] = perm[p], perm[k]  # L's computed part is not swapped
        for i in range(k + 1, n):
            f = U[i][k] / U[k][k]
            L[i][k] = f
            U[i] = [a - f * b for a, b in zip(U[i], U[k], strict=True)]
    return [[int(perm[i] == j) for j in range(n)] for i in range(n)], L, U


def _lu_scipy_convention(A: Any) -> tuple[Any, Any, Any]:
    P, L, U = sm.lu(A)
    return P.T, L, U


def _lu_crout(A: Any) -> tuple[Any, Any, Any]:
    P, L, U = sm.lu(A)
    D = Matrix.diagonal([U[i, i] for i in range(A.shape[0])])
    return P, L @ D, sm.inverse(D) @ U


def _lu_permutation_list(A: Any) -> tuple[Any, Any, Any]:
    P, L, U = sm.lu(A)
    return (
        [row.tolist().index(1) if hasattr(row, "tolist") else list(row).index(1) for row in P.rows],
        L,
        U,
    )


def _eig_rows(A: Any) -> tuple[Any, Any]:
    values, V = sm.eig(A)
    return values, V.T


def _eig_mismatched(A: Any) -> tuple[Any, Any]:
    values, V = sm.eig(A)
    return list(reversed(values)), V


def _eig_transpose_vectors(A: Any) -> tuple[Any, Any]:
    values, V = sm.eig(A.T)
    return values, V


def _eig_distinct_only(A: Any) -> tuple[Any, Any]:
    values, V = sm.eig(A)
    return sorted(set(round(complex(v).real, 9) for v in values)), V


def _gradient_forward(f: Any, x: Any, h: float = 0.1) -> list[float]:
    out = []
    for i in range(len(x)):
        up = list(x)
        up[i] += h
        out.append((f(up) - f(list(x))) / h)
    return out


def _gradient_cumulative(f: Any, x: Any, h: float = 1e-3) -> list[float]:
    x = list(x)
    out = []
    for i in range(len(x)):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)  # x[i] is left at x − h: the next partials are taken at a moved point
        out.append((up - down) / (2 * h))
    return out


def _gradient_all_at_once(f: Any, x: Any, h: float = 1e-6) -> list[float]:
    up = [t + h for t in x]
    down = [t - h for t in x]
    return [(f(up) - f(down)) / (2 * h)] * len(x)


def _jacobian_forward(f: Any, x: Any) -> list[list[float]]:
    return [
        list(r)
        for r in zip(
            *[
                [
                    (a - b) / 0.1
                    for a, b in zip(
                        f([t + 0.1 * (k == j) for k, t in enumerate(x)]), f(list(x)), strict=True
                    )
                ]
                for j in range(len(x))
            ],
            strict=True,
        )
    ]


def _jacobian_diagonal(f: Any, x: Any) -> list[list[float]]:
    J = jacobian_columns(f, x)
    return [[v if i == j else 0.0 for j, v in enumerate(row)] for i, row in enumerate(J)]


def _expectation_ignores_probability(dist: Any, g: Any = None) -> float:
    g = g or (lambda x: x)
    return sum(g(x) for x in dist.support())


def _expectation_average_of_support(dist: Any, g: Any = None) -> float:
    g = g or (lambda x: x)
    xs = list(dist.support())
    return sum(g(x) for x in xs) / len(xs)


def _expectation_ignores_g(dist: Any, g: Any = None) -> float:
    return sum(x * dist.pmf(x) for x in dist.support())


def _expectation_first_three(dist: Any, g: Any = None) -> float:
    g = g or (lambda x: x)
    return sum(g(x) * dist.pmf(x) for x in list(dist.support())[:3])


def _entropy_crashes_on_zero(dist: Any, base: float = 2) -> float:
    return -sum(p * math.log(p, base) for p in map(dist.pmf, dist.support()))


def _entropy_ignores_base(dist: Any, base: float = 2) -> float:
    return entropy_log_base(dist, 2)


BUGS = [
    Case(
        "vector_space",
        "add concatenates",
        (lambda u, v: list(u) + list(v), operator.mul, Vector.zeros),
        "component by component",
    ),
    Case(
        "vector_space",
        "add subtracts",
        (operator.sub, operator.mul, Vector.zeros),
        "component by component",
    ),
    Case(
        "vector_space",
        "scale only the first",
        (operator.add, lambda a, v: [a * v[0], *v[1:]], Vector.zeros),
        "multiplies every component",
    ),
    Case(
        "vector_space", "zero of ones", (operator.add, operator.mul, lambda n: [1] * n), "v + 0 = v"
    ),
    Case(
        "vector_space",
        "scale adds a",
        (operator.add, lambda a, v: [a + x for x in v], Vector.zeros),
        "multiplies every component",
    ),
    Case("norm", "no square root", lambda v: sum(x * x for x in v), "homogeneous"),
    Case("norm", "1-norm without abs", lambda v: sum(v), "≥ 0"),
    Case("norm", "max without abs", lambda v: max(v), "≥ 0"),
    Case("norm", "p = 1/2", lambda v: sum(abs(x) ** 0.5 for x in v) ** 2, "triangle"),
    Case("norm", "forgets the last component", lambda v: euclidean(v[:-1]), "definite"),
    Case("norm", "length of the list", lambda v: len(v), "‖0‖ = 0"),
    Case(
        "inner_product",
        "not symmetric",
        lambda u, v: sum(u[i] * v[(i + 1) % len(v)] for i in range(len(u))),
        "symmetric",
    ),
    Case(
        "inner_product",
        "uᵢ²vᵢ",
        lambda u, v: sum(a * a * b for a, b in zip(u, v, strict=True)),
        "linear",
    ),
    Case(
        "inner_product",
        "|uᵢvᵢ|",
        lambda u, v: sum(abs(a * b) for a, b in zip(u, v, strict=True)),
        "linear",
    ),
    Case(
        "inner_product",
        "a negative weight",
        lambda u, v: sum((-1) ** i * a * b for i, (a, b) in enumerate(zip(u, v, strict=True))),
        "positive definite",
    ),
    Case("linear_map", "affine", (lambda v: A23 @ v + Vector([1, 0]), 3, 2), "f(0) = 0"),
    Case("linear_map", "squares", (lambda v: [v[0] ** 2, v[1]], 3, 2), "additive"),
    Case("linear_map", "wrong length", (lambda v: A23.T @ (A23 @ v), 3, 2), "is a vector of"),
    Case("linear_map", "abs", (lambda v: [abs(v[0]), v[1]], 2, 2), "homogeneous"),
    Case("matmul", "transposed result", lambda A, B: (A @ B).T, "Σₖ"),
    Case(
        "matmul",
        "elementwise",
        lambda A, B: [
            [a * b for a, b in zip(r, s, strict=True)]
            for r, s in zip(A.tolist(), B.tolist(), strict=True)
        ],
        "Σₖ",
    ),
    Case(
        "matmul",
        "inner index over A's rows",
        lambda A, B: [
            [
                sum(A[i, p] * B[p, j] for p in range(min(A.shape[0], B.shape[0])))
                for j in range(B.shape[1])
            ]
            for i in range(A.shape[0])
        ],
        "Σₖ",
    ),
    Case(
        "matmul",
        "drops the last term",
        lambda A, B: [
            [sum(A[i, p] * B[p, j] for p in range(A.shape[1] - 1)) for j in range(B.shape[1])]
            for i in range(A.shape[0])
        ],
        "Σₖ",
    ),
    Case("det", "swap sign forgotten", _det_elimination_no_sign, "sign"),
    Case("det", "Laplace with all + signs", _det_all_plus, "definition"),
    Case(
        "det",
        "product of the diagonal",
        lambda A: math.prod(A[i, i] for i in range(A.shape[0])),
        "definition",
    ),
    Case(
        "det",
        "ad + bc",
        lambda A: A[0, 0] * A[1, 1] + A[0, 1] * A[1, 0] if A.shape == (2, 2) else sm.det(A),
        "definition",
    ),
    Case("det", "no pivoting", _det_no_pivoting, "definition"),
    Case("det", "abs of det", lambda A: abs(sm.det(A)), "definition"),
    Case("det", "the wrong minor", _det_wrong_minor, "definition"),
    Case("inverse", "transpose", lambda A: A.T, "A·A⁻¹ = I"),
    Case("inverse", "Gauss–Jordan without pivoting", _gauss_jordan_no_pivot, "A·A⁻¹ = I"),
    Case("inverse", "never refuses", _inverse_never_refuses, "singular"),
    Case("inverse", "adjugate not divided by det", _adjugate_undivided, "A·A⁻¹ = I"),
    Case(
        "inverse",
        "1/entries",
        lambda A: [[1 / x if x else 0 for x in row] for row in A.tolist()],
        "A·A⁻¹ = I",
    ),
    Case("lu", "no pivoting", _lu_no_pivoting, "P·A = L·U"),
    Case("lu", "L rows not swapped", _lu_forgets_l_rows, "P·A = L·U"),
    Case("lu", "SciPy's P", _lu_scipy_convention, "P·A = L·U"),
    Case("lu", "Crout (unit U)", _lu_crout, "unit lower"),
    Case("lu", "P as a list", _lu_permutation_list, "P·A = L·U"),
    Case("eigen", "eigenvectors in rows", _eig_rows, "A·v = λ·v"),
    Case("eigen", "pairs mismatched", _eig_mismatched, "A·v = λ·v"),
    Case("eigen", "eigenvectors of Aᵀ", _eig_transpose_vectors, "A·v = λ·v"),
    Case("eigen", "distinct eigenvalues only", _eig_distinct_only, "A·v = λ·v"),
    Case(
        "eigen", "zero eigenvectors", lambda A: (sm.eig(A)[0], Matrix.zeros(*A.shape)), "A·v = λ·v"
    ),
    Case("derivative", "forward h=0.1", lambda f, x: (f(x + 0.1) - f(x)) / 0.1, "power rule"),
    Case("derivative", "backward h=0.5", lambda f, x: (f(x) - f(x - 0.5)) / 0.5, "power rule"),
    Case(
        "derivative",
        "central without the 2",
        lambda f, x: (f(x + 1e-5) - f(x - 1e-5)) / 1e-5,
        "a line its slope",
    ),
    Case("derivative", "h = 1e-13", lambda f, x: (f(x + 1e-13) - f(x)) / 1e-13, "power rule"),
    Case(
        "derivative",
        "sign flipped",
        lambda f, x: (f(x - 1e-5) - f(x + 1e-5)) / 2e-5,
        "a line its slope",
    ),
    Case(
        "integral",
        "left Riemann, 10 rectangles",
        lambda f, a, b: sum(f(a + k * (b - a) / 10) for k in range(10)) * (b - a) / 10,
        "polynomial",
    ),
    Case(
        "integral",
        "drops the last panel",
        lambda f, a, b: (
            sum(
                (f(a + k * (b - a) / 1000) + f(a + (k + 1) * (b - a) / 1000)) / 2
                for k in range(999)
            )
            * (b - a)
            / 1000
        ),
        "polynomial",
    ),
    Case(
        "integral", "trapezoid, 10 panels", lambda f, a, b: sm.trapezoid(f, a, b, 10), "polynomial"
    ),
    Case(
        "integral",
        "0 when a > b",
        lambda f, a, b: simpson_100(f, a, b) if a < b else 0.0,
        "polynomial",
    ),
    Case("integral", "|b − a|", lambda f, a, b: simpson_100(f, min(a, b), max(a, b)), "polynomial"),
    Case("gradient", "forward h=0.1", _gradient_forward, "A·x + b"),
    Case("gradient", "perturbation not reset", _gradient_cumulative, "∂f/∂xᵢ"),
    Case("gradient", "all coordinates at once", _gradient_all_at_once, "∇(a·x + c) = a"),
    Case(
        "gradient",
        "first component only",
        lambda f, x: [central(lambda t: f([t, *list(x)[1:]]), x[0])],
        "∇(a·x + c) = a",
    ),
    Case(
        "chain_rule",
        "transposed Jacobian",
        lambda f, x: [list(r) for r in zip(*jacobian_columns(f, x), strict=True)],
        "A·x is A",
    ),
    Case("chain_rule", "forward h=0.1", _jacobian_forward, "∂fᵢ/∂xⱼ"),
    Case("chain_rule", "only the diagonal", _jacobian_diagonal, "A·x is A"),
    Case("distribution", "pmf summing to 0.9", DieSummingTo09(), "Σ pmf(x)"),
    Case("distribution", "Poisson without k!", PoissonWithoutFactorial(2.5), "Σ pmf(x)"),
    Case("distribution", "Normal pdf without 1/√(2π)", NormalWithoutConstant(0, 1), "∫ pdf(x) dx"),
    Case("distribution", "variance returns σ", NormalVarianceIsStd(1, 2), "variance()"),
    Case("distribution", "cdf with <", DieStrictCdf(), "cdf(x)"),
    Case("distribution", "sample ignores rng", DieIgnoringRng(), "sample"),
    Case("distribution", "Exponential mean = rate", ExponentialMeanIsRate(2.0), "mean()"),
    Case("distribution", "ppf off by one", PoissonPpfOffByOne(2.0), "ppf(q)"),
    Case("distribution", "sampler with the wrong rate", ExponentialSamplerWrongRate(2.0), "sample"),
    Case("expectation", "g(E[X])", lambda d, g=None: (g or (lambda x: x))(d.mean()), "not g(E[X])"),
    Case(
        "expectation",
        "ignores the probabilities",
        _expectation_ignores_probability,
        "E[X] = Σ x·p(x)",
    ),
    Case(
        "expectation", "average of the support", _expectation_average_of_support, "E[X] = Σ x·p(x)"
    ),
    Case("expectation", "ignores g", _expectation_ignores_g, "not g(E[X])"),
    Case("expectation", "first three outcomes", _expectation_first_three, "E[X] = Σ x·p(x)"),
    Case(
        "entropy", "nats when bits are asked", lambda d, base=2: entropy_log_base(d, math.e), "bits"
    ),
    Case("entropy", "log 0 crashes", _entropy_crashes_on_zero, "0·log 0"),
    Case("entropy", "base ignored", _entropy_ignores_base, "nats"),
    Case("entropy", "sign flipped", lambda d, base=2: -entropy_log_base(d, base), "bits"),
    Case("entropy", "log10", lambda d, base=2: entropy_log_base(d, 10), "bits"),
    Case(
        "kl_divergence",
        "arguments swapped",
        lambda p, q, base=2: kl_loop(q, p, base),
        "Σ p(x)·log₂(p(x)/q(x))",
    ),
    Case(
        "kl_divergence",
        "log(q/p)",
        lambda p, q, base=2: -kl_loop(p, q, base),
        "Σ p(x)·log₂(p(x)/q(x))",
    ),
    Case(
        "kl_divergence",
        "natural log by default",
        lambda p, q, base=math.e: kl_loop(p, q, base),
        "bits by default",
    ),
    Case(
        "kl_divergence",
        "q = 0 skipped",
        lambda p, q, base=2: math.fsum(
            float(p.pmf(x)) * math.log(float(p.pmf(x)) / float(q.pmf(x)), base)
            for x in p.support()
            if p.pmf(x) > 0 and q.pmf(x) > 0
        ),
        "∞",
    ),
    Case(
        "kl_divergence",
        "log(0) when p(x) = 0",
        lambda p, q, base=2: sum(
            p.pmf(x) * math.log(p.pmf(x) / q.pmf(x), base) for x in p.support()
        ),
        "Σ p(x)·log₂(p(x)/q(x))",
    ),
    Case("optimizer_step", "+ instead of −", lambda x, g, lr: x + lr * g, "x − lr·g"),
    Case("optimizer_step", "lr ignored", lambda x, g, lr: x - g, "x − lr·g"),
    Case("optimizer_step", "lr squared", lambda x, g, lr: x - lr * lr * g, "x − lr·g"),
    Case(
        "optimizer_step",
        "first component only",
        lambda x, g, lr: [x[0] - lr * g[0], *list(x)[1:]],
        "x − lr·g",
    ),
    Case("optimizer_step", "returns the update", lambda x, g, lr: -lr * g, "x − lr·g"),
]
