"""The pure parts of ``codehealth mcp``'s tools: paths kept inside the project, results cut
to a limit with the worst first, and the lines a proposed content changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codehealth.agent.compact import first, worst_violations
from codehealth.agent.paths import Refused, confined
from codehealth.core import ThresholdViolation
from codehealth.gate.proposed_step import changed_lines, placeholders, settled


def test_a_path_inside_the_project_is_made_relative(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    assert confined(str(tmp_path), "pkg/mod.py") == "pkg/mod.py"
    assert confined(str(tmp_path), str(tmp_path / "pkg" / "mod.py")) == "pkg/mod.py"
    assert confined(str(tmp_path), "pkg/../other.py") == "other.py"


@pytest.mark.parametrize("path", ["../x.py", "/etc/passwd", "pkg/../../x.py", "", "a\0b"])
def test_a_path_leading_out_is_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(Refused):
        confined(str(tmp_path / "project"), path)


def test_a_symbolic_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.py").write_text("x = 1\n")
    os.symlink(tmp_path / "secret.py", project / "link.py")
    with pytest.raises(Refused, match="outside the project"):
        confined(str(project), "link.py")


def test_first_keeps_the_limit_and_counts_the_rest() -> None:
    assert first("items", [1, 2, 3], 2) == {"items": [1, 2], "items_more": 1}
    assert first("items", [1, 2], 5) == {"items": [1, 2]}


def test_the_violation_furthest_past_its_limit_comes_first() -> None:
    slight = ThresholdViolation("a.py", "f", 1, "cyclomatic", 11, 10)
    far = ThresholdViolation("a.py", "g", 9, "cognitive", 30, 15)
    low_mi = ThresholdViolation("a.py", None, 1, "maintainability", 2.0, 10.0)
    assert worst_violations([slight, low_mi, far]) == [far, low_mi, slight]


def test_changed_lines_counts_additions_and_removals() -> None:
    assert changed_lines(None, b"a\nb\n") == 2
    assert changed_lines(b"a\nb\nc\n", b"a\nB\nc\nd\n") == 3  # b -> B (2), d added (1)
    assert changed_lines(b"same\n", b"same\n") == 0


def test_a_proposed_file_the_base_lacks_becomes_an_addition() -> None:
    proposed = {"new.py": b"x = 1\n", "old.py": b"y = 2\n"}
    edits = placeholders(proposed)
    before: dict[str, bytes | None] = {"new.py": None, "old.py": b"y = 1\n"}
    after: dict[str, bytes | None] = {"new.py": None, "old.py": b"y = 1\n"}
    (groups,), lines = settled(proposed, (before, after), [edits])
    assert [(c.status, c.old_path, c.path) for c in groups] == [
        ("A", "", "new.py"),
        ("M", "old.py", "old.py"),
    ]
    assert after == proposed
    assert "new.py" not in before
    assert lines == {"new.py": 1, "old.py": 2}
