"""The threaded client: configuration, a typed map, futures, listeners, predicates."""

from __future__ import annotations

from typing import List, Optional

import hazelcast
from hazelcast.config import Config, ReconnectMode
from hazelcast.core import HazelcastJsonValue, MemberInfo
from hazelcast.future import Future
from hazelcast.lifecycle import LifecycleState
from hazelcast.predicate import and_, equal, greater, sql
from hazelcast.proxy.base import EntryEvent
from hazelcast.proxy.map import BlockingMap, Map


def make_config() -> Config:
    config = Config()
    config.cluster_name = "dev"
    config.cluster_members = ["127.0.0.1:5701"]
    config.reconnect_mode = ReconnectMode.ON
    config.invocation_timeout = 30.0
    config.near_caches = {"cached": {"time_to_live": 60}}
    return config


def run() -> None:
    client = hazelcast.HazelcastClient(make_config())
    other = hazelcast.HazelcastClient(cluster_name="dev", smart_routing=False)

    prices: Map[str, float] = client.get_map("prices")
    blocking: BlockingMap[str, float] = prices.blocking()
    blocking.put("apple", 1.5, ttl=60)
    blocking.set("pear", 2.0)
    price: Optional[float] = blocking.get("apple")
    total: float = sum(v for v in blocking.values())
    keys: List[str] = list(blocking.key_set(greater("this", 1.0)))
    cheap = blocking.values(sql("this < 2"))
    both = blocking.entry_set(and_(equal("this", 1.5), greater("this", 1)))

    pending: Future[Optional[float]] = prices.get("apple")
    doubled: Future[float] = pending.continue_with(lambda f: (f.result() or 0.0) * 2)
    print(price, total, keys, cheap, both, doubled.result())
    view = blocking.get_entry_view("apple")
    if view is not None:
        stored: float = view.value
        print(view.key.upper(), stored, view.hits)

    def on_added(event: EntryEvent[str, float]) -> None:
        print(event.key, event.value)

    registration: str = blocking.add_entry_listener(include_value=True, added_func=on_added)
    blocking.remove_entry_listener(registration)

    def on_state(state: str) -> None:
        if state == LifecycleState.CONNECTED:
            print("connected")

    client.lifecycle_service.add_listener(on_state)
    members: List[MemberInfo] = client.cluster_service.get_members()

    documents = client.get_map("documents").blocking()
    documents.put("d1", HazelcastJsonValue({"age": 4}))
    queue = client.get_queue("tasks").blocking()
    queue.offer("task-1")
    topic = client.get_topic("news").blocking()
    topic.add_listener(lambda message: print(message.message))
    print(members)
    other.shutdown()
    client.shutdown()
