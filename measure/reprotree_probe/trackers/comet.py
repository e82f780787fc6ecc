"""Comet (comet_ml) as an offline experiment: one zip archive per run in the workdir, no API key.

An OfflineExperiment writes, when it ends, `<offline directory>/<experiment key>.zip` holding
`experiment.json` (key, project, start and stop time, whether an error was reported) and
`messages.json` (one JSON message per line: parameters, metrics, "others", captured output,
system details, installed packages, the model graph, and one message per uploaded file, whose
bytes are a separate member of the zip). Read-back parses that archive and nothing else.

Offline is not silent by itself. When an experiment starts, comet_ml asks the cloud metadata
address 169.254.169.254 whether it runs on AWS, Azure or GCP, and resolves its server's host
name to record the machine's IP address; it may also send error reports (Sentry) and fetch
announcements. The environment below turns the last two off and sends the first two to a
closed port on loopback (a proxy and a server address there), so no packet leaves the machine:
the cloud check then fails at once instead of waiting for time-outs, which a user's machine
off the cloud would do for up to a second per provider.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path, PurePath
from typing import Any

from ..stored import StoredFile, StoredRun
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker

# Nothing listens here: whatever comet_ml tries to reach over HTTP is refused on loopback.
CLOSED = "http://127.0.0.1:9"
PROJECT = "reprotree"


class Comet(Tracker):
    id = "comet"
    name = "Comet"
    full_name = "Comet ML (comet_ml, offline experiments)"
    url = "https://www.comet.com/"
    distribution = "comet_ml"
    import_name = "comet_ml"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        return {
            "COMET_OFFLINE_DIRECTORY": str(workdir.store),
            "COMET_ERROR_TRACKING_ENABLE": "false",
            "COMET_DISABLE_ANNOUNCEMENT": "true",
            "COMET_INTERNAL_REPORTING": "false",
            "COMET_URL_OVERRIDE": f"{CLOSED}/clientlib/",
            "HTTP_PROXY": CLOSED,
            "HTTPS_PROXY": CLOSED,
            "http_proxy": CLOSED,
            "https_proxy": CLOSED,
            "NO_PROXY": "127.0.0.1,localhost,::1",
            "no_proxy": "127.0.0.1,localhost,::1",
        }

    # --- inside the task's child process ---------------------------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        """comet_ml patches scikit-learn's and Keras's fit() when it is imported before them
        (the child imports the tracker first, as a user's script does) and logs through the
        running experiment by default: there is nothing to switch on."""
        if framework not in ("sklearn", "keras"):
            raise NotImplementedError(framework)
        import comet_ml  # noqa: F401

    def start_run(self, name: str) -> RunHandle:
        import comet_ml

        experiment = comet_ml.OfflineExperiment(
            project_name=PROJECT, offline_directory=os.environ["COMET_OFFLINE_DIRECTORY"]
        )
        experiment.set_name(name)
        return RunHandle(experiment.get_key(), experiment)

    def end_run(self, handle: RunHandle) -> None:
        handle.native.end()

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        handle.native.log_parameters(params)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        archive = workdir.store / f"{ref}.zip"
        if not archive.is_file():
            raise FileNotFoundError(f"no offline archive {archive.name} in {workdir.store}")
        return parse_archive(archive, workdir.runs / "comet-archives" / ref)


# The message types read into the run's fields; every other type is kept whole in `extra`.
_PARAMETER, _METRIC, _OTHER, _OUTPUT, _FILE = (
    "parameter_msg", "metric_msg", "log_other", "standard_output", "file_upload",
)  # fmt: skip


def parse_archive(archive: Path, unpack_to: Path) -> StoredRun:
    """A StoredRun from an offline archive. Uploaded files are unpacked to `unpack_to`, each
    under the name it was logged with (the archive keeps them under temporary names)."""
    if unpack_to.exists():
        shutil.rmtree(unpack_to)
    unpack_to.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpack_to / "archive")
    meta = json.loads((unpack_to / "archive" / "experiment.json").read_text(encoding="utf-8"))
    messages = read_messages(unpack_to / "archive" / "messages.json")

    stored = StoredRun(tracker="comet", run_id=meta.get("offline_id"))
    stored.start_time = _seconds(meta.get("start_time"))
    stored.end_time = _seconds(meta.get("stop_time"))
    stored.status = archive_status(meta)
    output: list[str] = []
    extra: dict[str, Any] = {"archive": meta, "messages": {}}
    uploads: list[dict[str, Any]] = []
    for kind, payload in messages:
        if kind == _PARAMETER:
            param = payload["param"]
            stored.params[str(param["paramName"])] = param.get("paramValue")
        elif kind == _METRIC:
            metric = payload["metric"]
            stored.metrics.setdefault(str(metric["metricName"]), []).append(
                metric.get("metricValue")
            )
        elif kind == _OTHER:
            stored.tags[str(payload["key"])] = payload.get("value")
        elif kind == _OUTPUT:
            output.append(str(payload.get("output", "")))
        elif kind == _FILE:
            uploads.append(payload)
        else:
            extra["messages"].setdefault(kind, []).append(payload)
    stored.name = stored.tags.get("Name")
    extra["output"] = "".join(output)
    extra["uploads"] = [_describe_upload(u) for u in uploads]
    stored.extra = extra
    stored.files = [
        StoredFile(unpack_to, f"archive/{name}", (unpack_to / "archive" / name).stat().st_size,
                   "offline archive")
        for name in ("experiment.json", "messages.json")
    ]  # fmt: skip
    stored.files += _unpack_uploads(uploads, unpack_to)
    return stored


def read_messages(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """messages.json: one {"type", "payload"} object per line, in the order they were logged."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            message = json.loads(line)
            payload = dict(message.get("payload") or {})
            payload.pop("message_id", None)
            found.append((str(message.get("type")), payload))
    return found


def archive_status(meta: dict[str, Any]) -> str | None:
    """Comet's archive has no status field: it is written when the experiment ends, with the
    stop time and a flag saying whether an error was reported. The status is what those say."""
    if meta.get("customer_error_reported"):
        return "ended with an error: " + str(meta.get("customer_error_message") or "")
    if meta.get("stop_time") is not None:
        return "ended"
    return None


def _seconds(milliseconds: Any) -> float | None:
    return milliseconds / 1000 if isinstance(milliseconds, (int, float)) else None


def _describe_upload(payload: dict[str, Any]) -> dict[str, Any]:
    params = payload.get("additional_params") or {}
    return {
        "upload_type": payload.get("upload_type"),
        "file_name": params.get("fileName"),
        "member": payload.get("file_path"),
        "metadata": payload.get("metadata"),
    }


def _unpack_uploads(uploads: list[dict[str, Any]], unpack_to: Path) -> list[StoredFile]:
    """Each uploaded file under assets/<upload type>/<the name it was logged with>."""
    files = []
    for payload in uploads:
        member = payload.get("file_path")
        if not member:
            continue  # a remote asset: only its address is stored
        source = unpack_to / "archive" / member
        if not source.is_file():
            continue
        params = payload.get("additional_params") or {}
        kind = str(payload.get("upload_type") or params.get("type") or "asset")
        name = PurePath(str(params.get("fileName") or _figure_name(params) or member)).name
        target = unpack_to / "assets" / kind / name
        counter = 1
        while target.exists():
            counter += 1
            target = target.with_name(f"{PurePath(name).stem}-{counter}{PurePath(name).suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        relative = target.relative_to(unpack_to).as_posix()
        files.append(StoredFile(unpack_to, relative, target.stat().st_size, f"upload {kind}"))
    return files


def _figure_name(params: dict[str, Any]) -> str | None:
    """A figure is uploaded under its name (figName) and format (extension), not a file name."""
    if params.get("figName") and params.get("extension"):
        return f"{params['figName']}.{params['extension']}"
    return None
