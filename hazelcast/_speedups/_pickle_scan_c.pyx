# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled check of the lengths and memo indices a pickle declares; accepts
and refuses the same pickles, with the same messages, as the pure twin
``_pickle_scan_py`` (see there for the contract)."""

from libc.stdint cimport uint8_t, uint64_t
from libc.string cimport memchr

from hazelcast._speedups._pickle_scan_py import (
    LEN1, LEN4, LEN8, LINE, PUT_LINE, PUT_UINT4, TWO_LINES, _check_put_line, scan_table,
)

cdef int[256] _TABLE
cdef int _LINE = LINE
cdef int _TWO_LINES = TWO_LINES
cdef int _LEN1 = LEN1
cdef int _LEN4 = LEN4
cdef int _LEN8 = LEN8
cdef int _PUT_LINE = PUT_LINE
cdef int _PUT_UINT4 = PUT_UINT4

for _i, _kind in enumerate(scan_table()):
    _TABLE[_i] = _kind


cdef inline Py_ssize_t _line_end(const uint8_t* p, Py_ssize_t pos, Py_ssize_t size) noexcept:
    # position after the next newline, or -1
    cdef const void* found
    if pos >= size:
        return -1
    found = memchr(p + pos, 10, <size_t>(size - pos))
    if found == NULL:
        return -1
    return <const uint8_t*>found - p + 1


cdef inline uint64_t _little(const uint8_t* p, int width) noexcept:
    cdef uint64_t value = 0
    cdef int i
    for i in range(width - 1, -1, -1):
        value = (value << 8) | p[i]
    return value


def check_sizes(bytes raw):
    cdef const uint8_t* p = <const uint8_t*>raw
    cdef Py_ssize_t size = len(raw)
    cdef Py_ssize_t pos = 0
    cdef Py_ssize_t end, start, width
    cdef uint64_t length, index
    cdef int kind
    cdef Py_ssize_t i
    cdef bint digits
    while pos < size:
        kind = _TABLE[p[pos]]
        pos += 1
        if kind >= 0:
            pos += kind
        elif kind == _LINE:
            pos = _line_end(p, pos, size)
            if pos < 0:
                return
        elif kind == _LEN1:
            if pos >= size:
                return
            pos += 1 + p[pos]
        elif kind == _LEN4 or kind == _LEN8:
            width = 4 if kind == _LEN4 else 8
            if pos + width > size:
                return
            length = _little(p + pos, <int>width)
            pos += width
            if length > <uint64_t>(size - pos):
                raise ValueError("%d bytes declared at position %d, %d remain" % (length, pos - width - 1, size - pos))
            pos += <Py_ssize_t>length
        elif kind == _PUT_UINT4:
            if pos + 4 > size:
                return
            index = _little(p + pos, 4)
            pos += 4
            if index > <uint64_t>size:
                raise ValueError("memo index %d is beyond the %d bytes of the pickle" % (index, size))
        elif kind == _PUT_LINE:
            end = _line_end(p, pos, size)
            if end < 0:
                return
            start = pos
            pos = end
            end -= 1  # the newline
            # the common case in C: a few plain digits
            digits = 0 < end - start <= 18
            index = 0
            if digits:
                for i in range(start, end):
                    if p[i] < 48 or p[i] > 57:
                        digits = False
                        break
                    index = index * 10 + (p[i] - 48)
            if digits:
                if index > <uint64_t>size:
                    raise ValueError("memo index %d is beyond the %d bytes of the pickle" % (index, size))
            else:
                _check_put_line(raw[start:end], size)
        elif kind == _TWO_LINES:
            pos = _line_end(p, pos, size)
            if pos < 0:
                return
            pos = _line_end(p, pos, size)
            if pos < 0:
                return
        else:  # STOP, or an opcode the unpickler refuses
            return
