"""What was read of a Django project: its settings module, installed apps and the settings'
string paths. Pure values, read from the AST, never imported."""

from __future__ import annotations

from dataclasses import dataclass, field

# Django's default when the settings do not name a user model: an external app's model.
DEFAULT_USER_MODEL = "auth.User"


@dataclass(frozen=True, slots=True)
class DjangoApp:
    """One entry of ``INSTALLED_APPS``: the app's dotted module (an AppConfig path resolved
    to its app module), its label, whether it is one of the project's modules, and the
    AppConfig class path when ``INSTALLED_APPS`` named one."""

    name: str
    label: str
    internal: bool
    config: str = ""


@dataclass(frozen=True, slots=True)
class DjangoProject:
    """A Django project read statically. ``settings_paths`` are (settings file, line, setting
    name, dotted path as written) for each string setting value naming a project module or
    class; ``notes`` say what was not understood, each naming file and line. ``modules`` are
    the project's dotted modules (to resolve strings such as ``include("shop.urls")``)."""

    settings_module: str
    apps: tuple[DjangoApp, ...]
    settings_paths: tuple[tuple[str, int, str, str], ...]
    notes: tuple[str, ...]
    auth_user_model: str = DEFAULT_USER_MODEL
    modules: frozenset[str] = field(default=frozenset(), repr=False)
