"""The ``[tool.codehealth]`` section ``codehealth init`` writes, edited with tomlkit so that
every byte of pyproject.toml outside it (comments, spacing, key order) stays as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codehealth.config import ConfigError, DebtSettings, Thresholds

HEADER = "Written by `codehealth init`"
_OLD_HEADER = re.compile(r"^# " + re.escape(HEADER) + r"[^\r\n]*", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Section:
    """What goes into the section: ``header`` is its first comment."""

    roots: tuple[str, ...]
    packages: tuple[str, ...]
    thresholds: Thresholds
    header: str


def with_section(text: str, section: Section) -> str:
    """``text`` with the section: edited in place when there is one (tomlkit keeps the rest
    as it is), else appended at the end, so the old file stays a prefix of the new one."""
    import tomlkit

    if "codehealth" in tomlkit.parse(text).get("tool", {}):
        return _edited(text, section)
    fresh = tomlkit.document()
    _write_section(fresh, section)
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

    # init's own header from an earlier run says what that run did: replaced.
    text = _OLD_HEADER.sub(f"# {section.header}", text, count=1)
    document = tomlkit.parse(text)
    _write_section(document, section)
    edited = tomlkit.dumps(document)
    if "\r\n" in text and "\n" not in text.replace("\r\n", ""):  # tomlkit adds "\n" lines
        edited = re.sub(r"(?<!\r)\n", "\r\n", edited)
    return edited


def _write_section(document: Any, wanted: Section) -> None:
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
