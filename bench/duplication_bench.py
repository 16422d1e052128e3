"""The clone detector on Django's source (the pinned sdist), beside pylint and jscpd.

Issue 15's budget: cold detection, in the same run as the scan, costs <= 0.5x the
single-process ``ast.parse`` floor on top of the scan without it; a warm run ~0. Then the
same files through ``pylint --disable=all --enable=duplicate-code`` and ``jscpd``: time and
number of clone groups, and a random sample of each tool's groups written for a hand check.

Run from the repository root, with the two other tools installed apart:

    python -m venv /tmp/pylint-venv && /tmp/pylint-venv/bin/pip install pylint
    (mkdir -p /tmp/jscpd && cd /tmp/jscpd && npm install jscpd)
    .venv/bin/python bench/duplication_bench.py --runs 3 [--no-others]

(``--write`` is accepted for the common options; the results file is written by hand, with
the hand check of the samples.)

It unpacks its own copy of the sdist into bench/.work/duplication/ (a git repository: this
repository's git ignores bench/.work, so discovery would see no files there) and measures
the ``django`` package (883 files). Samples go to bench/.work/duplication/samples.txt.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from bench_output import bench_parser
from django_sdist import DJANGO, django_archive

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work" / "duplication"
CORPUS = WORK / f"django-{DJANGO}"
TARGET = "django"
PYLINT = Path("/tmp/pylint-venv/bin/pylint")
JSCPD = Path("/tmp/jscpd/node_modules/.bin/jscpd")
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def corpus() -> Path:
    if not (CORPUS / TARGET).is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        with tarfile.open(django_archive()) as tar:
            tar.extractall(WORK, filter="data")
    if not (CORPUS / ".git").exists():
        subprocess.run(["git", "init", "--quiet", str(CORPUS)], check=True)
    for name, table in (("on", ""), ("off", "enabled = false\n")):
        (WORK / f"{name}.toml").write_text(f"[tool.codehealth.duplication]\n{table}")
    return CORPUS


def timed(command: list[str], output: Path | None = None) -> float:
    start = time.perf_counter()
    with open(output or os.devnull, "wb") as sink:
        done = subprocess.run(command, cwd=CORPUS, env=_ENV, stdout=sink, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1) and "pylint" not in command[0]:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return time.perf_counter() - start


def floor() -> float:
    command = [sys.executable, str(BENCH / "parse_floor.py"), TARGET]
    out = subprocess.run(command, cwd=CORPUS, capture_output=True, check=True).stdout
    return float(json.loads(out)["parse_seconds"])


def scans(runs: int) -> dict[str, float]:
    """Best wall seconds of cold (--no-cache) and warm scans, detector off and on, alternated."""
    scan = [sys.executable, "-m", "codehealth", "scan", TARGET, "--format", "json"]
    best: dict[str, float] = {}
    for _ in range(runs):
        for name in ("off", "on"):
            config = ["--config", str(WORK / f"{name}.toml")]
            cold = timed([*scan, *config, "--no-cache"], WORK / f"scan-{name}.json")
            shutil.rmtree(CORPUS / ".codehealth", ignore_errors=True)
            timed([*scan, *config])  # writes the cache
            warm = timed([*scan, *config])
            best[f"cold {name}"] = min(best.get(f"cold {name}", cold), cold)
            best[f"warm {name}"] = min(best.get(f"warm {name}", warm), warm)
    return best


def ours() -> list[list[str]]:
    document = json.loads((WORK / "scan-on.json").read_text())["duplication"]
    return [
        [f"{loc['path']}:{loc['start']}-{loc['end']}" for loc in group["locations"]]
        for group in document["groups"]
    ]


def pylint() -> tuple[float, list[list[str]]]:
    out = WORK / "pylint.out"
    seconds = timed([str(PYLINT), "--disable=all", "--enable=duplicate-code", TARGET], out)
    groups = []
    for block in out.read_text().split("R0801")[1:]:
        places = re.findall(r"==([\w.]+):\[(\d+):(\d+)\]", block)
        groups.append([f"{m.replace('.', '/')}.py:{int(a) + 1}-{b}" for m, a, b in places])
    return seconds, groups


def jscpd() -> tuple[float, list[list[str]]]:
    report = WORK / "jscpd"
    shutil.rmtree(report, ignore_errors=True)
    command = [str(JSCPD), "--format", "python", "--min-tokens", "50", "--reporters", "json"]
    seconds = timed([*command, "--silent", "--output", str(report), TARGET])
    duplicates = json.loads((report / "jscpd-report.json").read_text())["duplicates"]
    groups = [
        [
            f"{d[side]['name']}:{d[side]['start']}-{d[side]['end']}"
            for side in ("firstFile", "secondFile")
        ]
        for d in duplicates
    ]
    return seconds, groups


def main() -> int:
    parser = bench_parser(__doc__, BENCH / "DUPLICATION_RESULTS.md")
    parser.add_argument("--no-others", action="store_true", help="skip pylint and jscpd")
    args = parser.parse_args()
    corpus()
    parse_floor = min(floor() for _ in range(args.runs))
    best = scans(args.runs)
    extra = best["cold on"] - best["cold off"]
    print(f"floor (ast.parse, one process): {parse_floor:.2f} s")
    for name, seconds in best.items():
        print(f"scan {name}: {seconds:.2f} s ({seconds / parse_floor:.2f}x floor)")
    print(f"cold detection on top of the scan: {extra:.2f} s = {extra / parse_floor:.2f}x floor")
    print(f"warm: {best['warm on'] - best['warm off']:+.2f} s")
    tools = {"codehealth": (best["cold on"], ours())}
    if not args.no_others:
        tools["pylint"] = pylint()
        tools["jscpd"] = jscpd()
    samples = []
    for name, (seconds, groups) in tools.items():
        print(f"{name}: {seconds:.2f} s, {len(groups)} clone groups")
        chosen = random.Random(15).sample(groups, min(10, len(groups)))
        samples += [f"{name}: " + ", ".join(group[:4]) for group in chosen]
    (WORK / "samples.txt").write_text("\n".join(samples) + "\n")
    print(f"samples for the hand check: {WORK / 'samples.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
