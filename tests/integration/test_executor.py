"""Executor against real members: IdentifiedDataSerializable, Portable and Compact
tasks run by Java Callables (tests/java/.../executor), results and member-side
errors, shutdown, and a member dying while it runs a task."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalStateError, TargetDisconnectedError
from hazelcast.future import Future
from hazelcast.proxy.executor import BlockingExecutor, Executor
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable, Portable

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until

pytestmark = [pytest.mark.java_classes]

FACTORY_ID = 2000
PORTABLE_FACTORY_ID = 2001
PKG = "com.hazelcast.pyclienttest.executor."

MEMBER_XML = """
<serialization>
    <data-serializable-factories>
        <data-serializable-factory factory-id="%d">%sExecutorTestFactory</data-serializable-factory>
    </data-serializable-factories>
    <portable-factories>
        <portable-factory factory-id="%d">%sExecutorPortableFactory</portable-factory>
    </portable-factories>
</serialization>
""" % (FACTORY_ID, PKG, PORTABLE_FACTORY_ID, PKG)


# -- the Python twins of the Java callables ------------------------------------------


class MemberUuidCallable(IdentifiedDataSerializable):
    """Returns prefix + the UUID of the member that runs it."""

    def __init__(self, prefix=""):
        self.prefix = prefix

    def write_data(self, out):
        out.write_string(self.prefix)

    def read_data(self, inp):
        self.prefix = inp.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


class FailingCallable(IdentifiedDataSerializable):
    """Throws IllegalStateException(message) on the member."""

    def __init__(self, message=""):
        self.message = message

    def write_data(self, out):
        out.write_string(self.message)

    def read_data(self, inp):
        self.message = inp.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 2


class SlowCallable(IdentifiedDataSerializable):
    """Sleeps for millis on the member, then returns "done"."""

    def __init__(self, millis=0):
        self.millis = millis

    def write_data(self, out):
        out.write_long(self.millis)

    def read_data(self, inp):
        self.millis = inp.read_long()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 3


class PortableSumCallable(Portable):
    """Returns the sum of its numbers (a Java long)."""

    def __init__(self, numbers=()):
        self.numbers = list(numbers)

    def write_portable(self, writer):
        writer.write_int_array("numbers", self.numbers)

    def read_portable(self, reader):
        self.numbers = reader.read_int_array("numbers")

    def get_factory_id(self):
        return PORTABLE_FACTORY_ID

    def get_class_id(self):
        return 1


class CompactMultiply:
    def __init__(self, value, factor):
        self.value = value
        self.factor = factor


class CompactMultiplySerializer(CompactSerializer):
    """Writes the fields of the Java class, under its name: the member reads it with
    its zero-config (reflective) Compact serializer, no member configuration."""

    def read(self, reader):
        return CompactMultiply(reader.read_int32("value"), reader.read_int32("factor"))

    def write(self, writer, obj):
        writer.write_int32("value", obj.value)
        writer.write_int32("factor", obj.factor)

    def get_class(self):
        return CompactMultiply

    def get_type_name(self):
        return PKG + "CompactMultiplyCallable"


def client_options():
    return dict(
        data_serializable_factories={FACTORY_ID: {1: MemberUuidCallable, 2: FailingCallable, 3: SlowCallable}},
        portable_factories={PORTABLE_FACTORY_ID: {1: PortableSumCallable}},
        compact_serializers=[CompactMultiplySerializer()],
    )


# -- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    # Two members: tasks run on a chosen member, on every member, or on a key's owner.
    from harness import start_cluster

    c = start_cluster(2, java_classes=True, extra_xml=MEMBER_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module", params=FACES)
def client(request, cluster):
    c = start_client(request.param, **cluster.client_config(), **client_options())
    yield c
    c.shutdown()


def get_executor(client, name=None):
    name = name or "executor-" + uuid.uuid4().hex
    if isinstance(client, AsyncioClientDriver):
        return client._blocking(client.run(client.client.get_executor(name)))
    return client.get_executor(name).blocking()


def members_of(client):
    return client.cluster_service.get_members()


# -- results -------------------------------------------------------------------------


def test_execute_on_member_runs_the_task_on_that_member(client):
    executor = get_executor(client)
    for member in members_of(client):
        assert executor.execute_on_member(member, MemberUuidCallable("on:")) == "on:%s" % member.uuid


def test_execute_on_members_returns_the_results_in_the_members_order(client):
    executor = get_executor(client)
    members = list(reversed(members_of(client)))
    assert len(members) == 2
    assert executor.execute_on_members(members, MemberUuidCallable()) == [str(m.uuid) for m in members]
    assert executor.execute_on_members([], MemberUuidCallable()) == []


def test_execute_on_all_members_runs_once_per_member(client):
    executor = get_executor(client)
    results = executor.execute_on_all_members(MemberUuidCallable("all:"))
    assert sorted(results) == sorted("all:%s" % m.uuid for m in members_of(client))


def test_execute_on_key_owner_runs_on_the_partition_owner(client):
    executor = get_executor(client)
    partitions = client.partition_service
    keys = ("a", "b", "c", 42, "key-17", "key-18", "key-19", 7.5)
    executor.execute_on_key_owner("first", MemberUuidCallable())  # the members assign partitions on first use
    owner_of = lambda key: partitions.get_partition_owner(partitions.get_partition_id(key))  # noqa: E731
    # The keys cover both members once the second member got its partitions (a table
    # read while they still migrate may show one member owning them all).
    wait_until(
        lambda: None not in {owner_of(key) for key in keys} and len({owner_of(key) for key in keys}) == 2,
        interval=0.1,
        message=lambda: "a partition table where the keys cover both members: %s" % {owner_of(key) for key in keys},
    )
    for key in keys:
        assert executor.execute_on_key_owner(key, MemberUuidCallable()) == str(owner_of(key))


def test_portable_and_compact_tasks_run_on_the_members(client):
    executor = get_executor(client)
    member = members_of(client)[0]
    assert executor.execute_on_member(member, PortableSumCallable([1, 2, 3, 2**31 - 1])) == 6 + 2**31 - 1
    assert executor.execute_on_key_owner("k", CompactMultiply(6, 7)) == 42
    assert executor.execute_on_all_members(CompactMultiply(-3, 5)) == [-15, -15]


def test_a_task_throwing_on_the_member_fails_with_the_member_error(client):
    executor = get_executor(client)
    member = members_of(client)[0]
    with pytest.raises(IllegalStateError, match="task failed on purpose"):
        executor.execute_on_member(member, FailingCallable("task failed on purpose"))
    with pytest.raises(IllegalStateError, match="by key"):
        executor.execute_on_key_owner("x", FailingCallable("by key"))
    with pytest.raises(IllegalStateError, match="everywhere"):
        executor.execute_on_all_members(FailingCallable("everywhere"))


def test_none_arguments_are_refused(client):
    executor = get_executor(client)
    with pytest.raises(AssertionError):
        executor.execute_on_key_owner(None, MemberUuidCallable())
    with pytest.raises(AssertionError):
        executor.execute_on_key_owner("k", None)
    with pytest.raises(AssertionError):
        executor.execute_on_member(members_of(client)[0], None)


def test_shutdown_reaches_every_member(client):
    executor = get_executor(client)
    assert executor.is_shutdown() is False
    assert executor.shutdown() is None
    # is_shutdown asks any one member: every one of them has shut its part down.
    assert [executor.is_shutdown() for _ in range(20)] == [True] * 20
    assert get_executor(client).is_shutdown() is False  # another executor


def test_future_face(client):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face")
    executor = client.get_executor("executor-" + uuid.uuid4().hex)
    assert isinstance(executor, Executor) and isinstance(executor.blocking(), BlockingExecutor)
    futures = [executor.execute_on_key_owner(i, CompactMultiply(i, 2)) for i in range(20)]
    assert all(isinstance(f, Future) for f in futures)
    assert [f.result() for f in futures] == [2 * i for i in range(20)]


def test_asyncio_face_runs_tasks_concurrently(client):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("asyncio face only")

    async def body():
        executor = await client.client.get_executor("executor-" + uuid.uuid4().hex)
        results = await asyncio.gather(*[executor.execute_on_key_owner(i, SlowCallable(200)) for i in range(4)])
        return results, await executor.is_shutdown()

    results, shut_down = client.run(body())
    assert results == ["done"] * 4
    assert shut_down is False


# -- a member dying mid-task (last: it kills a member of the module's cluster) ----------


@pytest.mark.slow
def test_a_member_dying_mid_task_fails_the_task_with_target_disconnected(cluster):
    client = hazelcast.HazelcastClient(**cluster.client_config(), **client_options())
    try:
        executor = client.get_executor("executor-" + uuid.uuid4().hex)
        victim = cluster.members[1]
        target = next(m for m in client.cluster_service.get_members() if str(m.uuid) == victim.uuid)
        # The tasks go straight to the victim (the client opens its connections to
        # the members in the background after it started).
        wait_until(lambda: client._connection_manager.get_connection(target.uuid) is not None,
                   interval=0.1, message="a connection to the victim")
        pending = [
            executor.execute_on_member(target, SlowCallable(60000)),
            executor.execute_on_members([target], SlowCallable(60000)),
        ]
        # Requests on one connection reach the member in order: once a quick task
        # sent after them has answered, the slow ones are running there.
        assert executor.execute_on_member(target, MemberUuidCallable()).result() == victim.uuid
        assert not any(f.done() for f in pending)
        killed_at = time.monotonic()
        victim.kill()
        for f in pending:
            with pytest.raises(TargetDisconnectedError):
                f.result()
        assert time.monotonic() - killed_at < 30
        # The survivor still runs tasks.
        survivor = next(m for m in client.cluster_service.get_members() if str(m.uuid) != victim.uuid)
        assert executor.execute_on_member(survivor, MemberUuidCallable()).result() == str(survivor.uuid)
    finally:
        client.shutdown()
