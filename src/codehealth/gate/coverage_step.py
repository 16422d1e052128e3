"""The gate's coverage step: the head's coverage data joined to the touched files, the lines
the change wrote, and (with the base's data) the touched functions' coverage at the base.

Its cost follows the change: one ``git diff -U0`` of the touched files, one listing of the
project's files (to map the data's paths among all of them), the touched files parsed once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from codehealth.adapters.git import changed_head_lines, listed_files
from codehealth.core import (
    ChangedFile,
    CoverageData,
    FunctionMetrics,
    LineRanges,
    Settings,
    is_test_path,
)
from codehealth.gate.changed_coverage import (
    ChangedCoverage,
    FileChangeCoverage,
    FunctionCoverage,
    fallen_functions,
    file_change_coverage,
    function_coverage_of,
)
from codehealth.gate.snapshot import Snapshot
from codehealth.metrics import CoverageScope, coverage_expected, load_coverage

Fallen = tuple[str, FunctionCoverage, FunctionCoverage]


@dataclass(frozen=True, slots=True)
class CoverageFiles:
    """``--coverage FILE`` (the head's data; else found as the scan finds it) and
    ``--base-coverage FILE`` (the base's; none: coverage cannot be compared)."""

    head: str | None = None
    base: str | None = None


@dataclass(frozen=True, slots=True)
class CoverageInputs:
    """What the step reads: the revisions compared (``where`` of each side), the touched
    files with their contents at both sides, and both sides' snapshots."""

    root: str
    sides: tuple[str, str]
    changes: Sequence[ChangedFile]
    contents: tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]]
    snapshots: tuple[Snapshot, Snapshot]


def change_coverage(
    inputs: CoverageInputs, settings: Settings, files: CoverageFiles, notes: list[str]
) -> tuple[ChangedCoverage | None, list[Fallen]]:
    """The coverage of the change (None without data for the head) and the touched
    functions whose coverage fell (only with the base's data)."""
    after = inputs.contents[1]
    sources = {
        c.path: content
        for c in inputs.changes
        if c.path and (content := after.get(c.path)) is not None
    }
    if not sources or not (files.head or coverage_expected(inputs.root, settings)):
        return None, []  # no data: listing the project's files would be for nothing
    known = _project_files(inputs.root, sources)
    data, found = load_coverage(
        inputs.root, settings, sources, files.head, CoverageScope(known=known)
    )
    notes.extend(found)
    if data is None:
        return None, []
    coverage = _measured(inputs, settings, data, sources)
    return coverage, _fallen(inputs, settings, files, known, coverage, notes)


def _measured(
    inputs: CoverageInputs, settings: Settings, data: CoverageData, sources: Mapping[str, bytes]
) -> ChangedCoverage:
    present = [c for c in inputs.changes if c.path in sources]
    paths = sorted({p for c in present for p in (c.path, c.old_path) if p})
    written = changed_head_lines(inputs.root, *inputs.sides, paths)
    measured: list[FileChangeCoverage] = []
    unmeasured: list[str] = []
    for change in present:
        if not _judged(change.path, data, settings):
            continue
        run = data.of(change.path)
        if run is None:  # stale: its figures would be wrong
            unmeasured.append(change.path)
            continue
        changed = _changed(change, written, sources[change.path])
        functions = _functions(inputs.snapshots[1], change.path)
        limit = settings.thresholds.cyclomatic
        measured.append(file_change_coverage(change.path, changed, run, functions, limit))
    return ChangedCoverage(tuple(measured), tuple(unmeasured))


def _functions(snapshot: Snapshot, path: str) -> tuple[FunctionMetrics, ...]:
    state = snapshot.files.get(path)
    return state.functions if state is not None else ()


def _judged(path: str, data: CoverageData, settings: Settings) -> bool:
    """Tests are not held to coverage (a run often measures only the code: coverage.py's
    ``source``), nor are files the run did not measure (``data.unmeasured``: a script, the
    docs' conf.py); a file of a measured package missing from the data never ran."""
    return not is_test_path(path, settings.tests) and path not in data.unmeasured


def _changed(change: ChangedFile, written: Mapping[str, LineRanges], source: bytes) -> LineRanges:
    """The lines the change wrote; an added file git does not track yet: all of them."""
    if change.path in written:
        return written[change.path]
    if change.status == "A":
        return ((1, max(1, source.count(b"\n") + 1)),)
    return ()


def _project_files(root: str, sources: Mapping[str, bytes]) -> frozenset[str]:
    listed = listed_files(root) or []
    return frozenset(p for p in listed if p.endswith((".py", ".pyi"))) | frozenset(sources)


def _fallen(
    inputs: CoverageInputs,
    settings: Settings,
    files: CoverageFiles,
    known: frozenset[str],
    coverage: ChangedCoverage,
    notes: list[str],
) -> list[Fallen]:
    """The touched functions less covered at head than at the base (the base's data joined
    to the base contents: a renamed file under its old name)."""
    olds = {c.path: c.old_path for c in inputs.changes if c.path and c.old_path}
    sources = _base_sources(inputs, coverage, olds)
    if files.base is None or not sources:
        return []
    data, found = load_coverage(
        inputs.root,
        settings,
        sources,
        files.base,
        CoverageScope(known=known | set(sources), check_times=False),
    )
    notes.extend(found)
    return [] if data is None else _fallen_in(data, coverage, olds, inputs.snapshots[0])


def _fallen_in(
    data: CoverageData, coverage: ChangedCoverage, olds: Mapping[str, str], base: Snapshot
) -> list[Fallen]:
    fallen: list[Fallen] = []
    for file in coverage.files:
        run = data.files.get(olds.get(file.path, ""))
        if run is not None:
            was = {fn.qualname: function_coverage_of(fn, run) for fn in _functions(base, file.path)}
            fallen += [(file.path, old, new) for old, new in fallen_functions(was, file.functions)]
    return fallen


def _base_sources(
    inputs: CoverageInputs, coverage: ChangedCoverage, olds: Mapping[str, str]
) -> dict[str, bytes]:
    """The measured touched files that existed at the base, under their base paths."""
    before = inputs.contents[0]
    return {
        olds[f.path]: content
        for f in coverage.files
        if f.path in olds and (content := before.get(f.path)) is not None
    }
