"""Time ``codehealth scan`` side by side with its peers on Django's source (see bench/README.md).

Run from the repository root:  .venv/bin/python bench/scan_bench.py --runs 3 [--write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path

from django_sdist import DJANGO, django_archive
from process_sampling import GNU_TIME, SAMPLE_SECONDS, Run, measure
from radon_agreement import Agreement, agreement

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
CORPUS = WORK / f"django-{DJANGO}"  # the unpacked sdist; tools run here on its django/ folder
BIN = Path(sys.executable).parent
RESULTS = BENCH / "RESULTS.md"
START, END = "<!-- scan-bench:start -->", "<!-- scan-bench:end -->"
COLD, COLD_CACHE, WARM = "codehealth cold --no-cache", "codehealth cold, cache written", "warm"
# A warm run with nothing changed replays the last run's output (adapters.replay); "warm"
# alone removes that record first, so it measures the per-file cache.
REPLAYED = "codehealth warm, replayed"
WHOLE = "codehealth cold --no-cache, whole sdist"
TARGETS = {COLD: 0.8, COLD_CACHE: 0.8, REPLAYED: 0.05}
MEMORY_TARGET_MB = 300.0


# -- the corpus --------------------------------------------------------------------------


def corpus() -> Path:
    """Download (once) the pinned Django sdist from PyPI, check it, unpack it (once)."""
    archive = django_archive()
    if not (CORPUS / "django").is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(WORK, filter="data")
    return CORPUS


# -- the tools ---------------------------------------------------------------------------


@dataclass
class Tool:
    name: str
    command: list[str]
    prepare: Callable[[], None] = lambda: None  # before each run, not timed
    timeout: float | None = None
    ok: tuple[int, ...] = (0,)  # exit codes that mean "it worked" (linters exit 1 on findings)
    report: Callable[[Path], float] | None = None  # reads a time from the tool's output
    whole: bool = False  # runs on the whole sdist (memory target), not on django/
    runs: list[Run] = field(default_factory=list)

    @property
    def output(self) -> Path:
        return WORK / "out" / (re.sub(r"[^a-z0-9]+", "-", self.name.lower()) + ".out")

    @property
    def best(self) -> Run:
        return min(self.runs, key=lambda run: run.wall)

    @property
    def peak_mb(self) -> float:
        return max(run.tree_mb for run in self.runs)

    @property
    def largest_mb(self) -> float:
        return max(run.largest_mb for run in self.runs)


def tools(mi_timeout: float) -> list[Tool]:
    def remove(path: Path) -> Callable[[], None]:
        return lambda: shutil.rmtree(path, ignore_errors=True)

    scan = [str(BIN / "codehealth"), "scan", "django", "--format", "json"]
    to_file = ["--output", str(WORK / "out" / "complexipy.json")]  # no JSON to stdout there
    return [
        Tool(
            "floor: ast.parse",
            [sys.executable, str(BENCH / "parse_floor.py"), "django"],
            report=lambda output: float(json.loads(output.read_text())["parse_seconds"]),
        ),
        Tool("radon cc -j", [str(BIN / "radon"), "cc", "-j", "django"]),
        Tool("radon mi -j", [str(BIN / "radon"), "mi", "-j", "django"], timeout=mi_timeout),
        Tool(
            "complexipy",
            [str(BIN / "complexipy"), "django", "--quiet", "--output-format", "json", *to_file],
            prepare=remove(CORPUS / ".complexipy_cache"),
            ok=(0, 1),
        ),
        Tool(
            "ruff C901",
            [str(BIN / "ruff"), "check", "--select", "C901", "--no-cache", "django"],
            ok=(0, 1),
        ),
        Tool(COLD, [*scan, "--no-cache"]),
        Tool(COLD_CACHE, scan, prepare=remove(CORPUS / ".codehealth")),
        # right after the run that wrote the cache, without its replay record
        Tool(f"codehealth {WARM}", scan, prepare=remove(CORPUS / ".codehealth" / "replay")),
        Tool(REPLAYED, scan),  # the run before recorded it (the sdist's files are settled)
        Tool(WHOLE, [*scan[:2], *scan[3:], "--no-cache"], whole=True),
    ]


def _run_once(tool: Tool) -> Run:
    """One measured run of ``tool``; a failure (not a timeout) stops the benchmark."""
    tool.prepare()
    run = measure(tool.command, CORPUS, tool.output, tool.timeout)
    if not run.timed_out and run.returncode not in tool.ok:
        err = tool.output.with_suffix(".stderr").read_text(errors="replace")[-2000:]
        sys.exit(f"{tool.name} exited {run.returncode}:\n{err}")
    if tool.report:
        run = replace(run, reported=tool.report(tool.output))
    return run


def run_all(selected: list[Tool], runs: int) -> None:
    """Round-robin, so that a busy moment on the machine hurts every tool alike."""
    (WORK / "out").mkdir(exist_ok=True)
    for round_ in range(runs):
        for tool in selected:
            if tool.runs and tool.runs[-1].timed_out:
                continue  # hit the cap once: more runs would only hit it again
            run = _run_once(tool)
            tool.runs.append(run)
            shown = f"> {tool.timeout:.0f}" if run.timed_out else f"{run.wall:.2f}"
            print(f"  round {round_ + 1}/{runs}  {tool.name:40} {shown} s", file=sys.stderr)


# -- report ------------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    cores = len(os.sched_getaffinity(0))
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{cores} cores ({model}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average before the run {load}"
    )


def versions() -> str:
    describe = ["git", "-C", str(REPO), "describe", "--always", "--dirty"]
    commit = subprocess.run(describe, capture_output=True, text=True, check=False).stdout.strip()
    names = ("codehealth", "radon", "complexipy", "ruff")
    found = [f"{name} {version(name)}" for name in names]
    found[0] += f" (git {commit or 'unknown'})"
    return ", ".join(found)


def _wall_and_ratio(tool: Tool, floor: float) -> tuple[str, str]:
    best = tool.best
    if tool.name.startswith("floor"):
        return f"{floor:.2f} parse ({best.wall:.2f} process)", "1.00"
    if tool.whole:
        return f"{best.wall:.2f}", "- (other corpus)"
    if best.timed_out:
        return f"> {tool.timeout:.0f}", f"> {best.wall / floor:.1f}"
    return f"{best.wall:.2f}", f"{best.wall / floor:.2f}"


def _target(tool: Tool, floor: float) -> str:
    """The time target (TARGETS) and, for codehealth, the memory target, with verdicts."""
    target = ""
    if tool.name in TARGETS:
        limit = TARGETS[tool.name]
        verdict = "pass" if tool.best.wall / floor <= limit else "FAIL"
        target = f"≤ {limit}x floor: {verdict}"
    if tool.name.startswith("codehealth"):
        verdict = "pass" if tool.peak_mb <= MEMORY_TARGET_MB else "FAIL"
        target = "; ".join(filter(None, [target, f"≤ {MEMORY_TARGET_MB:.0f} MB: {verdict}"]))
    return target


def table(selected: list[Tool], floor: float) -> list[list[str]]:
    rows = [["tool", "wall s", "x floor", "peak MB (tree)", "largest process MB", "target"]]
    for tool in selected:
        wall, ratio = _wall_and_ratio(tool, floor)
        target = _target(tool, floor)
        rows.append(
            [tool.name, wall, ratio, f"{tool.peak_mb:.0f}", f"{tool.largest_mb:.0f}", target]
        )
    return rows


def as_text(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def as_markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * len(rows[0]))
    return "\n".join(lines)


def write_results(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        head, _, rest = text.partition(START)
        text = head + block + rest.partition(END)[2]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--quick", action="store_true", help="skip the whole-sdist scan")
    parser.add_argument("--mi-timeout", type=float, default=60.0, help="cap for radon mi, s")
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.name}")
    parser.add_argument("--note", default="", help="a remark to print and record")
    return parser


def _reproduce(args: argparse.Namespace) -> list[str]:
    """The command line that repeats this run (without --write and --note)."""
    reproduce = [".venv/bin/python", "bench/scan_bench.py", "--runs", str(args.runs)]
    reproduce += ["--quick"] if args.quick else []
    if args.mi_timeout != 60.0:
        reproduce += ["--mi-timeout", f"{args.mi_timeout:g}"]
    return reproduce


@dataclass(frozen=True)
class Summary:
    """What a run found, printed and (with --write) recorded in RESULTS.md."""

    lines: list[str]  # the corpus, the machine, the tools, how it was measured
    rows: list[list[str]]  # the timing table
    facts: list[str]  # agreement with radon, the cached scans' output
    mismatches: list[str]
    note: str
    reproduce: list[str]


def _about(runs: int, machine_text: str, count: int, whole: int) -> list[str]:
    return [
        f"corpus: Django {DJANGO} sdist from PyPI, django/ ({count} .py files; "
        f"the whole sdist: {whole})",
        f"machine: {machine_text}",
        f"tools: {versions()}",
        f"best of {runs} run(s), wall time; ratios against the floor's parse time",
        "peak MB (tree): sum of each process's peak RSS over the tool and its workers (VmHWM "
        f"sampled every {SAMPLE_SECONDS * 1000:.0f} ms), an upper bound; largest process: "
        f"{'GNU time %M (ru_maxrss)' if GNU_TIME else 'sampled VmHWM'}; max over the runs",
    ]


def _agreement_facts(selected: list[Tool]) -> tuple[list[str], Agreement]:
    """How far codehealth agrees with radon, and whether the cached scans output the same."""
    by_name = {tool.name: tool for tool in selected}
    cold_json = json.loads(by_name[COLD].output.read_text())
    same = all(
        cold_json["files"] == json.loads(by_name[name].output.read_text())["files"]
        for name in (COLD_CACHE, f"codehealth {WARM}", REPLAYED)
    )
    result = agreement(json.loads(by_name["radon cc -j"].output.read_text()), cold_json)
    facts = [
        result.line(),
        f"functions codehealth reports that radon leaves out: {result.extra}",
        f"files radon reads that codehealth does not: {', '.join(result.radon_only_files) or '-'}",
        f"cached and replayed scans output what --no-cache does: {'yes' if same else 'NO'}",
    ]
    return facts, result


def _print_summary(summary: Summary) -> None:
    print("\n".join(summary.lines), "", as_text(summary.rows), "", *summary.facts, sep="\n")
    for mismatch in summary.mismatches:
        print("  mismatch:", mismatch)
    if summary.note:
        print("note:", summary.note)
    print("reproduce (from the repository root):", shlex.join(summary.reproduce))


def _write_summary(summary: Summary) -> None:
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mismatches = [f"- `{mismatch}`" for mismatch in summary.mismatches]
    note = [f"**{summary.note}**", ""] if summary.note else []
    section = "\n".join(
        [f"## codehealth scan vs peers ({stamp})", "", *note]
        + [f"- {line}" for line in summary.lines]
        + ["", as_markdown(summary.rows), ""]
        + [f"- {fact}" for fact in summary.facts]
        + mismatches
        + ["", "Reproduce from the repository root:", "", f"    {shlex.join(summary.reproduce)}"]
    )
    write_results(section)
    print(f"wrote {RESULTS.relative_to(REPO)}")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    about = machine()  # before the run: its load average
    folder = corpus() / "django"
    count = sum(1 for _ in folder.rglob("*.py"))
    whole = sum(1 for _ in folder.parent.rglob("*.py"))
    selected = [tool for tool in tools(args.mi_timeout) if not (args.quick and tool.whole)]
    run_all(selected, args.runs)

    floor = min(run.reported or run.wall for run in selected[0].runs)
    facts, result = _agreement_facts(selected)
    summary = Summary(
        lines=_about(args.runs, about, count, whole),
        rows=table(selected, floor),
        facts=facts,
        mismatches=result.mismatches,
        note=args.note,
        reproduce=_reproduce(args),
    )
    _print_summary(summary)
    if args.write:
        _write_summary(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
