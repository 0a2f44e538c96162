"""Networks that learn real data, built from scratchmath's own parts (layer 8).

=========================  ==================================================================
``Module``                 the base of every layer: ``model(x)``, ``model.parameters()``
``Linear``                 x ↦ xW + b, seeded Xavier or He initialisation
``Sigmoid, Tanh, ReLU``    the activations, entry by entry
``Sequential``             modules applied in turn
``MLP``                    a multilayer perceptron from a list of sizes
``mse_loss``               the mean squared error
``softmax_cross_entropy``  the classifier's loss, stable at logits of ±1000
``binary_cross_entropy``   the two-class loss, stable at p = 0 and 1
``History``                the loss and accuracies per epoch
``train``                  minibatch training with any optimiser (SGD, Adam, …)
``predict``, ``accuracy``  the predicted classes, and the fraction right
``Dataset``                samples, labels and their names
``iris``, ``digits``       the shipped data: Fisher's iris, 8×8 handwritten digits
``xor``, ``two_moons``     small generated problems
``spirals``
``train_test_split``       a seeded, stratified split
``standardize``            features to mean 0 and standard deviation 1 (training statistics)
=========================  ==================================================================

A network learns the digits in a few seconds:

>>> from scratchmath.networks import MLP, digits, train_test_split, standardize, accuracy
>>> train_set, test_set = standardize(*train_test_split(digits(), test_fraction=0.25, rng=0))
>>> model = MLP([64, 32, 10], rng=0)
>>> model
MLP([64, 32, 10], activation='tanh')

(training it is ``train(model, train_set.X, train_set.y, loss=softmax_cross_entropy,
optimizer=Adam(model.parameters(), lr=0.01), epochs=20, batch_size=32, rng=0)``; see
docs/networks.md). The modules, in reading order: ``layers``, ``losses``, ``datasets``,
``training``.
"""

from __future__ import annotations

from scratchmath.networks.datasets import (
    Dataset,
    digits,
    iris,
    spirals,
    standardize,
    train_test_split,
    two_moons,
    xor,
)
from scratchmath.networks.layers import MLP, Linear, Module, ReLU, Sequential, Sigmoid, Tanh
from scratchmath.networks.losses import binary_cross_entropy, mse_loss, softmax_cross_entropy
from scratchmath.networks.training import History, accuracy, predict, train

__all__ = [
    "MLP",
    "Dataset",
    "History",
    "Linear",
    "Module",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Tanh",
    "accuracy",
    "binary_cross_entropy",
    "digits",
    "iris",
    "mse_loss",
    "predict",
    "softmax_cross_entropy",
    "spirals",
    "standardize",
    "train",
    "train_test_split",
    "two_moons",
    "xor",
]
