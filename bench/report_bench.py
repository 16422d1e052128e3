"""Time ``codehealth report --html`` against the ``debt`` run it is built from (Django sdist).

Target (issue 7): the report of the pinned Django sdist is written in <= 1.2x the time of
``codehealth debt`` (the whole project, boundaries included: the debt the report shows), cold
and warm, and the page is < 8 MB.

Two corpora, both unpacked from the pinned sdist into bench/.work/report/:
- ``git``: a git repository with the sdist as its one commit (a CI checkout): hotspots, the
  trend and the plan are computed;
- ``plain``: no git at all (git is stopped from finding this repository above it): the report
  leaves the history parts out.

Run from the repository root:  .venv/bin/python bench/report_bench.py --runs 3 [--write]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_output import bench_parser, print_table, write_results
from django_sdist import DJANGO, django_archive

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "REPORT_RESULTS.md"
LIMIT = 1.2
MAX_BYTES = 8_000_000
# Installed tools run from their compiled bytecode; this environment sets
# PYTHONDONTWRITEBYTECODE, which would make every run recompile codehealth.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]


def corpus(kind: str) -> Path:
    """Download (once) the pinned sdist, check its hash, unpack a private copy (once)."""
    archive = django_archive()
    folder = WORK / "report" / kind
    root = folder / f"django-{DJANGO}"
    if not (root / "django").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
    if kind == "git" and not (root / ".git").exists():
        subprocess.run(["git", "init", "--quiet", str(root)], check=True)
        subprocess.run([*_GIT, "-C", str(root), "add", "--all"], check=True)
        subprocess.run([*_GIT, "-C", str(root), "commit", "--quiet", "-m", "sdist"], check=True)
    return root


@dataclass
class Timing:
    name: str
    command: list[str]
    cold: bool  # the cache folder is removed before each run
    seconds: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)


def run(timing: Timing, root: Path, env: dict[str, str]) -> None:
    if timing.cold:
        shutil.rmtree(root / ".codehealth", ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(timing.command, cwd=root, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(timing.command)} failed ({done.returncode}):\n{done.stderr.decode()}")
    timing.seconds.append(elapsed)


def measure(kind: str, runs: int) -> tuple[list[str], list[tuple[str, ...]]]:
    root = corpus(kind)
    env = dict(_ENV)
    if kind == "plain":
        # bench/.work sits inside this repository's work tree (and is ignored there): git
        # must not find that repository above the corpus, or discovery would see no files.
        env["GIT_CEILING_DIRECTORIES"] = str(root.parent)
    codehealth = str(BIN / "codehealth")
    out = WORK / "report" / f"{kind}-html"
    debt = [codehealth, "debt", "--format", "json"]
    report = [codehealth, "report", "--html", str(out)]
    timings = [
        Timing("debt cold (cache written)", debt, cold=True),
        Timing("report cold (cache written)", report, cold=True),
        Timing("debt warm", debt, cold=False),
        Timing("report warm", report, cold=False),
    ]
    # Round-robin, so that a burst of load on the shared machine hits every command alike;
    # a warm run follows the cold one of its own command.
    for _ in range(runs):
        for timing in timings:
            run(timing, root, env)
    debt_cold, report_cold, debt_warm, report_warm = timings
    size = (out / "index.html").stat().st_size
    rows: list[tuple[str, ...]] = [(kind, t.name, f"{t.best:.2f}") for t in timings]
    verdicts = []
    for label, d, r in (("cold", debt_cold, report_cold), ("warm", debt_warm, report_warm)):
        ratio = r.best / d.best
        ok = "pass" if ratio <= LIMIT else "FAIL"
        verdicts.append(
            f"{kind}, {label}: report {r.best:.2f} s / debt {d.best:.2f} s = {ratio:.2f}x "
            f"(limit {LIMIT}x): {ok}"
        )
    verdicts.append(
        f"{kind}: index.html {size / 1e6:.2f} MB (limit 8 MB): "
        + ("pass" if size < MAX_BYTES else "FAIL")
    )
    return verdicts, rows


_HEADER = ("corpus", "run", "best wall s")


def _write(rows: list[tuple[str, ...]], verdicts: list[str], runs: int) -> None:
    write_results(
        RESULTS,
        f"`codehealth report --html` on Django {DJANGO}",
        f"best of {runs} round-robin runs, cold = `.codehealth/` removed before the run.",
        (_HEADER, "| --- | --- | ---: |", rows),
        verdicts,
        ".venv/bin/python bench/report_bench.py --runs 3 --write",
    )


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser(__doc__, RESULTS)
    parser.add_argument("--corpus", choices=["git", "plain", "both"], default="both")
    options = parser.parse_args(argv)
    kinds = ["git", "plain"] if options.corpus == "both" else [options.corpus]
    verdicts: list[str] = []
    rows: list[tuple[str, ...]] = []
    for kind in kinds:
        more, found = measure(kind, options.runs)
        verdicts += more
        rows += found
    print_table(_HEADER, rows, verdicts)
    if options.write:
        _write(rows, verdicts, options.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
