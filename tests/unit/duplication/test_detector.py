"""The clone detector on constructed sources: tokens, fingerprints, groups, bad input."""

from __future__ import annotations

import time

import pytest

from codehealth.core import CloneLocation, Duplication, DuplicationSettings
from codehealth.duplication import file_fingerprints, find_duplication

# A function of about 90 normalised tokens over 12 lines.
BODY = """\
def {name}(items, limit):
    total = 0
    seen = set()
    for item in items:
        if item.key in seen:
            continue
        seen.add(item.key)
        total += item.value * 2
        if total > limit:
            raise ValueError("too much: %d" % total)
    result = [x for x in seen if x.startswith("a")]
    return total, sorted(result)
"""


def body(name: str = "first", prefix: str = "") -> bytes:
    return (prefix + BODY.format(name=name)).encode()


def run(sources: dict[str, bytes], min_tokens: int = 40, min_lines: int = 5) -> Duplication:
    prints = {path: file_fingerprints(content) for path, content in sources.items()}
    lines = {path: content.count(b"\n") for path, content in sources.items()}
    options = DuplicationSettings(min_tokens=min_tokens, min_lines=min_lines)
    return find_duplication(prints, lines, options)


def test_a_renamed_copy_with_other_literals_and_layout_is_one_group() -> None:
    copy = BODY.format(name="second").replace("total", "amount").replace('"a"', '"zz"')
    copy = copy.replace("    seen = set()\n", "    seen = set(  # comment\n    )\n\n")
    found = run({"a.py": body(), "b.py": ("# header\n\n\n" + copy).encode()})
    assert len(found.groups) == 1
    group = found.groups[0]
    assert [loc.path for loc in group.locations] == ["a.py", "b.py"]
    a, b = group.locations
    assert a.start <= 2 and a.end >= 11  # nearly the whole function
    assert b.start <= 5 and b.end >= 15  # shifted by the header, longer by the layout
    assert group.tokens >= 70
    assert [(f.path, f.blocks) for f in found.files] == [("a.py", 1), ("b.py", 1)]


def test_different_code_is_no_clone() -> None:
    other = b"class Thing:\n    def run(self):\n        return {k: v for k, v in self.items}\n"
    assert run({"a.py": body(), "b.py": other * 3}).groups == ()


def test_minimum_tokens_and_lines_both_apply() -> None:
    sources = {"a.py": body(), "b.py": body("second")}
    assert run(sources, min_tokens=200).groups == ()
    assert run(sources, min_lines=30).groups == ()
    assert len(run(sources).groups) == 1


def test_imports_and_all_lists_are_not_clones() -> None:
    header = "".join(f"from package.module{i} import name{i}, other{i}\n" for i in range(30))
    header += "__all__ = [" + ", ".join(f'"name{i}"' for i in range(30)) + "]\n"
    assert run({"a.py": header.encode(), "b.py": header.encode()}).groups == ()


def test_a_copy_inside_one_file_is_found_but_not_a_row_of_look_alike_methods() -> None:
    twice = body("first") + b"\n\n" + body("second")
    (group,) = run({"a.py": twice}).groups
    assert [loc.path for loc in group.locations] == ["a.py", "a.py"]
    row = "".join(
        f"    def m{i}(self, other):\n        return capi.call_{i}(self.ptr, other.ptr)\n\n"
        for i in range(40)
    )
    assert run({"b.py": ("class A:\n" + row).encode()}).groups == ()


def test_files_that_do_not_tokenise_are_skipped_with_the_reason_and_the_rest_goes_on() -> None:
    found = run({"a.py": body(), "b.py": body("second"), "bad.py": b'x = """never closed\n'})
    assert len(found.groups) == 1
    ((path, reason),) = found.skipped
    assert path == "bad.py" and "tokenised" in reason


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff\xfe binary \x00", b"\n\n\n", b"x = 1\n"],
    ids=["empty", "binary", "blank", "tiny"],
)
def test_empty_binary_and_tiny_files_do_not_break_it(content: bytes) -> None:
    found = run({"a.py": body(), "b.py": body("second"), "odd.py": content})
    assert len(found.groups) == 1
    assert all(loc.path != "odd.py" for loc in found.groups[0].locations)


def test_a_huge_file_is_measured_in_linear_time() -> None:
    # 4,000 different functions (by their structure), about 330,000 tokens
    chunks = [
        f"def f{i}(a):\n" + "    a = a + 1\n" * (i % 7 + 1) + f"    return a[{i}]\n"
        for i in range(4000)
    ]
    huge = "".join(chunks).encode()
    start = time.perf_counter()
    prints = file_fingerprints(huge)
    assert not isinstance(prints, str) and len(prints) > 1000
    found = run({"huge.py": huge, "a.py": body()})
    assert time.perf_counter() - start < 20
    assert all(g.tokens >= 40 for g in found.groups)


def test_thousands_of_generated_copies_are_one_group_found_quickly() -> None:
    sources = {f"gen/m{i:04}.py": body(f"f{i}") for i in range(3000)}
    start = time.perf_counter()
    found = run(sources)
    assert time.perf_counter() - start < 30
    assert len(found.groups) == 1
    assert found.groups[0].count == 3000
    assert found.groups[0].locations[0] == CloneLocation("gen/m0000.py", 1, 12)


def test_excluded_files_take_no_part() -> None:
    sources = {"a.py": body(), "gen/b.py": body("second")}
    prints = {path: file_fingerprints(content) for path, content in sources.items()}
    options = DuplicationSettings(min_tokens=40, min_lines=5, exclude=("gen/*",))
    assert find_duplication(prints, {}, options).groups == ()


def test_fingerprints_survive_the_cache_codec_and_a_damaged_entry_is_refused() -> None:
    from codehealth.adapters.cache import decode_prints, encode_prints

    prints = file_fingerprints(body())
    assert decode_prints(encode_prints(prints)) == prints
    assert decode_prints(encode_prints("cannot be tokenised")) == "cannot be tokenised"
    for damaged in ("AAAA", "not base64!", '"unterminated', "AQAAAAAAAAA="):
        with pytest.raises(ValueError):
            decode_prints(damaged)


def test_tables_of_literals_alike_are_data_not_copies() -> None:
    table = "".join(f'    ("case {i}", {i}, [{i}, "{i}"]),\n' for i in range(40))
    one = f'@pytest.mark.parametrize("name,value,items", [\n{table}])\ndef test_a(name): ...\n'
    other = one.replace("test_a", "test_b").replace("case", "other case")
    assert run({"test_one.py": one.encode(), "test_other.py": other.encode()}).groups == ()
