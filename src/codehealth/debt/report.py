"""Aggregation (SQALE): debt per file, per module and for the project; ratio and rating."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from codehealth.core import SEVERITIES, Duplication, Finding, NotAnalysed
from codehealth.debt.covered import DebtCoverage

# Upper bounds of the debt ratio for each rating (SQALE); above the last: E.
RATINGS = (("A", 0.05), ("B", 0.10), ("C", 0.20), ("D", 0.50))


def rating(ratio: float) -> str:
    return next((letter for letter, bound in RATINGS if ratio <= bound), "E")


@dataclass(frozen=True, slots=True)
class Debt:
    """The debt of a file, a module or the project."""

    name: str
    minutes: float
    source_lines: int
    findings: int
    ratio: float
    rating: str
    by_family: tuple[tuple[str, float], ...]  # family -> minutes, largest first

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(frozen=True, slots=True)
class Target:
    """One place to fix: the findings of one symbol (or one file's top level) together."""

    path: str
    symbol: str
    line: int
    minutes: float
    severity: str
    rules: tuple[str, ...]
    fix: str


@dataclass(frozen=True, slots=True)
class ModuleDebt:
    debt: Debt
    top_files: tuple[Debt, ...]
    fix_first: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class DebtReport:
    project: Debt
    modules: tuple[ModuleDebt, ...]  # most debt first
    files: tuple[Debt, ...]  # most debt first
    findings: tuple[Finding, ...]  # by path and line
    fix_first: tuple[Target, ...]
    minutes_per_line: float
    incomplete: tuple[str, ...]  # why some findings are missing (a linter failed)
    notes: tuple[str, ...]
    not_analysed: tuple[NotAnalysed, ...] = ()  # files whose findings are unknown today
    targets: tuple[Target, ...] = ()  # every group, fix-first order (fix_first of findings)
    # the tests' complexity and length findings apart (none when in_debt: ``tests_counted``)
    test_debt: Debt | None = None
    test_findings: tuple[Finding, ...] = ()
    test_targets: tuple[Target, ...] = ()
    tests_counted: bool = False
    duplication: Duplication = field(default_factory=Duplication)  # its CH701 are findings
    total_lines: int = 0  # of the measured files: the denominator of the duplication density
    coverage: DebtCoverage | None = None  # per module and in total, with coverage data


def family_of(rule: str, families: Mapping[str, str]) -> str:
    if ":" in rule:
        return "lint"
    return families.get(rule, "other")


@dataclass(frozen=True, slots=True)
class Basis:
    """What the findings are weighed against: every measured file's source lines, the
    module of each file, the family of each rule id, and the development cost of a line."""

    source_lines: Mapping[str, int]
    modules: Mapping[str, str]
    families: Mapping[str, str]
    minutes_per_line: float = 30.0


@dataclass(frozen=True, slots=True)
class Remarks:
    """What the report says about itself: why findings are missing (a linter failed), the
    notes, the files whose findings are unknown today."""

    incomplete: Sequence[str] = ()
    notes: Sequence[str] = ()
    not_analysed: Sequence[NotAnalysed] = ()


@dataclass(frozen=True, slots=True)
class DebtOfTests:
    """The tests' complexity and length findings (apart from production's), the tests' source
    lines they are rated against; ``counted``: ``[tool.codehealth.tests] in_debt`` is true."""

    findings: Sequence[Finding] = ()
    lines: int = 0
    counted: bool = False


def build_report(
    findings: Sequence[Finding],
    basis: Basis,
    *,
    top: int = 3,
    remarks: Remarks = Remarks(),
    tests: DebtOfTests = DebtOfTests(),
) -> DebtReport:
    """The debt of ``findings`` per file, per module (its ``top`` files and targets) and for
    the project; the test debt from ``tests`` apart."""
    tallies = _file_tallies(findings, basis)
    files = {
        path: tally.debt(path, basis.source_lines.get(path, 0), basis.minutes_per_line)
        for path, tally in tallies.items()
    }
    # Grouped from the findings in the report's order, so that ``targets`` is exactly
    # ``fix_first(report.findings, 0)`` (hotspots and plan reuse it instead of grouping again).
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))
    targets = fix_first(ordered, 0)
    tested = sorted(tests.findings, key=lambda f: (f.path, f.line, f.column, f.rule))
    test_debt = _tally(tested, basis.families).debt("(tests)", tests.lines, basis.minutes_per_line)
    return DebtReport(
        project=_sum("(project)", list(tallies.values()), list(tallies), basis),
        modules=tuple(_module_rows(tallies, files, targets, basis, top)),
        files=tuple(sorted(files.values(), key=_worst)),
        findings=tuple(ordered),
        fix_first=tuple(targets[:10]),
        minutes_per_line=basis.minutes_per_line,
        incomplete=tuple(remarks.incomplete),
        notes=tuple(remarks.notes),
        not_analysed=tuple(remarks.not_analysed),
        targets=tuple(targets),
        test_debt=test_debt,
        test_findings=tuple(tested),
        test_targets=tuple(fix_first(tested, 0)),
        tests_counted=tests.counted,
    )


def _file_tallies(findings: Sequence[Finding], basis: Basis) -> dict[str, _Tally]:
    """Minutes, count and minutes per family of every measured file, in one pass."""
    tallies: dict[str, _Tally] = {path: _Tally() for path in basis.source_lines}
    for finding in findings:
        tally = tallies.get(finding.path)
        if tally is None:
            tally = tallies[finding.path] = _Tally()
        tally.add(finding, family_of(finding.rule, basis.families))
    return tallies


def _module_rows(
    tallies: dict[str, _Tally],
    files: dict[str, Debt],
    targets: list[Target],
    basis: Basis,
    top: int,
) -> list[ModuleDebt]:
    """Each module's debt, its ``top`` costliest files and first targets; most debt first."""
    members: dict[str, list[str]] = defaultdict(list)
    for path in tallies:
        members[basis.modules.get(path, ".")].append(path)
    targets_by_module: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        chosen = targets_by_module[basis.modules.get(target.path, ".")]
        if len(chosen) < top:
            chosen.append(target)
    rows = []
    for name, paths in members.items():
        ranked = sorted((files[p] for p in paths if files[p].minutes), key=_worst)
        rows.append(
            ModuleDebt(
                _sum(name, [tallies[p] for p in paths], paths, basis),
                tuple(ranked[:top]),
                tuple(targets_by_module.get(name, ())),
            )
        )
    rows.sort(key=lambda m: _worst(m.debt))
    return rows


def _tally(findings: Sequence[Finding], families: Mapping[str, str]) -> _Tally:
    tally = _Tally()
    for finding in findings:
        tally.add(finding, family_of(finding.rule, families))
    return tally


class _Tally:
    """Running sums of one file's findings."""

    __slots__ = ("count", "families", "minutes")

    def __init__(self) -> None:
        self.minutes = 0.0
        self.count = 0
        self.families: dict[str, float] = defaultdict(float)

    def add(self, finding: Finding, family: str) -> None:
        self.minutes += finding.remediation_minutes
        self.count += 1
        self.families[family] += finding.remediation_minutes

    def debt(self, name: str, lines: int, minutes_per_line: float) -> Debt:
        return _debt(name, self.minutes, self.count, self.families, lines, minutes_per_line)


def _sum(name: str, tallies: Sequence[_Tally], paths: Sequence[str], basis: Basis) -> Debt:
    families: dict[str, float] = defaultdict(float)
    for tally in tallies:
        for family, minutes in tally.families.items():
            families[family] += minutes
    return _debt(
        name,
        sum(t.minutes for t in tallies),
        sum(t.count for t in tallies),
        families,
        sum(basis.source_lines.get(p, 0) for p in paths),
        basis.minutes_per_line,
    )


def _worst(debt: Debt) -> tuple[float, str]:
    return (-debt.minutes, debt.name)


def _debt(
    name: str,
    minutes: float,
    count: int,
    families: Mapping[str, float],
    lines: int,
    minutes_per_line: float,
) -> Debt:
    ratio = debt_ratio(minutes, lines, minutes_per_line)
    return Debt(
        name,
        round(minutes, 2),
        lines,
        count,
        ratio,
        rating(ratio),
        tuple(sorted(families.items(), key=lambda item: (-item[1], item[0]))),
    )


def debt_ratio(minutes: float, lines: float, minutes_per_line: float) -> float:
    """Remediation against the cost of writing the code (1 when there is debt but no code)."""
    development = lines * minutes_per_line
    return minutes / development if development else (0.0 if not minutes else 1.0)


def fix_first(findings: Iterable[Finding], top: int) -> list[Target]:
    """What to fix first: findings grouped by symbol, the most severe and then the costliest
    groups first (a likely bug before a long function, a long function before style).
    ``top`` = 0 returns every group."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[(finding.path, finding.symbol)].append(finding)
    targets = []
    for (path, symbol), members in groups.items():
        costliest = max(members, key=lambda f: (f.remediation_minutes, -f.line))
        severity = SEVERITIES[max(_RANK.get(f.severity, 1) for f in members)]
        rules = sorted({f.rule for f in members})
        targets.append(
            Target(
                path,
                symbol,
                min(f.line for f in members),
                round(sum(f.remediation_minutes for f in members), 2),
                severity,
                tuple(rules),
                costliest.fix or costliest.message,
            )
        )
    targets.sort(key=lambda t: (_bucket(t.severity), -t.minutes, t.path, t.line))
    return targets[:top] if top else targets


def _bucket(severity: str) -> int:
    """0: critical and blocker, 1: major, 2: minor and info."""
    rank = _severity_rank(severity)
    return 0 if rank >= 3 else (1 if rank == 2 else 2)


_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def _severity_rank(severity: str) -> int:
    return _RANK.get(severity, 1)
