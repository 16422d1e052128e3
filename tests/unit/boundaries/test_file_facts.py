"""file_facts: equal facts must mean equal boundary findings, so every input of a boundary
fingerprint (statement, enclosing symbol, line text, TYPE_CHECKING guard, ignores, exports)
changes them, and edits elsewhere do not."""

from __future__ import annotations

import ast

from codehealth.boundaries import file_facts

BASE = b"import os\nfrom shop.billing import charge\n\n\ndef f():\n    return os.sep\n"


def facts(source: bytes):  # type: ignore[no-untyped-def]
    return file_facts(ast.parse(source), source)


def test_edits_that_touch_no_import_keep_the_facts() -> None:
    edited = BASE.replace(b"return os.sep", b"if os:\n        return 1 + 2\n    return 3")
    assert facts(BASE) == facts(edited)
    moved = b"\n\n" + BASE + b"\n\ndef _added(x):\n    return x\n"  # other lines, private name
    assert facts(BASE) == facts(moved)


def test_each_input_of_a_boundary_fingerprint_changes_the_facts() -> None:
    variants = [
        BASE + b"def g():\n    from a import b\n",  # a new import, inside a function
        BASE.replace(b"def f():\n", b"def f():\n    from a import b\n"),
        BASE.replace(b"import charge", b"import charge  # codehealth: ignore[CH302] because x"),
        BASE.replace(b"import charge", b"import (\n    charge,\n)"),  # same import, other text
        BASE + b"importlib.import_module('shop.billing.stripe')\n",
        BASE + b"def public():\n    pass\n",  # the exported names
        BASE + b"__all__ = ['f']\n",
    ]
    for variant in variants:
        assert facts(variant) != facts(BASE), variant


def test_the_enclosing_symbol_and_the_type_checking_guard_count() -> None:
    inner = b"def f():\n    from a import b\n"
    assert facts(inner) != facts(inner.replace(b"def f", b"def g"))
    guarded = b"if TYPE_CHECKING:\n    from a import b\n"
    assert facts(guarded) != facts(b"if True:\n    from a import b\n")
    in_handler = b"try:\n    pass\nexcept ImportError:\n    from a import b\n"
    assert len(facts(in_handler).imports) == 1


def test_aliases_sort_beside_plain_imports() -> None:
    source = b"import os\nimport os as o\nfrom a import b\nfrom a import b as c\n"
    assert len(facts(source).imports) == 4
