"""trackio: Hugging Face's local-first tracker, one SQLite database per project in the workdir.

trackio keeps a project in `<TRACKIO_DIR>/<project>.db`: each trackio.log() call is a row of
`metrics` (a JSON object per step), the run's config is a row of `configs` written together
with the run's first logged step, psutil's readings are rows of `system_metrics` (every ten
seconds), logged images live under `<TRACKIO_DIR>/media/` and artifacts in a
content-addressed blob store under `<TRACKIO_DIR>/artifacts/`, linked to the run in
`run_artifact_links`. Read-back queries that database and those folders.

What it lacks, as read back: a run has no end time and no status; a run that logs nothing is
not stored at all (no row names it, not even its config); and the config is written once, with
the first logged step, so changes to it after that are lost. There is no integration for
scikit-learn or Keras. Files saved with trackio.save() belong to the project, not to a run, so
they are not read back as the run's.

Offline: trackio writes locally unless a Space, a bucket or a server is named (arguments or
TRACKIO_* variables); the adapter refuses to run when one is named in the environment, and
sets HF_HUB_OFFLINE so that huggingface_hub reaches nothing either.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

from ..stored import StoredFile, StoredRun, files_under, flatten
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker
from .serving import free_port, serve_and_read_back

PROJECT = "reprotree"
# Variables that would send trackio's data to a Hugging Face Space, bucket or remote server.
REMOTE_VARIABLES = (
    "TRACKIO_SPACE_ID", "TRACKIO_SERVER_URL", "TRACKIO_BUCKET_ID", "TRACKIO_DATASET_ID",
)  # fmt: skip


class Trackio(Tracker):
    id = "trackio"
    name = "trackio"
    full_name = "trackio (Hugging Face)"
    url = "https://github.com/gradio-app/trackio"
    distribution = "trackio"
    import_name = "trackio"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        return {
            "TRACKIO_DIR": str(workdir.store),
            "HF_HOME": str(workdir.home / ".cache" / "huggingface"),
            "HF_HUB_OFFLINE": "1",
            "HF_HUB_DISABLE_TELEMETRY": "1",
            "GRADIO_ANALYTICS_ENABLED": "False",
        }

    def prepare(self, workdir: Workdir) -> None:
        refuse_remote(os.environ)

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        raise NotImplementedError(f"trackio has no {framework} integration")

    def start_run(self, name: str) -> RunHandle:
        import trackio

        refuse_remote(os.environ)
        run = trackio.init(project=PROJECT, name=name)
        return RunHandle(run.id, run)

    def end_run(self, handle: RunHandle) -> None:
        import trackio

        trackio.finish()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        """trackio's config (wandb-style), written with the run's first trackio.log(): stored
        only if that comes after this call."""
        handle.native.config.update(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        return read_run(workdir.store, PROJECT, ref, workdir.runs / "trackio-artifacts" / ref)

    def local_server(self, workdir: Workdir) -> dict[str, Any] | None:
        return run_local_server(workdir, self.environment(workdir))


def refuse_remote(environ: Any) -> None:
    named = [key for key in REMOTE_VARIABLES if environ.get(key)]
    if named:
        raise RuntimeError(
            f"{', '.join(named)} would send trackio's runs elsewhere; the probe logs locally "
            "only: unset it"
        )


def read_run(store: Path, project: str, ref: str, unpack_to: Path) -> StoredRun:
    """Everything `<store>/<project>.db` and the media and artifact folders hold for run `ref`.
    Artifact blobs are copied to `unpack_to` under the names they were logged with."""
    stored = StoredRun(tracker="trackio")
    database = store / f"{project}.db"
    if not database.is_file():
        stored.extra = {"not_stored": f"no database {database.name}"}
        return stored
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        rows = _rows(connection, ref)
    return build_run(rows, store, project, ref, unpack_to)


def _rows(connection: sqlite3.Connection, ref: str) -> dict[str, list[dict[str, Any]]]:
    """The database rows that belong to the run, per table, as plain data (what the recorded
    fixtures keep)."""

    def query(sql: str) -> list[dict[str, Any]]:
        return [dict(row) for row in connection.execute(sql, (ref,))]

    return {
        "configs": query("SELECT * FROM configs WHERE run_id = ?"),
        "metrics": query("SELECT * FROM metrics WHERE run_id = ? ORDER BY step, id"),
        "system_metrics": query("SELECT * FROM system_metrics WHERE run_id = ? ORDER BY id"),
        "alerts": query("SELECT * FROM alerts WHERE run_id = ? ORDER BY id"),
        "artifacts": query(
            "SELECT l.direction, a.name, a.type, v.version, v.manifest, v.size_bytes "
            "FROM run_artifact_links AS l "
            "JOIN artifact_versions AS v ON v.id = l.artifact_version_id "
            "JOIN artifacts AS a ON a.id = v.artifact_id "
            "WHERE l.run_id = ? ORDER BY l.id"
        ),
    }


def build_run(
    rows: dict[str, list[dict[str, Any]]], store: Path, project: str, ref: str, unpack_to: Path
) -> StoredRun:
    stored = StoredRun(tracker="trackio")
    if not any(rows.values()):
        stored.extra = {"not_stored": f"no row of the database names run {ref}"}
        return stored
    stored.run_id = ref
    for config_row in rows["configs"]:
        stored.name = config_row["run_name"]
        stored.params.update(flatten(_json(config_row["config"])))
    created = stored.params.get("_Created")
    stored.start_time = _epoch(created) if isinstance(created, str) else None
    media: list[dict[str, Any]] = []
    for metric_row in rows["metrics"]:
        stored.name = stored.name or metric_row["run_name"]
        for key, value in _json(metric_row["metrics"]).items():
            if isinstance(value, dict):
                media.append({"key": key, "step": metric_row["step"], **value})
            else:
                stored.metrics.setdefault(key, []).append(value)
    for system_row in rows["system_metrics"]:
        for key, value in _json(system_row["metrics"]).items():
            stored.metrics.setdefault(key, []).append(value)
    stored.extra = {
        "media": media,
        "alerts": rows["alerts"],
        "artifacts": [{k: v for k, v in a.items() if k != "manifest"} for a in rows["artifacts"]],
        "steps": len(rows["metrics"]),
        "system_samples": len(rows["system_metrics"]),
    }
    for item in media:
        path = item.get("file_path")
        if isinstance(path, str) and (store / "media" / path).is_file():
            full = store / "media" / path
            stored.files.append(StoredFile(store, f"media/{path}", full.stat().st_size, "media"))
    stored.files += _artifact_files(rows["artifacts"], store, project, unpack_to)
    return stored


def _artifact_files(
    artifacts: list[dict[str, Any]], store: Path, project: str, unpack_to: Path
) -> list[StoredFile]:
    if unpack_to.exists():
        shutil.rmtree(unpack_to)
    blobs = store / "artifacts" / project / "blobs"
    files = []
    for artifact in artifacts:
        folder = unpack_to / str(artifact["name"]) / f"v{artifact['version']}"
        for entry in _json(artifact["manifest"]) or []:
            digest = str(entry.get("digest", ""))
            blob = blobs / "sha256" / digest[:2] / digest
            if not blob.is_file():
                continue
            target = folder / str(entry["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(blob, target)
            files.append(
                StoredFile(
                    unpack_to,
                    target.relative_to(unpack_to).as_posix(),
                    target.stat().st_size,
                    f"artifact {artifact['name']} ({artifact['type']}), blob {digest[:12]}",
                )
            )
    return files


def _json(value: Any) -> Any:
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    return json.loads(value) if isinstance(value, str) else value


def _epoch(timestamp: str) -> float | None:
    try:
        return dt.datetime.fromisoformat(timestamp).timestamp()
    except ValueError:
        return None


# --- the local server (collaboration, study 2.5) -----------------------------------------------
SERVER = r"""
import sys, trackio
trackio.show(project="collaboration", open_browser=False, block_thread=True,
             host="127.0.0.1", server_port=int(sys.argv[1]))
"""

CLIENT = r"""
import json, sys, trackio
from trackio.remote_client import RemoteClient
url = sys.argv[1]
run = trackio.init(project="collaboration", name="collaboration", server_url=url,
                   config={"alpha": "0.5"})
trackio.log({"score": 0.75})
trackio.finish()
client = RemoteClient(url, write_token=None)
runs = client.predict("collaboration", api_name="/get_runs_for_project")
logs = client.predict("collaboration", "collaboration", api_name="/get_logs")
print(json.dumps({"run_id": run.id, "runs": runs, "logs": logs}, default=str))
"""


def run_local_server(workdir: Workdir, tracker_env: dict[str, str]) -> dict[str, Any]:
    """trackio's dashboard server (`trackio.show`) on 127.0.0.1 with its own store, which a
    client process logs a run to over HTTP (server_url plus the write token) and reads back
    through the same HTTP API; then the server is stopped."""
    server_dir = workdir.root / "server"
    server_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    token = os.urandom(16).hex()
    env = workdir.base_environment() | tracker_env
    env.update({"TRACKIO_DIR": str(server_dir / "store"), "TRACKIO_WRITE_TOKEN": token})
    command = [sys.executable, "-c", SERVER, str(port)]
    result: dict[str, Any] = {"command": "trackio.show(host='127.0.0.1')", "url": url, "ok": False}
    back = serve_and_read_back(
        command, url=url, server_dir=server_dir, env=env, client=CLIENT,
        client_cwd=workdir.project, result=result, ready_path="/version",
    )  # fmt: skip
    if back is not None:
        result["read_back"] = back
        on_disk = files_under(server_dir / "store", "server store")
        result["server_files"] = [f.describe() for f in on_disk]
        result["ok"] = any(row.get("score") == 0.75 for row in back.get("logs") or [])
    return result
