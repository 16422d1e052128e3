"""The cache's inverted index: records come back by term, each key's in its order, never
twice; a damaged index is rebuilt with a note, never trusted; an older cache gains one."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from codehealth.adapters.cache import PRINT_RECORD, Cache, pack_prints, print_terms, unpack_prints

SIZE = 16  # an 8-byte term and 8 bytes of data


def _records(*pairs: tuple[int, int]) -> bytes:
    return b"".join(struct.pack("<qq", term, data) for term, data in pairs)


def _term(value: int) -> bytes:
    return struct.pack("<q", value)


def _found(cache: Cache, *terms: int) -> list[tuple[str, int, tuple[int, int]]]:
    records = cache.find([_term(t) for t in terms])
    assert records is not None
    return sorted((key, seq, struct.unpack("<qq", record)) for key, seq, record in records)


def _cache(folder: Path, salt: str = "s") -> Cache:
    return Cache(str(folder), salt, "index.sqlite", SIZE)


def test_records_are_found_by_term_with_their_key_and_place(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cache.index_many({"a": _records((7, 1), (9, 2), (7, 3)), "b": _records((9, 4)), "c": b""})
    assert cache.indexed(["a", "b", "c", "d"]) == {"a", "b", "c"}  # c: indexed, no records
    assert _found(cache, 7) == [("a", 0, (7, 1)), ("a", 2, (7, 3))]
    assert _found(cache, 9, 5) == [("a", 1, (9, 2)), ("b", 0, (9, 4))]
    assert _found(cache) == [] and _found(cache, 5) == []
    cache.close()
    assert cache.notes == []


def test_a_key_indexed_twice_keeps_its_first_records_once(tmp_path: Path) -> None:
    """Two runs may fingerprint the same blob: the second's records are not added again."""
    cache = _cache(tmp_path)
    cache.index_many({"a": _records((7, 1))})
    cache.index_many({"a": _records((7, 1)), "b": _records((7, 2))})
    assert _found(cache, 7) == [("a", 0, (7, 1)), ("b", 0, (7, 2))]


def test_a_large_batch_staged_and_sorted_finds_the_same(tmp_path: Path) -> None:
    """Over 1,000 records at once are staged, then copied in term order: same answers as
    records added a few at a time."""
    batch = {f"k{n}": _records(*((n % 50, n * 100 + i) for i in range(30))) for n in range(60)}
    large, small = _cache(tmp_path / "large"), _cache(tmp_path / "small")
    large.index_many(batch)
    for key, records in batch.items():
        small.index_many({key: records})
    expected = sorted(
        (key, i, (n % 50, n * 100 + i)) for n, key in enumerate(batch) for i in range(30)
    )
    assert _found(large, *range(50)) == _found(small, *range(50)) == expected
    assert large.find([_term(3)]) == small.find([_term(3)])  # both answer from the index


def test_fingerprints_pack_into_records_and_back() -> None:
    prints = (5, 0, 1, 2, -3, 4, 2, 3, 1 << 60, 9, 3, 4)
    packed = pack_prints(prints)
    assert len(packed) == 3 * PRINT_RECORD and packed[:8] == print_terms([5])[0]
    records = [packed[at : at + PRINT_RECORD] for at in range(0, len(packed), PRINT_RECORD)]
    assert unpack_prints(records) == prints
    assert pack_prints("cannot be tokenised") == b""


def test_a_damaged_index_is_rebuilt_with_a_note_never_trusted(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cache.index_many({"a": _records((7, 1))})
    cache.close()
    connection = sqlite3.connect(tmp_path / "index.sqlite")
    with connection:
        connection.execute("UPDATE postings SET data = x'00'")  # a record of another size
    connection.close()
    damaged = _cache(tmp_path)
    assert damaged.find([_term(7)]) is None
    assert any("will be rebuilt" in note for note in damaged.notes)
    rebuilt = _cache(tmp_path)
    assert rebuilt.indexed(["a"]) == set() and _found(rebuilt, 7) == []
    rebuilt.index_many({"a": _records((7, 2))})
    assert _found(rebuilt, 7) == [("a", 0, (7, 2))] and rebuilt.notes == []


def test_a_file_that_is_not_a_cache_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "index.sqlite").write_bytes(b"not a database" * 100)
    cache = _cache(tmp_path)
    cache.index_many({"a": _records((7, 1))})
    assert _found(cache, 7) == [("a", 0, (7, 1))]
    assert any("rebuilt it" in note for note in cache.notes)


def test_an_older_cache_gains_an_index_and_another_salt_empties_it(tmp_path: Path) -> None:
    older = Cache(str(tmp_path), "s", "index.sqlite")  # no index: the layout before it
    older.put_many([("kept", "1")])
    older.close()
    cache = _cache(tmp_path)
    assert cache.get_many(["kept"]) == {"kept": "1"}  # same salt: its entries stay
    cache.index_many({"a": _records((7, 1))})
    cache.close()
    assert older.get_many(["kept"]) == {"kept": "1"}  # and a cache without one still reads it
    older.close()
    other = _cache(tmp_path, salt="t")
    assert other.indexed(["a"]) == set() and _found(other, 7) == []
    assert other.get_many(["kept"]) == {} and other.notes == []


def test_an_index_over_its_limit_forgets_all_but_the_keys_kept(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cache.index_many({key: _records((7, n)) for n, key in enumerate("abcd")})
    cache.prune_index({"a", "c"}, limit=4)  # within the limit: nothing goes
    assert cache.indexed(list("abcd")) == set("abcd")
    cache.prune_index({"a", "c", "x"}, limit=3)
    assert cache.indexed(list("abcdx")) == {"a", "c"}
    assert _found(cache, 7) == [("a", 0, (7, 0)), ("c", 0, (7, 2))]
    cache.index_many({"b": _records((7, 9))})  # a forgotten key is indexed afresh
    assert _found(cache, 7) == [("a", 0, (7, 0)), ("b", 0, (7, 9)), ("c", 0, (7, 2))]
    assert cache.notes == []
