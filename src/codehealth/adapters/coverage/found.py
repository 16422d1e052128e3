"""Where the coverage data is, what format it has, and coverage.py's settings for it."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from codehealth.adapters.coverage.cobertura import read_cobertura
from codehealth.adapters.coverage.errors import CoverageFileError
from codehealth.adapters.coverage.lcov import read_lcov
from codehealth.adapters.coverage.sqlite_data import SQLITE_MAGIC, read_coverage_py
from codehealth.adapters.files import read_file
from codehealth.core import RawCoverage

# What coverage.py, pytest-cov and the LCOV tools write by default, at the project root.
DEFAULT_FILES = (".coverage", "coverage.xml", "coverage.lcov", "lcov.info", "coverage/lcov.info")
# a coverage file is read whole; larger ones are refused (Django's .coverage is ~2 MB)
MAX_BYTES = 512 * 1024 * 1024
_CONFIG_FILES = ((".coveragerc", ""), ("setup.cfg", "[coverage:"), ("tox.ini", "[coverage:"))


@dataclass(frozen=True, slots=True)
class CoverageConfig:
    """coverage.py's settings that change what its data means: ``[paths]`` remapping, the
    exclusion and no-branch patterns, the data file's name, and which files it measures
    (``source``, ``include``, ``omit`` of ``[run]`` and ``[report]``)."""

    remap: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    no_branch: tuple[str, ...] = ()
    data_file: str = ".coverage"
    source: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    omit: tuple[str, ...] = ()


def coverage_config(root: str) -> CoverageConfig | None:
    """The project's coverage.py settings (from the file coverage.py itself would read at
    ``root``), None when there are none (its defaults apply)."""
    found = _config_file(root)
    if found is None:
        return None
    import coverage

    try:
        reader = coverage.Coverage(data_file=None, config_file=found)
        paths = reader.get_option("paths")
        exclude = _strings(reader.get_option("report:exclude_lines"))
        exclude += _strings(reader.get_option("report:exclude_also"))
        no_branch = _strings(reader.get_option("report:partial_branches"))
        data_file = reader.get_option("run:data_file") or ".coverage"
        source = _strings(reader.get_option("run:source"))
        include = _strings(reader.get_option("run:include"))
        include += _strings(reader.get_option("report:include"))
        omit = _strings(reader.get_option("run:omit")) + _strings(reader.get_option("report:omit"))
    except coverage.CoverageException as error:
        message = f"{found}: coverage.py cannot read its settings: {error}"
        raise CoverageFileError(message) from error
    remap = {str(k): _strings(v) for k, v in paths.items()} if isinstance(paths, dict) else {}
    return CoverageConfig(remap, exclude, no_branch, str(data_file), source, include, omit)


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def configured_data_file(root: str) -> str | None:
    """coverage.py's ``[run] data_file`` when the project sets one (coverage.py is imported
    only when its settings mention it), else None."""
    found = _config_file(root)
    if found is None or not _mentions(found, "data_file"):
        return None
    try:
        config = coverage_config(root)
    except CoverageFileError:
        return None  # reported when the data is read
    return None if config is None or config.data_file == ".coverage" else config.data_file


def _config_file(root: str) -> str | None:
    for name, marker in _CONFIG_FILES:
        path = os.path.join(root, name)
        if os.path.isfile(path) and (not marker or _mentions(path, marker)):
            return path
    pyproject = os.path.join(root, "pyproject.toml")
    if os.path.isfile(pyproject) and _mentions(pyproject, "[tool.coverage"):
        return pyproject
    return None


def _mentions(path: str, marker: str) -> bool:
    try:
        return marker.encode() in read_file(path)
    except OSError:
        return False


def find_coverage_file(root: str, data_file: str = ".coverage") -> tuple[str | None, str | None]:
    """The newest of the usual coverage files at ``root`` (the last test run's), or None;
    and a note when only uncombined parallel data (``.coverage.*``) is there."""
    names = dict.fromkeys((data_file, *DEFAULT_FILES))
    candidates = [os.path.join(root, name) for name in names]
    present = [path for path in candidates if os.path.isfile(path)]
    if present:
        return max(present, key=os.path.getmtime), None
    parallel = glob.glob(glob.escape(os.path.join(root, data_file)) + ".*")
    if parallel:
        note = (
            f"coverage: {len(parallel)} parallel coverage.py data file(s) ({data_file}.*) and "
            "no combined one: run `coverage combine` to use them"
        )
        return None, note
    return None, None


def read_coverage_file(path: str, wanted: Callable[[str], bool] | None = None) -> RawCoverage:
    """Read a coverage file of any supported format, told apart by its content. ``wanted``:
    the files of a ``.coverage`` whose lines to read (the others are named, with none);
    the text formats are read whole."""
    try:
        data = read_file(path, MAX_BYTES)
    except OSError as error:
        raise CoverageFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    if data.startswith(SQLITE_MAGIC):
        return read_coverage_py(path, wanted)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return read_cobertura(path, data)
    if b"SF:" in data[:65536] or head.startswith((b"TN:", b"SF:")):
        text = data.decode("utf-8", errors="replace")
        return read_lcov(path, text, os.path.getmtime(path))
    if not data:
        raise CoverageFileError(f"{path}: the coverage file is empty")
    raise CoverageFileError(
        f"{path}: not a coverage file: expected coverage.py's .coverage (SQLite), "
        "Cobertura XML (coverage.xml) or LCOV (lcov.info)"
    )
