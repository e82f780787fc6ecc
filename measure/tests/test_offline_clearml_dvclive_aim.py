"""ClearML, DVCLive and Aim stay offline and inside the workdir: one real auto-logging run of
each tracker installed in this environment, with every socket connection of every Python
process the probe starts recorded (an audit hook loaded through sitecustomize), and the
user's home and DVC's machine-wide cache compared before and after.

It asserts where things went, never which marks a tracker earns.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_e2e_mlflow import home_entries, offline_prefix

from reprotree_probe import schema

MEASURE = Path(__file__).resolve().parent.parent
TRACKERS = ("clearml", "dvclive", "aim")
# Folders outside the workdir that these trackers write to unless told otherwise.
MACHINE_WIDE = (Path("/var/tmp/dvc"), Path("/var/cache/dvc"))

AUDIT = """
import os, socket, sys

_log = os.environ.get("REPROTREE_SOCKET_LOG")


def _hook(event, args):
    if event != "socket.connect" or not _log:
        return
    sock, address = args[0], args[1]
    if getattr(sock, "family", None) == socket.AF_UNIX:
        return
    with open(_log, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {address!r}\\n")


sys.addaudithook(_hook)
"""

LOOPBACK = ("'127.", "('127.", "('::1'", "('localhost'", "'localhost'")


def installed(tracker_id: str) -> bool:
    return importlib.util.find_spec(tracker_id) is not None


def machine_wide_entries() -> list[str]:
    return sorted(str(p) for root in MACHINE_WIDE if root.is_dir() for p in root.rglob("*"))


@pytest.mark.real
@pytest.mark.parametrize("tracker_id", TRACKERS)
def test_a_real_run_stays_offline_and_in_the_workdir(tracker_id, tmp_path):
    if not installed(tracker_id):
        pytest.skip(f"{tracker_id} is not installed in this environment")
    audit = tmp_path / "audit"
    audit.mkdir()
    (audit / "sitecustomize.py").write_text(AUDIT)
    sockets = tmp_path / "sockets.log"
    out = tmp_path / "out.json"
    work = tmp_path / "work"
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(MEASURE), str(audit)]),
        REPROTREE_SOCKET_LOG=str(sockets),
    )
    # The hook is live in a child process: a refused loopback connection is recorded.
    probe = (
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), 1)\n"
        "except OSError:\n    pass"
    )
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60)
    assert "'127.0.0.1', 9" in sockets.read_text()
    sockets.unlink()
    home_before, wide_before = home_entries(), machine_wide_entries()
    done = subprocess.run(
        [*offline_prefix(), sys.executable, "-m", "reprotree_probe", "experiment",
         "--tracker", tracker_id, "--experiment", "auto-logging",
         "--workdir", str(work), "--out", str(out)],
        cwd=MEASURE, env=env, capture_output=True, text=True, timeout=1800,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    records = json.loads(out.read_text())["records"]
    for record in records:
        assert schema.validate_record(record) == [], record.get("error")
        assert record["status"] == "ok", record.get("error")
        for stored in record["readback"]["stored"]["files"]:
            assert not stored["path"].startswith("/")
    connections = sockets.read_text().splitlines() if sockets.exists() else []
    outside = [c for c in connections if not any(mark in c for mark in LOOPBACK)]
    assert outside == [], outside
    assert home_entries() == home_before
    assert machine_wide_entries() == wide_before
    assert not (MEASURE / ".aim").exists() and not (MEASURE / "dvclive").exists()
