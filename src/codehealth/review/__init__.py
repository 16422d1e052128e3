"""The review domain: the gate's per-change guidance (where a reviewer should look, and how
carefully), and the review habit measured over the main line (``codehealth reviews``).

Guidance: pure core ``model``, ``touched``, ``cochanges``, ``reviewers``, ``guidance``;
formats ``formats``; run step ``run`` with ``history_step``. Habit: pure core ``habit``
(a past change's reasons), ``months`` (the habit per month); run step ``habit_run`` (with
``habit_walk``); formats ``habit_formats``; the click ``command``. The habit's names and the
guidance's run steps (which read the history) are imported when first asked for: the gate
imports this package on every commit, also with --no-review."""

from typing import TYPE_CHECKING, Any

from codehealth.review.formats import (
    review_document as review_document,
)
from codehealth.review.formats import (
    review_github_message as review_github_message,
)
from codehealth.review.formats import (
    review_markdown_lines as review_markdown_lines,
)
from codehealth.review.formats import (
    review_text_lines as review_text_lines,
)
from codehealth.review.model import (
    ChangeFacts as ChangeFacts,
)
from codehealth.review.model import (
    FunctionRise as FunctionRise,
)
from codehealth.review.model import (
    MissingCochange as MissingCochange,
)
from codehealth.review.model import (
    Reviewer as Reviewer,
)
from codehealth.review.model import (
    ReviewGuidance as ReviewGuidance,
)
from codehealth.review.model import (
    TouchedHotspot as TouchedHotspot,
)

if TYPE_CHECKING:
    from codehealth.review.habit_formats import (
        reviews_summary as reviews_summary,
    )
    from codehealth.review.habit_run import (
        ReviewsOptions as ReviewsOptions,
    )
    from codehealth.review.habit_run import (
        run_reviews as run_reviews,
    )
    from codehealth.review.history_step import (
        review_history as review_history,
    )
    from codehealth.review.months import (
        ReviewsReport as ReviewsReport,
    )
    from codehealth.review.run import (
        guidance_of as guidance_of,
    )
    from codehealth.review.run import (
        run_review as run_review,
    )

_HABIT = {
    "run_review": "run",
    "guidance_of": "run",
    "review_history": "history_step",
    "reviews_summary": "habit_formats",
    "ReviewsOptions": "habit_run",
    "run_reviews": "habit_run",
    "ReviewsReport": "months",
}


def __getattr__(name: str) -> Any:
    module = _HABIT.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"codehealth.review.{module}"), name)


__all__ = [
    "ChangeFacts",
    "FunctionRise",
    "MissingCochange",
    "ReviewGuidance",
    "Reviewer",
    "ReviewsOptions",
    "ReviewsReport",
    "TouchedHotspot",
    "guidance_of",
    "review_document",
    "review_github_message",
    "review_history",
    "review_markdown_lines",
    "review_text_lines",
    "reviews_summary",
    "run_review",
    "run_reviews",
]
