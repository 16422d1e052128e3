"""The review guidance in the gate's reports: text lines, markdown lines, the JSON "review"
object and the GitHub notice. Strings only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from codehealth.core import DESIGN, percent
from codehealth.render import md_code, md_text
from codehealth.review.model import MissingCochange, ReviewGuidance

_LEVEL_WORDS = {
    "lightweight": "lightweight (a sanity check)",
    "careful": "careful (read the parts the reasons name closely)",
    DESIGN: "design review (the change alters the design)",
}


def level_words(guidance: ReviewGuidance) -> str:
    return _LEVEL_WORDS.get(guidance.level.level, guidance.level.level)


def _failing(guidance: ReviewGuidance) -> str:
    return f" (fails: fail_at = {guidance.fail_at})" if guidance.fails else ""


def review_text_lines(guidance: ReviewGuidance | None) -> list[str]:
    """The "Review" block of the table report."""
    if guidance is None:
        return []
    lines = [f"Review: {level_words(guidance)}{_failing(guidance)}"]
    lines += [f"  because {r.kind}: {r.text}" for r in guidance.level.reasons]
    lines += [
        f"  hotspot {hot.path}: {hot.why}{_functions(hot.functions)}" for hot in guidance.hotspots
    ]
    lines += [
        f"  did you forget {row.path}? {cochange_words(row)}" for row in guidance.missing_cochanges
    ]
    if guidance.reviewers:
        lines.append(f"  suggested reviewers: {_reviewer_words(guidance)}")
    lines += [f"  note: {note}" for note in guidance.notes]
    return lines


def _reviewer_words(guidance: ReviewGuidance) -> str:
    return ", ".join(
        f"{r.name} ({percent(r.share)} of the hotspots' added lines)" for r in guidance.reviewers
    )


def review_markdown_lines(guidance: ReviewGuidance | None) -> list[str]:
    """The "Review" section of the step summary."""
    if guidance is None:
        return []
    lines = [
        "### Review",
        "",
        f"**Recommended review level: {md_text(level_words(guidance))}**"
        f"{md_text(_failing(guidance))}",
        "",
    ]
    lines += _listed([f"{md_text(r.kind)}: {md_text(r.text)}" for r in guidance.level.reasons])
    hotspots = [
        f"{md_code(hot.path)}: {md_text(hot.why)}{_functions(hot.functions, md_code)}"
        for hot in guidance.hotspots
    ]
    lines += ["**Hotspots touched:**", ""] if hotspots else []
    lines += _listed(hotspots)
    lines += _listed(
        [
            f"did you forget {md_code(row.path)}? {md_text(cochange_words(row))}"
            for row in guidance.missing_cochanges
        ]
    )
    if guidance.reviewers:
        lines += [f"**Suggested reviewers:** {md_text(_reviewer_words(guidance))}", ""]
    return lines + _listed([f"> {md_text(note)}" for note in guidance.notes], bullet="")


def _listed(items: list[str], bullet: str = "- ") -> list[str]:
    """A markdown list of ``items`` and a blank line (nothing without items)."""
    return [*(bullet + item for item in items), ""] if items else []


_SHOWN_FUNCTIONS = 8  # a hotspot's edited functions in the text and markdown (JSON: all)


def _functions(names: tuple[str, ...], code: Callable[[str], str] = str) -> str:
    """ "; changes f, g and 3 more" ("" without any)."""
    if not names:
        return ""
    shown = ", ".join(code(name) for name in names[:_SHOWN_FUNCTIONS])
    more = len(names) - _SHOWN_FUNCTIONS
    return f"; changes {shown}" + (f" and {more} more" if more > 0 else "")


def review_document(guidance: ReviewGuidance | None) -> dict[str, Any] | None:
    """The gate JSON's "review" object (null when the guidance was switched off)."""
    if guidance is None:
        return None
    return {
        "level": guidance.level.level,
        "fails": guidance.fails,
        "reasons": [{"kind": r.kind, "text": r.text} for r in guidance.level.reasons],
        "hotspots": [
            {"path": h.path, "rank": h.rank, "why": h.why, "functions": list(h.functions)}
            for h in guidance.hotspots
        ],
        "missing_cochanges": [
            {
                "path": row.path,
                "with": row.with_,
                "degree": round(row.degree, 3),
                "shared": row.shared,
                "example": row.example,
            }
            for row in guidance.missing_cochanges
        ],
        "reviewers": [
            {"name": r.name, "files": list(r.files), "share": round(r.share, 3)}
            for r in guidance.reviewers
        ],
        "notes": list(guidance.notes),
    }


def review_github_message(guidance: ReviewGuidance | None) -> str:
    """The text of the ``::notice`` line ("" without guidance); the caller escapes it."""
    if guidance is None:
        return ""
    first = guidance.level.reasons[0].text if guidance.level.reasons else "no reason for more"
    return f"recommended review level: {guidance.level.level} ({first}){_failing(guidance)}"


def cochange_words(row: MissingCochange) -> str:
    """``b.py changed with a.py in 7 of its 9 commits (78%), e.g. 1a2b3c4 'subject'`` (9:
    the commits of a.py in the window)."""
    example = row.example.split(" ", 1)
    instance = ""
    if example[0]:
        subject = f" '{example[1]}'" if len(example) > 1 else ""
        instance = f", e.g. {example[0]}{subject}"
    return (
        f"{row.path} changed with {row.with_} in {row.shared} of its {row.revisions} commits "
        f"({percent(row.degree)}){instance}"
    )
