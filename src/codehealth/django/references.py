"""The dependencies one module's source holds in strings: model references by label, lazy
``get_model`` calls, URL includes, and (for settings files) the settings' string paths."""

from __future__ import annotations

import ast
import bisect
import re
from collections import deque
from collections.abc import Iterator

from codehealth.core import GET_MODEL, MODEL_REFERENCE, SETTINGS_PATH, URL_INCLUDE, Reference
from codehealth.django.dotted import in_migrations, named_module
from codehealth.django.model_labels import ModelLabels
from codehealth.django.records import DjangoProject
from codehealth.django.settings_values import call_name, describe

# Fields whose first positional argument (or ``to=``) is the related model.
RELATION_FIELDS = frozenset(
    {
        "ForeignKey",
        "OneToOneField",
        "ManyToManyField",
        "ForeignObject",
        "GenericRelation",
        "ParentalKey",  # modelcluster (wagtail)
        "ParentalManyToManyField",
        "TreeForeignKey",  # django-mptt
        "TreeOneToOneField",
        "TreeManyToManyField",
    }
)
_USER_MODEL = "AUTH_USER_MODEL"
_SETTING_TEXT = "settings.AUTH_USER_MODEL"
# sender="order.Order"; not sender="noreply@example.com" (mail, not a model signal)
_MODEL_STRING = re.compile(r"[A-Za-z_]\w*\.[A-Za-z_]\w*\Z")
# A source without these words holds no string reference (``in`` on bytes is much faster
# than one regular expression of alternatives).
_MENTIONS = (
    b"ForeignKey",  # TreeForeignKey too
    b"OneToOne",
    b"ManyToMany",
    b"ForeignObject",
    b"GenericRelation",
    b"ParentalKey",
    b"get_model",
    b"include(",
    b"sender=",
    b"sender =",
)

_MENTION = re.compile(b"|".join(re.escape(word) for word in _MENTIONS))
_NEWLINE = re.compile(b"\n")


def may_reference(project: DjangoProject, path: str, source: bytes) -> bool:
    """Whether ``string_references`` can find anything in the file at ``path``: False means
    none, so the walk of its tree can be skipped (a settings file always may, a migration
    never does)."""
    if any(entry[0] == path for entry in project.settings_paths):
        return True
    if "migrations" in path.split("/")[:-1]:
        return False
    return any(word in source for word in _MENTIONS)


def mention_lines(source: bytes) -> tuple[int, ...]:
    """The lines (sorted) where ``source`` names what a string reference is made with: the
    only places ``string_references`` need look at (a models file's other fields are not)."""
    newlines = [match.start() for match in _NEWLINE.finditer(source)]
    found = {bisect.bisect_left(newlines, m.start()) + 1 for m in _MENTION.finditer(source)}
    return tuple(sorted(found))


def string_references(
    project: DjangoProject,
    module: str,
    path: str,
    tree: ast.Module,
    lines: tuple[int, ...] | None = None,
) -> tuple[list[Reference], list[str]]:
    """The string references of ``module`` (at ``path``, parsed as ``tree``) to other apps'
    modules, and notes on what was not read. A migration holds none. ``lines``: only the
    calls that span one of these lines are read (``mention_lines``; None: every call)."""
    if in_migrations(module):
        return [], []
    finder = _Finder(project, module, path)
    for node in _calls(tree, lines):
        finder.call(node)
    finder.settings_paths()
    return finder.references, finder.notes


def _calls(tree: ast.Module, lines: tuple[int, ...] | None) -> Iterator[ast.Call]:
    """The calls of ``tree`` in ``ast.walk``'s order, without the subtrees that span none
    of ``lines``."""
    work: deque[ast.AST] = deque([tree])
    while work:
        node = work.popleft()
        for child in ast.iter_child_nodes(node):
            first = getattr(child, "lineno", None)
            if lines is not None and first is not None and not _spans(lines, first, child):
                continue
            if isinstance(child, ast.Call):
                yield child
            work.append(child)


def _spans(lines: tuple[int, ...], first: int, node: ast.AST) -> bool:
    decorators = getattr(node, "decorator_list", None)
    if decorators:  # a definition starts at its `def`, below its decorators
        first = min(first, decorators[0].lineno)
    last = getattr(node, "end_lineno", None) or first
    at = bisect.bisect_left(lines, first)
    return at < len(lines) and lines[at] <= last


class _Finder:
    def __init__(self, project: DjangoProject, module: str, path: str) -> None:
        self.project, self.module, self.path = project, module, path
        self.labels = ModelLabels(project, module)
        self.references: list[Reference] = []
        self.notes: list[str] = []

    def call(self, call: ast.Call) -> None:
        name = call_name(call)
        if name in RELATION_FIELDS:
            self._model_argument(call, _argument(call, 0, "to"), name)
        elif name == "get_model":
            self._get_model(call)
        elif name == "include" and call.args:
            self._include(call.args[0])
        sender = _keyword(call, "sender")
        text = _literal(sender)
        if sender is not None and text is not None and _MODEL_STRING.match(text):
            self._model(sender, text, MODEL_REFERENCE)

    def _model_argument(self, call: ast.Call, target: ast.expr | None, field: str) -> None:
        if target is None:
            return
        text = _literal(target)
        user_model = _user_model_form(target)
        if text is not None:
            self._model(target, text, MODEL_REFERENCE)
        elif user_model:
            self._model(target, self.project.auth_user_model, MODEL_REFERENCE, user_model)
        elif isinstance(target, ast.Call) and call_name(target) == "get_model_name":
            # swapper.get_model_name("wagtailcore", "Page"): a swappable model, by default
            # the one it names
            self._swappable(call, target, field)
        elif _names_a_string(target):
            self._note(call, f"{field} target is {describe(target)}, not read")

    def _swappable(self, call: ast.Call, target: ast.Call, field: str) -> None:
        texts = [_literal(node) for node in target.args]
        if len(texts) == 2 and texts[0] and texts[1]:
            self._model(target, f"{texts[0]}.{texts[1]}", MODEL_REFERENCE)
        else:
            self._note(call, f"{field} target is {describe(target)}, not read")

    def _get_model(self, call: ast.Call) -> None:
        first = _argument(call, 0, "app_label")
        second = _argument(call, 1, "model_name")
        texts = [_literal(node) for node in (first, second) if node is not None]
        if not texts:
            return  # a model's own get_model(), not a lookup by label
        if any(text is None for text in texts):
            self._note(call, "get_model() with an argument that is not a string, not read")
            return
        if len(texts) == 2:
            self._model(call, f"{texts[0]}.{texts[1]}", GET_MODEL)
        elif "." in str(texts[0]):
            self._model(call, str(texts[0]), GET_MODEL)

    def _include(self, argument: ast.expr) -> None:
        if isinstance(argument, ast.Tuple) and argument.elts:
            argument = argument.elts[0]
        text = _literal(argument)
        if text is None:
            if isinstance(argument, ast.JoinedStr):
                self._note(argument, "include() of an f-string, not read")
            return
        if text in self.project.modules:
            self._add(argument, text, URL_INCLUDE, text)
        elif self.labels.inside_internal_app(text):
            self._note(argument, f"include({text!r}) names no module of the project")

    def _model(self, node: ast.AST, text: str, kind: str, written: str = "") -> None:
        # ``written``: what the source wrote when it is not the model string itself.
        target, note = self.labels.target(text)
        if note:
            self._note(node, f"{written} {text!r}: {note}".lstrip())
        elif target:
            self._add(node, target, kind, written or text)

    def settings_paths(self) -> None:
        for path, line, _name, dotted in self.project.settings_paths:
            target = named_module(dotted, self.project.modules)
            if path == self.path and target and not self.labels.same_app(target):
                self.references.append(
                    Reference(path, line, self.module, target, SETTINGS_PATH, dotted)
                )

    def _add(self, node: ast.AST, target: str, kind: str, text: str) -> None:
        if target != self.module and not self.labels.same_app(target):
            line = getattr(node, "lineno", 0)
            self.references.append(Reference(self.path, line, self.module, target, kind, text))

    def _note(self, node: ast.AST, text: str) -> None:
        self.notes.append(f"{self.path}:{getattr(node, 'lineno', 0)}: {text}")


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    found = _keyword(call, keyword)
    if found is not None:
        return found
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _user_model_form(node: ast.expr) -> str:
    """How the target names the user model: ``settings.AUTH_USER_MODEL``, or
    ``AUTH_USER_MODEL`` (oscar's ``from oscar.core.compat import AUTH_USER_MODEL``); ""."""
    if isinstance(node, ast.Attribute) and node.attr == _USER_MODEL:
        return _SETTING_TEXT
    if isinstance(node, ast.Name) and node.id == _USER_MODEL:
        return _USER_MODEL
    return ""


def _names_a_string(node: ast.expr) -> bool:
    """Whether a non-literal target may hold a model string: an f-string, a concatenation, a
    call, or a variable that is not a class name (``Order`` is a class its import shows)."""
    if isinstance(node, ast.Name):
        return not node.id[:1].isupper() or node.id.isupper()
    return isinstance(node, (ast.JoinedStr, ast.BinOp, ast.Call, ast.Subscript))
