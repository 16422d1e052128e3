"""The dependencies no import statement shows, as edges of the module graph: Django's
string references (when the project is a Django project) and literal dynamic imports.
Pure: files come through the ``read`` function it is given."""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from codehealth.boundaries.dynamic import dynamic_references
from codehealth.boundaries.syntax import without_lazy
from codehealth.core import DjangoSettings, Reference
from codehealth.core.module_names import package_of
from codehealth.django import (
    DjangoProject,
    find_settings_module,
    may_reference,
    mention_lines,
    read_django_project,
    string_references,
)

Read = Callable[[str], "bytes | None"]

# What a file must hold to make a dynamic import worth parsing it for (most files hold none).
_DYNAMIC_WORDS = (b"import_module", b"__import__")


@dataclass(frozen=True, slots=True)
class HiddenDependencies:
    """``references`` between the project's modules; ``apps``: the project's Django apps
    (dotted, empty when it is no Django project); ``notes``: what was not understood."""

    references: tuple[Reference, ...] = ()
    apps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    settings_module: str = ""


def hidden_dependencies(
    settings: DjangoSettings,
    modules: Mapping[str, str],
    read: Read,
    left_out: Callable[[str], bool],
) -> HiddenDependencies:
    """``modules``: dotted module -> relative path of every project module; ``read(path)``
    the bytes of a project-relative path (any file: manage.py too); ``left_out(path)``:
    files whose references are nobody's dependencies (tests, migrations, generated)."""
    django = _django_project(settings, modules, read)
    references: list[Reference] = []
    notes: list[str] = list(django.notes) if django else []
    for module, path in sorted(modules.items()):
        content = read(path)
        if not content:
            continue
        found, said = _file_references(django, settings, (module, path), content, left_out)
        references.extend(_resolved(found, modules))
        notes.extend(said)
    apps = tuple(app.name for app in django.apps if app.internal) if django else ()
    return HiddenDependencies(
        tuple(references), apps, tuple(notes), django.settings_module if django else ""
    )


def _django_project(
    settings: DjangoSettings, modules: Mapping[str, str], read: Read
) -> DjangoProject | None:
    """The Django project, read from its settings' syntax; None when there is none."""
    if settings.off:
        return None
    found = find_settings_module(modules, read, settings.settings_module)
    return read_django_project(found, modules, read) if found else None


def _file_references(
    django: DjangoProject | None,
    settings: DjangoSettings,
    where: tuple[str, str],
    content: bytes,
    left_out: Callable[[str], bool],
) -> tuple[list[Reference], list[str]]:
    """One file's references and notes; a file that does not parse has none (the import
    graph reports it), nor one left out (tests, migrations, generated files)."""
    module, path = where
    if left_out(path):  # memoised, and asked again by the analysis: the cheapest test
        return [], []
    found: list[Reference] = []
    notes: list[str] = []
    if b"import_" in content and any(word in content for word in _DYNAMIC_WORDS):
        package = package_of(module, path)
        found, notes = dynamic_references(module, path, content, package)
    django = django if settings.string_references else None
    if django is None or not may_reference(django, path, content):
        return found, notes
    try:
        tree = ast.parse(without_lazy(content))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return found, notes
    named, said = string_references(django, module, path, tree, mention_lines(content))
    return found + named, notes + said


def _resolved(references: list[Reference], modules: Mapping[str, str]) -> list[Reference]:
    """Each reference with its target resolved to the deepest project module the dotted
    name starts with (``shop.middleware.Basket`` -> ``shop.middleware``); references to
    nothing of the project, or to their own module, are dropped."""
    resolved: list[Reference] = []
    for reference in references:
        target = _known_prefix(reference.target, modules)
        if target and target != reference.importer:
            resolved.append(replace(reference, target=target))
    return resolved


def _known_prefix(name: str, modules: Mapping[str, str]) -> str:
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return ""
