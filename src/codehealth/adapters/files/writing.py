"""Writing the files codehealth owns in a project (the baseline, pyproject.toml)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def replace_file(path: str, text: str, newline: str | None = None) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    A reader never sees half a file, and a symbolic link at ``path`` (a cloned repository's
    ``.codehealth-baseline -> ~/.bashrc``) is replaced, never written through. The file
    keeps its permission bits. A file name that is not UTF-8 (read through surrogateescape)
    is written back as its own bytes. Raises OSError."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        status = os.lstat(path)
        mode = 0o644 if stat.S_ISLNK(status.st_mode) else stat.S_IMODE(status.st_mode)
    except FileNotFoundError:
        mode = 0o644
    descriptor, temporary = tempfile.mkstemp(prefix=".codehealth-", dir=folder)
    try:
        with os.fdopen(
            descriptor, "w", encoding="utf-8", errors="surrogateescape", newline=newline
        ) as handle:
            handle.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
