"""The changes not judged yet, walked oldest first: their diffs in one ``git log``, the
Python files they touched read through one ``git cat-file --batch``.

The module dependencies start from the tree before the oldest of them (every analysed Python
file read once) and follow each change, so that DEPENDENCY means an import between two
modules that no file made before; COMPLEXITY is a function's rise as the gate reads one
(``core.function_rises``). A blob git cannot read costs only the reasons that
needed it, with a note.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from codehealth.adapters.git import BlobReader, main_line_diffs, tree_blobs
from codehealth.core import (
    COMPLEXITY,
    FileDiff,
    FileMetrics,
    FunctionMetrics,
    MainLineStep,
    ReviewReason,
    Thresholds,
)
from codehealth.core.function_rises import new_over_limits, regressions
from codehealth.history import PathFilter
from codehealth.metrics import analyze_source
from codehealth.review.habit import (
    Dependencies,
    Modules,
    Source,
    api_reason,
    dependency_reasons,
    dotted_packages,
    module_reasons,
    read_source,
    same_imports,
)


@dataclass(frozen=True, slots=True)
class FileKinds:
    """``analysed``: the files the history looks at (HOTSPOT); ``production``: those whose
    API, imports and complexity count (test code's do not: a test importing a module is no
    design decision); ``limits`` and ``step``: a complexity rise as the gate reads one."""

    analysed: PathFilter
    production: Callable[[str], bool]
    limits: Thresholds = field(default_factory=Thresholds)
    step: int = 3


@dataclass(frozen=True, slots=True)
class Judged:
    """What one change touched and the reasons read from it (cached per commit): ``files``
    and ``lines`` as the gate counts them, ``paths`` the touched files the history analyses
    with their changed lines
    (for HOTSPOT), ``reasons`` API, DEPENDENCY and MODULE."""

    files: int
    lines: int
    paths: tuple[tuple[str, int], ...]
    reasons: tuple[ReviewReason, ...]
    api_packages: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def judge_changes(
    root: str, steps: Sequence[MainLineStep], files: FileKinds, depth: int
) -> dict[str, Judged]:
    """sha -> judgement of each of ``steps`` (newest first, as the main line lists them)."""
    if not steps:
        return {}
    oldest_first = list(reversed(steps))
    diffs, damaged = main_line_diffs(root, [step.sha for step in oldest_first])
    first = oldest_first[0]
    tree = {} if first.root else tree_blobs(root, f"{first.sha}^")
    found: dict[str, Judged] = {}
    with BlobReader(root) as reader:
        walk = _Walk(tree, files, depth, reader)
        for step in oldest_first:
            found[step.sha] = walk.judge(diffs.get(step.sha, ()), step.sha in damaged)
    return found


class _Walk:
    """The tree's paths and the module dependencies as of the change being judged."""

    def __init__(
        self, tree: dict[str, str], kinds: FileKinds, depth: int, reader: BlobReader
    ) -> None:
        self.paths = set(tree)
        self.kinds, self.depth, self.reader = kinds, depth, reader
        self.modules = Modules(dotted_packages(self.paths), depth)
        self.dependencies = Dependencies(self.modules)
        self._memo: dict[tuple[str, str, bool], Source] = {}
        self._measured: dict[str, tuple[FunctionMetrics, ...]] = {}
        python = sorted(path for path in tree if self._python(path))
        contents = dict(reader.read_many([tree[path] for path in python]))
        for path in python:
            content = contents.get(tree[path])
            if content is not None:
                self.dependencies.update(
                    path, self._source(tree[path], content, path, self.modules)
                )

    def _python(self, path: str) -> bool:
        kinds = self.kinds
        return path.endswith(".py") and kinds.analysed(path) and kinds.production(path)

    def _source(self, blob: str, content: bytes, path: str, modules: Modules) -> Source:
        """The file's source facts; a blob read again (the old side of a later change)
        under the same module name is not parsed again."""
        key = (blob, modules.dotted(path), posixpath.basename(path) == "__init__.py")
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = read_source(content, key[1], path)
        return found

    def judge(self, files: Sequence[FileDiff], damaged: bool) -> Judged:
        before = self.modules
        self._move(files)
        notes = ["a blob git cannot read: line counts unknown"] if damaged else []
        reasons: list[ReviewReason] = self._created(files)
        api: list[str] = []
        python = self._python_files(files)
        contents = self._contents(python)
        for file in python:
            old, new = contents.get(file.old_blob), contents.get(file.blob)
            if _unreadable(file, old, new):
                notes.append(f"{file.path}: a blob git cannot read; its API and imports unknown")
                continue
            reason = self._file_reasons(file, (old, new), before, reasons)
            if reason is not None:
                reasons.append(reason)
                api.append(self.modules.dotted(file.path))
        paths = tuple((f.path, _lines([f])) for f in files if self.kinds.analysed(f.path))
        sized = [
            f for f in files if f.path.endswith((".py", ".pyi")) and self.kinds.analysed(f.path)
        ]
        return Judged(len(sized), _lines(sized), paths, tuple(reasons), tuple(api), tuple(notes))

    def _created(self, files: Sequence[FileDiff]) -> list[ReviewReason]:
        """MODULE for each production package added (a test package is none)."""
        created = [f for f in files if self.kinds.production(f.path)]
        return module_reasons(created, self.modules.packages)

    def _python_files(self, files: Sequence[FileDiff]) -> list[FileDiff]:
        return [f for f in files if self._python(f.path) or self._python(f.old_path)]

    def _file_reasons(
        self,
        file: FileDiff,
        contents: tuple[bytes | None, bytes | None],
        before: Modules,
        reasons: list[ReviewReason],
    ) -> ReviewReason | None:
        """Adds the file's DEPENDENCY reasons to ``reasons``; its API reason, if any."""
        old = contents[0]
        old_source = (
            None if old is None else self._source(file.old_blob, old, file.old_path, before)
        )
        new_source = self._new_source(file, contents, old_source, before)
        reasons += dependency_reasons(self._depend(file, new_source))
        reasons += self._rises(file, contents)
        return self._api(file, old_source, new_source)

    def _rises(
        self, file: FileDiff, contents: tuple[bytes | None, bytes | None]
    ) -> list[ReviewReason]:
        """COMPLEXITY for each function of the file whose complexity rose as the gate reads
        a rise (above its threshold, or by more than the step under it), and for each new
        function above a threshold."""
        old, new = contents
        if old is None or new is None:
            return []
        before = self._functions(file.old_blob, old, file.old_path)
        after = self._functions(file.blob, new, file.path)
        kinds = self.kinds
        rises = [
            f"{fn.qualname} {words} rose {was} → {now}"
            for fn, _, words, was, now, _ in regressions(before, after, kinds.limits, kinds.step)
        ]
        rises += new_over_limits(before, after, kinds.limits)
        return [ReviewReason(COMPLEXITY, f"{file.path}: {words}") for words in rises]

    def _functions(self, blob: str, content: bytes, path: str) -> tuple[FunctionMetrics, ...]:
        """The functions of a blob, measured once per blob (the old side of a change is
        usually the new side of an earlier one)."""
        found = self._measured.get(blob)
        if found is None:
            metrics = analyze_source(content, path)
            found = metrics.functions if isinstance(metrics, FileMetrics) else ()
            self._measured[blob] = found
        return found

    def _new_source(
        self,
        file: FileDiff,
        contents: tuple[bytes | None, bytes | None],
        old_source: Source | None,
        before: Modules,
    ) -> Source | None:
        """The new side's facts: the old side's imports when the import lines and the
        module name stayed and no exports are asked for (most changes), else parsed."""
        old, new = contents
        if new is None:
            return None
        module = self.modules.dotted(file.path)
        kept = posixpath.basename(file.path) != "__init__.py"
        kept = kept and before.dotted(file.old_path) == module
        if kept and old is not None and old_source is not None and same_imports(old, new):
            self._memo[(file.blob, module, False)] = old_source
            return old_source
        return self._source(file.blob, new, file.path, self.modules)

    def _move(self, files: Sequence[FileDiff]) -> None:
        """The tree's paths after the change; the module names again when a package came
        or went."""
        for file in files:
            if file.status in ("D", "R"):
                self.paths.discard(file.old_path)
            if file.status != "D":
                self.paths.add(file.path)
        if any(posixpath.basename(f.path) == "__init__.py" and f.status != "M" for f in files):
            self.modules = Modules(dotted_packages(self.paths), self.depth)
            self.dependencies.modules = self.modules

    def _contents(self, files: Sequence[FileDiff]) -> dict[str, bytes | None]:
        blobs = sorted({blob for f in files for blob in (f.old_blob, f.blob) if blob})
        if len(blobs) <= 8:  # a thread per request costs more than it saves
            return {blob: self.reader.read(blob) for blob in blobs}
        return dict(self.reader.read_many(blobs))

    def _api(self, file: FileDiff, old: Source | None, new: Source | None) -> ReviewReason | None:
        if posixpath.basename(file.path) != "__init__.py" or old is None or new is None:
            return None  # a package created or removed: MODULE says so
        return api_reason(self.modules.dotted(file.path), old, new)

    def _depend(self, file: FileDiff, new: Source | None) -> list[tuple[str, str]]:
        if file.status == "R" and file.old_path != file.path:
            self.dependencies.update(file.old_path, None)
        return self.dependencies.update(file.path, new)


def _unreadable(file: FileDiff, old: bytes | None, new: bytes | None) -> bool:
    """Whether a side the file has could not be read."""
    return bool((file.old_blob and old is None) or (file.blob and new is None))


def _lines(files: Sequence[FileDiff]) -> int:
    """Lines added and deleted, as the gate counts them (of the Python files it judges; a
    binary file or an unreadable blob: 0)."""
    return sum(max(f.added, 0) + max(f.deleted, 0) for f in files)
