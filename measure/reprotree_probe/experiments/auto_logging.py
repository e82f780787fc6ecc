"""Study 2.1, scope of auto-logging: the five items of Table 1 for a Ridge regression on the
diabetes data and an SVC on iris, read back from the tracker's storage."""

from __future__ import annotations

from typing import Any

from .. import checks as c
from ..plan import Plan
from ..records import Record
from ..stored import StoredRun
from ..tasks.sklearn_tasks import TASKS
from ..trackers.base import Tracker
from ..workdir import Workdir
from .items import Check, marked_record

EXPERIMENT = "auto-logging"
SKLEARN_NAMES = ("scikit-learn", "sklearn", "scikit_learn")
SUBSTITUTION = {
    "experiment": "auto-logging",
    "study": "Ridge regression on the Boston housing data",
    "here": "Ridge regression on scikit-learn's diabetes data",
    "why": "scikit-learn removed the Boston housing data in version 1.2",
}


def _window(report: dict[str, Any]) -> tuple[float, float]:
    start, end = report["window"]
    return float(start), float(end)


def _run_metadata(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.run_metadata(stored, _window(report))


def _estimator_defaults(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.parameters(stored, report["reference"]["estimator_params"])


def _train_metrics(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.metrics_of(stored, report["reference"]["metrics"], "train")


def _test_metrics(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.metrics_of(stored, report["reference"]["metrics"], "test")


def _sklearn_version(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.package_version(stored, SKLEARN_NAMES, report["reference"]["sklearn_version"])


CHECKS: dict[str, Check] = {
    "run-metadata": _run_metadata,
    "estimator-defaults": _estimator_defaults,
    "train-metrics": _train_metrics,
    "test-metrics": _test_metrics,
    "sklearn-version": _sklearn_version,
}


def run(tracker: Tracker, workdir: Workdir, plan: Plan) -> list[Record]:
    return [
        marked_record(
            tracker,
            workdir,
            EXPERIMENT,
            task,
            CHECKS,
            repetitions=plan.marks,
            api_counts_as_plus=False,
            verify_all_snippets=plan.verify_snippets,
            fields={"task": task},
        )
        for task in TASKS
    ]
