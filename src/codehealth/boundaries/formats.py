"""``codehealth boundaries`` as tables (plain or rich) and as JSON."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from codehealth.boundaries.graph_formats import hidden_couplings_note, hidden_couplings_table
from codehealth.core import BoundaryReport, ModuleSummary, Violation
from codehealth.render import Cell, Table, render_plain, render_rich
from codehealth.version import __version__

BOUNDARIES_SCHEMA_VERSION = 2


def boundaries_document(report: BoundaryReport) -> dict[str, Any]:
    """The whole report as plain data (the ``--format json`` schema)."""
    data = _plain(report)
    data["violations"] = [
        {**v["finding"], "importer": v["importer"], "target": v["target"], "module": v["module"]}
        for v in data["violations"]
    ]
    return {
        "schema_version": BOUNDARIES_SCHEMA_VERSION,
        "tool": {"name": "codehealth", "version": __version__},
        "summary": _summary(report),
        **data,
    }


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies (several times faster)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELDS.get(kind)
    if names is None:
        if isinstance(value, (tuple, list)):
            return [_plain(item) for item in value]
        if not is_dataclass(value):
            return value
        names = _FIELDS.setdefault(kind, tuple(f.name for f in fields(value)))
    return {name: _plain(getattr(value, name)) for name in names}


_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELDS: dict[type, tuple[str, ...]] = {}


def render_boundaries_json(report: BoundaryReport, pretty: bool = False) -> str:
    """The document of ``boundaries_document``, encoded straight from the dataclasses (the C
    encoder walks tuples and strings; only each dataclass becomes a dict here)."""
    head = {
        "schema_version": BOUNDARIES_SCHEMA_VERSION,
        "tool": {"name": "codehealth", "version": __version__},
        "summary": _summary(report),
    }
    body = {name: getattr(report, name) for name in _names(type(report))}
    return json.dumps({**head, **body}, indent=2 if pretty else None, default=_as_dict) + "\n"


def _names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS.setdefault(kind, tuple(f.name for f in fields(kind)))
    return names


def _as_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, Violation):
        finding = value.finding
        flat = {name: getattr(finding, name) for name in _names(type(finding))}
        flat.update(importer=value.importer, target=value.target, module=value.module)
        return flat
    if is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _names(type(value))}
    raise TypeError(f"cannot encode {type(value).__name__}")


def _summary(report: BoundaryReport) -> dict[str, int]:
    broken = sum(1 for c in report.contracts if not c.kept)
    return {
        "violations": len(report.violations),
        "modules": len(report.modules),
        "cycles": len(report.cycles),
        "contracts_kept": len(report.contracts) - broken,
        "contracts_broken": broken,
        "not_analysed": len(report.not_analysed),
    }


# Rows of the violations table unless --all: past this a list is not read, a summary is.
VIOLATION_ROWS = 40


def boundaries_tables(
    report: BoundaryReport, modules: bool = False, every: bool = False
) -> tuple[list[Table], list[str], list[str]]:
    """``every``: list all violations (else the first VIOLATION_ROWS, after a summary)."""
    tables = [_modules_table(report), *hidden_couplings_table(report)] if modules else []
    capped = not every and len(report.violations) > VIOLATION_ROWS
    if capped:
        tables.append(_by_module_table(report))
    tables.append(_violations_table(report, capped))
    if report.contracts:
        tables.append(_contracts_table(report))
    if report.cycles:
        tables.append(_cycles_table(report))
    header = [f"root packages: {', '.join(report.root_packages) or '(none found)'}"]
    if report.django_settings:
        header.append(f"Django project: settings {report.django_settings}")
    return tables, header, _after_tables(report, modules)


def _contracts_table(report: BoundaryReport) -> Table:
    """Each contract and whether it is kept."""
    return Table(
        "Contracts",
        ("contract", "type", "result"),
        [
            (Cell(c.name), Cell(c.type), Cell("KEPT" if c.kept else "BROKEN", not c.kept))
            for c in report.contracts
        ],
    )


def _cycles_table(report: BoundaryReport) -> Table:
    """Each cycle, its imports per edge and where grimp would break it."""
    return Table(
        "Cycles between modules",
        ("cycle", "dependencies per edge", "break at"),
        [
            (
                Cell(" -> ".join(c.path), True),
                Cell(", ".join(f"{e.source}->{e.target}: {e.describe()}" for e in c.edges)),
                Cell(", ".join(f"{a} -> {b}" for a, b in c.breakers) or "-"),
            )
            for c in report.cycles
        ],
    )


def _after_tables(report: BoundaryReport, modules: bool) -> list[str]:
    """The lines printed after the tables: broken contracts' details, files not analysed,
    notes, and the one-line summary."""
    after = [  # line by line: the renderer shows a line break inside a line as "\n"
        line
        for c in report.contracts
        if not c.kept
        for line in (f"{c.name} (broken):", *c.details.rstrip().splitlines())
    ]
    after += [f"not analysed: {n.path}: {n.reason}" for n in report.not_analysed]
    after += [f"note: {note}" for note in report.notes]
    for note in (undeclared_note(report, modules), hidden_couplings_note(report, modules)):
        if note:
            after.append(f"note: {note}")
    summary = _summary(report)
    after.append(
        f"{summary['violations']} violation(s) in {summary['modules']} module(s); "
        f"{summary['cycles']} cycle(s); contracts: {summary['contracts_kept']} kept, "
        f"{summary['contracts_broken']} broken"
    )
    return after


def _modules_table(report: BoundaryReport) -> Table:
    return Table(
        "Modules",
        (
            "module",
            "Ca",
            "Ce",
            "instability",
            "API",
            "imports in",
            "private in",
            "cycles",
            "extract",
        ),
        [
            (
                Cell(m.name),
                Cell(str(m.afferent)),
                Cell(str(m.efferent)),
                Cell(f"{m.instability:.2f}"),
                Cell(_api_cell(m)),
                Cell(str(m.inbound_imports)),
                Cell(str(m.inbound_private), m.inbound_private > 0),
                Cell(str(m.cycles), m.cycles > 0),
                Cell("ready" if m.extraction_ready else "no"),
            )
            for m in report.modules
        ],
        numeric=frozenset({1, 2, 3, 5, 6, 7}),
        footnote="Ca: modules depending on it; Ce: modules it depends on (imports and "
        "references no import shows); instability = Ce/(Ca+Ce); "
        "API: its size (* no __all__; none declared: only _private parts are checked); "
        "imports in: from other modules; extract: no inbound private imports and no cycles",
    )


def _violations_table(report: BoundaryReport, capped: bool) -> Table:
    shown = report.violations[:VIOLATION_ROWS] if capped else report.violations
    return Table(
        "Boundary violations",
        ("rule", "where", "problem", "fix"),
        [
            (
                Cell(v.finding.rule),
                Cell(f"{v.finding.path}:{v.finding.line}"),
                Cell(v.finding.message),
                Cell(v.finding.fix),
            )
            for v in shown
        ],
        footnote=f"the first {len(shown)} of {len(report.violations)}; --all lists every one"
        if capped
        else "",
    )


def _by_module_table(report: BoundaryReport) -> Table:
    counts: dict[str, dict[str, int]] = {}
    for v in report.violations:
        rules = counts.setdefault(v.module or "(contracts)", {})
        rules[v.finding.rule] = rules.get(v.finding.rule, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return Table(
        "Boundary violations by module",
        ("module", "violations", "rules"),
        [
            (
                Cell(module),
                Cell(str(sum(rules.values()))),
                Cell(", ".join(f"{rule} {n}" for rule, n in sorted(rules.items()))),
            )
            for module, rules in ordered
        ],
        numeric=frozenset({1}),
    )


def _api_cell(module: ModuleSummary) -> str:
    if not module.api_declared:
        return "none declared"
    return f"{module.public_names}{'' if module.declared_all else '*'}"


def undeclared_note(report: BoundaryReport, listed: bool) -> str | None:
    """The modules that declare no API, a to-do list: how many, how many imports reach in."""
    undeclared = [m for m in report.modules if not m.api_declared]
    if not undeclared:
        return None
    imports = sum(m.inbound_imports for m in undeclared)
    where = (
        "export what others use from their __init__.py, or declare them in "
        "[tool.codehealth.modules]"
        if listed
        else "`codehealth boundaries --modules` lists them"
    )
    return (
        f"{len(undeclared)} module(s) declare no API ({imports} import(s) from other modules "
        f"reach into them; only their _private parts are checked): {where}"
    )


def render_boundaries_text(
    report: BoundaryReport, modules: bool = False, every: bool = False
) -> str:
    return render_plain(*boundaries_tables(report, modules, every))


def render_boundaries_rich(
    report: BoundaryReport, width: int, modules: bool = False, every: bool = False
) -> str:
    return render_rich(*boundaries_tables(report, modules, every), width)
