"""Which files are tests: ``[tool.codehealth.tests]`` and the project's pytest settings.

Tests are judged as tests: their complexity and length findings neither fail the gate nor
count in the production debt by default (they are reported apart, as "test debt"). Pure:
``load_settings`` in ``adapters/files/settings_files.py`` reads the pytest configuration that
feeds ``paths``.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

# Folder names that hold tests wherever they are, and names that do only at the top of the
# project (celery's ``t/``, pytest's ``testing/``): deeper down, ``celery/contrib/testing``
# is shipped code that users' tests import.
TEST_FOLDERS = ("tests", "test")
TOP_TEST_FOLDERS = ("t", "testing")
# pytest's default python_files, Django's tests.py, and pytest's conftest.py.
TEST_FILES = ("test_*.py", "*_test.py", "tests.py", "conftest.py")
# Rules about size, complexity and copies: the ones tests are exempt from by default.
TEST_EXEMPT_RULES = ("CH101", "CH102", "CH103", "CH104", "CH105", "CH106", "CH107", "CH701")


@dataclass(frozen=True, slots=True)
class TestSettings:
    """``[tool.codehealth.tests]``.

    ``paths``: folders or file globs (relative to the project) that hold tests, besides the
    default names; pytest's ``testpaths`` are added when the project sets them.
    ``files``: file-name globs of test files (pytest's ``python_files`` when set).
    ``gate``: complexity and length findings in tests fail the gate like production code.
    ``in_debt``: test debt counts in the production debt and rating.
    """

    __test__ = False  # not a pytest test class, whatever its name says

    paths: tuple[str, ...] = ()
    files: tuple[str, ...] = TEST_FILES
    gate: bool = False
    in_debt: bool = False


def is_test_path(path: str, tests: TestSettings) -> bool:
    """Whether the project-relative POSIX ``path`` (a file or a folder) is test code."""
    return _matcher(tests.paths, tests.files)(path)


def is_test_rule(rule: str) -> bool:
    """A size or complexity rule: tests are exempt from these by default."""
    return rule in TEST_EXEMPT_RULES


@functools.lru_cache(maxsize=16)
def _matcher(paths: tuple[str, ...], files: tuple[str, ...]) -> Callable[[str], bool]:
    file_regex, file_path_regex = _file_globs(files)
    cleaned = (p.strip("/").removeprefix("./") for p in paths)
    prefixes = tuple(p for p in cleaned if p not in ("", "."))
    path_regex = _globs(tuple(p for p in prefixes if any(c in p for c in "*?[")))

    @functools.cache
    def matches(path: str) -> bool:
        path = path.removeprefix("./")
        if _in_test_folder(path.split("/")):
            return True
        name = path.rsplit("/", 1)[-1]
        by_file = _matches(file_regex, name) or _matches(file_path_regex, path)
        under = any(path == p or path.startswith(p + "/") for p in prefixes)
        return by_file or under or _matches(path_regex, path)

    return matches


def _file_globs(files: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """File-name globs, and globs with a "/" that match the end of the path (as pytest reads
    ``python_files``)."""
    names = tuple(f for f in files if "/" not in f)
    ends = tuple(g for f in files if "/" in f for g in (f, "*/" + f))
    return _globs(names), _globs(ends)


def _in_test_folder(parts: list[str]) -> bool:
    """Under a test folder, or one itself (``parts``: the path's names)."""
    if parts[0] in TOP_TEST_FOLDERS and len(parts) > 1:
        return True
    return any(part in TEST_FOLDERS for part in parts)


def _matches(regex: re.Pattern[str] | None, text: str) -> bool:
    return regex is not None and regex.match(text) is not None


def _globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))
