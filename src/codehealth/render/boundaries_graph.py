"""The module graph as Graphviz dot and as Mermaid, violations and cycles marked in red."""

from __future__ import annotations

from codehealth.model import BoundaryReport

# Findings about one import that reaches past another module's API (or its declared deps).
_CROSSING = frozenset({"CH301", "CH302", "CH303", "CH304", "CH307"})


def _marks(report: BoundaryReport) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    cyclic = {(e.source, e.target) for c in report.cycles for e in c.edges}
    owners = {m.name for m in report.modules}
    bad: set[tuple[str, str]] = set()
    for v in report.violations:
        if v.finding.rule not in _CROSSING:
            continue
        source = max(
            (m for m in owners if v.importer == m or v.importer.startswith(m + ".")),
            key=len,
            default="",
        )
        if source and v.module:
            bad.add((source, v.module))
    return cyclic, bad


def render_boundaries_dot(report: BoundaryReport) -> str:
    cyclic, bad = _marks(report)
    lines = ["digraph modules {", "  rankdir=LR;", "  node [shape=box];"]
    for m in report.modules:
        style = "" if m.extraction_ready else ", color=red"
        lines.append(f'  "{m.name}" [label="{m.name}\\n{m.public_names} public"{style}];')
    for e in report.edges:
        pair = (e.source, e.target)
        attributes = [f'label="{len(e.imports)}"']
        if pair in bad or pair in cyclic:
            attributes.append("color=red")
        if pair in cyclic:
            attributes.append("style=bold")
        lines.append(f'  "{e.source}" -> "{e.target}" [{", ".join(attributes)}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_boundaries_mermaid(report: BoundaryReport) -> str:
    cyclic, bad = _marks(report)
    ids = {m.name: f"m{i}" for i, m in enumerate(report.modules)}
    lines = ["graph LR"]
    for m in report.modules:
        lines.append(f'  {ids[m.name]}["{m.name}"]')
    red: list[int] = []
    for index, e in enumerate(e for e in report.edges if e.source in ids and e.target in ids):
        marker = "-. private .->" if (e.source, e.target) in bad else "-->"
        lines.append(f"  {ids[e.source]} {marker} {ids[e.target]}")
        if (e.source, e.target) in bad or (e.source, e.target) in cyclic:
            red.append(index)
    if red:
        lines.append(f"  linkStyle {','.join(map(str, red))} stroke:red")
    for m in report.modules:
        if not m.extraction_ready:
            lines.append(f"  style {ids[m.name]} stroke:red")
    return "\n".join(lines) + "\n"
