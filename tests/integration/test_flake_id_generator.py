"""FlakeIdGenerator against a real member: unique ids from many threads and two
clients, batches per configuration (wildcard names), expiry of a batch, faces."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.future import Future
from hazelcast.proxy.flake_id_generator import BlockingFlakeIdGenerator, FlakeIdGenerator

from client_faces import FACES, AsyncioClientDriver, start_client

# An id is timestamp (ms since 2018-01-01) << 22 | sequence << 16 | node id.
TIMESTAMP_SHIFT = 22


def get_generator(client, name):
    if isinstance(client, AsyncioClientDriver):
        return client._blocking(client.run(client.client.get_flake_id_generator(name)))
    return client.get_flake_id_generator(name).blocking()


@pytest.fixture(scope="module", params=FACES)
def client(request, hz_cluster):
    c = start_client(
        request.param,
        **hz_cluster.client_config(),
        flake_id_generators={"small-*": {"prefetch_count": 3}, "short-lived-*": {"prefetch_validity": 0.5}},
    )
    yield c
    c.shutdown()


def test_ids_are_unique_and_positive(client):
    generator = get_generator(client, "ids-" + uuid.uuid4().hex)
    ids = [generator.new_id() for _ in range(1000)]
    assert len(set(ids)) == 1000
    assert all(isinstance(i, int) and 0 <= i < 2**63 for i in ids)


def test_a_wildcard_configuration_applies(client):
    generator = get_generator(client, "small-" + uuid.uuid4().hex)
    core = generator.face._proxy if isinstance(client, AsyncioClientDriver) else generator._wrapped
    assert core._auto_batcher._batch_size == 3
    default = get_generator(client, "other-" + uuid.uuid4().hex)
    core = default.face._proxy if isinstance(client, AsyncioClientDriver) else default._wrapped
    assert core._auto_batcher._batch_size == 100
    ids = [generator.new_id() for _ in range(10)]  # four batches of three
    assert len(set(ids)) == 10


def test_a_batch_is_not_used_after_its_validity(client):
    generator = get_generator(client, "short-lived-" + uuid.uuid4().hex)
    first = generator.new_id()
    second = generator.new_id()  # same batch: fetched in the same millisecond
    assert (second >> TIMESTAMP_SHIFT) - (first >> TIMESTAMP_SHIFT) <= 1
    started = time.monotonic()
    while time.monotonic() - started < 0.6:  # let the batch expire (validity 0.5 s)
        time.sleep(0.05)
    third = generator.new_id()
    # From a new batch, generated at least 0.5 s after the first.
    assert (third >> TIMESTAMP_SHIFT) - (first >> TIMESTAMP_SHIFT) >= 500


def test_future_face(client):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face")
    generator = client.get_flake_id_generator("ids-" + uuid.uuid4().hex)
    assert isinstance(generator, FlakeIdGenerator)
    assert isinstance(generator.blocking(), BlockingFlakeIdGenerator)
    futures = [generator.new_id() for _ in range(250)]  # the first batch is being fetched
    assert all(isinstance(f, Future) for f in futures)
    assert len({f.result() for f in futures}) == 250


def test_asyncio_face(client):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("asyncio face only")

    async def body():
        generator = await client.client.get_flake_id_generator("ids-" + uuid.uuid4().hex)
        return await asyncio.gather(*[generator.new_id() for _ in range(250)])

    assert len(set(client.run(body()))) == 250


def test_a_million_ids_from_eight_threads_and_two_clients_are_unique(hz_cluster):
    name = "ids-" + uuid.uuid4().hex
    config = dict(hz_cluster.client_config(), flake_id_generators={name: {"prefetch_count": 100000}})
    clients = [hazelcast.HazelcastClient(**config) for _ in range(2)]
    try:
        generators = [c.get_flake_id_generator(name).blocking() for c in clients]
        per_thread = 125000
        results = [None] * 8

        def take(index):
            new_id = generators[index % 2].new_id
            results[index] = [new_id() for _ in range(per_thread)]

        threads = [threading.Thread(target=take, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert all(r is not None and len(r) == per_thread for r in results)
        ids = set()
        for r in results:
            ids.update(r)
        assert len(ids) == 8 * per_thread
    finally:
        for c in clients:
            c.shutdown()
