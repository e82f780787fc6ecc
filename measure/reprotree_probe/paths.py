"""Where the probe's own files live, and how records name them (relative to the repository)."""

from __future__ import annotations

from pathlib import Path

MEASURE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = MEASURE_DIR.parent
SCRIPTS_DIR = MEASURE_DIR / "scripts"
SNIPPETS_DIR = MEASURE_DIR / "snippets"
FACTS_DIR = MEASURE_DIR / "facts"
REQUIREMENTS_DIR = MEASURE_DIR / "requirements"


def repo_relative(path: Path) -> str:
    """A path as records write it: relative to the repository root, with forward slashes."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(REPO_DIR).as_posix()
    except ValueError:
        return resolved.as_posix()
