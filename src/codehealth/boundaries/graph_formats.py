"""The module graph as Graphviz dot and as Mermaid, violations and cycles marked in red, the
dependencies only references make (no import shows them) dashed and named by their kind;
and those hidden dependencies as a table."""

from __future__ import annotations

from codehealth.core import BoundaryReport, ModuleEdge
from codehealth.render import Cell, Table

# Findings about one import that reaches past another module's API (or its declared deps).
_CROSSING = frozenset({"CH301", "CH302", "CH303", "CH304", "CH307"})


def _marks(report: BoundaryReport) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    cyclic = {(e.source, e.target) for c in report.cycles for e in c.edges}
    owners = {m.name for m in report.modules}
    bad: set[tuple[str, str]] = set()
    for v in report.violations:
        if v.finding.rule not in _CROSSING:
            continue
        source = _owner(owners, v.importer)
        if source and v.module:
            bad.add((source, v.module))
    return cyclic, bad


def _owner(owners: set[str], importer: str) -> str:
    """The innermost of ``owners`` that holds module ``importer`` ("" when none does)."""
    return max(
        (m for m in owners if importer == m or importer.startswith(m + ".")),
        key=len,
        default="",
    )


def render_boundaries_dot(report: BoundaryReport) -> str:
    cyclic, bad = _marks(report)
    lines = ["digraph modules {", "  rankdir=LR;", "  node [shape=box];"]
    for m in report.modules:
        style = "" if m.extraction_ready else ", color=red"
        lines.append(f'  "{m.name}" [label="{m.name}\\n{m.public_names} public"{style}];')
    for e in report.edges:
        pair = (e.source, e.target)
        attributes = [f'label="{_label(e)}"']
        if e.hidden:
            attributes.append("style=dashed")
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
    lines.extend(f'  {ids[m.name]}["{m.name}"]' for m in report.modules)
    edges, red = _mermaid_edges(report, ids, bad, cyclic | bad)
    lines.extend(edges)
    if red:
        lines.append(f"  linkStyle {','.join(map(str, red))} stroke:red")
    lines.extend(
        f"  style {ids[m.name]} stroke:red" for m in report.modules if not m.extraction_ready
    )
    return "\n".join(lines) + "\n"


def _mermaid_edges(
    report: BoundaryReport,
    ids: dict[str, str],
    private: set[tuple[str, str]],
    red_pairs: set[tuple[str, str]],
) -> tuple[list[str], list[int]]:
    """The Mermaid lines of the edges between listed modules, and the indexes of the red
    ones (``linkStyle`` counts the edges in order)."""
    lines: list[str] = []
    red: list[int] = []
    for index, e in enumerate(e for e in report.edges if e.source in ids and e.target in ids):
        pair = (e.source, e.target)
        marker = "-. private .->" if pair in private else "-->"
        if e.hidden:
            marker = f"-. {' + '.join(e.kinds)} .->"
        lines.append(f"  {ids[e.source]} {marker} {ids[e.target]}")
        if pair in red_pairs:
            red.append(index)
    return lines, red


def _label(edge: ModuleEdge) -> str:
    """An edge's label: how many imports, or its kinds when references make it."""
    if all(site.kind == "import" for site in edge.imports):
        return str(len(edge.imports))
    return edge.describe()


def _hidden(report: BoundaryReport) -> list[ModuleEdge]:
    return [e for e in report.edges if e.hidden]


def hidden_couplings_table(report: BoundaryReport) -> list[Table]:
    """The dependencies between modules that no import shows, each with its first site (none
    when there are none)."""
    hidden = _hidden(report)
    if not hidden:
        return []
    rows = [
        (
            Cell(f"{e.source} -> {e.target}"),
            Cell(e.describe()),
            Cell(f"{e.imports[0].path}:{e.imports[0].line}"),
        )
        for e in hidden
    ]
    return [
        Table(
            "Dependencies no import shows",
            ("modules", "through", "first at"),
            rows,
            footnote="Django's string references and literal dynamic imports; import-linter "
            "cannot see them (include_string_references adds them to the contracts' graph)",
        )
    ]


def hidden_couplings_note(report: BoundaryReport, listed: bool) -> str | None:
    """How many dependencies between modules only references make, by kind."""
    hidden = _hidden(report)
    if not hidden:
        return None
    kinds: dict[str, int] = {}
    for edge in hidden:
        for kind in edge.kinds:
            kinds[kind] = kinds.get(kind, 0) + 1
    by_kind = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    where = "listed above" if listed else "`codehealth boundaries --modules` lists them"
    return (
        f"{len(hidden)} dependency(ies) between modules exist only through references no "
        f"import shows ({by_kind}): {where}"
    )
