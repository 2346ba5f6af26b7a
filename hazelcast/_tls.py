"""The TLS context both transports wrap their sockets with (``ssl_*`` options)."""

from __future__ import annotations

import ssl

from hazelcast.config import Config


def client_ssl_context(config: Config) -> ssl.SSLContext:
    """A client-side TLS context from the ``ssl_*`` options: the CA file (or the
    system's certificates), the client certificate, ciphers and hostname check."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if config.ssl_cafile:
        context.load_verify_locations(config.ssl_cafile)
    else:
        context.load_default_certs()
    if config.ssl_certfile:
        context.load_cert_chain(config.ssl_certfile, config.ssl_keyfile, config.ssl_password)
    if config.ssl_ciphers:
        context.set_ciphers(config.ssl_ciphers)
    context.check_hostname = bool(config.ssl_check_hostname)
    return context
