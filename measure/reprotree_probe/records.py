"""Records as docs/measurements.md defines them, and the measurement file that holds them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import FORMAT

OUTPUT_LIMIT = 64 * 1024
CUT_NOTE = "\n[cut: the output went on for {} more bytes]"

Record = dict[str, Any]


def now() -> str:
    """A UTC timestamp as records write it."""
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def cut(text: str | bytes | None, limit: int = OUTPUT_LIMIT) -> str:
    """A process's output for a record: at most `limit` bytes of UTF-8, saying how much was cut."""
    if text is None:
        return ""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    if len(data) <= limit:
        return data.decode("utf-8", "replace")
    # The note counts towards the limit, which the TypeScript reader enforces on the whole field.
    room = limit - len(CUT_NOTE.format(len(data)).encode("utf-8"))
    head = data[:room].decode("utf-8", "ignore")
    return head + CUT_NOTE.format(len(data) - len(head.encode("utf-8")))


def join_outputs(parts: list[str]) -> str:
    """The outputs of several repetitions in one field, each introduced by its number."""
    chunks = [f"--- repetition {i + 1} ---\n{part}" for i, part in enumerate(parts) if part]
    return cut("\n".join(chunks))


def measured(
    experiment: str,
    tracker: str,
    *,
    started: str,
    repetitions: int,
    stdout: str = "",
    stderr: str = "",
    **fields: Any,
) -> Record:
    """A record of something the probe ran: status ok unless `fields` says otherwise."""
    record: Record = {
        "experiment": experiment,
        "tracker": tracker,
        "status": "ok",
        "repetitions": repetitions,
        "started": started,
        "finished": now(),
        "stdout": cut(stdout),
        "stderr": cut(stderr),
    }
    record.update(fields)
    return record


def failed(
    experiment: str,
    tracker: str,
    error: str,
    *,
    started: str,
    repetitions: int = 0,
    stdout: str = "",
    stderr: str = "",
    **fields: Any,
) -> Record:
    """A record of a measurement that did not finish; `error` is one readable sentence or more."""
    return measured(
        experiment,
        tracker,
        started=started,
        repetitions=repetitions,
        stdout=stdout,
        stderr=stderr,
        **fields,
    ) | {"status": "failed", "error": error}


def unsupported(experiment: str, tracker: str, why: str, **fields: Any) -> Record:
    """A record of a measurement that cannot exist for this tracker (not a failure)."""
    return {
        "experiment": experiment,
        "tracker": tracker,
        "status": "unsupported",
        "why": why,
    } | fields


def measurement_file(
    *,
    tracker_entry: Mapping[str, Any],
    tracker_id: str,
    environment: Mapping[str, Any] | None,
    records: list[Record],
    substitutions: list[dict[str, str]],
    title: str = "Measured with reprotree's probes",
) -> dict[str, Any]:
    """A per-tracker measurement file (the shape docs/measurements.md calls `<tracker>.json`)."""
    return {
        "format": FORMAT,
        "data_set": "measured-2026",
        "title": title,
        "source": "reprotree's Python probes (measure/), run on the machine named in environments",
        "trackers": {tracker_id: dict(tracker_entry)},
        "environments": {tracker_id: dict(environment)} if environment else {},
        "substitutions": dedupe(substitutions),
        "records": records,
    }


def dedupe(items: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: list[dict[str, str]] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
