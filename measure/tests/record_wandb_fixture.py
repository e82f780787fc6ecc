"""Record what W&B stored offline for one probe run as a small test fixture.

    PYTHONPATH=. python tests/record_wandb_fixture.py WORKDIR REPORT OUT

WORKDIR is the probe's --workdir, REPORT a child report in WORKDIR/runs/. OUT receives
dump.json (collect()'s output: the records of the run's .wandb log as W&B's reader prints
them), run/ (the run folder: the log and its saved files up to 16 KiB), staging/ (the files
of its artifacts, up to 16 KiB, under their staging names), report.json with the reference
arrays beside it, and trimmed.json (what was left out). Run it with W&B's environment's Python,
from measure/.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from record_fixture import write_fixture

from reprotree_probe.trackers.wandb import WandB, collect, find_run_dir
from reprotree_probe.workdir import Workdir

LIMIT = 16 * 1024


def copy_small(source: Path, target: Path, trimmed: list[str], name: str) -> None:
    if source.stat().st_size > LIMIT:
        trimmed.append(name)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def main() -> None:
    workdir, report_path, out = Workdir(Path(sys.argv[1])), Path(sys.argv[2]), Path(sys.argv[3])
    os.environ.update(workdir.base_environment() | WandB().environment(workdir))
    report = json.loads(report_path.read_text())
    run_dir = find_run_dir(workdir.store, report["run_ref"])
    dump = collect(run_dir)
    trimmed: list[str] = []
    log = run_dir / dump["log"]
    for path in sorted((run_dir / "files").rglob("*")):
        if path.is_file():
            name = str(path.relative_to(run_dir))
            copy_small(path, out / "run" / name, trimmed, name)
    copy_small(log, out / "run" / log.name, trimmed, log.name)
    for record in dump["records"]:
        if record.get("type") != "artifact":
            continue
        for entry in record["artifact"]["manifest"]["contents"]:
            local = Path(entry["local_path"])
            copy_small(local, out / "staging" / local.name, trimmed, f"artifact {entry['path']}")
    write_fixture(out, report, dump, trimmed)


if __name__ == "__main__":
    main()
