"""A tracker that has no auto-logging and stores only what it is handed: a run's id, its times
and status, and parameters, as one JSON file per run. It lets the tests drive the whole
marking procedure without any real tracker, and checks that the generic checks find nothing
that was not stored."""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

from reprotree_probe.stored import StoredRun, files_under
from reprotree_probe.trackers.base import Framework, RunHandle, Tracker
from reprotree_probe.workdir import Workdir


class NullTracker(Tracker):
    id = "null"
    name = "Null"
    full_name = "A tracker for tests"
    url = "https://example.invalid/"
    distribution = "psutil"  # any installed distribution: its version stands in
    import_name = "json"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        return {"NULL_TRACKER_STORE": str(workdir.store)}

    def enable_autolog(self, framework: Framework) -> None:
        raise NotImplementedError(framework)

    def _path(self, ref: str) -> Path:
        return Path(os.environ["NULL_TRACKER_STORE"]) / f"{ref}.json"

    def _update(self, ref: str, **fields: Any) -> None:
        path = self._path(ref)
        data = json.loads(path.read_text()) if path.is_file() else {"params": {}}
        for key, value in fields.items():
            if key == "params":
                data["params"].update(value)
            else:
                data[key] = value
        path.write_text(json.dumps(data))

    def start_run(self, name: str) -> RunHandle:
        ref = uuid.uuid4().hex
        self._update(ref, id=ref, name=name, start=time.time(), status="running")
        return RunHandle(ref)

    def end_run(self, handle: RunHandle) -> None:
        self._update(handle.ref, end=time.time(), status="done")

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        self._update(handle.ref, params={k: str(v) for k, v in params.items()})

    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        data = json.loads((workdir.store / f"{ref}.json").read_text())
        stored = StoredRun(
            tracker=self.id,
            run_id=data["id"],
            name=data.get("name"),
            status=data.get("status"),
            start_time=data.get("start"),
            end_time=data.get("end"),
            params=data["params"],
        )
        stored.files = [f for f in files_under(workdir.store, "run") if f.path == f"{ref}.json"]
        return stored


LAUNCHER = """
import json, os, subprocess, sys
marker = os.path.join(os.environ["NULL_TRACKER_STORE"], "launched.jsonl")
with open(marker, "a") as handle:
    handle.write(json.dumps(sys.argv[1:]) + "\\n")
sys.exit(subprocess.run(sys.argv[1:]).returncode)
"""


class NullOperationTracker(NullTracker):
    """The null tracker, run the way a tracker that launches scripts itself is (Guild AI's
    `guild run`): every child goes through a launcher process that records its command."""

    id = "nullop"

    def operation(self, workdir: Workdir, module: str, args: list[str]) -> list[str] | None:
        import sys

        return [sys.executable, "-c", LAUNCHER, sys.executable, "-m", module, *args]
