from proj.mid import service

__all__ = ['service']
