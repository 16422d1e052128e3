"""The review guidance of the gate: the history is read in a thread started before the
snapshots (a warm run reads the cached log while the gate measures), the change's facts are
taken from the verdict once it is known."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from codehealth.core import ChangedFile, Finding, Settings, is_test_path
from codehealth.gate.functions import keyed, new_over_limits, regressions
from codehealth.gate.report import API_CHANGE, LARGE_CHANGE, GateReport
from codehealth.gate.snapshot import FileState, Snapshot, touched_sides

if TYPE_CHECKING:
    from codehealth.review import ChangeFacts, FunctionRise


class ReviewLater:
    """The guidance of the change from ``base`` (a commit): ``start()`` reads the history
    in a thread, ``add_to`` waits for it and puts the guidance in the report."""

    def __init__(self, root: str, base: str, settings: Settings, *, staged: bool, cache: bool):
        self._args = (root, base, settings)
        self._options = {"staged": staged, "use_cache": cache}
        self._read: tuple[Any, list[str]] = (None, [])
        self._thread = threading.Thread(target=self._history, daemon=True)

    def start(self) -> ReviewLater:
        self._thread.start()
        return self

    def _history(self) -> None:
        from codehealth.review import review_history

        root, base, settings = self._args
        try:
            self._read = review_history(root, base, settings, **self._options)
        except Exception as error:  # never block the gate on its guidance  # noqa: BLE001
            self._read = (None, [f"review guidance without history: {error}"])

    def add_to(self, report: GateReport, change: TouchedChange) -> GateReport:
        from codehealth.review import guidance_of

        self._thread.join()
        root, _, settings = self._args
        facts = change_facts(report, change, settings)
        history, notes = self._read
        try:
            guidance = guidance_of(root, facts, history, notes, settings)
        except Exception as error:  # the history's parts must never block the gate  # noqa: BLE001
            note = f"review guidance without history: {error}"
            guidance = guidance_of(root, facts, None, [*notes, note], settings)
        return replace(report, review=guidance)


@dataclass(frozen=True, slots=True)
class TouchedChange:
    """The change as the gate read it: every changed file, the snapshots of both sides and
    the touched files' contents (keyed by their head-side path)."""

    changes: Sequence[ChangedFile]
    sides: tuple[Snapshot, Snapshot]
    before: Mapping[str, bytes | None]
    after: Mapping[str, bytes | None]
    lines: Mapping[str, int]  # each file's changed lines, by head-side path


def change_facts(report: GateReport, touched: TouchedChange, settings: Settings) -> ChangeFacts:
    """What the verdict knows of the change, as the review guidance reads it."""
    from codehealth.review import ChangeFacts

    changes = list(touched.changes)
    states = touched_sides(*touched.sides, changes)
    functions, rises, complexity, new_complex = [], [], [], []
    for change in changes:
        key = change.path or change.old_path
        old, new = states[key]
        edited = tuple(_edited(old, new, touched.before.get(key), touched.after.get(change.path)))
        functions.append((key, edited))
        rises += _rises(key, old, new, settings)
        new_complex += _new_complex(key, old, new, settings)
        complexity.append((key, _cognitive(new)))
    api, dependencies, size = _problem_facts(report)
    return ChangeFacts(
        tuple(changes),
        tuple((key, names) for key, names in functions if names),
        tuple(rises),
        api=api,
        dependencies=dependencies,
        size=size,
        complexity=tuple(complexity),
        lines=tuple(
            (c.path or c.old_path, touched.lines.get(c.path or c.old_path, 0)) for c in changes
        ),
        new_complex=tuple(new_complex),
    )


def _cognitive(state: FileState) -> int:
    return sum(fn.cognitive for fn in state.functions if not fn.is_nested)


def _problem_facts(report: GateReport) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The texts of the API changes (CH505), the new boundary findings (CH3xx, contracts,
    cycles) and the large change (CH506)."""
    api = tuple(p.finding.message for p in report.problems if p.finding.rule == API_CHANGE)
    dependencies = tuple(_placed(p.finding) for p in report.problems if p.kind == "boundaries")
    size = [p.finding.message for p in report.problems if p.finding.rule == LARGE_CHANGE]
    return api, dependencies, size[0] if size else ""


def _placed(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line} " if finding.path and finding.line else ""
    return where + finding.message


def _rises(path: str, old: FileState, new: FileState, settings: Settings) -> list[FunctionRise]:
    """The complexity rises of a production file's functions, as the gate reads a rise
    (CH501: above the threshold, or by more than complexity_step under it); tests' rises
    raise no review level."""
    from codehealth.review import FunctionRise

    if is_test_path(path, settings.tests):
        return []
    limits, step = settings.thresholds, settings.gate.complexity_step
    return [
        FunctionRise(path, fn.qualname, words, was, now)
        for fn, _, words, was, now, _ in regressions(old.functions, new.functions, limits, step)
    ]


def _new_complex(path: str, old: FileState, new: FileState, settings: Settings) -> list[str]:
    """Each new production function above a threshold (a new finding the gate fails on)."""
    if is_test_path(path, settings.tests):
        return []
    return [
        f"{path}: {words}"
        for words in new_over_limits(old.functions, new.functions, settings.thresholds)
    ]


def _edited(
    old: FileState, new: FileState, before: bytes | None, after: bytes | None
) -> Iterator[str]:
    """The top-level functions and methods of the head whose text differs from the base's
    (or that are new), by qualified name."""
    old_lines = (before or b"").splitlines()
    new_lines = (after or b"").splitlines()
    was = keyed(old.functions)
    for key, fn in keyed(new.functions).items():
        if fn.is_nested:
            continue
        previous = was.get(key)
        text = new_lines[fn.lineno - 1 : fn.end_lineno]
        if previous is None or old_lines[previous.lineno - 1 : previous.end_lineno] != text:
            yield fn.qualname
