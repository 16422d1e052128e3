"""The ``[tool.codehealth]`` section ``codehealth init`` writes, edited with tomlkit so that
every byte of pyproject.toml outside it (comments, spacing, key order) stays as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codehealth.core import ConfigError, DebtSettings, Thresholds

HEADER = "Written by `codehealth init`"
# The first line of the commented-out [tool.codehealth.modules] example (init_checks): a run
# with --force removes the old example before it writes the one that fits today.
EXAMPLE_MARK = "`codehealth init`: most imports between modules"
# The first line of the commented-out [tool.codehealth.django] example, likewise.
DJANGO_MARK = "`codehealth init`: a Django project"
_OLD_HEADER = re.compile(r"^# " + re.escape(HEADER) + r"[^\r\n]*", re.MULTILINE)
_OLD_EXAMPLE = re.compile(
    r"(?:\r?\n)?^# (?:"
    + re.escape(EXAMPLE_MARK)
    + "|"
    + re.escape(DJANGO_MARK)
    + r")[^\r\n]*(?:\r?\n#[^\r\n]*)*(?:\r?\n){0,2}",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Section:
    """What goes into the section: ``header`` is its first comment, ``example`` the lines of
    a commented-out setting appended at its end (without ``# ``)."""

    roots: tuple[str, ...]
    packages: tuple[str, ...]
    thresholds: Thresholds
    header: str
    example: tuple[str, ...] = ()


def with_section(text: str, section: Section) -> str:
    """``text`` with the section: edited in place when there is one (tomlkit keeps the rest
    as it is), else appended at the end, so the old file stays a prefix of the new one."""
    import tomlkit

    if "codehealth" in tomlkit.parse(text).get("tool", {}):
        return _edited(text, section)
    fresh = tomlkit.document()
    _write_section(fresh, section, at_end=True)
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


def _edited(text: str, section: Section) -> str:
    """``text`` with its [tool.codehealth] section edited in place."""
    import tomlkit

    # init's own comments from an earlier run say what that run found: replaced.
    text = _OLD_EXAMPLE.sub("", text, count=2)
    text = _OLD_HEADER.sub(f"# {section.header}", text, count=1)
    document = tomlkit.parse(text)
    _write_section(document, section, _is_last(document))
    edited = tomlkit.dumps(document)
    if "\r\n" in text and "\n" not in text.replace("\r\n", ""):  # tomlkit adds "\n" lines
        edited = re.sub(r"(?<!\r)\n", "\r\n", edited)
    return edited


def _is_last(document: Any) -> bool:
    """Whether [tool.codehealth] ends the file (nothing is written after it)."""
    keys = list(document)
    return bool(keys) and keys[-1] == "tool" and list(document["tool"])[-1] == "codehealth"


def _write_section(document: Any, wanted: Section, at_end: bool) -> None:
    import tomlkit

    if "tool" not in document:
        document["tool"] = tomlkit.table(is_super_table=True)
    tool = document["tool"]
    if "codehealth" not in tool:
        section = tomlkit.table()
        section.add(tomlkit.comment(wanted.header))
        tool["codehealth"] = section
    section = tool["codehealth"]
    section["roots"] = list(wanted.roots)
    packages_note = ", ".join(wanted.packages) or "none found"
    section["roots"].comment(f"root packages and modules: {packages_note}")
    if "thresholds" not in section:
        section["thresholds"] = tomlkit.table()
    table = section["thresholds"]
    for name in Thresholds.__slots__:
        table[name] = getattr(wanted.thresholds, name)
    if "debt" not in section:
        section["debt"] = tomlkit.table()
    section["debt"]["minutes_per_line"] = section["debt"].get(
        "minutes_per_line", DebtSettings().minutes_per_line
    )
    if wanted.example:
        last = _last_table(section)
        last.add(tomlkit.nl())
        for line in wanted.example:
            last.add(tomlkit.comment(line))
        if not at_end:  # a blank line before the table that follows, as tomlkit writes them
            last.add(tomlkit.nl())


def _last_table(section: Any) -> Any:
    """The section's last sub-table: comments added to it come at the end of the section."""
    import tomlkit

    tables = [item for _, item in section.value.body if isinstance(item, tomlkit.items.Table)]
    return tables[-1] if tables else section
