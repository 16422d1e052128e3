"""Boundary reports are cached by the contents they read: found in another clone at another
path (a CI runner restoring ``.codehealth/``), found by the gate's base side when a run at
the base commit saved them, missed after any edit, never trusted when damaged."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from clitools import commit_all, git, init_repo, write_files

import codehealth.boundaries.cached as boundaries_cached
import codehealth.boundaries.run as boundaries_run
from codehealth.gate.run import run_gate

# loop.a imports loop.b; loop.b importing loop.a back closes a cycle (CH306)
LOOP = {
    "pyproject.toml": '[project]\nname = "loop"\nversion = "0"\n',
    "loop/__init__.py": "",
    "loop/a/__init__.py": "from loop.b import B\n\nA = 1\n",
    "loop/b/__init__.py": "B = 2\n",
    "loop/b/use.py": "import json as aaa\n",
}
CYCLE = "import loop.a as a\n"  # as long as LOOP's "loop/b/use.py"


def _project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    write_files(folder, LOOP)  # type: ignore[arg-type]
    init_repo(folder)
    commit_all(folder, "base")
    git(folder, "branch", "-M", "main")
    return folder


def _computed(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each computed report (True: with overriding contents, the gate's base side)."""
    computed: list[bool] = []
    compute = boundaries_run._compute

    def counting(*args: Any) -> Any:
        computed.append(bool(args[4]))
        return compute(*args)

    monkeypatch.setattr(boundaries_run, "_compute", counting)
    return computed


def _reports(repo: Path) -> list[Path]:
    return sorted((repo / ".codehealth" / "boundaries").glob("*.json"))


def test_a_report_made_in_one_clone_is_used_in_another(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _project(tmp_path / "runner-1" / "loop")
    write_files(first, {"loop/b/use.py": CYCLE})
    commit_all(first, "cycle")
    there = cli("boundaries", "--format", "json", cwd=first)
    assert there.code == 1 and there.json()["cycles"], there.out
    second = tmp_path / "runner-2" / "checkout"
    git(tmp_path, "clone", "--quiet", str(first), str(second))
    shutil.copytree(first / ".codehealth", second / ".codehealth")
    computed = _computed(monkeypatch)

    here = cli("boundaries", "--format", "json", cwd=second)  # the warm path
    report = boundaries_run.run_boundaries(str(second))  # the gate's
    assert computed == []
    assert here.code == 1
    assert here.json() == {**there.json(), "root": str(second)}
    assert report.root == str(second)
    assert [v.finding for v in report.violations] == [
        boundaries_run.run_boundaries(str(first)).violations[i].finding
        for i in range(len(report.violations))
    ]


def test_the_gates_base_side_finds_the_report_of_a_run_at_the_base_commit(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default branch's CI job ran at the base commit and saved .codehealth/; the pull
    request's job restores it in another clone: its base side (the work tree with the
    touched file's base content) is the base commit's contents, so it is not computed."""
    base = _project(tmp_path / "main-job" / "loop")
    assert cli("boundaries", "--format", "json", cwd=base).code == 0
    pull = tmp_path / "pr-job" / "loop"
    git(tmp_path, "clone", "--quiet", str(base), str(pull))
    git(pull, "checkout", "--quiet", "-b", "feature")
    write_files(pull, {"loop/b/use.py": CYCLE})  # a new import: the whole project is compared
    commit_all(pull, "cycle")
    cold = _problems(pull)  # no cache: both sides computed
    shutil.rmtree(pull / ".codehealth")
    shutil.copytree(base / ".codehealth", pull / ".codehealth")
    computed = _computed(monkeypatch)

    restored = _problems(pull)
    assert computed == [False]  # the head's report only
    assert restored == cold
    assert ("CH306", "loop/b/use.py") in {(rule, path) for rule, path, _ in restored}


def _problems(repo: Path) -> list[tuple[str, str, str]]:
    report = run_gate(str(repo), "main", use_cache=True)
    return sorted((p.finding.rule, p.finding.path, p.finding.fingerprint) for p in report.problems)


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _project(tmp_path / "loop")
    assert cli("boundaries", "--format", "json", cwd=repo).code == 0
    edited = repo / "loop" / "b" / "use.py"
    before = edited.stat()
    edited.write_text(CYCLE, encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert edited.stat().st_size == before.st_size
    computed = _computed(monkeypatch)

    after = cli("boundaries", "--format", "json", cwd=repo)
    assert computed == [False]
    assert after.code == 1 and after.json()["cycles"], after.out  # grimp's cache too


def test_a_damaged_report_is_computed_again(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _project(tmp_path / "loop")
    write_files(repo, {"loop/b/use.py": CYCLE})
    cold = cli("boundaries", "--format", "json", cwd=repo)
    assert cold.code == 1
    [saved] = _reports(repo)
    text = saved.read_text(encoding="utf-8")
    computed = _computed(monkeypatch)
    damages = [
        text[: len(text) // 2],  # cut short
        text.replace('"CH306"', '"CH305"', 1),  # one finding changed
        "",
    ]
    for damaged in damages:
        saved.write_text(damaged, encoding="utf-8")
        warm = cli("boundaries", "--format", "json", cwd=repo)
        assert (warm.code, warm.out) == (cold.code, cold.out)
        saved.write_text(damaged, encoding="utf-8")
        report = boundaries_run.run_boundaries(str(repo))
        assert [v.finding.rule for v in report.violations] == [
            v["rule"] for v in json.loads(cold.out)["violations"]
        ]
    assert len(computed) == 2 * len(damages)


def test_the_newest_reports_are_kept(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(boundaries_cached, "KEEP", 2)
    repo = _project(tmp_path / "loop")
    for value in range(4):
        write_files(repo, {"loop/b/__init__.py": f"B = {value}\n"})
        assert cli("boundaries", "--format", "json", cwd=repo).code == 0
    kept = _reports(repo)
    assert len(kept) == 2
    write_files(repo, {"loop/b/__init__.py": "B = 3\n"})  # the last one: still there
    computed = _computed(monkeypatch)
    boundaries_run.run_boundaries(str(repo))
    assert computed == []


def test_a_project_outside_git_is_keyed_by_its_files(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "plain"
    repo.mkdir()
    write_files(repo, LOOP)  # type: ignore[arg-type]
    assert cli("boundaries", "--format", "json", cwd=repo).code == 0
    computed = _computed(monkeypatch)
    boundaries_run.run_boundaries(str(repo))
    assert computed == []
    write_files(repo, {"loop/b/use.py": CYCLE})
    assert boundaries_run.run_boundaries(str(repo)).cycles
    assert computed == [False]


def test_grimps_cache_is_hit_in_another_clone(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """grimp keys its cache by modification times, all new in a fresh checkout: the files
    whose content is the one grimp scanned are not scanned again there."""
    import grimp.application.usecases as grimp_usecases

    first = _project(tmp_path / "runner-1" / "loop")
    assert cli("boundaries", "--format", "json", cwd=first).code == 0
    second = tmp_path / "runner-2" / "checkout"
    git(tmp_path, "clone", "--quiet", str(first), str(second))
    shutil.copytree(first / ".codehealth", second / ".codehealth")
    write_files(second, {"loop/b/use.py": CYCLE})  # a new report, one file to scan
    scanned: list[str] = []
    scan = grimp_usecases.scan_imports

    def spy(module_files: Any, **options: Any) -> Any:
        scanned.extend(sorted(f.module.name for f in module_files))
        return scan(module_files, **options)

    monkeypatch.setattr(grimp_usecases, "scan_imports", spy)
    here = cli("boundaries", "--format", "json", cwd=second)
    assert here.code == 1 and here.json()["cycles"], here.out
    assert scanned == ["loop.b.use"]


def test_a_base_copied_out_of_git_finds_the_report_of_a_run_at_the_base_commit(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull request that adds a file: the gate copies the base revision out of git to
    check it; that copy's contents are the base commit's, whose report the default branch's
    job saved in another clone."""
    base = _project(tmp_path / "main-job" / "loop")
    assert cli("boundaries", "--format", "json", cwd=base).code == 0
    pull = tmp_path / "pr-job" / "loop"
    git(tmp_path, "clone", "--quiet", str(base), str(pull))
    git(pull, "checkout", "--quiet", "-b", "feature")
    write_files(pull, {"loop/b/back.py": "from loop.a import A\n"})  # added: a cycle
    commit_all(pull, "cycle")
    cold = _problems(pull)
    shutil.rmtree(pull / ".codehealth")
    shutil.copytree(base / ".codehealth", pull / ".codehealth")
    computed = _computed(monkeypatch)

    restored = _problems(pull)
    assert computed == [False]  # the head's report only
    assert restored == cold
    assert ("CH306", "loop/b/back.py") in {(rule, path) for rule, path, _ in restored}
