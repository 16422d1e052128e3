from .reader import read

__all__ = ["read"]
