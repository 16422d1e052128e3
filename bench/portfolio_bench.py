"""``codehealth portfolio`` over a large shared store (issue 17): 100 repositories x 1,000
recorded commits, generated into a real PostgreSQL server started like the tests start one.

    .venv/bin/python bench/portfolio_bench.py [--repositories 100] [--commits 1000] [--runs 5]

The schema is created by codehealth's own migration; the rows are generated with COPY:
each repository 40-150 modules with debt and complexity, each commit touching 1-5 of
them, commits spread over two years so the default 90-day window holds about an eighth;
a boundary summary every 20th commit and at the last (as `history --store` at each CI run),
none at all for every tenth repository (its column shows —).
Timed: the best of ``--runs`` wall times of the command (interpreter start-up included,
output to a file) as a table, as JSON and over all of history; the HTML page when this
codehealth has ``--html`` (target: table <= 1 s, page <= 3 s and under 5 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "functional"))
import postgres_server  # the tests: initdb + pg_ctl in a temporary folder

from codehealth.adapters.store import connect, migrate

CODEHEALTH = [sys.executable, "-m", "codehealth", "portfolio"]
DAY = 86_400
SPAN_DAYS = 730


def _modules(rng: random.Random) -> dict[str, dict[str, float]]:
    return {
        f"pkg{index // 10}.module{index}": {
            "debt_minutes": float(rng.randint(0, 600)),
            "cyclomatic": float(rng.randint(1, 400)),
            "cognitive": float(rng.randint(0, 500)),
            "lines": float(rng.randint(20, 3000)),
        }
        for index in range(rng.randint(40, 150))
    }


def _commit_rows(repository: int, commits: int, now: int, rng: random.Random) -> list[tuple]:
    modules = _modules(rng)
    names = sorted(modules)
    lines = sum(m["lines"] for m in modules.values())
    debt = sum(m["debt_minutes"] for m in modules.values())
    rows = []
    for seq in range(commits):
        debt = max(0.0, debt + rng.uniform(-30, 32))
        timestamp = now - SPAN_DAYS * DAY + seq * SPAN_DAYS * DAY // commits
        totals = {"debt_minutes": debt, "lines": lines, "cyclomatic": 3000.0, "findings": 40.0}
        last = seq == commits - 1
        rows.append(
            (
                repository,
                seq,
                f"{repository:08x}{seq:032x}",
                f"author{rng.randint(1, 20)}",
                timestamp,
                json.dumps(totals),
                json.dumps(modules if last else {}),
                json.dumps(rng.sample(names, rng.randint(1, 5))),
            )
        )
    return rows


def _summary_rows(repository: int, commits: int, rng: random.Random) -> list[tuple]:
    """Boundary summaries of every 20th commit and the last; none for every tenth repository."""
    if repository % 10 == 0:
        return []
    rows = []
    for seq in sorted({*range(0, commits, 20), commits - 1}):
        cycles = rng.randint(0, 3)
        public_api = rng.randint(0, 12)
        by_rule = {"CH301": public_api, "CH306": cycles}
        rows.append(
            (
                repository,
                f"{repository:08x}{seq:032x}",
                public_api + cycles,
                cycles,
                rng.randint(0, 1),
                2,
                rng.randint(5, 40),
                json.dumps({rule: n for rule, n in by_rule.items() if n}),
            )
        )
    return rows


def generate(url: str, repositories: int, commits: int) -> None:
    connection = connect(url)
    migrate(connection)
    rng, now = random.Random(17), int(time.time())
    with connection.transaction():
        for repository in range(1, repositories + 1):
            connection.execute(
                "INSERT INTO repositories (id, name, last_commit) VALUES (%s, %s, %s)",
                (repository, f"github.com/example/service-{repository:03d}", ""),
            )
            with connection.cursor().copy(
                "COPY commits (repository, seq, sha, author, timestamp, totals, modules,"
                " touched) FROM STDIN"
            ) as copy:
                for row in _commit_rows(repository, commits, now, rng):
                    copy.write_row(row)
            with connection.cursor().copy(
                "COPY boundary_summaries (repository, sha, violations, cycles,"
                " contracts_broken, contracts, modules, by_rule) FROM STDIN"
            ) as copy:
                for row in _summary_rows(repository, commits, rng):
                    copy.write_row(row)
    connection.commit()  # connect() is not in autocommit mode
    connection.close()


def best(args: list[str], runs: int, out: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with out.open("w") as sink:
            done = subprocess.run(args, stdout=sink, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repositories", type=int, default=100)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    folder = postgres_server.binaries()
    if folder is None:
        raise SystemExit(postgres_server.INSTALL)
    work = Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    has_html = (
        "--html" in subprocess.run([*CODEHEALTH, "--help"], capture_output=True, text=True).stdout
    )
    print(f"{time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for server in postgres_server.start(folder):
        url = postgres_server.fresh_database(server, "portfolio")
        started = time.perf_counter()
        generate(url, options.repositories, options.commits)
        print(
            f"generated {options.repositories} x {options.commits} commits in "
            f"{time.perf_counter() - started:.1f} s"
        )
        base = [*CODEHEALTH, "--store", url]
        rows = [
            ("table (90 days)", base, 1.0),
            ("json (90 days)", [*base, "--format", "json"], 1.0),
            ("table (all history)", [*base, "--since", "all"], 1.0),
        ]
        if has_html:
            rows.append(("html page", [*base, "--html", str(work / "page")], 3.0))
        print("| what | best of runs | target | |\n| --- | --- | --- | --- |")
        for name, args, target in rows:
            took = best(args, options.runs, work / "out.txt")
            verdict = "met" if took <= target else "short"
            print(f"| {name} | {took:.2f} s | <= {target:g} s | {verdict} |")
        listed = subprocess.run([*base, "--format", "json"], capture_output=True, text=True)
        shown = [row["boundaries"] for row in json.loads(listed.stdout)["repositories"]]
        unknown = sum(summary is None for summary in shown)
        print(f"| boundaries column | {len(shown) - unknown} recorded, {unknown} unknown | | |")
        if has_html:
            size = (work / "page" / "index.html").stat().st_size / 1e6
            print(f"| page size | {size:.2f} MB | < 5 MB | {'met' if size < 5 else 'short'} |")
        else:
            print("| html page | not available in this codehealth | <= 3 s | not measured |")


if __name__ == "__main__":
    main()
