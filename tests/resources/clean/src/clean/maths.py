"""Small, simple functions."""


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value


def mean(values):
    if not values:
        return 0.0
    return sum(values) / len(values)
