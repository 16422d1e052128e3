"""The gate's design-review flag on constructed interfaces: the message shows each changed
signature before and after, a class by its name."""

from __future__ import annotations

from codehealth.core import ChangedFile, Settings
from codehealth.gate.interface import interface_of
from codehealth.gate.snapshot import FileState, Snapshot
from codehealth.gate.verdict import compare

INIT = "shop/billing/__init__.py"


def _message(before: str, after: str) -> str:
    old, new = interface_of(before.encode()), interface_of(after.encode())
    assert old is not None and new is not None
    report = compare(
        Snapshot("base", {INIT: FileState(INIT)}, {INIT: old}),
        Snapshot("head", {INIT: FileState(INIT)}, {INIT: new}),
        [ChangedFile("M", INIT, INIT)],
        Settings(root="."),
    )
    (problem,) = [p for p in report.problems if p.finding.rule == "CH505"]
    return problem.finding.message


def test_a_changed_function_signature_shows_both() -> None:
    message = _message(
        "def charge(amount):\n    pass\n", "def charge(amount, currency):\n    pass\n"
    )
    assert "charge(amount) → charge(amount, currency)" in message


def test_a_changed_class_reads_as_a_class() -> None:
    before = "class Client:\n    def __init__(self, key):\n        pass\n"
    after = "class Client:\n    def __init__(self, key, timeout=5):\n        pass\n"
    message = _message(before, after)
    assert "class Client(self, key) → class Client(self, key, timeout=5)" in message
    assert "Clientclass" not in message
