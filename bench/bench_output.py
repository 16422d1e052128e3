"""What every benchmark prints and writes: its options, an aligned table of its runs, and
the markdown results file with the date, the machine and the command that reproduces it."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
from collections.abc import Sequence
from pathlib import Path


def bench_parser(doc: str | None, results: Path, runs: int = 3) -> argparse.ArgumentParser:
    """``--runs`` (best of N) and ``--write`` (the results file); add the bench's own."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--write", action="store_true", help=f"write {results.name}")
    return parser


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], verdicts: list[str]) -> None:
    width = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("\n".join("  ".join(c.ljust(width[i]) for i, c in enumerate(r)) for r in [header, *rows]))
    print("\n".join(verdicts))


def write_results(
    path: Path,
    title: str,
    how: str,
    table: tuple[Sequence[str], str, Sequence[Sequence[str]]],
    verdicts: list[str],
    reproduce: str,
) -> None:
    """``table``: the header, the markdown alignment row (``| --- | ---: |``) and the rows.
    ``how``: what was run (best of N runs, cold or warm), after the date and the machine."""
    header, alignment, rows = table
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"| {' | '.join(header)} |", alignment, *(f"| {' | '.join(r)} |" for r in rows)]
    path.write_text(
        f"# {title}\n\n"
        f"Measured {stamp} on {platform.machine()} ({platform.processor() or 'cpu'}), "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; {how} "
        "The machine was shared with other work (load average "
        f"{os.getloadavg()[0]:.1f}) while this ran.\n\n"
        + "\n".join(lines)
        + "\n\n"
        + "\n".join(f"- {v}" for v in verdicts)
        + f"\n\nReproduce: `{reproduce}`\n",
        encoding="utf-8",
    )
