"""The child process of a task run: one fresh interpreter runs one task under one tracker.

    python -m reprotree_probe.child task --tracker T --experiment E --task K --workdir D
           --report FILE [--snippet ITEM ...]
    python -m reprotree_probe.child keras-memory --tracker T --size N --workdir D
    python -m reprotree_probe.child operation -- COMMAND...

`task` runs the tracker's default integration (auto-logging on, a run around the task) plus the
named workaround snippets, and writes a report: the run's reference in the tracker's store and
what the task really did (the reference the checks compare with). It never reads the store.
`keras-memory` trains the CNN on seeded random data of N images, its training measured through
the harness's gate (memory against data size, study 2.4). `operation` measures a command through
the gate: a tracker that runs scripts as operations of its own (Tracker.operation) runs
`keras-memory` inside that command, where the gate lets every step pass.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import trackers
from .trackers.base import Framework, RunHandle, Snippet, Tracker
from .workdir import Workdir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reprotree_probe.child")
    sub = parser.add_subparsers(dest="command", required=True)
    task = sub.add_parser("task")
    task.add_argument("--tracker", required=True)
    task.add_argument("--experiment", required=True, choices=["auto-logging", "sklearn", "keras"])
    task.add_argument("--task", required=True)
    task.add_argument("--workdir", required=True)
    task.add_argument("--report", required=True)
    task.add_argument("--snippet", action="append", default=[])
    memory = sub.add_parser("keras-memory")
    memory.add_argument("--tracker", required=True)
    memory.add_argument("--size", type=int, required=True)
    memory.add_argument("--workdir", required=True)
    operation = sub.add_parser("operation")
    operation.add_argument("operation", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.command == "operation":
        run_operation(args.operation[1:] if args.operation[:1] == ["--"] else args.operation)
        return 0
    tracker = trackers.get(args.tracker)
    workdir = Workdir.create(args.workdir)
    # A user's script imports its tracker at the top, before the libraries it uses; some
    # integrations depend on that (Comet patches only libraries imported after it).
    importlib.import_module(tracker.import_name)
    if args.command == "keras-memory":
        keras_memory(tracker, args.size)
        return 0
    available = tracker.snippets(args.experiment)
    snippets = [available[item] for item in args.snippet]
    if args.experiment == "keras":
        report = keras_task(tracker, workdir, snippets)
    else:
        report = sklearn_task(tracker, workdir, args.experiment, args.task, snippets)
    Path(args.report).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


def enable_autolog(tracker: Tracker, framework: Framework) -> bool:
    """Turn on the default integration; a tracker without one for this framework runs the task
    with a plain run (its default integration is then the run alone)."""
    try:
        tracker.enable_autolog(framework)
    except NotImplementedError:
        print(f"{tracker.name} has no auto-logging for {framework}", file=sys.stderr)
        return False
    return True


def before_run(snippets: list[Snippet], ctx: Any) -> None:
    for snippet in snippets:
        if snippet.before_run:
            snippet.before_run(ctx)


def _script_path() -> str:
    """The script that ran: sys.argv[0] (python -m sets it to the module's file; a tracker
    that runs the script inside a launcher of its own, as Guild's op_main does, sets it to the
    script), else the __main__ module's file."""
    if sys.argv and sys.argv[0].endswith(".py") and Path(sys.argv[0]).is_file():
        return str(Path(sys.argv[0]).resolve())
    main_module = sys.modules.get("__main__")
    return str(Path(getattr(main_module, "__file__", sys.argv[0])).resolve())


def _start_run(
    run: Any,
    tracker: Tracker,
    workdir: Workdir,
    snippets: list[Snippet],
    framework: Framework,
    name: str,
) -> tuple[float, bool, RunHandle]:
    """What every task does before it fits, in this order: the context snippets see, auto-logging,
    the snippets' before-run step, the run, and their before-fit step. Returns when it started,
    whether auto-logging is on, and the run."""
    run.script_path = _script_path()
    run.workdir = workdir.root
    run.tracker = tracker
    started = time.time()
    autolog = enable_autolog(tracker, framework)
    before_run(snippets, run)
    handle = tracker.start_run(name)
    run.handle = handle
    for snippet in snippets:
        if snippet.before_fit:
            snippet.before_fit(run)
    return started, autolog, handle


def _end_run(run: Any, tracker: Tracker, handle: RunHandle, snippets: list[Snippet]) -> float:
    """The snippets' after-evaluate step, then the run's end; returns when it ended."""
    for snippet in snippets:
        if snippet.after_evaluate:
            snippet.after_evaluate(run)
    tracker.end_run(handle)
    return time.time()


def sklearn_task(
    tracker: Tracker, workdir: Workdir, experiment: str, task: str, snippets: list[Snippet]
) -> dict[str, Any]:
    from .tasks import sklearn_tasks

    deep = experiment == "sklearn"
    run = sklearn_tasks.make(task, project=workdir.project, deep=deep)
    started, autolog, handle = _start_run(
        run, tracker, workdir, snippets, "sklearn", f"{experiment}-{task}"
    )
    run.model.fit(run.X_train, run.y_train)
    run.scores = run.evaluate()
    if deep:
        run.figure = sklearn_tasks.draw_figure(run)
    finished = _end_run(run, tracker, handle, snippets)
    out = workdir.runs / handle.ref
    return {
        "run_ref": handle.ref,
        "window": [started, finished],
        "autolog": autolog,
        "workdir": str(workdir.root),
        "snippets": [s.item for s in snippets],
        "reference": sklearn_tasks.reference(run, out),
    }


@dataclass
class KerasRun:
    """The Keras task's state; snippets receive it as their context."""

    model: Any
    X_train: Any
    X_test: Any
    y_train: Any
    y_test: Any
    fit_params: dict[str, Any]
    history: dict[str, list[float]] = field(default_factory=dict)
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)
    handle: Any = None
    script_path: str | None = None
    workdir: Path | None = None
    tracker: Any = None


def keras_task(tracker: Tracker, workdir: Workdir, snippets: list[Snippet]) -> dict[str, Any]:
    import numpy as np
    from sklearn.model_selection import train_test_split

    from .tasks import keras_task as kt

    X, y = kt.digits_28()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=kt.SEED)
    model = kt.build_model()
    fit_params = {
        "epochs": kt.EPOCHS,
        "batch_size": kt.BATCH_SIZE,
        "validation_split": kt.VALIDATION_SPLIT,
    }
    run = KerasRun(model, X_train, X_test, y_train, y_test, fit_params)
    started, autolog, handle = _start_run(run, tracker, workdir, snippets, "keras", "keras-digits")
    callbacks = tracker.keras_callbacks(handle) if autolog else []
    history = model.fit(X_train, y_train, verbose=2, callbacks=callbacks, **fit_params)
    run.history = {k: [float(v) for v in vs] for k, vs in history.history.items()}
    test_loss, test_accuracy = model.evaluate(X_test, y_test, verbose=0)
    print(f"test loss: {test_loss:.6f}  test accuracy: {test_accuracy:.6f}")
    run.metrics = {
        "train": {"loss": run.history["loss"][-1], "accuracy": run.history["accuracy"][-1]},
        "validation": {
            "loss": run.history["val_loss"][-1],
            "accuracy": run.history["val_accuracy"][-1],
        },
        "test": {"loss": float(test_loss), "accuracy": float(test_accuracy)},
    }
    finished = _end_run(run, tracker, handle, snippets)
    out = workdir.runs / handle.ref
    out.mkdir(parents=True, exist_ok=True)
    sample = X_test[:16]
    np.save(out / "x_sample.npy", sample)
    np.save(out / "predictions.npy", model.predict(sample, verbose=0))
    optimizer = model.optimizer
    return {
        "run_ref": handle.ref,
        "window": [started, finished],
        "autolog": autolog,
        "snippets": [s.item for s in snippets],
        "reference": {
            "fit_params": fit_params,
            "optimizer": {
                "class": type(optimizer).__name__,
                "name": str(getattr(optimizer, "name", "")),
                "learning_rate": float(np.asarray(optimizer.learning_rate)),
            },
            "metrics": run.metrics,
            "layers": kt.layer_facts(model),
            "x_sample": str(out / "x_sample.npy"),
            "predictions": str(out / "predictions.npy"),
        },
    }


def keras_memory(tracker: Tracker, size: int) -> None:
    """Set-up: imports, data, model. Measured: auto-logging on, a run, one epoch, run ended."""
    from .harness import Gate
    from .tasks import keras_task as kt

    gate = Gate()
    images, labels = kt.synthetic(size)
    model = kt.build_model()

    def train() -> None:
        autolog = enable_autolog(tracker, "keras")
        handle = tracker.start_run(f"keras-memory-{size}")
        model.fit(
            images,
            labels,
            callbacks=tracker.keras_callbacks(handle) if autolog else [],
            epochs=1,
            batch_size=kt.BATCH_SIZE,
            validation_split=kt.VALIDATION_SPLIT,
            verbose=2,
        )
        tracker.end_run(handle)

    gate.measured(train)


def run_operation(command: list[str]) -> None:
    """The measured part is a tracker's whole operation (a tracker that runs scripts itself):
    set-up is nothing, the operation does its own imports and data."""
    import subprocess

    from .harness import Gate

    gate = Gate()

    def operation() -> None:
        subprocess.run(command, check=True, stdin=subprocess.DEVNULL)

    gate.measured(operation)


if __name__ == "__main__":
    sys.exit(main())
