"""A tracker's working directory: every file the tracker or its helpers write stays inside it.

Layout under the directory given with --workdir:

    home/      HOME and the XDG folders, so nothing lands in the user's home
    tmp/       TMPDIR
    project/   the current directory of every task, as a user's project folder would be
    store/     the tracker's own storage (database, artifacts), created by its adapter
    runs/      what the probe itself writes per run (reports of the child processes)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .paths import REPO_DIR

# A value for PYTHONHASHSEED that the environment deep-dive item looks for: reproducibility
# needs it fixed (the study's Section 3), so a task runs with it set, as a careful user would.
HASH_SEED = "20210420"


@dataclass(frozen=True)
class Workdir:
    root: Path

    @classmethod
    def create(cls, root: str | Path) -> Workdir:
        path = Path(root).expanduser().resolve()
        wd = cls(path)
        for sub in (wd.home, wd.tmp, wd.project, wd.store, wd.runs):
            sub.mkdir(parents=True, exist_ok=True)
        return wd

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def project(self) -> Path:
        return self.root / "project"

    @property
    def store(self) -> Path:
        return self.root / "store"

    @property
    def runs(self) -> Path:
        return self.root / "runs"

    def sub(self, name: str) -> Workdir:
        """A fresh, separate workdir inside this one (its own store), e.g. for one log-size run."""
        return Workdir.create(self.root / "sub" / name)

    def base_environment(self) -> dict[str, str]:
        """The process environment for anything that imports a tracker: the parent's, with every
        home-like folder moved into the workdir and plots drawn without a display."""
        env = dict(os.environ)
        home = str(self.home)
        env.update(
            {
                "HOME": home,
                "USERPROFILE": home,
                "XDG_CONFIG_HOME": str(self.home / ".config"),
                "XDG_CACHE_HOME": str(self.home / ".cache"),
                "XDG_DATA_HOME": str(self.home / ".local" / "share"),
                "XDG_STATE_HOME": str(self.home / ".local" / "state"),
                "TMPDIR": str(self.tmp),
                "TEMP": str(self.tmp),
                "TMP": str(self.tmp),
                "MPLCONFIGDIR": str(self.home / ".config" / "matplotlib"),
                "MPLBACKEND": "Agg",
                "PYTHONHASHSEED": HASH_SEED,
                "PYTHONDONTWRITEBYTECODE": "1",
                # Every tracker honours at least one of these where it has telemetry.
                "DO_NOT_TRACK": "1",
                "TF_CPP_MIN_LOG_LEVEL": "2",
            }
        )
        # The task scripts live in reprotree's own checkout, which is not the user's project:
        # trackers that record the script's git state must not find it (git stops its search
        # for a repository below this folder; a project folder's own repository is found).
        env["GIT_CEILING_DIRECTORIES"] = str(REPO_DIR)
        # Never point a tracker at a proxy or a server the parent happened to know about.
        for key in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
            env.pop(key, None)
        return env
