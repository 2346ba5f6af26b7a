"""The metrics blob sent with the client statistics, against a Java-made known answer."""

from __future__ import annotations

import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.metrics import (
    MetricDescriptor,
    MetricTarget,
    MetricsCompressor,
    ProbeUnit,
    decode_metrics_blob,
)

# metrics.compatibility.binary: made by Hazelcast's Java MetricsCompatibilityFileGenerator
# and published with the official Python client's tests (Apache-2.0).
_VECTOR_HEX = (
    "0001000000677801ed924b0e40401044df6058b07015ee415c41fc22f10b164e2fca4a9c81f4a23a"
    "a957bda83410009693f29fcf360086889a86815d2d64da76567a2a12fd87171a52a9630c9bd4752c"
    "b9b851dcedfbc44ace4c7414ca35b4ca1eaf3bc2c42d8f7b01d9a271960000000378016360800046"
    "20c504c4cc2c500120a5550b2458180f089c0181b309401e2b10b3fd8702201b08ea813c0052f512"
    "2f"
)


def _vector_bytes():
    return bytes.fromhex(_VECTOR_HEX)


# What Java's MetricsCompatibilityFileGenerator put in the vector.
_LONG_PREFIX = "a" * 254
_EXPECTED = [
    (MetricDescriptor("prefix", "deltaMetric1", "ds", "dsName1", ProbeUnit.COUNT), 42),
    (MetricDescriptor("prefix", "deltaMetric2", "ds", "dsName1", ProbeUnit.COUNT), -4.2),
    (MetricDescriptor(_LONG_PREFIX, "longPrefixMetric", unit=ProbeUnit.BYTES), 2147483647),
]


def _compress(metrics):
    compressor = MetricsCompressor()
    for descriptor, value in metrics:
        if isinstance(value, float):
            compressor.add_double(descriptor, value)
        else:
            compressor.add_long(descriptor, value)
    return compressor.generate_blob()


def test_java_vector_decodes_to_the_known_metrics():
    decoded = decode_metrics_blob(_vector_bytes())
    assert decoded == _EXPECTED
    assert isinstance(decoded[1][1], float) and isinstance(decoded[0][1], int)


def test_our_blob_for_the_same_metrics_decodes_to_the_same_content():
    ours = _compress(_EXPECTED)
    assert decode_metrics_blob(ours) == decode_metrics_blob(_vector_bytes())


def test_our_streams_equal_the_java_streams_byte_for_byte():
    # zlib levels may differ; the uncompressed dictionary and metrics must not.
    def streams(blob):
        (length,) = struct.unpack_from(">i", blob, 2)
        dictionary = zlib.decompress(blob[6 : 6 + length])
        count = struct.unpack_from(">i", blob, 6 + length)[0]
        return dictionary, count, zlib.decompress(blob[10 + length :])

    assert streams(_compress(_EXPECTED)) == streams(_vector_bytes())


def test_blob_header_version_and_count():
    blob = _compress(_EXPECTED[:2])
    version, dictionary_length = struct.unpack_from(">hi", blob, 0)
    assert version == 1
    assert struct.unpack_from(">i", blob, 6 + dictionary_length)[0] == 2


def test_fields_equal_to_the_previous_descriptor_are_left_out():
    same = _compress([(MetricDescriptor("p", "m1", unit=ProbeUnit.MS), 1), (MetricDescriptor("p", "m2", unit=ProbeUnit.MS), 2)])
    (length,) = struct.unpack_from(">i", same, 2)
    metrics = zlib.decompress(same[10 + length :])
    # First: mask 0 + 4 ids + unit + targets + tag count + value (1 + 9) ; second: mask + metric id + value.
    assert len(metrics) == (1 + 16 + 3 + 9) + (1 + 4 + 9)
    assert metrics[29] == 0b1111101  # everything but the metric name repeated


def test_a_word_longer_than_255_characters_is_refused_and_the_compressor_stays_usable():
    compressor = MetricsCompressor()
    with pytest.raises(ValueError, match="255"):
        compressor.add_long(MetricDescriptor("x" * 256, "m"), 1)
    compressor.add_long(MetricDescriptor("ok", "m"), 7)
    assert compressor.count() == 1
    assert decode_metrics_blob(compressor.generate_blob()) == [(MetricDescriptor("ok", "m"), 7)]


_words = st.one_of(st.none(), st.text(max_size=30))
_descriptors = st.builds(
    MetricDescriptor,
    prefix=_words,
    metric=_words,
    discriminator=_words,
    discriminator_value=_words,
    unit=st.one_of(st.none(), st.integers(0, 7)),
    excluded_targets=st.sets(st.sampled_from([MetricTarget.MANAGEMENT_CENTER, MetricTarget.JMX, MetricTarget.DIAGNOSTICS, MetricTarget.JET_JOB])),
    tags=st.lists(st.tuples(st.text(max_size=10), st.text(max_size=10)), max_size=3),
)
_values = st.one_of(st.integers(-(2 ** 63), 2 ** 63 - 1), st.floats(allow_nan=False))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_descriptors, _values), max_size=12))
def test_any_metrics_round_trip(metrics):
    assert decode_metrics_blob(_compress(metrics)) == metrics
