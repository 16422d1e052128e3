"""coverage.py's ``.coverage`` SQLite file, read through coverage.py's public CoverageData."""

from __future__ import annotations

import os
import pathlib
from collections.abc import Callable
from typing import Any

from codehealth.adapters.coverage.errors import CoverageFileError
from codehealth.core import MeasuredFile, RawCoverage

SQLITE_MAGIC = b"SQLite format 3\x00"


def read_coverage_py(path: str, wanted: Callable[[str], bool] | None = None) -> RawCoverage:
    """The data of a ``.coverage`` file (combined or not), with arcs and contexts when it
    has them; ``wanted``: the files whose lines are read (the others are named, with no
    line: the gate reads the touched files only). Raises CoverageFileError when it is not
    coverage.py data."""
    _check_schema(path)  # coverage.py would add its tables to any other database
    import sqlite3

    import coverage  # here: only a run that finds a .coverage file pays for the import
    from coverage.exceptions import CoverageException

    try:
        data = coverage.CoverageData(basename=path, no_disk=False)
        data.read()
        has_arcs = data.has_arcs()
        files = [
            _measured(data, name, has_arcs)
            if wanted is None or wanted(name)
            else MeasuredFile(name, frozenset())
            for name in sorted(data.measured_files())
        ]
        contexts = tuple(sorted(data.measured_contexts()))
    except (CoverageException, sqlite3.Error, OSError, ValueError) as error:
        # a file cut short reads its schema but not its last pages (sqlite3.DatabaseError)
        raise CoverageFileError(
            f"{path}: cannot be read as coverage.py data ({error}); "
            "run the tests with coverage again to write a new one"
        ) from error
    return RawCoverage(
        source=path,
        format="coverage.py",
        files=tuple(files),
        created=os.path.getmtime(path),
        has_branches=has_arcs,
        contexts=contexts,
    )


def _measured(data: Any, name: str, has_arcs: bool) -> MeasuredFile:
    """One file's executed lines (and arcs): with arcs, the lines are those the arcs touch,
    as ``CoverageData.lines`` computes them (it would query the arcs a second time)."""
    if not has_arcs:
        return MeasuredFile(name, frozenset(data.lines(name) or ()))
    arcs = frozenset(data.arcs(name) or ())
    lines = frozenset(line for arc in arcs for line in arc if line > 0)
    return MeasuredFile(name, lines, arcs)


def _check_schema(path: str) -> None:
    """Raise CoverageFileError unless ``path`` is a database with coverage.py's schema
    (opened read-only: the data file is never written)."""
    import sqlite3  # not with the module: start-up stays light

    uri = pathlib.Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            row = connection.execute(
                "select 1 from sqlite_master where type = 'table' and name = 'coverage_schema'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise CoverageFileError(
            f"{path}: cannot be read as coverage.py data ({error}); "
            "run the tests with coverage again to write a new one"
        ) from error
    if row is None:
        raise CoverageFileError(
            f"{path}: an SQLite database, but not coverage.py data (no coverage_schema table)"
        )
