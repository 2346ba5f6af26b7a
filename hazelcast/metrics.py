"""Client metrics in the compressed binary format members understand.

The client sends its metrics with its statistics as one blob:

    u16  format version (1)
    i32  length of the compressed dictionary, then the zlib-compressed dictionary
    i32  number of metrics, then the zlib-compressed metrics

Every string of the metric descriptors (prefix, metric name, discriminator, tags) is
replaced by the id of a dictionary word. The dictionary gives its word count, then
the words in sorted order, each sharing a prefix with the previous word, so only the differing tail is
written. Each descriptor starts with a mask whose bits say which fields equal those
of the previous descriptor and are left out. All numbers are big-endian.
"""

from __future__ import annotations

import struct
import zlib
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

_MASK_PREFIX = 1
_MASK_METRIC = 1 << 1
_MASK_DISCRIMINATOR = 1 << 2
_MASK_DISCRIMINATOR_VALUE = 1 << 3
_MASK_UNIT = 1 << 4
_MASK_EXCLUDED_TARGETS = 1 << 5
_MASK_TAG_COUNT = 1 << 6

_NULL_DICTIONARY_ID = -1
_NULL_UNIT = -1
_MAX_WORD_LENGTH = 255
_BINARY_FORMAT_VERSION = 1

_VALUE_TYPE_LONG = 0
_VALUE_TYPE_DOUBLE = 1

_INT = struct.Struct(">i")
_BYTE_BYTE = struct.Struct(">BB")
_LONG_VALUE = struct.Struct(">Bq")
_DOUBLE_VALUE = struct.Struct(">Bd")
_HEADER = struct.Struct(">hi")


class ValueType:
    """Kind of a metric value (the members' ``ValueType`` constants)."""

    LONG = _VALUE_TYPE_LONG
    DOUBLE = _VALUE_TYPE_DOUBLE


class ProbeUnit:
    """Units of metric values (the members' ordinals)."""

    BYTES = 0
    MS = 1
    NS = 2
    PERCENT = 3
    COUNT = 4
    BOOLEAN = 5
    ENUM = 6
    US = 7


class MetricTarget:
    """Consumers of metrics on the member side, as bit positions of the excluded set."""

    MANAGEMENT_CENTER = 0
    JMX = 1
    DIAGNOSTICS = 2
    JET_JOB = 3


class MetricDescriptor:
    """Names one metric.

    Args:
        prefix: Group of the metric (``"os"``, ``"runtime"``...), or None.
        metric: Name of the metric.
        discriminator: Name of the attribute that tells instances apart, or None.
        discriminator_value: Its value, or None.
        unit: A :class:`ProbeUnit` value, or None.
        excluded_targets: :class:`MetricTarget` values that must not see the metric.
        tags: ``(tag, value)`` pairs.
    """

    __slots__ = ("prefix", "metric", "discriminator", "discriminator_value", "unit", "excluded_targets", "tags")

    def __init__(
        self,
        prefix: Optional[str] = None,
        metric: Optional[str] = None,
        discriminator: Optional[str] = None,
        discriminator_value: Optional[str] = None,
        unit: Optional[int] = None,
        excluded_targets: Iterable[int] = (),
        tags: Sequence[Tuple[str, str]] = (),
    ):
        self.prefix = prefix
        self.metric = metric
        self.discriminator = discriminator
        self.discriminator_value = discriminator_value
        self.unit = unit
        self.excluded_targets = frozenset(excluded_targets)
        self.tags = tuple(tags)

    def _excluded_bits(self) -> int:
        bits = 0
        for target in self.excluded_targets:
            bits |= 1 << target
        return bits

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MetricDescriptor) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    def __hash__(self) -> int:
        return hash((self.prefix, self.metric, self.discriminator, self.discriminator_value, self.unit, self.tags))

    def __repr__(self) -> str:
        return (
            "MetricDescriptor(prefix=%r, metric=%r, discriminator=%r, discriminator_value=%r, "
            "unit=%r, excluded_targets=%r, tags=%r)"
            % (
                self.prefix,
                self.metric,
                self.discriminator,
                self.discriminator_value,
                self.unit,
                sorted(self.excluded_targets),
                self.tags,
            )
        )


class MetricsCompressor:
    """Collects metrics and renders them as the compressed blob."""

    def __init__(self) -> None:
        self._words: Dict[str, int] = {}
        self._metrics = bytearray()
        self._count = 0
        self._last: Optional[MetricDescriptor] = None

    def add_long(self, descriptor: MetricDescriptor, value: int) -> None:
        """Adds a metric with an integer value (a Java long).

        Raises:
            ValueError: If a word of the descriptor is longer than 255 characters.
        """
        self._add(descriptor, _LONG_VALUE.pack(_VALUE_TYPE_LONG, value))

    def add_double(self, descriptor: MetricDescriptor, value: float) -> None:
        """Adds a metric with a floating point value.

        Raises:
            ValueError: If a word of the descriptor is longer than 255 characters.
        """
        self._add(descriptor, _DOUBLE_VALUE.pack(_VALUE_TYPE_DOUBLE, value))

    def count(self) -> int:
        """Returns the number of metrics added."""
        return self._count

    def generate_blob(self) -> bytes:
        """Returns the blob of the metrics added so far."""
        dictionary = zlib.compress(self._dictionary_bytes())
        metrics = zlib.compress(bytes(self._metrics))
        return b"".join(
            (
                _HEADER.pack(_BINARY_FORMAT_VERSION, len(dictionary)),
                dictionary,
                _INT.pack(self._count),
                metrics,
            )
        )

    def _add(self, descriptor: MetricDescriptor, value: bytes) -> None:
        # Encoded apart first so that a bad word leaves the stream untouched.
        words_before = dict(self._words)
        try:
            encoded = self._descriptor_bytes(descriptor)
        except ValueError:
            self._words = words_before
            raise
        self._metrics += encoded
        self._metrics += value
        self._count += 1
        self._last = descriptor

    def _descriptor_bytes(self, d: MetricDescriptor) -> bytes:
        last = self._last
        mask = 0
        if last is not None:
            if d.prefix == last.prefix:
                mask |= _MASK_PREFIX
            if d.metric == last.metric:
                mask |= _MASK_METRIC
            if d.discriminator == last.discriminator:
                mask |= _MASK_DISCRIMINATOR
            if d.discriminator_value == last.discriminator_value:
                mask |= _MASK_DISCRIMINATOR_VALUE
            if d.unit == last.unit:
                mask |= _MASK_UNIT
            if d.excluded_targets == last.excluded_targets:
                mask |= _MASK_EXCLUDED_TARGETS
            if len(d.tags) == len(last.tags):
                mask |= _MASK_TAG_COUNT
        out = bytearray((mask,))
        if not mask & _MASK_PREFIX:
            out += _INT.pack(self._word_id(d.prefix))
        if not mask & _MASK_METRIC:
            out += _INT.pack(self._word_id(d.metric))
        if not mask & _MASK_DISCRIMINATOR:
            out += _INT.pack(self._word_id(d.discriminator))
        if not mask & _MASK_DISCRIMINATOR_VALUE:
            out += _INT.pack(self._word_id(d.discriminator_value))
        if not mask & _MASK_UNIT:
            out.append((_NULL_UNIT if d.unit is None else d.unit) & 0xFF)
        if not mask & _MASK_EXCLUDED_TARGETS:
            out.append(d._excluded_bits() & 0xFF)
        if not mask & _MASK_TAG_COUNT:
            out.append(len(d.tags) & 0xFF)
        for tag, tag_value in d.tags:
            out += _INT.pack(self._word_id(tag))
            out += _INT.pack(self._word_id(tag_value))
        return bytes(out)

    def _word_id(self, word: Optional[str]) -> int:
        if word is None:
            return _NULL_DICTIONARY_ID
        word_id = self._words.get(word)
        if word_id is None:
            if len(word) > _MAX_WORD_LENGTH:
                raise ValueError(
                    "metric word %r is %d characters long; at most %d fit in the metrics format"
                    % (word[:40] + "...", len(word), _MAX_WORD_LENGTH)
                )
            word_id = len(self._words)
            self._words[word] = word_id
        return word_id

    def _dictionary_bytes(self) -> bytes:
        out = bytearray(_INT.pack(len(self._words)))
        last = ""
        # Members compare UTF-16 code units; sorting by them keeps shared prefixes
        # meaningful for words outside the basic plane too.
        for word in sorted(self._words, key=_utf16_units):
            units = _utf16_units(word)
            last_units = _utf16_units(last)
            common = 0
            limit = min(len(units), len(last_units))
            while common < limit and units[common] == last_units[common]:
                common += 1
            tail = units[common:]
            out += _INT.pack(self._words[word])
            out += _BYTE_BYTE.pack(common, len(tail))
            out += _tail_bytes(tail)
            last = word
        return bytes(out)


def _utf16_units(word: str) -> Tuple[int, ...]:
    data = word.encode("utf-16-be", "surrogatepass")
    return struct.unpack(">%dH" % (len(data) // 2), data)


def _tail_bytes(units: Sequence[int]) -> bytes:
    return struct.pack(">%dH" % len(units), *units)


def decode_metrics_blob(blob: bytes) -> List[Tuple[MetricDescriptor, object]]:
    """Reads a metrics blob back into ``(descriptor, value)`` pairs (for checks and
    tools; the client itself only writes blobs).

    Raises:
        ValueError: If the blob is not in the format.
    """
    version, dictionary_length = _HEADER.unpack_from(blob, 0)
    if version != _BINARY_FORMAT_VERSION:
        raise ValueError("unsupported metrics format version %d" % version)
    position = _HEADER.size
    dictionary_data = zlib.decompress(blob[position : position + dictionary_length])
    position += dictionary_length
    (count,) = _INT.unpack_from(blob, position)
    metrics_data = zlib.decompress(blob[position + 4 :])

    words: Dict[int, str] = {}
    (word_count,) = _INT.unpack_from(dictionary_data, 0)
    offset = 4
    last_units: Tuple[int, ...] = ()
    for _ in range(word_count):
        (word_id,) = _INT.unpack_from(dictionary_data, offset)
        common, tail_length = _BYTE_BYTE.unpack_from(dictionary_data, offset + 4)
        offset += 6
        tail = struct.unpack_from(">%dH" % tail_length, dictionary_data, offset)
        offset += 2 * tail_length
        units = last_units[:common] + tail
        words[word_id] = _tail_bytes(units).decode("utf-16-be", "surrogatepass")
        last_units = units

    def word(word_id: int) -> Optional[str]:
        return None if word_id == _NULL_DICTIONARY_ID else words[word_id]

    def tag_word(word_id: int) -> str:
        if word_id == _NULL_DICTIONARY_ID:
            raise ValueError("metrics blob has a null tag or tag value")
        return words[word_id]

    result: List[Tuple[MetricDescriptor, object]] = []
    last = MetricDescriptor()
    offset = 0
    for _ in range(count):
        mask = metrics_data[offset]
        offset += 1
        fields = {}
        for bit, name in (
            (_MASK_PREFIX, "prefix"),
            (_MASK_METRIC, "metric"),
            (_MASK_DISCRIMINATOR, "discriminator"),
            (_MASK_DISCRIMINATOR_VALUE, "discriminator_value"),
        ):
            if mask & bit:
                fields[name] = getattr(last, name)
            else:
                fields[name] = word(_INT.unpack_from(metrics_data, offset)[0])
                offset += 4
        if mask & _MASK_UNIT:
            unit = last.unit
        else:
            raw = metrics_data[offset]
            offset += 1
            unit = None if raw == (_NULL_UNIT & 0xFF) else raw
        if mask & _MASK_EXCLUDED_TARGETS:
            excluded = last.excluded_targets
        else:
            bits = metrics_data[offset]
            offset += 1
            excluded = frozenset(i for i in range(8) if bits & (1 << i))
        if mask & _MASK_TAG_COUNT:
            tag_count = len(last.tags)
        else:
            tag_count = metrics_data[offset]
            offset += 1
        tags: List[Tuple[str, str]] = []
        for _ in range(tag_count):
            tag_id, value_id = struct.unpack_from(">ii", metrics_data, offset)
            offset += 8
            tags.append((tag_word(tag_id), tag_word(value_id)))
        descriptor = MetricDescriptor(unit=unit, excluded_targets=excluded, tags=tags, **fields)
        value_type = metrics_data[offset]
        if value_type == _VALUE_TYPE_LONG:
            value: object = _LONG_VALUE.unpack_from(metrics_data, offset)[1]
        elif value_type == _VALUE_TYPE_DOUBLE:
            value = _DOUBLE_VALUE.unpack_from(metrics_data, offset)[1]
        else:
            raise ValueError("unknown metric value type %d" % value_type)
        offset += 9
        result.append((descriptor, value))
        last = descriptor
    return result
