"""Fixtures for tests against real members: clients connected to the harness's clusters."""

from __future__ import annotations

import pytest

import hazelcast


def pytest_collection_modifyitems(config, items):
    # Everything in this folder talks to real members.
    for item in items:
        if "/integration/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def client(hz_cluster):
    """A client connected to the shared one-member cluster, shut down after the test."""
    c = hazelcast.HazelcastClient(**hz_cluster.client_config())
    yield c
    c.shutdown()


@pytest.fixture
def client3(hz_cluster3):
    """A smart client connected to the shared three-member cluster."""
    c = hazelcast.HazelcastClient(**hz_cluster3.client_config())
    yield c
    c.shutdown()
