RATES = {"a": 1, "b": 2, "c": 3}


def route(kind):
    if kind in RATES:
        return RATES[kind]
    return 0
