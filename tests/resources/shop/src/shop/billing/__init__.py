"""Billing: fees and invoices."""

from shop.billing.fees import fee

__all__ = ["fee"]
