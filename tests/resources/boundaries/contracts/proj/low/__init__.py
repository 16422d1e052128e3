from proj.low import util

__all__ = ['util']
