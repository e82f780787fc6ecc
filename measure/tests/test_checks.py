"""The generic checks on hand-made stored runs: what counts as stored, and what does not."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from reprotree_probe import checks
from reprotree_probe.stored import StoredFile, StoredRun


def run_with(**fields) -> StoredRun:
    return StoredRun(tracker="test", **fields)


def add_file(stored: StoredRun, root: Path, name: str, data: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    stored.files.append(StoredFile(root=root, path=name, size=len(data)))
    return path


@pytest.mark.parametrize(
    ("stored", "actual", "same"),
    [
        ("1.0", 1.0, True),
        (1, 1.0, True),
        ("True", True, True),
        ("true", True, True),
        (True, True, True),
        ("False", True, False),
        ("None", None, True),
        (None, None, True),
        ("", None, True),
        ("0", None, False),
        ("auto", "auto", True),
        ("'auto'", "auto", True),
        ("0.0001", 1e-4, True),
        ("0.00011", 1e-4, False),
        ("1", True, False),
        (0.1 + 0.2, 0.3, True),
    ],
)
def test_values_match_reads_strings_and_json_values_alike(stored, actual, same):
    assert checks.values_match(stored, actual) is same


@pytest.mark.parametrize(
    ("key", "name", "same"),
    [
        ("alpha", "alpha", True),
        ("params.alpha", "alpha", True),
        ("estimator/alpha", "alpha", True),
        ("cfg:alpha", "alpha", True),
        ("my_alpha", "alpha", False),
        ("alphabet", "alpha", False),
    ],
)
def test_key_matches_only_whole_names(key, name, same):
    assert checks.key_matches(key, name) is same


def test_parameters_need_every_name_with_its_value():
    params = {"alpha": 1.0, "fit_intercept": True, "solver": "auto"}
    full = run_with(params={"alpha": "1.0", "fit_intercept": "True", "solver": "auto"})
    assert checks.parameters(full, params).found
    wrong = run_with(params={"alpha": "2.0", "fit_intercept": "True", "solver": "auto"})
    finding = checks.parameters(wrong, params)
    assert not finding.found
    assert finding.evidence["missing"] == ["alpha"]
    assert finding.to_json()["found"] is False
    nested = run_with(extra={"config": {"alpha": 1.0, "fit_intercept": True, "solver": "auto"}})
    assert checks.parameters(nested, params).found
    assert not checks.parameters(run_with(), {}).found


def test_run_metadata_needs_times_inside_the_real_window():
    good = run_with(run_id="r", status="FINISHED", start_time=1000.0, end_time=1010.0)
    assert checks.run_metadata(good, (999.0, 1011.0)).found
    no_end = run_with(run_id="r", status="RUNNING", start_time=1000.0)
    assert "no end time" in checks.run_metadata(no_end, (999.0, 1011.0)).evidence["missing"]
    elsewhere = run_with(run_id="r", status="FINISHED", start_time=5000.0, end_time=5001.0)
    assert not checks.run_metadata(elsewhere, (999.0, 1011.0)).found
    backwards = run_with(run_id="r", status="FINISHED", start_time=1005.0, end_time=1001.0)
    assert not checks.run_metadata(backwards, (999.0, 1011.0)).found


REFERENCE = {"train": {"score": 0.9, "mse": 12.5}, "test": {"score": 0.8, "mse": 14.0}}


def test_split_metrics_assign_values_to_the_split_they_equal():
    stored = run_with(metrics={"a": [0.9], "b": [14.0], "c": [0.5]})
    found = checks.split_metrics(stored, REFERENCE)
    assert [hit["key"] for hit in found["train"]] == ["a"]
    assert [hit["key"] for hit in found["test"]] == ["b"]
    assert found["ambiguous"] == []


def test_a_value_of_both_splits_is_decided_by_its_name_or_left_ambiguous():
    reference = {"train": {"score": 1.0}, "test": {"accuracy": 1.0}}
    named = checks.split_metrics(run_with(metrics={"eval_acc": [1.0]}), reference)
    assert [hit["key"] for hit in named["test"]] == ["eval_acc"]
    unnamed = checks.split_metrics(run_with(metrics={"acc": [1.0]}), reference)
    assert [hit["key"] for hit in unnamed["ambiguous"]] == ["acc"]
    assert not checks.metrics_of(run_with(metrics={"acc": [1.0]}), reference, "train").found


def test_any_value_of_a_metric_history_counts():
    stored = run_with(metrics={"loss": [3.0, 2.0, 12.5]})
    assert checks.metrics_of(stored, REFERENCE, "train").found


def test_package_version_must_stand_next_to_the_name(tmp_path):
    stored = run_with()
    add_file(stored, tmp_path, "requirements.txt", "numpy==2.4.6\nscikit-learn==1.9.1\n")
    assert checks.package_version(stored, ["scikit-learn"], "1.9.1").found
    assert not checks.package_version(stored, ["scikit-learn"], "1.9").found
    assert not checks.package_version(stored, ["scipy"], "1.9.1").found
    elsewhere = run_with(params={"sklearn_version": "1.9.1"})
    assert checks.package_version(elsewhere, ["sklearn"], "1.9.1").found
    apart = run_with(params={"library": "sklearn", "version": "1.9.1"})
    assert not checks.package_version(apart, ["sklearn"], "1.9.1").found


def test_package_names_match_with_dashes_underscores_or_dots(tmp_path):
    stored = run_with()
    add_file(stored, tmp_path, "requirements.txt", "scikit_learn == 1.9.1\n")
    assert checks.package_version(stored, ["scikit-learn"], "1.9.1").found
    assert not checks.package_version(stored, ["scikitlearn"], "1.9.1").found
    assert not checks.package_version(stored, ["scikit-image"], "1.9.1").found


FACTS = {"release": "6.1.0-test", "cpu_model": "Example CPU 9000", "cpu_count": 8,
         "memory_bytes": 16 * 1024**3}  # fmt: skip


def test_system_needs_the_os_release_and_a_hardware_fact():
    both = run_with(tags={"platform": "Linux-6.1.0-test-x86_64", "cpu_count": "8"})
    assert checks.system(both, FACTS).found
    memory = run_with(tags={"platform": "Linux-6.1.0-test", "memory_gb": "16"})
    assert checks.system(memory, FACTS).found
    os_only = run_with(tags={"platform": "Linux-6.1.0-test"})
    assert not checks.system(os_only, FACTS).found
    count_elsewhere = run_with(tags={"platform": "Linux-6.1.0-test", "epochs": "8"})
    assert not checks.system(count_elsewhere, FACTS).found


def test_system_reads_the_memory_size_from_a_metric_that_names_ram():
    """A tracker that records total RAM as a system metric stores a hardware fact; a key that
    merely contains the letters (params) does not name RAM."""
    metric = run_with(tags={"os": "Linux-6.1.0-test"}, metrics={"sys.ram.total": [16 * 1024**3]})
    assert checks.system(metric, FACTS).evidence["hardware"] == "metric:sys.ram.total"
    assert checks.system(metric, FACTS).found
    used = run_with(tags={"os": "Linux-6.1.0-test"}, metrics={"sys.ram.used": [3 * 1024**3]})
    assert not checks.system(used, FACTS).found
    not_ram = run_with(tags={"os": "Linux-6.1.0-test", "params.size": str(16 * 1024**3)})
    assert not checks.system(not_ram, FACTS).found


def test_code_is_the_whole_source_of_the_script(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("import os\nprint('hello')\n")
    stored = run_with()
    add_file(stored, tmp_path / "store", "code/other.py", "print('hello')\n")
    assert not checks.code(stored, str(script)).found
    add_file(stored, tmp_path / "store", "code/train.py", "import os\r\nprint('hello')\r\n")
    assert checks.code(stored, str(script)).found
    assert not checks.code(stored, None).found


def test_code_kept_in_the_run_record_counts(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("import os\nprint('hello')\n")
    record = run_with(extra={"script": {"diff": "import os\nprint('hello')\n", "entry": "x"}})
    assert checks.code(record, str(script)).evidence == {"where": "extra:script.diff"}
    assert not checks.code(
        run_with(extra={"script": {"diff": "print('hello')"}}), str(script)
    ).found


def test_environment_needs_packages_and_variables(tmp_path):
    stored = run_with()
    add_file(stored, tmp_path, "requirements.txt", "scikit-learn==1.9.1\nnumpy==2.4.6\n")
    packages = {"scikit-learn": "1.9.1", "numpy": "2.4.6"}
    variables = {"PYTHONHASHSEED": "20210420"}
    assert not checks.environment(stored, packages, variables).found
    add_file(stored, tmp_path, "env.json", '{"PYTHONHASHSEED": "20210420"}')
    assert checks.environment(stored, packages, variables).found
    assert not checks.environment(run_with(tags={"PYTHONHASHSEED": "2021042"}), {}, variables).found


def test_data_path_from_the_project_or_absolute(tmp_path):
    relative = run_with(params={"data_path": "data/d.csv"})
    assert checks.data_path(relative, "data/d.csv", tmp_path).found
    absolute = run_with(tags={"source": str(tmp_path / "data/d.csv")})
    assert checks.data_path(absolute, "data/d.csv", tmp_path).found
    assert not checks.data_path(run_with(params={"data": "d.csv"}), "data/d.csv", tmp_path).found


def test_data_is_the_splits_or_the_file_they_came_from(tmp_path):
    train, test = np.arange(12.0).reshape(4, 3), np.arange(6.0).reshape(2, 3) + 0.5
    np.save(tmp_path / "train.npy", train)
    np.save(tmp_path / "test.npy", test)
    splits = {
        "train": {"npy": str(tmp_path / "train.npy")},
        "test": {"npy": str(tmp_path / "test.npy")},
    }
    data_file = tmp_path / "d.csv"
    data_file.write_text("1,2,3\n")
    stored = run_with()
    store = tmp_path / "store"
    add_file(stored, store, "train.csv", "\n".join(",".join(map(str, r)) for r in train))
    assert not checks.data(stored, splits, data_file).found
    buffer = store / "test.npy"
    np.save(buffer, test)
    stored.files.append(StoredFile(root=store, path="test.npy", size=buffer.stat().st_size))
    assert checks.data(stored, splits, data_file).found
    whole = run_with()
    add_file(whole, store, "copy.csv", "1,2,3\n")
    assert checks.data(whole, splits, data_file).evidence["data_file"] == "copy.csv"


def test_plot_compares_pixels(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.plot([0, 1], [1, 0])
    reference = tmp_path / "ref.png"
    fig.savefig(reference)
    stored = run_with()
    other, ax2 = plt.subplots(figsize=(2, 2), dpi=50)
    ax2.plot([0, 1], [0, 1])
    other.savefig(tmp_path / "other.png")
    add_file(stored, tmp_path / "store", "other.png", (tmp_path / "other.png").read_bytes())
    assert not checks.plot(stored, str(reference)).found
    fig.savefig(tmp_path / "again.png", metadata={"Software": "another writer"})
    add_file(stored, tmp_path / "store", "again.png", (tmp_path / "again.png").read_bytes())
    finding = checks.plot(stored, str(reference))
    assert finding.found
    assert finding.evidence["same"] == "pixels"


def test_plot_accepts_the_figure_saved_with_a_tight_bounding_box(tmp_path):
    """Some trackers save the user's figure with bbox_inches="tight": the same drawing with a
    trimmed margin. Another drawing trimmed the same way is still not the figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.scatter([1, 2, 3], [3, 1, 2], s=6)
    ax.set_xlabel("true")
    fig.tight_layout()  # as the task's figure is laid out (tasks/sklearn_tasks.py)
    reference = tmp_path / "ref.png"
    fig.savefig(reference)
    other, ax2 = plt.subplots(figsize=(4, 3), dpi=100)
    ax2.scatter([1, 2, 3], [1, 2, 3], s=6)
    ax2.set_xlabel("true")
    other.tight_layout()
    other.savefig(tmp_path / "other.png", bbox_inches="tight")
    stored = run_with()
    add_file(stored, tmp_path / "store", "other.png", (tmp_path / "other.png").read_bytes())
    assert not checks.plot(stored, str(reference)).found
    fig.savefig(tmp_path / "tight.png", bbox_inches="tight")
    add_file(stored, tmp_path / "store", "tight.png", (tmp_path / "tight.png").read_bytes())
    finding = checks.plot(stored, str(reference))
    assert finding.found, finding.evidence
    assert finding.evidence == {"file": "tight.png", "same": "pixels inside the margins"}


def test_model_loads_and_predicts_the_same(tmp_path):
    from sklearn.linear_model import Ridge

    X = np.arange(20.0).reshape(10, 2)
    y = X[:, 0] * 2 + 1
    model = Ridge().fit(X, y)
    np.save(tmp_path / "x.npy", X)
    np.save(tmp_path / "pred.npy", model.predict(X))
    stored = run_with()
    add_file(stored, tmp_path / "store", "broken.pkl", b"not a pickle")
    add_file(stored, tmp_path / "store", "other.pkl", pickle.dumps(Ridge(alpha=50).fit(X, -y)))
    assert not checks.model(stored, str(tmp_path / "x.npy"), str(tmp_path / "pred.npy")).found
    add_file(stored, tmp_path / "store", "model.pkl", pickle.dumps(model))
    finding = checks.model(stored, str(tmp_path / "x.npy"), str(tmp_path / "pred.npy"))
    assert finding.found
    assert finding.evidence["file"] == "model.pkl"


LAYERS = [{"name": "conv2d", "params": 320}, {"name": "dense", "params": 409856},
          {"name": "flatten", "params": 0}]  # fmt: skip


def test_model_summary_names_every_layer_with_its_parameters():
    summary = "conv2d (Conv2D) 320\nflatten (Flatten) 0\ndense (Dense) 409,856\n"
    assert checks.model_summary(run_with(tags={"summary": summary}), LAYERS).found
    short = "conv2d (Conv2D) 320\nflatten (Flatten) 0\ndense (Dense) 409,85\n"
    assert not checks.model_summary(run_with(tags={"summary": short}), LAYERS).found


def test_model_params_need_fit_arguments_optimizer_and_learning_rate():
    fit = {"epochs": 3, "batch_size": 128}
    optimizer = {"class": "Adam", "name": "adam", "learning_rate": 0.001}
    full = run_with(params={"epochs": "3", "batch_size": "128", "optimizer_name": "Adam",
                            "optimizer_learning_rate": "0.001"})  # fmt: skip
    assert checks.model_params(full, fit, optimizer).found
    no_rate = run_with(params={"epochs": "3", "batch_size": "128", "opt": "adam"})
    assert not checks.model_params(no_rate, fit, optimizer).found


def test_keras_metrics_need_all_three_splits():
    reference = {
        "train": {"loss": 0.5, "accuracy": 0.8},
        "validation": {"loss": 0.6, "accuracy": 0.7},
        "test": {"loss": 0.65, "accuracy": 0.75},
    }
    history = {"loss": [0.9, 0.5], "accuracy": [0.6, 0.8], "val_loss": [0.6], "val_accuracy": [0.7]}
    assert not checks.keras_metrics(run_with(metrics=history), reference).found
    history |= {"test_loss": [0.65], "test_accuracy": [0.75]}
    assert checks.keras_metrics(run_with(metrics=history), reference).found


def test_keras_metrics_evidence_lists_what_each_split_matched():
    reference = {"train": {"loss": 0.5}, "validation": {"loss": 0.6}, "test": {"loss": 0.7}}
    finding = checks.keras_metrics(run_with(metrics={"loss": [0.5], "val_loss": [0.6]}), reference)
    as_json = finding.to_json()
    assert as_json["found"] is False
    assert as_json["splits"] == {"train": ["loss"], "validation": ["loss"], "test": []}


def stored_elsewhere(stored: StoredRun, staging: Path, name: str, data: bytes) -> None:
    """A file the store keeps under a content name (no extension), known by `name`."""
    staging.mkdir(parents=True, exist_ok=True)
    location = staging / f"tmp{len(stored.files)}"
    location.write_bytes(data)
    stored.files.append(StoredFile(root=staging, path=name, size=len(data), location=location))


def test_files_kept_under_another_name_are_read_by_their_stored_name(tmp_path):
    from sklearn.linear_model import Ridge

    X = np.arange(20.0).reshape(10, 2)
    model = Ridge().fit(X, X[:, 0])
    np.save(tmp_path / "x.npy", X)
    np.save(tmp_path / "pred.npy", model.predict(X))
    table = np.arange(6.0).reshape(2, 3)
    np.save(tmp_path / "train.npy", table)
    stored = run_with()
    stored_elsewhere(stored, tmp_path / "staging", "artifacts/model/model.pkl", pickle.dumps(model))
    csv = "\n".join(",".join(map(str, row)) for row in table).encode()
    stored_elsewhere(stored, tmp_path / "staging", "artifacts/data/train.csv", csv)
    assert stored.files[0].full_path.suffix == ""
    model_hit = checks.model(stored, str(tmp_path / "x.npy"), str(tmp_path / "pred.npy"))
    assert model_hit.evidence["file"] == "artifacts/model/model.pkl"
    splits = {"train": {"npy": str(tmp_path / "train.npy")}}
    assert checks.data(stored, splits, None).evidence["splits"] == {
        "train": "artifacts/data/train.csv"
    }


def test_a_loader_that_goes_by_extension_sees_the_stored_name(tmp_path):
    stored = run_with()
    stored_elsewhere(stored, tmp_path / "staging", "artifacts/cnn/model.keras", b"keras bytes")
    with checks._named_as_stored(stored.files[0]) as path:
        assert path.name == "model.keras"
        assert path.read_bytes() == b"keras bytes"
    assert not path.exists()
