"""The pure parts of ``codehealth init``'s warnings: the lower bound of ``requires-python``
and when it is newer than the running Python."""

from __future__ import annotations

import pytest

from codehealth.app.init_checks import lower_bound, python_too_new
from codehealth.model import NotAnalysed


@pytest.mark.parametrize(
    ("specifier", "bound"),
    [
        (">=3.10", (3, 10)),
        (" >= 3.11.4 , <4", (3, 11, 4)),
        ("~=3.12", (3, 12)),
        ("==3.13.*", (3, 13)),
        (">3.9,>=3.10", (3, 10)),
        ("<4", None),
        ("", None),
        ("!=3.10.1", None),
    ],
)
def test_lower_bound(specifier, bound):
    assert lower_bound(specifier) == bound


def test_python_too_new_only_when_the_bound_is_above_the_running_python():
    syntax = NotAnalysed("new.py", "syntax error at line 2: invalid syntax (...)")
    undecodable = NotAnalysed("bytes.py", "the file cannot be decoded: ...")
    assert python_too_new(">=3.10", [syntax], running=(3, 11, 7)) is None
    assert python_too_new(">=3.11.7", [syntax], running=(3, 11, 7)) is None
    assert python_too_new("<4", [syntax], running=(3, 11, 7)) is None
    warning = python_too_new(">=3.12", [syntax, undecodable], running=(3, 11, 7))
    assert warning is not None
    assert "Python 3.11.7: 1 file(s) did not parse and are not analysed: new.py;" in warning
    assert "Python >= 3.12" in warning and "bytes.py" not in warning
    none_failed = python_too_new(">=3.11.8", [], running=(3, 11, 7))
    assert none_failed is not None and "files that use newer syntax will not parse" in none_failed
    many = [NotAnalysed(f"f{i}.py", "syntax error at line 1: x") for i in range(7)]
    assert "f4.py and 2 more;" in (python_too_new(">=3.99", many, running=(3, 11)) or "")
