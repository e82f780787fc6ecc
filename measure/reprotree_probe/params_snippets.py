"""Snippets every tracker gets for items that are parameters: the tracker's own parameter call
(Tracker.log_params), fed with what the user has. They are of kind "api" (see
snippets/README.md); a tracker's snippet file for the same item takes their place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

KIND = "api"


def estimator_params(ctx: Any) -> None:
    ctx.tracker.log_params(ctx.handle, ctx.model.get_params(deep=False))


def other_params(ctx: Any) -> None:
    ctx.tracker.log_params(ctx.handle, dict(ctx.other_params))


def data_path(ctx: Any) -> None:
    ctx.tracker.log_params(ctx.handle, {"data_path": ctx.data_path})


def model_params(ctx: Any) -> None:
    import numpy as np

    optimizer = ctx.model.optimizer
    ctx.tracker.log_params(
        ctx.handle,
        {
            **ctx.fit_params,
            "optimizer": type(optimizer).__name__,
            "learning_rate": float(np.asarray(optimizer.learning_rate)),
        },
    )


BUILTIN: dict[str, dict[str, Callable[[Any], None]]] = {
    "auto-logging": {"estimator-defaults": estimator_params},
    "sklearn": {
        "estimator-params": estimator_params,
        "other-params": other_params,
        "data-path": data_path,
    },
    "keras": {"model-params": model_params},
}
PATH = Path(__file__)
