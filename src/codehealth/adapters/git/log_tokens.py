"""The tokens of ``git log``'s output turned into records and changes: what the history
stream and its readers for damaged clones parse while git writes (no process here)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codehealth.core import BlobChange, Change

RECORD_SEPARATOR = b"\x1e"  # before each commit header
UNIT_SEPARATOR = b"\x1f"  # between the fields of a header


def parse_records(
    chunks: Iterable[bytes], separator: bytes | None
) -> Iterator[tuple[bytes, list[bytes]]]:
    """(header, tokens after it) per commit of the output as it arrives in ``chunks`` (a
    record may span chunks)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        records = pending.split(RECORD_SEPARATOR)
        pending = records.pop()
        for record in records:
            if record:
                yield split_record(record, separator)
    if pending:
        yield split_record(pending, separator)


def split_record(record: bytes, separator: bytes | None) -> tuple[bytes, list[bytes]]:
    """A record's header and its tokens: split at ``separator``, or lines without one."""
    tokens = record.split(separator) if separator else record.split(b"\n")
    body = tokens[1:]
    if body and body[0].startswith(b"\n"):
        body[0] = body[0][1:]
    return tokens[0], body


def numstat_changes(tokens: list[bytes]) -> tuple[Change, ...]:
    """``added\\tdeleted\\tpath`` or, for a rename, ``added\\tdeleted\\t`` old new."""
    changes: list[Change] = []
    index, size = 0, len(tokens)
    while index < size:
        token = tokens[index]
        index += 1
        if not token:
            continue
        added, deleted, path = token.split(b"\t", 2)
        old = b""
        if not path:
            old, path = tokens[index], tokens[index + 1]
            index += 2
        changes.append(
            Change(
                decoded(path),
                int(added) if added != b"-" else -1,
                int(deleted) if deleted != b"-" else -1,
                decoded(old),
            )
        )
    return tuple(changes)


def name_status_changes(tokens: list[bytes]) -> tuple[Change, ...]:
    """``M`` path, or ``R100`` old new."""
    changes: list[Change] = []
    index, size = 0, len(tokens)
    while index < size:
        status = tokens[index]
        index += 1
        if not status:
            continue
        if status[:1] in (b"R", b"C"):
            old, path = tokens[index], tokens[index + 1]
            index += 2
            changes.append(
                Change(decoded(path), old_path=decoded(old) if status[:1] == b"R" else "")
            )
        else:
            changes.append(Change(decoded(tokens[index])))
            index += 1
    return tuple(changes)


def raw_changes(tokens: list[bytes]) -> tuple[BlobChange, ...]:
    """``:oldmode newmode oldblob newblob STATUS`` then the path (two for R and C)."""
    changes: list[BlobChange] = []
    index, size = 0, len(tokens)
    while index < size:
        meta = tokens[index]
        index += 1
        if not meta.startswith(b":"):
            continue
        fields = meta.split()
        new_mode, blob, status = fields[1], fields[3], decoded(fields[4][:1])
        if status in ("R", "C"):
            old, path = decoded(tokens[index]), decoded(tokens[index + 1])
            index += 2
        else:
            old, path = "", decoded(tokens[index])
            index += 1
        if new_mode.startswith(b"160") or new_mode.startswith(b"120"):
            blob = b""  # a submodule or a symbolic link: no Python source in it
        changes.append(BlobChange(path, "" if status == "D" else decoded(blob), status, old))
    return tuple(changes)


def diff_hunks(lines: list[bytes]) -> dict[str, list[tuple[int, int, int, int]]]:
    """path -> the ``(old_start, old_count, new_start, new_count)`` of each ``-U0`` hunk."""
    found: dict[str, list[tuple[int, int, int, int]]] = {}
    current: list[tuple[int, int, int, int]] | None = None
    in_header = False
    for line in lines:
        if line.startswith(b"diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith(b"+++ "):
            name = line[4:].rstrip(b"\r")
            if name != b"/dev/null":
                name = name.strip(b'"')
                current = found.setdefault(decoded(name[2:] if name[:2] == b"b/" else name), [])
        elif line.startswith(b"@@ ") and current is not None:
            in_header = False
            old, new = line.split(b" ")[1:3]
            current.append((*_range(old[1:]), *_range(new[1:])))
    return found


def _range(text: bytes) -> tuple[int, int]:
    start, _, count = text.partition(b",")
    return int(start), int(count) if count else 1


def decoded(raw: bytes) -> str:
    """git's bytes as text; bytes that are not UTF-8 survive as surrogates."""
    return raw.decode("utf-8", "surrogateescape")
