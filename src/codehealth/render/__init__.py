"""Renderers: pure functions from results to strings (one module per output family).

Each renderer is imported when first used (PEP 562 ``__getattr__``), so a command loads only
its own: ``codehealth boundaries --format json`` does not import the scan, debt or plan
renderers. To add one, add it to ``_LAZY``, to the TYPE_CHECKING imports (read by mypy and
import-linter) and to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.lazy import lazy_exports

if TYPE_CHECKING:
    from codehealth.render.boundaries_graph import (
        render_boundaries_dot,
        render_boundaries_mermaid,
    )
    from codehealth.render.boundaries_report import (
        BOUNDARIES_SCHEMA_VERSION,
        boundaries_document,
        render_boundaries_json,
        render_boundaries_rich,
        render_boundaries_text,
    )
    from codehealth.render.debt_report import (
        DEBT_SCHEMA_VERSION,
        debt_document,
        render_debt_json,
        render_debt_markdown,
        render_debt_rich,
        render_debt_text,
    )
    from codehealth.render.gate_ci import (
        escape_data,
        escape_property,
        render_gate_github,
        render_gate_gitlab,
        render_gate_junit,
        render_gate_sarif,
    )
    from codehealth.render.gate_report import (
        GATE_SCHEMA_VERSION,
        gate_document,
        render_gate_json,
        render_gate_markdown,
        render_gate_text,
    )
    from codehealth.render.history import (
        HISTORY_SCHEMA_VERSION,
        history_document,
        render_history_json,
        render_history_rich,
        render_history_text,
        sparkline,
    )
    from codehealth.render.hotspots import (
        HOTSPOTS_SCHEMA_VERSION,
        hotspots_document,
        render_hotspots_json,
        render_hotspots_rich,
        render_hotspots_text,
    )
    from codehealth.render.html_report import render_report_html, report_data, script_json
    from codehealth.render.init import render_init_text
    from codehealth.render.plan import (
        PLAN_SCHEMA_VERSION,
        plan_document,
        render_plan_csv,
        render_plan_json,
        render_plan_markdown,
        render_plan_rich,
        render_plan_text,
    )
    from codehealth.render.rules_doc import (
        render_lint_cost,
        render_rule_doc,
        render_rules_rich,
        render_rules_text,
        rules_json,
    )
    from codehealth.render.scan_report import (
        SCHEMA_VERSION,
        render_scan_json,
        render_scan_rich,
        render_scan_text,
        scan_document,
    )
    from codehealth.render.scan_view import SORT_KEYS

_LAZY = {
    "render_init_text": "codehealth.render.init",
    "render_report_html": "codehealth.render.html_report",
    "report_data": "codehealth.render.html_report",
    "script_json": "codehealth.render.html_report",
    "render_boundaries_dot": "codehealth.render.boundaries_graph",
    "render_boundaries_mermaid": "codehealth.render.boundaries_graph",
    "BOUNDARIES_SCHEMA_VERSION": "codehealth.render.boundaries_report",
    "boundaries_document": "codehealth.render.boundaries_report",
    "render_boundaries_json": "codehealth.render.boundaries_report",
    "render_boundaries_rich": "codehealth.render.boundaries_report",
    "render_boundaries_text": "codehealth.render.boundaries_report",
    "DEBT_SCHEMA_VERSION": "codehealth.render.debt_report",
    "debt_document": "codehealth.render.debt_report",
    "render_debt_json": "codehealth.render.debt_report",
    "render_debt_markdown": "codehealth.render.debt_report",
    "render_debt_rich": "codehealth.render.debt_report",
    "render_debt_text": "codehealth.render.debt_report",
    "HISTORY_SCHEMA_VERSION": "codehealth.render.history",
    "history_document": "codehealth.render.history",
    "render_history_json": "codehealth.render.history",
    "render_history_rich": "codehealth.render.history",
    "render_history_text": "codehealth.render.history",
    "sparkline": "codehealth.render.history",
    "HOTSPOTS_SCHEMA_VERSION": "codehealth.render.hotspots",
    "hotspots_document": "codehealth.render.hotspots",
    "render_hotspots_json": "codehealth.render.hotspots",
    "render_hotspots_rich": "codehealth.render.hotspots",
    "render_hotspots_text": "codehealth.render.hotspots",
    "PLAN_SCHEMA_VERSION": "codehealth.render.plan",
    "plan_document": "codehealth.render.plan",
    "render_plan_csv": "codehealth.render.plan",
    "render_plan_json": "codehealth.render.plan",
    "render_plan_markdown": "codehealth.render.plan",
    "render_plan_rich": "codehealth.render.plan",
    "render_plan_text": "codehealth.render.plan",
    "render_lint_cost": "codehealth.render.rules_doc",
    "render_rule_doc": "codehealth.render.rules_doc",
    "render_rules_rich": "codehealth.render.rules_doc",
    "render_rules_text": "codehealth.render.rules_doc",
    "rules_json": "codehealth.render.rules_doc",
    "SCHEMA_VERSION": "codehealth.render.scan_report",
    "render_scan_json": "codehealth.render.scan_report",
    "render_scan_rich": "codehealth.render.scan_report",
    "render_scan_text": "codehealth.render.scan_report",
    "scan_document": "codehealth.render.scan_report",
    "SORT_KEYS": "codehealth.render.scan_view",
    "escape_data": "codehealth.render.gate_ci",
    "escape_property": "codehealth.render.gate_ci",
    "render_gate_github": "codehealth.render.gate_ci",
    "render_gate_gitlab": "codehealth.render.gate_ci",
    "render_gate_junit": "codehealth.render.gate_ci",
    "render_gate_sarif": "codehealth.render.gate_ci",
    "GATE_SCHEMA_VERSION": "codehealth.render.gate_report",
    "gate_document": "codehealth.render.gate_report",
    "render_gate_json": "codehealth.render.gate_report",
    "render_gate_markdown": "codehealth.render.gate_report",
    "render_gate_text": "codehealth.render.gate_report",
}

__all__ = [
    "render_report_html",
    "report_data",
    "script_json",
    "render_init_text",
    "BOUNDARIES_SCHEMA_VERSION",
    "boundaries_document",
    "render_boundaries_dot",
    "render_boundaries_json",
    "render_boundaries_mermaid",
    "render_boundaries_rich",
    "render_boundaries_text",
    "HISTORY_SCHEMA_VERSION",
    "history_document",
    "render_history_json",
    "render_history_rich",
    "render_history_text",
    "sparkline",
    "HOTSPOTS_SCHEMA_VERSION",
    "hotspots_document",
    "render_hotspots_json",
    "render_hotspots_rich",
    "render_hotspots_text",
    "PLAN_SCHEMA_VERSION",
    "plan_document",
    "render_plan_csv",
    "render_plan_json",
    "render_plan_markdown",
    "render_plan_rich",
    "render_plan_text",
    "DEBT_SCHEMA_VERSION",
    "debt_document",
    "render_debt_json",
    "render_debt_markdown",
    "render_debt_rich",
    "render_debt_text",
    "render_lint_cost",
    "render_rule_doc",
    "render_rules_rich",
    "render_rules_text",
    "rules_json",
    "SCHEMA_VERSION",
    "SORT_KEYS",
    "render_scan_json",
    "render_scan_rich",
    "render_scan_text",
    "scan_document",
    "escape_data",
    "escape_property",
    "render_gate_github",
    "render_gate_gitlab",
    "render_gate_junit",
    "render_gate_sarif",
    "GATE_SCHEMA_VERSION",
    "gate_document",
    "render_gate_json",
    "render_gate_markdown",
    "render_gate_text",
]


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())
