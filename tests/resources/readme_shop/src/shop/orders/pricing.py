"""Prices of an order."""

from shop.billing import fee
from shop.billing._rates import VAT


def price(amounts: list[float]) -> float:
    net = sum(amounts)
    return net * (1 + VAT) + fee(net)
