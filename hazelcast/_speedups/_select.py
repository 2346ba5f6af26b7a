"""Picks the compiled or the pure-Python implementation of one hot path.

Order of the checks: ``HAZELCAST_NO_SPEEDUPS`` true -> pure; not CPython ->
pure; otherwise the compiled module when it imports, else pure. Type
checkers never run this: selectors import the pure twin under
``TYPE_CHECKING``.

``HAZELCAST_NO_SPEEDUPS`` is a boolean: unset, empty, ``0``, ``false``, ``no``
or ``off`` keep the speedups; ``1``, ``true``, ``yes`` or ``on`` turn them off
(case and surrounding spaces ignored). Any other value turns them off too, with
a warning naming it.

Logged on the ``hazelcast.speedups`` logger: at DEBUG, which implementation each
hot path uses and why; at WARNING, a compiled module that exists but fails to
import (a broken or mismatched build), and an unrecognized switch value.
"""

from __future__ import annotations

import importlib
import logging
import os
import platform
from types import ModuleType
from typing import Dict, Optional, Tuple

COMPILED = "compiled"
PURE = "pure"

ENV_VAR = "HAZELCAST_NO_SPEEDUPS"
_FALSE = frozenset(("", "0", "false", "no", "off"))
_TRUE = frozenset(("1", "true", "yes", "on"))

_logger = logging.getLogger("hazelcast.speedups")

# hot path name -> COMPILED or PURE, filled as the selectors are imported
chosen: Dict[str, str] = {}

_warned_values = set()


def parse_no_speedups(value: Optional[str]) -> Tuple[bool, bool]:
    """Reads a ``HAZELCAST_NO_SPEEDUPS`` value.

    Args:
        value: The variable's value, ``None`` when unset.

    Returns:
        ``(disabled, recognized)``: whether the speedups are turned off, and
        whether the value was one of the known spellings (an unknown one turns
        them off).
    """
    if value is None:
        return False, True
    word = value.strip().lower()
    if word in _FALSE:
        return False, True
    if word in _TRUE:
        return True, True
    return True, False


def _disabled_by_environment() -> bool:
    value = os.environ.get(ENV_VAR)
    disabled, recognized = parse_no_speedups(value)
    if not recognized and value not in _warned_values:
        _warned_values.add(value)
        _logger.warning(
            "invalid value %r for %s: expected 1/true/yes/on (pure Python) or 0/false/no/off "
            "(compiled speedups); using pure Python",
            value,
            ENV_VAR,
        )
    return disabled


def disabled_reason() -> Optional[str]:
    """Why compiled code is ruled out (the switch or the interpreter), or None."""
    if _disabled_by_environment():
        return "%s=%s" % (ENV_VAR, os.environ.get(ENV_VAR))
    if platform.python_implementation() != "CPython":
        return "compiled speedups are for CPython, this is %s" % platform.python_implementation()
    return None


def speedups_disabled() -> bool:
    """True when the environment or the interpreter rules out compiled code."""
    return disabled_reason() is not None


def _pure(hot_path: str, pure: str, reason: str) -> ModuleType:
    chosen[hot_path] = PURE
    _logger.debug("hot path %s: pure Python (%s): %s", hot_path, pure, reason)
    return importlib.import_module(pure)


def select(hot_path: str, compiled: str, pure: str) -> ModuleType:
    """Imports and returns the module implementing ``hot_path``.

    Args:
        hot_path: Name reported by ``hazelcast.speedups.implementations()``.
        compiled: Dotted name of the compiled module.
        pure: Dotted name of the pure-Python twin.

    Returns:
        The compiled module if usable, else the pure one.
    """
    reason = disabled_reason()
    if reason is not None:
        return _pure(hot_path, pure, reason)
    try:
        module = importlib.import_module(compiled)
    except ModuleNotFoundError as e:
        if e.name != compiled:
            # the compiled module is there but needs a module that is not
            _logger.warning("compiled module %s exists but failed to import (%s); using pure Python", compiled, e)
            return _pure(hot_path, pure, "the compiled module failed to import")
        return _pure(hot_path, pure, "the compiled module %s is not built" % compiled)
    except ImportError as e:  # built, but for another interpreter, or broken
        _logger.warning("compiled module %s exists but failed to import (%s); using pure Python", compiled, e)
        return _pure(hot_path, pure, "the compiled module failed to import")
    chosen[hot_path] = COMPILED
    _logger.debug("hot path %s: compiled (%s)", hot_path, getattr(module, "__file__", compiled))
    return module
