"""Peak resident memory of a process tree, sampled from outside the measured process.

Trackers start helper processes (MLflow infers a model's requirements in a subprocess, W&B
runs a service process), so the measured process alone would miss memory the tracker uses.
The sampler adds up, at a fixed interval, the resident set size (RSS) of the measured process
and the unique set size (USS: pages no other process maps) of each of its descendants, and
keeps the highest sum.

Why not the RSS of every process: a child made by fork() shares all its parent's pages until
it calls exec(), and its RSS counts them again. GitPython, which MLflow uses to record the
script's commit, forks the whole interpreter for each `git` call; summed RSS then jumped by the
parent's full size (about 200 MiB) whenever a sample fell between fork and exec. A child's USS
counts only what it adds. For the measured process itself RSS is kept, as memory_profiler's
memit (the study's tool) reports it.
"""

from __future__ import annotations

import contextlib
import threading
import time

import psutil

MIB = 1024 * 1024


def tree_rss(pid: int) -> int:
    """RSS of `pid` plus the USS of every descendant, in bytes (see the module's docstring);
    processes that vanish mid-walk count 0."""
    try:
        root = psutil.Process(pid)
        children = root.children(recursive=True)
        total = root.memory_info().rss
    except psutil.Error:
        return 0
    for child in children:
        with contextlib.suppress(psutil.Error):
            total += child.memory_full_info().uss
    return total


class TreeSampler:
    """Samples tree_rss(pid) on a background thread until stop(); `peak` is the highest sum.

    Use as a context manager. The thread lives in the measuring process, never in the
    measured one, so it does not compete with the measured code for the interpreter lock.
    """

    def __init__(self, pid: int, interval: float = 0.005) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)

    def sample(self) -> int:
        value = tree_rss(self.pid)
        self.peak = max(self.peak, value)
        self.count += 1
        return value

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def start(self) -> TreeSampler:
        self.sample()
        self._thread.start()
        return self

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        self.sample()
        return self.peak

    def __enter__(self) -> TreeSampler:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def baseline(pid: int, samples: int = 5, gap: float = 0.01) -> int:
    """The tree's memory just before a component: the highest of a few quick samples."""
    best = 0
    for _ in range(samples):
        best = max(best, tree_rss(pid))
        time.sleep(gap)
    return best
