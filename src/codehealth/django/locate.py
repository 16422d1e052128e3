"""Where a Django project's settings module is named, found statically: ``manage.py``,
``wsgi.py``/``asgi.py`` and pytest configuration. Nothing is imported or run."""

from __future__ import annotations

import ast
import configparser
import re
from collections.abc import Callable, Iterator, Mapping

from codehealth.core import TOMLDecodeError, parse_toml

Read = Callable[[str], "bytes | None"]

_VARIABLE = "DJANGO_SETTINGS_MODULE"
_ENTRY_POINTS = ("manage.py", "wsgi.py", "asgi.py")
# pytest-django's ``--ds`` option written into addopts.
_DS_OPTION = re.compile(r"--ds[= ]\s*([\w.]+)")
_INI_SECTIONS = (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest"))


def find_settings_module(
    modules: Mapping[str, str], read: Read, configured: str = ""
) -> str | None:
    """The dotted settings module: ``configured`` if given, else the first one named by
    ``manage.py`` (the root's first), a ``wsgi.py``/``asgi.py``, or pytest's configuration.
    A named module that is one of ``modules`` wins over one that is not."""
    if configured:
        return configured
    named = list(_named(modules, read))
    for name in named:
        if name in modules:
            return name
    return named[0] if named else None


def _named(modules: Mapping[str, str], read: Read) -> Iterator[str]:
    module_at = {path: module for module, path in modules.items()}
    for path in _entry_point_paths(modules):
        source = read(path)
        for name in settings_in_source(source) if source is not None else []:
            # python shop/manage.py puts shop/ first on sys.path: "settings" there is
            # the project's shop.settings (django-oscar's sandbox is such a project).
            package = module_at.get(path, "").rpartition(".")[0]
            if package and name not in modules:
                yield f"{package}.{name}"
            yield name
    yield from _pytest_settings(read)


def _entry_point_paths(modules: Mapping[str, str]) -> list[str]:
    # The root's manage.py first, then the others by how shallow they are.
    found = {path for path in modules.values() if path.rpartition("/")[2] in _ENTRY_POINTS}
    found.add("manage.py")
    return sorted(found, key=lambda path: (not path.endswith("manage.py"), path.count("/"), path))


def settings_in_source(source: bytes) -> list[str]:
    """Every literal ``DJANGO_SETTINGS_MODULE`` value the source sets:
    ``os.environ.setdefault(...)``, ``os.environ[...] = ...``, ``environ.setdefault(...)``."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        value = _set_call(node) if isinstance(node, ast.Call) else _set_item(node)
        if value:
            found.append(value)
    return found


def _set_call(call: ast.Call) -> str | None:
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("setdefault", "__setitem__")):
        return None
    if len(call.args) == 2 and _is_text(call.args[0], _VARIABLE):
        return _text(call.args[1])
    return None


def _set_item(node: ast.AST) -> str | None:
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        return None
    target = node.targets[0]
    if isinstance(target, ast.Subscript) and _is_text(target.slice, _VARIABLE):
        return _text(node.value)
    return None


def _is_text(node: ast.expr, expected: str) -> bool:
    return _text(node) == expected


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _pytest_settings(read: Read) -> Iterator[str]:
    source = read("pyproject.toml")
    if source is not None:
        yield from _pyproject_settings(source)
    for path, section in _INI_SECTIONS:
        source = read(path)
        if source is not None:
            yield from _ini_settings(source, section)


def _pyproject_settings(source: bytes) -> Iterator[str]:
    try:
        document = parse_toml(source.decode("utf-8", "replace"))
    except TOMLDecodeError:
        return
    options = document.get("tool", {}).get("pytest", {}).get("ini_options", {})
    if isinstance(options, dict):
        yield from _option_settings({key.lower(): value for key, value in options.items()})


def _ini_settings(source: bytes, section: str) -> Iterator[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(source.decode("utf-8", "replace"))
    except configparser.Error:
        return
    if parser.has_section(section):
        yield from _option_settings(dict(parser.items(section)))


def _option_settings(options: Mapping[str, object]) -> Iterator[str]:
    value = options.get(_VARIABLE.lower())
    if isinstance(value, str) and value.strip():
        yield value.strip()
    addopts = options.get("addopts")
    if isinstance(addopts, list):
        addopts = " ".join(str(item) for item in addopts)
    if isinstance(addopts, str):
        yield from _DS_OPTION.findall(addopts)
