"""Aggregation (SQALE): debt per file, per module and for the project; ratio and rating."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from codehealth.model import SEVERITIES, Finding

# Upper bounds of the debt ratio for each rating (SQALE); above the last: E.
RATINGS = (("A", 0.05), ("B", 0.10), ("C", 0.20), ("D", 0.50))


def rating(ratio: float) -> str:
    for letter, bound in RATINGS:
        if ratio <= bound:
            return letter
    return "E"


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


def family_of(rule: str, families: Mapping[str, str]) -> str:
    if ":" in rule:
        return "lint"
    return families.get(rule, "other")


def build_report(
    findings: Sequence[Finding],
    source_lines: Mapping[str, int],
    modules: Mapping[str, str],
    families: Mapping[str, str],
    minutes_per_line: float = 30.0,
    *,
    top: int = 3,
    incomplete: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> DebtReport:
    """``source_lines`` maps every measured file to its source lines; ``modules`` maps a
    file to its module name; ``families`` a rule id to its family."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.path].append(finding)
    paths = set(source_lines) | set(by_file)

    def summarise(name: str, members: Iterable[str]) -> Debt:
        members = list(members)
        return _debt(
            name,
            [f for path in members for f in by_file.get(path, ())],
            sum(source_lines.get(path, 0) for path in members),
            families,
            minutes_per_line,
        )

    files = {path: summarise(path, [path]) for path in paths}
    members: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        members[modules.get(path, ".")].append(path)
    module_rows = []
    for name, module_paths in members.items():
        ranked = sorted((files[p] for p in module_paths if files[p].minutes), key=_worst)
        module_findings = [f for p in module_paths for f in by_file.get(p, ())]
        module_rows.append(
            ModuleDebt(
                summarise(name, module_paths),
                tuple(ranked[:top]),
                tuple(fix_first(module_findings, top)),
            )
        )
    module_rows.sort(key=lambda m: _worst(m.debt))
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))
    return DebtReport(
        project=summarise("(project)", paths),
        modules=tuple(module_rows),
        files=tuple(sorted(files.values(), key=_worst)),
        findings=tuple(ordered),
        fix_first=tuple(fix_first(findings, 10)),
        minutes_per_line=minutes_per_line,
        incomplete=tuple(incomplete),
        notes=tuple(notes),
    )


def _worst(debt: Debt) -> tuple[float, str]:
    return (-debt.minutes, debt.name)


def _debt(
    name: str,
    findings: Sequence[Finding],
    lines: int,
    families: Mapping[str, str],
    minutes_per_line: float,
) -> Debt:
    minutes = sum(f.remediation_minutes for f in findings)
    per_family: dict[str, float] = defaultdict(float)
    for finding in findings:
        per_family[family_of(finding.rule, families)] += finding.remediation_minutes
    development = lines * minutes_per_line
    ratio = minutes / development if development else (0.0 if not minutes else 1.0)
    return Debt(
        name,
        round(minutes, 2),
        lines,
        len(findings),
        ratio,
        rating(ratio),
        tuple(sorted(per_family.items(), key=lambda item: (-item[1], item[0]))),
    )


def fix_first(findings: Iterable[Finding], top: int) -> list[Target]:
    """What to fix first: findings grouped by symbol, the most severe and then the costliest
    groups first (a likely bug before a long function, a long function before style)."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[(finding.path, finding.symbol)].append(finding)
    targets = []
    for (path, symbol), members in groups.items():
        costliest = max(members, key=lambda f: (f.remediation_minutes, -f.line))
        severity = max((f.severity for f in members), key=_severity_rank)
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
    return targets[:top]


def _bucket(severity: str) -> int:
    """0: critical and blocker, 1: major, 2: minor and info."""
    rank = _severity_rank(severity)
    return 0 if rank >= 3 else (1 if rank == 2 else 2)


def _severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 1
