"""Internals behind the asyncio API, at the module paths of the official client."""
