"""Guild AI 0.9.0: a user's script runs as an operation (`guild run script.py`); GUILD_HOME is the
store, inside the workdir and outside the project.

Guild is not imported by the script it tracks. `guild run` copies the project's text files into
a new run folder (GUILD_HOME/runs/<id>), records the run's attributes (.guild/attrs/: flags,
start and stop times, exit status, the command, the environment variables, the platform, the
output of pip freeze, ...), runs the script there as its working directory, keeps its output
(.guild/output) and turns output lines of the form `key: value` into scalars (TensorBoard event
files). Every file the script writes into its working directory belongs to the run.

So the probe runs each task's child process as a Guild operation (Tracker.operation): a small
script in the project calls the child's main(), and `guild run` runs it. Inside it, start_run
finds the run Guild started (RUN_ID), and end_run has nothing to do: Guild ends the run when
the script exits. Guild has no call for parameters from inside a running script (flags are
fixed when the run starts, from the script's globals or argparse); log_params writes them into
the run's flags with Guild's own Run class, as its notebook API does, which the snippets use
as a workaround.

Read-back uses Guild's own readers: guild.run.Run for attributes and status, guild.tfevent for
scalars, and the run folder's files.

Where TensorFlow is installed (the Keras group's environment), every operation loads it: Guild
writes output scalars with TensorBoard's event writer, which imports TensorFlow when it can. It
is measured as it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from ..paths import MEASURE_DIR
from ..stored import StoredRun, files_under
from ..workdir import Workdir
from .base import Framework, RunHandle, Tracker
from .serving import free_port, stop

OPERATION_SCRIPT = '''"""The probe's task as a user's script: Guild runs it with `guild run`."""
import sys

sys.path.insert(0, {measure!r})
from reprotree_probe.{module} import main

sys.exit(main({args!r}))
'''
# Attributes that are the run's parameters (params), and those kept as tags; everything else
# Guild records goes into extra.
TAG_ATTRS = ("label", "host", "user", "tags", "comment", "op")


def guild_command() -> str:
    """The `guild` program of the environment the probe runs in."""
    return str(Path(sys.executable).with_name("guild"))


class Guild(Tracker):
    id = "guild"
    name = "Guild AI"
    full_name = "Guild AI"
    url = "https://guild.ai/"
    distribution = "guildai"
    import_name = "guild"

    def environment(self, workdir: Workdir) -> dict[str, str]:
        bin_dir = str(Path(sys.executable).parent)
        return {
            # Guild's home (runs, cache) is the store: inside the workdir, outside the project.
            "GUILD_HOME": str(workdir.store),
            # `guild` on the PATH, as for a user who installed it.
            "PATH": os.pathsep.join([bin_dir, os.environ.get("PATH", "")]),
        }

    def prepare(self, workdir: Workdir) -> None:
        """The user's scripts that the component scripts run with `guild run`: the baseline's,
        unchanged, since Guild needs no code in them."""
        from ..paths import SCRIPTS_DIR

        for component in ("init", "params", "autolog"):
            source = SCRIPTS_DIR / "baseline" / f"{component}.py"
            target = workdir.project / f"{component}.py"
            text = source.read_text(encoding="utf-8")
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")

    def operation(self, workdir: Workdir, module: str, args: list[str]) -> list[str] | None:
        name = module.rsplit(".", 1)[-1]
        script = workdir.project / f"reprotree_{name}.py"
        script.write_text(
            OPERATION_SCRIPT.format(measure=str(MEASURE_DIR), module=name, args=args),
            encoding="utf-8",
        )
        return [guild_command(), "run", "--yes", script.name]

    # --- inside the task's child process (a Guild operation) ---------------------------------
    def enable_autolog(self, framework: Framework) -> None:
        raise NotImplementedError(
            "Guild AI has no auto-logging call: it records what `guild run` sees of a script"
        )

    def start_run(self, name: str) -> RunHandle:
        run_id = os.environ.get("RUN_ID")
        run_dir = os.environ.get("RUN_DIR")
        if not run_id or not run_dir:
            raise RuntimeError("not inside a Guild operation: run the script with `guild run`")
        return RunHandle(run_id, Path(run_dir))

    def end_run(self, handle: RunHandle) -> None:
        """Guild ends the run when the script exits."""

    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None:
        from guild import run as runlib

        run = runlib.Run(handle.ref, str(handle.native))
        flags = dict(run.get("flags") or {})
        flags.update({k: _plain(v) for k, v in params.items()})
        run.write_attr("flags", flags)

    # --- read-back ---------------------------------------------------------------------------
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        run_dir = workdir.store / "runs" / ref
        return parse_dump(collect(run_dir), run_dir)

    def local_server(self, workdir: Workdir) -> dict[str, Any] | None:
        return run_view_server(workdir, self.environment(workdir))


def _plain(value: Any) -> Any:
    """A value Guild's YAML attributes can hold."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def collect(run_dir: Path) -> dict[str, Any]:
    """What Guild keeps for a run, as plain data (tests/fixtures/guild keeps this, so that
    parse_dump is tested without Guild): its attributes, its status as Guild reports it, and
    its scalars from every event file in the run folder."""
    from guild import run as runlib
    from guild import tfevent

    if not (run_dir / ".guild" / "opref").is_file():
        raise FileNotFoundError(f"{run_dir} is not a Guild run")
    run = runlib.Run(run_dir.name, str(run_dir))
    names = sorted(path.name for path in Path(run.guild_path("attrs")).iterdir())
    attrs = {name: run.get(name) for name in names}
    scalars: dict[str, list[dict[str, Any]]] = {}
    for path, _digest, reader in tfevent.scalar_readers(str(run_dir)):
        prefix = os.path.relpath(path, run_dir)
        for tag, value, step in reader:
            key = tag if prefix in (".", ".guild") else f"{prefix}/{tag}"
            scalars.setdefault(key, []).append({"value": float(value), "step": int(step)})
    return {
        "run_id": run.id,
        "status": run.status,
        "opref": str(run.opref),
        "attrs": json.loads(json.dumps(attrs, default=str)),
        "scalars": scalars,
    }


def parse_dump(dump: dict[str, Any], run_dir: Path) -> StoredRun:
    """A StoredRun from collect()'s dump and the run's folder."""
    attrs = dict(dump.get("attrs") or {})
    started, stopped = attrs.get("started"), attrs.get("stopped")
    stored = StoredRun(
        tracker="guild",
        run_id=dump["run_id"],
        name=attrs.get("label") or dump.get("opref"),
        status=dump.get("status"),
        # Guild keeps times in microseconds since the epoch.
        start_time=started / 1e6 if isinstance(started, (int, float)) else None,
        end_time=stopped / 1e6 if isinstance(stopped, (int, float)) else None,
        params=dict(attrs.pop("flags", None) or {}),
        tags={k: attrs.pop(k) for k in TAG_ATTRS if k in attrs},
    )
    for key, history in (dump.get("scalars") or {}).items():
        stored.metrics[key] = [s["value"] for s in sorted(history, key=lambda s: s["step"])]
    stored.extra = {"attrs": attrs, "opref": dump.get("opref")}
    # Everything in the run folder: the copied project files, what the script wrote, and
    # Guild's own records (.guild/: attributes, output, event files).
    stored.files = files_under(run_dir, "run folder")
    return stored


# --- Guild View: the local HTTP server (collaboration, study 2.5) ---------------------------------
SERVER_OPERATION = """alpha = 0.5
print("score: 0.75")
with open("note.txt", "w") as handle:
    handle.write("stored in the run folder")
"""

_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _get(url: str, timeout: float = 10) -> bytes:
    with _NO_PROXY.open(url, timeout=timeout) as response:
        return bytes(response.read())


def run_view_server(workdir: Workdir, tracker_env: dict[str, str]) -> dict[str, Any]:
    """`guild view` on 127.0.0.1 over a Guild home of its own: one run logged with `guild run`,
    then read back through the server (its run list, the run's output and a file the run
    wrote); then the server is stopped. Guild View shows runs; it does not record them."""
    server_dir = workdir.root / "server"
    project = server_dir / "project"
    project.mkdir(parents=True, exist_ok=True)
    (project / "op.py").write_text(SERVER_OPERATION, encoding="utf-8")
    (server_dir / "home").mkdir(exist_ok=True)
    env = workdir.base_environment() | tracker_env | {"GUILD_HOME": str(server_dir / "home")}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [guild_command(), "view", "--host", "127.0.0.1", "--port", str(port), "--no-open"]
    result: dict[str, Any] = {
        "command": ["guild", *command[1:]],
        "url": url,
        "ok": False,
        "how": "a run logged with `guild run` into the server's Guild home (Guild View shows "
        "runs; it does not record them), then its list entry, output and a file it wrote read "
        "back over HTTP",
    }
    logged = subprocess.run(
        [guild_command(), "run", "--yes", "op.py", "alpha=0.25"],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if logged.returncode != 0:
        result["error"] = f"guild run failed: {logged.stderr.strip()[-2000:]}"
        return result
    log = (server_dir / "server.log").open("wb")
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        result["ready_seconds"] = _wait_ready(f"{url}/runs", server, timeout=120)
        runs = json.loads(_get(f"{url}/runs"))
        run = runs[0]
        run_id = run.get("id")
        output = _get(f"{url}/runs/{run_id}/output").decode("utf-8", "replace")
        note = _get(f"{url}/files/{run_id}/note.txt").decode("utf-8", "replace")
        result["read_back"] = {
            "run_id": run_id,
            "status": run.get("status"),
            "flags": run.get("flags"),
            "scalars": run.get("scalars"),
            "output": output[-2000:],
            "file": note,
        }
        result["ok"] = bool(run.get("flags")) and "score" in output and bool(note)
    except (TimeoutError, RuntimeError, OSError, ValueError, IndexError, KeyError) as error:
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        result["stopped"] = stop(server)
        result["seconds"] = round(time.monotonic() - started, 3)
        log.close()
        result["server_log_tail"] = (server_dir / "server.log").read_text(errors="replace")[-4000:]
    return result


def _wait_ready(url: str, server: subprocess.Popen[bytes], timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"guild view exited with code {server.returncode} first")
        try:
            _get(url, timeout=2)
            return round(time.monotonic() - start, 3)
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"guild view did not answer on {url} within {timeout:.0f} s")
