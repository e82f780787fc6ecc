"""The entry points the orchestrator calls: JSON out, one sentence and exit 2 for usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MEASURE = Path(__file__).resolve().parent.parent


def probe(*args: str, cwd: Path = MEASURE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reprotree_probe", *args],
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=str(MEASURE)),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_list_names_trackers_experiments_and_components():
    done = probe("list")
    assert done.returncode == 0
    listing = json.loads(done.stdout)
    assert "mlflow" in listing["trackers"]
    assert set(listing["components"]) == {"init", "params", "autolog"}
    assert "auto-logging" in listing["experiments"]


@pytest.mark.parametrize(
    "args",
    [
        ["experiment", "--tracker", "nosuch", "--experiment", "lines", "--workdir", "WD"],
        ["experiment", "--tracker", "mlflow", "--experiment", "nosuch", "--workdir", "WD"],
        ["experiment", "--tracker", "mlflow", "--experiment", "lines", "--workdir", "WD",
         "--reps", "0"],
        ["experiment", "--tracker", "mlflow", "--experiment", "lines", "--workdir", "WD",
         "--data-sizes", "10,x"],
        ["sample", "--tracker", "mlflow", "--component", "nosuch", "--workdir", "WD"],
        ["nosuch"],
        [],
    ],
)  # fmt: skip
def test_usage_errors_are_one_sentence_and_exit_2(args, tmp_path):
    args = [str(tmp_path) if a == "WD" else a for a in args]
    done = probe(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reprotree_probe: ")
    assert "Traceback" not in done.stderr


def test_lines_experiment_writes_valid_records_to_a_file(tmp_path):
    out = tmp_path / "out" / "lines.json"
    done = probe("experiment", "--tracker", "mlflow", "--experiment", "lines",
                 "--workdir", str(tmp_path / "wd"), "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    result = json.loads(out.read_text())
    from reprotree_probe.schema import validate_record

    assert [validate_record(r) for r in result["records"]] == [[], [], []]


def test_validate_rejects_a_file_that_is_not_a_measurement(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else", "records": []}')
    done = probe("validate", str(bad))
    assert done.returncode == 2
    assert "do not match" in done.stderr


def test_sigterm_stops_a_sample_and_its_child(tmp_path):
    """The orchestrator may stop a probe mid-sample; the measured child (in its own session)
    must not outlive it."""
    import signal
    import time

    import psutil

    script = tmp_path / "slow.py"
    script.write_text("# reprotree: measure\nimport time\ntime.sleep(60)\n# reprotree: end\n")
    code = (
        "import sys; from pathlib import Path; from reprotree_probe import cli, harness;"
        "cli.signal.signal(cli.signal.SIGTERM, cli._terminate);"
        f"harness.measure([sys.executable, '-m', 'reprotree_probe.harness', {str(script)!r}],"
        f" env=dict(__import__('os').environ), cwd=Path({str(tmp_path)!r}),"
        f" scratch=Path({str(tmp_path / 's')!r}))"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", code], cwd=MEASURE, env=dict(os.environ, PYTHONPATH=str(MEASURE))
    )
    children: list[psutil.Process] = []
    deadline = time.monotonic() + 30
    while not children and time.monotonic() < deadline:
        time.sleep(0.2)
        children = psutil.Process(parent.pid).children()
    assert children, "the sample's child did not start"
    time.sleep(1.0)
    parent.send_signal(signal.SIGTERM)
    parent.wait(timeout=30)
    _gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive


def test_environment_gives_the_documented_provenance(tmp_path):
    from reprotree_probe.schema import validate_environment

    done = probe("environment", "--tracker", "mlflow", "--workdir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert validate_environment("mlflow", result["environment"]) == []
    assert result["tracker"]["status"] in ("ok", "import-failed")
    assert any(line.lower().startswith("psutil==") for line in result["environment"]["pip_freeze"])


@pytest.mark.skipif(
    __import__("importlib").util.find_spec("tensorflow") is not None,
    reason="TensorFlow is installed here",
)
@pytest.mark.skipif(
    __import__("importlib").util.find_spec("mlflow") is None,
    reason="MLflow is not installed here (without it every group fails at its import)",
)
def test_keras_without_tensorflow_is_a_failed_record_that_says_what_to_install(tmp_path):
    from reprotree_probe.schema import validate_record

    done = probe("experiment", "--tracker", "mlflow", "--experiment", "keras",
                 "--workdir", str(tmp_path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [r["experiment"] for r in records] == ["keras"] + ["memory-from-data"] * 4
    for record in records:
        assert validate_record(record) == []
        assert record["status"] == "failed"
        assert "requirements/keras.txt" in record["error"]
