"""Warm runs side by side with the peers' cold runs, on a local clone of a large project.

Issue 18's targets for a run in which nothing changed: ``scan`` ≤ 0.05x the single-process
parse floor and faster than complexipy's cold run; ``debt`` ≤ 0.1x the floor. Each round
measures, in one order: the floor (``parse_floor.py``), complexipy cold, ``ruff check
--select C901`` cold, then codehealth's scan (JSON and table) and debt: cold with the cache
written, warm on the per-file cache only (the replay records removed: such a run records
its output) and replayed. Best of N; the clone is never changed.

    git clone /work/.mirror/saleor+saleor/repo /tmp/saleor
    .venv/bin/python bench/warm_bench.py /tmp/saleor --runs 3 --write
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from process_sampling import Run, measure
from scan_bench import as_markdown, as_text, machine

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
RESULTS = BENCH / "WARM_RESULTS.md"
OUT = BENCH / ".work" / "warm"
TARGETS = {"scan replayed, json": 0.05, "scan replayed, table": 0.05, "debt replayed": 0.1}


@dataclass
class Tool:
    name: str
    command: list[str]
    prepare: Callable[[], None] = lambda: None
    ok: tuple[int, ...] = (0, 1)
    report: Callable[[Path], float] | None = None  # reads the time from the output
    runs: list[Run] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(run.reported or run.wall for run in self.runs)


def tools(repo: Path) -> list[Tool]:
    cache = repo / ".codehealth"

    def remove(path: Path) -> Callable[[], None]:
        return lambda: shutil.rmtree(path, ignore_errors=True)

    codehealth = str(BIN / "codehealth")
    json_scan, table_scan = [codehealth, "scan", "--format", "json"], [codehealth, "scan"]
    debt = [codehealth, "debt", "--format", "json"]
    complexipy = [str(BIN / "complexipy"), ".", "--quiet", "--output-format", "json"]
    listed = [
        Tool(
            "floor: ast.parse", [sys.executable, str(BENCH / "parse_floor.py"), "."], report=parse
        ),
        Tool("complexipy cold", [*complexipy, "--output", str(OUT / "complexipy.json")]),
        Tool("ruff C901 cold", [str(BIN / "ruff"), "check", "--select", "C901", "--no-cache"]),
        Tool("scan cold, cache written", json_scan, prepare=remove(cache)),
        Tool("scan warm, json", json_scan, prepare=remove(cache / "replay")),
        Tool("scan replayed, json", json_scan),
        Tool("scan warm, table", table_scan, prepare=remove(cache / "replay")),
        Tool("scan replayed, table", table_scan),
        Tool("debt cold (the lint cache was removed with the scan's)", debt),
        Tool("debt warm", debt, prepare=remove(cache / "replay")),
        Tool("debt replayed", debt),
    ]
    return listed


def parse(output: Path) -> float:
    return float(json.loads(output.read_text())["parse_seconds"])


def run_all(repo: Path, selected: list[Tool], runs: int) -> None:
    """Round-robin, so that a busy moment on the machine hurts every tool alike."""
    OUT.mkdir(parents=True, exist_ok=True)
    for _ in range(runs):
        for number, tool in enumerate(selected):
            tool.prepare()
            output = OUT / f"{number}.out"
            run = measure(tool.command, repo, output, None)
            if run.returncode not in tool.ok:
                sys.exit(f"{tool.name} exited {run.returncode}")
            tool.runs.append(replace(run, reported=tool.report(output)) if tool.report else run)


def table(selected: list[Tool]) -> list[list[str]]:
    floor = selected[0].best
    complexipy = next(tool.best for tool in selected if tool.name.startswith("complexipy"))
    rows = [["run", "wall s", "x floor", "target"]]
    for tool in selected:
        target = ""
        if tool.name in TARGETS:
            limit, ratio = TARGETS[tool.name], tool.best / floor
            verdict = "pass" if ratio <= limit else "FAIL"
            target = f"≤ {limit}x floor: {verdict}"
            if tool.name.startswith("scan"):
                faster = "pass" if tool.best < complexipy else "FAIL"
                target += f"; faster than complexipy cold: {faster}"
        rows.append([tool.name, f"{tool.best:.3f}", f"{tool.best / floor:.3f}", target])
    return rows


def _about(repo: Path, runs: int, about: str) -> list[str]:
    head = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
        check=False,
        capture_output=True,
        text=True,
    ).stdout.strip()
    count = sum(1 for path in repo.rglob("*.py") if ".git" not in path.parts)
    return [
        f"corpus: {repo.name} at {head or '?'} ({count} .py files)",
        f"machine: {about}",
        f"best of {runs} run(s), wall time, start-up included; the floor is its parse time",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a local git clone (not changed)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"add the result to {RESULTS.name}")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    about = machine()
    selected = tools(repo)
    run_all(repo, selected, args.runs)
    lines, rows = _about(repo, args.runs, about), table(selected)
    # the interpreter matters: a corpus in Python 3.12 syntax needs a 3.12 one for its floor
    reproduce = [os.path.relpath(sys.executable), "bench/warm_bench.py", str(args.repo)]
    reproduce += ["--runs", str(args.runs)]
    print("\n".join(lines), "", as_text(rows), "", "reproduce: " + shlex.join(reproduce), sep="\n")
    if args.write:
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        section = [f"## {repo.name} ({stamp})", "", *[f"- {line}" for line in lines], ""]
        section += [as_markdown(rows), "", f"Reproduce: `{shlex.join(reproduce)}`", ""]
        text = RESULTS.read_text() if RESULTS.exists() else "# Warm runs (issue 18)\n\n"
        RESULTS.write_text(text + "\n".join(section) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
