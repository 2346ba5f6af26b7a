"""The TLS context both transports wrap their sockets with (``ssl_*`` options)."""

from __future__ import annotations

import ssl

from hazelcast.config import Config, SSLProtocol
from hazelcast.errors import InvalidConfigurationError

# ssl_protocol -> the one TLS version the client then speaks (as the official
# client does, which disables every other version)
_VERSIONS = {
    SSLProtocol.SSLv3: "SSLv3",
    SSLProtocol.TLSv1: "TLSv1",
    SSLProtocol.TLSv1_1: "TLSv1_1",
    SSLProtocol.TLSv1_2: "TLSv1_2",
    SSLProtocol.TLSv1_3: "TLSv1_3",
}


def client_ssl_context(config: Config) -> ssl.SSLContext:
    """A client-side TLS context from the ``ssl_*`` options: exactly the
    protocol version of ``ssl_protocol``, the CA file (or the system's
    certificates), the client certificate, ciphers and hostname check.
    The member's certificate is always verified.

    Raises:
        InvalidConfigurationError: If ``ssl_protocol`` is a version this
            Python's OpenSSL cannot speak (SSLv2, SSLv3 and often
            TLSv1/TLSv1.1), a file cannot be loaded (or the key decrypted
            with ``ssl_password``), or no cipher matches ``ssl_ciphers``.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    protocol = config.ssl_protocol
    name = _VERSIONS.get(protocol)
    if name is None:
        raise InvalidConfigurationError("ssl_protocol=SSLv2 is not supported by this Python's OpenSSL")
    version = getattr(ssl.TLSVersion, name)
    try:
        context.minimum_version = version
        context.maximum_version = version
    except (ValueError, ssl.SSLError) as e:
        raise InvalidConfigurationError(
            "ssl_protocol=%s is not supported by this Python's OpenSSL: %s" % (name, e)
        ) from None
    context.verify_mode = ssl.CERT_REQUIRED
    if config.ssl_cafile:
        try:
            context.load_verify_locations(config.ssl_cafile)
        except (OSError, ssl.SSLError) as e:
            raise InvalidConfigurationError("could not load ssl_cafile=%r: %s" % (config.ssl_cafile, e)) from None
    else:
        context.load_default_certs()
    if config.ssl_certfile:
        try:
            context.load_cert_chain(config.ssl_certfile, config.ssl_keyfile, config.ssl_password)
        except (OSError, ssl.SSLError, TypeError, ValueError) as e:
            raise InvalidConfigurationError(
                "could not load the client certificate ssl_certfile=%r with ssl_keyfile=%r "
                "(a wrong ssl_password, or a key that does not match the certificate?): %s"
                % (config.ssl_certfile, config.ssl_keyfile, e)
            ) from None
    if config.ssl_ciphers:
        try:
            context.set_ciphers(config.ssl_ciphers)
        except ssl.SSLError as e:
            raise InvalidConfigurationError("no cipher matches ssl_ciphers=%r: %s" % (config.ssl_ciphers, e)) from None
    context.check_hostname = bool(config.ssl_check_hostname)
    return context
