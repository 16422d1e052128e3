"""The key of a boundary report: a digest of the contents it reads, by path relative to the
project, so that a report made in one clone is found in another at any path (a CI runner
restoring ``.codehealth/``), and the gate's base side (the work tree with the touched files'
base contents) finds the report a run at the base commit saved.

Each Python file counts as (relative path, git blob id): the index's id for a tracked file
whose work-tree copy git calls unchanged (nothing is read), else the id computed from its
bytes (edited and untracked files, the overriding contents, projects outside git). git's own
stat check, unlike a size and modification time, sees an edit that kept both (the change
time), and a racily clean file is compared by content."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Mapping
from typing import Any

from codehealth.adapters.files import read_file
from codehealth.adapters.git import blob_id, start_clean_blob_ids
from codehealth.core import Settings
from codehealth.version import __version__

FORMAT = 4  # 4: keyed by content (3: sites have a kind, the report its Django settings)
# manage.py, pytest.ini and tox.ini may name the Django settings module.
CONFIG_FILES = (
    "pyproject.toml",
    "setup.cfg",
    ".importlinter",
    "manage.py",
    "pytest.ini",
    "tox.ini",
)


ContentIds = dict[str, tuple[str, str]]  # absolute path -> (relative path, blob id)


def content_ids(root: str, settings: Settings, folders: dict[str, str]) -> ContentIds:
    """Each Python file the report reads, with its path relative to ``root`` and the blob
    id of its bytes on disk, in a stable order."""
    index = start_clean_blob_ids(root)  # git runs while the files are listed
    listed = [
        entry
        for folder in sorted({*folders.values(), *_other_packages(settings)})
        for entry in _python_files(folder, root)
    ]
    known = index() or {}
    return {path: (name, known.get(name) or _hashed(path)) for path, name in listed}


def project_key(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    overrides: Mapping[str, bytes] | None = None,
    ids: ContentIds | None = None,
) -> str:
    """A digest of everything the report depends on, ``overrides`` (absolute path -> the
    content standing in for that file) in place of those files; ``ids``: the files' from
    ``content_ids``. Not memoised: one process may run several commands (the report,
    tests), and files change between them."""
    ids = content_ids(root, settings, folders) if ids is None else ids
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}/{__version__}/{sys.version_info[:2]}".encode())
    digest.update(
        repr((settings.boundaries, settings.django, settings.roots, settings.exclude)).encode()
    )
    digest.update(repr(sorted((n, _relative(root, f)) for n, f in folders.items())).encode())
    _digest_config(digest, root, settings)
    replaced = {os.path.abspath(path): content for path, content in (overrides or {}).items()}
    for path, (name, blob) in ids.items():
        content = replaced.get(path)
        if content is not None:
            blob = blob_id(content)
        # surrogateescape: a file name that is not UTF-8
        digest.update(f"{name}\0{blob}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _digest_config(digest: Any, root: str, settings: Settings) -> None:
    """Adds the configuration files' contents (by name: the same at any path)."""
    for name in CONFIG_FILES:
        with contextlib.suppress(OSError), open(os.path.join(root, name), "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read())
    if settings.config_file and os.path.basename(settings.config_file) not in CONFIG_FILES:
        with contextlib.suppress(OSError), open(settings.config_file, "rb") as handle:
            digest.update(handle.read())


def _hashed(path: str) -> str:
    """The blob id of the file's bytes; "-" when it cannot be read (the report says so)."""
    try:
        return blob_id(read_file(path))  # never blocks on a FIFO
    except OSError:
        return "-"


def _relative(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


def _python_files(folder: str, root: str) -> list[tuple[str, str]]:
    """(absolute path, path relative to ``root``) of each Python file grimp would list in
    the package at ``folder`` (names only: nothing is read or stat'ed)."""
    found: list[tuple[str, str]] = []
    regular = os.path.isfile(os.path.join(folder, "__init__.py"))
    for path, dirs, names in os.walk(folder):
        if regular and "__init__.py" not in names:
            dirs[:] = []  # as grimp: below a folder without __init__.py, no modules
            continue
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        # relpath once a folder: per file it was most of the key's time
        under = _relative(root, path) + "/"
        top = path + os.sep
        found.extend((top + n, under + n) for n in sorted(names) if n.endswith(".py"))
    return found


def _other_packages(settings: Settings) -> list[str]:
    """Packages in the source roots that codehealth does not check (tests...) but a contract
    may name: their files count for the key too."""
    found = []
    for base in settings.roots or (".",):
        folder = os.path.join(settings.root, base)
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                    found.append(os.path.abspath(entry.path))
    return found


def digest_of(text: str) -> str:
    """A short digest of a cache file's body: a damaged file is never trusted."""
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
