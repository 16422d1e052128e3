"""A small shop: orders and billing."""
