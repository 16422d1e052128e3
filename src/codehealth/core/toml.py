"""TOML parsing: the standard library's ``tomllib``, or ``tomli`` (its backport) before 3.11."""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError, loads
else:
    from tomli import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "parse_toml"]


def parse_toml(text: str) -> dict[str, Any]:
    """The document ``text`` holds; TOMLDecodeError where it is not valid TOML."""
    document: dict[str, Any] = loads(text)
    return document
