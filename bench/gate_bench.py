"""Time ``codehealth gate`` on a git repository built from Django's pinned sdist.

Targets (issue 18), on a change to 5 files:
- ``codehealth gate --base main`` <= 0.3x (cold cache) and <= 0.15x (warm) the
  single-process ``ast.parse`` floor of the whole repository (the gate's cost must depend
  on the change, not on the repository);
- ``codehealth gate --staged`` on a 1-file staged change (pre-commit mode), warm: <= 0.2 s.
Both are printed beside ``diff-quality --violations=ruff.check`` on the same change, each
measured cold (``.codehealth/`` removed before every run: a first run, a fresh CI checkout)
and warm (run once before: the per-content cache holds both sides). A third change, one
file gaining an import of another module, times the boundary check's whole-project path.

Run from the repository root:  .venv/bin/python bench/gate_bench.py --runs 3 [--write]
With ``--restored SOURCE`` it measures instead a cache restored from another clone on real
commits of SOURCE (``gate_restored.py``; issue 18).
It unpacks its own copy of the sdist into bench/.work/gate/ and commits it as ``main``; a
branch ``feature`` holds the 5-file change. The machine may be busy: best of ``--runs``,
and ratios against the floor measured in the same run.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_output import bench_parser
from django_sdist import DJANGO, django_archive

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
REPO = WORK / "gate" / f"django-{DJANGO}"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "GATE_RESULTS.md"
GIT_ENV = {
    # PYTHONDONTWRITEBYTECODE (set in some environments) would recompile codehealth on
    # every run, which no user's installation does.
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    # diff-quality looks for ruff on PATH: find the one installed next to this Python.
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}
# The 5 files of the change, and what is done to each (a worse function, a TODO, a fix).
CHANGED = (
    "django/utils/text.py",
    "django/db/models/query.py",
    "django/forms/fields.py",
    "django/http/request.py",
    "django/core/management/base.py",
)
STAGED_FILE = "django/utils/html.py"
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


# A module-level import of another package of the project: a new edge of the import graph.
IMPORT_ADDITION = "\nfrom django.db.models import Q as _bench_q  # noqa: E402\n"


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], env=GIT_ENV, capture_output=True, text=True, check=True
    ).stdout


def corpus() -> Path:
    """The sdist (downloaded once, hash checked) as a git repository: main + feature."""
    archive = django_archive()
    if (REPO / ".git").exists() and "feature" in git("branch", "--list", "feature"):
        git("checkout", "--quiet", "--force", "feature")
        return REPO
    shutil.rmtree(REPO, ignore_errors=True)
    REPO.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(REPO.parent, filter="data")
    git("init", "--quiet", "--initial-branch=main")
    git("add", "--all")
    git("commit", "--quiet", "--no-verify", "-m", "Django sdist")
    git("checkout", "--quiet", "-b", "feature")
    for path in CHANGED:
        with open(REPO / path, "a", encoding="utf-8") as handle:
            handle.write(ADDITION)
    git("commit", "--quiet", "--no-verify", "-am", "a change to 5 files")
    return REPO


def best_of(runs: int, command: list[str], cold: bool = False) -> tuple[float, int]:
    """Best wall time of ``command`` run in the repository, and its last exit code.
    ``cold``: the cache folder is removed before every run; otherwise one untimed run
    fills it first."""
    best, code = float("inf"), 0
    if not cold:
        subprocess.run(command, cwd=REPO, env=GIT_ENV, capture_output=True)
    for _ in range(runs):
        if cold:
            shutil.rmtree(REPO / ".codehealth", ignore_errors=True)
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=REPO, env=GIT_ENV, capture_output=True)
        best = min(best, time.perf_counter() - start)
        code = completed.returncode
    return best, code


def floor_seconds(runs: int) -> tuple[float, int]:
    best, files = float("inf"), 0
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, str(BENCH / "parse_floor.py"), "django"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout
        document = json.loads(output)
        best, files = min(best, float(document["parse_seconds"])), int(document["files"])
    return best, files


@dataclass
class _Table:
    """The rows measured so far, each printed as it is measured."""

    runs: int
    floor: float
    rows: list[tuple[str, float, int, str]] = field(default_factory=list)

    def time(self, name: str, command: list[str], target: str, cold: bool = False) -> None:
        """``target``: "<= Nx floor", "<= N s" (then a verdict is added) or a word."""
        seconds, code = best_of(self.runs, command, cold)
        self.rows.append((name, seconds, code, target))
        print(_line(name, seconds, code, target, self.floor))


def _time_branch(table: _Table, codehealth: list[str], diff_quality: str | None) -> None:
    """The 5-file change of ``feature`` against ``main``."""
    for extra, label in (
        ([], "codehealth gate --base main"),
        (["--no-lint"], "codehealth gate --base main --no-lint"),
    ):
        for cold in (True, False):
            name = f"{label} ({'cold' if cold else 'warm'})"
            command = [*codehealth, "--base", "main", *extra]
            table.time(name, command, "<= 0.3x floor" if cold else "<= 0.15x floor", cold)
    if diff_quality:
        dq = [diff_quality, "--violations=ruff.check", "--compare-branch=main"]
        table.time("diff-quality --violations=ruff.check (same 5 files)", dq, "peer")
    else:
        print("diff-quality: not installed (pip install diff_cover)")


def _time_staged(table: _Table, codehealth: list[str], diff_quality: str | None) -> None:
    """pre-commit mode: one staged file on top of the feature branch."""
    with open(REPO / STAGED_FILE, "a", encoding="utf-8") as handle:
        handle.write(ADDITION)
    git("add", STAGED_FILE)
    try:
        for cold in (True, False):
            label = f"codehealth gate --staged (1 file, {'cold' if cold else 'warm'})"
            table.time(
                label, [*codehealth, "--staged"], "information" if cold else "<= 0.2 s", cold
            )
        if diff_quality:
            dq = [diff_quality, "--violations=ruff.check", "--compare-branch=HEAD"]
            table.time("diff-quality --violations=ruff.check (staged file)", dq, "peer")
    finally:
        git("reset", "--quiet", "--", STAGED_FILE)
        git("checkout", "--quiet", "--", STAGED_FILE)


def _time_new_import(table: _Table, codehealth: list[str]) -> None:
    """A new import: the boundary check compares the whole project (contracts, cycles)."""
    with open(REPO / STAGED_FILE, "a", encoding="utf-8") as handle:
        handle.write(IMPORT_ADDITION)
    try:
        for cold in (True, False):
            state = "cold" if cold else "warm"
            label = f"codehealth gate --base HEAD (1 file gains an import, {state})"
            table.time(label, [*codehealth, "--base", "HEAD"], "information", cold)
    finally:
        git("checkout", "--quiet", "--", STAGED_FILE)


def _floor_again(table: _Table) -> None:
    """The floor again at the end, the faster of the two kept: on a shared machine a load
    spike during the first measurement must not flatter the ratios."""
    again, _ = floor_seconds(table.runs)
    if again < table.floor:
        table.floor = again
        print(f"\nparse floor measured again: {again:.3f} s; ratios against it:")
        for row in table.rows:
            print(_line(*row, again))


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser(__doc__, RESULTS)
    parser.add_argument(
        "--restored",
        metavar="SOURCE",
        help="instead: cold against a restored cache on real commits of the git repository "
        "SOURCE (cloned twice into $CODEHEALTH_BENCH_CLONES, default /tmp/codehealth-restored)",
    )
    parser.add_argument("--commits", type=int, default=4, help="with --restored: how many")
    parser.add_argument("--package", default=".", help="with --restored: the floor's folder")
    options = parser.parse_args(argv)
    if options.restored:
        from gate_restored import run_restored

        command = (
            f".venv/bin/python bench/gate_bench.py --runs {options.runs} --restored "
            f"{options.restored} --commits {options.commits} --package {options.package}"
        )
        write = RESULTS if options.write else None
        run_restored(
            options.restored, options.runs, options.commits, write, command, options.package
        )
        return 0
    corpus()
    floor, files = floor_seconds(options.runs)
    codehealth = [sys.executable, "-m", "codehealth", "gate"]
    table = _Table(options.runs, floor)
    print(f"parse floor: {files} files, {floor:.3f} s (single process, ast.parse only)")
    diff_quality = shutil.which("diff-quality", path=str(BIN)) or shutil.which("diff-quality")
    _time_branch(table, codehealth, diff_quality)
    _time_staged(table, codehealth, diff_quality)
    _time_new_import(table, codehealth)
    _floor_again(table)
    command = f".venv/bin/python bench/gate_bench.py --runs {options.runs}"
    print(f"\nreproduce: {command}")
    if options.write:
        _write(table.rows, table.floor, files, options.runs, command)
    return 0


def _judged(target: str, seconds: float, floor: float) -> str:
    """``target`` with its verdict: "<= 0.3x floor: FAIL"."""
    if not target.startswith("<= "):
        return target
    limit = target[3:].split(" ", 1)[0]
    value = seconds / floor if limit.endswith("x") else seconds
    verdict = "pass" if value <= float(limit.rstrip("x")) else "FAIL"
    return f"{target}: {verdict}"


def _line(name: str, seconds: float, code: int, target: str, floor: float) -> str:
    judged = _judged(target, seconds, floor)
    return f"{name:<58} {seconds:7.3f} s  {seconds / floor:5.2f}x floor  exit {code}  {judged}"


def _write(
    rows: list[tuple[str, float, int, str]], floor: float, files: int, runs: int, command: str
) -> None:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        "# codehealth gate on Django 5.2.8",
        "",
        f"{now}, {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores (shared), load average at the end {load}; best of {runs}.",
        "",
        f"Parse floor (single process, `ast.parse` of the {files} files of `django/`; "
        f"the tests folder holds files that do not parse; best of the runs at the start "
        f"and at the end): {floor:.3f} s.",
        "",
        "| command | seconds | x floor | exit | target |",
        "| --- | ---: | ---: | ---: | --- |",
        *(
            f"| `{n}` | {s:.3f} | {s / floor:.2f} | {c} | {_judged(t, s, floor)} |"
            for n, s, c, t in rows
        ),
        "",
        f"Reproduce: `{command} --write`",
        "",
    ]
    # The written analysis below the table (from its first "## " heading) is kept.
    previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    kept = previous[previous.index("\n## ") + 1 :] if "\n## " in previous else ""
    RESULTS.write_text("\n".join(lines) + ("\n" + kept if kept else ""), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
