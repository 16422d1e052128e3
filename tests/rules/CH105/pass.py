def short_function():
    total = sum(range(90))
    return total
