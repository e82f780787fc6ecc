"""Comet's read-back against an offline archive it really wrote (tests/fixtures/comet/):
experiment.json and the messages of messages.json, with the uploaded files unpacked under
the names they were logged with."""

from __future__ import annotations

import json
import zipfile

from conftest import FIXTURES, load_fixture_report

from reprotree_probe.experiments.auto_logging import CHECKS
from reprotree_probe.tasks.metrics import reference_metrics
from reprotree_probe.trackers.comet import archive_status, parse_archive, read_messages

STORE = FIXTURES / "comet" / "svc-iris" / "store"


def fixture(tmp_path):
    report, _root = load_fixture_report("svc-iris", "comet")
    report["reference"]["metrics"] = reference_metrics(report["reference"]["arrays"])
    archive = STORE / f"{report['run_ref']}.zip"
    return parse_archive(archive, tmp_path / "unpacked"), report, archive


def raw(archive, name):
    with zipfile.ZipFile(archive) as zipped:
        return zipped.read(name).decode("utf-8")


def test_identity_and_times_come_from_experiment_json(tmp_path):
    stored, report, archive = fixture(tmp_path)
    meta = json.loads(raw(archive, "experiment.json"))
    assert stored.run_id == meta["offline_id"] == report["run_ref"]
    assert stored.start_time == meta["start_time"] / 1000
    assert stored.end_time == meta["stop_time"] / 1000
    assert stored.status == "ended"
    assert stored.name == "auto-logging-svc-iris"  # set_name is stored as an "other"


def test_parameters_and_metrics_are_the_messages_in_order(tmp_path):
    stored, _report, archive = fixture(tmp_path)
    messages = [json.loads(line) for line in raw(archive, "messages.json").splitlines() if line]
    params = {}
    metrics: dict[str, list] = {}
    for message in messages:
        payload = message["payload"]
        if message["type"] == "parameter_msg":
            params[payload["param"]["paramName"]] = payload["param"]["paramValue"]
        if message["type"] == "metric_msg":
            metric = payload["metric"]
            metrics.setdefault(metric["metricName"], []).append(metric["metricValue"])
    assert params and stored.params == params
    assert stored.metrics == metrics
    kinds = {kind for kind, _payload in read_messages(tmp_path / "unpacked/archive/messages.json")}
    assert {"installed_packages", "system_details"} <= set(stored.extra["messages"]) <= kinds


def test_uploads_are_unpacked_under_their_logged_names(tmp_path):
    stored, _report, archive = fixture(tmp_path)
    uploads = {f.path: f for f in stored.files if f.where.startswith("upload")}
    assert uploads, "the archive holds the script's source"
    for upload in stored.extra["uploads"]:
        name = upload["file_name"].rsplit("/", 1)[-1]
        path = f"assets/{upload['upload_type']}/{name}"
        assert uploads[path].read_bytes() == raw(archive, upload["member"]).encode("utf-8")


def test_every_auto_logging_check_reads_the_fixture_without_error(tmp_path):
    stored, report, _archive = fixture(tmp_path)
    for item, check in CHECKS.items():
        finding = check(stored, report)
        assert isinstance(finding.found, bool), item
        assert "error" not in finding.evidence, (item, finding.evidence)


def test_the_status_is_what_the_archive_says():
    assert archive_status({"stop_time": 1}) == "ended"
    failed = {"stop_time": 1, "customer_error_reported": True, "customer_error_message": "boom"}
    assert archive_status(failed) == "ended with an error: boom"
    assert archive_status({}) is None
