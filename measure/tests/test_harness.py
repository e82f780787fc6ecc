"""One measured sample: the protocol between the measuring process and the measured script."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reprotree_probe.harness import measure, split_script

MEASURE = Path(__file__).resolve().parent.parent


def test_split_script_needs_both_markers_in_order():
    setup, part, teardown = split_script(
        "a = 1\n# reprotree: measure\nb = 2\n# reprotree: end\nc = 3\n"
    )
    assert "a = 1" in setup and "b = 2" in part and "c = 3" in teardown
    # line numbers survive, so tracebacks point at the script's own lines
    assert part.count("\n") == 3
    for bad in ("a = 1\n", "# reprotree: end\n# reprotree: measure\n", "# reprotree: measure\n"):
        with pytest.raises(ValueError):
            split_script(bad)


def run_script(tmp_path: Path, body: str):
    script = tmp_path / "component.py"
    script.write_text(body)
    env = dict(os.environ, PYTHONPATH=str(MEASURE))
    return measure(
        [sys.executable, "-m", "reprotree_probe.harness", str(script)],
        env=env,
        cwd=tmp_path,
        scratch=tmp_path / "scratch",
        timeout=120,
    )


def test_measure_times_and_weighs_only_the_measured_part(tmp_path):
    sample = run_script(
        tmp_path,
        "import time\n"
        "time.sleep(0.5)\n"
        "# reprotree: measure\n"
        "block = bytearray(60 * 1024 * 1024)\n"
        "block[::4096] = b'x' * len(block[::4096])\n"
        "time.sleep(0.3)\n"
        "# reprotree: end\n"
        "print('done')\n",
    )
    assert sample.status == "ok", sample.error
    assert 0.3 <= sample.wall_s < 0.5 + 5
    assert sample.increment_mib >= 55
    assert sample.peak_mib >= sample.baseline_mib + sample.increment_mib - 0.01
    assert sample.stdout.strip() == "done"


def test_a_failing_script_is_a_failed_sample_with_its_error(tmp_path):
    sample = run_script(
        tmp_path, "# reprotree: measure\nraise SystemExit('no tracker here')\n# reprotree: end\n"
    )
    assert sample.status == "failed"
    assert "no tracker here" in sample.error
    assert sample.wall_s is None


def test_a_script_failing_in_its_set_up_says_so(tmp_path):
    sample = run_script(
        tmp_path, "import not_a_module_anywhere\n# reprotree: measure\n# reprotree: end\n"
    )
    assert sample.status == "failed"
    assert "before 'ready'" in sample.error
    assert "not_a_module_anywhere" in sample.stderr
