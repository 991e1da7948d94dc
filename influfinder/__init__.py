"""Influfinder: a marketplace where businesses and creators meet."""

__version__ = "0.1.0"
