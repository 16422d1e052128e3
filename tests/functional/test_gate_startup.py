"""A pre-commit gate run pays only for what it uses: the command group imports only the gate's
command, and a warm ``gate --staged`` with an edit that touches no import loads neither grimp,
import-linter, rich nor the CI formats' XML and HTTP machinery. And every exported name
resolves."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from clitools import commit_all, git, init_repo, write_files

PROBE = """
import json, sys
from codehealth.cli import main
try:
    main(["gate", "--staged", "--no-lint"])
except SystemExit:
    pass
sys.__stderr__.write("\\nLOADED=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _loaded(cwd: Path) -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    marker = completed.stderr.rpartition("LOADED=")[2]
    assert marker, completed.stderr
    names: list[str] = json.loads(marker.splitlines()[0])
    return set(names)


@pytest.mark.slow
def test_a_warm_staged_gate_loads_no_boundary_analysis(tmp_path: Path) -> None:
    repo = tmp_path / "light"
    repo.mkdir()
    write_files(
        repo,
        {
            "pyproject.toml": '[project]\nname = "light"\nversion = "0"\n',
            "light/__init__.py": "",
            "light/core.py": "import os\n\n\ndef f():\n    return os.sep\n",
        },
    )
    init_repo(repo)
    commit_all(repo, "base")
    write_files(repo, {"light/core.py": "import os\n\n\ndef f():\n    return os.sep + 'x'\n"})
    git(repo, "add", "light/core.py")
    first = _loaded(repo)  # cold: measures, so it reads the boundary facts
    assert "codehealth.gate.run" in first
    warm = _loaded(repo)
    unneeded = {
        "grimp",
        "importlinter",
        "rich",
        "xml.sax",
        "http.client",
        "multiprocessing",
        "codehealth.scanning.command",
        "codehealth.history.run",
        "codehealth.report.run",
    }
    assert not (warm & unneeded), sorted(warm & unneeded)
    assert "importlinter" not in first


@pytest.mark.parametrize("package", ["core", "debt", "gate", "boundaries", "adapters.git"])
def test_every_exported_name_resolves(package: str) -> None:
    module = importlib.import_module(f"codehealth.{package}")
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    public = {
        name
        for name in dir(module)
        if not name.startswith("_") and not isinstance(getattr(module, name), types.ModuleType)
    }
    assert public == set(module.__all__)
    assert not hasattr(module, "no_such_name")  # hasattr is False only on AttributeError
