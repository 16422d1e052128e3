"""Line counts in one linear pass over the lines, using string spans found by the AST walk.

radon's ``raw.analyze`` re-tokenizes per logical line and is quadratic on large literals;
this never tokenizes: the AST already knows where multi-line strings and docstrings are.
"""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.core import LineCounts

_QUOTES = (b"'", b'"')
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class LineScan:
    counts: LineCounts
    # For the MI formula, as radon counts them: code lines that also carry a comment, and
    # lines of docstrings that span several lines (one-line docstrings do not count).
    inline_comments: int
    multi_line_docstring: int

    @property
    def comment(self) -> int:
        return self.counts.comment

    @property
    def docstring(self) -> int:
        return self.counts.docstring

    @property
    def source(self) -> int:
        return self.counts.source


def count_lines(
    lines: list[bytes],
    string_spans: list[tuple[int, int]],
    docstring_spans: list[tuple[int, int]],
    statements: int,
) -> LineScan:
    """Classify each line as blank, comment-only, docstring or source.

    A line inside a multi-line string (other than a docstring) is source, whatever it holds.
    """
    docstring_lines: set[int] = set()
    for start, end in docstring_spans:
        docstring_lines.update(range(start, end + 1))
    multi_line_docstring = sum(end - start + 1 for start, end in docstring_spans if end > start)
    excluded = set(docstring_lines)
    for start, end in string_spans:
        excluded.update(range(start + 1, end + 1))

    if lines and lines[0].startswith(_BOM):  # a byte-order mark is not code
        lines = [lines[0][len(_BOM) :], *lines[1:]]
    blank, comment, inline = _classified(lines, excluded)
    docstring = len(docstring_lines)
    total = len(lines)
    return LineScan(
        counts=LineCounts(
            total=total,
            source=total - blank - comment - docstring,
            logical=statements,
            comment=comment,
            docstring=docstring,
            blank=blank,
        ),
        inline_comments=inline,
        multi_line_docstring=multi_line_docstring,
    )


def _classified(lines: list[bytes], excluded: set[int]) -> tuple[int, int, int]:
    """(blank, comment-only, code with a comment) lines, those in ``excluded`` not counted."""
    blank = comment = inline = 0
    for number, raw in enumerate(lines, 1):
        if number in excluded:
            continue
        stripped = raw.strip()
        if not stripped:
            blank += 1
        elif stripped[0] == 0x23:  # "#"
            comment += 1
        elif 0x23 in stripped and _has_inline_comment(stripped):
            inline += 1
    return blank, comment, inline


def _has_inline_comment(line: bytes) -> bool:
    """True when a ``#`` outside any string literal starts a comment on this code line."""
    hash_at = line.index(b"#")
    if b"'" not in line[:hash_at] and b'"' not in line[:hash_at]:
        return True
    quote: bytes | None = None
    index = 0
    length = len(line)
    while index < length:
        if quote is not None:
            quote, index = _inside_string(line, index, quote)
        elif line[index : index + 1] == b"#":
            return True
        else:
            quote, index = _outside_string(line, index)
    return False


def _outside_string(line: bytes, index: int) -> tuple[bytes | None, int]:
    """Past the character at ``index``, outside a string: the quote it opens (None when it
    opens none) and where the scan goes on."""
    char = line[index : index + 1]
    if char in _QUOTES:
        triple = line[index : index + 3]
        quote = triple if triple == char * 3 else char
        return quote, index + len(quote)
    return None, index + 1


def _inside_string(line: bytes, index: int, quote: bytes) -> tuple[bytes | None, int]:
    """Past the character at ``index`` inside a string opened by ``quote``: the quote still
    open (None once it closes) and where the scan goes on (an escape skips two)."""
    if line[index : index + 1] == b"\\":
        return quote, index + 2
    if line.startswith(quote, index):
        return None, index + len(quote)
    return quote, index + 1
