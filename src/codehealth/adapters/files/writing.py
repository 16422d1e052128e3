"""Writing the files codehealth owns in a project (the baseline, pyproject.toml) and the
files a command is asked to write (an HTML page, a report by ``--output``)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from codehealth.core import ConfigError


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


PAGE_FILE = "index.html"


def page_path(folder: str) -> str:
    """``folder``/index.html for an HTML page (the report, the portfolio), the folder created
    first so that one that cannot be written fails before the work (ConfigError, exit 2)."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"{folder}: cannot create the page's folder: {_reason(error)}") from None
    _writable(folder, f"{folder}: the page's folder is not writable")
    return os.path.join(folder, PAGE_FILE)


def output_path(path: str, option: str) -> tuple[str, str]:
    """``path`` made absolute (to write to) and the file it names (symbolic links resolved,
    to tell two spellings of one file), after checking that a report can be written there:
    its folder exists and is writable and it is not a folder itself (ConfigError naming
    ``option`` and the fix, exit 2), so that a typo fails before the analysis does the work.
    The folder is not created: a missing one is more likely a typo than a wish."""
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    if os.path.isdir(absolute):
        raise ConfigError(f"{option}: {path} is a folder: give a file name, e.g. {path}/report")
    if not os.path.isdir(folder):
        raise ConfigError(
            f"{option}: the folder {os.path.dirname(path) or '.'} does not exist: create it "
            "first (mkdir -p) or write the file elsewhere"
        )
    _writable(folder, f"{option}: the folder {os.path.dirname(path) or '.'} is not writable")
    return absolute, os.path.realpath(absolute)


def _writable(folder: str, message: str) -> None:
    """ConfigError(``message``) unless a file can be created in ``folder``: tried, since
    permission bits do not tell (root ignores them; a read-only mount ignores root)."""
    try:
        descriptor, probe = tempfile.mkstemp(prefix=".codehealth-", dir=folder)
    except OSError as error:
        raise ConfigError(f"{message} ({_reason(error)})") from None
    os.close(descriptor)
    with contextlib.suppress(OSError):
        os.remove(probe)


def write_page(path: str, text: str) -> int:
    """Write a page or a report to ``path`` (atomically, ``\\n`` line ends); its size in
    bytes. ConfigError when it cannot be written."""
    try:
        replace_file(path, text, newline="\n")
    except OSError as error:
        raise ConfigError(f"{path}: cannot be written: {_reason(error)}") from None
    return len(text.encode("utf-8"))


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
