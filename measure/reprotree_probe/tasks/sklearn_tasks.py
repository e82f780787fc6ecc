"""The scikit-learn tasks of the study's 2.1-2.3: a Ridge regression on the diabetes data (the
study used Boston housing, which scikit-learn no longer ships) and an SVC on iris.

A task is what a user's script does: load data, split it, fit an estimator with its default
parameters, and evaluate it on both splits. Everything the probe later compares stored values
with (the estimator's parameters, its metrics, the data) is gathered here as the reference.
"""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes, load_iris
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

from .metrics import predictions

TEST_SIZE = 0.25
SPLIT_SEED = 0  # a split on which the training and test scores differ for both tasks


@dataclass
class SklearnRun:
    """Everything a task made in one run; snippets receive it as their context."""

    task: str
    model: Any
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    kind: str  # "regression" | "classification"
    other_params: dict[str, Any] = field(default_factory=dict)
    data_files: dict[str, Path] = field(default_factory=dict)
    data_path: str | None = None
    figure: Any = None
    script_path: str | None = None
    workdir: Path | None = None
    handle: Any = None
    tracker: Any = None  # the adapter, for the built-in parameter snippets
    scores: dict[str, float] = field(default_factory=dict)

    def evaluate(self) -> dict[str, float]:
        """Score both splits the way a user would: the estimator's own score()."""
        scores = {
            "train": float(self.model.score(self.X_train, self.y_train)),
            "test": float(self.model.score(self.X_test, self.y_test)),
        }
        print(f"train score: {scores['train']:.6f}  test score: {scores['test']:.6f}")
        return scores


TASKS = ("ridge-diabetes", "svc-iris")


def make(task: str, *, project: Path, deep: bool = False) -> SklearnRun:
    """The data and the unfitted estimator of a task. With `deep` (the 2.3 deep dive) the data
    is read from a CSV file in the project folder, so that it has a path from the project root,
    and the run carries the non-estimator parameters a user would set."""
    X, y = _load(task)
    if task == "ridge-diabetes":
        model: Any = Ridge(alpha=0.5) if deep else Ridge()
        kind = "regression"
    else:
        model = SVC()
        kind = "classification"
    data_path = None
    if deep:
        data_path = write_data(task, project)
        table = np.loadtxt(project / data_path, delimiter=",")
        X, y = table[:, :-1], table[:, -1]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=TEST_SIZE, random_state=SPLIT_SEED
    )
    run = SklearnRun(task, model, X_train, X_test, y_train, y_test, kind, data_path=data_path)
    if deep:
        run.other_params = {"test_size": TEST_SIZE, "split_seed": SPLIT_SEED}
    return run


def _load(task: str) -> tuple[np.ndarray, np.ndarray]:
    if task == "ridge-diabetes":
        return load_diabetes(return_X_y=True)
    if task == "svc-iris":
        return load_iris(return_X_y=True)
    raise ValueError(f"unknown task {task!r}; tasks are {', '.join(TASKS)}")


def write_data(task: str, project: Path) -> str:
    """Write the task's data as a CSV file in the project (the same bytes every time) and
    return its path from the project root."""
    X, y = _load(task)
    data_path = f"data/{task}.csv"
    csv = project / data_path
    csv.parent.mkdir(parents=True, exist_ok=True)
    np.savetxt(csv, np.column_stack([X, y]), delimiter=",", fmt="%.17g")
    return data_path


def draw_figure(run: SklearnRun) -> Any:
    """The plot of the deep dive: predictions against the truth on the test split."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.scatter(run.y_test, run.model.predict(run.X_test), s=6)
    ax.set_xlabel("true")
    ax.set_ylabel("predicted")
    fig.tight_layout()
    return fig


def reference(run: SklearnRun, out: Path) -> dict[str, Any]:
    """What the run really was, for the checks: written by the child after the run ended, read
    by the parent. Metrics are left to the parent (see tasks/metrics.py); the arrays they need
    are saved here."""
    out.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {"kind": run.kind}
    for split, X, y in (("train", run.X_train, run.y_train), ("test", run.X_test, run.y_test)):
        np.save(out / f"y_{split}.npy", y)
        arrays[f"y_{split}"] = str(out / f"y_{split}.npy")
        for name, values in predictions(run.model, X).items():
            np.save(out / f"{name}_{split}.npy", values)
            arrays[f"{name}_{split}"] = str(out / f"{name}_{split}.npy")
    if hasattr(run.model, "classes_"):
        np.save(out / "classes.npy", run.model.classes_)
        arrays["classes"] = str(out / "classes.npy")
    np.save(out / "X_test.npy", run.X_test)
    data: dict[str, Any] = {
        "task": run.task,
        "kind": run.kind,
        "estimator": type(run.model).__name__,
        "estimator_params": {k: _jsonable(v) for k, v in run.model.get_params(deep=False).items()},
        "arrays": arrays,
        "scores": run.scores,
        "sklearn_version": sklearn.__version__,
        "packages": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "other_params": run.other_params,
        "data_path": run.data_path,
        "x_test": str(out / "X_test.npy"),
        "predictions": arrays["pred_test"],
        "script_path": run.script_path,
        "system": system_facts(),
    }
    if run.data_path and run.workdir:
        splits = {
            "train": np.column_stack([run.X_train, run.y_train]),
            "test": np.column_stack([run.X_test, run.y_test]),
        }
        data["data"] = {}
        for name, table in splits.items():
            np.save(out / f"{name}.npy", table)
            data["data"][name] = {
                "npy": str(out / f"{name}.npy"),
                "sha256": sha256(table.tobytes()),
            }
    if run.figure is not None:
        png = out / "figure.png"
        run.figure.savefig(png)
        data["figure"] = str(png)
    return data


def system_facts() -> dict[str, Any]:
    """Facts about the machine that a stored system description would contain."""
    import os

    import psutil

    return {
        "os": platform.system(),
        "release": platform.release(),
        "hostname": platform.node(),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_bytes": psutil.virtual_memory().total,
    }


def cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)
