"""Hands out port blocks so that clusters started in one run (or in parallel runs)
never share ports: each cluster owns a block of BLOCK_SIZE consecutive ports."""

from __future__ import annotations

import random
import socket
import threading
from typing import Set

BLOCK_SIZE = 10
# Below Linux's ephemeral range (32768+) so client sockets never take a member's port,
# and away from Hazelcast's default 5701 so a developer's own cluster is left alone.
FIRST_PORT = 12000
LAST_PORT = 31990

_lock = threading.Lock()
_taken: Set[int] = set()


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True if nothing listens on host:port and it can be bound right now."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def allocate_block(host: str = "127.0.0.1") -> int:
    """First port of a fresh block whose ports are all free; the block stays taken
    for the life of this process. Starting at a random block keeps concurrent
    runs (each with its own process) apart."""
    blocks = list(range(FIRST_PORT, LAST_PORT, BLOCK_SIZE))
    start = random.randrange(len(blocks))
    with _lock:
        for i in range(len(blocks)):
            base = blocks[(start + i) % len(blocks)]
            if base in _taken:
                continue
            if all(port_is_free(p, host) for p in range(base, base + BLOCK_SIZE)):
                _taken.add(base)
                return base
    raise RuntimeError("no free block of %d ports between %d and %d" % (BLOCK_SIZE, FIRST_PORT, LAST_PORT))
