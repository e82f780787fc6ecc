"""Aim's read-back parser against runs Aim really stored (tests/fixtures/aim/: what the query
API returned for the run, its images and artifacts)."""

from __future__ import annotations

import json

import pytest
from store_fixtures import assert_checks_read, load_report

from reprotree_probe.stored import flatten
from reprotree_probe.trackers.aim import artifact_path, parse_dump

NAMES = ["sklearn-snippets", "keras"]


@pytest.fixture(params=NAMES)
def run(request):
    report, root = load_report("aim", request.param)
    dump = json.loads((root / "dump.json").read_text())
    return parse_dump(dump, root=root), report, dump, root


def test_metadata_is_the_runs_own(run):
    stored, report, dump, _root = run
    assert stored.run_id == report["run_ref"] == dump["run"]["hash"]
    assert stored.start_time == dump["run"]["creation_time"]
    assert stored.end_time == dump["run"]["end_time"]
    assert stored.status == ("active" if dump["run"]["active"] else "finished")


def test_attributes_are_flattened_params(run):
    stored, _report, dump, _root = run
    assert stored.params == dict(flatten(dump["attrs"]))


def test_metrics_are_keyed_by_name_and_context(run):
    stored, _report, dump, _root = run
    for metric in dump["metrics"]:
        context = ",".join(f"{k}={v}" for k, v in sorted(metric["context"].items()))
        key = f"{metric['name']}/{context}" if context else metric["name"]
        assert stored.metrics[key] == metric["values"]


def test_files_are_the_images_and_artifacts_kept(run):
    stored, _report, dump, root = run
    trimmed = json.loads((root / "trimmed.json").read_text())
    kept_images = [i["file"] for i in dump["images"] if f"images/{i['file']}" not in trimmed]
    kept_artifacts = [n for n in dump["artifacts"] if f"artifacts/{n}" not in trimmed]
    paths = sorted(f.path for f in stored.files)
    assert paths == sorted(kept_images + kept_artifacts)


def test_every_check_reads_the_fixture_without_error(run):
    stored, report = run[0], run[1]
    assert_checks_read(stored, report)


def test_artifacts_must_be_on_the_local_disk():
    assert str(artifact_path("file:///tmp/a%20b/model.pkl")) == "/tmp/a b/model.pkl"
    with pytest.raises(ValueError, match="not on the local disk"):
        artifact_path("s3://bucket/model.pkl")
