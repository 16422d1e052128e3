"""`codehealth scan` end to end on sample git repositories: output, options, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import analysed, assert_no_traceback, clean_env, run_cli, scan_json

ANSI = re.compile(r"\x1b\[")


def _function_rows(table_text: str) -> list[str]:
    """The function names of the "Functions" table of the plain-text output, in order."""
    lines = table_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Functions ("))
    rows = []
    for line in lines[start + 3 :]:  # title, header, rule
        if not line.strip() or line.startswith("cyclomatic:"):
            break
        rows.append(line.split()[0])
    return rows


def test_table_in_a_pipe_is_plain_text_worst_function_first(make_repo):
    repo = make_repo("shop")
    run = run_cli("scan", cwd=repo)
    assert run.code == 0, run.err
    assert not ANSI.search(run.out), "no ANSI escape codes in a pipe"
    rows = _function_rows(run.out)
    assert rows[0] == "route_order"
    assert set(rows) == {"route_order", "fee", "discount", "Order.total", "main", "Order.__init__"}
    # Values over a threshold are marked with "!" in plain text.
    route_line = next(line for line in run.out.splitlines() if line.startswith("route_order"))
    assert "src/shop/orders.py:4" in route_line
    assert "!" in route_line
    assert "Not analysed" not in run.out
    assert "3 over thresholds" in run.out


def test_json_output_has_schema_version_and_all_files(make_repo):
    repo = make_repo("shop")
    document = scan_json(cwd=repo)
    assert document["schema_version"] == 2
    assert Path(document["root"]) == repo.resolve()
    assert analysed(document) == {
        "scripts/report.py",
        "src/shop/__init__.py",
        "src/shop/orders.py",
        "src/shop/billing/__init__.py",
        "src/shop/billing/fees.py",
    }
    assert {p["name"] for p in document["packages"]} == {"shop", "shop.billing"}
    assert document["thresholds"]["cognitive"] == 8  # from the project's pyproject.toml
    orders = next(f for f in document["files"] if f["path"] == "src/shop/orders.py")
    route = next(fn for fn in orders["functions"] if fn["name"] == "route_order")
    assert route["cognitive"] > 8 and route["cyclomatic"] > 6
    assert document["summary"]["files"] == 5
    assert document["summary"]["functions"] == 6
    assert document["not_analysed"] == []


@pytest.mark.slow
def test_sort_changes_the_order(make_repo):
    repo = make_repo("shop")
    by_name = _function_rows(run_cli("scan", "--sort", "name", "--top", "0", cwd=repo).out)
    assert by_name == sorted(by_name)
    by_params = _function_rows(run_cli("scan", "--sort", "parameters", cwd=repo).out)
    # route_order and Order.__init__ have 3 parameters (self not counted), main has none.
    assert set(by_params[:2]) == {"route_order", "Order.__init__"}
    assert by_params[-1] == "main"


def test_sort_rejects_an_unknown_key(make_repo):
    repo = make_repo("shop")
    run = run_cli("scan", "--sort", "colour", cwd=repo)
    assert run.code == 2
    assert "colour" in run.err
    assert_no_traceback(run.err)


@pytest.mark.slow
def test_top_limits_the_rows_but_not_the_json(make_repo):
    repo = make_repo("shop")
    rows = _function_rows(run_cli("scan", "--top", "2", cwd=repo).out)
    assert rows == ["route_order", rows[1]]
    assert len(rows) == 2
    all_rows = _function_rows(run_cli("scan", "--top", "0", cwd=repo).out)
    assert len(all_rows) == 6
    document = scan_json("--top", "1", cwd=repo)
    assert document["summary"]["functions"] == 6
    assert sum(len(f["functions"]) for f in document["files"]) == 6


def test_check_exits_1_when_a_configured_threshold_is_exceeded(make_repo):
    repo = make_repo("shop")
    run = run_cli("scan", "--check", cwd=repo)
    assert run.code == 1, run.err
    document = scan_json("--check", cwd=repo)
    metrics = {(v["symbol"], v["metric"]) for v in document["violations"]}
    assert metrics == {
        ("route_order", "cognitive"),
        ("route_order", "cyclomatic"),
        ("route_order", "nesting"),
    }
    assert all(v["path"] == "src/shop/orders.py" for v in document["violations"])


def test_without_check_violations_do_not_change_the_exit_code(make_repo):
    repo = make_repo("shop")
    run = run_cli("scan", cwd=repo)
    assert run.code == 0
    assert "over thresholds" in run.out


def test_check_exits_0_when_every_threshold_is_met(make_repo):
    repo = make_repo("clean")
    run = run_cli("scan", "--check", cwd=repo)
    assert run.code == 0, run.out + run.err
    assert "no threshold exceeded" in run.out
    document = scan_json("--check", cwd=repo)
    assert document["violations"] == []
    assert document["thresholds"]["file_lines"] == 200  # the project's own thresholds


def test_check_with_loosened_thresholds_exits_0(make_repo):
    repo = make_repo("shop")
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text()
        .replace("cyclomatic = 6", "cyclomatic = 50")
        .replace("cognitive = 8", "cognitive = 50")
        .replace("nesting = 3", "nesting = 9")
    )
    assert run_cli("scan", "--check", cwd=repo).code == 0


@pytest.mark.slow
def test_scanning_a_sub_path_only_measures_files_below_it(make_repo):
    repo = make_repo("shop")
    document = scan_json("src/shop/billing", cwd=repo)
    assert analysed(document) == {"src/shop/billing/__init__.py", "src/shop/billing/fees.py"}
    # Thresholds apply to what was scanned: billing/ is within them.
    assert run_cli("scan", "--check", "src/shop/billing", cwd=repo).code == 0
    assert run_cli("scan", "--check", "src/shop/orders.py", cwd=repo).code == 1


def test_scanning_several_paths(make_repo):
    repo = make_repo("shop")
    document = scan_json("scripts", "src/shop/billing/fees.py", cwd=repo)
    assert analysed(document) == {"scripts/report.py", "src/shop/billing/fees.py"}


def test_a_path_that_does_not_exist_exits_2_naming_it(make_repo):
    repo = make_repo("shop")
    run = run_cli("scan", "src/no_such_module.py", cwd=repo)
    assert run.code == 2
    assert "src/no_such_module.py" in run.err
    assert run.out == ""
    assert_no_traceback(run.err)


def test_a_path_outside_the_project_exits_2(make_repo, tmp_path):
    repo = make_repo("shop")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    run = run_cli("scan", str(outside), cwd=repo)
    assert run.code == 2
    assert "elsewhere" in run.err
    assert_no_traceback(run.err)


def test_python_dash_m_codehealth_runs(make_repo):
    # run_cli always uses `python -m codehealth`; this pins the module entry point itself.
    repo = make_repo("clean")
    run = run_cli("--version", cwd=repo)
    assert run.code == 0
    assert run.out.startswith("codehealth")


def test_group_help_exits_0_and_lists_scan(tmp_path):
    run = run_cli("--help", cwd=tmp_path)
    assert run.code == 0
    assert "scan" in run.out
    assert "Exit codes" in run.out


def test_scan_help_exits_0_and_documents_the_definitions(tmp_path):
    run = run_cli("scan", "--help", cwd=tmp_path)
    assert run.code == 0
    for option in ("--format", "--sort", "--top", "--check", "--no-cache"):
        assert option in run.out
    assert "radon" in run.out
    assert "SonarSource" in run.out


def test_unknown_option_is_a_usage_error(tmp_path):
    run = run_cli("scan", "--no-such-option", cwd=tmp_path)
    assert run.code == 2
    assert "--no-such-option" in run.err
    assert_no_traceback(run.err)


def test_in_process_main_returns_the_exit_code(make_repo, cli):
    repo = make_repo("shop")
    run = cli("scan", "--check", "--format", "json", cwd=repo)
    assert run.code == 1
    assert json.loads(run.out)["summary"]["violations"] == 3
    assert cli("scan", "--format", "json", cwd=repo).code == 0


def test_library_api_returns_the_same_numbers_as_the_cli(make_repo, monkeypatch):
    import codehealth

    repo = make_repo("shop")
    document = scan_json("--no-cache", cwd=repo)
    result = codehealth.scan(root=str(repo), use_cache=False)
    assert [f.path for f in result.files] == [f["path"] for f in document["files"]]
    assert [f.cognitive for f in result.files] == [f["cognitive"] for f in document["files"]]
    assert len(result.violations) == len(document["violations"])


def test_an_internal_error_exits_3_without_a_traceback(make_repo, cli, monkeypatch):
    import codehealth.scanning.run

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    repo = make_repo("clean")
    monkeypatch.setattr(codehealth.scanning.run, "run_scan", explode)
    run = cli("scan", cwd=repo)
    assert run.code == 3
    assert "internal error" in run.err and "boom" in run.err
    assert_no_traceback(run.err)
    debug = cli("--debug", "scan", cwd=repo)
    assert debug.code == 3
    assert "Traceback (most recent call last)" in debug.err


def test_an_untracked_file_is_scanned_and_an_ignored_one_is_not(make_repo):
    repo = make_repo(
        "clean",
        files={".gitignore": "generated/\n"},
    )
    (repo / "src" / "clean" / "extra.py").write_text("def new():\n    return 1\n")
    (repo / "generated").mkdir()
    (repo / "generated" / "out.py").write_text("def gen():\n    return 2\n")
    paths = analysed(scan_json(cwd=repo))
    assert "src/clean/extra.py" in paths
    assert "generated/out.py" not in paths


def _run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stdout on a pseudo-terminal; return (exit code, what it printed)."""
    import pty  # POSIX only

    main_fd, child_fd = pty.openpty()
    env = {**clean_env(), "TERM": "xterm-256color", "COLUMNS": "160"}
    process = subprocess.Popen(
        [sys.executable, "-m", "codehealth", *args],
        cwd=cwd,
        env=env,
        stdout=child_fd,
        stderr=subprocess.PIPE,
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    process.wait(timeout=300)
    return process.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_table_on_a_terminal_is_drawn_by_rich(make_repo):
    repo = make_repo("shop")
    code, out = _run_on_a_terminal(["scan"], repo)
    assert code == 0
    assert ANSI.search(out), "colours/bold on a terminal"
    assert "route_order" in out
    assert out.index("route_order") < out.index("Order.total")  # worst first here too
    assert "─" in out or "━" in out  # rich's box drawing, not the plain "---" rule


def test_no_progress_output_in_a_pipe(make_repo):
    files = {f"src/shop/gen/mod_{i}.py": f"def f{i}(a):\n    return a\n" for i in range(220)}
    repo = make_repo("shop", files=files)
    run = run_cli("scan", "--no-cache", cwd=repo)
    assert run.code == 0
    assert run.err == ""  # no progress bar (or anything else) on a piped stderr
    assert not ANSI.search(run.out)
    assert "225 files" in run.out


def test_a_run_from_a_subfolder_uses_the_project_configuration_and_cache(make_repo):
    repo = make_repo("shop")
    inside = repo / "src" / "shop"
    run = run_cli("scan", "--check", ".", cwd=inside)
    # The thresholds of the project's pyproject.toml apply (route_order exceeds them) ...
    assert run.code == 1, run.err
    assert "route_order" in run.out
    # ... the path given is relative to the folder the command runs in ...
    assert "src/shop/orders.py" in run.out
    # ... and the cache is the project's, not a stray one in the subfolder.
    assert (repo / ".codehealth").is_dir()
    assert not (inside / ".codehealth").exists()
