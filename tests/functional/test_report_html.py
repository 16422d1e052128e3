"""``codehealth report --html DIR`` end to end on real git repositories."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from clitools import commit_all, init_repo, write_files

_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)

LONG = "f" + "o" * 299  # a 300-character function name


def _page(repo: Path) -> str:
    return (repo / "out" / "index.html").read_text(encoding="utf-8")


def _data(page: str) -> dict:
    (text,) = _DATA.findall(page)
    return json.loads(text)


def test_the_report_holds_every_part(make_repo, cli):
    repo = make_repo("shop")
    orders = repo / "src/shop/orders.py"
    orders.write_text(orders.read_text() + "\n# TODO: split this module\n")
    commit_all(repo, "second")

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 0, result.err
    assert "out/index.html" in result.out
    page = _page(repo)
    # self-contained: ECharts is embedded, nothing is fetched
    assert "echarts" in page and "Apache" in page
    assert not re.search(r"""<(script|link)[^>]+(src|href)=""", page)
    assert "https://" not in page.split("/*", 1)[0]  # the head loads nothing
    data = _data(page)
    assert data["project"] == "shop"
    assert data["debt"]["rating"] in "ABCDE" and data["debt"]["minutes"] > 0
    assert data["debt"]["files"] == len(list(repo.rglob("*.py")))
    assert len(data["trend"]["points"]) == 2  # one snapshot per commit
    assert {f["path"] for f in data["hotspots"]["files"]} >= {"src/shop/orders.py"}
    assert data["modules"] and all(m["minutes"] >= 0 for m in data["modules"])
    debts = [f["debt"] for f in data["functions"]]
    assert debts == sorted(debts, reverse=True) and debts[0] > 0
    assert data["boundaries"] is not None
    assert "targets" in data["plan"]
    reviewed = data["reviews"]["months"]  # the two commits, made today
    assert sum(m["changes"] for m in reviewed) == 2 and reviewed[-1]["changes"] >= 1
    assert data["reviews"]["summary"].startswith("2 changes on the main line")
    for section in (
        "Review habit",
        "Hotspots",
        "Debt by module",
        "Worst functions",
        "Module graph",
        "Refactor plan",
        "Duplication",
    ):
        assert section in page


def test_the_duplication_section_lists_the_largest_groups_of_many(tmp_path, cli):
    """Generated-looking code: one function copied into 60 modules is one group of 60
    copies; the page keeps the group (its first places) and the worst files, capped."""
    repo = tmp_path / "gen"
    repo.mkdir()
    init_repo(repo)
    body = (
        "def handler(request, payload, retries):\n"
        "    result = []\n"
        "    for item in payload:\n"
        "        if item.kind == 'a' and retries > 2:\n"
        "            result.append(item.value * retries + 1)\n"
        "        elif item.kind == 'b':\n"
        "            result.append(item.value + request.offset)\n"
        "        else:\n"
        "            result.append(item.value - retries)\n"
        "    result.reverse()\n"
        "    return sorted(result)\n"
    )
    write_files(repo, {f"gen/m{n:02}.py": body for n in range(60)})
    commit_all(repo, "generated")
    result = cli("report", "--html", "out", cwd=repo)
    assert result.code == 0, result.err
    duplication = _data(_page(repo))["duplication"]
    assert duplication["group_count"] == 1
    [group] = duplication["groups"]
    assert group["count"] == 60 and len(group["locations"]) < 60
    assert (group["locations"][0]["path"], group["locations"][0]["start"]) == ("gen/m00.py", 1)
    assert len(duplication["files"]) == 40  # the worst files only


_GRADE = (
    "def grade(score):\n"
    "    if score > 90:\n"
    '        return "A"\n'
    "    if score > 80:\n"
    '        return "B"\n'
    '    return "C"\n'
)
# The tests ran lines 1, 2, 4 and 6: never an A or a B.
_GRADE_COVERAGE = (
    '<?xml version="1.0" ?><coverage version="7.6"><sources><source>/ci/build</source>'
    '</sources><packages><package name="."><classes><class name="calc.py" filename="calc.py">'
    "<lines>"
    + "".join(f'<line number="{n}" hits="{int(n in (1, 2, 4, 6))}"/>' for n in range(1, 7))
    + "</lines></class></classes></package></packages></coverage>"
)


def test_coverage_columns_hold_each_functions_figure_and_crap(tmp_path, cli):
    repo = tmp_path / "calc"
    repo.mkdir()
    init_repo(repo)
    write_files(repo, {"calc.py": _GRADE, "coverage.xml": _GRADE_COVERAGE})
    commit_all(repo, "graded")
    result = cli("report", "--html", "out", cwd=repo)
    assert result.code == 0, result.err
    data = _data(_page(repo))
    assert data["coverage"]["percent"] == 66.7  # 4 of the file's 6 statements
    [row] = data["functions"]
    # the body's statements (lines 2-6): 3 of 5 ran; CRAP = 3^2 x 0.4^3 + 3
    assert (row["coverage"], row["crap"]) == (60.0, 3.6)


def test_without_coverage_data_the_figures_are_none(make_repo, cli):
    repo = make_repo("shop")
    assert cli("report", "--html", "out", cwd=repo).code == 0
    data = _data(_page(repo))
    assert data["coverage"] is None
    assert all(row["coverage"] is None and row["crap"] is None for row in data["functions"])


def test_hostile_names_are_escaped(make_repo, cli):
    hostile = "x = 1\ndef " + LONG + "(a):\n    return a\n"
    repo = make_repo(
        "shop",
        {
            # a module whose name and comments look like markup and script terminators
            "src/shop/amp_and_quotes.py": (
                "# TODO: </script><script>alert('x')</script> & \"quoted\" \u2028 done\n"
                "def f(a):\n    return '<script>' if a else \"&amp;\"\n" + hostile
            ),
            "src/shop/<script>.py": "def g(x):\n    return x\n",
            'src/shop/it\'s "q" & </script>\u2028.py': "def h(x):\n    return x\n",
        },
    )

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 0, result.err
    page = _page(repo)
    (embedded,) = _DATA.findall(page)
    for raw in ("<", ">", "&", "\u2028"):
        assert raw not in embedded
    # the only script elements are the page's own three
    assert page.count("<script") == 3
    data = json.loads(embedded)
    names = {(f["path"], f["name"]) for f in data["functions"]}
    assert ("src/shop/<script>.py", "g") in names
    assert ("src/shop/amp_and_quotes.py", LONG) in names
    assert ('src/shop/it\'s "q" & </script>\u2028.py', "h") in names
    # the page's script builds rows with textContent only
    script = page.rsplit("<script>", 1)[1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_a_repository_without_python_files(tmp_path, cli):
    repo = tmp_path / "docs"
    write_files(repo, {"README.md": "# nothing to measure\n"})
    init_repo(repo)
    commit_all(repo, "docs")

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 0, result.err
    data = _data(_page(repo))
    assert data["debt"]["files"] == 0 and data["functions"] == []
    assert "no Python files found: nothing to measure" in data["notes"]


def test_outside_git_the_history_parts_say_why(tmp_path, cli):
    project = tmp_path / "plain"
    write_files(
        project, {"pyproject.toml": "[project]\nname='p'\n", "p/m.py": "def f():\n  pass\n"}
    )

    result = cli("report", "--html", "out", cwd=project)

    assert result.code == 0, result.err
    data = _data(_page(project))
    assert data["trend"]["points"] == [] and "no git history" in data["trend"]["note"]
    assert data["hotspots"]["files"] == []
    assert data["reviews"] == {"months": [], "summary": "no git history: no review habit"}
    assert any("not a git repository" in note for note in data["notes"])
    assert [f["name"] for f in data["functions"]] == ["f"]


def test_an_invalid_pyproject_is_exit_2_naming_the_line(make_repo, cli):
    repo = make_repo(
        "shop", {"pyproject.toml": '[project]\nname = "shop"\n[tool.codehealth]\nroots = = 1\n'}
    )

    result = cli("report", "--html", "out", cwd=repo)

    assert result.code == 2
    assert "pyproject.toml" in result.err and "line 4" in result.err
    assert not (repo / "out").exists()


def test_an_output_folder_that_cannot_be_created_is_exit_2(make_repo, cli):
    repo = make_repo("shop")
    (repo / "afile").write_text("not a folder\n")

    result = cli("report", "--html", "afile/out", cwd=repo)

    assert result.code == 2
    assert "afile/out" in result.err and "cannot create the page's folder" in result.err
    assert "Traceback" not in result.err


def test_the_trend_reuses_todays_measurements_without_changing_them(make_repo, cli):
    """The report gives the history store today's measured files instead of parsing their
    blobs again: the trend must be what `codehealth history` records on its own."""
    repo = make_repo("shop", {"src/shop/extra.py": "def f(a):\n    # TODO: x\n    return a\n"})
    orders = repo / "src/shop/orders.py"
    orders.write_text(orders.read_text() + "\n\ndef g(b):\n    return 1 if b else 2\n")
    commit_all(repo, "second")
    alone = repo.parent / "alone"
    shutil.copytree(repo, alone)

    assert cli("report", "--html", "out", cwd=repo).code == 0
    recorded = cli("history", "--format", "json", cwd=alone)

    assert recorded.code == 0, recorded.err
    snapshots = json.loads(recorded.out)["snapshots"]
    points = _data(_page(repo))["trend"]["points"]
    assert [(p["debt_hours"], p["cognitive"], p["findings"]) for p in points] == [
        (
            round(s["totals"]["debt_minutes"] / 60, 2),
            s["totals"]["cognitive"],
            s["totals"]["findings"],
        )
        for s in snapshots
    ]
    assert points[-1]["cognitive"] > 0
