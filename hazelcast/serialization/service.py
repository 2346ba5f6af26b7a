"""SerializationServiceV1: turns objects into ``Data`` and back.

A serializer is chosen for an object in this order: None; Compact
serializers from the config; IdentifiedDataSerializable; Portable; the
builtin types (``int`` per ``default_int_type``); custom serializers,
looked up along the class's MRO; the global serializer; pickle.
"""

from __future__ import annotations

import datetime
import decimal
import struct
import threading
import typing
import uuid

from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastInstanceNotActiveError, HazelcastSerializationError
from hazelcast.serialization.api import (
    IdentifiedDataSerializable,
    ObjectDataInput,
    ObjectDataOutput,
    Portable,
    StreamSerializer,
)
from hazelcast.serialization.bits import (
    MAX_BYTE,
    MAX_INT,
    MAX_LONG,
    MAX_SHORT,
    MIN_BYTE,
    MIN_INT,
    MIN_LONG,
    MIN_SHORT,
)
from hazelcast.serialization import nesting as _nesting
from hazelcast.serialization.data import DATA_OFFSET, Data
from hazelcast.serialization.input import _ObjectDataInput
from hazelcast.serialization.output import _ObjectDataOutput
from hazelcast.serialization.serialization_const import (
    CONSTANT_TYPE_BYTE,
    CONSTANT_TYPE_BYTE_ARRAY,
    CONSTANT_TYPE_INTEGER,
    CONSTANT_TYPE_LONG,
    CONSTANT_TYPE_NULL,
    CONSTANT_TYPE_SHORT,
    CONSTANT_TYPE_STRING,
    JAVA_DEFAULT_TYPE_BIG_INTEGER,
)
from hazelcast.serialization.serializer import (
    ArrayListSerializer,
    ArraySerializer,
    BigDecimalSerializer,
    BigIntegerSerializer,
    BooleanArraySerializer,
    BooleanSerializer,
    ByteArraySerializer,
    ByteSerializer,
    CharArraySerializer,
    CharSerializer,
    DoubleArraySerializer,
    DoubleSerializer,
    FloatArraySerializer,
    FloatSerializer,
    HazelcastJsonValueSerializer,
    IdentifiedDataSerializer,
    IntegerArraySerializer,
    IntegerSerializer,
    JavaClassSerializer,
    LinkedListSerializer,
    LocalDateSerializer,
    LocalDateTimeSerializer,
    LocalTimeSerializer,
    LongArraySerializer,
    LongSerializer,
    NoneSerializer,
    OffsetDateTimeSerializer,
    PythonObjectSerializer,
    ShortArraySerializer,
    ShortSerializer,
    StringArraySerializer,
    StringSerializer,
    UuidSerializer,
)

if typing.TYPE_CHECKING:
    from hazelcast.config import Config
    from hazelcast.serialization.compact import CompactStreamSerializer
    from hazelcast.serialization.portable.serializer import PortableSerializer

# Returns the partition key of an object, or None when the object is its own key.
PartitioningStrategy = typing.Callable[[typing.Any], typing.Any]

DEFAULT_OUT_BUFFER_SIZE = 4 * 1024
# outputs that grew past this are dropped rather than kept for reuse
_MAX_POOLED_BUFFER = 64 * 1024
_MAX_POOLED_OUTPUTS = 16

# IntType values (hazelcast.config.IntType) -> fixed type id; VAR (0) picks per value
_INT_TYPE_TO_TYPE_ID = {
    1: CONSTANT_TYPE_BYTE,
    2: CONSTANT_TYPE_SHORT,
    3: CONSTANT_TYPE_INTEGER,
    4: CONSTANT_TYPE_LONG,
    5: JAVA_DEFAULT_TYPE_BIG_INTEGER,
}


_BE_INT = struct.Struct(">i")
_LE_INT = struct.Struct("<i")
# partition hash 0 (the payload is hashed), then the type id, big-endian as in Java
_STRING_HEADER = _BE_INT.pack(0) + _BE_INT.pack(CONSTANT_TYPE_STRING)
_INT_HEADER = _BE_INT.pack(0) + _BE_INT.pack(CONSTANT_TYPE_INTEGER)
_STRING_PAYLOAD = DATA_OFFSET + 4  # a string's UTF-8 bytes follow its length


def default_partition_strategy(key: typing.Any) -> typing.Any:
    """Returns the partition key of objects that define ``get_partition_key()``."""
    get_partition_key = getattr(key, "get_partition_key", None)
    if get_partition_key is not None:
        return get_partition_key()
    return None


def empty_partitioning_strategy(_: typing.Any) -> None:
    return None


def _wrap(e: Exception) -> Exception:
    if isinstance(e, (HazelcastSerializationError, HazelcastInstanceNotActiveError, MemoryError)):
        return e
    # The message names the cause once; the callers raise it ``from e``, so the
    # cause's own traceback follows it (no "Caused by" repeating the message).
    return HazelcastSerializationError("%s: %s" % (type(e).__name__, e))


def _configured_classes(config: typing.Any) -> typing.List[type]:
    """The classes the configured serializers know (custom, Compact,
    Portable, IdentifiedDataSerializable): trusted for unpickling too, as
    the user already lets the client build them."""
    classes: typing.List[type] = list((getattr(config, "custom_serializers", None) or {}).keys())
    for serializer in getattr(config, "compact_serializers", None) or ():
        try:
            cls = serializer.get_class()
        except Exception:
            continue
        if isinstance(cls, type):
            classes.append(cls)
    for option in ("portable_factories", "data_serializable_factories"):
        for factory in (getattr(config, option, None) or {}).values():
            if isinstance(factory, dict):
                classes.extend(c for c in factory.values() if isinstance(c, type))
    return classes


class SerializationServiceV1:
    """Serializes objects to ``Data`` and back, per the serialization
    settings of the config.

    Args:
        config: The client config (``hazelcast.config.Config``).
        version: Serialization version; only 1 exists.
        global_partition_strategy: Returns the partition key of an object,
            or None when the object itself is the key.
        output_buffer_size: Initial capacity of output buffers.
    """

    def __init__(
        self,
        config: "Config",
        version: int = 1,
        global_partition_strategy: PartitioningStrategy = default_partition_strategy,
        output_buffer_size: int = DEFAULT_OUT_BUFFER_SIZE,
    ):
        self._version = version
        self._global_partition_strategy = global_partition_strategy
        self._output_buffer_size = output_buffer_size
        self._is_big_endian = bool(config.is_big_endian)
        self._pack_int = (_BE_INT if self._is_big_endian else _LE_INT).pack
        self._unpack_int_from = (_BE_INT if self._is_big_endian else _LE_INT).unpack_from
        self._unpack_long_from = struct.Struct(">q" if self._is_big_endian else "<q").unpack_from
        # Fast paths for str and int skip the registry: valid while the partition
        # key of such objects is the object itself (no partitioning strategy).
        self._fast_paths = global_partition_strategy is default_partition_strategy
        self._fast_int = self._fast_paths and int(getattr(config, "default_int_type", 3)) == 3
        self._active = True
        self._output_pool: typing.List[_ObjectDataOutput] = []

        from hazelcast.serialization.objects import builtin_identified_factories

        factories: typing.Dict[int, typing.Dict[int, typing.Any]] = builtin_identified_factories()
        factories.update(getattr(config, "data_serializable_factories", None) or {})
        self._data_serializer = IdentifiedDataSerializer(factories)
        self._portable_serializer = self._create_portable_serializer(config)
        self._compact_stream_serializer = self._create_compact_serializer(config)

        global_serializer = getattr(config, "global_serializer", None)
        self._global_serializer = global_serializer() if global_serializer else None
        self._null_serializer = NoneSerializer()
        self._python_serializer = PythonObjectSerializer(
            list(getattr(config, "pickle_allowed_classes", None) or ()) + _configured_classes(config),
            bool(getattr(config, "pickle_trust_all", False)),
        )

        self._registry = SerializerRegistry(
            config,
            self._portable_serializer,
            self._data_serializer,
            self._compact_stream_serializer,
            self._null_serializer,
            self._python_serializer,
            self._global_serializer,
        )
        self._register_constant_serializers()
        for obj_type, serializer_class in (getattr(config, "custom_serializers", None) or {}).items():
            self._registry.safe_register_serializer(serializer_class(), obj_type)
        self._registry.validate()

    # -- optional formats (Portable, Compact) ----------------------------

    def _create_portable_serializer(self, config: "Config") -> typing.Optional["PortableSerializer"]:
        try:
            from hazelcast.serialization.portable.serializer import create_portable_serializer
        except ImportError:
            return None
        return create_portable_serializer(self, config)

    def _create_compact_serializer(self, config: "Config") -> "CompactStreamSerializer":
        from hazelcast.serialization.compact import CompactStreamSerializer

        return CompactStreamSerializer(getattr(config, "compact_serializers", None) or [])

    @property
    def compact_stream_serializer(self) -> "CompactStreamSerializer":
        """The Compact serializer
        (:class:`hazelcast.serialization.compact.CompactStreamSerializer`):
        the schema service registers schemas through it."""
        return self._compact_stream_serializer

    @property
    def is_big_endian(self) -> bool:
        """The byte order of serialized payloads (the configuration's ``is_big_endian``)."""
        return self._is_big_endian

    @property
    def portable_serializer(self) -> typing.Optional["PortableSerializer"]:
        """The Portable serializer
        (:class:`hazelcast.serialization.portable.serializer.PortableSerializer`)."""
        return self._portable_serializer

    # -- public API --------------------------------------------------------

    def to_data(
        self, obj: typing.Any, partitioning_strategy: typing.Optional[PartitioningStrategy] = None
    ) -> typing.Optional[Data]:
        """Serializes an object.

        Args:
            obj: The object; ``Data`` is returned as is.
            partitioning_strategy: Returns the partition key of ``obj``
                (defaults to the service's global strategy).

        Returns:
            The serialized form, or None for None.

        Raises:
            HazelcastSerializationError: If the object cannot be serialized.
        """
        if obj is None:
            return None
        obj_type = type(obj)
        if obj_type is str and partitioning_strategy is None and self._fast_paths:
            # The most common keys and values, written without a serializer lookup
            # or an output buffer: same bytes as StringSerializer.
            try:
                encoded = obj.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: the serializer refuses them
                pass
            else:
                return Data(_STRING_HEADER + self._pack_int(len(encoded)) + encoded)
        elif obj_type is int and partitioning_strategy is None and self._fast_int:
            if -0x80000000 <= obj <= 0x7FFFFFFF:
                return Data(_INT_HEADER + self._pack_int(obj))
        if isinstance(obj, Data):
            return obj
        # outputs are reused: list.pop/append are atomic, so threads and
        # nested calls (partition keys, write_object) each get their own
        pool = self._output_pool
        out = pool.pop() if pool else _ObjectDataOutput(self._output_buffer_size, self, self._is_big_endian)
        try:
            serializer = self._registry.serializer_for(obj)
            out.write_int_big_endian(self._calculate_partitioning_hash(obj, partitioning_strategy))
            out.write_int_big_endian(serializer.get_type_id())
            serializer.write(out, obj)
            return Data(out.to_bytes())
        except Exception as e:  # KeyboardInterrupt, SystemExit... pass through
            wrapped = _wrap(e)
            if wrapped is e:
                raise
            raise wrapped from e
        finally:
            out._pos = 0
            if len(out._buffer) <= _MAX_POOLED_BUFFER and len(pool) < _MAX_POOLED_OUTPUTS:
                pool.append(out)

    def to_object(self, data: typing.Any) -> typing.Any:
        """Deserializes data.

        Args:
            data: The serialized form; anything else is returned as is.

        Returns:
            The object.

        Raises:
            HazelcastSerializationError: If the data cannot be read.
        """
        if not isinstance(data, Data):
            return data
        type_id = data.get_type()
        if type_id == CONSTANT_TYPE_NULL:
            return None
        buffer = data._buffer
        # The most common values, read without an input object or a serializer
        # lookup (built-in type ids cannot be taken by user serializers); anything
        # unusual takes the full path below, which reports it.
        if type_id == CONSTANT_TYPE_STRING:
            size = len(buffer) - _STRING_PAYLOAD
            if size >= 0 and self._unpack_int_from(buffer, DATA_OFFSET)[0] == size:
                try:
                    return str(buffer[_STRING_PAYLOAD:], "utf-8")
                except UnicodeDecodeError:
                    pass
        elif type_id == CONSTANT_TYPE_INTEGER:
            if len(buffer) == DATA_OFFSET + 4:
                return self._unpack_int_from(buffer, DATA_OFFSET)[0]
        elif type_id == CONSTANT_TYPE_LONG:
            if len(buffer) == DATA_OFFSET + 8:
                return self._unpack_long_from(buffer, DATA_OFFSET)[0]
        elif type_id == CONSTANT_TYPE_BYTE_ARRAY:
            # laid out as a string: the length, then the bytes
            size = len(buffer) - _STRING_PAYLOAD
            if size >= 0 and self._unpack_int_from(buffer, DATA_OFFSET)[0] == size:
                return bytearray(buffer[_STRING_PAYLOAD:])
        inp = _ObjectDataInput(buffer, DATA_OFFSET, self, self._is_big_endian)
        try:
            _nesting.start_read(len(buffer))
            serializer = self._registry.serializer_by_type_id(type_id)
            if serializer is None:
                if not self._active:
                    raise HazelcastInstanceNotActiveError()
                raise HazelcastSerializationError(
                    "no serializer is registered for type id %d" % type_id
                )
            return serializer.read(inp)
        except Exception as e:  # KeyboardInterrupt, SystemExit... pass through
            wrapped = _wrap(e)
            if wrapped is e:
                raise
            raise wrapped from e

    def write_object(self, out: ObjectDataOutput, obj: typing.Any) -> None:
        """Writes an object into an output: type id, then payload."""
        if isinstance(obj, Data):
            raise HazelcastSerializationError(
                "cannot write a Data instance as an object; write its bytes instead"
            )
        serializer = self._registry.serializer_for(obj)
        out.write_int(serializer.get_type_id())
        depth = _nesting.enter("write")
        try:
            serializer.write(out, obj)
        finally:
            _nesting.leave(depth)

    def read_object(self, inp: ObjectDataInput) -> typing.Any:
        """Reads an object written by :func:`write_object`."""
        type_id = inp.read_int()
        serializer = self._registry.serializer_by_type_id(type_id)
        if serializer is None:
            if not self._active:
                raise HazelcastInstanceNotActiveError()
            raise HazelcastSerializationError("no serializer is registered for type id %d" % type_id)
        depth = _nesting.enter("read")
        try:
            return serializer.read(inp)
        finally:
            _nesting.leave(depth)

    def destroy(self) -> None:
        """Releases the serializers (calls their ``destroy``)."""
        self._active = False
        self._registry.destroy()

    # -- internals ---------------------------------------------------------

    def _calculate_partitioning_hash(
        self, obj: typing.Any, partitioning_strategy: typing.Optional[PartitioningStrategy]
    ) -> int:
        strategy = partitioning_strategy if partitioning_strategy is not None else self._global_partition_strategy
        key = strategy(obj)
        if key is not None and key is not obj:
            data = self.to_data(key, empty_partitioning_strategy)
            if data is not None:  # always: only None serializes to None
                return data.get_partition_hash()
        return 0

    def _register_constant_serializers(self) -> None:
        reg = self._registry.register_constant_serializer
        reg(self._null_serializer, type(None))
        reg(self._data_serializer)
        if self._portable_serializer is not None:
            reg(self._portable_serializer)
        if self._compact_stream_serializer is not None:
            reg(self._compact_stream_serializer)
        reg(ByteSerializer())
        reg(BooleanSerializer(), bool)
        reg(CharSerializer())
        reg(ShortSerializer())
        reg(IntegerSerializer(), int)
        reg(LongSerializer())
        reg(FloatSerializer())
        reg(DoubleSerializer(), float)
        reg(UuidSerializer(), uuid.UUID)
        reg(StringSerializer(), str)
        byte_array = ByteArraySerializer()
        reg(byte_array, bytearray)
        self._registry.register_constant_type(byte_array, bytes)
        reg(BooleanArraySerializer())
        reg(CharArraySerializer())
        reg(ShortArraySerializer())
        reg(IntegerArraySerializer())
        reg(LongArraySerializer())
        reg(FloatArraySerializer())
        reg(DoubleArraySerializer())
        reg(StringArraySerializer())
        reg(BigIntegerSerializer())
        reg(BigDecimalSerializer(), decimal.Decimal)
        reg(JavaClassSerializer())
        reg(ArraySerializer())
        reg(ArrayListSerializer(), list)
        reg(LinkedListSerializer())
        reg(LocalDateSerializer(), datetime.date)
        reg(LocalTimeSerializer(), datetime.time)
        reg(LocalDateTimeSerializer())
        reg(OffsetDateTimeSerializer(), datetime.datetime)
        reg(HazelcastJsonValueSerializer(), HazelcastJsonValue)
        self._registry.safe_register_serializer(self._python_serializer)


class SerializerRegistry:
    """Finds the serializer of an object or of a type id."""

    def __init__(
        self,
        config: "Config",
        portable_serializer: typing.Optional["PortableSerializer"],
        data_serializer: IdentifiedDataSerializer,
        compact_serializer: "CompactStreamSerializer",
        null_serializer: NoneSerializer,
        python_serializer: PythonObjectSerializer,
        global_serializer: typing.Optional[StreamSerializer],
    ):
        self._portable_serializer = portable_serializer
        self._data_serializer = data_serializer
        self._compact_stream_serializer = compact_serializer
        self._null_serializer = null_serializer
        self._python_serializer = python_serializer
        self._global_serializer = global_serializer
        self._constant_type_ids: typing.Dict[int, StreamSerializer] = {}
        self._constant_type_dict: typing.Dict[type, StreamSerializer] = {}
        self._id_dict: typing.Dict[int, StreamSerializer] = {}
        self._type_dict: typing.Dict[type, StreamSerializer] = {}
        self._registration_lock = threading.RLock()
        int_type = getattr(config, "default_int_type", 3)
        self._int_type_id = _INT_TYPE_TO_TYPE_ID.get(int(int_type), None)
        compact_serializers = getattr(config, "compact_serializers", None) or []
        self._compact_types = {s.get_class() for s in compact_serializers}

    def serializer_by_type_id(self, type_id: int) -> typing.Optional[StreamSerializer]:
        """Returns the serializer of a type id, or None."""
        if type_id <= 0:
            serializer = self._constant_type_ids.get(type_id, None)
            if serializer is not None:
                return serializer
        return self._id_dict.get(type_id, None)

    def serializer_for(self, obj: typing.Any) -> StreamSerializer:
        """Returns the serializer for an object (see the module docstring for the order)."""
        if obj is None:
            return self._null_serializer
        obj_type = type(obj)
        serializer = self.lookup_default_serializer(obj_type, obj)
        if serializer is None:
            serializer = self.lookup_custom_serializer(obj_type)
        if serializer is None:
            serializer = self.lookup_global_serializer(obj_type)
        if serializer is None:
            serializer = self.lookup_python_serializer(obj_type)
        if serializer is None:
            raise HazelcastSerializationError("there is no suitable serializer for %s" % obj_type)
        return serializer

    def lookup_default_serializer(self, obj_type: type, obj: typing.Any) -> typing.Optional[StreamSerializer]:
        # exact builtin types first: the common case costs one dict lookup
        if obj_type is str:
            return self._constant_type_ids[CONSTANT_TYPE_STRING]
        if obj_type is int:
            type_id = self._int_type_id
            if type_id is None:
                if MIN_BYTE <= obj <= MAX_BYTE:
                    type_id = CONSTANT_TYPE_BYTE
                elif MIN_SHORT <= obj <= MAX_SHORT:
                    type_id = CONSTANT_TYPE_SHORT
                elif MIN_INT <= obj <= MAX_INT:
                    type_id = CONSTANT_TYPE_INTEGER
                elif MIN_LONG <= obj <= MAX_LONG:
                    type_id = CONSTANT_TYPE_LONG
                else:
                    type_id = JAVA_DEFAULT_TYPE_BIG_INTEGER
            return self._constant_type_ids[type_id]
        if self._compact_types and obj_type in self._compact_types:
            return self._compact_stream_serializer
        if isinstance(obj, IdentifiedDataSerializable):
            return self._data_serializer
        if isinstance(obj, Portable):
            if self._portable_serializer is None:
                raise HazelcastSerializationError(
                    "cannot serialize %s: Portable serialization is not available" % obj_type
                )
            return self._portable_serializer
        if isinstance(obj, str):
            return self._constant_type_ids[CONSTANT_TYPE_STRING]
        return self._constant_type_dict.get(obj_type, None)

    def lookup_custom_serializer(self, obj_type: type) -> typing.Optional[StreamSerializer]:
        serializer = self._type_dict.get(obj_type, None)
        if serializer is not None:
            return serializer
        for super_type in obj_type.__mro__:
            serializer = self._type_dict.get(super_type, None)
            if serializer is not None:
                self.safe_register_serializer(serializer, obj_type)
                return serializer
        return None

    def lookup_global_serializer(self, obj_type: type) -> typing.Optional[StreamSerializer]:
        serializer = self._global_serializer
        if serializer is not None:
            self.safe_register_serializer(serializer, obj_type)
        return serializer

    def lookup_python_serializer(self, obj_type: type) -> StreamSerializer:
        self.safe_register_serializer(self._python_serializer, obj_type)
        return self._python_serializer

    def register_constant_serializer(self, serializer: StreamSerializer, object_type: typing.Optional[type] = None) -> None:
        self._constant_type_ids[serializer.get_type_id()] = serializer
        if object_type is not None:
            self._constant_type_dict[object_type] = serializer

    def register_constant_type(self, serializer: StreamSerializer, object_type: type) -> None:
        """Maps one more Python type to an already registered builtin serializer."""
        self._constant_type_dict[object_type] = serializer

    def safe_register_serializer(self, stream_serializer: StreamSerializer, obj_type: typing.Optional[type] = None) -> bool:
        """Registers a serializer for a type and for its type id.

        Raises:
            ValueError: If the type has a builtin serializer, or the type or
                the type id already has a serializer of another class.
        """
        with self._registration_lock:
            if obj_type is not None:
                if obj_type in self._constant_type_dict:
                    raise ValueError("the serializer of %s cannot be overridden" % obj_type)
                current = self._type_dict.get(obj_type, None)
                if current is not None and current.__class__ is not stream_serializer.__class__:
                    raise ValueError(
                        "%s is already registered as the serializer of %s"
                        % (current.__class__.__name__, obj_type)
                    )
                self._type_dict[obj_type] = stream_serializer
            type_id = stream_serializer.get_type_id()
            current = self._id_dict.get(type_id, None)
            if current is not None and current.__class__ is not stream_serializer.__class__:
                raise ValueError(
                    "%s is already registered for type id %d" % (current.__class__.__name__, type_id)
                )
            self._id_dict[type_id] = stream_serializer
            return current is None

    def validate(self) -> None:
        """Refuses Compact serializers for types that have a builtin serializer."""
        for compact_type in self._compact_types:
            if compact_type in self._constant_type_dict:
                raise HazelcastSerializationError(
                    "a Compact serializer cannot be registered for %s: it has a builtin serializer"
                    % compact_type
                )

    def destroy(self) -> None:
        for serializer in list(self._type_dict.values()):
            serializer.destroy()
        for serializer in list(self._constant_type_dict.values()):
            serializer.destroy()
        self._type_dict.clear()
        self._id_dict.clear()
        self._global_serializer = None
        self._constant_type_dict.clear()
        self._compact_types.clear()
