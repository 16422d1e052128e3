"""The only I/O: each adapter is the one user of its library or tool.

``git`` (one runner, the log, revisions, blobs), ``files`` (discovery, reading, writing, the
baseline file, the rule files), ``cache`` (the content-addressed measurement cache),
``linters`` (ruff and flake8 with a timeout), ``imports`` (grimp and import-linter),
``console`` (click output, exit codes, progress), ``pool`` (processes on every core) and
``history_db`` (SQLite)."""
