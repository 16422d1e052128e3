"""JSON documents as the commands print them: indented on a terminal, compact in a pipe."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any


def json_text(document: Any, pretty: bool = False) -> str:
    return json.dumps(document, indent=2 if pretty else None) + "\n"


def dataclass_json(value: Any, schema_version: int, pretty: bool = False) -> str:
    """A dataclass report as a JSON document with its schema version."""
    return json_text({**asdict(value), "schema_version": schema_version}, pretty)
