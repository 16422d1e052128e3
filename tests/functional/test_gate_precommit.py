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


@pytest.mark.slow
def test_the_gate_hook_runs_through_pre_commit_try_repo(tmp_path: Path) -> None:
    """pre-commit installs codehealth from a clone of this repository (its committed HEAD)
    and runs the hook on a sample repository's staged change."""
    from clitools import clean_env, git, init_repo, write_files

    pre_commit = _pre_commit()
    project = MANIFEST.parent
    if not (project / ".git").exists():
        pytest.skip("not a git checkout of codehealth")
    clone = tmp_path / "codehealth"
    git(tmp_path, "clone", "--quiet", str(project), str(clone))
    sample = tmp_path / "sample"
    sample.mkdir()
    init_repo(sample)
    write_files(sample, {"a.py": "def f(x):\n    return x\n"})
    git(sample, "add", "a.py")
    git(sample, "commit", "--quiet", "--no-verify", "-m", "base")
    env = {**clean_env(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(clone), "codehealth-gate"],
            cwd=sample,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    write_files(sample, {"a.py": "def f(x):\n    # TODO: later\n    return x\n"})
    git(sample, "add", "a.py")
    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "codehealth gate (staged changes)" in failed.stdout
    assert "CH201" in failed.stdout and "Traceback" not in failed.stdout
    write_files(sample, {"a.py": "def f(x):\n    return x + 1\n"})
    git(sample, "add", "a.py")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
