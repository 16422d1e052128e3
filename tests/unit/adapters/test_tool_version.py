"""A linter's identity for the caches: its version, the same for every install of it (a CI
runner installs afresh each run), asked once per install."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from codehealth.adapters.linters.tool import executable_identity, version_identity


def _tool(folder: Path, version: str, log: Path) -> str:
    folder.mkdir(parents=True)
    path = folder / "ruff"
    body = f"open({str(log)!r}, 'a').write('asked\\n')\nprint({version!r})\n"
    path.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_two_installs_of_one_version_are_one_identity(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    first = _tool(tmp_path / "runner-1" / "bin", "ruff 0.9.1", log)
    second = _tool(tmp_path / "runner-2" / "bin", "ruff 0.9.1", log)
    os.utime(second, (1_000_000, 1_000_000))  # installed at another time
    other = _tool(tmp_path / "runner-3" / "bin", "ruff 0.9.2", log)
    assert executable_identity(first) != executable_identity(second)
    assert version_identity(first, None) == version_identity(second, None) == "ruff 0.9.1"
    assert version_identity(other, None) != version_identity(first, None)


def test_the_version_is_asked_once_per_install_and_remembered(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    tool = _tool(tmp_path / "bin", "ruff 0.9.1", log)
    cache = tmp_path / ".codehealth"
    cache.mkdir()
    assert version_identity(tool, str(cache)) == "ruff 0.9.1"
    assert version_identity(tool, str(cache)) == "ruff 0.9.1"
    assert log.read_text(encoding="utf-8").count("asked") == 1
    (cache / "tools.json").write_text("[1, 2]", encoding="utf-8")  # damaged: asked again
    assert version_identity(tool, str(cache)) == "ruff 0.9.1"
    assert log.read_text(encoding="utf-8").count("asked") == 2


def test_a_tool_that_does_not_answer_stands_for_its_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone" / "ruff")
    assert version_identity(missing, None) == executable_identity(missing)
