"""W&B's read-back parser against a run W&B really stored offline (tests/fixtures/wandb/): a
deep-dive run with every snippet, its .wandb log, saved files and artifact staging files."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest
from conftest import FIXTURES, load_fixture_report, missing_items

from reprotree_probe import checks
from reprotree_probe.experiments import sklearn_deep
from reprotree_probe.tasks.metrics import reference_metrics
from reprotree_probe.trackers.wandb import collect, parse_dump

ROOT = FIXTURES / "wandb" / "sklearn-deep"


@pytest.fixture
def recorded():
    report, root = load_fixture_report("sklearn-deep", "wandb")
    report["reference"]["metrics"] = reference_metrics(report["reference"]["arrays"])
    dump = json.loads((root / "dump.json").read_text())
    return parse_dump(dump, root / "run", staging=root / "staging"), report, dump


def records_of(dump, kind):
    return [r[kind] for r in dump["records"] if r["type"] == kind]


def test_run_metadata_comes_from_the_run_and_exit_records(recorded):
    stored, _report, dump = recorded
    (run,) = records_of(dump, "run")
    (exit_record,) = records_of(dump, "exit")
    started = dt.datetime.fromisoformat(run["start_time"].replace("Z", "+00:00")).timestamp()
    assert stored.run_id == run["run_id"]
    assert stored.start_time == started
    assert stored.end_time == started + exit_record["runtime"]
    assert stored.status == "finished"


def test_params_are_the_config_without_wandb_bookkeeping(recorded):
    stored, report, dump = recorded
    assert "_wandb" not in stored.params
    for name, value in report["reference"]["estimator_params"].items():
        assert stored.params[name] == value
    updates = [c["update"] for c in records_of(dump, "config")]
    assert all(key in stored.params for update in updates for key in update if key != "_wandb")


def test_metrics_are_numeric_history_and_summary_values(recorded):
    stored, _report, dump = recorded
    history = [h["item"] for h in records_of(dump, "history")]
    logged = {k for item in history for k, v in item.items() if isinstance(v, (int, float))}
    assert {k for k in logged if not k.startswith("_")} <= set(stored.metrics)
    assert not any(key.startswith("_") for key in stored.metrics)
    assert all(values for values in stored.metrics.values())


def test_artifact_files_are_read_from_the_staging_folder_under_their_names(recorded):
    stored, _report, _dump = recorded
    artifacts = [f for f in stored.files if f.where.startswith("artifact")]
    assert artifacts
    for stored_file in artifacts:
        assert stored_file.path.startswith("artifacts/")
        assert stored_file.full_path.parent.name == "staging"
        assert stored_file.size == stored_file.full_path.stat().st_size
    code = next(f for f in artifacts if f.path.endswith(".py"))
    assert "def main(" in (code.read_text() or "")


def test_the_items_the_recorded_run_holds_are_found(recorded):
    stored, report, _dump = recorded
    held = ("system", "estimator-params", "other-params", "metrics", "environment", "plot",
            "model", "data-path")  # fmt: skip
    assert missing_items(stored, report, held) == {}
    hit = checks.model(stored, report["reference"]["x_test"], report["reference"]["predictions"])
    assert hit.evidence["where"].startswith("artifact")


def test_a_run_without_its_artifacts_has_no_model(recorded):
    stored, report, _dump = recorded
    stored.files = [f for f in stored.files if not f.where.startswith("artifact")]
    assert not sklearn_deep.CHECKS["model"](stored, report).found


@pytest.mark.skipif(importlib.util.find_spec("wandb") is None, reason="W&B is not installed")
def test_wandbs_reader_gives_the_recorded_records_from_the_stored_log():
    dump = json.loads((ROOT / "dump.json").read_text())
    again = collect(ROOT / "run")
    assert again["records"] == dump["records"]
    assert again["skipped"] == dump["skipped"]
