"""Tests of scratchmath.networks.datasets.

The datasets are checked against the published counts and checksums.

Theorems and properties checked:

- iris integrity
- digits integrity
- generated datasets
- dataset bad inputs
- stratified split gives each class its share
- split is seeded and the documented digits split
- standardize uses the training statistics
"""

from __future__ import annotations

import gzip
import hashlib
import math
from fractions import Fraction
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks import (
    Dataset,
    digits,
    iris,
    spirals,
    standardize,
    train_test_split,
    two_moons,
    xor,
)
from scratchmath.vectors import Vector
from tests.networks.helpers import flat, seeds

# ---------------------------------------------------------------------------------------
# Datasets
# ---------------------------------------------------------------------------------------


def _sha256_of_data(name: str) -> str:
    raw = resources.files("scratchmath.networks").joinpath("data", name).read_bytes()
    return hashlib.sha256(gzip.decompress(raw) if name.endswith(".gz") else raw).hexdigest()


def test_iris_integrity() -> None:
    data = iris()
    assert data.X.shape == (150, 4) and len(data.y) == 150
    assert data.class_counts() == [50, 50, 50]
    assert data.target_names == ("setosa", "versicolor", "virginica")
    # Fisher's values, not the UCI file's two errors (samples 35 and 38)
    assert data.X[34] == Vector([4.9, 3.1, 1.5, 0.2])
    assert data.X[37] == Vector([4.9, 3.6, 1.4, 0.1])
    # checksums: the column sums of Fisher's table, and the file itself
    sums = [round(math.fsum(c), 1) for c in data.X.columns]
    assert sums == [876.5, 458.6, 563.7, 179.9]
    assert _sha256_of_data("iris.csv") == (
        "9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355"
    )


def test_digits_integrity() -> None:
    data = digits()
    assert data.X.shape == (1797, 64) and len(data.y) == 1797
    assert data.class_counts() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert set(x for row in data.X for x in row) == set(map(float, range(17)))
    assert data.X[0, :8] == Vector([0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0])
    assert int(math.fsum(x for row in data.X for x in row)) == 561718
    assert _sha256_of_data("digits.csv.gz") == (
        "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
    )
    assert resources.files("scratchmath.networks").joinpath("data", "README.md").is_file()


def test_generated_datasets() -> None:
    assert Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]) == xor().X and xor().y == (0, 1, 1, 0)
    moons = two_moons(101, noise=0.0, rng=0)
    assert moons.X.shape == (101, 2) and moons.class_counts() == [51, 50]
    # without noise the upper moon lies on the unit circle
    for row, label in zip(moons.X, moons.y, strict=True):
        if label == 0:
            assert math.isclose(math.hypot(*row), 1.0)
    assert two_moons(20, noise=0.1, rng=3) == two_moons(20, noise=0.1, rng=3)
    sp = spirals(50, noise=0.0, rng=0)
    assert sp.class_counts() == [25, 25]
    assert max(math.hypot(*row) for row in sp.X) == pytest.approx(1.0)


def test_dataset_bad_inputs() -> None:
    with pytest.raises(DimensionError, match="a label per sample: 2 samples, 1 labels"):
        Dataset(Matrix([[0], [1]]), (0,), ("a",), ("x", "y"))
    with pytest.raises(DimensionError, match="a name per feature: 1 features, 2 names"):
        Dataset(Matrix([[0]]), (0,), ("a", "b"), ("x",))
    with pytest.raises(TypeError, match="X must be a Matrix whose rows are samples, got list"):
        Dataset([[0]], (0,), ("a",), ("x",))  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="n must be an integer ≥ 2, got 1"):
        two_moons(1, noise=0.1, rng=0)
    with pytest.raises(DomainError, match="noise must be"):
        spirals(10, noise=-0.1, rng=0)
    with pytest.raises(DomainError, match="noise must be finite, got inf"):
        spirals(10, noise=math.inf, rng=0)
    with pytest.raises(DomainError, match=r"test_fraction must be between 0 and 1 .* got 1"):
        train_test_split(xor(), test_fraction=1, rng=0)
    with pytest.raises(TypeError, match="dataset must be a Dataset, got Matrix"):
        train_test_split(xor().X, test_fraction=0.5, rng=0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="leaves an empty training set out of 4 samples"):
        train_test_split(xor(), test_fraction=0.9, rng=0)
    with pytest.raises(
        TypeError, match="standardize takes Datasets or Matrices, argument 1 is list"
    ):
        standardize(xor(), [[1, 2]])
    with pytest.raises(DimensionError, match="the training set has 2 features, argument 1 has 3"):
        standardize(xor().X, Matrix([[1, 2, 3]]))


@given(
    st.lists(st.integers(1, 40), min_size=1, max_size=6),
    st.sampled_from([0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.75]),
    seeds,
)
def test_stratified_split_gives_each_class_its_share(
    sizes: list[int], fraction: float, seed: int
) -> None:
    labels = [c for c, size in enumerate(sizes) for _ in range(size)]
    data = Dataset(
        Matrix([[i] for i in range(len(labels))]),
        labels,
        ("i",),
        [str(c) for c in range(len(sizes))],
    )
    try:
        train_set, test_set = train_test_split(data, test_fraction=fraction, rng=seed)
    except DomainError:  # a split with an empty side: only when f·N rounds to everything
        assert math.ceil(Fraction(repr(fraction)) * len(labels)) == len(labels)
        return
    assert len(test_set) == math.ceil(Fraction(repr(fraction)) * len(labels))
    for c, size in enumerate(sizes):
        assert abs(test_set.class_counts()[c] - fraction * size) < 1
    # a partition: every sample exactly once
    assert sorted(flat(train_set.X) + flat(test_set.X)) == list(range(len(labels)))


def test_split_is_seeded_and_the_documented_digits_split() -> None:
    a = train_test_split(iris(), test_fraction=0.2, rng=5)
    assert a == train_test_split(iris(), test_fraction=0.2, rng=5)
    assert [len(a[0]), len(a[1])] == [120, 30] and a[1].class_counts() == [10, 10, 10]
    train_set, test_set = train_test_split(digits(), test_fraction=0.25, rng=0)
    assert (len(train_set), len(test_set)) == (1347, 450)
    unstratified = train_test_split(iris(), test_fraction=0.2, rng=5, stratify=False)
    assert len(unstratified[1]) == 30


def test_standardize_uses_the_training_statistics() -> None:
    train_set, test_set = train_test_split(iris(), test_fraction=0.2, rng=0)
    z_train, z_test = standardize(train_set, test_set)
    for column in z_train.X.columns:
        assert abs(math.fsum(column) / len(column)) < 1e-12
        assert math.isclose(math.fsum(x * x for x in column) / len(column), 1.0)
    # the test set is moved by the training mean and scale, so its mean is not exactly 0
    assert z_test.y == test_set.y and z_test.target_names == test_set.target_names
    assert any(abs(math.fsum(c) / len(c)) > 1e-3 for c in z_test.X.columns)
    # a constant feature is only shifted
    (constant,) = standardize(Matrix([[3.0, 1.0], [3.0, 2.0]]))
    assert constant.columns[0] == Vector([0.0, 0.0])
