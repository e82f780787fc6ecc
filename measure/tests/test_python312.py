"""The facts record's Python 3.12 check installs with pip's environment and imports
with the tracker's: a tracker kept offline through a closed loopback proxy must not block pip."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

from reprotree_probe.experiments import facts
from reprotree_probe.workdir import Workdir


class OfflineTracker:
    id = "mlflow"  # any tracker with a requirements file
    import_name = "json"

    def environment(self, workdir):
        return {"HTTPS_PROXY": "http://127.0.0.1:9", "TRACKER_HOME": str(workdir.store)}

    def prepare(self, workdir):
        pass

    def script(self, component):
        return Path("scripts") / "mlflow" / f"{component}.py"


def test_pip_runs_without_the_trackers_environment_and_the_import_with_it(tmp_path, monkeypatch):
    seen = []

    def run(step, env, **kwargs):
        seen.append((step, env))
        return SimpleNamespace(returncode=0, stdout="3.12.1\n", stderr="")

    monkeypatch.setattr(subprocess, "run", run)
    workdir = Workdir.create(tmp_path / "work")
    result = facts.python_312(OfflineTracker(), workdir, "python3.12")
    assert result["ok"] is True
    (venv, _venv_env), (pip, pip_env), (imported, import_env), (init, init_env) = seen
    assert venv[1:3] == ["-m", "venv"] and pip[1:4] == ["-m", "pip", "install"]
    assert "HTTPS_PROXY" not in pip_env and "TRACKER_HOME" not in pip_env
    assert import_env["HTTPS_PROXY"] == "http://127.0.0.1:9"
    assert "import sys, json" in imported[-1]
    # Starting a run there is the tracker's work too, so it keeps the tracker offline as well.
    assert init[1:3] == ["-m", "reprotree_probe.harness"]
    assert init_env["HTTPS_PROXY"] == "http://127.0.0.1:9"
