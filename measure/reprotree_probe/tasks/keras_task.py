"""The Keras task of the study's 2.4: the CNN of Table 7 on 28x28 digit images.

MNIST cannot be downloaded on the measuring machine, so the images are scikit-learn's digits
(1 797 images of 8x8 pixels), each scaled up three times (24x24) and centred in a 28x28 frame,
as MNIST centres its 20x20 digits. Memory against data size uses seeded random arrays of the
sizes the study used, since the digits are too few.
"""

from __future__ import annotations

from typing import Any

import numpy as np

SEED = 0
EPOCHS = 3
BATCH_SIZE = 128
VALIDATION_SPLIT = 0.2
LEARNING_RATE = 0.001
SUBSTITUTION = {
    "experiment": "keras",
    "study": "MNIST: 60 000 training and 10 000 test images of 28x28 pixels",
    "here": "scikit-learn's digits: 1 797 images of 8x8 pixels, scaled up 3x and centred in "
    "28x28, split 80/20 into training and test sets",
    "why": "MNIST cannot be downloaded on the measuring machine; scikit-learn ships the digits",
}
MEMORY_SUBSTITUTION = {
    "experiment": "memory-from-data",
    "study": "the first 10 000, 20 000, 30 000 and 60 000 MNIST training images",
    "here": "seeded random images (28x28x1, values in [0, 1)) and labels of the same sizes",
    "why": "MNIST cannot be downloaded on the measuring machine; memory depends on the size of "
    "the arrays, not on what they show",
}


def digits_28() -> tuple[np.ndarray, np.ndarray]:
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    digits = load_digits()
    small = digits.images.astype("float32") / 16.0
    large = np.clip(zoom(small, (1, 3, 3), order=1), 0.0, 1.0)  # 8x8 -> 24x24
    framed = np.zeros((len(large), 28, 28), dtype="float32")
    framed[:, 2:26, 2:26] = large
    return framed[..., np.newaxis], digits.target.astype("int64")


def synthetic(size: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.random((size, 28, 28, 1), dtype=np.float32)
    labels = rng.integers(0, 10, size=size, dtype=np.int64)
    return images, labels


def build_model() -> Any:
    """Table 7's network: two convolution blocks with pooling and dropout, then two dense layers."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(SEED)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Dropout(0.25),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Dropout(0.25),
            layers.Flatten(),
            layers.Dense(256, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def layer_facts(model: Any) -> list[dict[str, Any]]:
    return [{"name": layer.name, "params": int(layer.count_params())} for layer in model.layers]
