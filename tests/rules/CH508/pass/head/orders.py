def total(items):
    return sum(item.price for item in items)


def discount(amount, member):
    if member:
        return amount * 0.9
    if amount > 100:
        return amount - 5
    return amount
