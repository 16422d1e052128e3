"""``[tool.codehealth.django]``: how a Django project's apps and string references count."""

from __future__ import annotations

from dataclasses import dataclass

# The submodules Django itself looks up in every app by name: its usual API to the others.
DJANGO_CONVENTION = ("models", "apps", "admin", "signals", "urls")


@dataclass(frozen=True, slots=True)
class DjangoSettings:
    """``settings_module``: the dotted settings module ("" finds it statically from
    ``manage.py``, ``wsgi.py``/``asgi.py`` or the pytest configuration; "off": not a Django
    project). ``apps_are_modules``: each project app of ``INSTALLED_APPS`` is a module for
    ``boundaries``. ``string_references``: the couplings Django makes by strings are edges.
    ``public``: submodules of every project app that are its API besides its ``__init__.py``
    (``["models", "apps", "admin", "signals", "urls"]`` is Django's convention); the app's
    other submodules are then its internals."""

    settings_module: str = ""
    apps_are_modules: bool = True
    string_references: bool = True
    public: tuple[str, ...] = ()

    @property
    def off(self) -> bool:
        return self.settings_module == "off"
