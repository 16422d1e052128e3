"""codehealth never runs the code it reads.

A repository whose every kind of Python file would, if imported or executed, write a marker
file, connect to a socket, change os.environ and call sys.exit: module bodies, package
``__init__.py``, ``conftest.py``, ``setup.py``, ``sitecustomize.py``/``usercustomize.py``,
a ``.pth`` file, ``__main__.py``, and top-level modules named like what codehealth itself
imports (``click.py``, ``json.py``, ``typing.py``...). Every command runs over it in-process,
and a few as real processes, both through the console script and ``python -m codehealth``
(which puts the current folder first on sys.path); none of the effects may happen.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from clitools import Run, assert_no_traceback, clean_env, commit_all, git, init_repo, write_files

ENV_FLAG = "CODEHEALTH_TEST_PWNED"

# Names codehealth, click, rich, grimp, tomllib or sqlite3 import after start-up.
SHADOWS = ("click", "rich", "json", "typing", "ast", "tokenize", "sqlite3", "grimp", "tomllib")


def _payload(name: str, markers: Path, port: int) -> str:
    """Code that leaves a trace of every kind when it runs."""
    return (
        "import os, pathlib, socket, sys\n"
        f"pathlib.Path({str(markers)!r}, {name.replace('/', '_')!r}).write_text('ran')\n"
        f"os.environ[{ENV_FLAG!r}] = {name!r}\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=2).close()\n"
        "except OSError:\n"
        "    pass\n"
        "sys.exit(42)\n"
        "def never_called(x):\n"
        "    # TODO: a finding, so every command has something to report\n"
        "    return x\n"
    )


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    yield server
    server.close()


@pytest.fixture
def hostile(tmp_path: Path, listener: socket.socket) -> Callable[[], Path]:
    """``hostile()`` builds the repository (a fresh one per call) and returns it."""
    markers = tmp_path / "markers"
    markers.mkdir()
    port = listener.getsockname()[1]
    count = 0

    def build() -> Path:
        nonlocal count
        count += 1
        repo = tmp_path / f"hostile{count}"
        files = {
            "pyproject.toml": (
                '[project]\nname = "evil"\nversion = "0"\n\n'
                "[tool.importlinter]\n"
                'root_packages = ["evil", "nsinstalled.inner"]\n\n'
                "[[tool.importlinter.contracts]]\n"
                'name = "layers"\ntype = "layers"\n'
                'layers = ["evil.top", "evil.sub"]\n'
            ),
            "setup.py": _payload("setup.py", markers, port),
            "conftest.py": _payload("conftest.py", markers, port),
            "sitecustomize.py": _payload("sitecustomize.py", markers, port),
            "usercustomize.py": _payload("usercustomize.py", markers, port),
            "evil.pth": f"import os; open({str(markers / 'pth')!r}, 'w')\n",
            "__main__.py": _payload("__main__.py", markers, port),
            "src/evil/__init__.py": _payload("evil/__init__.py", markers, port),
            "src/evil/__main__.py": _payload("evil/__main__.py", markers, port),
            "src/evil/top.py": "from evil import sub\n" + _payload("evil/top.py", markers, port),
            "src/evil/sub/__init__.py": _payload("evil/sub/__init__.py", markers, port),
            "src/evil/sub/conftest.py": _payload("evil/sub/conftest.py", markers, port),
            "tests/__init__.py": _payload("tests/__init__.py", markers, port),
            "tests/conftest.py": _payload("tests/conftest.py", markers, port),
            "tests/test_evil.py": _payload("tests/test_evil.py", markers, port),
            # Packages found only on sys.path (as if pip-installed): the contract's graph
            # reads nsinstalled.inner (inside a namespace package); `installed.inner`
            # (inside a regular package) is named by test_a_dotted_root_package_...
            "site/nsinstalled/inner/__init__.py": _payload("nsinstalled/inner", markers, port),
            "site/installed/__init__.py": _payload("installed/__init__.py", markers, port),
            "site/installed/inner/__init__.py": _payload("installed/inner", markers, port),
            **{f"{name}.py": _payload(f"{name}.py", markers, port) for name in SHADOWS},
        }
        repo.mkdir()
        write_files(repo, files)
        init_repo(repo)
        commit_all(repo, "base")
        git(repo, "branch", "-M", "main")
        git(repo, "checkout", "--quiet", "-b", "feature")
        write_files(repo, {"src/evil/new.py": _payload("evil/new.py", markers, port)})
        commit_all(repo, "feature")
        write_files(repo, {"src/evil/staged.py": _payload("evil/staged.py", markers, port)})
        git(repo, "add", "--all")
        return repo

    return build


def _assert_nothing_ran(markers: Path, listener: socket.socket) -> None:
    assert sorted(p.name for p in markers.iterdir()) == []
    assert ENV_FLAG not in os.environ
    with pytest.raises(BlockingIOError):  # no connection is waiting
        listener.accept()


COMMANDS = [
    ("scan",),
    ("boundaries",),
    ("boundaries", "--modules", "--format", "json"),
    ("debt",),
    ("hotspots",),
    ("plan", "--budget", "40h"),
    ("history", "show"),
    ("gate", "--base", "main", "--format", "json"),
    ("gate", "--staged"),
    ("baseline",),
    ("gate",),  # against the baseline the previous command wrote
    ("init", "--force"),
    ("rules",),
]


def test_no_command_runs_the_code_it_reads(
    hostile: Callable[[], Path],
    listener: socket.socket,
    tmp_path: Path,
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = hostile()
    # As if the project were pip-installed: its packages importable from sys.path.
    monkeypatch.syspath_prepend(str(repo / "site"))
    for args in COMMANDS:
        run = cli(*args, cwd=repo)
        assert_no_traceback(run.err)
        assert run.code in (0, 1), (args, run.code, run.err)
        assert run.out.strip(), args
        _assert_nothing_ran(tmp_path / "markers", listener)
    # The commands did read the code: the TODOs in the module bodies were found.
    debt = cli("debt", "--format", "json", cwd=repo).json()
    assert {"src/evil/__init__.py", "setup.py", "conftest.py", "click.py"} <= {
        f["path"] for f in debt["findings"] if f["rule"] == "CH201"
    }


def _console_script() -> str:
    return os.path.join(sysconfig.get_path("scripts"), "codehealth")


@pytest.mark.slow
@pytest.mark.parametrize(
    "launcher",
    [
        pytest.param((sys.executable, "-m", "codehealth"), id="python-m"),
        pytest.param((_console_script(),), id="console-script"),
    ],
)
@pytest.mark.parametrize(
    "args", [("scan",), ("boundaries",), ("gate", "--base", "main")], ids=lambda a: a[0]
)
def test_no_process_runs_the_code_it_reads(
    hostile: Callable[[], Path],
    listener: socket.socket,
    tmp_path: Path,
    launcher: tuple[str, ...],
    args: tuple[str, ...],
) -> None:
    """``python -m`` puts the repository first on sys.path: its click.py, json.py, ... must
    not shadow what codehealth imports (the current folder is dropped at start-up)."""
    if not os.path.exists(launcher[0]):
        pytest.skip("the console script is not installed")
    repo = hostile()
    env = {**clean_env(), "PYTHONPATH": str(repo / "site")}  # as if installed
    completed = subprocess.run(
        [*launcher, *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert_no_traceback(completed.stderr)
    assert completed.returncode in (0, 1), completed.stderr
    assert completed.stdout.strip()
    _assert_nothing_ran(tmp_path / "markers", listener)


def test_a_dotted_root_package_is_found_without_importing_its_parent(
    hostile: Callable[[], Path],
    listener: socket.socket,
    tmp_path: Path,
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """grimp's finder (importlib.util.find_spec) imported ``installed`` to find
    ``installed.inner``, running its __init__.py, then failed (exit 3)."""
    repo = hostile()
    monkeypatch.syspath_prepend(str(repo / "site"))
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        pyproject.replace('"nsinstalled.inner"', '"installed.inner"'), encoding="utf-8"
    )
    run = cli("boundaries", cwd=repo)
    assert run.code == 2, run.err
    assert "root package 'installed.inner': not a top-level package" in run.err
    _assert_nothing_ran(tmp_path / "markers", listener)
    assert "installed" not in sys.modules


def test_files_codehealth_writes_stay_in_the_project(
    tmp_path: Path, make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """A cloned repository cannot point the files codehealth writes elsewhere: through its
    configuration (exit 2) or through a symbolic link (replaced, not written through)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim"
    repo = make_repo("written", {"pyproject.toml": '[project]\nname = "w"\n', "m.py": "x = 1\n"})
    for name in ("../outside/victim", str(victim), "sub/../../outside/victim"):
        (repo / "pyproject.toml").write_text(
            f'[project]\nname = "w"\n\n[tool.codehealth.gate]\nbaseline = {name!r}\n',
            encoding="utf-8",
        )
        run = cli("baseline", cwd=repo)
        assert run.code == 2, run.err
        assert "expected a file name inside the project" in run.err
        assert not victim.exists()
    (repo / "pyproject.toml").write_text('[project]\nname = "w"\n', encoding="utf-8")
    (repo / ".codehealth-baseline").symlink_to(victim)  # dangling: "no baseline yet"
    assert cli("baseline", cwd=repo).code == 0
    assert not victim.exists()
    assert not (repo / ".codehealth-baseline").is_symlink()
    victim.write_text('[project]\nname = "victim"\n', encoding="utf-8")
    (repo / "pyproject.toml").unlink()
    (repo / "pyproject.toml").symlink_to(victim)
    assert cli("init", cwd=repo).code == 0
    assert victim.read_text(encoding="utf-8") == '[project]\nname = "victim"\n'
    assert not (repo / "pyproject.toml").is_symlink()
    assert "[tool.codehealth]" in (repo / "pyproject.toml").read_text(encoding="utf-8")
