"""Check your understanding: scratchmath's axioms run on your OWN implementations.

Write your own determinant, norm, derivative, … and hand it to its checker: it draws seeded
inputs (exact fractions where the axiom is exact, floats with tolerances from error analysis
otherwise), tries the axioms and known answers of the concept, shrinks the first failure to a
small counterexample, and returns a ``CheckReport`` that says in words what went wrong.

=========================  ==================================================================
``check_vector_space``     add(u, v), scale(a, v), zero: the eight axioms of a vector space
``check_norm``             norm(v): definite, absolutely homogeneous, the triangle inequality
``check_inner_product``    inner(u, v): symmetric, linear, positive definite
``check_linear_map``       f(v), ℝⁿ → ℝᵐ: additive and homogeneous
``check_matmul``           matmul(A, B): the definition, associative, distributive, identity
``check_det``              det(A): the definition, sign of a swap, multiplicative, det Aᵀ
``check_inverse``          inverse(A): A·A⁻¹ = I = A⁻¹·A, a singular matrix refused
``check_lu``               lu(A) → (P, L, U): P·A = L·U with the right shapes of factor
``check_eigen``            eig(A) → (eigenvalues, V): A·v = λ·v, the right spectrum
``check_derivative``       derivative(f, x): the power, exp, log, trig and chain rules
``check_integral``         integrate(f, a, b): the fundamental theorem, orientation, additivity
``check_gradient``         gradient(f, x): each component the partial derivative
``check_chain_rule``       jacobian(f, x): the m×n matrix of partials, J(g∘f) = Jg·Jf
``check_distribution``     a distribution object: cdf, ppf, moments, sample agree with pmf/pdf
``check_expectation``      expectation(dist, g=None): Σ g(x)·p(x), linearity
``check_entropy``          entropy(dist, base=2): −Σ p·log p, in bits, 0·log 0 = 0
``check_kl_divergence``    kl(p, q, base=2): Σ p·log(p/q), Gibbs' inequality, ∞ where q = 0
``check_optimizer_step``   step(x, grad, lr): x − lr·grad, downhill, converging
``CheckReport``            what each returns: name, passed, cases, failures (str: in words)
``CHECKERS``               every checker by the name a CHECKS mapping uses ("det", …)
``run_file``               ``python -m scratchmath check FILE.py``: FILE's CHECKS, reported
=========================  ==================================================================

>>> from scratchmath import Matrix
>>> def my_det(A):  # the 2×2 formula only, a learner's first try
...     return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
>>> report = check_det(my_det)
>>> report.passed
False
>>> print(report.failures[0])  # doctest: +ELLIPSIS
✗ det(A) = Σ_σ sign(σ)·∏ᵢ A[i, σ(i)] (the definition)
    input:     det(Matrix([[0]]))
    yours:     raised IndexError: ...
    ...

Hypothesis, when installed (the ``check`` extra), adds its own search; nothing needs it.
"""

from __future__ import annotations

from scratchmath.check.analysis import (
    check_chain_rule,
    check_derivative,
    check_gradient,
    check_integral,
)
from scratchmath.check.command import CHECKERS, run_file
from scratchmath.check.engine import CheckReport, Failure
from scratchmath.check.linear import (
    check_det,
    check_eigen,
    check_inner_product,
    check_inverse,
    check_linear_map,
    check_lu,
    check_matmul,
    check_norm,
    check_vector_space,
)
from scratchmath.check.optimization import check_optimizer_step
from scratchmath.check.probability import (
    check_distribution,
    check_entropy,
    check_expectation,
    check_kl_divergence,
)

__all__ = [
    "CHECKERS",
    "CheckReport",
    "Failure",
    "check_chain_rule",
    "check_derivative",
    "check_det",
    "check_distribution",
    "check_eigen",
    "check_entropy",
    "check_expectation",
    "check_gradient",
    "check_inner_product",
    "check_integral",
    "check_inverse",
    "check_kl_divergence",
    "check_linear_map",
    "check_lu",
    "check_matmul",
    "check_norm",
    "check_optimizer_step",
    "check_vector_space",
    "run_file",
]
