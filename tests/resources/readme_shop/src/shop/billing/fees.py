"""Fee rules."""

from shop.billing._rates import FEE_RATE


def fee(amount: float) -> float:
    if amount <= 0:
        return 0.0
    return round(amount * FEE_RATE, 2)
