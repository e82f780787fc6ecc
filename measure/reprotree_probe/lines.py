"""Lines of code a tracker adds to a script (study 2.2, Table 4).

A line counts when it is code: not blank, not only a comment. Lines are compared after
stripping surrounding white space, so re-indenting a line (e.g. under `with run:`) counts as
changing it, which it is.
"""

from __future__ import annotations

import difflib
import io
import tokenize
from pathlib import Path


def code_lines(source: str) -> list[str]:
    """The script's code lines, stripped, with comments removed (strings are left alone)."""
    comment_spans: dict[int, int] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comment_spans[token.start[0]] = token.start[1]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        if number in comment_spans:
            line = line[: comment_spans[number]]
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
    return lines


def added_lines(baseline: str, script: str) -> list[str]:
    """Code lines of `script` that a diff against `baseline` marks as added (or changed)."""
    new = code_lines(script)
    matcher = difflib.SequenceMatcher(a=code_lines(baseline), b=new, autojunk=False)
    added: list[str] = []
    for tag, _a0, _a1, b0, b1 in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            added.extend(new[b0:b1])
    return added


def component_lines(
    baseline: Path, script: Path, init_added: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """(counted, not counted): the lines a component script adds to its baseline, less those
    its tracker's init script already adds (starting and ending a run count once, under init)."""
    added = added_lines(baseline.read_text(encoding="utf-8"), script.read_text(encoding="utf-8"))
    if init_added is None:
        return added, []
    pool = list(init_added)
    counted, shared = [], []
    for line in added:
        if line in pool:
            pool.remove(line)
            shared.append(line)
        else:
            counted.append(line)
    return counted, shared
