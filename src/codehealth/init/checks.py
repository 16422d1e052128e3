"""What ``codehealth init`` warns about: setups where codehealth would quietly do less than
it seems to. Each warning names the thing and the fix.

- a baseline that git ignores is never committed: CI (a fresh clone) runs without it;
- a ``requires-python`` newer than the running interpreter: files with newer syntax do not
  parse and are left out of every measure;
- most imports between modules reach into modules that declare no API: the public-API
  rule then checks little, and init writes (commented out) the declaration that fits;
- a Django project that does not declare Django's public-API convention: init writes it
  (commented out) for the team to adopt.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from codehealth.adapters.git import ignoring_rule
from codehealth.boundaries import DYNAMIC_PRIVATE_IMPORT, PRIVATE_SUBMODULE
from codehealth.core import (
    DJANGO_CONVENTION,
    BoundaryReport,
    ConfigError,
    DjangoSettings,
    ModuleDecl,
    NotAnalysed,
    Settings,
)
from codehealth.init.section import DJANGO_MARK, EXAMPLE_MARK

# A clause of a version specifier that sets a lower bound: ">=3.10", "~=3.11", "==3.12.*".
_LOWER_BOUND = re.compile(r"^\s*(?:>=|~=|==|>)\s*v?(\d+(?:\.\d+)*)")
_SHOWN = 5  # files or modules named in a warning; the rest are counted
# An import (or import_module call) of a submodule its module closes.
_CLOSED_RULES = (PRIVATE_SUBMODULE, DYNAMIC_PRIVATE_IMPORT)


@dataclass(frozen=True, slots=True)
class OpenModule:
    """A module that declares no API, the imports of other modules that reach into it and
    the submodules imported from outside it (dotted, first level below the module)."""

    name: str
    inbound: int
    reached: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ApiAdvice:
    """Most cross-module imports (``reaching`` of ``total``) go into ``modules``."""

    reaching: int
    total: int
    modules: tuple[OpenModule, ...]  # most imported first


def baseline_ignored(root: str, baseline: str) -> str | None:
    """A warning when git ignores the baseline file (relative to ``root``)."""
    rule = ignoring_rule(root, baseline)
    if rule is None:
        return None
    return (
        f"git ignores the baseline {baseline} ({rule}), so it is never committed and the "
        f"gate in CI runs without it: add `!{baseline}` to .gitignore (after that line), "
        f"then `git add {baseline}`"
    )


def lower_bound(specifier: str) -> tuple[int, ...] | None:
    """The highest lower bound of a ``requires-python`` specifier, e.g. (3, 10) for
    ``">=3.10, <4"``; None when no clause sets one. Only what PEP 440 specifiers of
    Python versions use: codehealth does not depend on ``packaging``."""
    bounds = []
    for clause in specifier.split(","):
        match = _LOWER_BOUND.match(clause)
        if match:
            bounds.append(tuple(int(part) for part in match.group(1).split(".")))
    return max(bounds, default=None)


def python_too_new(
    requires: str,
    not_analysed: Iterable[NotAnalysed],
    running: Sequence[int] = tuple(sys.version_info[:3]),
) -> str | None:
    """A warning when ``requires`` (``[project] requires-python``) needs a newer Python than
    ``running``: this interpreter cannot parse syntax added since, so such files are left out."""
    bound = lower_bound(requires)
    if bound is None or tuple(running[: len(bound)]) >= bound:
        return None
    wanted = ".".join(map(str, bound))
    here = ".".join(map(str, running))
    failed = sorted(n.path for n in not_analysed if n.reason.startswith("syntax error"))
    if failed:
        named = _listed(failed)
        effect = f"{len(failed)} file(s) did not parse and are not analysed: {named}"
    else:
        effect = "files that use newer syntax will not parse and will not be analysed"
    return (
        f"requires-python is {requires.strip()} but codehealth runs on Python {here}: "
        f"{effect}; run codehealth under Python >= {wanted} "
        f"(install it with `python{'.'.join(map(str, bound[:2]))} -m pip install codehealth`)"
    )


def api_advice(report: BoundaryReport) -> ApiAdvice | None:
    """The modules that declare no API (those imported by other modules) when more than
    half of all imports between modules reach into them, else None. Their ``reached`` is
    empty: ``imported_today`` fills it in."""
    total = sum(module.inbound_imports for module in report.modules)
    open_modules = {m.name: m for m in report.modules if not m.api_declared}
    reaching = sum(module.inbound_imports for module in open_modules.values())
    if not total or reaching * 2 <= total:
        return None
    modules = [
        OpenModule(name, module.inbound_imports, ())
        for name, module in open_modules.items()
        if module.inbound_imports
    ]
    modules.sort(key=lambda m: (-m.inbound, m.name))
    return ApiAdvice(reaching, total, tuple(modules))


def boundaries_advice(settings: Settings) -> ApiAdvice | None:
    """``api_advice`` of the project, with the submodules imported today; None when the
    boundaries cannot be computed (init must not fail on them: ``codehealth boundaries``
    reports why)."""
    from codehealth.adapters.imports import OverrideError
    from codehealth.boundaries import run_boundaries

    try:
        advice = api_advice(run_boundaries(settings.root, settings=settings))
        if advice is None:
            return None
        # What declaring them would close today: every submodule imported from outside,
        # by modules and by code in no module alike (the report's edges count only the
        # former), is what their `public` must list.
        trial = run_boundaries(settings.root, settings=_declaring(settings, advice))
    except (ConfigError, OverrideError, RuntimeError, OSError):
        return None
    return imported_today(advice, trial)


def _declaring(settings: Settings, advice: ApiAdvice) -> Settings:
    boundaries = settings.boundaries
    declared = tuple(ModuleDecl(module.name) for module in advice.modules)
    return replace(settings, boundaries=replace(boundaries, modules=boundaries.modules + declared))


def imported_today(advice: ApiAdvice, trial: BoundaryReport) -> ApiAdvice:
    """``advice`` with each module's submodules that ``trial`` (the boundaries with the
    modules declared, nothing public) finds imported from outside. A ``_private`` one is
    closed either way: listing it would open it."""
    reached: dict[str, set[str]] = {module.name: set() for module in advice.modules}
    for violation in trial.violations:
        below = violation.target[len(violation.module) + 1 :].split(".")[0]
        if violation.module not in reached or violation.finding.rule not in _CLOSED_RULES:
            continue
        if violation.target.startswith(violation.module + ".") and not below.startswith("_"):
            reached[violation.module].add(f"{violation.module}.{below}")
    modules = tuple(replace(m, reached=tuple(sorted(reached[m.name]))) for m in advice.modules)
    return replace(advice, modules=modules)


def api_warning(advice: ApiAdvice, config: str) -> str:
    named = _listed([f"{m.name} ({m.inbound})" for m in advice.modules])
    return (
        f"{advice.reaching} of {advice.total} cross-module imports reach into modules that "
        f"declare no API ({named}); public-API checks apply only to modules that declare "
        "one: export what other modules use from their __init__.py, or uncomment the "
        f"[tool.codehealth.modules] lines written into {config} to hold them to the "
        "submodules imported today"
    )


def modules_example(advice: ApiAdvice, has_table: bool) -> list[str]:
    """The comment lines (without ``# ``) that declare ``advice``'s modules, each with the
    submodules imported today as public: uncommented, today's imports pass and an import
    of any other submodule fails (CH301)."""
    lines = [
        f"{EXAMPLE_MARK} reach into modules that declare",  # a rerun finds it by this
        "no API, and the public-API rule checks only modules that declare one. To hold these",
        "to the submodules imported today (importing another one then fails, CH301),",
        "add them to [tool.codehealth.modules]:" if has_table else "uncomment:",
    ]
    if not has_table:
        lines.append("[tool.codehealth.modules]")
    for module in advice.modules:
        public = ", ".join(f'"{name}"' for name in module.reached)
        lines.append(f'"{module.name}" = {{ public = [{public}] }}')
    return lines


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def django_example(settings: Settings) -> list[str]:
    """The comment lines (without ``# ``) offering Django's public-API convention when the
    project is a Django project that declares none (the boundaries report, cached by the
    run before, says which settings module it found)."""
    from codehealth.adapters.imports import OverrideError
    from codehealth.boundaries import run_boundaries

    if settings.django.public or settings.django.off:
        return []
    try:
        found = run_boundaries(settings.root, settings=settings).django_settings
    except (ConfigError, OverrideError, RuntimeError, OSError):
        return []
    if not found:
        return []
    listed = ", ".join(f'"{name}"' for name in DJANGO_CONVENTION)
    has_table = settings.django != DjangoSettings()  # then the table is there: add to it
    return [
        f"{DJANGO_MARK} (settings {found}); each of its apps is a module.",
        "To make an app's models, apps, admin, signals and urls its API and the rest of it",
        "internal (an import of another app's views then fails, CH301), "
        + ("add to [tool.codehealth.django]:" if has_table else "uncomment:"),
        *(() if has_table else ("[tool.codehealth.django]",)),
        f"public = [{listed}]",
    ]
