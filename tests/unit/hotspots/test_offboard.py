"""Knowledge at risk (``hotspots --offboard``): the pure core on constructed histories."""

from __future__ import annotations

import pytest

from codehealth.core import ConfigError
from codehealth.history.files import AuthorShare, FileHistory
from codehealth.hotspots.offboard import (
    Expert,
    at_risk_files,
    at_risk_modules,
    match_leavers,
)
from codehealth.hotspots.ranking import HotFile

BOTS = ("*[bot]*",)
EMAILS = {
    "Ann Example": ("ann@example.com",),
    "Bob Builder": ("bob@example.com", "bob@home.example"),
    "Cy": ("cy@example.com",),
}


def _history(path: str, **added: int) -> FileHistory:
    """``added``: author key (ann, bob, cy) -> lines added."""
    names = {"ann": "Ann Example", "bob": "Bob Builder", "cy": "Cy"}
    authors = {names[key]: AuthorShare(commits=1, added=lines) for key, lines in added.items()}
    return FileHistory(path, revisions=len(authors), authors=authors)


def _hot(path: str, score: float, hotspot: bool = False) -> HotFile:
    return HotFile(path, score, hotspot, 1, 1, 0, 0, 0, 0, 0.0, "", 0.0, 0.0, "steady", reasons=())


def test_names_and_emails_match_in_any_case() -> None:
    [ann, bob] = match_leavers(["ANN EXAMPLE", "Bob@Home.Example"], EMAILS, BOTS)
    assert ann.names == ("Ann Example",) and ann.given == "ANN EXAMPLE"
    assert bob.names == ("Bob Builder",)


def test_an_unknown_name_names_the_close_authors() -> None:
    with pytest.raises(ConfigError) as raised:
        match_leavers(["bob"], EMAILS, BOTS)
    assert "'bob' matches no author" in str(raised.value)
    assert "close: Bob Builder" in str(raised.value)
    with pytest.raises(ConfigError) as raised:
        match_leavers(["Ann Exampel"], EMAILS, BOTS)  # a typo: difflib finds her
    assert "close: Ann Example" in str(raised.value)
    with pytest.raises(ConfigError) as raised:
        match_leavers(["zed"], EMAILS, BOTS)
    assert "close" not in str(raised.value) and "git shortlog -sne" in str(raised.value)


def test_a_bot_is_never_a_leaver() -> None:
    with pytest.raises(ConfigError, match="is a bot"):
        match_leavers(["dependabot[bot]"], EMAILS, BOTS)


def test_files_whose_main_author_leaves_rank_by_hotspot_score() -> None:
    histories = [
        _history("hot.py", ann=90, bob=10),
        _history("warm.py", ann=60, cy=30, bob=10),
        _history("bobs.py", ann=10, bob=90),  # Bob's: nothing lost when Ann leaves
        _history("old.py", ann=5),  # not changed in the window
        _history("gone.py", ann=50),  # deleted since
    ]
    ranked = [_hot("bobs.py", 90.0), _hot("hot.py", 80.0, True), _hot("warm.py", 10.0)]
    lines = {"hot.py": 100, "warm.py": 40, "bobs.py": 30, "old.py": 200}
    rows = at_risk_files(histories, {"Ann Example"}, ranked, lines)
    assert [row.path for row in rows] == ["hot.py", "warm.py", "old.py"]
    hot, warm, old = rows
    assert (hot.rank, hot.score, hot.hotspot, hot.lines) == (2, 80.0, True, 100)
    assert hot.main_developer == "Ann Example" and hot.share == pytest.approx(0.9)
    assert hot.experts == (Expert("Bob Builder", pytest.approx(0.1)),)
    assert [e.name for e in warm.experts] == ["Cy", "Bob Builder"]  # best first
    assert (old.rank, old.score, old.experts) == (0, 0.0, ())  # no one else


def test_two_leavers_share_and_experts_exclude_both() -> None:
    histories = [_history("a.py", ann=50, bob=40, cy=10)]
    [row] = at_risk_files(histories, {"Ann Example", "Bob Builder"}, [], {"a.py": 10})
    assert row.share == pytest.approx(0.9)
    assert [e.name for e in row.experts] == ["Cy"]
    # Bob is the second author, not the main one: Bob leaving alone loses nothing
    assert at_risk_files(histories, {"Bob Builder"}, [], {"a.py": 10}) == []


def test_a_file_without_added_lines_is_owned_by_its_commits() -> None:
    facts = FileHistory(
        "bin.py",
        revisions=3,
        authors={"Ann Example": AuthorShare(commits=2), "Cy": AuthorShare(commits=1)},
    )
    [row] = at_risk_files([facts], {"Ann Example"}, [], {"bin.py": 0})
    assert row.share == pytest.approx(2 / 3)
    assert row.experts == (Expert("Cy", pytest.approx(1 / 3)),)


def test_modules_share_of_source_lines_lost() -> None:
    histories = [_history("p/a.py", ann=10), _history("p/b.py", bob=10), _history("q/c.py", ann=1)]
    lines = {"p/a.py": 30, "p/b.py": 70, "q/c.py": 5}
    modules = {"p/a.py": "p", "p/b.py": "p", "q/c.py": "q"}
    files = at_risk_files(histories, {"Ann Example"}, [], lines)
    rows = at_risk_modules(files, lines, modules)
    assert [(row.module, row.share) for row in rows] == [("q", 1.0), ("p", pytest.approx(0.3))]
    p = rows[1]
    assert (p.files, p.total_files, p.lines, p.total_lines) == (1, 2, 30, 100)


def test_a_module_of_empty_files_counts_its_files() -> None:
    histories = [_history("p/__init__.py", ann=1), _history("p/x.py", bob=1)]
    lines = {"p/__init__.py": 0, "p/x.py": 0}
    files = at_risk_files(histories, {"Ann Example"}, [], lines)
    [row] = at_risk_modules(files, lines, dict.fromkeys(lines, "p"))
    assert row.share == 0.5
