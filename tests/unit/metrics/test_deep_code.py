"""Valid code whose syntax tree is deep (long operator chains) is measured, not refused."""

from __future__ import annotations

import sys

import pytest

from codehealth.core import FileMetrics
from codehealth.metrics import analyze_source


@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10 keeps its default recursion limit")
def test_a_chain_of_3000_additions_is_analysed() -> None:
    source = ("def total(a):\n    return " + " + ".join(["a"] * 3000) + "\n").encode()
    metrics = analyze_source(source, "chain.py")
    assert isinstance(metrics, FileMetrics)
    (function,) = metrics.functions
    # radon counts one operator and two operands per BinOp.
    assert function.halstead.operators == 2999
    assert function.halstead.operands == 2 * 2999
    assert sys.getrecursionlimit() < 20_000  # the raised limit does not leak out
