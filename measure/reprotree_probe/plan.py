"""How much of each experiment to run: the options the command line turns into one value that
every experiment reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    samples: int = 1  # runtime and memory samples per component
    sizes: int = 3  # log-size samples, and memory-from-data samples per data size
    marks: int = 1  # runs of each marked experiment (an item keeps its worst mark)
    data_sizes: tuple[int, ...] = ()  # memory-from-data sizes; empty: the study's
    python312: str | None = None  # an interpreter to try the tracker on Python 3.12 with
    verify_snippets: bool = False  # also run snippets of items the default run stored
