"""The diff mapping the gate's duplication step uses to carry a base copy onto the head."""

from __future__ import annotations

from codehealth.core import DuplicationSettings
from codehealth.duplication import file_fingerprints
from codehealth.gate.copies import file_diff, new_copies

BASE = b"".join(b"line %d\n" % n for n in range(1, 11))


def test_an_added_file_is_all_added_and_maps_nothing() -> None:
    diff = file_diff(None, BASE)
    assert diff.added == frozenset(range(1, 11))


def test_base_lines_map_through_insertions_and_replacements() -> None:
    head = BASE.replace(b"line 3\n", b"new a\nnew b\nline 3\n").replace(b"line 7\n", b"seven\n")
    diff = file_diff(BASE, head)
    assert diff.added == {3, 4, 9}
    assert diff.to_head(1, 2) == {1, 2}
    assert diff.to_head(3, 6) == {5, 6, 7, 8}  # shifted by the two inserted lines
    assert diff.to_head(6, 8) == {8, 9, 10}  # the replaced line 7 is covered
    assert diff.to_head(2, 3) == {2, 5}  # the lines inserted between them are not


NET_TOTAL = b"""def net_total(orders, currency):
    total = 0
    skipped = []
    for order in orders:
        if order.cancelled or order.currency != currency:
            skipped.append(order.id)
            continue
        total += order.amount * (1 - order.discount)
    if skipped:
        print("skipped %d orders" % len(skipped))
    return round(total, 2), skipped
"""
AUDIT = b"""def audit(entries, limit):
    seen = {}
    for entry in entries:
        key = (entry.account, entry.day)
        if key in seen and seen[key] > limit:
            raise ValueError("over the limit: %s" % (key,))
        seen[key] = seen.get(key, 0) + entry.amount
    return sorted(seen.items(), key=lambda item: item[1])
"""


def _prints(source: bytes) -> tuple[int, ...]:
    printed = file_fingerprints(source)
    assert not isinstance(printed, str)
    return printed


def test_the_untouched_files_rows_of_the_touched_hashes_find_the_same_copies() -> None:
    """The duplication step reads from the index only the untouched files' fingerprints whose
    hash is a touched file's (at either side): the same new copies as all of them."""
    copy = NET_TOTAL.replace(b"net_total", b"invoice_total").replace(b"orders", b"invoices")
    before = {"shop/orders.py": b"def ship(order):\n    return order.id\n\n\n" + AUDIT}
    after = {"shop/orders.py": before["shop/orders.py"] + b"\n\n" + copy, "shop/new.py": AUDIT}
    head = {path: _prints(content) for path, content in after.items()}
    base = {path: _prints(content) for path, content in before.items()}
    others = {
        "shop/fees.py": _prints(NET_TOTAL + b"\n\ndef fee(x):\n    return x * 2\n"),
        "shop/ledger.py": _prints(b"import os\n\n\n" + AUDIT.replace(b"limit", b"cap")),
        "shop/misc.py": _prints(b"def misc(a, b):\n    return [a, b, a * b]\n" * 3),
    }
    hashes = {
        rows[at] for rows in (*head.values(), *base.values()) for at in range(0, len(rows), 4)
    }
    limited = {
        path: tuple(
            v for at in range(0, len(rows), 4) if rows[at] in hashes for v in rows[at : at + 4]
        )
        for path, rows in others.items()
    }
    limited = {path: rows for path, rows in limited.items() if rows}
    assert limited != others  # the index leaves rows (and a file) out
    diffs = {path: file_diff(before.get(path), content) for path, content in after.items()}
    settings = DuplicationSettings()
    found = new_copies(head, base, others, diffs, settings)
    assert {(c.copy.path, c.original.path) for c in found} == {
        ("shop/orders.py", "shop/fees.py"),
        ("shop/new.py", "shop/ledger.py"),
    }
    assert new_copies(head, base, limited, diffs, settings) == found


def test_a_clone_grown_alike_in_every_copy_is_lockstep_and_new_copies_are_not() -> None:
    """Both copies of a clone that existed at the base gain the same lines: lockstep (a
    warning); the same lines written into two new functions: new copies (they fail)."""
    settings = DuplicationSettings()
    more = b"".join(b"    audit(%d, currency, len(skipped))\n" % i for i in range(8))
    copy = NET_TOTAL.replace(b"net_total", b"invoice_total").replace(b"orders", b"invoices")
    before = {"a.py": NET_TOTAL, "b.py": copy}
    after = {
        path: text.replace(b"    if skipped:", more + b"    if skipped:")
        for path, text in before.items()
    }
    head = {path: _prints(content) for path, content in after.items()}
    base = {path: _prints(content) for path, content in before.items()}
    diffs = {path: file_diff(before[path], content) for path, content in after.items()}
    (grown,) = new_copies(head, base, {}, diffs, settings)
    assert grown.lockstep and grown.new_lines >= settings.min_lines
    diffs = {path: file_diff(None, content) for path, content in after.items()}
    copies = new_copies(head, {}, {}, diffs, settings)  # both files new: no copy before
    assert copies and not any(c.lockstep for c in copies)
