"""Line counts in one linear pass over the lines, using string spans found by the AST walk.

radon's ``raw.analyze`` re-tokenizes per logical line and is quadratic on large literals;
this never tokenizes: the AST already knows where multi-line strings and docstrings are.
"""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.model import LineCounts

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


def _has_inline_comment(line: bytes) -> bool:
    """True when a ``#`` outside any string literal starts a comment on this code line."""
    hash_at = line.index(b"#")
    if b"'" not in line[:hash_at] and b'"' not in line[:hash_at]:
        return True
    quote: bytes | None = None
    index = 0
    length = len(line)
    while index < length:
        char = line[index : index + 1]
        if quote is None:
            if char == b"#":
                return True
            if char in _QUOTES:
                triple = line[index : index + 3]
                quote = triple if triple == char * 3 else char
                index += len(quote)
                continue
        elif char == b"\\":
            index += 2
            continue
        elif line.startswith(quote, index):
            index += len(quote)
            quote = None
            continue
        index += 1
    return False
