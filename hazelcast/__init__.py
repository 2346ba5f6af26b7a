"""Hazelcast Python client: a drop-in replacement for ``hazelcast-python-client``.

Typical use::

    import hazelcast

    client = hazelcast.HazelcastClient(cluster_name="dev")
    my_map = client.get_map("my-map").blocking()
    my_map.put("key", "value")
    client.shutdown()
"""

# First, so that a mix of our files and the official client's gets named before it breaks.
from hazelcast._distribution import warn_if_official_installed as _warn_if_official_installed

_warn_if_official_installed()

from hazelcast._version import __version__  # noqa: E402
from hazelcast.client import HazelcastClient

__all__ = ["HazelcastClient", "__version__"]
