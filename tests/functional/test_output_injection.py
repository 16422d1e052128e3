"""Outputs escape what the analysed repository controls.

A repository whose file names, function names and TODO messages carry markup and workflow
command payloads (``::set-output``, ``%0A``, CR LF ``::error::``, ``%25``, table pipes,
backticks, ``<img onerror>``, ``[link](javascript:)``, ``]]>``, control characters) goes
through gate, debt, boundaries, scan and plan in each ``--format``; each output is parsed
with the proper parser (json, xml.etree, markdown-it, GitHub's workflow-command grammar) and
the payloads must appear only as data.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from clitools import RESOURCES, Run, assert_no_traceback, commit_all, git, init_repo
from corpus import write_bytes_named
from markdown_it import MarkdownIt

# Each message is one line of a comment (Python ends a comment at CR or LF).
MESSAGES = {
    "command": "::set-output name=pwned::yes %0A::error::forged %25 %0D",
    "markup": "<img src=x onerror=alert(1)> [click](javascript:alert(1)) `tick` | pipe |",
    "xml": "]]> <![CDATA[ &amp; </failure> \x1b[31m red \x07 bell \x0c feed",
}
# File names: a line break followed by a command, CR LF, percent escapes, markup.
NAMES = [
    "pkg/new\n::set-output name=pwned::yes.py",
    "pkg/crlf\r\n::error file=x::forged.py",
    "pkg/pct%0A::warning::x%25.py",
    "pkg/tick`<img src=x onerror=alert(1)>`.py",
    "pkg/[link](javascript:alert(1)) | pipe.py",
    "pkg/]]>&<x>\x1b[31m.py",
]
FUNCTION = "__dunder__emphasis__"  # markdown would make it bold


def _source(message: str) -> str:
    return f"def {FUNCTION}(x):\n    # TODO: {message}\n    return x\n"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main: a clean package; feature (checked out): every payload file, each with a TODO
    carrying every payload message."""
    folder = tmp_path_factory.mktemp("injection") / "repo"
    folder.mkdir()
    write_bytes_named(
        folder,
        {
            "pyproject.toml": '[project]\nname = "inj"\nversion = "0"\n',
            "pkg/__init__.py": "",
            "pkg/base.py": "def base():\n    return 1\n",
        },
    )
    init_repo(folder)
    commit_all(folder, "base")
    git(folder, "branch", "-M", "main")
    git(folder, "checkout", "--quiet", "-b", "feature")
    body = "".join(
        f"def f{i}(x):\n    # TODO: {message}\n    return x\n\n\n"
        for i, message in enumerate(MESSAGES.values())
    )
    write_bytes_named(folder, {name: _source(MESSAGES["command"]) + body for name in NAMES})
    write_bytes_named(folder, {"pkg/plain.py": _source(MESSAGES["markup"]) + body})
    commit_all(folder, "payloads")
    return folder


def _run(cli: Callable[..., Run], repo: Path, *args: str) -> Run:
    run = cli(*args, cwd=repo)
    assert_no_traceback(run.err)
    assert run.code in (0, 1), (args, run.err)
    return run


def _no_workflow_command(text: str) -> None:
    """No line of ``text`` is a workflow command a CI runner would act on."""
    for line in re.split(r"\r\n|\r|\n", text):
        stripped = line.lstrip()
        assert not stripped.startswith(("::", "##[", "##vso[")), line
    assert "\r" not in text and "\x1b" not in text and "\x07" not in text


GATE = ("gate", "--base", "main", "--no-lint", "--no-boundaries")


# -- plain text: tables, lines, notes (what a CI log shows) ---------------------------


@pytest.mark.parametrize(
    "args",
    [
        (*GATE, "--format", "table"),
        ("debt", "--format", "table", "--top", "0"),
        ("scan", "--format", "table", "--top", "0"),
        ("boundaries", "--format", "table"),
        ("hotspots", "--format", "table", "--top", "0"),
        ("hotspots", "--offboard", "Test Author", "--format", "table", "--top", "0"),
        ("plan", "--budget", "40h", "--format", "table"),
        ("history", "show"),
    ],
    ids=lambda args: "-".join(args[:1] + args[-1:]),
)
def test_plain_text_carries_no_workflow_command(
    repo: Path, cli: Callable[..., Run], args: tuple[str, ...]
) -> None:
    run = _run(cli, repo, *args)
    _no_workflow_command(run.out)
    _no_workflow_command(run.err)
    if args[0] in ("gate", "debt", "scan"):
        assert "set-output name=pwned" in run.out  # shown, as data


# -- GitHub annotations -----------------------------------------------------------------

_ANNOTATION = re.compile(r"^::(error|warning) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_github_annotations_hold_each_payload_as_one_value(
    repo: Path, cli: Callable[..., Run]
) -> None:
    run = _run(cli, repo, *GATE, "--format", "github")
    document = _run(cli, repo, *GATE, "--format", "json").json()
    lines = re.split(r"\r\n|\r|\n", run.out.rstrip("\n"))  # a runner's line breaks
    commands = [line for line in lines if line.startswith("::")]
    # the review guidance's notice: one line, its level read back from the JSON report
    [review] = [line for line in commands if line.startswith("::notice title=codehealth review::")]
    assert f"recommended review level: {document['review']['level']}" in review
    commands.remove(review)
    assert len(commands) == len(document["problems"]) == len(lines) - 2  # + notice, verdict
    seen: list[tuple[str, str]] = []
    for line in commands:
        match = _ANNOTATION.match(line)
        assert match, line
        properties = dict(part.split("=", 1) for part in match.group(2).split(","))
        assert set(properties) <= {"file", "line", "endLine", "title"}
        seen.append((_unescape(properties["file"]), _unescape(match.group(3))))
    expected = {(p["path"], p["message"]) for p in document["problems"]}
    assert set(seen) == expected
    assert {path for path, _ in seen} >= set(NAMES)
    assert any(MESSAGES["command"] in message for _, message in seen)
    for line in lines:
        assert "\r" not in line


# -- markdown (a pull-request comment, $GITHUB_STEP_SUMMARY) ----------------------------


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _markdown(text: str) -> _Html:
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    parsed = _Html()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize(
    "args",
    [
        (*GATE, "--format", "markdown"),
        ("debt", "--format", "markdown", "--top", "0"),
        ("plan", "--budget", "40h", "--format", "markdown"),
        ("hotspots", "--format", "markdown", "--top", "0"),
        ("hotspots", "--offboard", "Test Author", "--format", "markdown", "--top", "0"),
    ],
    ids=lambda args: args[0] + ("-offboard" if "--offboard" in args else ""),
)
def test_markdown_shows_payloads_as_text(
    repo: Path, cli: Callable[..., Run], args: tuple[str, ...]
) -> None:
    run = _run(cli, repo, *args)
    parsed = _markdown(run.out)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"img", "a", "script"}, tags
    assert not any(any(k.startswith("on") for k in attrs) for _, attrs in parsed.tags)
    text = "".join(parsed.text)
    if args[0] == "gate":  # messages and paths, shown as their characters
        assert "<img src=x onerror=alert(1)>" in text
        assert "[click](javascript:alert(1))" in text
        assert NAMES[3] in text
    else:  # the others name paths, and functions (underscores not taken for emphasis)
        assert FUNCTION in text or args[0] == "hotspots"
        assert "pkg/[link](javascript:alert(1)) | pipe.py" in text
    if args[0] == "gate":
        # Each table row keeps its four cells: a pipe in a value does not add one.
        rows = [line for line in run.out.splitlines() if line.startswith("| error ")]
        assert rows
        for row in rows:
            cells = re.split(r"(?<!\\)\|", row)[1:-1]
            assert len(cells) == 4, row


# -- machine formats: JSON, SARIF, GitLab, JUnit ------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize(
    "args",
    [
        (*GATE, "--format", "json"),
        (*GATE, "--format", "sarif"),
        (*GATE, "--format", "gitlab"),
        ("debt", "--format", "json"),
        ("scan", "--format", "json"),
        ("boundaries", "--format", "json"),
    ],
    ids=lambda args: f"{args[0]}-{args[-1]}",
)
def test_json_formats_hold_payloads_as_strings(
    repo: Path, cli: Callable[..., Run], args: tuple[str, ...]
) -> None:
    run = _run(cli, repo, *args)
    document = json.loads(run.out)
    strings = set(_strings(document))
    text = "\n".join(strings)
    if args[0] in ("gate", "debt"):  # the reports that carry messages
        assert any(MESSAGES["command"] in s for s in strings)
        assert any(MESSAGES["xml"] in s for s in strings)
    if args[-1] == "sarif":
        schema = json.loads((RESOURCES / "schemas" / "sarif-schema-2.1.0.json").read_text())
        jsonschema.Draft4Validator(schema).validate(document)
        uris = {
            unquote(loc["physicalLocation"]["artifactLocation"]["uri"])
            for result in document["runs"][0]["results"]
            for loc in result.get("locations", [])
        }
        assert set(NAMES) <= uris
    elif args[0] in ("gate", "scan", "debt"):
        assert all(name in text for name in NAMES), args


def test_junit_is_valid_xml_with_every_payload(
    repo: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a terminal: the renderer alone must make valid XML (no CI-log filtering).
    monkeypatch.setattr("codehealth.adapters.console.common._isatty", lambda stream: True)
    run = _run(cli, repo, *GATE, "--format", "junit")
    root = ET.fromstring(run.out.encode("utf-8"))
    cases = root.findall(".//testcase")
    document = _run(cli, repo, *GATE, "--format", "json").json()
    assert len(cases) == len(document["problems"])
    classnames = {case.get("classname") for case in cases}
    messages = {f.get("message") for f in root.iter("failure")}
    texts = {f.text for f in root.iter("failure")}
    # XML 1.0 cannot hold ESC, BEL or FF: they are shown as \\x1b, \\x07, \\x0c; the rest
    # of each value is kept as it is.
    shown = MESSAGES["xml"].replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    shown = shown.replace("\x0c", "\\x0c")
    assert any(m and shown in m for m in messages), messages
    assert any(t and shown in t for t in texts)
    assert any(m and MESSAGES["command"] in m for m in messages)
    for name in NAMES:
        visible = name.replace("\x1b", "\\x1b")
        assert visible in classnames, (name, classnames)


def _has_report() -> bool:
    from codehealth.cli import COMMANDS

    return "report" in COMMANDS


@pytest.mark.skipif(not _has_report(), reason="`codehealth report` does not exist yet")
def test_the_html_report_shows_payloads_as_text(
    repo: Path, cli: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "html"
    _run(cli, repo, "report", "--html", str(out))
    (page,) = out.glob("*.html")
    parsed = _Html()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert not any(tag == "img" and "onerror" in attrs for tag, attrs in parsed.tags)
    assert not any(
        tag == "a" and "javascript" in str(attrs.get("href")) for tag, attrs in parsed.tags
    )
