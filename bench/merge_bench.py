""" "A merge to the main branch records its commit in seconds" (issue 17): ``codehealth
history`` recording ONE new commit, a ``git merge --no-ff`` of a one-commit branch, on top
of a real history already recorded, into SQLite and into PostgreSQL (a real server started
like the tests start one).

    .venv/bin/python bench/merge_bench.py --repo /tmp/httpx-bh [--runs 3]

``--repo`` is copied first (it is never changed). The whole main line is recorded once into
each store (timed, for scale); then each run merges one more commit and times the command
(interpreter start-up included); best of ``--runs``. PostgreSQL is timed three ways: with
the boundary summary of HEAD (the default) and the project's caches in .codehealth kept
from the run before; the same from a fresh checkout (no .codehealth: a CI job without a
cache); and ``--no-boundaries``. Each run's JSON must say exactly one new commit.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "functional"))
import postgres_server  # the tests: initdb + pg_ctl in a temporary folder

from codehealth.adapters.store import connect

_NUMBERS = itertools.count(1)  # of the merged branches
CODEHEALTH = [sys.executable, "-m", "codehealth", "history", "--format", "json"]
ENV = {
    **os.environ,
    "PGPASSWORD": postgres_server.PASSWORD,  # as a CI secret gives it, not in the URL
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env=ENV, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _history(repo: Path, *args: str) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run([*CODEHEALTH, *args], cwd=repo, env=ENV, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"codehealth history {' '.join(args)} failed: {done.stderr}")
    return took, json.loads(done.stdout)


def merge_one(repo: Path, number: int) -> None:
    """A one-commit branch that edits a module, merged with a merge commit."""
    main = _git(repo, "branch", "--show-current")
    _git(repo, "checkout", "-q", "-b", f"feature-{number}")
    target = repo / "httpx" / "_utils.py"
    with target.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\ndef bench_helper_{number}(value):\n    return value + {number}\n")
    _git(repo, "commit", "-q", "-am", f"feature {number}")
    _git(repo, "checkout", "-q", main)
    _git(repo, "merge", "-q", "--no-ff", "-m", f"Merge feature {number}", f"feature-{number}")


def best_of(
    repo: Path, runs: int, args: tuple[str, ...], before: Callable[[], None]
) -> tuple[float, list[str]]:
    """The best time of ``runs`` merges each recorded by ``history ARGS``; their notes."""
    times, notes = [], []
    for _ in range(runs):
        merge_one(repo, next(_NUMBERS))
        before()
        took, document = _history(repo, *args)
        if document["new_commits"] != 1:
            raise SystemExit(f"expected one new commit, got {document['new_commits']}")
        times.append(took)
        notes += document["notes"]
    return min(times), notes


def _forget_caches(repo: Path) -> Callable[[], None]:
    """Before a run: no .codehealth, as in a CI job that keeps no cache."""
    return lambda: shutil.rmtree(repo / ".codehealth", ignore_errors=True)


_Variant = tuple[str, tuple[str, ...], Callable[[], None]]


def _variants(store: str, repo: Path, url: str) -> list[_Variant]:
    """(name, history's arguments, what to do before each run) of one store."""
    if store == "sqlite":
        return [("sqlite", (), lambda: None)]
    args = ("--store", url)
    return [
        ("postgresql", args, lambda: None),
        ("postgresql, fresh checkout", args, _forget_caches(repo)),
        ("postgresql --no-boundaries", (*args, "--no-boundaries"), lambda: None),
    ]


def measure(source: Path, work: Path, url: str, runs: int) -> list[tuple[str, int, float, list]]:
    """Per store: record the whole main line of a copy of ``source``, then time each variant."""
    rows = []
    for store in ("sqlite", "postgresql"):
        repo = work / store
        subprocess.run(["git", "clone", "-q", str(source), str(repo)], check=True)
        variants = _variants(store, repo, url)
        took, document = _history(repo, *variants[0][1])
        count = len(document["snapshots"])
        print(f"{store}: whole main line, {count} commits, recorded in {took:.1f} s")
        for name, args, before in variants:
            best, notes = best_of(repo, runs, args, before)
            rows.append((name, count, best, sorted(set(notes))))
    return rows


def _summaries(url: str, runs: int) -> None:
    """The boundary summaries the PostgreSQL runs recorded: one per run with boundaries."""
    with connect(url) as db:
        summaries = db.execute("SELECT count(*) FROM boundary_summaries").fetchone()[0]
        one = db.execute(
            "SELECT violations, cycles, contracts_broken, modules, by_rule"
            " FROM boundary_summaries ORDER BY sha LIMIT 1"
        ).fetchone()
    print(f"boundary summaries recorded: {summaries} (expected {1 + 2 * runs})")
    print("one of them (violations, cycles, contracts broken, modules, by rule):", one)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    folder = postgres_server.binaries()
    if folder is None:
        raise SystemExit(postgres_server.INSTALL)
    work = Path(tempfile.mkdtemp(prefix="merge-bench-"))
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} UTC on {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    for server in postgres_server.start(folder):
        with_password = postgres_server.fresh_database(server, "merge")
        url = with_password.replace(f":{postgres_server.PASSWORD}@", "@")
        rows = measure(options.repo, work, url, options.runs)
        _summaries(with_password, options.runs)
        print("| store | history recorded | one merge commit, best of runs | notes |")
        print("| --- | --- | --- | --- |")
        for name, count, best, notes in rows:
            print(f"| {name} | {count} commits | {best:.2f} s | {'; '.join(notes) or '-'} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
