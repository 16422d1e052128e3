"""``codehealth lsp`` driven as an editor drives it: pytest-lsp's client starts
``python -m codehealth lsp`` as a subprocess and talks LSP over its stdin and stdout, on a
sample git repository built by the fixture."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from clitools import run_cli, write_files
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

BRANCHES = 15
ROUTE = (
    "def route(a):\n"
    + "".join(f"    if a == {n}:\n        return {n}\n" for n in range(BRANCHES))
    + "    return -1\n"
)
SIMPLE = "def route(a):\n    return a\n"
VIEWS = "from shop.billing import charge\n\n\n" + ROUTE + "\n\ndef pay():\n    return charge()\n"
PROJECT = {
    "pyproject.toml": '[project]\nname = "shop"\n\n[tool.codehealth]\n',
    "shop/__init__.py": "",
    "shop/billing/__init__.py": 'from shop.billing.api import charge\n\n__all__ = ["charge"]\n',
    "shop/billing/api.py": "def charge():\n    return 1\n",
    "shop/billing/_impl.py": "SECRET = 1\n",
    "shop/orders/__init__.py": "",
    "shop/orders/views.py": VIEWS,
    "shop/orders/legacy.py": "def old():\n    return 1  # TODO: legacy marker\n",
}


@pytest.fixture
def project(make_repo: Callable[..., Path]) -> Path:
    """The sample repository, with a baseline accepting today's findings (legacy.py's TODO
    and views.py's route)."""
    repo = make_repo("lsp_shop", PROJECT)
    run = run_cli("baseline", cwd=repo)
    assert run.code == 0, run.err
    return repo


def _start(show_all: bool) -> Callable[..., object]:
    config = ClientServerConfig(server_command=[sys.executable, "-m", "codehealth", "lsp"])

    @pytest_lsp.fixture(config=config)
    async def client(
        lsp_client: LanguageClient, request: pytest.FixtureRequest
    ) -> AsyncIterator[None]:
        root = request.getfixturevalue("project")
        options = {"debounceMs": 50, "showAll": show_all}
        params = types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            initialization_options=options,
        )
        await lsp_client.initialize_session(params)
        yield
        await lsp_client.shutdown_session()

    return client


client = _start(show_all=True)
gate_client = _start(show_all=False)


def uri(root: Path, relative: str) -> str:
    return (root / relative).as_uri()


async def until(
    client: LanguageClient,
    address: str,
    wanted: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 15,
) -> Sequence[types.Diagnostic]:
    """The file's published diagnostics once ``wanted`` holds (fails after ``timeout``)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        published = client.diagnostics.get(address)
        if published is not None and wanted(published):
            return list(published)
        await asyncio.sleep(0.02)
    raise AssertionError(f"not published in time; last: {client.diagnostics.get(address)}")


def codes(diagnostics: Sequence[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diagnostics}


def open_file(client: LanguageClient, address: str, text: str, version: int = 1) -> None:
    document = types.TextDocumentItem(uri=address, language_id="python", version=version, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))


def change(client: LanguageClient, address: str, text: str, version: int) -> None:
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=address, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    client.text_document_did_change(params)


def save(client: LanguageClient, address: str, text: str | None = None) -> None:
    params = types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=address), text=text
    )
    client.text_document_did_save(params)


async def test_a_complex_function_is_diagnosed_and_goes_when_simplified(
    client: LanguageClient, project: Path
) -> None:
    address = uri(project, "shop/orders/views.py")
    open_file(client, address, VIEWS)
    found = await until(client, address, lambda d: "CH101" in codes(d))
    complexity = next(d for d in found if d.code == "CH101")
    assert complexity.message == f"route: cyclomatic complexity {BRANCHES + 1} > 10"
    assert complexity.range.start.line == 3  # the def line, 0-based
    assert complexity.severity == types.DiagnosticSeverity.Warning

    simpler = VIEWS.replace(ROUTE, SIMPLE)
    change(client, address, simpler, version=2)
    await until(client, address, lambda d: "CH101" not in codes(d))
    save(client, address, simpler)
    after = await until(client, address, lambda d: "CH101" not in codes(d))
    assert all(d.code != "CH101" for d in after)


async def test_an_older_version_of_the_buffer_is_ignored(
    client: LanguageClient, project: Path
) -> None:
    address = uri(project, "shop/orders/views.py")
    open_file(client, address, VIEWS, version=5)
    await until(client, address, lambda d: "CH101" in codes(d))
    change(client, address, VIEWS.replace(ROUTE, SIMPLE), version=7)
    await until(client, address, lambda d: "CH101" not in codes(d))
    change(client, address, VIEWS, version=6)  # late: older than the text held
    marker = VIEWS.replace(ROUTE, SIMPLE) + "# FIXME: newest\n"
    change(client, address, marker, version=8)
    latest = await until(client, address, lambda d: "CH202" in codes(d))
    assert "CH101" not in codes(latest)


async def test_lenses_show_each_functions_complexity(client: LanguageClient, project: Path) -> None:
    address = uri(project, "shop/orders/views.py")
    open_file(client, address, VIEWS)
    await until(client, address, lambda d: "CH101" in codes(d))
    params = types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=address))
    lenses = await client.text_document_code_lens_async(params)
    assert lenses is not None
    titles = {lens.range.start.line: lens.command.title for lens in lenses if lens.command}
    # route: 15 ifs + 1; each if at nesting 0 adds 1 to the cognitive complexity
    assert titles == {
        3: f"cyclomatic {BRANCHES + 1} · cognitive {BRANCHES}",
        37: "cyclomatic 1 · cognitive 0",
    }


async def test_hover_on_a_diagnostic_shows_the_rules_documentation(
    client: LanguageClient, project: Path
) -> None:
    address = uri(project, "shop/orders/views.py")
    open_file(client, address, VIEWS)
    await until(client, address, lambda d: "CH101" in codes(d))
    on_def = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=address),
        position=types.Position(line=3, character=5),
    )
    hover = await client.text_document_hover_async(on_def)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("CH101 ")
    assert "Why it matters:" in hover.contents.value
    blank = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=address),
        position=types.Position(line=1, character=0),
    )
    assert await client.text_document_hover_async(blank) is None


async def test_a_boundary_violation_has_a_quick_fix_that_ignores_it_with_a_reason(
    client: LanguageClient, project: Path
) -> None:
    address = uri(project, "shop/orders/views.py")
    reaching = "from shop.billing._impl import SECRET\n" + VIEWS
    open_file(client, address, reaching)
    found = await until(client, address, lambda d: "CH301" in codes(d))
    violation = next(d for d in found if d.code == "CH301")
    assert violation.range.start.line == 0
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=address),
        range=violation.range,
        context=types.CodeActionContext(diagnostics=[violation]),
    )
    actions = await client.text_document_code_action_async(params)
    assert actions is not None and len(actions) == 1
    action = actions[0]
    assert isinstance(action, types.CodeAction) and action.edit and action.edit.changes
    (edit,) = action.edit.changes[address]
    assert edit.new_text == "  # codehealth: ignore[CH301] because <reason>"
    end = len("from shop.billing._impl import SECRET")
    assert (edit.range.start.line, edit.range.start.character) == (0, end)


async def test_a_buffer_that_does_not_parse_keeps_its_markers_and_last_complexity(
    client: LanguageClient, project: Path
) -> None:
    address = uri(project, "shop/orders/views.py")
    open_file(client, address, VIEWS)
    await until(client, address, lambda d: "CH101" in codes(d))
    broken = VIEWS + "\ndef broken(:\n    pass  # TODO: finish\n"
    change(client, address, broken, version=2)
    found = await until(client, address, lambda d: "CH000" in codes(d))
    assert {"CH000", "CH201", "CH101"} <= codes(found)
    error = next(d for d in found if d.code == "CH000")
    assert error.range.start.line == broken.splitlines().index("def broken(:")
    stale = next(d for d in found if d.code == "CH101")
    assert stale.message.endswith("(as last parsed)")


async def test_files_outside_the_project_get_no_diagnostics(
    client: LanguageClient, project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere" / "script.py"
    write_files(outside.parent, {"script.py": ROUTE})
    address = outside.as_uri()
    open_file(client, address, ROUTE)
    assert await until(client, address, lambda d: True) == []
    deleted = project / "shop" / "orders" / "gone.py"
    save(client, deleted.as_uri())  # a save of a file that no longer exists, never opened
    assert await until(client, deleted.as_uri(), lambda d: True) == []


async def test_an_invalid_configuration_is_a_diagnostic_and_the_server_goes_on(
    client: LanguageClient, project: Path
) -> None:
    config = project / "pyproject.toml"
    address = config.as_uri()
    config.write_text('[project]\nname = "shop"\n\n[tool.codehealth\n', encoding="utf-8")
    save(client, address)
    found = await until(client, address, lambda d: len(d) == 1)
    assert "not valid TOML" in found[0].message
    assert found[0].range.start.line == 3

    views = uri(project, "shop/orders/views.py")
    open_file(client, views, VIEWS)  # still answers, with the last valid configuration
    await until(client, views, lambda d: "CH101" in codes(d))

    stricter = '[project]\nname = "shop"\n\n[tool.codehealth.thresholds]\ncyclomatic = 20\n'
    config.write_text(stricter, encoding="utf-8")
    event = types.FileEvent(uri=address, type=types.FileChangeType.Changed)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[event]))
    await until(client, address, lambda d: not d)
    await until(client, views, lambda d: "CH101" not in codes(d))  # 16 <= 20 now


async def test_only_new_findings_are_shown_against_the_baseline(
    gate_client: LanguageClient, project: Path
) -> None:
    client = gate_client
    legacy = uri(project, "shop/orders/legacy.py")
    text = (project / "shop/orders/legacy.py").read_text(encoding="utf-8")
    open_file(client, legacy, text)
    assert await until(client, legacy, lambda d: True) == []  # the baseline accepts its TODO
    change(client, legacy, text + "# FIXME: a new one\n", version=2)
    found = await until(client, legacy, lambda d: len(d) > 0)
    assert codes(found) == {"CH202"}


async def test_a_deleted_file_loses_its_diagnostics(client: LanguageClient, project: Path) -> None:
    views = project / "shop/orders/views.py"
    address = views.as_uri()
    open_file(client, address, VIEWS)
    await until(client, address, lambda d: "CH101" in codes(d))
    views.unlink()
    event = types.FileEvent(uri=address, type=types.FileChangeType.Deleted)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[event]))
    await until(client, address, lambda d: not d)
    params = types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=address))
    lenses = await client.text_document_code_lens_async(params)
    assert lenses is not None and list(lenses) == []  # the server still answers
