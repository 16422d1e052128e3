"""What every command leaves out by default: hidden folders, vendored code, generated files.

One predicate for the scan's discovery, the gate and the history: ``skipped_folder`` reads
the path only, ``generated_marker`` the first ``HEAD_BYTES`` of a file (as Phabricator and
GitHub linguist recognise generated files). Pure.
"""

from __future__ import annotations

import re

# Folder names that hold someone else's code, copied in (GitHub linguist's vendor list, the
# names pip, setuptools and many C extensions use). Neither ruff nor black skips these:
# their default excludes are the tool folders codehealth excludes too (DEFAULT_EXCLUDE).
VENDORED_FOLDERS = frozenset(
    ("vendor", "vendored", "_vendor", "third_party", "thirdparty", "3rdparty", "extern")
)
HIDDEN = "hidden folder"
VENDORED = "vendored code"
# A generator says so near the top: the marker is looked for in this many bytes.
HEAD_BYTES = 1024
# Built from parts so that this file does not say it of itself.
_GENERATED = re.compile(rb"@" rb"generated\b|\bDO NOT" rb" EDIT\b")


def skipped_folder(path: str, hidden: bool = True, vendored: bool = True) -> tuple[str, str] | None:
    """(folder, reason) of the outermost hidden (``.semgrep``) or vendored (``vendor``)
    folder holding the project-relative POSIX ``path``; None when no such folder holds it.
    The last part of ``path`` is a file name and is not judged."""
    if not (hidden or vendored):
        return None
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if hidden and part.startswith(".") and part not in (".", ".."):
            return "/".join(parts[: index + 1]) + "/", HIDDEN
        if vendored and part in VENDORED_FOLDERS:
            return "/".join(parts[: index + 1]) + "/", VENDORED
    return None


def generated_marker(head: bytes) -> str | None:
    """The reason a file whose first bytes are ``head`` is generated, or None."""
    found = _GENERATED.search(head[:HEAD_BYTES])
    if found is None:
        return None
    return f"generated file ({found.group().decode('ascii')})"
