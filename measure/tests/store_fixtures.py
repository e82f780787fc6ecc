"""Loading a recorded stored-run fixture of ClearML, DVCLive or Aim (recorded by
tests/record_clearml_dvclive_aim_fixture.py) for their read-back tests."""

from __future__ import annotations

import json
from pathlib import Path

from reprotree_probe.experiments import keras_deep, sklearn_deep
from reprotree_probe.stored import StoredRun
from reprotree_probe.tasks.metrics import reference_metrics

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_report(tracker_id: str, name: str) -> tuple[dict, Path]:
    """The child report of a fixture, its reference paths made absolute and its metrics
    computed as the probe computes them."""
    root = FIXTURES / tracker_id / name
    report = json.loads((root / "report.json").read_text())
    reference = report["reference"]
    for table in (reference.get("arrays", {}), reference, *(reference.get("data") or {}).values()):
        for key, value in list(table.items()):
            if isinstance(value, str) and value.startswith("reference/"):
                table[key] = str(root / value)
    if "arrays" in reference:
        reference["metrics"] = reference_metrics(reference["arrays"])
    return report, root


def assert_checks_read(stored: StoredRun, report: dict) -> None:
    """Every check of the fixture's experiment reads the stored run without failing (loading a
    Keras model is left out: it needs Keras, which CI does not install)."""
    keras = "layers" in report["reference"]
    for item, check in (keras_deep.CHECKS if keras else sklearn_deep.CHECKS).items():
        if keras and item == "model":
            continue
        finding = check(stored, report)
        assert isinstance(finding.found, bool), item
