"""A cross-process lock on a file, so concurrent test runs share the cache safely."""

from __future__ import annotations

import os

try:
    import fcntl
except ImportError:  # not POSIX: runs are assumed not to overlap
    fcntl = None


class FileLock:
    """Exclusive advisory lock held while inside the `with` block."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._fd = None

    def __enter__(self) -> "FileLock":
        os.makedirs(os.path.dirname(self._path), exist_ok=True)
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
