"""Docstrings and comments in src/ that name a file of this repository (``gate/run.py``,
``rules/gate.toml``) or one of its modules (``codehealth.adapters.git``) name one that
exists: a renamed module must not leave a pointer behind."""

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


# codehealth.a.b as written in prose; "tool.codehealth.x" is a configuration table
_MODULE = re.compile(r"(?<![\w.])codehealth(?:\.[A-Za-z_]+)+")


def _module_exists(pointer: str) -> bool:
    parts = pointer.split(".")[1:]
    folder = PACKAGE
    for index, part in enumerate(parts):
        if (folder / part / "__init__.py").exists():
            folder = folder / part
            continue
        if (folder / f"{part}.py").exists():
            return True
        # a name defined in the package that was reached (codehealth.scan, Cache)
        init = (folder / "__init__.py").read_text(encoding="utf-8")
        return index > 0 or re.search(rf"\b{part}\b", init) is not None
    return True


def test_every_module_named_in_the_source_exists() -> None:
    missing = sorted(
        f"{path.relative_to(ROOT)}: {pointer}"
        for path in PACKAGE.rglob("*.py")
        for pointer in set(_MODULE.findall(path.read_text(encoding="utf-8")))
        if not _module_exists(pointer)
    )
    assert not missing, "\n".join(missing)
