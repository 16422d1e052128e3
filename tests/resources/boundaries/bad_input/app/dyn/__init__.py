from .things import _beta, alpha

__all__ = [name for name in ("alpha",)]
