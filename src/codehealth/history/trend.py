"""The metric history: totals of the tree at each commit, kept up to date blob by blob.

A commit changes a few files; the totals move by (new blob - old blob) for each, so a commit
costs what it changed, never the size of the tree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from codehealth.core import BlobChange

# The measures summed over the tree (a blob's facts hold the same keys, plus findings.*).
MEASURES = ("files", "functions", "lines", "cyclomatic", "cognitive", "debt_minutes", "findings")

BlobFacts = Mapping[str, float]  # measure -> value, for one blob


def module_of(path: str, depth: int = 1) -> str:
    """``src/shop/billing/fees.py`` -> ``shop`` (depth 1) or ``shop.billing`` (depth 2);
    a file at the top -> ``.``."""
    parts = path.split("/")[:-1]
    if parts and parts[0] == "src":
        parts = parts[1:]
    return ".".join(parts[:depth]) if parts else "."


@dataclass(frozen=True, slots=True)
class CommitTotals:
    """The totals of the tree after one commit."""

    sha: str
    author: str
    timestamp: int
    totals: dict[str, float]
    modules: dict[str, dict[str, float]]


class TreeTotals:
    """The tree's Python files (path -> blob) and their summed facts."""

    def __init__(
        self,
        tree: Mapping[str, str] | None = None,
        facts: Mapping[str, BlobFacts] | None = None,
        module_depth: int = 1,
    ) -> None:
        self.tree: dict[str, str] = dict(tree or {})
        self.depth = module_depth
        self.totals: dict[str, float] = defaultdict(float)
        self.modules: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for path, blob in self.tree.items():
            self._add(path, (facts or {}).get(blob), 1)

    def pending(self, changes: Iterable[BlobChange], keep: Callable[[str], bool]) -> set[str]:
        """The blobs a commit brings that are kept (to be measured, unless known)."""
        return {c.blob for c in changes if c.blob and keep(c.path)}

    def apply(
        self,
        changes: Iterable[BlobChange],
        facts: Mapping[str, BlobFacts],
        keep: Callable[[str], bool],
    ) -> None:
        for change in changes:
            if change.status == "R" and change.old_path in self.tree:
                self._remove(change.old_path, facts)
            if change.path in self.tree:
                self._remove(change.path, facts)
            if change.blob and keep(change.path):
                self.tree[change.path] = change.blob
                self._add(change.path, facts.get(change.blob), 1)

    def touched(
        self, changes: Iterable[BlobChange], keep: Callable[[str], bool]
    ) -> tuple[str, ...]:
        """The modules a commit changed (where its paths were, and are)."""
        paths = {c.path for c in changes} | {c.old_path for c in changes if c.old_path}
        return tuple(sorted({module_of(path, self.depth) for path in paths if keep(path)}))

    def snapshot(self, sha: str, author: str, timestamp: int) -> CommitTotals:
        return CommitTotals(
            sha,
            author,
            timestamp,
            {key: round(value, 2) for key, value in self.totals.items()},
            {
                name: {key: round(value, 2) for key, value in values.items()}
                for name, values in self.modules.items()
                if values.get("files")
            },
        )

    def _remove(self, path: str, facts: Mapping[str, BlobFacts]) -> None:
        blob = self.tree.pop(path)
        self._add(path, facts.get(blob), -1)

    def _add(self, path: str, blob_facts: BlobFacts | None, sign: int) -> None:
        module = self.modules[module_of(path, self.depth)]
        self.totals["files"] += sign
        module["files"] += sign
        for key, value in (blob_facts or {}).items():
            self.totals[key] += sign * value
            module[key] += sign * value


@dataclass(frozen=True, slots=True)
class HistoryRun:
    """What ``codehealth history`` recorded and everything the store holds."""

    snapshots: tuple[CommitTotals, ...]  # oldest first
    new_commits: int
    analysed_blobs: int  # measured in this run
    reused_blobs: int  # known from earlier runs (never measured twice)
    truncated: int  # >0: a shallow clone, the history starts after this many commits
    notes: tuple[str, ...]
