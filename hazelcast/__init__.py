"""Hazelcast Python client: a drop-in replacement for ``hazelcast-python-client``.

Typical use::

    import hazelcast

    client = hazelcast.HazelcastClient(cluster_name="dev")
    my_map = client.get_map("my-map").blocking()
    my_map.put("key", "value")
    client.shutdown()
"""

__version__ = "5.7.0"

# The client is imported last: the modules it pulls in read __version__.
from hazelcast.client import HazelcastClient  # noqa: E402

__all__ = ["HazelcastClient", "__version__"]
