"""MLflow 3.x: a SQLite store and its artifact folders inside the workdir, nothing else.

Storage as MLflow 3 lays it out: run metadata, params, metrics and tags in the database; the
run's artifacts under <store>/mlruns/<experiment>/<run>/artifacts; and models logged by
autologging as separate "logged models" under <store>/mlruns/<experiment>/models/<model id>,
linked to the run only by their source_run_id. Read-back covers all three.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..stored import StoredFile, StoredRun, files_under
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker
from .serving import free_port, serve_and_read_back


class MLflow(Tracker):
    id = "mlflow"
    name = "MLflow"
    full_name = "MLflow"
    url = "https://mlflow.org/"
    distribution = "mlflow"
    import_name = "mlflow"

    @staticmethod
    def tracking_uri(workdir: Workdir) -> str:
        return f"sqlite:///{workdir.store / 'mlflow.db'}"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        uri = self.tracking_uri(workdir)
        return {
            "MLFLOW_TRACKING_URI": uri,
            "MLFLOW_REGISTRY_URI": uri,
            # MLflow 3 sends usage telemetry unless this (or DO_NOT_TRACK) is set.
            "MLFLOW_DISABLE_TELEMETRY": "true",
            # MLflow records the git commit of the script; stay quiet where git is missing.
            "GIT_PYTHON_REFRESH": "quiet",
        }

    def prepare(self, workdir: Workdir) -> None:
        """Create the database and the default experiment, whose artifact root MLflow derives
        from the current directory at creation: run it in the store so artifacts stay there."""
        marker = workdir.store / ".prepared"
        if marker.exists():
            return
        env = workdir.base_environment() | self.environment(workdir)
        code = "import mlflow; mlflow.MlflowClient().search_experiments()"
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=workdir.store,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"could not create the MLflow store: {done.stderr.strip()[-2000:]}")
        marker.write_text("")

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        import mlflow

        if framework == "sklearn":
            mlflow.sklearn.autolog()
        elif framework == "keras":
            mlflow.keras.autolog()
        else:
            raise NotImplementedError(framework)

    def start_run(self, name: str) -> RunHandle:
        import mlflow

        run = mlflow.start_run(run_name=name)
        return RunHandle(run.info.run_id, run)

    def end_run(self, handle: RunHandle) -> None:
        import mlflow

        mlflow.end_run()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        import mlflow

        mlflow.log_params(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        from mlflow import MlflowClient

        client = MlflowClient(tracking_uri=self.tracking_uri(workdir))
        return parse_dump(collect(client, ref))

    def local_server(self, workdir: Workdir) -> dict[str, Any] | None:
        return run_local_server(workdir, self.environment(workdir))


def collect(client: Any, ref: str) -> dict[str, Any]:
    """Everything MLflow's store holds for a run, as plain data (this is what the fixtures
    under tests/fixtures/mlflow keep, so that parse_dump is tested without MLflow)."""
    run = client.get_run(ref)
    info = run.info
    metrics = {
        key: [
            {"value": m.value, "step": m.step, "timestamp": m.timestamp}
            for m in client.get_metric_history(ref, key)
        ]
        for key in run.data.metrics
    }
    inputs = []
    for dataset_input in (run.inputs.dataset_inputs if run.inputs else []) or []:
        ds = dataset_input.dataset
        inputs.append(
            {
                "name": ds.name,
                "digest": ds.digest,
                "source_type": ds.source_type,
                "source": ds.source,
                "schema": ds.schema,
                "profile": ds.profile,
                "tags": {t.key: t.value for t in dataset_input.tags},
            }
        )
    models = []
    for model in client.search_logged_models(
        experiment_ids=[info.experiment_id], filter_string=f"source_run_id = '{ref}'"
    ):
        models.append(
            {
                "model_id": model.model_id,
                "name": model.name,
                "artifact_location": model.artifact_location,
                "params": dict(model.params or {}),
                "tags": dict(model.tags or {}),
                "metrics": [
                    {"key": m.key, "value": m.value, "step": m.step} for m in model.metrics or []
                ],
            }
        )
    return {
        "run": {
            "run_id": info.run_id,
            "run_name": info.run_name,
            "experiment_id": info.experiment_id,
            "status": info.status,
            "start_time": info.start_time,
            "end_time": info.end_time,
            "artifact_uri": info.artifact_uri,
        },
        "params": dict(run.data.params),
        "tags": dict(run.data.tags),
        "metrics": metrics,
        "inputs": inputs,
        "logged_models": models,
    }


def local_path(uri: str) -> Path:
    """An artifact location as a local path (MLflow writes plain paths or file:// URIs)."""
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        return Path(unquote(parsed.path))
    raise ValueError(f"artifact location {uri!r} is not on the local disk")


def parse_dump(dump: dict[str, Any], root: Path | None = None) -> StoredRun:
    """A StoredRun from collect()'s dump. `root` relocates artifact paths (for fixtures)."""
    run = dump["run"]
    stored = StoredRun(
        tracker="mlflow",
        run_id=run["run_id"],
        name=run.get("run_name"),
        status=run.get("status"),
        start_time=run["start_time"] / 1000 if run.get("start_time") is not None else None,
        end_time=run["end_time"] / 1000 if run.get("end_time") is not None else None,
        params=dict(dump.get("params", {})),
        tags=dict(dump.get("tags", {})),
    )
    for key, history in dump.get("metrics", {}).items():
        ordered = sorted(history, key=lambda m: (m["step"], m["timestamp"]))
        stored.metrics[key] = [m["value"] for m in ordered]
    stored.extra = {"inputs": dump.get("inputs", []), "logged_models": []}
    for model in dump.get("logged_models", []):
        stored.extra["logged_models"].append(
            {k: model[k] for k in ("model_id", "name", "params", "tags", "metrics")}
        )
        for m in model.get("metrics", []):
            stored.metrics.setdefault(f"{model['name']}/{m['key']}", []).append(m["value"])
    stored.files = _files(run["artifact_uri"], "run artifacts", root)
    for model in dump.get("logged_models", []):
        stored.files += _files(
            model["artifact_location"], f"logged model {model['model_id']}", root
        )
    return stored


def _files(uri: str, where: str, root: Path | None) -> list[StoredFile]:
    path = local_path(uri)
    if root is not None:
        path = root / relocate(path)
    # Name files from the experiment folder, so that run artifacts and logged models differ.
    base = path.parent.parent if path.name == "artifacts" else path
    return files_under(path, where, base=base)


def relocate(path: Path) -> Path:
    """The part of an artifact path from the experiment folder under mlruns/ on."""
    parts = path.parts
    if "mlruns" in parts:
        return Path(*parts[parts.index("mlruns") :])
    return Path(path.name)


# --- the local tracking server (collaboration, study 2.5) -----------------------------------
SERVER_CLIENT = r"""
import json, sys, mlflow
from mlflow import MlflowClient
mlflow.set_tracking_uri(sys.argv[1])
with mlflow.start_run(run_name="collaboration") as run:
    mlflow.log_param("alpha", "0.5")
    mlflow.log_metric("score", 0.75)
    mlflow.log_text("stored through the server", "note.txt")
client = MlflowClient(sys.argv[1])
back = client.get_run(run.info.run_id)
artifacts = [a.path for a in client.list_artifacts(run.info.run_id)]
text = mlflow.artifacts.load_text(back.info.artifact_uri + "/note.txt")
print(json.dumps({"run_id": run.info.run_id, "status": back.info.status,
                  "params": dict(back.data.params), "metrics": dict(back.data.metrics),
                  "artifacts": artifacts, "artifact_text": text}))
"""


def run_local_server(workdir: Workdir, tracker_env: dict[str, str]) -> dict[str, Any]:
    """`mlflow server` on 127.0.0.1, one run logged through it by a separate client process
    and read back through the server's REST API; then the server is stopped."""
    server_dir = workdir.root / "server"
    (server_dir / "artifacts").mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = workdir.base_environment() | tracker_env
    for key in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        env.pop(key, None)
    command = [
        sys.executable, "-m", "mlflow", "server",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
        "--backend-store-uri", f"sqlite:///{server_dir / 'mlflow.db'}",
        "--artifacts-destination", str(server_dir / "artifacts"),
    ]  # fmt: skip
    result: dict[str, Any] = {"command": ["mlflow", *command[3:]], "url": url, "ok": False}
    back = serve_and_read_back(
        command, url=url, server_dir=server_dir, env=env, client=SERVER_CLIENT,
        client_cwd=workdir.project, result=result,
    )  # fmt: skip
    if back is not None:
        result["read_back"] = back
        on_disk = files_under(server_dir / "artifacts", "server artifacts")
        result["server_files"] = [f.describe() for f in on_disk]
        result["ok"] = bool(back.get("params")) and bool(back.get("artifact_text"))
    return result
