"""Review guidance in the gate's reports, end to end on small dated histories: touched
hotspots, missing co-changes, suggested reviewers and the review level."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from clitools import Run, git, init_repo, write_files
from historytools import ANN, ANN_OLD, BOB, BOT, Step, make_history, shallow_clone

Cli = Callable[..., Run]

FILLER = {f"gen/f{i}.py": f"X = {i}\n" for i in range(31)}


def _module(name: str, variant: int) -> str:
    return f"def {name}(x):\n    return x + {variant}\n\n\ndef other_{name}(y):\n    return y\n"


def _pair_history(repo: Path) -> Path:
    """a.py and b.py change together in all of their 5 commits (with tests/test_a.py and
    CHANGELOG.md); d.py changes with a.py only in huge commits (31 generated files); a bot
    adds the most lines to a.py; Ann also commits under an old name that .mailmap maps."""
    first = {
        ".mailmap": "Ann Example <ann@example.com> ann <ann@old-laptop.local>\n",
        "a.py": _module("f", 0),
        "b.py": _module("g", 0),
        "c.py": _module("h", 0),
        "d.py": _module("k", 0),
        "tests/test_a.py": "def test_f():\n    assert True\n",
        "CHANGELOG.md": "start\n",
    }
    steps = [Step(*ANN, 60, first, message="start")]
    for i, who in enumerate([ANN, ANN_OLD, BOB, ANN], start=1):
        files = {
            "a.py": _module("f", i),
            "b.py": _module("g", i),
            "tests/test_a.py": f"def test_f():\n    assert {i}\n",
            "CHANGELOG.md": f"change {i}\n",
        }
        steps.append(Step(*who, 50 - i, files, message=f"Change f and g together {i}"))
    for i in range(3):
        huge = {**FILLER, "a.py": _module("f", 10 + i), "d.py": _module("k", i)}
        huge.update({path: f"X = {i}\n" for path in FILLER})
        steps.append(Step(*ANN, 30 - i, huge, message=f"reformat everything {i}"))
    steps.append(Step(*BOT, 20, {"a.py": _module("f", 20) + "# bumped\n" * 40}))
    steps.append(Step(*BOB, 10, {"c.py": _module("h", 1)}, message="touch c alone"))
    make_history(repo, steps)
    git(repo, "config", "user.name", "Cid Change")
    git(repo, "config", "user.email", "cid@example.com")
    return repo


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    return _pair_history(tmp_path / "pair")


@pytest.fixture(autouse=True)
def _author(monkeypatch: pytest.MonkeyPatch) -> None:
    """The change is Cid's (the repository's user), not the test machine's."""
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _review(cli: Cli, repo: Path, *args: str) -> dict[str, Any]:
    run = cli("gate", "--base", "HEAD", "--format", "json", *args, cwd=repo)
    assert run.code in (0, 1), run.err
    review: dict[str, Any] = json.loads(run.out)["review"]
    return review


def _edit_a(repo: Path) -> None:
    write_files(repo, {"a.py": _module("f", 99) + "# bumped\n" * 40})


@pytest.mark.slow
def test_a_file_that_always_changes_with_the_touched_one_is_named(cli: Cli, pair: Path):
    _edit_a(pair)
    review = _review(cli, pair)
    newest_pair = git(pair, "log", "--format=%h %s", "-1", "--grep", "together 4").strip()
    assert review["missing_cochanges"] == [
        {"path": "b.py", "with": "a.py", "degree": 1.0, "shared": 5, "example": newest_pair}
    ]  # not tests/test_a.py, CHANGELOG.md, nor d.py (with a.py only in huge commits)
    assert review["level"] == "careful"
    # a.py is the top hotspot, but a two-line edit of it is no reason (hotspot_min_lines)
    assert [r["kind"] for r in review["reasons"]] == ["co-change"]
    [hot] = [h for h in review["hotspots"] if h["path"] == "a.py"]
    assert hot["rank"] == 1 and hot["functions"] == ["f"]  # other_f is unchanged
    # the bot added the most lines to a.py, "ann" is Ann Example, the author Cid is left out
    names = [r["name"] for r in review["reviewers"]]
    assert names == ["Ann Example", "Bob Builder"]
    assert review["reviewers"][0]["files"] == ["a.py"]
    assert review["notes"] == []


@pytest.mark.slow
def test_the_change_author_is_no_suggested_reviewer(cli: Cli, pair: Path):
    git(pair, "config", "user.name", "Bob Builder")
    _edit_a(pair)
    assert [r["name"] for r in _review(cli, pair)["reviewers"]] == ["Ann Example"]


@pytest.mark.slow
def test_a_renamed_hotspot_keeps_its_history(cli: Cli, pair: Path):
    git(pair, "mv", "a.py", "z.py")
    review = _review(cli, pair)
    [hot] = [h for h in review["hotspots"] if h["path"] == "z.py"]
    assert hot["rank"] == 1 and "renamed from a.py" in hot["why"]
    assert [(m["path"], m["with"]) for m in review["missing_cochanges"]] == [("b.py", "z.py")]


@pytest.mark.slow
def test_a_deleted_hotspot_is_told(cli: Cli, pair: Path):
    git(pair, "rm", "-q", "a.py")
    review = _review(cli, pair)
    [hot] = [h for h in review["hotspots"] if h["path"] == "a.py"]
    assert "deleted by this change" in hot["why"] and hot["functions"] == []
    assert review["level"] == "careful"


@pytest.mark.slow
def test_markdown_table_and_github_carry_the_guidance(cli: Cli, pair: Path):
    _edit_a(pair)
    markdown = cli("gate", "--base", "HEAD", "--format", "markdown", cwd=pair).out
    assert "### Review" in markdown
    assert "**Recommended review level: careful" in markdown
    assert "did you forget `b.py`?" in markdown
    assert "Ann Example" in markdown
    table = cli("gate", "--base", "HEAD", cwd=pair).out
    assert "Review: careful" in table
    assert "did you forget b.py? b.py changed with a.py in 5 of its 5 commits (100%)" in table
    github = cli("gate", "--base", "HEAD", "--format", "github", cwd=pair).out
    notice = [line for line in github.splitlines() if line.startswith("::notice")]
    assert notice and "recommended review level: careful" in notice[0]


@pytest.mark.slow
def test_no_review_and_fail_at(cli: Cli, pair: Path, tmp_path: Path):
    _edit_a(pair)
    run = cli("gate", "--base", "HEAD", "--format", "json", "--no-review", cwd=pair)
    assert run.code == 0 and json.loads(run.out)["review"] is None
    assert cli("gate", "--base", "HEAD", cwd=pair).code == 0  # careful, but fail_at unset
    config = tmp_path / "strict.toml"
    config.write_text('[tool.codehealth.review]\nfail_at = "careful"\n')
    failed = cli("gate", "--base", "HEAD", "--config", str(config), cwd=pair)
    assert failed.code == 1
    assert "FAILED: review level careful (fail_at careful)" in failed.out
    junit = cli("gate", "--base", "HEAD", "--config", str(config), "--format", "junit", cwd=pair)
    suite = ElementTree.fromstring(junit.out).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    [case] = [c for c in suite if c.get("name") == "review level"]
    failure = case.find("failure")
    assert failure is not None and "recommended review level: careful" in (failure.text or "")
    github = cli("gate", "--base", "HEAD", "--config", str(config), "--format", "github", cwd=pair)
    assert any(
        line.startswith("::error title=codehealth review::") for line in github.out.splitlines()
    )
    config.write_text('[tool.codehealth.review]\nfail_at = "design"\n')
    assert cli("gate", "--base", "HEAD", "--config", str(config), cwd=pair).code == 0


@pytest.mark.slow
def test_a_shallow_clone_gets_a_note_and_a_level(cli: Cli, pair: Path, tmp_path: Path):
    clone = shallow_clone(pair, tmp_path / "clone", depth=1)
    write_files(clone, {"a.py": _module("f", 99), "pkg/__init__.py": ""})
    git(clone, "add", "pkg/__init__.py")
    review = _review(cli, clone)
    assert any(
        note.startswith("shallow clone:") and "fetch-depth: 0" in note for note in review["notes"]
    )
    assert review["hotspots"] == [] and review["missing_cochanges"] == []
    assert review["level"] == "design"  # the new package needs no history
    assert review["reasons"][0]["kind"] == "module"


@pytest.mark.slow
def test_a_repository_of_one_commit(cli: Cli, tmp_path: Path):
    repo = tmp_path / "one"
    repo.mkdir()
    init_repo(repo)
    write_files(repo, {"a.py": _module("f", 0)})
    git(repo, "add", "--all")
    git(repo, "commit", "-q", "-m", "first")
    write_files(repo, {"a.py": _module("f", 1)})
    review = _review(cli, repo)
    assert review["level"] == "lightweight" and review["reasons"] == []
    assert review["notes"] and "hotspots, co-changes and reviewers" in review["notes"][0]


@pytest.mark.slow
def test_pre_commit_uses_the_cached_log_only(cli: Cli, pair: Path):
    _edit_a(pair)
    git(pair, "add", "a.py")
    cold = json.loads(cli("gate", "--staged", "--format", "json", cwd=pair).out)["review"]
    assert cold["hotspots"] == [] and "not cached yet" in cold["notes"][0]
    _review(cli, pair)  # a --base run caches the log
    warm = json.loads(cli("gate", "--staged", "--format", "json", cwd=pair).out)["review"]
    assert [m["path"] for m in warm["missing_cochanges"]] == ["b.py"] and warm["notes"] == []


@pytest.mark.slow
def test_a_log_git_cannot_read_gives_a_note_not_a_failure(
    cli: Cli, pair: Path, monkeypatch: pytest.MonkeyPatch
):
    from codehealth.adapters.git import GitError
    from codehealth.review import history_step

    def broken(*args: object, **kwargs: object) -> None:
        raise GitError("git log failed: fatal: bad object 1234567")

    monkeypatch.setattr(history_step, "CommitLog", broken)
    _edit_a(pair)
    run = cli("gate", "--base", "HEAD", "--format", "json", cwd=pair)
    assert run.code == 0, run.err
    review = json.loads(run.out)["review"]
    assert review["notes"] == [
        "review guidance without history: git log failed: fatal: bad object 1234567"
    ]
    assert review["level"] == "lightweight" and review["hotspots"] == []


@pytest.mark.slow
def test_an_unexpected_error_in_the_guidance_never_fails_the_gate(
    cli: Cli, pair: Path, monkeypatch: pytest.MonkeyPatch
):
    from codehealth.review import history_step

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("surprise")

    monkeypatch.setattr(history_step, "tree_paths", boom)
    _edit_a(pair)
    run = cli("gate", "--base", "HEAD", "--format", "json", cwd=pair)
    assert run.code == 0, run.err
    assert json.loads(run.out)["review"]["notes"] == ["review guidance without history: surprise"]


@pytest.mark.slow
def test_a_damaged_blob_in_the_history_still_gives_guidance(cli: Cli, pair: Path):
    """An old version of b.py is gone from .git/objects (a pruned object): its commit still
    counts, and the note names the blob and the fix."""
    sha = git(pair, "log", "--format=%H", "--grep", "together 2").strip()
    blob = git(pair, "rev-parse", f"{sha}:b.py").strip()
    (pair / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    _edit_a(pair)
    review = _review(cli, pair)
    assert [m["path"] for m in review["missing_cochanges"]] == ["b.py"]
    assert any(blob in note and "git fsck" in note for note in review["notes"]), review["notes"]


@pytest.mark.slow
def test_a_failure_while_reading_the_history_parts_leaves_them_out(
    cli: Cli, pair: Path, monkeypatch: pytest.MonkeyPatch
):
    from codehealth.review import run

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyError("lost.py")

    monkeypatch.setattr(run, "history_parts", boom)
    _edit_a(pair)
    gate = cli("gate", "--base", "HEAD", "--format", "json", cwd=pair)
    assert gate.code == 0, gate.err
    review = json.loads(gate.out)["review"]
    assert review["notes"] == ["review guidance without history: 'lost.py'"]
    assert review["level"] == "lightweight"
