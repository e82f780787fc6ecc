"""Comet, trackio and Sacred stay on the machine: real init and autolog samples, run under
strace where the machine has it, connect to nothing but loopback, and leave the user's home and
the folder they were started from as they were. Each tracker is tried only in an environment
that has it installed."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_e2e_mlflow import home_entries

from reprotree_probe.trackers import get

MEASURE = Path(__file__).resolve().parent.parent
TRACKERS = ("comet", "trackio", "sacred")
ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"')


def tracing() -> list[str]:
    """strace's command prefix, where strace exists and may trace here."""
    strace = shutil.which("strace")
    if strace and subprocess.run([strace, "-f", "true"], capture_output=True).returncode == 0:
        return [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg"]
    return []


def addresses(trace: str) -> list[str]:
    """Every IPv4 or IPv6 address a traced process connected or sent to."""
    return [v4 or v6 for v4, v6 in ADDRESS.findall(trace)]


def loopback(address: str) -> bool:
    return address.startswith("127.") or address in ("::1", "::ffff:127.0.0.1")


def test_addresses_are_read_from_strace_lines():
    trace = (
        "12 connect(4, {sa_family=AF_INET, sin_port=htons(80), "
        'sin_addr=inet_addr("169.254.169.254")}, 16) = -1 EINPROGRESS\n'
        "13 connect(5, {sa_family=AF_INET6, sin6_port=htons(9), "
        'inet_pton(AF_INET6, "::1", &sin6_addr)}, 28) = -1 ECONNREFUSED\n'
    )
    assert addresses(trace) == ["169.254.169.254", "::1"]
    assert [loopback(a) for a in addresses(trace)] == [False, True]


@pytest.mark.real
@pytest.mark.parametrize("tracker_id", TRACKERS)
def test_samples_reach_nothing_but_loopback_and_leave_home_alone(tracker_id, tmp_path):
    tracker = get(tracker_id)
    if importlib.util.find_spec(tracker.import_name) is None:
        pytest.skip(f"{tracker.name} is not installed in this environment")
    prefix = tracing()
    measure_before = sorted(p.name for p in MEASURE.iterdir())
    for component in ("init", "autolog"):
        trace = tmp_path / f"{component}.trace"
        home_before = home_entries()
        command = [*prefix, *(["-o", str(trace)] if prefix else []), sys.executable, "-m",
                   "reprotree_probe", "sample", "--tracker", tracker_id, "--component",
                   component, "--workdir", str(tmp_path / "work")]  # fmt: skip
        done = subprocess.run(
            command, cwd=MEASURE, env=dict(os.environ, PYTHONPATH=str(MEASURE)),
            capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        sample = json.loads(done.stdout)
        assert sample["status"] == "ok", sample["error"]
        assert home_entries() == home_before
        if prefix:
            assert trace.is_file()
            reached = [a for a in addresses(trace.read_text()) if not loopback(a)]
            assert reached == [], f"{tracker.name} {component} reached {sorted(set(reached))}"
    # nor anything in the folder they were started from (trackio's init and a plain run store
    # nothing at all: it writes a run only once something is logged)
    assert sorted(p.name for p in MEASURE.iterdir()) == measure_before
