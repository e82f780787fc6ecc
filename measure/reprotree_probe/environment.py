"""Provenance of a tracker's virtual environment: the `environments` entry of a measurement file.

Install time cannot be seen from inside an environment, so whoever creates it (measure/ci.sh,
or the TypeScript orchestrator) writes `reprotree-install.json` ({"seconds": ...}) into the
environment's folder (sys.prefix); the probe reads it from there. The install size is the size
of that folder on disk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from .paths import REQUIREMENTS_DIR, repo_relative
from .tasks.sklearn_tasks import cpu_model

INSTALL_MARKER = "reprotree-install.json"


def machine_id() -> str:
    """A short, stable id of the machine: a hash of /etc/machine-id (or the host name), so that
    files measured on one machine can be told apart without naming it."""
    for path in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        try:
            text = path.read_text().strip()
        except OSError:
            continue
        if text:
            return hashlib.sha256(text.encode()).hexdigest()[:12]
    return hashlib.sha256(platform.node().encode()).hexdigest()[:12]


def folder_bytes(root: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).lstat().st_size
    return total


def pip_freeze() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--all"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [line for line in done.stdout.splitlines() if line.strip()]


def version_of(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def install_facts(prefix: Path) -> dict[str, Any]:
    """What the environment's creator recorded (seconds, requirement files), and its size."""
    marker: dict[str, Any] = {}
    try:
        marker = json.loads((prefix / INSTALL_MARKER).read_text())
    except (OSError, ValueError):
        marker = {}
    return {
        "install_seconds": marker.get("seconds"),
        "install_bytes": folder_bytes(prefix),
        "installed_from": marker.get("requirements"),
    }


def describe(tracker_id: str, distribution: str) -> dict[str, Any]:
    import psutil

    prefix = Path(sys.prefix)
    requirements = REQUIREMENTS_DIR / f"{tracker_id}.txt"
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "tracker_version": version_of(distribution),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_bytes": psutil.virtual_memory().total,
        "machine": machine_id(),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "pip_freeze": pip_freeze(),
        "requirements": repo_relative(requirements),
        "prefix": str(prefix),
        **install_facts(prefix),
    }
