"""DVCLive 3: plain files in the project, each run saved as a DVC experiment in its git repository.

DVCLive writes a run into `dvclive/` below the current directory (params.yaml, metrics.json,
plots/metrics/*.tsv with every step, images, plots, artifacts) and `dvc.yaml`, and on
`Live.end()` saves a DVC experiment: a git commit of those files under refs/exps/, with files
logged as DVC artifacts kept in the DVC cache (.dvc/cache) and referenced from .dvc files. That
is the default (`save_dvc_exp=True`) and it needs a git repository with a commit, which a DVC
user has: `prepare` makes the project folder one (git init, dvc init, a first commit), as a
user's project would be, and says so in the records through this docstring and the facts.

The next run empties `dvclive/`, so read-back never trusts the working copy: it reads the
experiment's commit from the git repository (found by its name under refs/exps/), writes its
tree to a read-back folder, and puts each DVC-tracked file there from the DVC cache.
DVCLive stores no run status and no start time: the commit has the time the experiment was
saved, which read-back gives as the end time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..stored import StoredRun, files_under, flatten
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "reprotree",
    "GIT_AUTHOR_EMAIL": "reprotree@localhost",
    "GIT_COMMITTER_NAME": "reprotree",
    "GIT_COMMITTER_EMAIL": "reprotree@localhost",
}


class DVCLive(Tracker):
    id = "dvclive"
    name = "DVCLive"
    full_name = "DVCLive (DVC)"
    url = "https://dvc.org/doc/dvclive"
    distribution = "dvclive"
    import_name = "dvclive"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        return {
            # DVC's usage analytics and DVC Studio's live updates off.
            "DVC_NO_ANALYTICS": "1",
            "DVC_STUDIO_OFFLINE": "true",
            # DVC keeps a machine-wide cache in /var/tmp/dvc unless told otherwise.
            "DVC_SITE_CACHE_DIR": str(workdir.store / "dvc-site-cache"),
            "DVC_GLOBAL_CONFIG_DIR": str(workdir.home / ".config" / "dvc"),
            "DVC_SYSTEM_CONFIG_DIR": str(workdir.home / ".config" / "dvc-system"),
            # The experiments' commits need an author; HOME has no git configuration.
            **GIT_IDENTITY,
            "GIT_CONFIG_NOSYSTEM": "1",
        }

    def store_paths(self, workdir: Workdir) -> list[Path]:
        project = workdir.project
        return [project / ".git", project / ".dvc", project / "dvclive", project / "dvc.yaml"]

    def prepare(self, workdir: Workdir) -> None:
        """The project folder as a DVC user's: a git repository with DVC initialised, analytics
        off, and one commit, so that DVCLive can save experiments."""
        project = workdir.project
        if (project / ".dvc").is_dir() and (project / ".git").is_dir():
            return
        env = workdir.base_environment() | self.environment(workdir)
        steps = [
            ["git", "init", "--quiet", "--initial-branch=main"],
            [sys.executable, "-m", "dvc", "init", "--quiet"],
            [sys.executable, "-m", "dvc", "config", "core.analytics", "false"],
            [sys.executable, "-m", "dvc", "config", "core.check_update", "false"],
            ["git", "add", "--all"],
            ["git", "commit", "--quiet", "-m", "a project with DVC"],
        ]
        for step in steps:
            done = subprocess.run(
                step, cwd=project, env=env, capture_output=True, text=True, timeout=300
            )
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(step[-3:])} failed: {done.stderr.strip()[-2000:]}")

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        """DVCLive has no scikit-learn integration; for Keras it has DVCLiveCallback, which
        keras_callbacks hands to fit()."""
        if framework != "keras":
            raise NotImplementedError(framework)

    def keras_callbacks(self, handle: RunHandle) -> list[Any]:
        from dvclive.keras import DVCLiveCallback

        return [DVCLiveCallback(live=handle.native)]

    def start_run(self, name: str) -> RunHandle:
        """Live() as a user opens it. DVCLive empties dvclive/ of plots, metrics and params
        when a run starts but keeps dvclive/artifacts/, so a file an earlier run copied there
        would be saved with every later experiment; it is removed first, so that a run is
        credited only with what it stored itself."""
        from dvclive import Live

        shutil.rmtree(Path("dvclive") / "artifacts", ignore_errors=True)
        live = Live()
        return RunHandle(str(live._exp_name), live)

    def end_run(self, handle: RunHandle) -> None:
        handle.native.end()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        handle.native.log_params(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        target = workdir.runs / f"readback-{ref}"
        commit = checkout_experiment(workdir.project, ref, target)
        return parse_checkout(target, commit)


def _git(project: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=project, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.strip()[-1000:]}")
    return done.stdout


def checkout_experiment(project: Path, name: str, target: Path) -> dict[str, Any]:
    """Write the experiment's commit into `target` (its tree, then every DVC-tracked output
    from the DVC cache), and return what git knows about the commit."""
    refs = _git(project, "for-each-ref", "--format=%(refname) %(objectname)", "refs/exps")
    pairs = [line.split() for line in refs.splitlines() if line.strip()]
    found = [(r, sha) for r, sha in pairs if r.rsplit("/", 1)[-1] == name]
    if not found:
        raise FileNotFoundError(f"no DVC experiment named {name!r} under refs/exps")
    refname, sha = found[0]
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", sha], cwd=project, capture_output=True, timeout=300
    )
    if archive.returncode != 0:
        raise RuntimeError(f"git archive {sha} failed: {archive.stderr.decode()[-1000:]}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    fields = _git(project, "show", "-s", "--format=%H%n%ct%n%P%n%s", sha).splitlines()
    commit = {
        "ref": refname,
        "sha": fields[0],
        "time": int(fields[1]),
        "parents": fields[2].split(),
        "message": fields[3] if len(fields) > 3 else "",
        "dvc_outputs": restore_dvc_outputs(target, project / ".dvc" / "cache"),
    }
    return commit


def restore_dvc_outputs(tree: Path, cache: Path) -> list[dict[str, Any]]:
    """Copy each output a .dvc file in the tree names from the DVC cache to its place."""
    import yaml

    restored = []
    for pointer in sorted(p for p in tree.rglob("*.dvc") if p.is_file()):
        data = yaml.safe_load(pointer.read_text(encoding="utf-8")) or {}
        for out in data.get("outs", []):
            md5 = str(out.get("md5", ""))
            source = cache / "files" / "md5" / md5[:2] / md5[2:]
            destination = pointer.parent / str(out.get("path", ""))
            entry = {"pointer": pointer.relative_to(tree).as_posix(), "md5": md5}
            if md5 and source.is_file() and not md5.endswith(".dir"):
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)
                entry["restored"] = destination.relative_to(tree).as_posix()
            restored.append(entry)
    return restored


def parse_checkout(tree: Path, commit: dict[str, Any]) -> StoredRun:
    """A StoredRun from an experiment's files, as DVCLive wrote them."""
    import yaml

    live = tree / "dvclive"
    stored = StoredRun(tracker="dvclive", run_id=commit["ref"].rsplit("/", 1)[-1])
    stored.name = stored.run_id
    stored.end_time = float(commit["time"])
    params_file = live / "params.yaml"
    if params_file.is_file():
        params = yaml.safe_load(params_file.read_text(encoding="utf-8")) or {}
        stored.params = dict(flatten(params))
    summary = {}
    metrics_file = live / "metrics.json"
    if metrics_file.is_file():
        import json

        summary = json.loads(metrics_file.read_text(encoding="utf-8"))
        for key, value in flatten(summary):
            if key != "step" and isinstance(value, (int, float)):
                stored.metrics[f"summary/{key}"] = [float(value)]
    for tsv in sorted((live / "plots" / "metrics").rglob("*.tsv")):
        name = tsv.relative_to(live / "plots" / "metrics").with_suffix("").as_posix()
        stored.metrics[name] = read_tsv_metric(tsv)
    stored.extra = {"experiment": {k: commit[k] for k in ("ref", "sha", "time", "message")}}
    stored.extra["dvc_outputs"] = commit.get("dvc_outputs", [])
    stored.files = files_under(tree, "experiment commit")
    return stored


def read_tsv_metric(path: Path) -> list[float]:
    """A DVCLive metric history: a tab-separated table with a `step` column and the value in
    the column named after the metric."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return []
    header = lines[0].split("\t")
    columns = [i for i, h in enumerate(header) if h not in ("step", "timestamp")]
    if not columns:
        return []
    values = []
    for line in lines[1:]:
        cells = line.split("\t")
        try:
            values.append(float(cells[columns[-1]]))
        except (IndexError, ValueError):
            continue
    return values
