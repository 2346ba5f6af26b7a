"""A small deterministic mutator (bit flips, interesting integers, cuts,
splices, repeats) for the bounded fuzz run of the test suite and for the
long run where atheris is not available."""

from __future__ import annotations

import random
import struct
import typing

_INTERESTING = [0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, -0x80000000, 0xFFFFFFFF, 6, 64]


def mutate(rng: random.Random, data: bytes, others: typing.Sequence[bytes], max_size: int = 4096) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(8)
        if choice == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif choice == 1 and buf:  # a random byte
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif choice == 2 and len(buf) >= 4:  # an interesting int32, either byte order
            i = rng.randrange(len(buf) - 3)
            value = rng.choice(_INTERESTING) & 0xFFFFFFFF
            struct.pack_into(rng.choice("<>") + "I", buf, i, value)
        elif choice == 3 and buf:  # cut
            del buf[rng.randrange(len(buf)) :]
        elif choice == 4 and buf:  # delete a range
            i = rng.randrange(len(buf))
            del buf[i : i + rng.randint(1, 16)]
        elif choice == 5 and others:  # splice with another input
            other = rng.choice(others)
            i, j = rng.randrange(len(buf) + 1), rng.randrange(len(other) + 1)
            buf = buf[:i] + other[j:]
        elif choice == 6 and buf:  # repeat a range
            i = rng.randrange(len(buf))
            piece = buf[i : i + rng.randint(1, 32)]
            buf[i:i] = piece * rng.randint(1, 8)
        else:  # insert random bytes
            i = rng.randrange(len(buf) + 1)
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(buf[:max_size])
