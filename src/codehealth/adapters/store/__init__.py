"""The shared history store in PostgreSQL (psycopg 3): connection and the schema's
versioned migrations. The only user of psycopg."""

from codehealth.adapters.store.history import (
    PostgresHistoryStore as PostgresHistoryStore,
)
from codehealth.adapters.store.portfolio import (
    RepositoryRows as RepositoryRows,
)
from codehealth.adapters.store.portfolio import (
    read_portfolio as read_portfolio,
)
from codehealth.adapters.store.postgres import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from codehealth.adapters.store.postgres import (
    StoreError as StoreError,
)
from codehealth.adapters.store.postgres import (
    connect as connect,
)
from codehealth.adapters.store.postgres import (
    migrate as migrate,
)
from codehealth.adapters.store.postgres import (
    schema_version as schema_version,
)

__all__ = [
    "SCHEMA_VERSION",
    "PostgresHistoryStore",
    "RepositoryRows",
    "StoreError",
    "connect",
    "migrate",
    "read_portfolio",
    "schema_version",
]
