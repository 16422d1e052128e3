"""The tools a coding agent calls (``codehealth mcp``): each reads the project as the CLI
does (the same engine, settings and caches), returns a compact dict (``compact``) and turns
a configuration problem or a refused path into an ``error`` result. Analysed code is only
parsed, never imported or run. The settings are read again on every call, so an edit of
``pyproject.toml`` counts at once and a broken one is an error result, not a dead server.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import TYPE_CHECKING, Any

from codehealth.adapters.files import load_catalogue, load_settings, read_file
from codehealth.agent import compact
from codehealth.agent.paths import Refused, confined
from codehealth.core import ConfigError, NotAnalysed, Settings, is_test_path

if TYPE_CHECKING:
    from codehealth.hotspots import HotspotsOptions

Result = dict[str, Any]
# A file above this size is not read for ``measure`` (the scan's own limit is larger; a
# model never needs the figures of a generated 10 MB module).
MAX_BYTES = 2_000_000
_SOURCE = (".py", ".pyi")


def _answering(tool: Callable[..., Result]) -> Callable[..., Result]:
    """A refused path or a configuration error as an ``error`` result naming the cause."""

    @wraps(tool)
    def call(*args: Any, **kwargs: Any) -> Result:
        try:
            return tool(*args, **kwargs)
        except (Refused, ConfigError) as problem:
            return compact.error(str(problem))

    return call


class ProjectTools:
    """The tools of the project at ``root`` (the folder the server started in)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.realpath(root)  # as git names the repository's top
        self._repository: str | None = None

    def tools(self) -> list[Callable[..., Result]]:
        return [
            self.measure,
            self.gate,
            self.explain_rule,
            self.module_api,
            self.hotspots,
            self.plan,
        ]

    def _settings(self) -> Settings:
        return load_settings(self.root)

    @_answering
    def measure(self, path: str = "", content: str | None = None, limit: int = 20) -> Result:
        """Complexity of one Python file, or of a content before it is written: each
        function's cyclomatic and cognitive complexity, nesting, parameters and length (most
        complex first) and the thresholds it exceeds (worst first, with the rule id).
        `path`: project-relative; `content`: the source to measure instead of the file's
        (then `path` only names it, default snippet.py). At most `limit` items per list."""
        from codehealth.metrics import analyze_source, check_thresholds

        settings = self._settings()
        limits = settings.thresholds
        if content is None:
            if not path:
                raise Refused("give a path, or a content to measure")
            relative = confined(self.root, path)
            source = _read(self.root, relative)
        else:
            relative = confined(self.root, path) if path else "snippet.py"
            source = content.encode("utf-8", "surrogatepass")
            if len(source) > MAX_BYTES:
                raise Refused(f"content: {len(source)} bytes, more than {MAX_BYTES} to measure")
        metrics = analyze_source(source, relative)
        found = () if isinstance(metrics, NotAnalysed) else check_thresholds([metrics], limits)
        rules = {r.metric: r.id for r in load_catalogue(settings).rules if r.metric}
        result = compact.measured(metrics, found, rules, limit)
        if is_test_path(relative, settings.tests):
            result["test_file"] = True
        return result

    @_answering
    def gate(
        self, base: str = "HEAD", proposed: dict[str, str] | None = None, limit: int = 20
    ) -> Result:
        """`codehealth gate`: does the change leave the code worse? Compares the work tree
        with the merge base of `base` (default HEAD: the uncommitted change). `proposed`:
        project-relative path -> full new content of files you plan to write; the gate
        judges the work tree as if they were written, and writes nothing. Failures first
        (rule, place, message), then each touched file's debt before and after."""
        from codehealth.adapters.git import repository_root
        from codehealth.gate import GateRequest, run_gate_request

        if self._repository is None:  # the project's repository does not move: asked once
            self._repository = repository_root(self.root)
        repository = self._repository
        given: dict[str, bytes] = {}
        for path, text in (proposed or {}).items():
            inside = os.path.join(self.root, confined(self.root, path))
            if not inside.endswith(_SOURCE):
                raise Refused(f"{path}: only Python files (.py, .pyi) can be proposed")
            key = os.path.relpath(inside, repository).replace(os.sep, "/")
            given[key] = text.encode("utf-8", "surrogatepass")
        request = GateRequest(self.root, base or "HEAD", proposed=given)
        report = run_gate_request(request)
        return compact.gate(report, _prefix(self.root, repository), limit)

    @_answering
    def explain_rule(self, rule_id: str) -> Result:
        """A rule's documentation (`codehealth rules CH101`): what it finds, why it
        matters, a bad and a good example, how to fix it, its threshold and cost."""
        from codehealth.ruledocs import render_rule_doc

        catalogue = load_catalogue(self._settings())
        rule = catalogue.rule(rule_id.strip().upper())
        if rule is None:
            known = ", ".join(r.id for r in catalogue.rules)
            return compact.error(f"no rule {rule_id!r}; the rules are {known}")
        head = {"id": rule.id, "name": rule.name, "family": rule.family}
        return {**head, "severity": rule.severity, "text": render_rule_doc(rule)}

    @_answering
    def module_api(self, module: str, limit: int = 50) -> Result:
        """A module's public API (the names code outside it may import), what it may
        depend on, which modules import it and which it imports, and the boundary
        violations that reach into it. `module`: a dotted name (`shop.orders`); an
        unknown one lists the modules."""
        from codehealth.agent.modules import module_api

        return module_api(self.root, self._settings(), module.strip(), limit)

    @_answering
    def hotspots(self, limit: int = 10) -> Result:
        """The files (and functions in them) that change most often and are most complex:
        where a refactor pays off first; from the git history of the configured window."""
        from codehealth.hotspots import run_hotspots

        mined = run_hotspots(self.root, _history_options(_without_flake8(self._settings())))
        return compact.hotspots(mined.report, limit)

    @_answering
    def plan(self, budget: str = "8h", limit: int = 10) -> Result:
        """A refactor plan that fits `budget` (e.g. 8h, 3d): the targets with the best
        payoff (changes x debt) first, each with its rules, refactorings and effort."""
        from codehealth.hotspots import run_hotspots
        from codehealth.plan import plan_from, read_budget

        wanted = read_budget(budget, None, None, None, None, False)
        settings = _without_flake8(self._settings())
        mined = run_hotspots(self.root, _history_options(settings))
        return compact.plan(plan_from(mined, wanted, settings), limit)


def _without_flake8(settings: Settings) -> Settings:
    """The settings hotspots and the plan measure today's files with: never flake8, whose
    plugins (``[flake8:local-plugins]``) are code from the repository."""
    return replace(settings, debt=replace(settings.debt, flake8="off"))


def _history_options(settings: Settings) -> HotspotsOptions:
    from codehealth.debt import DebtOptions
    from codehealth.hotspots import HotspotsOptions

    return HotspotsOptions(measuring=DebtOptions(settings=settings))


def _read(root: str, relative: str) -> bytes:
    try:
        return read_file(os.path.join(root, relative), MAX_BYTES)
    except OSError as error:
        raise Refused(f"{relative}: cannot be read ({error.strerror or error})") from None


def _prefix(root: str, repository: str) -> str:
    """The project's folder inside the repository ("" at its top), with a slash."""
    inside = os.path.relpath(root, repository).replace(os.sep, "/")
    return "" if inside == "." else inside + "/"
