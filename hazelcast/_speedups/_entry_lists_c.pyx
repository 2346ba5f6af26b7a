# cython: language_level=3, wraparound=False, boundscheck=True
# (bounds checked: a message that ends inside the list raises IndexError, as in the pure twin)
"""Compiled twin of ``_entry_lists_py`` (see there for the contract): one pass
over the frames, strings and 32/64-bit integers read in place, anything else
deserialized by ``to_object`` as in the pure twin; frames written with one
resize of the buffer."""

from cpython.bytearray cimport PyByteArray_AS_STRING, PyByteArray_GET_SIZE, PyByteArray_Resize
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_CheckExact, PyBytes_GET_SIZE
from libc.string cimport memcpy
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport int32_t, int64_t, uint8_t, uint32_t, uint64_t

from hazelcast.protocol.client_message import END_DATA_STRUCTURE_FLAG, IS_NULL_FLAG
from hazelcast.serialization.data import Data

cdef int _END = END_DATA_STRUCTURE_FLAG
cdef int _NULL = IS_NULL_FLAG
# built-in type ids (serialization_const): no user serializer can take them
cdef int32_t _STRING = -11
cdef int32_t _INTEGER = -7
cdef int32_t _LONG = -8
cdef object _MISS = object()


cdef inline uint32_t _u32(const uint8_t* p, bint big):
    if big:
        return (<uint32_t>p[0] << 24) | (<uint32_t>p[1] << 16) | (<uint32_t>p[2] << 8) | <uint32_t>p[3]
    return <uint32_t>p[0] | (<uint32_t>p[1] << 8) | (<uint32_t>p[2] << 16) | (<uint32_t>p[3] << 24)


cdef object _read_simple(object buf, bint big):
    # The value of a string, int or long Data exactly as to_object reads it;
    # _MISS for anything else, including what to_object would refuse (it then
    # raises its own error).
    cdef Py_ssize_t size
    cdef const uint8_t* p
    cdef int32_t type_id, length
    cdef uint64_t high, low
    if not PyBytes_CheckExact(buf):
        return _MISS
    size = PyBytes_GET_SIZE(buf)
    if size < 12:
        return _MISS
    p = <const uint8_t*>PyBytes_AS_STRING(buf)
    type_id = <int32_t>_u32(p + 4, True)  # the header is big-endian
    if type_id == _STRING:
        length = <int32_t>_u32(p + 8, big)
        if length != size - 12:
            return _MISS
        try:
            return PyUnicode_DecodeUTF8(<const char*>(p + 12), length, NULL)
        except UnicodeDecodeError:
            return _MISS
    if type_id == _INTEGER and size == 12:
        return <int32_t>_u32(p + 8, big)
    if type_id == _LONG and size == 16:
        high = _u32(p + 8, big)
        low = _u32(p + 12, big)
        if not big:
            high, low = low, high
        return <int64_t>((high << 32) | low)
    return _MISS


def read_entries(list frames, Py_ssize_t index, to_object, bint big_endian):
    cdef list pairs = []
    cdef object frame, key, value
    index += 1
    while True:
        frame = frames[index]
        if frame.flags & _END:
            return pairs, index + 1
        key = _read_simple(frame.buf, big_endian)
        if key is _MISS:
            key = to_object(Data(frame.buf))
        frame = frames[index + 1]
        value = _read_simple(frame.buf, big_endian)
        if value is _MISS:
            value = to_object(Data(frame.buf))
        pairs.append((key, value))
        index += 2


def read_object(list frames, Py_ssize_t index, to_object, bint big_endian):
    frame = frames[index]
    if frame.flags & _NULL:
        return None
    value = _read_simple(frame.buf, big_endian)
    if value is _MISS:
        return to_object(Data(frame.buf))
    return value


cdef inline void _put_frame(char* out, bytes content):
    cdef Py_ssize_t n = PyBytes_GET_SIZE(content)
    cdef uint32_t length = <uint32_t>(n + 6)
    out[0] = <char>(length & 0xFF)
    out[1] = <char>((length >> 8) & 0xFF)
    out[2] = <char>((length >> 16) & 0xFF)
    out[3] = <char>((length >> 24) & 0xFF)
    out[4] = 0
    out[5] = 0
    memcpy(out + 6, PyBytes_AS_STRING(content), n)


cdef void _append(bytearray buf, list contents) except *:
    cdef Py_ssize_t start = PyByteArray_GET_SIZE(buf)
    cdef Py_ssize_t total = 0
    cdef bytes content
    for content in contents:
        total += PyBytes_GET_SIZE(content) + 6
    PyByteArray_Resize(buf, start + total)
    cdef char* out = PyByteArray_AS_STRING(buf) + start
    for content in contents:
        _put_frame(out, content)
        out += PyBytes_GET_SIZE(content) + 6


def write_items(bytearray buf, items):
    cdef list contents = [item._buffer for item in items]
    _append(buf, contents)


def write_entries(bytearray buf, entries):
    cdef list contents = []
    for key, value in entries:
        contents.append(key._buffer)
        contents.append(value._buffer)
    _append(buf, contents)
