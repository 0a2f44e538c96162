"""Handwritten digits: a network learns to read 8×8 images, in plain Python, in seconds.

The data (shipped with scratchmath): 1 797 handwritten digits from the UCI optdigits test
set, each an 8×8 image whose pixels count the ink in a 4×4 block of the original scan (0
to 16). A sample is the 64 pixels read row by row: a vector in ℝ⁶⁴.

The recipe:

1. A stratified, seeded split: 1 347 images to train on, 450 to test (every digit in the
   same proportion in both).
2. Standardise the 64 pixels with the training mean and standard deviation (a pixel that
   is blank in every training image is only shifted).
3. ``MLP([64, 32, 10])``: 64 inputs, 32 tanh hidden units, 10 logits — one per digit.
   Its 2 410 parameters live in two weight matrices and two bias vectors, so a batch of 32
   images is two matrix products and a handful of graph nodes (scratchmath.autodiff), not
   one node per number: that is why an epoch takes about a second in pure Python.
4. The softmax cross-entropy, Adam (lr 0.01), batches of 32, 15 epochs.

It prints the test accuracy (about 98%), one training image drawn in characters, and
the first few test images the network got wrong, with what it answered: they are often
digits a person would hesitate over too.

Run it:  python examples/digits.py   (SCRATCHMATH_QUICK=1: 400 images, 2 epochs)
"""

from __future__ import annotations

import os
import time

from scratchmath.networks import (
    MLP,
    accuracy,
    digits,
    predict,
    softmax_cross_entropy,
    standardize,
    train,
    train_test_split,
)
from scratchmath.optimization import Adam
from scratchmath.vectors import Vector

SHADES = " .:-=+*#%@"


def draw(pixels: Vector) -> list[str]:
    """An 8×8 image (pixels 0–16) as eight lines of characters, darker for more ink."""
    return [
        "".join(SHADES[round(float(pixels[8 * r + c]) * 9 / 16)] * 2 for c in range(8))
        for r in range(8)
    ]


def main() -> None:
    quick = os.environ.get("SCRATCHMATH_QUICK") == "1"
    data = digits()
    raw_train, raw_test = train_test_split(data, test_fraction=0.25, rng=0)
    if quick:
        raw_train = raw_train.subset(range(400))
    train_set, test_set = standardize(raw_train, raw_test)
    print(f"digits: {len(train_set)} images to train on, {len(test_set)} to test")
    print(f"the first training image, a {data.target_names[raw_train.y[0]]}:")
    print("\n".join("    " + line for line in draw(raw_train.X[0])))

    model = MLP([64, 32, 10], rng=0)
    epochs = 2 if quick else 15
    start = time.perf_counter()
    train(
        model,
        train_set.X,
        train_set.y,
        loss=softmax_cross_entropy,
        optimizer=Adam(model.parameters(), lr=0.01),
        epochs=epochs,
        batch_size=32,
        rng=0,
        validation=test_set,
        progress=not quick,
    )
    seconds = time.perf_counter() - start
    print(f"{epochs} epochs in {seconds:.1f} s ({seconds / epochs:.2f} s per epoch)")
    test_accuracy = accuracy(model, test_set.X, test_set.y)
    print(f"test accuracy {test_accuracy:.4f}")
    print(f"far better than guessing (0.1): {test_accuracy > 0.8}")

    answers = predict(model, test_set.X)
    wrong = [i for i, (a, y) in enumerate(zip(answers, test_set.y, strict=True)) if a != y]
    print(f"\n{len(wrong)} test images misread; the first three (true → answered):")
    shown = wrong[:3]
    pictures = [draw(raw_test.X[i]) for i in shown]
    print("   ".join(f"{raw_test.y[i]} → {answers[i]}".ljust(16) for i in shown))
    for r in range(8):
        print("   ".join(picture[r] for picture in pictures))


if __name__ == "__main__":
    main()
