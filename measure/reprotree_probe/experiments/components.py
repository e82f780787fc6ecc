"""Study 2.2: runtime and memory of the three components of a run, and their lines of code.

One sample is one fresh process running one component script (measure/scripts/<tracker>/),
timed and measured by the harness. The TypeScript orchestrator calls `sample` once per
repetition, interleaving trackers; `run` here does the same for one tracker, for development.
"""

from __future__ import annotations

import sys
from typing import Any

from ..environment import machine_id
from ..harness import Sample, measure
from ..lines import added_lines, component_lines
from ..paths import SCRIPTS_DIR, repo_relative
from ..records import Record, failed, join_outputs, measured, now
from ..trackers.base import COMPONENTS, Tracker
from ..workdir import Workdir
from .common import child_environment


def script_for(tracker: Tracker | None, component: str) -> Any:
    if component not in COMPONENTS:
        raise ValueError(f"unknown component {component!r}; components are {', '.join(COMPONENTS)}")
    return tracker.script(component) if tracker else SCRIPTS_DIR / "baseline" / f"{component}.py"


def sample(tracker: Tracker, workdir: Workdir, component: str, *, baseline: bool = False) -> Sample:
    """One repetition of one component (the baseline script with `baseline`, for reference)."""
    script = script_for(None if baseline else tracker, component)
    tracker.prepare(workdir)
    command = [sys.executable, "-m", "reprotree_probe.harness", str(script)]
    result = measure(
        command, env=child_environment(tracker, workdir), cwd=workdir.project, scratch=workdir.tmp
    )
    result.extra = {"component": component, "script": repo_relative(script)}
    return result


def records_from_samples(
    tracker_id: str, component: str, samples: list[Sample], started: str, machine: str
) -> list[Record]:
    """A runtime and a memory record from the samples of one component (shared by `run` and
    documented for the orchestrator, which builds the same records from `sample` output)."""
    good = [s for s in samples if s.status == "ok"]
    failures = [
        {"repetition": i + 1, "error": s.error} for i, s in enumerate(samples) if s.status != "ok"
    ]
    common: dict[str, Any] = {
        "started": started,
        "repetitions": len(samples),
        "stdout": join_outputs([s.stdout for s in samples]),
        "stderr": join_outputs([s.stderr for s in samples]),
        "component": component,
        "machine": machine,
    }
    if failures:
        common["failures"] = failures
    if not good:
        error = failures[0]["error"] if failures else "no repetition ran"
        return [
            failed("runtime", tracker_id, str(error), unit="s", **common),
            failed("memory", tracker_id, str(error), unit="MiB", **common),
        ]
    return [
        measured("runtime", tracker_id, unit="s", samples=[s.wall_s for s in good], **common),
        measured(
            "memory",
            tracker_id,
            unit="MiB",
            samples=[{"peak": s.peak_mib, "increment": s.increment_mib} for s in good],
            **common,
        ),
    ]


def run(tracker: Tracker, workdir: Workdir, repetitions: int, progress: Any = None) -> list[Record]:
    machine = machine_id()
    started = {c: now() for c in COMPONENTS}
    samples: dict[str, list[Sample]] = {c: [] for c in COMPONENTS}
    for rep in range(repetitions):
        for component in COMPONENTS:
            if progress:
                progress(f"{component} {rep + 1}/{repetitions}")
            samples[component].append(sample(tracker, workdir, component))
    records: list[Record] = []
    for component in COMPONENTS:
        records += records_from_samples(
            tracker.id, component, samples[component], started[component], machine
        )
    return records


def lines(tracker: Tracker) -> list[Record]:
    """Lines each component script adds to its baseline (no tracker is imported)."""
    records = []
    baseline_init = SCRIPTS_DIR / "baseline" / "init.py"
    init_added = added_lines(
        baseline_init.read_text(encoding="utf-8"),
        tracker.script("init").read_text(encoding="utf-8"),
    )
    for component in COMPONENTS:
        started = now()
        script = tracker.script(component)
        baseline = SCRIPTS_DIR / "baseline" / f"{component}.py"
        if not script.is_file():
            records.append(
                failed(
                    "lines",
                    tracker.id,
                    f"{repo_relative(script)} does not exist",
                    started=started,
                    component=component,
                )
            )
            continue
        counted, shared = component_lines(
            baseline, script, None if component == "init" else init_added
        )
        records.append(
            measured(
                "lines",
                tracker.id,
                started=started,
                repetitions=1,
                component=component,
                added=len(counted),
                script=repo_relative(script),
                baseline=repo_relative(baseline),
                counted=counted,
                not_counted=shared,
            )
        )
    return records
