"""Records and files the probes write conform to docs/measurements.md."""

from __future__ import annotations

import json

import pytest

from reprotree_probe import records, schema
from reprotree_probe.experiments import collaboration, components
from reprotree_probe.experiments import facts as facts_module
from reprotree_probe.harness import Sample
from reprotree_probe.trackers import get, ids


def test_cut_keeps_at_most_64_kib_and_says_how_much_went():
    text = "é" * 40000  # 80 000 bytes
    out = records.cut(text)
    # The note included: the TypeScript reader checks the whole field against the limit.
    assert len(out.encode()) <= records.OUTPUT_LIMIT
    assert "more bytes" in out
    assert records.cut("short") == "short"
    assert records.cut(None) == ""


def sample(wall: float | None, status: str = "ok") -> Sample:
    return Sample(
        status=status,
        wall_s=wall,
        peak_mib=200.0 if wall else None,
        increment_mib=5.0 if wall else None,
        error=None if status == "ok" else "it broke",
        stdout="out",
        stderr="err",
    )


def test_samples_make_valid_runtime_and_memory_records():
    made = components.records_from_samples(
        "mlflow", "init", [sample(0.5), sample(None, "failed"), sample(0.7)], records.now(), "m1"
    )
    assert [r["experiment"] for r in made] == ["runtime", "memory"]
    for record in made:
        assert schema.validate_record(record) == []
        assert record["repetitions"] == 3
        assert record["failures"] == [{"repetition": 2, "error": "it broke"}]
    assert made[0]["samples"] == [0.5, 0.7]
    assert made[1]["samples"] == [{"peak": 200.0, "increment": 5.0}] * 2


def test_only_failed_samples_make_failed_records():
    made = components.records_from_samples(
        "mlflow", "params", [sample(None, "failed")], records.now(), "m1"
    )
    assert all(r["status"] == "failed" and r["error"] == "it broke" for r in made)
    assert all(schema.validate_record(r) == [] for r in made)


@pytest.mark.parametrize("tracker_id", ids())
def test_lines_records_are_valid(tracker_id):
    made = components.lines(get(tracker_id))
    assert [r["component"] for r in made] == ["init", "params", "autolog"]
    for record in made:
        assert schema.validate_record(record) == []
        assert record["added"] == len(record["counted"])


@pytest.mark.parametrize("tracker_id", ids())
def test_every_tracker_documents_every_collaboration_item_with_a_source(tracker_id):
    facts = collaboration.load_facts(get(tracker_id))
    for item in collaboration.ITEMS:
        entry = facts["collaboration"][item]
        assert entry["mark"] in schema.MARKS
        assert entry["url"].startswith("https://")
        assert len(entry["checked"]) == 10
    for item in facts_module.DOCUMENTED:
        assert facts["facts"][item]["url"].startswith("https://")
        assert len(facts["facts"][item]["checked"]) == 10
    assert facts["facts"]["self-hosting"]["mark"] in schema.MARKS
    assert facts["facts"]["licence"]["server"]


def good_record() -> dict:
    return records.measured(
        "auto-logging", "mlflow", started=records.now(), repetitions=1, task="svc-iris",
        items={item: "+" for item in schema.ITEMS["auto-logging"]}, readback={}, snippets={},
    )  # fmt: skip


def test_the_checker_accepts_a_good_record_and_names_each_fault():
    assert schema.validate_record(good_record()) == []
    bad = good_record()
    bad["items"]["test-metrics"] = "yes"
    assert any("marks must be" in p for p in schema.validate_record(bad))
    bad = good_record()
    del bad["items"]["sklearn-version"]
    assert any("items must be exactly" in p for p in schema.validate_record(bad))
    bad = good_record()
    bad["items"]["train-metrics"] = "(+)"
    assert any("without a snippet" in p for p in schema.validate_record(bad))
    bad = good_record()
    del bad["stdout"]
    assert any("no stdout" in p for p in schema.validate_record(bad))
    failed = records.failed("runtime", "mlflow", "import failed", started=records.now())
    assert schema.validate_record(failed) == []
    assert schema.validate_record(records.unsupported("keras", "x", "no Keras support")) == []


def test_a_measurement_file_needs_its_environment():
    document = records.measurement_file(
        tracker_entry={
            "name": "MLflow",
            "full_name": "MLflow",
            "url": "u",
            "version": "3",
            "status": "ok",
        },
        tracker_id="mlflow",
        environment=None,
        records=[good_record()],
        substitutions=[],
    )
    problems = schema.validate_file(document)
    assert problems == ["environments.mlflow is not an object"]
    json.dumps(document)  # plain JSON all through


def test_the_summary_shows_marks_medians_and_failures():
    from reprotree_probe.summary import summarise

    runtime, _memory = components.records_from_samples(
        "mlflow", "init", [sample(0.5), sample(None, "failed"), sample(0.7)], records.now(), "m1"
    )
    document = {
        "trackers": {"mlflow": {"name": "MLflow", "version": "3", "status": "ok"}},
        "records": [good_record(), runtime],
    }
    text = summarise(document)
    assert "auto-logging svc-iris: run-metadata +" in text
    assert "runtime init: median 0.6 (IQR" in text
    assert "failed repetitions: 1" in text


def test_the_experiments_mark_exactly_the_documented_items():
    from reprotree_probe.experiments import auto_logging, keras_deep, sklearn_deep

    assert tuple(auto_logging.CHECKS) == schema.ITEMS["auto-logging"]
    assert tuple(sklearn_deep.CHECKS) == schema.ITEMS["sklearn"]
    assert tuple(keras_deep.CHECKS) == schema.ITEMS["keras"]
    assert schema.ITEMS["collaboration"] == collaboration.ITEMS
    assert schema.ITEMS["facts"] == collaboration.FACT_ITEMS == facts_module.FACT_ITEMS
    assert tuple(schema.FACT_FIELDS) == facts_module.FACT_ITEMS


def test_the_committed_example_file_is_valid():
    """tests/fixtures/mlflow-example.json, a trimmed real run, is what the scorer's authors
    read: it must stay in the documented format."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "mlflow-example.json"
    assert schema.validate_file(json.loads(path.read_text())) == []
