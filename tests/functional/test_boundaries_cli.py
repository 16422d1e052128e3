"""``codehealth boundaries`` end to end: sample projects as real git repos, the CLI as a
subprocess. Each DESIGN.md table row and each bad input of the issue has its case."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import assert_no_traceback, run_cli, write_files

MakeRepo = Callable[..., Path]


def boundaries(repo: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_cli("boundaries", "--format", "json", *args, cwd=repo)
    assert_no_traceback(run.err)
    assert run.code in (0, 1), run.err
    return run.code, run.json()


def found(document: dict[str, Any]) -> set[tuple[str, str, int]]:
    return {(v["rule"], v["path"], v["line"]) for v in document["violations"]}


VIEWS = "shop/orders/views.py"


def test_every_row_of_the_design_table(make_repo: MakeRepo) -> None:
    code, document = boundaries(make_repo("boundaries/table"))
    assert code == 1
    assert found(document) == {
        ("CH301", VIEWS, 5),  # from shop.billing.stripe import client (re-exported)
        ("CH302", VIEWS, 6),  # from shop.billing import _fee
        ("CH303", VIEWS, 7),  # from shop.billing import helper (not in __all__)
        ("CH301", VIEWS, 8),  # from shop.billing._impl import x
        ("CH301", VIEWS, 10),  # the same inside `if TYPE_CHECKING:` (reported by default)
        ("CH307", VIEWS, 14),  # importlib.import_module("shop.billing._impl")
    }
    by_line = {v["line"]: v for v in document["violations"]}
    assert by_line[5]["importer"] == "shop.orders.views"
    assert by_line[5]["target"] == "shop.billing.stripe.client"
    assert "`shop.billing` exports `client`" in by_line[5]["message"]
    assert by_line[5]["fix"] == "import `client` from `shop.billing`"
    assert "export it in `shop/billing/__init__.py`" in by_line[8]["fix"]
    assert all(v["fingerprint"] for v in document["violations"])
    # lines 3 and 4 (`import shop.billing`, `from shop.billing import charge`) are fine, and
    # the tests folder is excluded by default.
    assert not any("tests/" in v["path"] for v in document["violations"])


def test_type_checking_imports_can_be_allowed(make_repo: MakeRepo) -> None:
    _, document = boundaries(make_repo("boundaries/table"), "--config", "allow_type_checking.toml")
    assert ("CH301", VIEWS, 10) not in found(document)
    assert ("CH301", VIEWS, 5) in found(document)


def test_tests_folders_are_checked_when_asked(make_repo: MakeRepo) -> None:
    repo = make_repo(
        "boundaries/table",
        {"tests.toml": "[tool.codehealth.boundaries]\nexclude_tests = false\n"},
    )
    _, document = boundaries(repo, "--config", "tests.toml")
    assert ("CH301", "shop/orders/tests/test_views.py", 1) in found(document)


def test_bad_input_is_reported_and_the_rest_checked(make_repo: MakeRepo) -> None:
    code, document = boundaries(make_repo("boundaries/bad_input"))
    assert code == 1
    not_analysed = {n["path"]: n["reason"] for n in document["not_analysed"]}
    assert "syntax error" in not_analysed["app/user/broken.py"]
    assert "past the top-level package" in not_analysed["app/user/climb.py"]
    assert found(document) == {
        ("CH301", "app/user/views.py", 4),  # from app.io.reader import read as read2
        ("CH301", "app/user/views.py", 5),  # import app.io.reader as rd (alias)
        ("CH302", "app/user/views.py", 8),  # dynamic __all__: the underscore rule applies
        ("CH301", "nsroot/pkg_b/use.py", 1),  # namespace root package: its packages checked
    }
    # `import io` is the standard library, not the project's app.io package.
    assert not any(v["target"] == "io" for v in document["violations"])
    assert any("__all__ is not a literal" in note for note in document["notes"])
    modules = {m["name"]: m for m in document["modules"]}
    assert modules["app.core"]["public_names"] == 1  # the star exports impl.__all__ only
    assert "nsroot.pkg_a" in modules
    assert "app.loose" not in modules  # a folder without __init__.py is not a module


def test_files_grimp_cannot_stat_decode_or_name_are_reported(make_repo: MakeRepo) -> None:
    """A symbolic link loop, a dangling link, a FIFO, an undecodable file and a file name
    that is not UTF-8 inside a package were internal errors (grimp raised); each is now
    left out with its reason and the rest is still checked."""
    repo = make_repo("boundaries/bad_input")
    user = repo / "app" / "user"
    (user / "loop.py").symlink_to("loop.py")
    (user / "dangling.py").symlink_to("nowhere.py")
    os.mkfifo(user / "pipe.py")
    write_files(repo, {"app/user/klingon.py": b"# coding: klingon\nx = 1\n"})
    write_files(repo, {"app/user/latin.py": b'x = "caf\xe9"\n'})
    with open(os.path.join(os.fsencode(user), b"caf\xe9.py"), "wb") as handle:
        handle.write(b"x = 1\n")
    code, document = boundaries(repo)
    assert code == 1
    reasons = {n["path"]: n["reason"] for n in document["not_analysed"]}
    assert reasons["app/user/loop.py"] == "symbolic link loop"
    assert reasons["app/user/dangling.py"] == "broken symbolic link"
    assert reasons["app/user/pipe.py"] == "not a regular file (a FIFO, socket or device)"
    assert "cannot be decoded" in reasons["app/user/klingon.py"]
    assert "cannot be decoded" in reasons["app/user/latin.py"]
    assert "not valid UTF-8" in reasons["app/user/caf\udce9.py"]
    assert ("CH301", "app/user/views.py", 4) in found(document)  # the rest still checked


def test_ignores_allow_list_and_declared_modules(make_repo: MakeRepo) -> None:
    _, document = boundaries(make_repo("boundaries/ignores"))
    assert found(document) == {
        ("CH308", "pyproject.toml", 14),  # the stale allow-list entry
        ("CH301", VIEWS, 4),  # ignore without a reason does not ignore ...
        ("CH309", VIEWS, 4),  # ... and is reported
        ("CH308", VIEWS, 5),  # an inline ignore that matches nothing
        ("CH304", VIEWS, 6),  # shop.catalog is not in depends_on
    }


def test_a_module_that_does_not_exist_stops_the_run(make_repo: MakeRepo) -> None:
    repo = make_repo(
        "boundaries/table", {"pyproject.toml": '[tool.codehealth.modules]\n"shop.biling" = {}\n'}
    )
    run = run_cli("boundaries", cwd=repo)
    assert run.code == 2
    assert "'shop.biling' is not a package" in run.err
    assert "did you mean 'shop.billing'" in run.err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("contract", "message"),
    [
        ("name = Bad\ntype = layerz\nlayers =\n    proj.high\n", "unknown contract type 'layerz'"),
        ("name = Missing\ntype = forbidden\nsource_modules =\n    proj.low\n", "forbidden_modules"),
        (
            "name = Nope\ntype = forbidden\nsource_modules =\n    proj.nope\n"
            "forbidden_modules =\n    proj.low\n",
            "Module 'proj.nope' does not exist",
        ),
    ],
)
def test_a_bad_import_linter_contract_stops_the_run(
    make_repo: MakeRepo, contract: str, message: str
) -> None:
    config = f"[importlinter]\nroot_package = proj\n\n[importlinter:contract:bad]\n{contract}"
    repo = make_repo("boundaries/contracts", {".importlinter": config})
    run = run_cli("boundaries", cwd=repo)
    assert run.code == 2, run.err
    assert message in run.err
    assert ".importlinter" in run.err


def test_cycles_have_a_path_imports_and_breakers(make_repo: MakeRepo) -> None:
    _, document = boundaries(make_repo("boundaries/cycles"))
    (cycle,) = document["cycles"]
    assert cycle["path"] == ["loop.a", "loop.b", "loop.c", "loop.a"]
    assert [e["imports"][0]["line"] for e in cycle["edges"]] == [1, 1, 2]
    assert cycle["edges"][2]["imports"][0]["path"] == "loop/c/late.py"
    assert cycle["breakers"] == [["loop.c.late", "loop.a"]]  # the import to remove
    assert ("CH306", "loop/c/late.py", 2) in found(document)
    modules = {m["name"]: m for m in document["modules"]}
    assert modules["loop.d"]["extraction_ready"] is True
    assert modules["loop.a"]["extraction_ready"] is False
    assert (modules["loop.d"]["afferent"], modules["loop.d"]["efferent"]) == (0, 1)
    assert modules["loop.d"]["instability"] == 1.0


@pytest.mark.slow
def test_module_report_and_graph_formats(make_repo: MakeRepo) -> None:
    repo = make_repo("boundaries/cycles")
    table = run_cli("boundaries", "--modules", cwd=repo)
    assert table.code == 1
    assert "Modules" in table.out and "loop.d" in table.out and "ready" in table.out
    assert "loop.a -> loop.b -> loop.c -> loop.a" in table.out
    dot = run_cli("boundaries", "--format", "dot", cwd=repo)
    assert dot.out.startswith("digraph modules {")
    assert '"loop.c" -> "loop.a" [label="1", color=red, style=bold];' in dot.out
    mermaid = run_cli("boundaries", "--format", "mermaid", cwd=repo)
    assert mermaid.out.startswith("graph LR")
    assert "linkStyle 0,1,2 stroke:red" in mermaid.out  # the three edges of the cycle
    assert "private" not in mermaid.out  # a cycle is not a private import


def test_graph_marks_private_imports(make_repo: MakeRepo) -> None:
    repo = make_repo("boundaries/table")
    mermaid = run_cli("boundaries", "--format", "mermaid", cwd=repo).out
    assert "-. private .->" in mermaid
    dot = run_cli("boundaries", "--format", "dot", cwd=repo).out
    # views.py also imports shop.billing._impl by importlib.import_module("shop.billing._impl")
    assert (
        '"shop.orders" -> "shop.billing" [label="7 imports, 1 dynamic import", color=red];' in dot
    )


@pytest.mark.slow
def test_clean_project_exits_0_and_warm_run_gives_the_same_report(make_repo: MakeRepo) -> None:
    repo = make_repo("boundaries/cycles", {"loop/c/late.py": "def late():\n    return 1\n"})
    cold = run_cli("boundaries", "--format", "json", cwd=repo)
    assert cold.code == 0, cold.out
    assert len(list((repo / ".codehealth" / "boundaries").glob("*.json"))) == 1
    warm = run_cli("boundaries", "--format", "json", cwd=repo)
    assert warm.out == cold.out
    write_files(repo, {"loop/c/late.py": "from loop.a import A\n"})
    changed = run_cli("boundaries", "--format", "json", cwd=repo)
    assert changed.code == 1 and changed.json()["cycles"]


OWN_CONTRACTS = """
[[tool.codehealth.contracts]]
name = "Layers high, mid, low"
type = "layers"
layers = ["proj.high", "proj.mid", "proj.low"]

[[tool.codehealth.contracts]]
name = "Other is not imported by high"
type = "forbidden"
source_modules = ["proj.high"]
forbidden_modules = ["proj.other"]
"""


def test_codehealth_contracts_use_import_linter_fields(make_repo: MakeRepo) -> None:
    repo = make_repo("boundaries/contracts", {"pyproject.toml": OWN_CONTRACTS})
    code, document = boundaries(repo)
    assert code == 1
    results = {c["name"]: c["kept"] for c in document["contracts"]}
    assert results == {"Layers high, mid, low": False, "Other is not imported by high": True}
    layers = next(c for c in document["contracts"] if not c["kept"])
    assert "proj.low.util -> proj.high.views (l.5)" in layers["details"]
    assert ("CH305", "proj/low/util.py", 5) in found(document)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("config", "message"),
    [
        (OWN_CONTRACTS.replace('"layers"\nlayers', '"layerz"\nlayers'), "unknown contract type"),
        ('[[tool.codehealth.contracts]]\nname = "x"\n', "missing field 'type'"),
        ("[tool.codehealth.boundaries]\nallow_typechecking = true\n", "unknown key"),
        (
            '[[tool.codehealth.boundaries.allow]]\nimporter = "a"\ntarget = "b"\n',
            "reason is required",
        ),
        ('[tool.codehealth.modules]\n"proj.high" = { depends_on = ["proj.nope"] }\n', "proj.nope"),
    ],
)
def test_bad_codehealth_configuration_exits_2(
    make_repo: MakeRepo, config: str, message: str
) -> None:
    repo = make_repo("boundaries/contracts", {"pyproject.toml": config})
    run = run_cli("boundaries", cwd=repo)
    assert run.code == 2, (run.out, run.err)
    assert message in run.err
    assert "pyproject.toml" in run.err
    assert_no_traceback(run.err)


@pytest.mark.slow
def test_warm_run_sees_a_change_in_a_tests_package_a_contract_names(make_repo: MakeRepo) -> None:
    config = (
        "[importlinter]\nroot_packages =\n    proj\n    tests\n\n"
        "[importlinter:contract:t]\nname = Tests do not import low\ntype = forbidden\n"
        "source_modules =\n    tests\nforbidden_modules =\n    proj.low\n"
    )
    files = {".importlinter": config, "tests/__init__.py": "", "tests/test_a.py": "x = 1\n"}
    repo = make_repo("boundaries/contracts", files)
    _, before = boundaries(repo)
    assert [c["kept"] for c in before["contracts"]] == [True]
    write_files(repo, {"tests/test_a.py": "import proj.low\n\n\nx = 1\n"})
    _, after = boundaries(repo)
    assert [c["kept"] for c in after["contracts"]] == [False]


SCHEMAS = Path(__file__).resolve().parents[2] / "src" / "codehealth" / "boundaries"


@pytest.mark.slow
@pytest.mark.parametrize("project", ["table", "bad_input", "cycles", "ignores"])
def test_json_output_follows_its_schema(make_repo: MakeRepo, project: str) -> None:
    import json

    import jsonschema

    schema = json.loads((SCHEMAS / "boundaries.schema.json").read_text(encoding="utf-8"))
    _, document = boundaries(make_repo(f"boundaries/{project}"))
    jsonschema.validate(document, schema)
