"""The string values a settings module assigns, read from its AST and the settings files it
star-imports: what is literal is read, what is not is said (``unread``)."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from codehealth.django.dotted import package_of, resolve_from

# The settings whose unread parts are worth a note (the others hold paths, numbers, secrets).
NOTED_SETTINGS = frozenset(
    {"INSTALLED_APPS", "MIDDLEWARE", "AUTHENTICATION_BACKENDS", "ROOT_URLCONF", "AUTH_USER_MODEL"}
)
_LIST_CALLS = frozenset({"list", "tuple", "set", "sorted", "frozenset"})
_ENVIRONMENT_GETTERS = frozenset({"get", "getenv", "list", "tuple", "str", "config"})


@dataclass(frozen=True, slots=True)
class Text:
    """A string literal of a settings file and where it is written."""

    value: str
    path: str
    line: int


Value = tuple[Text, ...]


@dataclass(slots=True)
class Assigned:
    """What a settings module's names hold once read (star imports included), every
    (name, text) an upper-case assignment wrote, the files read and the notes."""

    names: dict[str, Value] = field(default_factory=dict)
    written: list[tuple[str, Text]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class SettingsReader:
    """Reads settings modules of a project (``modules``: dotted -> relative path), each once."""

    def __init__(self, modules: Mapping[str, str], read: Callable[[str], bytes | None]) -> None:
        self.modules = modules
        self.read = read
        self.result = Assigned()
        self._read: dict[str, dict[str, Value]] = {}

    def names_of(self, module: str) -> dict[str, Value]:
        """The names the settings module defines; a module being read (a cycle) gives none."""
        if module in self._read:
            return self._read[module]
        self._read[module] = {}
        path = self.modules[module]
        tree = parse(self.read(path))
        if tree is None:
            self.result.notes.append(f"{path}: settings not read (missing or not Python)")
            return {}
        self.result.files.append(path)
        scope = _Scope(self, module, path)
        for statement in tree.body:
            scope.statement(statement, conditional=False)
        self._read[module] = scope.names
        return scope.names


def parse(source: bytes | None) -> ast.Module | None:
    """The module's AST; None for a missing file or one that is not Python."""
    if source is None:
        return None
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None


class _Scope:
    def __init__(self, reader: SettingsReader, module: str, path: str) -> None:
        self.reader, self.module, self.path = reader, module, path
        self.names: dict[str, Value] = {}

    def statement(self, node: ast.stmt, conditional: bool) -> None:
        if isinstance(node, ast.ImportFrom):
            self._import_from(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self._assign(node, conditional)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self._method_call(node.value)
        else:
            self._block(node, conditional)

    def _block(self, node: ast.stmt, conditional: bool) -> None:
        # Every branch of a conditional, a try or a loop is read: the union of what they set.
        bodies = _bodies(node)
        changed = sorted(
            {name for body in bodies for name in _assigned_names(body)} & NOTED_SETTINGS
        )
        if changed and not conditional:
            self._note(node, f"{', '.join(changed)} set under a condition: every branch read")
        for body in bodies:
            for statement in body:
                self.statement(statement, conditional=True)

    def _import_from(self, node: ast.ImportFrom) -> None:
        source = resolve_from(package_of(self.module, self.path), node.level, node.module)
        star = any(alias.name == "*" for alias in node.names)
        if source is None or source not in self.reader.modules:
            if star:
                self._note(node, f"star import of {source or '?'}, not a project module: not read")
            return
        names = self.reader.names_of(source)
        if star:
            self.names.update(_public(names))
        for alias in node.names:
            if alias.name in names:
                self.names[alias.asname or alias.name] = names[alias.name]

    def _assign(self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, conditional: bool) -> None:
        if node.value is None:
            return
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                value = self.value(node.value, target.id)
                if isinstance(node, ast.AugAssign) or conditional:
                    value = _union(self.names.get(target.id, ()), value)
                self._set(target.id, value)

    def _set(self, name: str, value: Value) -> None:
        self.names[name] = value
        if name.isupper():
            self.reader.result.written.extend((name, text) for text in value)

    def _method_call(self, call: ast.Call) -> None:
        # INSTALLED_APPS.append("x"), .extend([...]), .insert(0, "x"), .remove("x")
        name = _changed_list(call.func)
        current = self.names.get(name) if name else None
        if name is None or current is None or not call.args:
            return
        changed = self.value(call.args[-1], name)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "remove":
            gone = {text.value for text in changed}
            self.names[name] = tuple(text for text in current if text.value not in gone)
        else:
            self._set(name, _union(current, changed))

    def value(self, node: ast.expr, setting: str) -> Value:
        """The string literals ``node`` holds (in order), noting what is not read."""
        if isinstance(node, ast.Constant):
            return (
                (Text(node.value, self.path, node.lineno),) if isinstance(node.value, str) else ()
            )
        parts = _parts(node)
        if isinstance(node, ast.IfExp):
            self._unread(node, setting, "a conditional expression (both values read)")
        if parts is not None:
            return tuple(text for part in parts for text in self.value(part, setting))
        if isinstance(node, ast.Name) and node.id in self.names:
            return self.names[node.id]
        if isinstance(node, ast.Call):
            return self._call_value(node, setting)
        self._unread(node, setting, describe(node))
        return ()

    def _call_value(self, call: ast.Call, setting: str) -> Value:
        name = call_name(call)
        if isinstance(call.func, ast.Name) and name in _LIST_CALLS and len(call.args) == 1:
            return self.value(call.args[0], setting)
        default = _default_of(call) if name in _ENVIRONMENT_GETTERS or _is_env(call) else None
        if default is None:
            self._unread(call, setting, f"a call to {name or 'a function'}()")
            return ()
        self._unread(call, setting, f"read from the environment by {name}(): its default read")
        return self.value(default, setting)

    def _unread(self, node: ast.expr, setting: str, form: str) -> None:
        if setting in NOTED_SETTINGS:
            self._note(node, f"{setting}: {form}, not understood")

    def _note(self, node: ast.AST, text: str) -> None:
        self.reader.result.notes.append(f"{self.path}:{getattr(node, 'lineno', 0)}: {text}")


def _parts(node: ast.expr) -> list[ast.expr] | None:
    """The expressions whose strings ``node`` holds: a list's elements, a sum's terms, a
    dict's values, both values of ``a if c else b``; None for any other expression."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return node.elts
    if isinstance(node, ast.Starred):
        return [node.value]
    if isinstance(node, ast.Dict):
        return list(node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [node.left, node.right]
    if isinstance(node, ast.IfExp):
        return [node.body, node.orelse]
    return None


def _bodies(node: ast.stmt) -> list[list[ast.stmt]]:
    if isinstance(node, (ast.If, ast.For, ast.While)):
        return [node.body, node.orelse]
    if isinstance(node, ast.Try):
        handlers = [handler.body for handler in node.handlers]
        return [node.body, *handlers, node.orelse, node.finalbody]
    if isinstance(node, ast.With):
        return [node.body]
    return []


def _assigned_names(body: list[ast.stmt]) -> Iterator[str]:
    for node in body:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                yield inner.id
            elif (changed := _changed_list(inner)) is not None:
                yield changed


def _public(names: dict[str, Value]) -> dict[str, Value]:
    """What ``from x import *`` takes: the names not starting with an underscore."""
    return {name: value for name, value in names.items() if not name.startswith("_")}


def _changed_list(node: ast.AST) -> str | None:
    """NAME of ``NAME.append`` and the other methods that change a list in place."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.value.id if node.attr in ("append", "extend", "insert", "remove") else None
    return None


def _union(first: Value, second: Value) -> Value:
    seen = {text.value for text in first}
    return first + tuple(text for text in second if text.value not in seen)


def _is_env(call: ast.Call) -> bool:
    # env.list(...), env(...), environ.Env()(...): django-environ and its kin.
    func = call.func
    target = func.value if isinstance(func, ast.Attribute) else func
    return isinstance(target, ast.Name) and target.id in ("env", "environ", "config")


def _default_of(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "default":
            return keyword.value
    return call.args[1] if len(call.args) == 2 else None


def call_name(call: ast.Call) -> str:
    """The called name's last part: ``env.list(...)`` -> ``list``; "" for other callees."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def describe(node: ast.expr) -> str:
    """A short name for an expression's form, for a note."""
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if isinstance(node, ast.Name):
        return f"the variable {node.id}"
    if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return "a comprehension"
    if isinstance(node, ast.Call):
        return f"a call to {call_name(node) or 'a function'}()"
    return f"an expression ({type(node).__name__})"
