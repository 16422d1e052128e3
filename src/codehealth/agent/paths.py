"""Paths an agent names, kept inside the project: ``..``, an absolute path elsewhere and a
symbolic link that leads out are refused, so a tool never reads (or judges) a file outside
the project it serves."""

from __future__ import annotations

import os


class Refused(ValueError):
    """A path the tools will not touch; the message says why."""


def confined(root: str, path: str) -> str:
    """``path`` (relative to ``root``, or absolute inside it) as a project-relative POSIX path,
    its symbolic links resolved; Refused when it leads outside ``root``."""
    if not path.strip() or "\0" in path:
        raise Refused(f"{path!r}: not a file path")
    home = os.path.realpath(root)
    real = os.path.realpath(os.path.join(home, path))  # an absolute path replaces home
    if real != home and not real.startswith(home.rstrip(os.sep) + os.sep):
        raise Refused(f"{path}: outside the project ({home}); give a path inside it")
    if real == home:
        raise Refused(f"{path}: the project folder itself, not a file in it")
    return os.path.relpath(real, home).replace(os.sep, "/")
