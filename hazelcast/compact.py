"""Client side of Compact schemas: sends a schema to the cluster before the
first object of that schema is stored, fetches schemas the client does not
know when it reads, and sends every schema again to a new cluster after a
reconnection.

Serialization is synchronous, so it cannot wait for the cluster:
``to_data`` raises :class:`~hazelcast.serialization.compact.SchemaNotReplicatedError`
and ``to_object`` raises :class:`~hazelcast.serialization.compact.SchemaNotFoundError`;
the caller (a proxy method, or the invocation completing a response) hands
the error to this service, which talks to the cluster and then calls the
failed function again (see :func:`run_with_schemas`).
"""

from __future__ import annotations

import functools
import logging
import typing

from hazelcast.errors import HazelcastSerializationError, IllegalStateError
from hazelcast.future import Future, ImmediateExceptionFuture, ImmediateFuture
from hazelcast.serialization.compact import Schema, SchemaNotFoundError, SchemaNotReplicatedError

if typing.TYPE_CHECKING:
    from hazelcast.invocation import Invocation
    from hazelcast.protocol.client_message import OutboundMessage
    from hazelcast.transport import Transport

__all__ = ["CompactSchemaService", "run_with_schemas", "schema_aware", "complete_after_fetching_schema"]

_logger = logging.getLogger(__name__)


def _invocation(request: "OutboundMessage", **kwargs: typing.Any) -> "Invocation":
    # imported on first use: the invocation module imports this one
    from hazelcast.invocation import Invocation

    return Invocation(request, **kwargs)


def _codecs() -> typing.Tuple[typing.Any, typing.Any, typing.Any]:
    # imported on first use: the codecs import the protocol layer
    from hazelcast.protocol.codec import (
        client_fetch_schema_codec,
        client_send_all_schemas_codec,
        client_send_schema_codec,
    )

    return client_fetch_schema_codec, client_send_schema_codec, client_send_all_schemas_codec


class CompactSchemaService:
    """Replicates Compact schemas between the client and the cluster.

    Args:
        compact_serializer: The serialization service's
            ``compact_stream_serializer``.
        invocation_service: Has ``invoke(invocation)``.
        cluster_service: Has ``get_members()``; when given, a schema counts
            as sent once every known member has it.
        transport: Has ``call_later(delay, function)``; waits between
            attempts (immediate retries without it).
        config: The client config (``invocation_retry_pause``).
    """

    SEND_SCHEMA_RETRY_COUNT = 100

    def __init__(
        self,
        compact_serializer: typing.Any,
        invocation_service: typing.Any,
        cluster_service: typing.Any = None,
        transport: typing.Optional["Transport"] = None,
        config: typing.Any = None,
    ):
        self._compact_serializer = compact_serializer
        self._invocation_service = invocation_service
        self._cluster_service = cluster_service
        self._transport = transport
        self._retry_pause = getattr(config, "invocation_retry_pause", 1.0) if config is not None else 1.0
        self._has_replicated_schemas = False

    # -- fetching ------------------------------------------------------------------

    def fetch_schema(self, schema_id: int) -> Future[typing.Any]:
        """Asks the cluster for a schema (Client.fetchSchema) and registers it.

        Returns:
            Future[typing.Any] of the :class:`~hazelcast.serialization.compact.Schema`;
            it fails with ``HazelcastSerializationError`` when the cluster
            does not know the schema either.
        """
        _logger.debug("Fetching the unknown schema %d from the cluster", schema_id)
        fetch_codec = _codecs()[0]
        invocation = _invocation(fetch_codec.encode_request(schema_id), response_handler=fetch_codec.decode_response)
        self._invocation_service.invoke(invocation)
        return invocation.future.continue_with(
            lambda f: self.register_fetched_schema(schema_id, f.result())
        )

    def register_fetched_schema(self, schema_id: int, schema: typing.Any) -> Schema:
        """Registers a schema the cluster sent (the codec's holder or a
        :class:`Schema`).

        Raises:
            HazelcastSerializationError: If the cluster did not know it, or
                sent a schema with another id.
        """
        if schema is None:
            raise HazelcastSerializationError(
                "the schema with id %d cannot be found in the cluster" % schema_id
            )
        received: Schema = schema if isinstance(schema, Schema) else Schema(schema.type_name, schema.fields)
        if received.schema_id != schema_id:
            raise HazelcastSerializationError(
                "the cluster sent %s for the schema id %d" % (received, schema_id)
            )
        self._compact_serializer.register_schema_to_id(received)
        return received

    # -- sending -------------------------------------------------------------------

    def send_schema(self, schema: Schema, clazz: typing.Optional[type] = None) -> Future[typing.Any]:
        """Sends a schema to the cluster (Client.sendSchema) until every
        member has it, then registers it (for ``clazz`` when given).

        Returns:
            Future[typing.Any] completed (with None) once the schema is replicated; it
            fails with ``IllegalStateError`` after
            ``SEND_SCHEMA_RETRY_COUNT`` attempts.
        """
        send_codec = _codecs()[1]

        def on_replicated() -> None:
            self._has_replicated_schemas = True
            if clazz is not None:
                self._compact_serializer.register_schema_to_type(schema, clazz)
            else:
                self._compact_serializer.register_schema_to_id(schema)

        def attempt(remaining: int) -> Future[typing.Any]:
            invocation = _invocation(send_codec.encode_request(schema), response_handler=send_codec.decode_response)
            self._invocation_service.invoke(invocation)
            return invocation.future.continue_with(check, remaining)

        def check(future: Future[typing.Any], remaining: int) -> typing.Optional[Future[typing.Any]]:
            replicated = set(future.result() or ())
            if self._all_members_in(replicated):
                on_replicated()
                return None
            if remaining <= 1:
                raise IllegalStateError(
                    "the schema %s could not be replicated to every member after %d attempts; "
                    "the cluster may be split, storing data with this schema could lose it"
                    % (schema, self.SEND_SCHEMA_RETRY_COUNT)
                )
            return self._later(lambda: attempt(remaining - 1))

        return attempt(self.SEND_SCHEMA_RETRY_COUNT)

    def send_schema_and_retry(
        self, error: SchemaNotReplicatedError, func: typing.Callable[..., typing.Any], *args: typing.Any, **kwargs: typing.Any
    ) -> Future[typing.Any]:
        """Sends the schema of ``error``, then calls ``func`` again.

        Returns:
            Future[typing.Any] of ``func``'s result (its outcome when it returns a Future[typing.Any]).
        """
        return self.send_schema(error.schema, error.clazz).continue_with(
            _then_retry, self, func, args, kwargs
        )

    def fetch_schema_and_retry(
        self, error: SchemaNotFoundError, func: typing.Callable[..., typing.Any], *args: typing.Any, **kwargs: typing.Any
    ) -> Future[typing.Any]:
        """Fetches the schema of ``error``, then calls ``func`` again.

        Returns:
            Future[typing.Any] of ``func``'s result (its outcome when it returns a Future[typing.Any]).
        """
        return self.fetch_schema(error.schema_id).continue_with(
            _then_retry, self, func, args, kwargs
        )

    def send_all_schemas(self) -> Future[typing.Any]:
        """Sends every schema the client used to the cluster
        (Client.sendAllSchemas): call it after connecting to a new cluster,
        before any other request, when :meth:`has_replicated_schemas`."""
        schemas = self._compact_serializer.get_schemas()
        if not schemas:
            return ImmediateFuture(None)
        _logger.debug("Sending %d schemas to the cluster", len(schemas))
        send_all_codec = _codecs()[2]
        invocation = _invocation(send_all_codec.encode_request(schemas), urgent=True)
        self._invocation_service.invoke(invocation)
        return invocation.future

    def has_replicated_schemas(self) -> bool:
        """Returns True if the client sent any schema to the cluster."""
        return self._has_replicated_schemas

    # -- internals -----------------------------------------------------------------

    def _all_members_in(self, replicated: typing.Set[typing.Any]) -> bool:
        if self._cluster_service is None:
            return True
        return all(member.uuid in replicated for member in self._cluster_service.get_members())

    def _later(self, function: typing.Callable[[], Future[typing.Any]]) -> Future[typing.Any]:
        if self._transport is None:
            return function()
        result: Future[typing.Any] = Future()

        def run() -> None:
            try:
                outcome = function()
            except Exception as e:
                result.set_exception(e)
                return
            outcome.add_done_callback(lambda f: _copy(result, f))

        self._transport.call_later(self._retry_pause, run)
        return result


def _then_retry(
    done: Future[typing.Any],
    service: "CompactSchemaService",
    func: typing.Callable[..., typing.Any],
    args: typing.Tuple[typing.Any, ...],
    kwargs: typing.Dict[str, typing.Any],
) -> Future[typing.Any]:
    done.result()  # a failed send or fetch fails the call
    return run_with_schemas(service, func, *args, **kwargs)


def _copy(target: Future[typing.Any], source: Future[typing.Any]) -> None:
    try:
        target.set_result(source.result())
    except Exception as e:
        target.set_exception(e)


def run_with_schemas(
    schema_service: typing.Optional[CompactSchemaService],
    func: typing.Callable[..., typing.Any],
    *args: typing.Any,
    **kwargs: typing.Any,
) -> Future[typing.Any]:
    """Calls ``func``; when it fails for a Compact schema the cluster lacks
    (``SchemaNotReplicatedError``) or the client lacks
    (``SchemaNotFoundError``), sends or fetches the schema and calls it
    again.

    Args:
        schema_service: The client's schema service (None: errors pass).
        func: A function returning a Future[typing.Any] or a value.

    Returns:
        Future[typing.Any] of ``func``'s result.
    """
    try:
        result = func(*args, **kwargs)
    except SchemaNotReplicatedError as e:
        if schema_service is None:
            return ImmediateExceptionFuture(e)
        return schema_service.send_schema_and_retry(e, func, *args, **kwargs)
    except SchemaNotFoundError as e:
        if schema_service is None:
            return ImmediateExceptionFuture(e)
        return schema_service.fetch_schema_and_retry(e, func, *args, **kwargs)
    except Exception as e:
        return ImmediateExceptionFuture(e)
    if isinstance(result, Future):
        return result
    return ImmediateFuture(result)


def schema_aware(method: typing.Callable[..., Future[typing.Any]]) -> typing.Callable[..., Future[typing.Any]]:
    """Decorates a proxy method that serializes its arguments: when a
    Compact schema is missing on the cluster, the schema is sent and the
    method runs again. The proxy finds the service at
    ``self._context.compact_schema_service``; costs one ``try`` otherwise.
    """

    @functools.wraps(method)
    def wrapper(self: typing.Any, *args: typing.Any, **kwargs: typing.Any) -> Future[typing.Any]:
        try:
            return method(self, *args, **kwargs)
        except (SchemaNotReplicatedError, SchemaNotFoundError) as e:
            service: typing.Optional[CompactSchemaService] = getattr(self._context, "compact_schema_service", None)
            if service is None:
                raise
            if isinstance(e, SchemaNotReplicatedError):
                return service.send_schema_and_retry(e, wrapper, self, *args, **kwargs)
            return service.fetch_schema_and_retry(e, wrapper, self, *args, **kwargs)

    return wrapper


def complete_after_fetching_schema(
    schema_service: typing.Optional[CompactSchemaService],
    error: SchemaNotFoundError,
    invocation: typing.Any,
    message: typing.Any,
) -> None:
    """Completes an invocation whose response handler raised
    ``SchemaNotFoundError``: fetches the schema, then decodes the response
    message again (from its first frame) into ``invocation.future``.

    Args:
        schema_service: The client's schema service (None: the invocation fails).
        error: The error the response handler raised.
        invocation: Has ``response_handler`` and ``future``.
        message: The response; has ``reset_cursor()``.
    """

    def decode_again() -> typing.Any:
        message.reset_cursor()
        return invocation.response_handler(message)

    if schema_service is None:
        invocation.future.set_exception(error)
        return
    schema_service.fetch_schema_and_retry(error, decode_again).add_done_callback(
        lambda f: _copy(invocation.future, f)
    )
