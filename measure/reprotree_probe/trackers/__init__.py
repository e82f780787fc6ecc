"""The registry of tracker adapters. Adding a tracker: a module here with a Tracker subclass,
an entry in ADAPTERS, requirements/<id>.txt, scripts/<id>/{init,params,autolog}.py,
snippets/<id>/<experiment>/<item>.py where workarounds exist, and facts/<id>.json."""

from __future__ import annotations

import importlib

from .base import Tracker

# id -> "module:Class"; modules are imported only when asked for, so that listing trackers or
# counting lines never imports a tracker.
ADAPTERS = {
    "mlflow": "reprotree_probe.trackers.mlflow:MLflow",
}


def ids() -> list[str]:
    return list(ADAPTERS)


def get(tracker_id: str) -> Tracker:
    try:
        target = ADAPTERS[tracker_id]
    except KeyError:
        raise KeyError(
            f"unknown tracker {tracker_id!r}; known trackers: {', '.join(ADAPTERS)}"
        ) from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls()
