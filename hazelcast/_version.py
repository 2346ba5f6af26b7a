"""The client's version: a leaf, so that any layer may read it."""

__version__ = "5.7.0"
