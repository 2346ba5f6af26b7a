"""Picks the compiled or the pure-Python implementation of one hot path.

Order of the checks: ``HAZELCAST_NO_SPEEDUPS`` set -> pure; not CPython ->
pure; otherwise the compiled module when it imports, else pure. Type
checkers never run this: selectors import the pure twin under
``TYPE_CHECKING``.
"""

from __future__ import annotations

import importlib
import os
import platform
from types import ModuleType
from typing import Dict

COMPILED = "compiled"
PURE = "pure"

# hot path name -> COMPILED or PURE, filled as the selectors are imported
chosen: Dict[str, str] = {}


def speedups_disabled() -> bool:
    """True when the environment or the interpreter rules out compiled code."""
    if os.environ.get("HAZELCAST_NO_SPEEDUPS"):
        return True
    return platform.python_implementation() != "CPython"


def select(hot_path: str, compiled: str, pure: str) -> ModuleType:
    """Imports and returns the module implementing ``hot_path``.

    Args:
        hot_path: Name reported by ``hazelcast.speedups.implementations()``.
        compiled: Dotted name of the compiled module.
        pure: Dotted name of the pure-Python twin.

    Returns:
        The compiled module if usable, else the pure one.
    """
    if not speedups_disabled():
        try:
            module = importlib.import_module(compiled)
        except ImportError:
            pass
        else:
            chosen[hot_path] = COMPILED
            return module
    chosen[hot_path] = PURE
    return importlib.import_module(pure)
