"""A project's boundary report with its paths relative to the repository root (a project
of a workspace reports paths relative to its own folder). Pure."""

from __future__ import annotations

from dataclasses import replace

from codehealth.core import BoundaryReport, Cycle, ModuleEdge


def rebased(report: BoundaryReport, folder: str) -> BoundaryReport:
    """``report`` with each path below ``folder`` ('/'-separated; ``""``: unchanged)."""
    if not folder:
        return report

    def moved(path: str) -> str:
        return f"{folder}/{path}" if path else path

    def edge(item: ModuleEdge) -> ModuleEdge:
        sites = tuple(replace(site, path=moved(site.path)) for site in item.imports)
        return replace(item, imports=sites)

    def cycle(item: Cycle) -> Cycle:
        return replace(item, edges=tuple(edge(e) for e in item.edges))

    return replace(
        report,
        modules=tuple(replace(m, path=moved(m.path)) for m in report.modules),
        edges=tuple(edge(e) for e in report.edges),
        violations=tuple(
            replace(v, finding=replace(v.finding, path=moved(v.finding.path)))
            for v in report.violations
        ),
        cycles=tuple(cycle(c) for c in report.cycles),
        not_analysed=tuple(replace(n, path=moved(n.path)) for n in report.not_analysed),
    )
