"""Reading a `.coverage` file of Django's size and joining it to the scan, against the parse
floor (see bench/README.md).

The data is synthetic: coverage.py's own ``CoverageData`` API writes a ``.coverage`` naming
every ``.py`` file of the Django 5.2.8 sdist (absolute paths, as ``coverage run`` writes
them), about 70 % of each file's statements executed; ``--arcs`` writes arcs instead of
lines (``coverage run --branch``). Measured in one process, best of ``--runs``:

- floor: ``ast.parse`` of every file (the files read first), as ``parse_floor.py`` does;
- read: ``read_coverage_file`` (coverage.py's ``CoverageData.read`` and ``lines``/``arcs``
  of every file);
- join, warm: ``load_coverage`` with the shape cache filled (what a scan pays for coverage
  once the files are known: reading, mapping paths, staleness, the join);
- join, cold: ``load_coverage`` without a cache (every file's shape computed from a parse).

Run from the repository root:  .venv/bin/python bench/coverage_bench.py --runs 5 [--write]
"""

from __future__ import annotations

import argparse
import ast
import datetime
import gc
import itertools
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django_sdist import DJANGO, django_archive
from scan_bench import machine

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work" / "coverage"
CORPUS = WORK / f"django-{DJANGO}"
RESULTS = BENCH / "RESULTS.md"
START, END = "<!-- coverage-bench:start -->", "<!-- coverage-bench:end -->"
TARGET = 0.2  # x the parse floor (issue 15)


def corpus() -> Path:
    """The pinned sdist unpacked (once) into a folder of its own."""
    archive = django_archive()
    if not CORPUS.is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(WORK, filter="data")
    return CORPUS


def python_files(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every .py file below ``root``."""
    found: dict[str, bytes] = {}
    for parent, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != ".codehealth")
        for name in sorted(names):
            if name.endswith(".py"):
                path = Path(parent) / name
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def write_data(root: Path, sources: dict[str, bytes], arcs: bool) -> Path:
    """A .coverage naming every file: 7 of every 10 statements executed (by line number)."""
    import coverage

    from codehealth.metrics.shapes import shape_of

    data_file = root / ".coverage"
    data_file.unlink(missing_ok=True)
    data = coverage.CoverageData(basename=str(data_file))
    lines: dict[str, set[int]] = {}
    for path, source in sources.items():
        shape = shape_of(source)
        if shape is not None:
            lines[str(root / path)] = {n for n in shape.statements if n % 10 < 7}
    if arcs:
        data.add_arcs({path: set(_arcs(numbers)) for path, numbers in lines.items()})
    else:
        data.add_lines(lines)
    data.write()
    return data_file


def _arcs(numbers: set[int]) -> list[tuple[int, int]]:
    ordered = sorted(numbers)
    if not ordered:
        return []
    return [(-1, ordered[0]), *itertools.pairwise(ordered), (ordered[-1], -1)]


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@dataclass(frozen=True)
class Result:
    files: int
    measured: int
    data_bytes: int
    first_read: float  # the first read imports coverage.py
    floor: float
    read: float
    warm: float
    cold: float


def measure(runs: int, arcs: bool) -> Result:
    from codehealth.adapters.coverage import read_coverage_file
    from codehealth.core import Settings
    from codehealth.metrics import CoverageScope, ShapeSource, load_coverage

    root = corpus()
    sources = python_files(root)
    data_file = write_data(root, sources, arcs)
    # the data is newer than every file: nothing is stale
    settings = Settings(root=str(root), coverage=".coverage")
    cache = WORK / "shapes-cache"
    shutil.rmtree(cache, ignore_errors=True)

    def parse() -> None:
        for path, source in sources.items():
            try:
                ast.parse(source, filename=path)
            except SyntaxError:  # a few test files of Django's are broken on purpose
                continue

    def join(cache_dir: str | None) -> Callable[[], object]:
        scope = CoverageScope(shapes=ShapeSource(cache_dir))
        return lambda: load_coverage(str(root), settings, sources, scope=scope)

    start = time.perf_counter()
    read_coverage_file(str(data_file))  # the first read imports coverage.py
    first_read = time.perf_counter() - start
    data, notes = join(str(cache))()  # fills the shape cache
    assert data is not None and not data.stale, notes
    return Result(
        files=len(sources),
        measured=len(data.files),
        data_bytes=data_file.stat().st_size,
        first_read=first_read,
        floor=best(runs, parse),
        read=best(runs, lambda: read_coverage_file(str(data_file))),
        warm=best(runs, join(str(cache))),
        cold=best(max(1, runs // 2), join(None)),
    )


SCANS = {
    "scan --no-cache, no coverage": ["--no-cache", "--config", "OFF"],
    "scan --no-cache, with .coverage": ["--no-cache"],
    "scan warm, no coverage": ["--config", "OFF"],
    "scan warm, with .coverage": [],
}


def scans(runs: int) -> dict[str, float]:
    """``codehealth scan --format json`` on the sdist in a fresh process, with and without the
    (arcs) data, cold and warm; round-robin, best wall time of ``runs``."""
    root = corpus()
    off = WORK / "off.toml"
    off.write_text('[tool.codehealth]\ncoverage = "off"\n')
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "GIT_CEILING_DIRECTORIES": str(WORK)}
    times: dict[str, list[float]] = {name: [] for name in SCANS}
    for _ in range(runs):
        for name, args in SCANS.items():
            command = [sys.executable, "-m", "codehealth", "scan", "--format", "json"]
            command += [str(off) if arg == "OFF" else arg for arg in args]
            start = time.perf_counter()
            subprocess.run(command, cwd=root, env=env, stdout=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def report(runs: int, results: dict[bool, Result], scanned: dict[str, float]) -> list[str]:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    describe = ["git", "-C", str(REPO), "describe", "--always", "--dirty"]
    commit = subprocess.run(describe, capture_output=True, text=True, check=False).stdout.strip()
    import coverage

    lines = [
        START,
        f"## Coverage data: reading and joining a Django-sized `.coverage` ({now})",
        "",
        f"`bench/coverage_bench.py --runs {runs}` at {commit}, coverage.py {coverage.__version__}; "
        f"machine: {machine()}. A synthetic `.coverage` (coverage.py's `CoverageData`) names "
        "every `.py` file of the Django 5.2.8 sdist by absolute path, 7 of 10 statements "
        "executed. Best of the runs (cold: of half as many), in one process.",
        "",
        "| data | files | .coverage | floor: ast.parse | read | x floor | read + join, warm "
        "| x floor | target ≤ 0.2x | read + join, cold (no shape cache) | x floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for arcs, r in results.items():
        verdict = "pass" if r.warm / r.floor <= TARGET else "FAIL"
        lines.append(
            f"| {'arcs (--branch)' if arcs else 'lines'} | {r.files} | "
            f"{r.data_bytes / 1e6:.1f} MB | {r.floor:.3f} s | {r.read:.3f} s | "
            f"{r.read / r.floor:.2f} | {r.warm:.3f} s | {r.warm / r.floor:.2f} | {verdict} | "
            f"{r.cold:.3f} s | {r.cold / r.floor:.2f} |"
        )
    floor = results[True].floor
    cold = scanned["scan --no-cache, with .coverage"] - scanned["scan --no-cache, no coverage"]
    warm = scanned["scan warm, with .coverage"] - scanned["scan warm, no coverage"]
    lines += [
        "",
        "The whole `codehealth scan --format json` of the sdist in a fresh process (the arcs "
        "data; cold: `--no-cache`: the measuring pass computes each file's shape from its own "
        "parse, in the workers, and the join parses nothing):",
        "",
        "| run | wall s |",
        "| --- | ---: |",
        *(f"| {name} | {seconds:.2f} |" for name, seconds in scanned.items()),
        "",
        f"Coverage adds {cold:.2f} s to the cold scan ({cold / floor:.2f}x the floor) and "
        f"{warm:.2f} s to the warm one ({warm / floor:.2f}x).",
    ]
    first = next(iter(results.values()))
    lines += [
        "",
        f"The first read also imports coverage.py: {first.first_read:.3f} s ({first.measured} "
        f"of {first.files} files joined; the rest do not parse under this Python). Warm: the "
        "shapes (what coverage.py counts in each file) come from `.codehealth/shapes.sqlite`, "
        "as in every scan after the first with coverage data; the cold `load_coverage` column "
        "(no scan before it) parses every file for its shape, which a cold scan does not.",
        END,
    ]
    return lines


def write_results(lines: list[str]) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    block = "\n".join(lines)
    if START in text:
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    results = {arcs: measure(args.runs, arcs) for arcs in (False, True)}
    lines = report(args.runs, results, scans(max(1, args.runs // 2)))
    print("\n".join(lines))
    if args.write:
        write_results(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
