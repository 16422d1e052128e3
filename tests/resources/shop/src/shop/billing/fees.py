"""Simple fee rules."""


def fee(amount, rate=0.02):
    if amount <= 0:
        return 0
    return round(amount * rate, 2)


def discount(amount, member):
    return amount * 0.9 if member else amount
