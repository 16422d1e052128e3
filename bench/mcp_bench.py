"""Time ``codehealth mcp``'s ``gate`` tool, warm, on a 1-file change in Django's sdist.

Target (issue 20): an MCP ``gate`` call on a 1-file change <= 0.2 s once warm. The server
is started once (``python -m codehealth mcp`` in a git repository built from the pinned
sdist, ``django_sdist.py``), driven by the SDK's client session as an agent drives it;
each call's time is what the client waits, the JSON-RPC round trip included. Measured:

- ``gate`` on the work tree with one edited file (a function appended on disk);
- ``gate`` with ``proposed``: the same edit of another file given as content, the work
  tree clean (nothing written);
- for comparison, ``codehealth gate --base HEAD`` as a process on the same work-tree change;
- the CPU time a warm proposed-content call costs (this process and its git and ruff
  children, the tools called in-process): what the call demands of the machine, whatever
  else runs on it (the wall times above wait behind the other work on a shared machine).

Each is called once untimed (the first call fills the caches), then ``--runs`` times:
median and best. Run from the repository root:  .venv/bin/python bench/mcp_bench.py --write
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

from bench_output import bench_parser, print_table, write_results
from django_sdist import DJANGO, django_archive
from mcp import ClientSession, StdioServerParameters, stdio_client

BENCH = Path(__file__).resolve().parent
REPO = BENCH / ".work" / "mcp" / f"django-{DJANGO}"
RESULTS = BENCH / "MCP_RESULTS.md"
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    # the server runs this checkout's codehealth, whatever the virtualenv has installed
    "PYTHONPATH": str(BENCH.parent / "src"),
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}
EDITED = "django/utils/text.py"  # edited on disk
PROPOSED = "django/utils/html.py"  # edited as a proposal
ADDITION = """

def _bench_added(value, flag=None):
    # TODO: the benchmark's change
    if value:
        for item in value:
            if item and flag:
                while flag:
                    flag = None if item else flag
    return value
"""
TARGET = 0.2


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], env=ENV, capture_output=True, text=True, check=True
    ).stdout


def corpus() -> Path:
    """The sdist as a git repository with one commit and a clean work tree."""
    if (REPO / ".git").exists():
        git("checkout", "--quiet", "--force", "HEAD")
        git("clean", "--quiet", "--force", "-d", "--exclude=.codehealth")
        return REPO
    shutil.rmtree(REPO, ignore_errors=True)
    REPO.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(django_archive()) as tar:
        tar.extractall(REPO.parent, filter="data")
    git("init", "--quiet", "--initial-branch=main")
    git("add", "--all")
    git("commit", "--quiet", "--no-verify", "-m", "Django sdist")
    return REPO


async def _timed(session: ClientSession, runs: int, arguments: dict[str, Any]) -> list[float]:
    """One untimed call, then ``runs`` timed ones; each must be a gate verdict."""
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        result = await session.call_tool("gate", arguments)
        elapsed = time.perf_counter() - start
        document = json.loads(result.content[0].text)
        assert not result.is_error and document["changed_files"] == 1, document
        if index:
            times.append(elapsed)
    return times


async def _server_times(runs: int) -> dict[str, list[float]]:
    server = StdioServerParameters(
        command=sys.executable, args=["-m", "codehealth", "mcp"], cwd=REPO, env=ENV
    )
    times: dict[str, list[float]] = {}
    async with stdio_client(server) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        edited = REPO / EDITED
        original = edited.read_text(encoding="utf-8")
        edited.write_text(original + ADDITION, encoding="utf-8")
        try:
            times["work tree"] = await _timed(session, runs, {})
        finally:
            edited.write_text(original, encoding="utf-8")
        content = (REPO / PROPOSED).read_text(encoding="utf-8") + ADDITION
        times["proposed"] = await _timed(session, runs, {"proposed": {PROPOSED: content}})
        assert git("status", "--porcelain") == "", "the proposal was written"
    return times


def _cli_times(runs: int) -> list[float]:
    """``codehealth gate --base HEAD`` as a process, on the same work-tree edit."""
    edited = REPO / EDITED
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + ADDITION, encoding="utf-8")
    command = [sys.executable, "-m", "codehealth", "gate", "--base", "HEAD"]
    times = []
    try:
        for index in range(runs + 1):
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, env=ENV, capture_output=True, check=False)
            if index:
                times.append(time.perf_counter() - start)
    finally:
        edited.write_text(original, encoding="utf-8")
    return times


def _cpu_per_call(runs: int) -> list[float]:
    """CPU seconds of each warm proposed-content ``gate`` call made in this process."""
    sys.path.insert(0, str(BENCH.parent / "src"))
    from codehealth.agent import ProjectTools

    tools = ProjectTools(str(REPO))
    content = (REPO / PROPOSED).read_text(encoding="utf-8") + ADDITION
    cpu = []
    for index in range(runs + 1):
        own, children = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
        assert tools.gate(proposed={PROPOSED: content})["changed_files"] == 1
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        if index:
            cpu.append(time.process_time() - own + spent)
    return cpu


def main() -> None:
    parser = bench_parser(__doc__, RESULTS, runs=20)
    options = parser.parse_args()
    corpus()
    measured = asyncio.run(_server_times(options.runs))
    measured["CLI process (comparison)"] = _cli_times(max(3, options.runs // 4))
    measured["CPU per proposed call"] = _cpu_per_call(options.runs)
    header = ("call", "median s", "best s", "runs", "target")
    rows = []
    verdicts = []
    for name, times in measured.items():
        median = statistics.median(times)
        is_tool = name in ("work tree", "proposed")
        target = f"<= {TARGET} s: {'met' if median <= TARGET else 'FAIL'}" if is_tool else "-"
        label = f"MCP gate, {name}" if is_tool else f"`codehealth gate --base HEAD`, {name}"
        if name.startswith("CPU"):
            label = f"MCP gate, {name} (in-process, git and ruff included)"
        rows.append((label, f"{median:.3f}", f"{min(times):.3f}", str(len(times)), target))
        if is_tool:
            verdicts.append(f"MCP `gate` ({name}, 1 file): median {median:.3f} s; {target}")
    print_table(header, rows, verdicts)
    if options.write:
        how = (
            f"Django {DJANGO}'s sdist as a git repository, one server, each call warm "
            "(one untimed call first), timed in the client."
        )
        table = (header, "| --- | ---: | ---: | ---: | --- |", rows)
        reproduce = f".venv/bin/python bench/mcp_bench.py --runs {options.runs} --write"
        write_results(RESULTS, "codehealth mcp: a warm gate call", how, table, verdicts, reproduce)


if __name__ == "__main__":
    main()
