"""How far codehealth's cyclomatic complexity agrees with ``radon cc -j``, function by
function. Used by ``scan_bench.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Key = tuple[str, int, str]  # (file, line, name)


def radon_functions(radon_json: dict[str, Any]) -> dict[Key, int]:
    """Every function, method and closure of ``radon cc -j`` output (classes left out)."""

    def walk(path: str, blocks: list[dict[str, Any]]) -> Iterator[tuple[Key, int]]:
        for block in blocks:
            if block["type"] in ("function", "method"):
                yield (path, block["lineno"], block["name"]), block["complexity"]
                yield from walk(path, block.get("closures", []))

    found: dict[Key, int] = {}
    for path, blocks in radon_json.items():
        if isinstance(blocks, list):  # {"error": ...} for a file radon cannot parse
            found.update(walk(path, blocks))
    return found


def codehealth_functions(scan_json: dict[str, Any]) -> dict[Key, int]:
    return {
        (file["path"], function["line"], function["name"]): function["cyclomatic"]
        for file in scan_json["files"]
        for function in file["functions"]
    }


@dataclass(frozen=True)
class Agreement:
    equal: int
    total: int  # functions radon reports in the files both tools analysed
    mismatches: list[str]  # the first few differences, and functions codehealth lacks
    extra: int  # functions codehealth reports and radon does not (e.g. in nested classes)
    radon_only_files: list[str]  # e.g. manage.py-tpl: radon also reads files by their #!

    @property
    def percent(self) -> float:
        return 100.0 * self.equal / self.total if self.total else 0.0

    def line(self) -> str:
        return f"agreement: {self.equal} / {self.total} ({self.percent:.2f} %)"


def agreement(radon_json: dict[str, Any], scan_json: dict[str, Any], show: int = 8) -> Agreement:
    ours = codehealth_functions(scan_json)
    # Files codehealth could not analyse stay in: their functions count as missing.
    files = {file["path"] for file in scan_json["files"] + scan_json["not_analysed"]}
    radon = {key: cc for key, cc in radon_functions(radon_json).items() if key[0] in files}
    mismatches = []
    for key in sorted(radon):
        if ours.get(key) != radon[key]:
            got = "missing" if key not in ours else str(ours[key])
            mismatches.append(f"{key[0]}:{key[1]} {key[2]}: radon {radon[key]}, codehealth {got}")
    extra = len(ours.keys() - radon.keys())
    only = sorted(set(radon_json) - files)
    return Agreement(len(radon) - len(mismatches), len(radon), mismatches[:show], extra, only)
