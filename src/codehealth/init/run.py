"""``codehealth init``: write a ``[tool.codehealth]`` section that helps adopt codehealth.

With a baseline (the usual case) the thresholds are the defaults, or stricter ones already
configured: today's findings are in the baseline and only new ones fail, so new code is held
to the defaults however bad the old code is. Without one they are ``max(default, today's
worst)``: the code passes ``codehealth scan --check`` today and nothing may get worse.
It warns about setups where codehealth would quietly check less (``init_checks``).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from typing import Any

from codehealth.adapters.files import load_settings, read_toml, replace_file
from codehealth.core import ConfigError, NotAnalysed, Settings, Thresholds
from codehealth.init.checks import (
    ApiAdvice,
    api_warning,
    baseline_ignored,
    boundaries_advice,
    django_example,
    modules_example,
    python_too_new,
)
from codehealth.init.section import HEADER, Section, with_section

_SKIP_MODULES = frozenset({"setup.py", "conftest.py", "noxfile.py", "manage.py"})


@dataclass(frozen=True, slots=True)
class InitRun:
    """What ``codehealth init`` found and wrote."""

    path: str
    created: bool
    roots: tuple[str, ...]
    packages: tuple[str, ...]
    thresholds: Thresholds
    files: int
    baseline: str  # what happened to the baseline, one sentence
    hook_ids: tuple[str, ...]
    not_analysed: tuple[str, ...] = ()  # "path: reason" of files the thresholds leave out
    baselined: bool = False  # the thresholds are the defaults: the baseline holds today's
    warnings: tuple[str, ...] = ()  # each names the problem and the fix


def detect_roots(root: str) -> tuple[str, ...]:
    """``src`` and the project folder for a src layout, else the project folder."""
    return ("src", ".") if os.path.isdir(os.path.join(root, "src")) else (".",)


def detect_packages(root: str, roots: tuple[str, ...]) -> tuple[str, ...]:
    """Top-level packages (folders with ``__init__.py``) and modules in the first root."""
    folder = os.path.join(root, roots[0])
    found: list[str] = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or (not name.isidentifier() and not name.endswith(".py")):
            continue
        if os.path.isfile(os.path.join(path, "__init__.py")):
            found.append(name)
        elif name.endswith(".py") and os.path.isfile(path) and name not in _SKIP_MODULES:
            found.append(name[:-3])
    return tuple(found)


def todays_thresholds(files: Any, defaults: Thresholds | None = None) -> Thresholds:
    """Each limit is the default or today's worst value, whichever lets today's code pass."""
    limits = defaults or Thresholds()
    worst = {
        "cyclomatic": limits.cyclomatic,
        "cognitive": limits.cognitive,
        "nesting": limits.nesting,
        "parameters": limits.parameters,
        "function_length": limits.function_length,
        "file_lines": limits.file_lines,
    }
    lowest_mi = limits.maintainability
    for metrics in files:
        worst["file_lines"] = max(worst["file_lines"], metrics.lines.total)
        lowest_mi = min(lowest_mi, _floor_hundredth(metrics.maintainability))
        for fn in metrics.functions:
            worst["cyclomatic"] = max(worst["cyclomatic"], fn.cyclomatic)
            worst["cognitive"] = max(worst["cognitive"], fn.cognitive)
            worst["nesting"] = max(worst["nesting"], fn.max_nesting)
            worst["parameters"] = max(worst["parameters"], fn.parameters)
            worst["function_length"] = max(worst["function_length"], fn.length)
    return Thresholds(maintainability=lowest_mi, **worst)


def baselined_thresholds(configured: Thresholds) -> Thresholds:
    """The defaults, or the configured limit where it is stricter: with today's findings
    in the baseline, a limit above the default would only let new code be worse."""
    defaults = Thresholds()
    limits = {
        name: min(getattr(configured, name), getattr(defaults, name))
        for name in Thresholds.__slots__
        if name != "maintainability"  # the one limit where lower is laxer
    }
    lowest_mi = max(configured.maintainability, defaults.maintainability)
    return Thresholds(maintainability=lowest_mi, **limits)


def _floor_hundredth(value: float) -> float:
    limit = math.floor(value * 100) / 100
    while limit > value:  # float rounding: the limit must never be above today's value
        limit = round(limit - 0.01, 2)
    return limit


def hook_ids(root: str) -> tuple[str, ...]:
    """The hook ids of ``.pre-commit-hooks.yaml`` at the root, else codehealth's own."""
    path = os.path.join(root, ".pre-commit-hooks.yaml")
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ("codehealth-gate", "codehealth-boundaries")
    ids = [
        line.split(":", 1)[1].strip().strip("'\"")
        for line in lines
        if line.lstrip("- ").startswith("id:")
    ]
    return tuple(ids) or ("codehealth-gate", "codehealth-boundaries")


def run_init(root: str, *, force: bool = False, record_baseline: bool = True) -> InitRun:
    """Write ``[tool.codehealth]`` into ``root/pyproject.toml`` and record the baseline
    (``record_baseline``: when ``codehealth baseline`` exists).

    ConfigError (exit 2) for invalid TOML (naming the line) and for an existing section
    without ``force``."""

    root = os.path.abspath(root)
    path = os.path.join(root, "pyproject.toml")
    created = not os.path.exists(path)
    text = "" if created else _read(path)
    document: dict[str, Any] = {} if created else read_toml(path)  # names the bad line
    if document.get("tool", {}).get("codehealth") is not None and not force:
        raise ConfigError(
            f"{path} already has a [tool.codehealth] section; run `codehealth init "
            "--force` to measure again and overwrite its roots and thresholds"
        )
    configured = load_settings(root) if not created else Settings(root=root)
    roots = detect_roots(root)
    settings = replace(configured, roots=roots, thresholds=Thresholds())
    from codehealth.scanning import run_scan

    result = run_scan((), root, use_cache=False, settings=settings)
    thresholds = baselined_thresholds(configured.thresholds)
    if not record_baseline:  # nothing holds today's findings: today's worst must pass
        thresholds = todays_thresholds(result.files, thresholds)
    packages = detect_packages(root, roots)
    advice = boundaries_advice(settings)
    example = (*_example(advice, document), *django_example(settings))
    section = Section(roots, packages, thresholds, _header(record_baseline, settings), example)
    new_text = with_section(text, section)
    if new_text != text:
        replace_file(path, new_text, newline="")  # never through a symbolic link
    requires = document.get("project", {}).get("requires-python")
    return InitRun(
        path=path,
        created=created,
        roots=roots,
        packages=packages,
        thresholds=thresholds,
        files=len(result.files),
        baseline=_baseline(root) if record_baseline else "",
        hook_ids=hook_ids(root),
        not_analysed=tuple(f"{n.path}: {n.reason}" for n in result.not_analysed),
        baselined=record_baseline,
        warnings=_warnings(settings, record_baseline, requires, result.not_analysed, advice),
    )


def _header(record_baseline: bool, settings: Settings) -> str:
    if record_baseline:
        kept = "default limits or stricter"
        return f"{HEADER}: {kept}; only findings not in {settings.gate.baseline} fail."
    return f"{HEADER}; limits are today's worst where it is above the default."


def _example(advice: ApiAdvice | None, document: dict[str, Any]) -> tuple[str, ...]:
    if advice is None or not advice.modules:
        return ()
    has_table = "modules" in document.get("tool", {}).get("codehealth", {})
    return tuple(modules_example(advice, has_table))


def _warnings(
    settings: Settings,
    record_baseline: bool,
    requires: object,
    not_analysed: tuple[NotAnalysed, ...],
    advice: ApiAdvice | None,
) -> tuple[str, ...]:
    found = [
        baseline_ignored(settings.root, settings.gate.baseline) if record_baseline else None,
        python_too_new(requires, not_analysed) if isinstance(requires, str) else None,
        api_warning(advice, "pyproject.toml") if advice and advice.modules else None,
    ]
    return tuple(warning for warning in found if warning)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None


def _baseline(root: str) -> str:
    from codehealth.adapters.files import baseline_path
    from codehealth.gate import run_baseline

    settings = load_settings(root)
    name = settings.gate.baseline
    if not os.path.exists(baseline_path(settings)):
        run = run_baseline(root, settings=settings)
        return f"baseline: {name} recorded ({len(run.added)} findings)"
    # Kept: with the default limits, today's findings it does not hold fail. Say so.
    try:
        checked = run_baseline(root, settings=settings, check=True)
    except ConfigError as error:
        return f"baseline: {name} already exists, kept as it is ({error})"
    if not checked.refused:
        return f"baseline: {name} already exists, kept as it is"
    return (
        f"baseline: {name} already exists, kept as it is; {checked.refused} of today's "
        "findings are not in it and fail: fix them, or add them with "
        "`codehealth baseline --allow-new`"
    )
