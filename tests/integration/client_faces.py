"""One test body for both clients: the threaded ``hazelcast.HazelcastClient`` and the
asyncio ``hazelcast.asyncio.HazelcastClient``.

:func:`start_client` gives the threaded client itself, or an :class:`AsyncioClientDriver`:
the asyncio client running on an event loop of its own (in a thread of the test, not
of the client), with the same blocking surface as the threaded client's
``.blocking()`` proxies, so that a test written in blocking style drives either.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from typing import Any, Dict

import hazelcast
import hazelcast.asyncio
from hazelcast.internal.asyncio_proxy.base import Proxy as _AsyncioProxy

FACES = ("threaded", "asyncio")
_CALL_TIMEOUT = 120


def start_client(face: str, **config: Any) -> Any:
    if face == "threaded":
        return hazelcast.HazelcastClient(**config)
    return AsyncioClientDriver(**config)


class AsyncioClientDriver:
    """Runs an asyncio client on its own loop; its calls block the test's thread."""

    face = "asyncio"

    def __init__(self, **config: Any):
        self._wrappers: Dict[int, BlockingFace] = {}
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-asyncio-loop", daemon=True)
        self._thread.start()
        try:
            self.client: hazelcast.asyncio.HazelcastClient = self.run(
                hazelcast.asyncio.HazelcastClient.create_and_start(**config)
            )
        except BaseException:
            self._stop_loop()
            raise

    def run(self, coroutine: Any) -> Any:
        """Runs a coroutine on the client's loop and returns its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(_CALL_TIMEOUT)

    def get_map(self, name: str) -> "BlockingFace":
        return self._blocking(self.run(self.client.get_map(name)))

    def get_distributed_objects(self) -> Any:
        return [self._blocking(face) for face in self.run(self.client.get_distributed_objects())]

    def _blocking(self, face: Any) -> "BlockingFace":
        # The same face gives the same wrapper, as the same proxy is the same object.
        known = self._wrappers.get(id(face))
        if known is None or known.face is not face:
            known = self._wrappers[id(face)] = BlockingFace(self, face)
        return known

    def add_distributed_object_listener(self, listener: Any) -> Any:
        return _Done(self.run(self.client.add_distributed_object_listener(listener)))

    def shutdown(self) -> None:
        if self._thread.is_alive():
            self.run(self.client.shutdown())
            self._stop_loop()

    def _stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()

    @property
    def _runtime(self) -> Any:
        return self.client._runtime

    @property
    def _connection_manager(self) -> Any:
        return self.client._runtime.connection_manager

    @property
    def _invocation_service(self) -> Any:
        return self.client._runtime.invocation_service

    def __getattr__(self, name: str) -> Any:
        # Services and properties (lifecycle_service, cluster_service, name...).
        attribute = getattr(self.client, name)
        if name.startswith("get_") and inspect.iscoroutinefunction(attribute):
            # get_topic, get_queue...: a proxy's face comes wrapped, as get_map's does.
            def get(*args: Any, **kwargs: Any) -> Any:
                result = self.run(attribute(*args, **kwargs))
                return self._blocking(result) if isinstance(result, _AsyncioProxy) else result

            return get
        return attribute


class BlockingFace:
    """An asyncio face whose coroutine methods are run to completion on its loop."""

    def __init__(self, driver: AsyncioClientDriver, face: Any):
        self._driver = driver
        self.face = face

    def blocking(self) -> "BlockingFace":
        return self

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.face, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute
        run = self._driver.run

        def call(*args: Any, **kwargs: Any) -> Any:
            return run(attribute(*args, **kwargs))

        return call

    def __repr__(self) -> str:
        return repr(self.face)


class _Done:
    """The result of a call, with the Future's ``result()`` of the threaded client."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value
