"""Record what Comet, trackio or Sacred stored for one probe run as a small test fixture.

    PYTHONPATH=.:tests python tests/record_store_fixture.py TRACKER WORKDIR REPORT OUT

WORKDIR is the probe's --workdir, REPORT a child report in WORKDIR/runs/. OUT receives the
tracker's own files for that run under store/, as the tracker laid them out (Comet: the
offline archive; Sacred: the run's folder and the sources and resources it names; trackio:
the database rows of the run as rows.json, since the database holds every run, and the run's
media and artifact blobs), and report.json with the reference arrays copied beside it. Files
over 16 KiB other than Comet's archive are left out and listed in trimmed.json. Needs no
tracker installed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

from record_fixture import write_report

from reprotree_probe.trackers import sacred, trackio

LIMIT = 16 * 1024
TRIMMED: list[str] = []


def copy(source: Path, store: Path, out: Path, limit: int | None = LIMIT) -> None:
    relative = source.relative_to(store)
    if limit is not None and source.stat().st_size > limit:
        TRIMMED.append(relative.as_posix())
        return
    target = out / "store" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def record(tracker: str, store: Path, ref: str, out: Path) -> None:
    if tracker == "comet":
        copy(store / f"{ref}.zip", store, out, limit=None)
    elif tracker == "sacred":
        for path in sorted((store / ref).rglob("*")):
            if path.is_file():
                copy(path, store, out)
        run = json.loads((store / ref / "run.json").read_text())
        named = [kept for _, kept in run["experiment"]["sources"] + run.get("resources", [])]
        for kept in named:
            copy(store / sacred._in_store(Path(kept)), store, out)
    elif tracker == "trackio":
        database = store / f"{trackio.PROJECT}.db"
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            connection.row_factory = sqlite3.Row
            rows = trackio._rows(connection, ref)
        text = json.dumps(rows, indent=1, default=lambda b: b.decode("utf-8"))
        (out / "rows.json").write_text(text + "\n")
        stored = trackio.build_run(rows, store, trackio.PROJECT, ref, out / "unused")
        for item in stored.extra["media"]:
            copy(store / "media" / item["file_path"], store, out)
        blobs = store / "artifacts" / trackio.PROJECT / "blobs" / "sha256"
        for artifact in rows["artifacts"]:
            for entry in json.loads(artifact["manifest"]):
                copy(blobs / entry["digest"][:2] / entry["digest"], store, out)
        shutil.rmtree(out / "unused", ignore_errors=True)
    else:
        raise SystemExit(f"no recorder for {tracker}")


def main() -> None:
    tracker = sys.argv[1]
    workdir, report_path, out = (Path(arg) for arg in sys.argv[2:5])
    report = json.loads(report_path.read_text())
    out.mkdir(parents=True, exist_ok=True)
    record(tracker, workdir / "store", report["run_ref"], out)
    write_report(report, out)
    (out / "trimmed.json").write_text(json.dumps(TRIMMED, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
