"""Shared helpers: the measure/ folder on sys.path, a quiet environment, and the recorded MLflow
fixtures."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

MEASURE = Path(__file__).resolve().parent.parent
if str(MEASURE) not in sys.path:
    sys.path.insert(0, str(MEASURE))

# The tests' own process imports matplotlib (and may import a tracker): keep their caches out
# of the user's home and every tracker's telemetry off, as the probes do for their children.
_SCRATCH = tempfile.mkdtemp(prefix="reprotree-probe-tests-")
os.environ["MPLCONFIGDIR"] = _SCRATCH
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["DO_NOT_TRACK"] = "1"
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_fixture_report(name: str, tracker: str = "mlflow") -> tuple[dict, Path]:
    """A recorded child report with its reference paths made absolute."""
    root = FIXTURES / tracker / name
    report = json.loads((root / "report.json").read_text())
    reference = report["reference"]
    for table in (reference.get("arrays", {}), reference):
        for key, value in list(table.items()):
            if isinstance(value, str) and value.startswith("reference/"):
                table[key] = str(root / value)
    return report, root


@pytest.fixture(params=["ridge-diabetes", "svc-iris"])
def mlflow_fixture(request):
    from reprotree_probe.tasks.metrics import reference_metrics
    from reprotree_probe.trackers.mlflow import parse_dump

    report, root = load_fixture_report(request.param)
    report["reference"]["metrics"] = reference_metrics(report["reference"]["arrays"])
    dump = json.loads((root / "dump.json").read_text())
    return parse_dump(dump, root=root), report, dump


def missing_items(stored, report, items) -> dict:
    """The deep-dive items a stored run does not hold, with the checks' evidence."""
    from reprotree_probe.experiments import sklearn_deep

    findings = {item: sklearn_deep.CHECKS[item](stored, report) for item in items}
    return {item: f.evidence for item, f in findings.items() if not f.found}
