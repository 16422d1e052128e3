"""An ``INSTALLED_APPS`` entry resolved to its app: an app module (its default AppConfig in
``apps.py``) or an AppConfig class path, with the ``name`` and ``label`` the class sets
(inherited from project base classes too). Read from the AST only."""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from codehealth.django.dotted import package_of, resolve_from
from codehealth.django.records import DjangoApp
from codehealth.django.settings_values import Text, parse

_ATTRIBUTES = ("name", "label")
_DEPTH = 6  # how many base classes up a label is looked for


@dataclass(frozen=True, slots=True)
class _Class:
    module: str
    node: ast.ClassDef
    tree: ast.Module


class AppResolver:
    """Resolves ``INSTALLED_APPS`` entries against the project's modules, parsing each
    module once; what cannot be resolved is noted."""

    def __init__(self, modules: Mapping[str, str], read: Callable[[str], bytes | None]) -> None:
        self.modules, self.read = modules, read
        self.notes: list[str] = []
        self._trees: dict[str, ast.Module | None] = {}
        # Packages without an __init__.py (namespace packages) are apps too.
        self.packages = {m.rpartition(".")[0] for m in modules} | set(modules)

    def app(self, entry: Text) -> DjangoApp:
        """The app ``entry`` (an app module or an AppConfig path) names."""
        dotted = entry.value
        owner, _, class_name = dotted.rpartition(".")
        if owner in self.modules and class_name[:1].isupper():
            return self._config_path(entry, owner, class_name)
        if dotted in self.packages:
            return self._app_module(dotted)
        return _external(dotted)

    def _app_module(self, name: str) -> DjangoApp:
        found = self._default_config(name)
        if found is None:
            return DjangoApp(name, name.rpartition(".")[2], True)
        attributes = self._attributes(found)
        label = attributes.get("label") or name.rpartition(".")[2]
        return DjangoApp(name, label, True)

    def _config_path(self, entry: Text, owner: str, class_name: str) -> DjangoApp:
        found = self._class(owner, class_name)
        fallback = owner.removesuffix(".apps") if owner.endswith(".apps") else owner
        if found is None:
            self.notes.append(
                f"{entry.path}:{entry.line}: INSTALLED_APPS names {entry.value}, "
                f"no class {class_name} in {owner}: taken as the app {fallback}"
            )
            return DjangoApp(fallback, fallback.rpartition(".")[2], True, entry.value)
        attributes = self._attributes(found)
        name = attributes.get("name") or fallback
        label = attributes.get("label") or name.rpartition(".")[2]
        return DjangoApp(name, label, name in self.packages, entry.value)

    def _default_config(self, app: str) -> _Class | None:
        # Django 3.2+: the one AppConfig subclass of apps.py, or the one with default = True;
        # before it, default_app_config in the app's __init__.
        named = _literal(self._tree(app), "default_app_config")
        if named:
            owner, _, class_name = named.rpartition(".")
            return self._class(owner, class_name)
        tree = self._tree(f"{app}.apps")
        chosen = _default_of(tree) if tree is not None else None
        return _Class(f"{app}.apps", chosen, tree) if chosen and tree else None

    def _attributes(self, found: _Class, depth: int = 0) -> dict[str, str]:
        """The ``name`` and ``label`` the class sets or inherits from a project class."""
        values: dict[str, str] = {}
        if depth < _DEPTH:
            for base in found.node.bases:
                parent = self._base_class(found, base)
                if parent is not None:
                    values.update(self._attributes(parent, depth + 1))
        for attribute in _ATTRIBUTES:
            value = _class_literal(found.node, attribute)
            if isinstance(value, str):
                values[attribute] = value
        return values

    def _base_class(self, found: _Class, base: ast.expr) -> _Class | None:
        if isinstance(base, ast.Name):
            local = _class_in(found.tree, base.id)
            if local is not None and local is not found.node:
                return _Class(found.module, local, found.tree)
            source = _imported_from(found, base.id, self.modules.get(found.module, ""))
            return self._class(source[0], source[1]) if source else None
        if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
            source = _imported_from(found, base.value.id, self.modules.get(found.module, ""))
            if source is not None:
                return self._class(".".join(source), base.attr)
        return None

    def _class(self, module: str, class_name: str) -> _Class | None:
        tree = self._tree(module)
        node = _class_in(tree, class_name) if tree is not None else None
        return _Class(module, node, tree) if node is not None and tree is not None else None

    def _tree(self, module: str) -> ast.Module | None:
        if module not in self._trees:
            path = self.modules.get(module)
            self._trees[module] = parse(self.read(path)) if path else None
        return self._trees[module]


def _default_of(tree: ast.Module) -> ast.ClassDef | None:
    """The default AppConfig of an apps.py: its one subclass, or the one with default = True
    (a class with default = False never is)."""
    marked = {node: _class_literal(node, "default") for node in _configs(tree)}
    chosen = [node for node, default in marked.items() if default is not False]
    pick = [node for node in chosen if marked[node] is True] or chosen
    return pick[0] if len(pick) == 1 else None


def _configs(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in tree.body if isinstance(node, ast.ClassDef) and _is_config(node)]


def _external(dotted: str) -> DjangoApp:
    owner, _, last = dotted.rpartition(".")
    if owner and last[:1].isupper():  # an AppConfig path of a third-party app
        name = owner.removesuffix(".apps")
        return DjangoApp(name, name.rpartition(".")[2], False, dotted)
    return DjangoApp(dotted, last, False)


def _imported_from(found: _Class, local: str, path: str) -> tuple[str, str] | None:
    """(module, name) that ``local`` was imported as in the class's module (at ``path``)."""
    package = package_of(found.module, path)
    for node in found.tree.body:
        if isinstance(node, ast.ImportFrom):
            source = resolve_from(package, node.level, node.module)
            for alias in node.names:
                if source and (alias.asname or alias.name) == local:
                    return source, alias.name
    return None


def _is_config(node: ast.ClassDef) -> bool:
    # AppConfig, or a project's base of it (oscar's OscarConfig).
    return any(_base_name(base).endswith("Config") for base in node.bases)


def _base_name(base: ast.expr) -> str:
    if isinstance(base, ast.Attribute):
        return base.attr
    return base.id if isinstance(base, ast.Name) else ""


def _class_in(tree: ast.Module, class_name: str) -> ast.ClassDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return node
    return None


def _class_literal(node: ast.ClassDef, attribute: str) -> object:
    return _literal_in(node.body, attribute)


def _literal(tree: ast.Module | None, name: str) -> str | None:
    value = _literal_in(tree.body, name) if tree is not None else None
    return value if isinstance(value, str) else None


def _literal_in(body: list[ast.stmt], name: str) -> object:
    for node in body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        value = getattr(node, "value", None)
        named = any(isinstance(t, ast.Name) and t.id == name for t in targets)
        if named and isinstance(value, ast.Constant) and isinstance(value.value, (str, bool)):
            return value.value
    return None
