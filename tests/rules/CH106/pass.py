"""A small module."""

VALUE = 1
