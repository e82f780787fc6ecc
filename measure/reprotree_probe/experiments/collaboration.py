"""Study 2.5, collaboration, and the 2026 facts about each tracker.

Measured here: local storage (a run stored in the workdir and read back from it), the local
HTTP tracking server (started on loopback, a run logged to it and read back, stopped), the
licence (from the installed package's metadata) and, given a Python 3.12 interpreter, whether
the tracker installs, imports and starts and ends a run there. The rest comes from
measure/facts/<tracker>.json, each item with the page it was read from and the date.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import time
from typing import Any

from ..paths import FACTS_DIR, REQUIREMENTS_DIR, repo_relative
from ..plan import Plan
from ..records import Record, failed, measured, now
from ..trackers.base import Tracker
from ..workdir import Workdir
from .common import child_environment, run_task

ITEMS = ("local-storage", "cloud", "local-server", "self-hosted", "databricks", "hosted-api")
FACT_ITEMS = ("licence", "self-hosting", "maintained", "python-3.12")


def load_facts(tracker: Tracker) -> dict[str, Any]:
    path = FACTS_DIR / f"{tracker.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["path"] = repo_relative(path)
    return data


def licence_from_metadata(distribution: str) -> str | None:
    """The licence the installed package declares: its SPDX expression, else its classifier."""
    try:
        meta = importlib.metadata.metadata(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    expression = (meta.get_all("License-Expression") or [None])[0]
    if expression:
        return expression.strip()
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: "):
            return classifier.split(" :: ")[-1]
    text = ((meta.get_all("License") or [""])[0] or "").strip()
    return text.splitlines()[0][:80] if text else None


def python_312(tracker: Tracker, workdir: Workdir, interpreter: str) -> dict[str, Any]:
    """Create a Python 3.12 environment, install the tracker's pinned requirements, import it,
    and run its init component script there (a run started and ended, as a user would): a
    tracker may import cleanly and still fail once it starts a run."""
    venv = workdir.root / "python-3.12"
    result: dict[str, Any] = {"interpreter": interpreter}
    started = time.monotonic()
    python = str(venv / "bin" / "python")
    requirements = str(REQUIREMENTS_DIR / f"{tracker.id}.txt")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    steps = {
        "venv": [interpreter, "-m", "venv", "--clear", str(venv)],
        "install": [*pip, "-r", requirements],
        "import": [
            python,
            "-c",
            f"import sys, {tracker.import_name}; print(sys.version.split()[0])",
        ],
        "init": [python, "-m", "reprotree_probe.harness", str(tracker.script("init"))],
    }
    # Installing is pip's work, importing and starting a run the tracker's: only those get the
    # tracker's environment (which may point HTTP at a closed loopback port to keep it offline).
    install_env = workdir.base_environment()
    tracker_env = child_environment(tracker, workdir)
    # The new environment's programs first, as when it is activated.
    for env in (install_env, tracker_env):
        env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
    tracker.prepare(workdir)
    for name, step in steps.items():
        env = install_env if name in ("venv", "install") else tracker_env
        done = subprocess.run(
            step, env=env, cwd=workdir.project, capture_output=True, text=True, timeout=3600
        )
        if done.returncode != 0:
            result.update(ok=False, failed_step=name, error=done.stderr.strip()[-2000:])
            break
        if name == "import":
            result["python"] = done.stdout.strip()
    else:
        result["ok"] = True
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def run(tracker: Tracker, workdir: Workdir, plan: Plan) -> list[Record]:
    started = now()
    facts = load_facts(tracker)
    documented = facts["collaboration"]
    missing = [item for item in ITEMS if item not in documented]
    if missing:
        error = f"{facts['path']} lacks the collaboration items {', '.join(missing)}"
        return [failed("collaboration", tracker.id, error, started=started)]
    marks = {item: documented[item]["mark"] for item in ITEMS}
    sources = {
        item: {"url": documented[item]["url"], "checked": documented[item]["checked"]}
        for item in ITEMS
    }
    notes = {item: documented[item].get("note", "") for item in ITEMS}
    measured_items: dict[str, Any] = {}

    how = "a run with auto-logging stored in the workdir and read back from its files"
    local = run_task(tracker, workdir, "auto-logging", "svc-iris")
    if local.stored is not None and not local.stored.run_id:
        # Some trackers keep no trace of a run that logged nothing (trackio): try again with
        # the tracker's auto-logging snippets, which log something.
        how += "; the plain run left no trace, so again with the auto-logging snippets"
        snippets = list(tracker.snippets("auto-logging"))
        local = run_task(tracker, workdir, "auto-logging", "svc-iris", snippets)
    stored_locally = (
        local.stored is not None
        and bool(local.stored.run_id)
        and all(
            f.full_path.is_file() and workdir.root in f.full_path.parents
            for f in local.stored.files
        )
    )
    measured_items["local-storage"] = {
        "how": how,
        "ok": stored_locally,
        "error": local.error or local.readback_error,
    }
    marks["local-storage"] = "+" if stored_locally else "-"

    server = tracker.local_server(workdir)
    if server is not None:
        measured_items["local-server"] = {
            "how": "started on 127.0.0.1, one run logged through it and read back, stopped",
            "ok": bool(server.get("ok")),
        }
        marks["local-server"] = "+" if server.get("ok") and server.get("stopped") else "-"
    collaboration = measured(
        "collaboration",
        tracker.id,
        started=started,
        repetitions=1,
        stdout=local.stdout,
        stderr=local.stderr,
        items=marks,
        sources=sources,
        notes=notes,
        measured=measured_items,
        facts_file=facts["path"],
        **({"server": server} if server is not None else {}),
    )
    return [collaboration, facts_record(tracker, workdir, facts, plan.python312)]


def facts_record(
    tracker: Tracker, workdir: Workdir, facts: dict[str, Any], python312: str | None
) -> Record:
    started = now()
    documented = facts["facts"]
    values = {item: documented[item]["value"] for item in FACT_ITEMS if item in documented}
    sources = {
        item: {"url": documented[item]["url"], "checked": documented[item]["checked"]}
        for item in values
    }
    measured_facts: dict[str, Any] = {}
    licence = licence_from_metadata(tracker.distribution)
    if licence:
        measured_facts["licence"] = {"how": "the installed package's metadata", "value": licence}
    if python312:
        check = python_312(tracker, workdir, python312)
        measured_facts["python-3.12"] = {
            "how": "a Python 3.12 environment from the tracker's pinned requirements, then "
            "import and the init component script (a run started and ended)",
            **check,
        }
        values["python-3.12"] = "yes" if check.get("ok") else "no"
    return measured(
        "facts",
        tracker.id,
        started=started,
        repetitions=1,
        items=values,
        sources=sources,
        measured=measured_facts,
        facts_file=facts["path"],
    )
