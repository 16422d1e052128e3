"""The metric history of a clone with blobs git cannot read: the main line read without
rename detection (which reads blobs), and the blobs that could not be measured."""

from __future__ import annotations

from codehealth.adapters.git import (
    BlobReader,
    GitError,
    revisions_without_renames,
    stream_revisions,
)
from codehealth.core import NotAnalysed, Revision, Unreadable
from codehealth.history.damage import unreadable_notes
from codehealth.metrics import analyze_source


def revisions_read(root: str, revisions: str) -> list[Revision]:
    """The main line from ``revisions``; without rename detection when it cannot read a blob
    (the totals are the same: a rename is a deletion and an addition)."""
    try:
        return list(stream_revisions(root, revisions))
    except GitError:
        return revisions_without_renames(root, revisions)


def unreadable_blobs(
    revisions: list[Revision], fresh: dict[str, dict[str, float]], start: tuple[str, dict[str, str]]
) -> list[Unreadable]:
    """The blobs just measured that git could not read, each with the first commit that
    brought it (or the ``--limit`` start, whose tree is measured whole)."""
    missing = {blob for blob, facts in fresh.items() if facts.get("unreadable")}
    found: dict[str, Unreadable] = {}
    base, tree = start
    for path, blob in tree.items():
        if blob in missing:
            found.setdefault(blob, Unreadable(blob, base, path))
    for revision in revisions:
        for change in revision.changes:
            if change.blob in missing:
                found.setdefault(change.blob, Unreadable(change.blob, revision.sha, change.path))
    return list(found.values())


def without_unreadable(
    revisions: list[Revision], fresh: dict[str, dict[str, float]], start: tuple[str, dict[str, str]]
) -> tuple[dict[str, dict[str, float]], list[str]]:
    """The facts to keep in the store (not those of a blob git could not read: fetched
    again, a new run measures it) and a note per file naming the blob, commit and fix."""
    unreadable = unreadable_blobs(revisions, fresh, start)
    gone = {item.blob for item in unreadable}
    notes = unreadable_notes(
        unreadable, "the trend counts that version as a file not analysed (no measures)"
    )
    return {blob: facts for blob, facts in fresh.items() if blob not in gone}, notes


def not_analysed_notes(
    root: str, tree: dict[str, str], known: dict[str, dict[str, float]]
) -> list[str]:
    """A note naming each file of HEAD's tree that was not analysed, with the reason (the
    store keeps only the count: the few such blobs are read and parsed again)."""
    bad = {
        blob: path for path, blob in sorted(tree.items()) if known.get(blob, {}).get("not_analysed")
    }
    if not bad:
        return []
    reasons: dict[str, str] = {}
    with BlobReader(root) as reader:
        for blob, content in reader.read_many(list(bad)):
            measured = analyze_source(content, bad[blob]) if content is not None else None
            reasons[blob] = (
                measured.reason if isinstance(measured, NotAnalysed) else "cannot be read from git"
            )
    return [
        f"not analysed: {path}: {reasons.get(blob, 'cannot be read from git')}"
        for path, blob in sorted(tree.items())
        if blob in bad
    ]
