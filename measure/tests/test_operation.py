"""Trackers that run a user's script as an operation of their own (Tracker.operation): the
task's child runs through the tracker's launcher, and a command is measured as a whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reprotree_probe import schema
from reprotree_probe.harness import measure

MEASURE = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def test_the_tasks_child_runs_through_the_trackers_launcher(tmp_path):
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(MEASURE), str(TESTS)]),
        REPROTREE_PROBE_ADAPTERS="nullop=null_tracker:NullOperationTracker",
    )
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "reprotree_probe", "experiment", "--tracker", "nullop",
         "--experiment", "auto-logging", "--workdir", str(tmp_path / "wd"), "--out", str(out)],
        cwd=MEASURE, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = json.loads(out.read_text())["records"]
    assert [r["status"] for r in records] == ["ok", "ok"]
    assert all(schema.validate_record(r) == [] for r in records)
    launched = [
        json.loads(line)
        for line in (tmp_path / "wd" / "store" / "launched.jsonl").read_text().splitlines()
    ]
    # one default run and one snippet run (estimator-defaults) per task
    assert len(launched) == 4
    assert all(cmd[1:4] == ["-m", "reprotree_probe.child", "task"] for cmd in launched)


def test_an_operation_is_measured_as_a_whole(tmp_path):
    """`child operation -- COMMAND`: the gate's measured part is the command, children included."""
    command = [sys.executable, "-c", "import time; x = bytearray(50 * 2**20); time.sleep(0.5)"]
    sample = measure(
        [sys.executable, "-m", "reprotree_probe.child", "operation", "--", *command],
        env=dict(os.environ, PYTHONPATH=str(MEASURE)),
        cwd=tmp_path,
        scratch=tmp_path,
    )
    assert sample.status == "ok", sample.error
    assert sample.wall_s is not None and sample.wall_s >= 0.5
    assert sample.increment_mib is not None and sample.increment_mib >= 40
