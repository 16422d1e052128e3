"""Count the app-to-app dependencies of a Django project that exist only as strings.

For each pair of the project's own apps (INSTALLED_APPS, read statically by
``codehealth.django``): whether an import edge exists (every import statement of the
importing app's modules, function-level and TYPE_CHECKING ones included, so the count of
string-only edges is a lower bound), and which string-reference kinds exist. Prints the
string-only edges by kind, with one example reference each.

Run:  .venv/bin/python bench/django_references.py /tmp/corp-saleor [--settings x.settings]
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from codehealth.core import Reference
from codehealth.django import (
    DjangoProject,
    find_settings_module,
    may_reference,
    read_django_project,
    string_references,
)
from codehealth.django.dotted import in_migrations, package_of, resolve_from
from codehealth.django.model_labels import ModelLabels

Edge = tuple[str, str]
Reader = Callable[[str], "bytes | None"]


def project_modules(root: Path) -> dict[str, str]:
    """dotted module -> relative path for every tracked .py file: a file's module starts at
    the first folder up from it without an ``__init__.py`` (the shallowest file wins)."""
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files", "*.py"], capture_output=True, text=True, check=True
    ).stdout.split()
    present = set(listed)
    modules: dict[str, str] = {}
    for path in sorted(listed, key=lambda item: (item.count("/"), item)):
        parts = path[:-3].split("/")
        start = len(parts) - 1
        while start > 0 and "/".join([*parts[:start], "__init__.py"]) in present:
            start -= 1
        dotted = parts[start:]
        if dotted[-1] == "__init__":
            dotted = dotted[:-1]
        if dotted:  # migrations (0001_initial) are modules too
            modules.setdefault(".".join(dotted), path)
    return modules


def imported(module: str, path: str, tree: ast.Module) -> set[str]:
    """Every dotted name the module's import statements name (``from a import b``: a.b)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = resolve_from(package_of(module, path), node.level, node.module)
            if source:
                names.add(source)
                names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


@dataclass
class Edges:
    """App-to-app edges of a project: import statements and string references."""

    imports: dict[Edge, int] = field(default_factory=lambda: defaultdict(int))
    migration_imports: set[Edge] = field(default_factory=set)
    strings: dict[Edge, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    notes: int = 0
    parse_seconds: float = 0.0
    string_seconds: float = 0.0


def reader_of(root: Path) -> Callable[[str], bytes | None]:
    def read(relative: str) -> bytes | None:
        try:
            return (root / relative).read_bytes()
        except OSError:
            return None

    return read


def app_edges(project: DjangoProject, modules: dict[str, str], read: Reader) -> Edges:
    edges = Edges()
    labels = ModelLabels(project, "")
    for module, path in sorted(modules.items()):
        source = read(path)
        clock = time.perf_counter()
        try:
            tree = ast.parse(source or b"")
        except (SyntaxError, ValueError):
            continue
        edges.parse_seconds += time.perf_counter() - clock
        importer = labels.app_of(module)
        clock = time.perf_counter()
        if source and may_reference(project, path, source):
            add_strings(edges, labels, string_references(project, module, path, tree))
        edges.string_seconds += time.perf_counter() - clock
        if importer is not None:
            add_imports(edges, labels, importer, module, imported(module, path, tree))
    return edges


def add_strings(
    edges: Edges, labels: ModelLabels, found: tuple[list[Reference], list[str]]
) -> None:
    references, notes = found
    edges.notes += len(notes)
    for reference in references:
        importer = labels.app_of(reference.importer)
        target = labels.app_of(reference.target)
        if importer and target and target != importer:
            edges.strings[(importer, target)].append(reference)


def add_imports(
    edges: Edges, labels: ModelLabels, importer: str, module: str, names: set[str]
) -> None:
    for name in names:
        target = labels.app_of(name)
        if target and target != importer:
            if in_migrations(module):
                edges.migration_imports.add((importer, target))
            else:
                edges.imports[(importer, target)] += 1


def by_kind(only: dict[Edge, list[Reference]]) -> dict[str, int]:
    """How many string-only edges have a reference of each kind (an edge may have several)."""
    kinds: dict[str, int] = defaultdict(int)
    for refs in only.values():
        for kind in {ref.kind for ref in refs}:
            kinds[kind] += 1
    return kinds


def report(edges: Edges, every: bool) -> None:
    only = {edge: refs for edge, refs in edges.strings.items() if edge not in edges.imports}
    also = sum(1 for edge in only if edge in edges.migration_imports)
    print(f"app-to-app import edges (migrations not importers): {len(edges.imports)}")
    print(f"app-to-app edges with string references: {len(edges.strings)}")
    print(f"app-to-app edges ONLY through strings: {len(only)}")
    print(f"  of which a migration imports the target app: {also}")
    for kind, count in sorted(by_kind(only).items()):
        print(f"  by kind: {kind}: {count}")
    print(f"string-reference notes: {edges.notes}")
    print(
        f"time: ast.parse {edges.parse_seconds:.2f} s, "
        f"string pass (may_reference + string_references) {edges.string_seconds:.2f} s"
    )
    for (source, target), refs in sorted(only.items())[: None if every else 15]:
        ref = refs[0]
        kinds_here = ",".join(sorted({r.kind for r in refs}))
        print(
            f"  {source} -> {target} [{kinds_here}] {len(refs)}x e.g. "
            f"{ref.path}:{ref.line} {ref.text!r}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--settings", default="")
    parser.add_argument("--list", action="store_true", help="print every string-only edge")
    args = parser.parse_args()
    read = reader_of(args.root)
    started = time.perf_counter()
    modules = project_modules(args.root)
    settings = find_settings_module(modules, read, args.settings)
    if settings is None:
        print("no settings module found")
        return 1
    project = read_django_project(settings, modules, read)
    internal = [app for app in project.apps if app.internal]
    print(f"{args.root}: {len(modules)} modules, settings {settings}")
    print(f"apps: {len(project.apps)} installed, {len(internal)} internal; notes:")
    for note in project.notes:
        print(f"  {note}")
    report(app_edges(project, modules, read), args.list)
    print(f"whole run {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.fspath(Path(__file__).resolve().parent.parent / "src"))
    raise SystemExit(main())
