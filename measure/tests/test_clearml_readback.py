"""ClearML's read-back parser against offline sessions ClearML really wrote
(tests/fixtures/clearml/)."""

from __future__ import annotations

import json

import pytest
from store_fixtures import load_report

from reprotree_probe import checks
from reprotree_probe.experiments.auto_logging import CHECKS
from reprotree_probe.trackers.clearml import parse_session, read_events, session_folder

NAMES = ["ridge-diabetes", "sklearn-snippets"]


@pytest.fixture(params=NAMES)
def session(request):
    report, root = load_report("clearml", request.param)
    folder = root / "session"
    return parse_session(folder), report, json.loads((folder / "task.json").read_text()), folder


def test_the_run_is_the_task_and_has_no_times_or_status(session):
    stored, report, task, _folder = session
    assert stored.run_id == task["id"] == report["run_ref"]
    assert stored.name == task["name"]
    # An offline session records neither; the probe must not invent them.
    assert stored.status is None and stored.start_time is None and stored.end_time is None


def test_hyperparameters_are_read_by_section(session):
    stored, _report, task, _folder = session
    expected = {
        f"{section}/{key}": entry["value"]
        for section, entries in task.get("hyperparams", {}).items()
        for key, entry in entries.items()
    }
    assert stored.params == expected


def test_scalars_come_from_the_event_log_in_iteration_order(session):
    stored, _report, _task, folder = session
    events = [
        e for e in read_events(folder / "metrics.jsonl") if e["type"] == "training_stats_scalar"
    ]
    for event in events:
        assert event["value"] in stored.metrics[f"{event['metric']}/{event['variant']}"]
    assert sum(len(v) for v in stored.metrics.values()) == len(events)


def test_the_script_and_its_requirements_are_searchable(session):
    stored, report, task, _folder = session
    texts = dict(stored.texts())
    assert texts["extra:script.requirements.pip"].endswith(task["script"]["requirements"]["pip"])
    version = report["reference"]["sklearn_version"]
    assert checks.package_version(stored, ("scikit-learn",), version).found


def test_every_auto_logging_check_reads_the_fixture_without_error(session):
    stored, report, _task, _folder = session
    for item, check in CHECKS.items():
        finding = check(stored, report)
        assert isinstance(finding.found, bool), item
        assert "error" not in finding.evidence, (item, finding.evidence)


def test_files_are_the_session_folder(session):
    stored, _report, _task, folder = session
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert sorted(f.path for f in stored.files) == on_disk
    assert all(f.full_path.is_file() for f in stored.files)


def test_a_missing_session_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        session_folder(tmp_path, "offline-0")
