"""Mistakes a type checker catches in asyncio-client code."""

from __future__ import annotations

from hazelcast.asyncio import HazelcastClient, Map


async def run() -> None:
    client = await HazelcastClient.create_and_start()
    scores: Map[str, int] = await client.get_map("scores")
    total: int = scores.size() + 1  # error
    await scores.put("ann", "three")  # error
    scores.blocking()  # error
