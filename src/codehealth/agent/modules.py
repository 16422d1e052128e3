"""``module_api``: one module's public API and who may import what, from the project's
boundary report (``codehealth boundaries``, cached) and the module's ``__init__.py``."""

from __future__ import annotations

import os
from typing import Any

from codehealth.adapters.files import read_file
from codehealth.agent.compact import error, first
from codehealth.core import BoundaryReport, ModuleSummary, Settings

Result = dict[str, Any]


def module_api(root: str, settings: Settings, module: str, limit: int) -> Result:
    """The API of ``module`` (a dotted name the boundary report lists), or an error that
    lists the modules."""
    from codehealth.boundaries import run_boundaries

    report = run_boundaries(root, settings=settings)
    found = {m.name: m for m in report.modules}
    summary = found.get(module)
    if summary is None:
        names = sorted(found)
        more = f" and {len(names) - limit} more" if len(names) > limit else ""
        listed = ", ".join(names[:limit]) or "none"
        return error(f"no module {module!r}; the modules are {listed}{more}")
    edges = report.edges
    return {
        "module": module,
        "path": summary.path,
        **_api(root, summary, limit),
        "rule": f"code outside {module} may import {module} and its public names, nothing else",
        "depends_on": _declared(settings, module, summary),
        **first("imported_by", sorted({e.source for e in edges if e.target == module}), limit),
        **first("imports", sorted({e.target for e in edges if e.source == module}), limit),
        **first("violations_into", _violations(report, module), limit),
    }


def _api(root: str, summary: ModuleSummary, limit: int) -> Result:
    """The names the module's ``__init__.py`` exports (``__all__``, else its public names)."""
    from codehealth.boundaries import parse_public_api

    try:
        source = read_file(os.path.join(root, summary.path))
        api = parse_public_api(source, summary.name, lambda _: None)
    except (OSError, SyntaxError, ValueError) as problem:
        return {"public_api": None, "api_note": f"{summary.path}: {problem}"}
    shown: Result = {**first("public_api", sorted(api.names), limit)}
    shown["declared_all"] = api.declared_all
    if not api.complete:
        shown["api_note"] = "a star import from an unknown module may export more names"
    return shown


def _declared(settings: Settings, module: str, summary: ModuleSummary) -> Any:
    """What ``[tool.codehealth.modules]`` lets the module import (None: anything), with the
    submodules it declares public."""
    for declared in settings.boundaries.modules:
        if declared.name == module:
            allowed = list(declared.depends_on) if declared.depends_on is not None else None
            return {"modules": allowed, "public_submodules": list(declared.public)}
    return list(summary.depends_on) if summary.depends_on is not None else None


def _violations(report: BoundaryReport, module: str) -> list[Result]:
    """Boundary findings whose import crosses into ``module`` (from outside)."""
    return [
        {
            "rule": v.finding.rule,
            "path": v.finding.path,
            "line": v.finding.line,
            "importer": v.importer,
            "target": v.target,
        }
        for v in report.violations
        if v.module == module
    ]
