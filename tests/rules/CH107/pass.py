"""Well kept."""


def add(a, b):
    """Sum of a and b."""
    return a + b
