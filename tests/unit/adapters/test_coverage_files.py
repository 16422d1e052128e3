"""Coverage data files: each format read, and every kind of bad file refused clearly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import coverage
import pytest

from codehealth.adapters.coverage import CoverageFileError, read_coverage_file
from codehealth.core import BranchCount

COBERTURA = """<?xml version="1.0" ?>
<coverage version="7.6" timestamp="1700000000000" lines-valid="4" lines-covered="2">
  <sources><source>/ci/work/app/src</source></sources>
  <packages><package name="app"><classes>
    <class name="x.py" filename="app/x.py">
      <lines>
        <line number="1" hits="1"/>
        <line number="2" hits="1" branch="true" condition-coverage="50% (1/2)"/>
        <line number="3" hits="0"/>
        <line number="5" hits="0"/>
      </lines>
    </class>
  </classes></package></packages>
</coverage>
"""

LCOV = """TN:
SF:/ci/work/app/src/app/x.py
DA:1,1
DA:2,3
DA:3,0
BRDA:2,0,0,1
BRDA:2,0,1,-
end_of_record
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<coverage>&lol4;</coverage>
"""


def _coverage_py_file(path: Path, arcs: bool) -> None:
    data = coverage.CoverageData(basename=str(path))
    if arcs:
        data.add_arcs({"/ci/app/x.py": {(-1, 1), (1, 2), (2, 3), (3, -1)}})
    else:
        data.add_lines({"/ci/app/x.py": {1, 2, 5}})
    data.write()


@pytest.mark.parametrize("arcs", [False, True])
def test_coverage_py_data_is_read_through_its_api(tmp_path: Path, arcs: bool) -> None:
    path = tmp_path / ".coverage"
    _coverage_py_file(path, arcs)
    raw = read_coverage_file(str(path))
    assert raw.format == "coverage.py"
    assert raw.has_branches is arcs
    (measured,) = raw.files
    assert measured.path == "/ci/app/x.py"
    assert measured.statements is None  # coverage.py stores only what ran
    if arcs:
        assert measured.executed == {1, 2, 3}
        assert measured.arcs is not None and (2, 3) in measured.arcs
    else:
        assert measured.executed == {1, 2, 5}
        assert measured.arcs is None


def test_cobertura_lists_statements_hits_and_conditions(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text(COBERTURA)
    raw = read_coverage_file(str(path))
    assert raw.format == "cobertura"
    assert raw.roots == ("/ci/work/app/src",)
    assert raw.created == 1_700_000_000
    (measured,) = raw.files
    assert measured.statements == {1, 2, 3, 5}
    assert measured.executed == {1, 2}
    assert measured.branches == {2: BranchCount(2, 1)}


def test_lcov_records(tmp_path: Path) -> None:
    path = tmp_path / "lcov.info"
    path.write_text(LCOV)
    raw = read_coverage_file(str(path))
    assert raw.format == "lcov"
    (measured,) = raw.files
    assert measured.path == "/ci/work/app/src/app/x.py"
    assert measured.statements == {1, 2, 3}
    assert measured.executed == {1, 2}
    assert measured.branches == {2: BranchCount(2, 1)}


def _refused(path: Path) -> str:
    with pytest.raises(CoverageFileError) as raised:
        read_coverage_file(str(path))
    return str(raised.value)


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coverage.json"
    path.write_text('{"meta": {}, "files": {}}')
    assert "not a coverage file" in _refused(path)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / ".coverage"
    path.write_bytes(b"")
    assert "empty" in _refused(path)


def test_truncated_sqlite_is_refused(tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    _coverage_py_file(whole, arcs=False)
    truncated = tmp_path / ".coverage"
    truncated.write_bytes(whole.read_bytes()[:3000])
    assert "cannot be read as coverage.py data" in _refused(truncated)


@pytest.mark.parametrize("cut", [100, 4096, 20000])
def test_a_file_cut_anywhere_is_refused_not_a_crash(tmp_path: Path, cut: int) -> None:
    # httpx's 192 kB .coverage cut by 100 bytes: the schema reads, the arcs' last pages
    # do not (sqlite3.DatabaseError from CoverageData.arcs)
    whole = tmp_path / "whole"
    data = coverage.CoverageData(basename=str(whole))
    arcs = {(line, line + 1) for line in range(1, 400)}
    data.add_arcs({f"/ci/app/module_{n}.py": arcs for n in range(60)})
    data.write()
    truncated = tmp_path / ".coverage"
    truncated.write_bytes(whole.read_bytes()[:-cut])
    assert "cannot be read as coverage.py data" in _refused(truncated)


def test_a_sqlite_database_that_is_not_coverage_data_is_refused(tmp_path: Path) -> None:
    path = tmp_path / ".coverage"
    with sqlite3.connect(path) as connection:
        connection.execute("create table people (name text)")
    connection.close()
    before = path.read_bytes()
    assert "not coverage.py data" in _refused(path)
    assert path.read_bytes() == before  # never written to


def test_an_xml_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text(BILLION_LAUGHS)
    message = _refused(path)
    assert "refused" in message and "entities" in message


def test_xml_that_is_not_cobertura_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text("<html><body>coverage</body></html>")
    assert "not a Cobertura coverage report" in _refused(path)


def test_broken_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text(COBERTURA[: len(COBERTURA) // 2])
    assert "not well-formed XML" in _refused(path)


def test_lcov_without_a_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lcov.info"
    path.write_text("TN:\nSF:x.py\nDA:1,1\n")
    assert "not an LCOV tracefile" in _refused(path)
