"""One measured run of a command: wall time and peak memory of it and every process it
starts (GNU time's ru_maxrss and VmHWM sampled over the process tree). Used by
``scan_bench.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django_sdist import WORK

SAMPLE_SECONDS = 0.05
# Peak RSS through GNU time, not os.wait4 here: a child's ru_maxrss also counts the RSS of
# the process that forked it (this one, larger than some tools), GNU time's is a few MB.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


@dataclass(frozen=True)
class Run:
    wall: float
    tree_mb: float  # sum over the process tree of each process's peak RSS
    largest_mb: float  # peak RSS of the largest single process
    returncode: int
    timed_out: bool
    reported: float | None = None  # a time the tool reports itself (the floor's parse time)


def _process_tree(root: int) -> list[int]:
    """``root`` and its live descendants, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    ppid = int(handle.read().rpartition(b")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _sample_peaks(root: int, peaks: dict[int, int], done: threading.Event, wrapped: bool) -> None:
    """Every SAMPLE_SECONDS until ``done``: the peak RSS of each process of ``root``'s tree."""
    while not done.wait(SAMPLE_SECONDS):
        for pid in _process_tree(root):
            if pid != root or not wrapped:  # GNU time's own few MB are not the tool's
                peaks[pid] = max(peaks.get(pid, 0), _peak_kb(pid))


@contextmanager
def _kill_after(pid: int, timeout: float | None) -> Iterator[threading.Event]:
    """Kills the process group of ``pid`` when ``timeout`` seconds pass inside the block; the
    event says whether it did."""
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        os.killpg(pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    try:
        yield killed
    finally:
        if timer:
            timer.cancel()


def _environment() -> dict[str, str]:
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(WORK)}  # the sdist is not in a repo
    # As on a user's machine, installed tools run from their compiled bytecode; this
    # environment sets PYTHONDONTWRITEBYTECODE, which would recompile every tool each run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str], cwd: Path, stdout: Path, timeout: float | None) -> Run:
    """Run ``command`` once: wall time and peak memory of it and every process it starts."""
    peaks: dict[int, int] = {}
    done = threading.Event()
    maxrss = stdout.with_suffix(".maxrss")
    maxrss.unlink(missing_ok=True)
    wrapper = [GNU_TIME, "-f", "%M", "-o", str(maxrss)] if GNU_TIME else []
    env = _environment()
    with stdout.open("wb") as out, stdout.with_suffix(".stderr").open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [*wrapper, *command], cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True
        )
        sampler = threading.Thread(
            target=_sample_peaks, args=(process.pid, peaks, done, bool(wrapper)), daemon=True
        )
        sampler.start()
        with _kill_after(process.pid, timeout) as killed:
            returncode = process.wait()
            wall = time.perf_counter() - start
        done.set()
        sampler.join()
    # GNU time's %M is ru_maxrss from wait4: the largest of the tool and its reaped children.
    exact = int(maxrss.read_text().split()[-1]) if maxrss.exists() and not killed.is_set() else 0
    largest = max([exact, *peaks.values()]) / 1024
    tree = max(sum(peaks.values()) / 1024, largest)
    return Run(wall, tree, largest, returncode, killed.is_set())
