"""Record what MLflow stored for one probe run as a small test fixture.

    PYTHONPATH=. python tests/record_fixture.py WORKDIR REPORT OUT

WORKDIR is the probe's --workdir, REPORT a child report in WORKDIR/runs/. OUT receives
dump.json (collect()'s output: the database rows of the run and its logged models), the stored
files up to 16 KiB (larger ones are left out and listed in trimmed.json), and report.json with
the reference arrays copied beside it. Run it with the MLflow environment's Python, from
measure/.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from reprotree_probe.trackers.mlflow import MLflow, collect, local_path, relocate
from reprotree_probe.workdir import Workdir

LIMIT = 16 * 1024


def main() -> None:
    workdir, report_path, out = Workdir(Path(sys.argv[1])), Path(sys.argv[2]), Path(sys.argv[3])
    # Import MLflow as the probes do: telemetry off, home and caches in the workdir.
    os.environ.update(workdir.base_environment() | MLflow().environment(workdir))
    from mlflow import MlflowClient

    report = json.loads(report_path.read_text())
    dump = collect(MlflowClient(MLflow.tracking_uri(workdir)), report["run_ref"])
    out.mkdir(parents=True, exist_ok=True)
    trimmed = []
    locations = [dump["run"]["artifact_uri"]] + [
        m["artifact_location"] for m in dump["logged_models"]
    ]
    for location in locations:
        source = local_path(location)
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            target = out / relocate(source) / path.relative_to(source)
            if path.stat().st_size > LIMIT:
                trimmed.append(str(relocate(source) / path.relative_to(source)))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    write_fixture(out, report, dump, trimmed)


def write_fixture(out: Path, report: dict, dump: dict, trimmed: list[str]) -> None:
    """The report with its reference arrays copied beside it, the dump, and what was left out
    (shared by every tracker's fixture recorder)."""
    (out / "dump.json").write_text(json.dumps(dump, indent=1) + "\n")
    write_report(report, out)
    (out / "trimmed.json").write_text(json.dumps(trimmed, indent=1) + "\n")


def write_report(report: dict, out: Path) -> None:
    """The child's report as report.json, its reference arrays and images copied to
    out/reference/ and named relative to `out` (conftest.load_fixture_report makes them absolute
    again)."""
    reference = report["reference"]
    (out / "reference").mkdir(parents=True, exist_ok=True)
    for table in (reference.get("arrays", {}), reference):
        for key, value in list(table.items()):
            if isinstance(value, str) and value.endswith((".npy", ".png")):
                shutil.copyfile(value, out / "reference" / Path(value).name)
                table[key] = f"reference/{Path(value).name}"
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
