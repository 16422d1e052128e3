"""Small in-memory Django projects: files by relative path, their modules as a boundaries
run sees them (a module starts at the first folder up without an ``__init__.py``)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

Files = dict[str, str]
Reader = Callable[[str], "bytes | None"]


def modules_of(files: Files) -> dict[str, str]:
    modules = {}
    for path in files:
        if not path.endswith(".py"):
            continue
        parts = path[:-3].split("/")
        start = len(parts) - 1
        while start > 0 and "/".join([*parts[:start], "__init__.py"]) in files:
            start -= 1
        dotted = [part for part in parts[start:] if part != "__init__"]
        modules[".".join(dotted)] = path
    return modules


def reader_of(files: Files) -> Reader:
    def read(path: str) -> bytes | None:
        text = files.get(path)
        return None if text is None else textwrap.dedent(text).encode()

    return read


@pytest.fixture
def project_files() -> Callable[[Files], tuple[dict[str, str], Reader]]:
    """(modules, read) of a project given as {relative path: source}."""

    def make(files: Files) -> tuple[dict[str, str], Reader]:
        return modules_of(files), reader_of(files)

    return make
