"""Coverage data as read + the project's files -> the project's coverage (CoverageData)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from codehealth.core.coverage import (
    BranchCount,
    CodeShape,
    CoverageData,
    FileCoverage,
    MeasuredFile,
    RawCoverage,
)
from codehealth.core.coverage_paths import PathMapper

_SAMPLE = 3  # file names quoted in a note


class CoverageMismatch(Exception):
    """The data names files, none of which is in the project: it is another project's."""


@dataclass(frozen=True, slots=True)
class ProjectFiles:
    """What the join needs to know about the project: its files (relative, '/'), their
    number of lines, those changed after the data was written (``newer``), the shape of a
    file (``shape``: parse it; None when it cannot be parsed) and coverage.py's ``[paths]``.
    ``partial``: the files are a part of the project (``scan src/app``), so data on other
    files is neither noted nor a sign of another project's data.

    ``known``: every file of the project, when only some are joined (the gate joins the
    touched files): paths are mapped among all of them, so that a ``utils.py`` of another
    package in the data is never taken for a touched one; empty: the joined files are all."""

    root: str
    line_counts: Mapping[str, int]
    shape: Callable[[str], CodeShape | None]
    newer: frozenset[str] = frozenset()
    remap: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    partial: bool = False  # only some of the project's files: say nothing of the others
    measured: Callable[[str], bool] = lambda path: True  # not left out by coverage.py's settings
    known: frozenset[str] = frozenset()


def join_coverage(raw: RawCoverage, project: ProjectFiles) -> CoverageData:
    """Map the data's files to the project's; raises CoverageMismatch when none matches."""
    known = project.known or frozenset(project.line_counts)
    mapper = PathMapper(project.root, known, raw.roots, project.remap)
    files: dict[str, FileCoverage] = {}
    outside: list[str] = []
    stale: set[str] = set()
    named: set[str] = set()
    for measured in raw.files:
        path = mapper.map(measured.path)
        if path is None:
            outside.append(measured.path)
            continue
        named.add(path)
        if path not in project.line_counts:  # a project file not asked for
            continue
        joined = _fresh_join(path, measured, project)
        if joined is None:
            stale.add(path)
        else:
            files[path] = joined
    if project.partial:
        outside = []
    elif raw.files and not named:
        raise CoverageMismatch(_foreign(raw, outside))
    unmeasured = _add_uncovered(files, stale, project, raw.has_branches, named)
    return CoverageData(
        files=files,
        source=raw.source,
        format=raw.format,
        created=raw.created,
        has_branches=raw.has_branches,
        stale=tuple(sorted(stale)),
        notes=_notes(raw.source, outside, sorted(stale)),
        contexts=raw.contexts,
        unmeasured=unmeasured,
    )


def _add_uncovered(
    files: dict[str, FileCoverage],
    stale: set[str],
    project: ProjectFiles,
    branches: bool,
    named: set[str],
) -> frozenset[str]:
    """Add the measured project files the data does not name, as uncovered; return those
    the run left out: by coverage.py's settings, or (the command line's ``--source``/
    ``--cov=pkg``, which the data does not record) because the data names no file of
    their top folder."""
    unmeasured = set()
    tops = {_top(path) for path in named}
    for path in project.line_counts:
        if path in files or path in stale:
            continue
        if not project.measured(path) or _top(path) not in tops:
            unmeasured.add(path)
            continue
        shape = project.shape(path)
        if shape is None:
            unmeasured.add(path)
            continue
        exits = {line: BranchCount(n, 0) for line, n in shape.exits.items()} if branches else {}
        files[path] = FileCoverage(path, shape.statements, frozenset(), exits)
    return frozenset(unmeasured)


def _fresh_join(path: str, measured: MeasuredFile, project: ProjectFiles) -> FileCoverage | None:
    """The file's coverage; None when the data is older than it or names lines it lacks."""
    if path in project.newer or _beyond_end(measured, project.line_counts.get(path, 0)):
        return None
    return _join_file(path, measured, project.shape)


def _foreign(raw: RawCoverage, outside: list[str]) -> str:
    return (
        f"{raw.source}: none of its {len(raw.files)} files is in this project "
        f"(e.g. {', '.join(sorted(outside)[:_SAMPLE])}): is it another project's data? "
        "Map the paths with coverage.py's [paths] setting, or run the tests here"
    )


def _top(path: str) -> str:
    """The top folder of a project path, ``""`` for a file at the root."""
    return path.split("/", 1)[0] if "/" in path else ""


def _join_file(
    path: str, measured: MeasuredFile, shape_of: Callable[[str], CodeShape | None]
) -> FileCoverage | None:
    if measured.statements is not None:
        executed = measured.executed & measured.statements
        return FileCoverage(path, measured.statements, executed, measured.branches or {})
    shape = shape_of(path)
    if shape is None:
        return None
    first = shape.first_line
    executed = frozenset(first.get(line, line) for line in measured.executed) & shape.statements
    branches: Mapping[int, BranchCount] = {}
    if measured.arcs is not None:
        branches = _branches(shape, measured.arcs)
    return FileCoverage(path, shape.statements, executed, branches)


def _branches(shape: CodeShape, arcs: Iterable[tuple[int, int]]) -> dict[int, BranchCount]:
    """The taken exits of each branching line: the distinct lines the arcs from it reach."""
    first = shape.first_line
    exits = shape.exits
    reached: dict[int, set[int]] = {line: set() for line in exits}
    # the raw lines an arc from a branching line may start at: it, or a later line of it
    starts = {line: line for line in exits}
    starts.update((line, head) for line, head in first.items() if head in exits)
    for start, end in arcs:
        head = starts.get(start)
        if head is not None:
            target = _exit(shape, head, end)
            if target is not None:
                reached[head].add(target)
    always = shape.always_taken
    return {
        line: BranchCount(total, total if line in always else min(total, len(reached[line])))
        for line, total in exits.items()
    }


def _exit(shape: CodeShape, head: int, end: int) -> int | None:
    """Where an arc from branching line ``head`` goes, as coverage.py counts it: None for a
    move within the line's statement, and for ``(line, -line)``, the exit of a generator
    expression or lambda on the line (a one-line definition's own exit counts)."""
    first = shape.first_line
    end = first.get(end, end) if end > 0 else -first.get(-end, -end)
    if end == head or (end == -head and head not in shape.own_exits):
        return None
    return end


def _beyond_end(measured: MeasuredFile, last_line: int) -> bool:
    """Whether the data names a line the file does not have (it was written for another
    version of it)."""
    lines = measured.executed | (measured.statements or frozenset())
    return bool(lines) and max(lines) > last_line


def _notes(source: str, outside: list[str], stale: list[str]) -> tuple[str, ...]:
    notes = []
    if outside:
        sample = ", ".join(sorted(outside)[:_SAMPLE]) + (", ..." if len(outside) > _SAMPLE else "")
        notes.append(
            f"coverage: {len(outside)} file(s) in {source} are not among the scanned files "
            f"and are ignored ({sample})"
        )
    if stale:
        sample = ", ".join(stale[:_SAMPLE]) + (", ..." if len(stale) > _SAMPLE else "")
        notes.append(
            f"coverage: {source} is older than {len(stale)} file(s) it covers or does not "
            f"match them ({sample}); their coverage is unknown: run the tests again"
        )
    return tuple(notes)
