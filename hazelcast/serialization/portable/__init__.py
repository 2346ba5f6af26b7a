"""Portable serialization: class definitions, reader and writer."""
