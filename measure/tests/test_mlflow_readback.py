"""MLflow's read-back parser against runs MLflow really stored (tests/fixtures/mlflow/)."""

from __future__ import annotations

from reprotree_probe import checks
from reprotree_probe.experiments.auto_logging import CHECKS


def test_run_metadata_comes_from_the_database_rows(mlflow_fixture):
    stored, _report, dump = mlflow_fixture
    run = dump["run"]
    assert stored.run_id == run["run_id"]
    assert stored.status == run["status"]
    assert stored.start_time == run["start_time"] / 1000
    assert stored.end_time == run["end_time"] / 1000


def test_params_and_tags_are_kept_as_stored(mlflow_fixture):
    stored, _report, dump = mlflow_fixture
    assert stored.params == dump["params"]
    for key, value in dump["tags"].items():
        assert stored.tags[key] == value


def test_metric_histories_are_in_step_order(mlflow_fixture):
    stored, _report, dump = mlflow_fixture
    for key, history in dump["metrics"].items():
        steps = sorted(history, key=lambda m: (m["step"], m["timestamp"]))
        assert stored.metrics[key] == [m["value"] for m in steps]


def test_files_include_the_logged_model_kept_outside_the_run(mlflow_fixture):
    """MLflow 3 stores an auto-logged model as a logged model linked by source_run_id; its
    files must be read back with the run's."""
    stored, _report, dump = mlflow_fixture
    wheres = {f.where for f in stored.files}
    assert "run artifacts" in wheres
    for model in dump["logged_models"]:
        assert f"logged model {model['model_id']}" in wheres
    for stored_file in stored.files:
        assert stored_file.full_path.is_file()
        assert stored_file.size == stored_file.full_path.stat().st_size


def test_logged_model_metrics_are_searchable(mlflow_fixture):
    stored, _report, dump = mlflow_fixture
    for model in dump["logged_models"]:
        for metric in model["metrics"]:
            assert metric["value"] in stored.metrics[f"{model['name']}/{metric['key']}"]


def test_every_auto_logging_check_reads_the_fixture_without_error(mlflow_fixture):
    stored, report, _dump = mlflow_fixture
    for item, check in CHECKS.items():
        finding = check(stored, report)
        assert isinstance(finding.found, bool), item
        assert "error" not in finding.evidence, (item, finding.evidence)


def test_the_stored_model_predicts_like_the_trained_one(mlflow_fixture):
    stored, report, _dump = mlflow_fixture
    ref = report["reference"]
    finding = checks.model(stored, ref["x_test"], ref["predictions"])
    assert finding.found, finding.evidence
    assert finding.evidence["where"].startswith("logged model")


def test_a_run_with_its_files_removed_has_no_model(mlflow_fixture):
    stored, report, _dump = mlflow_fixture
    stored.files = [f for f in stored.files if not f.path.endswith(".pkl")]
    ref = report["reference"]
    assert not checks.model(stored, ref["x_test"], ref["predictions"]).found
