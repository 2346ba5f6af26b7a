# cython: language_level=3
"""Loads and stores of fixed-size values in either byte order, shared by the
compiled data input and output (inline: no call at run time). Explicit byte
shifts give the same result on any host byte order."""

from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memcpy


cdef inline uint16_t load16(const uint8_t* p, bint big) noexcept nogil:
    if big:
        return <uint16_t>((<uint16_t>p[0] << 8) | p[1])
    return <uint16_t>((<uint16_t>p[1] << 8) | p[0])


cdef inline uint32_t load32(const uint8_t* p, bint big) noexcept nogil:
    if big:
        return ((<uint32_t>p[0] << 24) | (<uint32_t>p[1] << 16)
                | (<uint32_t>p[2] << 8) | <uint32_t>p[3])
    return ((<uint32_t>p[3] << 24) | (<uint32_t>p[2] << 16)
            | (<uint32_t>p[1] << 8) | <uint32_t>p[0])


cdef inline uint64_t load64(const uint8_t* p, bint big) noexcept nogil:
    if big:
        return (<uint64_t>load32(p, True) << 32) | load32(p + 4, True)
    return (<uint64_t>load32(p + 4, False) << 32) | load32(p, False)


cdef inline float load_float(const uint8_t* p, bint big) noexcept nogil:
    cdef uint32_t bits = load32(p, big)
    cdef float value
    memcpy(&value, &bits, 4)
    return value


cdef inline double load_double(const uint8_t* p, bint big) noexcept nogil:
    cdef uint64_t bits = load64(p, big)
    cdef double value
    memcpy(&value, &bits, 8)
    return value


cdef inline void store16(uint8_t* p, uint16_t v, bint big) noexcept nogil:
    if big:
        p[0] = <uint8_t>(v >> 8)
        p[1] = <uint8_t>v
    else:
        p[0] = <uint8_t>v
        p[1] = <uint8_t>(v >> 8)


cdef inline void store32(uint8_t* p, uint32_t v, bint big) noexcept nogil:
    if big:
        p[0] = <uint8_t>(v >> 24)
        p[1] = <uint8_t>(v >> 16)
        p[2] = <uint8_t>(v >> 8)
        p[3] = <uint8_t>v
    else:
        p[0] = <uint8_t>v
        p[1] = <uint8_t>(v >> 8)
        p[2] = <uint8_t>(v >> 16)
        p[3] = <uint8_t>(v >> 24)


cdef inline void store64(uint8_t* p, uint64_t v, bint big) noexcept nogil:
    if big:
        store32(p, <uint32_t>(v >> 32), True)
        store32(p + 4, <uint32_t>v, True)
    else:
        store32(p, <uint32_t>v, False)
        store32(p + 4, <uint32_t>(v >> 32), False)


cdef inline void store_float(uint8_t* p, float value, bint big) noexcept nogil:
    cdef uint32_t bits
    memcpy(&bits, &value, 4)
    store32(p, bits, big)


cdef inline void store_double(uint8_t* p, double value, bint big) noexcept nogil:
    cdef uint64_t bits
    memcpy(&bits, &value, 8)
    store64(p, bits, big)
