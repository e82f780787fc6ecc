"""One measured sample: a fresh child process runs its set-up, the parent starts sampling the
child's process tree, the child runs the measured part and times it, the parent stops sampling.

The two sides talk over a pair of pipes, one line per step:

    child -> parent  "ready"            set-up done; waiting to start
    parent -> child  "go"               baseline memory taken, sampler running
    child -> parent  "done <seconds>"   the measured part's wall time (perf_counter)
    parent -> child  "ok"               sampler stopped; the child tears down and exits

A component script marks its measured part with two comment lines:

    # reprotree: measure
    ...
    # reprotree: end

Everything before the first marker is set-up, everything after the second is tear-down; both
run in the same namespace, as one script. The markers are comments, so the script still runs
as it is, and line counting ignores them.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

START = "# reprotree: measure"
END = "# reprotree: end"
CONTROL_ENV = "REPROTREE_CONTROL_FDS"


@dataclass
class Sample:
    """One repetition of one component, as `sample` prints it."""

    status: str  # "ok" | "failed"
    wall_s: float | None = None
    peak_mib: float | None = None
    increment_mib: float | None = None
    baseline_mib: float | None = None
    memory_samples: int = 0
    started: str = ""
    finished: str = ""
    stdout: str = ""
    stderr: str = ""
    error: str | None = None
    exit_code: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def split_script(source: str, name: str = "<script>") -> tuple[str, str, str]:
    """Set-up, measured part and tear-down of a component script."""
    lines = source.splitlines(keepends=True)
    marks = [i for i, line in enumerate(lines) if line.strip() in (START, END)]
    kinds = [lines[i].strip() for i in marks]
    if kinds != [START, END]:
        raise ValueError(f"{name}: needs one '{START}' line followed by one '{END}' line")
    start, end = marks
    # Blank lines keep line numbers right in tracebacks.
    setup = "".join(lines[:start])
    measured = "\n" * (start + 1) + "".join(lines[start + 1 : end])
    teardown = "\n" * (end + 1) + "".join(lines[end + 1 :])
    return setup, measured, teardown


# --- parent side -------------------------------------------------------------------------------
def measure(
    command: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    scratch: Path,
    timeout: float = 900,
    interval: float = 0.005,
) -> Sample:
    """Run `command` (a child that uses Gate) and measure its measured part. The child's output
    goes to files in `scratch` while it runs (pipes could fill up and stall it)."""
    # Imported here: the child side of this module must not load psutil into the measured process.
    from .memory import MIB, TreeSampler, baseline
    from .records import cut, now

    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    env = dict(env)
    env[CONTROL_ENV] = f"{to_child_r},{from_child_w}"
    sample = Sample(status="failed", started=now())
    scratch.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryFile(dir=scratch) as out,
        tempfile.TemporaryFile(dir=scratch) as err,
    ):
        child = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            pass_fds=(to_child_r, from_child_w),
            start_new_session=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        reader = os.fdopen(from_child_r, "r")
        writer = os.fdopen(to_child_w, "w")
        deadline = time.monotonic() + timeout
        try:
            _expect(reader, "ready", child, deadline)
            base = baseline(child.pid)
            sampler = TreeSampler(child.pid, interval).start()
            _send(writer, "go")
            reply = _expect(reader, "done", child, deadline)
            peak = sampler.stop()
            _send(writer, "ok")
            sample.wall_s = float(reply.split()[1])
            sample.baseline_mib = round(base / MIB, 3)
            sample.peak_mib = round(peak / MIB, 3)
            sample.increment_mib = round((peak - base) / MIB, 3)
            sample.memory_samples = sampler.count
            code = child.wait(timeout=max(1.0, deadline - time.monotonic()))
            sample.exit_code = code
            if code == 0:
                sample.status = "ok"
            else:
                sample.error = f"the component script exited with code {code} after measuring"
        except (ChildFailed, subprocess.TimeoutExpired, BrokenPipeError) as error:
            sample.error = (
                str(error)
                if not isinstance(error, BrokenPipeError)
                else "the component script stopped before its measured part ended"
            )
            _kill(child)
            sample.exit_code = child.returncode
        except BaseException:
            # Interrupted (Ctrl-C, or SIGTERM from the orchestrator): the child runs in its own
            # session, so nothing else would stop it.
            _kill(child)
            raise
        finally:
            reader.close()
            with contextlib.suppress(BrokenPipeError):
                writer.close()
        out.seek(0)
        err.seek(0)
        sample.stdout = cut(out.read())
        sample.stderr = cut(err.read())
    if sample.status == "failed" and sample.error and sample.stderr:
        last = sample.stderr.strip().splitlines()[-1:]
        if last:
            sample.error += f": {last[0]}"
    sample.finished = now()
    return sample


class ChildFailed(RuntimeError):
    pass


def _send(writer: IO[str], word: str) -> None:
    writer.write(word + "\n")
    writer.flush()


def _expect(reader: IO[str], word: str, child: subprocess.Popen[bytes], deadline: float) -> str:
    import select

    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ChildFailed(f"the component script did not reach '{word}' in time")
        ready, _, _ = select.select([reader], [], [], min(remaining, 1.0))
        if ready:
            line = reader.readline()
            if not line:
                child.wait(timeout=30)
                raise ChildFailed(
                    f"the component script exited with code {child.returncode} before '{word}'"
                )
            if line.split()[0] == word:
                return line.strip()
            raise ChildFailed(f"unexpected message from the component script: {line.strip()!r}")
        if child.poll() is not None and not select.select([reader], [], [], 0)[0]:
            raise ChildFailed(
                f"the component script exited with code {child.returncode} before '{word}'"
            )


def _kill(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, 9)
        child.wait(timeout=30)


# --- child side --------------------------------------------------------------------------------
class Gate:
    """The child's end of the protocol. Without the control pipes (a script run by hand) every
    step passes straight through, so scripts and tasks also run on their own."""

    def __init__(self) -> None:
        fds = os.environ.pop(CONTROL_ENV, "")
        self._in: IO[str] | None = None
        self._out: IO[str] | None = None
        if fds:
            read_fd, write_fd = (int(x) for x in fds.split(","))
            self._in = os.fdopen(read_fd, "r")
            self._out = os.fdopen(write_fd, "w")

    def measured(self, part: Callable[[], None]) -> float:
        """Wait for the parent, run `part`, report and return its wall time."""
        self._say("ready")
        self._wait("go")
        start = time.perf_counter()
        part()
        seconds = time.perf_counter() - start
        self._say(f"done {seconds!r}")
        self._wait("ok")
        return seconds

    def _say(self, line: str) -> None:
        if self._out is not None:
            self._out.write(line + "\n")
            self._out.flush()

    def _wait(self, word: str) -> None:
        if self._in is not None:
            line = self._in.readline().strip()
            if line != word:
                raise RuntimeError(f"expected {word!r} from the measuring process, got {line!r}")


def run_script(path: Path, argv: list[str] | None = None) -> None:
    """Run a component script: set-up, then its measured part through the Gate, then tear-down,
    all as `__main__` in one namespace."""
    source = path.read_text(encoding="utf-8")
    setup, part, teardown = split_script(source, str(path))
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(path)}
    sys.argv = [str(path), *(argv or [])]
    gate = Gate()
    exec(compile(setup, str(path), "exec"), namespace)
    code = compile(part, str(path), "exec")
    gate.measured(lambda: exec(code, namespace))
    exec(compile(teardown, str(path), "exec"), namespace)


def main() -> None:
    """`python -m reprotree_probe.harness SCRIPT [ARGS...]`: the child of one sample."""
    if len(sys.argv) < 2:
        sys.exit("usage: python -m reprotree_probe.harness SCRIPT [ARGS...]")
    run_script(Path(sys.argv[1]), sys.argv[2:])


if __name__ == "__main__":
    main()
