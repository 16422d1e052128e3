from .inner import thing

__all__ = ["thing"]
