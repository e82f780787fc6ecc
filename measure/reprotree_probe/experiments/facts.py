"""The 2026 facts about each tracker, as data the scorer scores (docs/measurements.md, "facts").

Each item of the record is an object with a `status`:

- ``licence`` (measured): the licence the installed distribution declares, read from its
  metadata and written as an SPDX expression where the metadata says which one, with whether it
  carries an "OSI Approved" classifier; plus, from measure/facts/<tracker>.json, the licence of
  the server or hosted service the tracker is used with (``none`` when the package is all there
  is, ``proprietary``, or an SPDX expression).
- ``self-hosting`` (documented): ``+`` everything runs on machines you control without a paid
  plan or a licence from the vendor, ``(+)`` only with one, ``-`` not at all; with its source.
- ``maintained`` (measured): the latest release on PyPI and the day it was uploaded, from
  PyPI's JSON API; when PyPI cannot be asked, ``not-measured`` with why. Never guessed.
- ``python-3.12`` (measured, given an interpreter): a Python 3.12 environment from the
  tracker's pinned requirements, the import, and its init script (a run started and ended).

The probe states no expected value: it reads what the package, PyPI and Python 3.12 say.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from ..paths import REQUIREMENTS_DIR
from ..records import Record, failed, measured, now
from ..trackers.base import Tracker
from ..workdir import Workdir
from .common import child_environment

FACT_ITEMS = ("licence", "self-hosting", "maintained", "python-3.12")
# The facts measure/facts/<tracker>.json documents (the rest are measured here).
DOCUMENTED = ("licence", "self-hosting")
PYPI = "https://pypi.org/pypi/{}/json"
PYPI_TIMEOUT_S = 20
SELF_HOSTING_MARKS = ("+", "(+)", "-")

# Trove classifiers that name one licence exactly, as SPDX ids. "BSD License" and "Apache
# Software License" name a family without its version; those are read from the License field.
CLASSIFIER_SPDX = {
    "MIT License": "MIT",
    "MIT No Attribution License (MIT-0)": "MIT-0",
    "ISC License (ISCL)": "ISC",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
    "GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "GNU Affero General Public License v3": "AGPL-3.0-only",
    "Eclipse Public License 2.0 (EPL-2.0)": "EPL-2.0",
    "The Unlicense (Unlicense)": "Unlicense",
}
# How a License field (free text) names a licence, where it names it exactly.
LICENSE_FIELD_SPDX = {
    "mit": "MIT",
    "mit license": "MIT",
    "apache 2.0": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache software license 2.0": "Apache-2.0",
    "bsd-2-clause": "BSD-2-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "mpl-2.0": "MPL-2.0",
}
# A License field holding the whole Apache licence names its version in its first lines.
APACHE_2_TEXT = re.compile(r"Apache License\s+Version 2\.0", re.IGNORECASE)


def licence_from_metadata(distribution: str) -> dict[str, Any]:
    """What the installed distribution's metadata says of its licence.

    `spdx` is an SPDX expression where the metadata names the licence exactly (its
    License-Expression, a classifier naming one licence, or a License field that names one), else
    None; `osi_classifier` whether it carries a "License :: OSI Approved" classifier; `declared`
    and `field` what was read, and where.
    """
    try:
        meta = importlib.metadata.metadata(distribution)
    except importlib.metadata.PackageNotFoundError:
        return {
            "status": "not-measured",
            "why": f"the distribution {distribution} is not installed",
        }
    classifiers = [
        c.split(" :: ", 1)[1]
        for c in meta.get_all("Classifier") or []
        if c.startswith("License :: ")
    ]
    osi = any(c.startswith("OSI Approved") for c in classifiers)
    field_text = ((meta.get_all("License") or [""])[0] or "").strip()
    result: dict[str, Any] = {"status": "measured", "osi_classifier": osi}
    expression = ((meta.get_all("License-Expression") or [""])[0] or "").strip()
    if expression:
        return {**result, "spdx": expression, "declared": expression, "field": "License-Expression"}
    for classifier in classifiers:
        name = classifier.split(" :: ")[-1]
        if name in CLASSIFIER_SPDX:
            spdx = CLASSIFIER_SPDX[name]
            return {
                **result,
                "spdx": spdx,
                "declared": f"License :: {classifier}",
                "field": "Classifier",
            }
    first_line = field_text.splitlines()[0].strip() if field_text else ""
    named = LICENSE_FIELD_SPDX.get(first_line.lower())
    if named is not None:
        return {**result, "spdx": named, "declared": first_line[:200], "field": "License"}
    whole = APACHE_2_TEXT.search(field_text[:2000])
    if whole is not None:
        text = " ".join(whole.group(0).split()) + " (the licence's full text)"
        return {**result, "spdx": "Apache-2.0", "declared": text, "field": "License"}
    declared = f"License :: {classifiers[0]}" if classifiers else first_line[:200] or None
    field = "Classifier" if classifiers else ("License" if first_line else None)
    return {**result, "spdx": None, "declared": declared, "field": field}


Fetch = Callable[[str, float], bytes]


def _fetch(url: str, timeout: float) -> bytes:
    # Directly, as pip is run: this process carries the tracker's environment, which may point
    # HTTP at a closed loopback proxy to keep the tracker offline (Comet); PyPI is not the tracker.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with opener.open(request, timeout=timeout) as response:
        data: bytes = response.read()
        return data


def latest_release(
    distribution: str, fetch: Fetch = _fetch
) -> tuple[dict[str, Any], dict[str, str]]:
    """The latest release PyPI lists for `distribution` and the day it was uploaded (its
    earliest file's upload time), with the URL asked and when; `not-measured` when PyPI
    cannot be asked or does not say."""
    url = PYPI.format(distribution)
    checked = now()
    source = {"url": url, "checked": checked}
    try:
        document = json.loads(fetch(url, PYPI_TIMEOUT_S))
        version = document["info"]["version"]
        files = document["releases"].get(version) or []
        uploads = sorted(f["upload_time_iso_8601"] for f in files if f.get("upload_time_iso_8601"))
    except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as error:
        why = f"PyPI's JSON API could not be read: {type(error).__name__}: {error}"
        return {"status": "not-measured", "why": why[:500]}, source
    if not uploads:
        return {
            "status": "not-measured",
            "why": f"PyPI lists {version} with no uploaded files",
        }, source
    released = uploads[0]
    yanked = bool(files) and all(f.get("yanked") for f in files)
    return {"status": "measured", "latest": version, "released": released, "yanked": yanked}, source


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


def _documented(facts: dict[str, Any], item: str) -> dict[str, Any]:
    """A documented fact with its source, checked for what the record needs of it."""
    entry = facts.get("facts", {}).get(item)
    if not isinstance(entry, dict) or not entry.get("url") or not entry.get("checked"):
        raise ValueError(
            f"{facts['path']} documents no {item} fact with its url and the day checked"
        )
    if item == "licence" and not (isinstance(entry.get("server"), str) and entry["server"]):
        raise ValueError(
            f"{facts['path']}: the licence fact needs `server` (none, proprietary or an SPDX id)"
        )
    if item == "self-hosting" and entry.get("mark") not in SELF_HOSTING_MARKS:
        raise ValueError(f"{facts['path']}: self-hosting needs a mark of +, (+) or -")
    return entry


def facts_record(
    tracker: Tracker,
    workdir: Workdir,
    facts: dict[str, Any],
    python312: str | None,
    fetch: Fetch = _fetch,
) -> Record:
    """The facts record: every item measured where it can be, documented where it cannot."""
    started = now()
    sources: dict[str, dict[str, str]] = {}
    notes: dict[str, str] = {}
    how: dict[str, str] = {}
    try:
        licence_doc = _documented(facts, "licence")
        hosting_doc = _documented(facts, "self-hosting")
    except ValueError as error:
        return failed("facts", tracker.id, str(error), started=started)

    licence = {**licence_from_metadata(tracker.distribution), "server": licence_doc["server"]}
    sources["licence"] = {"url": licence_doc["url"], "checked": licence_doc["checked"]}
    notes["licence"] = licence_doc.get("note", "")
    how["licence"] = (
        f"the installed distribution {tracker.distribution}'s metadata (License-Expression, "
        "licence classifiers, License field); the server's licence from " + facts["path"]
    )

    hosting = {"status": "documented", "mark": hosting_doc["mark"]}
    sources["self-hosting"] = {"url": hosting_doc["url"], "checked": hosting_doc["checked"]}
    notes["self-hosting"] = hosting_doc.get("note", "")

    maintained, sources["maintained"] = latest_release(tracker.distribution, fetch)
    how["maintained"] = "PyPI's JSON API: the latest version and the upload time of its files"

    python: dict[str, Any]
    if python312:
        check = python_312(tracker, workdir, python312)
        python = {
            "status": "measured",
            "ok": bool(check.get("ok")),
            "python": check.get("python"),
            "failed_step": check.get("failed_step"),
            **({"error": check["error"]} if "error" in check else {}),
            "interpreter": check["interpreter"],
            "seconds": check["seconds"],
        }
        how["python-3.12"] = (
            "a Python 3.12 environment from the tracker's pinned requirements, then the import "
            "and the init component script (a run started and ended)"
        )
    else:
        python = {
            "status": "not-measured",
            "why": "no Python 3.12 interpreter was given (--python312)",
        }
    return measured(
        "facts",
        tracker.id,
        started=started,
        repetitions=1,
        items={
            "licence": licence,
            "self-hosting": hosting,
            "maintained": maintained,
            "python-3.12": python,
        },
        sources=sources,
        notes={item: note for item, note in notes.items() if note},
        measured=how,
        facts_file=facts["path"],
    )
