"""Time ``codehealth debt`` against its budget on Django's source (the pinned sdist).

Targets (issue 4): cold ``debt`` <= (cold ``scan`` + ruff's own time) x 1.1, and a warm
``debt`` (nothing changed) <= 0.1x the single-process ``ast.parse`` floor.

Run from the repository root:  .venv/bin/python bench/debt_bench.py --runs 3 [--write]
It unpacks its own copy of the sdist into bench/.work/debt/ and makes it a git repository
(bench/.work is ignored by this repository's git, so discovery would see no files there).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

DJANGO = "5.2.8"
DJANGO_SHA256 = "23254866a5bb9a2cfa6004e8b809ec6246eba4b58a7589bc2772f1bcc8456c7f"
BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
CORPUS = WORK / "debt" / f"django-{DJANGO}"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "DEBT_RESULTS.md"
TARGET = "django"
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def corpus() -> Path:
    """Download (once) the pinned sdist, check its hash, unpack a private copy (once)."""
    archive = WORK / f"django-{DJANGO}.tar.gz"
    if not archive.exists():
        download = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        subprocess.run([*download, f"django=={DJANGO}", "-d", str(WORK)], check=True)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != DJANGO_SHA256:
        sys.exit(f"{archive}: sha256 {digest}, expected {DJANGO_SHA256}; delete it and rerun")
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
    seconds: list[float]
    peak_mb: float = 0.0

    @property
    def best(self) -> float:
        return min(self.seconds)


def run(command: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, through GNU time when present) of one run."""
    timed = [GNU_TIME, "-f", "%M", *command] if GNU_TIME else command
    sink = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    start = time.perf_counter()
    completed = subprocess.run(timed, cwd=CORPUS, stdout=sink, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if stdout:
        sink.close()  # type: ignore[union-attr]
    if completed.returncode not in (0, 1):
        sys.exit(
            f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr.decode()}"
        )
    peak = 0.0
    if GNU_TIME:
        last = completed.stderr.decode().strip().splitlines()[-1:]
        peak = int(last[0]) / 1024 if last and last[0].isdigit() else 0.0
    return elapsed, peak


def measure(name: str, command: list[str], runs: int, before: object = None) -> Timing:
    timing = Timing(name, [])
    for _ in range(runs):
        if callable(before):
            before()
        seconds, peak = run(command, WORK / "debt" / f"{name.split()[0]}.out")
        timing.seconds.append(seconds)
        timing.peak_mb = max(timing.peak_mb, peak)
    return timing


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    options = parser.parse_args(argv)
    corpus()
    from codehealth.lint import DEFAULT_SELECT

    cache = CORPUS / ".codehealth"

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    codehealth = str(BIN / "codehealth")
    ruff = [str(BIN / "ruff"), "check", "--output-format", "json", "--no-fix", "--exit-zero"]
    ruff += ["--force-exclude", "--no-cache", "--select", ",".join(DEFAULT_SELECT), TARGET]
    floor = floor_seconds(options.runs)
    timings = [
        measure("ruff (debt's selection, JSON)", ruff, options.runs),
        measure(
            "scan cold --no-cache",
            [codehealth, "scan", TARGET, "--format", "json", "--no-cache"],
            options.runs,
        ),
        measure(
            "debt cold --no-cache",
            [codehealth, "debt", TARGET, "--format", "json", "--no-cache"],
            options.runs,
        ),
        measure(
            "debt-cold cold, cache written",
            [codehealth, "debt", TARGET, "--format", "json"],
            options.runs,
            clear,
        ),
        measure("debt-warm warm", [codehealth, "debt", TARGET, "--format", "json"], options.runs),
    ]
    ruff_t, scan_t, debt_t, cold_cache_t, warm_t = timings
    budget = (scan_t.best + ruff_t.best) * 1.1
    cold_doc = json.loads((WORK / "debt" / "debt.out").read_text())
    same = all(
        json.loads((WORK / "debt" / f"{name}.out").read_text())["findings"] == cold_doc["findings"]
        for name in ("debt-cold", "debt-warm")
    )
    rows = [
        ("floor: ast.parse (one process)", f"{floor:.2f}", "1.00", "", ""),
        *(
            (t.name, f"{t.best:.2f}", f"{t.best / floor:.2f}", f"{t.peak_mb:.0f}", "")
            for t in timings
        ),
    ]
    verdicts = [
        f"cold debt {debt_t.best:.2f} s vs budget (scan {scan_t.best:.2f} + ruff "
        f"{ruff_t.best:.2f}) x 1.1 = {budget:.2f} s: {'pass' if debt_t.best <= budget else 'FAIL'}",
        f"cold debt writing the cache {cold_cache_t.best:.2f} s: "
        f"{'pass' if cold_cache_t.best <= budget else 'FAIL'}",
        f"warm debt {warm_t.best:.2f} s vs 0.1x floor = {0.1 * floor:.2f} s: "
        f"{'pass' if warm_t.best <= 0.1 * floor else 'FAIL'}",
        "cache-writing and warm runs give the same findings as --no-cache: "
        + ("yes" if same else "NO"),
        f"project: {cold_doc['project']['hours']} h, ratio {cold_doc['project']['ratio']:.4f}, "
        f"rating {cold_doc['project']['rating']}, {len(cold_doc['findings'])} findings",
    ]
    header = ("run", "best wall s", "x floor", "peak MB", "")
    width = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]
    text = "\n".join(
        "  ".join(str(c).ljust(width[i]) for i, c in enumerate(r[:4])) for r in [header, *rows]
    )
    print(text)
    print("\n".join(verdicts))
    if options.write:
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        table = ["| run | best wall s | x floor | peak MB |", "| --- | ---: | ---: | ---: |"]
        table += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows]
        RESULTS.write_text(
            "# `codehealth debt` on Django " + DJANGO + " (`django/`)\n\n"
            f"Measured {stamp} on {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; best of {options.runs} runs. PRELIMINARY: the machine "
            "was shared with other work while this ran.\n\n"
            + "\n".join(table)
            + "\n\n"
            + "\n".join(f"- {v}" for v in verdicts)
            + "\n\nReproduce: `.venv/bin/python bench/debt_bench.py --runs 3 --write`\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
