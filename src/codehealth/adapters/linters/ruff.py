"""ruff: run once with JSON output on the files not cached; its JSON turned into hits."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from codehealth.adapters.linters.tool import LintTool, digest, find_executable, version_identity
from codehealth.core import Hit, TOMLDecodeError, parse_toml

# Used only when the project has no ruff configuration of its own: ruff's own default rule
# set, pinned (what a ruff user expects; complexity, TODOs and noqa are counted by
# codehealth's own rules). Style families (SIM, C4, PERF) and bugbear are a team's choice:
# replayed on celery, which lints with flake8, the gate failed a merged commit on B904.
DEFAULT_SELECT = ("E4", "E7", "E9", "F")
_CONFIG_NAMES = ("pyproject.toml", "ruff.toml", ".ruff.toml")
_SKIPPED_CODES = frozenset({"", "invalid-syntax", "E999", "E902"})  # scan reports these


def prepare_ruff(
    root: str, setting: str, folders: Iterable[str], cache_folder: str | None = None
) -> LintTool:
    """The ruff command for the project at ``root``; ``folders`` hold the files to lint.

    Its salt is the same in every clone of the project with the same ruff: the version (see
    ``version_identity``; ``cache_folder`` remembers it) and the configurations by their
    paths from ``root``, so a cache restored into another checkout path (a CI runner's) hits."""
    executable = find_executable("ruff", setting)
    configs = ruff_configs(root, folders)
    command = [executable, "check", "--output-format", "json", "--no-fix", "--exit-zero"]
    command += ["--force-exclude", "--no-cache"]
    if not configs:
        command += ["--select", ",".join(DEFAULT_SELECT)]
    parts = [version_identity(executable, cache_folder).encode(), " ".join(command[1:]).encode()]
    for path, text in configs:
        parts.append(os.path.relpath(path, root).encode("utf-8", "surrogateescape") + b"\0" + text)
    return LintTool("ruff", tuple(command), digest(parts))


def ruff_configs(root: str, folders: Iterable[str]) -> list[tuple[str, bytes]]:
    """(path, ruff settings) of every ruff configuration that applies: in the folders of the
    files, the folders between them and ``root``, and above ``root`` (ruff looks there too)."""
    seen: set[str] = set()
    candidates: list[str] = []
    for folder in {*folders, "."}:
        current = os.path.normpath(os.path.join(root, folder))
        while current not in seen:
            seen.add(current)
            candidates.append(current)
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
    found: list[tuple[str, bytes]] = []
    for folder in sorted(candidates):
        for name in _CONFIG_NAMES:
            text = _ruff_settings(os.path.join(folder, name))
            if text is not None:
                found.append((os.path.join(folder, name), text))
    return found


def _ruff_settings(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            content = handle.read()
    except OSError:
        return None
    if not path.endswith("pyproject.toml"):
        return content
    if b"[tool.ruff" not in content and b"tool.ruff" not in content:
        return None
    try:
        section = parse_toml(content.decode("utf-8", "replace")).get("tool", {}).get("ruff")
    except TOMLDecodeError:
        return content  # ruff will reject it; the run reports ruff's message
    if section is None:
        return None
    return json.dumps(section, sort_keys=True, default=str).encode()


def parse_ruff(output: bytes, root: str) -> dict[str, list[Hit]]:
    """ruff's JSON -> relative path -> hits. Raises ValueError on anything but ruff's JSON."""
    records: Any = json.loads(output or b"[]")
    if not isinstance(records, list):
        raise ValueError("ruff's output is not a JSON list")
    hits: dict[str, list[Hit]] = {}
    prefix = os.path.join(root, "")
    for record in records:
        code = record.get("code") or ""
        if code in _SKIPPED_CODES:
            continue
        location = record.get("location") or {}
        end = record.get("end_location") or location
        filename = record["filename"]
        if filename.startswith(prefix):  # the usual case; relpath is slow for thousands
            path = filename[len(prefix) :].replace(os.sep, "/")
        else:
            path = os.path.relpath(filename, root).replace(os.sep, "/")
        hits.setdefault(path, []).append(
            Hit(
                code,
                int(location.get("row", 1)),
                int(location.get("column", 1)) - 1,
                int(end.get("row", location.get("row", 1))),
                str(record.get("message", "")),
            )
        )
    return hits


def config_problem(stderr: str) -> bool:
    """Did ruff reject the project's configuration (not its own arguments)?"""
    return "ruff failed" in stderr and ".toml" in stderr and "from the CLI" not in stderr
