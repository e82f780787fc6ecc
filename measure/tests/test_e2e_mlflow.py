"""A real MLflow run end to end: the auto-logging experiment in a fresh workdir, offline.

It asserts that the record is well formed and that every mark was derived from what was read
back (the evidence is there and agrees with the mark), never which marks MLflow earns.
Where the machine allows it (root, util-linux), the probe runs in a network namespace with no
network at all, so a tracker that tried to reach a server would fail here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reprotree_probe import schema

MEASURE = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.real,
    pytest.mark.skipif(
        importlib.util.find_spec("mlflow") is None, reason="MLflow is not installed"
    ),
]


def offline_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def home_entries() -> list[str]:
    """The user's home two levels deep, where trackers and plotting libraries keep state."""
    home = Path.home()
    if not home.is_dir():
        return []
    entries = [p.name for p in home.iterdir()]
    for sub in (".config", ".cache", ".local/share"):
        if (home / sub).is_dir():
            entries += [f"{sub}/{p.name}" for p in (home / sub).iterdir()]
    return sorted(entries)


def test_auto_logging_reads_back_every_mark(tmp_path):
    out = tmp_path / "auto-logging.json"
    command = [*offline_prefix(), sys.executable, "-m", "reprotree_probe", "experiment",
               "--tracker", "mlflow", "--experiment", "auto-logging",
               "--workdir", str(tmp_path / "work"), "--out", str(out)]  # fmt: skip
    home_before = home_entries()
    done = subprocess.run(
        command,
        cwd=MEASURE,
        env=dict(os.environ, PYTHONPATH=str(MEASURE)),
        capture_output=True,
        text=True,
        timeout=900,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    records = result["records"]
    assert sorted(r["task"] for r in records) == ["ridge-diabetes", "svc-iris"]
    for record in records:
        assert schema.validate_record(record) == [], record.get("error")
        assert record["status"] == "ok", record.get("error")
        assert record["readback"]["stored"]["run_id"]
        for item, mark in record["items"].items():
            evidence = record["readback"][item]
            found = evidence["default"]["found"]
            assert isinstance(found, bool)
            if found:
                assert mark == "+"
            elif mark == "(+)":
                assert evidence["snippet"]["verified"] is True
                assert record["snippets"][item] == evidence["snippet"]["file"]
            else:
                assert mark == "-"
                assert evidence["snippet"] is None or evidence["snippet"]["verified"] is False
    # nothing outside the workdir: the user's home is as it was, the store is in the workdir
    assert home_entries() == home_before
    assert (tmp_path / "work" / "store" / "mlflow.db").is_file()
    assert not (MEASURE / "mlruns").exists() and not (MEASURE / "mlflow.db").exists()


def test_one_init_sample_of_mlflow(tmp_path):
    """The entry point the orchestrator calls per repetition, on the real tracker: a sample is
    well formed and measured the tracker script from the repository."""
    done = subprocess.run(
        [*offline_prefix(), sys.executable, "-m", "reprotree_probe", "sample", "--tracker",
         "mlflow", "--component", "init", "--workdir", str(tmp_path / "work")],
        cwd=MEASURE, env=dict(os.environ, PYTHONPATH=str(MEASURE)),
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    sample = json.loads(done.stdout)
    assert sample["status"] == "ok", sample["error"]
    assert sample["wall_s"] > 0
    assert sample["memory_samples"] >= 2
    assert sample["peak_mib"] >= sample["baseline_mib"] > 0
    assert sample["extra"] == {"component": "init", "script": "measure/scripts/mlflow/init.py"}
