__all__ = ["post"]


def post() -> None:
    pass
