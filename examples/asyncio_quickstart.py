"""Quickstart for the asyncio client: start a local one-member Hazelcast cluster, use
a Map from many tasks at once, stop it all.

    bash tools/quickstart.sh --asyncio  (sets up what is missing, then runs this file)
    .venv/bin/python examples/asyncio_quickstart.py

Needs Java 17 and Maven (the member jar is fetched from Maven Central once). Against
your own cluster, only ``main``'s body between "client" and "shutdown" is needed.
"""

import asyncio
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]

from hazelcast.asyncio import HazelcastClient  # noqa: E402
from harness import start_cluster  # noqa: E402  (our test harness starts the member)


async def main(client_config: dict) -> None:
    async with await HazelcastClient.create_and_start(**client_config) as client:
        capitals = await client.get_map("capitals")
        await capitals.put_all({"France": "Paris", "Japan": "Tokyo", "Kenya": "Nairobi"})
        print("Capital of Japan:", await capitals.get("Japan"))

        # Many operations in flight at once: their requests share system calls.
        squares = await client.get_map("squares")
        await asyncio.gather(*(squares.set(i, i * i) for i in range(1000)))
        print("Squares stored:", await squares.size(), "- 12 squared is", await squares.get(12))

        # Listeners run on the event loop.
        joined = asyncio.Event()
        client.lifecycle_service.add_listener(lambda state: print("Lifecycle:", state))
        await client.add_distributed_object_listener(lambda event: joined.set())
        await client.get_map("a-new-map")
        await asyncio.wait_for(joined.wait(), 10)
        print("Distributed objects:", sorted(o.name for o in await client.get_distributed_objects()))


if __name__ == "__main__":
    print("Starting a local Hazelcast member...")
    cluster = start_cluster(member_count=1)
    try:
        asyncio.run(main(cluster.client_config()))
    finally:
        cluster.shutdown()
        print("Member stopped.")
