"""The review domain: the gate's per-change guidance, and the review habit measured over
the main line (``codehealth reviews``).

Pure core: ``habit`` (a past change's reasons), ``months`` (the habit per month); run step:
``habit_run`` (with ``habit_walk``); formats (``habit_formats``); the click ``command``."""

from codehealth.review.habit_formats import (
    reviews_summary as reviews_summary,
)
from codehealth.review.habit_run import (
    ReviewsOptions as ReviewsOptions,
)
from codehealth.review.habit_run import (
    run_reviews as run_reviews,
)
from codehealth.review.months import (
    ReviewsReport as ReviewsReport,
)

__all__ = [
    "ReviewsOptions",
    "ReviewsReport",
    "reviews_summary",
    "run_reviews",
]
