"""The tools of ``codehealth mcp`` called in-process on a sample git repository (the fast
set; test_mcp_server.py drives them through the protocol), and the command's help."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agent_repo import BRANCHY, FILES
from clitools import git

from codehealth.agent import ProjectTools


def test_measure_gate_rules_and_modules_in_process(make_repo: Any) -> None:
    repo: Path = make_repo("agent", FILES)
    tools = ProjectTools(str(repo))
    measured = tools.measure(path="src/app/core/branchy.py", limit=5)
    assert measured["functions"][0]["cyclomatic"] == 16
    assert measured["violations"][0]["rule"] == "CH101"
    assert "outside the project" in tools.measure(path="../x.py")["error"]
    calc = repo / "src/app/core/calc.py"
    proposal = {"src/app/core/calc.py": calc.read_text() + "\n\n" + BRANCHY}
    verdict = tools.gate(proposed=proposal)
    assert (verdict["passed"], verdict["problems"][0]["rule"]) == (False, "CH101")
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert tools.gate()["passed"] is True
    assert "only Python files" in tools.gate(proposed={"pyproject.toml": "x"})["error"]
    assert tools.explain_rule("CH102")["name"] == "cognitive-complexity"
    api = tools.module_api("app.core")
    assert (api["public_api"], api["imported_by"]) == (["add"], ["app.web"])


def test_a_bad_configuration_is_an_error_result_naming_file_and_key(make_repo: Any) -> None:
    repo: Path = make_repo("agent", FILES)
    (repo / "pyproject.toml").write_text(FILES["pyproject.toml"] + "[tool.codehealth]\nbogus = 1\n")
    tools = ProjectTools(str(repo))
    for result in (tools.measure(content="x = 1\n"), tools.explain_rule("CH101")):
        assert "pyproject.toml" in result["error"]
        assert "bogus" in result["error"]


def test_the_command_is_listed_with_its_help(cli: Any, tmp_path: Path) -> None:
    run = cli("mcp", "--help", cwd=tmp_path)
    assert run.code == 0
    assert "Serve codehealth's tools to a coding agent (MCP over stdio)." in run.out
    assert "proposed contents without writing them" in run.out


def test_a_project_reached_through_a_symbolic_link(make_repo: Any, tmp_path: Path) -> None:
    repo: Path = make_repo("agent", FILES)
    link = tmp_path / "through-a-link"
    link.symlink_to(repo)
    calc = repo / "src/app/core/calc.py"
    verdict = ProjectTools(str(link)).gate(
        proposed={"src/app/core/calc.py": calc.read_text() + BRANCHY}
    )
    assert [(p["rule"], p["path"]) for p in verdict["problems"]] == [
        ("CH101", "src/app/core/calc.py")
    ]
