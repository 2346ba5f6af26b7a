"""Quickstart: start a local one-member Hazelcast cluster, use a Map, stop it all.

    bash tools/quickstart.sh            (sets up what is missing, then runs this file)
    .venv/bin/python examples/quickstart.py

Needs Java 17 and Maven (the member jar is fetched from Maven Central once). Against
your own cluster, only the part between "client" and "shutdown" is needed.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]

import hazelcast  # noqa: E402
import hazelcast.speedups  # noqa: E402
from harness import start_cluster  # noqa: E402  (our test harness starts the member)


def main() -> None:
    print("Starting a local Hazelcast member...")
    cluster = start_cluster(member_count=1)
    try:
        client = hazelcast.HazelcastClient(**cluster.client_config())
        try:
            capitals = client.get_map("capitals").blocking()
            capitals.put_all({"France": "Paris", "Japan": "Tokyo", "Kenya": "Nairobi"})
            capitals.put("Peru", "Lima", ttl=60)
            print("Capital of Japan:", capitals.get("Japan"))
            print("Entries:", sorted(capitals.entry_set()))
            print("Size:", capitals.size())

            # Every method also has an asynchronous form returning a Future.
            future = client.get_map("capitals").get("Kenya")
            upper = future.continue_with(lambda f: f.result().upper())
            print("Asynchronously:", upper.result())

            print("Hot paths:", hazelcast.speedups.implementations())
        finally:
            client.shutdown()
    finally:
        cluster.shutdown()
        print("Member stopped.")


if __name__ == "__main__":
    main()
