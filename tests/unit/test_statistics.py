"""Client statistics: the report's attributes and metrics, and when it is sent."""

from __future__ import annotations

import os

from hazelcast import __version__
from hazelcast.config import Config
from hazelcast.core import Address
from hazelcast.metrics import ProbeUnit, decode_metrics_blob
from hazelcast.statistics import Statistics


class _Client:
    name = "stats,client=1"


class _Connection:
    local_address = Address("127.0.0.1", 40123)
    start_time_millis = 1700000000123


class _Scheduler:
    def __init__(self):
        self.periodic = []

    def call_later(self, interval, function):
        self.periodic.append((interval, function))

        class _Task:
            cancelled = False

            def cancel(self):
                self.cancelled = True

        return _Task()


class _Invocations:
    def __init__(self):
        self.sent = []

    def invoke(self, invocation):
        self.sent.append(invocation)


class _Connections:
    def __init__(self, connection):
        self.connection = connection

    def get_random_connection(self):
        return self.connection


def _statistics(connection=_Connection(), **options):
    config = Config.from_dict(options)
    scheduler, invocations = _Scheduler(), _Invocations()
    stats = Statistics(_Client().name, config, scheduler, _Connections(connection), invocations)
    return stats, scheduler, invocations


def test_attributes_describe_the_client_and_escape_separators():
    stats, _, _ = _statistics(creds_username="bob")
    attributes = stats.collect_attributes(_Connection(), 1700000005000)
    assert attributes == (
        "lastStatisticsCollectionTime=1700000005000,enterprise=false,clientType=PYH,"
        "clientVersion=%s,clusterConnectionTimestamp=1700000000123,clientAddress=127.0.0.1:40123,"
        "clientName=stats\\,client\\=1,credentials.principal=bob" % __version__
    )


def test_metrics_describe_the_process():
    stats, _, _ = _statistics()
    metrics = {(d.prefix, d.metric): (d.unit, v) for d, v in decode_metrics_blob(stats.collect_metrics())}
    assert metrics[("runtime", "availableProcessors")] == (ProbeUnit.COUNT, os.cpu_count())
    assert metrics[("os", "processCpuTime")][0] == ProbeUnit.NS and metrics[("os", "processCpuTime")][1] > 0
    assert metrics[("runtime", "uptime")][0] == ProbeUnit.MS


def test_disabled_statistics_schedule_nothing():
    stats, scheduler, _ = _statistics()
    stats.start()
    assert scheduler.periodic == []


def test_enabled_statistics_report_every_period_on_a_connection():
    stats, scheduler, invocations = _statistics(statistics_enabled=True, statistics_period=2.5)
    stats.start()
    assert [interval for interval, _ in scheduler.periodic] == [2.5]
    scheduler.periodic[0][1]()
    assert len(invocations.sent) == 1
    invocation = invocations.sent[0]
    assert invocation.connection is not None
    assert b"clientType=PYH" in bytes(invocation.request.buf)


def test_no_report_without_a_connection():
    stats, scheduler, invocations = _statistics(connection=None, statistics_enabled=True)
    stats.start()
    scheduler.periodic[0][1]()
    assert invocations.sent == []
