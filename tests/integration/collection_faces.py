"""What the tests of the proxies of one structure each (Queue, List, Set, MultiMap,
ReplicatedMap) share: the client fixture of both faces, unique names, a proxy of
either client (in blocking style), bounded waits, the checks of the faces' types
and of item listeners."""

from __future__ import annotations

import threading
import uuid
from typing import Any, Callable, List

import pytest

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until

_MEMBERS = {"hz_cluster": "1-member", "hz_cluster3": "3-members"}


def client_fixture(*clusters: str) -> Any:
    """A module-scoped ``client`` fixture: the threaded client, or the asyncio client
    driven from the test's thread, of each cluster fixture named (``hz_cluster`` by
    default). Assign it in the test module: ``client = client_fixture()``."""
    clusters = clusters or ("hz_cluster",)
    params = [(cluster, face) for face in FACES for cluster in clusters]
    if len(clusters) == 1:
        ids = list(FACES)
    else:
        ids = ["%s-%s" % (_MEMBERS.get(cluster, cluster), face) for cluster, face in params]

    @pytest.fixture(scope="module", params=params, ids=ids)
    def client(request: Any) -> Any:
        cluster_fixture, face = request.param
        cluster = request.getfixturevalue(cluster_fixture)
        c = start_client(face, **cluster.client_config())
        yield c
        c.shutdown()

    return client


def name_fixture(prefix: str) -> Any:
    """A ``name`` fixture: a unique name (``prefix`` and a random part) per test, so
    that tests sharing clients and clusters do not see each other's items."""

    @pytest.fixture
    def name() -> str:
        return prefix + uuid.uuid4().hex

    return name


def get_proxy(client: Any, getter: str, name: str) -> Any:
    """The proxy of the threaded client, or the asyncio client's face run to
    completion (``getter`` is e.g. ``"get_queue"``)."""
    if isinstance(client, AsyncioClientDriver):
        return client._blocking(client.run(getattr(client.client, getter)(name)))
    return getattr(client, getter)(name)


def blocking_proxy(client: Any, getter: str, name: str) -> Any:
    """The blocking twin of the threaded client's proxy, or the asyncio client's
    face run to completion (``getter`` is e.g. ``"get_queue"``)."""
    return get_proxy(client, getter, name).blocking()


def future_proxy(client: Any, getter: str, name: str) -> Any:
    """The threaded client's proxy (its methods return Futures); skips the test
    for the asyncio client."""
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return getattr(client, getter)(name)


def check_face_types(
    client: Any, getter: str, name: str, asyncio_type: type, proxy_type: type, blocking_type: type, service_name: str
) -> Any:
    """Checks that the getter gives the official types, the same object for the same
    name and another for another name; returns the proxy (see :func:`get_proxy`)."""
    proxy = get_proxy(client, getter, name)
    if isinstance(client, AsyncioClientDriver):
        assert isinstance(proxy.face, asyncio_type)
    else:
        assert isinstance(proxy, proxy_type)
        assert isinstance(proxy.blocking(), blocking_type)
    assert proxy.name == name
    assert proxy.service_name == service_name
    assert get_proxy(client, getter, name) is proxy
    assert get_proxy(client, getter, name + "-other") is not proxy
    return proxy


def check_listed_then_destroyed(
    client: Any, getter: str, name: str, service_name: str, write: Callable[[Any], Any]
) -> Any:
    """Checks that the object is among the distributed objects once ``write`` (given
    the blocking proxy) wrote to it, and is gone after ``destroy``; returns a new
    proxy of the same name (see :func:`get_proxy`)."""
    proxy = get_proxy(client, getter, name)
    write(proxy.blocking())
    # The members learn of a new object asynchronously: the one asked may not know
    # it yet (nor, after destroy, that it is gone).
    def listed() -> List[Any]:
        return [o for o in client.get_distributed_objects() if o.name == name]

    seen: List[Any] = []

    def listed_once() -> bool:
        seen[:] = listed()  # each call may ask another member: keep what it said
        return len(seen) == 1

    wait_until(listed_once)
    assert seen[0].service_name == service_name
    assert proxy.destroy() is True
    wait_until(lambda: not listed())
    again = get_proxy(client, getter, name)
    assert again is not proxy
    return again


class Recorder:
    """Collects the events a listener function is called with."""

    def __init__(self) -> None:
        self.events: List[Any] = []
        self._lock = threading.Lock()

    def __call__(self, event: Any) -> None:
        with self._lock:
            self.events.append(event)

    def items(self) -> List[Any]:
        with self._lock:
            return [e.item for e in self.events]


def connected_to_all(client: Any, member_count: int) -> bool:
    """Waits until the (smart) client has a connection to each member: a listener
    added before that hears a member's events only once its connection opens."""
    return wait_until(lambda: len(client._runtime.connection_manager.active_connections) >= member_count)


def member_uuids(client: Any) -> set:
    return {m.uuid for m in client.cluster_service.get_members()}


def in_thread(function: Callable[[], Any]) -> Any:
    """Runs ``function`` in a daemon thread; the returned object has ``join(timeout)``
    giving the result (or raising its error)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = function()
        except BaseException as e:  # handed to the test's thread
            outcome["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    class _Handle:
        def alive(self) -> bool:
            return thread.is_alive()

        def join(self, timeout: float = 60.0) -> Any:
            thread.join(timeout)
            assert not thread.is_alive(), "still running after %s s" % timeout
            if "error" in outcome:
                raise outcome["error"]
            return outcome.get("result")

    return _Handle()


def official_methods(target: str) -> List[str]:
    """The public method names of an official class, as recorded from its wheel."""
    import json
    import os

    path = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
    with open(path, encoding="utf-8") as f:
        members = json.load(f)["classes"][target]["members"]
    return sorted(n for n, m in members.items() if m["kind"] == "method" and not n.startswith("_"))


def call_every_method(proxy: Any, target: str, calls: dict) -> None:
    """Calls each official method of ``target`` on ``proxy`` as ``calls`` says
    (name -> function of the proxy); none may raise NotImplementedError."""
    assert sorted(calls) == official_methods(target), "the smoke table must name every official method"
    # destroy last: the others work on the items
    for method in sorted(official_methods(target), key=lambda name: name == "destroy"):
        try:
            calls[method](proxy)
        except NotImplementedError as e:  # pragma: no cover - the failure being tested for
            raise AssertionError("%s.%s raises NotImplementedError: %s" % (target, method, e))
