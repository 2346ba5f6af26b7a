"""Mistakes a type checker catches in threaded-client code."""

from __future__ import annotations

import hazelcast
from hazelcast.config import Config
from hazelcast.proxy.map import BlockingMap

config = Config()
config.cluster_name = 5  # error
config.smart_routing = "yes"  # error
config.cluster_nmae = "dev"  # error

client = hazelcast.HazelcastClient(config)
prices: BlockingMap[str, float] = client.get_map("prices").blocking()
prices.put("apple", 1.5, ttl="60")  # error
prices.put("apple", "cheap")  # error
prices.putt("apple", 1.5)  # error
price: float = prices.get("apple")  # error
prices.get("apple").result()  # error
client.get_map("prices").put("apple", 1.5).result(timeout=1)  # error
client.get_mapp("prices")  # error
view = prices.get_entry_view("apple")
if view is not None:
    view.key + 1  # error
