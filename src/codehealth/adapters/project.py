"""Which project a command works on. Imports only the standard library: the warm-run check
(``adapters.replay``) needs it before click or any analysis is loaded."""

from __future__ import annotations

import os


def project_root() -> str:
    """The project the current folder belongs to: the nearest folder upwards that holds a
    ``pyproject.toml``, else the top of the git work tree, else the current folder (so a
    command run from ``src/`` still reads the project's configuration and cache)."""
    here = os.path.abspath(".")
    folder = here
    while True:
        if os.path.isfile(os.path.join(folder, "pyproject.toml")):
            return folder
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent
