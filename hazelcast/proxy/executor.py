"""Client proxy of the distributed executor service (``IExecutorService`` on the members)."""

from __future__ import annotations

import typing
import uuid as _uuid

from hazelcast.compact import schema_aware
from hazelcast.future import Future, combine_futures
from hazelcast.protocol.codec import (
    executor_service_is_shutdown_codec,
    executor_service_shutdown_codec,
    executor_service_submit_to_member_codec,
    executor_service_submit_to_partition_codec,
)
from hazelcast.proxy.base import Proxy
from hazelcast.serialization.data import Data

if typing.TYPE_CHECKING:
    from hazelcast.core import MemberInfo
    from hazelcast.proxy.context import ClientContext


class Executor(Proxy["BlockingExecutor"]):
    """Runs tasks on the cluster's members.

    A task is an object the members can deserialize into a Java
    ``java.util.concurrent.Callable`` (IdentifiedDataSerializable, Portable or
    Compact, with the Java class on the members' classpath); its result comes
    back deserialized, and an exception it throws comes back as the matching
    :mod:`hazelcast.errors` error.
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        self._cluster_service = context.cluster_service

    @schema_aware
    def execute_on_key_owner(self, key: typing.Any, task: typing.Any) -> Future[typing.Any]:
        """Runs a task on the member owning the partition of ``key``.

        Args:
            key: The key whose owner runs the task.
            task: The task to run.

        Returns:
            The result of the task.

        Raises:
            AssertionError: If ``key`` or ``task`` is ``None``.
        """
        if key is None:
            raise AssertionError("key can't be None")
        if task is None:
            raise AssertionError("task can't be None")
        key_data = self._to_data(key)
        task_data = self._to_data(task)
        request = executor_service_submit_to_partition_codec.encode_request(self.name, _uuid.uuid4(), task_data)
        return self._invoke_on_key(request, key_data, self._partition_result)

    @schema_aware
    def execute_on_member(self, member: "MemberInfo", task: typing.Any) -> Future[typing.Any]:
        """Runs a task on the given member.

        Args:
            member: The member to run the task on.
            task: The task to run.

        Returns:
            The result of the task.

        Raises:
            AssertionError: If ``task`` is ``None``.
        """
        if task is None:
            raise AssertionError("task can't be None")
        task_data = self._to_data(task)
        return self._submit_to_member(task_data, member.uuid)

    @schema_aware
    def execute_on_members(
        self, members: typing.Sequence["MemberInfo"], task: typing.Any
    ) -> Future[typing.List[typing.Any]]:
        """Runs a task on each of the given members.

        Args:
            members: The members to run the task on.
            task: The task to run.

        Returns:
            The results of the task, in the order of ``members``. If the task
            fails on any member, the Future fails (once every member answered).

        Raises:
            AssertionError: If ``task`` is ``None``.
        """
        if task is None:
            raise AssertionError("task can't be None")
        task_data = self._to_data(task)
        return combine_futures([self._submit_to_member(task_data, member.uuid) for member in members])

    def execute_on_all_members(self, task: typing.Any) -> Future[typing.List[typing.Any]]:
        """Runs a task on every member of the cluster the client knows of.

        Args:
            task: The task to run.

        Returns:
            The results of the task, one per member, in the member list's order.
        """
        return self.execute_on_members(self._cluster_service.get_members(), task)

    def is_shutdown(self) -> Future[bool]:
        """Tells whether this executor has been shut down.

        Returns:
            ``True`` if the executor has been shut down, ``False`` otherwise.
        """
        request = executor_service_is_shutdown_codec.encode_request(self.name)
        return self._invoke(request, executor_service_is_shutdown_codec.decode_response)

    def shutdown(self) -> Future[None]:
        """Initiates an orderly shutdown of this executor: the tasks submitted
        before keep running to completion, and :meth:`is_shutdown` answers
        ``True`` afterwards.

        The request goes to every member the client knows (a member shuts down
        only its own part of the executor).
        """
        members = self._cluster_service.get_members()
        if not members:
            return self._invoke(executor_service_shutdown_codec.encode_request(self.name))
        futures = [
            self._invoke_on_target(executor_service_shutdown_codec.encode_request(self.name), member.uuid)
            for member in members
        ]
        return combine_futures(futures)._then(_return_none)

    def blocking(self) -> "BlockingExecutor":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingExecutor(self)

    def _submit_to_member(self, task_data: Data, member_uuid: _uuid.UUID) -> Future[typing.Any]:
        request = executor_service_submit_to_member_codec.encode_request(
            self.name, _uuid.uuid4(), task_data, member_uuid
        )
        return self._invoke_on_target(request, member_uuid, self._member_result)

    def _partition_result(self, message: typing.Any) -> typing.Any:
        return self._to_object(executor_service_submit_to_partition_codec.decode_response(message))

    def _member_result(self, message: typing.Any) -> typing.Any:
        return self._to_object(executor_service_submit_to_member_codec.decode_response(message))


def _return_none(done: Future[typing.Any]) -> None:
    done.result()  # raises the first member's error
    return None


def create_executor_proxy(service_name: str, name: str, context: "ClientContext") -> Executor:
    """Creates the Executor proxy for ``name``."""
    return Executor(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingExecutor(Executor):
    """The blocking twin of :class:`Executor`: each method waits for the result that
    :class:`Executor` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`Executor.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: Executor):  # pylint: disable=super-init-not-called
        # No Executor.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def execute_on_key_owner(self, key: typing.Any, task: typing.Any) -> typing.Any:
        """Runs a task on the member owning the partition of ``key``.

        Args:
            key: The key whose owner runs the task.
            task: The task to run.

        Returns:
            The result of the task.

        Raises:
            AssertionError: If ``key`` or ``task`` is ``None``.
        """
        return self._wrapped.execute_on_key_owner(key, task).result()

    def execute_on_member(self, member: "MemberInfo", task: typing.Any) -> typing.Any:
        """Runs a task on the given member.

        Args:
            member: The member to run the task on.
            task: The task to run.

        Returns:
            The result of the task.

        Raises:
            AssertionError: If ``task`` is ``None``.
        """
        return self._wrapped.execute_on_member(member, task).result()

    def execute_on_members(  # type: ignore[override]
        self, members: typing.Sequence["MemberInfo"], task: typing.Any
    ) -> typing.List[typing.Any]:
        """Runs a task on each of the given members.

        Args:
            members: The members to run the task on.
            task: The task to run.

        Returns:
            The results of the task, in the order of ``members``. If the task
            fails on any member, the Future fails (once every member answered).

        Raises:
            AssertionError: If ``task`` is ``None``.
        """
        return self._wrapped.execute_on_members(members, task).result()

    def execute_on_all_members(  # type: ignore[override]
        self, task: typing.Any
    ) -> typing.List[typing.Any]:
        """Runs a task on every member of the cluster the client knows of.

        Args:
            task: The task to run.

        Returns:
            The results of the task, one per member, in the member list's order.
        """
        return self._wrapped.execute_on_all_members(task).result()

    def is_shutdown(self) -> bool:  # type: ignore[override]
        """Tells whether this executor has been shut down.

        Returns:
            ``True`` if the executor has been shut down, ``False`` otherwise.
        """
        return self._wrapped.is_shutdown().result()

    def shutdown(self) -> None:  # type: ignore[override]
        """Initiates an orderly shutdown of this executor: the tasks submitted
        before keep running to completion, and :meth:`is_shutdown` answers
        ``True`` afterwards.

        The request goes to every member the client knows (a member shuts down
        only its own part of the executor).
        """
        return self._wrapped.shutdown().result()

    def blocking(self) -> "BlockingExecutor":
        """Returns a version of this proxy with only blocking method calls."""
        return self

    def destroy(self) -> bool:
        """Destroys this proxy and the distributed object on the cluster.

        Returns:
            ``True`` if this proxy is destroyed successfully, ``False`` otherwise.
        """
        return self._wrapped.destroy()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
