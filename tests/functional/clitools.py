"""Helpers for end-to-end tests: sample projects turned into real git repositories.

As in pre-commit's test suite, each sample project is a small hand-written folder under
``tests/resources/<name>/``; ``make_repo`` copies it into ``tmp_path``, runs ``git init`` and
commits it, so discovery goes through ``git ls-files`` exactly as it does for a user. The CLI
runs either as a real subprocess (``run_cli``: ``python -m codehealth``) or in-process
(``cli``: ``codehealth.cli.main``) where a test needs to look inside.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

# git must not read the developer's or the CI machine's configuration (signing, hooks, ...).
_GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.invalid",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.invalid",
}


def clean_env() -> dict[str, str]:
    """The environment for subprocesses: no colour or terminal hints, no user git config."""
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR", "TERM"}}
    env.update(_GIT_ENV)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def git(repo: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def commit_all(repo: Path, message: str = "change") -> str:
    """Stage everything in ``repo`` and commit it; return the new commit's hash."""
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--no-verify", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def init_repo(path: Path) -> Path:
    git(path, "init", "--quiet")
    git(path, "config", "user.name", "Test Author")
    git(path, "config", "user.email", "author@example.invalid")
    git(path, "config", "commit.gpgsign", "false")
    return path


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


@dataclass(frozen=True)
class Run:
    """One finished run of the CLI."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(*args: str | os.PathLike[str], cwd: Path, timeout: float = 300) -> Run:
    """``python -m codehealth ARGS`` in ``cwd`` as a real subprocess with piped output.

    ``timeout`` only stops a hung run from hanging the suite; no test asserts on time."""
    completed = subprocess.run(
        [sys.executable, "-m", "codehealth", *map(str, args)],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def scan_json(*args: str, cwd: Path) -> dict[str, Any]:
    """Run ``codehealth scan --format json`` in a subprocess and return the document."""
    run = run_cli("scan", "--format", "json", *args, cwd=cwd)
    assert run.code in (0, 1), run.err
    document: dict[str, Any] = run.json()
    return document


def not_analysed(document: dict[str, Any]) -> dict[str, str]:
    """path -> reason of every "not analysed" entry, checking each carries rule CH000."""
    entries = document["not_analysed"]
    assert all(entry["rule"] == "CH000" for entry in entries), entries
    return {entry["path"]: entry["reason"] for entry in entries}


def analysed(document: dict[str, Any]) -> set[str]:
    return {entry["path"] for entry in document["files"]}


def assert_no_traceback(text: str) -> None:
    assert "Traceback (most recent call last)" not in text, text


def shop_coverage_xml(tested: tuple[int, ...] = (27, 28, 29, 30, 32, 33)) -> str:
    """A Cobertura report for the shop sample, as written on another machine (its
    ``<source>`` is a CI checkout): ``route_order`` (src/shop/orders.py:4) never ran,
    the ``tested`` lines of ``Order`` did; the timestamp is in 2100 so it is never stale."""
    statements = (4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 21, 22, 23, 26, 27, 28)
    statements += (29, 30, 32, 33)
    lines = "".join(
        f'<line number="{n}" hits="{1 if n in tested or n in (4, 26, 27, 32) else 0}"/>'
        for n in statements
    )
    return (
        '<?xml version="1.0" ?>\n<coverage version="7.6" timestamp="4102444800000">'
        "<sources><source>/home/runner/work/shop/shop/src</source></sources>"
        '<packages><package name="shop"><classes><class name="orders.py" '
        f'filename="shop/orders.py"><lines>{lines}</lines></class></classes></package>'
        "</packages></coverage>\n"
    )
