# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled ObjectDataInput; reads the same values and raises the same
errors as the pure twin ``_data_input_py`` (see there and in
:mod:`hazelcast.serialization.input` for the contract).

Every read checks its bounds in C before touching memory: corrupt input
raises HazelcastSerializationError, never reads outside the buffer, and no
length prefix makes it allocate more than the input holds.
"""

from cpython.bytearray cimport PyByteArray_FromStringAndSize
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.list cimport PyList_New, PyList_SET_ITEM
from cpython.ref cimport Py_INCREF
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t

from hazelcast._speedups._endian cimport load16, load32, load64, load_double, load_float

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataInput

cdef enum:
    NULL_ARRAY_LENGTH = -1


cdef inline void _set_item(list items, Py_ssize_t i, object value):
    # PyList_SET_ITEM steals a reference
    Py_INCREF(value)
    PyList_SET_ITEM(items, i, value)


cdef class _DataInput:
    """Reads from ``buff`` starting at ``offset``; multi-byte values follow
    ``is_big_endian``."""

    cdef bytes _data
    cdef const uint8_t* _p
    cdef Py_ssize_t _cur
    cdef Py_ssize_t _len
    cdef bint _big
    cdef public object _service

    def __init__(self, buff, offset=0, serialization_service=None, is_big_endian=True):
        size = len(buff)
        if offset < 0 or offset > size:
            raise HazelcastSerializationError(
                "invalid offset %d for a buffer of %d bytes" % (offset, size)
            )
        # an immutable copy of other buffers: reads then need no buffer export
        self._data = buff if type(buff) is bytes else bytes(buff)
        self._p = <const uint8_t*>PyBytes_AS_STRING(self._data)
        self._len = PyBytes_GET_SIZE(self._data)
        self._cur = min(<Py_ssize_t>offset, self._len)
        self._service = serialization_service
        self._big = bool(is_big_endian)

    # -- attributes of the pure twin, for code that reaches into them ------

    @property
    def _buffer(self):
        return self._data

    @property
    def _size(self):
        return self._len

    @property
    def _is_big_endian(self):
        return self._big

    @property
    def _pos(self):
        return self._cur

    @_pos.setter
    def _pos(self, value):
        self.set_position(value)

    # -- errors and bounds ------------------------------------------------

    cdef object _eof(self, Py_ssize_t needed, object pos):
        return HazelcastSerializationError(
            "cannot read %d bytes at position %d: the input has %d bytes" % (needed, pos, self._len)
        )

    cdef inline Py_ssize_t _at(self, object position, Py_ssize_t n) except -1:
        """Start of ``n`` bytes to read: at the cursor, which moves past
        them, or at ``position`` (negative counts from the end, as in the
        pure twin's ``struct.unpack_from``)."""
        cdef Py_ssize_t pos
        if position is None:
            pos = self._cur
            if n > self._len - pos:
                raise self._eof(n, pos)
            self._cur = pos + n
            return pos
        pos = position
        if pos < 0:
            pos += self._len
        if pos < 0 or n > self._len - pos:
            raise self._eof(n, position)
        return pos

    cdef Py_ssize_t _read_length(self, Py_ssize_t item_size) except -2:
        cdef Py_ssize_t pos = self._at(None, 4)
        cdef int64_t n = <int32_t>load32(self._p + pos, self._big)
        if n < NULL_ARRAY_LENGTH:
            raise HazelcastSerializationError("invalid length %d at position %d" % (n, pos))
        if n > 0 and n * item_size > self._len - self._cur:
            raise HazelcastSerializationError(
                "length %d at position %d exceeds the %d remaining bytes"
                % (n, pos, self._len - self._cur)
            )
        return <Py_ssize_t>n

    # -- raw ----------------------------------------------------------------

    def read_into(self, buff, offset=None, length=None):
        if offset is None:
            offset = 0
        if length is None:
            length = len(buff) - offset
        if offset < 0 or length < 0 or offset + length > len(buff):
            raise HazelcastSerializationError(
                "invalid range offset=%d length=%d for a buffer of %d bytes"
                % (offset, length, len(buff))
            )
        cdef Py_ssize_t pos = self._at(None, length)
        buff[offset : offset + length] = self._data[pos : pos + length]
        return buff

    def skip_bytes(self, count):
        if count <= 0:
            return 0
        cdef Py_ssize_t skipped = min(count, self._len - self._cur)
        self._cur += skipped
        return skipped

    # -- primitives ---------------------------------------------------------

    def read_boolean(self, position=None):
        return self._p[self._at(position, 1)] != 0

    def read_byte(self, position=None):
        return <int8_t>self._p[self._at(position, 1)]

    def read_unsigned_byte(self, position=None):
        return self._p[self._at(position, 1)]

    def read_short(self, position=None):
        return <int16_t>load16(self._p + self._at(position, 2), self._big)

    def read_unsigned_short(self, position=None):
        return load16(self._p + self._at(position, 2), self._big)

    def read_char(self, position=None):
        return chr(load16(self._p + self._at(position, 2), self._big))

    def read_int(self, position=None):
        return <int32_t>load32(self._p + self._at(position, 4), self._big)

    def read_long(self, position=None):
        return <int64_t>load64(self._p + self._at(position, 8), self._big)

    def read_float(self, position=None):
        return load_float(self._p + self._at(position, 4), self._big)

    def read_double(self, position=None):
        return load_double(self._p + self._at(position, 8), self._big)

    cdef object _read_string(self):
        cdef Py_ssize_t at = self._at(None, 4)
        cdef int64_t n = <int32_t>load32(self._p + at, self._big)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef Py_ssize_t pos = self._cur
        if n < 0 or n > self._len - pos:
            raise HazelcastSerializationError(
                "string length %d at position %d exceeds the %d remaining bytes"
                % (n, at, self._len - pos)
            )
        self._cur = pos + n
        try:
            return PyUnicode_DecodeUTF8(<const char*>self._p + pos, n, NULL)
        except UnicodeDecodeError as e:
            raise HazelcastSerializationError(
                "invalid UTF-8 string at position %d: %s" % (pos, e)
            ) from None

    def read_string(self):
        return self._read_string()

    def read_utf(self):
        return self._read_string()

    # -- arrays -------------------------------------------------------------

    def read_byte_array(self):
        cdef Py_ssize_t n = self._read_length(1)
        if n == NULL_ARRAY_LENGTH:
            return None
        return PyByteArray_FromStringAndSize(<const char*>self._p + self._at(None, n), n)

    def read_boolean_array(self):
        cdef Py_ssize_t n = self._read_length(1)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, n)
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, p[i] != 0)
        return result

    def read_char_array(self):
        cdef Py_ssize_t n = self._read_length(2)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 2 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, chr(load16(p + 2 * i, big)))
        return result

    def read_short_array(self):
        cdef Py_ssize_t n = self._read_length(2)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 2 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, <int16_t>load16(p + 2 * i, big))
        return result

    def read_int_array(self):
        cdef Py_ssize_t n = self._read_length(4)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 4 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, <int32_t>load32(p + 4 * i, big))
        return result

    def read_long_array(self):
        cdef Py_ssize_t n = self._read_length(8)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 8 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, <int64_t>load64(p + 8 * i, big))
        return result

    def read_float_array(self):
        cdef Py_ssize_t n = self._read_length(4)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 4 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, load_float(p + 4 * i, big))
        return result

    def read_double_array(self):
        cdef Py_ssize_t n = self._read_length(8)
        if n == NULL_ARRAY_LENGTH:
            return None
        cdef const uint8_t* p = self._p + self._at(None, 8 * n)
        cdef bint big = self._big
        cdef list result = PyList_New(n)
        cdef Py_ssize_t i
        for i in range(n):
            _set_item(result, i, load_double(p + 8 * i, big))
        return result

    def read_string_array(self):
        cdef Py_ssize_t n = self._read_length(4)
        if n == NULL_ARRAY_LENGTH:
            return None
        return [self._read_string() for _ in range(n)]

    def read_utf_array(self):
        return self.read_string_array()

    # -- objects and access -------------------------------------------------

    def read_object(self):
        service = self._service
        if service is None:
            raise HazelcastSerializationError("cannot read an object: the input has no serialization service")
        return service.read_object(self)

    def get_byte_order(self):
        return "BIG_ENDIAN" if self._big else "LITTLE_ENDIAN"

    def position(self):
        return self._cur

    def set_position(self, position):
        """Moves the read position.

        Raises:
            HazelcastSerializationError: If the position is outside the buffer.
        """
        if position < 0 or position > self._len:
            raise HazelcastSerializationError(
                "position %d is outside the %d-byte input" % (position, self._len)
            )
        self._cur = position

    def size(self):
        return self._len


class _ObjectDataInput(_DataInput, ObjectDataInput):
    """Reads from ``buff`` starting at ``offset``; multi-byte values follow
    ``is_big_endian``."""

    __slots__ = ()
