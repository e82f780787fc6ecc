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
    assert snippet.before_fit or snippet.after_evaluate
    module_doc = path.read_text().lstrip().startswith('"""')
    assert module_doc, f"{path} must say why it is needed and why it has its kind"


def test_a_snippet_without_kind_is_refused(tmp_path):
    path = tmp_path / "plot.py"
    path.write_text("def after_evaluate(ctx):\n    pass\n")
    with pytest.raises(ValueError, match="KIND"):
        load_snippet(path)
