"""What coverage data adds to ``codehealth gate``: its cost must follow the change, not the
size of the project or of its coverage data (issue 15).

On gate_bench's Django 5.2.8 repository (``main`` and a 5-file ``feature`` change), a
synthetic ``.coverage`` names every ``.py`` file of the project, about 70 % of each file's
lines executed (coverage.py's own ``CoverageData`` API writes it, with absolute paths as
``coverage run`` does). Timed warm (the gate's per-content cache filled), best of
``--runs``, alternating with and without the data file:

- the gate on the 5-file change without coverage data, and with it;
- the same on a 1-file change (the last commit of ``feature`` alone);
- the difference beside the single-process ``ast.parse`` floor of the whole repository.

Run from the repository root:  .venv/bin/python bench/gate_coverage_bench.py --runs 5
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench_output import bench_parser, print_table
from gate_bench import GIT_ENV, REPO, best_of, corpus, floor_seconds, git

DATA = REPO / ".coverage"
ONE_FILE = "django/utils/html.py"
GATE = [sys.executable, "-m", "codehealth", "gate", "--no-lint", "--format", "json"]


def write_data() -> int:
    """The synthetic ``.coverage`` of every project file; the number of files."""
    script = (
        "import sys, pathlib, coverage\n"
        "root = pathlib.Path(sys.argv[1])\n"
        "data = coverage.CoverageData(basename=str(root / '.coverage'))\n"
        "lines = {}\n"
        "for path in root.rglob('*.py'):\n"
        "    count = path.read_bytes().count(b'\\n')\n"
        "    lines[str(path)] = [n for n in range(1, count + 1) if n % 10 < 7]\n"
        "data.add_lines(lines)\n"
        "data.write()\n"
        "print(len(lines))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(REPO)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def _pair(runs: int, base: str) -> tuple[float, float]:
    """The gate against ``base`` without and with the data, alternating."""
    without = with_data = float("inf")
    moved = DATA.with_suffix(".off")
    for _ in range(runs):
        DATA.rename(moved)
        without = min(without, best_of(1, [*GATE, "--base", base])[0])
        moved.rename(DATA)
        with_data = min(with_data, best_of(1, [*GATE, "--base", base])[0])
    return without, with_data


def main(argv: list[str] | None = None) -> int:
    options = bench_parser(__doc__, Path(__file__), runs=5).parse_args(argv)
    corpus()
    git("checkout", "--quiet", "--force", "feature")
    files = write_data()
    floor, _ = floor_seconds(options.runs)
    rows, verdicts = [], []
    for name, base in (("5-file change", "main"), ("1-file change", "HEAD~1")):
        if base == "HEAD~1":  # one more commit on top of the 5-file change: one file
            with open(REPO / ONE_FILE, "a", encoding="utf-8") as handle:
                handle.write("\n\ndef _bench_one(value):\n    return value or None\n")
            git("commit", "--quiet", "--no-verify", "-am", "a change to 1 file")
            write_data()  # the test run of the new head
        without, with_data = _pair(options.runs, base)
        added = with_data - without
        rows.append((name, f"{without:.3f}", f"{with_data:.3f}", f"{added:+.3f}"))
        verdicts.append(f"{name}: coverage adds {added:+.3f} s = {added / floor:.3f}x the floor")
    print(f"data: {files} files; parse floor {floor:.3f} s")
    print_table(("change", "without data s", "with data s", "added s"), rows, verdicts)
    subprocess.run(["git", "-C", str(REPO), "reset", "--quiet", "--hard", "HEAD~1"], env=GIT_ENV)
    DATA.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
