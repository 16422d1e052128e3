from pkg.a.impl import x

__all__ = ["x"]
