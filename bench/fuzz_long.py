"""The long fuzz run: 10,000 generated programs through every metrics property.

Run from the repository root:  nice .venv/bin/python bench/fuzz_long.py [--examples 10000]

It runs tests/unit/metrics/test_metrics_fuzz.py under the ``long`` Hypothesis profile
(HYPOTHESIS_PROFILE=long) in chunks of ``--chunk`` programs, each chunk with its own seed
(0, 1, 2, ...; ``--jobs`` chunks at once): every generated program is checked against every
property (never raises, cyclomatic = radon's, cognitive >= 0 and blind to comments, blank lines
and line breaks inside brackets, fingerprints blind to inserted lines), with as many random
texts and byte strings and a tenth as many hypothesmith programs. A line per chunk shows the
running total, so a run cut short still says how far it got. A failing chunk prints the shrunk
program; ``--hypothesis-seed=SEED`` with FUZZ_EXAMPLES=CHUNK replays it. The last line goes to
bench/RESULTS.md ("Robustness").
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = "tests/unit/metrics/test_metrics_fuzz.py"


def chunk(seed: int, examples: int) -> tuple[int, int, str]:
    """(seed, pytest's exit code, its output) of one chunk."""
    env = dict(os.environ, HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(examples))
    command = [
        sys.executable,
        "-m",
        "pytest",
        TESTS,
        "-p",
        "no:xdist",
        "-q",
        "-p",
        "no:cacheprovider",
    ]
    command.append(f"--hypothesis-seed={seed}")
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    return seed, done.returncode, done.stdout + done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="programs in all")
    parser.add_argument("--chunk", type=int, default=250, help="programs per pytest run")
    parser.add_argument("--jobs", type=int, default=2, help="chunks run at once")
    args = parser.parse_args(argv)
    chunks = -(-args.examples // args.chunk)
    started = time.perf_counter()
    checked, failed = 0, []
    with ThreadPoolExecutor(args.jobs) as pool:
        for seed, status, output in pool.map(lambda s: chunk(s, args.chunk), range(chunks)):
            checked += args.chunk
            if status != 0:
                failed.append(seed)
                print(output)
            minutes = (time.perf_counter() - started) / 60
            print(
                f"seed {seed}: {'ok' if status == 0 else f'FAILED (exit {status})'};"
                f" {checked:,} programs, {len(failed)} failing chunks, {minutes:.1f} min",
                flush=True,
            )
    minutes = (time.perf_counter() - started) / 60
    verdict = "all properties held" if not failed else f"FAILED in chunks {failed}"
    print(
        f"\n{datetime.date.today().isoformat()}, {platform.machine()} {os.cpu_count()} cores,"
        f" Python {platform.python_version()}: {checked:,} programs, {verdict},"
        f" {minutes:.1f} min (load average at the end: {os.getloadavg()[0]:.1f})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
