"""Checks the numbers a pickle declares against its size before it is
unpickled (pure Python; the compiled twin is ``_pickle_scan_c``, selected by
:mod:`hazelcast.serialization.pickle_scan`).

The C unpickler acts on some numbers in the data before checking them
against it: it allocates ``BINBYTES8`` and ``BYTEARRAY8`` objects of the
declared length before reading them, and grows its memo, zero-filled, to
the index of a ``PUT``/``LONG_BINPUT``. A few bytes could thus make it
allocate gigabytes. :func:`check_sizes` follows the opcodes (positions only,
nothing is built) and refuses a length beyond the bytes that remain and a
memo index beyond the pickle's size (no pickle stores more objects than it
has bytes). Anything else wrong is left for the unpickler to report.
"""

from __future__ import annotations

import pickletools
from typing import List

# argument layouts, per opcode byte (>= 0: that many bytes)
UNKNOWN = -1
STOP = -2
LINE = -3
TWO_LINES = -4
LEN1 = -5
LEN4 = -6
LEN8 = -7
PUT_LINE = -8
PUT_UINT4 = -9


def scan_table() -> List[int]:
    """The layout of each opcode's argument, from pickletools' table."""
    table = [UNKNOWN] * 256
    for opcode in pickletools.opcodes:
        code = ord(opcode.code.encode("latin-1"))
        arg = opcode.arg
        if arg is None:
            table[code] = STOP if opcode.name == "STOP" else 0
        elif opcode.name in ("GLOBAL", "INST"):
            table[code] = TWO_LINES
        elif opcode.name == "PUT":
            table[code] = PUT_LINE
        elif opcode.name == "LONG_BINPUT":
            table[code] = PUT_UINT4
        elif arg.n >= 0:
            table[code] = arg.n
        else:
            table[code] = {
                pickletools.UP_TO_NEWLINE: LINE,
                pickletools.TAKEN_FROM_ARGUMENT1: LEN1,
                pickletools.TAKEN_FROM_ARGUMENT4: LEN4,
                pickletools.TAKEN_FROM_ARGUMENT4U: LEN4,
                pickletools.TAKEN_FROM_ARGUMENT8U: LEN8,
            }[arg.n]
    return table


_TABLE = scan_table()


def check_sizes(raw: bytes) -> None:
    """Checks the lengths and memo indices a pickle declares.

    Args:
        raw: The pickle.

    Raises:
        ValueError: If a declared length goes past the end of the data, or a
            memo index is beyond the pickle's size.
    """
    size = len(raw)
    table = _TABLE
    pos = 0
    while pos < size:
        kind = table[raw[pos]]
        pos += 1
        if kind >= 0:
            pos += kind
        elif kind == LINE:
            pos = raw.find(b"\n", pos) + 1
            if pos == 0:
                return
        elif kind == LEN1:
            if pos >= size:
                return
            pos += 1 + raw[pos]
        elif kind == LEN4 or kind == LEN8:
            width = 4 if kind == LEN4 else 8
            if pos + width > size:
                return
            length = int.from_bytes(raw[pos : pos + width], "little")
            pos += width
            if length > size - pos:
                raise ValueError("%d bytes declared at position %d, %d remain" % (length, pos - width - 1, size - pos))
            pos += length
        elif kind == PUT_UINT4:
            if pos + 4 > size:
                return
            index = int.from_bytes(raw[pos : pos + 4], "little")
            pos += 4
            if index > size:
                raise ValueError("memo index %d is beyond the %d bytes of the pickle" % (index, size))
        elif kind == PUT_LINE:
            end = raw.find(b"\n", pos)
            if end < 0:
                return
            line = raw[pos:end]
            pos = end + 1
            _check_put_line(line, size)
        elif kind == TWO_LINES:
            pos = raw.find(b"\n", pos) + 1
            if pos == 0:
                return
            pos = raw.find(b"\n", pos) + 1
            if pos == 0:
                return
        else:  # STOP, or an opcode the unpickler refuses
            return


def _check_put_line(line: bytes, size: int) -> None:
    # The C unpickler reads the index as a C string (up to the first NUL)
    # with PyLong_FromString: signs, underscores and spaces allowed, as in
    # int(); what it refuses is left to it.
    nul = line.find(b"\0")
    if nul >= 0:
        line = line[:nul]
    try:
        index = int(line)
    except ValueError:
        return
    if index > size:
        raise ValueError("memo index %d is beyond the %d bytes of the pickle" % (index, size))
