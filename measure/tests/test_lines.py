"""Counting the lines a tracker adds to a script."""

from __future__ import annotations

from reprotree_probe.lines import added_lines, code_lines, component_lines
from reprotree_probe.paths import SCRIPTS_DIR


def test_code_lines_drop_blanks_and_comments_but_keep_strings():
    source = '# a comment\n\nx = 1  # trailing\n    \ny = "# not a comment"\n'
    assert code_lines(source) == ["x = 1", 'y = "# not a comment"']


def test_added_lines_are_insertions_and_changes():
    baseline = "a = 1\nb = 2\nc = 3\n"
    script = "import t\na = 1\n# note\nt.start()\nb = 2\nc = 4\n"
    assert added_lines(baseline, script) == ["import t", "t.start()", "c = 4"]


def test_reindenting_a_line_counts_as_changing_it():
    assert added_lines("fit()\n", "with run():\n    fit()\n") == ["with run():"]
    assert added_lines("fit()\n", "fit()\n") == []


def test_component_lines_leave_out_what_init_already_adds(tmp_path):
    baseline = tmp_path / "base.py"
    script = tmp_path / "tracked.py"
    baseline.write_text("fit()\n")
    script.write_text("import t\nt.start()\nt.autolog()\nfit()\nt.end()\n")
    counted, shared = component_lines(baseline, script, ["import t", "t.start()", "t.end()"])
    assert counted == ["t.autolog()"]
    assert shared == ["import t", "t.start()", "t.end()"]


def test_each_tracker_script_has_a_baseline_with_the_same_markers():
    from reprotree_probe.harness import split_script

    for tracker_dir in SCRIPTS_DIR.iterdir():
        if not tracker_dir.is_dir():
            continue
        for script in tracker_dir.glob("*.py"):
            baseline = SCRIPTS_DIR / "baseline" / script.name
            assert baseline.is_file(), script
            split_script(script.read_text(), str(script))
            split_script(baseline.read_text(), str(baseline))
