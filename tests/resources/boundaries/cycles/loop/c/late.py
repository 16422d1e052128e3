def late():
    from loop.a import A

    return A
