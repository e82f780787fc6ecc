"""Helpers for the local HTTP tracking servers that adapters start on loopback (study 2.5): a
free port, waiting until the server answers, and stopping it with the workers it started."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Loopback only: never route the health check through a proxy the environment names.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def wait_ready(
    url: str, server: subprocess.Popen[bytes], timeout: float, path: str = "/health"
) -> float:
    """Seconds until GET url+path answers 200; an error if the server exits or never does."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(
                f"the server exited with code {server.returncode} before it answered"
            )
        try:
            with _NO_PROXY.open(f"{url}{path}", timeout=2) as response:
                if response.status == 200:
                    return round(time.monotonic() - start, 3)
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"the server did not answer on {url} within {timeout:.0f} s")


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
