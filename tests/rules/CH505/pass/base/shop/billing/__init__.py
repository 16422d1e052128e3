from shop.billing.charges import charge, refund

__all__ = ["charge"]
