"""The fields docs/measurements.md defines, checked on every file and record the probes write.

A small hand-written checker (no jsonschema dependency in every tracker's environment): each
record must have the common fields, the fields of its experiment, marks from the allowed set
for exactly the experiment's items, and numbers where numbers belong.
"""

from __future__ import annotations

from typing import Any

from . import FORMAT

MARKS = {"+", "(+)", "-"}
STATUSES = {"ok", "failed", "unsupported"}
TRACKER_STATUSES = {"ok", "install-failed", "import-failed"}
COMPONENTS = {"init", "params", "autolog"}
ITEMS: dict[str, tuple[str, ...]] = {
    "auto-logging": (
        "run-metadata", "estimator-defaults", "train-metrics", "test-metrics", "sklearn-version",
    ),
    "sklearn": (
        "system", "code", "estimator-params", "other-params", "metrics", "data", "data-path",
        "environment", "plot", "model",
    ),
    "keras": ("model-params", "metrics", "model-summary", "model"),
    "collaboration": (
        "local-storage", "cloud", "local-server", "self-hosted", "databricks", "hosted-api",
    ),
    "facts": ("licence", "self-hosting", "maintained", "python-3.12"),
}  # fmt: skip
EXPERIMENTS = set(ITEMS) | {"runtime", "memory", "lines", "log-size", "memory-from-data"}
ENVIRONMENT_FIELDS = (
    "python", "platform", "cpu", "cores", "memory_bytes", "machine", "date", "pip_freeze",
    "requirements", "install_seconds", "install_bytes",
)  # fmt: skip
OUTPUT_LIMIT = 64 * 1024 + 200  # the cut note may follow the 64 KiB


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# Per fact: its status when it is there to be scored, and the fields that status needs.
FACT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "licence": ("measured", ("spdx", "osi_classifier", "declared", "field", "server")),
    "self-hosting": ("documented", ("mark",)),
    "maintained": ("measured", ("latest", "released")),
    "python-3.12": ("measured", ("ok", "python", "failed_step")),
}


def fact_problems(items: dict[str, Any]) -> list[str]:
    """How a facts record's items differ from docs/measurements.md: each an object with a
    status, measured (or documented) with its fields, or not-measured with why."""
    problems = []
    for item, (status, fields) in FACT_FIELDS.items():
        value = items.get(item)
        if not isinstance(value, dict):
            problems.append(f"{item} must be an object with a status")
        elif value.get("status") == "not-measured":
            if not (isinstance(value.get("why"), str) and value["why"]):
                problems.append(f"{item} is not-measured without why")
        elif value.get("status") != status:
            problems.append(f"{item}'s status must be {status} or not-measured")
        else:
            missing = [f for f in fields if f not in value]
            if missing:
                problems.append(f"{item} lacks {', '.join(missing)}")
            elif item == "self-hosting" and value["mark"] not in MARKS:
                problems.append("self-hosting's mark must be +, (+) or -")
            elif item == "python-3.12" and not isinstance(value["ok"], bool):
                problems.append("python-3.12's ok must be true or false")
    return problems


def validate_record(record: Any) -> list[str]:
    """Every way `record` differs from the documented format; empty when it conforms."""
    if not isinstance(record, dict):
        return ["a record is not an object"]
    where = f"{record.get('experiment')}/{record.get('tracker')}"
    problems: list[str] = []

    def need(name: str, check: Any, what: str) -> None:
        if name not in record:
            problems.append(f"{where}: no {name}")
        elif not check(record[name]):
            problems.append(f"{where}: {name} is not {what}")

    need("experiment", lambda v: v in EXPERIMENTS, "a known experiment")
    need("tracker", lambda v: isinstance(v, str) and v != "", "a tracker id")
    need("status", lambda v: v in STATUSES, "ok, failed or unsupported")
    status = record.get("status")
    if status == "unsupported":
        need("why", lambda v: isinstance(v, str) and v != "", "a sentence")
        return problems
    need("repetitions", lambda v: isinstance(v, int) and v >= 0, "a count")
    for name in ("stdout", "stderr"):
        need(
            name, lambda v: isinstance(v, str) and len(v.encode()) <= OUTPUT_LIMIT, "≤ 64 KiB text"
        )
    for name in ("started", "finished"):
        need(name, lambda v: isinstance(v, str) and v.endswith("Z"), "a UTC timestamp")
    if status == "failed":
        need("error", lambda v: isinstance(v, str) and v != "", "a sentence")
        return problems
    experiment = record.get("experiment")
    if experiment in ITEMS:
        expected = set(ITEMS[experiment])
        items = record.get("items")
        if not isinstance(items, dict) or set(items) != expected:
            problems.append(f"{where}: items must be exactly {sorted(expected)}")
        elif experiment == "facts":
            problems.extend(f"{where}: {p}" for p in fact_problems(items))
        else:
            bad = {k: v for k, v in items.items() if v not in MARKS}
            if bad:
                problems.append(f"{where}: marks must be +, (+) or -: {bad}")
    if experiment == "auto-logging":
        need("task", lambda v: v in ("ridge-diabetes", "svc-iris"), "ridge-diabetes or svc-iris")
    if experiment in ("auto-logging", "sklearn", "keras"):
        need("readback", lambda v: isinstance(v, dict), "an object")
        need("snippets", lambda v: isinstance(v, dict), "an object")
        snippets = record.get("snippets") or {}
        items = record.get("items") or {}
        for item, path in snippets.items():
            if items.get(item) != "(+)" or not isinstance(path, str):
                problems.append(f"{where}: snippet for {item} but its mark is not (+)")
        for item, mark in items.items():
            if mark == "(+)" and item not in snippets:
                problems.append(f"{where}: {item} is (+) without a snippet path")
    if experiment in ("collaboration", "facts"):
        need("sources", lambda v: isinstance(v, dict), "an object")
        for item, source in (record.get("sources") or {}).items():
            if not (isinstance(source, dict) and source.get("url") and source.get("checked")):
                problems.append(f"{where}: source of {item} needs url and checked")
    if experiment in ("runtime", "memory"):
        need("component", lambda v: v in COMPONENTS, "init, params or autolog")
        need("machine", lambda v: isinstance(v, str) and v != "", "a machine id")
    if experiment == "runtime":
        need("unit", lambda v: v == "s", '"s"')
        need(
            "samples", lambda v: isinstance(v, list) and v and all(_number(x) for x in v), "numbers"
        )
    if experiment in ("memory", "memory-from-data"):
        need("unit", lambda v: v == "MiB", '"MiB"')
        need(
            "samples",
            lambda v: (
                isinstance(v, list)
                and v
                and all(
                    isinstance(x, dict) and _number(x.get("peak")) and _number(x.get("increment"))
                    for x in v
                )
            ),
            "[{peak, increment}]",
        )
    if experiment == "memory-from-data":
        need("size", lambda v: isinstance(v, int) and v > 0, "a number of examples")
        need("machine", lambda v: isinstance(v, str) and v != "", "a machine id")
    if experiment == "lines":
        need("component", lambda v: v in COMPONENTS, "init, params or autolog")
        need("added", lambda v: isinstance(v, int) and v >= 0, "a count")
        need("script", lambda v: isinstance(v, str), "a path")
        need("baseline", lambda v: isinstance(v, str), "a path")
    if experiment == "log-size":
        need("unit", lambda v: v == "bytes", '"bytes"')
        need("machine", lambda v: isinstance(v, str) and v != "", "a machine id")
        need(
            "samples", lambda v: isinstance(v, list) and v and all(_number(x) for x in v), "numbers"
        )
    return problems


def validate_environment(tracker: str, env: Any) -> list[str]:
    if not isinstance(env, dict):
        return [f"environments.{tracker} is not an object"]
    return [f"environments.{tracker}: no {name}" for name in ENVIRONMENT_FIELDS if name not in env]


def validate_file(document: Any) -> list[str]:
    """Every way a measurement file differs from the documented format."""
    if not isinstance(document, dict):
        return ["the file is not a JSON object"]
    problems = []
    if document.get("format") != FORMAT:
        problems.append(f"format is not {FORMAT!r}")
    for name in ("data_set", "title", "source"):
        if not isinstance(document.get(name), str):
            problems.append(f"no {name}")
    trackers = document.get("trackers")
    if not isinstance(trackers, dict) or not trackers:
        problems.append("no trackers")
        trackers = {}
    for tracker_id, entry in trackers.items():
        if not isinstance(entry, dict):
            problems.append(f"trackers.{tracker_id} is not an object")
            continue
        for name in ("name", "full_name", "url", "version", "status"):
            if name not in entry:
                problems.append(f"trackers.{tracker_id}: no {name}")
        if entry.get("status") not in TRACKER_STATUSES:
            problems.append(
                f"trackers.{tracker_id}: status is not one of {sorted(TRACKER_STATUSES)}"
            )
    if document.get("data_set") == "measured-2026":
        envs = document.get("environments")
        if not isinstance(envs, dict):
            problems.append("no environments")
        else:
            for tracker_id in trackers:
                problems += validate_environment(tracker_id, envs.get(tracker_id))
    subs = document.get("substitutions", [])
    if not isinstance(subs, list) or not all(
        isinstance(s, dict) and {"experiment", "study", "here", "why"} <= set(s) for s in subs
    ):
        problems.append("substitutions must be a list of {experiment, study, here, why}")
    records = document.get("records")
    if not isinstance(records, list):
        return [*problems, "no records"]
    for record in records:
        problems += validate_record(record)
        if isinstance(record, dict) and record.get("tracker") not in trackers:
            problems.append(f"a record names tracker {record.get('tracker')!r}, not in trackers")
    return problems
