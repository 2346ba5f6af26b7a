"""What an application logging at WARNING sees while no member is reachable.

The client retries for ever with the default settings (as the official one does);
each failed attempt is logged at WARNING with the address and the reason, and so is
each wait before the next round, and nothing else is.
"""

from __future__ import annotations

import logging

from memory_transport import MemoryTransport
from test_core_without_member import Client


def test_each_failed_attempt_is_a_warning_with_address_and_reason(caplog):
    transport = MemoryTransport()
    client = Client(transport, cluster_members=["127.0.0.1:5701", "127.0.0.1:5702"])  # default retry settings
    caplog.set_level(logging.WARNING, logger="hazelcast")
    try:
        started = client.start()
        transport.advance(30.0)
        assert not started.done(), "default settings retry for ever"
        attempts = transport.connect_attempts
        assert len(attempts) >= 6
        records = [r for r in caplog.records if r.name.startswith("hazelcast")]
        failures = [r for r in records if r.getMessage().startswith("Could not connect to ")]
        assert [r.levelno for r in failures] == [logging.WARNING] * len(attempts)
        assert [r.args[0] for r in failures] == [address for _, address in attempts]
        for record in failures:
            address, reason = record.args
            assert record.getMessage() == "Could not connect to %s: %s" % (address, reason)
            assert isinstance(reason, ConnectionRefusedError)
        retries = [r for r in records if r.getMessage().startswith("Unable to get live cluster connection, retry in")]
        assert len(retries) >= 2 and all(r.levelno == logging.WARNING for r in retries)
        assert set(records) == set(failures) | set(retries), "nothing else is logged at WARNING or above"
    finally:
        client.runtime.begin_shutdown()
        transport.run_pending()
        client.runtime.finish_shutdown()
