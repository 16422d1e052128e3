"""The cache codec: what it writes it reads back; anything else is refused, never trusted."""

from __future__ import annotations

import json

import pytest

from codehealth.adapters.cache import decode, encode
from codehealth.core import FileMetrics
from codehealth.metrics import analyze_source

SOURCE = b'''
def f(a, b=1):
    """Doc."""
    if a and b:
        return [x for x in a if x]
    return a + b


class C:
    def m(self):
        return 1
'''


def _measured() -> FileMetrics:
    metrics = analyze_source(SOURCE, "m.py")
    assert isinstance(metrics, FileMetrics)
    return metrics


def test_round_trip_gives_equal_metrics() -> None:
    metrics = _measured()
    assert decode("m.py", encode(metrics)) == metrics


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc[5][0].__setitem__(6, "3"),  # cyclomatic as a string
        lambda doc: doc[5][0].__setitem__(4, 1),  # is_method as an int
        lambda doc: doc[5].__setitem__(0, {"name": "f"}),  # a dict row
        lambda doc: doc[5][0].pop(),  # a short row
        lambda doc: doc[0].__setitem__(0, None),  # a line count as null
        lambda doc: doc.__setitem__(3, "high"),  # maintainability as text
        lambda doc: doc[6].__setitem__(0, ["C"]),  # a class row cut short
        lambda doc: doc[4].__setitem__(4, "v"),  # Halstead volume as text
    ],
)
def test_entries_of_the_right_shape_but_wrong_types_are_refused(damage) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(encode(_measured()))
    damage(document)
    with pytest.raises((ValueError, TypeError, KeyError, IndexError)):
        decode("m.py", json.dumps(document))
