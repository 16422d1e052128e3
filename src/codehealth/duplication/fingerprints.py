"""Normalised tokens -> a file's fingerprints: Karp-Rabin hashes of every run of ``KGRAM``
tokens, winnowed (Schleimer, Wilkerson and Aiken, 2003) to the smallest hash of each window
of ``WINDOW`` consecutive ones.

Winnowing keeps about 2 / (WINDOW + 1) of the hashes and still guarantees that two files
sharing a run of at least ``KGRAM + WINDOW - 1`` tokens share a fingerprint inside it, at
every WINDOW tokens along it; the choice depends only on the tokens, so both copies choose
the same ones. Each fingerprint keeps its token index and lines, which is all the matching
needs: the tokens themselves are not kept (nor cached).
"""

from __future__ import annotations

import itertools
import operator
import tokenize

from codehealth.core import Fingerprints
from codehealth.duplication.tokens import NUMBER, OPERATOR_BASE, STRING, Tokens

KGRAM = 15
WINDOW = 10
# Bump when the tokens, the hash or the selection change: cached fingerprints are dropped.
FINGERPRINT_VERSION = 4
_BASE = 257
_MASK = (1 << 40) - 1
# literals and the punctuation of tables: a run of only these is data
_DATA = frozenset(
    {NUMBER, STRING} | {OPERATOR_BASE + tokenize.EXACT_TOKEN_TYPES[text] for text in ",:()[]{}-"}
)
_OUT = pow(_BASE, KGRAM - 1, 1 << 40)  # the weight of the token leaving the window


def fingerprints(tokens: Tokens) -> Fingerprints:
    """Flat (hash, token index, first line, last line) rows, in token order. A run of
    literals only (a table of strings or numbers: expected output, a parametrize table, a
    locale's formats) is not fingerprinted: tables alike are data, not copied code."""
    hashes = _kgram_hashes(tokens.symbols)
    if not hashes:
        return ()
    starts, ends = tokens.starts, tokens.ends
    data = [0, *itertools.accumulate(map(_DATA.__contains__, tokens.symbols))]  # before i
    rows: list[int] = []
    for index in _winnowed(hashes):
        if data[index + KGRAM] - data[index] < KGRAM:
            rows += (hashes[index], index, starts[index], ends[index + KGRAM - 1])
    return tuple(rows)


def _kgram_hashes(symbols: list[int]) -> list[int]:
    """The rolling hash of every KGRAM-token run (empty below KGRAM tokens)."""
    if len(symbols) < KGRAM:
        return []
    value = 0
    for symbol in symbols[:KGRAM]:
        value = (value * _BASE + symbol) & _MASK
    hashes = [value]
    append = hashes.append
    for leaving, entering in zip(symbols, symbols[KGRAM:], strict=False):
        value = ((value - leaving * _OUT) * _BASE + entering) & _MASK
        append(value)
    return hashes


def _winnowed(hashes: list[int]) -> list[int]:
    """The positions winnowing selects: the (leftmost) minimum of each window, once."""
    if len(hashes) <= WINDOW:
        return [hashes.index(min(hashes))]
    shifted = [hashes[offset:] for offset in range(WINDOW)]
    minima = list(map(min, *shifted))  # one per window, computed in C
    changed = itertools.compress(
        range(1, len(minima)), map(operator.ne, minima, itertools.islice(minima, 1, None))
    )
    chosen = [hashes.index(minima[0], 0, WINDOW)]
    for window in changed:
        chosen.append(hashes.index(minima[window], window, window + WINDOW))
    return chosen
