# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled MurmurHash3 (x86, 32-bit); same results as the pure twin
``_murmur3_py`` (see there for the contract)."""

from cpython.buffer cimport PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE
from cpython.bytes cimport PyBytes_CheckExact, PyBytes_AS_STRING, PyBytes_GET_SIZE
from libc.stdint cimport uint32_t, int32_t, uint8_t

# typed constants: hex literals above 2**31 would otherwise be Python ints
cdef uint32_t C1 = 0xCC9E2D51
cdef uint32_t C2 = 0x1B873593
cdef uint32_t N1 = 0xE6546B64
cdef uint32_t F1 = 0x85EBCA6B
cdef uint32_t F2 = 0xC2B2AE35


cdef inline uint32_t _rotl32(uint32_t x, int r) nogil:
    return (x << r) | (x >> (32 - r))


cdef inline uint32_t _fmix32(uint32_t h) nogil:
    h ^= h >> 16
    h *= F1
    h ^= h >> 13
    h *= F2
    h ^= h >> 16
    return h


cdef int32_t _hash(const uint8_t* p, Py_ssize_t size, uint32_t seed) nogil:
    cdef uint32_t h1 = seed
    cdef uint32_t k1
    cdef Py_ssize_t nblocks = size >> 2
    cdef Py_ssize_t i
    cdef const uint8_t* b
    for i in range(nblocks):
        b = p + (i << 2)
        # explicit little-endian load: same result on any host byte order
        k1 = <uint32_t>b[0] | (<uint32_t>b[1] << 8) | (<uint32_t>b[2] << 16) | (<uint32_t>b[3] << 24)
        k1 *= C1
        k1 = _rotl32(k1, 15)
        k1 *= C2
        h1 ^= k1
        h1 = _rotl32(h1, 13)
        h1 = h1 * 5 + N1
    b = p + (nblocks << 2)
    k1 = 0
    cdef int rest = size & 3
    if rest == 3:
        k1 ^= <uint32_t>b[2] << 16
    if rest >= 2:
        k1 ^= <uint32_t>b[1] << 8
    if rest >= 1:
        k1 ^= <uint32_t>b[0]
        k1 *= C1
        k1 = _rotl32(k1, 15)
        k1 *= C2
        h1 ^= k1
    h1 ^= <uint32_t>size
    return <int32_t>_fmix32(h1)


def murmur_hash3_x86_32(data, Py_ssize_t offset, Py_ssize_t size, seed=0x01000193):
    cdef Py_buffer view
    cdef const uint8_t* p
    cdef Py_ssize_t length
    cdef uint32_t useed = <uint32_t>(seed & 0xFFFFFFFF)
    cdef int32_t result
    if PyBytes_CheckExact(data):
        length = PyBytes_GET_SIZE(data)
        if offset < 0 or size < 0 or offset + size > length:
            raise ValueError(
                "invalid range offset=%d size=%d for a buffer of %d bytes" % (offset, size, length)
            )
        p = <const uint8_t*>PyBytes_AS_STRING(data)
        return _hash(p + offset, size, useed)
    PyObject_GetBuffer(data, &view, PyBUF_SIMPLE)
    try:
        length = view.len
        if offset < 0 or size < 0 or offset + size > length:
            raise ValueError(
                "invalid range offset=%d size=%d for a buffer of %d bytes" % (offset, size, length)
            )
        p = <const uint8_t*>view.buf
        result = _hash(p + offset, size, useed)
    finally:
        PyBuffer_Release(&view)
    return result


def hash_to_index(int hash, Py_ssize_t length):
    if hash == -0x80000000:
        return 0
    if hash < 0:
        hash = -hash
    if length <= 0:
        # Python's modulo, as in the pure twin: ZeroDivisionError for 0
        # (C's would kill the process with SIGFPE), Python's sign otherwise
        return (<object>hash) % (<object>length)
    return hash % length


def data_partition_id(data, Py_ssize_t count):
    """Compiled twin of ``_murmur3_py.data_partition_id``: header read, hash and
    index in one call for the bytes of every key the client sends."""
    cdef const uint8_t* p
    cdef Py_ssize_t size
    cdef int32_t h
    if not PyBytes_CheckExact(data) or count <= 0:
        return _any_data_partition_id(data, count)
    size = PyBytes_GET_SIZE(data)
    p = <const uint8_t*>PyBytes_AS_STRING(data)
    if size >= 8:
        # the stored partition hash: big-endian, as every Data header
        h = <int32_t>((<uint32_t>p[0] << 24) | (<uint32_t>p[1] << 16) | (<uint32_t>p[2] << 8) | <uint32_t>p[3])
        if h == 0:
            h = _hash(p + 8, size - 8, 0x01000193)
    elif size == 0:
        h = _hash(p, 0, 0x01000193)
    else:
        raise ValueError("a serialized Data has an 8-byte header; got %d bytes" % size)
    if h == -0x80000000:
        return 0
    if h < 0:
        h = -h
    return h % count


def _any_data_partition_id(data, count):
    # other buffers, and counts C's modulo must not see: the pure twin's steps
    cdef Py_ssize_t size = len(data)
    if size >= 8:
        h = int.from_bytes(bytes(memoryview(data)[0:4]), "big", signed=True)
        if h == 0:
            h = murmur_hash3_x86_32(data, 8, size - 8)
    elif size == 0:
        h = murmur_hash3_x86_32(data, 0, 0)
    else:
        raise ValueError("a serialized Data has an 8-byte header; got %d bytes" % size)
    return hash_to_index(h, count)
