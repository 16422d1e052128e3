"""flake8 (with whatever plugins the project installed), when the project configures it."""

from __future__ import annotations

import configparser
import glob
import os

from codehealth.adapters.linters.tool import LintTool, digest, executable_identity, find_executable
from codehealth.core import Hit

_SEPARATOR = "\x1f"
_FORMAT = _SEPARATOR.join(("%(path)s", "%(row)d", "%(col)d", "%(code)s", "%(text)s"))
_CONFIG_FILES = (".flake8", "setup.cfg", "tox.ini")


def flake8_configured(root: str) -> bool:
    """flake8 reads its configuration from ``.flake8``, ``setup.cfg`` or ``tox.ini``."""
    if os.path.isfile(os.path.join(root, ".flake8")):
        return True
    for name in ("setup.cfg", "tox.ini"):
        parser = configparser.RawConfigParser()
        try:
            parser.read(os.path.join(root, name), encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            continue
        if parser.has_section("flake8"):
            return True
    return False


def prepare_flake8(root: str, setting: str) -> LintTool | None:
    """The flake8 command, or None when the project does not use flake8."""
    if setting == "off" or (setting == "auto" and not flake8_configured(root)):
        return None
    executable = find_executable("flake8", setting)
    command = (executable, "--exit-zero", f"--format={_FORMAT}")
    parts = [executable_identity(executable).encode(), _environment_identity(executable)]
    for name in _CONFIG_FILES:
        try:
            with open(os.path.join(root, name), "rb") as handle:
                parts.append(name.encode() + b"\0" + handle.read())
        except OSError:
            continue
    return LintTool("flake8", command, digest(parts))


def _environment_identity(executable: str) -> bytes:
    """Plugins come and go with packages: the site-packages folder of flake8's environment
    changes its modification time when one is installed or removed."""
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(executable)))
    stamps = []
    for folder in sorted(glob.glob(os.path.join(prefix, "lib", "python*", "site-packages"))):
        try:
            stamps.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
        except OSError:
            continue
    return "|".join(stamps).encode()


def parse_flake8(output: bytes, root: str) -> dict[str, list[Hit]]:
    hits: dict[str, list[Hit]] = {}
    for raw in output.decode("utf-8", "replace").splitlines():
        parts = raw.split(_SEPARATOR, 4)
        if len(parts) != 5:
            continue
        path, row, column, code, text = parts
        if code == "E999":  # a syntax error: the scan reports the file as not analysed
            continue
        relative = os.path.relpath(os.path.join(root, path), root).replace(os.sep, "/")
        line = int(row)
        hits.setdefault(relative, []).append(Hit(code, line, max(int(column) - 1, 0), line, text))
    return hits
