"""Renderers: pure functions from results to strings (one module per output family)."""

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

__all__ = [
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
]
