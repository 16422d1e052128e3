"""``codehealth init``: write a ``[tool.codehealth]`` section that today's code passes.

The section is edited with tomlkit, so every byte of pyproject.toml outside it (comments,
spacing, key order) stays as it was. Thresholds are ``max(default, today's worst)``: the
code passes ``codehealth scan --check`` today and nothing may get worse than it is.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from typing import Any

from codehealth.config import (
    ConfigError,
    DebtSettings,
    Settings,
    Thresholds,
    load_settings,
    read_toml,
)
from codehealth.sources import replace_file

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
    """Write ``[tool.codehealth]`` into ``root/pyproject.toml`` and record the baseline.

    ConfigError (exit 2) for invalid TOML (naming the line) and for an existing section
    without ``force``."""

    root = os.path.abspath(root)
    path = os.path.join(root, "pyproject.toml")
    created = not os.path.exists(path)
    text = "" if created else _read(path)
    if not created:
        existing = read_toml(path).get("tool", {}).get("codehealth")  # names the bad line
        if existing is not None and not force:
            raise ConfigError(
                f"{path} already has a [tool.codehealth] section; run `codehealth init "
                "--force` to measure again and overwrite its roots and thresholds"
            )
    settings = load_settings(root) if not created else Settings(root=root)
    roots = detect_roots(root)
    settings = replace(settings, roots=roots, thresholds=Thresholds())
    from codehealth.app.scan import run_scan

    result = run_scan((), root, use_cache=False, settings=settings)
    thresholds = todays_thresholds(result.files)
    packages = detect_packages(root, roots)
    new_text = _with_section(text, roots, packages, thresholds)
    if new_text != text:
        replace_file(path, new_text, newline="")  # never through a symbolic link
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
    )


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None


def _with_section(
    text: str, roots: tuple[str, ...], packages: tuple[str, ...], limits: Thresholds
) -> str:
    """``text`` with the section: edited in place when there is one (tomlkit keeps the rest
    as it is), else appended at the end, so the old file stays a prefix of the new one."""
    import tomlkit

    document = tomlkit.parse(text)
    if "codehealth" in document.get("tool", {}):
        _write_section(document, roots, packages, limits)
        return tomlkit.dumps(document)
    fresh = tomlkit.document()
    _write_section(fresh, roots, packages, limits)
    if text and not text.endswith(("\n", "\r")):
        text += "\r\n" if "\r\n" in text else "\n"
    added = ("\n" if text.strip() else "") + tomlkit.dumps(fresh).lstrip("\n")
    if "\r\n" in text:  # keep the file's line endings
        added = added.replace("\n", "\r\n")
    new_text = text + added
    try:
        tomlkit.parse(new_text)
    except tomlkit.exceptions.ParseError as error:  # e.g. `tool = { ... }` as an inline table
        raise ConfigError(f"pyproject.toml: cannot add [tool.codehealth]: {error}") from None
    return new_text


def _write_section(
    document: Any, roots: tuple[str, ...], packages: tuple[str, ...], limits: Thresholds
) -> None:
    import tomlkit

    if "tool" not in document:
        document["tool"] = tomlkit.table(is_super_table=True)
    tool = document["tool"]
    if "codehealth" not in tool:
        section = tomlkit.table()
        section.add(tomlkit.comment("Written by `codehealth init`; limits are today's worst."))
        tool["codehealth"] = section
    section = tool["codehealth"]
    section["roots"] = list(roots)
    packages_note = ", ".join(packages) or "none found"
    section["roots"].comment(f"root packages and modules: {packages_note}")
    if "thresholds" not in section:
        section["thresholds"] = tomlkit.table()
    table = section["thresholds"]
    for name in Thresholds.__slots__:
        table[name] = getattr(limits, name)
    if "debt" not in section:
        section["debt"] = tomlkit.table()
    section["debt"]["minutes_per_line"] = section["debt"].get(
        "minutes_per_line", DebtSettings().minutes_per_line
    )


def _baseline(root: str) -> str:
    from codehealth.app.gate_baseline import baseline_path, run_baseline

    settings = load_settings(root)
    if os.path.exists(baseline_path(settings)):
        return f"baseline: {settings.gate.baseline} already exists, kept as it is"
    run = run_baseline(root, settings=settings)
    return f"baseline: {settings.gate.baseline} recorded ({len(run.added)} findings)"
