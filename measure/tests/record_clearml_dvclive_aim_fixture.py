"""Record what ClearML, DVCLive or Aim stored for one probe run as a small test fixture.

    PYTHONPATH=. python tests/record_clearml_dvclive_aim_fixture.py TRACKER WORKDIR REPORT OUT

TRACKER is clearml, dvclive or aim; WORKDIR the probe's --workdir; REPORT a child report in
WORKDIR/runs/. Run it with the tracker environment's Python, from measure/. OUT receives:

    clearml   session/: the offline session folder as ClearML wrote it
    dvclive   tree/: the experiment's commit as read-back writes it, and commit.json
    aim       dump.json (dump_run's output), images/ and artifacts/

with stored files over 16 KiB left out and listed in trimmed.json, and report.json with the
reference arrays copied into reference/ beside it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from reprotree_probe import trackers
from reprotree_probe.workdir import Workdir

LIMIT = 16 * 1024
KEPT_VARIABLES = ("PYTHON", "TF_", "MPL", "DO_NOT_TRACK")


def copy_small(source: Path, target: Path, trimmed: list[str], prefix: str) -> None:
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        name = f"{prefix}/{path.relative_to(source).as_posix()}"
        if path.stat().st_size > LIMIT:
            trimmed.append(name)
            continue
        (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / path.relative_to(source))


def write_report(report: dict, trimmed: list[str], out: Path) -> None:
    """report.json with every reference file it names (arrays, the deep dive's data splits and
    figure) copied into out/reference/, and trimmed.json."""
    reference = report["reference"]
    (out / "reference").mkdir(exist_ok=True)
    tables = [reference.get("arrays", {}), reference, *(reference.get("data") or {}).values()]
    for table in tables:
        for key, value in list(table.items()):
            if isinstance(value, str) and value.endswith((".npy", ".png")):
                shutil.copyfile(value, out / "reference" / Path(value).name)
                table[key] = f"reference/{Path(value).name}"
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    (out / "trimmed.json").write_text(json.dumps(trimmed, indent=1) + "\n")


def main() -> None:
    tracker_id, workdir = sys.argv[1], Workdir(Path(sys.argv[2]))
    report_path, out = Path(sys.argv[3]), Path(sys.argv[4])
    tracker = trackers.get(tracker_id)
    os.environ.update(workdir.base_environment() | tracker.environment(workdir))
    report = json.loads(report_path.read_text())
    ref = report["run_ref"]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    trimmed: list[str] = []
    if tracker_id == "clearml":
        from reprotree_probe.trackers.clearml import session_folder

        copy_small(session_folder(workdir.store, ref), out / "session", trimmed, "session")
    elif tracker_id == "dvclive":
        from reprotree_probe.trackers.dvclive import checkout_experiment

        tree = workdir.runs / f"fixture-{ref}"
        commit = checkout_experiment(workdir.project, ref, tree)
        copy_small(tree, out / "tree", trimmed, "tree")
        (out / "commit.json").write_text(json.dumps(commit, indent=1) + "\n")
    elif tracker_id == "aim":
        from aim.sdk.index_manager import RepoIndexManager
        from aim.sdk.repo import Repo

        from reprotree_probe.trackers.aim import artifact_path, dump_run

        repo = Repo.from_path(str(workdir.project))
        RepoIndexManager.get_index_manager(repo).index(ref)
        repo = Repo.from_path(str(workdir.project))
        dump = dump_run(repo, repo.get_run(ref), out / "images")
        for name, artifact in dump["artifacts"].items():
            source = artifact_path(artifact["uri"])
            if source.stat().st_size > LIMIT:
                trimmed.append(f"artifacts/{name}")
                continue
            (out / "artifacts").mkdir(exist_ok=True)
            shutil.copyfile(source, out / "artifacts" / name)
        for image in sorted((out / "images").glob("*")):
            if image.stat().st_size > LIMIT:
                trimmed.append(f"images/{image.name}")
                image.unlink()
        variables = dump["attrs"].get("__system_params", {}).get("env_variables")
        if variables:
            # Keep the variables a run depends on, not the recording machine's others.
            kept = {k: v for k, v in variables.items() if k.startswith(KEPT_VARIABLES)}
            dump["attrs"]["__system_params"]["env_variables"] = kept
            trimmed.append("attrs.__system_params.env_variables: all but " + ", ".join(kept))
        dump["images_dir"] = "images"
        (out / "dump.json").write_text(json.dumps(dump, indent=1, default=str) + "\n")
    else:
        raise SystemExit(f"no fixture recorder for {tracker_id}")
    write_report(report, trimmed, out)


if __name__ == "__main__":
    main()
