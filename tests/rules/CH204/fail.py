retries = 7  # XXX why 7?
