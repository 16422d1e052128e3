"""Reading a project's files for the measurement: their bytes, and the generated ones left
out (told on ``--verbose``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from codehealth.adapters.files import Discovery, read_source
from codehealth.core import HEAD_BYTES, NotAnalysed, Settings, generated_marker

# What discovery left out (hidden and vendored folders, generated files): `--verbose` shows it.
log = logging.getLogger("codehealth")


def leave_generated(
    discovery: Discovery, sources: dict[str, bytes], settings: Settings
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The files to analyse and everything left out (told on --verbose): the generated
    files are taken out of ``sources``."""
    generated = _generated(sources, discovery.named) if settings.exclude_generated else []
    for path, _ in generated:
        del sources[path]
    gone = {path for path, _ in generated}
    left_out = tuple(sorted((*discovery.left_out, *generated)))
    for path, reason in left_out:
        log.info("skipped %s: %s", path, reason)
    return tuple(path for path in discovery.files if path not in gone), left_out


def _generated(sources: dict[str, bytes], named: Sequence[str]) -> list[tuple[str, str]]:
    """(path, why) of the files whose first bytes say they are generated; a file named on
    the command line is analysed whatever it says."""
    found = []
    for path, content in sources.items():
        reason = generated_marker(content[:HEAD_BYTES])
        if reason is not None and path not in named:
            found.append((path, reason))
    return found


def read_all(root: str, paths: Sequence[str]) -> tuple[dict[str, bytes], list[NotAnalysed]]:
    sources: dict[str, bytes] = {}
    unreadable: list[NotAnalysed] = []
    for path in paths:
        content = read_source(root, path)
        if isinstance(content, str):
            unreadable.append(NotAnalysed(path, content))
        else:
            sources[path] = content
    return sources, unreadable
