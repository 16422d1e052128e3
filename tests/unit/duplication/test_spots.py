"""The compact spot table on hand-made fingerprint rows (hash, token index, first line, last
line): which pairs it makes, and in which order the diagonals of a file come."""

from __future__ import annotations

from codehealth.duplication.spots import ALL_PAIRS, Spots


def rows(*spots: tuple[int, int]) -> tuple[int, ...]:
    """Rows of (hash, token index); the lines are the token index and the next one."""
    return tuple(value for hash_, index in spots for value in (hash_, index, index, index + 1))


def diagonals(spots: Spots, file: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    return list(spots.diagonals(file))


def test_the_spots_of_a_hash_are_paired_each_with_each() -> None:
    prints = {"a.py": rows((7, 0)), "b.py": rows((7, 5)), "c.py": rows((7, 9), (8, 20))}
    spots = Spots(sorted(prints), prints)
    assert list(spots.indexes) == [0, 5, 9, 20]
    # spot 0 (a.py) pairs with b.py's and c.py's; spot 1 (b.py) with c.py's; 8 is alone
    assert diagonals(spots, 0) == [(1, 5, [(0, 1)]), (2, 9, [(0, 2)])]
    assert diagonals(spots, 1) == [(2, 4, [(1, 2)])]
    assert diagonals(spots, 2) == []


def test_a_common_hash_is_chained_from_file_to_file() -> None:
    files = ALL_PAIRS + 1  # one more file than all pairs are made for
    prints = {f"m{n:02}.py": rows((7, n), (7, 100 + n)) for n in range(files)}
    spots = Spots(sorted(prints), prints)
    for file in range(files - 1):
        # each of the file's two spots with the same one of the next file: one diagonal
        first = 2 * file
        assert diagonals(spots, file) == [
            (file + 1, 1, [(first, first + 2), (first + 1, first + 3)])
        ]
    assert diagonals(spots, files - 1) == []


def test_the_pairs_of_a_diagonal_are_in_token_order_and_a_file_itself_is_a_partner() -> None:
    prints = {"a.py": rows((1, 0), (2, 4), (1, 30), (2, 34))}
    spots = Spots(sorted(prints), prints)
    assert diagonals(spots, 0) == [(0, 30, [(0, 2), (1, 3)])]


def test_diagonals_come_in_the_order_their_hashes_first_occur_not_in_token_order() -> None:
    # hash 7 occurs first (in 0.py), so its pairs are made before hash 5's: this order is
    # what decides between equally long matches downstream
    prints = {
        "0.py": rows((7, 0)),
        "1.py": rows((5, 0), (7, 10)),
        "2.py": rows((5, 3), (7, 40)),
    }
    spots = Spots(sorted(prints), prints)
    assert diagonals(spots, 1) == [(2, 30, [(2, 4)]), (2, 3, [(1, 3)])]
