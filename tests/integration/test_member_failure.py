"""An acknowledged write survives the death of one member while its backup survives."""

from __future__ import annotations

import threading
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastError


@pytest.mark.slow
def test_acknowledged_puts_survive_killing_one_of_three_members(cluster_factory):
    cluster = cluster_factory(member_count=3, map_configs={"durable*": {"backup_count": 1}})
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        m = client.get_map("durable-map").blocking()
        acknowledged = {}
        failed = []
        stop = threading.Event()

        def writer(worker):
            i = 0
            while not stop.is_set():
                key = "w%d-%d" % (worker, i)
                try:
                    m.put(key, i)
                    acknowledged[key] = i
                except HazelcastError as e:  # in flight on the killed member: not acknowledged
                    failed.append((key, e))
                i += 1

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        time.sleep(2)
        before_kill = len(acknowledged)
        cluster.members[1].kill()
        time.sleep(4)
        stop.set()
        for t in threads:
            t.join(60)
        assert before_kill > 100
        assert len(acknowledged) > before_kill  # the load went on with the survivors
        assert len(client.cluster_service.get_members()) == 2

        lost = [k for k, v in acknowledged.items() if m.get(k) != v]
        assert lost == [], "%d of %d acknowledged entries lost" % (len(lost), len(acknowledged))
        assert m.size() >= len(acknowledged)
    finally:
        client.shutdown()
