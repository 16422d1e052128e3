"""The boundary findings finished for the report: the broken contracts and cycles as
findings, then every finding's fingerprint, severity and cost."""

from __future__ import annotations

import os

from codehealth.adapters.files import read_file
from codehealth.adapters.imports import Link
from codehealth.boundaries.cached import rule_costs
from codehealth.boundaries.check import BROKEN_CONTRACT, MODULE_CYCLE
from codehealth.core import (
    Cycle,
    Finding,
    ImportSite,
    ModuleEdge,
    Reference,
    Violation,
    normalise_line,
    numbered_fingerprints,
)


def contract_findings(
    links: list[Link], paths: dict[str, str], references: tuple[Reference, ...] = ()
) -> list[Violation]:
    """A finding per illegal import of a broken contract; an import that is a reference
    no import statement shows (include_string_references) says what it is."""
    named = {(r.importer, r.target, r.line): r for r in references}
    seen: set[tuple[str, str, str, int]] = set()
    found: list[Violation] = []
    for link in links:
        for line in link.line_numbers or (0,):
            key = (link.contract, link.importer, link.imported, line)
            if key in seen or link.importer not in paths:
                continue
            seen.add(key)
            reference = named.get((link.importer, link.imported, line))
            how = (
                f"names `{link.imported}` by a {reference.kind} `{reference.text}`"
                if reference
                else f"imports `{link.imported}`"
            )
            message = f"contract {link.contract!r} is broken: `{link.importer}` {how}"
            finding = Finding(
                BROKEN_CONTRACT,
                paths[link.importer],
                line,
                message,
                fix=f"remove this {'reference' if reference else 'import'}, route it through "
                "an allowed module, or change the contract",
            )
            found.append(Violation(finding, link.importer, link.imported))
    return found


def cycle_findings(cycles: list[Cycle]) -> list[Violation]:
    """A finding per cycle, at an import grimp would break it at; a cycle that only references
    close (no import shows one of its edges) is reported at such a reference, as such. Its
    ``target`` is the cycle itself (from its first module in name order), which fingerprints
    it: a cycle does not look new because a new import became its first site."""
    found: list[Violation] = []
    for cycle in cycles:
        hidden = [e for e in cycle.edges if e.hidden]
        breaking = (e for e in cycle.edges if _breaks(e, cycle.breakers))
        edge = hidden[0] if hidden else next(breaking, cycle.edges[0])
        site = _reported_site(edge, cycle.breakers)
        path_text = " -> ".join(cycle.path)
        if hidden:
            through = ", ".join(f"`{e.source}` -> `{e.target}` ({e.describe()})" for e in hidden)
            message = f"modules depend on each other in a cycle: {path_text}, through {through}"
        else:
            message = f"modules import each other in a cycle: {path_text}"
        finding = Finding(
            MODULE_CYCLE,
            site.path,
            site.line,
            message,
            fix=f"break the cycle at `{edge.source}` -> `{edge.target}` ({edge.describe()}), "
            "e.g. move the shared code to a lower module",
        )
        found.append(Violation(finding, site.importer, _cycle_key(cycle.path), edge.target))
    return found


def _reported_site(edge: ModuleEdge, breakers: tuple[tuple[str, str], ...]) -> ImportSite:
    """The import grimp would break the cycle at, else the edge's first import, else its
    first reference (an edge only references make)."""
    sites = edge.imports
    nominated = [s for s in sites if (s.importer, s.imported) in breakers and s.kind == "import"]
    imports = [s for s in sites if s.kind == "import"]
    return (nominated or imports or list(sites))[0]


def _cycle_key(path: tuple[str, ...]) -> str:
    """``a -> b -> a`` from its smallest module: the same cycle whichever module it was
    found from."""
    ring = list(path[:-1])
    first = ring.index(min(ring))
    ring = ring[first:] + ring[:first]
    return " -> ".join([*ring, ring[0]])


def _breaks(edge: ModuleEdge, breakers: tuple[tuple[str, str], ...]) -> bool:
    sites = {(site.importer, site.imported) for site in edge.imports}
    return any(pair in sites for pair in breakers)


def finish_violations(
    violations: list[Violation],
    sources: dict[str, bytes],
    root: str,
    known_lines: dict[str, list[str]],
) -> list[Violation]:
    """Fingerprints, severities and costs; sorted by path and line."""
    costs = rule_costs()
    by_path: dict[str, list[Violation]] = {}
    for violation in violations:
        by_path.setdefault(violation.finding.path, []).append(violation)
    finished: list[Violation] = []
    for path, items in sorted(by_path.items()):
        lines = known_lines.get(path)
        if lines is None:
            content = sources.get(path)
            if content is None:
                content = read_or_empty(os.path.join(root, path))
            lines = content.decode("utf-8", "replace").splitlines()
        finished.extend(_finished_file(items, lines, costs))
    return sorted(finished, key=lambda v: (v.finding.path, v.finding.line, v.finding.rule))


def _finished_file(
    items: list[Violation], lines: list[str], costs: dict[str, tuple[str, float]]
) -> list[Violation]:
    """ONE file's violations with their fingerprints, severities and costs, in (line,
    column, rule) order (the numbering's). The text fingerprinted is the import's target
    when there is one, so that the finding survives an edit of its statement (celery
    571efe8120: `import abstract` became `import abstract, deprecated`, and the old
    finding looked new)."""
    texts = {n: lines[n - 1] for n in {v.finding.line for v in items} if 0 < n <= len(lines)}
    items.sort(key=lambda v: (v.finding.line, v.finding.column, v.finding.rule))
    keys = [_fingerprinted(v, texts) for v in items]
    return [
        _priced(v, fingerprint, costs)
        for v, fingerprint in zip(items, numbered_fingerprints(keys), strict=True)
    ]


def _fingerprinted(violation: Violation, texts: dict[int, str]) -> tuple[str, str, str, str]:
    """What a finding's fingerprint is made of: a cycle is itself wherever it is reported."""
    f = violation.finding
    if f.rule == MODULE_CYCLE:
        return (f.rule, "", "", violation.target)
    return (f.rule, f.path, f.symbol, violation.target or normalise_line(texts.get(f.line, "")))


def _priced(
    violation: Violation, fingerprint: str, costs: dict[str, tuple[str, float]]
) -> Violation:
    """A new Violation whose finding has its fingerprint and its rule's severity and cost."""
    f = violation.finding
    severity, minutes = costs.get(f.rule, (f.severity, f.remediation_minutes))
    finding = Finding(
        f.rule,
        f.path,
        f.line,
        f.message,
        severity,
        minutes,
        f.symbol,
        f.column,
        f.end_line,
        f.fix,
        fingerprint,
    )
    return Violation(finding, violation.importer, violation.target, violation.module)


def read_or_empty(path: str) -> bytes:
    """The file's bytes; empty when it cannot be read."""
    try:
        return read_file(path)
    except OSError:
        return b""


def relative(root: str, path: str) -> str:
    """``path`` relative to ``root``, with ``/`` separators (the report's form)."""
    return os.path.relpath(path, root).replace(os.sep, "/")


def lines_of(path: str) -> list[str]:
    """The file's lines (none when it cannot be read)."""
    return read_or_empty(path).decode("utf-8", "replace").splitlines()
