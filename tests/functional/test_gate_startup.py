"""A pre-commit gate run pays only for what it uses: the packages export lazily (PEP 562),
so a warm ``gate --staged`` with an edit that touches no import loads neither the boundary
analysis, grimp, the debt report nor the baseline. And every lazily exported name resolves."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
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
    assert "codehealth.app.gate" in first
    warm = _loaded(repo)
    unneeded = {
        "grimp",
        "importlinter",
        "codehealth.boundaries.analysis",
        "codehealth.boundaries.facts",
        "codehealth.model.boundaries",
        "codehealth.debt.report",
        "codehealth.gate.baseline",
    }
    assert not (warm & unneeded), sorted(warm & unneeded)
    assert "codehealth.boundaries.analysis" not in first


@pytest.mark.parametrize("package", ["model", "debt", "gate", "boundaries"])
def test_every_lazily_exported_name_resolves(package: str) -> None:
    module = importlib.import_module(f"codehealth.{package}")
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    assert sorted(module.__all__) == dir(module)
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018
