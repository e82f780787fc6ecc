"""The marking procedure end to end on a tracker that stores almost nothing (null_tracker.py):
no false positives from the generic checks, the built-in parameter snippet verified by
read-back, and valid records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reprotree_probe import schema
from reprotree_probe.params_snippets import PATH as PARAMS_SNIPPETS
from reprotree_probe.paths import repo_relative

MEASURE = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def test_auto_logging_on_a_tracker_without_auto_logging(tmp_path):
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(MEASURE), str(TESTS)]),
        REPROTREE_PROBE_ADAPTERS="null=null_tracker:NullTracker",
    )
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "reprotree_probe", "experiment", "--tracker", "null",
         "--experiment", "auto-logging", "--workdir", str(tmp_path / "wd"), "--out", str(out)],
        cwd=MEASURE, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = json.loads(out.read_text())["records"]
    assert len(records) == 2
    for record in records:
        assert schema.validate_record(record) == []
        assert record["readback"]["autolog"] is False
        assert record["items"] == {
            "run-metadata": "+",
            "estimator-defaults": "(+)",
            "train-metrics": "-",
            "test-metrics": "-",
            "sklearn-version": "-",
        }
        assert record["snippets"] == {"estimator-defaults": repo_relative(PARAMS_SNIPPETS)}
        assert record["readback"]["estimator-defaults"]["snippet"]["verified"] is True
        assert record["readback"]["train-metrics"]["snippet"] is None
