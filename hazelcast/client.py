"""The Hazelcast client: the entry point to the cluster's distributed objects."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, List, Optional

from hazelcast.cp import CPSubsystem
from hazelcast.sql import SqlService, _SqlEngine
from hazelcast._client_runtime import ClientRuntime, client_name, config_from, not_yet
from hazelcast._threaded_transport import ThreadedTransport
from hazelcast.cluster import ClusterService
from hazelcast.config import Config
from hazelcast.core import DistributedObjectEvent
from hazelcast.future import Future
from hazelcast.lifecycle import LifecycleService
from hazelcast.partition import PartitionService
from hazelcast.proxy import MAP_SERVICE
from hazelcast.proxy.base import Proxy
from hazelcast.proxy.map import Map
from hazelcast.transaction import Transaction, TransactionManager
from hazelcast.proxy import EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE, PN_COUNTER_SERVICE
from hazelcast.proxy.executor import Executor
from hazelcast.proxy.flake_id_generator import FlakeIdGenerator
from hazelcast.proxy.pn_counter import PNCounter
from hazelcast.proxy import LIST_SERVICE, QUEUE_SERVICE, SET_SERVICE
from hazelcast.proxy.list import List as _List
from hazelcast.proxy.queue import Queue
from hazelcast.proxy.set import Set
from hazelcast.proxy import MULTI_MAP_SERVICE, REPLICATED_MAP_SERVICE
from hazelcast.proxy.multi_map import MultiMap
from hazelcast.proxy.replicated_map import ReplicatedMap
from hazelcast.proxy import RELIABLE_TOPIC_SERVICE, RINGBUFFER_SERVICE, TOPIC_SERVICE
from hazelcast.proxy.reliable_topic import ReliableTopic
from hazelcast.proxy.ringbuffer import Ringbuffer
from hazelcast.proxy.topic import Topic

_logger = logging.getLogger(__name__)
# Seconds shutdown waits for the members to close the client's CP sessions.
_CP_SESSION_CLOSE_WAIT = 5.0


class HazelcastClient:
    """Hazelcast client instance to access and manipulate distributed data structures
    on the Hazelcast clusters.

    Takes the keyword arguments documented for the official client (see
    :class:`hazelcast.config.Config`), or a ``Config`` object as ``config``.
    The constructor returns once the client is connected to the cluster (at once
    with ``async_start``).
    """

    def __init__(self, config: Optional[Config] = None, **kwargs: Any):
        config = config_from(config, kwargs)
        self._config = config
        self._name = client_name(config)
        self._shutdown_lock = threading.Lock()
        transport = ThreadedTransport(config, self._name)
        self._transport = transport
        runtime = ClientRuntime(config, self._name, transport, threading.get_ident, self._shutdown_after_cluster_lost)
        self._runtime = runtime
        # The services, by the names the official client's internals use.
        self._internal_lifecycle = runtime.internal_lifecycle
        self._lifecycle_service = runtime.lifecycle_service
        self._serialization_service = runtime.serialization_service
        self._internal_cluster = runtime.internal_cluster
        self._cluster_service = runtime.cluster_service
        self._internal_partitions = runtime.internal_partitions
        self._partition_service = runtime.partition_service
        self._invocation_service = runtime.invocation_service
        self._load_balancer = runtime.load_balancer
        self._connection_manager = runtime.connection_manager
        self._listener_service = runtime.listener_service
        self._compact_schema_service = runtime.compact_schema_service
        self._proxy_manager = runtime.proxy_manager
        self._statistics = runtime.statistics
        self._context = runtime.context
        self._sql_service = SqlService(_SqlEngine(runtime.context))
        self._cp_subsystem = CPSubsystem(runtime.cp_proxy_manager)
        try:
            runtime.start().result()
        except BaseException:
            self.shutdown()
            raise

    def _shutdown_after_cluster_lost(self) -> None:
        # On the event thread: shutdown never waits for that thread itself.
        self.shutdown()

    # -- distributed objects -------------------------------------------------------

    def get_map(self, name: str) -> Map[Any, Any]:
        """Returns the distributed map instance with the specified name.

        Args:
            name: Name of the distributed map.

        Returns:
            Distributed map instance with the specified name.
        """
        return self._proxy_manager.get_or_create(MAP_SERVICE, name).result()  # type: ignore[return-value]

    def get_executor(self, name: str) -> Executor:
        """Creates cluster-wide ExecutorService.

        Args:
            name: Name of the Executor proxy.

        Returns:
            Executor proxy for the given name.
        """
        return self._proxy_manager.get_or_create(EXECUTOR_SERVICE, name).result()  # type: ignore[return-value]

    def get_flake_id_generator(self, name: str) -> FlakeIdGenerator:
        """Creates or returns a cluster-wide FlakeIdGenerator.

        Args:
            name: Name of the FlakeIdGenerator proxy.

        Returns:
            FlakeIdGenerator proxy for the given name.
        """
        return self._proxy_manager.get_or_create(  # type: ignore[return-value]
            FLAKE_ID_GENERATOR_SERVICE, name
        ).result()

    def get_queue(self, name: str) -> Queue[Any]:
        """Returns the distributed queue instance with the specified name.

        Args:
            name: Name of the distributed queue.

        Returns:
            Distributed queue instance with the specified name.
        """
        return self._proxy_manager.get_or_create(QUEUE_SERVICE, name).result()  # type: ignore[return-value]

    def get_list(self, name: str) -> _List[Any]:
        """Returns the distributed list instance with the specified name.

        Args:
            name: Name of the distributed list.

        Returns:
            Distributed list instance with the specified name.
        """
        return self._proxy_manager.get_or_create(LIST_SERVICE, name).result()  # type: ignore[return-value]

    def get_multi_map(self, name: str) -> MultiMap[Any, Any]:
        """Returns the distributed MultiMap instance with the specified name.

        Args:
            name: Name of the distributed MultiMap.

        Returns:
            Distributed MultiMap instance with the specified name.
        """
        return self._proxy_manager.get_or_create(MULTI_MAP_SERVICE, name).result()  # type: ignore[return-value]

    def get_pn_counter(self, name: str) -> PNCounter:
        """Returns the PN Counter instance with the specified name.

        Args:
            name: Name of the PN Counter.

        Returns:
            The PN Counter.
        """
        return self._proxy_manager.get_or_create(PN_COUNTER_SERVICE, name).result()  # type: ignore[return-value]

    def get_reliable_topic(self, name: str) -> ReliableTopic[Any]:
        """Returns the ReliableTopic instance with the specified name.

        Args:
            name: Name of the ReliableTopic.

        Returns:
            ReliableTopic instance with the specified name.
        """
        return self._proxy_manager.get_or_create(RELIABLE_TOPIC_SERVICE, name).result()  # type: ignore[return-value]

    def get_replicated_map(self, name: str) -> ReplicatedMap[Any, Any]:
        """Returns the distributed ReplicatedMap instance with the specified name.

        Args:
            name: Name of the distributed ReplicatedMap.

        Returns:
            Distributed ReplicatedMap instance with the specified name.
        """
        return self._proxy_manager.get_or_create(REPLICATED_MAP_SERVICE, name).result()  # type: ignore[return-value]

    def get_ringbuffer(self, name: str) -> Ringbuffer[Any]:
        """Returns the distributed Ringbuffer instance with the specified name.

        Args:
            name: Name of the distributed Ringbuffer.

        Returns:
            Distributed Ringbuffer instance with the specified name.
        """
        return self._proxy_manager.get_or_create(RINGBUFFER_SERVICE, name).result()  # type: ignore[return-value]

    def get_set(self, name: str) -> Set[Any]:
        """Returns the distributed set instance with the specified name.

        Args:
            name: Name of the distributed set.

        Returns:
            Distributed set instance with the specified name.
        """
        return self._proxy_manager.get_or_create(SET_SERVICE, name).result()  # type: ignore[return-value]

    def get_topic(self, name: str) -> Topic[Any]:
        """Returns the Topic instance with the specified name.

        Args:
            name: Name of the Topic.

        Returns:
            Topic instance with the specified name.
        """
        return self._proxy_manager.get_or_create(TOPIC_SERVICE, name).result()  # type: ignore[return-value]

    def create_vector_collection_config(
        self,
        name: str,
        indexes: List[Any],
        backup_count: int = 1,
        async_backup_count: int = 0,
        split_brain_protection_name: Optional[str] = None,
        merge_policy: str = "PutIfAbsentMergePolicy",
        merge_batch_size: int = 100,
    ) -> None:
        """Creates a vector collection configuration on the cluster (not implemented
        yet; vector collections need an Enterprise cluster)."""
        raise not_yet("VectorCollection")

    def get_vector_collection(self, name: str) -> Any:
        """Returns the vector collection with the specified name (not implemented yet;
        vector collections need an Enterprise cluster)."""
        raise not_yet("VectorCollection")

    def new_transaction(self, timeout: float = 120, durability: int = 1, type: int = 1) -> "Transaction":
        """Creates a new Transaction associated with the current thread.

        Nothing is sent before :meth:`Transaction.begin <hazelcast.transaction.Transaction.begin>`
        (or entering it as a context manager); the transaction's connection is
        chosen here.

        Args:
            timeout: Maximum lifespan of the transaction in seconds; the members
                roll it back when it is exceeded.
            durability: Number of members backing the transaction log up, which
                can take over a commit or rollback when a member dies.
            type: ``hazelcast.transaction.TWO_PHASE`` (the default) or
                ``hazelcast.transaction.ONE_PHASE``.

        Returns:
            A new, not yet begun transaction.

        Raises:
            IllegalStateError: If the client has no connection to a member.
        """
        return TransactionManager(self._context).new_transaction(timeout, durability, type)

    def add_distributed_object_listener(self, listener_func: Callable[[DistributedObjectEvent], None]) -> Future[str]:
        """Adds a listener which will be notified when a new distributed object is
        created or destroyed.

        Args:
            listener_func: Function called with a
                :class:`hazelcast.core.DistributedObjectEvent`.

        Returns:
            A registration id, to remove the listener with.
        """
        return self._runtime.add_distributed_object_listener(listener_func)

    def remove_distributed_object_listener(self, registration_id: str) -> Future[bool]:
        """Removes the specified distributed object listener.

        Returns silently if there is no such listener added before.

        Args:
            registration_id: The id of the registered listener.

        Returns:
            True if the registration is removed, False otherwise.
        """
        return self._runtime.remove_distributed_object_listener(registration_id)

    def get_distributed_objects(self) -> List[Proxy[Any]]:
        """Returns all distributed objects such as queue, map, set, list, topic,
        lock, multimap.

        Also, as a side effect, it clears the local instances of the destroyed
        proxies. Objects of data structures this client has no proxy for yet are
        left out.

        Returns:
            The distributed objects.
        """
        return self._runtime.get_distributed_objects().result()

    # -- services and properties ---------------------------------------------------

    @property
    def name(self) -> str:
        """str: Name of the client."""
        return self._name

    @property
    def lifecycle_service(self) -> LifecycleService:
        """LifecycleService: Lets you check whether the client is running and listen
        to its lifecycle states."""
        return self._lifecycle_service

    @property
    def partition_service(self) -> PartitionService:
        """PartitionService: Partition count, partition owners and partition ids of keys."""
        return self._partition_service

    @property
    def cluster_service(self) -> ClusterService:
        """ClusterService: The cluster members and membership listeners."""
        return self._cluster_service

    @property
    def cp_subsystem(self) -> CPSubsystem:
        """hazelcast.cp.CPSubsystem: The CP Subsystem's data structures (AtomicLong, FencedLock...)."""
        return self._cp_subsystem

    @property
    def sql(self) -> SqlService:
        """SqlService: Runs SQL statements on the cluster."""
        return self._sql_service

    @property
    def config(self) -> Config:
        return self._config

    def shutdown(self) -> None:
        """Shuts down this HazelcastClient: closes every connection and stops every
        thread it started. Pending operations fail with HazelcastClientNotActiveError.

        It may be called from a listener or callback: it then returns without
        waiting for the client's event thread, which ends after that callback.
        """
        with self._shutdown_lock:
            if self._runtime.internal_lifecycle.shut_down:
                return
            self._close_cp_sessions()
            if not self._runtime.begin_shutdown():
                return
        self._transport.shutdown()
        self._runtime.finish_shutdown()

    def _close_cp_sessions(self) -> None:
        # The members release what the sessions hold at once instead of after their
        # time to live. Waited for briefly, and not at all on the event thread.
        closing = self._runtime.cp_proxy_manager.shutdown()
        if self._transport.in_event_thread():
            return
        closed = threading.Event()
        closing.add_done_callback(lambda _: closed.set())
        closed.wait(_CP_SESSION_CLOSE_WAIT)

    def __enter__(self) -> "HazelcastClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()

    def __repr__(self) -> str:
        return "HazelcastClient(name=%s)" % self._name
