"""The README cannot drift: every command it shows is run, every snippet is checked.

Conventions in README.md (they are what this test reads):

- A fenced ``console`` block is a terminal session. A line starting with ``$ `` is a command;
  the lines after it, up to the next command, are its output (stdout and stderr together,
  as a terminal shows them). Each command runs, in order, in a fresh sample repository (see
  readme_repos.py), as a real subprocess of the installed ``codehealth`` entry point.
- A command line may end with ``# exit N``: the exit code it must return (default 0).
- The output shown must appear in the real output, line by line, in order, with nothing in
  between: a line ``...`` stands for any number of lines (also at the start or the end), a
  line ending in `` ...`` matches a real line that starts with the text before it.
  Whitespace runs, the sample repository's path (shown as ``~/shop``), commit hashes and
  dates are normalised on both sides (they change with every run).
- ``<!-- readme-test: repo=NAME -->`` on the line before a block chooses the sample
  repository: ``shop`` (the default), ``new`` (no ``[tool.codehealth]`` section) or
  ``staged`` (a change staged for a commit); see readme_repos.py.
- Blocks that cannot run here (installing codehealth itself) are listed in NOT_RUN with the
  reason, and checked another way where there is one (``.ci/run`` runs the test command).
- Every ``toml`` block is a valid ``[tool.codehealth]`` configuration; every ``yaml`` block
  parses and names only hooks and actions this repository publishes; every ``codehealth``
  command line anywhere (blocks and inline code) parses with the real click commands.
- The configuration reference documents exactly the keys the validator accepts, and a
  default it shows, written into the configuration, changes nothing.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from clitools import clean_env
from readme_repos import build

from codehealth.cli import cli
from codehealth.core import ConfigError
from codehealth.core.settings_parse import parse_settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 only: the tomli backport
    import tomli as tomllib

PROJECT = Path(__file__).resolve().parents[2]
README = PROJECT / "README.md"
DIRECTIVE = re.compile(r"<!--\s*readme-test:\s*repo=(\w+)\s*-->")
EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")

# Blocks not run by this test: the exact first line of the block, and why.
INSTALL_AND_SCAN = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/codehealth scan"
TEST_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/python -m pytest -n 2"
)
NOT_RUN = {
    INSTALL_AND_SCAN: "installs codehealth from this clone into a new venv (minutes, network); "
    "the console blocks run the installed entry point instead",
    TEST_COMMAND: "the test command itself; .ci/run runs it (test_ci_runs_the_readme_test_command)",
    ".ci/run            # what CI runs: tests, ruff, mypy, import-linter contracts, codehealth "
    "on itself": "runs the whole CI, this test included",
    "codehealth/launch.py       the executable: replays a warm run (adapters/replay), else runs "
    "cli.py": ("the architecture as a diagram; lint-imports checks the layers contract it draws"),
    '{"mcpServers": {"codehealth": {"command": "codehealth", "args": ["mcp"]}}}': (
        "an MCP client's configuration; test_mcp_server starts the same command with the SDK"
    ),
}

# The editors' set-up of `codehealth lsp` (first line -> editor): their configuration files,
# checked by test_editor_blocks_start_the_language_server.
EDITOR_BLOCKS = {
    "// .vscode/settings.json (Generic LSP Client v2)": "vscode",
    "-- init.lua (Neovim)": "neovim",
    "# languages.toml (Helix)": "helix",
}


@dataclass
class Block:
    lang: str
    line: int  # 1-based line of the opening fence
    text: list[str]
    repo: str = "shop"


@dataclass
class Command:
    args: list[str]
    exit_code: int
    expected: list[str] = field(default_factory=list)


def readme_blocks() -> list[Block]:
    blocks: list[Block] = []
    lines = README.read_text(encoding="utf-8").splitlines()
    current: Block | None = None
    for number, line in enumerate(lines, start=1):
        if current is None and line.startswith("```"):
            current = Block(line[3:].strip(), number, [])
            before = next((lines[i] for i in range(number - 2, -1, -1) if lines[i].strip()), "")
            match = DIRECTIVE.search(before)
            if match:
                current.repo = match.group(1)
        elif current is not None and line.startswith("```"):
            blocks.append(current)
            current = None
        elif current is not None:
            current.text.append(line)
    assert current is None, f"README.md: unclosed block from line {current.line}"
    return blocks


def commands(block: Block) -> list[Command]:
    found: list[Command] = []
    for line in block.text:
        if line.startswith("$ "):
            command_line = line[2:]
            match = EXIT.search(command_line)
            code = int(match.group(1)) if match else 0
            args = shlex.split(EXIT.sub("", command_line), comments=True)
            assert args[0] == "codehealth", f"README.md:{block.line}: only codehealth runs: {line}"
            found.append(Command(args[1:], code))
        else:
            assert found, f"README.md:{block.line}: output before any `$ ` command"
            found[-1].expected.append(line)
    return found


def console_blocks() -> list[Block]:
    return [block for block in readme_blocks() if block.lang == "console"]


def _normal(line: str, repo: Path | None = None) -> str:
    if repo is not None:
        line = line.replace(str(repo), "~/shop")
    line = re.sub(r"\b[0-9a-f]{10}\b", "<commit>", line)
    line = re.sub(r"\b\d{4}-\d{2}-\d{2}\b", "<date>", line)
    return " ".join(line.split())


def assert_shown(expected: list[str], output: str, repo: Path, where: str) -> None:
    """Every line of ``expected`` in ``output`` in order and adjacent, ``...`` skipping."""
    real = [_normal(line, repo) for line in output.splitlines()]
    real = [line for line in real if line] + ["<end>"]
    wanted = [_normal(line) for line in expected if line.strip()] + ["<end>"]
    position = 0
    gap = False
    for want in wanted:
        if want == "...":
            gap = True
            continue
        matches = [
            index
            for index in range(position, len(real) if gap else min(position + 1, len(real)))
            if real[index] == want or (want.endswith(" ...") and real[index].startswith(want[:-4]))
        ]
        assert matches, (
            f"{where}: the README shows\n  {want}\nbut at that point the real output is\n  "
            + "\n  ".join(real[position : position + 5])
            + f"\n\nwhole output:\n{output}"
        )
        position = matches[0] + 1
        gap = False


def _entry_point() -> list[str]:
    script = Path(sys.executable).parent / "codehealth"
    return [str(script)] if script.exists() else [sys.executable, "-m", "codehealth"]


@pytest.mark.slow
@pytest.mark.parametrize("block", console_blocks(), ids=lambda block: f"line{block.line}")
def test_console_block_runs_as_shown(block: Block, tmp_path: Path) -> None:
    repo = build(block.repo, tmp_path)
    env = {**clean_env(), "COLUMNS": "100"}
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    for command in commands(block):
        where = f"README.md:{block.line}: $ codehealth {shlex.join(command.args)}"
        done = subprocess.run(
            [*_entry_point(), *command.args],
            cwd=repo,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )
        assert done.returncode == command.exit_code, (
            f"{where}: exit {done.returncode}\n{done.stdout}"
        )
        assert_shown(command.expected, done.stdout, repo, where)


def test_every_block_is_run_or_checked() -> None:
    checked = {"console", "toml", "yaml", "python"}
    for block in readme_blocks():
        if block.lang in checked:
            continue
        first = block.text[0] if block.text else ""
        if first in EDITOR_BLOCKS:
            continue
        command_lines = [line for line in block.text if line.startswith("codehealth ")]
        if command_lines and len(command_lines) == len([t for t in block.text if t.strip()]):
            continue  # a list of command lines: test_readme_commands_parse checks each
        assert first in NOT_RUN, (
            f"README.md:{block.line}: a ```{block.lang} block that no test runs; make it a "
            f"console block, or add it to NOT_RUN with the reason"
        )


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run makes the venv, installs with the dev extra and runs the README's pytest line."""
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = {line.replace(" --quiet", "") for line in ci.splitlines()}
    make_venv, install, run_tests = TEST_COMMAND.split(" && ")
    assert make_venv in ci_lines
    assert install.replace(".venv/bin/pip", ".venv/bin/python -m pip") in ci_lines
    assert run_tests in ci_lines, f".ci/run does not run {run_tests!r}"
    firsts = [block.text[0] for block in readme_blocks() if block.text]
    assert firsts[:2] == [INSTALL_AND_SCAN, TEST_COMMAND], "the two set-up commands come first"
    for key in NOT_RUN:
        assert key in firsts, f"NOT_RUN lists a block the README no longer has: {key}"


def _command_lines() -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    found: list[tuple[int, str]] = []
    for block in readme_blocks():
        for line in block.text:
            if block.lang == "console":  # only the commands, not output that names one
                line = line[2:] if line.startswith("$ ") else ""
            if line.startswith("codehealth "):
                found.append((block.line, line))
    for match in re.finditer(r"(?<!`)`(codehealth [^`]+)`", text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


def _parse(args: list[str]) -> None:
    """Parse ``args`` with the real click commands, as ``codehealth ARGS`` would."""
    context = cli.make_context("codehealth", list(args), resilient_parsing=False)
    group: click.Command = cli
    rest = [*context._protected_args, *context.args]  # click keeps the subcommand here
    while isinstance(group, click.Group) and rest:
        name, command, rest = group.resolve_command(context, rest)
        assert command is not None, f"unknown command {name}"
        context = command.make_context(name or "", rest, parent=context)
        group = command
        rest = [*context._protected_args, *context.args] if isinstance(command, click.Group) else []


def test_readme_commands_parse() -> None:
    lines = _command_lines()
    assert len(lines) > 20, lines
    for number, line in lines:
        args = shlex.split(EXIT.sub("", line), comments=True)[1:]
        if "--help" in args or "-h" in args:
            args = [arg for arg in args if arg not in ("--help", "-h")]
        try:
            _parse(args)
        except click.ClickException as error:
            pytest.fail(f"README.md:{number}: `{line}`: {error.format_message()}")


def test_every_command_has_a_tour_example() -> None:
    shown = {command.args[0] for block in console_blocks() for command in commands(block)}
    names = set(cli.list_commands(click.Context(cli)))
    assert names, "the group lists no command"
    assert names <= shown, f"commands without a console example: {names - shown}"


def test_toml_blocks_are_valid_configuration() -> None:
    for block in readme_blocks():
        if block.lang != "toml" or block.text[0] in EDITOR_BLOCKS:
            continue
        document = tomllib.loads("\n".join(block.text))
        section = document.get("tool", {}).get("codehealth")
        assert section is not None, (
            f"README.md:{block.line}: a toml block without [tool.codehealth]"
        )
        try:
            parse_settings(section, ".", "README.md")
        except ConfigError as error:
            pytest.fail(f"README.md:{block.line}: {error}")


WORKFLOWS = sorted(
    set((PROJECT / "ci" / "github").glob("*.yml")) - {PROJECT / "ci/github/action.yml"}
)


def _same_jobs(block: dict, workflow: dict) -> bool:
    """The README block is the workflow file (a block may leave out its name and trigger)."""
    return all(workflow.get(key) == value for key, value in block.items())


def test_editor_blocks_start_the_language_server() -> None:
    blocks = {
        EDITOR_BLOCKS[b.text[0]]: b
        for b in readme_blocks()
        if b.text[:1] and b.text[0] in EDITOR_BLOCKS
    }
    assert set(blocks) == set(EDITOR_BLOCKS.values())
    vscode = json.loads("\n".join(blocks["vscode"].text[1:]))
    assert (vscode["glspc.server.command"], vscode["glspc.server.commandArguments"]) == (
        "codehealth",
        ["lsp"],
    )
    helix = tomllib.loads("\n".join(blocks["helix"].text))
    server = helix["language-server"]["codehealth"]
    assert (server["command"], server["args"]) == ("codehealth", ["lsp"])
    assert "codehealth" in helix["language"][0]["language-servers"]
    assert 'cmd = { "codehealth", "lsp" },' in [line.strip() for line in blocks["neovim"].text]


def test_yaml_blocks_name_what_this_repository_publishes() -> None:
    hooks = {
        hook["id"] for hook in yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    }
    for block in readme_blocks():
        if block.lang != "yaml":
            continue
        document = yaml.safe_load("\n".join(block.text))
        text = "\n".join(block.text)
        for repo in document.get("repos", []) if isinstance(document, dict) else []:
            for hook in repo.get("hooks", []):
                assert hook["id"] in hooks, f"README.md:{block.line}: no hook {hook['id']!r}"
        for used in re.findall(r"uses:\s*\S+?/codehealth/(\S+?)@", text):
            assert (PROJECT / used / "action.yml").is_file(), f"README.md:{block.line}: {used}"
        for path in re.findall(r"/(ci/[\w/.-]+\.ya?ml)", text):
            assert (PROJECT / path).is_file(), f"README.md:{block.line}: no {path}"
        if isinstance(document, dict) and "jobs" in document:
            workflows = [yaml.safe_load(path.read_text()) for path in WORKFLOWS]
            assert any(_same_jobs(document, flow) for flow in workflows), (
                f"README.md:{block.line}: none of ci/github/*.yml"
            )
    for path in re.findall(r"`(ci/[\w/.-]+)`", README.read_text(encoding="utf-8")):
        assert (PROJECT / path).exists(), f"README.md names {path}, which does not exist"


def test_python_blocks_run(tmp_path: Path) -> None:
    repo = build("shop", tmp_path)
    for block in readme_blocks():
        if block.lang != "python":
            continue
        done = subprocess.run(
            [sys.executable, "-c", "\n".join(block.text)],
            cwd=repo,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"README.md:{block.line}: {done.stderr}"


# The configuration reference: "### `[tool.codehealth.X]`" headings, each followed by a table
# whose rows start with "| `key` | default |".
_HEADING = re.compile(r"^###\s+`\[+(tool\.codehealth[\w.<>-]*)\]+`")
_ROW = re.compile(r"^\|\s*`([\w-]+)`\s*\|\s*([^|]*)\|")


def documented_keys() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    current: str | None = None
    for line in README.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = heading.group(1)
            tables[current] = {}
        elif line.startswith("#"):
            current = None
        elif current is not None:
            row = _ROW.match(line)
            if row:
                tables[current][row.group(1)] = row.group(2).strip()
    return tables


def _nested(table: str, value: dict[str, Any]) -> dict[str, Any]:
    """``{"gate": {...}}`` for "tool.codehealth.gate" (the [tool.codehealth] contents)."""
    parts = table.split(".")[2:]
    if parts[-1:] == ["allow"]:
        return {"boundaries": {"allow": [value]}}
    if parts[-1:] == ["<module>"]:
        return {"modules": {"shop.orders": value}}
    section: dict[str, Any] = value
    for part in reversed(parts):
        section = {part: section}
    return section


def _accepted(table: str) -> set[str]:
    """The keys the validator accepts in ``table``, from its message for an unknown key."""
    try:
        parse_settings(_nested(table, {"no_such_key": 1}), ".", "pyproject.toml")
    except ConfigError as error:
        known = re.search(r"known keys: (.*)$", str(error))
        assert known, str(error)
        return set(known.group(1).replace(" ", "").split(","))
    raise AssertionError(f"[{table}] accepted an unknown key")


_ALLOW_KEYS_UNLISTED = "tool.codehealth.boundaries.allow"  # its message lists no keys


def test_configuration_reference_lists_every_key_and_only_those() -> None:
    tables = documented_keys()
    expected_tables = {
        "tool.codehealth",
        "tool.codehealth.thresholds",
        "tool.codehealth.debt",
        "tool.codehealth.gate",
        "tool.codehealth.history",
        "tool.codehealth.boundaries",
        "tool.codehealth.boundaries.allow",
        "tool.codehealth.modules.<module>",
    }
    assert set(tables) >= expected_tables, set(tables)
    for table, keys in tables.items():
        if table == "tool.codehealth.contracts":
            continue  # import-linter's own contract fields, not validated by codehealth
        if table == _ALLOW_KEYS_UNLISTED:
            required = {"importer": "shop.orders.*", "target": "shop.billing._rates", "reason": "r"}
            assert set(required) <= set(keys)
            with pytest.raises(ConfigError, match="unknown key"):
                parse_settings(_nested(table, {**required, "no_such_key": 1}), ".", "p")
            continue
        accepted = _accepted(table)
        assert set(keys) == accepted, (
            f"[{table}]: documented but not accepted: {set(keys) - accepted}; "
            f"accepted but not documented: {accepted - set(keys)}"
        )


def test_documented_defaults_are_the_defaults() -> None:
    unchanged = parse_settings({}, ".", "pyproject.toml")
    checked = 0
    for table, keys in documented_keys().items():
        if "<" in table or table.endswith(("allow", "contracts")):
            continue
        for key, default in keys.items():
            literal = re.fullmatch(r"`([^`]+)`", default)
            if not literal:
                continue  # a default described in words (a computed or combined value)
            value = tomllib.loads(f"v = {literal.group(1)}")["v"]
            written = parse_settings(_nested(table, {key: value}), ".", "pyproject.toml")
            assert written == unchanged, f"[{table}] {key} = {literal.group(1)} is not the default"
            checked += 1
    assert checked > 25, checked


def test_sample_repository_is_deterministic(tmp_path: Path) -> None:
    """Two builds of the sample give the same tree and history shape (the README's outputs
    depend on it)."""
    first = build("shop", tmp_path / "a")
    second = build("shop", tmp_path / "b")

    def log(repo: Path) -> str:
        return subprocess.run(
            ["git", "log", "--format=%an %s", "--stat"],
            cwd=repo,
            env=clean_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert log(first) == log(second)
    assert os.listdir(first) == os.listdir(second)
