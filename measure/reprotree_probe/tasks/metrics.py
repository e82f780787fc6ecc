"""Reference metrics: what a model scored on a data split, computed by the probe itself from
the labels and the model's predictions (saved by the task's child after its run ended).

They are computed in the probe's process, never in the task's: a tracker that auto-logs calls
of scikit-learn's metric functions would otherwise store the probe's own reference values.
A stored metric counts as a training (test) metric when its value equals one of these for the
training (test) split; the names the tracker gives its metrics play no part unless a value
fits both splits. "score" is what the estimators' score() returns: R² for a regressor,
accuracy for a classifier.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from sklearn import metrics as skm


def _safe(fn: Callable[[], float]) -> float | None:
    try:
        value = float(fn())
    except (ValueError, TypeError):
        return None
    return value if math.isfinite(value) else None


def regression_metrics(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    candidates: dict[str, float | None] = {
        "score": _safe(lambda: skm.r2_score(y, pred)),
        "r2": _safe(lambda: skm.r2_score(y, pred)),
        "explained_variance": _safe(lambda: skm.explained_variance_score(y, pred)),
        "mean_squared_error": _safe(lambda: skm.mean_squared_error(y, pred)),
        "root_mean_squared_error": _safe(lambda: math.sqrt(skm.mean_squared_error(y, pred))),
        "mean_absolute_error": _safe(lambda: skm.mean_absolute_error(y, pred)),
        "median_absolute_error": _safe(lambda: skm.median_absolute_error(y, pred)),
        "max_error": _safe(lambda: skm.max_error(y, pred)),
        "mean_absolute_percentage_error": _safe(
            lambda: skm.mean_absolute_percentage_error(y, pred)
        ),
    }
    return {k: v for k, v in candidates.items() if v is not None}


def classification_metrics(
    y: np.ndarray, pred: np.ndarray, proba: np.ndarray | None, classes: np.ndarray
) -> dict[str, float]:
    candidates: dict[str, float | None] = {
        "score": _safe(lambda: skm.accuracy_score(y, pred)),
        "accuracy": _safe(lambda: skm.accuracy_score(y, pred)),
        "balanced_accuracy": _safe(lambda: skm.balanced_accuracy_score(y, pred)),
    }
    scorers = (
        ("precision", skm.precision_score),
        ("recall", skm.recall_score),
        ("f1", skm.f1_score),
    )
    for average in ("macro", "micro", "weighted"):
        for name, fn in scorers:
            candidates[f"{name}_{average}"] = _safe(
                partial(fn, y, pred, average=average, zero_division=0)
            )
    if proba is not None:
        candidates["log_loss"] = _safe(partial(skm.log_loss, y, proba, labels=classes))
        for average in ("macro", "weighted"):
            candidates[f"roc_auc_{average}"] = _safe(
                partial(
                    skm.roc_auc_score, y, proba, multi_class="ovr", average=average, labels=classes
                )
            )
    return {k: v for k, v in candidates.items() if v is not None}


def predictions(model: Any, X: np.ndarray) -> dict[str, np.ndarray]:
    """What the metrics need from a fitted model: its predictions and, where it has them, its
    class probabilities."""
    out = {"pred": np.asarray(model.predict(X))}
    if hasattr(model, "classes_") and getattr(model, "probability", True):
        with contextlib.suppress(AttributeError, ValueError):
            out["proba"] = np.asarray(model.predict_proba(X))
    return out


def reference_metrics(arrays: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Metrics per split from the arrays a task saved (see sklearn_tasks.reference)."""
    out: dict[str, dict[str, float]] = {}
    for split in ("train", "test"):
        y = np.load(arrays[f"y_{split}"])
        pred = np.load(arrays[f"pred_{split}"])
        if arrays["kind"] == "regression":
            out[split] = regression_metrics(y, pred)
        else:
            proba_path = arrays.get(f"proba_{split}")
            proba = np.load(proba_path) if proba_path else None
            out[split] = classification_metrics(y, pred, proba, np.load(arrays["classes"]))
    return out
