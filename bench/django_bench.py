"""What Django's string references cost ``codehealth boundaries`` on a real Django monolith:
cold (no cache of any kind) and warm runs with the pass on (the default) and off
(``[tool.codehealth.django] settings_module = "off"``), interleaved, as ratios.

Issue 16's target: the pass adds at most 10 % to a cold run and nothing to a warm one.

Run from the repository root, on a git checkout of the monolith (e.g. saleor: the search
tool's ``fetch github:saleor/saleor``, then ``git clone`` it):

    .venv/bin/python bench/django_bench.py /tmp/saleor --runs 5 [--write]

The checkout is copied into a temporary folder first, so its own files stay untouched.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_output import bench_parser, print_table, write_results

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "DJANGO_BOUNDARIES_RESULTS.md"
OFF = '[tool.codehealth.django]\nsettings_module = "off"\n'


def _run(project: Path, config: Path | None, cold: bool) -> float:
    """Seconds of one ``codehealth boundaries`` process (its exit code is 1 on findings)."""
    command = [sys.executable, "-m", "codehealth", "boundaries", "--format", "json"]
    if cold:
        command.append("--no-cache")
        shutil.rmtree(project / ".codehealth", ignore_errors=True)
    if config is not None:
        command += ["--config", str(config)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode(errors="replace"))
    return elapsed


def _times(project: Path, off: Path, runs: int, cold: bool) -> tuple[list[float], list[float]]:
    """(on, off) seconds, interleaved so that machine load hits both alike. A warm run
    comes after one run of its own kind that fills the cache."""
    on_times: list[float] = []
    off_times: list[float] = []
    for _ in range(runs):
        for config, times in ((None, on_times), (off, off_times)):
            if not cold:
                _run(project, config, cold=False)
            times.append(_run(project, config, cold))
    return on_times, off_times


def main() -> None:
    parser = bench_parser(__doc__, RESULTS, runs=5)
    parser.add_argument("checkout", type=Path, help="a git checkout of a Django project")
    options = parser.parse_args()
    source = options.checkout.resolve()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=source, capture_output=True, text=True
    ).stdout.strip()
    files = sum(1 for _ in source.rglob("*.py"))
    with tempfile.TemporaryDirectory(prefix="codehealth-django-bench-") as folder:
        project = Path(folder) / source.name
        shutil.copytree(source, project, ignore=shutil.ignore_patterns(".git", ".codehealth"))
        off = Path(folder) / "off.toml"
        off.write_text(OFF, encoding="utf-8")
        rows = []
        verdicts = []
        for label, cold in (("cold (--no-cache, no .codehealth/)", True), ("warm", False)):
            on_times, off_times = _times(project, off, options.runs, cold)
            on, without = statistics.median(on_times), statistics.median(off_times)
            added = (on / without - 1) * 100
            rows.append((label, f"{without:.2f} s", f"{on:.2f} s", f"{added:+.0f} %"))
            target = 10 if cold else 0
            met = "meets" if added <= target else "misses"
            spread = (
                f"runs {min(on_times):.2f}-{max(on_times):.2f} s on, "
                f"{min(off_times):.2f}-{max(off_times):.2f} s off"
            )
            verdicts.append(
                f"{label}: the pass adds {added:+.1f} % ({met} the target, <= {target} %; {spread})"
            )
    header = ("run", "pass off", "pass on", "added")
    print(f"{source.name} {commit}: {files} .py files, median of {options.runs} runs")
    print_table(header, rows, verdicts)
    if options.write:
        write_results(
            RESULTS,
            f"Django string references: their cost on {source.name}",
            f"{source.name} at {commit} ({files} .py files); median of {options.runs} "
            "interleaved runs of `codehealth boundaries --format json`, a process each.",
            (header, "| --- | ---: | ---: | ---: |", rows),
            verdicts,
            f".venv/bin/python bench/django_bench.py <checkout of {source.name}> "
            f"--runs {options.runs} --write",
        )


if __name__ == "__main__":
    main()
