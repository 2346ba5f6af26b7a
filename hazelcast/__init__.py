"""Hazelcast Python client: a drop-in replacement for ``hazelcast-python-client``.

Typical use::

    import hazelcast

    client = hazelcast.HazelcastClient(cluster_name="dev")
    my_map = client.get_map("my-map").blocking()
    my_map.put("key", "value")
    client.shutdown()
"""

from hazelcast._version import __version__
from hazelcast.client import HazelcastClient

__all__ = ["HazelcastClient", "__version__"]
