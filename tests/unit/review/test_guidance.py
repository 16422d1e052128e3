"""The review guidance's pure cores on hand-made commits and change facts."""

from __future__ import annotations

from dataclasses import replace

from codehealth.core import (
    CAREFUL,
    DESIGN,
    LIGHTWEIGHT,
    Change,
    ChangedFile,
    Commit,
    ReviewSettings,
    Settings,
)
from codehealth.history import file_histories
from codehealth.review.cochanges import missing_cochanges
from codehealth.review.guidance import (
    HistoryParts,
    ReviewHistory,
    history_parts,
    review_guidance,
)
from codehealth.review.model import ChangeFacts, FunctionRise, MissingCochange
from codehealth.review.reviewers import suggested_reviewers
from codehealth.review.touched import touched_hotspots

NOW = 1_700_000_000
DAY = 86400
SETTINGS = ReviewSettings(cochange_min_shared=3)  # the hand-made log is short


def commit(sha: str, author: str, days_ago: float, *paths: str, added: int = 5) -> Commit:
    changes = tuple(Change(path, added, 0) for path in paths)
    return Commit(sha, author, f"{author.lower()}@x", int(NOW - days_ago * DAY), changes)


def modified(*paths: str) -> ChangeFacts:
    return ChangeFacts(tuple(ChangedFile("M", path, path) for path in paths))


# newest first: a.py and b.py change together 4 times out of a.py's 5, c.py twice alone
LOG = [
    commit("e5", "Ann", 1, "a.py", "b.py"),
    commit("d4", "Bob", 2, "a.py", "b.py", "tests/test_a.py"),
    commit("c3", "Ann", 3, "a.py"),
    commit("b2", "Ann", 4, "a.py", "b.py", "c.py"),
    commit("a1", "Ann", 5, "a.py", "b.py", "c.py"),
]
ALIVE = frozenset({"a.py", "b.py", "c.py"})  # tests are not named (the caller leaves them out)


def test_a_file_that_changes_with_the_touched_one_is_a_missing_cochange():
    rows = missing_cochanges(LOG, modified("a.py"), ALIVE, SETTINGS, huge_commit=30)
    assert [row.path for row in rows] == ["b.py"]
    b = rows[0]
    assert b.with_ == "a.py"
    assert (b.shared, b.revisions) == (4, 5)
    assert b.degree == 4 / 5  # in 4 of a.py's 5 commits
    assert b.example == "e5"  # the newest commit holding both


def test_below_the_thresholds_nothing_is_missing():
    # c.py shares 2 commits with a.py (fewer than cochange_min_shared = 3)
    rows = missing_cochanges(LOG, modified("a.py", "b.py"), ALIVE, SETTINGS, huge_commit=30)
    assert rows == []
    strict = ReviewSettings(cochange_min_degree=0.95)
    assert missing_cochanges(LOG, modified("a.py"), ALIVE, strict, huge_commit=30) == []


def test_huge_commits_deleted_files_tests_and_inits_are_no_cochanges():
    filler = [f"f{i}.py" for i in range(30)]
    log = [commit(f"h{i}", "Ann", i + 1, "a.py", "d.py", *filler) for i in range(4)]
    log += [
        commit(f"t{i}", "Ann", i + 10, "a.py", "tests/test_a.py", "pkg/__init__.py", "gone.py")
        for i in range(4)
    ]
    alive = frozenset({"a.py", "d.py", "pkg/__init__.py", *filler})  # gone.py deleted, no tests
    assert missing_cochanges(log, modified("a.py"), alive, SETTINGS, huge_commit=30) == []
    # the same pairs without the cut: d.py is found, so the cut is what hid it
    wide = ReviewSettings(cochange_min_shared=3, cochange_max_files=40)
    assert missing_cochanges(log, modified("a.py"), alive, wide, huge_commit=30) == []
    found = missing_cochanges(log, modified("a.py"), alive, wide, huge_commit=40)
    assert "d.py" in {row.path for row in found}


def test_broad_commits_are_no_evidence():
    # a.py and e.py change together in 3 commits of 11 files each (above cochange_max_files)
    filler = [f"g{i}.py" for i in range(9)]
    log = [commit(f"b{i}", "Ann", i + 1, "a.py", "e.py", *filler) for i in range(3)]
    alive = frozenset({"a.py", "e.py", *filler})
    assert missing_cochanges(log, modified("a.py"), alive, SETTINGS, huge_commit=30) == []
    wide = ReviewSettings(cochange_min_shared=3, cochange_max_files=11)
    assert "e.py" in {r.path for r in missing_cochanges(log, modified("a.py"), alive, wide, 30)}


def test_a_hot_file_is_not_told_about_a_helper_that_changed_with_it_rarely():
    # h.py changed 7 times, k.py 3 times, always with h.py: coupled (3 of 5 on average)
    log = [commit(f"c{i}", "Ann", i + 1, "h.py", *(["k.py"] if i < 3 else [])) for i in range(7)]
    alive = frozenset({"h.py", "k.py"})
    assert missing_cochanges(log, modified("h.py"), alive, SETTINGS, huge_commit=30) == []
    [row] = missing_cochanges(log, modified("k.py"), alive, SETTINGS, huge_commit=30)
    assert (row.path, row.with_, row.degree, row.shared, row.revisions) == (
        "h.py",
        "k.py",
        1.0,
        3,
        3,
    )


def test_a_renamed_file_is_looked_up_by_its_name_at_the_base():
    facts = ChangeFacts((ChangedFile("R", "a.py", "z.py"),))
    rows = missing_cochanges(LOG, facts, ALIVE, SETTINGS, huge_commit=30)
    assert [(row.path, row.with_) for row in rows] == [("b.py", "z.py")]


def test_hotspots_are_the_top_files_by_commits_in_the_window():
    histories = file_histories(LOG, NOW - 30 * DAY, NOW)
    facts = ChangeFacts(
        (ChangedFile("M", "c.py", "c.py"), ChangedFile("D", "a.py", "")),
        functions=(("c.py", ("f", "C.m")),),
        complexity=(("c.py", 7),),
    )
    found = touched_hotspots(histories, facts, ALIVE, top=2, window="1.month")
    assert [(hot.path, hot.rank) for hot in found] == [("a.py", 1)]
    assert "deleted by this change" in found[0].why
    assert "changed in 5 commits by 2 authors" in found[0].why
    # with room for three, c.py (2 commits) is still below MIN_REVISIONS
    assert [h.path for h in touched_hotspots(histories, facts, ALIVE, 3, "1.month")] == ["a.py"]
    many = [*LOG, commit("f6", "Ann", 0.5, "c.py")]
    found = touched_hotspots(file_histories(many, None, NOW), facts, ALIVE, 3, "all")
    assert [(h.path, h.rank, h.functions) for h in found] == [
        ("a.py", 1, ()),
        ("c.py", 3, ("f", "C.m")),
    ]
    assert "cognitive complexity 7" in found[1].why


def test_reviewers_by_added_lines_without_the_change_author():
    log = [
        commit("3", "Ann", 1, "a.py", added=60),
        commit("2", "Bob", 2, "a.py", added=30),
        commit("1", "Cid", 3, "a.py", "b.py", added=10),
    ]
    histories = file_histories(log, None, NOW)
    files = [("a.py", "a.py")]
    found = suggested_reviewers(histories, files, exclude={"Bob"}, limit=2)
    assert [(r.name, round(r.share, 2)) for r in found] == [("Ann", 0.6), ("Cid", 0.1)]
    assert found[0].files == ("a.py",)
    assert [r.name for r in suggested_reviewers(histories, files, set(), 1)] == ["Ann"]


def _history(log: list[Commit]) -> ReviewHistory:
    return ReviewHistory(tuple(log), ALIVE, frozenset(), "1.month", NOW - 30 * DAY, NOW)


def test_levels_from_the_reasons():
    settings = Settings("/r", review=SETTINGS)
    plain = review_guidance(modified("c.py"), HistoryParts(), settings)
    assert plain.level.level == LIGHTWEIGHT and not plain.level.reasons
    edit = replace(modified("a.py"), lines=(("a.py", 20),))
    careful = review_guidance(edit, history_parts(edit, _history(LOG), settings), settings)
    assert careful.level.level == CAREFUL
    kinds = [r.kind for r in careful.level.reasons]
    assert kinds == ["hotspot", "co-change"]
    assert careful.level.reasons[0].text == "changes 20 lines of hotspot #1 a.py"
    typo = replace(modified("a.py"), lines=(("a.py", 2),))
    touched = review_guidance(typo, history_parts(typo, _history(LOG), settings), settings)
    assert [hot.path for hot in touched.hotspots] == ["a.py"]  # still shown
    assert [r.kind for r in touched.level.reasons] == ["co-change"]  # but no reason
    rise = ChangeFacts(
        (ChangedFile("M", "c.py", "c.py"),),
        rises=(FunctionRise("c.py", "f", "cognitive complexity", 3, 9),),
    )
    assert review_guidance(rise, HistoryParts(), settings).level.level == CAREFUL
    for facts in (
        ChangeFacts((ChangedFile("A", "", "pkg/__init__.py"),)),
        ChangeFacts(modified("c.py").changes, api=("public API of pkg changed",)),
        ChangeFacts(modified("c.py").changes, dependencies=("c.py:1 cycle a -> c",)),
        ChangeFacts(modified("c.py").changes, size="a large change"),
    ):
        assert review_guidance(facts, HistoryParts(), settings).level.level == DESIGN, facts
    assert review_guidance(rise, HistoryParts(), settings).level.reasons[0].text == (
        "c.py: f cognitive complexity rose 3 → 9"
    )


def test_fail_at_and_configured_levels():
    facts = ChangeFacts(modified("c.py").changes, api=("public API changed",))
    fails = Settings("/r", review=ReviewSettings(fail_at=DESIGN))
    assert review_guidance(facts, HistoryParts(), fails).fails
    assert not review_guidance(modified("c.py"), HistoryParts(), fails).fails
    assert not review_guidance(facts, HistoryParts(), Settings("/r")).fails
    relaxed = ReviewSettings(levels=(("api", LIGHTWEIGHT),), fail_at=CAREFUL)
    guidance = review_guidance(facts, HistoryParts(), Settings("/r", review=relaxed))
    assert guidance.level.level == LIGHTWEIGHT and not guidance.fails
    assert guidance.level.reasons[0].kind == "api"  # still shown


def test_cochange_words_show_the_difference():
    from codehealth.review.formats import cochange_words

    row = MissingCochange("shop/fees.py", "shop/orders.py", 7 / 9, 7, 9, "1a2b3c4 Fix fee rounding")
    assert cochange_words(row) == (
        "shop/fees.py changed with shop/orders.py in 7 of its 9 commits (78%), "
        "e.g. 1a2b3c4 'Fix fee rounding'"
    )


def test_a_new_complex_function_is_a_complexity_reason():
    """The gate fails a new function over a threshold (a new CH101): its review is careful."""
    from codehealth.core import FunctionMetrics, Halstead, Thresholds
    from codehealth.core.function_rises import new_over_limits

    def fn(name: str, cyclomatic: int) -> FunctionMetrics:
        halstead = Halstead(0, 0, 0, 0, 0.0, 0.0, 0.0)
        return FunctionMetrics(name, name, 1, 9, False, False, cyclomatic, 0, 0, 1, 1, 1, halstead)

    before, after = [fn("kept", 12)], [fn("kept", 12), fn("added", 16), fn("small", 3)]
    words = list(new_over_limits(before, after, Thresholds()))
    assert words == ["new added: cyclomatic complexity 16 > 10"]  # kept: not new, not risen
    facts = replace(modified("c.py"), new_complex=(f"c.py: {words[0]}",))
    level = review_guidance(facts, HistoryParts(), Settings("/r")).level
    assert level.level == CAREFUL
    assert [r.text for r in level.reasons] == ["c.py: new added: cyclomatic complexity 16 > 10"]
