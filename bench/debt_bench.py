"""Time ``codehealth debt`` against its budget on Django's source (the pinned sdist).

Targets (issue 4): cold ``debt`` <= (cold ``scan`` + ruff's own time) x 1.1, and a warm
``debt`` (nothing changed) <= 0.1x the single-process ``ast.parse`` floor.

Run from the repository root:  .venv/bin/python bench/debt_bench.py --runs 3 [--write]
It unpacks its own copy of the sdist into bench/.work/debt/ and makes it a git repository
(bench/.work is ignored by this repository's git, so discovery would see no files there).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench_output import bench_parser, print_table, write_results
from django_sdist import DJANGO, django_archive

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
CORPUS = WORK / "debt" / f"django-{DJANGO}"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "DEBT_RESULTS.md"
TARGET = "django"
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def corpus() -> Path:
    """Download (once) the pinned sdist, check its hash, unpack a private copy (once)."""
    archive = django_archive()
    if not (CORPUS / TARGET).is_dir():
        CORPUS.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(CORPUS.parent, filter="data")
    if not (CORPUS / ".git").exists():
        subprocess.run(["git", "init", "--quiet", str(CORPUS)], check=True)
    return CORPUS


@dataclass
class Timing:
    name: str
    command: list[str]
    before: Callable[[], None] | None = None
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)

    @property
    def output(self) -> Path:
        return WORK / "debt" / f"{self.name.split()[0]}.out"


# Installed tools run from their compiled bytecode; this environment sets
# PYTHONDONTWRITEBYTECODE, which would make every run recompile codehealth.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(timing: Timing) -> None:
    """One run: wall seconds, CPU seconds of the whole process tree, peak RSS (GNU time)."""
    if timing.before is not None:
        timing.before()
    command = timing.command
    timed = [GNU_TIME, "-f", "%M", *command] if GNU_TIME else command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(timing.output, "wb") as sink:
        start = time.perf_counter()
        completed = subprocess.run(timed, cwd=CORPUS, env=_ENV, stdout=sink, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        error = completed.stderr.decode()
        sys.exit(f"{' '.join(command)} failed ({completed.returncode}):\n{error}")
    timing.seconds.append(elapsed)
    timing.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if GNU_TIME:
        last = completed.stderr.decode().strip().splitlines()[-1:]
        if last and last[0].isdigit():
            timing.peak_mb = max(timing.peak_mb, int(last[0]) / 1024)


def floor_seconds(runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, str(BENCH / "parse_floor.py"), TARGET],
            cwd=CORPUS,
            capture_output=True,
            check=True,
        ).stdout
        best = min(best, float(json.loads(output)["parse_seconds"]))
    return best


def _commands() -> tuple[list[str], list[Timing]]:
    """The ruff command debt runs here, and every timed command in its table order."""
    from codehealth.adapters.linters import prepare_ruff

    def clear() -> None:
        shutil.rmtree(CORPUS / ".codehealth", ignore_errors=True)

    codehealth = str(BIN / "codehealth")
    # Exactly the ruff command debt runs here (the project's ruff config decides --select).
    ruff = [*prepare_ruff(str(CORPUS), "auto", [TARGET]).command, TARGET]
    debt = [codehealth, "debt", TARGET, "--format", "json"]
    scan = [codehealth, "scan", TARGET, "--format", "json", "--no-cache"]
    boundaries = [codehealth, "boundaries", "--format", "json", "--no-cache"]
    timings = [
        Timing("ruff (the command debt runs)", ruff),
        Timing("scan cold --no-cache", scan),
        Timing("debt cold --no-cache --no-boundaries", [*debt, "--no-cache", "--no-boundaries"]),
        Timing("debt-cold cold, cache written, --no-boundaries", [*debt, "--no-boundaries"], clear),
        Timing("debt-warm warm, --no-boundaries", [*debt, "--no-boundaries"]),
        Timing("scan-warm warm (for reference)", scan[:-1]),
        Timing("boundaries cold --no-cache", boundaries),
        Timing("debt-all cold --no-cache, with boundaries (default)", [*debt, "--no-cache"]),
        Timing("debt-allwarm warm, with boundaries (default)", debt),
    ]
    return ruff, timings


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def _budget_verdicts(timings: list[Timing], floor: float) -> list[str]:
    """The time budgets of issue 4, each with pass or FAIL."""
    ruff_t, scan_t, debt_t, cold_cache_t, warm_t, scan_warm_t, bounds_t, all_t, all_warm_t = timings
    budget = (scan_t.best + ruff_t.best) * 1.1
    cpu_budget = (scan_t.best_cpu + ruff_t.best_cpu) * 1.1
    return [
        f"cold debt {debt_t.best:.2f} s wall vs (scan {scan_t.best:.2f} + ruff {ruff_t.best:.2f})"
        f" x 1.1 = {budget:.2f} s: {verdict(debt_t.best <= budget)}; CPU {debt_t.best_cpu:.2f} s"
        f" vs {cpu_budget:.2f} s: {verdict(debt_t.best_cpu <= cpu_budget)}",
        f"cold debt writing the cache {cold_cache_t.best:.2f} s wall: "
        f"{verdict(cold_cache_t.best <= budget)}",
        f"warm debt {warm_t.best:.2f} s vs 0.1x floor = {0.1 * floor:.2f} s: "
        f"{verdict(warm_t.best <= 0.1 * floor)} (warm scan alone: {scan_warm_t.best:.2f} s)",
        f"with boundaries (the default): cold {all_t.best:.2f} s vs (scan + ruff + boundaries) "
        f"x 1.1 = {(scan_t.best + ruff_t.best + bounds_t.best) * 1.1:.2f} s; "
        f"warm {all_warm_t.best:.2f} s",
    ]


def _output_verdicts(timings: list[Timing], ruff: list[str]) -> list[str]:
    """Whether the cached runs agree with --no-cache, the project's numbers, the ruff run."""
    from codehealth.adapters.linters.ruff import ruff_configs

    debt_t, cold_cache_t, warm_t = timings[2:5]
    cold_doc = json.loads(debt_t.output.read_text())
    same = all(
        json.loads(t.output.read_text())["findings"] == cold_doc["findings"]
        for t in (cold_cache_t, warm_t)
    )
    return [
        "cache-writing and warm runs give the same findings as --no-cache: "
        + ("yes" if same else "NO"),
        f"project: {cold_doc['project']['hours']} h, ratio {cold_doc['project']['ratio']:.4f}, "
        f"rating {cold_doc['project']['rating']}, {len(cold_doc['findings'])} findings",
        "ruff command: " + " ".join(["ruff", *ruff[1:]]),
        "ruff configuration that applies (ruff also looks above the project): "
        + (", ".join(path for path, _ in ruff_configs(str(CORPUS), [TARGET])) or "none"),
    ]


def _rows(timings: list[Timing], floor: float) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        ("floor: ast.parse (one process)", f"{floor:.2f}", "1.00", f"{floor:.2f}", "")
    ]
    rows += [
        (t.name, f"{t.best:.2f}", f"{t.best / floor:.2f}", f"{t.best_cpu:.2f}", f"{t.peak_mb:.0f}")
        for t in timings
    ]
    return rows


_HEADER = ("run", "best wall s", "x floor", "best CPU s", "peak MB")


def _write(rows: list[tuple[str, ...]], verdicts: list[str], runs: int) -> None:
    write_results(
        RESULTS,
        f"`codehealth debt` on Django {DJANGO} (`django/`)",
        f"best of {runs} round-robin runs.",
        (_HEADER, "| --- | ---: | ---: | ---: | ---: |", rows),
        verdicts,
        ".venv/bin/python bench/debt_bench.py --runs 3 --write",
    )


def main(argv: list[str] | None = None) -> int:
    options = bench_parser(__doc__, RESULTS).parse_args(argv)
    corpus()
    ruff, timings = _commands()
    floor = floor_seconds(options.runs)
    # Round-robin, so that a burst of load on the shared machine hits every command alike.
    for _ in range(options.runs):
        for timing in timings:
            run(timing)
    rows = _rows(timings, floor)
    verdicts = _budget_verdicts(timings, floor) + _output_verdicts(timings, ruff)
    print_table(_HEADER, rows, verdicts)
    if options.write:
        _write(rows, verdicts, options.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
