"""The import semantics the peers get wrong, end to end on sample git repositories (issue
16): every spelling of ``TYPE_CHECKING``, imports used only in annotations, PEP 810 lazy
imports, and ``import_module`` with a constant-folded name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clitools import Run, assert_no_traceback, commit_all, git, write_files

MakeRepo = Callable[..., Path]
Cli = Callable[..., Run]

TYPED = "shop/orders/typed.py"
ALLOW = "[tool.codehealth.boundaries]\nallow_type_checking = true\n"


def boundaries(cli: Cli, repo: Path, *args: str) -> dict[str, Any]:
    run = cli("boundaries", "--format", "json", "--no-cache", *args, cwd=repo)
    assert_no_traceback(run.err)
    assert run.code in (0, 1), run.err
    return run.json()


def lines_of(document: dict[str, Any], path: str) -> set[tuple[str, int]]:
    return {(v["rule"], v["line"]) for v in document["violations"] if v["path"] == path}


def edge_lines(document: dict[str, Any], path: str) -> set[int]:
    return {i["line"] for e in document["edges"] for i in e["imports"] if i["path"] == path}


def test_every_spelling_of_type_checking_is_left_out_when_allowed(
    make_repo: MakeRepo, cli: Cli
) -> None:
    typed = (
        "import typing as t\n"
        "from typing import TYPE_CHECKING as TC\n"
        "if t.TYPE_CHECKING:\n"
        "    from shop.billing._impl import x\n"  # 4: grimp knows this one
        "if TC:\n"
        "    from shop.billing import _fee\n"  # 6: an alias
        "if TC or False:\n"
        "    from shop.billing.stripe import client\n"  # 8
        "if not TC:\n"
        "    pass\n"
        "else:\n"
        "    import shop.billing._impl\n"  # 12: the else of `if not`
        "import shop.billing.stripe\n"  # 13: at run time
    )
    repo = make_repo("boundaries/table", {TYPED: typed, "allow.toml": ALLOW})
    reported = lines_of(boundaries(cli, repo), TYPED)
    assert {line for _, line in reported} == {4, 6, 8, 12, 13}
    document = boundaries(cli, repo, "--config", "allow.toml")
    assert lines_of(document, TYPED) == {("CH301", 13)}
    assert edge_lines(document, TYPED) == {13}  # not counted in the module graph either


def test_a_contract_excluding_type_checking_imports_does_not_count_them(
    make_repo: MakeRepo, cli: Cli
) -> None:
    contract = (
        "[importlinter]\nroot_package = shop\nexclude_type_checking_imports = True\n\n"
        "[importlinter:contract:billing]\nname = Orders do not use the billing internals\n"
        "type = forbidden\nsource_modules = shop.orders.typed\n"
        "forbidden_modules = shop.billing._impl\n"
    )
    typed = "from typing import TYPE_CHECKING as TC\nif TC:\n    from shop.billing._impl import x\n"
    repo = make_repo("boundaries/table", {TYPED: typed, ".importlinter": contract})
    kept = {c["name"]: c["kept"] for c in boundaries(cli, repo)["contracts"]}
    assert kept == {"Orders do not use the billing internals": True}
    write_files(repo, {TYPED: typed.replace("if TC:\n    ", "")})
    kept = {c["name"]: c["kept"] for c in boundaries(cli, repo)["contracts"]}
    assert kept == {"Orders do not use the billing internals": False}


ANNOTATED = (
    "from __future__ import annotations\n"
    "from shop.billing._impl import x\n"  # 2: only in annotations
    "from shop.billing import _fee\n"  # 3: a default value: at run time
    "\n\n"
    "def pay(amount: x, fee=_fee) -> x:\n"
    "    return amount\n"
)


def test_imports_used_only_in_annotations_are_type_only_when_asked(
    make_repo: MakeRepo, cli: Cli
) -> None:
    asked = ALLOW + "annotations_are_type_only = true\n"
    repo = make_repo(
        "boundaries/table", {TYPED: ANNOTATED, "allow.toml": ALLOW, "asked.toml": asked}
    )
    assert lines_of(boundaries(cli, repo, "--config", "allow.toml"), TYPED) == {
        ("CH301", 2),
        ("CH302", 3),
    }
    document = boundaries(cli, repo, "--config", "asked.toml")
    assert lines_of(document, TYPED) == {("CH302", 3)}
    assert edge_lines(document, TYPED) == {3}


def test_a_bad_value_of_the_setting_names_the_key(make_repo: MakeRepo, cli: Cli) -> None:
    bad = "[tool.codehealth.boundaries]\nannotations_are_type_only = 'yes'\n"
    repo = make_repo("boundaries/table", {"bad.toml": bad})
    run = cli("boundaries", "--config", "bad.toml", cwd=repo)
    assert run.code == 2
    assert "annotations_are_type_only" in run.err
    assert "expected true or false" in run.err


def test_the_gate_sees_an_annotation_only_import_become_a_run_time_one(
    make_repo: MakeRepo, cli: Cli
) -> None:
    asked = ALLOW + "annotations_are_type_only = true\n"
    repo = make_repo("boundaries/table", {TYPED: ANNOTATED, "pyproject.toml": asked})
    git(repo, "branch", "-M", "main")
    run = cli("gate", "--base", "main", "--no-lint", "--format", "json", cwd=repo)
    assert_no_traceback(run.err)
    before = {(p["rule"], p["line"]) for p in run.json()["problems"] if p["path"] == TYPED}
    assert ("CH301", 2) not in before
    write_files(repo, {TYPED: ANNOTATED + "\n\ndef make():\n    return x()\n"})
    run = cli("gate", "--base", "main", "--no-lint", "--format", "json", cwd=repo)
    assert_no_traceback(run.err)
    after = {(p["rule"], p["line"]) for p in run.json()["problems"] if p["path"] == TYPED}
    assert ("CH301", 2) in after


LAZY_INIT = (
    "lazy from shop.billing.api import charge, helper\n"
    "from shop.billing.stripe import client\n\n"
    '__all__ = ["charge", "client"]\n\n\n'
    "def _fee() -> int:\n    return 1\n"
)
LAZY_USER = "lazy import shop.billing._impl\nlazy from shop.billing import _fee\n"


def test_lazy_imports_are_imports_and_never_a_crash(make_repo: MakeRepo, cli: Cli) -> None:
    repo = make_repo(
        "boundaries/table",
        {"shop/billing/__init__.py": LAZY_INIT, "shop/orders/lazy.py": LAZY_USER},
    )
    document = boundaries(cli, repo)
    assert lines_of(document, "shop/orders/lazy.py") == {("CH301", 1), ("CH302", 2)}
    assert document["not_analysed"] == []  # the API of shop.billing is read
    assert ("CH303", 7) in lines_of(document, "shop/orders/views.py")  # helper not in __all__
    scan = cli("scan", "--format", "json", cwd=repo)
    assert_no_traceback(scan.err)
    assert scan.code in (0, 1)
    write_files(repo, {"shop/orders/lazy.py": LAZY_USER + "lazy import json\n"})
    gate = cli("gate", "--base", "HEAD", "--no-lint", cwd=repo)
    assert_no_traceback(gate.err)
    assert gate.code in (0, 1)


def test_a_constant_folded_import_module_is_checked(make_repo: MakeRepo, cli: Cli) -> None:
    plugins = (
        "import importlib\n\n"
        'BILLING = "shop.billing"\n'
        'IMPL = BILLING + "._impl"\n\n\n'
        "def load():\n"
        "    return importlib.import_module(IMPL)\n"  # 8: shop.billing._impl
        "\n\ndef stripe():\n"
        '    return importlib.import_module(f"{BILLING}.stripe")\n'  # 12
    )
    repo = make_repo("boundaries/table", {"shop/orders/plugins.py": plugins})
    assert lines_of(boundaries(cli, repo), "shop/orders/plugins.py") == {
        ("CH307", 8),
        ("CH307", 12),
    }
    commit_all(repo, "plugins")
