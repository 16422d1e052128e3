"""The review guidance as the gate's reports show it, from constructed guidance."""

from __future__ import annotations

from codehealth.core import CAREFUL, COCHANGE, HOTSPOT, ReviewLevel, ReviewReason
from codehealth.review import (
    MissingCochange,
    Reviewer,
    ReviewGuidance,
    TouchedHotspot,
    review_document,
    review_github_message,
    review_markdown_lines,
    review_text_lines,
)

GUIDANCE = ReviewGuidance(
    ReviewLevel(
        CAREFUL,
        (
            ReviewReason(HOTSPOT, "touches hotspot #2 shop/orders.py"),
            ReviewReason(COCHANGE, "shop/fees.py usually changes with shop/orders.py"),
        ),
    ),
    hotspots=(
        TouchedHotspot("shop/orders.py", 2, "#2 by commits", tuple(f"f{i}" for i in range(10))),
    ),
    missing_cochanges=(
        MissingCochange("shop/fees.py", "shop/orders.py", 7 / 9, 7, 9, "1a2b3c4 Fix *fee*"),
    ),
    reviewers=(Reviewer("Ann Example", ("shop/orders.py",), 0.6),),
    notes=("a note",),
)


def test_the_json_object_is_the_contract():
    assert review_document(None) is None
    document = review_document(GUIDANCE)
    assert document == {
        "level": "careful",
        "fails": False,
        "reasons": [
            {"kind": "hotspot", "text": "touches hotspot #2 shop/orders.py"},
            {"kind": "co-change", "text": "shop/fees.py usually changes with shop/orders.py"},
        ],
        "hotspots": [
            {
                "path": "shop/orders.py",
                "rank": 2,
                "why": "#2 by commits",
                "functions": [f"f{i}" for i in range(10)],
            }
        ],
        "missing_cochanges": [
            {
                "path": "shop/fees.py",
                "with": "shop/orders.py",
                "degree": 0.778,
                "shared": 7,
                "example": "1a2b3c4 Fix *fee*",
            }
        ],
        "reviewers": [{"name": "Ann Example", "files": ["shop/orders.py"], "share": 0.6}],
        "notes": ["a note"],
    }


def test_text_and_markdown_name_the_forgotten_file_and_cut_long_function_lists():
    text = "\n".join(review_text_lines(GUIDANCE))
    assert text.startswith("Review: careful")
    assert "did you forget shop/fees.py? shop/fees.py changed with shop/orders.py in 7 of" in text
    assert "changes f0, f1, f2, f3, f4, f5, f6, f7 and 2 more" in text
    assert "suggested reviewers: Ann Example (60% of the hotspots' added lines)" in text
    markdown = "\n".join(review_markdown_lines(GUIDANCE))
    assert "### Review" in markdown and "did you forget `shop/fees.py`?" in markdown
    assert "Fix \\*fee\\*" in markdown  # the subject is text, not emphasis
    assert review_markdown_lines(None) == [] and review_text_lines(None) == []


def test_the_github_notice_names_the_level_and_its_first_reason():
    assert review_github_message(GUIDANCE) == (
        "recommended review level: careful (touches hotspot #2 shop/orders.py)"
    )
    assert review_github_message(None) == ""
