"""Sacred's read-back against a run its FileStorageObserver really wrote
(tests/fixtures/sacred/): the run's folder, and the sources it names by digest."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, load_fixture_report

from reprotree_probe.experiments.auto_logging import CHECKS
from reprotree_probe.tasks.metrics import reference_metrics
from reprotree_probe.trackers.sacred import _in_store, read_run

STORE = FIXTURES / "sacred" / "svc-iris" / "store"


def fixture():
    report, _root = load_fixture_report("svc-iris", "sacred")
    report["reference"]["metrics"] = reference_metrics(report["reference"]["arrays"])
    return read_run(STORE, report["run_ref"]), report


def test_status_and_times_come_from_run_json():
    stored, report = fixture()
    run = json.loads((STORE / report["run_ref"] / "run.json").read_text())
    assert stored.run_id == report["run_ref"]
    assert stored.status == run["status"]
    # Sacred writes naive UTC times; the run happened inside the child's window
    start, end = report["window"]
    assert start - 1 <= stored.start_time <= stored.end_time <= end + 1


def test_config_is_flattened_into_params():
    stored, report = fixture()
    config = json.loads((STORE / report["run_ref"] / "config.json").read_text())
    assert stored.params == config  # this run's configuration is flat already (its seed)


def test_files_are_the_run_folder_and_the_sources_it_names():
    stored, report = fixture()
    wheres = {f.path: f.where for f in stored.files}
    assert wheres[f"{report['run_ref']}/run.json"] == "run folder"
    run = json.loads((STORE / report["run_ref"] / "run.json").read_text())
    for _name, kept in run["experiment"]["sources"]:
        assert wheres[kept] == "source"
    for stored_file in stored.files:
        assert stored_file.full_path.is_file()
        assert stored_file.size == stored_file.full_path.stat().st_size
    # the task's script (the child) is among the sources, whole
    sources = [f for f in stored.files if f.where == "source"]
    assert any("def sklearn_task(" in (f.read_text() or "") for f in sources)


def test_experiment_and_host_are_searchable():
    stored, _report = fixture()
    keys = {key for _kind, key, _value in stored.values()}
    assert "host.os.1" in keys
    assert any(key.startswith("experiment.dependencies") for key in keys)


def test_every_auto_logging_check_reads_the_fixture_without_error():
    stored, report = fixture()
    for item, check in CHECKS.items():
        finding = check(stored, report)
        assert isinstance(finding.found, bool), item
        assert "error" not in finding.evidence, (item, finding.evidence)


def test_resources_named_by_absolute_path_are_found_in_the_store():
    assert _in_store(Path("/elsewhere/store/_resources/data_123.csv")) == "_resources/data_123.csv"
    assert _in_store(Path("_sources/child_abc.py")) == "_sources/child_abc.py"
