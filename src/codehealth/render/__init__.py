"""Renderers: pure functions from results to strings (one module per output family)."""

from codehealth.render.scan_report import (
    SCHEMA_VERSION,
    render_scan_json,
    render_scan_rich,
    render_scan_text,
    scan_document,
)
from codehealth.render.scan_view import SORT_KEYS

__all__ = [
    "SCHEMA_VERSION",
    "SORT_KEYS",
    "render_scan_json",
    "render_scan_rich",
    "render_scan_text",
    "scan_document",
]
