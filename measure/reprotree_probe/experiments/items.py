"""Marks for a list of items: what the default integration stored, then, for each item it did
not store, whether the tracker's workaround snippet for that item stores it.

"+"   the default integration stored it (or, in the deep dives, a snippet of kind "api": one
      call of the tracker's own logging API for that kind of thing);
"(+)" a workaround snippet stored it (in 2.1 every snippet is a workaround: the item was
      not auto-logged);
"-"   not stored either way (no snippet, or the snippet did not store it).
Every snippet runs in a run of its own, so a mark says what that one snippet achieved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..checks import Finding
from ..paths import repo_relative
from ..records import Record, failed, join_outputs, measured, now
from ..stored import StoredRun
from ..trackers.base import Snippet, Tracker
from ..workdir import Workdir
from .common import TaskOutcome, run_task

# A check reads the stored run and the child's report (its reference and time window).
Check = Callable[[StoredRun, dict[str, Any]], Finding]
ORDER = {"+": 2, "(+)": 1, "-": 0}


@dataclass
class Marking:
    marks: dict[str, str] = field(default_factory=dict)
    readback: dict[str, Any] = field(default_factory=dict)
    snippets: dict[str, str] = field(default_factory=dict)
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    error: str | None = None


def mark_once(
    tracker: Tracker,
    workdir: Workdir,
    experiment: str,
    task: str,
    checks: dict[str, Check],
    *,
    api_counts_as_plus: bool,
    verify_all_snippets: bool = False,
) -> Marking:
    """One default run, then one run per missing item that has a snippet. With
    `verify_all_snippets`, snippets of items the default run stored run too: their verification
    goes into the readback and the mark stays "+"."""
    result = Marking()
    default = run_task(tracker, workdir, experiment, task)
    result.stdout.append(default.stdout)
    result.stderr.append(default.stderr)
    if default.error or default.stored is None:
        result.error = default.error or f"reading the run back failed: {default.readback_error}"
        return result
    result.readback["stored"] = default.stored.summary()
    result.readback["autolog"] = (default.report or {}).get("autolog")
    available = tracker.snippets(experiment)
    for item, check in checks.items():
        finding = _safe_check(check, default)
        result.readback[item] = {"default": finding.to_json()}
        snippet = available.get(item)
        if finding.found:
            result.marks[item] = "+"
            if verify_all_snippets and snippet is not None:
                entry, _ = _try_snippet(tracker, workdir, experiment, task, snippet, check, result)
                result.readback[item]["snippet"] = entry
            continue
        if snippet is None:
            result.marks[item] = "-"
            result.readback[item]["snippet"] = None
            continue
        entry, stored = _try_snippet(tracker, workdir, experiment, task, snippet, check, result)
        if not stored:
            result.marks[item] = "-"
        elif snippet.kind == "api" and api_counts_as_plus:
            result.marks[item] = "+"
        else:
            result.marks[item] = "(+)"
            result.snippets[item] = entry["file"]
        result.readback[item]["snippet"] = entry
    return result


def _try_snippet(
    tracker: Tracker,
    workdir: Workdir,
    experiment: str,
    task: str,
    snippet: Snippet,
    check: Check,
    result: Marking,
) -> tuple[dict[str, Any], bool]:
    """Run the task with one snippet and check its item: (readback entry, stored or not)."""
    outcome = run_task(tracker, workdir, experiment, task, [snippet.item])
    result.stdout.append(outcome.stdout)
    result.stderr.append(outcome.stderr)
    entry: dict[str, Any] = {"file": repo_relative(snippet.path), "kind": snippet.kind}
    if outcome.error or outcome.stored is None:
        entry["error"] = outcome.error or outcome.readback_error
        entry["verified"] = False
        return entry, False
    found = _safe_check(check, outcome)
    entry["finding"] = found.to_json()
    entry["verified"] = found.found
    return entry, found.found


def _safe_check(check: Check, outcome: TaskOutcome) -> Finding:
    if outcome.stored is None or outcome.report is None:
        return Finding(False, {"error": "nothing was read back"})
    try:
        return check(outcome.stored, outcome.report)
    except Exception as error:  # a check that cannot read a file finds nothing, and says why
        return Finding(False, {"error": f"{type(error).__name__}: {error}"[:500]})


def marked_record(
    tracker: Tracker,
    workdir: Workdir,
    experiment: str,
    task: str,
    checks: dict[str, Check],
    *,
    repetitions: int,
    api_counts_as_plus: bool,
    verify_all_snippets: bool = False,
    fields: dict[str, Any] | None = None,
) -> Record:
    """Marks over `repetitions` runs: each item gets its worst mark, the readback of the first."""
    started = now()
    fields = fields or {}
    runs = [
        mark_once(
            tracker,
            workdir,
            experiment,
            task,
            checks,
            api_counts_as_plus=api_counts_as_plus,
            verify_all_snippets=verify_all_snippets,
        )
        for _ in range(repetitions)
    ]
    stdout = join_outputs(["\n".join(r.stdout) for r in runs])
    stderr = join_outputs(["\n".join(r.stderr) for r in runs])
    errors = [r.error for r in runs if r.error]
    failures = [{"repetition": i + 1, "error": r.error} for i, r in enumerate(runs) if r.error]
    good = [r for r in runs if not r.error]
    if not good:
        return failed(
            experiment, tracker.id, errors[0] if errors else "no repetition ran",
            started=started, repetitions=repetitions, stdout=stdout, stderr=stderr, **fields,
        )  # fmt: skip
    marks = {item: min((r.marks[item] for r in good), key=lambda m: ORDER[m]) for item in checks}
    snippets = {
        item: path for r in good for item, path in r.snippets.items() if marks[item] == "(+)"
    }
    record = measured(
        experiment,
        tracker.id,
        started=started,
        repetitions=repetitions,
        stdout=stdout,
        stderr=stderr,
        **fields,
        items=marks,
        readback=good[0].readback,
        snippets=snippets,
    )
    if repetitions > 1:
        record["repetition_marks"] = [r.marks for r in good]
    if failures:
        record["failures"] = failures
    return record
