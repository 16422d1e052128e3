"""Where a shared history store lives, said without its secrets: every message and log that
names a store URL shows it masked (issue 17: credentials are never printed)."""

from __future__ import annotations

import re

_URL_PASSWORD = re.compile(r"(?P<start>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^@/\s]*@")
_KEYWORD_PASSWORD = re.compile(r"(?P<start>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.I)


def masked(text: str) -> str:
    """``text`` with the password of each URL (``postgresql://user:secret@host``) and of
    each libpq keyword (``password=secret``) in it replaced by ``***``."""
    text = _URL_PASSWORD.sub(r"\g<start>:***@", text)
    return _KEYWORD_PASSWORD.sub(r"\g<start>***", text)


def is_postgres_url(url: str) -> bool:
    """A PostgreSQL connection URL (libpq accepts both schemes)."""
    return url.startswith(("postgresql://", "postgres://"))


def repository_name(remote: str, toplevel: str) -> str:
    """A repository's stable name in a store: its remote without scheme, credentials or
    ``.git`` (``git@github.com:org/shop.git`` and ``https://ci:t@github.com/org/shop``
    are both ``github.com/org/shop``), else its folder's name."""
    name = remote.strip()
    if not name:
        return toplevel.rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", name)
    name = re.sub(r"^[^@/]*@", "", name)  # user, user:password
    if ":" in name.split("/", 1)[0] and not re.match(r"^[^/]*:\d+(/|$)", name):
        name = name.replace(":", "/", 1)  # scp-like git@host:org/repo
    name = re.sub(r"^([^/]*):\d+/", r"\1/", name)  # a port
    return name.removesuffix("/").removesuffix(".git").lower()
