"""Every workaround snippet in the repository loads and says what kind it is."""

from __future__ import annotations

import pytest

from reprotree_probe import schema
from reprotree_probe.paths import SNIPPETS_DIR
from reprotree_probe.trackers.base import load_snippet

SNIPPETS = sorted(SNIPPETS_DIR.glob("*/*/*.py"))


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: "/".join(p.parts[-3:]))
def test_snippet_loads_and_stores_a_known_item(path):
    experiment, item = path.parent.name, path.stem
    assert item in schema.ITEMS[experiment]
    snippet = load_snippet(path)
    assert snippet.kind in ("api", "workaround")
    assert snippet.before_fit or snippet.after_evaluate or snippet.before_run
    module_doc = path.read_text().lstrip().startswith('"""')
    assert module_doc, f"{path} must say why it is needed and why it has its kind"


def test_a_snippet_without_kind_is_refused(tmp_path):
    path = tmp_path / "plot.py"
    path.write_text("def after_evaluate(ctx):\n    pass\n")
    with pytest.raises(ValueError, match="KIND"):
        load_snippet(path)


class RecordingTracker:
    """Stands in for an adapter: remembers what log_params received."""

    def __init__(self):
        self.logged = []

    def log_params(self, handle, params):
        self.logged.append((handle, params))


def test_parameter_items_get_built_in_snippets_that_call_log_params(tmp_path):
    from types import SimpleNamespace

    from sklearn.linear_model import Ridge

    from reprotree_probe.trackers import get

    snippets = get("mlflow").snippets("sklearn")
    assert {"estimator-params", "other-params", "data-path"} <= set(snippets)
    recorder = RecordingTracker()
    ctx = SimpleNamespace(tracker=recorder, handle="run-1", model=Ridge(alpha=0.5),
                          other_params={"test_size": 0.25}, data_path="data/x.csv")  # fmt: skip
    for item in ("estimator-params", "other-params", "data-path"):
        assert snippets[item].kind == "api"
        snippets[item].after_evaluate(ctx)
    assert recorder.logged == [
        ("run-1", Ridge(alpha=0.5).get_params(deep=False)),
        ("run-1", {"test_size": 0.25}),
        ("run-1", {"data_path": "data/x.csv"}),
    ]


def test_a_tracker_file_replaces_the_built_in_snippet(tmp_path, monkeypatch):
    from reprotree_probe.trackers import base, get

    folder = tmp_path / "mlflow" / "sklearn"
    folder.mkdir(parents=True)
    (folder / "other-params.py").write_text(
        '"""Why."""\nKIND = "workaround"\n\ndef after_evaluate(ctx):\n    pass\n'
    )
    monkeypatch.setattr(base, "SNIPPETS_DIR", tmp_path)
    snippets = get("mlflow").snippets("sklearn")
    assert snippets["other-params"].kind == "workaround"
    assert snippets["other-params"].path == folder / "other-params.py"
    assert snippets["data-path"].kind == "api"
