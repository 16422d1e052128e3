"""The gate on proposed contents (``GateRequest.proposed``): the work tree judged as if some
files were written, none of them written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agent_repo import FILES as PACKAGES
from clitools import git

from codehealth.gate import GateRequest, run_gate_request

COMPLEX = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(12))
WORSE = (
    b"def add(a, b):\n    return a + b\n\n\ndef pick(x):\n" + COMPLEX.encode() + b"    return 0\n"
)
FILES = {
    "pyproject.toml": '[project]\nname = "app"\nversion = "1"\n',
    "src/app/__init__.py": "",
    "src/app/calc.py": "def add(a, b):\n    return a + b\n",
    "src/app/other.py": "X = 1\n",
}


def _problems(repo: Path, proposed: dict[str, bytes]) -> Any:
    report = run_gate_request(GateRequest(str(repo), "HEAD", proposed=proposed))
    return report, [(p.finding.rule, p.finding.path, p.finding.symbol) for p in report.errors]


def test_a_proposed_edit_fails_the_gate_and_nothing_is_written(make_repo: Any) -> None:
    repo = make_repo("proposed", FILES)
    report, errors = _problems(repo, {"src/app/calc.py": WORSE})
    assert errors == [("CH101", "src/app/calc.py", "pick")]
    assert report.changed_files == 1
    assert report.changed_lines == 28  # 2 blank lines, the def, 24 branch lines, the return
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert (repo / "src/app/calc.py").read_text() == FILES["src/app/calc.py"]


def test_a_proposed_new_file_is_an_addition(make_repo: Any) -> None:
    repo = make_repo("proposed", FILES)
    report, errors = _problems(repo, {"src/app/new.py": WORSE})
    assert errors == [("CH101", "src/app/new.py", "pick")]
    assert [(f.status, f.path) for f in report.files] == [("A", "src/app/new.py")]
    assert not (repo / "src/app/new.py").exists()


def test_the_proposal_stands_in_for_the_work_tree_edit_of_the_same_file(make_repo: Any) -> None:
    repo = make_repo("proposed", FILES)
    (repo / "src/app/calc.py").write_bytes(WORSE)  # on disk: worse
    (repo / "src/app/other.py").write_text("X = 2\n")  # another edit, kept in the change
    fixed = {
        "src/app/calc.py": FILES["src/app/calc.py"].encode() + b"\n\ndef two():\n    return 2\n"
    }
    report, errors = _problems(repo, fixed)
    assert errors == []
    assert sorted(f.path for f in report.files) == ["src/app/calc.py", "src/app/other.py"]
    assert (repo / "src/app/calc.py").read_bytes() == WORSE


def test_ruff_reads_the_proposed_content_not_the_file_on_disk(make_repo: Any) -> None:
    repo = make_repo("proposed", FILES)
    unused = b"import os\n\n\n" + FILES["src/app/calc.py"].encode()
    report, errors = _problems(repo, {"src/app/calc.py": unused})
    assert [(rule, path) for rule, path, _ in errors] == [("ruff:F401", "src/app/calc.py")]
    assert [p.finding.line for p in report.errors] == [1]


AROUND_THE_API = b"from app.core.calc import add\n\n\ndef total(a, b):\n    return add(a, b)\n"


def test_a_proposed_import_around_a_modules_api_is_found(make_repo: Any) -> None:
    repo = make_repo("proposed", PACKAGES)  # app.web imports app.core through its API
    _, errors = _problems(repo, {"src/app/web/views.py": AROUND_THE_API})
    assert [(rule, path) for rule, path, _ in errors] == [("CH301", "src/app/web/views.py")]


def test_a_proposed_new_files_boundaries_are_named_as_not_compared(make_repo: Any) -> None:
    repo = make_repo("proposed", PACKAGES)
    report, _ = _problems(repo, {"src/app/web/more.py": AROUND_THE_API})
    assert [n for n in report.notes if "src/app/web/more.py would be new" in n]


def test_proposing_the_base_content_takes_the_file_out_of_the_change(make_repo: Any) -> None:
    repo = make_repo("proposed", FILES)
    (repo / "src/app/calc.py").write_bytes(WORSE)
    report, errors = _problems(repo, {"src/app/calc.py": FILES["src/app/calc.py"].encode()})
    assert (errors, report.changed_files, report.changed_lines) == ([], 0, 0)
