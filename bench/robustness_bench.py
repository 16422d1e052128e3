"""Resource bounds: ``codehealth scan --no-cache`` on pathological generated files.

Run from the repository root:  .venv/bin/python bench/robustness_bench.py [--runs 3]

Each case is one generated file in its own git repository (built in a temporary folder, not
kept). For each: the wall time and peak RSS of ``codehealth scan --no-cache --format json``
(a real process, timed from outside: start-up included) beside ``python -c ast.parse`` of
the same file (the floor: the parser alone, start-up included), their ratio, the seconds of
``analyze_source`` in-process (parse and metrics, no start-up) with its tracemalloc peak
(Python allocations, the syntax tree included), ``radon cc -j`` of the same file (the peer,
start-up included), and what the scan
made of the file (analysed, or not analysed with its reason). Peak RSS is the child's own
``ru_maxrss`` (``os.wait4``). The best of ``--runs`` is kept for time, the largest RSS.

Cases: 1, 2 and 4 MB of one list literal, of one string-concatenation chain (``"a" + "b" +
...``, a binary-operator tree as deep as it is long) and of many small statements (linear growth
shows in the 1 → 2 → 4 MB rows), plus 5,000-deep nesting of parentheses, unary minus and
blocks. Prints a markdown table for bench/RESULTS.md ("Robustness").
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 1_000_000


def _fill(line: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    parts = [head]
    total = len(head) + len(tail)
    index = 0
    while total < size:
        text = line(index)
        parts.append(text)
        total += len(text)
        index += 1
    parts.append(tail)
    return "".join(parts)


def list_literal(size: int) -> str:
    return _fill(lambda i: f"    {i * 7919 % 100003},\n", size, "DATA = [\n", "]\n")


def concat_chain(size: int) -> str:
    return _fill(lambda i: f' + "s{i}"', size, 'TEXT = "start"', "\n")


def statements(size: int) -> str:
    return _fill(lambda i: f"name_{i} = {i} + 1\n", size)


def deep(kind: str, depth: int = 5000) -> str:
    if kind == "parentheses":
        return "x = " + "(" * depth + "1" + ")" * depth + "\n"
    if kind == "unary minus":
        return "x = " + "-" * depth + "1\n"
    # blocks: nested ifs, one indentation level each
    return "".join(" " * n + f"if x{n}:\n" for n in range(depth)) + " " * depth + "pass\n"


def cases() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name, make in (
        ("list literal", list_literal),
        ("string concatenation chain", concat_chain),
        ("many small statements", statements),
    ):
        for megabytes in (1, 2, 4):
            found.append((f"{name}, {megabytes} MB", make(megabytes * MB)))
    for kind in ("parentheses", "unary minus", "blocks"):
        found.append((f"5,000-deep {kind}", deep(kind)))
    return found


def _measure(command: list[str], cwd: str) -> tuple[float, int, int, str]:
    """(seconds, peak RSS in KiB, exit code, stdout) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode, out


def _outcome(out: str) -> str:
    try:
        document = json.loads(out)
    except ValueError:
        return "no JSON"
    if document["files"]:
        functions = sum(len(entry.get("functions", [])) for entry in document["files"])
        return f"analysed ({functions} functions)"
    reasons = [entry["reason"] for entry in document["not_analysed"]]
    return "not analysed: " + "; ".join(reasons)[:80]


PARSE = "import ast, sys; ast.parse(open(sys.argv[1], 'rb').read())"
# The metrics alone, in-process, without start-up: seconds of analyze_source for the file.
ANALYSE = (
    "import sys, time, tracemalloc; from codehealth.metrics import analyze_source;"
    " s = open(sys.argv[1], 'rb').read(); t = time.perf_counter();"
    " analyze_source(s, sys.argv[1]); e = time.perf_counter() - t;"
    # then again under tracemalloc (which slows allocation several times) for the peak only
    " tracemalloc.start(); analyze_source(s, sys.argv[1]);"
    " print(e, tracemalloc.get_traced_memory()[1])"
)
# The peer: radon's cyclomatic complexity of the same file (``radon cc -j``).
RADON = Path(sys.executable).with_name("radon")


def run(runs: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name, source in cases():
        with tempfile.TemporaryDirectory(prefix="codehealth-robustness-") as folder:
            Path(folder, "big.py").write_text(source, encoding="utf-8")
            subprocess.run(["git", "init", "--quiet"], cwd=folder, check=True)
            subprocess.run(["git", "add", "big.py"], cwd=folder, check=True)
            scan = [sys.executable, "-m", "codehealth", "scan", "--no-cache", "--format", "json"]
            parse = [sys.executable, "-c", PARSE, "big.py"]
            analyse = [sys.executable, "-c", ANALYSE, "big.py"]
            radon = [str(RADON), "cc", "-j", "big.py"]
            scan_times, parse_times, scan_rss, parse_rss = [], [], 0, 0
            analyse_times: list[float] = []
            radon_times: list[float] = []
            traced = 0
            outcome, code = "", 0
            for _ in range(runs):
                seconds, rss, code, out = _measure(scan, folder)
                scan_times.append(seconds)
                scan_rss = max(scan_rss, rss)
                outcome = _outcome(out)
                seconds, rss, parse_code, _ = _measure(parse, folder)
                parse_times.append(seconds)
                parse_rss = max(parse_rss, rss)
                _, _, _, out = _measure(analyse, folder)
                seconds_text, _, peak_text = out.strip().partition(" ")
                analyse_times.append(float(seconds_text) if peak_text else float("nan"))
                traced = max(traced, int(peak_text or 0))
                if RADON.exists():
                    seconds, _, _, _ = _measure(radon, folder)
                    radon_times.append(seconds)
            row: dict[str, Any] = {
                "case": name,
                "bytes": len(source.encode()),
                "scan_s": min(scan_times),
                "parse_s": min(parse_times),
                "analyse_s": min(analyse_times),
                "analyse_traced_mb": traced / MB,
                "radon_s": min(radon_times) if radon_times else float("nan"),
                "ratio": min(scan_times) / min(parse_times),
                "scan_rss_mb": scan_rss / 1024,
                "parse_rss_mb": parse_rss / 1024,
                "scan_exit": code,
                "parse_exit": parse_code,
                "outcome": outcome,
            }
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| case | size | scan s | ast.parse s | ratio | radon cc s | analyse_source s"
        " | its tracemalloc peak | scan peak RSS | parse peak RSS | scan says |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        parse = f"{row['parse_s']:.2f}" + (" (error)" if row["parse_exit"] else "")
        lines.append(
            f"| {row['case']} | {int(row['bytes']) / MB:.2f} MB | {row['scan_s']:.2f} | {parse}"
            f" | {row['ratio']:.1f} | {row['radon_s']:.2f} | {row['analyse_s']:.2f}"
            f" | {row['analyse_traced_mb']:.0f} MB | {row['scan_rss_mb']:.0f} MB"
            f" | {row['parse_rss_mb']:.0f} MB"
            f" | exit {row['scan_exit']}, {row['outcome']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (best time kept)")
    options = parser.parse_args(argv)
    rows = run(options.runs)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"{stamp}, {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, best of {options.runs}\n"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
