"""Version constraints for the server_version marker: ">=5.3", ">=5.0,<6", "==5.7.0"."""

from __future__ import annotations

import operator
import re
from typing import Tuple

_OPS = [(">=", operator.ge), ("<=", operator.le), ("==", operator.eq), ("!=", operator.ne),
        (">", operator.gt), ("<", operator.lt), ("=", operator.eq)]


def parse_version(text: str) -> Tuple[int, int, int]:
    """(major, minor, patch) of "5.7.0", "5.4" or "5.4.1-SNAPSHOT"."""
    m = re.match(r"\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not m:
        raise ValueError("invalid version %r: expected major[.minor[.patch]]" % text)
    return tuple(int(g or 0) for g in m.groups())  # type: ignore[return-value]


def satisfies(version: str, spec: str) -> bool:
    """True if `version` meets every comma-separated constraint of `spec`."""
    have = parse_version(version)
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        for symbol, op in _OPS:
            if part.startswith(symbol):
                want = parse_version(part[len(symbol):])
                break
        else:
            symbol, op, want = "==", operator.eq, parse_version(part)
        if not op(have, want):
            return False
    return True
