"""A module the coverage tests measure with coverage.py itself."""

import os


def tested(x, y):
    """Doc."""
    if x > 0:
        return 1
    elif y:
        return 2
    for i in range(3):
        if i == x:
            break
    return (x +
            y)


def untested(a):
    if a:
        return a
    while a < 3:
        a += 1
    return a


def partly(a, b):
    result = []
    try:
        result.append(a / b)
    except ZeroDivisionError:
        result.append(None)
    match a:
        case 1:
            result.append("one")
        case _:
            result.append("other")
    return [r
            for r in result]


class K:
    def m(self):  # pragma: no cover
        return 1

    def n(self):
        if os.sep:  # pragma: no branch
            return 2
        return 3
