"""The registry of tracker adapters. Adding a tracker: a module here with a Tracker subclass,
an entry in ADAPTERS, requirements/<id>.txt, scripts/<id>/{init,params,autolog}.py,
snippets/<id>/<experiment>/<item>.py where workarounds exist, and facts/<id>.json."""

from __future__ import annotations

import importlib
import os

from .base import Tracker

# id -> "module:Class"; modules are imported only when asked for, so that listing trackers or
# counting lines never imports a tracker.
ADAPTERS = {
    "mlflow": "reprotree_probe.trackers.mlflow:MLflow",
    "wandb": "reprotree_probe.trackers.wandb:WandB",
    "guild": "reprotree_probe.trackers.guild:Guild",
    "comet": "reprotree_probe.trackers.comet:Comet",
    "trackio": "reprotree_probe.trackers.trackio:Trackio",
    "sacred": "reprotree_probe.trackers.sacred:Sacred",
    "clearml": "reprotree_probe.trackers.clearml:ClearML",
    "dvclive": "reprotree_probe.trackers.dvclive:DVCLive",
    "aim": "reprotree_probe.trackers.aim:Aim",
}


# More adapters, for developing a new one or for tests, without touching this file:
# REPROTREE_PROBE_ADAPTERS="id=module:Class,..." (the module must be importable).
EXTRA_ENV = "REPROTREE_PROBE_ADAPTERS"


def _adapters() -> dict[str, str]:
    adapters = dict(ADAPTERS)
    for entry in os.environ.get(EXTRA_ENV, "").split(","):
        if "=" in entry:
            tracker_id, target = entry.split("=", 1)
            adapters[tracker_id.strip()] = target.strip()
    return adapters


def ids() -> list[str]:
    return list(_adapters())


def get(tracker_id: str) -> Tracker:
    adapters = _adapters()
    try:
        target = adapters[tracker_id]
    except KeyError:
        raise KeyError(
            f"unknown tracker {tracker_id!r}; known trackers: {', '.join(adapters)}"
        ) from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls()
