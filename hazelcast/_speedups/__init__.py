"""Compiled (Cython) versions of the hot paths, each beside its pure-Python
twin. Import the selector modules (e.g. :mod:`hazelcast.hash`), never these."""
