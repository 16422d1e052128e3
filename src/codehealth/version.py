"""The installed codehealth version (its own module so that anything may import it cheaply)."""

__version__ = "0.1.0"
