"""Generic checks: is an item in what the tracker stored?

Every check compares a StoredRun (read back from the tracker's storage) with the reference the
task recorded about itself (its estimator's parameters, its metrics, its data, the machine).
No check knows a tracker, a key a tracker uses, or what any tracker is expected to store.
Each returns a Finding whose `evidence` goes into the record's readback, so a reader can see
why an item was or was not found.
"""

from __future__ import annotations

import contextlib
import math
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .stored import StoredFile, StoredRun

REL_TOL = 1e-6
ABS_TOL = 1e-9
KEY_SEPARATORS = "./:"
IMAGE_SUFFIXES = (".png",)
MODEL_SUFFIXES = (".pkl", ".pickle", ".joblib", ".cloudpickle", ".skops")
KERAS_SUFFIXES = (".keras", ".h5")
TABLE_SUFFIXES = (".npy", ".npz", ".csv")


@dataclass
class Finding:
    found: bool
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        if "found" in self.evidence:
            raise ValueError("evidence must not use the key 'found', which says whether it was")
        return {"found": self.found, **self.evidence}


# --- values and keys -------------------------------------------------------------------------
def numbers_close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


_NULLS = {"none", "null", "nil", ""}
_TRUE = {"true"}
_FALSE = {"false"}


def values_match(stored: Any, actual: Any) -> bool:
    """Does a stored value say the same as the actual one? Trackers store strings ("1.0",
    "True", "None") or JSON values (1.0, true, null); both count."""
    if stored == actual and type(stored) is type(actual):
        return True
    if actual is None:
        return stored is None or (isinstance(stored, str) and stored.strip().lower() in _NULLS)
    if isinstance(actual, bool):
        if isinstance(stored, bool):
            return stored == actual
        text = str(stored).strip().lower()
        return text in (_TRUE if actual else _FALSE)
    actual_number = as_number(actual)
    stored_number = as_number(stored)
    if actual_number is not None and stored_number is not None:
        return numbers_close(actual_number, stored_number)
    return str(stored).strip() == str(actual).strip() or str(stored).strip().strip("'\"") == str(
        actual
    ).strip().strip("'\"")


def key_matches(stored_key: str, name: str) -> bool:
    """A stored key names `name` when it is `name` or ends in a separator and `name`
    (e.g. "params.alpha", "estimator/alpha")."""
    if stored_key == name:
        return True
    return any(stored_key.endswith(sep + name) for sep in KEY_SEPARATORS)


def find_value(stored: StoredRun, name: str, actual: Any) -> dict[str, Any] | None:
    """The first stored key/value pair naming `name` with the actual value."""
    for kind, key, value in stored.values():
        if key_matches(key, name) and values_match(value, actual):
            return {"kind": kind, "key": key, "value": _short(value)}
    return None


def _short(value: Any, limit: int = 200) -> Any:
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    return value


# --- 2.1 auto-logging ------------------------------------------------------------------------
def run_metadata(stored: StoredRun, window: tuple[float, float], slack: float = 120) -> Finding:
    """Run id, start and end time and status are stored, and the times fall in the window in
    which the run really happened."""
    start, end = window
    evidence: dict[str, Any] = {
        "run_id": stored.run_id,
        "status": stored.status,
        "start_time": stored.start_time,
        "end_time": stored.end_time,
    }
    problems = []
    if not stored.run_id:
        problems.append("no run id")
    if not stored.status:
        problems.append("no status")
    if stored.start_time is None:
        problems.append("no start time")
    elif not start - slack <= stored.start_time <= end + slack:
        problems.append("start time outside the run's real window")
    if stored.end_time is None:
        problems.append("no end time")
    elif stored.start_time is not None and stored.end_time < stored.start_time:
        problems.append("end time before start time")
    elif not start - slack <= stored.end_time <= end + slack:
        problems.append("end time outside the run's real window")
    if problems:
        evidence["missing"] = problems
    return Finding(not problems, evidence)


def parameters(stored: StoredRun, params: Mapping[str, Any]) -> Finding:
    """Every parameter is stored under its name with its value."""
    keys: dict[str, Any] = {}
    missing: list[str] = []
    for name, actual in params.items():
        hit = find_value(stored, name, actual)
        if hit is None:
            missing.append(name)
        else:
            keys[name] = hit["key"]
    return Finding(bool(params) and not missing, {"keys": keys, "missing": missing})


def split_metrics(
    stored: StoredRun, reference: Mapping[str, Mapping[str, float]]
) -> dict[str, list[dict[str, Any]]]:
    """Stored metric values that equal a reference metric of a split, by split. A value that
    fits several splits is decided by the split's name in its key, or left out as ambiguous."""
    by_split: dict[str, list[dict[str, Any]]] = {split: [] for split in reference}
    by_split["ambiguous"] = []
    seen: set[tuple[str, str]] = set()
    for key, value in stored.metric_values():
        matches = {
            split: sorted(n for n, ref in metrics.items() if numbers_close(value, ref))
            for split, metrics in reference.items()
        }
        matches = {split: names for split, names in matches.items() if names}
        if not matches:
            continue
        splits = list(matches)
        if len(splits) > 1:
            named = [s for s in splits if split_named_in(key, s)]
            splits = named if len(named) == 1 else splits
        target = splits[0] if len(splits) == 1 else "ambiguous"
        if (key, target) in seen:
            continue
        seen.add((key, target))
        by_split[target].append({"key": key, "value": value, "equals": matches})
    return by_split


_SPLIT_WORDS = {
    "train": ("train", "training"),
    "test": ("test", "testing", "eval", "evaluation", "val", "validation"),
    "validation": ("val", "validation"),
}


def split_named_in(key: str, split: str) -> bool:
    words = re.split(r"[^a-z]+", key.lower())
    return any(word in words for word in _SPLIT_WORDS.get(split, (split,)))


def metrics_of(
    stored: StoredRun, reference: Mapping[str, Mapping[str, float]], split: str
) -> Finding:
    matched = split_metrics(stored, reference)
    hits = matched.get(split, [])
    return Finding(bool(hits), {"matched": hits[:20], "ambiguous": matched["ambiguous"][:10]})


def package_version(stored: StoredRun, names: Iterable[str], version: str) -> Finding:
    """The package's version is stored next to its name: in one key/value pair or one line of
    a stored text file (e.g. "scikit-learn==1.9.1", "sklearn_version: 1.9.1")."""
    version_re = re.compile(rf"(?<![\d.]){re.escape(version)}(?!\.?\d)")
    name_res = [re.compile(rf"(?<![a-z0-9]){_name_pattern(n)}(?![a-z0-9])", re.I) for n in names]
    for where, text in stored.texts():
        for line in text.splitlines():
            if version_re.search(line) and any(r.search(line) for r in name_res):
                return Finding(True, {"where": where, "line": _short(line.strip())})
    return Finding(False, {"looked_for": {"names": list(names), "version": version}})


def _name_pattern(name: str) -> str:
    """A distribution name as a pattern in which "-", "_" and "." stand for each other, as
    they do in package names ("scikit-learn" is "scikit_learn" in a requirements list)."""
    return "[-_.]".join(re.escape(part) for part in re.split(r"[-_.]+", name))


# --- 2.3 the scikit-learn deep dive ------------------------------------------------------------
def system(stored: StoredRun, facts: Mapping[str, Any]) -> Finding:
    """A description of the machine: the operating system's release and a hardware fact (the
    CPU model, or the CPU count or memory size stored under a key that names them)."""
    release = str(facts.get("release") or "")
    os_hit = None
    hardware_hit = None
    cpu_model = facts.get("cpu_model")
    for where, text in stored.texts():
        if release and os_hit is None and release in text:
            os_hit = where
        if cpu_model and hardware_hit is None and str(cpu_model) in text:
            hardware_hit = where
    if hardware_hit is None:
        # Key/value pairs, and metrics: some trackers record the machine's memory size as the
        # first point of a system metric (e.g. "sys.ram.total").
        pairs = [*stored.values(), *(("metric", k, v) for k, v in stored.metric_values())]
        for kind, key, value in pairs:
            if _hardware_value(key, value, facts):
                hardware_hit = f"{kind}:{key}"
                break
    return Finding(bool(os_hit and hardware_hit), {"os_release": os_hit, "hardware": hardware_hit})


def _hardware_value(key: str, value: Any, facts: Mapping[str, Any]) -> bool:
    """The CPU count under a key that names CPUs or cores, or the memory size (in bytes, KiB,
    MiB, GiB or GB) under a key that names memory or RAM."""
    lower = key.lower()
    if ("cpu" in lower or "core" in lower) and values_match(value, facts.get("cpu_count")):
        return True
    memory = facts.get("memory_bytes")
    number = as_number(value)
    names_memory = "mem" in lower or "ram" in re.split(r"[^a-z]+", lower)
    if names_memory and memory and number:
        for unit in (1, 1024, 1024**2, 1024**3, 1000**3):
            if math.isclose(number * unit, memory, rel_tol=0.02):
                return True
    return False


def code(stored: StoredRun, script_path: str | None) -> Finding:
    """The source of the script that ran is stored, whole: in a stored file, or as one stored
    value (a tracker may keep the script in its run record)."""
    if not script_path or not Path(script_path).is_file():
        return Finding(False, {"error": "the task did not name its script"})
    source = Path(script_path).read_text(encoding="utf-8").strip()
    for where, text in stored.texts():
        if source and source in text.replace("\r\n", "\n"):
            return Finding(True, {"where": where})
    return Finding(False, {"script": script_path})


def data_path(stored: StoredRun, relative: str | None, project: Path) -> Finding:
    """The path of the data file, from the project root or absolute, is stored."""
    if not relative:
        return Finding(False, {"error": "the task read no data file"})
    candidates = [relative, str(project / relative)]
    for where, text in stored.texts():
        for candidate in candidates:
            if candidate in text:
                return Finding(True, {"where": where, "path": candidate})
    return Finding(False, {"looked_for": candidates})


def environment(
    stored: StoredRun, packages: Mapping[str, str], variables: Mapping[str, str]
) -> Finding:
    """The Python environment (each package with its version) and the environment variables
    (each name with its value) are stored."""
    found_packages = {}
    for name, version in packages.items():
        hit = package_version(stored, [name], version)
        if hit.found:
            found_packages[name] = hit.evidence["where"]
    found_variables = {}
    for name, value in variables.items():
        line_re = re.compile(rf"{re.escape(name)}\W+{re.escape(value)}(?!\d)")
        for where, text in stored.texts():
            if line_re.search(text):
                found_variables[name] = where
                break
    ok = len(found_packages) == len(packages) and len(found_variables) == len(variables)
    return Finding(ok, {"packages": found_packages, "variables": found_variables})


def data(
    stored: StoredRun, splits: Mapping[str, Mapping[str, str]], data_file: Path | None
) -> Finding:
    """The training and test data are stored: each split as a table (npy, npz or csv) with
    the same numbers, or the data file they were split from, byte for byte (with the split's
    parameters that makes them reproducible too)."""
    import numpy as np

    tables = {name: np.load(info["npy"]) for name, info in splits.items()}
    found: dict[str, str] = {}
    whole = None
    data_bytes = data_file.read_bytes() if data_file and data_file.is_file() else None
    for stored_file in stored.files:
        if (
            data_bytes is not None
            and stored_file.size == len(data_bytes)
            and stored_file.read_bytes() == data_bytes
        ):
            whole = stored_file.path
        if not stored_file.path.lower().endswith(TABLE_SUFFIXES):
            continue
        for array in _arrays(stored_file):
            for name, table in tables.items():
                if name not in found and _same_table(array, table):
                    found[name] = stored_file.path
    splits_found = len(found) == len(tables)
    return Finding(splits_found or whole is not None, {"splits": found, "data_file": whole})


def _arrays(stored_file: StoredFile) -> list[Any]:
    import numpy as np

    path = stored_file.full_path
    suffix = _suffix(stored_file)
    try:
        if suffix == ".npy":
            return [np.load(path, allow_pickle=False)]
        if suffix == ".npz":
            with np.load(path, allow_pickle=False) as archive:
                return [archive[k] for k in archive.files]
        if suffix == ".csv":
            for skip in (0, 1):
                try:
                    return [np.loadtxt(path, delimiter=",", skiprows=skip, ndmin=2)]
                except ValueError:
                    continue
    except (OSError, ValueError):
        return []
    return []


def _suffix(stored_file: StoredFile) -> str:
    """A stored file's kind, from the name the tracker gives it (its bytes may sit under
    another name, see StoredFile.location)."""
    return Path(stored_file.path).suffix.lower()


@contextlib.contextmanager
def _named_as_stored(stored_file: StoredFile) -> Iterator[Path]:
    """The file under a path that ends in its stored name, for loaders that go by the
    extension (Keras): a symbolic link in a temporary folder when the bytes sit elsewhere."""
    path = stored_file.full_path
    name = Path(stored_file.path).name
    if path.name == name:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="reprotree-stored-") as folder:
        link = Path(folder) / name
        link.symlink_to(path)
        yield link


def _same_table(array: Any, table: Any) -> bool:
    import numpy as np

    if array.shape != table.shape:
        return False
    try:
        return bool(np.allclose(array.astype(float), table, rtol=1e-12, atol=0))
    except (TypeError, ValueError):
        return False


def plot(stored: StoredRun, figure_png: str | None) -> Finding:
    """The user's figure is stored as an image with the same pixels."""
    if not figure_png:
        return Finding(False, {"error": "the task drew no figure"})
    import matplotlib.image as mpimg
    import numpy as np

    reference_bytes = Path(figure_png).read_bytes()
    reference = mpimg.imread(figure_png)
    images = []
    for stored_file in stored.files:
        if not stored_file.path.lower().endswith(IMAGE_SUFFIXES):
            continue
        images.append(stored_file.path)
        if stored_file.read_bytes() == reference_bytes:
            return Finding(True, {"file": stored_file.path, "same": "bytes"})
        try:
            pixels = mpimg.imread(stored_file.full_path)
        except (OSError, ValueError, SyntaxError):
            continue
        if pixels.shape == reference.shape and np.allclose(pixels, reference, atol=1 / 255):
            return Finding(True, {"file": stored_file.path, "same": "pixels"})
        # Saved with a tight bounding box (a trimmed margin), the figure is the same drawing on
        # a smaller canvas: compare what lies inside the margins.
        inside, reference_inside = _content(pixels), _content(reference)
        if inside.shape == reference_inside.shape and np.allclose(
            inside, reference_inside, atol=1 / 255
        ):
            return Finding(True, {"file": stored_file.path, "same": "pixels inside the margins"})
    return Finding(False, {"images_stored": images})


def _content(pixels: Any) -> Any:
    """An image without its plain margin: the rows and columns that differ from the colour of
    its top-left corner."""
    import numpy as np

    if pixels.ndim == 2:
        pixels = pixels[..., np.newaxis]
    differs = np.any(np.abs(pixels - pixels[0, 0]) > 1 / 255, axis=-1)
    rows, columns = np.flatnonzero(differs.any(axis=1)), np.flatnonzero(differs.any(axis=0))
    if not len(rows):
        return pixels[:0, :0]
    return pixels[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]


def model(stored: StoredRun, x_test: str, predictions: str) -> Finding:
    """A stored file loads as a model that predicts what the trained model predicted."""
    import numpy as np

    X = np.load(x_test)
    expected = np.load(predictions)
    tried: list[dict[str, str]] = []
    for stored_file in stored.files:
        if not stored_file.path.lower().endswith(MODEL_SUFFIXES):
            continue
        try:
            loaded = _load_estimator(stored_file.full_path, _suffix(stored_file))
            same = np.allclose(np.asarray(loaded.predict(X), dtype=float), expected.astype(float))
        except Exception as error:  # any unloadable file is just not the model
            tried.append(
                {"file": stored_file.path, "error": f"{type(error).__name__}: {error}"[:300]}
            )
            continue
        if same:
            return Finding(True, {"file": stored_file.path, "where": stored_file.where})
        tried.append({"file": stored_file.path, "error": "predicts differently"})
    return Finding(False, {"tried": tried})


def _load_estimator(path: Path, suffix: str) -> Any:
    if suffix == ".skops":
        import skops.io as sio

        return sio.load(path, trusted=sio.get_untrusted_types(file=path))
    if suffix == ".joblib":
        import joblib

        return joblib.load(path)
    import pickle

    with path.open("rb") as handle:
        return pickle.load(handle)


# --- 2.4 the Keras deep dive -------------------------------------------------------------------
def keras_metrics(stored: StoredRun, reference: Mapping[str, Mapping[str, float]]) -> Finding:
    """Loss and accuracy of training, validation and test are all stored."""
    matched = split_metrics(stored, reference)
    per_split = {}
    for split, _names in reference.items():
        per_split[split] = sorted(
            {n for hit in matched.get(split, []) for n in hit["equals"].get(split, [])}
        )
    ok = all(set(reference[s]) <= set(per_split[s]) for s in reference)
    return Finding(ok, {"splits": per_split, "ambiguous": matched["ambiguous"][:10]})


def model_summary(stored: StoredRun, layers: list[dict[str, Any]]) -> Finding:
    """One stored text names every layer and its number of parameters."""
    for where, text in stored.texts():
        if all(layer["name"] in text for layer in layers) and all(
            _count_in(text, layer["params"]) for layer in layers if layer["params"]
        ):
            return Finding(True, {"where": where})
    return Finding(False, {"layers": [layer["name"] for layer in layers]})


def _count_in(text: str, count: int) -> bool:
    forms = {str(count), f"{count:,}", f"{count:_}"}
    return any(re.search(rf"(?<![\d,_.]){re.escape(form)}(?![\d,_])", text) for form in forms)


def keras_model(stored: StoredRun, x_sample: str, predictions: str) -> Finding:
    """A stored file loads as a Keras model that predicts what the trained model predicted."""
    import keras
    import numpy as np

    X = np.load(x_sample)
    expected = np.load(predictions)
    tried: list[dict[str, str]] = []
    for stored_file in stored.files:
        if not stored_file.path.lower().endswith(KERAS_SUFFIXES):
            continue
        try:
            with _named_as_stored(stored_file) as path:
                loaded = keras.models.load_model(path, compile=False)
            got = np.asarray(loaded.predict(X, verbose=0))
        except Exception as error:  # any unloadable file is just not the model
            tried.append(
                {"file": stored_file.path, "error": f"{type(error).__name__}: {error}"[:300]}
            )
            continue
        if got.shape == expected.shape and np.allclose(got, expected, atol=1e-5):
            return Finding(True, {"file": stored_file.path, "where": stored_file.where})
        tried.append({"file": stored_file.path, "error": "predicts differently"})
    return Finding(False, {"tried": tried})


def model_params(
    stored: StoredRun, fit_params: Mapping[str, Any], optimizer: Mapping[str, Any]
) -> Finding:
    """The training's parameters: every fit() argument under its name, and the optimiser
    (its name under a key that says optimiser, and its learning rate)."""
    fit = parameters(stored, fit_params)
    names = {str(optimizer.get("class", "")).lower(), str(optimizer.get("name", "")).lower()} - {""}
    optimizer_hit = None
    rate_hit = None
    for kind, key, value in stored.values():
        lower = key.lower()
        if optimizer_hit is None and "opt" in lower and str(value).strip().lower() in names:
            optimizer_hit = f"{kind}:{key}"
        if (
            rate_hit is None
            and ("learning_rate" in lower or re.search(r"(^|[^a-z])lr($|[^a-z])", lower))
            and values_match(value, optimizer.get("learning_rate"))
        ):
            rate_hit = f"{kind}:{key}"
    ok = fit.found and optimizer_hit is not None and rate_hit is not None
    return Finding(ok, {"fit": fit.evidence, "optimizer": optimizer_hit, "learning_rate": rate_hit})
