"""The warm path of ``codehealth boundaries``: when no Python file of the project and no
configuration changed (same paths, sizes and modification times), the last report is read
back from ``.codehealth/boundaries.json`` instead of being computed again (the gate's report
of the work tree with a few files' base contents, from ``boundaries-overridden.json``)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from codehealth.adapters.files import load_settings
from codehealth.boundaries.project import root_package_folders
from codehealth.core import Settings
from codehealth.version import __version__

if TYPE_CHECKING:  # the warm path must not pay for importing the model's dataclasses
    from codehealth.core import (
        BoundaryReport,
        ContractResult,
        Cycle,
        ModuleEdge,
        ModuleSummary,
        Violation,
    )

FORMAT = 3  # 3: sites have a kind, the report its Django settings
# manage.py, pytest.ini and tox.ini may name the Django settings module.
_CONFIG_FILES = (
    "pyproject.toml",
    "setup.cfg",
    ".importlinter",
    "manage.py",
    "pytest.ini",
    "tox.ini",
)
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


def project_key(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    overrides: Mapping[str, bytes] | None = None,
) -> str:
    """A digest of everything the report depends on, ``overrides`` (path -> the content
    standing in for that file) included. Not memoised: one process may run several
    commands (the report, tests), and files change between them."""
    digest = hashlib.blake2b(digest_size=20)
    for path, content in sorted((overrides or {}).items()):
        digest.update(f"{path}\0{len(content)}\0".encode("utf-8", "surrogateescape") + content)
    digest.update(f"{FORMAT}/{__version__}/{sys.version_info[:2]}".encode())
    digest.update(
        repr((settings.boundaries, settings.django, settings.roots, settings.exclude)).encode()
    )
    digest.update(repr(sorted(folders.items())).encode())
    for name in _CONFIG_FILES:
        with contextlib.suppress(OSError), open(os.path.join(root, name), "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read())
    if settings.config_file and os.path.basename(settings.config_file) not in _CONFIG_FILES:
        with contextlib.suppress(OSError), open(settings.config_file, "rb") as handle:
            digest.update(handle.read())
    for folder in sorted({*folders.values(), *_other_packages(settings)}):
        _digest_package(digest, folder)
    return digest.hexdigest()


def _digest_package(digest: Any, folder: str) -> None:
    """Adds the path, modification time and size of each Python file grimp would list in
    the package at ``folder``."""
    regular = os.path.isfile(os.path.join(folder, "__init__.py"))
    for path, dirs, names in os.walk(folder):
        if regular and "__init__.py" not in names:
            dirs[:] = []  # as grimp: below a folder without __init__.py, no modules
            continue
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        for name in sorted(names):
            if name.endswith(".py"):
                _digest_file(digest, path, name)


def _digest_file(digest: Any, path: str, name: str) -> None:
    """Adds the file's path, modification time and size (nothing when it cannot be read)."""
    with contextlib.suppress(OSError):
        stat = os.stat(os.path.join(path, name))
        line = f"{path}/{name}\0{stat.st_mtime_ns}\0{stat.st_size}\n"
        # surrogateescape: a file name that is not UTF-8
        digest.update(line.encode("utf-8", "surrogateescape"))


def boundaries_json(report: BoundaryReport) -> str:
    """``--format json`` of ``report`` (rendered once: the cache file holds the same text)."""
    if _RENDERED and _RENDERED[0] is report:
        return str(_RENDERED[1])
    from codehealth.boundaries.formats import render_boundaries_json

    text = render_boundaries_json(report)
    _RENDERED[:] = [report, text]
    return text


_RENDERED: list[Any] = []


def _other_packages(settings: Settings) -> list[str]:
    """Packages in the source roots that codehealth does not check (tests...) but a contract
    may name: their files count for the key too."""
    found = []
    for base in settings.roots or (".",):
        folder = os.path.join(settings.root, base)
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                    found.append(os.path.abspath(entry.path))
    return found


def load_document(path: str, key: str) -> tuple[str, bool] | None:
    """The cached ``--format json`` text and whether it failed, when ``key`` matches."""
    try:
        with open(path, encoding="utf-8") as handle:
            first = handle.readline().split()
            if len(first) != 2 or first[0] != key:
                return None
            return handle.read(), first[1] == "1"
    except (OSError, ValueError):
        return None  # missing, damaged or foreign: computed again


def load_report(path: str, key: str) -> BoundaryReport | None:
    found = load_document(path, key)
    if found is None:
        return None
    try:
        return decode_report(json.loads(found[0]))
    except (ValueError, KeyError, TypeError):
        return None


def save_report(path: str, key: str, report: BoundaryReport) -> None:
    """The report as ``--format json`` prints it, after a line with the key and the verdict."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _ignore_folder(os.path.dirname(path))
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(f"{key} {int(report.failed)}\n")
            handle.write(boundaries_json(report))
        os.replace(temporary, path)  # atomic: a reader sees the old report or the new one
    except OSError:
        # A full disk: no cached report, and no half-written file left behind.
        with contextlib.suppress(OSError):
            os.remove(temporary)


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
    return load_document(os.path.join(root, settings.cache_dir, "boundaries.json"), key)


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
