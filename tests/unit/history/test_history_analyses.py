"""The pure history analyses on hand-made commit records."""

from __future__ import annotations

import math

import pytest

from codehealth.core import Change, Commit
from codehealth.history import (
    FileHistory,
    Hunk,
    PathFilter,
    author_emails,
    change_coupling,
    changed_scopes,
    file_histories,
    file_ownership,
    follow_renames,
    rename_map,
    select_commits,
    window_start,
)
from codehealth.history.files import AuthorShare
from codehealth.history.select import is_bot
from codehealth.history.truck import degree_of_authorship, file_authors, truck_factor
from codehealth.hotspots.ranking import hotspot_cut

NOW = 1_700_000_000


def commit(sha: str, author: str, days_ago: float, *changes: Change) -> Commit:
    return Commit(sha, author, f"{author}@x", int(NOW - days_ago * 86400), changes)


def test_renamed_twice_is_one_file_under_its_name_today():
    log = [  # newest first
        commit("4", "a", 1, Change("c.py", 1, 0)),
        commit("3", "a", 2, Change("c.py", 0, 0, "b.py")),
        commit("2", "a", 3, Change("b.py", 2, 1)),
        commit("1", "a", 4, Change("b.py", 0, 0, "a.py")),
        commit("0", "a", 5, Change("a.py", 5, 0)),
    ]
    followed = list(follow_renames(log))
    assert {c.path for commit_ in followed for c in commit_.changes} == {"c.py"}
    assert rename_map(log) == {"b.py": "c.py", "a.py": "c.py"}
    assert file_histories(followed, None, NOW)["c.py"].revisions == 5


def test_a_name_reused_after_a_rename_stays_a_different_file():
    log = [
        commit("3", "a", 1, Change("a.py", 3, 0)),  # a new a.py
        commit("2", "a", 2, Change("b.py", 0, 0, "a.py")),  # the old a.py became b.py
        commit("1", "a", 3, Change("a.py", 5, 0)),
    ]
    histories = file_histories(list(follow_renames(log)), None, NOW)
    assert histories["a.py"].revisions == 1
    assert histories["b.py"].revisions == 2


def test_bot_patterns_are_literal_except_wildcards():
    assert is_bot("dependabot[bot]", "x@y", ["*[bot]*"])
    assert not is_bot("Bob Builder", "bob@example.com", ["*[bot]*"])  # not a character set
    assert is_bot("renovate", "r@x", ["renovate*"])


def test_select_drops_bots_excluded_files_and_emptied_commits():
    keep = PathFilter(["*.py"], ["CHANGELOG*", "build"])
    log = [
        commit("3", "dependabot[bot]", 1, Change("a.py", 1, 1)),
        commit("2", "ann", 2, Change("CHANGELOG.md", 1, 0), Change("build/x.py", 1, 0)),
        commit("1", "ann", 3, Change("a.py", 1, 0), Change("CHANGELOG.md", 1, 0)),
    ]
    kept = select_commits(log, keep, ["*[bot]*"])
    assert [c.sha for c in kept] == ["1"]
    assert [c.path for c in kept[0].changes] == ["a.py"]


def test_a_folder_path_excludes_what_it_holds_as_the_scan_does():
    from codehealth.adapters.files import is_excluded

    patterns = ["tests/resources", "docs/*.py"]
    keep = PathFilter(["*.py"], patterns)
    for path in ("tests/resources/shop/a.py", "tests/resources.py", "docs/x.py", "src/a.py"):
        assert keep(path) is not is_excluded(path, patterns), path
    assert not keep("tests/resources/shop/a.py") and keep("src/tests/resources_x.py")


def test_coupling_degree_thresholds_and_huge_commits():
    together = [commit(str(i), "a", i, Change("a.py"), Change("b.py")) for i in range(5)]
    alone = [commit(f"x{i}", "a", 10 + i, Change("a.py")) for i in range(5)]
    huge = [commit("h", "a", 30, *(Change(f"f{i}.py") for i in range(31)), Change("a.py"))]
    (pair,) = change_coupling(together + alone + huge)
    assert (pair.first, pair.second, pair.shared) == ("a.py", "b.py", 5)
    assert pair.average_revisions == 7.5  # a: 10, b: 5; the huge commit is left out
    assert pair.degree == pytest.approx(5 / 7.5)
    assert change_coupling(together + alone, min_degree=0.7) == []
    assert change_coupling(together[:4]) == []  # fewer than 5 shared revisions


def test_ownership_by_added_lines_and_fragmentation():
    facts = FileHistory("a.py", revisions=3)
    facts.authors = {"ann": AuthorShare(2, 30, 0), "bob": AuthorShare(1, 10, 0)}
    owner = file_ownership(facts)
    assert owner.main_developer == "ann" and owner.share == 0.75
    assert owner.fragmentation == pytest.approx(1 - (0.75**2 + 0.25**2))
    assert owner.experts == ("ann", "bob")


def test_degree_of_authorship_formula():
    assert degree_of_authorship(True, 3, 2) == pytest.approx(
        3.293 + 1.098 + 0.164 * 3 - 0.321 * math.log(3)
    )


def test_authors_of_a_file():
    facts = FileHistory("a.py", revisions=12, creator="ann")
    facts.authors = {"ann": AuthorShare(1), "bob": AuthorShare(10), "cy": AuthorShare(1)}
    # bob: 3.293 + 1.64 - 0.321 ln 3 = 4.58; ann (created it): 4.555 - 0.321 ln 12 = 3.76
    # (0.82 of bob's: an author); cy: 3.457 - 0.321 ln 12 = 2.66 (0.58: not an author)
    assert file_authors(facts) == frozenset({"ann", "bob"})
    facts.authors["bob"] = AuthorShare(20)
    facts.revisions = 22  # ann now 3.56 against bob's 6.22: no longer an author
    assert file_authors(facts) == frozenset({"bob"})


def test_truck_factor_removes_top_authors_until_half_the_files_are_orphans():
    authorship = {
        "a": frozenset({"ann"}),
        "b": frozenset({"ann"}),
        "c": frozenset({"ann", "bob"}),
        "d": frozenset({"bob"}),
        "e": frozenset({"cy"}),
    }
    result = truck_factor("repo", authorship)
    # without ann: c, d, e covered (3/5 >= 50 %); without bob too: e only (1/5)
    assert result.factor == 2 and result.people == ("ann", "bob")
    assert truck_factor("repo", {}).factor == 0


def test_function_changes_follow_lines_moved_by_later_commits():
    scopes = {"top": (1, 5), "bottom": (10, 20)}
    history = [  # newest first
        [Hunk(1, 0, 2, 3)],  # 3 lines inserted at the top: bottom moved down by 3 (now 10-20)
        [Hunk(9, 1, 9, 1)],  # older: line 9 of that version is line 12 today: bottom
        [Hunk(2, 1, 2, 1)],  # older still: line 2 -> top
    ]
    assert changed_scopes(history, scopes) == {"top": 2, "bottom": 1}


def test_the_hotspot_set_is_cut_at_the_largest_drop():
    assert hotspot_cut([100, 90, 30, 25, 20]) == 2
    assert hotspot_cut([100, 0, 0]) == 1
    assert hotspot_cut([]) == 0


def test_window_forms():
    assert window_start("12.months", NOW) == pytest.approx(NOW - 12 * 2629746)
    assert window_start("6 weeks", NOW) == NOW - 42 * 86400
    assert window_start("all", NOW) is None
    assert window_start("2024-01-31", NOW) == 1706659200
    with pytest.raises(ValueError, match=r"12\.months"):
        window_start("soon", NOW)


def test_author_emails_groups_each_name_s_emails() -> None:
    commits = [
        Commit("a", "Bob Builder", "bob@home.example", 2, (Change("x.py", 1, 0),)),
        Commit("b", "Bob Builder", "bob@example.com", 1, (Change("x.py", 1, 0),)),
        Commit("c", "Ann Example", "ann@example.com", 1, ()),
    ]
    assert author_emails(commits) == {
        "Bob Builder": ("bob@example.com", "bob@home.example"),
        "Ann Example": ("ann@example.com",),
    }
