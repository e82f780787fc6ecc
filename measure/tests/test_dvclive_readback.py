"""DVCLive's read-back parser against experiments DVCLive really saved
(tests/fixtures/dvclive/: the experiment commit's tree as read-back writes it, and what git
said about the commit)."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml
from store_fixtures import assert_checks_read, load_report

from reprotree_probe.trackers.dvclive import (
    checkout_experiment,
    parse_checkout,
    read_tsv_metric,
    restore_dvc_outputs,
)

NAMES = ["sklearn-snippets", "keras"]


@pytest.fixture(params=NAMES)
def experiment(request):
    report, root = load_report("dvclive", request.param)
    commit = json.loads((root / "commit.json").read_text())
    return parse_checkout(root / "tree", commit), report, commit, root / "tree"


def test_the_run_is_the_experiment_and_ends_when_it_was_saved(experiment):
    stored, report, commit, _tree = experiment
    assert stored.run_id == report["run_ref"] == commit["ref"].rsplit("/", 1)[-1]
    assert stored.end_time == commit["time"]
    # DVCLive stores no status and no start time; the probe must not invent them.
    assert stored.status is None and stored.start_time is None


def test_params_are_params_yaml_flattened(experiment):
    stored, _report, _commit, tree = experiment
    path = tree / "dvclive" / "params.yaml"
    params = yaml.safe_load(path.read_text()) if path.is_file() else {}
    leaves = sum(len(v) if isinstance(v, dict) else 1 for v in params.values())
    assert len(stored.params) == leaves
    for key, value in params.items():
        if not isinstance(value, dict):
            assert stored.params[key] == value


def test_histories_come_from_the_plots_and_summaries_from_metrics_json(experiment):
    stored, _report, _commit, tree = experiment
    plots = tree / "dvclive" / "plots" / "metrics"
    for tsv in plots.rglob("*.tsv"):
        name = tsv.relative_to(plots).with_suffix("").as_posix()
        assert stored.metrics[name] == read_tsv_metric(tsv)
    summary = json.loads((tree / "dvclive" / "metrics.json").read_text())
    for key, value in summary.items():
        if key != "step" and isinstance(value, (int, float)):
            assert stored.metrics[f"summary/{key}"] == [value]


def test_every_check_reads_the_fixture_without_error(experiment):
    stored, report = experiment[0], experiment[1]
    assert_checks_read(stored, report)


def test_a_tsv_history_keeps_every_step(tmp_path):
    path = tmp_path / "loss.tsv"
    path.write_text("timestamp\tstep\tloss\n1\t0\t0.5\n2\t1\t0.25\n")
    assert read_tsv_metric(path) == [0.5, 0.25]


def test_dvc_tracked_outputs_are_put_back_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    (cache / "files" / "md5" / "ab").mkdir(parents=True)
    (cache / "files" / "md5" / "ab" / "cdef").write_bytes(b"model bytes")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "model.pkl.dvc").write_text(
        yaml.safe_dump({"outs": [{"md5": "abcdef", "path": "model.pkl"}]})
    )
    restored = restore_dvc_outputs(tree, cache)
    assert (tree / "model.pkl").read_bytes() == b"model bytes"
    assert restored == [{"pointer": "model.pkl.dvc", "md5": "abcdef", "restored": "model.pkl"}]


def test_an_experiment_is_found_by_name_in_a_real_git_repository(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}  # fmt: skip

    def git(*args):
        return subprocess.run(["git", *args], cwd=project, env=env, check=True,
                              capture_output=True, text=True).stdout.strip()  # fmt: skip

    git("init", "-q")
    (project / "dvclive").mkdir()
    (project / "dvclive" / "metrics.json").write_text('{"loss": 0.5}')
    git("add", "-A")
    git("commit", "-q", "-m", "exp")
    git("update-ref", "refs/exps/ab/cdef/brisk-fern", "HEAD")
    commit = checkout_experiment(project, "brisk-fern", tmp_path / "out")
    assert commit["ref"] == "refs/exps/ab/cdef/brisk-fern"
    assert parse_checkout(tmp_path / "out", commit).metrics == {"summary/loss": [0.5]}
    with pytest.raises(FileNotFoundError):
        checkout_experiment(project, "no-such-exp", tmp_path / "out2")
