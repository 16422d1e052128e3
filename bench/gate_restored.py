"""``codehealth gate`` on real commits of a real repository: cold (a fresh CI checkout, no
``.codehealth/``) against the cache restored from a run at the base commit in ANOTHER clone
(what the CI templates do: the default branch's job saves ``.codehealth/``, the pull
request's job restores it into a checkout at another path).

Called by ``gate_bench.py --restored SOURCE`` (a git repository to clone, never committed).
For each of a few real commits changing 1-5 Python files (and nothing else): clone A checks
out the commit's parent P and runs what the default branch's job runs there (``gate --base
P~1``); clone B checks out the commit and runs ``gate --base P`` cold (``.codehealth/``
removed) and restored (A's ``.codehealth/`` copied in before each run; the copy is not
timed, as a CI restore is a download), and warm (B's own second run) for reference. The
reports of the cold and the restored runs must be equal. Best of ``--runs``.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SECTION = "## Restored cache in another clone (issue 18)"


@dataclass(frozen=True)
class Row:
    commit: str
    files: int
    base_job: float
    cold: float
    restored: float
    warm: float
    cache_mb: float
    same: bool


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def clones(source: str, work: Path) -> tuple[Path, Path]:
    """Two clones of ``source`` (made once): A, where the base's job runs (its
    ``.codehealth/`` emptied before each: no older cache to build on, the worst case), and B."""
    pair = (work / "a", work / "b")
    for clone in pair:
        if not (clone / ".git").exists():
            clone.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["git", "clone", "--quiet", source, str(clone)], check=True)
    return pair


def small_commits(repo: Path, count: int, scanned: int = 300) -> list[str]:
    """The newest first-parent commits (not merges) of the source's default branch changing
    1-5 files, all Python (the same commits whatever the clone has checked out)."""
    found: list[str] = []
    log = _git(
        repo, "log", "--first-parent", "--no-merges", "--format=%H", f"-n{scanned}", "origin/HEAD"
    )
    for commit in log.split():
        names = _git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", commit).split()
        if 1 <= len(names) <= 5 and all(name.endswith(".py") for name in names):
            found.append(commit)
        if len(found) == count:
            break
    return found


def _timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed in {cwd}: {done.stderr}")
    return elapsed, done.stdout


def _best(runs: int, command: list[str], cwd: Path, before: object) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(runs):
        before()  # type: ignore[operator]
        seconds, out = _timed(command, cwd)
        best = min(best, seconds)
    return best, out


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(a: Path, b: Path, commit: str, runs: int) -> Row:
    gate = [sys.executable, "-m", "codehealth", "gate", "--format", "table"]
    parent = _git(a, "rev-parse", f"{commit}^").strip()
    files = len(_git(a, "diff-tree", "--no-commit-id", "--name-only", "-r", commit).split())
    _git(a, "checkout", "--quiet", "--force", "--detach", parent)
    shutil.rmtree(a / ".codehealth", ignore_errors=True)
    base_job, _ = _timed([*gate, "--base", f"{parent}^"], a)  # the push job at the base
    _git(b, "checkout", "--quiet", "--force", "--detach", commit)
    command = [*gate, "--base", parent]

    def empty() -> None:
        shutil.rmtree(b / ".codehealth", ignore_errors=True)

    def restore() -> None:
        empty()
        shutil.copytree(a / ".codehealth", b / ".codehealth", symlinks=True)

    cold, cold_out = _best(runs, command, b, empty)
    restored, restored_out = _best(runs, command, b, restore)
    warm, _ = _best(runs, command, b, lambda: None)  # after a restored run: B's own cache
    return Row(
        commit[:10],
        files,
        base_job,
        cold,
        restored,
        warm,
        _size_mb(a / ".codehealth"),
        cold_out == restored_out,
    )


def floor_seconds(repo: Path, folder: str, runs: int) -> tuple[float, int]:
    best, files = float("inf"), 0
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, str(BENCH / "parse_floor.py"), folder],
            cwd=repo,
            capture_output=True,
            check=True,
        ).stdout
        document = json.loads(output)
        best, files = min(best, float(document["parse_seconds"])), int(document["files"])
    return best, files


def line(row: Row, floor: float) -> str:
    return (
        f"| `{row.commit}` | {row.files} | {row.base_job:.2f} | {row.cold:.2f} "
        f"({row.cold / floor:.2f}x) | {row.restored:.2f} ({row.restored / floor:.2f}x) | "
        f"{row.warm:.2f} ({row.warm / floor:.2f}x) | {row.restored / row.cold:.2f} | "
        f"{row.cache_mb:.1f} | {'yes' if row.same else 'NO'} |"
    )


def section(rows: list[Row], floor: tuple[float, int], source: str, runs: int, cmd: str) -> str:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return "\n".join(
        [
            SECTION,
            "",
            f"{now}, {platform.machine()}, {platform.python_implementation()} "
            f"{platform.python_version()}, {os.cpu_count()} cores (shared), load average at "
            f"the end {load}; best of {runs}. Repository: {source} (a real history, cloned "
            f"twice outside this repository, never committed); parse floor {floor[0]:.2f} s "
            f"({floor[1]} files, single process).",
            "",
            "Each commit changes 1-5 Python files and nothing else. *Base job*: `gate --base "
            "P~1` at the commit's parent P in clone A (what the default branch's CI job runs "
            "and saves). *Cold*: `gate --base P` at the commit in clone B with no "
            "`.codehealth/`. *Restored*: the same with A's `.codehealth/` copied in first "
            "(copy not timed). *Warm*: B's own second run, for reference. Seconds (x floor).",
            "",
            "| commit | files | base job | cold | restored | warm | restored / cold "
            "| cache MB | same report |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            *(line(row, floor[0]) for row in rows),
            "",
            f"Reproduce: `{cmd} --write`",
            "",
        ]
    )


def write_section(results: Path, text: str) -> None:
    """Put ``text`` in place of the section of the same heading (or at the end)."""
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    if SECTION in previous:
        start = previous.index(SECTION)
        following = previous.find("\n## ", start + len(SECTION))
        rest = previous[following + 1 :] if following != -1 else ""
        previous = previous[:start] + rest
    results.write_text(previous.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def run_restored(
    source: str, runs: int, count: int, write: Path | None, cmd: str, package: str
) -> None:
    work = Path(os.environ.get("CODEHEALTH_BENCH_CLONES", "/tmp/codehealth-restored"))
    a, b = clones(source, work)
    floor = floor_seconds(a, package, runs)
    rows = []
    for commit in small_commits(a, count):
        rows.append(measure(a, b, commit, runs))
        print(line(rows[-1], floor[0]), flush=True)
    tip = _git(a, "log", "-1", "--format=%h of %cs", "origin/HEAD").strip()
    text = section(rows, floor, f"{source} at {tip}", runs, cmd)
    print(text)
    if write is not None:
        write_section(write, text)
