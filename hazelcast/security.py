"""Token providers for token-based authentication (Enterprise feature)."""

from __future__ import annotations

import typing

if typing.TYPE_CHECKING:
    from hazelcast.core import Address


class TokenProvider:
    """Base class of the token providers.

    Subclass it and override :meth:`token` to authenticate with a custom token;
    pass an instance as the ``token_provider`` option of the client.
    """

    def token(self, address: typing.Optional["Address"] = None) -> bytes:
        """Returns the token sent to the member during authentication.

        Args:
            address: Address of the member the client is authenticating to.

        Returns:
            The token, as bytes.
        """
        raise NotImplementedError("token")


class BasicTokenProvider(TokenProvider):
    """Token provider that always returns the token it was created with.

    Args:
        token: The token. A ``str`` is encoded as UTF-8.

    Raises:
        TypeError: If the token is neither ``str`` nor ``bytes``.
    """

    def __init__(self, token: typing.Union[str, bytes] = ""):
        if isinstance(token, str):
            self._token = token.encode("utf-8")
        elif isinstance(token, bytes):
            self._token = token
        else:
            raise TypeError("invalid value %r for 'token': must be a str or bytes" % (token,))

    def token(self, address: typing.Optional["Address"] = None) -> bytes:
        return self._token
