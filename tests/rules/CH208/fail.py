def fallback():  # pragma: no cover
    return None
