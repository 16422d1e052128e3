"""Findings that moved with their code from one touched file to another. Pure.

A function moved to a new module carries its findings along: at the base they are in the
old file, at the head in the new one, so each file alone sees one fixed and one new finding
(pytest 58d8b55beb moved its comparison helpers out of its assertion utilities into
modules of their own, and the gate failed on their old complexity). A new finding with the
rule, function and message of one gone from another touched file is neither new nor fixed:
the two are one finding, kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from codehealth.core import Finding
from codehealth.gate.signal import Matched

_Key = tuple[str, str, str]


def moved_between_files(matched: Mapping[str, Matched]) -> dict[str, Matched]:
    """Each touched file's matched findings, those that moved between files paired."""
    gone: dict[_Key, list[tuple[str, Finding]]] = defaultdict(list)
    for path, found in matched.items():
        for finding in found.fixed:
            gone[_key(finding)].append((path, finding))
    if not gone:
        return dict(matched)
    paired = {path: _paired(path, found.new, gone) for path, found in matched.items()}
    taken = {id(finding) for pairs in paired.values() for pair in pairs for finding in pair}
    return {path: _without(found, paired[path], taken) for path, found in matched.items()}


def _without(found: Matched, pairs: list[tuple[Finding, Finding]], taken: set[int]) -> Matched:
    """One file's findings with the moved ones kept instead of new or fixed."""
    return Matched(
        tuple(f for f in found.new if id(f) not in taken),
        tuple(f for f in found.fixed if id(f) not in taken),
        (*found.kept, *pairs),
    )


def _paired(
    path: str, new: tuple[Finding, ...], gone: dict[_Key, list[tuple[str, Finding]]]
) -> list[tuple[Finding, Finding]]:
    """(finding gone elsewhere, new finding here) of each new finding that moved."""
    pairs = []
    for finding in new:
        source = _elsewhere(gone.get(_key(finding), []), path)
        if source is not None:
            pairs.append((source, finding))
    return pairs


def _key(finding: Finding) -> _Key:
    return finding.rule, finding.symbol, finding.message


def _elsewhere(candidates: list[tuple[str, Finding]], path: str) -> Finding | None:
    """Take the first finding gone from another file than ``path``."""
    for index, (where, finding) in enumerate(candidates):
        if where != path:
            del candidates[index]
            return finding
    return None
