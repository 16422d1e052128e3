"""Reading every repository of a shared store at once (``codehealth portfolio``): the
aggregation is done by the server (three statements whatever the number of repositories),
the schema is never changed (a read-only role suffices)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from codehealth.adapters.store.postgres import (
    SCHEMA_VERSION,
    StoreError,
    reconnect,
    schema_version,
)
from codehealth.core import BoundarySummary
from codehealth.core.store_url import masked

# per repository its last recorded commit (by seq, the order history recorded them)
_LAST = (
    "SELECT DISTINCT ON (r.id) r.id, r.name, c.sha, c.timestamp, c.totals, c.modules"
    " FROM repositories r JOIN commits c ON c.repository = r.id"
    " ORDER BY r.id, c.seq DESC"
)
# the debt of each commit inside the window, oldest first: one row (two arrays) per
# repository, as turning 100,000 rows into Python objects one by one costs more than the query
_SERIES = (
    "SELECT repository, array_agg(timestamp ORDER BY seq),"
    " array_agg(coalesce((totals->>'debt_minutes')::float8, 0) ORDER BY seq) FROM commits"
    " WHERE timestamp >= %s GROUP BY repository"
)
# how many commits inside the window touched each module
_TOUCHES = (
    "SELECT c.repository, m.module, count(*) FROM commits c,"
    " jsonb_array_elements_text(c.touched) AS m(module)"
    " WHERE c.timestamp >= %s GROUP BY c.repository, m.module"
)

# per repository the boundary summary of its last commit that has one
_BOUNDARIES = (
    "SELECT DISTINCT ON (b.repository) b.repository, b.sha, b.violations, b.cycles,"
    " b.contracts_broken, b.contracts, b.modules, b.by_rule FROM boundary_summaries b"
    " JOIN commits c ON c.repository = b.repository AND c.sha = b.sha"
    " ORDER BY b.repository, c.seq DESC"
)


@dataclass(frozen=True, slots=True)
class RepositoryRows:
    """What the store holds for one repository, as read."""

    name: str
    sha: str
    timestamp: int
    totals: dict[str, float]
    modules: dict[str, dict[str, float]]
    series: tuple[tuple[int, float], ...]  # (timestamp, debt minutes) in the window
    touches: dict[str, int]  # module -> commits in the window that touched it
    boundaries: tuple[str, BoundarySummary] | None = None  # (its commit, summary)


def read_portfolio(url: str, since_timestamp: float | None) -> list[RepositoryRows]:
    """Every repository with at least one recorded commit, by name. ``since_timestamp``:
    the window's first second (None: all of history)."""
    import psycopg

    connection = reconnect(url, attempts=1)
    try:
        _check_schema(schema_version(connection))
        return _read(connection, int(since_timestamp) if since_timestamp is not None else -(2**62))
    except psycopg.Error as error:  # e.g. a role without SELECT on the tables
        raise StoreError(f"{masked(url)}: {masked(' '.join(str(error).split()))}") from None
    finally:
        connection.close()


def _check_schema(found: int) -> None:
    if found == 0:
        raise StoreError(
            "the store holds no codehealth history yet: record one with "
            "`codehealth history --store URL`"
        )
    if found < SCHEMA_VERSION:  # the portfolio only reads: it never migrates
        raise StoreError(
            f"the store's schema is version {found}, older than this codehealth's "
            f"{SCHEMA_VERSION}: run `codehealth history --store URL` once to bring it up to date"
        )
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store's schema is version {found}, written by a newer codehealth; this "
            f"one knows versions up to {SCHEMA_VERSION}: upgrade codehealth"
        )


def _read(connection: Any, since: int) -> list[RepositoryRows]:
    series = {
        repository: tuple(zip(timestamps, minutes, strict=True))
        for repository, timestamps, minutes in connection.execute(_SERIES, (since,))
    }
    touches: dict[int, dict[str, int]] = {}
    for repository, module, count in connection.execute(_TOUCHES, (since,)):
        touches.setdefault(repository, {})[module] = int(count)
    boundaries = dict(map(_boundaries, connection.execute(_BOUNDARIES)))
    rows = [
        RepositoryRows(
            name=name,
            sha=sha,
            timestamp=int(timestamp),
            totals=_json(totals),
            modules=_json(modules),
            series=tuple(series.get(repository, ())),
            touches=touches.get(repository, {}),
            boundaries=boundaries.get(repository),
        )
        for repository, name, sha, timestamp, totals, modules in connection.execute(_LAST)
    ]
    return sorted(rows, key=lambda row: row.name)


def _boundaries(row: Any) -> tuple[int, tuple[str, BoundarySummary]]:
    """repository id -> (commit, summary), from a row of _BOUNDARIES."""
    repository, sha, violations, cycles, broken, contracts, modules, rules = row
    summary = BoundarySummary(violations, cycles, broken, contracts, modules, _rules(rules))
    return repository, (sha, summary)


def _rules(value: Any) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(rule), int(count)) for rule, count in _json(value).items()))


def _json(value: Any) -> Any:
    """psycopg hands JSONB back decoded; text (a custom loader) is decoded here."""
    return json.loads(value) if isinstance(value, str | bytes) else value
