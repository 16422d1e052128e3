"""No subprocess gets a shell string, and nothing from the analysed repository (file names,
configuration values) can make codehealth run a command other than git and the linters the
configuration names: such values reach the processes as literal arguments.

Statically: every subprocess call in src/ passes an argument list, never ``shell=True``;
``os.system``/``os.popen`` are not used. At run time: subprocess.Popen is wrapped while
every command runs over a repository whose file names and configuration carry shell
payloads, and each call's arguments are checked.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from clitools import Run, assert_no_traceback, commit_all, git, init_repo, write_files

SRC = Path(__file__).resolve().parents[2] / "src" / "codehealth"

_PROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output", "getoutput"}


def _calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name):
                yield f"{owner.id}.{node.func.attr}", node


def _is_string(node: ast.expr) -> bool:
    """A str literal, an f-string, a str concatenation or %/format of one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_string(node.left) or _is_string(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_string(node.func.value)
    return False


def _process_calls(path: Path) -> Iterator[tuple[str, str, ast.Call]]:
    """(where, name, call) of each subprocess call in ``path``; os.system/os.popen and
    ``from subprocess import run`` (which would hide a call from this check) fail."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("subprocess", "os"):
            names = {alias.name for alias in node.names}
            assert not names & {*_PROCESS_CALLS, "system", "popen"}, path
    for name, call in _calls(tree):
        where = f"{path.relative_to(SRC)}:{call.lineno}"
        assert name not in ("os.system", "os.popen", "os.spawnl", "os.execl"), where
        if name.startswith("subprocess.") and name.split(".")[1] in _PROCESS_CALLS:
            yield where, name, call


def _check_call(where: str, name: str, call: ast.Call) -> None:
    assert name != "subprocess.getoutput", where  # always a shell
    shell = [k.value for k in call.keywords if k.arg == "shell"]
    assert all(isinstance(v, ast.Constant) and v.value is False for v in shell), where
    command = call.args[0] if call.args else None
    command = command or next((k.value for k in call.keywords if k.arg == "args"), None)
    assert command is not None, where
    assert not _is_string(command), f"{where}: a command string"


def test_the_source_passes_argument_lists_and_never_a_shell() -> None:
    checked: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        for where, name, call in _process_calls(path):
            _check_call(where, name, call)
            checked.add(where.split(":")[0])
    # the check saw the calls: git's one runner (run, Popen), the linters' Popen and the
    # warm-run check's `git ls-files` (run before the runner can be imported cheaply)
    expected = {"adapters/git/runner.py", "adapters/linters/run.py", "adapters/replay/inputs.py"}
    assert checked == expected, checked


class _Recorder:
    """subprocess.Popen, recording each call's arguments and options."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, dict[str, Any]]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        calls = self.calls

        class Recording(subprocess.Popen[bytes]):  # defined before the patch: the real one
            def __init__(self, args: Any, *rest: Any, **options: Any) -> None:
                calls.append((args, {**options, "positional": len(rest)}))
                super().__init__(args, *rest, **options)

        monkeypatch.setattr(subprocess, "Popen", Recording)


# File names and configuration values a shell would act on.
PAYLOADS = ("; touch pwned_semicolon", "$(touch pwned_dollar)", "`touch pwned_backtick`")


def _payload_repo(folder: Path) -> Path:
    repo = folder / "payloads"
    files: dict[str, str | bytes] = {
        "pyproject.toml": (
            '[project]\nname = "p"\nversion = "0"\n\n[tool.codehealth]\n'
            f'exclude = ["{PAYLOADS[1]}"]\n'
            '[tool.codehealth.history]\nwindow = "all"\n'
            f'exclude = ["{PAYLOADS[2]}"]\n'
        ),
        "pkg/__init__.py": "",
        "pkg/core.py": "import os\n\n\ndef f(x):\n    # TODO: t\n    return x\n",
        "-dash.py": "import os\n",
    }
    for payload in PAYLOADS:
        files[f"pkg/{payload}.py"] = "import sys\n\n\ndef g(y):\n    # FIXME: f\n    return y\n"
    repo.mkdir()
    write_files(repo, files)
    init_repo(repo)
    commit_all(repo, "base")
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, {f"pkg/{PAYLOADS[0]}.py": "import json\n"})
    commit_all(repo, "feature")
    write_files(repo, {f"pkg/{PAYLOADS[1]}.py": "import re\n"})
    git(repo, "add", "--all")
    return repo


COMMANDS = [
    ("scan",),
    ("scan", f"pkg/{PAYLOADS[0]}.py", f"pkg/{PAYLOADS[2]}.py"),  # paths given to git
    ("boundaries",),
    ("debt", "--no-cache"),
    ("hotspots",),
    ("plan", "--budget", "8h"),
    ("history",),
    ("gate", "--base", "main"),
    ("gate", "--staged"),
    ("baseline",),
    ("init", "--force"),
    ("rules",),
]


def test_every_process_gets_an_argument_list_with_literal_payloads(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _payload_repo(tmp_path)
    recorder = _Recorder()
    recorder.install(monkeypatch)
    for args in COMMANDS:
        run = cli(*args, cwd=repo)
        assert_no_traceback(run.err)
        assert run.code in (0, 1), (args, run.err)
        assert "incomplete" not in run.err, (args, run.err)  # ruff and git ran fine
    programs = set()
    for command, options in recorder.calls:
        assert isinstance(command, (list, tuple)), command
        assert all(isinstance(part, str) for part in command), command
        assert not options.get("shell"), command
        assert options["positional"] == 0, command  # shell= cannot hide in a position
        programs.add(os.path.basename(command[0]))
    assert programs == {"git", "ruff"}
    arguments = {part for command, _ in recorder.calls for part in command}
    for payload in PAYLOADS:  # each whole file name is one literal argument to ruff
        assert any(arg.endswith(f"pkg/{payload}.py") for arg in arguments), payload
    assert not [p for p in repo.rglob("pwned*")]
    assert not list(tmp_path.rglob("pwned*"))


@pytest.mark.parametrize(
    "command",
    [
        "ruff; touch pwned_semicolon",
        "ruff $(touch pwned_dollar)",
        "ruff `touch pwned_backtick`",
        "ruff && touch pwned_and",
    ],
)
def test_a_lint_command_with_shell_syntax_is_not_run(
    command: str, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """The configured linter is one executable (looked up on PATH), never a shell line:
    the report says it cannot be run, and no shell ever sees the value."""
    repo = _payload_repo(tmp_path)
    with open(repo / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(f"\n[tool.codehealth.debt]\nruff = {command!r}\n")
    run = cli("debt", "--format", "json", cwd=repo)
    assert run.code == 0, run.err
    assert run.json()["complete"] is False
    assert f"{command!r} is not an executable command" in " ".join(run.json()["incomplete"])
    assert not list(tmp_path.rglob("pwned*"))


def test_the_named_lint_command_runs_with_literal_arguments(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """What the configuration names explicitly does run, as one program whose arguments
    (the payload file names among them) arrive unchanged."""
    repo = _payload_repo(tmp_path)
    seen = tmp_path / "argv.txt"
    script = tmp_path / "my ruff"  # a space in the path: not split either
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"open({str(seen)!r}, 'w').write(json.dumps(sys.argv[1:]))\nprint('[]')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    with open(repo / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(f"\n[tool.codehealth.debt]\nruff = {str(script)!r}\n")
    run = cli("debt", "--format", "json", "--no-cache", cwd=repo)
    assert run.code == 0, run.err
    argv = json.loads(seen.read_text(encoding="utf-8"))
    files = argv[argv.index("--") + 1 :]
    assert {f"pkg/{payload}.py" for payload in PAYLOADS} <= set(files)
    assert "-dash.py" in files
    assert not list(tmp_path.rglob("pwned*"))


@pytest.mark.parametrize("ref", ["--output=pwned_output", "-h", "$(touch pwned_ref)"])
def test_a_base_ref_that_looks_like_an_option_is_not_one(
    ref: str, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """``gate --base`` comes from CI variables: a value starting with "-" reaches git as a
    revision (``REF^{commit}``), never as an option (git diff --output= writes a file)."""
    repo = _payload_repo(tmp_path)
    run = cli("gate", "--base", ref, cwd=repo)
    assert run.code == 2, run.err
    assert "no such branch, tag or commit" in run.err
    assert not list(tmp_path.rglob("pwned*"))
