"""``codehealth mcp`` driven as a coding agent drives it: the SDK's own client session
starts ``python -m codehealth mcp`` in a sample git repository, lists the tools and calls
every one of them. (test_agent_tools.py calls the same tools in-process, in the fast set.)"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from agent_repo import BRANCHY, CALC, FILES
from clitools import clean_env, commit_all, git

pytest.importorskip("mcp")

from mcp import ClientSession, StdioServerParameters, stdio_client

TOOLS = {"measure", "gate", "explain_rule", "module_api", "hotspots", "plan"}


def _server(repo: Path) -> StdioServerParameters:
    command = [sys.executable, "-m", "codehealth", "mcp"]
    return StdioServerParameters(command=command[0], args=command[1:], cwd=repo, env=clean_env())


async def _call(session: ClientSession, tool: str, **arguments: Any) -> tuple[bool, Any]:
    result = await session.call_tool(tool, arguments)
    return result.is_error, json.loads(result.content[0].text)


@pytest.fixture
def repo(make_repo: Any) -> Path:
    root: Path = make_repo("agent", FILES)
    (root / "src/app/core/calc.py").write_text(CALC + "\n\ndef sub(a, b):\n    return a - b\n")
    commit_all(root, "sub")
    return root


async def _session(repo: Path, outside: Path) -> None:
    async with stdio_client(_server(repo)) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        listed = await session.list_tools()
        assert {tool.name for tool in listed.tools} == TOOLS
        assert all(tool.description for tool in listed.tools)
        assert all(tool.annotations and tool.annotations.read_only_hint for tool in listed.tools)
        await _measure(session, outside)
        await _gate(session, repo)
        await _docs_and_modules(session)
        await _history(session)
        await _bad_config(session, repo)


async def _ok(session: ClientSession, tool: str, **arguments: Any) -> Any:
    failed, result = await _call(session, tool, **arguments)
    assert not failed, result
    return result


async def _refused(session: ClientSession, tool: str, **arguments: Any) -> str:
    failed, result = await _call(session, tool, **arguments)
    assert failed, result
    message: str = result["error"]
    return message


async def _measure(session: ClientSession, outside: Path) -> None:
    found = await _ok(session, "measure", path="src/app/core/branchy.py")
    assert (found["functions"][0]["name"], found["functions"][0]["cyclomatic"]) == ("branchy", 16)
    worst = found["violations"][0]
    assert (worst["rule"], worst["value"], worst["limit"]) == ("CH101", 16, 10)
    snippet = await _ok(session, "measure", content=BRANCHY + CALC, limit=1)
    assert [f["name"] for f in snippet["functions"]] == ["branchy"]
    assert (snippet["functions_count"], snippet["functions_more"]) == (2, 1)
    wrong = await session.call_tool("measure", {"content": "x = 1\n", "limit": "many"})
    assert wrong.is_error  # the SDK's validation of the arguments; the server lives on
    for escaping in ("../outside.py", str(outside), "link.py"):
        assert "outside the project" in await _refused(session, "measure", path=escaping)


async def _gate(session: ClientSession, repo: Path) -> None:
    clean = await _ok(session, "gate")
    assert (clean["passed"], clean["changed_files"]) == (True, 0)
    calc = repo / "src/app/core/calc.py"
    before = calc.read_bytes()
    proposed = {"src/app/core/calc.py": before.decode() + "\n\n" + BRANCHY}
    verdict = await _ok(session, "gate", proposed=proposed)
    assert (verdict["passed"], verdict["changed_files"]) == (False, 1)
    assert [(p["rule"], p["path"], p["symbol"]) for p in verdict["problems"]] == [
        ("CH101", "src/app/core/calc.py", "branchy")
    ]
    assert calc.read_bytes() == before
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    escaping = {"../x.py": "x = 1\n"}
    assert "outside the project" in await _refused(session, "gate", proposed=escaping)


async def _docs_and_modules(session: ClientSession) -> None:
    rule = await _ok(session, "explain_rule", rule_id="ch101")
    assert rule["id"] == "CH101"
    assert "Why it matters" in rule["text"]
    assert "cyclomatic" in rule["text"].lower()
    assert "CH999" in await _refused(session, "explain_rule", rule_id="CH999")
    api = await _ok(session, "module_api", module="app.core")
    assert (api["public_api"], api["imported_by"]) == (["add"], ["app.web"])
    assert "app.core" in await _refused(session, "module_api", module="app.nothing")


async def _history(session: ClientSession) -> None:
    hot = await _ok(session, "hotspots")
    changes = {row["path"]: row["changes"] for row in hot["files"]}
    assert (changes["src/app/core/calc.py"], changes["src/app/core/branchy.py"]) == (2, 1)
    plan = await _ok(session, "plan", budget="8h")
    assert plan["budget_minutes"] == 480


async def _bad_config(session: ClientSession, repo: Path) -> None:
    pyproject = repo / "pyproject.toml"
    good = pyproject.read_text()
    pyproject.write_text(good + "\n[tool.codehealth.thresholds]\ncyclomatic = 'many'\n")
    broken = await _refused(session, "measure", path="src/app/core/calc.py")
    assert "pyproject.toml" in broken
    assert "cyclomatic" in broken
    pyproject.write_text(good)
    again = await _ok(session, "measure", path="src/app/core/calc.py")
    assert again["functions_count"] == 2


async def _quick(repo: Path) -> None:
    async with stdio_client(_server(repo)) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        listed = await session.list_tools()
        assert {tool.name for tool in listed.tools} == TOOLS
        found = await _ok(session, "measure", content=BRANCHY)
        assert (found["path"], found["functions"][0]["cyclomatic"]) == ("snippet.py", 16)


@pytest.mark.slow  # the SDK's import alone takes about a second of CPU
def test_the_server_starts_lists_its_tools_and_measures(make_repo: Any) -> None:
    asyncio.run(_quick(make_repo("agent", FILES)))


@pytest.mark.slow
def test_an_agent_lists_and_calls_every_tool(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\n")
    os.symlink(outside, repo / "link.py")  # git ignores it: the work tree stays clean
    with open(repo / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
        exclude.write("link.py\n")
    asyncio.run(_session(repo, outside))
