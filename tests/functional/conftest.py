"""Fixtures for end-to-end tests (helpers live in clitools.py).

``make_repo("shop")`` turns tests/resources/shop into a real git repository in tmp_path;
``cli(...)`` runs ``codehealth.cli.main`` in-process from a folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from clitools import RESOURCES, Run, commit_all, init_repo, write_files


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """``make_repo("shop")``: a git repository holding a copy of tests/resources/shop with
    one commit. ``files`` adds or replaces files (text or bytes) before that commit."""

    def make(name: str, files: dict[str, str | bytes] | None = None) -> Path:
        repo = tmp_path / name
        if (RESOURCES / name).is_dir():
            shutil.copytree(RESOURCES / name, repo)
        else:
            repo.mkdir()
        write_files(repo, files or {})
        init_repo(repo)
        commit_all(repo, "base")
        return repo

    return make


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Callable[..., Run]]:
    """In-process ``codehealth ARGS`` run from ``cwd`` (``codehealth.cli.main``)."""
    from codehealth.cli import main

    def run(*args: str, cwd: Path) -> Run:
        capsys.readouterr()  # drop anything printed before
        with monkeypatch.context() as patch:
            patch.chdir(cwd)
            code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    yield run
