"""Datasets: the data a network learns from, shipped inside the package or generated.

====================  ================================================================
``Dataset``           samples X (a Matrix, rows are samples), labels y, and their names
``iris``              Fisher's iris flowers: 150 samples, 4 features, 3 species
``digits``            handwritten digits, 8×8 pixels 0–16: 1 797 samples, 10 classes
``xor``               the four points of exclusive or, the classic non-linear problem
``two_moons``         two interleaving half circles with Gaussian noise
``spirals``           two interleaving spirals with Gaussian noise
``train_test_split``  a seeded, stratified split into training and test sets
``standardize``       features to mean 0, standard deviation 1 (training statistics)
====================  ================================================================

>>> data = iris()
>>> data.X.shape, len(data.y), data.target_names
((150, 4), 150, ('setosa', 'versicolor', 'virginica'))
>>> train_set, test_set = train_test_split(data, test_fraction=0.2, rng=0)
>>> len(train_set), len(test_set), test_set.y.count(0)
(120, 30, 10)

The real data sets are small text files in ``scratchmath/networks/data/`` (read with the
standard library only, never downloaded); ``data/README.md`` gives their sources, their
checksums and their licence (CC BY 4.0, UCI Machine Learning Repository).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from typing import Any

from scratchmath.checks import check_int, check_nonnegative
from scratchmath.errors import DimensionError, DomainError
from scratchmath.matrices import Matrix
from scratchmath.networks.layers import as_random

__all__ = [
    "Dataset",
    "digits",
    "iris",
    "spirals",
    "standardize",
    "train_test_split",
    "two_moons",
    "xor",
]


@dataclass(frozen=True, slots=True)
class Dataset:
    """Labelled samples: ``X`` (a Matrix, one row per sample), ``y`` (a tuple of class
    indices 0..k−1), ``feature_names`` (one per column) and ``target_names`` (one per class).

    Immutable, checked on construction, and unpacked as ``X, y, features, targets = data``.

    >>> data = Dataset(Matrix([[0, 1], [1, 0]]), (1, 0), ("a", "b"), ("no", "yes"))
    >>> len(data), data.target_names[data.y[0]]
    (2, 'yes')
    >>> Dataset(Matrix([[0, 1]]), (2,), ("a", "b"), ("no", "yes"))
    Traceback (most recent call last):
    ...
    scratchmath.errors.DomainError: label 0 is 2, outside the 2 classes 0 to 1

    Raises: TypeError when X is not a Matrix or a label is not an int; DimensionError when
    the counts of rows, labels and names disagree; DomainError for a label out of range.
    """

    X: Matrix
    y: tuple[int, ...]
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.X, Matrix):
            raise TypeError(
                f"X must be a Matrix whose rows are samples, got {type(self.X).__name__}"
            )
        object.__setattr__(self, "y", tuple(self.y))
        object.__setattr__(self, "feature_names", tuple(self.feature_names))
        object.__setattr__(self, "target_names", tuple(self.target_names))
        m, n = self.X.shape
        if len(self.y) != m:
            raise DimensionError(
                f"a Dataset needs a label per sample: {m} samples, {len(self.y)} labels"
            )
        if len(self.feature_names) != n:
            raise DimensionError(
                f"a Dataset needs a name per feature: {n} features, {len(self.feature_names)} names"
            )
        classes = len(self.target_names)
        for i, label in enumerate(self.y):
            if isinstance(label, bool) or not isinstance(label, int):
                raise TypeError(f"label {i} must be an int class index, got {type(label).__name__}")
            if not 0 <= label < classes:
                raise DomainError(
                    f"label {i} is {label}, outside the {classes} classes 0 to {classes - 1}"
                )

    def __len__(self) -> int:
        return self.X.shape[0]

    def __iter__(self) -> Iterator[Any]:
        return iter((self.X, self.y, self.feature_names, self.target_names))

    def class_counts(self) -> list[int]:
        """The number of samples of each class, in class order.

        >>> iris().class_counts()
        [50, 50, 50]
        """
        counts = [0] * len(self.target_names)
        for label in self.y:
            counts[label] += 1
        return counts

    def subset(self, indices: Sequence[int]) -> Dataset:
        """The samples at ``indices``, in that order, with the same names.

        >>> xor().subset([3, 0]).y
        (0, 0)

        Raises: DimensionError for no indices; IndexError for an index out of range.
        """
        if not indices:
            raise DimensionError("a subset needs at least one sample")
        rows = self.X.rows
        return replace(
            self,
            X=Matrix.from_rows([rows[i] for i in indices]),
            y=tuple(self.y[i] for i in indices),
        )


def _data_text(name: str) -> str:
    # Imported here, not at the top: `import scratchmath` should not pay for the file
    # machinery (importlib.resources alone costs tens of milliseconds) until data is asked for.
    import gzip
    from importlib import resources

    # One name per joinpath: Traversable.joinpath takes several only from Python 3.11.
    path = resources.files("scratchmath.networks").joinpath("data").joinpath(name)
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("ascii")


@cache
def iris() -> Dataset:
    """Fisher's iris data (1936): 150 flowers, 50 of each of 3 species, 4 measurements in cm.

    Features: sepal length, sepal width, petal length, petal width. Classes: 0 setosa, 1
    versicolor, 2 virginica. Setosa is linearly separable from the others; versicolor and
    virginica overlap a little, so a good classifier makes a mistake or two. The values are
    those of Fisher's paper (two samples differ from the UCI file; see data/README.md).

    >>> data = iris()
    >>> data.X[0], data.y[0], data.feature_names[2]
    (Vector([5.1, 3.5, 1.4, 0.2]), 0, 'petal length (cm)')
    """
    import csv

    rows = list(csv.reader(_data_text("iris.csv").splitlines()))[1:]
    species = ("setosa", "versicolor", "virginica")
    return Dataset(
        Matrix([[float(v) for v in row[:4]] for row in rows]),
        tuple(species.index(row[4]) for row in rows),
        ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
        species,
    )


@cache
def digits() -> Dataset:
    """Handwritten digits as 8×8 images: 1 797 samples, 64 features (pixels 0–16), 10 classes.

    The UCI optdigits test set (Alpaydin and Kaynak, 1998; the data of scikit-learn's
    ``load_digits``): each 32×32 bitmap was cut into 4×4 blocks and each block's count of
    ink pixels kept, so a pixel is an integer 0–16 (stored as a float). Row i of the image is
    features 8i to 8i + 7, named ``pixel_i_j``. Classes 0–9 are the digits.

    >>> data = digits()
    >>> data.X.shape, data.class_counts()[:3], data.y[:10]
    ((1797, 64), [178, 182, 177], (0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
    """
    rows = [line.split(",") for line in _data_text("digits.csv.gz").splitlines()]
    return Dataset(
        Matrix([[float(v) for v in row[:64]] for row in rows]),
        tuple(int(row[64]) for row in rows),
        tuple(f"pixel_{i}_{j}" for i in range(8) for j in range(8)),
        tuple(str(d) for d in range(10)),
    )


def xor() -> Dataset:
    """The four points of exclusive or: label 1 where exactly one coordinate is 1.

    No line separates the classes, so no single linear layer (a perceptron) can learn it; one
    hidden layer can. The entries are ints, so a network of rational operations (Linear,
    ReLU, mse_loss, SGD) trains on it exactly, in Fractions.

    >>> xor().X, xor().y
    (Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), (0, 1, 1, 0))
    """
    return Dataset(Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), (0, 1, 1, 0), ("x1", "x2"), ("0", "1"))


def _check_generator_arguments(n: object, noise: object) -> tuple[int, float]:
    count = check_int(n, "n", minimum=2)
    level = float(check_nonnegative(noise, "noise"))
    if not math.isfinite(level):
        raise DomainError(f"noise must be finite, got {level}")
    return count, level


def _shuffled(points: list[tuple[float, float, int]], rng: Any, names: tuple[str, str]) -> Dataset:
    rng.shuffle(points)
    return Dataset(
        Matrix([[x, y] for x, y, _ in points]), tuple(c for _, _, c in points), ("x1", "x2"), names
    )


def two_moons(n: int, *, noise: float, rng: object) -> Dataset:
    """n points on two interleaving half circles, class 0 above and class 1 below.

    Class 0 (⌈n/2⌉ points): (cos t, sin t), t evenly spaced in [0, π]; class 1 (⌊n/2⌋):
    (1 − cos t, 1/2 − sin t). Each coordinate gets Gaussian noise of standard deviation
    ``noise``, then the points are shuffled (both with ``rng``, a seed or a Random). The
    classes are not linearly separable: the boundary must bend.

    >>> data = two_moons(100, noise=0.1, rng=0)
    >>> data.X.shape, data.class_counts()
    ((100, 2), [50, 50])

    Raises: DomainError for n < 2 or noise < 0 (or not finite); TypeError for a non-int n or
    a bad ``rng``.
    """
    count, level = _check_generator_arguments(n, noise)
    generator = as_random(rng)
    points = []
    for label, size in ((0, (count + 1) // 2), (1, count // 2)):
        for i in range(size):
            t = math.pi * i / max(size - 1, 1)
            x, y = (
                (math.cos(t), math.sin(t)) if label == 0 else (1 - math.cos(t), 0.5 - math.sin(t))
            )
            points.append((x + generator.gauss(0.0, level), y + generator.gauss(0.0, level), label))
    return _shuffled(points, generator, ("upper", "lower"))


def spirals(n: int, *, noise: float, rng: object) -> Dataset:
    """n points on two interleaved spirals, one class each (⌈n/2⌉ and ⌊n/2⌋ points).

    The k-th point of class c, t = (k + 1)/m for m points in the class: radius t, angle
    3πt + cπ — one and a half turns, the second spiral the first rotated by π. Gaussian noise
    of standard deviation ``noise`` on each coordinate, then a shuffle (``rng``, a seed or a
    Random). Hard for a small network: the boundary winds around the origin.

    >>> data = spirals(200, noise=0.0, rng=0)
    >>> data.X.shape, data.class_counts()
    ((200, 2), [100, 100])

    Raises: DomainError for n < 2 or noise < 0 (or not finite); TypeError for a non-int n or
    a bad ``rng``.
    """
    count, level = _check_generator_arguments(n, noise)
    generator = as_random(rng)
    points = []
    for label, size in ((0, (count + 1) // 2), (1, count // 2)):
        for k in range(size):
            t = (k + 1) / size
            angle = 3 * math.pi * t + label * math.pi
            x, y = t * math.cos(angle), t * math.sin(angle)
            points.append((x + generator.gauss(0.0, level), y + generator.gauss(0.0, level), label))
    return _shuffled(points, generator, ("spiral 0", "spiral 1"))


def _test_counts(sizes: list[int], fraction: Fraction) -> list[int]:
    """How many samples of each class go to the test set: ⌈f·N⌉ in all, shared out by the
    largest-remainder rule, so class c gets ⌊f·n_c⌋ or ⌊f·n_c⌋ + 1 — within 1 of its share.

    Exact arithmetic, so 0.25 × 1 797 = 449.25 gives 450.
    """
    quotas = [fraction * size for size in sizes]
    counts = [math.floor(q) for q in quotas]
    missing = math.ceil(sum(quotas)) - sum(counts)
    by_remainder = sorted(range(len(sizes)), key=lambda c: counts[c] - quotas[c])
    for c in by_remainder[:missing]:
        counts[c] += 1
    return counts


def train_test_split(
    dataset: Dataset, *, test_fraction: float, rng: object, stratify: bool = True
) -> tuple[Dataset, Dataset]:
    """Split a Dataset at random into (train, test), ``test_fraction`` of it for testing.

    The test set has ⌈f·N⌉ samples. Stratified (the default), every class is split in the
    same proportion — class c contributes ⌊f·n_c⌋ or ⌊f·n_c⌋ + 1 test samples — so a rare
    class cannot vanish from either side by bad luck. Which samples go where is a seeded
    shuffle (``rng``, a seed or a Random); both parts keep the original order of the samples.

    >>> data = digits()
    >>> train_set, test_set = train_test_split(data, test_fraction=0.25, rng=0)
    >>> len(train_set), len(test_set), test_set.class_counts()[:4]
    (1347, 450, [45, 46, 44, 46])

    Raises: DomainError unless 0 < test_fraction < 1, or when the train or the test set
    would be empty; TypeError for a non-Dataset or a bad ``rng``.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, got {type(dataset).__name__}")
    if isinstance(test_fraction, bool) or not isinstance(test_fraction, (int, float, Fraction)):
        raise TypeError(f"test_fraction must be a number, got {type(test_fraction).__name__}")
    if not 0 < test_fraction < 1:
        raise DomainError(f"test_fraction must be between 0 and 1 (exclusive), got {test_fraction}")
    generator = as_random(rng)
    # The decimal the user wrote (0.2 is 1/5, not the binary float just above it), so that
    # 0.2 × 150 is exactly 30 and no rounding error decides a count.
    fraction = (
        Fraction(repr(test_fraction))
        if isinstance(test_fraction, float)
        else Fraction(test_fraction)
    )
    groups = (
        [
            [i for i, label in enumerate(dataset.y) if label == c]
            for c in range(len(dataset.target_names))
        ]
        if stratify
        else [list(range(len(dataset)))]
    )
    counts = _test_counts([len(g) for g in groups], fraction)
    test: list[int] = []
    for group, k in zip(groups, counts, strict=True):
        chosen = group[:]
        generator.shuffle(chosen)
        test.extend(chosen[:k])
    test_set = set(test)
    train = [i for i in range(len(dataset)) if i not in test_set]
    if not test or not train:
        raise DomainError(
            f"a test_fraction of {test_fraction} leaves an empty "
            f"{'test' if not test else 'training'} set out of {len(dataset)} samples"
        )
    return dataset.subset(train), dataset.subset(sorted(test))


def _column_statistics(X: Matrix) -> tuple[list[float], list[float]]:
    """The mean and the (population) standard deviation of each column, computed in two
    passes (the mean first, then the squared deviations) so no precision is lost to the
    cancellation of the one-pass Σx² − (Σx)²/n formula."""
    m = X.shape[0]
    means, stds = [], []
    for column in X.columns:
        values = [float(x) for x in column]  # type: ignore[arg-type]
        mean = math.fsum(values) / m
        stds.append(math.sqrt(math.fsum((x - mean) ** 2 for x in values) / m))
        means.append(mean)
    return means, stds


def standardize(train: Any, *others: Any) -> tuple[Any, ...]:
    """Each feature shifted and scaled to mean 0, standard deviation 1 on the training set.

    xⱼ ↦ (xⱼ − μⱼ)/σⱼ with μⱼ, σⱼ the mean and (population) standard deviation of feature j
    **over the training samples only**; the test samples in ``others`` are transformed with
    the same μ and σ (using their own statistics would leak the test set into the model). A
    feature constant on the training set (σⱼ = 0, such as a digits pixel that is always
    blank) is only shifted. Why standardise: gradient descent takes one learning rate for
    all weights, and features on similar scales make the loss surface round rather than a
    long valley, and keep tanh units out of their flat tails.

    ``train`` and ``others`` are Datasets (labels and names are kept) or Matrices (rows are
    samples); the result is a tuple of the same kinds, train first.

    >>> train_set, test_set = standardize(Matrix([[1.0, 5.0], [3.0, 5.0]]), Matrix([[5.0, 6.0]]))
    >>> train_set, test_set
    (Matrix([[-1.0, 0.0], [1.0, 0.0]]), Matrix([[3.0, 1.0]]))

    Raises: TypeError for something that is neither a Dataset nor a Matrix; DimensionError
    when the numbers of features differ.
    """
    datasets = (train, *others)
    matrices: list[Matrix] = []
    for i, d in enumerate(datasets):
        X = d.X if isinstance(d, Dataset) else d
        if not isinstance(X, Matrix):
            raise TypeError(
                f"standardize takes Datasets or Matrices, argument {i} is {type(d).__name__}"
            )
        if matrices and X.shape[1] != matrices[0].shape[1]:
            raise DimensionError(
                f"standardize: the training set has {matrices[0].shape[1]} features, "
                f"argument {i} has {X.shape[1]}"
            )
        matrices.append(X)
    means, stds = _column_statistics(matrices[0])
    scales = [s if s > 0 else 1.0 for s in stds]
    results = []
    for d, X in zip(datasets, matrices, strict=True):
        Z = Matrix(
            [[(x - mu) / s for x, mu, s in zip(row, means, scales, strict=True)] for row in X]
        )
        results.append(replace(d, X=Z) if isinstance(d, Dataset) else Z)
    return tuple(results)
