"""A project whose code stays within every configured threshold."""

from clean.maths import clamp, mean

__all__ = ["clamp", "mean"]
