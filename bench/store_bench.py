"""The shared PostgreSQL history store against the SQLite one, sharded recording, and a load
test of concurrent writers (issue 17), on a real server started like the tests start one.

    .venv/bin/python bench/store_bench.py --repo /tmp/corp-httpx [--commits 200] [--load 60]

1. Recording: ``codehealth history --limit N`` (the last N commits of the main line, the
   tree below them measured whole) into a fresh SQLite store and into a fresh PostgreSQL
   database; median of 3 cold runs each; the ratio PostgreSQL / SQLite (target <= 1.2).
2. Shards: the same work by 4 ``--shard i/4`` jobs at once against one job (target: >= 1.6x
   faster), and the blobs they measured together against the one job's (each once).
3. Load: 8 writers for ``--load`` seconds: 6 repositories (copies of the corpus, each its
   own name) each committed to and recorded in a loop, and 2 more writers recording two of
   them at the same time; then every repository's commits in the store are checked against
   ``git rev-list --first-parent --count HEAD``, with no commit stored twice.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "functional"))
import postgres_server  # the tests: initdb + pg_ctl in a temporary folder

from codehealth.adapters.store import connect

CODEHEALTH = [sys.executable, "-m", "codehealth"]


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CODEHEALTH, *args], cwd=repo, capture_output=True, text=True, check=False
    )


def _timed(repo: Path, *args: str) -> float:
    start = time.perf_counter()
    done = _run(repo, *args)
    if done.returncode:
        raise SystemExit(f"codehealth {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - start


def _database(server: postgres_server.Server, name: str) -> str:
    return postgres_server.fresh_database(server, name)


def recording(repo: Path, server: postgres_server.Server, commits: int) -> str:
    sqlite, postgres = [], []
    for attempt in range(3):
        shutil.rmtree(repo / ".codehealth", ignore_errors=True)
        sqlite.append(_timed(repo, "history", "--limit", str(commits)))
        url = _database(server, f"rec{attempt}")
        postgres.append(_timed(repo, "history", "--limit", str(commits), "--store", url))
    ratio = statistics.median(postgres) / statistics.median(sqlite)
    return (
        f"| recording {commits} commits | SQLite {statistics.median(sqlite):.2f} s | "
        f"PostgreSQL {statistics.median(postgres):.2f} s | ratio {ratio:.2f} (target <= 1.2) |"
    )


def shards(repo: Path, server: postgres_server.Server, commits: int) -> str:
    one_url = _database(server, "one")
    one = _timed(repo, "history", "--limit", str(commits), "--store", one_url)
    url = _database(server, "four")
    args = ("history", "--limit", str(commits), "--store", url, "--format", "json")
    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda i: _run(repo, *args, "--shard", f"{i}/4"), range(1, 5)))
    four = time.perf_counter() - start
    import json

    measured = [json.loads(run.stdout)["analysed_blobs"] for run in runs]
    alone = json.loads(_run(repo, "history", "--format", "json", "--store", one_url).stdout)
    return (
        f"| {commits} commits, 4 shards at once vs one job | one {one:.2f} s | four "
        f"{four:.2f} s | {one / four:.2f}x faster (target >= 1.6x); blobs measured "
        f"{'+'.join(map(str, measured))} = {sum(measured)}, one job's store holds "
        f"{len(alone['snapshots'])} commits |"
    )


def load(corpus: Path, server: postgres_server.Server, seconds: int, workdir: Path) -> str:
    url = _database(server, "load")
    repos = []
    for n in range(6):
        copy = workdir / f"load{n}"
        subprocess.run(["git", "clone", "-q", str(corpus), str(copy)], check=True)
        (copy / "pyproject.toml").write_text(f'[tool.codehealth.history]\nname = "load-{n}"\n')
        _commit(copy, "name")
        _run(copy, "history", "--limit", "20", "--store", url)
        repos.append(copy)
    # --limit 20: each store starts 20 commits below the HEAD of now
    starts = [int(_git(r, "rev-list", "--first-parent", "--count", "HEAD")) - 20 for r in repos]
    stop = time.monotonic() + seconds
    failures: list[str] = []
    locks = {repo: threading.Lock() for repo in repos}

    def writer(repo: Path, commits: bool) -> int:
        rounds = 0
        while time.monotonic() < stop:
            if commits:
                with locks[repo]:
                    (repo / "load_module.py").write_text(f"def f():\n    return {rounds}\n")
                    _commit(repo, f"round {rounds}")
            done = _run(repo, "history", "--store", url)
            if done.returncode:
                failures.append(done.stderr.strip().splitlines()[-1])
            rounds += 1
        return rounds

    plan = [(repo, True) for repo in repos] + [(repos[0], False), (repos[1], False)]
    with ThreadPoolExecutor(len(plan)) as pool:
        rounds = list(pool.map(lambda job: writer(*job), plan))
    for repo in repos:  # the last commits of each
        _run(repo, "history", "--store", url)
    return _load_verdict(url, list(zip(repos, starts, strict=True)), rounds, failures)


def _load_verdict(
    url: str, repos: list[tuple[Path, int]], rounds: list[int], failures: list[str]
) -> str:
    with connect(url) as db:
        stored = dict(
            db.execute(
                "SELECT r.name, count(c.sha) FROM repositories r"
                " LEFT JOIN commits c ON c.repository = r.id GROUP BY r.name"
            ).fetchall()
        )
        twice = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM commits GROUP BY repository, sha"
            " HAVING count(*) > 1) d"
        ).fetchone()[0]
    wrong = []
    for n, (repo, start) in enumerate(repos):
        expected = int(_git(repo, "rev-list", "--first-parent", "--count", "HEAD")) - start
        if stored.get(f"load-{n}") != expected:
            wrong.append(f"load-{n}: {stored.get(f'load-{n}')} stored, {expected} expected")
    verdict = "nothing lost or duplicated" if not wrong and not twice else "; ".join(wrong)
    return (
        f"| load: 8 writers | {sum(rounds)} history runs ({'+'.join(map(str, rounds))}) | "
        f"{twice} commits stored twice, {len(failures)} failed runs | {verdict} |"
        + "".join(f"\n  - {failure}" for failure in failures[:5])
    )


def _commit(repo: Path, message: str) -> None:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=b@example.invalid",
            "commit",
            "-q",
            "--no-verify",
            "-m",
            message,
        ],
        check=True,
    )


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--load", type=int, default=60, help="seconds of the load test")
    options = parser.parse_args()
    folder = postgres_server.binaries()
    if folder is None:
        raise SystemExit(postgres_server.INSTALL)
    workdir = Path(tempfile.mkdtemp(prefix="store-bench-"))
    repo = workdir / "corpus"
    subprocess.run(["git", "clone", "-q", str(options.repo), str(repo)], check=True)
    print(f"{time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores; corpus {options.repo.name}")
    for server in postgres_server.start(folder):
        print(recording(repo, server, options.commits))
        print(shards(repo, server, options.commits))
        if options.load:
            print(load(repo, server, options.load, workdir))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
