"""Text a user reads: log lines, error messages and reprs name what they are about
once, in the user's terms (issue 13, item 9)."""

from __future__ import annotations

import logging
import os
import re

import pytest
from memory_transport import FakeCluster, MemoryTransport
from test_core_without_member import Client

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError, OperationTimeoutError

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture
def started(caplog):
    transport = MemoryTransport()
    cluster = FakeCluster(transport)
    member = cluster.start_member()
    caplog.set_level(logging.INFO, logger="hazelcast")
    client = Client(transport, invocation_timeout=3.0)
    started = client.start()
    transport.run_pending()
    assert started.done() and started.exception() is None
    yield transport, member, client
    client.runtime.begin_shutdown()
    transport.run_pending()
    client.runtime.finish_shutdown()


def test_authenticated_line_prints_the_local_address(started, caplog):
    _, member, _ = started
    [record] = [r for r in caplog.get_records("setup") if r.getMessage().startswith("Authenticated with server")]
    [connection] = member.connections
    assert record.getMessage().endswith("local address: %s" % connection.local_address)
    assert re.search(r"local address: 127\.0\.0\.1:\d+$", record.getMessage())


def test_a_pending_call_shows_as_a_future_without_request_internals(started):
    transport, member, client = started
    member.silent.add("map.get")
    got = client.map().get("key")
    assert repr(got) == "Future(pending)"
    transport.advance(5.0)
    error = got.exception()
    assert isinstance(error, OperationTimeoutError)
    assert repr(got) == "Future(exception=%r)" % (error,)
    # the error names the request by its message type and target, not by objects' reprs
    assert re.match(r"The request of message type 0x[0-9a-f]{6} \(partition \d+\) got no response", str(error))
    assert " object at 0x" not in str(error)


def test_serialization_error_names_its_cause_once():
    from hazelcast.serialization.service import SerializationServiceV1

    class Unpicklable:
        def __reduce__(self):
            raise ValueError("no pickling today")

    service = SerializationServiceV1(Config())
    with pytest.raises(HazelcastSerializationError) as e:
        service.to_data(Unpicklable())
    assert str(e.value) == "ValueError: no pickling today"
    assert isinstance(e.value.__cause__, ValueError)  # the cause's traceback still follows


def test_readme_shows_what_implementations_returns():
    import hazelcast.speedups

    with open(os.path.join(REPO_ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    match = re.search(r">>> hazelcast\.speedups\.implementations\(\)\n(\{.*\})\n", readme)
    assert match, "the README shows implementations() and its output"
    shown = eval(match.group(1))  # a dict literal
    assert list(shown) == list(hazelcast.speedups.implementations())
    assert set(shown.values()) == {"compiled"}


def test_perf_summary_names_the_worst_scenario_as_such():
    import importlib.util

    spec = importlib.util.spec_from_file_location("perf_e2e_for_test", os.path.join(REPO_ROOT, "perf", "e2e.py"))
    e2e = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(e2e)
    scenarios = ["set 100B, 1 thread", "get 100B, 1 thread"]
    results = {
        "official": {s: {"ops_per_s": 1000.0, "cpu_us_per_op": 100.0} for s in scenarios},
        "compiled": {
            "set 100B, 1 thread": {"ops_per_s": 2000.0, "cpu_us_per_op": 20.0},
            "get 100B, 1 thread": {"ops_per_s": 2000.0, "cpu_us_per_op": 80.0},
        },
    }
    [line] = [l for l in e2e.render_targets(results, scenarios).splitlines() if "CPU/op" in l]
    assert re.search(r"worst scenario\s+0\.80x .* MISSED\s+worst: get 100B, 1 thread; geometric mean 0\.40x$", line)
