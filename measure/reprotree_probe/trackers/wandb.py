"""Weights & Biases in offline mode: every run is a folder under <store>/wandb, nothing is sent.

Offline, W&B writes no config.yaml or summary file: a run's folder holds its transaction log
(run-<id>.wandb, a binary stream of protobuf records, complete once the run has finished and
the process has let W&B's service go), the files it saved (files/: requirements.txt, media,
code) and debug logs. Files logged as artifacts stay in W&B's staging folder under
WANDB_DATA_DIR, named by content; the artifact records in the log map them to their names.

The log is read with W&B's own reader, `wandb leet inspect --json`, which prints each record
as one JSON object: the run's config, summary, history, environment, files, artifacts and exit.

Defaults, as W&B ships them:
- scikit-learn: no auto-logging. `wandb.sklearn`'s plot functions draw charts when called after
  fit (its summary-metrics table rounds to two decimals), so scikit-learn tasks run in a plain
  run, and what they need beyond it is a snippet.
- Keras: the WandbMetricsLogger callback (wandb.integration.keras), which a user passes to
  fit(); enable_autolog("keras") adds it to every fit() call, the effect of that one argument.
- There is no local tracking server to start: W&B Server is a Docker image (see
  facts/wandb.json), so local_server is None.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..stored import StoredFile, StoredRun, files_under
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker

PROJECT = "reprotree"
# Records whose content is bookkeeping or too bulky to keep in a dump (system metrics sampled
# over time, and W&B's own feature counters).
SKIPPED_RECORDS = ("stats", "telemetry", "header")


class WandB(Tracker):
    id = "wandb"
    name = "W&B"
    full_name = "Weights & Biases"
    url = "https://wandb.ai/"
    distribution = "wandb"
    import_name = "wandb"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        store = workdir.store
        return {
            "WANDB_MODE": "offline",
            "WANDB_DIR": str(store),
            "WANDB_CACHE_DIR": str(store / "cache"),
            "WANDB_CONFIG_DIR": str(store / "config"),
            "WANDB_DATA_DIR": str(store / "data"),
            "WANDB_ARTIFACT_DIR": str(store / "artifacts"),
            "WANDB_PROJECT": PROJECT,
            # No crash reports to W&B's error service, and no prompts or banners.
            "WANDB_ERROR_REPORTING": "false",
            "WANDB_SILENT": "true",
        }

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        if framework == "keras":
            add_keras_callback()
            return
        raise NotImplementedError(
            "W&B has no scikit-learn auto-logging; wandb.sklearn only draws charts when called"
        )

    def start_run(self, name: str) -> RunHandle:
        import wandb

        run = wandb.init(project=PROJECT, name=name)
        return RunHandle(run.id, run)

    def end_run(self, handle: RunHandle) -> None:
        handle.native.finish()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        handle.native.config.update(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        run_dir = find_run_dir(workdir.store, ref)
        return parse_dump(collect(run_dir), run_dir)


def add_keras_callback() -> None:
    """Pass WandbMetricsLogger to every Model.fit(), as a user does with callbacks=[...]."""
    import keras
    from wandb.integration.keras import WandbMetricsLogger

    fit = keras.Model.fit
    if getattr(fit, "_reprotree_wandb", False):
        return

    def fit_with_wandb(self: Any, *args: Any, **kwargs: Any) -> Any:
        callbacks = list(kwargs.pop("callbacks", None) or [])
        callbacks.append(WandbMetricsLogger())
        return fit(self, *args, callbacks=callbacks, **kwargs)

    fit_with_wandb._reprotree_wandb = True  # type: ignore[attr-defined]
    keras.Model.fit = fit_with_wandb


def find_run_dir(store: Path, ref: str) -> Path:
    found = sorted((store / "wandb").glob(f"offline-run-*-{ref}"))
    if not found:
        raise FileNotFoundError(f"no offline run {ref} under {store / 'wandb'}")
    return found[-1]


def read_log(log: Path) -> list[dict[str, Any]]:
    """Every record of a .wandb transaction log, as W&B's own reader prints it."""
    done = subprocess.run(
        [sys.executable, "-m", "wandb", "leet", "inspect", "--json", str(log)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        raise RuntimeError(f"wandb leet inspect failed: {done.stderr.strip()[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def collect(run_dir: Path) -> dict[str, Any]:
    """The run's records as plain data (what tests/fixtures/wandb keeps, so that parse_dump is
    tested without W&B), less system-metric samples and feature counters."""
    logs = sorted(run_dir.glob("run-*.wandb"))
    if not logs:
        raise FileNotFoundError(f"{run_dir} has no .wandb log")
    records = read_log(logs[0])
    kept = [r for r in records if r.get("type") not in SKIPPED_RECORDS]
    skipped: dict[str, int] = {}
    for record in records:
        if record.get("type") in SKIPPED_RECORDS:
            skipped[record["type"]] = skipped.get(record["type"], 0) + 1
    return {"run_dir": run_dir.name, "log": logs[0].name, "records": kept, "skipped": skipped}


def _epoch(text: str | None) -> float | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def parse_dump(dump: dict[str, Any], run_dir: Path, staging: Path | None = None) -> StoredRun:
    """A StoredRun from collect()'s dump and the run's folder. `staging` relocates artifact
    files (for fixtures, which keep them beside the dump)."""
    stored = StoredRun(tracker="wandb")
    summary: dict[str, Any] = {}
    environment: dict[str, Any] = {}
    console: list[str] = []
    artifacts: list[dict[str, Any]] = []
    exit_record: dict[str, Any] | None = None
    run: dict[str, Any] = {}
    for record in dump["records"]:
        kind = record.get("type")
        body = record.get(kind, {}) if isinstance(kind, str) else {}
        if kind == "run":
            run = body
            stored.params.update(_config(body))
        elif kind == "config":
            stored.params.update(_config(body))
        elif kind == "history":
            for key, value in (body.get("item") or {}).items():
                if not key.startswith("_"):
                    stored.metrics.setdefault(key, []).append(value)
        elif kind == "summary":
            summary.update(body.get("update") or {})
        elif kind == "environment":
            environment.update({k: v for k, v in body.items() if k != "writer_id"})
        elif kind == "output_raw":
            console.append(body.get("line", ""))
        elif kind == "artifact":
            artifacts.append(body)
        elif kind == "exit":
            exit_record = body
    for key, value in summary.items():
        if not key.startswith("_") and key not in stored.metrics:
            stored.metrics[key] = [value]
    stored.run_id = run.get("run_id")
    stored.name = run.get("display_name") or run.get("run_id")
    stored.start_time = _epoch(run.get("start_time"))
    if exit_record is not None:
        code = exit_record.get("exit_code", 0)
        stored.status = "finished" if code == 0 else f"failed (exit code {code})"
        if stored.start_time is not None:
            stored.end_time = stored.start_time + float(exit_record.get("runtime", 0))
    stored.tags = {t: True for t in run.get("tags", [])}
    stored.extra = {
        "run": {k: v for k, v in run.items() if k not in ("config", "telemetry")},
        "environment": environment,
        "summary": {k: v for k, v in summary.items() if not isinstance(v, dict)},
        "console": "".join(console),
        "artifacts": [
            {k: a.get(k) for k in ("name", "type", "digest", "aliases")} for a in artifacts
        ],
        "exit": exit_record,
    }
    # Images, tables and other media appear in the history as dicts naming their files.
    numeric = {
        key: [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        for key, values in stored.metrics.items()
    }
    stored.metrics = {key: values for key, values in numeric.items() if values}
    stored.files = files_under(run_dir / "files", "run files", base=run_dir)
    stored.files += [f for f in files_under(run_dir, "run log") if f.path == dump["log"]]
    for artifact in artifacts:
        stored.files += _artifact_files(artifact, staging)
    return stored


def _config(body: dict[str, Any]) -> dict[str, Any]:
    """Config items as the log keeps them: {"update": {key: value}} (W&B's own `_wandb` entry,
    its bookkeeping, left out)."""
    update = (body.get("config") or body).get("update") or {}
    return {k: v for k, v in update.items() if k != "_wandb"}


def _artifact_files(artifact: dict[str, Any], staging: Path | None) -> list[StoredFile]:
    files = []
    name = artifact.get("name", "artifact")
    for entry in (artifact.get("manifest") or {}).get("contents", []):
        local = entry.get("local_path")
        if not local:
            continue
        location = Path(local) if staging is None else staging / Path(local).name
        with contextlib.suppress(OSError):
            files.append(
                StoredFile(
                    root=location.parent,
                    path=f"artifacts/{name}/{entry['path']}",
                    size=location.stat().st_size,
                    where=f"artifact {name} ({artifact.get('type')})",
                    location=location,
                )
            )
    return files
