"""Knowledge at risk (``hotspots --offboard NAME``): the files and modules that lose their
main author when some people leave, hottest first, with who else knows them.

Pure: the file histories (bots already left out by ``select_commits``), the ranked files, the
line counts and the modules in; ranked rows out. The main author of a file is its ownership's
(most added lines over all of history, commits when no lines were added)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from codehealth.core import ConfigError
from codehealth.history import FileHistory, is_bot, ranked_authors
from codehealth.hotspots.ranking import HotFile

_EXPERTS = 3  # as many as the ownership table names


@dataclass(frozen=True, slots=True)
class Leaver:
    given: str  # as typed after --offboard
    names: tuple[str, ...]  # the author names (after .mailmap) it matched


@dataclass(frozen=True, slots=True)
class Expert:
    name: str
    share: float  # of the file's added lines (of its commits when none were added)


@dataclass(frozen=True, slots=True)
class AtRiskFile:
    path: str
    rank: int  # place in the hotspot ranking (1 = hottest); 0: not changed in the window
    score: float
    hotspot: bool
    main_developer: str  # the leaver who is its main author
    share: float  # the leavers' part of the added lines (of the commits when none)
    lines: int  # source lines today
    experts: tuple[Expert, ...]  # who else knows it, best first; empty: no one else


@dataclass(frozen=True, slots=True)
class AtRiskModule:
    module: str
    share: float  # of the module's source lines, those in files whose main author leaves
    files: int  # files whose main author leaves
    lines: int
    total_files: int  # the module's files with a history
    total_lines: int


@dataclass(frozen=True, slots=True)
class Offboarding:
    window: str
    leavers: tuple[Leaver, ...]
    files: tuple[AtRiskFile, ...]  # hottest first
    modules: tuple[AtRiskModule, ...]  # largest share first
    total_files: int  # today's files with a history
    notes: tuple[str, ...] = ()


def match_leavers(
    given: Sequence[str], emails: Mapping[str, Collection[str]], bots: Sequence[str]
) -> tuple[Leaver, ...]:
    """Each NAME matched, case-insensitively, against the author names and e-mails
    (``emails``: name -> its e-mails, bots left out). A NAME matching no one is a
    ConfigError (exit 2) naming the close author names, or saying it is a bot."""
    leavers = []
    for name in given:
        wanted = name.strip().casefold()
        names = tuple(
            sorted(
                author
                for author, mails in emails.items()
                if wanted == author.casefold() or wanted in {m.casefold() for m in mails}
            )
        )
        if not names:
            raise ConfigError(_unknown(name, emails, bots))
        leavers.append(Leaver(name, names))
    return tuple(leavers)


def _unknown(name: str, emails: Mapping[str, Collection[str]], bots: Sequence[str]) -> str:
    if is_bot(name, name, bots):
        return (
            f"--offboard {name!r} is a bot ([tool.codehealth.history] bots): bots are never "
            "leavers nor experts"
        )
    known = {author.casefold(): author for author in emails}
    for author, mails in emails.items():
        known.update((mail.casefold(), author) for mail in mails)
    wanted = name.strip().casefold()
    close = [key for key in known if wanted and wanted in key]  # "ann" -> "Ann Example"
    close += difflib.get_close_matches(wanted, list(known), n=5, cutoff=0.6)
    hint = ", ".join(sorted(dict.fromkeys(known[key] for key in close))[:5])
    return f"--offboard {name!r} matches no author name or e-mail in the history" + (
        f"; close: {hint}" if hint else "; `git shortlog -sne` lists them"
    )


def at_risk_files(
    histories: Iterable[FileHistory],
    leaving: Collection[str],
    ranked: Sequence[HotFile],
    lines: Mapping[str, int],
) -> list[AtRiskFile]:
    """The files of ``lines`` (today's) whose main author is in ``leaving``, by hotspot
    score (``ranked``: hottest first), then size."""
    places = {row.path: (index, row) for index, row in enumerate(ranked, 1)}
    rows = []
    for facts in histories:
        if facts.path in lines:  # else deleted since: nothing left to lose
            row = _at_risk(facts, leaving, places.get(facts.path, (0, None)), lines[facts.path])
            if row is not None:
                rows.append(row)
    # hottest first; the files not changed in the window after the ranked ones, largest first
    rows.sort(key=lambda row: (-row.score, row.rank == 0, row.rank, -row.lines, row.path))
    return rows


def _at_risk(
    facts: FileHistory, leaving: Collection[str], place: tuple[int, HotFile | None], lines: int
) -> AtRiskFile | None:
    """The file's row when its main author is in ``leaving``."""
    authors, total = ranked_authors(facts)
    if not authors or total <= 0 or authors[0][0] not in leaving:
        return None
    rank, hot = place
    return AtRiskFile(
        path=facts.path,
        rank=rank,
        score=hot.score if hot else 0.0,
        hotspot=bool(hot and hot.hotspot),
        main_developer=authors[0][0],
        share=sum(weight for name, weight in authors if name in leaving) / total,
        lines=lines,
        experts=tuple(
            Expert(name, weight / total) for name, weight in authors if name not in leaving
        )[:_EXPERTS],
    )


def at_risk_modules(
    files: Sequence[AtRiskFile], lines: Mapping[str, int], modules: Mapping[str, str]
) -> list[AtRiskModule]:
    """Per module (``modules``: file -> module, over the files with a history), the share
    of its source lines in ``files``; the modules that lose nothing are left out."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path, module in modules.items():
        totals[module][0] += 1
        totals[module][1] += lines.get(path, 0)
    lost: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in files:
        if row.path in modules:
            lost[modules[row.path]][0] += 1
            lost[modules[row.path]][1] += row.lines
    result = [
        AtRiskModule(
            module,
            _ratio(count_lines[1], totals[module][1], count_lines[0], totals[module][0]),
            count_lines[0],
            count_lines[1],
            totals[module][0],
            totals[module][1],
        )
        for module, count_lines in lost.items()
    ]
    result.sort(key=lambda row: (-row.share, -row.lines, row.module))
    return result


def _ratio(part: int, whole: int, files: int, all_files: int) -> float:
    """Lines lost over lines; by files when the module has no source lines (empty files)."""
    if whole > 0:
        return part / whole
    return files / all_files if all_files else 0.0
