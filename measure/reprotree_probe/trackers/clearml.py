"""ClearML in offline mode: every task an offline session folder inside the workdir, no server.

With CLEARML_OFFLINE_MODE=1, `Task.init` contacts no server and writes the task into an
offline session folder, <cache dir>/offline/<task id>/, which `Task.import_offline_session`
would later send to a ClearML server; `close()` also packs it into <task id>.zip beside it. The
cache dir is moved into the workdir's store (CLEARML_CACHE_DIR). The session holds:

    task.json       the task object: name, project, hyperparameter sections, the script (its
                    code or git diff, its entry point) and the detected Python requirements,
                    artifacts, and the output models registered offline
    metrics.jsonl   batches of reported events (scalars, plots, debug images)
    log.jsonl       batches of console output
    data/, ...      files copied in: artifacts, model weights, debug images

Read-back parses those files. The offline task has no status and no start or end time: a
ClearML server assigns them when it imports the session, so the probe reads none.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..stored import StoredRun, files_under
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker

PROJECT = "reprotree"
CONFIG = """sdk {
  development {
    # Report from a thread, not a forked subprocess (see ClearML.prepare).
    report_use_subprocess: false
  }
}
"""


class ClearML(Tracker):
    id = "clearml"
    name = "ClearML"
    full_name = "ClearML"
    url = "https://clear.ml/"
    distribution = "clearml"
    import_name = "clearml"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        return {
            # Offline: Task.init writes a session folder and never looks for a server.
            "CLEARML_OFFLINE_MODE": "1",
            # Never fall back to ClearML's public demo server.
            "CLEARML_NO_DEFAULT_SERVER": "1",
            # Sessions, downloaded files and the cache in the store, not in ~/.clearml.
            "CLEARML_CACHE_DIR": str(workdir.store),
            # Only the workdir's configuration file (see prepare), never the user's clearml.conf.
            "CLEARML_CONFIG_FILE": str(workdir.home / "clearml.conf"),
            # ClearML records the script's git state; stay quiet where git finds nothing.
            "GIT_PYTHON_REFRESH": "quiet",
        }

    def prepare(self, workdir: Workdir) -> None:
        """The workdir's configuration file. It changes one default: reports are sent from a
        thread instead of a forked subprocess (sdk.development.report_use_subprocess, the
        setting ClearML's maintainers suggest against fork deadlocks, clearml/clearml#1315).
        With the default, ClearML 2.1.12 hung in close() in about one task run in four here:
        its repository-detection thread waited for a git child process that a concurrent
        fork had left deadlocked."""
        config = workdir.home / "clearml.conf"
        if not config.is_file():
            config.parent.mkdir(parents=True, exist_ok=True)
            config.write_text(CONFIG, encoding="utf-8")

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        """ClearML connects every framework it knows (scikit-learn through joblib, Keras and
        TensorFlow, matplotlib) when Task.init runs, which start_run does: nothing to add."""
        if framework not in ("sklearn", "keras"):
            raise NotImplementedError(framework)

    def start_run(self, name: str) -> RunHandle:
        """Task.init as the task's script calls it. ClearML takes the file that calls Task.init
        as the user's script (it stores its code and reads its imports for the requirements),
        so the call is compiled under the name of the running script (__main__), as it would
        be in a user's script, not under this adapter's."""
        from clearml import Task

        main = sys.modules.get("__main__")
        script = str(getattr(main, "__file__", None) or "<script>")
        scope: dict[str, Any] = {"Task": Task, "name": name, "project": PROJECT}
        call = "task = Task.init(project_name=project, task_name=name, reuse_last_task_id=False)"
        exec(compile(call, script, "exec"), scope)
        task = scope["task"]
        return RunHandle(str(task.id), task)

    def end_run(self, handle: RunHandle) -> None:
        handle.native.close()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        handle.native.connect(dict(params))

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        return parse_session(session_folder(workdir.store, ref))


def session_folder(store: Path, task_id: str) -> Path:
    folder = store / "offline" / task_id
    if not (folder / "task.json").is_file():
        raise FileNotFoundError(f"no offline session for task {task_id} under {store}")
    return folder


def read_events(path: Path) -> list[dict[str, Any]]:
    """A .jsonl file of the session: one JSON list of events per line."""
    if not path.is_file():
        return []
    events: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            batch = json.loads(line)
            events += batch if isinstance(batch, list) else [batch]
    return events


def parse_session(folder: Path) -> StoredRun:
    """A StoredRun from an offline session folder, as ClearML wrote it."""
    task = json.loads((folder / "task.json").read_text(encoding="utf-8"))
    stored = StoredRun(tracker="clearml", run_id=task.get("id"), name=task.get("name"))
    for section, entries in (task.get("hyperparams") or {}).items():
        for key, entry in (entries or {}).items():
            stored.params[f"{section}/{key}"] = (
                entry.get("value") if isinstance(entry, dict) else entry
            )
    stored.tags = {f"tag/{i}": tag for i, tag in enumerate(task.get("tags") or [])}
    events = read_events(folder / "metrics.jsonl")
    scalars: dict[str, list[tuple[int, int, float]]] = {}
    plots = []
    images = []
    for event in events:
        kind = event.get("type")
        key = f"{event.get('metric')}/{event.get('variant')}"
        if kind == "training_stats_scalar" and isinstance(event.get("value"), (int, float)):
            point = (int(event.get("iter") or 0), int(event.get("timestamp") or 0), event["value"])
            scalars.setdefault(key, []).append(point)
        elif kind == "plot":
            plots.append({"key": key, "iter": event.get("iter"), "plot": event.get("plot_str")})
        elif kind == "training_debug_image":
            images.append({"key": key, "iter": event.get("iter"), "url": event.get("url")})
    for key, points in scalars.items():
        stored.metrics[key] = [value for _iteration, _time, value in sorted(points)]
    logs = read_events(folder / "log.jsonl")
    stored.extra = {
        "project": task.get("project_name"),
        "type": task.get("type"),
        "script": task.get("script") or {},
        "configuration": task.get("configuration") or {},
        "runtime": task.get("runtime") or {},
        "execution": task.get("execution") or {},
        "models": task.get("models") or {},
        "output_models": task.get("offline_output_models") or [],
        "plots": plots,
        "debug_images": images,
        "console": "".join(str(e.get("msg", "")) + "\n" for e in logs),
        "event_times": _event_times(events + logs),
    }
    stored.files = files_under(folder, "offline session")
    return stored


def _event_times(events: list[dict[str, Any]]) -> dict[str, float | None]:
    """When the first and the last reported event were written (seconds): evidence of when
    the task ran, kept apart from the start and end times the session does not store."""
    stamps = [e["timestamp"] / 1000 for e in events if isinstance(e.get("timestamp"), (int, float))]
    return {"first": min(stamps) if stamps else None, "last": max(stamps) if stamps else None}
