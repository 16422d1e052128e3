"""Contract results equal lint-imports' own on the same code and configuration: the real
``lint-imports`` command runs on each sample configuration, and so does codehealth."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import RESOURCES, clean_env, run_cli

LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
CONFIGS = RESOURCES / "boundaries" / "contracts" / "configs"


def lint_imports(repo: Path) -> tuple[dict[str, bool], str]:
    env = {**clean_env(), "COLUMNS": "200"}
    completed = subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    results = {
        match[1]: match[2] == "KEPT"
        for match in re.finditer(r"^(.+?) (KEPT|BROKEN)$", completed.stdout, re.MULTILINE)
    }
    return results, completed.stdout


def broken_details(output: str, name: str) -> str:
    """The text lint-imports prints under a broken contract's heading."""
    start = output.index(f"{name}\n{'-' * len(name)}\n") + 2 * len(name) + 2
    rest = output[start:]
    following = re.search(r"^\S.*\n-+\n", rest, re.MULTILINE)
    return (rest[: following.start()] if following else rest).strip()


def blocks(text: str) -> list[str]:
    """The paragraphs of a contract's details, sorted: import-linter prints some of them in
    set order, which changes from one process to the next (hash randomisation)."""
    return sorted(block.strip() for block in re.split(r"\n\s*\n", text) if block.strip())


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(LINT_IMPORTS), reason="lint-imports is not installed")
@pytest.mark.parametrize("config", [".importlinter", "pyproject.toml", "setup.cfg"])
def test_contract_results_equal_lint_imports(make_repo: Callable[..., Path], config: str) -> None:
    repo = make_repo(
        "boundaries/contracts", {config: (CONFIGS / config).read_text(encoding="utf-8")}
    )
    shutil.rmtree(repo / "configs")
    expected, output = lint_imports(repo)
    assert expected, output
    run = run_cli("boundaries", "--format", "json", "--no-cache", cwd=repo)
    document = run.json()
    got = {c["name"]: c["kept"] for c in document["contracts"]}
    assert got == expected
    assert not all(got.values()), "each sample configuration has a broken contract"
    for contract in document["contracts"]:
        if not contract["kept"]:
            assert blocks(contract["details"]) == blocks(broken_details(output, contract["name"]))
            assert contract["chains"]
    broken_lines = {(v["path"], v["line"]) for v in document["violations"] if v["rule"] == "CH305"}
    assert broken_lines
