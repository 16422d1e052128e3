"""Orders: routing and pricing."""

from shop.orders.pricing import price
from shop.orders.routing import route_order

__all__ = ["price", "route_order"]
