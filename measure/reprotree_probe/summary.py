"""A plain-text digest of measurement files, for people checking a run (not for scoring,
which is the TypeScript side's): marks, medians with their spread, sizes, failures."""

from __future__ import annotations

import statistics
from typing import Any


def _median(values: list[float]) -> str:
    if not values:
        return "-"
    middle = statistics.median(values)
    if len(values) < 2:
        return f"{middle:.4g}"
    quartiles = statistics.quantiles(values, n=4)
    return f"{middle:.4g} (IQR {quartiles[0]:.4g} to {quartiles[2]:.4g}, n={len(values)})"


def _line(record: dict[str, Any]) -> str:
    experiment = record["experiment"]
    label = " ".join(str(record[k]) for k in ("task", "component", "size") if k in record).strip()
    head = f"{experiment}{' ' + label if label else ''}"
    if record["status"] != "ok":
        return f"{head}: {record['status'].upper()}: {record.get('error') or record.get('why')}"
    if "items" in record:
        marks = ", ".join(f"{item} {mark}" for item, mark in record["items"].items())
        return f"{head}: {marks}"
    if experiment == "runtime":
        return f"{head}: median {_median(record['samples'])} s"
    if experiment in ("memory", "memory-from-data"):
        peaks = [s["peak"] for s in record["samples"]]
        increments = [s["increment"] for s in record["samples"]]
        return f"{head}: peak {_median(peaks)} MiB; increment {_median(increments)} MiB"
    if experiment == "lines":
        return f"{head}: {record['added']} added ({'; '.join(record.get('counted', []))})"
    if experiment == "log-size":
        return f"{head}: median {_median([float(x) for x in record['samples']])} bytes"
    return head


def summarise(document: dict[str, Any]) -> str:
    out = []
    for tracker_id, entry in document.get("trackers", {}).items():
        out.append(
            f"{entry.get('name', tracker_id)} {entry.get('version')} ({entry.get('status')})"
        )
        env = document.get("environments", {}).get(tracker_id)
        if env:
            size = env.get("install_bytes") or 0
            out.append(
                f"  Python {env.get('python')} on {env.get('platform')}, {env.get('cores')} cores; "
                f"install {env.get('install_seconds')} s, {size / 2**20:.0f} MiB"
            )
    for record in document.get("records", []):
        out.append("  " + _line(record))
        if record.get("failures"):
            out.append(f"    failed repetitions: {len(record['failures'])}")
    for sub in document.get("substitutions", []):
        out.append(f"  substitution ({sub['experiment']}): {sub['here']} — {sub['why']}")
    return "\n".join(out) + "\n"
