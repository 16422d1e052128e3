"""History mining benchmark: a repository built from successive releases of a PyPI project.

    .venv/bin/python bench/history_bench.py                # build (once) and measure
    .venv/bin/python bench/history_bench.py --write        # and append to bench/RESULTS.md

Corpus: the last 200 sdists of ``astroid`` on PyPI (``--project``/``--releases`` to change), each
downloaded with ``pip download --no-deps --no-binary :all:`` into ``bench/.work/`` and committed
in version order into ``bench/.work/<project>-history`` (author and date fixed per release),
a real git history of N commits. Side by side, best of ``--runs``:

- floor: ``git log --no-merges -M --numstat`` over the same commits (output to /dev/null);
- ``codehealth hotspots --since all --format json`` (cold: no .codehealth; warm: the scan
  cache present);
- ``wily build`` over the same commits (in its own virtualenv, ``bench/.work/wily-venv``)
  vs ``codehealth history`` from an empty store, and ``codehealth history`` again (nothing new).

Peak memory is the largest process's ``ru_maxrss`` (``os.wait4``) plus its children's.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from history_corpus import (
    ENV,
    HERE,
    PYTHON,
    WORK,
    build_repository,
    download,
    shallow_copy,
    wily_python,
)


def timed(
    command: list[str],
    cwd: Path,
    stdout: int | None = subprocess.DEVNULL,
    env: dict[str, str] | None = None,
) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds (user + system, with reaped children), peak MB of the
    largest process, exit code). CPU time says more than wall time on a busy machine."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env or ENV, stdout=stdout, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if process.stderr is not None:
        error = process.stderr.read()
        process.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            print(f"  {' '.join(command[:4])}: {error.decode()[-400:]}", file=sys.stderr)
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, process.returncode


Row = tuple[str, float, float, float]  # name, wall s, CPU s, peak MB


def best(
    name: str,
    command: list[str],
    cwd: Path,
    runs: int,
    before: Sequence[Path] = (),
    env: dict[str, str] | None = None,
) -> Row:
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        for path in before:
            shutil.rmtree(path, ignore_errors=True)
        wall, cpu, peak, code = timed(command, cwd, env=env)
        if code not in (0, 1):
            return name, float("nan"), float("nan"), peak
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
    return name, min(walls), min(cpus), max(peaks)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default="astroid")
    parser.add_argument("--releases", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-wily", action="store_true")
    parser.add_argument(
        "--repo",
        help="measure the last --commits commits of this local git repository instead "
        "(a shallow clone of it in bench/.work; for local measurement only)",
    )
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="append the table to RESULTS.md")
    return parser


def _corpus(args: argparse.Namespace) -> tuple[Path, int, str]:
    """The repository measured, its number of commits, and a sentence saying what it is."""
    if args.repo:
        commits = args.commits
        corpus = f"the last {commits} commits of {args.repo} (shallow clone)"
        return shallow_copy(Path(args.repo), commits), commits, corpus
    archives = download(args.project, args.releases)
    repo = build_repository(args.project, archives)
    commits = len(archives)
    return repo, commits, f"{args.project}, {commits} releases committed as {commits} commits"


def _codehealth_rows(repo: Path, commits: int, runs: int) -> list[Row]:
    """The git log floor, then hotspots and history cold and warm."""
    codehealth = [str(PYTHON), "-m", "codehealth"]
    store = repo / ".codehealth"
    log = [
        "git",
        "log",
        "--no-merges",
        "-M",
        "--numstat",
        "-z",
        "--format=%x1e%H%x1f%aN%x1f%aE%x1f%at",
    ]
    hotspots = [*codehealth, "hotspots", "--since", "all", "--format", "json"]
    # the same commits as `wily build -n N`: the tree N-1 commits below HEAD, then N-1 steps
    history = [*codehealth, "history", "--limit", str(commits - 1), "--format", "json"]
    return [
        best("git log --numstat (floor)", log, repo, runs),
        best("codehealth hotspots, cold (no .codehealth)", hotspots, repo, runs, [store]),
        best("codehealth hotspots, warm", hotspots, repo, runs),
        best(f"codehealth history, {commits} commits, empty store", history, repo, 1, [store]),
        best("codehealth history again (nothing new)", history, repo, runs),
    ]


def _wily_rows(repo: Path, commits: int) -> list[Row]:
    """``wily build`` over the same commits, when wily installs."""
    python = wily_python()
    if python is None:
        return []
    # wily keeps its cache in ~/.wily/<hash of the path>: a private, emptied HOME
    # makes every run a cold build
    home = WORK / "wily-home"
    wily = [str(python), "-m", "wily", "build", "-n", str(commits), "."]
    row = best(
        f"wily build -n {commits}",
        wily,
        repo,
        1,
        [repo / ".wily", home],
        {**ENV, "HOME": str(home)},
    )
    shutil.rmtree(repo / ".wily", ignore_errors=True)
    return [row]


def _ratios(row: Row, floor: Row, history_row: Row) -> tuple[str, str]:
    """hotspots against the git log floor, wily against codehealth history."""
    name, wall, cpu, _ = row
    if name.startswith("codehealth hotspots"):
        return f"{wall / floor[1]:.2f}x floor", f"{cpu / floor[2]:.2f}x floor"
    if name.startswith("wily"):
        return (
            f"history {wall / history_row[1]:.1f}x faster",
            f"history {cpu / history_row[2]:.1f}x faster",
        )
    return "", ""


def _report(rows: list[Row], corpus: str, args: argparse.Namespace) -> str:
    floor, history_row = rows[0], rows[3]
    lines = [
        f"history bench: {corpus};"
        f" {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" load average {os.getloadavg()[0]:.1f} (machine shared with other work: preliminary)",
        "",
        "| run | wall s | CPU s | wall ratio | CPU ratio | peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        name, wall, cpu, peak = row
        wall_ratio, cpu_ratio = _ratios(row, floor, history_row)
        lines.append(
            f"| {name} | {wall:.3f} | {cpu:.3f} | {wall_ratio} | {cpu_ratio} | {peak:.0f} |"
        )
    lines.append("")
    options = (
        f"--repo {args.repo} --commits {args.commits}"
        if args.repo
        else f"--project {args.project} --releases {args.releases}"
    )
    lines.append(f"reproduce: .venv/bin/python bench/history_bench.py {options} --runs {args.runs}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    repo, commits, corpus = _corpus(args)
    rows = _codehealth_rows(repo, commits, args.runs)
    if not args.no_wily:
        rows += _wily_rows(repo, commits)
    text = _report(rows, corpus, args)
    print(text)
    if args.write:
        with open(HERE / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write("\n## History (`history_bench.py`)\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
