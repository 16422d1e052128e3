"""``codehealth debt`` and ``codehealth rules`` end to end on small sample git repositories."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run, assert_no_traceback, commit_all, run_cli

ORDERS = """import os


def place(customer, item, qty, price, coupon, address, phone, note):
    # TODO: validate the address
    return (customer, item, qty, price, coupon, address, phone, note)


def label(order):
    return "# TODO in a string is not debt"
"""

FILES = {
    "pyproject.toml": (
        '[project]\nname = "debtshop"\nversion = "0"\n\n[tool.codehealth]\nexclude = ["legacy"]\n'
    ),
    "src/shop/__init__.py": "",
    "src/shop/orders.py": ORDERS,
    "src/shop/billing/__init__.py": (
        'from shop.billing.fees import charge\n\n__all__ = ["charge"]\n'
    ),
    "src/shop/billing/fees.py": "def charge(amount):\n    return amount * 2  # FIXME: rounding\n",
    "legacy/old.py": "import sys\n",
}

MakeRepo = Callable[..., Path]
Cli = Callable[..., Run]


@pytest.fixture
def shop(make_repo: MakeRepo) -> Path:
    return make_repo("debtshop", FILES)


def configure(repo: Path, debt: str, extra: str = "") -> None:
    """Append a [tool.codehealth.debt] table (and anything else) to the sample's pyproject."""
    with open(repo / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(f"\n[tool.codehealth.debt]\n{debt}\n{extra}")


def fake_tool(folder: Path, name: str, body: str) -> Path:
    """An executable Python script standing in for ruff or flake8."""
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport sys, os, json\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def debt_json(cli: Cli, repo: Path, *args: str) -> tuple[Run, dict[str, Any]]:
    run = cli("debt", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    return run, json.loads(run.out)


def rules_of(document: dict[str, Any], path: str | None = None) -> set[str]:
    return {f["rule"] for f in document["findings"] if path is None or f["path"] == path}


def test_debt_reports_lint_complexity_and_markers(shop: Path, cli: Cli) -> None:
    _, document = debt_json(cli, shop)
    assert document["complete"] is True and document["schema_version"] == 2
    assert rules_of(document, "src/shop/orders.py") == {"ruff:F401", "CH104", "CH201"}
    assert rules_of(document, "src/shop/billing/fees.py") == {"CH202"}
    assert not [f for f in document["findings"] if f["path"].startswith("legacy/")]
    assert {m["name"] for m in document["modules"]} == {"shop", "shop.billing"}
    project = document["project"]
    minutes = sum(f["remediation_minutes"] for f in document["findings"])
    assert project["minutes"] == pytest.approx(minutes)
    assert project["ratio"] == pytest.approx(minutes / (project["source_lines"] * 30), abs=1e-4)
    assert project["rating"] in "ABCDE"
    # the FIXME (a known defect, major) comes before the larger but minor debt of orders.py
    assert [t["path"] for t in document["fix_first"][:2]] == [
        "src/shop/billing/fees.py",
        "src/shop/orders.py",
    ]
    assert all(f["fingerprint"] for f in document["findings"])
    orders = next(m for m in document["modules"] if m["name"] == "shop")
    assert orders["top_files"][0]["name"] == "src/shop/orders.py"


def test_table_and_markdown(shop: Path, cli: Cli) -> None:
    table = cli("debt", cwd=shop)
    assert table.code == 0, table.err
    for heading in ("Technical debt:", "Modules", "Files", "Fix first", "src/shop/orders.py"):
        assert heading in table.out
    markdown = cli("debt", "--format", "markdown", cwd=shop)
    assert markdown.out.startswith("## Technical debt")
    assert "| `shop` |" in markdown.out and "### Fix first" in markdown.out


def test_max_rating_sets_the_exit_code(shop: Path, cli: Cli) -> None:
    assert cli("debt", "--max-rating", "E", cwd=shop).code == 0
    assert cli("debt", "--max-rating", "A", cwd=shop).code == 1  # a tiny, indebted project


def test_as_a_real_subprocess(shop: Path) -> None:
    run = run_cli("debt", "--format", "json", cwd=shop)
    assert run.code == 0, run.err
    assert "ruff:F401" in {f["rule"] for f in run.json()["findings"]}


def test_the_minutes_per_line_and_costs_are_configurable(shop: Path, cli: Cli) -> None:
    configure(shop, "minutes_per_line = 60\ncosts = { CH104 = 100, F401 = 0.5 }")
    _, document = debt_json(cli, shop)
    costs = {f["rule"]: f["remediation_minutes"] for f in document["findings"]}
    assert costs["CH104"] == 100 + 2 * 2  # base + minutes per point over (8 params > 6)
    assert costs["ruff:F401"] == 0.5
    project = document["project"]
    assert project["ratio"] == pytest.approx(
        project["minutes"] / (project["source_lines"] * 60), abs=1e-4
    )


@pytest.mark.parametrize(
    "debt, named",
    [
        ("costs = { F401 = -3 }", "[tool.codehealth.debt.costs] F401 = -3"),
        ('costs = { CH101 = "lots" }', "[tool.codehealth.debt.costs] CH101 = 'lots'"),
        ("minutes_per_point = { CH102 = -1 }", "[tool.codehealth.debt.minutes_per_point] CH102"),
        ("minutes_per_line = 0", "[tool.codehealth.debt] minutes_per_line = 0"),
        ("costs = { CH999 = 5 }", "CH999: no such rule"),
    ],
)
def test_a_bad_cost_override_is_exit_2_naming_the_key(
    shop: Path, cli: Cli, debt: str, named: str
) -> None:
    configure(shop, debt)
    run = cli("debt", cwd=shop)
    assert run.code == 2
    assert named in run.err and "pyproject.toml" in run.err
    assert_no_traceback(run.err)


def test_ruff_missing_gives_an_incomplete_report(shop: Path, cli: Cli) -> None:
    configure(shop, 'ruff = "/nonexistent/bin/ruff"')
    run, document = debt_json(cli, shop)
    assert document["complete"] is False
    assert "ruff" in document["incomplete"][0]
    assert "incomplete" in run.err and "/nonexistent/bin/ruff" in run.err
    assert rules_of(document) == {"CH104", "CH201", "CH202"}  # the rest is still there


def test_ruff_crashing_gives_an_incomplete_report(shop: Path, cli: Cli, tmp_path: Path) -> None:
    ruff = fake_tool(
        tmp_path,
        "ruff",
        "sys.stderr.write(\"thread 'main' panicked at crates/ruff/src/lib.rs\\n\")\nsys.exit(101)",
    )
    configure(shop, f'ruff = "{ruff}"')
    run, document = debt_json(cli, shop)
    assert document["complete"] is False
    assert "exit code 101" in document["incomplete"][0]
    assert "panicked" in run.err
    assert "CH104" in rules_of(document)
    table = cli("debt", cwd=shop)
    assert table.code == 0 and "INCOMPLETE" in table.out


def test_ruff_printing_garbage_gives_an_incomplete_report(
    shop: Path, cli: Cli, tmp_path: Path
) -> None:
    ruff = fake_tool(tmp_path, "ruff", "print('not json')")
    configure(shop, f'ruff = "{ruff}"')
    _, document = debt_json(cli, shop)
    assert document["complete"] is False and "cannot read" in document["incomplete"][0]


def test_a_ruff_config_that_ruff_rejects_is_exit_2_with_its_message(shop: Path, cli: Cli) -> None:
    with open(shop / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[tool.ruff]\nline-length = "long"\n')
    run = cli("debt", cwd=shop)
    assert run.code == 2
    assert "ruff rejected the project's configuration" in run.err
    assert "line-length" in run.err  # ruff's own message, passed through
    assert_no_traceback(run.err)


def test_the_projects_ruff_config_is_honoured(shop: Path, cli: Cli) -> None:
    with open(shop / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[tool.ruff.lint]\nselect = ["E501"]\n\n[tool.ruff]\nline-length = 40\n')
    _, document = debt_json(cli, shop)
    lint = {f["rule"] for f in document["findings"] if f["rule"].startswith("ruff:")}
    assert lint == {"ruff:E501"}  # F401 is not selected by the project


def test_a_lint_finding_on_an_excluded_file_is_dropped(
    shop: Path, cli: Cli, tmp_path: Path
) -> None:
    # A ruff that reports on every file it is given and on one codehealth excludes.
    body = """
files = [a for a in sys.argv[1:] if a.endswith('.py')] + ['legacy/old.py']
def record(name):
    return {'code': 'F401', 'filename': os.path.abspath(name), 'message': 'unused',
            'location': {'row': 1, 'column': 1}, 'end_location': {'row': 1, 'column': 2}}
print(json.dumps([record(name) for name in files]))
"""
    ruff = fake_tool(tmp_path, "ruff", body)
    configure(shop, f'ruff = "{ruff}"')
    _, document = debt_json(cli, shop)
    paths = {f["path"] for f in document["findings"] if f["rule"] == "ruff:F401"}
    assert "legacy/old.py" not in paths
    assert "src/shop/orders.py" in paths


def test_lint_results_are_cached_per_file_content(shop: Path, cli: Cli, tmp_path: Path) -> None:
    log = tmp_path / "ruff-calls.log"
    real = os.path.join(os.path.dirname(sys.executable), "ruff")
    body = f"""
with open({str(log)!r}, 'a') as handle:
    handle.write(json.dumps([a for a in sys.argv[1:] if a.endswith('.py')]) + '\\n')
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""
    ruff = fake_tool(tmp_path, "ruff", body)
    configure(shop, f'ruff = "{ruff}"')

    def calls() -> list[list[str]]:
        """The lint runs (not the one `ruff --version` that identifies a new install)."""
        lines = log.read_text().splitlines() if log.exists() else []
        return [json.loads(line) for line in lines if json.loads(line) != []]

    _, first = debt_json(cli, shop)
    assert len(calls()) == 1 and "src/shop/orders.py" in calls()[0]
    _, second = debt_json(cli, shop)
    assert len(calls()) == 1  # nothing changed: ruff is not started at all
    assert second["findings"] == first["findings"]
    (shop / "src/shop/orders.py").write_text(ORDERS + "\nimport sys\n", encoding="utf-8")
    _, third = debt_json(cli, shop)
    assert calls()[-1] == ["src/shop/orders.py"]  # only the changed file is linted
    assert len([f for f in third["findings"] if f["rule"] == "ruff:F401"]) == 2
    _, uncached = debt_json(cli, shop, "--no-cache")
    assert uncached["findings"] == third["findings"]


def test_fingerprints_survive_lines_inserted_above(shop: Path, cli: Cli) -> None:
    _, before = debt_json(cli, shop)
    edited = '"""Orders."""\n\n# Orders are placed here.\n\n' + ORDERS
    (shop / "src/shop/orders.py").write_text(edited, encoding="utf-8")
    commit_all(shop)
    _, after = debt_json(cli, shop)

    def prints(document: dict[str, Any]) -> dict[str, tuple[str, int]]:
        return {
            f["fingerprint"]: (f["rule"], f["line"])
            for f in document["findings"]
            if f["path"] == "src/shop/orders.py"
        }

    assert set(prints(after)) == set(prints(before))
    assert [line for _, line in prints(after).values()] != [
        line for _, line in prints(before).values()
    ]


FLAKE8_CFG = "[flake8]\nmax-line-length = 30\nselect = E501\n"


def test_file_names_that_look_like_options_are_linted_as_files(shop: Path, cli: Cli) -> None:
    """ruff got the file names as arguments: "-dash.py" stopped it ("unexpected argument",
    an incomplete report) and "--output-file=out.py" was an option, not a file."""
    for name in ("-dash.py", "--output-file=out.py", "--config=x.py"):
        (shop / name).write_text("import os\n", encoding="utf-8")
    commit_all(shop)
    _run, document = debt_json(cli, shop, "--no-cache")
    assert document["complete"] is True, document["incomplete"]
    for name in ("-dash.py", "--output-file=out.py", "--config=x.py"):
        assert "ruff:F401" in rules_of(document, name), name
    assert not (shop / "out.py").exists()


def test_a_file_edited_while_it_is_analysed(
    shop: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan reads orders.py, then it changes before ruff reads it (an editor saving
    during a pre-commit run). ruff's hits were for other lines (one at line 40 of a 7-line
    file) and were cached under the content the scan read."""
    import codehealth.metrics.reading as scan_module

    real = scan_module.read_source
    orders = shop / "src" / "shop" / "orders.py"
    edited = "import json\n" * 39 + "x = 1;\n"

    def read_then_edit(root: str, path: str) -> bytes | str:
        content = real(root, path)
        if path == "src/shop/orders.py" and orders.read_text(encoding="utf-8") != edited:
            orders.write_text(edited, encoding="utf-8")
        return content

    monkeypatch.setattr(scan_module, "read_source", read_then_edit)
    _run, document = debt_json(cli, shop)
    assert document["complete"] is False
    assert any(
        "src/shop/orders.py changed while it was analysed" in p for p in document["incomplete"]
    )
    orders_findings = [f for f in document["findings"] if f["path"] == "src/shop/orders.py"]
    assert not [f for f in orders_findings if f["rule"].startswith("ruff:")]
    assert {f["rule"] for f in orders_findings} >= {"CH201"}  # the scan's content: its marker
    assert all(f["line"] <= ORDERS.count("\n") for f in orders_findings)
    # Nothing was cached for the content the scan read: with it back, ruff's F401 is found.
    monkeypatch.setattr(scan_module, "read_source", real)
    orders.write_text(ORDERS, encoding="utf-8")
    _run, again = debt_json(cli, shop)
    assert again["complete"] is True
    assert "ruff:F401" in rules_of(again, "src/shop/orders.py")


def test_flake8_runs_when_the_project_configures_it(shop: Path, cli: Cli) -> None:
    (shop / "setup.cfg").write_text(FLAKE8_CFG, encoding="utf-8")
    _, document = debt_json(cli, shop)
    assert document["complete"] is True
    assert "flake8:E501" in rules_of(document, "src/shop/orders.py")
    assert "ruff:F401" in rules_of(document)


def test_flake8_is_not_run_without_configuration(shop: Path, cli: Cli) -> None:
    _, document = debt_json(cli, shop)
    assert not [r for r in rules_of(document) if r.startswith("flake8:")]


def test_flake8_missing_gives_an_incomplete_report(shop: Path, cli: Cli) -> None:
    (shop / "setup.cfg").write_text(FLAKE8_CFG, encoding="utf-8")
    configure(shop, 'flake8 = "no-such-flake8-here"')
    run, document = debt_json(cli, shop)
    assert document["complete"] is False
    assert "flake8" in document["incomplete"][0] and "incomplete" in run.err
    assert "ruff:F401" in rules_of(document)


def test_flake8_crashing_gives_an_incomplete_report(shop: Path, cli: Cli, tmp_path: Path) -> None:
    (shop / "setup.cfg").write_text(FLAKE8_CFG, encoding="utf-8")
    flake8 = fake_tool(
        tmp_path, "flake8", "sys.stderr.write('Traceback: plugin exploded\\n')\nsys.exit(1)"
    )
    configure(shop, f'flake8 = "{flake8}"')
    _, document = debt_json(cli, shop)
    assert document["complete"] is False
    assert "plugin exploded" in document["incomplete"][0]
    assert "CH104" in rules_of(document)


def test_extra_findings_seam_prices_and_filters(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codehealth.core import Finding
    from codehealth.debt import run_debt

    monkeypatch.chdir(shop)
    extra = [
        Finding("CH201", "src/shop/billing/fees.py", 1, "from another check"),
        Finding("CH201", "legacy/old.py", 1, "on an excluded file"),
    ]
    report = run_debt(root=str(shop), extra_findings=extra)
    found = [f for f in report.findings if f.message.endswith("check")]
    assert len(found) == 1 and found[0].remediation_minutes == 15
    assert not [f for f in report.findings if f.path.startswith("legacy/")]


def test_rules_lists_the_catalogue(shop: Path, cli: Cli) -> None:
    run = cli("rules", cwd=shop)
    assert run.code == 0
    for rule_id in ("CH101", "CH107", "CH201", "CH208"):
        assert rule_id in run.out
    document = json.loads(cli("rules", "--format", "json", cwd=shop).out)
    assert {r["id"] for r in document["rules"]} >= {"CH101", "CH201"}


def test_rules_prints_one_rules_documentation(shop: Path, cli: Cli) -> None:
    run = cli("rules", "CH201", cwd=shop)
    assert run.code == 0
    for part in ("todo-comment", "Why it matters", "Bad:", "Good:", "Remediation cost: 15 min"):
        assert part in run.out
    lint = cli("rules", "F401", cwd=shop)
    assert lint.code == 0 and "2 min" in lint.out
    configure(shop, "costs = { CH201 = 40 }")
    assert "Remediation cost: 40 min" in cli("rules", "CH201", cwd=shop).out


def test_rules_unknown_id_is_exit_2(shop: Path, cli: Cli) -> None:
    run = cli("rules", "CH999", cwd=shop)
    assert run.code == 2 and "no rule" in run.err


def test_boundaries_findings_are_part_of_the_debt(make_repo: MakeRepo, cli: Cli) -> None:
    repo = make_repo(
        "debtbounds",
        {
            **FILES,
            "src/shop/billing/fees.py": (
                "def charge(a):\n    return a\n\n\ndef _fee():\n    return 1\n"
            ),
            "src/shop/report.py": "from shop.billing.fees import _fee\n\nprint(_fee())\n",
        },
    )
    _, document = debt_json(cli, repo)
    boundaries = [f for f in document["findings"] if f["path"] == "src/shop/report.py"]
    assert boundaries and all(f["rule"].startswith("CH3") for f in boundaries)
    assert document["project"]["by_family"]["boundaries"] > 0
    _, without = debt_json(cli, repo, "--no-boundaries")
    assert not [f for f in without["findings"] if f["rule"].startswith("CH3")]


def test_a_failing_boundaries_check_marks_the_report_incomplete(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codehealth.boundaries
    from codehealth.debt import run_debt

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("graph exploded")

    monkeypatch.setattr(codehealth.boundaries, "run_boundaries", explode)
    report = run_debt(root=str(shop), boundaries=True)
    assert report.incomplete == ("boundaries check failed: RuntimeError: graph exploded",)
    assert {f.rule for f in report.findings} >= {"CH104", "CH201"}


def test_json_output_follows_its_schema(shop: Path, cli: Cli) -> None:
    import jsonschema

    schema_path = Path(__file__).resolve().parents[2] / "src/codehealth/debt"
    schema = json.loads((schema_path / "debt.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    _, document = debt_json(cli, shop)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    configure(shop, 'ruff = "/nonexistent/ruff"')
    _, incomplete = debt_json(cli, shop)
    jsonschema.validate(incomplete, schema, cls=jsonschema.Draft202012Validator)


def test_thresholds_from_the_configuration_decide_complexity_findings(shop: Path, cli: Cli) -> None:
    with open(shop / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("\n[tool.codehealth.thresholds]\nparameters = 8\n")
    _, document = debt_json(cli, shop)
    assert "CH104" not in rules_of(document)


def test_a_damaged_lint_cache_is_rebuilt_with_a_note(shop: Path, cli: Cli) -> None:
    _, first = debt_json(cli, shop)
    (shop / ".codehealth" / "lint-ruff.sqlite").write_bytes(b"not a database")
    (shop / ".codehealth" / "markers.sqlite").write_bytes(b"\x00" * 64)
    _, second = debt_json(cli, shop)
    assert second["findings"] == first["findings"]
    assert any("lint-ruff.sqlite" in note and "rebuilt" in note for note in second["notes"])
