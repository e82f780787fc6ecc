"""Study 2.3, the scikit-learn deep dive: the ten items of Table 5 for a Ridge regression read
from a CSV file, and the size on disk of everything the tracker stored for such a run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import checks as c
from ..environment import folder_bytes, machine_id
from ..plan import Plan
from ..records import Record, failed, join_outputs, measured, now
from ..stored import StoredRun
from ..trackers.base import Tracker
from ..workdir import HASH_SEED, Workdir
from .common import run_task
from .items import Check, marked_record

EXPERIMENT = "sklearn"
TASK = "ridge-diabetes"
# The environment variables a reproducible run depends on and that the probe sets for every
# task (see workdir.py): the item asks for their values to be stored.
VARIABLES = {"PYTHONHASHSEED": HASH_SEED}


def _ref(report: dict[str, Any]) -> dict[str, Any]:
    return report["reference"]


def _system(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.system(stored, _ref(report)["system"])


def _code(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.code(stored, _ref(report)["script_path"])


def _estimator_params(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.parameters(stored, _ref(report)["estimator_params"])


def _other_params(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.parameters(stored, _ref(report)["other_params"])


def _metrics(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    train = c.metrics_of(stored, _ref(report)["metrics"], "train")
    test = c.metrics_of(stored, _ref(report)["metrics"], "test")
    return c.Finding(train.found and test.found, {"train": train.evidence, "test": test.evidence})


def _project(report: dict[str, Any]) -> Path:
    return Path(report["workdir"]) / "project"


def _data(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    ref = _ref(report)
    return c.data(stored, ref["data"], _project(report) / ref["data_path"])


def _data_path(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.data_path(stored, _ref(report)["data_path"], _project(report))


def _environment(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.environment(stored, _ref(report)["packages"], VARIABLES)


def _plot(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.plot(stored, _ref(report).get("figure"))


def _model(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.model(stored, _ref(report)["x_test"], _ref(report)["predictions"])


CHECKS: dict[str, Check] = {
    "system": _system,
    "code": _code,
    "estimator-params": _estimator_params,
    "other-params": _other_params,
    "metrics": _metrics,
    "data": _data,
    "data-path": _data_path,
    "environment": _environment,
    "plot": _plot,
    "model": _model,
}


def log_size(tracker: Tracker, workdir: Workdir, repetitions: int) -> Record:
    """Each sample: a fresh store, one deep-dive run with every snippet, and the growth of the
    store on disk (database and files) over the empty store."""
    started = now()
    snippets = list(tracker.snippets(EXPERIMENT))
    samples: list[int] = []
    details: list[dict[str, Any]] = []
    outputs: list[tuple[str, str]] = []
    failures: list[dict[str, Any]] = []
    for rep in range(repetitions):
        sub = workdir.sub(f"log-size-{rep + 1}")
        tracker.prepare(sub)
        before = sum(folder_bytes(p) for p in tracker.store_paths(sub))
        outcome = run_task(tracker, sub, EXPERIMENT, TASK, snippets)
        outputs.append((outcome.stdout, outcome.stderr))
        if outcome.error or outcome.stored is None:
            error = outcome.error or f"reading the run back failed: {outcome.readback_error}"
            failures.append({"repetition": rep + 1, "error": error})
            continue
        after = sum(folder_bytes(p) for p in tracker.store_paths(sub))
        samples.append(after - before)
        details.append(
            {
                "store_before": before,
                "store_after": after,
                "run_files": outcome.stored.total_file_bytes(),
                "files": [f.describe() for f in outcome.stored.files],
            }
        )
    fields: dict[str, Any] = {
        "started": started,
        "repetitions": repetitions,
        "stdout": join_outputs([o for o, _ in outputs]),
        "stderr": join_outputs([e for _, e in outputs]),
        "machine": machine_id(),
        "unit": "bytes",
        "snippets_used": snippets,
    }
    if failures:
        fields["failures"] = failures
    if not samples:
        error = failures[0]["error"] if failures else "no repetition ran"
        return failed("log-size", tracker.id, error, **fields)
    return measured("log-size", tracker.id, samples=samples, readback=details[0], **fields)


def run(tracker: Tracker, workdir: Workdir, plan: Plan) -> list[Record]:
    marks = marked_record(
        tracker,
        workdir,
        EXPERIMENT,
        TASK,
        CHECKS,
        repetitions=plan.marks,
        api_counts_as_plus=True,
        verify_all_snippets=plan.verify_snippets,
    )
    return [marks, log_size(tracker, workdir, plan.sizes)]
