"""Which packages make up the project, and its modules (defaults plus configuration)."""

from __future__ import annotations

import difflib
import fnmatch
import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from codehealth.boundaries.modules import is_within
from codehealth.core import ConfigError, Settings, generated_marker, is_test_path, skipped_folder

if TYPE_CHECKING:
    from codehealth.boundaries.modules import ModuleMap
    from codehealth.core import ModuleDecl


def root_package_folders(settings: Settings) -> dict[str, str]:
    """Root package name -> absolute folder: the configured ones, or every package in the
    source roots: a folder with ``__init__.py``, or a PEP 420 namespace folder (no
    ``__init__.py``) holding a package at any depth, or, in a source root other than the
    project folder (``src/``), holding any Python file."""
    root = settings.root
    wanted = settings.boundaries.root_packages
    if wanted:
        folders: dict[str, str] = {}
        for name in wanted:
            candidates = [
                os.path.join(root, base, *name.split(".")) for base in settings.roots or (".",)
            ]
            found = next((c for c in candidates if os.path.isdir(c)), None)
            if found is None:
                raise ConfigError(
                    f"{settings.config_file}: [tool.codehealth.boundaries] root_packages: "
                    f"no folder {name.replace('.', '/')!r} in the source roots "
                    f"({', '.join(settings.roots or ('.',))})"
                )
            folders[name] = os.path.abspath(found)
        return folders
    return _discover(settings)


def _discover(settings: Settings) -> dict[str, str]:
    root = os.path.abspath(settings.root)
    source_roots = {os.path.abspath(os.path.join(root, r)) for r in settings.roots or (".",)}
    skip = (*settings.exclude, *_tests(settings))
    folders: dict[str, str] = {}
    for base in settings.roots or (".",):
        try:
            entries = sorted(os.scandir(os.path.abspath(os.path.join(root, base))), key=_name)
        except OSError:
            continue
        for entry in entries:
            if entry.name in folders or entry.path in source_roots:
                continue
            in_src = os.path.abspath(os.path.join(root, base)) != root
            if _is_root_package(entry, os.path.relpath(entry.path, root), skip, settings, in_src):
                folders[entry.name] = os.path.abspath(entry.path)
    return folders


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _is_root_package(
    entry: os.DirEntry[str],
    relative: str,
    skip: tuple[str, ...],
    settings: Settings,
    in_src: bool = False,
) -> bool:
    """A package folder of the project: neither excluded nor tests (celery's ``t/``)."""
    name = entry.name
    if not entry.is_dir() or not name.isidentifier():
        return False
    if any(fnmatch.fnmatch(name, p) for p in skip):
        return False
    as_file = relative.replace(os.sep, "/") + "/__init__.py"
    if _tests(settings) and is_test_path(as_file, settings.tests):
        return False
    init = os.path.join(entry.path, "__init__.py")
    return os.path.isfile(init) or _namespace_root(entry.path, in_src)


def not_importer(settings: Settings, read: Callable[[str], bytes | None]) -> Callable[[str], bool]:
    """Files whose imports the public-API rule leaves alone (project-relative path in):
    tests (as every command recognises them, celery's ``t/`` too), Django migrations, and
    what every command leaves out: hidden and vendored folders, generated files (so the
    gate's baseline and ``boundaries`` judge the same imports). ``read`` gives a file's bytes."""
    tests = settings.boundaries.exclude_tests
    folders = (settings.exclude_hidden, settings.exclude_vendored)

    @functools.cache  # asked once per import edge
    def left_out(path: str) -> bool:
        if tests and is_test_path(path, settings.tests):
            return True
        if "migrations" in path.split("/")[:-1] or skipped_folder(path, *folders):
            return True
        content = read(path)
        return content is not None and generated_marker(content) is not None

    return left_out


def _tests(settings: Settings) -> tuple[str, ...]:
    boundaries = settings.boundaries
    return boundaries.test_patterns if boundaries.exclude_tests else ()


_PROJECT_FILES = frozenset(("pyproject.toml", "setup.py", "setup.cfg"))


def _namespace_root(folder: str, any_module: bool, depth: int = 4) -> bool:
    """A PEP 420 namespace package: no ``__init__.py``, but a package inside, through
    folders named like packages (``company.foo.bar`` with an ``__init__.py``); with
    ``any_module`` (a ``src/`` folder, which holds only packages) any Python file will
    do. In the project folder itself a folder of scripts (``scripts/``, ``docs/``) is not
    taken for one, nor another project's folder (a workspace member)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    if not any_module and any(e.name in _PROJECT_FILES for e in entries):
        return False  # another project's folder (a workspace member): not a package
    return any(_holds_package(entry, any_module, depth) for entry in entries)


def _holds_package(entry: os.DirEntry[str], any_module: bool, depth: int) -> bool:
    """One entry of a possible namespace folder makes it a package: a Python file (with
    ``any_module``), a regular package, or a namespace package within ``depth``."""
    if any_module and entry.name.endswith(".py") and entry.is_file():
        return True
    if not entry.is_dir() or not entry.name.isidentifier() or entry.name == "src":
        return False
    if os.path.isfile(os.path.join(entry.path, "__init__.py")):
        return True
    return depth > 1 and _namespace_root(entry.path, any_module, depth - 1)


def namespace_packages(every_module: set[str], roots: tuple[str, ...]) -> set[str]:
    """The PEP 420 packages of ``roots``: every package name above a module that no file
    stands for (grimp lists a namespace package's modules, never the package)."""
    found: set[str] = set()
    for name in every_module:
        parts = name.split(".")
        for end in range(1, len(parts)):
            prefix = ".".join(parts[:end])
            if prefix not in every_module and any(is_within(prefix, r) for r in roots):
                found.add(prefix)
    return found


def prefix_roots(roots: tuple[str, ...], namespaces: set[str], every: set[str]) -> set[str]:
    """Where the default modules hang: each root package, or, below a namespace package
    that is only a naming prefix (``company/`` holding nothing but ``company/foo/``), that
    one package (deptry #740's ``company.foo``), as deep as the prefix goes. ``every``:
    every module and package name."""
    found: set[str] = set()
    for root in roots:
        current = root
        while current in namespaces:
            children = [n for n in every if n.rpartition(".")[0] == current]
            if len(children) != 1 or not any(n.startswith(children[0] + ".") for n in every):
                break  # several children, or a single plain module
            current = children[0]
        found.add(current)
    return found


def module_map(
    settings: Settings,
    roots: tuple[str, ...],
    packages: set[str],
    every_module: set[str],
    apps: tuple[str, ...] = (),
) -> ModuleMap:
    """Every direct subpackage of each root package and each Django app of the project
    (``apps``), plus the declared modules (checked: a name that does not exist stops the
    run)."""
    from codehealth.boundaries.modules import default_modules, is_test_module, make_module_map

    boundaries = settings.boundaries
    tests = _tests(settings)
    namespaces = namespace_packages(every_module, roots)
    packages = packages | namespaces
    every_module = every_module | namespaces
    modules = {
        m
        for m in default_modules(packages, prefix_roots(roots, namespaces, every_module))
        if not is_test_module(m, tests) and not m.endswith(".migrations")
    }
    where = f"{settings.config_file}: [tool.codehealth.modules]"
    public = _django_apps(settings, apps, packages, every_module, modules)
    depends: dict[str, tuple[str, ...] | None] = {}
    for declared in boundaries.modules:
        _must_exist(declared.name, packages, where, "is not a package of the project")
        modules.add(declared.name)
        public[declared.name] = _declared_public(declared, namespaces, every_module)
        depends[declared.name] = declared.depends_on
    for declared in boundaries.modules:
        _check_declared(declared, modules, every_module, where)
    return make_module_map(modules, public, depends)


def _declared_public(
    declared: ModuleDecl, namespaces: set[str], every_module: set[str]
) -> frozenset[str]:
    """A declared module's API: its ``public`` list, else, for a namespace package (no
    ``__init__.py`` to bind one), its open submodules."""
    if declared.name in namespaces and not declared.public:
        return _open_submodules(declared.name, every_module)
    return frozenset(declared.public)


def _check_declared(
    declared: ModuleDecl, modules: set[str], every_module: set[str], where: str
) -> None:
    """Each name a declared module's ``depends_on`` and ``public`` give exists."""
    for name in declared.depends_on or ():
        _must_exist(name, modules, f"{where} {declared.name}.depends_on", "is not a module")
    for name in declared.public:
        _must_exist(name, every_module, f"{where} {declared.name}.public", "does not exist")


def _open_submodules(namespace: str, every_module: set[str]) -> frozenset[str]:
    """The API of a namespace package declared without ``public``: its direct submodules
    whose name has no leading underscore (there is no ``__init__.py`` to re-export through)."""
    return frozenset(
        name
        for name in every_module
        if name.rpartition(".")[0] == namespace and not name.rpartition(".")[2].startswith("_")
    )


def _django_apps(
    settings: Settings,
    apps: tuple[str, ...],
    packages: set[str],
    every_module: set[str],
    modules: set[str],
) -> dict[str, frozenset[str]]:
    """Adds each project app (a package) to ``modules`` when apps are modules; its public
    submodules when the Django convention is declared (the rest is then its internals)."""
    django = settings.django
    if not django.apps_are_modules:
        return {}
    inside = [app for app in apps if app in packages]
    # An app is one module: its subpackages (models/, forms/) are its parts, not modules.
    modules.difference_update({m for m in modules for app in inside if m.startswith(app + ".")})
    modules.update(inside)
    if not django.public:
        return {}
    return {app: _named_submodules(app, django.public, every_module) for app in inside}


def _named_submodules(app: str, names: tuple[str, ...], every_module: set[str]) -> frozenset[str]:
    """The app's submodules of these names that exist."""
    return frozenset(f"{app}.{name}" for name in names) & every_module


def check_django_settings(settings: Settings, every_module: set[str]) -> None:
    """A configured settings module must be one of the project's (found ones may not be)."""
    name = settings.django.settings_module
    if name and not settings.django.off:
        where = f"{settings.config_file}: [tool.codehealth.django] settings_module"
        _must_exist(name, every_module, where, "is not a module of the project")


def _must_exist(name: str, known: set[str], where: str, problem: str) -> None:
    if name in known:
        return
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ConfigError(f"{where}: {name!r} {problem}{hint}")
