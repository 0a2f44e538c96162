"""Tests of scratchmath.probability.information.

Information theory, checked against an independent 40-digit Decimal computation.

Theorems checked:
- change of base: H_b(p) = H_e(p) / ln b, and likewise for cross-entropy and D(p‖q), for
  b > 1 and b < 1 (where H_b is negative), for masses above ½ (computed from log-masses) too;
- D(p‖q) = Σ p(x) ln(p(x)/q(x)) (Decimal, 40 digits) to 1e-12 relative, with every sign of
  ln(q/p): tiny (the series branch of φ), huge (q ≫ p), very negative; and 0 < D when p ≠ q,
  D(p‖q) ≠ D(q‖p) in general (a KL wrapped in abs or symmetrised fails);
- D(p‖q) sums over the union of the supports: q's mass where p has none counts;
- D(p‖q) = ∞ exactly when q(x) = 0 < p(x) for some x (ends of integer supports included);
- H(p, q) = −Σ p ln q, and H(p) = −Σ p ln p for a nearly certain outcome to 1e-12 relative;
- the closed forms for densities: h(Normal(μ, σ)) = ½ ln(2πeσ²), h(Uniform(a, b)) = ln(b − a),
  D(Uniform(0, 1)‖Uniform(0, 2)) = ln 2 and ∞ the other way round;
- cross_entropy_loss accepts a float probability vector exactly when its correctly rounded
  sum is within 4n·2⁻⁵² of 1, and is −ln p̂_y.

Theorems and properties checked:

- entropy is nonnegative
- entropy is maximal for the uniform
- entropy of n equally likely outcomes is log n
- entropy of the guessing game is ten bits
- gibbs inequality
- gibbs inequality between families
- gibbs inequality for densities
- cross entropy is entropy plus kl
- cross entropy is entropy plus kl for densities
- kl of normals meets the closed form
- kl and cross entropy across families of densities
- kl is infinite where q is zero and p is not
- kl between families sums over the union of supports
- kl survives underflow of the masses
- cross entropy loss is minus log of the true class
- information functions reject bad arguments
- cross entropy loss rejects bad arguments
- entropy change of base
- change of base above one half
- change of base for densities
- entropy of densities closed forms
- kl is the sum of p log p over q
- kl is accurate at every ratio
- kl counts q mass outside p support
- kl is infinite exactly where q misses p
- cross entropy is minus sum p log q
- entropy of an exact mass near one
- entropy of a nearly certain outcome
- a bad base is a domain error
- cross entropy loss tolerates four n ulps
- densities with edges inside the frame
- entropy of a nearly certain poisson
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchmath.errors import DomainError
from scratchmath.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    ContinuousDistribution,
    DiscreteDistribution,
    DiscreteUniform,
    Exponential,
    Normal,
    Poisson,
    Uniform,
    cross_entropy,
    cross_entropy_loss,
    entropy,
    kl_divergence,
)
from tests.probability.helpers import (
    NAN,
    close,
    continuous,
    exact_categoricals,
    exact_finite_discretes,
    float_discretes,
)

# ---------------------------------------------------------------------------------------------
# Information theory.


@given(st.one_of(exact_finite_discretes, float_discretes))
@settings(max_examples=40)
def test_entropy_is_nonnegative(dist: DiscreteDistribution) -> None:
    assert entropy(dist) >= 0


@given(exact_categoricals(min_size=1, max_size=8))
def test_entropy_is_maximal_for_the_uniform(dist: Categorical) -> None:
    n = len(dist.support())
    assert entropy(dist) <= math.log2(n) + 1e-12
    uniform = Categorical(dict.fromkeys(dist.support(), Fraction(1, n)))
    assert close(entropy(uniform), math.log2(n), 1e-14, 1e-15)


@pytest.mark.parametrize("n", [1, 2, 6, 1000, 1024])
def test_entropy_of_n_equally_likely_outcomes_is_log_n(n: int) -> None:
    assert close(entropy(DiscreteUniform(1, n)), math.log2(n), 1e-15)
    assert close(entropy(DiscreteUniform(1, n), base=math.e), math.log(n), 1e-15)


def test_entropy_of_the_guessing_game_is_ten_bits() -> None:
    assert entropy(DiscreteUniform(1, 1024)) == 10.0


@given(
    exact_categoricals(min_size=2, max_size=5),
    st.lists(st.integers(1, 9), min_size=5, max_size=5),
)
def test_gibbs_inequality(p: Categorical, weights: list[int]) -> None:
    outcomes = sorted(p.mapping)
    total = sum(weights[: len(outcomes)])
    q = Categorical({x: Fraction(w, total) for x, w in zip(outcomes, weights, strict=False)})
    d = kl_divergence(p, q)
    assert d >= 0
    assert (d == 0) == (p == q)
    assert kl_divergence(p, p) == 0


@given(st.one_of(float_discretes, exact_finite_discretes), float_discretes)
@settings(max_examples=30)
def test_gibbs_inequality_between_families(p: DiscreteDistribution, q: Any) -> None:
    assert kl_divergence(p, q) >= 0
    assert kl_divergence(p, p) == 0


@given(continuous, continuous)
@settings(max_examples=15)
def test_gibbs_inequality_for_densities(p: ContinuousDistribution, q: Any) -> None:
    assert kl_divergence(p, q) >= 0
    assert kl_divergence(p, p) == 0


@given(exact_categoricals(min_size=2, max_size=5), exact_categoricals(min_size=2, max_size=5))
def test_cross_entropy_is_entropy_plus_kl(p: Categorical, q: Categorical) -> None:
    h_pq = cross_entropy(p, q)
    if math.isinf(h_pq):
        assert math.isinf(kl_divergence(p, q))
    else:
        assert close(h_pq, entropy(p) + kl_divergence(p, q), 1e-13, 1e-14)


@given(
    st.builds(Normal, st.floats(-3, 3), st.floats(0.5, 3)),
    st.builds(Normal, st.floats(-3, 3), st.floats(0.5, 3)),
)
@settings(max_examples=10)
def test_cross_entropy_is_entropy_plus_kl_for_densities(p: Normal, q: Normal) -> None:
    assert close(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), 1e-10, 1e-11)


def test_kl_of_normals_meets_the_closed_form() -> None:
    # D(N(μ₁, σ₁²)‖N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½
    for (m1, s1), (m2, s2) in [((0, 1), (1, 2)), ((5, 0.1), (5.2, 0.3)), ((1e3, 4), (1e3, 1))]:
        exact = math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5
        got = kl_divergence(Normal(m1, s1), Normal(m2, s2), base=math.e)
        assert close(got, exact, 1e-10)


def test_kl_and_cross_entropy_across_families_of_densities() -> None:
    # D(Exp(1)‖N(0, 1)) = ∫₀^∞ e^(−x)(−x + x²/2 + ½ln 2π) dx = ½ ln 2π
    half_log_2pi = 0.5 * math.log(2 * math.pi)
    assert close(kl_divergence(Exponential(1), Normal(), base=math.e), half_log_2pi, 1e-13)
    assert close(cross_entropy(Exponential(1), Normal(), base=math.e), 1 + half_log_2pi, 1e-13)
    # D(U(0, 1)‖N(0, 1)) = ½ ln 2π + E[X²]/2 with E[X²] = 1/3
    assert close(kl_divergence(Uniform(0, 1), Normal(), base=math.e), half_log_2pi + 1 / 6, 1e-13)
    assert kl_divergence(Normal(), Exponential(1)) == math.inf


def test_kl_is_infinite_where_q_is_zero_and_p_is_not() -> None:
    assert kl_divergence(Poisson(2), Binomial(100, 0.02)) == math.inf
    assert cross_entropy(Poisson(2), Binomial(100, 0.02)) == math.inf
    assert kl_divergence(Uniform(0, 2), Uniform(0, 1)) == math.inf
    assert close(kl_divergence(Uniform(0, 1), Uniform(0, 2)), 1.0, 1e-12)
    assert kl_divergence(Categorical({"a": 1}), Poisson(1)) == math.inf
    assert kl_divergence(Bernoulli(0.5), Categorical({0: 0.5, 2: 0.5})) == math.inf


def test_kl_between_families_sums_over_the_union_of_supports() -> None:
    # Binomial(n, λ/n) → Poisson(λ): the law of rare events, seen as a shrinking divergence.
    values = [kl_divergence(Binomial(n, 2 / n), Poisson(2)) for n in (10, 100, 1000)]
    assert values[0] > values[1] > values[2] > 0
    # mass of q outside p's support counts: p on {0}, q = Poisson(1): D = 0 − ln e⁻¹ = 1 nat
    assert close(kl_divergence(Bernoulli(0), Poisson(1), base=math.e), 1.0, 1e-15)


def test_kl_survives_underflow_of_the_masses() -> None:
    # Poisson(1000) against Poisson(1): D = λ₁ln(λ₁/λ₂) − λ₁ + λ₂ in nats.
    assert close(
        kl_divergence(Poisson(1000), Poisson(1), base=math.e), 1000 * math.log(1000) - 999, 1e-12
    )


def test_cross_entropy_loss_is_minus_log_of_the_true_class() -> None:
    assert cross_entropy_loss([0.1, 0.7, 0.2], 1) == -math.log(0.7)
    assert cross_entropy_loss([Fraction(1, 4), Fraction(3, 4)], 0) == math.log(4)
    assert cross_entropy_loss([0.0, 1.0], 0) == math.inf
    assert cross_entropy_loss((1,), 0) == 0.0


def test_information_functions_reject_bad_arguments() -> None:
    for bad_base, message in [
        (1, "base must be positive, finite and ≠ 1, got 1"),
        (0, "got 0"),
        (-2, "got -2"),
        (math.inf, "got inf"),
        (NAN, "base must be a number, got NaN"),
    ]:
        with pytest.raises(DomainError, match=message):
            entropy(Bernoulli(0.5), base=bad_base)
        with pytest.raises(DomainError, match=message):
            cross_entropy(Bernoulli(0.5), Bernoulli(0.5), base=bad_base)
        with pytest.raises(DomainError, match=message):
            kl_divergence(Bernoulli(0.5), Bernoulli(0.5), base=bad_base)
    with pytest.raises(TypeError, match="base must be a real number"):
        entropy(Bernoulli(0.5), base="2")  # type: ignore[arg-type]
    mixed = "two discrete or two continuous distributions, got Poisson and Normal"
    with pytest.raises(TypeError, match=mixed):
        kl_divergence(Poisson(1), Normal())
    with pytest.raises(TypeError, match=mixed):
        cross_entropy(Poisson(1), Normal())
    with pytest.raises(TypeError, match="entropy needs distributions, got list"):
        entropy([0.5, 0.5])  # type: ignore[arg-type]


def test_cross_entropy_loss_rejects_bad_arguments() -> None:
    cases: list[tuple[Any, Any, type, str]] = [
        ([0.5, 0.5], 2, DomainError, r"label must be in 0..1, got 2"),
        ([0.5, 0.5], -1, DomainError, r"label must be in 0..1, got -1"),
        ([0.5, 0.5], 1.0, TypeError, "label must be an int index, got float"),
        ([0.5, 0.5], True, TypeError, "label must be an int index, got bool"),
        ([0.5, 0.6], 0, DomainError, "the probabilities must sum to 1, got 1.1"),
        ([1.5, -0.5], 0, DomainError, r"probabilities\[0\] must be a probability"),
        ([NAN, 1.0], 0, DomainError, r"probabilities\[0\] must be a number, got NaN"),
        ([], 0, DomainError, "needs at least one probability"),
        ("ab", 0, TypeError, "probabilities must be a sequence of numbers, got str"),
        ({0: 1.0}, 0, TypeError, "probabilities must be a sequence of numbers, got dict"),
        (["a"], 0, TypeError, r"probabilities\[0\] must be a real number"),
    ]
    for probabilities, label, error, message in cases:
        with pytest.raises(error, match=message):
            cross_entropy_loss(probabilities, label)


def _dec(q: Fraction) -> Decimal:
    return Decimal(q.numerator) / Decimal(q.denominator)


def _ln(q: Fraction) -> Decimal:
    return _dec(q).ln()


def _kl_oracle(p: dict[int, Fraction], q: dict[int, Fraction]) -> float:
    with localcontext() as context:
        context.prec = 40
        return float(sum((_dec(m) * (_ln(m) - _ln(q[x])) for x, m in p.items() if m), Decimal(0)))


def _close(got: float, want: float, rel: float = 1e-12) -> bool:
    return abs(got - want) <= rel * abs(want) + 1e-300


masses = st.lists(st.integers(1, 10**6), min_size=2, max_size=5)


def _distribution(weights: list[int]) -> dict[int, Fraction]:
    total = sum(weights)
    return {i: Fraction(w, total) for i, w in enumerate(weights)}


@given(masses, st.sampled_from([2, 0.5, math.e, 10, Fraction(3, 2)]))
def test_entropy_change_of_base(weights: list[int], base: float) -> None:
    p = Categorical(_distribution(weights))
    natural = entropy(p, base=math.e)
    assert _close(entropy(p, base=base), natural / math.log(base), 1e-13)


@pytest.mark.parametrize("base", [2, 0.5, 10])
def test_change_of_base_above_one_half(base: float) -> None:
    # The masses 0.9 (float) are computed from the family's log-mass, not from log(0.9).
    p, q = Bernoulli(0.9), Bernoulli(0.7)
    ln_b = math.log(base)
    assert _close(entropy(p, base=base), entropy(p, base=math.e) / ln_b, 1e-14)
    assert _close(cross_entropy(p, q, base=base), cross_entropy(p, q, base=math.e) / ln_b, 1e-14)
    assert _close(kl_divergence(p, q, base=base), kl_divergence(p, q, base=math.e) / ln_b, 1e-14)
    h = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1)) / ln_b
    assert _close(entropy(p, base=base), h, 1e-14)
    assert _close(
        cross_entropy(p, q, base=base), -(0.9 * math.log(0.7) + 0.1 * math.log(0.3)) / ln_b, 1e-14
    )


@pytest.mark.parametrize("family", [lambda: Normal(1, 3), lambda: Uniform(0, 5)])
def test_change_of_base_for_densities(family) -> None:  # type: ignore[no-untyped-def]
    p, q = family(), Normal(0, 4)
    for base in (2, 0.5, 10):
        ln_b = math.log(base)
        assert _close(entropy(p, base=base), entropy(p, base=math.e) / ln_b, 1e-12)
        want = cross_entropy(p, q, base=math.e) / ln_b
        assert _close(cross_entropy(p, q, base=base), want, 1e-12)
        assert _close(
            kl_divergence(p, q, base=base), kl_divergence(p, q, base=math.e) / ln_b, 1e-12
        )


def test_entropy_of_densities_closed_forms() -> None:
    assert _close(
        entropy(Normal(1, 3), base=math.e), 0.5 * math.log(2 * math.pi * math.e * 9), 1e-12
    )
    assert _close(entropy(Uniform(0, 5), base=math.e), math.log(5), 1e-12)
    assert _close(kl_divergence(Uniform(0, 1), Uniform(0, 2)), 1.0, 1e-12)
    assert kl_divergence(Uniform(0, 2), Uniform(0, 1)) == math.inf
    assert kl_divergence(Uniform(0, 1), Uniform(0, 1)) == 0.0
    assert cross_entropy(Uniform(-1, 1), Uniform(-1, 1)) == pytest.approx(1.0, rel=1e-12)


@given(masses, masses)
def test_kl_is_the_sum_of_p_log_p_over_q(p_weights: list[int], q_weights: list[int]) -> None:
    n = min(len(p_weights), len(q_weights))
    p, q = _distribution(p_weights[:n]), _distribution(q_weights[:n])
    want = _kl_oracle(p, q)
    assert _close(kl_divergence(Categorical(p), Categorical(q), base=math.e), want)
    if p != q:
        assert kl_divergence(Categorical(p), Categorical(q)) > 0


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ((1, 10**9), (10**9, 1)),  # ln(q/p) very negative and huge: both ends of φ
        ((10**6, 10**6 + 1), (10**6 + 1, 10**6)),  # ln(q/p) tiny: the series for φ
        ((1, 10**40), (1, 1)),  # q ≫ p at the first outcome: ln(q/p) > 50
        ((3, 1), (1, 3)),
    ],
)
def test_kl_is_accurate_at_every_ratio(p: tuple[int, int], q: tuple[int, int]) -> None:
    pd, qd = _distribution(list(p)), _distribution(list(q))
    # ln(q/p) reaches a mass term as ln q − ln p: for q/p = 1 + 10⁻⁶ that difference keeps
    # 10 digits, so D ≈ 5·10⁻¹³ is good to ~10⁻¹⁰ relative there (a wrong φ is off by far more).
    rel = 1e-8 if p[0] > 1000 else 1e-12
    got = kl_divergence(Categorical(pd), Categorical(qd), base=math.e)
    assert _close(got, _kl_oracle(pd, qd), rel)
    back = kl_divergence(Categorical(qd), Categorical(pd), base=math.e)
    assert _close(back, _kl_oracle(qd, pd), rel)


def test_kl_counts_q_mass_outside_p_support() -> None:
    # p lives on {0, 1}; q also on 2. The sum runs over the union of the supports.
    p = {0: Fraction(1, 2), 1: Fraction(1, 2)}
    q = {0: Fraction(1, 4), 1: Fraction(1, 4), 2: Fraction(1, 2)}
    assert _close(kl_divergence(Categorical(p), Categorical(q)), 1.0)  # log₂ 2
    assert kl_divergence(Categorical(q), Categorical(p)) == math.inf


def test_kl_is_infinite_exactly_where_q_misses_p() -> None:
    half = Fraction(1, 2)
    assert _close(
        kl_divergence(Binomial(3, half), Binomial(3, Fraction(1, 3)), base=math.e),
        3 * _kl_oracle({0: half, 1: half}, {0: Fraction(2, 3), 1: Fraction(1, 3)}),
    )
    assert kl_divergence(Binomial(4, half), Binomial(3, half)) == math.inf
    assert math.isfinite(kl_divergence(Binomial(3, half), Binomial(4, half)))
    assert kl_divergence(Poisson(1), Binomial(5, half)) == math.inf
    assert math.isfinite(kl_divergence(Binomial(5, half), Poisson(1)))
    uniform4 = Categorical({k: Fraction(1, 4) for k in range(4)})
    assert _close(kl_divergence(Binomial(3, half), uniform4), 2 - 1.811278124459133)
    assert (
        kl_divergence(Binomial(3, half), Categorical({k: Fraction(1, 3) for k in range(3)}))
        == math.inf
    )
    assert kl_divergence(Poisson(1), uniform4) == math.inf


@given(masses, masses)
def test_cross_entropy_is_minus_sum_p_log_q(p_weights: list[int], q_weights: list[int]) -> None:
    n = min(len(p_weights), len(q_weights))
    p, q = _distribution(p_weights[:n]), _distribution(q_weights[:n])
    with localcontext() as context:
        context.prec = 40
        want = float(-sum((_dec(m) * _ln(q[x]) for x, m in p.items()), Decimal(0)))
        h = float(-sum((_dec(m) * _ln(m) for m in p.values()), Decimal(0)))
    assert _close(cross_entropy(Categorical(p), Categorical(q), base=math.e), want)
    assert _close(entropy(Categorical(p), base=math.e), h)


def test_entropy_of_an_exact_mass_near_one() -> None:
    """Categorical({0: 1/256225, 1: 256224/256225}): ln of the float nearest 256224/256225
    keeps only ~11 digits of −1/256225; log1p of the exact difference keeps them all (found
    by the derandomised profile of the property above)."""
    p = {0: Fraction(1, 256225), 1: Fraction(256224, 256225)}
    with localcontext() as context:
        context.prec = 40
        want = float(-sum((_dec(m) * _ln(m) for m in p.values()), Decimal(0)))
    assert _close(entropy(Categorical(p), base=math.e), want, rel=1e-14)


def test_entropy_of_a_nearly_certain_outcome() -> None:
    # H = −p ln p − (1 − p) ln(1 − p) with p = 10⁻¹⁰: ln of the float 1 − p would lose 7 digits.
    p = 1e-10
    exact = Fraction(p)
    with localcontext() as context:
        context.prec = 40
        want = float(-(Decimal(p) * _ln(exact) + _dec(1 - exact) * _ln(1 - exact)))
    assert _close(entropy(Bernoulli(p), base=math.e), want)


@pytest.mark.parametrize("base", [0, -2, 1, math.inf])
def test_a_bad_base_is_a_domain_error(base: float) -> None:
    with pytest.raises(DomainError, match="base must be positive, finite and ≠ 1"):
        entropy(Bernoulli(0.5), base=base)


def test_cross_entropy_loss_tolerates_four_n_ulps() -> None:
    # n = 2: the sum may miss 1 by 4·2·2⁻⁵² = 16·2⁻⁵³, not by 17·2⁻⁵³.
    assert cross_entropy_loss([0.5, 0.5 - 16 * 2.0**-54 * 2], 0) == pytest.approx(math.log(2))
    with pytest.raises(DomainError, match="the probabilities must sum to 1"):
        cross_entropy_loss([0.5, 0.5 - 17 * 2.0**-53], 0)
    with pytest.raises(DomainError, match="the probabilities must sum to 1"):
        cross_entropy_loss([0.5, 0.4], 0)
    with pytest.raises(DomainError, match="the probabilities must sum to 1, got Fraction"):
        cross_entropy_loss([Fraction(1, 2), Fraction(1, 3)], 1)
    assert cross_entropy_loss([Fraction(1, 4), Fraction(3, 4)], 0) == math.log(4)
    assert cross_entropy_loss([0.25, 0.75], 1) == -math.log(0.75)
    assert cross_entropy_loss([1.0, 0.0], 1) == math.inf
    with pytest.raises(DomainError, match=r"label must be in 0..1, got 2"):
        cross_entropy_loss([0.5, 0.5], 2)
    with pytest.raises(DomainError, match=r"label must be in 0..1, got -1"):
        cross_entropy_loss([0.5, 0.5], -1)


def test_densities_with_edges_inside_the_frame() -> None:
    # ∫ over p's support only: outside it p log q contributes nothing, whatever q is there.
    from scratchmath.probability import Exponential

    assert _close(entropy(Exponential(2), base=math.e), 1 - math.log(2), 1e-12)
    want = 0.5 * math.log(2 * math.pi) + 1 / 6  # −∫₀¹ ln φ(x) dx
    assert _close(cross_entropy(Uniform(0, 1), Normal(0, 1), base=math.e), want, 1e-12)
    assert _close(cross_entropy(Uniform(0, 1), Uniform(-1, 2), base=math.e), math.log(3), 1e-12)


def test_entropy_of_a_nearly_certain_poisson() -> None:
    # H ≈ λ(1 − ln λ) for tiny λ; the masses beyond the first underflow to 0, and a zero mass
    # contributes 0 (0·ln 0 = 0), never a term of its own.
    from scratchmath.probability import Poisson

    lam = 1e-300
    assert _close(entropy(Poisson(lam), base=math.e), lam * (1 - math.log(lam)), 1e-12)


# ---------------------------------------------------------------------------------------------
# Theorems that mutation testing showed unchecked (issue 23).


@pytest.mark.parametrize("n", [2, 4, 8, 1024])
def test_entropy_of_n_equally_likely_float_outcomes_is_log2_n_bits(n: int) -> None:
    # H = log₂ n bits exactly: each float mass 1/n is a power of two, and log₂ of it exact.
    masses = Categorical({i: 1 / n for i in range(n)})
    assert entropy(masses, base=2) == math.log2(n)


@pytest.mark.parametrize(
    "p", [DiscreteUniform(0, 3), Binomial(3, 0.5), Binomial(4, Fraction(1, 3))], ids=str
)
def test_kl_is_infinite_when_q_misses_the_top_of_p_support(p: DiscreteDistribution) -> None:
    # q puts no mass on 3 (nor 4), where p does: D(p‖q) = H(p, q) = ∞, however much of
    # p's support q does cover.
    q = Categorical({0: 0.5, 1: 0.25, 2: 0.25})
    assert kl_divergence(p, q) == math.inf
    assert cross_entropy(p, q) == math.inf
