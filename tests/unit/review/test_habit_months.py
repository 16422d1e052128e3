"""The review habit per month (review.months), on constructed changes."""

from __future__ import annotations

from codehealth.core import API, CAREFUL, DESIGN, HOTSPOT, LIGHTWEIGHT, SIZE, ReviewReason
from codehealth.review.habit_formats import render_reviews, render_reviews_markdown
from codehealth.review.months import (
    ReviewedChange,
    month_of,
    month_rows,
    packages_by_api_changes,
    reviews_report,
    versus,
)

_HOT = ReviewReason(HOTSPOT, "touches hotspot #1 a.py")


def _change(
    sha: str, month: str, level: str, *reasons: ReviewReason, api: tuple[str, ...] = ()
) -> ReviewedChange:
    return ReviewedChange(sha, month, "Ann", False, level, reasons, 1, 10, api)


def _api(package: str) -> ReviewReason:
    return ReviewReason(API, f"public API of {package} changed (added x)")


CHANGES = [  # newest first, as the main line lists them
    _change("f", "2025-03", DESIGN, _api("shop.billing"), api=("shop.billing",)),
    _change("e", "2025-03", LIGHTWEIGHT),
    _change("d", "2025-02", CAREFUL, _HOT),
    _change("c", "2025-02", DESIGN, _api("shop"), _HOT, api=("shop", "shop.billing")),
    _change("b", "2025-02", DESIGN, ReviewReason(SIZE, "a large change")),
    _change("a", "2025-02", LIGHTWEIGHT),
]


def test_months_count_levels_hotspots_and_api_changes_oldest_first() -> None:
    rows = month_rows(CHANGES, 0.10)
    assert [row.month for row in rows] == ["2025-02", "2025-03"]
    february, march = rows
    assert (february.changes, february.lightweight, february.careful, february.design) == (
        4,
        1,
        1,
        2,
    )
    assert february.design_share == 0.5 and february.vs_target == "above"
    assert february.hotspot_changes == 2 and february.api_changes == 1
    assert february.top_api_package in ("shop", "shop.billing")
    assert february.top_api_package == "shop"  # a tie goes by name
    assert (march.changes, march.design, march.top_api_package) == (2, 1, "shop.billing")


def test_the_share_is_compared_with_the_target_in_whole_percent() -> None:
    assert versus(0.10, 0.10) == "on"
    assert versus(0.104, 0.10) == "on"
    assert versus(0.11, 0.10) == "above"
    assert versus(0.0, 0.10) == "below"
    assert versus(0.0, 0.0) == "on"


def test_packages_are_ranked_by_the_changes_that_changed_their_api() -> None:
    rows = packages_by_api_changes(CHANGES)
    assert [(row.package, row.changes) for row in rows] == [("shop.billing", 2), ("shop", 1)]
    assert rows[0].months == ("2025-02", "2025-03")
    assert rows[0].latest == "f"  # the newest change


def test_the_report_totals_the_window() -> None:
    report = reviews_report(CHANGES, "12.months", 0.25, ["a note"])
    assert (report.changes, report.lightweight, report.careful, report.design) == (6, 2, 1, 3)
    assert report.design_share == 0.5 and report.vs_target == "above"
    assert report.merges == 0 and report.notes == ("a note",)
    empty = reviews_report([], "12.months", 0.10)
    assert empty.changes == 0 and empty.design_share == 0.0 and empty.months == ()


def test_a_month_is_the_utc_month_of_the_commit_time() -> None:
    assert month_of(1735689599) == "2024-12"  # 2024-12-31 23:59:59 UTC
    assert month_of(1735689600) == "2025-01"


def test_the_formats_show_the_months_and_escape_names() -> None:
    odd = _change("g", "2025-04", DESIGN, _api("a|b"), api=("a|b",))
    report = reviews_report([odd, *CHANGES], "12.months", 0.10)
    table = render_reviews(report, 10, None)  # plain text, as in a pipe
    assert "2025-02" in table and "50%!" in table  # above the target: marked
    markdown = render_reviews_markdown(report)
    row = next(line for line in markdown.splitlines() if line.startswith("| 2025-04"))
    assert row.endswith("| `a\\|b` |")  # a pipe cannot end the cell
    assert "| 2025-02 | 4 | 1 | 1 | 2 | 50% | above | 2 | 1 | `shop` |" in markdown
