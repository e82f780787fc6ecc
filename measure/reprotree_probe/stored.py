"""What a tracker stored for one run, in one shape for every tracker.

A tracker adapter fills a StoredRun from the tracker's own storage (database rows, files, its
offline API); the checks in checks.py read only this. Nothing here comes from what the probe's
script meant to log.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_LIMIT = 2 * 1024 * 1024  # larger stored files are not searched for text


@dataclass(frozen=True)
class StoredFile:
    """A file the tracker keeps for the run: `path` is relative to `root`, as the tracker names
    it (e.g. "artifacts/model/model.pkl"); `where` says which part of the store holds it."""

    root: Path
    path: str
    size: int
    where: str = "run"
    # Where the bytes are when the store keeps the file under another name than `path` (e.g. a
    # content-addressed staging file); checks still read the file's kind from `path`.
    location: Path | None = None

    @property
    def full_path(self) -> Path:
        return self.location if self.location is not None else self.root / self.path

    def read_bytes(self) -> bytes:
        return self.full_path.read_bytes()

    def read_text(self) -> str | None:
        """The file as text, or None when it is binary or too large to search."""
        if self.size > TEXT_LIMIT:
            return None
        data = self.read_bytes()
        if b"\x00" in data[:4096]:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "where": self.where}


@dataclass
class StoredRun:
    """One run as read back from the tracker's storage.

    params, tags: flat key -> stored value (strings for trackers that store strings).
    metrics: key -> every stored value of that metric, in step order.
    extra: anything else the store holds for the run (datasets, logged models' metadata),
    as plain JSON-like data, searched as text.
    """

    tracker: str
    run_id: str | None = None
    name: str | None = None
    status: str | None = None
    start_time: float | None = None  # seconds since the epoch
    end_time: float | None = None
    params: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, list[float]] = field(default_factory=dict)
    tags: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    files: list[StoredFile] = field(default_factory=list)

    def values(self) -> Iterator[tuple[str, str, Any]]:
        """Every stored key/value pair as (kind, key, value): params, tags, extra (flattened)."""
        for key, value in self.params.items():
            yield "param", key, value
        for key, value in self.tags.items():
            yield "tag", key, value
        for key, value in flatten(self.extra):
            yield "extra", key, value

    def metric_values(self) -> Iterator[tuple[str, float]]:
        for key, series in self.metrics.items():
            for value in series:
                if isinstance(value, (int, float)) and math.isfinite(value):
                    yield key, float(value)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every searchable text the store holds for the run, as (where, text): one line per
        stored key/value pair, then the text files."""
        for kind, key, value in self.values():
            yield f"{kind}:{key}", f"{key}: {value}"
        for stored in self.files:
            text = stored.read_text()
            if text is not None:
                yield f"file:{stored.path}", text

    def total_file_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def summary(self) -> dict[str, Any]:
        """A compact description for a record's `readback`."""
        return {
            "run_id": self.run_id,
            "status": self.status,
            "params": len(self.params),
            "metrics": len(self.metrics),
            "tags": len(self.tags),
            "files": [f.describe() for f in self.files],
        }


def flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Nested dicts and lists as (dotted.key, leaf value) pairs."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from flatten(value, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix, data


def files_under(root: Path, where: str, base: Path | None = None) -> list[StoredFile]:
    """Every regular file below `root`, named relative to `base` (default: root)."""
    if not root.is_dir():
        return []
    base = base or root
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            found.append(
                StoredFile(
                    root=base,
                    path=path.relative_to(base).as_posix(),
                    size=path.stat().st_size,
                    where=where,
                )
            )
    return found
