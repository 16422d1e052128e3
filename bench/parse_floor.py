"""The floor: parse every .py file below a folder with ``ast.parse`` in one process.

Files are read first; only the parsing is timed, and each tree is dropped at once.
Prints ``{"files": N, "parse_seconds": S, "unparsable": U}`` as JSON (a file that does not
parse is timed up to its error). Used by ``scan_bench.py``.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import time


def python_files(folder: str) -> list[str]:
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        found.extend(os.path.join(parent, name) for name in sorted(names) if name.endswith(".py"))
    return found


def main(folder: str) -> int:
    sources: list[tuple[str, bytes]] = []
    for path in python_files(folder):
        with open(path, "rb") as handle:
            sources.append((path, handle.read()))
    unparsable = 0
    start = time.perf_counter()
    for path, source in sources:
        try:
            ast.parse(source, filename=path)
        except SyntaxError:  # newer syntax than this Python's (saleor's PEP 695 generics)
            unparsable += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"files": len(sources), "parse_seconds": elapsed, "unparsable": unparsable}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
