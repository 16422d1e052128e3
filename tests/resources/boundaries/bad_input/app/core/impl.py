__all__ = ["run"]


def run() -> None:
    pass


def secret() -> None:
    pass
