# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled protocol frame reader; same messages, errors and limits as the
pure twin ``_frame_reader_py`` (see there and in
:mod:`hazelcast.protocol.frame_reader` for the contract).

It builds the very ``Frame`` and ``InboundMessage`` classes of
:mod:`hazelcast.protocol.client_message`, allocated and their slots filled
in C (no Python ``__init__`` frame per object). Frames, frame lists and
messages it builds hold only bytes, ints and each other, never a reference
back, so they are untracked by the cyclic garbage collector: a read of
thousands of messages otherwise spends half its time in the collector.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.list cimport PyList_GET_ITEM, PyList_GET_SIZE
from cpython.ref cimport PyObject, Py_DECREF, Py_INCREF
from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t

from hazelcast.errors import MalformedMessageError
from hazelcast.protocol.client_message import (
    Frame,
    InboundMessage,
)

# A frame length is an int32, so no frame or message can be larger than this.
DEFAULT_MAX_MESSAGE_SIZE = 0x7FFFFFFF

# constants of hazelcast.protocol.client_message, typed for C
cdef enum:
    HEADER_SIZE = 6
    BEGIN_FRAGMENT = 1 << 15
    END_FRAGMENT = 1 << 14
    IS_FINAL = 1 << 13
    UNFRAGMENTED = (1 << 15) | (1 << 14)

cdef extern from "Python.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    ctypedef struct PyTypeObject:
        PyObject* (*tp_alloc)(PyTypeObject*, Py_ssize_t) except NULL
    int T_OBJECT_EX
    void PyObject_GC_UnTrack(void*)


cdef Py_ssize_t _slot_offset(type cls, str name) except -1:
    """Offset of the object slot ``name`` in instances of ``cls``, or 0 when
    ``cls`` does not store it in a slot (then objects are built by a call)."""
    descr = cls.__dict__.get(name)
    if type(descr).__name__ != "member_descriptor":
        return 0
    cdef PyMemberDef* member = (<PyMemberDescrObject*><PyObject*>descr).d_member
    return member.offset if member.type == T_OBJECT_EX else 0


# Frame and InboundMessage keep their fields in __slots__: an instance is
# allocated and its slots filled in C, as their __init__ would, without
# running a Python frame per object.
cdef Py_ssize_t _FRAME_BUF = _slot_offset(Frame, "buf")
cdef Py_ssize_t _FRAME_FLAGS = _slot_offset(Frame, "flags")
cdef Py_ssize_t _MSG_FRAMES = _slot_offset(InboundMessage, "frames")
cdef Py_ssize_t _MSG_START = _slot_offset(InboundMessage, "start_frame")
cdef Py_ssize_t _MSG_INDEX = _slot_offset(InboundMessage, "_index")
cdef bint _DIRECT = (
    _FRAME_BUF and _FRAME_FLAGS and _MSG_FRAMES and _MSG_START and _MSG_INDEX
    and Frame.__init__.__code__.co_names == ("buf", "flags")
    and InboundMessage.__init__.__code__.co_names == ("frames", "start_frame", "_index")
)
cdef object _ZERO = 0


cdef inline void _set_slot(PyObject* obj, Py_ssize_t offset, object value):
    cdef PyObject** slot = <PyObject**>((<char*>obj) + offset)
    Py_INCREF(value)
    slot[0] = <PyObject*>value


cdef inline object _steal(PyObject* obj):
    """Turns the new reference ``obj`` into an object without adding one."""
    cdef object result = <object>obj
    Py_DECREF(result)
    return result


# int objects of the flag values seen so far (flags are 16 bits; most are
# above the small ints CPython caches), so a frame does not allocate one
cdef list _FLAG_INTS = [None] * 65536


cdef inline object _flag_int(int flags):
    cdef object value = <object>PyList_GET_ITEM(_FLAG_INTS, flags)
    if value is None:
        value = flags
        _FLAG_INTS[flags] = value
    return value


cdef inline object _make_frame(object buf, int flags):
    if not _DIRECT:
        return Frame(buf, flags)
    cdef PyTypeObject* t = <PyTypeObject*>Frame
    cdef PyObject* obj = t.tp_alloc(t, 0)
    _set_slot(obj, _FRAME_BUF, buf)
    _set_slot(obj, _FRAME_FLAGS, _flag_int(flags))
    # holds a bytes and an int, so it can never be part of a reference
    # cycle: the collector need not visit it (CPython does the same for
    # tuples of atomic values); with thousands of frames per read this
    # halves the time spent in the collector
    PyObject_GC_UnTrack(obj)
    return _steal(obj)


cdef inline object _make_message(list frames):
    if not _DIRECT:
        return InboundMessage(frames)
    cdef PyTypeObject* t = <PyTypeObject*>InboundMessage
    cdef PyObject* obj = t.tp_alloc(t, 0)
    _set_slot(obj, _MSG_FRAMES, frames)
    _set_slot(obj, _MSG_START, frames[0])
    _set_slot(obj, _MSG_INDEX, _ZERO)
    # a message refers only to its frames list and first frame, and the
    # list (built here) only to frames: no reference cycle can go through
    # them, so the collector need not visit them either
    PyObject_GC_UnTrack(obj)
    PyObject_GC_UnTrack(<PyObject*>frames)
    return _steal(obj)


cdef inline int64_t _load_le64(const uint8_t* p) noexcept nogil:
    cdef uint64_t v = 0
    cdef int i
    for i in range(7, -1, -1):
        v = (v << 8) | p[i]
    return <int64_t>v


cdef class FrameReader:
    """Reassembles protocol messages from a byte stream.

    Args:
        max_message_size: The largest frame or message, in bytes, the reader accepts;
            anything larger is treated as malformed input.

    Raises:
        ValueError: If ``max_message_size`` is smaller than a frame header.
    """

    cdef int64_t _max_message_size
    cdef list _pending
    cdef int64_t _pending_size
    cdef int64_t _needed
    cdef list _frames
    cdef int64_t _message_size
    cdef dict _fragments

    def __init__(self, max_message_size=DEFAULT_MAX_MESSAGE_SIZE):
        if max_message_size < HEADER_SIZE:
            raise ValueError(
                "invalid value %r for 'max_message_size': must be >= %d"
                % (max_message_size, HEADER_SIZE)
            )
        # above int64 no length can reach it anyway
        # int() as the comparisons of the pure twin (lengths are whole); above
        # int64 no length can reach the limit anyway
        self._max_message_size = min(int(max_message_size), 0x7FFFFFFFFFFFFFFF)
        self._pending = []
        self._pending_size = 0
        self._needed = HEADER_SIZE
        self._frames = []
        self._message_size = 0
        self._fragments = {}

    def feed(self, data):
        """Consumes received bytes.

        Args:
            data: The bytes read from the connection, in order.

        Returns:
            The messages completed by these bytes, in arrival order.

        Raises:
            MalformedMessageError: If the stream cannot be a valid message sequence;
                the connection must then be closed.
        """
        cdef bytes chunk = data if type(data) is bytes else bytes(data)
        cdef list pending = self._pending
        if PyList_GET_SIZE(pending):
            pending.append(chunk)
            self._pending_size += PyBytes_GET_SIZE(chunk)
            if self._pending_size < self._needed:
                return []
            chunk = b"".join(pending)
            self._pending = []
        elif PyBytes_GET_SIZE(chunk) < self._needed:
            if PyBytes_GET_SIZE(chunk):
                self._pending = [chunk]
                self._pending_size = PyBytes_GET_SIZE(chunk)
            return []

        cdef list messages = []
        cdef const uint8_t* p = <const uint8_t*>PyBytes_AS_STRING(chunk)
        cdef Py_ssize_t end = PyBytes_GET_SIZE(chunk)
        cdef Py_ssize_t pos = 0
        cdef Py_ssize_t frame_end
        cdef int64_t max_size = self._max_message_size
        cdef int64_t message_size = self._message_size
        cdef int64_t needed = HEADER_SIZE
        cdef int32_t length
        cdef int flags
        cdef list frames = self._frames
        # flags of frames[0], which decide whether the message is a fragment
        cdef int first_flags = frames[0].flags if PyList_GET_SIZE(frames) else 0
        cdef object message
        while end - pos >= HEADER_SIZE:
            length = <int32_t>(<uint32_t>p[pos] | (<uint32_t>p[pos + 1] << 8)
                               | (<uint32_t>p[pos + 2] << 16) | (<uint32_t>p[pos + 3] << 24))
            flags = <uint16_t>(p[pos + 4] | (p[pos + 5] << 8))
            if length < HEADER_SIZE:
                raise MalformedMessageError(
                    "invalid frame length %d: must be >= %d" % (length, HEADER_SIZE)
                )
            message_size += length
            if message_size > max_size:
                raise MalformedMessageError(
                    "message of at least %d bytes exceeds the maximum message size %d (max_message_size)"
                    % (message_size, max_size)
                )
            frame_end = pos + length
            if frame_end > end:
                # Wait for the rest of the frame; count it again once complete.
                message_size -= length
                needed = length
                break
            if not PyList_GET_SIZE(frames):
                first_flags = flags
            frames.append(_make_frame(
                PyBytes_FromStringAndSize(<const char*>p + pos + HEADER_SIZE, length - HEADER_SIZE),
                flags,
            ))
            pos = frame_end
            if flags & IS_FINAL:
                if first_flags & UNFRAGMENTED == UNFRAGMENTED:
                    messages.append(_make_message(frames))
                else:
                    message = self._add_fragment(frames, message_size)
                    if message is not None:
                        messages.append(message)
                frames = []
                message_size = 0

        self._frames = frames
        self._message_size = message_size
        if pos < end:
            rest = chunk[pos:]
            self._pending = [rest]
            self._pending_size = PyBytes_GET_SIZE(rest)
        else:
            self._pending_size = 0
        self._needed = needed
        return messages

    cdef object _add_fragment(self, list frames, int64_t size):
        first = frames[0]
        cdef bytes buf = first.buf
        if PyBytes_GET_SIZE(buf) < 8:
            raise MalformedMessageError(
                "fragment's first frame has %d bytes: too short for a fragmentation id"
                % PyBytes_GET_SIZE(buf)
            )
        fragment_id = _load_le64(<const uint8_t*>PyBytes_AS_STRING(buf))
        cdef int flags = first.flags
        if flags & BEGIN_FRAGMENT:
            if fragment_id in self._fragments:
                raise MalformedMessageError(
                    "fragmented message %d begins again before it ended" % fragment_id
                )
            self._fragments[fragment_id] = [frames[1:], size]
            return None

        entry = self._fragments.get(fragment_id)
        if entry is None:
            raise MalformedMessageError("fragment of unknown fragmented message %d" % fragment_id)
        entry[0].extend(frames[1:])
        entry[1] += size
        if entry[1] > self._max_message_size:
            raise MalformedMessageError(
                "fragmented message %d of at least %d bytes exceeds the maximum message size %d (max_message_size)"
                % (fragment_id, entry[1], self._max_message_size)
            )
        if flags & END_FRAGMENT:
            del self._fragments[fragment_id]
            if not entry[0]:
                raise MalformedMessageError("fragmented message %d has no frames" % fragment_id)
            return _make_message(entry[0])
        return None

    def has_pending_data(self):
        """Returns True if a partial frame, message or fragmented message is buffered."""
        return bool(self._pending or self._frames or self._fragments)


# False would mean Frame or InboundMessage changed shape and objects are
# built by calling the classes (correct, only slower); a test checks it
DIRECT_OBJECTS = bool(_DIRECT)
