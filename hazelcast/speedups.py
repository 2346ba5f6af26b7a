"""Tells which implementation, compiled (Cython) or pure Python, each hot
path of the client uses.

Compiled modules are used on CPython when they were built, unless the
``HAZELCAST_NO_SPEEDUPS`` environment variable is true (``1``, ``true``,
``yes``, ``on``; ``0``, ``false``, ``no``, ``off`` or empty keep them); a build
that should have produced them and did not is caught by :func:`require_compiled`.
The ``hazelcast.speedups`` logger tells at DEBUG which implementation each hot
path uses, and warns when a compiled module exists but fails to import.
"""

from __future__ import annotations

import importlib
import os
from typing import Dict

from hazelcast._speedups import _select

__all__ = ["implementations", "require_compiled"]

# hot path -> module whose import runs its selector
_SELECTORS = {
    "murmur3": "hazelcast.hash",
    "frame_reader": "hazelcast.protocol.frame_reader",
    "data_input": "hazelcast.serialization.input",
    "data_output": "hazelcast.serialization.output",
    "pickle_scan": "hazelcast.serialization.pickle_scan",
    "entry_lists": "hazelcast.protocol.entry_lists",
}


def implementations() -> Dict[str, str]:
    """Returns which implementation each hot path uses.

    Returns:
        A mapping of hot path name (e.g. ``"murmur3"``) to ``"compiled"`` or
        ``"pure"``.
    """
    for module in _SELECTORS.values():
        importlib.import_module(module)
    return {name: _select.chosen[name] for name in _SELECTORS}


def require_compiled() -> None:
    """Checks that every hot path is compiled when the environment asks for it.

    The check applies when ``HAZELCAST_REQUIRE_SPEEDUPS=1`` is set, on
    CPython, and ``HAZELCAST_NO_SPEEDUPS`` is not true; otherwise it passes.

    Raises:
        RuntimeError: If a hot path fell back to pure Python.
    """
    if os.environ.get("HAZELCAST_REQUIRE_SPEEDUPS") != "1" or _select.speedups_disabled():
        return
    pure = sorted(name for name, impl in implementations().items() if impl != _select.COMPILED)
    if pure:
        raise RuntimeError(
            "HAZELCAST_REQUIRE_SPEEDUPS=1 but these hot paths use pure Python: %s "
            "(build the extensions with `python setup.py build_ext --inplace`)" % ", ".join(pure)
        )
