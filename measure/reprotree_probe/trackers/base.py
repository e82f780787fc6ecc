"""The adapter every tracker implements, so that one probe runs every experiment on any tracker.

An adapter is used in two places:

* inside a task's child process (start_run, enable_autolog, log_params, end_run, and the
  workaround snippets, which are plain files under measure/snippets/<tracker>/), and
* in the probe's own process afterwards (read_back, local_server), which reads the tracker's
  storage and never sees what the child meant to log.

Component scripts for runtime, memory and lines (measure/scripts/<tracker>/) do not go through
the adapter: they are the code a user would write, measured and counted as they are.
"""

from __future__ import annotations

import abc
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from ..paths import SCRIPTS_DIR, SNIPPETS_DIR
from ..stored import StoredRun
from ..workdir import Workdir

Framework = Literal["sklearn", "keras"]
SnippetKind = Literal["api", "workaround"]
COMPONENTS = ("init", "params", "autolog")


@dataclass(frozen=True)
class RunHandle:
    """A run the adapter started: `ref` is what read_back needs to find it again."""

    ref: str
    native: Any = None


@dataclass(frozen=True)
class Snippet:
    """Tracker code that stores one item the default integration does not.

    A snippet file defines KIND ("api": one call of the tracker's logging API made for that
    kind of thing, fed with what the user already has; "workaround": the user has to gather or
    reshape the information first, or borrow a mechanism meant for something else) and one or
    more of before_fit(ctx) and after_evaluate(ctx), called inside the open run, and
    before_run(ctx), called before the run starts (for trackers that take some things, such as
    Sacred's configuration, only when a run starts; ctx.handle is None then).
    """

    item: str
    path: Path
    kind: SnippetKind
    before_fit: Callable[[Any], None] | None
    after_evaluate: Callable[[Any], None] | None
    before_run: Callable[[Any], None] | None = None


class Tracker(abc.ABC):
    """One experiment tracker, as the probes drive and read it."""

    id: str  # e.g. "mlflow": the name of its requirements file, scripts and snippets folders
    name: str  # display name
    full_name: str
    url: str
    distribution: str  # the pip distribution whose version is the tracker's version
    import_name: str  # what `import` loads; its failure is the finding "import-failed"

    # Which workdir subfolders the tracker's own storage occupies (for log size).
    def store_paths(self, workdir: Workdir) -> list[Path]:
        return [workdir.store]

    @abc.abstractmethod
    def environment(self, workdir: Workdir) -> dict[str, str]:
        """Environment variables (added to workdir.base_environment()) that keep the tracker
        offline, its telemetry off and its storage inside the workdir."""

    def prepare(self, workdir: Workdir) -> None:  # noqa: B027 - optional hook
        """Create the tracker's storage before anything is timed (e.g. a database schema), so
        that the first timed sample does not pay for it. Runs in the probe's process with the
        tracker's environment applied."""

    # --- inside the task's child process -------------------------------------------------
    @abc.abstractmethod
    def enable_autolog(self, framework: Framework) -> None:
        """Turn on the tracker's default integration for a framework; raise NotImplementedError
        when the tracker has none."""

    def keras_callbacks(self, handle: RunHandle) -> list[Any]:
        """The callbacks a user passes to Keras's fit() for the tracker's Keras integration,
        for trackers whose integration is a callback rather than a patch that enable_autolog
        applies. Called after start_run and enable_autolog("keras")."""
        return []

    @abc.abstractmethod
    def start_run(self, name: str) -> RunHandle: ...

    @abc.abstractmethod
    def end_run(self, handle: RunHandle) -> None: ...

    @abc.abstractmethod
    def log_params(self, handle: RunHandle, params: dict[str, Any]) -> None: ...

    # --- in the probe's process, after the child has exited ----------------------------------
    @abc.abstractmethod
    def read_back(self, workdir: Workdir, ref: str) -> StoredRun:
        """Everything the tracker's storage holds for the run `ref`: metadata, params, metrics,
        tags and every file, including files kept outside the run's own folder."""

    def operation(self, workdir: Workdir, module: str, args: list[str]) -> list[str] | None:
        """For a tracker that runs a user's script as an operation of its own instead of being
        imported by it (Guild AI's `guild run`): the command, run in workdir.project, that runs
        `python -m module args` that way. None (the default): the probe runs it directly."""
        return None

    def local_server(self, workdir: Workdir) -> dict[str, Any] | None:
        """Start the tracker's local HTTP tracking server on loopback, log a run to it, read the
        run back, stop the server, and say what happened. None when there is no such server."""
        return None

    # --- files kept in the repository per tracker ----------------------------------------
    def script(self, component: str) -> Path:
        return SCRIPTS_DIR / self.id / f"{component}.py"

    def snippets(self, experiment: str) -> dict[str, Snippet]:
        """The snippets for an experiment, by item: the built-in parameter snippets, which call
        log_params, and the tracker's own files (file name without .py), which take precedence."""
        from .. import params_snippets

        found: dict[str, Snippet] = {
            item: Snippet(item, params_snippets.PATH, "api", None, hook)
            for item, hook in params_snippets.BUILTIN.get(experiment, {}).items()
        }
        folder = SNIPPETS_DIR / self.id / experiment
        if folder.is_dir():
            for path in sorted(folder.glob("*.py")):
                found[path.stem] = load_snippet(path)
        return found


def load_snippet(path: Path) -> Snippet:
    module = _load_module(path)
    kind = getattr(module, "KIND", None)
    if kind not in ("api", "workaround"):
        raise ValueError(f"{path}: KIND must be 'api' or 'workaround', not {kind!r}")
    before = getattr(module, "before_fit", None)
    after = getattr(module, "after_evaluate", None)
    at_start = getattr(module, "before_run", None)
    if before is None and after is None and at_start is None:
        raise ValueError(
            f"{path}: defines none of before_run(ctx), before_fit(ctx) and after_evaluate(ctx)"
        )
    return Snippet(path.stem, path, kind, before, after, at_start)


def _load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"reprotree_snippet_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
