"""Finding, reading and joining the project's coverage data (read, never produced)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from codehealth.adapters.coverage import (
    CoverageConfig,
    CoverageFileError,
    configured_data_file,
    coverage_config,
    find_coverage_file,
    read_coverage_file,
)
from codehealth.adapters.git import edited_since_head, head_commit_time
from codehealth.core import (
    ConfigError,
    CoverageData,
    CoverageMismatch,
    PathMapper,
    ProjectFiles,
    Settings,
    join_coverage,
    measured_by,
)
from codehealth.metrics.coverable import DEFAULT_EXCLUDE, DEFAULT_NO_BRANCH
from codehealth.metrics.shapes import Shapes, ShapeSource

OFF = "off"


@dataclass(frozen=True, slots=True)
class CoverageScope:
    """Which files a join is for. ``partial``: a part of the project (paths were given):
    data on other files is neither noted nor a sign of another project's. ``known``: every
    project file, when the sources are only some (the gate's touched files): paths are
    mapped among all of them. ``check_times``: whether a file newer than the data is stale
    (not for data of an older revision, whose sources are read from git). ``shapes``: the
    files' shapes (what coverage.py counts in them) already known, and where they are
    cached (None: parse every file, no cache)."""

    partial: bool = False
    known: frozenset[str] = frozenset()
    check_times: bool = True
    shapes: ShapeSource | None = None


WHOLE_PROJECT = CoverageScope()


def load_coverage(
    root: str,
    settings: Settings,
    sources: Mapping[str, bytes],
    explicit: str | None = None,
    scope: CoverageScope = WHOLE_PROJECT,
) -> tuple[CoverageData | None, tuple[str, ...]]:
    """The coverage of the files in ``sources`` (relative paths -> bytes) and the notes to
    show, from ``explicit`` (``--coverage``), else ``coverage = "..."`` in the settings,
    else the newest of the usual files at ``root``. (None, ()) when there is no data.

    A file that was asked for and is unusable raises ConfigError (exit 2); one found
    automatically is only named in a note. ``scope``: which part of the project
    ``sources`` are, and where their shapes come from (see CoverageScope)."""
    chosen = explicit or settings.coverage
    if chosen == OFF:
        return None, ()
    path, note = _data_file(root, chosen)
    if path is None:
        return None, (note,) if note else ()
    try:
        data, cache_notes = _read_and_join(root, sources, path, scope)
    except (CoverageFileError, CoverageMismatch) as error:
        if chosen:
            raise ConfigError(str(error)) from error
        return None, (f"coverage: ignored {os.path.relpath(path, root)}: {error}",)
    return data, (*data.notes, *cache_notes)


def _read_and_join(
    root: str, sources: Mapping[str, bytes], path: str, scope: CoverageScope
) -> tuple[CoverageData, list[str]]:
    """The data file at ``path`` joined to ``sources``, and the shape cache's notes."""
    config = coverage_config(root) or CoverageConfig()
    raw = read_coverage_file(path, _wanted(root, sources, scope, config))
    patterns = (config.exclude or DEFAULT_EXCLUDE, config.no_branch or DEFAULT_NO_BRANCH)
    shapes = Shapes(sources, scope.shapes, patterns)
    try:
        created = (raw.created or _created(path)) if scope.check_times else None
        project = _project(root, sources, config, created, shapes)
        data = join_coverage(raw, replace(project, partial=scope.partial, known=scope.known))
    finally:
        notes = shapes.close()
    return data, notes


def coverage_expected(root: str, settings: Settings) -> bool:
    """Whether a run will read coverage data (configured, given or found at the root): the
    measuring pass then takes each file's coverage shape from its own parse."""
    chosen = settings.coverage
    if chosen == OFF:
        return False
    return (
        bool(chosen) or find_coverage_file(root) != (None, None) or bool(configured_data_file(root))
    )


def _wanted(
    root: str, sources: Mapping[str, bytes], scope: CoverageScope, config: CoverageConfig
) -> Callable[[str], bool] | None:
    """Which of the data's files to read the lines of, when only some project files are
    joined (the gate's touched files): the cost then follows the change, not the data.
    None: all of them."""
    if not scope.known:
        return None
    mapper = PathMapper(root, scope.known, (), config.remap)
    return lambda name: mapper.map(name) in sources


def _data_file(root: str, chosen: str | None) -> tuple[str | None, str | None]:
    if chosen:
        given = os.path.join(root, chosen)
        if not os.path.exists(given):
            raise ConfigError(f"{given}: no such coverage file")
        return given, None
    path, note = find_coverage_file(root)
    if path is None and note is None:
        data_file = configured_data_file(root)  # coverage.py's [run] data_file
        if data_file is not None:
            return find_coverage_file(root, data_file)
    return path, note


def _project(
    root: str,
    sources: Mapping[str, bytes],
    config: CoverageConfig,
    created: float | None,
    shapes: Shapes,
) -> ProjectFiles:
    return ProjectFiles(
        root=root,
        line_counts={path: _line_count(source) for path, source in sources.items()},
        shape=shapes,
        newer=_newer(root, sources, created),
        remap=config.remap,
        measured=measured_by(root, config.source, config.include, config.omit),
    )


def _line_count(source: bytes) -> int:
    return source.count(b"\n") + (1 if source and not source.endswith(b"\n") else 0)


def _created(data_path: str) -> float | None:
    try:
        return os.path.getmtime(data_path)
    except OSError:
        return None


def _newer(root: str, sources: Mapping[str, bytes], created: float | None) -> frozenset[str]:
    """The files changed after the data was written. A checkout gives every file a new
    mtime (the data of another CI job, an artifact, is older than all of them): a file the
    work tree has as HEAD has it is trusted when the data is younger than HEAD's commit."""
    if created is None:
        return frozenset()
    newer = set()
    for path in sources:
        try:
            if os.path.getmtime(os.path.join(root, path)) > created:
                newer.add(path)
        except OSError:
            continue
    if not newer:
        return frozenset()
    committed = head_commit_time(root)
    edited = edited_since_head(root) if committed is not None and created >= committed else None
    return frozenset(newer if edited is None else newer & edited)
