"""The gate reads the lines of the touched files only from a .coverage (coverage.py's own
CoverageData writes the file): the others are named, so paths still map and foreign data is
still told apart, but their lines are not read."""

from __future__ import annotations

from pathlib import Path

import coverage

from codehealth.adapters.coverage import read_coverage_file


def test_only_the_wanted_files_lines_are_read(tmp_path: Path) -> None:
    data = coverage.CoverageData(basename=str(tmp_path / ".coverage"))
    data.add_lines({"/ci/app/a.py": [1, 2, 3], "/ci/app/b.py": [4, 5]})
    data.write()

    raw = read_coverage_file(str(tmp_path / ".coverage"), lambda name: name.endswith("a.py"))

    lines = {f.path: f.executed for f in raw.files}
    assert lines == {"/ci/app/a.py": frozenset({1, 2, 3}), "/ci/app/b.py": frozenset()}
    everything = read_coverage_file(str(tmp_path / ".coverage"))
    assert {f.path: f.executed for f in everything.files}["/ci/app/b.py"] == {4, 5}
