"""The long fuzz run: 10,000 generated programs through every metrics property.

Run from the repository root:  nice .venv/bin/python bench/fuzz_long.py [--examples 10000]

It runs tests/unit/metrics/test_metrics_fuzz.py under the ``long`` Hypothesis profile
(HYPOTHESIS_PROFILE=long): ``--examples`` generated programs each checked against every
property (never raises, cyclomatic = radon's, cognitive >= 0 and blind to comments and blank
lines, fingerprints blind to inserted lines), as many random texts and byte strings, and a
tenth as many hypothesmith programs. It prints pytest's summary, Hypothesis' statistics and
one line to put in bench/RESULTS.md ("Robustness"). A failure prints the shrunk program and
the seed that replays it (``--hypothesis-seed``).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = "tests/unit/metrics/test_metrics_fuzz.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="programs per property")
    parser.add_argument("--seed", help="a Hypothesis seed, to repeat a run")
    args = parser.parse_args(argv)
    env = dict(os.environ, HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(args.examples))
    command = [
        sys.executable,
        "-m",
        "pytest",
        TESTS,
        "-p",
        "no:xdist",
        "-q",
        "--hypothesis-show-statistics",
    ]
    if args.seed:
        command.append(f"--hypothesis-seed={args.seed}")
    started = time.perf_counter()
    status = subprocess.run(command, cwd=REPO, env=env, check=False).returncode
    seconds = time.perf_counter() - started
    day = datetime.date.today().isoformat()
    verdict = "all properties held" if status == 0 else f"FAILED (pytest exit {status})"
    print(
        f"\n{day}, {platform.machine()} {os.cpu_count()} cores, Python "
        f"{platform.python_version()}: {args.examples:,} programs, {verdict}, "
        f"{seconds / 60:.1f} min (load average at the end: {os.getloadavg()[0]:.1f})"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
