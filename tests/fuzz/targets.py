"""Fuzz targets: each takes arbitrary bytes and feeds them to one entry point
of the client that reads what a member (or another writer) sent.

A target returns normally when the input was read or refused the way the
client refuses bad input; anything else is a finding, raised as
:class:`FuzzFinding` (or left to propagate: a crash of the compiled code
kills the process, which the runners report too):

- an exception of a kind that means a read went unchecked (``MemoryError``,
  ``RecursionError``, ``SystemError``), or for the frame reader any
  exception but ``MalformedMessageError``;
- more than ``TIME_LIMIT`` seconds of CPU for one input (a hang or a blow-up);
- a peak of traced allocations beyond ``ALLOCATION_BASE +
  ALLOCATION_FACTOR * len(input)`` (an allocation sized by a number in the
  input, not by the input), where the runner measures it;
- for pickled values, anything unpickled that is not plain data.

Targets (``TARGETS``): ``frames`` (the frame reader), ``codecs`` (every
generated codec's response decoder and event handler), ``entries`` (the
entry-list reader that one-value and entry-list responses are read with
instead of their codec's decoder; the compiled twin must agree with the pure
one), ``data`` (to_object of any type id: builtin types,
IdentifiedDataSerializable, Portable, Compact, pickle) and ``pickle``
(to_object of pickled values under the default, safe settings). Each runs on
the pure or the compiled twins: :func:`use_twin`.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import os
import pkgutil
import struct
import sys
import time
import typing

from hazelcast.config import Config
from hazelcast.errors import HazelcastError, HazelcastSerializationError, MalformedMessageError
from hazelcast.protocol.client_message import InboundMessage
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable, Portable
from hazelcast.serialization.data import Data
from hazelcast.serialization.portable.classdef import ClassDefinitionBuilder
from hazelcast.serialization.service import SerializationServiceV1

TIME_LIMIT = 2.0
ALLOCATION_BASE = 4 * 1024 * 1024
ALLOCATION_FACTOR = 64
# exceptions that mean a read was not checked before it was acted on
UNCHECKED = (MemoryError, RecursionError, SystemError)

_SPEEDUPS = {
    "FrameReader": ("hazelcast._speedups._frame_reader_py", "hazelcast._speedups._frame_reader_c"),
    "_ObjectDataInput": ("hazelcast._speedups._data_input_py", "hazelcast._speedups._data_input_c"),
    "_ObjectDataOutput": ("hazelcast._speedups._data_output_py", "hazelcast._speedups._data_output_c"),
}
_SELECTORS = ("hazelcast.serialization.input", "hazelcast.serialization.output", "hazelcast.protocol.frame_reader")
# functions of a twin, by the module and name their user imports them under:
# (user module, its name) -> (pure module, compiled module, the twin's name)
_FUNCTIONS = {
    ("hazelcast.serialization.serializer", "_check_pickle_sizes"): (
        "hazelcast._speedups._pickle_scan_py", "hazelcast._speedups._pickle_scan_c", "check_sizes",
    ),
    ("hazelcast.proxy._collection", "read_entries"): (
        "hazelcast._speedups._entry_lists_py", "hazelcast._speedups._entry_lists_c", "read_entries",
    ),
    ("hazelcast.proxy._collection", "read_object"): (
        "hazelcast._speedups._entry_lists_py", "hazelcast._speedups._entry_lists_c", "read_object",
    ),
}


def pure_twin_modules() -> typing.List[str]:
    """The pure twins' modules (imported lazily by :func:`use_twin`; a
    coverage-guided run imports them first, under its instrumentation)."""
    names = [pure for pure, _ in _SPEEDUPS.values()] + [pure for pure, _, _ in _FUNCTIONS.values()]
    return sorted(set(names))


class FuzzFinding(AssertionError):
    """An input the client did not handle as it must."""


def twins() -> typing.List[str]:
    """The implementations this interpreter has ("compiled" only where built)."""
    kinds = ["pure"]
    try:
        for _, compiled in _SPEEDUPS.values():
            importlib.import_module(compiled)
        for _, compiled, _ in _FUNCTIONS.values():
            importlib.import_module(compiled)
        kinds.append("compiled")
    except ImportError:
        pass
    return kinds


@contextlib.contextmanager
def use_twin(kind: str) -> typing.Iterator[None]:
    """Makes every hazelcast module use the ``kind`` ("pure" or "compiled")
    frame reader, data input/output, pickle scan and entry-list reader while
    the block runs."""
    saved = []
    for (user, attribute), (pure, compiled, name) in _FUNCTIONS.items():
        function = getattr(importlib.import_module(pure if kind == "pure" else compiled), name)
        module = importlib.import_module(user)
        saved.append((module, attribute, getattr(module, attribute)))
        setattr(module, attribute, function)
    for name, (pure, compiled) in _SPEEDUPS.items():
        cls = getattr(importlib.import_module(pure if kind == "pure" else compiled), name)
        for module_name, module in list(sys.modules.items()):
            if (
                module is None
                or not module_name.startswith("hazelcast.")
                or module_name.startswith("hazelcast._speedups")
                or module_name in _SELECTORS
            ):
                continue
            if name in vars(module):
                saved.append((module, name, vars(module)[name]))
                setattr(module, name, cls)
    try:
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


# -- what the deserializers know: one class of each kind -----------------------------

FACTORY_ID = 1


class Employee(IdentifiedDataSerializable):
    def __init__(self, name=None, age=0, manager=None, tags=None):
        self.name, self.age, self.manager, self.tags = name, age, manager, tags

    def write_data(self, out):
        out.write_string(self.name)
        out.write_int(self.age)
        out.write_object(self.manager)
        out.write_string_array(self.tags)

    def read_data(self, inp):
        self.name = inp.read_string()
        self.age = inp.read_int()
        self.manager = inp.read_object()
        self.tags = inp.read_string_array()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


class Node(Portable):
    def __init__(self, name=None, child=None, children=None, values=None):
        self.name, self.child, self.children, self.values = name, child, children, values

    def write_portable(self, writer):
        writer.write_string("name", self.name)
        writer.write_portable("child", self.child)
        writer.write_portable_array("children", self.children)
        writer.write_long_array("values", self.values)

    def read_portable(self, reader):
        self.name = reader.read_string("name")
        self.child = reader.read_portable("child")
        self.children = reader.read_portable_array("children")
        self.values = reader.read_long_array("values")

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 2


def _node_class_definition():
    from hazelcast.serialization.portable.classdef import FieldDefinition, FieldType

    builder = ClassDefinitionBuilder(FACTORY_ID, 2, 0)
    builder.add_string_field("name")
    builder.add_field_def(FieldDefinition(1, "child", FieldType.PORTABLE, 0, FACTORY_ID, 2))
    builder.add_field_def(FieldDefinition(2, "children", FieldType.PORTABLE_ARRAY, 0, FACTORY_ID, 2))
    builder.add_long_array_field("values")
    return builder.build()


class Order:
    def __init__(self, id=0, note=None, parent=None, amounts=None):
        self.id, self.note, self.parent, self.amounts = id, note, parent, amounts


class OrderSerializer(CompactSerializer):
    def read(self, reader):
        return Order(
            reader.read_int64("id"),
            reader.read_string("note"),
            reader.read_compact("parent"),
            reader.read_array_of_float64("amounts"),
        )

    def write(self, writer, obj):
        writer.write_int64("id", obj.id)
        writer.write_string("note", obj.note)
        writer.write_compact("parent", obj.parent)
        writer.write_array_of_float64("amounts", obj.amounts)

    def get_type_name(self):
        return "fuzz.Order"

    def get_class(self):
        return Order


def make_service(big_endian: bool = True) -> SerializationServiceV1:
    """A service that knows an IdentifiedDataSerializable, a Portable (with
    its class definition) and a Compact class (with its schema); pickles are
    read with the default, safe settings."""
    config = Config()
    config.is_big_endian = big_endian
    config.data_serializable_factories = {FACTORY_ID: {1: Employee}}
    config.portable_factories = {FACTORY_ID: {2: Node}}
    config.class_definitions = [_node_class_definition()]
    config.compact_serializers = [OrderSerializer()]
    service = SerializationServiceV1(config)
    _register_compact_schema(service)
    return service


def _register_compact_schema(service: SerializationServiceV1) -> None:
    from hazelcast.serialization.compact import SchemaNotReplicatedError

    try:
        service.to_data(Order(1, "n", None, [1.0]))
    except SchemaNotReplicatedError as e:
        # as if the schema had been replicated to (or fetched from) the cluster
        service.compact_stream_serializer.register_schema_to_type(e.schema, Order)


# -- plain data: what a pickle may give under the default settings ------------------

_PLAIN_TYPES: typing.Tuple[type, ...] = ()


def _plain_types() -> typing.Tuple[type, ...]:
    global _PLAIN_TYPES
    if not _PLAIN_TYPES:
        import collections
        import datetime
        import decimal
        import fractions
        import uuid

        from hazelcast.core import HazelcastJsonValue

        _PLAIN_TYPES = (
            type(None), bool, int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset,
            range, slice, object, datetime.date, datetime.time, datetime.datetime, datetime.timedelta,
            datetime.timezone, decimal.Decimal, fractions.Fraction, uuid.UUID, collections.OrderedDict,
            collections.deque, collections.Counter, collections.defaultdict, HazelcastJsonValue,
            Employee, Node, Order,
        )
    return _PLAIN_TYPES


def _check_plain(value: typing.Any, seen: typing.Optional[set] = None) -> None:
    seen = set() if seen is None else seen
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, type) and item in _plain_types():
            continue  # an allowed class itself (a pickle may give the class)
        if item in _machinery():
            continue  # pickle's own helpers, as values: nothing runs them
        if type(item) not in _plain_types():
            raise FuzzFinding("unpickled a %s, which is not plain data" % type(item).__qualname__)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)) or type(item).__name__ == "deque":
            stack.extend(item)


def _machinery() -> typing.List[typing.Any]:
    import copyreg

    from hazelcast.serialization import serializer

    return [copyreg._reconstructor, copyreg.__newobj__, copyreg.__newobj_ex__, serializer._pickle_codecs_encode]


# -- the targets --------------------------------------------------------------------


def _unchecked(error: BaseException, what: str) -> None:
    cause: typing.Optional[BaseException] = error
    while cause is not None:
        if isinstance(cause, UNCHECKED):
            raise FuzzFinding("%s: unchecked read: %s: %s" % (what, type(cause).__name__, cause)) from error
        cause = cause.__cause__ if cause.__cause__ is not cause else None


def target_frames(data: bytes) -> None:
    """The frame reader, fed the input in chunks whose sizes the input's
    first byte chooses, with a small maximum message size."""
    if not data:
        return
    reader = _frame_reader_class()(1 << 16)
    step = 1 + data[0] % 17
    body = data[1:]
    try:
        for start in range(0, len(body), step):
            for message in reader.feed(body[start : start + step]):
                if not message.frames:
                    raise FuzzFinding("a message without frames")
    except MalformedMessageError:
        pass


def _frame_reader_class() -> typing.Any:
    import hazelcast._connection_io as io_module

    return io_module.FrameReader


_CODECS: typing.List[typing.Tuple[str, typing.Callable[..., typing.Any]]] = []


def codec_decoders() -> typing.List[typing.Tuple[str, typing.Callable[..., typing.Any]]]:
    """Every generated codec's ``decode_response`` and ``handle``, by name."""
    if not _CODECS:
        import hazelcast.protocol.codec as codec_package

        for info in sorted(pkgutil.iter_modules(codec_package.__path__), key=lambda i: i.name):
            if not info.name.endswith("_codec"):
                continue
            module = importlib.import_module("hazelcast.protocol.codec." + info.name)
            decode = getattr(module, "decode_response", None)
            if decode is not None:
                _CODECS.append((info.name + ".decode_response", decode))
            handle = getattr(module, "handle", None)
            if handle is not None:
                count = len(inspect.signature(handle).parameters) - 1
                handlers = [_ignore] * count
                _CODECS.append((info.name + ".handle", lambda msg, h=handle, a=handlers: h(msg, *a)))
    return _CODECS


def _ignore(*args: typing.Any) -> None:
    pass


def target_codecs(data: bytes) -> None:
    """The input's first two bytes choose a codec; the rest is read as
    frames (any flags, lengths checked by the frame reader's rules) and
    given to that codec's decoder as one message."""
    if len(data) < 2:
        return
    decoders = codec_decoders()
    name, decode = decoders[struct.unpack_from("<H", data)[0] % len(decoders)]
    frames = _split_frames(data[2:])
    if not frames:
        return
    try:
        decode(InboundMessage(frames))
    except Exception as e:  # a decoder may refuse the message: not a finding
        _unchecked(e, name)


def _split_frames(body: bytes) -> typing.List[typing.Any]:
    from hazelcast.protocol.client_message import Frame

    frames = []
    pos = 0
    while pos + 6 <= len(body) and len(frames) < 256:
        length, flags = struct.unpack_from("<iH", body, pos)
        size = max(0, min(length - 6, len(body) - pos - 6))
        frames.append(Frame(body[pos + 6 : pos + 6 + size], flags))
        pos += 6 + size
    if frames:
        last = frames[-1]
        frames[-1] = Frame(last.buf, last.flags | 0x2000)  # IS_FINAL
    return frames


_SERVICE: typing.Dict[typing.Tuple[str, bool], SerializationServiceV1] = {}


def _service(big_endian: bool = True) -> SerializationServiceV1:
    # one per twin: the output pool holds instances of the twin's class
    key = (_frame_reader_class().__module__, big_endian)
    service = _SERVICE.get(key)
    if service is None:
        service = _SERVICE[key] = make_service(big_endian)
    return service


def target_data(data: bytes) -> None:
    """to_object of the input as serialized data (header included)."""
    if len(data) < 8:
        return
    try:
        value = _service().to_object(Data(data))
    except HazelcastError as e:
        _unchecked(e, "to_object")
        return
    if struct.unpack_from(">i", data, 4)[0] == -120:
        _check_plain(value)


def target_pickle(data: bytes) -> None:
    """to_object of the input as a pickled value (a protocol-0 pickle as
    latin-1 text, or a binary one behind the U+0080 marker): only plain
    data comes out, nothing runs."""
    text = data.decode("latin-1")
    raw = text.encode("utf-8")
    framed = struct.pack(">iii", 0, -120, len(raw)) + raw
    try:
        value = _service().to_object(Data(framed))
    except HazelcastError as e:
        _unchecked(e, "unpickle")
        return
    _check_plain(value)


def target_entries(data: bytes) -> None:
    """The entry-list reader of the responses read straight into objects
    (``get``, ``put``..., ``get_all``, ``entry_set``, query results): the
    input's first byte chooses ``read_object`` or ``read_entries`` and the
    byte order, the rest is read as frames. The compiled twin must give what
    the pure one gives, or refuse the input with the same kind of error."""
    if len(data) < 2:
        return
    frames = _split_frames(data[1:])
    if not frames:
        return
    import hazelcast.proxy._collection as collection

    name = "read_entries" if data[0] & 1 else "read_object"
    big_endian = not data[0] & 2
    to_object = _service(big_endian).to_object
    read = getattr(collection, name)
    try:
        got: typing.Any = read(frames, 0, to_object, big_endian)
    except Exception as e:  # a malformed list may be refused: not a finding
        _unchecked(e, name)
        got = e
    pure = getattr(importlib.import_module("hazelcast._speedups._entry_lists_py"), name)
    if read is pure:
        return
    try:
        expected: typing.Any = pure(frames, 0, to_object, big_endian)
    except Exception as e:
        expected = e
    if isinstance(got, Exception) or isinstance(expected, Exception):
        same = type(got) is type(expected)
    else:
        same = _canonical(got) == _canonical(expected)
    if not same:
        raise FuzzFinding("%s: the twins differ: %r (compiled) and %r (pure)" % (name, got, expected))


def _canonical(value: typing.Any) -> typing.Any:
    """A comparable form of a deserialized value (objects by their fields,
    floats by their repr so that NaN equals NaN)."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_canonical(v) for v in value])
    if isinstance(value, dict):
        return (type(value).__name__, [(_canonical(k), _canonical(v)) for k, v in value.items()])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(repr(_canonical(v)) for v in value))
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return (type(value).__qualname__, _canonical(vars(value)))
    return (type(value).__name__, repr(value))


TARGETS: typing.Dict[str, typing.Callable[[bytes], None]] = {
    "frames": target_frames,
    "codecs": target_codecs,
    "data": target_data,
    "pickle": target_pickle,
    "entries": target_entries,
}

_ALL = sorted(TARGETS)


def target_all(data: bytes) -> None:
    """Every target in one: the input's first byte chooses the target (its
    index in the sorted names), the rest is that target's input. One
    coverage-guided process then covers them all (instrumenting the client
    takes a few seconds per process)."""
    if data:
        TARGETS[_ALL[data[0] % len(_ALL)]](data[1:])


CORPUS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def corpus(target: str) -> typing.List[typing.Tuple[str, bytes]]:
    """The stored inputs of a target: (file name, bytes), sorted by name
    (for ``all``: every target's, behind the byte that chooses the target)."""
    if target == "all":
        return [
            ("%s-%s" % (name, file_name), bytes([index]) + raw)
            for index, name in enumerate(_ALL)
            for file_name, raw in corpus(name)
        ]
    directory = os.path.join(CORPUS_DIR, target)
    entries = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as f:
            entries.append((name, f.read()))
    return entries


def run_one(target: typing.Callable[[bytes], None], data: bytes, measure_allocation: bool = False) -> None:
    """Runs a target on one input and checks time (and allocation)."""
    tracemalloc = None
    if measure_allocation:
        try:
            import tracemalloc
        except ImportError:  # PyPy
            tracemalloc = None
    started = time.process_time()
    if tracemalloc is not None:
        tracemalloc.start()
    try:
        target(data)
    finally:
        peak = 0
        if tracemalloc is not None:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    spent = time.process_time() - started
    if spent > TIME_LIMIT:
        raise FuzzFinding("%.2f s of CPU for %d bytes of input" % (spent, len(data)))
    limit = ALLOCATION_BASE + ALLOCATION_FACTOR * len(data)
    if peak > limit:
        raise FuzzFinding("allocated %d bytes at the peak for %d bytes of input" % (peak, len(data)))
