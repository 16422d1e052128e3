"""Hypothesis profiles for the fuzz tests (tests/unit/metrics/test_metrics_fuzz.py).

``ci`` (the default) keeps the whole fuzz file under about 30 s on 2 cores; ``long`` is the
10,000-program run (``HYPOTHESIS_PROFILE=long``, or ``python bench/fuzz_long.py``, which
records its result). Examples are not stored: a failure prints the program (and the seed to
replay it with ``--hypothesis-seed``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci", max_examples=100, deadline=None, database=None, suppress_health_check=_QUIET
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")),
    deadline=None,
    database=None,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
