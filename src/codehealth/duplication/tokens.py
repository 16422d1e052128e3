"""Source -> normalised tokens: what two copies of code have in common once names, literals,
comments and layout are set aside (Type-1 and Type-2 clones).

Python's own ``tokenize`` reads the bytes (pure: no I/O); ``scanner.py`` is a faster path to
the same tokens, and falls back to this module when unsure. Every identifier becomes one symbol,
every number another, every string (f-strings included) a third; keywords and operators keep
their own. Comments, blank lines, indentation and line ends are dropped. So are the
statements a maintainer would never merge: imports and ``__all__`` lists.
"""

from __future__ import annotations

import io
import keyword
import tokenize
from collections.abc import Iterator

NAME, NUMBER, STRING = 1, 2, 3
ALL_NAME = 9  # ``__all__``: a NAME, but a statement starting with it is dropped
KEYWORDS = {word: 10 + index for index, word in enumerate(keyword.kwlist)}
OPERATOR_BASE = 60  # + the operator's exact token type (below 100 on every Python)
_ERROR = 255
_LAYOUT = frozenset(
    {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENCODING,
        tokenize.ENDMARKER,
    }
)
_FSTRING_START = getattr(tokenize, "FSTRING_START", -1)  # Python 3.12+
_FSTRING_END = getattr(tokenize, "FSTRING_END", -1)
DROPPED_STATEMENTS = frozenset({KEYWORDS["import"], KEYWORDS["from"], ALL_NAME})


class Tokens:
    """Parallel lists: each kept token's symbol, and the lines it starts and ends on."""

    __slots__ = ("ends", "starts", "symbols")

    def __init__(self) -> None:
        self.symbols: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __len__(self) -> int:
        return len(self.symbols)


def normalised_tokens(source: bytes) -> Tokens | str:
    """The kept tokens of ``source``, or why it cannot be tokenised."""
    tokens = Tokens()
    statement: list[tuple[int, int, int]] = []
    try:
        for item in _symbols(source):
            if item is None:  # the end of a logical line
                keep(statement, tokens)
                statement = []
            else:
                statement.append(item)
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, ValueError) as error:
        return f"cannot be tokenised: {_reason(error)}"
    keep(statement, tokens)
    return tokens


def _symbols(source: bytes) -> Iterator[tuple[int, int, int] | None]:
    """(symbol, first line, last line) of each token, ``None`` at each logical line end."""
    depth = first = 0  # inside an f-string (3.12+ splits them): one STRING for the whole
    for kind, text, start, end, _ in tokenize.tokenize(io.BytesIO(source).readline):
        if kind in (_FSTRING_START, _FSTRING_END) or depth:
            first = start[0] if depth == 0 else first
            depth += (kind == _FSTRING_START) - (kind == _FSTRING_END)
            if depth == 0:
                yield STRING, first, end[0]
        elif kind in _LAYOUT:
            if kind == tokenize.NEWLINE:
                yield None
        else:
            yield _symbol(kind, text), start[0], end[0]


def _symbol(kind: int, text: str) -> int:
    if kind == tokenize.NAME:
        return ALL_NAME if text == "__all__" else KEYWORDS.get(text, NAME)
    if kind == tokenize.OP:
        return OPERATOR_BASE + tokenize.EXACT_TOKEN_TYPES.get(text, 0)
    if kind == tokenize.NUMBER:
        return NUMBER
    if kind == tokenize.STRING:
        return STRING
    return _ERROR


def keep(statement: list[tuple[int, int, int]], tokens: Tokens) -> None:
    """Add one logical line's tokens, unless it is an import or an ``__all__`` list."""
    if not statement or statement[0][0] in DROPPED_STATEMENTS:
        return
    for symbol, first, last in statement:
        tokens.symbols.append(NAME if symbol == ALL_NAME else symbol)
        tokens.starts.append(first)
        tokens.ends.append(last)


def _reason(error: Exception) -> str:
    if isinstance(error, tokenize.TokenError) and error.args:
        message, (line, _) = error.args[0], error.args[1]
        return f"{message} (line {line})"
    return str(error) or type(error).__name__
