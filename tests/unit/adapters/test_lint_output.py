"""Turning ruff's JSON and flake8's lines into hits; telling a rejected config from a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, cast

import pytest

from codehealth.adapters.linters.flake8 import flake8_configured, parse_flake8
from codehealth.adapters.linters.ruff import parse_ruff, ruff_configs


def record(code: str | None, path: str, row: int = 3) -> dict[str, object]:
    return {
        "code": code,
        "filename": path,
        "location": {"row": row, "column": 5},
        "end_location": {"row": row + 1, "column": 1},
        "message": "msg",
    }


def test_parse_ruff_relative_paths_and_skips_syntax_errors() -> None:
    output = json.dumps(
        [
            record("F401", "/r/pkg/a.py"),
            record("invalid-syntax", "/r/pkg/b.py"),
            record(None, "/r/pkg/b.py"),
            record("E902", "/r/gone.py"),
        ]
    ).encode()
    hits = parse_ruff(output, "/r")
    assert list(hits) == ["pkg/a.py"]
    (hit,) = hits["pkg/a.py"]
    assert (hit.code, hit.line, hit.column, hit.end_line) == ("F401", 3, 4, 4)


def test_parse_ruff_rejects_other_output() -> None:
    with pytest.raises(ValueError):
        parse_ruff(b"panicked at src/lib.rs", "/r")


def test_parse_flake8() -> None:
    sep = "\x1f"
    output = f"./pkg/a.py{sep}2{sep}1{sep}E302{sep}expected 2 blank lines\nnoise\n"
    output += f"pkg/b.py{sep}1{sep}5{sep}E999{sep}SyntaxError\n"
    hits = parse_flake8(output.encode(), "/r")
    assert list(hits) == ["pkg/a.py"]
    assert hits["pkg/a.py"][0].code == "E302"


def test_ruff_configs_find_pyproject_sections_and_ruff_toml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert ruff_configs(str(tmp_path), ["."]) == [] or all(
        not p.startswith(str(tmp_path)) for p, _ in ruff_configs(str(tmp_path), ["."])
    )
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "ruff.toml").write_text("line-length = 90\n")
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    found = [p for p, _ in ruff_configs(str(tmp_path), ["pkg"]) if p.startswith(str(tmp_path))]
    assert sorted(found) == sorted(
        [str(tmp_path / "pyproject.toml"), str(tmp_path / "pkg" / "ruff.toml")]
    )


def test_flake8_is_used_only_when_configured(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not flake8_configured(str(tmp_path))
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\n")
    assert not flake8_configured(str(tmp_path))
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n")
    assert flake8_configured(str(tmp_path))


def test_a_hung_linter_is_stopped_and_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    from codehealth.adapters.linters import LintTool, Pending

    tool = LintTool("ruff", (sys.executable, "-c", "import time; time.sleep(30)"), "salt")
    result = Pending(tool, str(tmp_path), ["a.py"], timeout=0.5).wait()
    assert "did not finish within 0.5 s" in result.problem
    assert result.hits == {}


def test_contents_not_on_disk_are_piped_in_and_keyed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from codehealth.adapters.linters import Pending, prepare_ruff

    tool = prepare_ruff(str(tmp_path), "auto", set())  # ruff is a dependency
    contents = {"0\0a.py": ("a.py", b"import os\n"), "1\0a.py": ("a.py", b"x = 1\n")}
    result = Pending(tool, str(tmp_path), [], contents=contents).wait()
    assert result.problem == "" and result.config_error == ""
    assert [hit.code for hit in result.hits["0\0a.py"]] == ["F401"]
    assert result.hits["1\0a.py"] == []  # linted and clean: not missing
    assert not (tmp_path / "a.py").exists()  # nothing was written to disk


def test_a_hung_linter_on_piped_content_is_stopped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    from codehealth.adapters.linters import LintTool, Pending

    tool = LintTool("ruff", (sys.executable, "-c", "import time; time.sleep(30)"), "salt")
    contents = {"0\0a.py": ("a.py", b"x = 1\n")}
    result = Pending(tool, str(tmp_path), [], timeout=0.5, contents=contents).wait()
    assert "did not finish within 0.5 s" in result.problem


class _ClosedEarly:
    """A pipe to a tool that has exited: closing it fails to flush what is left (as
    BufferedWriter.close does after closing the descriptor)."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe

    def write(self, data: bytes) -> int:
        return len(data)  # buffered, never reaches the tool

    def close(self) -> None:
        self.pipe.close()
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise ValueError("flush of closed file")


def test_a_linter_that_exits_without_reading_its_input_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ruff exits at once when it rejects its configuration: the piped content then breaks
    the pipe on the write or on the close (a race, made certain here)."""
    import subprocess
    import sys

    from codehealth.adapters.linters import LintTool, Pending

    class ExitedEarly(subprocess.Popen[bytes]):  # defined before the patch: the real one
        def __init__(self, *args: Any, **options: Any) -> None:
            super().__init__(*args, **options)
            if self.stdin is not None:
                self.stdin = cast(IO[bytes], _ClosedEarly(self.stdin))

    monkeypatch.setattr(subprocess, "Popen", ExitedEarly)
    rejects = "import sys; sys.stderr.write('error: invalid config'); sys.exit(2)"
    tool = LintTool("ruff", (sys.executable, "-c", rejects), "salt")
    contents = {"0\0a.py": ("a.py", b"x = 1\n")}
    result = Pending(tool, str(tmp_path), [], contents=contents).wait()
    assert "invalid config" in result.problem + result.config_error
