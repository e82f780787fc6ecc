"""What the experiments share: running a task's child process and reading its run back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from ..paths import MEASURE_DIR
from ..stored import StoredRun
from ..trackers.base import Tracker
from ..workdir import Workdir

TASK_TIMEOUT = 1800


def child_environment(tracker: Tracker, workdir: Workdir) -> dict[str, str]:
    env = workdir.base_environment() | tracker.environment(workdir)
    # The probe's own package first; keep what the caller added (e.g. an adapter's module).
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(MEASURE_DIR), env.get("PYTHONPATH")) if p)
    return env


CHILD = "reprotree_probe.child"


def child_command(tracker: Tracker, workdir: Workdir, args: list[str]) -> list[str]:
    """The child process's command: run directly, or as the tracker's operation where it runs
    scripts itself (see Tracker.operation)."""
    return tracker.operation(workdir, CHILD, args) or [sys.executable, "-m", CHILD, *args]


@dataclass
class TaskOutcome:
    """One child run of a task: its report, or the reason it has none."""

    report: dict[str, Any] | None
    stdout: str
    stderr: str
    error: str | None = None
    stored: StoredRun | None = None
    readback_error: str | None = None
    snippets: list[str] = field(default_factory=list)


def run_task(
    tracker: Tracker,
    workdir: Workdir,
    experiment: str,
    task: str,
    snippets: list[str] | None = None,
) -> TaskOutcome:
    """Run the task in a fresh process, then read its run back from the tracker's storage."""
    snippets = snippets or []
    tracker.prepare(workdir)  # idempotent: the store (or project repository) exists once
    tag = "-".join([experiment, task, *snippets]) or "run"
    report_path = workdir.runs / f"{tag}-{time.time_ns()}.json"
    args = [
        "task", "--tracker", tracker.id, "--experiment", experiment, "--task", task,
        "--workdir", str(workdir.root), "--report", str(report_path),
    ]  # fmt: skip
    for item in snippets:
        args += ["--snippet", item]
    command = child_command(tracker, workdir, args)
    if experiment == "sklearn":
        # The deep dive's data file is on disk before the task starts, as a user's data is (a
        # tracker that copies the project when a run starts sees it there).
        from ..tasks.sklearn_tasks import write_data

        write_data(task, workdir.project)
    try:
        done = subprocess.run(
            command,
            cwd=workdir.project,
            env=child_environment(tracker, workdir),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TASK_TIMEOUT,
        )
    except subprocess.TimeoutExpired as timeout:
        return TaskOutcome(
            None,
            _text(timeout.stdout),
            _text(timeout.stderr),
            f"the task did not finish within {TASK_TIMEOUT} s",
            snippets=snippets,
        )
    if done.returncode != 0 or not report_path.is_file():
        return TaskOutcome(
            None,
            done.stdout,
            done.stderr,
            f"the task exited with code {done.returncode}: {last_line(done.stderr)}",
            snippets=snippets,
        )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    reference = report.get("reference", {})
    if "arrays" in reference:
        from ..tasks.metrics import reference_metrics

        reference["metrics"] = reference_metrics(reference["arrays"])
    outcome = TaskOutcome(report, done.stdout, done.stderr, snippets=snippets)
    try:
        outcome.stored = tracker.read_back(workdir, report["run_ref"])
    except Exception as error:  # a store the adapter cannot read is a finding, not a crash
        outcome.readback_error = f"{type(error).__name__}: {error}"
    return outcome


def last_line(text: str) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no error output"


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", "replace")
