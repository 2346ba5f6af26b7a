"""What the map-like proxies (Map, MultiMap, ReplicatedMap) share to register an
entry listener: turning each event of the member into an :class:`EntryEvent` for
the callback of its type."""

from __future__ import annotations

import typing

from hazelcast.future import Future
from hazelcast.proxy.base import EntryEvent

if typing.TYPE_CHECKING:
    from hazelcast.proxy.base import Proxy

EntryEventCallbacks = typing.Mapping[int, typing.Optional[typing.Callable[[typing.Any], None]]]


def register_entry_listener(
    proxy: "Proxy[typing.Any]",
    request: typing.Any,
    add_codec: typing.Any,
    remove_codec: typing.Any,
    callbacks: EntryEventCallbacks,
) -> Future[str]:
    """Registers the entry listener of the encoded ``request`` (made with
    ``add_codec``) on the cluster; the Future gives the registration id.

    Each event becomes an :class:`EntryEvent` (key and values deserialized)
    given to the callback of its type in ``callbacks``; an event of a type with
    no callback (``None`` or absent, e.g. one from a newer member) is dropped.
    """
    funcs = {event_type: func for event_type, func in callbacks.items() if func is not None}
    to_object = proxy._to_object
    name = proxy.name

    def on_entry_event(
        key_data: typing.Any,
        value_data: typing.Any,
        old_value_data: typing.Any,
        merging_value_data: typing.Any,
        event_type: int,
        member_uuid: typing.Any,
        number_of_affected_entries: int,
    ) -> None:
        func = funcs.get(event_type)
        if func is None:
            return
        func(
            EntryEvent(
                to_object(key_data),
                to_object(value_data),
                to_object(old_value_data),
                to_object(merging_value_data),
                event_type,
                member_uuid,
                number_of_affected_entries,
            )
        )

    handle = add_codec.handle

    def on_message(message: typing.Any) -> None:
        handle(message, on_entry_event)

    return proxy._context.listener_service.register_listener(
        request,
        add_codec.decode_response,
        lambda server_id: remove_codec.encode_request(name, server_id),
        on_message,
    )
