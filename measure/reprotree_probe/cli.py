"""`python -m reprotree_probe COMMAND ...`: the entry points the TypeScript orchestrator calls.

Every command prints one JSON document on stdout (or writes it to --out), progress and
diagnostics on stderr, and never asks anything. Exit codes: 0 done (a tracker that fails is a
finding inside the JSON, not an exit code), 2 a usage error (one sentence on stderr), 1 a bug
in the probe.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Any

from . import trackers
from .plan import Plan
from .records import Record, failed, measurement_file, now
from .trackers.base import COMPONENTS, Tracker
from .workdir import Workdir

# Experiment groups: what `experiment --experiment NAME` runs and which records it writes.
GROUPS: dict[str, tuple[str, ...]] = {
    "auto-logging": ("auto-logging",),
    "components": ("runtime", "memory"),
    "lines": ("lines",),
    "sklearn": ("sklearn", "log-size"),
    "keras": ("keras", "memory-from-data"),
    "collaboration": ("collaboration", "facts"),
}
ALIASES = {record: group for group, records in GROUPS.items() for record in records}


class UsageError(Exception):
    """A mistake in the command line: one sentence for stderr, exit 2."""


class Terminated(BaseException):
    """SIGTERM, turned into an exception so that every `finally` stops what it started."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        args = parser.parse_args(argv)
        result = args.handler(args)
    except UsageError as error:
        print(f"reprotree_probe: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reprotree_probe: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("reprotree_probe: terminated", file=sys.stderr)
        return 143
    except Exception:
        traceback.print_exc()
        print(
            "reprotree_probe: this is a bug in the probe; the trace above says where",
            file=sys.stderr,
        )
        return 1
    if result is not None:
        emit(result, getattr(args, "out", None))
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit is 2 as well, with usage
        raise UsageError(f"{message} (see python -m reprotree_probe --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m reprotree_probe", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("list", help="trackers, experiment groups and components, as JSON")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("environment", help="the tracker's entry and its environment's provenance")
    p.add_argument("--tracker", required=True)
    p.add_argument(
        "--workdir", help="where importing the tracker may write (default: a temporary one)"
    )
    p.add_argument("--out")
    p.set_defaults(handler=cmd_environment)

    p = sub.add_parser("sample", help="one repetition of one component: wall time and memory")
    p.add_argument("--tracker", required=True)
    p.add_argument("--component", required=True, choices=COMPONENTS)
    p.add_argument("--workdir", required=True)
    p.add_argument("--baseline", action="store_true", help="run the script without a tracker")
    p.add_argument("--out")
    p.set_defaults(handler=cmd_sample)

    p = sub.add_parser("experiment", help="records of one experiment group")
    p.add_argument("--tracker", required=True)
    p.add_argument("--experiment", required=True, help=", ".join(GROUPS))
    p.add_argument("--workdir", required=True)
    add_repetitions(p, samples=1)
    p.add_argument("--out")
    p.set_defaults(handler=cmd_experiment)

    p = sub.add_parser("run", help="development driver: a whole per-tracker measurement file")
    p.add_argument("--tracker", required=True)
    p.add_argument("--only", help="comma-separated experiment groups (default: all)")
    p.add_argument("--workdir", required=True)
    add_repetitions(p, samples=3)
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("summary", help="a plain-text digest of measurement files, for people")
    p.add_argument("files", nargs="+")
    p.set_defaults(handler=cmd_summary)

    p = sub.add_parser("validate", help="check measurement files against docs/measurements.md")
    p.add_argument("files", nargs="+")
    p.set_defaults(handler=cmd_validate)
    return parser


def add_repetitions(parser: argparse.ArgumentParser, samples: int) -> None:
    parser.add_argument(
        "--reps", type=int, default=samples, help="runtime and memory samples per component"
    )
    parser.add_argument(
        "--size-reps", type=int, default=3, help="log-size and memory-from-data samples"
    )
    parser.add_argument(
        "--mark-reps", type=int, default=1, help="runs of each marked experiment (worst mark)"
    )
    parser.add_argument(
        "--data-sizes", help="memory-from-data sizes, comma-separated (default: the study's)"
    )
    parser.add_argument(
        "--python312",
        help="a Python 3.12 interpreter: install the tracker with it, import it, run its init",
    )
    parser.add_argument(
        "--verify-snippets",
        action="store_true",
        help="also run the snippets of items the default integration stored, to verify them",
    )


def emit(result: Any, out: str | None) -> None:
    text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    if out:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        sys.stdout.write(text)


def get_tracker(tracker_id: str) -> Tracker:
    try:
        return trackers.get(tracker_id)
    except KeyError as error:
        raise UsageError(str(error.args[0])) from None


def workdir_for(path: str) -> Workdir:
    try:
        return Workdir.create(path)
    except OSError as error:
        raise UsageError(f"cannot use {path} as the working directory: {error.strerror}") from None


def enter(tracker: Tracker, workdir: Workdir) -> None:
    """Give this process the environment its children get, before anything imports the tracker:
    telemetry off, storage and home folders in the workdir."""
    env = workdir.base_environment() | tracker.environment(workdir)
    os.environ.clear()
    os.environ.update(env)


def import_error(tracker: Tracker) -> str | None:
    try:
        importlib.import_module(tracker.import_name)
    except Exception as error:  # anything a broken install raises
        return f"import {tracker.import_name} failed: {type(error).__name__}: {error}"
    return None


# --- commands ---------------------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    return {"trackers": trackers.ids(), "experiments": GROUPS, "components": list(COMPONENTS)}


def tracker_entry(tracker: Tracker) -> dict[str, Any]:
    from .environment import version_of

    error = import_error(tracker)
    entry: dict[str, Any] = {
        "name": tracker.name,
        "full_name": tracker.full_name,
        "url": tracker.url,
        "version": version_of(tracker.distribution),
        "status": "ok" if error is None else "import-failed",
    }
    if error:
        entry["error"] = error
    return entry


def cmd_environment(args: argparse.Namespace) -> dict[str, Any]:
    import tempfile

    from .environment import describe

    tracker = get_tracker(args.tracker)
    with tempfile.TemporaryDirectory(prefix="reprotree-environment-") as scratch:
        # Importing a tracker may start its telemetry or write to HOME: keep it in a workdir.
        enter(tracker, workdir_for(args.workdir or scratch))
        entry = tracker_entry(tracker)
        return {"tracker": entry, "environment": describe(tracker.id, tracker.distribution)}


def cmd_sample(args: argparse.Namespace) -> dict[str, Any]:
    from .experiments import components

    tracker = get_tracker(args.tracker)
    workdir = workdir_for(args.workdir)
    enter(tracker, workdir)
    return components.sample(tracker, workdir, args.component, baseline=args.baseline).to_json()


def group_of(name: str) -> str:
    group = name if name in GROUPS else ALIASES.get(name)
    if group is None:
        raise UsageError(f"unknown experiment {name!r}; experiments are {', '.join(GROUPS)}")
    return group


def plan_of(args: argparse.Namespace) -> Plan:
    sizes: tuple[int, ...] = ()
    if args.data_sizes:
        try:
            sizes = tuple(int(x) for x in args.data_sizes.split(","))
        except ValueError:
            raise UsageError("--data-sizes takes comma-separated whole numbers") from None
    plan = Plan(
        args.reps, args.size_reps, args.mark_reps, sizes, args.python312, args.verify_snippets
    )
    if min(plan.samples, plan.sizes, plan.marks, *sizes) < 1:
        raise UsageError("--reps, --size-reps, --mark-reps and --data-sizes must be at least 1")
    return plan


def run_group(
    tracker: Tracker,
    workdir: Workdir,
    group: str,
    plan: Plan,
    progress: Any = None,
) -> tuple[list[Record], list[dict[str, str]]]:
    """The records and substitutions of one experiment group; failures become records."""
    from .experiments import auto_logging, components

    if group == "lines":
        return components.lines(tracker), []
    started = now()
    error = import_error(tracker)
    if error:
        return [failed(name, tracker.id, error, started=started) for name in GROUPS[group]], []
    if group == "auto-logging":
        return auto_logging.run(tracker, workdir, plan), [auto_logging.SUBSTITUTION]
    if group == "components":
        return components.run(tracker, workdir, plan.samples, progress), []
    if group == "sklearn":
        from .experiments import sklearn_deep

        return sklearn_deep.run(tracker, workdir, plan), [auto_logging.SUBSTITUTION]
    if group == "keras":
        from .experiments import keras_deep

        return keras_deep.run(tracker, workdir, plan, progress)
    if group == "collaboration":
        from .experiments import collaboration

        return collaboration.run(tracker, workdir, plan), []
    raise UsageError(f"unknown experiment {group!r}")


def cmd_experiment(args: argparse.Namespace) -> dict[str, Any]:
    tracker = get_tracker(args.tracker)
    group = group_of(args.experiment)
    plan = plan_of(args)
    workdir = workdir_for(args.workdir)
    enter(tracker, workdir)
    records, substitutions = run_group(tracker, workdir, group, plan, _progress)
    return {"records": records, "substitutions": substitutions}


def _progress(message: str) -> None:
    print(f"reprotree_probe: {message}", file=sys.stderr, flush=True)


def cmd_run(args: argparse.Namespace) -> dict[str, Any]:
    tracker = get_tracker(args.tracker)
    groups = [group_of(g.strip()) for g in args.only.split(",")] if args.only else list(GROUPS)
    plan = plan_of(args)
    workdir = workdir_for(args.workdir)
    enter(tracker, workdir)
    from .environment import describe

    entry = tracker_entry(tracker)
    environment = describe(tracker.id, tracker.distribution)
    records: list[Record] = []
    substitutions: list[dict[str, str]] = []
    for group in dict.fromkeys(groups):
        _progress(f"{tracker.id}: {group}")
        more, subs = run_group(tracker, workdir, group, plan, _progress)
        records += more
        substitutions += subs
    return measurement_file(
        tracker_entry=entry,
        tracker_id=tracker.id,
        environment=environment,
        records=records,
        substitutions=substitutions,
    )


def cmd_summary(args: argparse.Namespace) -> None:
    from .summary import summarise

    for name in args.files:
        try:
            document = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UsageError(f"cannot read {name}: {error}") from None
        sys.stdout.write(summarise(document))


def cmd_validate(args: argparse.Namespace) -> dict[str, Any]:
    from .schema import validate_file

    problems: dict[str, list[str]] = {}
    for name in args.files:
        try:
            document = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UsageError(f"cannot read {name}: {error}") from None
        problems[name] = validate_file(document)
    bad = {k: v for k, v in problems.items() if v}
    if bad:
        lines = [f"{name}: {p}" for name, ps in bad.items() for p in ps]
        raise UsageError("the files do not match docs/measurements.md:\n" + "\n".join(lines))
    return {"valid": list(problems)}
