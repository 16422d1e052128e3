"""Which commits and files the history analyses look at: bots and non-source files out."""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterable, Sequence

from codehealth.core import Commit, skipped_folder


class PathFilter:
    """``include`` and ``exclude`` globs. A pattern without ``/`` matches the file name or any
    folder name on the path (``build``, ``CHANGELOG*``); one with ``/`` the whole path or a
    folder holding it (``tests/resources``), as the scan's discovery reads ``exclude``.

    ``hidden``, ``vendored``: files in hidden (``.github/``) and vendored (``vendor/``)
    folders are left out too, as the scan leaves them out; ``left_out`` collects those
    folders with the reason."""

    def __init__(
        self,
        include: Sequence[str],
        exclude: Sequence[str],
        *,
        hidden: bool = False,
        vendored: bool = False,
    ) -> None:
        self._include = _Globs(include)
        self._exclude = _Globs(exclude)
        self._folders = (hidden, vendored)
        self._memo: dict[str, bool] = {}
        self.left_out: dict[str, str] = {}

    def __call__(self, path: str) -> bool:
        kept = self._memo.get(path)
        if kept is None:
            kept = self._include.match(path) and not self._exclude.match(path)
            kept = kept and not self._in_left_out_folder(path)
            self._memo[path] = kept
        return kept

    def _in_left_out_folder(self, path: str) -> bool:
        found = skipped_folder(path, *self._folders)
        if found is not None:
            self.left_out.setdefault(*found)
        return found is not None


class _Globs:
    """Globs compiled into two regular expressions (``fnmatch.fnmatchcase`` semantics, one
    match per path part instead of one per part and pattern: a first commit of a large
    project holds thousands of paths, and the default excludes are dozens of patterns)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        whole = [p.rstrip("/") for p in patterns if "/" in p]
        self._whole = _any_of([*whole, *(p + "/*" for p in whole)])
        self._part = _any_of([p for p in patterns if "/" not in p])

    def match(self, path: str) -> bool:
        if self._whole is not None and self._whole.match(path):
            return True
        part = self._part
        return part is not None and any(part.match(name) for name in path.split("/"))


def _any_of(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def is_bot(author: str, email: str, patterns: Sequence[str]) -> bool:
    """Whether the name or the e-mail matches a pattern: ``*`` and ``?`` are wildcards and
    everything else is literal (``*[bot]*`` means the text "[bot]", not a character set)."""
    name, mail = author.lower(), email.lower()
    return any(
        _literal_glob(pattern).fullmatch(name) or _literal_glob(pattern).fullmatch(mail)
        for pattern in patterns
    )


@functools.lru_cache(maxsize=256)
def _literal_glob(pattern: str) -> re.Pattern[str]:
    parts = (".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern.lower())
    return re.compile("".join(parts), re.DOTALL)


def select_commits(
    commits: Iterable[Commit], keep_path: PathFilter, bots: Sequence[str]
) -> list[Commit]:
    """Commits by people, holding only the files kept; commits left empty are dropped.

    Run it after ``follow_renames``: a file is kept or not by the name it has today.
    """
    selected: list[Commit] = []
    bot_memo: dict[tuple[str, str], bool] = {}
    for commit in commits:
        who = (commit.author, commit.email)
        bot = bot_memo.get(who)
        if bot is None:
            bot = bot_memo[who] = is_bot(commit.author, commit.email, bots)
        if bot:
            continue
        changes = tuple(change for change in commit.changes if keep_path(change.path))
        if changes:
            selected.append(commit._replace(changes=changes))
    return selected
