def charge() -> None:
    pass


def helper() -> None:
    pass
