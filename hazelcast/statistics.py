"""Client statistics sent to the cluster (``statistics_enabled``).

Every ``statistics_period`` seconds the client sends one ``Client.Statistics``
request on one of its connections: a string of ``key=value`` attributes describing
the client, and a blob of metrics (see :mod:`hazelcast.metrics`) about the process
it runs in. Members keep the last report of each client (Management Center shows
them).
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING, Any, List, Optional

from hazelcast._version import __version__
from hazelcast.invocation import Invocation
from hazelcast.transport import Timer, Transport, call_periodically

if TYPE_CHECKING:
    from hazelcast.config import Config
    from hazelcast.connection import ConnectionManager
    from hazelcast.invocation import InvocationService
from hazelcast.metrics import MetricDescriptor, MetricsCompressor, ProbeUnit
from hazelcast.protocol.codec import client_statistics_codec

try:  # not on every platform
    import resource
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]

_logger = logging.getLogger(__name__)

_CLIENT_TYPE = "PYH"


def _escape(value: str) -> str:
    # Members split the attributes on "," and "="; a backslash escapes them.
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=")


class Statistics:
    """Collects the client's statistics and sends them periodically.

    Args:
        client_name: The client's name.
        config: The client configuration.
        transport: Runs the periodic task.
        connection_manager: Gives the connection the report goes on.
        invocation_service: Sends the report.
    """

    def __init__(
        self,
        client_name: str,
        config: "Config",
        transport: Transport,
        connection_manager: "ConnectionManager",
        invocation_service: "InvocationService",
        near_cache_manager: Any = None,
    ):
        self._client_name = client_name
        self._enabled = config.statistics_enabled
        self._period = config.statistics_period
        self._username = config.creds_username
        self._transport = transport
        self._connection_manager = connection_manager
        self._invocation_service = invocation_service
        self._task: Optional[Timer] = None
        self._start_time = time.monotonic()
        self._gauges = self._system_gauges()
        # Gives the Near Caches whose statistics go in each report (list_near_caches()).
        self._near_cache_manager = near_cache_manager

    def start(self) -> None:
        """Starts the periodic reports if ``statistics_enabled`` is set."""
        if not self._enabled:
            return
        self._task = call_periodically(self._transport, self._period, self._send_statistics)
        _logger.info("Client statistics enabled with a period of %s seconds", self._period)

    def shutdown(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _send_statistics(self) -> None:
        connection = self._connection_manager.get_random_connection()
        if connection is None:
            _logger.debug("No connection to send the client statistics on")
            return
        now_millis = int(time.time() * 1000)
        attributes = self.collect_attributes(connection, now_millis)
        blob = self.collect_metrics()
        request = client_statistics_codec.encode_request(now_millis, attributes, blob)
        self._invocation_service.invoke(Invocation(request, connection=connection, urgent=True))

    def collect_attributes(self, connection: Any, now_millis: int) -> str:
        """Returns the attribute string of a report sent on ``connection``."""
        local = connection.local_address
        pairs = [
            ("lastStatisticsCollectionTime", str(now_millis)),
            ("enterprise", "false"),
            ("clientType", _CLIENT_TYPE),
            ("clientVersion", __version__),
            ("clusterConnectionTimestamp", str(connection.start_time_millis)),
            ("clientAddress", "%s:%d" % (local.host, local.port) if local is not None else ""),
            ("clientName", _escape(self._client_name)),
        ]
        if self._username is not None:
            pairs.append(("credentials.principal", _escape(self._username)))
        for near_cache, stats in self._near_cache_stats():
            prefix = "nc.%s." % _escape_near_cache_name(near_cache.name)
            for key, metric, _, value in _near_cache_metrics(stats):
                pairs.append((prefix + metric, str(value)))
        return ",".join("%s=%s" % pair for pair in pairs)

    def collect_metrics(self) -> bytes:
        """Returns the metrics blob of one report."""
        compressor = MetricsCompressor()
        for prefix, metric, unit, read in self._gauges:
            try:
                value = read()
            except Exception as e:  # a metric the platform cannot give is left out
                _logger.debug("Could not read the metric %s.%s: %s", prefix, metric, e)
                continue
            if value is None:
                continue
            descriptor = MetricDescriptor(prefix=prefix, metric=metric, unit=unit)
            if isinstance(value, float):
                compressor.add_double(descriptor, value)
            else:
                compressor.add_long(descriptor, int(value))
        for near_cache, stats in self._near_cache_stats():
            for _, metric, unit, value in _near_cache_metrics(stats):
                descriptor = MetricDescriptor(
                    prefix="nearcache",
                    metric=metric,
                    discriminator="name",
                    discriminator_value=near_cache.name,
                    unit=unit,
                )
                compressor.add_long(descriptor, int(value))
        return compressor.generate_blob()

    def _near_cache_stats(self) -> List[Any]:
        manager = self._near_cache_manager
        if manager is None:
            return []
        return [(near_cache, near_cache.get_statistics()) for near_cache in manager.list_near_caches()]

    def _system_gauges(self) -> List[Any]:
        gauges: List[Any] = [
            ("runtime", "availableProcessors", ProbeUnit.COUNT, os.cpu_count),
            ("runtime", "uptime", ProbeUnit.MS, lambda: int((time.monotonic() - self._start_time) * 1000)),
            ("os", "processCpuTime", ProbeUnit.NS, time.process_time_ns),
        ]
        if hasattr(os, "getloadavg"):
            gauges.append(("os", "systemLoadAverage", ProbeUnit.COUNT, lambda: float(os.getloadavg()[0])))
        if resource is not None:
            gauges.append(("runtime", "usedMemory", ProbeUnit.BYTES, _max_rss_bytes))
            gauges.append(("os", "maxFileDescriptorCount", ProbeUnit.COUNT, _max_file_descriptors))
        if os.path.isdir("/proc/self/fd"):
            gauges.append(("os", "openFileDescriptorCount", ProbeUnit.COUNT, lambda: len(os.listdir("/proc/self/fd"))))
        if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in getattr(os, "sysconf_names", {}):
            gauges.append(("os", "totalPhysicalMemorySize", ProbeUnit.BYTES, _physical_memory))
        return gauges


# (statistics key, metric name as the Java client names it, unit)
_NEAR_CACHE_METRICS = (
    ("creation_time", "creationTime", ProbeUnit.MS),
    ("evictions", "evictions", ProbeUnit.COUNT),
    ("hits", "hits", ProbeUnit.COUNT),
    ("misses", "misses", ProbeUnit.COUNT),
    ("owned_entry_count", "ownedEntryCount", ProbeUnit.COUNT),
    ("expirations", "expirations", ProbeUnit.COUNT),
    ("invalidations", "invalidations", ProbeUnit.COUNT),
    ("invalidation_requests", "invalidationRequests", ProbeUnit.COUNT),
    ("owned_entry_memory_cost", "ownedEntryMemoryCost", ProbeUnit.BYTES),
)


def _near_cache_metrics(stats: Any) -> List[Any]:
    metrics = []
    for key, metric, unit in _NEAR_CACHE_METRICS:
        value = stats[key]
        if key == "creation_time":
            value = int(value * 1000)
        metrics.append((key, metric, unit, value))
    return metrics


def _escape_near_cache_name(name: str) -> str:
    # "." separates the parts of an attribute name as well.
    escaped = _escape(name).replace(".", "\\.")
    return escaped[1:] if escaped.startswith("/") else escaped


def _max_rss_bytes() -> Optional[int]:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if os.uname().sysname == "Darwin" else rss * 1024


def _max_file_descriptors() -> Optional[int]:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft


def _physical_memory() -> int:
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


