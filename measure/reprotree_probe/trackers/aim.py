"""Aim 3: a local `.aim` repository (RocksDB chunks) in the project folder, nothing else.

`prepare` runs the equivalent of `aim init` in the project folder, as Aim's documentation has a
user do; the adapter opens runs with `aim.Run(repo=<project>)`, and the component scripts with
`aim.Run()`, which finds the same repository from the current directory.

A run's data lives in its own chunk (.aim/meta/chunks/<hash>, .aim/seqs/chunks/<hash>); Aim's
query API sees a run only once its chunk is merged into the repository's index, which `aim up`
and `aim server` do in a background thread. Read-back does that one step for the run
(RepoIndexManager.index), then reads it with aim.Repo: its properties (creation and end time;
Aim shows a run as active until it has an end time, so that is its status), attributes
(parameters), metric sequences with their contexts, texts, terminal logs, images (written out as
PNG files for the checks) and artifacts (files under the run's artifact URI).

Aim has no scikit-learn integration; its Keras integration is aim.keras.AimCallback, which opens
a run of its own: with Keras, start_run creates the callback and uses its run, as a user who
logs more than the callback does would (`callback.experiment`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..stored import StoredFile, StoredRun, files_under, flatten
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker
from .serving import free_port, stop, wait_listening

REPO_ENV = "REPROTREE_AIM_REPO"
EXPERIMENT = "reprotree"


class Aim(Tracker):
    id = "aim"
    name = "Aim"
    full_name = "Aim"
    url = "https://aimstack.io/"
    distribution = "aim"
    import_name = "aim"

    def __init__(self) -> None:
        self._keras = False
        self._callback: Any = None

    @staticmethod
    def repo_path(workdir: Workdir) -> Path:
        return workdir.project

    def environment(self, workdir: Workdir) -> dict[str, str]:
        # Aim has no telemetry in its SDK and no setting for where its repository is: the
        # adapter passes the repository explicitly, the scripts find it from the project folder.
        return {REPO_ENV: str(self.repo_path(workdir))}

    def store_paths(self, workdir: Workdir) -> list[Path]:
        repo = self.repo_path(workdir)
        return [repo / ".aim", repo / "aim-artifacts"]

    def prepare(self, workdir: Workdir) -> None:
        """`aim init` in the project folder, before anything is timed."""
        repo = self.repo_path(workdir)
        if (repo / ".aim" / "VERSION").is_file():
            return
        env = workdir.base_environment() | self.environment(workdir)
        code = "import sys; from aim.sdk.repo import Repo; Repo.from_path(sys.argv[1], init=True)"
        done = subprocess.run(
            [sys.executable, "-c", code, str(repo)],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"could not create the Aim repository: {done.stderr[-2000:]}")

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        if framework != "keras":
            raise NotImplementedError(framework)
        self._keras = True

    def start_run(self, name: str) -> RunHandle:
        repo = os.environ[REPO_ENV]
        if self._keras:
            from aim.keras import AimCallback

            self._callback = AimCallback(repo=repo, experiment=EXPERIMENT)
            run = self._callback.experiment
        else:
            from aim import Run

            run = Run(repo=repo, experiment=EXPERIMENT)
        run.name = name
        return RunHandle(str(run.hash), run)

    def keras_callbacks(self, handle: RunHandle) -> list[Any]:
        return [self._callback] if self._callback is not None else []

    def end_run(self, handle: RunHandle) -> None:
        handle.native.close()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        for key, value in params.items():
            handle.native["hparams", key] = value

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        return read_run(self.repo_path(workdir), ref, workdir.runs / f"readback-{ref}")

    def local_server(self, workdir: Workdir) -> dict[str, Any] | None:
        return run_local_server(workdir, self.environment(workdir))


def read_run(repo_path: Path, run_hash: str, images_dir: Path) -> StoredRun:
    """Index the run's chunk into the repository, then read it with Aim's query API."""
    from aim.sdk.index_manager import RepoIndexManager
    from aim.sdk.repo import Repo

    repo = Repo.from_path(str(repo_path))
    if run_hash not in repo.list_all_runs():
        raise FileNotFoundError(f"no run {run_hash} in the Aim repository {repo_path}")
    RepoIndexManager.get_index_manager(repo).index(run_hash)
    repo = Repo.from_path(str(repo_path))
    run = repo.get_run(run_hash)
    if run is None:
        raise FileNotFoundError(f"run {run_hash} is not in the index of {repo_path}")
    return parse_dump(dump_run(repo, run, images_dir))


def _context(context: dict[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(context.items()))


def dump_run(repo: Any, run: Any, images_dir: Path) -> dict[str, Any]:
    """Everything the repository holds for a run, as plain data; images are written to
    images_dir as PNG files (this is what the fixtures keep, so parse_dump is tested without
    Aim)."""
    query = f"run.hash == '{run.hash}'"
    metrics = []
    for metric in run.metrics():
        points = sorted(metric.data.items(), key=lambda item: item[0])
        metrics.append(
            {"name": metric.name, "context": metric.context.to_dict(),
             "steps": [int(step) for step, _ in points],
             "values": [float(point[0]) for _, point in points]}
        )  # fmt: skip
    texts = []
    for seq in repo.query_texts(query, report_mode=0).iter():
        for step, point in seq.data.items():
            texts.append({"name": seq.name, "context": seq.context.to_dict(),
                          "step": int(step), "text": str(point[0].data)})  # fmt: skip
    images = []
    images_dir.mkdir(parents=True, exist_ok=True)
    for seq in repo.query_images(query, report_mode=0).iter():
        for step, point in seq.data.items():
            for index, image in enumerate(point[0] if isinstance(point[0], list) else [point[0]]):
                file = (
                    images_dir / f"{seq.name}-{_context(seq.context.to_dict())}-{step}-{index}.png"
                )
                image.to_pil_image().save(file, format="PNG")
                images.append({"name": seq.name, "step": int(step), "file": file.name,
                               "format": image.format, "caption": image.caption})  # fmt: skip
    figures = []
    for seq in repo.query_figure_objects(query, report_mode=0).iter():
        for step, point in seq.data.items():
            figures.append({"name": seq.name, "step": int(step), "json": point[0].json()})
    logs = run.get_terminal_logs()
    console = "".join(str(p[0]) + "\n" for _, p in sorted(logs.data.items())) if logs else ""
    artifacts = {
        name: {"uri": artifact.uri, "path": artifact.path}
        for name, artifact in (run.artifacts or {}).items()
    }
    return {
        "run": {
            "hash": run.hash,
            "name": run.name,
            "experiment": run.experiment,
            "creation_time": run.creation_time,
            "end_time": run.end_time,
            "active": run.active,
            "archived": run.archived,
            "tags": [str(t.name) for t in run.props.tags] if run.props.tags else [],
        },
        "attrs": run.meta_run_attrs_tree.collect(),
        "metrics": metrics,
        "texts": texts,
        "images": images,
        "images_dir": str(images_dir),
        "figures": figures,
        "console": console,
        "artifacts": artifacts,
    }


def parse_dump(dump: dict[str, Any], root: Path | None = None) -> StoredRun:
    """A StoredRun from dump_run's output. `root` relocates images and artifacts (fixtures)."""
    run = dump["run"]
    stored = StoredRun(
        tracker="aim",
        run_id=run["hash"],
        name=run.get("name"),
        status=None if run.get("active") is None else ("active" if run["active"] else "finished"),
        start_time=run.get("creation_time"),
        end_time=run.get("end_time"),
    )
    stored.params = {k: v for k, v in flatten(dump.get("attrs") or {}, "")}
    stored.tags = {f"tag/{i}": tag for i, tag in enumerate(run.get("tags") or [])}
    for metric in dump.get("metrics", []):
        context = _context(metric.get("context") or {})
        key = f"{metric['name']}/{context}" if context else metric["name"]
        stored.metrics[key] = [float(v) for v in metric["values"]]
    stored.extra = {
        "experiment": run.get("experiment"),
        "texts": dump.get("texts", []),
        "figures": dump.get("figures", []),
        "images": dump.get("images", []),
        "console": dump.get("console", ""),
        "artifacts": dump.get("artifacts", {}),
    }
    images_dir = Path(dump["images_dir"]) if dump.get("images_dir") else None
    if root is not None:
        images_dir = root / "images"
    if images_dir is not None:
        stored.files += files_under(images_dir, "image sequences")
    for name, artifact in (dump.get("artifacts") or {}).items():
        path = artifact_path(artifact["uri"])
        if root is not None:
            path = root / "artifacts" / name
        if path.is_file():
            stored.files.append(
                StoredFile(root=path.parent, path=path.name, size=path.stat().st_size,
                           where=f"artifact {name}")
            )  # fmt: skip
    return stored


def artifact_path(uri: str) -> Path:
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        return Path(unquote(parsed.path))
    raise ValueError(f"artifact {uri!r} is not on the local disk")


# --- the tracking server (collaboration, study 2.5) --------------------------------------------
SERVER_CLIENT = r"""
import json, sys
from aim import Run
run = Run(repo=sys.argv[1], experiment="collaboration")
run["hparams"] = {"alpha": 0.5}
run.track(0.75, name="score", context={"subset": "test"})
run_hash = run.hash
run.close()
print(json.dumps({"run_hash": run_hash}))
"""


def run_local_server(workdir: Workdir, tracker_env: dict[str, str]) -> dict[str, Any]:
    """`aim server` on 127.0.0.1 with a repository of its own, one run logged to it over HTTP
    (aim://) by a separate client process, read back from the server's repository on disk
    after the server stopped."""
    server_repo = workdir.root / "server"
    server_repo.mkdir(parents=True, exist_ok=True)
    env = workdir.base_environment() | tracker_env
    init = "import sys; from aim.sdk.repo import Repo; Repo.from_path(sys.argv[1], init=True)"
    subprocess.run([sys.executable, "-c", init, str(server_repo)], env=env, check=True,
                   capture_output=True, timeout=300)  # fmt: skip
    port = free_port()
    # The `aim` command of the environment (aim.cli has no module entry point).
    command = [
        str(Path(sys.executable).parent / "aim"), "server",
        "--host", "127.0.0.1", "--port", str(port), "--repo", str(server_repo), "--yes",
    ]  # fmt: skip
    url = f"aim://127.0.0.1:{port}"
    result: dict[str, Any] = {"command": ["aim", *command[1:]], "url": url, "ok": False}
    log = (workdir.root / "server.log").open("wb")
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=server_repo, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        result["ready_seconds"] = wait_listening(port, server, timeout=120)
        client = subprocess.run(
            [sys.executable, "-c", SERVER_CLIENT, url],
            cwd=workdir.project, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if client.returncode != 0:
            result["error"] = client.stderr.strip()[-4000:]
        else:
            result["logged"] = json.loads(client.stdout.strip().splitlines()[-1])
    except (TimeoutError, RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
        result["error"] = str(error)
    finally:
        result["stopped"] = stop(server)
        result["seconds"] = round(time.monotonic() - started, 3)
        log.close()
        tail = (workdir.root / "server.log").read_text(errors="replace")[-4000:]
        result["server_log_tail"] = tail
    if "logged" in result:
        try:
            stored = read_run(server_repo, result["logged"]["run_hash"], workdir.runs / "server")
            result["read_back"] = {"params": stored.params, "metrics": stored.metrics,
                                   "status": stored.status}  # fmt: skip
            result["ok"] = bool(stored.params) and bool(stored.metrics)
        except Exception as error:  # a run the server did not store is the finding
            result["error"] = f"{type(error).__name__}: {error}"
    return result
