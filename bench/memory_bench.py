"""Peak memory of each command, cold, on a local clone of a large project (issue 18: any
command ≤ 300 MB on a 4,000-file monolith).

The largest process is what the target is about (GNU time's %M); the tree adds up each
process's peak (the workers', git's), an upper bound of what was ever resident at once.

    git clone /work/.mirror/saleor+saleor/repo /tmp/saleor
    ../venv312/bin/python bench/memory_bench.py /tmp/saleor
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from process_sampling import measure
from scan_bench import as_text, machine

BIN = Path(sys.executable).parent
OUT = Path(__file__).resolve().parent / ".work" / "memory.out"
TARGET_MB = 300.0
COMMANDS = {
    "scan": ["scan", "--format", "json", "--no-cache"],
    "debt": ["debt", "--format", "json", "--no-cache"],
    "boundaries": ["boundaries", "--no-cache"],
    "hotspots": ["hotspots", "--no-cache"],
    "gate --base HEAD~1": ["gate", "--base", "HEAD~1", "--no-cache"],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a local git clone (not changed)")
    args = parser.parse_args(argv)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = [["command (cold)", "wall s", "largest process MB", "tree MB", "target"]]
    for name, words in COMMANDS.items():
        run = measure([str(BIN / "codehealth"), *words], args.repo.resolve(), OUT, None)
        verdict = "pass" if run.largest_mb <= TARGET_MB else "FAIL"
        cells = [f"{run.wall:.1f}", f"{run.largest_mb:.0f}", f"{run.tree_mb:.0f}"]
        rows.append([name, *cells, f"≤ {TARGET_MB:.0f} MB: {verdict}"])
    print(f"machine: {machine()}", "", as_text(rows), sep="\n")
    command = [os.path.relpath(sys.executable), "bench/memory_bench.py", str(args.repo)]
    print("reproduce:", " ".join(command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
