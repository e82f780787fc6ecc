"""Study 2.5, collaboration; the group also writes the 2026 facts record (facts.py).

Measured here: local storage (a run stored in the workdir and read back from it) and the local
HTTP tracking server (started on loopback, a run logged to it and read back, stopped). The rest
comes from measure/facts/<tracker>.json, each item with the page it was read from and the date.
"""

from __future__ import annotations

import json
from typing import Any

from ..paths import FACTS_DIR, repo_relative
from ..plan import Plan
from ..records import Record, failed, measured, now
from ..trackers.base import Tracker
from ..workdir import Workdir
from .common import run_task
from .facts import FACT_ITEMS, facts_record

ITEMS = ("local-storage", "cloud", "local-server", "self-hosted", "databricks", "hosted-api")
__all__ = ["FACT_ITEMS", "ITEMS", "load_facts", "run"]


def load_facts(tracker: Tracker) -> dict[str, Any]:
    path = FACTS_DIR / f"{tracker.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["path"] = repo_relative(path)
    return data


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
