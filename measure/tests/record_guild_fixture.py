"""Record what Guild AI stored for one probe run as a small test fixture.

    PYTHONPATH=.:tests python tests/record_guild_fixture.py WORKDIR REPORT OUT

WORKDIR is the probe's --workdir, REPORT a child report in WORKDIR/runs/. OUT receives
dump.json (collect()'s output: the run's attributes, status and scalars as Guild's own readers
give them), runs/<id>/ (the run folder's files up to 16 KiB: Guild's .guild/ records, the copied
project, what the script wrote), report.json with the reference arrays beside it, and
trimmed.json (what was left out). The run's recorded environment variables are cut down to
those a probe run sets or Guild adds (the rest describe the recording machine), in the copied
attribute file and in the dump alike. Run it with Guild's environment's Python, from measure/.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from record_fixture import write_fixture

from reprotree_probe.trackers.guild import Guild, collect
from reprotree_probe.workdir import Workdir

LIMIT = 16 * 1024
KEPT_VARIABLES = ("GUILD_", "RUN_", "FLAG", "PYTHON", "PROJECT_DIR", "SCRIPT_DIR", "CMD_DIR")


def keep_variables(env: dict) -> dict:
    return {k: v for k, v in env.items() if k.startswith(KEPT_VARIABLES)}


def main() -> None:
    workdir, report_path, out = Workdir(Path(sys.argv[1])), Path(sys.argv[2]), Path(sys.argv[3])
    os.environ.update(workdir.base_environment() | Guild().environment(workdir))
    report = json.loads(report_path.read_text())
    run_dir = workdir.store / "runs" / report["run_ref"]
    dump = collect(run_dir)
    trimmed: list[str] = []
    for path in sorted(run_dir.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(run_dir))
        if path.stat().st_size > LIMIT:
            trimmed.append(name)
            continue
        target = out / "runs" / run_dir.name / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    import yaml

    dump["attrs"]["env"] = keep_variables(dump["attrs"]["env"])
    env_file = out / "runs" / run_dir.name / ".guild" / "attrs" / "env"
    env_file.write_text(yaml.safe_dump(dump["attrs"]["env"], default_flow_style=False))
    write_fixture(out, report, dump, trimmed)


if __name__ == "__main__":
    main()
