"""Study 2.4, the Keras deep dive: the four items of Table 8 for the CNN of Table 7, and peak
memory against the size of the training data."""

from __future__ import annotations

import sys
from typing import Any

from .. import checks as c
from ..environment import machine_id
from ..harness import Sample, measure
from ..plan import Plan
from ..records import Record, failed, join_outputs, measured, now
from ..stored import StoredRun
from ..tasks.keras_task import MEMORY_SUBSTITUTION, SUBSTITUTION
from ..trackers.base import Tracker
from ..workdir import Workdir
from .common import CHILD, child_environment
from .items import Check, marked_record

EXPERIMENT = "keras"
SIZES = (10000, 20000, 30000, 60000)


def _ref(report: dict[str, Any]) -> dict[str, Any]:
    return report["reference"]


def _model_params(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.model_params(stored, _ref(report)["fit_params"], _ref(report)["optimizer"])


def _metrics(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.keras_metrics(stored, _ref(report)["metrics"])


def _summary(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.model_summary(stored, _ref(report)["layers"])


def _model(stored: StoredRun, report: dict[str, Any]) -> c.Finding:
    return c.keras_model(stored, _ref(report)["x_sample"], _ref(report)["predictions"])


CHECKS: dict[str, Check] = {
    "model-params": _model_params,
    "metrics": _metrics,
    "model-summary": _summary,
    "model": _model,
}


def keras_available() -> str | None:
    try:
        import keras  # noqa: F401
        import tensorflow  # noqa: F401
    except Exception as error:  # anything a missing or broken install raises
        return (
            f"Keras with TensorFlow is not usable in this environment ({type(error).__name__}: "
            f"{error}); install measure/requirements/keras.txt on top of the tracker's file"
        )
    return None


def memory_sample(tracker: Tracker, workdir: Workdir, size: int) -> Sample:
    tracker.prepare(workdir)
    args = ["keras-memory", "--tracker", tracker.id, "--size", str(size),
            "--workdir", str(workdir.root)]  # fmt: skip
    command = [sys.executable, "-m", CHILD, *args]
    operation = tracker.operation(workdir, CHILD, args)
    if operation:
        # The tracker runs the training as its own operation: the measured part is that whole
        # operation (its process tree: the tracker's launcher and the training process).
        command = [sys.executable, "-m", CHILD, "operation", "--", *operation]
    return measure(
        command,
        env=child_environment(tracker, workdir),
        cwd=workdir.project,
        scratch=workdir.tmp,
        timeout=3600,
    )


def memory_from_data(
    tracker: Tracker,
    workdir: Workdir,
    repetitions: int,
    progress: Any = None,
    sizes: tuple[int, ...] = SIZES,
) -> list[Record]:
    machine = machine_id()
    started = {size: now() for size in sizes}
    samples: dict[int, list[Sample]] = {size: [] for size in sizes}
    for rep in range(repetitions):
        for size in sizes:  # interleaved, so that a slow spell of the machine hits every size
            if progress:
                progress(f"memory-from-data {size} {rep + 1}/{repetitions}")
            samples[size].append(memory_sample(tracker, workdir, size))
    records = []
    for size in sizes:
        done = samples[size]
        good = [s for s in done if s.status == "ok"]
        fields: dict[str, Any] = {
            "started": started[size],
            "repetitions": len(done),
            "stdout": join_outputs([s.stdout for s in done]),
            "stderr": join_outputs([s.stderr for s in done]),
            "machine": machine,
            "size": size,
            "unit": "MiB",
        }
        failures = [{"repetition": i + 1, "error": s.error} for i, s in enumerate(done) if s.error]
        if failures:
            fields["failures"] = failures
        if not good:
            error = str(failures[0]["error"]) if failures else "no repetition ran"
            records.append(failed("memory-from-data", tracker.id, error, **fields))
            continue
        records.append(
            measured(
                "memory-from-data",
                tracker.id,
                samples=[{"peak": s.peak_mib, "increment": s.increment_mib} for s in good],
                wall_seconds=[s.wall_s for s in good],
                **fields,
            )
        )
    return records


def run(
    tracker: Tracker, workdir: Workdir, plan: Plan, progress: Any = None
) -> tuple[list[Record], list[dict[str, str]]]:
    sizes = plan.data_sizes or SIZES
    missing = keras_available()
    if missing:
        started = now()
        records = [failed(EXPERIMENT, tracker.id, missing, started=started)]
        records += [
            failed("memory-from-data", tracker.id, missing, started=started, size=size)
            for size in sizes
        ]
        return records, []
    if progress:
        progress("keras deep dive")
    marks = marked_record(
        tracker,
        workdir,
        EXPERIMENT,
        "cnn-digits",
        CHECKS,
        repetitions=plan.marks,
        api_counts_as_plus=True,
        verify_all_snippets=plan.verify_snippets,
    )
    records = [marks, *memory_from_data(tracker, workdir, plan.sizes, progress, sizes)]
    return records, [SUBSTITUTION, MEMORY_SUBSTITUTION]
