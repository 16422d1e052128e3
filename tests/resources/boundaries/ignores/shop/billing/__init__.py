from shop.billing.stripe import client

__all__ = ["client"]
