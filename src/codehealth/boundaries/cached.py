"""The warm path of ``codehealth boundaries``: when a report of the same contents was made
(here, in another clone, or by the gate for the work tree with other contents standing in;
``report_key``), it is read back from ``.codehealth/boundaries/<key>.json`` instead of being
computed again. The newest KEEP reports are kept."""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from codehealth.adapters.files import load_settings
from codehealth.boundaries.project import root_package_folders
from codehealth.boundaries.report_key import digest_of, project_key
from codehealth.core import Settings

if TYPE_CHECKING:  # the warm path must not pay for importing the model's dataclasses
    from codehealth.core import (
        BoundaryReport,
        ContractResult,
        Cycle,
        ModuleEdge,
        ModuleSummary,
        Violation,
    )

KEEP = 6  # reports kept: the work tree's, the gate's base side, those of a few base commits
_DEFAULT_COSTS = {
    "CH301": ("major", 15.0),
    "CH302": ("major", 10.0),
    "CH303": ("minor", 10.0),
    "CH304": ("major", 30.0),
    "CH305": ("critical", 30.0),
    "CH306": ("major", 60.0),
    "CH307": ("major", 15.0),
    "CH308": ("minor", 2.0),
    "CH309": ("minor", 5.0),
}


def boundaries_json(report: BoundaryReport) -> str:
    """``--format json`` of ``report`` (rendered once: the cache file holds the same text)."""
    if _RENDERED and _RENDERED[0] is report:
        return str(_RENDERED[1])
    from codehealth.boundaries.formats import render_boundaries_json

    text = render_boundaries_json(report)
    _RENDERED[:] = [report, text]
    return text


_RENDERED: list[Any] = []


def report_file(root: str, settings: Settings, key: str) -> str:
    """Where the report of ``key`` is kept: one file per key, whatever produced it (a
    report of the work tree, or of the work tree with other contents standing in)."""
    return os.path.join(root, settings.cache_dir, "boundaries", f"{key}.json")


def load_document(path: str, key: str, root: str) -> tuple[str, bool] | None:
    """The cached ``--format json`` text and whether it failed, when the file holds the
    report of ``key`` whole; its paths are re-rooted at ``root`` (made in another clone)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            first = handle.readline().split()
            stored = json.loads(handle.readline())
            body = handle.read()
    except (OSError, ValueError):
        return None  # missing, damaged or foreign: computed again
    if len(first) != 3 or first[0] != key or first[2] != digest_of(body):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: kept longest when older reports are removed
    return rerooted(body, str(stored), root), first[1] == "1"


def rerooted(body: str, stored: str, root: str) -> str:
    """``body`` with the absolute paths under ``stored`` (the report's root and any path
    below it) under ``root`` instead."""
    if stored == root:
        return body
    old, new = json.dumps(stored)[1:-1], json.dumps(root)[1:-1]
    return re.sub(re.escape(old) + r'(?=["/\\])', lambda _: new, body)


def load_report(path: str, key: str, root: str) -> BoundaryReport | None:
    found = load_document(path, key, root)
    if found is None:
        return None
    try:
        return decode_report(json.loads(found[0]))
    except (ValueError, KeyError, TypeError):
        return None


def save_report(path: str, key: str, report: BoundaryReport) -> None:
    """The report as ``--format json`` prints it, after a line with the key, the verdict and
    the body's digest, and one with its root; the oldest reports beyond KEEP are removed."""
    temporary = f"{path}.{os.getpid()}.tmp"
    body = boundaries_json(report)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _ignore_folder(os.path.dirname(os.path.dirname(path)))
        with open(temporary, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(f"{key} {int(report.failed)} {digest_of(body)}\n")
            handle.write(json.dumps(report.root) + "\n")
            handle.write(body)
        os.replace(temporary, path)  # atomic: a reader sees the old report or the new one
    except OSError:
        # A full disk: no cached report, and no half-written file left behind.
        with contextlib.suppress(OSError):
            os.remove(temporary)
        return
    _remove_oldest(os.path.dirname(path))


def _remove_oldest(folder: str) -> None:
    """Keeps the KEEP reports used last (another process may be removing them too)."""
    with contextlib.suppress(OSError):
        reports = [e for e in os.scandir(folder) if e.name.endswith(".json")]
        reports.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
        for entry in reports[KEEP:]:
            with contextlib.suppress(OSError):
                os.remove(entry.path)


def _ignore_folder(folder: str) -> None:
    marker = os.path.join(folder, ".gitignore")
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write("*\n")


def cached_boundaries_json(
    root: str = ".", *, settings: Settings | None = None, config_file: str | None = None
) -> tuple[str, bool] | None:
    """The ``--format json`` text of the last report and whether it failed, when nothing it
    depends on changed since; None otherwise (then call run_boundaries)."""
    root = os.path.abspath(root)
    settings = settings or load_settings(root, config_file)
    key = project_key(root, settings, root_package_folders(settings))
    return load_document(report_file(root, settings, key), key, root)


def decode_report(data: dict[str, Any]) -> BoundaryReport:
    """The report a cache file holds (its ``report`` member, as encoded)."""
    from codehealth.core import BoundaryReport, NotAnalysed

    return BoundaryReport(
        root=data["root"],
        root_packages=tuple(data["root_packages"]),
        modules=tuple(_module(m) for m in data["modules"]),
        edges=tuple(_edge(e) for e in data["edges"]),
        violations=tuple(_violation(v) for v in data["violations"]),
        contracts=tuple(_contract(c) for c in data["contracts"]),
        cycles=tuple(_cycle(c) for c in data["cycles"]),
        not_analysed=tuple(NotAnalysed(**n) for n in data["not_analysed"]),
        notes=tuple(data["notes"]),
        django_settings=data["django_settings"],
    )


def _edge(item: dict[str, Any]) -> ModuleEdge:
    from codehealth.core import ImportSite, ModuleEdge

    return ModuleEdge(
        item["source"], item["target"], tuple(ImportSite(**s) for s in item["imports"])
    )


def _module(item: dict[str, Any]) -> ModuleSummary:
    from codehealth.core import ModuleSummary

    depends_on = item["depends_on"]
    depends = None if depends_on is None else tuple(depends_on)
    return ModuleSummary(**{**item, "depends_on": depends})


def _contract(item: dict[str, Any]) -> ContractResult:
    from codehealth.core import ContractResult

    return ContractResult(
        **{
            **item,
            "warnings": tuple(item["warnings"]),
            "chains": tuple(tuple(chain) for chain in item["chains"]),
        }
    )


def _cycle(item: dict[str, Any]) -> Cycle:
    from codehealth.core import Cycle

    return Cycle(
        tuple(item["path"]),
        tuple(_edge(e) for e in item["edges"]),
        tuple((a, b) for a, b in item["breakers"]),
    )


def _violation(data: dict[str, Any]) -> Violation:
    from codehealth.core import Finding, Violation

    finding = Finding(**{f.name: data[f.name] for f in fields(Finding)})
    return Violation(finding, data["importer"], data["target"], data["module"])


def rule_costs() -> dict[str, tuple[str, float]]:
    """Severity and remediation minutes of each boundary rule, from the catalogue."""
    costs = dict(_DEFAULT_COSTS)
    from codehealth.adapters.files import rules_folder
    from codehealth.core import parse_catalogue

    try:
        text = (rules_folder() / "boundaries.toml").read_text(encoding="utf-8")
        catalogue = parse_catalogue({"boundaries.toml": text})
    except (OSError, ValueError):  # unreadable or invalid (CatalogueError): the defaults
        return costs
    for rule in catalogue.rules:
        if rule.id in costs:
            costs[rule.id] = (rule.severity, rule.remediation_minutes)
    return costs
