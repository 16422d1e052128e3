def read() -> str:
    return ''
