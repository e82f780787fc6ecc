"""trackio's read-back against a run it really stored (tests/fixtures/trackio/): the run's
database rows, its media and its artifact blobs (one blob over 16 KiB is left out of the
fixture, see trimmed.json)."""

from __future__ import annotations

import json

from conftest import FIXTURES

from reprotree_probe.trackers.trackio import PROJECT, build_run

ROOT = FIXTURES / "trackio" / "ridge-diabetes"


def rows() -> dict:
    return json.loads((ROOT / "rows.json").read_text())


def fixture(tmp_path):
    report = json.loads((ROOT / "report.json").read_text())
    return build_run(rows(), ROOT / "store", PROJECT, report["run_ref"], tmp_path / "unpacked")


def test_the_config_row_gives_params_and_the_start_and_nothing_gives_an_end(tmp_path):
    stored = fixture(tmp_path)
    config = json.loads(rows()["configs"][0]["config"])
    assert stored.params["alpha"] == config["alpha"]
    assert stored.start_time is not None
    # trackio records neither an end time nor a status
    assert stored.end_time is None
    assert stored.status is None


def test_numbers_are_metrics_and_media_are_files(tmp_path):
    stored = fixture(tmp_path)
    logged = [json.loads(row["metrics"]) for row in rows()["metrics"]]
    numbers = {k: v for step in logged for k, v in step.items() if isinstance(v, (int, float))}
    for key, value in numbers.items():
        assert value in stored.metrics[key]
    media = [f for f in stored.files if f.where == "media"]
    assert media and all(f.path.endswith(".png") and f.full_path.is_file() for f in media)


def test_artifact_blobs_are_read_under_the_names_they_were_logged_with(tmp_path):
    stored = fixture(tmp_path)
    names = {f.path.split("/")[-1] for f in stored.files if f.where.startswith("artifact")}
    trimmed = json.loads((ROOT / "trimmed.json").read_text())
    manifests = [json.loads(a["manifest"]) for a in rows()["artifacts"]]
    logged = {entry["path"] for manifest in manifests for entry in manifest}
    kept = {
        entry["path"]
        for manifest in manifests
        for entry in manifest
        if not any(entry["digest"] in path for path in trimmed)
    }
    assert names == kept
    assert kept < logged  # the fixture left one blob out


def test_a_run_without_rows_is_not_stored(tmp_path):
    empty = {name: [] for name in rows()}
    stored = build_run(empty, ROOT / "store", PROJECT, "no-such-run", tmp_path)
    assert stored.run_id is None
    assert "no-such-run" in stored.extra["not_stored"]
