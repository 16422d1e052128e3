"""Docstrings and comments in src/ that name a file of this repository (``app/gate.py``,
``rules/gate.toml``) name one that exists: a renamed module must not leave a pointer behind."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "codehealth"
# folder/…/name.py|toml|md, as written in prose
_POINTER = re.compile(r"\b(?:[a-z_]+/)+[a-z_0-9]+\.(?:py|toml|md)\b")
# Paths of users' projects used as examples, not files of this repository.
_EXAMPLES = {"installed/__init__.py", "root/pyproject.toml", "src/shop/billing/fees.py"}


def _exists(pointer: str) -> bool:
    return any((base / pointer).exists() for base in (ROOT, ROOT / "src", PACKAGE))


def test_every_file_named_in_the_source_exists() -> None:
    missing = sorted(
        f"{path.relative_to(ROOT)}: {pointer}"
        for path in PACKAGE.rglob("*.py")
        for pointer in set(_POINTER.findall(path.read_text(encoding="utf-8")))
        if pointer not in _EXAMPLES
        and not pointer.startswith(("shop/", "pkg/"))
        and not _exists(pointer)
    )
    assert not missing, "\n".join(missing)
