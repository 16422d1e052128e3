"""``codehealth portfolio``: every repository of a shared history store in one table."""
