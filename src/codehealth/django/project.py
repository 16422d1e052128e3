"""A Django project read from its settings module: the installed apps with their labels, the
user model, and the settings' string paths naming project modules."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from codehealth.django.app_configs import AppResolver
from codehealth.django.dotted import named_module
from codehealth.django.records import DEFAULT_USER_MODEL, DjangoApp, DjangoProject
from codehealth.django.settings_values import Assigned, SettingsReader, Text


def read_django_project(
    settings_module: str, modules: Mapping[str, str], read: Callable[[str], bytes | None]
) -> DjangoProject:
    """The project whose settings are ``settings_module`` (``modules``: every project module,
    dotted -> relative path; ``read``: relative path -> bytes or None)."""
    known = frozenset(modules)
    if settings_module not in modules:
        note = f"settings module {settings_module} is not one of the project's modules"
        return DjangoProject(settings_module, (), (), (note,), modules=known)
    reader = SettingsReader(modules, read)
    names = reader.names_of(settings_module)
    assigned = reader.result
    entries = _unique(names.get("INSTALLED_APPS", ()))
    if not entries:
        assigned.notes.append(f"{modules[settings_module]}: no INSTALLED_APPS read")
    resolver = AppResolver(modules, read)
    apps, entries = _distinct_apps([(resolver.app(entry), entry) for entry in entries])
    notes = [*assigned.notes, *resolver.notes, *_duplicate_labels(apps, entries)]
    user_model = _user_model(names.get("AUTH_USER_MODEL", ()), apps, notes)
    paths = _settings_paths(assigned, entries, known - {settings_module})
    return DjangoProject(
        settings_module, tuple(apps), paths, tuple(notes), user_model, modules=known
    )


def _unique(entries: tuple[Text, ...]) -> list[Text]:
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.value not in seen:
            seen.add(entry.value)
            unique.append(entry)
    return unique


def _distinct_apps(
    resolved: list[tuple[DjangoApp, Text]],
) -> tuple[list[DjangoApp], list[Text]]:
    # An app module and its AppConfig path (each under one branch of a condition) are one app.
    seen: set[str] = set()
    apps, entries = [], []
    for app, entry in resolved:
        if app.name not in seen:
            seen.add(app.name)
            apps.append(app)
            entries.append(entry)
    return apps, entries


def _duplicate_labels(apps: list[DjangoApp], entries: list[Text]) -> list[str]:
    first: dict[str, tuple[DjangoApp, Text]] = {}
    notes = []
    for app, entry in zip(apps, entries, strict=True):
        if app.label in first:
            other, where = first[app.label]
            notes.append(
                f"{entry.path}:{entry.line}: apps {other.name} ({where.path}:{where.line}) "
                f"and {app.name} share the label {app.label!r}: model strings with it are "
                f"taken as {other.name}'s"
            )
        else:
            first[app.label] = (app, entry)
    return notes


def _user_model(value: tuple[Text, ...], apps: list[DjangoApp], notes: list[str]) -> str:
    if not value:
        return DEFAULT_USER_MODEL
    text = value[-1]
    label = text.value.partition(".")[0]
    if not any(app.label == label for app in apps):
        notes.append(
            f"{text.path}:{text.line}: AUTH_USER_MODEL {text.value!r}: "
            f"no installed app has the label {label!r}"
        )
    return text.value


def _settings_paths(
    assigned: Assigned, entries: list[Text], modules: frozenset[str]
) -> tuple[tuple[str, int, str, str], ...]:
    # INSTALLED_APPS entries are the apps themselves, not paths of the settings.
    apps = set(entries)
    found: dict[tuple[str, int, str], tuple[str, int, str, str]] = {}
    for name, text in assigned.written:
        key = (text.path, text.line, text.value)
        if text in apps or key in found or named_module(text.value, modules) is None:
            continue
        if "." not in text.value and not name.endswith("URLCONF"):
            continue  # CACHE_PREFIX = "shop" does not name the package shop
        found[key] = (text.path, text.line, name, text.value)
    return tuple(found.values())
