# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled ObjectDataOutput; writes the same bytes and raises the same
errors as the pure twin ``_data_output_py`` (see there and in
:mod:`hazelcast.serialization.output` for the contract).

The common values (exact ``int``, ``float`` and ``str`` in range) are
written in C; anything else goes through the pure twin's ``struct``
formats, so unusual values (bools, objects with ``__index__``) and bad
values (out of range, wrong type) behave exactly as there.
"""

from cpython.buffer cimport PyBUF_SIMPLE, PyBuffer_Release, PyObject_GetBuffer
from cpython.bytearray cimport PyByteArray_AS_STRING, PyByteArray_GET_SIZE, PyByteArray_Resize
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.float cimport PyFloat_AS_DOUBLE, PyFloat_CheckExact
from cpython.long cimport PyLong_CheckExact
from cpython.unicode cimport PyUnicode_AsEncodedString, PyUnicode_CheckExact, PyUnicode_GET_LENGTH
from libc.math cimport isinf
from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memcpy, memset

from hazelcast._speedups._endian cimport store16, store32, store64, store_double, store_float

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataOutput
from hazelcast.serialization.bits import (
    BE_DOUBLE, BE_FLOAT, BE_INT, BE_LONG, BE_SHORT, BE_USHORT,
    LE_DOUBLE, LE_FLOAT, LE_INT, LE_LONG, LE_SHORT, LE_USHORT,
    lone_surrogate_error,
)

cdef extern from "Python.h":
    long long PyLong_AsLongLongAndOverflow(object, int*) except? -1
    bint PyUnicode_IS_COMPACT_ASCII(object)
    const void* PyUnicode_DATA(object)
    Py_UCS4 PyUnicode_READ_CHAR(object, Py_ssize_t)

cdef enum:
    NULL_ARRAY_LENGTH = -1
    # slow-path struct formats, indexed by kind
    K_SHORT = 0
    K_CHAR = 1
    K_INT = 2
    K_LONG = 3
    K_FLOAT = 4
    K_DOUBLE = 5

cdef tuple _BE = (BE_SHORT, BE_USHORT, BE_INT, BE_LONG, BE_FLOAT, BE_DOUBLE)
cdef tuple _LE = (LE_SHORT, LE_USHORT, LE_INT, LE_LONG, LE_FLOAT, LE_DOUBLE)
cdef int64_t[6] _MIN = [-(1 << 15), 0, -(1 << 31), -0x7FFFFFFFFFFFFFFF - 1, 0, 0]
cdef int64_t[6] _MAX = [(1 << 15) - 1, 0xFFFF, (1 << 31) - 1, 0x7FFFFFFFFFFFFFFF, 0, 0]
cdef Py_ssize_t[6] _SIZE = [2, 2, 4, 8, 4, 8]
# the builtin called as Python calls it: Cython's inlined ord() words its
# errors differently, and errors must match the pure twin's
cdef object _ord = getattr(__import__("builtins"), "ord")


cdef class _DataOutput:
    """Writes into a bytearray that grows on demand; ``size`` is its
    initial capacity. Multi-byte values follow ``is_big_endian``."""

    cdef bytearray _buf
    cdef Py_ssize_t _cur
    cdef bint _big
    cdef public object _service

    def __init__(self, size, serialization_service=None, is_big_endian=True):
        self._buf = bytearray(max(size, 16))
        self._cur = 0
        self._service = serialization_service
        self._big = bool(is_big_endian)

    # -- attributes of the pure twin, for code that reaches into them ------

    @property
    def _buffer(self):
        return self._buf

    @property
    def _is_big_endian(self):
        return self._big

    @property
    def _pos(self):
        return self._cur

    @_pos.setter
    def _pos(self, value):
        # the pool of the serialization service rewinds outputs this way
        if value < 0 or value > PyByteArray_GET_SIZE(self._buf):
            raise ValueError("position %d is outside the %d-byte buffer" % (value, len(self._buf)))
        self._cur = value

    # -- capacity -------------------------------------------------------------

    cdef inline uint8_t* _reserve(self, Py_ssize_t n) except NULL:
        """Pointer to ``n`` writable bytes at the cursor (the cursor stays)."""
        cdef Py_ssize_t size = PyByteArray_GET_SIZE(self._buf)
        if n < 0:
            raise ValueError("negative count")
        if n > size - self._cur:
            # at least double, so n appends cost O(n) copies in total
            PyByteArray_Resize(self._buf, size + max(size, n))
        return <uint8_t*>PyByteArray_AS_STRING(self._buf) + self._cur

    cdef int _put(self, const void* data, Py_ssize_t n) except -1:
        memcpy(self._reserve(n), data, n)
        self._cur += n
        return 0

    cdef int _put_object(self, object data) except -1:
        """Appends the bytes of a buffer object."""
        cdef Py_buffer view
        if type(data) is bytes:
            return self._put(PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data))
        PyObject_GetBuffer(data, &view, PyBUF_SIMPLE)
        try:
            self._put(view.buf, view.len)
        finally:
            PyBuffer_Release(&view)
        return 0

    def _write_raw(self, data):
        self._put_object(data)

    cdef inline int _store(self, uint8_t* p, int kind, object val, bint big) except -1:
        """Stores ``val`` as a value of ``kind`` at ``p``."""
        cdef int overflow = 0
        cdef long long v
        cdef double d
        cdef float f
        if kind <= K_LONG:
            if PyLong_CheckExact(val):
                v = PyLong_AsLongLongAndOverflow(val, &overflow)
                if not overflow and _MIN[kind] <= v <= _MAX[kind]:
                    if kind <= K_CHAR:
                        store16(p, <uint16_t>v, big)
                    elif kind == K_INT:
                        store32(p, <uint32_t>v, big)
                    else:
                        store64(p, <uint64_t>v, big)
                    return 0
        elif PyFloat_CheckExact(val):
            d = PyFloat_AS_DOUBLE(val)
            if kind == K_DOUBLE:
                store_double(p, d, big)
                return 0
            f = <float>d
            if not (isinf(f) and not isinf(d)):
                store_float(p, f, big)
                return 0
        # anything else: the pure twin's struct raises or accepts it
        raw = ((<tuple>_BE) if big else (<tuple>_LE))[kind].pack(val)
        memcpy(p, PyBytes_AS_STRING(raw), _SIZE[kind])
        return 0

    cdef inline int _write(self, int kind, object val, bint big) except -1:
        cdef Py_ssize_t n = _SIZE[kind]
        self._store(self._reserve(n), kind, val, big)
        self._cur += n
        return 0

    cdef int _write_length(self, Py_ssize_t n) except -1:
        store32(self._reserve(4), <uint32_t>n, self._big)
        self._cur += 4
        return 0

    # -- primitives -----------------------------------------------------------

    def write_from(self, buff, offset=None, length=None):
        if offset is None:
            offset = 0
        if length is None:
            length = len(buff) - offset
        if offset < 0 or length < 0 or offset + length > len(buff):
            raise ValueError(
                "invalid range offset=%d length=%d for a buffer of %d bytes"
                % (offset, length, len(buff))
            )
        self._put_object(memoryview(buff)[offset : offset + length])

    def write_boolean(self, val):
        self._reserve(1)[0] = 1 if val else 0
        self._cur += 1

    def write_byte(self, val):
        # Java's writeByte keeps the low 8 bits: accepts signed and unsigned bytes
        cdef int overflow = 0
        cdef long long v = 0
        if PyLong_CheckExact(val):
            v = PyLong_AsLongLongAndOverflow(val, &overflow)
        if overflow or not PyLong_CheckExact(val):
            v = val & 0xFF
        self._reserve(1)[0] = <uint8_t>v
        self._cur += 1

    def write_short(self, val):
        self._write(K_SHORT, val, self._big)

    def write_char(self, val):
        cdef Py_UCS4 code
        if PyUnicode_CheckExact(val) and PyUnicode_GET_LENGTH(val) == 1:
            code = PyUnicode_READ_CHAR(val, 0)
            if code <= 0xFFFF:
                store16(self._reserve(2), <uint16_t>code, self._big)
                self._cur += 2
                return
        self._write(K_CHAR, _ord(val), self._big)

    def write_int(self, val):
        self._write(K_INT, val, self._big)

    def write_int_big_endian(self, val):
        """Writes an int in big-endian order whatever the configured order."""
        self._write(K_INT, val, True)

    def write_int_positional(self, val, position):
        """Overwrites an int at an earlier position (e.g. an offset table)."""
        if position < 0 or position + 4 > self._cur:
            raise ValueError("position %d is outside the %d bytes written" % (position, self._cur))
        cdef Py_ssize_t at = position
        self._store(<uint8_t*>PyByteArray_AS_STRING(self._buf) + at, K_INT, val, self._big)

    def write_long(self, val):
        self._write(K_LONG, val, self._big)

    def write_float(self, val):
        self._write(K_FLOAT, val, self._big)

    def write_double(self, val):
        self._write(K_DOUBLE, val, self._big)

    def write_bytes(self, val):
        try:
            raw = val.encode("latin-1")
        except UnicodeEncodeError:
            raw = bytes(_ord(c) & 0xFF for c in val)
        self._put_object(raw)

    def write_chars(self, val):
        # UTF-16 code units, as Java's writeChars (non-BMP chars become pairs)
        self._put_object(val.encode("utf-16-be" if self._big else "utf-16-le", "surrogatepass"))

    cdef int _write_string(self, object val) except -1:
        cdef Py_ssize_t n
        cdef uint8_t* p
        if val is None:
            return self._write_length(NULL_ARRAY_LENGTH)
        if PyUnicode_CheckExact(val) and PyUnicode_IS_COMPACT_ASCII(val):
            # ASCII is its own UTF-8: copy the characters, no encoded copy
            n = PyUnicode_GET_LENGTH(val)
            p = self._reserve(4 + n)
            store32(p, <uint32_t>n, self._big)
            memcpy(p + 4, PyUnicode_DATA(val), n)
            self._cur += 4 + n
            return 0
        try:
            if PyUnicode_CheckExact(val):
                raw = PyUnicode_AsEncodedString(val, "utf-8", NULL)
            else:
                raw = val.encode("utf-8")
        except UnicodeEncodeError as e:  # lone surrogates: refused, never "?"
            raise lone_surrogate_error(val, e) from None
        n = len(raw)
        p = self._reserve(4 + n)
        store32(p, <uint32_t>n, self._big)
        memcpy(p + 4, PyBytes_AS_STRING(raw), n)
        self._cur += 4 + n
        return 0

    def write_string(self, val):
        self._write_string(val)

    def write_utf(self, val):
        self._write_string(val)

    def write_zero_bytes(self, count):
        """Writes ``count`` zero bytes (reserves room to fill in later)."""
        if not PyLong_CheckExact(count):
            # refused or accepted by the same operations as in the pure twin
            end = self._cur + count
            self._put_object(bytes(count))
            return
        cdef Py_ssize_t n
        try:
            n = count
        except OverflowError:
            # beyond a C size: refused by the same call, with the same error, as in
            # the pure twin
            self._put_object(bytes(count))
            return
        memset(self._reserve(n), 0, n)
        self._cur += n

    # -- arrays ---------------------------------------------------------------

    cdef int _write_packed(self, int kind, object val) except -1:
        if val is None:
            return self._write_length(NULL_ARRAY_LENGTH)
        cdef Py_ssize_t n = len(val)
        cdef Py_ssize_t size = _SIZE[kind]
        cdef Py_ssize_t i
        cdef bint big = self._big
        items = val if type(val) is list or type(val) is tuple else tuple(val)
        if len(items) != n:
            raise _struct_error(n, len(items))
        cdef uint8_t* p = self._reserve(4 + n * size)
        store32(p, <uint32_t>n, big)
        p += 4
        for i in range(n):
            # a bad item raises before the cursor moves, as in the pure twin
            self._store(p + i * size, kind, items[i], big)
        self._cur += 4 + n * size
        return 0

    def write_byte_array(self, val):
        if val is None:
            self._write_length(NULL_ARRAY_LENGTH)
            return
        cdef Py_ssize_t n = len(val)
        if not isinstance(val, (bytes, bytearray, memoryview)):
            val = bytes(v & 0xFF for v in val)
        cdef Py_ssize_t start = self._cur
        self._write_length(n)
        try:
            self._put_object(val)
        except BaseException:
            self._cur = start
            raise

    def write_boolean_array(self, val):
        if val is None:
            self._write_length(NULL_ARRAY_LENGTH)
            return
        self._write_length(len(val))
        self._put_object(bytes([1 if v else 0 for v in val]))

    def write_char_array(self, val):
        if val is None:
            self._write_length(NULL_ARRAY_LENGTH)
            return
        self._write_packed(K_CHAR, [_ord(c) for c in val])

    def write_short_array(self, val):
        self._write_packed(K_SHORT, val)

    def write_int_array(self, val):
        self._write_packed(K_INT, val)

    def write_long_array(self, val):
        self._write_packed(K_LONG, val)

    def write_float_array(self, val):
        self._write_packed(K_FLOAT, val)

    def write_double_array(self, val):
        self._write_packed(K_DOUBLE, val)

    def write_string_array(self, val):
        if val is None:
            self._write_length(NULL_ARRAY_LENGTH)
            return
        cdef Py_ssize_t start = self._cur
        self._write_length(len(val))
        try:
            for item in val:
                self._write_string(item)
        except BaseException:
            self._cur = start  # a refused item leaves no half-written array behind
            raise

    def write_utf_array(self, val):
        self.write_string_array(val)

    # -- objects and access ---------------------------------------------------

    def write_object(self, val):
        service = self._service
        if service is None:
            raise HazelcastSerializationError("cannot write an object: the output has no serialization service")
        service.write_object(self, val)

    def to_byte_array(self):
        return self._buf[: self._cur]

    def to_bytes(self):
        """Returns the bytes written so far as an immutable copy."""
        return PyBytes_FromStringAndSize(PyByteArray_AS_STRING(self._buf), self._cur)

    def get_byte_order(self):
        return "BIG_ENDIAN" if self._big else "LITTLE_ENDIAN"

    def position(self):
        """Returns the number of bytes written so far."""
        return self._cur

    def set_position(self, position):
        """Moves the write position within the bytes written so far."""
        if position < 0 or position > self._cur:
            raise ValueError("position %d is outside the %d bytes written" % (position, self._cur))
        self._cur = position


cdef object _struct_error(Py_ssize_t expected, Py_ssize_t got):
    import struct
    return struct.error("pack_into expected %d items for packing (got %d)" % (expected, got))


class _ObjectDataOutput(_DataOutput, ObjectDataOutput):
    """Writes into a bytearray that grows on demand; ``size`` is its
    initial capacity. Multi-byte values follow ``is_big_endian``."""

    __slots__ = ()
