"""Hostile or broken input the client reads or is given: each case ends in a
clear error (or the right value) without running code, spinning the CPU,
allocating beyond the input, or swallowing an interrupt. Both the compiled
and the pure twins where there are two."""

from __future__ import annotations

import struct
import subprocess
import sys
import time

import pytest

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable, StreamSerializer
from hazelcast.serialization.data import Data
from hazelcast.serialization.nesting import MAX_NESTING_DEPTH
from hazelcast.serialization.portable.classdef import ClassDefinitionBuilder, FieldDefinition, FieldType
from hazelcast.serialization.service import SerializationServiceV1

from hot_paths import IMPLEMENTATION_KINDS, load_implementation

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "fuzz"))
from allocation import allocation_at_most  # noqa: E402


def _service(**options) -> SerializationServiceV1:
    config = Config()
    for name, value in options.items():
        setattr(config, name, value)
    return SerializationServiceV1(config)


# -- lone surrogates: refused, never "?" -------------------------------------------


@pytest.mark.parametrize("kind", IMPLEMENTATION_KINDS)
@pytest.mark.parametrize("big_endian", [True, False])
def test_lone_surrogates_are_refused_by_both_writers(kind, big_endian):
    out = load_implementation("data_output", kind)._ObjectDataOutput(16, None, big_endian)
    out.write_string("ok")
    before = out.to_bytes()
    with pytest.raises(HazelcastSerializationError) as info:
        out.write_string("report-\udcff.txt")
    assert "lone surrogate '\\udcff' at position 7" in str(info.value)
    assert out.to_bytes() == before  # nothing of the string was written
    # a valid surrogate pair is a character like any other
    out.write_string("\U0001f600")
    assert out.to_bytes().endswith("\U0001f600".encode("utf-8"))


@pytest.mark.parametrize("value", ["report-\udcff.txt", ["a", "b\ud800"]], ids=["str", "in-list"])
def test_strings_with_lone_surrogates_are_refused_wherever_they_are(value):
    with pytest.raises(HazelcastSerializationError, match="lone surrogate"):
        _service().to_data(value)


def test_pickled_values_keep_lone_surrogates_exactly():
    # pickle escapes them: distinct values stay distinct
    service = _service()
    first, second = service.to_data({"k": "\udcff"}), service.to_data({"k": "\udcfe"})
    assert first != second
    assert service.to_object(first) == {"k": "\udcff"}


def test_fsdecoded_file_names_are_distinct_keys_or_refused():
    service = _service()
    first, second = "report-\udcff.txt", "report-\udcfe.txt"
    for name in (first, second):
        with pytest.raises(HazelcastSerializationError, match="position 7"):
            service.to_data(name)


# -- interrupts pass through serialization ---------------------------------------


class Interrupting:
    def __init__(self, error):
        self.error = error


class InterruptingSerializer(StreamSerializer):
    raised = KeyboardInterrupt

    def write(self, out, obj):
        raise obj.error()

    def read(self, inp):
        raise InterruptingSerializer.raised()

    def get_type_id(self):
        return 777

    def destroy(self):
        pass


@pytest.mark.parametrize("error", [KeyboardInterrupt, SystemExit])
def test_interrupts_pass_through_serialization_untouched(error):
    service = _service(custom_serializers={Interrupting: InterruptingSerializer})
    with pytest.raises(error):
        service.to_data(Interrupting(error))
    with pytest.raises(error):
        service.to_data([Interrupting(error)])  # nested, through write_object
    InterruptingSerializer.raised = error
    data = Data(struct.pack(">ii", 0, 777))
    with pytest.raises(error):
        service.to_object(data)
    # ordinary errors are still wrapped
    with pytest.raises(HazelcastSerializationError):
        service.to_data(Interrupting(ValueError))


# -- nesting: what can be written can be read back ---------------------------------


def _nested_list(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_limit_is_the_same_for_writing_and_reading():
    service = _service()
    deepest = _nested_list(MAX_NESTING_DEPTH)
    assert service.to_object(service.to_data(deepest)) == deepest
    with pytest.raises(HazelcastSerializationError, match="cannot write objects nested more than %d" % MAX_NESTING_DEPTH):
        service.to_data(_nested_list(MAX_NESTING_DEPTH + 1))
    # crafted data one level deeper: refused clearly on reading too
    raw = struct.pack(">ii", 0, -29)  # ArrayList
    body = b""
    for _ in range(MAX_NESTING_DEPTH + 1):
        body += struct.pack(">i", 1) + struct.pack(">i", -29)
    body += struct.pack(">i", 0)
    with pytest.raises(HazelcastSerializationError, match="cannot read objects nested more than %d" % MAX_NESTING_DEPTH):
        service.to_object(Data(raw + body))
    assert service.to_object(Data(raw + body[8:])) == _nested_list(MAX_NESTING_DEPTH)


def test_deep_nesting_from_a_deep_caller_stack_is_still_readable():
    service = _service()
    value = _nested_list(MAX_NESTING_DEPTH)
    data = service.to_data(value)

    def recurse(n):
        if n == 0:
            return service.to_object(data)
        return recurse(n - 1)

    assert recurse(200) == value


# -- Portable: shared nested levels cost linear time ---------------------------------

_FACTORY = 66


class Node(Portable):
    def __init__(self, a=None, b=None):
        self.a, self.b = a, b

    def write_portable(self, writer):
        writer.write_portable("a", self.a)
        writer.write_portable("b", self.b)

    def read_portable(self, reader):
        self.a = reader.read_portable("a")
        self.b = reader.read_portable("b")

    def get_factory_id(self):
        return _FACTORY

    def get_class_id(self):
        return 1


def _shared_levels(levels, class_id_of_level, version):
    """A Portable whose two fields at each level point at the same next
    level: 2**levels objects (and class definitions) if read naively."""
    buf = bytearray(struct.pack(">ii", 0, -1))
    buf += struct.pack(">iii", _FACTORY, class_id_of_level(0), version)

    def entry(name, level, last):
        raw = struct.pack(">h", 1) + name + struct.pack(">b", 0)  # FieldType.PORTABLE
        raw += struct.pack(">?ii", last, _FACTORY, class_id_of_level(level + 1))
        if not last:
            raw += struct.pack(">i", version)
        return raw

    def header(count_positions):
        return struct.pack(">ii", 0, len(count_positions)) + b"".join(
            struct.pack(">i", p) for p in count_positions + [0]
        )

    # level bodies are written recursively: header, A (with the next level
    # inline), B (with a header pointing at the next level's entries)
    def body(level):
        start = len(buf)
        buf.extend(header([0, 0]))  # patched below
        last = level == levels - 1
        a_pos = len(buf)
        buf.extend(entry(b"a", level, last))
        inner = None if last else body(level + 1)
        b_pos = len(buf)
        buf.extend(entry(b"b", level, last))
        if not last:
            # B's nested Portable: a header sharing A's nested entries
            buf.extend(header(list(inner)))
        struct.pack_into(">ii", buf, start + 8, a_pos, b_pos)
        struct.pack_into(">i", buf, start, len(buf))
        return a_pos, b_pos

    body(0)
    # every end position: the end of the data, so that readers may stop there
    return Data(bytes(buf))


def test_unknown_portable_version_with_shared_levels_is_read_in_linear_time():
    # another version than the local one: the class definitions come from the data
    data = _shared_levels(24, lambda level: 1000 + level, version=7)
    service = _service(portable_factories={_FACTORY: {1000 + i: Node for i in range(30)}})
    started = time.process_time()
    try:
        service.to_object(data)
    except HazelcastSerializationError:
        pass  # refused is fine; what matters is the time it took
    assert time.process_time() - started < 2.0
    assert len(data.buffer) < 2500


def test_one_kilobyte_unknown_portable_version_is_refused_in_milliseconds():
    # the issue's case: about 1 KB of crafted data (more than 30 s before the fix)
    data = _shared_levels(14, lambda level: 1000 + level, version=7)
    assert 900 < len(data.buffer) < 1100
    service = _service(portable_factories={_FACTORY: {1000 + i: Node for i in range(30)}})
    started = time.process_time()
    with pytest.raises(HazelcastSerializationError, match="more nested objects .* than its %d bytes" % len(data.buffer)):
        service.to_object(data)
    assert time.process_time() - started < 0.5


@pytest.mark.parametrize("levels", [MAX_NESTING_DEPTH + 50, 4 * MAX_NESTING_DEPTH])
def test_unknown_portable_version_class_definitions_are_depth_bounded(levels):
    # class definitions rebuilt from the data: nesting stops at the limit (no
    # RecursionError, even from a deep caller stack), in time linear in the data
    data = _shared_levels(levels, lambda level: 1000 + level, version=7)
    service = _service(portable_factories={_FACTORY: {1000 + i: Node for i in range(levels + 2)}})

    def recurse(n):
        if n == 0:
            return service.to_object(data)
        return recurse(n - 1)

    started = time.process_time()
    with pytest.raises(HazelcastSerializationError, match="nested more than %d levels deep" % MAX_NESTING_DEPTH):
        recurse(300)
    assert time.process_time() - started < 1.0


def _node_class_definition():
    builder = ClassDefinitionBuilder(_FACTORY, 1, 0)
    for index, name in enumerate("ab"):
        builder.add_field_def(FieldDefinition(index, name, FieldType.PORTABLE, 0, _FACTORY, 1))
    return builder.build()


def test_known_portable_with_shared_levels_is_refused_not_read_exponentially():
    service = _service(portable_factories={_FACTORY: {1: Node}}, class_definitions=[_node_class_definition()])
    # a real nested value round-trips
    value = Node(Node(Node()), Node())
    back = service.to_object(service.to_data(value))
    assert isinstance(back.a.a, Node) and back.a.a.a is None and isinstance(back.b, Node)
    data = _shared_levels(26, lambda level: 1, version=0)
    started = time.process_time()
    with pytest.raises(HazelcastSerializationError, match="more nested objects"):
        service.to_object(data)
    assert time.process_time() - started < 2.0


# -- murmur3: the compiled twin raises like the pure one ------------------------------


@pytest.mark.parametrize("kind", IMPLEMENTATION_KINDS)
def test_hash_to_index_of_zero_length_raises_like_the_pure_twin(kind):
    # in a child process: a SIGFPE must fail the test, not kill the run
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from hot_paths import load_implementation\n"
        "m = load_implementation('murmur3', %r)\n"
        "try:\n    m.hash_to_index(12345, 0)\nexcept ZeroDivisionError:\n    print('raised')\n"
        "print(m.hash_to_index(-7, -3), m.hash_to_index(-0x80000000, 0))\n"
    ) % (str(__import__("pathlib").Path(__file__).parent), kind)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["raised", "-2", "0"]


# -- arguments ------------------------------------------------------------------------


@pytest.mark.parametrize("bad, error", [("5", TypeError), (True, TypeError), (float("nan"), ValueError), (1e300, ValueError)])
def test_duration_arguments_are_checked_by_name(bad, error):
    from hazelcast.util import seconds_to_millis

    with pytest.raises(error, match="^ttl"):
        seconds_to_millis(bad, "ttl")
    assert seconds_to_millis(None, "ttl") == -1
    assert seconds_to_millis(1.5, "ttl") == 1500


# -- frames: max_message_size ---------------------------------------------------------


class _Transport:
    def __init__(self, config):
        self._config = config

    def schedule_flush(self, connection):
        pass

    def forget(self, connection):
        pass

    def run_deferred(self, work):
        for function, args in work:
            function(*args)


class _Events:
    def __init__(self):
        self.closed = []
        self.messages = []

    def on_message(self, message, connection):
        self.messages.append(message)

    def on_connection_closed(self, connection, reason, cause):
        self.closed.append((reason, cause))


@pytest.fixture
def socket_pair():
    import socket

    server = socket.create_server(("127.0.0.1", 0))
    a = socket.create_connection(server.getsockname())
    b, _ = server.accept()
    server.close()
    yield a, b
    a.close()
    b.close()


@pytest.mark.parametrize(
    "limit, length", [(None, 0x7FFFFFFF), (None, (1 << 30) + 1), (64 * 1024, 64 * 1024 + 1)], ids=["int-max", "default", "configured"]
)
def test_frames_beyond_max_message_size_close_the_connection_before_buffering(socket_pair, limit, length):
    from hazelcast._connection_io import Connection
    from hazelcast.core import Address
    from hazelcast.errors import MalformedMessageError

    config = Config()
    if limit is not None:
        config.max_message_size = limit
    events = _Events()
    connection = Connection(_Transport(config), 1, socket_pair[0], Address("127.0.0.1", 5701), events)
    connection.start()
    try:
        # a frame header announcing `length` bytes, then a little of it
        socket_pair[1].sendall(struct.pack("<iH", length, 0xC000) + b"x" * 100)
        deadline = time.monotonic() + 30
        while not events.closed and time.monotonic() < deadline:
            time.sleep(0.01)
        assert events.closed, "the connection stayed open"
        reason, cause = events.closed[0]
        assert isinstance(cause, MalformedMessageError)
        assert "exceeds the maximum message size %d (max_message_size)" % (limit or (1 << 30)) in reason
        assert not connection.live and not events.messages
    finally:
        connection.close("test over", None)
        connection.join_reader()


# -- SQL pages: a null column's row count is a number the member sends ------------------


def _sql_page(*columns):
    import sys as _sys

    _sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "protocol"))
    from protocol_helpers import frame, response

    from hazelcast.protocol.client_message import BEGIN_DATA_STRUCTURE_FLAG, END_DATA_STRUCTURE_FLAG

    type_ids = [type_id for type_id, _ in columns]
    frames = [frame(b"", BEGIN_DATA_STRUCTURE_FLAG), frame(b"\x01"), frame(struct.pack("<%di" % len(type_ids), *type_ids))]
    frames += [column for _, column in columns]
    frames.append(frame(b"", END_DATA_STRUCTURE_FLAG))
    msg = response(1, frames=frames)
    msg.next_frame()
    return msg


def _frame(body):
    return struct.pack("<iH", len(body) + 6, 0) + body


@pytest.mark.parametrize(
    "columns",
    [
        [(14, _frame(struct.pack("<i", 2**31 - 1)))],  # a NULL column
        [(4, _frame(struct.pack("<bi", 1, 2**31 - 1)))],  # an INTEGER column of only nulls
        [(4, _frame(struct.pack("<bi", 2, 2) + struct.pack("<ii", 1, 2))), (14, _frame(struct.pack("<i", 10**9)))],
        [(14, _frame(struct.pack("<i", -1)))],
    ],
    ids=["null-column", "null-only-ints", "beside-real-rows", "negative"],
)
def test_sql_page_row_counts_are_checked_before_allocating(columns):
    from hazelcast.protocol.builtin import SqlPageCodec

    msg = _sql_page(*columns)
    with allocation_at_most(1 << 20):
        with pytest.raises(ValueError, match="invalid SQL page"):
            SqlPageCodec.decode(msg)


def test_sql_page_of_null_columns_still_reads():
    from hazelcast.protocol.builtin import SqlPageCodec

    page = SqlPageCodec.decode(
        _sql_page((4, _frame(struct.pack("<bi", 2, 2) + struct.pack("<ii", 1, 2))), (14, _frame(struct.pack("<i", 2))))
    )
    assert page.columns == [[1, 2], [None, None]]
    page = SqlPageCodec.decode(_sql_page((14, _frame(struct.pack("<i", 3)))))
    assert page.columns == [[None, None, None]]
