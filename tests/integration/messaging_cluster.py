"""Member configuration shared by the Ringbuffer and ReliableTopic tests.

Small ringbuffers (capacity 10) to overflow, with a time-to-live where a full
ringbuffer must refuse items (OVERFLOW_POLICY_FAIL, and the reliable topic's
overload policies other than DISCARD_OLDEST: without a time-to-live a ringbuffer
always has room, its oldest items are simply overwritten), and the factory of
the Java read filter of tests/java/com/hazelcast/pyclienttest/messaging.

The ringbuffer of reliable topic ``x`` is ``_hz_rb_x``, but the member looks its
configuration up without the prefix: ``rt-*`` below configures those of the
topics ``rt-*``.
"""

from __future__ import annotations

from hazelcast.serialization.api import IdentifiedDataSerializable

FACTORY_ID = 1200
PREFIX_FILTER_CLASS_ID = 1

MEMBER_XML = """
<serialization>
    <data-serializable-factories>
        <data-serializable-factory factory-id="%d">com.hazelcast.pyclienttest.messaging.MessagingFactory</data-serializable-factory>
    </data-serializable-factories>
</serialization>
<ringbuffer name="rb-full*">
    <capacity>10</capacity>
    <time-to-live-seconds>600</time-to-live-seconds>
</ringbuffer>
<ringbuffer name="rb-small*">
    <capacity>10</capacity>
</ringbuffer>
<ringbuffer name="rt-full*">
    <capacity>10</capacity>
    <time-to-live-seconds>600</time-to-live-seconds>
</ringbuffer>
<ringbuffer name="rt-ttl*">
    <capacity>10</capacity>
    <time-to-live-seconds>2</time-to-live-seconds>
</ringbuffer>
<ringbuffer name="rt-small*">
    <capacity>10</capacity>
</ringbuffer>
""" % FACTORY_ID


class PrefixFilter(IdentifiedDataSerializable):
    """Twin of PrefixFilter.java: a read_many filter keeping strings with a prefix."""

    def __init__(self, prefix=""):
        self.prefix = prefix

    def write_data(self, object_data_output):
        object_data_output.write_string(self.prefix)

    def read_data(self, object_data_input):
        self.prefix = object_data_input.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return PREFIX_FILTER_CLASS_ID
