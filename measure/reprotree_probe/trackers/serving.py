"""Helpers for the local HTTP tracking servers that adapters start on loopback (study 2.5): a
free port, waiting until the server answers, and stopping it with the workers it started."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Loopback only: never route the health check through a proxy the environment names.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _wait(
    server: subprocess.Popen[bytes], timeout: float, answers: Callable[[], bool], where: str
) -> float:
    """Seconds until `answers()` is true; an error if the server exits first or never answers."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(
                f"the server exited with code {server.returncode} before it answered"
            )
        try:
            if answers():
                return round(time.monotonic() - start, 3)
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"the server did not answer on {where} within {timeout:.0f} s")


def wait_ready(
    url: str, server: subprocess.Popen[bytes], timeout: float, path: str = "/health"
) -> float:
    """Seconds until GET url+path answers 200; an error if the server exits or never does."""

    def answers() -> bool:
        with _NO_PROXY.open(f"{url}{path}", timeout=2) as response:
            return bool(response.status == 200)

    return _wait(server, timeout, answers, url)


def wait_listening(port: int, server: subprocess.Popen[bytes], timeout: float) -> float:
    """Seconds until the server accepts a TCP connection on loopback (a server without an HTTP
    health page); an error if it exits or never does."""

    def answers() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True

    return _wait(server, timeout, answers, f"127.0.0.1:{port}")


def stop(server: subprocess.Popen[bytes]) -> bool:
    """Stop the server and the workers it started (its own process group)."""
    if server.poll() is None:
        try:
            os.killpg(server.pid, 15)
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait(timeout=10)
        except ProcessLookupError:
            pass
    return server.poll() is not None


def serve_and_read_back(
    command: list[str],
    *,
    url: str,
    server_dir: Path,
    env: dict[str, str],
    client: str,
    client_cwd: Path,
    result: dict[str, Any],
    ready_path: str = "/health",
) -> dict[str, Any] | None:
    """Start the server (its output to server_dir/server.log), wait until it answers, run
    `client` (Python code given the server's URL as argv[1], which logs a run through the server
    and prints what it read back as one JSON line), stop the server. Returns the client's JSON,
    or None with result["error"] saying why; `result` also gets the timings, whether the server
    stopped, and the end of its log."""
    log_path = server_dir / "server.log"
    started = time.monotonic()
    back = None
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            command, cwd=server_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            result["ready_seconds"] = wait_ready(url, server, timeout=120, path=ready_path)
            done = subprocess.run(
                [sys.executable, "-c", client, url],
                cwd=client_cwd, env=env, capture_output=True, text=True, timeout=300,
            )  # fmt: skip
            if done.returncode != 0:
                result["error"] = done.stderr.strip()[-4000:]
            else:
                back = json.loads(done.stdout.strip().splitlines()[-1])
        except (TimeoutError, RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
            result["error"] = str(error)
        finally:
            result["stopped"] = stop(server)
            result["seconds"] = round(time.monotonic() - started, 3)
    result["server_log_tail"] = log_path.read_text(errors="replace")[-4000:]
    return back
