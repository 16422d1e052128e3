"""With coverage data, a cold scan takes each file's coverage shape from the parse that
measures it: the join parses nothing again, and the figures are those of a join that parses."""

from __future__ import annotations

from pathlib import Path

import pytest
from clitools import commit_all, init_repo, write_files

_CODE = "def grade(score):\n    if score > 90:\n        return 'A'\n    return 'B'\n"


def _project(tmp_path: Path) -> Path:
    """A .coverage (coverage.py's own API writes it) holds the lines that ran only: what
    could run comes from the shape of the file."""
    import coverage

    repo = tmp_path / "graded"
    repo.mkdir()
    init_repo(repo)
    write_files(repo, {"pkg/__init__.py": "", "pkg/m.py": _CODE})
    commit_all(repo, "graded")
    data = coverage.CoverageData(basename=str(repo / ".coverage"))
    data.add_lines({str(repo / "pkg" / "m.py"): [1, 2, 4]})
    data.write()
    return repo


def test_a_cold_scan_with_coverage_data_parses_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codehealth
    import codehealth.metrics.shapes as shapes

    repo = _project(tmp_path)
    parsed: list[int] = []
    real = shapes.shape_of

    def counted(*args, **kwargs):
        parsed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(shapes, "shape_of", counted)
    result = codehealth.scan(root=str(repo), use_cache=False)
    assert parsed == []  # the join used the shapes of the measuring pass
    data = result.coverage
    assert data is not None
    assert data.of("pkg/m.py").statements == {1, 2, 3, 4}
