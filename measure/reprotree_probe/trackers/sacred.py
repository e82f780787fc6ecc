"""Sacred with a FileStorageObserver: one folder of JSON files per run in the workdir.

The observer writes `<store>/<run id>/run.json` (status, start, stop and heartbeat times, the
host: OS, CPU, Python, captured environment variables; the experiment: main file, sources,
package dependencies, git repositories; resources, artifacts), `config.json`, `metrics.json`
(every scalar logged, with steps and timestamps), `info.json` (the run's free-form info dict),
`cout.txt` (the captured output) and the run's artifacts beside them; sources and resources go
to `<store>/_sources/` and `<store>/_resources/`, named by their digest. Read-back reads those
files and nothing else.

A Sacred run is a function: `ex.run()` calls the experiment's main function and ends the run
when it returns. The probe's tasks start a run, work, and end it, so the adapter runs `ex.run()`
in a thread whose main function waits until end_run. Everything Sacred captures is the same
(its output capture works on the process's file descriptors). The Experiment is made as a
user's script makes it, with the script's globals (here the task's `__main__`): Sacred finds
the main file, its sources and the packages it imported there. Its configuration is fixed when
the run starts, so snippets that add configuration act before the run (before_run).

Sacred has no HTTP server: Omniboard and Sacredboard, separate projects, read runs from a
MongoDB observer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..stored import StoredFile, StoredRun, flatten
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker

STORE_VARIABLE = "REPROTREE_SACRED_STORE"
START_TIMEOUT = 300


@dataclass
class SacredRun:
    """A run executing in its thread: its Run object, and the event that lets it end."""

    run: Any
    finish: threading.Event
    thread: threading.Thread
    errors: list[BaseException] = field(default_factory=list)


class Sacred(Tracker):
    id = "sacred"
    name = "Sacred"
    full_name = "Sacred (IDSIA)"
    url = "https://github.com/IDSIA/sacred"
    distribution = "sacred"
    import_name = "sacred"

    def __init__(self) -> None:
        self._experiment: Any = None

    def environment(self, workdir: Workdir) -> dict[str, str]:
        # The observer's folder (Sacred reads no variable for it; the adapter does), and quiet
        # GitPython where git is missing (Sacred records the main file's repository).
        return {STORE_VARIABLE: str(workdir.store), "GIT_PYTHON_REFRESH": "quiet"}

    # --- inside the task's child process ---------------------------------------------------
    def experiment(self) -> Any:
        """This process's Experiment with its FileStorageObserver, made on first use as the
        user's script (`__main__`) makes it, so that snippets can configure it before a run."""
        if self._experiment is None:
            from sacred import Experiment
            from sacred.observers import FileStorageObserver

            # Sacred reads the calling frame's globals to find the script: evaluate the call
            # with the script's globals, as if the script made it.
            scope: dict[str, Any] = {"Experiment": Experiment}
            script = vars(sys.modules["__main__"])
            exec("experiment = Experiment('reprotree')", script, scope)
            experiment = scope["experiment"]
            experiment.observers.append(FileStorageObserver(os.environ[STORE_VARIABLE]))
            self._experiment = experiment
        return self._experiment

    def enable_autolog(self, framework: Framework) -> None:
        raise NotImplementedError(f"Sacred has no {framework} integration")

    def start_run(self, name: str) -> RunHandle:
        experiment = self.experiment()
        ready = threading.Event()
        finish = threading.Event()
        holder: dict[str, Any] = {}

        @experiment.main
        def main(_run: Any) -> None:
            holder["run"] = _run
            ready.set()
            finish.wait()

        errors: list[BaseException] = []

        def execute() -> None:
            try:
                experiment.run(options={"--name": name})
            except BaseException as error:  # handed to the task's thread below
                errors.append(error)
                ready.set()

        thread = threading.Thread(target=execute, name="sacred-run", daemon=True)
        thread.start()
        if not ready.wait(START_TIMEOUT) or errors:
            raise RuntimeError(f"the Sacred run did not start: {errors[0] if errors else ''}")
        run = holder["run"]
        return RunHandle(str(run._id), SacredRun(run, finish, thread, errors))

    def end_run(self, handle: RunHandle) -> None:
        native: SacredRun = handle.native
        native.finish.set()
        native.thread.join(START_TIMEOUT)
        self._experiment = None
        if native.errors:
            raise RuntimeError(f"the Sacred run failed: {native.errors[0]}")

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        """Sacred takes parameters as configuration when a run starts; inside a run its info
        dict is the place left (the repository's snippets configure the run instead)."""
        handle.native.run.info.setdefault("parameters", {}).update(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        return read_run(workdir.store, ref)


def read_run(store: Path, ref: str) -> StoredRun:
    """Everything the FileStorageObserver keeps for run `ref` below `store`."""
    folder = store / ref
    if not (folder / "run.json").is_file():
        raise FileNotFoundError(f"no run.json for run {ref} in {store}")
    run = _load(folder / "run.json")
    config = _load(folder / "config.json") if (folder / "config.json").is_file() else {}
    stored = StoredRun(
        tracker="sacred",
        run_id=ref,
        name=(run.get("experiment") or {}).get("name"),
        status=run.get("status"),
        start_time=_utc(run.get("start_time")),
        end_time=_utc(run.get("stop_time")),
        params=dict(flatten(config)),
    )
    if (folder / "metrics.json").is_file():
        for key, series in _load(folder / "metrics.json").items():
            ordered = sorted(zip(series.get("steps", []), series.get("values", []), strict=False))
            stored.metrics[key] = [value for _step, value in ordered]
    stored.extra = {
        key: run.get(key)
        for key in ("experiment", "host", "meta", "command", "result", "fail_trace")
        if run.get(key) is not None
    }
    if (folder / "info.json").is_file():
        stored.extra["info"] = _load(folder / "info.json")
    stored.files = [
        StoredFile(store, path.relative_to(store).as_posix(), path.stat().st_size, "run folder")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
    experiment = run.get("experiment") or {}
    for kind, pairs in (("source", experiment.get("sources")), ("resource", run.get("resources"))):
        for _original, kept in pairs or []:
            relative = _in_store(Path(kept))
            path = store / relative
            if path.is_file():
                stored.files.append(StoredFile(store, relative, path.stat().st_size, kind))
    return stored


def _in_store(kept: Path) -> str:
    """Where a kept source or resource lies in the store. The observer names resources by
    their absolute path (of the store it wrote to), sources relative to the store."""
    if kept.is_absolute():
        return f"{kept.parent.name}/{kept.name}"
    return kept.as_posix()


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _utc(timestamp: Any) -> float | None:
    """Sacred writes naive ISO times in UTC."""
    if not isinstance(timestamp, str):
        return None
    moment = dt.datetime.fromisoformat(timestamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.timestamp()
