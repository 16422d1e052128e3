"""Billing: fees. Its public API is what __all__ lists."""

from shop.billing.fees import fee

__all__ = ["fee"]
