"""The process-tree memory sampler: children count, forks are not counted twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psutil

from reprotree_probe.memory import MIB, TreeSampler, tree_rss

HOLD = (
    "import time; block = bytearray({size}); block[::4096] = b'x' * len(block[::4096]); "
    "print('ready', flush=True); time.sleep({secs})"
)


def child_holding(mib: int, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD.format(size=mib * MIB, secs=seconds)], stdout=subprocess.PIPE
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    return child


def test_a_childs_memory_is_added_to_the_tree():
    before = tree_rss(os.getpid())
    child = child_holding(80, 5)
    try:
        during = tree_rss(os.getpid())
    finally:
        child.kill()
        child.wait()
    assert during - before >= 75 * MIB


def test_a_forked_child_is_not_counted_twice():
    own = psutil.Process().memory_info().rss
    pid = os.fork()
    if pid == 0:  # the child touches nothing and waits to be killed
        time.sleep(30)
        os._exit(0)
    try:
        time.sleep(0.2)
        total = tree_rss(os.getpid())
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    assert total < own + 0.5 * own


def test_the_sampler_catches_a_short_peak():
    base = tree_rss(os.getpid())
    with TreeSampler(os.getpid(), interval=0.005) as sampler:
        child = child_holding(60, 0.3)
        child.wait()
    assert sampler.peak - base >= 55 * MIB
    assert sampler.count >= 2


def test_a_vanished_process_counts_nothing():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert tree_rss(child.pid) == 0
