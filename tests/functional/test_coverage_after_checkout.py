"""Coverage data from another CI job (an artifact) is older than every file of a fresh
checkout: a file the work tree has as HEAD has it is still trusted when the data is younger
than HEAD's commit; a file edited after the data was written is not."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from clitools import commit_all, init_repo, run_cli, write_files

_CODE = "def grade(score):\n    if score > 90:\n        return 'A'\n    return 'B'\n"


def _xml(timestamp: float) -> str:
    lines = "".join(f'<line number="{n}" hits="1"/>' for n in (1, 2, 4))
    return (
        f'<?xml version="1.0" ?><coverage version="7.6" timestamp="{int(timestamp * 1000)}">'
        '<packages><package name="."><classes><class name="m.py" filename="pkg/m.py">'
        f"<lines>{lines}</lines></class></classes></package></packages></coverage>"
    )


def _figure(repo: Path) -> tuple[object, str]:
    run = run_cli("scan", "--format", "json", cwd=repo)
    [file] = [f for f in run.json()["files"] if f["path"] == "pkg/m.py"]
    return file["coverage"], run.json()["notes"]


@pytest.mark.slow
def test_an_artifact_older_than_the_checkout_is_trusted_for_unchanged_files(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "app"
    repo.mkdir()
    init_repo(repo)
    write_files(repo, {"pkg/__init__.py": "", "pkg/m.py": _CODE})
    commit_all(repo, "code")
    time.sleep(1.1)  # commit times are whole seconds
    (repo / "coverage.xml").write_text(_xml(time.time()))
    later = time.time() + 60  # the checkout in the next job
    os.utime(repo / "pkg" / "m.py", (later, later))

    coverage, notes = _figure(repo)
    assert coverage is not None and coverage["lines"] == {"covered": 3, "total": 3}
    assert not any("older than" in note for note in notes)

    (repo / "pkg" / "m.py").write_text(_CODE + "\n\ndef extra():\n    return 1\n")
    os.utime(repo / "pkg" / "m.py", (later, later))
    coverage, notes = _figure(repo)
    assert coverage is None  # edited after the data: its figure would be wrong
    assert any("pkg/m.py" in note and "run the tests again" in note for note in notes)
