"""The published pre-commit hooks (``.pre-commit-hooks.yaml`` at the repository root)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MANIFEST = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def _pre_commit() -> str:
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("pre-commit is not installed")
    return found


def test_the_manifest_is_valid_and_publishes_both_hooks() -> None:
    completed = subprocess.run(
        [_pre_commit(), "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    text = MANIFEST.read_text(encoding="utf-8")
    assert "id: codehealth-gate" in text and "entry: codehealth gate --staged" in text
    assert "id: codehealth-boundaries" in text


def test_a_broken_manifest_is_refused(tmp_path: Path) -> None:
    """The validation above would pass vacuously if validate-manifest accepted anything."""
    broken = tmp_path / "broken-hooks.yaml"
    broken.write_text("- id: x\n", encoding="utf-8")
    completed = subprocess.run(
        [_pre_commit(), "validate-manifest", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
