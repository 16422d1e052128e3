"""``report --html`` with file names that are not UTF-8 (they reach codehealth through
surrogateescape): the page is still written, valid UTF-8, and the name is shown escaped."""

from __future__ import annotations

import json
import re

from clitools import write_files

from codehealth.render import script_json

_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
LATIN1 = "src/shop/caf\udce9.py"  # b"caf\xe9.py" on disk


def test_script_json_escapes_lone_surrogates_and_markup():
    data = {
        "path": LATIN1,
        "name": "</script><!--",
        "sep": "a\u2028b\u2029c",
        "amp": "&",
        "ok": "é✓",
    }

    text = script_json(data)

    text.encode("utf-8")  # would raise on a lone surrogate
    for raw in ("<", ">", "&", "\u2028", "\u2029", "\udce9"):
        assert raw not in text
    assert "\\udce9" in text and "é✓" in text  # valid characters stay readable
    assert json.loads(text) == data


def test_a_file_name_that_is_not_utf8_is_reported(make_repo, cli):
    repo = make_repo("shop", {LATIN1: "def latin_name(a):\n    return a or 1\n"})

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 0, result.err
    assert "internal error" not in result.err
    page = (repo / "out" / "index.html").read_bytes().decode("utf-8")  # strict: valid UTF-8
    (embedded,) = _DATA.findall(page)
    data = json.loads(embedded)
    assert (LATIN1, "latin_name") in {(f["path"], f["name"]) for f in data["functions"]}


def test_a_project_folder_whose_name_is_not_utf8(tmp_path, cli):
    """Outside git (no history parts); the title shows U+FFFD, the data keeps the escape."""
    odd = tmp_path / "sh\udcf6p"
    write_files(odd, {"pyproject.toml": "[project]\nname='p'\n", "p/m.py": "def f():\n  pass\n"})

    result = cli("report", "--html", "out", cwd=odd)

    assert result.code == 0, result.err
    page = (odd / "out" / "index.html").read_bytes().decode("utf-8")
    assert "<title>codehealth report: sh\ufffdp</title>" in page
    (embedded,) = _DATA.findall(page)
    assert json.loads(embedded)["project"] == "sh\udcf6p"


def test_a_git_repository_whose_folder_name_is_not_utf8(tmp_path, make_repo, cli):
    """With history: the commit log's cache key holds the repository's path (it could not
    be stored in SQLite, an internal error in ``hotspots`` and so in the report)."""
    repo = make_repo("shop").rename(tmp_path / "sh\udcf6p")

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 0, result.err
    page = (repo / "out" / "index.html").read_bytes().decode("utf-8")
    assert "<title>codehealth report: sh\ufffdp</title>" in page
    (embedded,) = _DATA.findall(page)
    data = json.loads(embedded)
    assert data["hotspots"]["files"] and len(data["trend"]["points"]) == 1
    hotspots = cli("hotspots", cwd=repo)
    assert hotspots.code in (0, 1) and "internal error" not in hotspots.err, hotspots.err
