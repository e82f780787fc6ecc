"""W&B and Guild AI for real, offline: the auto-logging experiment in a fresh workdir, with no
network where the machine allows it (as tests/test_e2e_mlflow.py does), while every socket the
probe's process tree opens is watched. Each tracker's test runs only in its own environment.

It asserts that the records are well formed, that nothing was written to the user's home, and
that no process of the tree held an internet socket to anything but the loopback address;
never which marks a tracker earns.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest
from test_e2e_mlflow import home_entries, offline_prefix

from reprotree_probe import schema

MEASURE = Path(__file__).resolve().parent.parent
TRACKERS = {"wandb": "wandb", "guild": "guild"}  # tracker id -> module its environment has


class SocketWatcher:
    """Every internet socket of a process tree, sampled until stopped: (pid, name, remote)."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        self.root, self.interval = root, interval
        self.seen: set[tuple[str, str]] = set()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SocketWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.root)
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in tree:
                try:
                    for conn in process.net_connections(kind="inet"):
                        if conn.raddr:
                            self.seen.add((process.name(), conn.raddr.ip))
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
            self.samples += 1
            self._stop.wait(self.interval)

    def beyond_loopback(self) -> list[tuple[str, str]]:
        return sorted(s for s in self.seen if not ipaddress.ip_address(s[1]).is_loopback)


def test_the_watcher_sees_a_childs_connection_and_tells_loopback_apart():
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        code = (
            "import socket, time\n"
            f"s = socket.create_connection(('127.0.0.1', {port}))\n"
            "time.sleep(1)\n"
        )
        child = subprocess.Popen([sys.executable, "-c", code])
        with SocketWatcher(os.getpid()) as watcher:
            child.wait(timeout=30)
    assert any(ip == "127.0.0.1" for _name, ip in watcher.seen)
    assert watcher.beyond_loopback() == []
    watcher.seen.add(("python", "93.184.216.34"))
    assert watcher.beyond_loopback() == [("python", "93.184.216.34")]


@pytest.mark.real
@pytest.mark.parametrize("tracker", sorted(TRACKERS))
def test_auto_logging_offline_stays_in_the_workdir(tracker, tmp_path):
    if importlib.util.find_spec(TRACKERS[tracker]) is None:
        pytest.skip(f"{tracker} is not installed in this environment")
    out = tmp_path / "auto-logging.json"
    command = [*offline_prefix(), sys.executable, "-m", "reprotree_probe", "experiment",
               "--tracker", tracker, "--experiment", "auto-logging",
               "--workdir", str(tmp_path / "work"), "--out", str(out)]  # fmt: skip
    home_before = home_entries()
    probe = subprocess.Popen(
        command,
        cwd=MEASURE,
        env=dict(os.environ, PYTHONPATH=str(MEASURE)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    with SocketWatcher(probe.pid) as watcher:
        _stdout, stderr = probe.communicate(timeout=1200)
    assert probe.returncode == 0, stderr[-3000:]
    records = json.loads(out.read_text())["records"]
    assert len(records) == 2
    for record in records:
        assert schema.validate_record(record) == [], record.get("error")
        assert record["status"] == "ok", record.get("error")
        assert record["readback"]["stored"]["run_id"]
        for stored_file in record["readback"]["stored"]["files"]:
            assert not stored_file["path"].startswith("/")
    assert watcher.samples > 0
    assert watcher.beyond_loopback() == []
    assert home_entries() == home_before
    assert not list(MEASURE.glob("wandb")) and not list(MEASURE.glob(".guild"))
