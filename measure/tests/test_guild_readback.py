"""Guild AI's read-back parser against a run Guild really stored (tests/fixtures/guild/): a
deep-dive run with every snippet, its .guild/ records, copied project and written files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, load_fixture_report, missing_items

from reprotree_probe.experiments import sklearn_deep
from reprotree_probe.tasks.metrics import reference_metrics
from reprotree_probe.trackers.guild import collect, parse_dump

ROOT = FIXTURES / "guild" / "sklearn-deep"


def run_folder():
    (folder,) = (ROOT / "runs").iterdir()
    return folder


@pytest.fixture
def recorded():
    report, _root = load_fixture_report("sklearn-deep", "guild")
    report["reference"]["metrics"] = reference_metrics(report["reference"]["arrays"])
    dump = json.loads((ROOT / "dump.json").read_text())
    return parse_dump(dump, run_folder()), report, dump


def test_run_metadata_comes_from_the_attributes_in_microseconds(recorded):
    stored, _report, dump = recorded
    attrs = dump["attrs"]
    assert stored.run_id == dump["run_id"] == attrs["id"]
    assert stored.status == dump["status"]
    assert stored.start_time == attrs["started"] / 1e6
    assert stored.end_time == attrs["stopped"] / 1e6
    assert stored.start_time < stored.end_time


def test_params_are_the_runs_flags_and_the_rest_is_kept(recorded):
    stored, report, dump = recorded
    assert stored.params == dump["attrs"]["flags"]
    for name, value in report["reference"]["estimator_params"].items():
        assert stored.params[name] == value
    assert "flags" not in stored.extra["attrs"]
    assert {"env", "pip_freeze", "platform", "cmd"} <= set(stored.extra["attrs"])
    assert stored.tags["host"] == dump["attrs"]["host"]


def test_scalars_are_metrics_in_step_order(recorded):
    stored, _report, dump = recorded
    for key, history in dump["scalars"].items():
        ordered = sorted(history, key=lambda s: s["step"])
        assert stored.metrics[key] == [s["value"] for s in ordered]


def test_files_are_the_whole_run_folder_with_guilds_records(recorded):
    stored, _report, _dump = recorded
    names = {f.path for f in stored.files}
    assert {".guild/output", ".guild/attrs/flags", ".guild/manifest"} <= names
    output = next(f for f in stored.files if f.path == ".guild/output").read_text() or ""
    assert "train_score:" in output


def test_the_items_the_recorded_run_holds_are_found(recorded):
    stored, report, _dump = recorded
    held = ("system", "estimator-params", "other-params", "metrics", "environment", "plot",
            "model", "data-path")  # fmt: skip
    assert missing_items(stored, report, held) == {}


def test_a_run_without_its_flags_has_no_parameters(recorded):
    stored, report, _dump = recorded
    stored.params = {}
    assert not sklearn_deep.CHECKS["estimator-params"](stored, report).found


@pytest.mark.skipif(importlib.util.find_spec("guild") is None, reason="Guild is not installed")
def test_guilds_readers_give_the_recorded_dump_from_the_stored_folder():
    assert collect(run_folder()) == json.loads((ROOT / "dump.json").read_text())


def test_an_operation_is_a_script_in_the_project_that_guild_runs(tmp_path):
    import ast
    import sys

    from reprotree_probe.trackers.guild import Guild
    from reprotree_probe.workdir import Workdir

    workdir = Workdir.create(tmp_path / "wd")
    args = ["task", "--tracker", "guild", "--snippet", "plot"]
    command = Guild().operation(workdir, "reprotree_probe.child", args)
    assert command is not None
    assert command[1:] == ["run", "--yes", "reprotree_child.py"]
    assert command[0].startswith(str(Path(sys.executable).parent))
    script = (workdir.project / "reprotree_child.py").read_text()
    calls = [n for n in ast.walk(ast.parse(script)) if isinstance(n, ast.Call)]
    main_call = next(c for c in calls if getattr(c.func, "id", "") == "main")
    assert ast.literal_eval(main_call.args[0]) == args
    # no module-level assignments: Guild would take them for flags
    assert not any(isinstance(n, ast.Assign) for n in ast.parse(script).body)
